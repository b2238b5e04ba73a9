//! Across the sessions of a folder: the province's view. Every session is
//! read once (on every core, `store::listing::each_session`) into a
//! [`Digest`] of what was said in it and what was agreed; `search`,
//! `actions` and `insights` work on the digests. The command line prints
//! them (`cli/across.rs`), reports render the insights (`export/insights.rs`)
//! and the home screen searches and shows them (`app/home.rs`).
//! Knows nothing of terminals or words.

pub mod actions;
pub mod insights;
mod recurring;
pub mod search;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::session::entries::texts;
use crate::session::{FollowUpStatus, Listed, LoadError, Place, Session};
use crate::store::listing::each_session;
use crate::text::Lang;
use crate::text::fold::fold;

/// What is kept of one session: what the listing shows, everything said in
/// it (folded for search), and its actions and follow-ups.
#[derive(Debug, Clone)]
pub struct Digest {
    pub listed: Listed,
    pub lang: Lang,
    /// Where it took place, for a reader of many sessions: its district,
    /// else its venue, else its title.
    pub place_name: String,
    pub said: Vec<Said>,
    pub tasks: Vec<Task>,
}

/// One text of a session.
#[derive(Debug, Clone)]
pub struct Said {
    pub place: Place,
    pub text: String,
    /// The text folded for search (`text/fold.rs`).
    pub key: String,
    /// A SWOT item's votes; 0 for other texts.
    pub votes: u32,
}

/// An action item, or a follow-up of one agreed in an earlier session.
#[derive(Debug, Clone)]
pub struct Task {
    /// The id of the session the action was agreed in: with `id` it names
    /// the action across the sessions that follow it up.
    pub origin: String,
    /// The title of that session, as this one knows it.
    pub origin_title: String,
    pub id: String,
    pub text: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    /// An action item is open or done; a follow-up says what became of it.
    pub status: FollowUpStatus,
    pub place: Place,
}

impl Digest {
    pub fn of(path: PathBuf, s: &Session) -> Self {
        let said = texts(s)
            .into_iter()
            .map(|(place, text)| Said {
                place,
                text: text.to_owned(),
                key: fold(text),
                votes: match place {
                    Place::Swot(q, i) => s.swot.items(q).get(i).map_or(0, |item| item.votes),
                    _ => 0,
                },
            })
            .collect();
        let actions = s.actions.iter().enumerate().map(|(i, a)| Task {
            origin: s.id.clone(),
            origin_title: s.title.clone(),
            id: a.id.clone(),
            text: a.text.clone(),
            owner: a.owner.clone(),
            due: a.due,
            status: if a.done {
                FollowUpStatus::Done
            } else {
                FollowUpStatus::Open
            },
            place: Place::Action(i),
        });
        let followups = s.followups.iter().enumerate().map(|(i, f)| Task {
            origin: f.from_session.clone(),
            origin_title: f.from_title.clone(),
            id: f.id.clone(),
            text: f.text.clone(),
            owner: f.owner.clone(),
            due: f.due,
            status: f.status,
            place: Place::FollowUp(i),
        });
        let m = &s.meta;
        let place_name = [&m.district, &m.venue, &s.title]
            .into_iter()
            .map(|t| t.trim())
            .find(|t| !t.is_empty())
            .unwrap_or_default()
            .to_owned();
        Digest {
            listed: Listed::from_session(path, s),
            lang: s.lang,
            place_name,
            said,
            tasks: actions.chain(followups).collect(),
        }
    }

    /// The day the session is about: its date, else when it last changed.
    pub fn day(&self) -> NaiveDate {
        self.listed.day()
    }

    pub fn path(&self) -> &Path {
        &self.listed.path
    }

    /// Its title, or its file's name when it has none.
    pub fn title(&self) -> &str {
        match self.listed.title.trim() {
            "" => self
                .listed
                .path
                .file_stem()
                .and_then(|n| n.to_str())
                .unwrap_or_default(),
            title => title,
        }
    }
}

