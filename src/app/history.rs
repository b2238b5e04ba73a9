//! Every change to a session as a small, invertible edit, so undo and redo
//! reach as far back as the session goes without copying the whole session.

use crate::session::{
    Action as ActionItem, FollowUp, Meta, Note, Photo, Quadrant, Session, Stage, Strategy,
    SwotItem, Timestamp, TowsPair,
};

/// One list of entries in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListId {
    StageNotes(usize),
    GuidanceNotes(usize),
    Swot(Quadrant),
    Strategies(TowsPair),
    Recommendations,
    Actions,
    RoleReview,
    ExperienceExchange,
    /// The past session's open actions (`new --from`).
    FollowUps,
    /// The photos of the day.
    Photos,
}

/// One entry of any list.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Note(Note),
    Swot(SwotItem),
    Strategy(Strategy),
    Action(ActionItem),
    FollowUp(FollowUp),
    /// Boxed: a photo is the largest entry, and every edit holds one or two.
    Photo(Box<Photo>),
}

/// The fields of a stage a facilitator changes (its notes are a list).
#[derive(Debug, Clone, PartialEq)]
pub struct StageState {
    pub timebox_minutes: u32,
    pub elapsed_seconds: u64,
    pub running_since: Option<crate::session::Timestamp>,
    pub done: bool,
}

impl StageState {
    pub fn of(stage: &Stage) -> Self {
        StageState {
            timebox_minutes: stage.timebox_minutes,
            elapsed_seconds: stage.elapsed_seconds,
            running_since: stage.running_since,
            done: stage.done,
        }
    }

    fn put(&self, stage: &mut Stage) {
        stage.timebox_minutes = self.timebox_minutes;
        stage.elapsed_seconds = self.elapsed_seconds;
        stage.running_since = self.running_since;
        stage.done = self.done;
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Insert {
        list: ListId,
        index: usize,
        entry: Entry,
    },
    Remove {
        list: ListId,
        index: usize,
        entry: Entry,
    },
    Replace {
        list: ListId,
        index: usize,
        old: Entry,
        new: Entry,
    },
    Stage {
        index: usize,
        old: StageState,
        new: StageState,
    },
    Discussed {
        point: usize,
        item: usize,
        value: bool,
    },
    /// The session details form: title and metadata together.
    Details {
        old: Box<Details>,
        new: Box<Details>,
    },
}

/// What the session details form changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Details {
    pub title: String,
    pub meta: Meta,
    /// The session's language (reports use it).
    pub lang: crate::text::Lang,
}

impl Edit {
    pub fn inverse(&self) -> Edit {
        match self.clone() {
            Edit::Insert { list, index, entry } => Edit::Remove { list, index, entry },
            Edit::Remove { list, index, entry } => Edit::Insert { list, index, entry },
            Edit::Replace {
                list,
                index,
                old,
                new,
            } => Edit::Replace {
                list,
                index,
                old: new,
                new: old,
            },
            Edit::Stage { index, old, new } => Edit::Stage {
                index,
                old: new,
                new: old,
            },
            Edit::Discussed { point, item, value } => Edit::Discussed {
                point,
                item,
                value: !value,
            },
            Edit::Details { old, new } => Edit::Details { old: new, new: old },
        }
    }

    /// Applies the edit; `false` (and nothing changed) when it does not fit
    /// the session, which a correct caller never sees.
    pub fn apply(&self, s: &mut Session) -> bool {
        match self {
            Edit::Insert { list, index, entry } => insert(s, *list, *index, entry.clone()),
            Edit::Remove { list, index, .. } => remove(s, *list, *index).is_some(),
            Edit::Replace {
                list, index, new, ..
            } => replace(s, *list, *index, new.clone()),
            Edit::Stage { index, new, .. } => match s.stages.get_mut(*index) {
                Some(stage) => {
                    new.put(stage);
                    true
                }
                None => false,
            },
            Edit::Details { new, .. } => {
                s.title.clone_from(&new.title);
                s.meta = new.meta.clone();
                s.lang = new.lang;
                true
            }
            Edit::Discussed { point, item, value } => {
                match s
                    .guidance
                    .get_mut(*point)
                    .and_then(|p| p.items.get_mut(*item))
                {
                    Some(i) => {
                        i.discussed = *value;
                        true
                    }
                    None => false,
                }
            }
        }
    }
}

/// A list's entry type, to move entries in and out of [`Entry`].
trait ListEntry: Sized + Clone {
    fn wrap(self) -> Entry;
    fn unwrap(entry: Entry) -> Option<Self>;
}

macro_rules! list_entry {
    ($t:ty, $variant:ident) => {
        impl ListEntry for $t {
            fn wrap(self) -> Entry {
                Entry::$variant(self)
            }
            fn unwrap(entry: Entry) -> Option<Self> {
                match entry {
                    Entry::$variant(e) => Some(e),
                    _ => None,
                }
            }
        }
    };
}

list_entry!(Note, Note);
list_entry!(SwotItem, Swot);
list_entry!(Strategy, Strategy);
list_entry!(ActionItem, Action);
list_entry!(FollowUp, FollowUp);
impl ListEntry for Photo {
    fn wrap(self) -> Entry {
        Entry::Photo(Box::new(self))
    }
    fn unwrap(entry: Entry) -> Option<Self> {
        match entry {
            Entry::Photo(p) => Some(*p),
            _ => None,
        }
    }
}

