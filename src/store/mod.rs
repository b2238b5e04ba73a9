//! Where session files live and how bytes reach the disk safely.
//! Knows nothing of terminals; never writes a file in place.

pub mod list;
pub mod lock;
pub mod names;
pub mod save;

use std::io;
use std::path::{Path, PathBuf};

use crate::session::{LoadError, Loaded, Problem, parse};

pub use list::{Listed, list_sessions};
pub use lock::SessionLock;
pub use names::file_name_for;
pub use save::{SaveError, backup, save_session, write_atomic};

/// The default data folder: the platform's data dir for wethi, plus `sessions`.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "wethi").map(|d| d.data_dir().join("sessions"))
}

/// Creates the data folder on first use.
pub fn ensure_dir(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// Reads and parses a session file; every failure names the file.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    if path.is_dir() {
        return Err(LoadError::new(path, Problem::IsDirectory));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        let problem = match e.kind() {
            io::ErrorKind::NotFound => Problem::NotFound,
            io::ErrorKind::IsADirectory => Problem::IsDirectory,
            _ => Problem::Unreadable(e.to_string()),
        };
        LoadError::new(path, problem)
    })?;
    parse(path, &bytes)
}
