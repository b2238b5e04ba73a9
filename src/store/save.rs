//! Atomic saves: a temporary file in the same folder, fsync, rename over the
//! old file, fsync the folder. A crash at any moment leaves either the old
//! file or the new one, never a half-written one.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::i18n::files::file_strings;
use crate::i18n::fill;
use crate::session::{Session, to_json};
use crate::text::Lang;

#[derive(Debug)]
pub struct SaveError {
    pub path: PathBuf,
    pub source: io::Error,
}

impl SaveError {
    pub fn message(&self, lang: Lang) -> String {
        let message = fill(
            file_strings(lang).not_saved,
            &[
                ("file", &self.path.display().to_string()),
                ("why", &self.source.to_string()),
            ],
        );
        crate::text::sanitize::for_display(&message).into_owned()
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for SaveError {}

/// Serialises and atomically writes a session.
pub fn save_session(path: &Path, session: &Session) -> Result<(), SaveError> {
    let json = to_json(session).map_err(|e| SaveError {
        path: path.to_path_buf(),
        source: io::Error::other(e),
    })?;
    write_atomic(path, json.as_bytes())
}

/// Writes `bytes` to `path` so that readers see the old file or the new one.
/// The temporary file is removed on every error path (tempfile's drop).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_via(path, bytes, |file, bytes| file.write_all(bytes))
}

/// [`write_atomic`] for a file made to be shared (a report): a new one is
/// readable as the umask allows (0644 usually), not by its owner only.
pub fn write_atomic_shared(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, Readers::Umask, |file, bytes| {
        file.write_all(bytes)
    })
}

/// Who may read a file a write creates. A file being replaced keeps its own
/// mode whichever is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readers {
    /// Its owner only (0600): sessions, drafts and backups name real people.
    Owner,
    /// Whoever the umask lets (0644 usually): reports are made to be shared.
    Umask,
}

/// A temporary file `.NAME.xxxxxx.tmp` in `dir`, created with the mode
/// `readers` asks for.
pub(super) fn temp_file_in(
    dir: &Path,
    name: &str,
    readers: Readers,
) -> io::Result<tempfile::NamedTempFile> {
    let prefix = temp_prefix(name);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMP_SUFFIX).rand_bytes(6);
    #[cfg(unix)]
    if readers == Readers::Umask {
        use std::os::unix::fs::PermissionsExt;
        // The mode given at creation is narrowed by the umask, as for any new file.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = readers;
    builder.tempfile_in(dir)
}

/// [`write_atomic`] with the writing of the bytes passed in: the seam tests
/// use to make a disk fill up halfway through a save.
///
/// A session that is a symlink is saved through to its target (the link
/// stays a link); the file keeps its permissions, and a new one is readable
/// by its owner only (tempfile creates it 0600).
pub fn write_atomic_via(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, Readers::Owner, write)
}

fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    readers: Readers,
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> Result<(), SaveError> {
    let err = |source| SaveError {
        path: path.to_path_buf(),
        source,
    };
    let target = resolve_link(path).map_err(err)?;
    let dir = parent_dir(&target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kept_mode = fs::metadata(&target).ok().map(|m| m.permissions());
    let mut tmp = temp_file_in(dir, &name, readers).map_err(err)?;
    write(tmp.as_file_mut(), bytes).map_err(err)?;
    if let Some(mode) = kept_mode {
        tmp.as_file().set_permissions(mode).map_err(err)?;
    }
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(&target).map_err(|e| err(e.error))?;
    sync_dir(dir).map_err(err)
}

/// The end of every temporary file name a save makes.
pub const TEMP_SUFFIX: &str = ".tmp";

/// `.NAME.` — what a save's temporary file for `NAME` starts with (tempfile
/// adds six random characters and [`TEMP_SUFFIX`]).
fn temp_prefix(name: &str) -> String {
    format!(".{name}.")
}

/// Where the bytes of `path` really live: `path` itself, or the file a
/// symlink (or a chain of them) points at, even one not created yet.
fn resolve_link(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // A loop of links is the file system's error to report, not ours to follow forever.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = fs::read_link(&current)?;
                current = parent_dir(&current).join(next);
            }
            _ => break,
        }
    }
    if current == path {
        return Ok(current);
    }
    // The folder of the target, resolved, so the rename stays in one folder.
    let dir = fs::canonicalize(parent_dir(&current))?;
    Ok(dir.join(current.file_name().unwrap_or_default()))
}

/// Whether a save of `path` could make its temporary file: one is made in
/// the folder the bytes go to (through a symlink) and removed at once.
pub fn probe_writable(path: &Path) -> io::Result<()> {
    let target = resolve_link(path)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    temp_file_in(parent_dir(&target), &name, Readers::Owner).map(drop)
}

