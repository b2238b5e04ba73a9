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
use std::path::{Component, Path, PathBuf};

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

/// The first photo of `session` (the session at `path`) whose image is not
/// in its folder, with its place in the list.
pub fn first_missing<'s>(
    path: &Path,
    session: &'s crate::session::Session,
) -> Option<(usize, &'s crate::session::Photo)> {
    let dir = photos_dir(path);
    session
        .photos
        .iter()
        .enumerate()
        .find(|(_, p)| !dir.join(&p.file).is_file())
}

/// The photo folder of the session at `session` as a report written into
/// the folder `from` links it: relative, `/` between its parts
/// (`ubon.photos`, `../sessions/ubon.photos`), or the whole path when the
/// two share no more than the root (`/tmp` and `/home`, another drive).
pub fn folder_link(from: &Path, session: &Path) -> String {
    let name = photos_dir(session)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Symlinks resolved, so that `..` climbs what is really there.
    let real = |p: &Path| {
        let p = if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        };
        p.canonicalize()
            .or_else(|_| std::path::absolute(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let from = real(from);
    let to = real(session.parent().unwrap_or(Path::new("."))).join(&name);
    let common = from
        .components()
        .zip(to.components())
        .take_while(|(a, b)| a == b)
        .count();
    let root = to
        .components()
        .take_while(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
        .count();
    if common <= root {
        return to.display().to_string();
    }
    let ups = from.components().count() - common;
    let mut parts: Vec<String> = vec!["..".to_owned(); ups];
    parts.extend(
        to.components()
            .skip(common)
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
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
    fn a_report_links_the_folder_from_where_it_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let sessions = dir.path().join("sessions");
        let out = dir.path().join("out").join("deep");
        fs::create_dir_all(&sessions).unwrap();
        fs::create_dir_all(&out).unwrap();
        let session = sessions.join("2021-01-13 เวที.json");
        assert_eq!(folder_link(&sessions, &session), "2021-01-13 เวที.photos");
        assert_eq!(
            folder_link(&out, &session),
            "../../sessions/2021-01-13 เวที.photos"
        );
        assert_eq!(
            folder_link(dir.path(), &session),
            "sessions/2021-01-13 เวที.photos"
        );
        // Nothing shared but the root: the whole path says more than ../../..
        let whole = sessions
            .canonicalize()
            .unwrap()
            .join("2021-01-13 เวที.photos");
        assert_eq!(
            folder_link(Path::new("/"), &session),
            whole.display().to_string()
        );
    }

    #[test]
    fn the_first_photo_without_its_image_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let mut session = crate::session::template::example().unwrap();
        let photo = |file: &str| crate::session::Photo {
            id: file.into(),
            file: file.into(),
            caption: String::new(),
            group: None,
            added_at: session_time(),
            bytes: 1,
            width: 4,
            height: 3,
            extra: Default::default(),
        };
        session.photos = vec![photo("a.jpg"), photo("b.jpg")];
        write_photo(&path, "a.jpg", b"a").unwrap();
        let (i, p) = first_missing(&path, &session).expect("b is missing");
        assert_eq!((i, p.file.as_str()), (1, "b.jpg"));
        write_photo(&path, "b.jpg", b"b").unwrap();
        assert!(first_missing(&path, &session).is_none());
    }

    fn session_time() -> crate::session::Timestamp {
        chrono::DateTime::parse_from_rfc3339("2021-01-13T09:00:00+07:00").unwrap()
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
