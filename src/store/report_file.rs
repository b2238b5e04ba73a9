//! Where a report exported from the home screen goes: beside its session,
//! under a name not taken yet, or where it can be written when the
//! session's folder refuses.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::SaveError;
use super::output::same_file;
use super::save::{Readers, sync_dir, temp_file_in};

/// How many names taken under our feet a write passes over before giving up.
const CLAIM_TRIES: usize = 100;

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
    let mut same = |_: &Path| Ok(Cow::Borrowed(bytes));
    write_report_racing(session, ext, &mut same, fallbacks, |_| {})
}

/// [`write_report`] of a report whose bytes depend on the folder it goes
/// into (a Markdown report links its photos from there): `render` makes
/// them for each folder tried. A folder it fails for is passed over like
/// one that cannot be written.
pub fn write_report_with<'b>(
    session: &Path,
    ext: &str,
    render: &mut dyn FnMut(&Path) -> io::Result<Cow<'b, [u8]>>,
    fallbacks: &[&Path],
) -> Result<Written, SaveError> {
    write_report_racing(session, ext, render, fallbacks, |_| {})
}

/// [`write_report`] with `before_claim` run between choosing a free name
/// and writing under it: the seam tests use to let another program take
/// the name first.
fn write_report_racing<'b>(
    session: &Path,
    ext: &str,
    render: &mut dyn FnMut(&Path) -> io::Result<Cow<'b, [u8]>>,
    fallbacks: &[&Path],
    mut before_claim: impl FnMut(&Path),
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
    // The session's own folder first; the error the user sees is its error.
    let mut write_in = |dir: &Path| {
        let bytes = render(dir).map_err(|source| SaveError {
            path: dir.join(format!("{stem}.{ext}")),
            source,
        })?;
        write_new(dir, &stem, ext, &bytes, &mut before_claim)
    };
    let first_error = match write_in(home) {
        Ok(path) => return Ok(Written { path, beside: true }),
        Err(e) => e,
    };
    let mut tried: Vec<&Path> = vec![home];
    for &dir in fallbacks {
        if tried.iter().any(|t| same_file(t, dir)) {
            continue;
        }
        tried.push(dir);
        if let Ok(path) = write_in(dir) {
            return Ok(Written {
                path,
                beside: false,
            });
        }
    }
    Err(first_error)
}

/// Writes `bytes` under the first free name in `dir`, never over a file,
/// readable as the umask allows (a report is made to be shared):
/// the bytes go to a temporary file first, which then takes the name only
/// if nothing has it (`persist_noclobber`). A name another program took in
/// between is passed over for the next free one.
fn write_new(
    dir: &Path,
    stem: &str,
    ext: &str,
    bytes: &[u8],
    before_claim: &mut impl FnMut(&Path),
) -> Result<PathBuf, SaveError> {
    let err = |path: &Path, source| SaveError {
        path: path.to_path_buf(),
        source,
    };
    let first = dir.join(format!("{stem}.{ext}"));
    let mut tmp =
        temp_file_in(dir, &format!("{stem}.{ext}"), Readers::Umask).map_err(|e| err(&first, e))?;
    tmp.write_all(bytes).map_err(|e| err(&first, e))?;
    tmp.as_file().sync_all().map_err(|e| err(&first, e))?;
    for _ in 0..CLAIM_TRIES {
        let path = free_name(dir, stem, ext);
        before_claim(&path);
        match tmp.persist_noclobber(&path) {
            Ok(_) => {
                sync_dir(dir).map_err(|e| err(&path, e))?;
                return Ok(path);
            }
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(err(&path, e.error)),
        }
    }
    Err(err(
        &first,
        io::Error::new(io::ErrorKind::AlreadyExists, "every free name was taken"),
    ))
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
    fn a_file_that_takes_the_chosen_name_first_is_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = dir.path().join("s.json");
        let mut chosen = Vec::new();
        let mut ours = |_: &Path| Ok(Cow::Borrowed(&b"ours"[..]));
        let written = write_report_racing(&session, "md", &mut ours, &[], |path| {
            if chosen.is_empty() {
                std::fs::write(path, b"theirs").expect("write");
            }
            chosen.push(path.to_path_buf());
        })
        .expect("written");
        let first = dir.path().join("s.md");
        assert_eq!(chosen[0], first);
        assert_eq!(std::fs::read(&first).expect("read"), b"theirs");
        assert_eq!(written.path, dir.path().join("s (2).md"));
        assert_eq!(std::fs::read(&written.path).expect("read"), b"ours");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_report_is_readable_as_the_umask_allows_not_private() {
        use crate::store::save::tests::umask;
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let written = write_report(&dir.path().join("s.json"), "md", b"r", &[]).expect("written");
        let mode = std::fs::metadata(&written.path)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o666 & !umask(), "{mode:o}");
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

    #[test]
    fn a_report_made_for_its_folder_is_made_again_for_the_next_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let gone = dir.path().join("gone").join("s.json");
        let (data, refused) = (dir.path().join("data"), dir.path().join("refused"));
        std::fs::create_dir(&data).expect("mkdir");
        std::fs::create_dir(&refused).expect("mkdir");
        let mut tried = Vec::new();
        let mut render = |d: &Path| {
            tried.push(d.to_path_buf());
            if d == refused {
                return Err(io::Error::other("cannot be made here"));
            }
            Ok(Cow::Owned(d.display().to_string().into_bytes()))
        };
        let written =
            write_report_with(&gone, "md", &mut render, &[&refused, &data]).expect("written");
        assert_eq!(written.path, data.join("s.md"));
        let text = std::fs::read_to_string(&written.path).expect("read");
        assert_eq!(text, data.display().to_string(), "made for where it went");
        assert_eq!(
            tried,
            [dir.path().join("gone"), refused.clone(), data.clone()]
        );
        assert!(!refused.join("s.md").exists());
    }
}