/// Removes the temporary files a save killed halfway left beside `session`:
/// only names of our own pattern, `.NAME.xxxxxx.tmp`, for this session.
/// Returns how many were removed.
pub fn clean_temporaries(session: &Path) -> usize {
    let Ok(target) = resolve_link(session) else {
        return 0;
    };
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return 0;
    };
    let prefix = temp_prefix(&name);
    let Ok(entries) = fs::read_dir(parent_dir(&target)) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        let ours = n
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
            .is_some_and(|random| {
                random.len() == 6 && random.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if ours
            && entry.file_type().is_ok_and(|t| t.is_file())
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

pub(super) fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Makes the rename itself durable.
pub(super) fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn failed_write_keeps_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"old").unwrap();
        // A folder where the file should go makes the rename fail.
        let blocked = dir.path().join("b.json");
        fs::create_dir(&blocked).unwrap();
        fs::write(blocked.join("x"), b"x").unwrap();
        let err = write_atomic(&blocked, b"new").unwrap_err();
        assert!(err.to_string().contains("b.json"));
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert!(leftovers(dir.path()).is_empty());
    }

    /// The umask this process creates files under (Linux says it in /proc,
    /// where reading it does not change it for threads running beside).
    #[cfg(target_os = "linux")]
    pub(in crate::store) fn umask() -> u32 {
        let status = fs::read_to_string("/proc/self/status").unwrap();
        let line = status
            .lines()
            .find_map(|l| l.strip_prefix("Umask:"))
            .unwrap();
        u32::from_str_radix(line.trim(), 8).unwrap()
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_private_and_existing_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new.json");
        write_atomic(&new, b"one").unwrap();
        assert_eq!(mode(&new), 0o600);
        let shared = dir.path().join("shared.json");
        fs::write(&shared, b"old").unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&shared, b"new").unwrap();
        assert_eq!(mode(&shared), 0o644);
        assert_eq!(fs::read(&shared).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_shared_file_is_not_private_and_one_written_over_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let new = dir.path().join("new.md");
        write_atomic_shared(&new, b"one").unwrap();
        // Whatever the umask, the owner can read and write it.
        assert_eq!(mode(&new) & 0o600, 0o600);
        #[cfg(target_os = "linux")]
        assert_eq!(mode(&new), 0o666 & !umask());
        let kept = dir.path().join("kept.md");
        fs::write(&kept, b"old").unwrap();
        fs::set_permissions(&kept, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic_shared(&kept, b"new").unwrap();
        assert_eq!(mode(&kept), 0o600);
        assert_eq!(fs::read(&kept).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_session_is_saved_through_to_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let real_dir = dir.path().join("synced");
        fs::create_dir(&real_dir).unwrap();
        let target = real_dir.join("real.json");
        fs::write(&target, b"old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("synced/real.json", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&target).unwrap(), b"new");
        // The temporary file was made beside the target, and is gone.
        assert!(leftovers(&real_dir).is_empty() && leftovers(dir.path()).is_empty());
        // A link to a file not made yet is saved through as well.
        let dangling = dir.path().join("later.json");
        std::os::unix::fs::symlink("synced/later.json", &dangling).unwrap();
        write_atomic(&dangling, b"first").unwrap();
        assert!(
            fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(real_dir.join("later.json")).unwrap(), b"first");
    }

    /// The disk fills up halfway through writing the temporary file.
    #[test]
    fn a_full_disk_fails_the_save_and_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"old").unwrap();
        let err = write_atomic_via(&path, b"new and longer", |file, bytes| {
            file.write_all(&bytes[..3])?;
            Err(io::Error::from_raw_os_error(28)) // ENOSPC
        })
        .unwrap_err();
        assert_eq!(err.source.raw_os_error(), Some(28));
        assert!(err.message(Lang::En).contains("a.json"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_vanished_folder_or_a_file_for_a_folder_fail_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("usb").join("a.json");
        let err = write_atomic(&gone, b"x").unwrap_err();
        assert_eq!(err.source.kind(), io::ErrorKind::NotFound);
        // A plain file where the folder should be.
        let plain = dir.path().join("plain");
        fs::write(&plain, b"not a folder").unwrap();
        let err = write_atomic(&plain.join("a.json"), b"x").unwrap_err();
        assert!(err.to_string().contains("a.json"), "{err}");
        assert_eq!(fs::read(&plain).unwrap(), b"not a folder");
    }

    #[test]
    fn only_our_own_temporaries_are_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        write_atomic(&session, b"x").unwrap();
        for n in [".s.json.Ab3xY9.tmp", ".s.json.zzzzzz.tmp"] {
            fs::write(dir.path().join(n), b"half").unwrap();
        }
        let kept = [
            ".s.json.tmp",
            ".s.json.short.tmp",
            ".t.json.Ab3xY9.tmp",
            "notes.tmp",
        ];
        for n in kept {
            fs::write(dir.path().join(n), b"keep").unwrap();
        }
        assert_eq!(clean_temporaries(&session), 2);
        let mut left = leftovers(dir.path());
        left.sort();
        let mut want: Vec<String> = kept.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(left, want);
    }
}