/// A list of a session, whatever its entry type: entries go in and out
/// as [`Entry`], and one that is of the wrong kind changes nothing.
trait AnyList {
    fn insert(&mut self, index: usize, entry: Entry) -> bool;
    fn remove(&mut self, index: usize) -> Option<Entry>;
    fn replace(&mut self, index: usize, entry: Entry) -> bool;
    fn entry(&self, index: usize) -> Option<Entry>;
}

impl<T: ListEntry> AnyList for Vec<T> {
    fn insert(&mut self, index: usize, entry: Entry) -> bool {
        match T::unwrap(entry) {
            Some(e) if index <= self.len() => {
                Vec::insert(self, index, e);
                true
            }
            _ => false,
        }
    }

    fn remove(&mut self, index: usize) -> Option<Entry> {
        (index < self.len()).then(|| Vec::remove(self, index).wrap())
    }

    fn replace(&mut self, index: usize, entry: Entry) -> bool {
        match (T::unwrap(entry), self.get_mut(index)) {
            (Some(e), Some(slot)) => {
                *slot = e;
                true
            }
            _ => false,
        }
    }

    fn entry(&self, index: usize) -> Option<Entry> {
        self.get(index).cloned().map(ListEntry::wrap)
    }
}

fn list_mut(s: &mut Session, id: ListId) -> Option<&mut dyn AnyList> {
    let list: &mut dyn AnyList = match id {
        ListId::StageNotes(i) => &mut s.stages.get_mut(i)?.notes,
        ListId::GuidanceNotes(i) => &mut s.guidance.get_mut(i)?.notes,
        ListId::Recommendations => &mut s.recommendations,
        ListId::RoleReview => &mut s.notes.role_review,
        ListId::ExperienceExchange => &mut s.notes.experience_exchange,
        ListId::Swot(q) => s.swot.items_mut(q),
        ListId::Strategies(p) => s.strategies.items_mut(p),
        ListId::Actions => &mut s.actions,
        ListId::FollowUps => &mut s.followups,
        ListId::Photos => &mut s.photos,
    };
    Some(list)
}

fn insert(s: &mut Session, id: ListId, index: usize, entry: Entry) -> bool {
    list_mut(s, id).is_some_and(|list| list.insert(index, entry))
}

fn remove(s: &mut Session, id: ListId, index: usize) -> Option<Entry> {
    list_mut(s, id)?.remove(index)
}

fn replace(s: &mut Session, id: ListId, index: usize, entry: Entry) -> bool {
    list_mut(s, id).is_some_and(|list| list.replace(index, entry))
}

/// The entry at `index` of a list, cloned, for building edits.
pub fn entry_at(s: &mut Session, id: ListId, index: usize) -> Option<Entry> {
    list_mut(s, id)?.entry(index)
}

/// How many entries a list holds (0 for a list that does not exist).
pub fn list_len(s: &Session, id: ListId) -> usize {
    match id {
        ListId::StageNotes(i) => s.stages.get(i).map_or(0, |st| st.notes.len()),
        ListId::GuidanceNotes(i) => s.guidance.get(i).map_or(0, |p| p.notes.len()),
        ListId::Recommendations => s.recommendations.len(),
        ListId::RoleReview => s.notes.role_review.len(),
        ListId::ExperienceExchange => s.notes.experience_exchange.len(),
        ListId::Swot(q) => s.swot.items(q).len(),
        ListId::Strategies(p) => s.strategies.items(p).len(),
        ListId::Actions => s.actions.len(),
        ListId::FollowUps => s.followups.len(),
        ListId::Photos => s.photos.len(),
    }
}

/// One user action's edits, undone as one, with the session's `updated_at`
/// before and after so that undoing everything gives back the very session
/// that was opened.
#[derive(Debug, Clone)]
struct Transaction {
    edits: Vec<Edit>,
    /// The edit redo shows (undo shows the first).
    shown: usize,
    before: Timestamp,
    after: Timestamp,
}

/// Undo and redo stacks of transactions: one user action may make several
/// edits (a move is a remove and an insert) and is undone as one.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Transaction>,
    redo: Vec<Transaction>,
}

impl History {
    /// Applies `edits` in order and records them; a new change clears redo.
    pub fn commit(
        &mut self,
        s: &mut Session,
        edits: Vec<Edit>,
        now: Timestamp,
        shown: usize,
    ) -> bool {
        let mut applied = Vec::with_capacity(edits.len());
        for edit in edits {
            if edit.apply(s) {
                applied.push(edit);
            } else {
                // Roll back what went in so the session is never half-changed.
                for done in applied.iter().rev() {
                    let _: bool = Edit::inverse(done).apply(s);
                }
                return false;
            }
        }
        if applied.is_empty() {
            return false;
        }
        let before = std::mem::replace(&mut s.updated_at, now);
        let shown = shown.min(applied.len() - 1);
        self.undo.push(Transaction {
            edits: applied,
            shown,
            before,
            after: now,
        });
        self.redo.clear();
        true
    }

    /// Undoes the last transaction; returns the edit to show (its first).
    pub fn undo(&mut self, s: &mut Session) -> Option<Edit> {
        let t = self.undo.pop()?;
        for edit in t.edits.iter().rev() {
            edit.inverse().apply(s);
        }
        s.updated_at = t.before;
        let shown = t.edits.first().cloned();
        self.redo.push(t);
        shown
    }

    /// Redoes the last undone transaction; returns the edit to show.
    pub fn redo(&mut self, s: &mut Session) -> Option<Edit> {
        let t = self.redo.pop()?;
        for edit in &t.edits {
            edit.apply(s);
        }
        s.updated_at = t.after;
        let shown = t.edits.get(t.shown).cloned();
        self.undo.push(t);
        shown
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
