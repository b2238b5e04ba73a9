//! [`Listed`]: what the session browser and `wethi list` show of one session
//! file. Finding the files is storage's work (`store/listing.rs`); this is
//! only the data, so the app can hold it without knowing of folders.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::model::{Quadrant, Session, Timestamp};

/// One session file as listed.
#[derive(Debug, Clone)]
pub struct Listed {
    pub path: PathBuf,
    pub id: String,
    pub title: String,
    pub date: Option<NaiveDate>,
    pub venue: String,
    pub updated_at: Timestamp,
    /// Items per quadrant, in board order.
    pub counts: [usize; 4],
}

impl Listed {
    pub fn from_session(path: PathBuf, s: &Session) -> Self {
        Listed {
            path,
            id: s.id.clone(),
            title: s.title.clone(),
            date: s.meta.date,
            venue: s.meta.venue.clone(),
            updated_at: s.updated_at,
            counts: Quadrant::ALL.map(|q| s.swot.items(q).len()),
        }
    }

    /// The day a session is about: its workshop date, else when it was last changed.
    pub fn day(&self) -> NaiveDate {
        self.date.unwrap_or_else(|| self.updated_at.date_naive())
    }

    /// The listing's order: the newest day first, then the latest change,
    /// then the path, so the order never depends on how files were read.
    pub fn newest_first(&self, other: &Listed) -> std::cmp::Ordering {
        (other.day(), other.updated_at, &other.path).cmp(&(self.day(), self.updated_at, &self.path))
    }
}
