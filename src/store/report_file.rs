//! Where a report exported from the home screen goes: beside its session,
//! under a name not taken yet, or where it can be written when the
//! session's folder refuses.

use std::path::{Path, PathBuf};

use super::output::same_file;
use super::{SaveError, write_atomic};

/// `dir/STEM.EXT`, else `dir/STEM (2).EXT`, `dir/STEM (3).EXT`…: the first
/// name no file has, so an earlier report is never overwritten.
pub fn free_name(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.{ext}"));
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| dir.join(format!("{stem} ({n}).{ext}")))
        .find(|p| !taken(p))
        .unwrap_or(first)
}

/// A name is taken by any file, a dangling symlink included.
fn taken(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

/// Where a report was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    /// In the session's own folder (else in one of the fallbacks).
    pub beside: bool,
}

/// Writes `bytes` as the report of `session` (`NAME.EXT` for `NAME.json`)
/// beside it; when that folder cannot be written, in each of `fallbacks`
/// in turn. The error is the session folder's, when every folder refused.
pub fn write_report(
    session: &Path,
    ext: &str,
    bytes: &[u8],
    fallbacks: &[&Path],
) -> Result<Written, SaveError> {
    let stem = session
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "report".to_owned());
    let home = match session.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tried: Vec<&Path> = Vec::new();
    let mut first_error = None;
    for dir in std::iter::once(home).chain(fallbacks.iter().copied()) {
        if tried.iter().any(|t| same_file(t, dir)) {
            continue;
        }
        tried.push(dir);
        let path = free_name(dir, &stem, ext);
        match write_atomic(&path, bytes) {
            Ok(()) => {
                return Ok(Written {
                    path,
                    beside: dir == home,
                });
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| SaveError {
        path: session.to_path_buf(),
        source: std::io::Error::other("no folder to write to"),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_goes_beside_the_session_and_never_over_an_earlier_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = dir.path().join("ubon-2021-01-13.json");
        let first = write_report(&session, "md", b"one", &[]).expect("written");
        assert_eq!(
            first,
            Written {
                path: dir.path().join("ubon-2021-01-13.md"),
                beside: true
            }
        );
        let second = write_report(&session, "md", b"two", &[]).expect("written");
        assert_eq!(second.path, dir.path().join("ubon-2021-01-13 (2).md"));
        let third = write_report(&session, "md", b"three", &[]).expect("written");
        assert_eq!(third.path, dir.path().join("ubon-2021-01-13 (3).md"));
        assert_eq!(std::fs::read(&first.path).expect("read"), b"one");
        assert_eq!(std::fs::read(&second.path).expect("read"), b"two");
        let csv = write_report(&session, "csv", b"x", &[]).expect("written");
        assert_eq!(csv.path, dir.path().join("ubon-2021-01-13.csv"));
    }

    #[test]
    fn a_folder_that_cannot_be_written_sends_the_report_to_the_next_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let gone = dir.path().join("gone").join("s.json");
        let data = dir.path().join("data");
        std::fs::create_dir(&data).expect("mkdir");
        let written = write_report(&gone, "html", b"<p>", &[&data]).expect("written");
        assert_eq!(
            written,
            Written {
                path: data.join("s.html"),
                beside: false
            }
        );
        let err = write_report(&gone, "html", b"<p>", &[]).expect_err("nowhere to write");
        assert_eq!(err.path, dir.path().join("gone").join("s.html"));
    }
}
