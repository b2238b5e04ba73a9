//! Who may read the files `wethi export -o` writes: a report is made to be
//! shared, so a new one is readable as the umask allows; one being replaced
//! keeps its mode; a session written with `merge -o` stays private.
#![cfg(unix)]

use std::ffi::OsStr;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/sessions/examples/ubon-2021-01-13.json"
);

/// The real binary run with `args` under `umask`, its data folder in `dir`.
fn wethi_under_umask(umask: &str, dir: &Path, args: &[&OsStr]) -> Output {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_wethi"))
        .args(args)
        .env("WETHI_DATA_DIR", dir.join("data"))
        .env("HOME", dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs");
    assert!(
        out.status.success(),
        "wethi {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn export(umask: &str, dir: &Path, format: &str, out: &Path) {
    let args = [
        OsStr::new("export"),
        OsStr::new(EXAMPLE),
        OsStr::new("--format"),
        OsStr::new(format),
        OsStr::new("-o"),
        out.as_os_str(),
    ];
    wethi_under_umask(umask, dir, &args);
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

#[test]
fn a_new_report_is_readable_as_the_umask_allows() {
    let dir = tempfile::tempdir().expect("temp dir");
    for format in ["md", "html", "docx", "csv", "post"] {
        let shared = dir.path().join(format!("shared.{format}"));
        export("022", dir.path(), format, &shared);
        assert_eq!(mode(&shared), 0o644, "{format}");
        let narrow = dir.path().join(format!("narrow.{format}"));
        export("077", dir.path(), format, &narrow);
        assert_eq!(mode(&narrow), 0o600, "{format}");
    }
}

#[test]
fn a_report_written_over_keeps_its_mode() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("report.md");
    fs::write(&out, "old").expect("write");
    fs::set_permissions(&out, fs::Permissions::from_mode(0o640)).expect("chmod");
    export("022", dir.path(), "md", &out);
    assert_eq!(mode(&out), 0o640);
    assert_ne!(fs::read_to_string(&out).expect("read"), "old");
}

#[test]
fn a_merged_session_stays_private() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    fs::copy(EXAMPLE, &a).expect("copy");
    fs::copy(EXAMPLE, &b).expect("copy");
    let merged = dir.path().join("merged.json");
    let args = [
        OsStr::new("merge"),
        a.as_os_str(),
        b.as_os_str(),
        OsStr::new("-o"),
        merged.as_os_str(),
    ];
    wethi_under_umask("022", dir.path(), &args);
    assert_eq!(mode(&merged), 0o600);
}
