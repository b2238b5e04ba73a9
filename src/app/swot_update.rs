//! The SWOT board's own changes: moving an item to another pane, votes,
//! and the strategy links a deleted item takes with it.

use crate::session::{Quadrant, SwotItem, Timestamp, TowsPair};

use super::history::{Edit, Entry, ListId, entry_at};
use super::{App, Mode};

impl App {
    pub(super) fn start_move(&mut self) {
        if self.selected_entry().is_some() && self.writable() {
            self.mode = Mode::PendingMove;
        }
    }

    pub(super) fn move_to(&mut self, to: Quadrant, now: Timestamp) {
        let Some((list @ ListId::Swot(from), index)) = self.selected_entry() else {
            return;
        };
        if from == to {
            return;
        }
        let Some(Entry::Swot(mut item)) = entry_at(&mut self.session, list, index) else {
            return;
        };
        let end = self.session.swot.items(to).len();
        let removed = Entry::Swot(item.clone());
        item.updated_at = now;
        let edits = vec![
            Edit::Remove {
                list,
                index,
                entry: removed,
            },
            Edit::Insert {
                list: ListId::Swot(to),
                index: end,
                entry: Entry::Swot(item),
            },
        ];
        if self.change(edits, now) {
            self.select(list, Some(index));
            self.select(ListId::Swot(to), Some(end));
        }
    }

    pub(super) fn vote(&mut self, delta: i32, now: Timestamp) {
        let Some((list, index)) = self.selected_entry() else {
            return;
        };
        let Some(Entry::Swot(item)) = entry_at(&mut self.session, list, index) else {
            return;
        };
        let votes = item.votes.saturating_add_signed(delta);
        if votes == item.votes {
            return;
        }
        let new = SwotItem {
            votes,
            updated_at: now,
            ..item.clone()
        };
        self.replace_entry(list, index, Entry::Swot(item), Entry::Swot(new), now);
    }

    /// Edits that remove every strategy's link to the SWOT item `id`.
    pub(super) fn unlink_edits(&self, id: &str) -> Vec<Edit> {
        let mut edits = Vec::new();
        for pair in TowsPair::ALL {
            for (index, strategy) in self.session.strategies.items(pair).iter().enumerate() {
                if strategy.links.iter().any(|l| l == id) {
                    let mut new = strategy.clone();
                    new.links.retain(|l| l != id);
                    edits.push(Edit::Replace {
                        list: ListId::Strategies(pair),
                        index,
                        old: Entry::Strategy(strategy.clone()),
                        new: Entry::Strategy(new),
                    });
                }
            }
        }
        edits
    }
}
