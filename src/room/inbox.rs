//! Submissions waiting for the facilitator; the hidden file beside the
//! session that keeps them across a crash is `inbox/file.rs`.
//!
//! Pure state: the event loop feeds it [`RoomEvent::Submitted`](super::RoomEvent)
//! and turns what it hands back into ordinary board items through the
//! app's usual (saved, undoable) path.

use serde::{Deserialize, Serialize};

use crate::session::ids::{IdSource, new_id};
use crate::session::{Quadrant, SwotItem, Timestamp};

use super::clean::{MAX_TEXT, clean_group, clean_visible};

mod file;

pub use file::{InboxFile, inbox_path};

/// One item sent from a phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub id: String,
    #[serde(with = "quadrant_name")]
    pub quadrant: Quadrant,
    /// Already cleaned ([`clean`]): one line, sanitised, normalised.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    pub received_at: Timestamp,
}

impl Submission {
    /// A submission from raw phone input; `None` when nothing visible is
    /// left after cleaning (blank, or control characters only).
    pub fn new(quadrant: Quadrant, text: &str, group: &str, now: Timestamp) -> Option<Submission> {
        Some(Submission {
            id: new_id("rm"),
            quadrant,
            text: clean_visible(text, MAX_TEXT)?,
            group: clean_group(group),
            received_at: now,
        })
    }

    /// The ordinary board item it becomes, tagged with its group.
    pub fn to_item(&self, now: Timestamp, ids: &mut IdSource) -> SwotItem {
        SwotItem {
            id: ids.next("sw"),
            text: self.text.clone(),
            votes: 0,
            created_at: now,
            updated_at: now,
            group: self.group.clone(),
            extra: Default::default(),
        }
    }

    /// Cleans text read back from a file, which anyone could have edited.
    fn recleaned(self) -> Option<Submission> {
        Some(Submission {
            text: clean_visible(&self.text, MAX_TEXT)?,
            group: self.group.as_deref().and_then(clean_group),
            ..self
        })
    }
}

/// An item ready to go on the board, in its quadrant.
pub type Accepted = (Quadrant, SwotItem);

/// The waiting submissions, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inbox {
    waiting: Vec<Submission>,
    /// Trusted rooms skip moderation: everything received is accepted.
    pub auto_accept: bool,
    revision: u64,
}

impl Inbox {
    /// An inbox holding what a previous opening left waiting.
    pub fn new(waiting: Vec<Submission>) -> Inbox {
        Inbox {
            waiting,
            ..Inbox::default()
        }
    }

    pub fn waiting(&self) -> &[Submission] {
        &self.waiting
    }

    pub fn get(&self, index: usize) -> Option<&Submission> {
        self.waiting.get(index)
    }

    pub fn len(&self) -> usize {
        self.waiting.len()
    }

    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty()
    }

    /// Changes with every change to what waits, so the file is written
    /// only when needed (see [`InboxFile::save_if_changed`]).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Takes a new submission: kept waiting, or with auto-accept on,
    /// handed straight back as a board item.
    pub fn receive(
        &mut self,
        submission: Submission,
        now: Timestamp,
        ids: &mut IdSource,
    ) -> Option<Accepted> {
        if self.auto_accept {
            return Some((submission.quadrant, submission.to_item(now, ids)));
        }
        self.waiting.push(submission);
        self.revision += 1;
        None
    }

    /// Accepts the submission at `index` as it is.
    pub fn accept(&mut self, index: usize, now: Timestamp, ids: &mut IdSource) -> Option<Accepted> {
        let s = self.take(index)?;
        Some((s.quadrant, s.to_item(now, ids)))
    }

    /// Accepts the submission at `index` with the facilitator's text and
    /// quadrant. Text that cleans to nothing visible changes nothing.
    pub fn accept_edited(
        &mut self,
        index: usize,
        text: &str,
        quadrant: Quadrant,
        now: Timestamp,
        ids: &mut IdSource,
    ) -> Option<Accepted> {
        let text = clean_visible(text, MAX_TEXT)?;
        if index >= self.waiting.len() {
            return None;
        }
        let s = self.take(index)?;
        let item = Submission { text, ..s }.to_item(now, ids);
        Some((quadrant, item))
    }

    /// Drops the submission at `index`, returning it.
    pub fn reject(&mut self, index: usize) -> Option<Submission> {
        self.take(index)
    }

    /// Accepts everything waiting, oldest first.
    pub fn accept_all(&mut self, now: Timestamp, ids: &mut IdSource) -> Vec<Accepted> {
        if self.waiting.is_empty() {
            return Vec::new();
        }
        self.revision += 1;
        self.waiting
            .drain(..)
            .map(|s| (s.quadrant, s.to_item(now, ids)))
            .collect()
    }

    fn take(&mut self, index: usize) -> Option<Submission> {
        if index >= self.waiting.len() {
            return None;
        }
        self.revision += 1;
        Some(self.waiting.remove(index))
    }
}

mod quadrant_name {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use crate::session::Quadrant;

