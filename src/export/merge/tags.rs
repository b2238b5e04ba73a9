//! Who an entry of a merged session came from: the group tags it carries,
//! and ids kept unique across the files merged.

use std::collections::HashSet;

use crate::session::Note;
use crate::session::ids::new_id;

/// Hands out ids that are unique in the merged session.
#[derive(Default)]
pub(super) struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// `id` itself when it is free, else a fresh id with `prefix`.
    pub(super) fn claim(&mut self, id: &str, prefix: &str) -> String {
        if !id.is_empty() && self.used.insert(id.to_owned()) {
            return id.to_owned();
        }
        loop {
            let fresh = new_id(prefix);
            if self.used.insert(fresh.clone()) {
                return fresh;
            }
        }
    }
}

/// The groups named in a `group` field: "กลุ่ม 1, กลุ่ม 2" is two.
fn group_names(tag: &str) -> impl Iterator<Item = &str> {
    tag.split(", ").map(str::trim).filter(|g| !g.is_empty())
}

/// Adds the groups of `tag` to `list`, each once, in order.
pub(super) fn add_groups(list: &mut Option<String>, tag: &str) {
    let mut names: Vec<String> = list
        .as_deref()
        .map(|l| group_names(l).map(str::to_owned).collect())
        .unwrap_or_default();
    for g in group_names(tag) {
        if !names.iter().any(|n| n == g) {
            names.push(g.to_owned());
        }
    }
    *list = (!names.is_empty()).then(|| names.join(", "));
}

/// An entry's own group if it has one, else its file's.
pub(super) fn tag(own: &Option<String>, group: &str) -> Option<String> {
    match own.as_deref().map(str::trim) {
        Some(g) if !g.is_empty() => Some(g.to_owned()),
        _ => (!group.trim().is_empty()).then(|| group.trim().to_owned()),
    }
}

fn tagged_note(note: &Note, group: &str, ids: &mut Ids) -> Note {
    Note {
        id: ids.claim(&note.id, "n"),
        group: tag(&note.group, group),
        ..note.clone()
    }
}

pub(super) fn tagged_notes(notes: &[Note], group: &str, ids: &mut Ids) -> Vec<Note> {
    notes.iter().map(|n| tagged_note(n, group, ids)).collect()
}
