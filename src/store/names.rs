//! File names for sessions: the date and a readable slug of the title.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use unicode_segmentation::UnicodeSegmentation;

/// Long enough to read, short enough for every file system's 255-byte limit
/// once the date, a uniqueness suffix and `.json` are added.
const MAX_SLUG_BYTES: usize = 120;

/// A safe slug of `title`: letters, marks and digits of any script are kept
/// (Thai titles stay readable), everything else becomes `-`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for cluster in title.graphemes(true) {
        let keep = cluster.chars().next().is_some_and(|c| c.is_alphanumeric());
        let is_safe = cluster.chars().all(|c| c.is_alphanumeric() || is_mark(c));
        if keep && is_safe {
            if out.len() + cluster.len() > MAX_SLUG_BYTES {
                break;
            }
            out.push_str(cluster);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "session".to_owned()
    } else {
        trimmed.to_lowercase()
    }
}

/// Combining marks (Thai vowels above and below, tone marks) belong to the
/// letter before them; `char::is_alphanumeric` does not count all of them.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}' | '\u{0300}'..='\u{036F}')
}

/// A path in `dir` for a new session that does not exist yet, nor its photo
/// folder: `2021-01-13-ประชุม-ศอช.json`, then `-2`, `-3` … when taken.
pub fn file_name_for(dir: &Path, date: NaiveDate, title: &str) -> PathBuf {
    let base = format!("{}-{}", date.format("%Y-%m-%d"), slug(title));
    let mut candidate = dir.join(format!("{base}.json"));
    let mut n = 2;
    while !super::photos::is_free(&candidate) {
        candidate = dir.join(format!("{base}-{n}.json"));
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_title_keeps_its_marks() {
        assert_eq!(slug("ประชุมเชิงปฏิบัติการ ศอช.จ."), "ประชุมเชิงปฏิบัติการ-ศอช-จ");
        assert_eq!(slug("ที่ทำการ"), "ที่ทำการ");
    }

    #[test]
    fn separators_dots_and_controls_are_removed() {
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug(".hidden"), "hidden");
        assert_eq!(slug("a\u{1b}[31mb\n\tc"), "a-31mb-c");
        assert_eq!(slug("C:\\x<y>|z?*"), "c-x-y-z");
        assert_eq!(slug(""), "session");
        assert_eq!(slug("!!!"), "session");
        assert_eq!(slug("\u{202E}evil"), "evil");
    }

    #[test]
    fn long_titles_are_bounded_on_a_cluster_boundary() {
        let title = "ที่".repeat(200);
        let s = slug(&title);
        assert!(s.len() <= MAX_SLUG_BYTES);
        assert_eq!(s.len() % "ที่".len(), 0);
    }

    #[test]
    fn names_are_unique_in_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let date = NaiveDate::from_ymd_opt(2021, 1, 13).unwrap();
        let first = file_name_for(dir.path(), date, "SWOT");
        assert_eq!(first.file_name().unwrap(), "2021-01-13-swot.json");
        std::fs::write(&first, "x").unwrap();
        let second = file_name_for(dir.path(), date, "SWOT");
        assert_eq!(second.file_name().unwrap(), "2021-01-13-swot-2.json");
    }
}
