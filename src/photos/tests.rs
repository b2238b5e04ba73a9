use image::{GenericImageView, Rgb, RgbaImage};

use super::sample::{self, BLUE, RED};
use super::*;

fn close(a: Rgb<u8>, b: Rgb<u8>) -> bool {
    a.0.iter().zip(b.0).all(|(x, y)| x.abs_diff(y) < 40)
}

fn decoded(p: &Processed) -> image::DynamicImage {
    image::load_from_memory(&p.jpeg).expect("a stored photo is a JPEG")
}

#[test]
fn a_phone_photo_comes_out_upright_and_without_any_metadata() {
    // Stored 80 × 40 (landscape), orientation 6: shown turned clockwise,
    // portrait, with the left (red) half on top.
    let phone = sample::phone_jpeg(80, 40, 6);
    assert!(sample::contains(&phone, sample::GPS_MARK));
    let p = process(&phone).unwrap();
    assert_eq!((p.width, p.height), (40, 80));
    let img = decoded(&p).to_rgb8();
    assert_eq!(img.dimensions(), (40, 80));
    assert!(
        close(*img.get_pixel(20, 10), RED),
        "{:?}",
        img.get_pixel(20, 10)
    );
    assert!(
        close(*img.get_pixel(20, 70), BLUE),
        "{:?}",
        img.get_pixel(20, 70)
    );
    for mark in [
        sample::GPS_MARK,
        sample::XMP_MARK,
        sample::COMMENT_MARK,
        b"Exif",
    ] {
        assert!(
            !sample::contains(&p.jpeg, mark),
            "{}",
            String::from_utf8_lossy(mark)
        );
    }
    // Nothing but the JFIF header before the image: no APP1 (EXIF, XMP),
    // APP2 (ICC), APP13 (IPTC) or comment.
    let markers = sample::jpeg_markers(&p.jpeg);
    assert!(
        markers
            .iter()
            .all(|m| !(0xE1..=0xEF).contains(m) && *m != 0xFE),
        "{markers:x?}"
    );
}

#[test]
fn an_upright_photo_stays_as_it_is() {
    let p = process(&sample::phone_jpeg(60, 30, 1)).unwrap();
    assert_eq!((p.width, p.height), (60, 30));
    let img = decoded(&p).to_rgb8();
    assert!(close(*img.get_pixel(5, 15), RED));
    assert!(close(*img.get_pixel(55, 15), BLUE));
}

#[test]
fn a_big_photo_is_scaled_to_the_long_edge() {
    let big = image::RgbImage::from_pixel(2000, 1000, RED);
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(big)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let p = process(&png).unwrap();
    assert_eq!((p.width, p.height), (LONG_EDGE, 800));
    assert_eq!(decoded(&p).dimensions(), (LONG_EDGE, 800));
}

#[test]
fn png_and_webp_are_taken_and_transparency_lies_on_white() {
    let clear = RgbaImage::from_pixel(8, 8, image::Rgba([0, 0, 0, 0]));
    for format in [image::ImageFormat::Png, image::ImageFormat::WebP] {
        let mut bytes = Vec::new();
        image::DynamicImage::ImageRgba8(clear.clone())
            .write_to(&mut std::io::Cursor::new(&mut bytes), format)
            .unwrap();
        let p = process(&bytes).unwrap_or_else(|e| panic!("{format:?}: {e:?}"));
        let img = decoded(&p).to_rgb8();
        assert!(
            close(*img.get_pixel(4, 4), Rgb([255, 255, 255])),
            "{format:?}"
        );
    }
}

#[test]
fn a_decompression_bomb_is_refused_from_its_header() {
    let bomb = sample::png_claiming(100_000, 100_000);
    assert!(bomb.len() < 100);
    assert_eq!(
        process(&bomb),
        Err(PhotoError::TooManyPixels {
            width: 100_000,
            height: 100_000
        })
    );
    // Within the width limit but over the memory one: 16,000² RGB is 768 MB.
    assert!(matches!(
        process(&sample::png_claiming(16_000, 16_000)),
        Err(PhotoError::TooManyPixels { .. })
    ));
}

#[test]
fn what_is_not_a_jpeg_png_or_webp_is_refused_whatever_its_name() {
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec();
    for bytes in [
        gif,
        b"<svg></svg>".to_vec(),
        Vec::new(),
        b"BM\x00\x00".to_vec(),
    ] {
        assert_eq!(process(&bytes), Err(PhotoError::NotAnImage));
    }
    // A JPEG's signature with nothing sensible after it.
    let mut broken = vec![0xFF, 0xD8, 0xFF, 0xE0];
    broken.extend_from_slice(&[0x55; 64]);
    assert!(matches!(process(&broken), Err(PhotoError::Damaged(_))));
}

#[test]
fn an_image_over_fifteen_megabytes_is_refused_before_decoding() {
    let mut big = sample::phone_jpeg(8, 8, 1);
    big.resize(MAX_BYTES + 1, 0);
    assert_eq!(
        process(&big),
        Err(PhotoError::TooLarge {
            bytes: MAX_BYTES as u64 + 1
        })
    );
}

#[test]
fn every_refusal_is_a_sentence_in_both_languages() {
    let errors = [
        PhotoError::TooLarge { bytes: 20 << 20 },
        PhotoError::NotAnImage,
        PhotoError::TooManyPixels {
            width: 100_000,
            height: 100_000,
        },
        PhotoError::Damaged("x".into()),
        PhotoError::Unreadable("y".into()),
    ];
    for e in errors {
        for lang in [crate::text::Lang::Th, crate::text::Lang::En] {
            let m = e.message(lang);
            assert!(!m.is_empty() && !m.contains('{'), "{m}");
        }
    }
    assert!(
        PhotoError::TooLarge { bytes: 20 << 20 }
            .message(crate::text::Lang::En)
            .contains("15 MB (20.0 MB)")
    );
}
