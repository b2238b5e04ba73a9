//! Helpers shared by the integration tests: where the repository's files are,
//! the schema validator, a `wethi` command that never touches the real home
//! folder, snapshots that prove a file was left alone, and reading printed
//! rows.

// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

pub mod screen;
pub mod thai;
pub mod workshops;

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::SystemTime;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;
use wethi::text::sanitize::is_bidi_control;
use wethi::text::width::{cluster_width, clusters};

/// The repository root (where Cargo.toml is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn template_path() -> PathBuf {
    root().join("sessions/templates/cdd-provincial-workshop.json")
}

pub fn example_path() -> PathBuf {
    root().join("sessions/examples/ubon-2021-01-13.json")
}

/// The example in English: the seed press release's facts rendered in
/// English, the title and the session's language English, and a time of
/// day, which the seed does not give (`tests/fixtures/seed-facts-en.json`;
/// the example itself is Thai).
pub fn english_example() -> wethi::session::Session {
    let mut s = wethi::store::load(&example_path())
        .expect("the example loads")
        .session;
    let facts = read_json(&root().join("tests/fixtures/seed-facts-en.json"));
    s.lang = wethi::text::Lang::En;
    s.title = facts["title"].as_str().expect("a title").to_owned();
    s.meta = serde_json::from_value(facts["meta"].clone()).expect("the fixture's meta");
    s
}

/// `s` held from 08:30 to 16:30: the seed gives no time of day, so the
/// example has none.
pub fn with_time_of_day(mut s: wethi::session::Session) -> wethi::session::Session {
    s.meta.time =
        Some(serde_json::from_str(r#"{"start": "08:30", "end": "16:30"}"#).expect("a time of day"));
    s
}

pub fn schema_path() -> PathBuf {
    root().join("sessions/session.schema.json")
}

/// Every `*.json` file in `sessions/examples/`.
pub fn example_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(root().join("sessions/examples"))
        .expect("sessions/examples/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension() == Some(OsStr::new("json")))
        .collect();
    files.sort();
    files
}

/// The session schema, compiled once: draft 2020-12 with format checks on.
///
/// It is the schema the model generates, in memory: the committed file is
/// the same (`tests/schema.rs` fails otherwise), and reading the file would
/// race with `WETHI_WRITE_SCHEMA=1`, which rewrites it while tests run.
pub fn schema() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: Value = wethi::session::schema::schema();
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("schema compiles")
    })
}

