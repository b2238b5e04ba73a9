//! Bringing a trashed session back, and the built-in example copied into a
//! data folder.

use std::io;
use std::path::{Path, PathBuf};

use crate::session::Session;
use crate::session::template::EXAMPLE_JSON;

/// Moves `trashed` back to `to`, or beside it under a free name when `to`
/// was taken since, its photo folder with it. Returns where it went.
pub fn restore(trashed: &Path, to: &Path) -> io::Result<PathBuf> {
    let dir = to.parent().unwrap_or(Path::new("."));
    let name = to.file_name().unwrap_or_default().to_string_lossy();
    let stem = name.strip_suffix(".json").unwrap_or(&name).to_owned();
    let mut target = to.to_path_buf();
    let mut n = 2;
    while !super::photos::is_free(&target) {
        target = dir.join(format!("{stem}-{n}.json"));
        n += 1;
    }
    std::fs::rename(trashed, &target)?;
    if let Err(e) = super::photos::move_photos(trashed, &target) {
        let _ = std::fs::rename(&target, trashed);
        return Err(e);
    }
    Ok(target)
}

/// Writes the built-in example into `dir` under a name not taken yet and
/// returns its path.
pub fn copy_example(dir: &Path) -> Result<PathBuf, super::SaveError> {
    super::ensure_dir(dir).map_err(|source| super::SaveError {
        path: dir.to_path_buf(),
        source,
    })?;
    let (date, title) = example_name();
    let path = super::file_name_for(dir, date, &title);
    super::write_atomic(&path, EXAMPLE_JSON.as_bytes())?;
    Ok(path)
}

fn example_name() -> (chrono::NaiveDate, String) {
    let parsed: Option<Session> = serde_json::from_str(EXAMPLE_JSON).ok();
    let fallback = chrono::NaiveDate::from_ymd_opt(2021, 1, 13).unwrap_or_default();
    match parsed {
        Some(s) => (s.meta.date.unwrap_or(fallback), s.title),
        None => (fallback, "example".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_is_copied_under_a_free_name_and_loads() {
        let dir = tempfile::tempdir().unwrap();
        let first = copy_example(dir.path()).unwrap();
        let second = copy_example(dir.path()).unwrap();
        assert_ne!(first, second);
        let loaded = super::super::load(&second).unwrap();
        assert_eq!(
            loaded.session.meta.date,
            chrono::NaiveDate::from_ymd_opt(2021, 1, 13)
        );
    }

    #[test]
    fn restore_puts_the_file_back_or_beside_a_new_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, "1").unwrap();
        let trashed = super::super::move_to_trash(&path).unwrap();
        assert!(!path.exists());
        assert_eq!(restore(&trashed, &path).unwrap(), path);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "1");
        let trashed = super::super::move_to_trash(&path).unwrap();
        std::fs::write(&path, "2").unwrap();
        let back = restore(&trashed, &path).unwrap();
        assert_eq!(back, dir.path().join("a-2.json"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "2");
    }

    #[test]
    fn the_photo_folder_goes_to_the_trash_and_back_with_its_session() {
        use super::super::photos::{photos_dir, write_photo};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, "1").unwrap();
        write_photo(&path, "p.jpg", b"p").unwrap();
        // A photo folder left without its session keeps its name taken.
        let stray = dir.path().join(".trash").join("a.photos");
        std::fs::create_dir_all(&stray).unwrap();
        let trashed = super::super::move_to_trash(&path).unwrap();
        assert_eq!(trashed, dir.path().join(".trash").join("2-a.json"));
        assert!(!photos_dir(&path).exists());
        assert!(photos_dir(&trashed).join("p.jpg").exists());
        assert_eq!(restore(&trashed, &path).unwrap(), path);
        assert_eq!(
            std::fs::read(photos_dir(&path).join("p.jpg")).unwrap(),
            b"p"
        );
        assert!(!photos_dir(&trashed).exists());
    }
}
