//! Listing sessions: the session files in a data folder, newest first, each
//! as a [`Listed`] (`session/listed.rs`), for the session browser and `wethi list`;
//! and [`each_session`], which reads every session of a folder on every
//! core for the commands that look across sessions.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::session::{Listed, LoadError, Session};

/// Every `*.json` session in `dir` (hidden files and backups excluded),
/// newest first, and the files that could not be read, each with its reason.
pub fn list_sessions(dir: &Path) -> std::io::Result<(Vec<Listed>, Vec<LoadError>)> {
    let (mut listed, broken) = each_session(dir, |path, s| Listed::from_session(path, &s))?;
    listed.sort_by(Listed::newest_first);
    Ok((listed, broken))
}

/// Reads every session file of `dir` and hands each to `work`, on as many
/// threads as there are cores: parsing is nearly all the time a command
/// over a folder takes, and files are independent. Returns what `work`
/// made, in the order of the files' names, and the files that failed to
/// load (sorted by path), which are skipped. A folder that does not exist
/// holds no sessions.
pub fn each_session<R: Send>(
    dir: &Path,
    work: impl Fn(PathBuf, Session) -> R + Sync,
) -> std::io::Result<(Vec<R>, Vec<LoadError>)> {
    let files = session_files(dir)?;
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files.len().div_ceil(8))
        .max(1);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Result<R, LoadError>)>> = Mutex::new(Vec::new());
    let run = || {
        let mut mine = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(path) = files.get(i) else { break };
            let made = super::load(path).map(|loaded| work(path.clone(), loaded.session));
            mine.push((i, made));
        }
        if let Ok(mut all) = results.lock() {
            all.append(&mut mine);
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(run);
        }
        run();
    });
    let mut all = results.into_inner().unwrap_or_else(|e| e.into_inner());
    all.sort_by_key(|(i, _)| *i);
    let mut made = Vec::with_capacity(all.len());
    let mut broken = Vec::new();
    for (_, result) in all {
        match result {
            Ok(r) => made.push(r),
            Err(e) => broken.push(e),
        }
    }
    Ok((made, broken))
}

/// The session files of `dir`, sorted by name.
pub(crate) fn session_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if is_session_file(&path) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn is_session_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    !name.starts_with('.') && name.ends_with(".json") && path.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_read_once_in_name_order_and_broken_ones_are_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let example = include_str!("../../sessions/examples/ubon-2021-01-13.json");
        for i in 0..40 {
            std::fs::write(dir.path().join(format!("s{i:02}.json")), example).expect("write");
        }
        std::fs::write(dir.path().join("broken.json"), "{").expect("write");
        std::fs::write(dir.path().join(".hidden.json"), "{").expect("write");
        let (names, broken) = each_session(dir.path(), |path, _| {
            path.file_name().map(|n| n.to_string_lossy().into_owned())
        })
        .expect("listed");
        let expected: Vec<Option<String>> =
            (0..40).map(|i| Some(format!("s{i:02}.json"))).collect();
        assert_eq!(names, expected);
        assert_eq!(broken.len(), 1);
        assert!(broken[0].path.ends_with("broken.json"));
        let missing = dir.path().join("nothing here");
        assert!(
            each_session(&missing, |_, _| ())
                .expect("empty")
                .0
                .is_empty()
        );
    }
}
