//! Reading a session from bytes, with errors a facilitator can act on:
//! each names the file and says what is wrong and where. The words are
//! `i18n::files`'s: here the problem is a typed [`Problem`].

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::model::{FORMAT, Session, VERSION};
use super::source;
use super::validate::{self, Meaning};

/// A session read from a file, and whether it may be changed.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub session: Session,
    /// The file's format is newer than this program: open it read-only.
    pub newer_version: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file could not be read at all.
    Unreadable(String),
    IsDirectory,
    NotFound,
    /// Bigger than any session a workshop makes: not read, so a stray huge
    /// file cannot take the machine's memory. The size in bytes.
    TooLarge(u64),
    Empty,
    NotUtf8 {
        line: usize,
        column: usize,
    },
    Syntax {
        line: usize,
        column: usize,
        what: String,
    },
    /// Deeper than serde_json reads (128 levels): no session is.
    TooDeep {
        line: usize,
        column: usize,
    },
    NotAnObject {
        found: JsonKind,
    },
    /// `format` is a string, but not ours; `None`: there is no `format`.
    WrongFormat {
        found: Option<String>,
    },
    /// `format` is not a string at all: `found` is its JSON.
    FormatNotText {
        found: String,
        kind: JsonKind,
    },
    /// Valid JSON of the wrong shape: `path` is where, `what` is serde's reason.
    Shape {
        path: String,
        line: usize,
        column: usize,
        what: String,
    },
    /// One object holds the same key twice: which value was meant is unclear.
    DuplicateKey {
        key: String,
        line: usize,
        column: usize,
    },
    /// The right shape, but it does not make sense (an id used twice, a
    /// link to nothing).
    Meaning {
        path: String,
        line: usize,
        column: usize,
        what: Meaning,
    },
}

/// The kinds of JSON value, to say what a file holds instead of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub path: PathBuf,
    pub problem: Problem,
}

impl LoadError {
    pub fn new(path: &Path, problem: Problem) -> Self {
        LoadError {
            path: path.to_path_buf(),
            problem,
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The largest file read as a session. A day's workshop is well under a
/// megabyte; 64 MB leaves room for pasted documents while a loaded
/// session (several times its file in memory) stays affordable.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// Parses a session file's bytes. `path` only names the file in errors.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let err = |problem| LoadError::new(path, problem);
    // Some Windows editors add a byte-order mark; it carries no meaning in UTF-8.
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(&bytes[..e.valid_up_to()]);
        err(Problem::NotUtf8 { line, column })
    })?;
    if text.trim().is_empty() {
        return Err(err(Problem::Empty));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let (line, column) = (e.line(), char_column(text, e.line(), e.column()));
        err(match syntax_reason(&e) {
            Some(what) => Problem::Syntax { line, column, what },
            None => Problem::TooDeep { line, column },
        })
    })?;
    let newer_version = check_envelope(&value).map_err(err)?;
    if let Some(dup) = source::duplicate_key(text) {
        return Err(err(Problem::DuplicateKey {
            key: dup.key,
            line: dup.line,
            column: dup.column,
        }));
    }
    let session: Session = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let (line, column) = source::locate(text, &path);
        err(Problem::Shape {
            // `.` is the top level: `i18n::files` says so in words.
            path,
            line,
            column,
            what: e.into_inner().to_string(),
        })
    })?;
    validate::check(&session).map_err(|invalid| {
        let (line, column) = source::locate(text, &invalid.path);
        err(Problem::Meaning {
            path: invalid.path,
            line,
            column,
            what: invalid.what,
        })
    })?;
    Ok(Loaded {
        session,
        newer_version,
    })
}

/// Checks what makes JSON a session before its fields: the top level is an
/// object whose `format` is ours. Returns whether its version is newer.
fn check_envelope(value: &Value) -> Result<bool, Problem> {
    let Value::Object(map) = value else {
        return Err(Problem::NotAnObject {
            found: kind_of(value),
        });
    };
    match map.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            return Err(Problem::WrongFormat {
                found: Some(f.clone()),
            });
        }
        Some(other) => {
            return Err(Problem::FormatNotText {
                found: other.to_string(),
                kind: kind_of(other),
            });
        }
        None => return Err(Problem::WrongFormat { found: None }),
    }
    Ok(map
        .get("version")
        .and_then(Value::as_u64)
        .is_some_and(|v| v > u64::from(VERSION)))
}

fn kind_of(value: &Value) -> JsonKind {
    match value {
        Value::Null => JsonKind::Null,
        Value::Bool(_) => JsonKind::Bool,
        Value::Number(_) => JsonKind::Number,
        Value::String(_) => JsonKind::String,
        Value::Array(_) => JsonKind::Array,
        Value::Object(_) => JsonKind::Object,
    }
}

/// serde_json's message without its own "at line L column C" suffix,
/// since the error sentence already says where; `None` when the file is
/// nested too deep (its message says nothing a facilitator can use).
fn syntax_reason(e: &serde_json::Error) -> Option<String> {
    let full = e.to_string();
    if full.starts_with("recursion limit exceeded") {
        return None;
    }
    Some(match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    })
}

/// serde_json counts columns in bytes; editors count characters.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    l.char_indices()
        .take_while(|(i, _)| *i < byte_column)
        .count()
}

/// 1-based line and column (in characters) of the end of `prefix`.
fn line_column(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The bytes `wethi` writes: two-space JSON in field order, newline at the end.
pub fn to_json(session: &Session) -> Result<String, serde_json::Error> {
    let mut out = serde_json::to_string_pretty(session)?;
    out.push('\n');
    Ok(out)
}
