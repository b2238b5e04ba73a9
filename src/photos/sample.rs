//! Images made for tests: a phone's JPEG with its orientation, GPS position
//! and other metadata, a PNG that claims to be enormous, and a way to list a
//! JPEG's segments. Tests of every level use them, so they are public.

use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};

/// Bytes put in the GPS block, the XMP packet and the comment of
/// [`phone_jpeg`]: none of them may be found in a stored photo.
pub const GPS_MARK: &[u8] = b"GPS-15.2286N-104.8564E";
pub const XMP_MARK: &[u8] = b"XMP-CreatorTool-PhoneCam";
pub const COMMENT_MARK: &[u8] = b"COMMENT-from-the-phone";

pub const RED: Rgb<u8> = Rgb([220, 30, 30]);
pub const BLUE: Rgb<u8> = Rgb([30, 30, 220]);

/// A `width` × `height` JPEG as a phone takes it: stored sideways with EXIF
/// orientation `orientation` (6: turn 90° clockwise to show it), a GPS
/// position, an XMP packet and a comment. Its left half is red, its right
/// half blue, so the turn can be seen.
pub fn phone_jpeg(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, _| if x < width / 2 { RED } else { BLUE });
    let mut plain = Vec::new();
    let encoded = JpegEncoder::new_with_quality(&mut plain, 90).encode_image(&image);
    assert!(encoded.is_ok(), "a small JPEG encodes");
    let mut out = plain[..2].to_vec(); // SOI
    segment(&mut out, 0xE1, &exif(orientation));
    let mut xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>".to_vec();
    xmp.extend_from_slice(XMP_MARK);
    xmp.extend_from_slice(b"</x:xmpmeta>");
    segment(&mut out, 0xE1, &xmp);
    segment(&mut out, 0xFE, COMMENT_MARK);
    out.extend_from_slice(&plain[2..]);
    out
}

fn segment(out: &mut Vec<u8>, marker: u8, payload: &[u8]) {
    out.extend_from_slice(&[0xFF, marker]);
    out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(payload);
}

/// An EXIF block (little-endian TIFF): IFD0 with the orientation and a
/// pointer to a GPS IFD holding a latitude reference and [`GPS_MARK`].
fn exif(orientation: u16) -> Vec<u8> {
    let mut t = b"Exif\0\0".to_vec();
    let base = t.len();
    t.extend_from_slice(b"II\x2a\x00");
    t.extend_from_slice(&8u32.to_le_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        t.extend_from_slice(&tag.to_le_bytes());
        t.extend_from_slice(&kind.to_le_bytes());
        t.extend_from_slice(&count.to_le_bytes());
        t.extend_from_slice(&value);
    };
    // IFD0 at 8: two entries (2 + 24 + 4 bytes), the GPS IFD right after.
    let gps_at: u32 = 8 + 30;
    t.extend_from_slice(&2u16.to_le_bytes());
    let o = orientation.to_le_bytes();
    entry(&mut t, 0x0112, 3, 1, [o[0], o[1], 0, 0]);
    entry(&mut t, 0x8825, 4, 1, gps_at.to_le_bytes());
    t.extend_from_slice(&0u32.to_le_bytes());
    // The GPS IFD: "N", then the map datum pointing at the mark after it.
    let data_at = gps_at + 30;
    t.extend_from_slice(&2u16.to_le_bytes());
    entry(&mut t, 0x0001, 2, 2, *b"N\0\0\0");
    entry(
        &mut t,
        0x0012,
        2,
        GPS_MARK.len() as u32 + 1,
        data_at.to_le_bytes(),
    );
    t.extend_from_slice(&0u32.to_le_bytes());
    debug_assert_eq!(t.len() - base, data_at as usize);
    t.extend_from_slice(GPS_MARK);
    t.push(0);
    t
}

/// The markers of a JPEG's segments before its image data (0xE0 for APP0 …).
pub fn jpeg_markers(bytes: &[u8]) -> Vec<u8> {
    let mut markers = Vec::new();
    let mut i = 2;
    while i + 4 <= bytes.len() && bytes[i] == 0xFF {
        let marker = bytes[i + 1];
        markers.push(marker);
        if marker == 0xDA {
            break;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        i += 2 + len;
    }
    markers
}

/// A PNG whose header claims `width` × `height` pixels, with a few bytes of
/// image data: a decompression bomb's opening.
pub fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit RGB
    chunk(&mut out, b"IHDR", &ihdr);
    // zlib of nothing much: the header is what must stop it.
    chunk(
        &mut out,
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    );
    chunk(&mut out, b"IEND", &[]);
    out
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// `needle` occurs in `haystack`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
