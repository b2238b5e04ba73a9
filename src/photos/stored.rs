//! The images a session keeps, read back for its reports. The export layer
//! reads no folders: `wethi export` and the home screen's `x` hand it
//! [`flagging_reader`], after [`check`] has named any image that is missing.

use std::cell::Cell;
use std::io;
use std::path::Path;

use crate::i18n::fill;
use crate::i18n::photos::photos_strings;
use crate::session::Session;
use crate::session::validate::is_photo_file_name;
use crate::store::photos::{first_missing, photos_dir};
use crate::text::Lang;
use crate::text::sanitize::for_display;

use image::ImageFormat;

use super::process::{read_limited, sniff};

/// Why a report of the session at `path` cannot be made, in `lang`: the
/// first photo whose image is not in the folder, named with its place and
/// what to do. `None` when every image is there.
pub fn check(path: &Path, session: &Session, lang: Lang) -> Option<String> {
    let (index, photo) = first_missing(path, session)?;
    let shown = |p: &Path| for_display(&p.display().to_string()).into_owned();
    Some(fill(
        photos_strings(lang).report_missing,
        &[
            ("photo", &for_display(&photo.file)),
            ("n", &(index + 1).to_string()),
            ("folder", &shown(&photos_dir(path))),
        ],
    ))
}

/// [`reader`], setting `failed` when an image cannot be read: the caller
/// then shows the image's own error, which names it, not the report's.
pub fn flagging_reader<'a>(
    path: &Path,
    lang: Lang,
    failed: &'a Cell<bool>,
) -> impl FnMut(&str) -> io::Result<Vec<u8>> + 'a {
    let mut read = reader(path, lang);
    move |file: &str| read(file).inspect_err(|_| failed.set(true))
}

/// Reads the images of the session at `path` by file name: each at most
/// [`MAX_BYTES`](super::process::MAX_BYTES) and a JPEG by its bytes (what wethi stored), or an error
/// whose message is a sentence in `lang` naming the image.
pub fn reader(path: &Path, lang: Lang) -> impl FnMut(&str) -> io::Result<Vec<u8>> + use<> {
    let dir = photos_dir(path);
    move |file: &str| {
        let image = dir.join(file);
        let refuse = |kind: io::ErrorKind, why: String| {
            let shown = for_display(&image.display().to_string()).into_owned();
            io::Error::new(kind, format!("{shown}: {why}"))
        };
        let t = photos_strings(lang);
        // A name from the file is a plain name, never a way out of the folder.
        if !is_photo_file_name(file) {
            return Err(refuse(io::ErrorKind::InvalidData, t.not_stored.to_owned()));
        }
        let bytes = read_limited(&image)
            .map_err(|e| refuse(io::ErrorKind::InvalidData, e.message(lang)))?;
        if sniff(&bytes) != Some(ImageFormat::Jpeg) {
            return Err(refuse(io::ErrorKind::InvalidData, t.not_stored.to_owned()));
        }
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::photos::write_photo;

    #[test]
    fn a_stored_jpeg_is_read_and_anything_else_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("s.json");
        let jpeg = crate::photos::process(&crate::photos::sample::phone_jpeg(40, 30, 1))
            .expect("processed")
            .jpeg;
        write_photo(&path, "ph-1.jpg", &jpeg).expect("written");
        write_photo(&path, "ph-2.jpg", b"<html>").expect("written");
        let mut read = reader(&path, Lang::En);
        assert_eq!(read("ph-1.jpg").expect("read"), jpeg);
        let not_jpeg = read("ph-2.jpg").expect_err("not a JPEG").to_string();
        assert!(
            not_jpeg.ends_with("ph-2.jpg: not the JPEG image wethi stored"),
            "{not_jpeg}"
        );
        let gone = read("ph-3.jpg").expect_err("missing").to_string();
        assert!(gone.contains("ph-3.jpg: the file cannot be read"), "{gone}");
        let outside = read("../s.json").expect_err("a path").to_string();
        assert!(outside.contains("not the JPEG"), "{outside}");
    }

    #[test]
    fn a_missing_image_is_named_with_its_place_and_what_to_do() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("s.json");
        let mut session = crate::session::template::example().expect("example");
        assert_eq!(check(&path, &session, Lang::En), None);
        session.photos.push(crate::session::Photo {
            id: "ph-1".into(),
            file: "ph-1.jpg".into(),
            caption: String::new(),
            group: None,
            added_at: session.created_at,
            bytes: 1,
            width: 4,
            height: 3,
            extra: Default::default(),
        });
        let why = check(&path, &session, Lang::En).expect("missing");
        assert!(
            why.starts_with("the image ph-1.jpg of photo 1 is not in ")
                && why.contains("s.photos")
                && why.ends_with("delete that photo in the Photos view, then export again"),
            "{why}"
        );
    }
}