/// The sessions of a folder, newest first, and the files that failed to
/// load (each with its reason), which are skipped.
#[derive(Debug, Clone, Default)]
pub struct Folder {
    pub sessions: Vec<Digest>,
    pub broken: Vec<LoadError>,
}

impl Folder {
    /// Reads every session of `dir`.
    pub fn load(dir: &Path) -> std::io::Result<Folder> {
        let (sessions, broken) = each_session(dir, |path, s| Digest::of(path, &s))?;
        Ok(Folder::new(sessions, broken))
    }

    /// The digests in the order the listing shows them: newest first.
    pub fn new(mut sessions: Vec<Digest>, broken: Vec<LoadError>) -> Folder {
        sessions.sort_by(|a, b| a.listed.newest_first(&b.listed));
        Folder { sessions, broken }
    }

    /// What the session browser lists.
    pub fn listed(&self) -> Vec<Listed> {
        self.sessions.iter().map(|d| d.listed.clone()).collect()
    }

    /// The sessions whose day falls in `since..=until` (either may be
    /// open), oldest first.
    pub fn between(&self, since: Option<NaiveDate>, until: Option<NaiveDate>) -> Vec<&Digest> {
        let mut chosen: Vec<&Digest> = self
            .sessions
            .iter()
            .filter(|d| since.is_none_or(|s| d.day() >= s) && until.is_none_or(|u| d.day() <= u))
            .collect();
        chosen.reverse();
        chosen
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The example session, with its id, title, date and district set.
    pub fn session(id: &str, title: &str, date: &str, district: &str) -> Session {
        let bytes = include_bytes!("../sessions/examples/ubon-2021-01-13.json");
        let mut s = crate::session::parse(Path::new("example"), bytes)
            .expect("the example loads")
            .session;
        s.id = id.into();
        s.title = title.into();
        s.meta.date = date.parse().ok();
        s.meta.district = district.into();
        s
    }

    pub fn digest(s: &Session) -> Digest {
        Digest::of(PathBuf::from(format!("{}.json", s.id)), s)
    }

    #[test]
    fn a_digest_keeps_what_was_said_folded_and_what_was_agreed() {
        let mut s = session("s1", "เวทีหนึ่ง", "2024-03-01", "อำเภอเมือง");
        s.swot.weaknesses[0].text = "ขาด งบประมาณ".into();
        s.swot.weaknesses[0].votes = 4;
        let d = digest(&s);
        let weak = d
            .said
            .iter()
            .find(|t| t.place == Place::Swot(crate::session::Quadrant::Weaknesses, 0))
            .expect("the weakness");
        assert_eq!((weak.key.as_str(), weak.votes), ("ขาดงบประมาณ", 4));
        assert_eq!(d.place_name, "อำเภอเมือง");
        let open: Vec<&str> = d
            .tasks
            .iter()
            .filter(|t| t.status == FollowUpStatus::Open)
            .map(|t| t.id.as_str())
            .collect();
        assert_eq!(open, ["a-2"]);
        assert!(d.tasks.iter().all(|t| t.origin == "s1"));
    }

    #[test]
    fn a_folder_lists_newest_first_and_a_period_oldest_first() {
        let digests = ["2024-01-05", "2024-03-01", "2024-02-10"]
            .iter()
            .enumerate()
            .map(|(i, date)| digest(&session(&format!("s{i}"), "t", date, "")))
            .collect();
        let folder = Folder::new(digests, Vec::new());
        let ids: Vec<&str> = folder
            .sessions
            .iter()
            .map(|d| d.listed.id.as_str())
            .collect();
        assert_eq!(ids, ["s1", "s2", "s0"]);
        let since = "2024-02-01".parse().ok();
        let ids: Vec<&str> = folder
            .between(since, None)
            .iter()
            .map(|d| d.listed.id.as_str())
            .collect();
        assert_eq!(ids, ["s2", "s1"]);
        assert!(folder.between(None, "2023-12-31".parse().ok()).is_empty());
    }
}
