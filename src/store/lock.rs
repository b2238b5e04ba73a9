//! An advisory lock on a sidecar `.<file>.lock`, so a second wethi on the same
//! session opens it read-only instead of overwriting the first one's work.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

/// Held for as long as a session is open for editing; released on drop.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
    path: PathBuf,
}

/// `.NAME.json.lock` beside the session: hidden, so the data folder shows
/// only sessions.
pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(session.file_name().unwrap_or_default());
    name.push(".lock");
    session.with_file_name(name)
}

impl SessionLock {
    /// `Ok(None)` when another process holds the lock.
    pub fn try_acquire(session: &Path) -> io::Result<Option<SessionLock>> {
        let path = lock_path(session);
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        // Private like the session it guards; one made earlier keeps its mode.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(SessionLock { _file: file, path })),
            Err(std::fs::TryLockError::WouldBlock) => Ok(None),
            Err(std::fs::TryLockError::Error(e)) => Err(e),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let first = SessionLock::try_acquire(&session).unwrap();
        assert!(first.is_some());
        assert!(SessionLock::try_acquire(&session).unwrap().is_none());
        drop(first);
        assert!(SessionLock::try_acquire(&session).unwrap().is_some());
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_file_is_private_like_the_session() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let lock = SessionLock::try_acquire(&dir.path().join("s.json"))
            .unwrap()
            .unwrap();
        let mode = std::fs::metadata(lock.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
}
