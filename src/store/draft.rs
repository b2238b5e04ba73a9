//! Text typed but not yet committed, kept when a signal (a closed terminal
//! window, `kill`) ends the program, so the next opening can offer it back.
//!
//! It lives beside the session as `.NAME.json.draft`, hidden like the lock,
//! readable by its owner only like the session itself.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

const FORMAT: &str = "wethi.draft";

/// Where the text was typed and what it was. `place` is the app's own
/// description of the box (`add/swot:strengths`, `form-action` …); the
/// store keeps it without reading it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub format: String,
    pub place: String,
    /// The text box's text, or each field of a form in order.
    pub texts: Vec<String>,
    /// The form field that had the cursor.
    #[serde(default)]
    pub focus: usize,
}

impl Draft {
    pub fn new(place: String, texts: Vec<String>, focus: usize) -> Self {
        Draft {
            format: FORMAT.to_owned(),
            place,
            texts,
            focus,
        }
    }
}

/// `.NAME.json.draft` beside the session.
pub fn draft_path(session: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(session.file_name().unwrap_or_default());
    name.push(".draft");
    session.with_file_name(name)
}

/// Writes the draft of `session` (atomically, 0600).
pub fn write_draft(session: &Path, draft: &Draft) -> io::Result<PathBuf> {
    let path = draft_path(session);
    let mut json = serde_json::to_string_pretty(draft).map_err(io::Error::other)?;
    json.push('\n');
    super::write_atomic(&path, json.as_bytes()).map_err(|e| e.source)?;
    Ok(path)
}

/// The draft left beside `session`, if there is a readable one. A draft
/// that cannot be read is left where it is for the facilitator to look at.
pub fn read_draft(session: &Path) -> Option<Draft> {
    let bytes = std::fs::read(draft_path(session)).ok()?;
    serde_json::from_slice::<Draft>(&bytes)
        .ok()
        .filter(|d| d.format == FORMAT)
}

/// Forgets the draft once it is back in its box.
pub fn remove_draft(session: &Path) {
    let _ = std::fs::remove_file(draft_path(session));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_written_hidden_private_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let draft = Draft::new("add/actions".into(), vec!["ยังพิมพ์ไม่เสร็จ".into()], 0);
        let path = write_draft(&session, &draft).unwrap();
        assert_eq!(path, dir.path().join(".s.json.draft"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_eq!(read_draft(&session), Some(draft));
        remove_draft(&session);
        assert_eq!(read_draft(&session), None);
    }

    #[test]
    fn a_broken_draft_is_not_offered_and_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        std::fs::write(draft_path(&session), "{not json").unwrap();
        assert_eq!(read_draft(&session), None);
        assert!(draft_path(&session).exists());
    }
}
