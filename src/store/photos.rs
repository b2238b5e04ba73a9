//! The folder of a session's photos: `NAME.photos/` beside `NAME.json`,
//! readable by its owner only (0700, images 0600), like the session.
//!
//! The folder goes wherever its session goes (the trash and back, a save
//! elsewhere, a merge copies from several). An image stays while anything
//! may still name it: the session, its backups, the inbox of a room, or an
//! undo of this opening. So images are removed only by [`sweep`], which the
//! editing screen runs when it opens and closes a session it holds the lock of.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::save::{SaveError, write_atomic};

/// Where the photos of the session at `session` live: `NAME.photos/` for
/// `NAME.json` (any other name: the name and `.photos`).
pub fn photos_dir(session: &Path) -> PathBuf {
    let name = session
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    session.with_file_name(format!("{stem}.photos"))
}

/// Writes one image into the photo folder of `session` (made on first use),
/// atomically and readable by its owner only.
pub fn write_photo(session: &Path, file: &str, bytes: &[u8]) -> Result<PathBuf, SaveError> {
    let dir = photos_dir(session);
    super::create_private_dir(&dir).map_err(|source| SaveError {
        path: dir.clone(),
        source,
    })?;
    let path = dir.join(file);
    write_atomic(&path, bytes)?;
    Ok(path)
}

/// Moves the photo folder of `from` to where the session `to` keeps its
/// own, when there is one to move. The caller picked `to` so that its
/// folder is free ([`is_free`]).
pub fn move_photos(from: &Path, to: &Path) -> io::Result<()> {
    let (src, dst) = (photos_dir(from), photos_dir(to));
    match fs::symlink_metadata(&src) {
        Ok(m) if m.is_dir() => fs::rename(src, dst),
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Copies the images named in `files` from the photo folder of `from` into
/// that of `to`, each under its new name: `(old name, new name)`.
pub fn copy_photos(from: &Path, to: &Path, files: &[(&str, &str)]) -> Result<(), SaveError> {
    let src = photos_dir(from);
    for (old, new) in files {
        let path = src.join(old);
        let bytes = fs::read(&path).map_err(|source| SaveError { path, source })?;
        write_photo(to, new, &bytes)?;
    }
    Ok(())
}

/// Copies every image `session` names from the folder of `from` into that
/// of `to`, as far as it can: a session saved elsewhere because its own
/// folder failed must be saved even if some images cannot follow. Returns
/// how many could not be copied.
pub fn copy_all(from: &Path, to: &Path, session: &crate::session::Session) -> usize {
    if photos_dir(from) == photos_dir(to) {
        return 0;
    }
    session
        .photos
        .iter()
        .filter(|p| copy_photos(from, to, &[(&p.file, &p.file)]).is_err())
        .count()
}

/// Whether `session` and its photo folder are both free to be created.
pub fn is_free(session: &Path) -> bool {
    !session.exists() && !session.is_symlink() && !photos_dir(session).exists()
}

/// The images of `session`'s folder that `named` does not name, removed.
/// Hidden files (a save's temporaries) are left alone, and so is the folder
/// itself (removed only once it is empty). Returns how many were removed.
pub fn sweep(session: &Path, named: &HashSet<String>) -> usize {
    let dir = photos_dir(session);
    let Ok(entries) = fs::read_dir(&dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let plain = entry.file_type().is_ok_and(|t| t.is_file());
        if plain
            && !name.starts_with('.')
            && !named.contains(&name)
            && fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    // Only an empty folder goes.
    let _ = fs::remove_dir(&dir);
    removed
}

/// The images named by the backups kept of `session`: restoring one of
/// them must find its photos.
pub fn named_by_backups(session: &Path) -> HashSet<String> {
    let mut named = HashSet::new();
    let Ok(backups) = super::backups::list_backups(session) else {
        return named;
    };
    for backup in backups {
        if let Ok(loaded) = super::load(&backup.path) {
            named.extend(loaded.session.photos.into_iter().map(|p| p.file));
        }
    }
    named
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_is_named_after_the_session() {
        let s = Path::new("/d/2021-01-13-เวที.json");
        assert_eq!(photos_dir(s), Path::new("/d/2021-01-13-เวที.photos"));
        assert_eq!(photos_dir(Path::new("x")), Path::new("x.photos"));
    }

    #[cfg(unix)]
    #[test]
    fn images_are_private_and_unnamed_ones_are_swept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let kept = write_photo(&session, "a.jpg", b"a").unwrap();
        write_photo(&session, "b.jpg", b"b").unwrap();
        fs::write(photos_dir(&session).join(".a.jpg.x1y2z3.tmp"), b"half").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&photos_dir(&session)), 0o700);
        assert_eq!(mode(&kept), 0o600);
        let named: HashSet<String> = ["a.jpg".to_owned()].into();
        assert_eq!(sweep(&session, &named), 1);
        assert!(kept.exists());
        assert!(!photos_dir(&session).join("b.jpg").exists());
        assert!(photos_dir(&session).join(".a.jpg.x1y2z3.tmp").exists());
    }

    #[test]
    fn a_folder_moves_and_copies_with_its_session() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, c) = (
            dir.path().join("a.json"),
            dir.path().join("b.json"),
            dir.path().join("c.json"),
        );
        write_photo(&a, "p.jpg", b"p").unwrap();
        // The folder alone takes the name: a new session must not adopt it.
        assert!(!is_free(&a));
        move_photos(&a, &b).unwrap();
        assert!(!photos_dir(&a).exists());
        assert_eq!(fs::read(photos_dir(&b).join("p.jpg")).unwrap(), b"p");
        // Nothing to move is no error.
        move_photos(&a, &c).unwrap();
        copy_photos(&b, &c, &[("p.jpg", "q.jpg")]).unwrap();
        assert_eq!(fs::read(photos_dir(&c).join("q.jpg")).unwrap(), b"p");
        assert!(copy_photos(&b, &c, &[("gone.jpg", "x.jpg")]).is_err());
    }
}
