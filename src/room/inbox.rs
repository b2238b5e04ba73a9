//! Submissions waiting for the facilitator, items and photos; the hidden
//! file beside the session that keeps them across a crash is
//! `inbox/file.rs`. A waiting photo's image is already in the session's
//! photo folder, made safe (`crate::photos`) before the phone heard "sent".
//!
//! The inbox lists the items first, then the photos, each oldest first; an
//! index names a place in that list.
//!
//! Pure state: the event loop feeds it [`RoomEvent::Submitted`](super::RoomEvent)
//! and turns what it hands back into ordinary board items through the
//! app's usual (saved, undoable) path.

use serde::{Deserialize, Serialize};

use crate::session::ids::{IdSource, new_id};
use crate::session::validate::is_photo_file_name;
use crate::session::{Photo, Quadrant, SwotItem, Timestamp};

use super::clean::{MAX_TEXT, clean, clean_group, clean_visible};

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

/// A photo sent from a phone, waiting to be accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhotoSubmission {
    pub id: String,
    /// Its image's name in the session's photo folder.
    pub file: String,
    /// Already cleaned; may be empty.
    #[serde(default)]
    pub caption: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    pub received_at: Timestamp,
    /// The stored image's size in bytes and pixels.
    pub bytes: u64,
    pub width: u32,
    pub height: u32,
}

impl PhotoSubmission {
    /// A photo whose image was stored as `file` (`bytes` long, `width` ×
    /// `height`), with the phone's raw caption and group.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        file: String,
        caption: &str,
        group: &str,
        now: Timestamp,
        bytes: u64,
        (width, height): (u32, u32),
    ) -> PhotoSubmission {
        PhotoSubmission {
            id: new_id("rm"),
            file,
            caption: clean(caption, MAX_TEXT),
            group: clean_group(group),
            received_at: now,
            bytes,
            width,
            height,
        }
    }

    /// The session's photo it becomes, with `caption` when the facilitator
    /// gave one.
    pub fn to_photo(&self, caption: Option<String>, now: Timestamp, ids: &mut IdSource) -> Photo {
        Photo {
            id: ids.next("ph"),
            file: self.file.clone(),
            caption: caption.unwrap_or_else(|| self.caption.clone()),
            group: self.group.clone(),
            added_at: now,
            bytes: self.bytes,
            width: self.width,
            height: self.height,
            extra: Default::default(),
        }
    }

    /// Read back from a file anyone could have edited: the caption and group
    /// cleaned again, and no file name that could leave the photo folder.
    fn recleaned(self) -> Option<PhotoSubmission> {
        is_photo_file_name(&self.file).then(|| PhotoSubmission {
            caption: clean(&self.caption, MAX_TEXT),
            group: self.group.as_deref().and_then(clean_group),
            ..self
        })
    }
}

/// What the facilitator accepted: an item for the board, in its quadrant,
/// or a photo of the day.
#[derive(Debug, Clone, PartialEq)]
pub enum Accepted {
    Item(Quadrant, SwotItem),
    Photo(Photo),
}

