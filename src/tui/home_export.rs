//! Carries out the home screen's `x`: the session's report, in the
//! session's language, with its photos (embedded, linked from where the
//! report goes, or named), written beside it (or where it can be), and a
//! line for the home screen saying where.

use std::borrow::Cow;
use std::cell::Cell;
use std::path::Path;

use crate::export::{Format, Photos};
use crate::i18n::homeexport::home_export_strings;
use crate::photos::stored;
use crate::store::{self, report_file};
use crate::text::Lang;
use crate::text::date::Digits;

/// Exports the session at `path` as `format`. `Ok`: where the report
/// went; `Err`: why nothing was written. Both in the UI language `lang`.
pub fn export(path: &Path, data_dir: &Path, format: Format, lang: Lang) -> Result<String, String> {
    let t = home_export_strings(lang);
    let cannot = |why: &dyn std::fmt::Display| format!("{} {why}", t.cannot_export);
    let loaded = store::load(path).map_err(|e| cannot(&e.message(lang)))?;
    let session = &loaded.session;
    // A report that would show a photo without its image is not written.
    if format.shows_images()
        && let Some(why) = stored::check(path, session, lang)
    {
        return Err(cannot(&why));
    }
    let image_failed = Cell::new(false);
    let render = |dir: &Path| {
        let mut photos = Photos::new(
            store::photos::folder_link(dir, path),
            stored::flagging_reader(path, lang, &image_failed),
        );
        let mut bytes = Vec::new();
        format.write_with(
            &mut bytes,
            session,
            session.lang,
            Digits::Arabic,
            &mut photos,
        )?;
        Ok(bytes)
    };
    let failed = |e: store::SaveError| match image_failed.get() {
        // The image's own error names it and says what is wrong.
        true => cannot(&e.source),
        false => cannot(&e.message(lang)),
    };
    let temp = std::env::temp_dir();
    let fallbacks = [data_dir, temp.as_path()];
    let ext = format.extension();
    let written = if format.links_from_folder() {
        // Made for the folder it goes into: its photos are linked from there.
        let mut render = |dir: &Path| render(dir).map(Cow::Owned);
        report_file::write_report_with(path, ext, &mut render, &fallbacks)
    } else {
        // The same bytes wherever they go: made once, images read once.
        let bytes = render(Path::new(".")).map_err(|source| store::SaveError {
            path: path.with_extension(ext),
            source,
        });
        bytes.and_then(|b| report_file::write_report(path, ext, &b, &fallbacks))
    }
    .map_err(failed)?;
    let said = match (written.beside, format) {
        (true, Format::Post) => t.post_written,
        (true, _) => t.written,
        (false, _) => t.written_elsewhere,
    };
    Ok(format!("{said} {}", written.path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sessions/examples/ubon-2021-01-13.json"
    );

    #[test]
    fn the_report_is_in_the_session_language_whatever_the_ui_says() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = dir.path().join("ubon.json");
        std::fs::copy(EXAMPLE, &session).expect("copy");
        let said = export(&session, dir.path(), Format::Md, Lang::En).expect("exported");
        let report = dir.path().join("ubon.md");
        assert_eq!(said, format!("Report written: {}", report.display()));
        let text = std::fs::read_to_string(&report).expect("read");
        assert!(text.contains("13 มกราคม 2564"), "{text}");
        let said = export(&session, dir.path(), Format::Md, Lang::Th).expect("exported");
        assert!(said.ends_with("ubon (2).md"), "{said}");
    }

    #[test]
    fn a_broken_file_is_not_exported_and_the_line_says_why() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = dir.path().join("broken.json");
        std::fs::write(&session, "{ not json").expect("write");
        let why = export(&session, dir.path(), Format::Csv, Lang::En).expect_err("broken");
        assert!(
            why.starts_with("Cannot export:") && why.contains("broken.json"),
            "{why}"
        );
        assert!(!dir.path().join("broken.csv").exists());
    }

    /// The example at `dir/ubon.json` with one photo whose image is stored.
    fn with_a_photo(dir: &Path) -> std::path::PathBuf {
        let session = dir.join("ubon.json");
        let mut s = store::load(Path::new(EXAMPLE))
            .expect("the example")
            .session;
        let image = crate::photos::process(&crate::photos::sample::phone_jpeg(40, 20, 6))
            .expect("processed");
        store::photos::write_photo(&session, "ph-1.jpg", &image.jpeg).expect("stored");
        s.photos.push(crate::session::Photo {
            id: "ph-1".into(),
            file: "ph-1.jpg".into(),
            caption: "กลุ่มที่ 1 นำเสนอ".into(),
            group: None,
            added_at: s.created_at,
            bytes: image.jpeg.len() as u64,
            width: image.width,
            height: image.height,
            extra: Default::default(),
        });
        store::save_session(&session, &s).expect("saved");
        session
    }

    #[test]
    fn the_report_beside_the_session_links_or_embeds_its_photos() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = with_a_photo(dir.path());
        export(&session, dir.path(), Format::Md, Lang::En).expect("exported");
        let md = std::fs::read_to_string(dir.path().join("ubon.md")).expect("read");
        assert!(
            md.contains("![กลุ่มที่ 1 นำเสนอ](ubon.photos/ph-1.jpg)"),
            "{md}"
        );
        export(&session, dir.path(), Format::Html, Lang::En).expect("exported");
        let html = std::fs::read_to_string(dir.path().join("ubon.html")).expect("read");
        assert!(
            html.contains("src=\"data:image/jpeg;base64,/9j/"),
            "embedded"
        );
        export(&session, dir.path(), Format::Post, Lang::En).expect("exported");
        let post = std::fs::read_to_string(dir.path().join("ubon.post.txt")).expect("read");
        assert!(
            post.contains("\n1) ubon.photos/ph-1.jpg (กลุ่มที่ 1 นำเสนอ)"),
            "{post}"
        );
    }

    #[test]
    fn a_report_whose_photo_is_missing_is_not_written_and_the_line_names_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = with_a_photo(dir.path());
        std::fs::remove_file(dir.path().join("ubon.photos/ph-1.jpg")).expect("removed");
        for format in [Format::Md, Format::Html, Format::Docx] {
            let why = export(&session, dir.path(), format, Lang::En).expect_err("missing");
            assert!(
                why.starts_with("Cannot export: the image ph-1.jpg of photo 1 is not in ")
                    && why.ends_with("delete that photo in the Photos view, then export again"),
                "{why}"
            );
            assert!(
                !dir.path()
                    .join(format!("ubon.{}", format.extension()))
                    .exists()
            );
        }
        // The post only names its photos: it is written, and CSV has none.
        export(&session, dir.path(), Format::Post, Lang::En).expect("exported");
        export(&session, dir.path(), Format::Csv, Lang::En).expect("exported");
    }
}
