//! One phone photo made safe to keep (`wethi::photos::process`): a 12
//! megapixel JPEG (4000 × 3000, as most phones take them) and a 48
//! megapixel one, decoded, scaled to 1600 px and written again. Also a
//! decompression bomb's refusal. And the reports of a session with 40
//! photos (Word, HTML), against the same session without them.
//! `cargo bench --bench photos`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};
use wethi::export::{Format, Photos};
use wethi::photos::{process, sample};
use wethi::session::{Photo, template};
use wethi::text::Lang;
use wethi::text::date::Digits;

/// A `width` × `height` JPEG with detail everywhere (gradients and a
/// pattern), so the encoder and decoder work as on a real photo.
fn photo(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| {
        let v = ((x ^ y) & 0xff) as u8;
        Rgb([(x * 255 / width) as u8, v, (y * 255 / height) as u8])
    });
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&image)
        .expect("the bench photo encodes");
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("photos");
    group.sample_size(10);
    for (name, w, h) in [("12mp", 4000, 3000), ("48mp", 8000, 6000)] {
        let bytes = photo(w, h);
        group.bench_function(format!("process/{name}"), |b| {
            b.iter(|| process(black_box(&bytes)).expect("a photo"))
        });
    }
    let bomb = sample::png_claiming(100_000, 100_000);
    group.bench_function("refuse/png_bomb", |b| {
        b.iter(|| process(black_box(&bomb)).expect_err("a bomb"))
    });
    group.finish();
}

/// The Word and HTML reports of the example with `n` photos, each image a
/// stored photo made from a 12-megapixel one (read from memory, as the
/// report's caller hands it over).
fn reports(c: &mut Criterion) {
    let stored = process(&photo(4000, 3000)).expect("a photo");
    let mut group = c.benchmark_group("report_photos");
    group.sample_size(10);
    for n in [0, 40] {
        let mut s = template::example().expect("the example");
        for i in 0..n {
            s.photos.push(Photo {
                id: format!("ph-{i}"),
                file: format!("ph-{i}.jpg"),
                caption: format!("ภาพกิจกรรมที่ {i} กลุ่มนำเสนอผลการวิเคราะห์"),
                group: None,
                added_at: s.created_at,
                bytes: stored.jpeg.len() as u64,
                width: stored.width,
                height: stored.height,
                extra: Default::default(),
            });
        }
        for format in [Format::Docx, Format::Html] {
            let write = || {
                let mut out = Vec::new();
                let mut photos = Photos::new("", |_: &str| Ok(stored.jpeg.clone()));
                format
                    .write_with(&mut out, &s, Lang::Th, Digits::Arabic, &mut photos)
                    .expect("written");
                out
            };
            eprintln!(
                "{format:?} with {n} photos of {} KB: {} KB",
                stored.jpeg.len() / 1024,
                write().len() / 1024
            );
            group.bench_function(format!("{format:?}/{n}").to_lowercase(), |b| {
                b.iter(|| black_box(write()))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench, reports);
criterion_main!(benches);