/// One entry of the inbox's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting<'a> {
    Item(&'a Submission),
    Photo(&'a PhotoSubmission),
}

/// The waiting submissions: items, then photos, each oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inbox {
    waiting: Vec<Submission>,
    photos: Vec<PhotoSubmission>,
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

    /// The same inbox with `photos` waiting too.
    pub fn with_photos(mut self, photos: Vec<PhotoSubmission>) -> Inbox {
        self.photos = photos;
        self
    }

    /// The waiting items (not the photos).
    pub fn waiting(&self) -> &[Submission] {
        &self.waiting
    }

    /// The waiting photos.
    pub fn photos(&self) -> &[PhotoSubmission] {
        &self.photos
    }

    /// The item at `index`, if an item is there.
    pub fn get(&self, index: usize) -> Option<&Submission> {
        self.waiting.get(index)
    }

    /// Whatever waits at `index`: items first, then photos.
    pub fn entry(&self, index: usize) -> Option<Waiting<'_>> {
        match index.checked_sub(self.waiting.len()) {
            None => self.waiting.get(index).map(Waiting::Item),
            Some(photo) => self.photos.get(photo).map(Waiting::Photo),
        }
    }

    /// Items and photos waiting.
    pub fn len(&self) -> usize {
        self.waiting.len() + self.photos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty() && self.photos.is_empty()
    }

    /// The bytes of the waiting photos' images.
    pub fn photo_bytes(&self) -> u64 {
        self.photos.iter().map(|p| p.bytes).sum()
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
            let item = submission.to_item(now, ids);
            return Some(Accepted::Item(submission.quadrant, item));
        }
        self.waiting.push(submission);
        self.revision += 1;
        None
    }

    /// Takes a photo from a phone: kept waiting, or with auto-accept on,
    /// handed straight back as a photo of the session.
    pub fn receive_photo(
        &mut self,
        photo: PhotoSubmission,
        now: Timestamp,
        ids: &mut IdSource,
    ) -> Option<Accepted> {
        if self.auto_accept {
            return Some(Accepted::Photo(photo.to_photo(None, now, ids)));
        }
        self.photos.push(photo);
        self.revision += 1;
        None
    }

    /// Accepts what waits at `index` as it is.
    pub fn accept(&mut self, index: usize, now: Timestamp, ids: &mut IdSource) -> Option<Accepted> {
        Some(match self.take(index)? {
            Taken::Item(s) => Accepted::Item(s.quadrant, s.to_item(now, ids)),
            Taken::Photo(p) => Accepted::Photo(p.to_photo(None, now, ids)),
        })
    }

    /// Accepts the photo at `index` with the facilitator's caption
    /// (cleaned; it may be empty). `None` when no photo is there.
    pub fn accept_captioned(
        &mut self,
        index: usize,
        caption: &str,
        now: Timestamp,
        ids: &mut IdSource,
    ) -> Option<Accepted> {
        let photo = index.checked_sub(self.waiting.len())?;
        if photo >= self.photos.len() {
            return None;
        }
        let Taken::Photo(p) = self.take(index)? else {
            return None;
        };
        let caption = clean(caption, MAX_TEXT);
        Some(Accepted::Photo(p.to_photo(Some(caption), now, ids)))
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
        let Taken::Item(s) = self.take(index)? else {
            return None;
        };
        let item = Submission { text, ..s }.to_item(now, ids);
        Some(Accepted::Item(quadrant, item))
    }

    /// Drops what waits at `index`; `false` when nothing is there. A
    /// photo's image stays in the folder until the session is closed (see
    /// `store::photos::sweep`).
    pub fn reject(&mut self, index: usize) -> bool {
        self.take(index).is_some()
    }

    /// Accepts everything waiting: the items, then the photos, oldest first.
    pub fn accept_all(&mut self, now: Timestamp, ids: &mut IdSource) -> Vec<Accepted> {
        if self.is_empty() {
            return Vec::new();
        }
        self.revision += 1;
        let items = self
            .waiting
            .drain(..)
            .map(|s| Accepted::Item(s.quadrant, s.to_item(now, ids)))
            .collect::<Vec<_>>();
        let photos = self
            .photos
            .drain(..)
            .map(|p| Accepted::Photo(p.to_photo(None, now, ids)));
        items.into_iter().chain(photos).collect()
    }

    fn take(&mut self, index: usize) -> Option<Taken> {
        let taken = match index.checked_sub(self.waiting.len()) {
            None => Taken::Item(self.waiting.remove(index)),
            Some(photo) if photo < self.photos.len() => Taken::Photo(self.photos.remove(photo)),
            Some(_) => return None,
        };
        self.revision += 1;
        Some(taken)
    }
}

/// What [`Inbox::take`] took out.
enum Taken {
    Item(Submission),
    Photo(PhotoSubmission),
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

    /// The board item an accept handed back.
    fn board_item(accepted: Option<Accepted>) -> (Quadrant, SwotItem) {
        match accepted {
            Some(Accepted::Item(q, item)) => (q, item),
            other => panic!("expected an item, got {other:?}"),
        }
    }

