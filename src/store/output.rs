//! Guarding a command's output file: `merge -o OUT` must never land on one of
//! its inputs, whichever path names it.

use std::path::{Path, PathBuf};

/// `path` with symlinks and `..` resolved. A file that does not exist yet is
/// resolved through its folder; a folder that does not exist either leaves
/// the path as given.
pub fn canonical(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match (dir.canonicalize(), path.file_name()) {
        (Ok(d), Some(name)) => d.join(name),
        _ => path.to_path_buf(),
    }
}

/// Whether `a` and `b` name the same file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    canonical(a) == canonical(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_path_to_the_same_file_is_the_same_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a.json");
        std::fs::write(&file, "{}").expect("write");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        let roundabout = dir.path().join("sub").join("..").join("a.json");
        assert!(same_file(&file, &roundabout));
        assert!(!same_file(&file, &dir.path().join("b.json")));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.json");
            std::os::unix::fs::symlink(&file, &link).expect("symlink");
            assert!(same_file(&file, &link));
        }
    }

    #[test]
    fn a_file_not_yet_written_resolves_through_its_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("sub").join("..").join("new.json");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        assert_eq!(
            canonical(&out),
            dir.path().canonicalize().expect("canon").join("new.json")
        );
    }
}
