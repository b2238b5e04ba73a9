//! Listing sessions: the session files in a data folder, newest first, each
//! as a [`Listed`] (`session/listed.rs`), for the session browser and `wethi list`.

use std::path::Path;

use crate::session::{Listed, LoadError};

/// Every `*.json` session in `dir` (hidden files and backups excluded),
/// newest first, and the files that could not be read, each with its reason.
pub fn list_sessions(dir: &Path) -> std::io::Result<(Vec<Listed>, Vec<LoadError>)> {
    let mut listed = Vec::new();
    let mut broken = Vec::new();
    if !dir.exists() {
        return Ok((listed, broken));
    }
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if !is_session_file(&path) {
            continue;
        }
        match super::load(&path) {
            Ok(loaded) => listed.push(Listed::from_session(path, &loaded.session)),
            Err(e) => broken.push(e),
        }
    }
    listed.sort_by(|a, b| (b.day(), b.updated_at, &b.path).cmp(&(a.day(), a.updated_at, &a.path)));
    broken.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((listed, broken))
}

fn is_session_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    !name.starts_with('.') && name.ends_with(".json") && path.is_file()
}