    fn photo(caption: &str, group: &str) -> PhotoSubmission {
        PhotoSubmission::new("rm-1.jpg".into(), caption, group, now(), 2048, (1600, 1200))
    }

    #[test]
    fn photos_wait_after_the_items_and_become_photos_of_the_session() {
        let mut inbox = Inbox::new(vec![sub(Quadrant::Threats, "ภัยแล้ง", "")]);
        let ids = &mut IdSource::counting();
        assert!(
            inbox
                .receive_photo(photo(" ป้าย\u{1b}[2J\n", "กลุ่ม 3"), now(), ids)
                .is_none()
        );
        inbox.receive_photo(photo("", ""), now(), ids);
        assert_eq!((inbox.len(), inbox.photo_bytes()), (3, 4096));
        assert!(matches!(inbox.entry(0), Some(Waiting::Item(_))));
        let Some(Waiting::Photo(p)) = inbox.entry(1) else {
            panic!("a photo after the item");
        };
        assert_eq!(
            (p.caption.as_str(), p.group.as_deref()),
            ("ป้าย␛[2J", Some("กลุ่ม 3"))
        );
        assert_eq!(inbox.entry(3), None);
        // An item's edit does not take a photo, nor a caption an item.
        assert!(
            inbox
                .accept_edited(1, "x", Quadrant::Strengths, now(), ids)
                .is_none()
        );
        assert!(inbox.accept_captioned(0, "x", now(), ids).is_none());
        assert_eq!(inbox.len(), 3);
        let Some(Accepted::Photo(accepted)) = inbox.accept(1, now(), ids) else {
            panic!("a photo accepted");
        };
        assert_eq!(accepted.file, "rm-1.jpg");
        assert_eq!(accepted.caption, "ป้าย␛[2J");
        assert_eq!(accepted.group.as_deref(), Some("กลุ่ม 3"));
        assert_eq!(
            (accepted.width, accepted.height, accepted.bytes),
            (1600, 1200, 2048)
        );
        assert!(accepted.id.starts_with("ph-"));
        let Some(Accepted::Photo(captioned)) = inbox.accept_captioned(1, " เวที\n ", now(), ids)
        else {
            panic!("a photo with the facilitator's caption");
        };
        assert_eq!(captioned.caption, "เวที");
        inbox.receive_photo(photo("", ""), now(), ids);
        assert!(inbox.reject(1));
        assert!(!inbox.reject(5));
        inbox.receive_photo(photo("ก", ""), now(), ids);
        let all = inbox.accept_all(now(), ids);
        assert!(matches!(all[..], [Accepted::Item(..), Accepted::Photo(_)]));
        assert!(inbox.is_empty());
        inbox.auto_accept = true;
        assert!(matches!(
            inbox.receive_photo(photo("", ""), now(), ids),
            Some(Accepted::Photo(_))
        ));
        assert!(inbox.is_empty());
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
        let (q, item) = board_item(inbox.accept(0, now(), &mut IdSource::default()));
        assert_eq!(q, Quadrant::Opportunities);
        assert_eq!(item.text, "ตลาดใหม่");
        assert_eq!(item.group.as_deref(), Some("กลุ่ม 2"));
        assert!(item.id.starts_with("sw-"));
        assert_eq!(item.votes, 0);
        assert!(inbox.reject(0));
        assert_eq!(inbox.waiting()[0].text, "ผู้นำเข้มแข็ง");
        assert!(inbox.accept(5, now(), &mut IdSource::default()).is_none());
        let (q, item) = board_item(inbox.accept_edited(
            0,
            " ผู้นำ\nดี ",
            Quadrant::Weaknesses,
            now(),
            &mut IdSource::default(),
        ));
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
        assert!(matches!(all[1], Accepted::Item(Quadrant::Threats, _)));
        assert!(inbox.is_empty());
        inbox.auto_accept = true;
        let rev = inbox.revision();
        let (q, item) = board_item(inbox.receive(
            sub(Quadrant::Weaknesses, "c", "g"),
            now(),
            &mut IdSource::default(),
        ));
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
