//! One phone photo made safe to keep (`wethi::photos::process`): a 12
//! megapixel JPEG (4000 × 3000, as most phones take them) and a 48
//! megapixel one, decoded, scaled to 1600 px and written again. Also a
//! decompression bomb's refusal. `cargo bench --bench photos`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};
use wethi::photos::{process, sample};

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

criterion_group!(benches, bench);
criterion_main!(benches);
