//! The TOWS strategies' link picker.

use crate::session::{Quadrant, Timestamp, TowsPair};

use super::history::{Entry, ListId};
use super::{Action, App, Effect, Mode, Notice, link_candidates};

impl App {
    pub(super) fn open_links(&mut self) {
        let pair = self.strategies.focus;
        if let Some(index) = self.strategies.selected[pair.index()]
            .filter(|i| *i < self.session.strategies.items(pair).len())
            && self.writable()
        {
            self.mode = Mode::LinkPicker {
                pair,
                index,
                cursor: 0,
            };
        } else if self.read_only.is_none() {
            self.notice = Some(Notice::NothingSelected);
        }
    }

    pub(super) fn update_links(
        &mut self,
        pair: TowsPair,
        index: usize,
        cursor: usize,
        action: Action,
        now: Timestamp,
    ) -> Effect {
        let candidates = link_candidates(&self.session, pair, index);
        let cursor = match action {
            Action::Up => cursor.saturating_sub(1),
            Action::Down => (cursor + 1).min(candidates.len().saturating_sub(1)),
            Action::ToggleLink => {
                if let Some(&(q, i)) = candidates.get(cursor) {
                    self.toggle_link(pair, index, q, i, now);
                }
                cursor
            }
            Action::Commit | Action::Back | Action::Edit => {
                self.mode = Mode::Normal;
                return Effect::None;
            }
            Action::Quit => return Effect::Quit,
            _ => cursor,
        };
        self.mode = Mode::LinkPicker {
            pair,
            index,
            cursor,
        };
        Effect::None
    }

    pub(super) fn toggle_link(
        &mut self,
        pair: TowsPair,
        index: usize,
        q: Quadrant,
        i: usize,
        now: Timestamp,
    ) {
        let (Some(strategy), Some(item)) = (
            self.session.strategies.items(pair).get(index),
            self.session.swot.items(q).get(i),
        ) else {
            return;
        };
        let mut new = strategy.clone();
        if new.links.contains(&item.id) {
            new.links.retain(|l| *l != item.id);
        } else {
            new.links.push(item.id.clone());
        }
        let old = Entry::Strategy(strategy.clone());
        let list = ListId::Strategies(pair);
        self.replace_entry(list, index, old, Entry::Strategy(new), now);
    }
}