    fn name(q: Quadrant) -> &'static str {
        match q {
            Quadrant::Strengths => "strengths",
            Quadrant::Weaknesses => "weaknesses",
            Quadrant::Opportunities => "opportunities",
            Quadrant::Threats => "threats",
        }
    }

    pub fn serialize<S: Serializer>(q: &Quadrant, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(name(*q))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Quadrant, D::Error> {
        let text = String::deserialize(d)?;
        Quadrant::ALL
            .into_iter()
            .find(|&q| name(q) == text)
            .ok_or_else(|| D::Error::custom(format!("unknown quadrant {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::now;

    fn sub(q: Quadrant, text: &str, group: &str) -> Submission {
        Submission::new(q, text, group, now()).unwrap()
    }

    #[test]
    fn submissions_are_cleaned_and_empty_ones_refused() {
        assert!(Submission::new(Quadrant::Strengths, " \n\t ", "", now()).is_none());
        assert!(Submission::new(Quadrant::Strengths, "\u{1b}", "", now()).is_none());
        let s = sub(Quadrant::Threats, "น้ำ\u{1b}[2J\nท่วม", "  ");
        assert_eq!(s.text, "น้ำ␛[2J ท่วม");
        assert_eq!(s.group, None);
    }

    #[test]
    fn accepting_makes_ordinary_items_with_their_group() {
        let mut inbox = Inbox::default();
        assert!(
            inbox
                .receive(
                    sub(Quadrant::Opportunities, "ตลาดใหม่", "กลุ่ม 2"),
                    now(),
                    &mut IdSource::default()
                )
                .is_none()
        );
        inbox.receive(
            sub(Quadrant::Threats, "ภัยแล้ง", ""),
            now(),
            &mut IdSource::default(),
        );
        inbox.receive(
            sub(Quadrant::Strengths, "ผู้นำเข้มแข็ง", ""),
            now(),
            &mut IdSource::default(),
        );
        assert_eq!(inbox.len(), 3);
        let (q, item) = inbox.accept(0, now(), &mut IdSource::default()).unwrap();
        assert_eq!(q, Quadrant::Opportunities);
        assert_eq!(item.text, "ตลาดใหม่");
        assert_eq!(item.group.as_deref(), Some("กลุ่ม 2"));
        assert!(item.id.starts_with("sw-"));
        assert_eq!(item.votes, 0);
        assert_eq!(inbox.reject(0).unwrap().text, "ภัยแล้ง");
        assert!(inbox.accept(5, now(), &mut IdSource::default()).is_none());
        let (q, item) = inbox
            .accept_edited(
                0,
                " ผู้นำ\nดี ",
                Quadrant::Weaknesses,
                now(),
                &mut IdSource::default(),
            )
            .unwrap();
        assert_eq!((q, item.text.as_str()), (Quadrant::Weaknesses, "ผู้นำ ดี"));
        assert!(inbox.is_empty());
    }

    #[test]
    fn edit_to_nothing_changes_nothing() {
        let mut inbox = Inbox::new(vec![sub(Quadrant::Strengths, "a", "")]);
        let rev = inbox.revision();
        assert!(
            inbox
                .accept_edited(
                    0,
                    "  ",
                    Quadrant::Strengths,
                    now(),
                    &mut IdSource::default()
                )
                .is_none()
        );
        assert_eq!((inbox.len(), inbox.revision()), (1, rev));
    }

    #[test]
    fn accept_all_and_auto_accept() {
        let mut inbox = Inbox::new(vec![
            sub(Quadrant::Strengths, "a", ""),
            sub(Quadrant::Threats, "b", ""),
        ]);
        let all = inbox.accept_all(now(), &mut IdSource::default());
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].0, Quadrant::Threats);
        assert!(inbox.is_empty());
        inbox.auto_accept = true;
        let rev = inbox.revision();
        let (q, item) = inbox
            .receive(
                sub(Quadrant::Weaknesses, "c", "g"),
                now(),
                &mut IdSource::default(),
            )
            .unwrap();
        assert_eq!(
            (q, item.group.as_deref()),
            (Quadrant::Weaknesses, Some("g"))
        );
        assert!(inbox.is_empty());
        assert_eq!(inbox.revision(), rev);
    }

    proptest::proptest! {
        /// Whatever a phone sends, what waits in the inbox (and so what the
        /// terminal will draw) holds no control character: no escape
        /// sequence, no line break, no bidi override.
        #[test]
        fn nothing_raw_reaches_the_inbox(
            text in "(\\PC|[\\x00-\\x1f\\x7f-\\x9f\u{202e}\u{2066}\u{0e48}])*",
            group in "(\\PC|[\\x00-\\x1f\\x7f-\\x9f\u{202e}])*",
        ) {
            let mut inbox = Inbox::default();
            if let Some(s) = Submission::new(Quadrant::Strengths, &text, &group, now()) {
                inbox.receive(s, now(), &mut IdSource::default());
            }
            for s in inbox.waiting() {
                let fields = [s.text.as_str(), s.group.as_deref().unwrap_or_default()];
                for field in fields {
                    proptest::prop_assert!(!field.chars().any(char::is_control), "{field:?}");
                    proptest::prop_assert!(
                        !field.chars().any(crate::text::sanitize::is_bidi_control),
                        "{field:?}"
                    );
                }
            }
        }
    }
}
