//! One image made safe to keep: checked, decoded within bounds, upright,
//! scaled and re-encoded without metadata.

use std::io::Cursor;
use std::path::Path;
use std::sync::Mutex;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage};

use crate::i18n::fill;
use crate::i18n::photos::photos_strings;
use crate::text::Lang;

/// The largest image taken, in bytes: a phone's full-size photo fits.
pub const MAX_BYTES: usize = 15 * 1024 * 1024;
/// The long edge of a stored photo, in pixels: sharp on an A4 page at two
/// photos a row, small enough to mail a report.
pub const LONG_EDGE: u32 = 1600;
/// The widest (or tallest) image decoded at all.
pub const MAX_PIXELS_WIDE: u32 = 16_384;
/// The most memory one decode may take: a 48-megapixel phone photo
/// (8000 × 6000, 144 MB as RGB) fits, a bomb does not.
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;
/// JPEG quality of the stored photo.
const QUALITY: u8 = 85;

/// Only one image is decoded at a time, so a room full of phones sending
/// photos at once cannot take more than one decode's memory.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// A stored photo: JPEG bytes without metadata, and its size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Processed {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Why an image was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoError {
    /// Over [`MAX_BYTES`].
    TooLarge { bytes: u64 },
    /// Not JPEG, PNG or WebP by its first bytes.
    NotAnImage,
    /// Its header asks for more pixels or memory than a decode may take.
    TooManyPixels { width: u32, height: u32 },
    /// The decoder gave up on it.
    Damaged(String),
    /// The file could not be read.
    Unreadable(String),
}

impl PhotoError {
    /// Why, as a sentence's second half: the caller names the image.
    pub fn message(&self, lang: Lang) -> String {
        let t = photos_strings(lang);
        let mb = |n: u64| format!("{:.1}", n as f64 / (1024.0 * 1024.0));
        match self {
            PhotoError::TooLarge { bytes } => fill(
                t.too_large,
                &[
                    ("limit", &(MAX_BYTES / (1024 * 1024)).to_string()),
                    ("size", &mb(*bytes)),
                ],
            ),
            PhotoError::NotAnImage => t.not_an_image.to_owned(),
            PhotoError::TooManyPixels { width, height } => fill(
                t.too_many_pixels,
                &[
                    ("width", &width.to_string()),
                    ("height", &height.to_string()),
                ],
            ),
            PhotoError::Damaged(why) => fill(t.damaged, &[("why", why)]),
            PhotoError::Unreadable(why) => fill(t.unreadable, &[("why", why)]),
        }
    }
}

/// The format of `bytes` by their signature, if it is one we take.
pub fn sniff(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageFormat::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageFormat::Png)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(ImageFormat::WebP)
    } else {
        None
    }
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_PIXELS_WIDE);
    limits.max_image_height = Some(MAX_PIXELS_WIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}

/// Reads the image at `path` (at most [`MAX_BYTES`] of it) and processes it.
pub fn process_file(path: &Path) -> Result<Processed, PhotoError> {
    process(&read_limited(path)?)
}

/// The bytes of the file at `path`, refused without reading past
/// [`MAX_BYTES`] when it is larger (its size then said from the file).
pub(super) fn read_limited(path: &Path) -> Result<Vec<u8>, PhotoError> {
    use std::io::Read;
    let unreadable = |e: std::io::Error| PhotoError::Unreadable(e.to_string());
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() > MAX_BYTES {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(PhotoError::TooLarge { bytes: size });
    }
    Ok(bytes)
}

/// `bytes` made into a photo to keep (see the module's documentation).
pub fn process(bytes: &[u8]) -> Result<Processed, PhotoError> {
    if bytes.len() > MAX_BYTES {
        return Err(PhotoError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    let format = sniff(bytes).ok_or(PhotoError::NotAnImage)?;
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let image = decode(bytes, format)?;
    let image = if image.width().max(image.height()) > LONG_EDGE {
        image.resize(LONG_EDGE, LONG_EDGE, FilterType::Triangle)
    } else {
        image
    };
    let rgb = on_white(image);
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, QUALITY)
        .encode_image(&rgb)
        .map_err(|e| PhotoError::Damaged(e.to_string()))?;
    Ok(Processed {
        jpeg,
        width: rgb.width(),
        height: rgb.height(),
    })
}

/// Decodes within [`limits`] and turns the image upright.
fn decode(bytes: &[u8], format: ImageFormat) -> Result<DynamicImage, PhotoError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    // Only the header is read here, allocating nothing for the pixels; the
    // size it claims is then held to the limits before any decoding.
    reader.no_limits();
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| PhotoError::Damaged(e.to_string()))?;
    let size = decoder.dimensions();
    decoder.set_limits(limits()).map_err(|e| refused(e, size))?;
    let mut budget = limits();
    budget
        .reserve(decoder.total_bytes())
        .map_err(|e| refused(e, size))?;
    // An orientation that cannot be read leaves the image as it was stored.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|e| refused(e, size))?;
    image.apply_orientation(orientation);
    Ok(image)
}

fn refused(e: ImageError, size: (u32, u32)) -> PhotoError {
    match e {
        ImageError::Limits(_) => PhotoError::TooManyPixels {
            width: size.0,
            height: size.1,
        },
        other => PhotoError::Damaged(other.to_string()),
    }
}

/// The image as RGB, anything transparent laid on white (as on paper).
fn on_white(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let mut out = RgbImage::new(rgba.width(), rgba.height());
    for (dst, src) in out.pixels_mut().zip(rgba.pixels()) {
        let a = u16::from(src.0[3]);
        for c in 0..3 {
            let v = u16::from(src.0[c]) * a + 255 * (255 - a);
            dst.0[c] = (v / 255) as u8;
        }
    }
    out
}
