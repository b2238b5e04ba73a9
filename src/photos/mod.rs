//! Photos of the day: an image from a phone or a file made safe to keep.
//!
//! Every image goes through [`process`] before it is stored: only JPEG, PNG
//! or WebP (told by its bytes, never by its name), at most [`MAX_BYTES`],
//! decoded within bounds of pixels and memory (a decompression bomb is
//! refused from its header, before anything is allocated), turned upright
//! from its EXIF orientation, scaled to at most [`LONG_EDGE`] pixels on its
//! long edge and written again as a plain JPEG. Nothing of the original's
//! metadata survives: no EXIF (GPS above all), XMP, IPTC, ICC profile or
//! comment, because the new file is made from the pixels alone.
//!
//! Where the images live (the folder beside the session) is `store::photos`;
//! [`stored`] reads them back for the reports.

mod process;
pub mod stored;

pub use process::{
    LONG_EDGE, MAX_BYTES, MAX_PIXELS_WIDE, PhotoError, Processed, process, process_file,
};
/// A file size as people read it: `245 KB`, `1.2 MB`.
pub fn size_text(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[doc(hidden)]
pub mod sample;
#[cfg(test)]
mod tests;
