//! Atomic saves: a temporary file in the same folder, fsync, rename over the
//! old file, fsync the folder. A crash at any moment leaves either the old
//! file or the new one, never a half-written one.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::session::{Session, to_json};
use crate::text::Lang;

/// How many backups are kept per session file.
pub const BACKUPS_KEPT: usize = 10;

#[derive(Debug)]
pub struct SaveError {
    pub path: PathBuf,
    pub source: io::Error,
}

impl SaveError {
    pub fn message(&self, lang: Lang) -> String {
        let file = self.path.display();
        let message = match lang {
            Lang::En => format!("{file}: could not be saved ({}).", self.source),
            Lang::Th => format!("{file}: บันทึกไม่สำเร็จ ({})", self.source),
        };
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
    let err = |source| SaveError {
        path: path.to_path_buf(),
        source,
    };
    let dir = parent_dir(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    sync_dir(dir).map_err(err)
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Makes the rename itself durable.
fn sync_dir(dir: &Path) -> io::Result<()> {
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

/// Copies the file as it is now into `.backups/` beside it, keeping the newest
/// [`BACKUPS_KEPT`] copies of this session. Returns the backup's path.
pub fn backup(path: &Path, stamp: &str) -> io::Result<Option<PathBuf>> {
    if !path.is_file() {
        return Ok(None);
    }
    let dir = parent_dir(path).join(".backups");
    fs::create_dir_all(&dir)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Two openings within the same millisecond still keep two backups.
    let mut target = dir.join(format!("{stem}.{stamp}.json"));
    let mut n = 2;
    while target.exists() {
        target = dir.join(format!("{stem}.{stamp}-{n}.json"));
        n += 1;
    }
    let bytes = fs::read(path)?;
    write_atomic(&target, &bytes).map_err(|e| e.source)?;
    prune_backups(&dir, &stem)?;
    Ok(Some(target))
}

fn prune_backups(dir: &Path, stem: &str) -> io::Result<()> {
    let prefix = format!("{stem}.");
    let mut ours: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(&prefix)
                    && n.ends_with(".json")
                    && n[prefix.len()..].starts_with(|c: char| c.is_ascii_digit())
            })
        })
        .collect();
    // Stamps sort by time, so the oldest come first.
    ours.sort();
    let excess = ours.len().saturating_sub(BACKUPS_KEPT);
    for old in &ours[..excess] {
        fs::remove_file(old)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn backups_keep_the_newest_ten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        for i in 0..13 {
            fs::write(&path, format!("{i}")).unwrap();
            backup(&path, &format!("20260101T0000{i:02}")).unwrap();
        }
        let backups = dir.path().join(".backups");
        let mut names: Vec<_> = fs::read_dir(&backups)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), BACKUPS_KEPT);
        assert_eq!(names[0], "s.20260101T000003.json");
        assert_eq!(
            fs::read(backups.join("s.20260101T000012.json")).unwrap(),
            b"12"
        );
    }
}
