//! Opening a session for the editing screen: the lock first, then the
//! file, so what is read is what this wethi alone will write over.

use std::path::Path;

use crate::session::{LoadError, Loaded};

use super::SessionLock;

/// Why a session opens read-only, decided while opening it.
#[derive(Debug)]
pub enum Access {
    /// This wethi holds the lock: edits are saved.
    Edit(SessionLock),
    /// Another wethi holds the lock.
    Locked,
    /// The file comes from a newer wethi.
    NewerVersion,
    /// `wethi view`.
    Viewing,
    /// The lock file cannot be made beside the session (a read-only
    /// folder, a full disk): nothing could be saved either. The OS reason.
    CannotWrite(String),
}

#[derive(Debug)]
pub struct Opened {
    pub loaded: Loaded,
    pub access: Access,
}

/// Takes the lock (unless `viewing`), then reads the file. A lock that
/// cannot be taken never stops the reading: the session opens read-only.
pub fn open_session(path: &Path, viewing: bool) -> Result<Opened, LoadError> {
    let access = if viewing {
        Access::Viewing
    } else {
        match SessionLock::try_acquire(path) {
            // A lock file left from before can be opened in a folder that
            // has since become read-only: try making a file where saves go.
            Ok(Some(lock)) => match super::save::probe_writable(path) {
                Ok(()) => Access::Edit(lock),
                Err(e) => Access::CannotWrite(e.to_string()),
            },
            Ok(None) => Access::Locked,
            Err(e) => Access::CannotWrite(e.to_string()),
        }
    };
    if let Access::Edit(_) = access {
        // Only the lock holder may tidy up: another wethi's save in
        // progress would otherwise lose its temporary file.
        super::clean_temporaries(path);
    }
    let loaded = super::load(path)?;
    let access = match access {
        Access::Edit(_) if loaded.newer_version => Access::NewerVersion,
        other => other,
    };
    Ok(Opened { loaded, access })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(dir: &Path) -> std::path::PathBuf {
        let path = dir.join("s.json");
        let bytes = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/examples/ubon-2021-01-13.json"),
        )
        .unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn the_lock_is_held_before_the_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = example(dir.path());
        let first = open_session(&path, false).unwrap();
        assert!(matches!(first.access, Access::Edit(_)));
        let second = open_session(&path, false).unwrap();
        assert!(matches!(second.access, Access::Locked));
        // Even a file that cannot be read leaves the lock taken first: the
        // lock file exists although loading failed.
        let missing = dir.path().join("gone.json");
        assert!(open_session(&missing, false).is_err());
        assert!(super::super::lock::lock_path(&missing).exists());
    }

    #[test]
    fn a_lock_that_cannot_be_made_opens_read_only_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = example(dir.path());
        // Tests run as root, so permission bits would not stop a write: a
        // folder in the lock file's place does.
        std::fs::create_dir(super::super::lock::lock_path(&path)).unwrap();
        let opened = open_session(&path, false).unwrap();
        match opened.access {
            Access::CannotWrite(why) => assert!(!why.is_empty()),
            other => panic!("expected read-only, got {other:?}"),
        }
    }

    #[test]
    fn opening_for_editing_removes_our_leftover_temporaries_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = example(dir.path());
        let ours = dir.path().join(".s.json.a1B2c3.tmp");
        let others = [
            ".s.json.toolong1.tmp",
            ".other.json.a1B2c3.tmp",
            "s.json.a1B2c3.tmp",
        ];
        std::fs::write(&ours, "half a save").unwrap();
        for n in others {
            std::fs::write(dir.path().join(n), "not ours").unwrap();
        }
        // Viewing never removes anything.
        drop(open_session(&path, true).unwrap());
        assert!(ours.exists());
        let opened = open_session(&path, false).unwrap();
        assert!(matches!(opened.access, Access::Edit(_)));
        assert!(!ours.exists());
        for n in others {
            assert!(dir.path().join(n).exists(), "{n} is kept");
        }
    }
}
