//! Where session files live and how bytes reach the disk safely.
//! Knows nothing of terminals; never writes a file in place.

pub mod backups;
pub mod draft;
pub mod listing;
pub mod lock;
pub mod names;
pub mod open;
pub mod output;
pub mod photos;
pub mod report_file;
pub mod save;
pub mod trash;

use std::io;
use std::path::{Path, PathBuf};

use crate::session::{LoadError, Loaded, Problem, parse};

pub use crate::session::Listed;
pub use backups::backup;
pub use listing::list_sessions;
pub use lock::SessionLock;
pub use names::file_name_for;
pub use open::{Access, Opened, open_session};
pub use save::{
    SaveError, clean_temporaries, save_session, write_atomic, write_atomic_shared, write_atomic_via,
};

/// The default data folder: the platform's data dir for wethi, plus `sessions`.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "wethi").map(|d| d.data_dir().join("sessions"))
}

/// Creates the data folder on first use.
pub fn ensure_dir(dir: &Path) -> io::Result<()> {
    create_private_dir(dir)
}

/// Creates `dir` and any missing parents readable by their owner only
/// (0700 on Unix): session files name real people. A folder that exists
/// keeps the permissions it has.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Writes a new session into `dir` (created on first use) under a fresh
/// name from its date and title, and returns the path.
pub fn create_session(dir: &Path, session: &crate::session::Session) -> Result<PathBuf, SaveError> {
    ensure_dir(dir).map_err(|source| SaveError {
        path: dir.to_path_buf(),
        source,
    })?;
    let day = session
        .meta
        .date
        .unwrap_or_else(|| session.created_at.date_naive());
    let path = file_name_for(dir, day, &session.title);
    save_session(&path, session)?;
    Ok(path)
}

/// Moves a session file into `.trash/` beside it (never deletes), under a
/// name not taken there yet, its photo folder with it. Returns the new path.
/// Refuses (`ResourceBusy`) a session another wethi has open: its next save
/// would bring the file back.
pub fn move_to_trash(path: &Path) -> io::Result<PathBuf> {
    let Some(_lock) = SessionLock::try_acquire(path)? else {
        return Err(io::Error::new(
            io::ErrorKind::ResourceBusy,
            "another wethi has this session open",
        ));
    };
    let dir = path.parent().unwrap_or(Path::new(".")).join(".trash");
    create_private_dir(&dir)?;
    let name = path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let mut target = dir.join(&name);
    let mut n = 2;
    while !photos::is_free(&target) {
        target = dir.join(format!("{n}-{name}"));
        n += 1;
    }
    std::fs::rename(path, &target)?;
    if let Err(e) = photos::move_photos(path, &target) {
        // The session and its photos stay together: put it back.
        let _ = std::fs::rename(&target, path);
        return Err(e);
    }
    Ok(target)
}

/// Reads and parses a session file; every failure names the file.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    if path.is_dir() {
        return Err(LoadError::new(path, Problem::IsDirectory));
    }
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > crate::session::load::MAX_FILE_BYTES
    {
        return Err(LoadError::new(path, Problem::TooLarge(meta.len())));
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
