//! The hidden file beside the session that keeps the waiting submissions
//! across a crash until they are handled.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::store::{SaveError, write_atomic};

use super::{Inbox, PhotoSubmission, Submission};

const FORMAT: &str = "wethi.inbox";

#[derive(Serialize, Deserialize)]
struct InboxJson {
    format: String,
    version: u32,
    waiting: Vec<Submission>,
    /// Photos sent from phones (their images are in the photo folder).
    /// Absent when none wait, so an inbox of items only is as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    photos: Vec<PhotoSubmission>,
}

/// Where the inbox of the session at `session` is kept: a hidden file
/// beside it, `.NAME.inbox` (for `s.json`, `.s.json.inbox`).
pub fn inbox_path(session: &Path) -> PathBuf {
    let name = session
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    session.with_file_name(format!(".{name}.inbox"))
}

/// The inbox's file, and which revision of the inbox it holds.
#[derive(Debug, Clone)]
pub struct InboxFile {
    pub path: PathBuf,
    saved_revision: u64,
}

impl InboxFile {
    pub fn for_session(session: &Path) -> InboxFile {
        InboxFile {
            path: inbox_path(session),
            saved_revision: 0,
        }
    }

    /// What a previous opening left waiting: nothing when there is no
    /// file; an error naming the file when it cannot be read or is not an
    /// inbox (the file is then left alone, never overwritten by an empty one
    /// unless the caller saves).
    pub fn load(&self) -> Result<Inbox, String> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Inbox::default()),
            Err(e) => return Err(format!("{}: {e}", self.path.display())),
        };
        let json: InboxJson = serde_json::from_slice(&bytes)
            .map_err(|e| format!("{}: not a room inbox ({e})", self.path.display()))?;
        if json.format != FORMAT {
            return Err(format!(
                "{}: not a room inbox (format is {:?})",
                self.path.display(),
                json.format
            ));
        }
        let waiting = json
            .waiting
            .into_iter()
            .filter_map(Submission::recleaned)
            .collect();
        let photos = json
            .photos
            .into_iter()
            .filter_map(PhotoSubmission::recleaned)
            .collect();
        Ok(Inbox::new(waiting).with_photos(photos))
    }

    /// Records that the file holds `inbox` as it is now (it was just
    /// loaded from it), so the next save happens only after a change.
    pub fn mark_saved(&mut self, inbox: &Inbox) {
        self.saved_revision = inbox.revision();
    }

    /// Writes the inbox when it changed since the last save: atomically,
    /// readable by the owner only; an empty inbox removes the file.
    pub fn save_if_changed(&mut self, inbox: &Inbox) -> Result<(), SaveError> {
        if inbox.revision() == self.saved_revision {
            return Ok(());
        }
        self.save(inbox)?;
        self.saved_revision = inbox.revision();
        Ok(())
    }

    fn save(&self, inbox: &Inbox) -> Result<(), SaveError> {
        let err = |source| SaveError {
            path: self.path.clone(),
            source,
        };
        if inbox.is_empty() {
            return match fs::remove_file(&self.path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => Err(err(e)),
                _ => Ok(()),
            };
        }
        let json = InboxJson {
            format: FORMAT.to_owned(),
            version: 1,
            waiting: inbox.waiting.clone(),
            photos: inbox.photos.clone(),
        };
        let bytes = serde_json::to_vec_pretty(&json).map_err(|e| err(io::Error::other(e)))?;
        // The temporary file is created 0600 and the rename keeps that.
        write_atomic(&self.path, &bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::ids::IdSource;
    use crate::session::{Quadrant, now};

    fn sub(q: Quadrant, text: &str, group: &str) -> Submission {
        Submission::new(q, text, group, now()).unwrap()
    }

    #[test]
    fn the_file_round_trips_and_goes_when_empty() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let mut file = InboxFile::for_session(&session);
        assert_eq!(file.path, dir.path().join(".s.json.inbox"));
        let mut inbox = file.load().unwrap();
        assert!(inbox.is_empty());
        inbox.receive(
            sub(Quadrant::Threats, "ถนนชำรุด", "บ้านเหนือ"),
            now(),
            &mut IdSource::default(),
        );
        inbox.receive(
            sub(Quadrant::Strengths, "มีอาสาสมัคร", ""),
            now(),
            &mut IdSource::default(),
        );
        file.save_if_changed(&inbox).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&file.path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // A crash: nothing handled, the next opening finds it all.
        drop(inbox.clone());
        let again = InboxFile::for_session(&session).load().unwrap();
        assert_eq!(again.waiting(), inbox.waiting());
        let photo = crate::room::inbox::PhotoSubmission::new(
            "rm-9.jpg".into(),
            "ป้าย",
            "",
            now(),
            10,
            (4, 3),
        );
        inbox.receive_photo(photo, now(), &mut IdSource::default());
        file.save_if_changed(&inbox).unwrap();
        let again = InboxFile::for_session(&session).load().unwrap();
        assert_eq!(again.photos(), inbox.photos());
        assert_eq!(again.waiting(), inbox.waiting());
        inbox.accept_all(now(), &mut IdSource::default());
        file.save_if_changed(&inbox).unwrap();
        assert!(!file.path.exists());
        assert!(file.load().unwrap().is_empty());
    }

    #[test]
    fn a_bad_file_is_named_and_an_edited_one_recleaned() {
        let dir = tempfile::tempdir().unwrap();
        let file = InboxFile::for_session(&dir.path().join("s.json"));
        fs::write(&file.path, "{not json").unwrap();
        let err = file.load().unwrap_err();
        assert!(
            err.contains(".s.json.inbox") && err.contains("line 1"),
            "{err}"
        );
        let t = now().to_rfc3339();
        fs::write(
            &file.path,
            format!(
                r#"{{"format":"wethi.inbox","version":1,"waiting":[
                {{"id":"rm-1","quadrant":"threats","text":"a\u001b[31mb","received_at":"{t}"}},
                {{"id":"rm-2","quadrant":"threats","text":"  ","received_at":"{t}"}}]}}"#
            ),
        )
        .unwrap();
        let inbox = file.load().unwrap();
        assert_eq!(inbox.len(), 1);
        assert_eq!(inbox.waiting()[0].text, "a␛[31mb");
        fs::write(&file.path, r#"{"format":"x","version":1,"waiting":[]}"#).unwrap();
        assert!(file.load().unwrap_err().contains("not a room inbox"));
        // A photo whose file would leave the photo folder is dropped.
        fs::write(
            &file.path,
            format!(
                r#"{{"format":"wethi.inbox","version":1,"waiting":[],"photos":[
                {{"id":"rm-1","file":"../../x.jpg","received_at":"{t}","bytes":1,"width":1,"height":1}},
                {{"id":"rm-2","file":"rm-2.jpg","caption":"a\u001bb","received_at":"{t}","bytes":1,"width":1,"height":1}}]}}"#
            ),
        )
        .unwrap();
        let inbox = file.load().unwrap();
        assert_eq!(inbox.photos().len(), 1);
        assert_eq!(inbox.photos()[0].caption, "a␛b");
        fs::write(&file.path, r#"{"format":"x","version":1,"waiting":[]}"#).unwrap();
        assert!(file.load().unwrap_err().contains("not a room inbox"));
    }
}
