//! Carries out the home screen's `x`: the session's report, in the
//! session's language, written beside it (or where it can be), and a line
//! for the home screen saying where.

use std::path::Path;

use crate::export::Format;
use crate::i18n::homeexport::home_export_strings;
use crate::store::{self, report_file};
use crate::text::Lang;

/// Exports the session at `path` as `format`. `Ok`: where the report
/// went; `Err`: why nothing was written. Both in the UI language `lang`.
pub fn export(path: &Path, data_dir: &Path, format: Format, lang: Lang) -> Result<String, String> {
    let t = home_export_strings(lang);
    let loaded =
        store::load(path).map_err(|e| format!("{} {}", t.cannot_export, e.message(lang)))?;
    let mut bytes = Vec::new();
    format
        .write(&mut bytes, &loaded.session, loaded.session.lang)
        .map_err(|e| format!("{} {}: {e}", t.cannot_export, path.display()))?;
    let temp = std::env::temp_dir();
    let written = report_file::write_report(path, format.extension(), &bytes, &[data_dir, &temp])
        .map_err(|e| format!("{} {}", t.cannot_export, e.message(lang)))?;
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
}