/// Every schema error for `instance`, one per line; empty when it is valid.
pub fn schema_errors(instance: &Value) -> String {
    schema()
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Panics with every schema error when `text` (a file's content) is not a valid session.
pub fn assert_schema_valid(what: &str, text: &str) {
    let value: Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{what} is not JSON: {e}"));
    let errors = schema_errors(&value);
    assert!(
        errors.is_empty(),
        "{what} does not validate against the schema:\n{errors}"
    );
}

/// Panics with every schema error when the session file at `path` is not valid.
pub fn assert_valid_session(path: &Path) {
    let text = fs::read_to_string(path).expect("the session file is readable");
    assert_schema_valid(&path.display().to_string(), &text);
}

/// A sandbox for one test: a data folder and a fake home folder, both temporary.
pub struct Sandbox {
    pub data: TempDir,
    pub home: TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Sandbox {
            data: tempfile::tempdir().expect("temp data dir"),
            home: tempfile::tempdir().expect("temp home dir"),
        }
    }

    pub fn data_dir(&self) -> &Path {
        self.data.path()
    }

    /// `wethi` with English locale, the fake home and no inherited data dir.
    /// `--data-dir` is not passed: see [`Sandbox::wethi`].
    pub fn bare(&self) -> Command {
        self.bare_with_locale("en_US.UTF-8")
    }

    pub fn bare_with_locale(&self, locale: &str) -> Command {
        let mut cmd = Command::cargo_bin("wethi").expect("the wethi binary is built");
        cmd.env_remove("WETHI_DATA_DIR")
            .env_remove("LANGUAGE")
            .env("LANG", locale)
            .env("LC_ALL", locale)
            .env("HOME", self.home.path())
            .env("XDG_DATA_HOME", self.home.path().join("xdg-data"))
            .env("XDG_CONFIG_HOME", self.home.path().join("xdg-config"))
            .env("NO_COLOR", "1")
            .current_dir(self.home.path());
        cmd
    }

    /// `wethi --data-dir <sandbox data folder>` with an English locale.
    pub fn wethi(&self) -> Command {
        let mut cmd = self.bare();
        cmd.arg("--data-dir").arg(self.data_dir());
        cmd
    }

    /// `wethi --data-dir <sandbox data folder>` with the given locale.
    pub fn wethi_with_locale(&self, locale: &str) -> Command {
        let mut cmd = self.bare_with_locale(locale);
        cmd.arg("--data-dir").arg(self.data_dir());
        cmd
    }

    /// Runs `wethi new --no-open --title TITLE` and returns the printed path.
    pub fn new_session(&self, title: &str) -> PathBuf {
        let out = self
            .wethi()
            .args(["new", "--no-open", "--title", title])
            .output()
            .expect("wethi runs");
        assert!(
            out.status.success(),
            "wethi new failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        printed_path(&out.stdout)
    }
}

impl Default for Sandbox {
    fn default() -> Self {
        Sandbox::new()
    }
}

/// The single path `wethi new` prints on stdout.
pub fn printed_path(stdout: &[u8]) -> PathBuf {
    let text = String::from_utf8(stdout.to_vec()).expect("stdout is UTF-8");
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "expected one path on stdout, got {text:?}");
    PathBuf::from(lines[0].trim())
}

/// A file's bytes and modification time, to prove it was not touched.
#[derive(Debug, PartialEq, Eq)]
pub struct Snapshot {
    bytes: Vec<u8>,
    modified: SystemTime,
}

pub fn snapshot(path: &Path) -> Snapshot {
    Snapshot {
        bytes: fs::read(path).expect("file is readable"),
        modified: fs::metadata(path)
            .and_then(|m| m.modified())
            .expect("file has an mtime"),
    }
}

/// Every entry of `dir`, recursively, as paths relative to `dir` with `/`
/// between folders (on Windows too), sorted.
pub fn tree(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).expect("readable folder") {
            let path = entry.expect("readable entry").path();
            let relative = path.strip_prefix(base).expect("inside base");
            out.push(
                relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
            );
            if path.is_dir() {
                walk(base, &path, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

pub fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).expect("file is readable");
    serde_json::from_str(&text).expect("file is JSON")
}

/// Writes `value` the way wethi does (two-space pretty JSON, newline at the end).
pub fn write_json(path: &Path, value: &Value) {
    let mut text = serde_json::to_string_pretty(value).expect("serialisable");
    text.push('\n');
    fs::write(path, text).expect("writable");
}

/// The clusters of `row` that start in columns `from..to`.
pub fn columns(row: &str, from: usize, to: usize) -> String {
    let mut col = 0;
    let mut out = String::new();
    for (_, g) in clusters(row) {
        if (from..to).contains(&col) {
            out.push_str(g);
        }
        col += cluster_width(g);
    }
    out
}

/// Whether `c` must never reach the terminal as it is: a control character
/// other than a newline, or a bidirectional control.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n') || is_bidi_control(c)
}

/// A SWOT item as JSON, for building test sessions.
pub fn swot_item(id: &str, text: &str) -> Value {
    serde_json::json!({
        "id": id,
        "text": text,
        "votes": 0,
        "created_at": "2021-01-13T09:00:00+07:00",
        "updated_at": "2021-01-13T09:00:00+07:00"
    })
}

/// What a finished `wethi` printed, as text, and how it exited.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `cmd` to the end; its output must be UTF-8.
pub fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("wethi runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}
