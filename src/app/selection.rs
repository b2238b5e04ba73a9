//! Which list the keys act on: focus, the selected entry of each list, and
//! keeping every selection on an entry that exists.

use crate::session::{Place, Quadrant, TowsPair};

use super::history::{ListId, list_len};
use super::{ActionsPane, App, Target, View, first, guidance_rows};

impl App {
    /// The focused list and its selected entry, for the list keys.
    pub fn focused_list(&self) -> Option<(ListId, Option<usize>)> {
        match self.view {
            View::Agenda if self.agenda.notes_focused => {
                Some((ListId::StageNotes(self.agenda.stage), self.agenda.note))
            }
            View::Guidance if self.guidance.notes_focused => {
                let point = self.selected_point()?;
                Some((ListId::GuidanceNotes(point), self.guidance.note))
            }
            View::Swot => {
                let q = self.swot.focus;
                Some((ListId::Swot(q), self.swot.selected[q.index()]))
            }
            View::Strategies => {
                let p = self.strategies.focus;
                Some((ListId::Strategies(p), self.strategies.selected[p.index()]))
            }
            View::Actions => {
                let pane = self.actions.focus;
                Some((pane.list(), self.actions.selected[pane.index()]))
            }
            View::Photos => Some((ListId::Photos, self.photos.selected)),
            _ => None,
        }
    }

    pub(super) fn selected_entry(&self) -> Option<(ListId, usize)> {
        let (list, selected) = self.focused_list()?;
        selected
            .filter(|i| *i < list_len(&self.session, list))
            .map(|i| (list, i))
    }

    /// The guidance point of the selected checklist row.
    pub fn selected_point(&self) -> Option<usize> {
        guidance_rows(&self.session)
            .get(self.guidance.row)
            .map(|(p, _)| *p)
    }

    /// Shows the entry at `place` as if the facilitator had gone to it: its
    /// view, its list focused, it selected. The title and details open the
    /// details form (when the session may be changed). A place the session
    /// does not have shows the nearest there is.
    pub fn show_entry(&mut self, place: Place) {
        let list = match place {
            Place::Title | Place::Detail(_) => {
                self.view = View::Agenda;
                self.open_details();
                return;
            }
            Place::StageNote { stage, note } => {
                self.view = View::Agenda;
                if stage >= self.session.stages.len() {
                    return;
                }
                self.agenda.notes_focused = true;
                (ListId::StageNotes(stage), note)
            }
            Place::GuidanceNote { point, note } => {
                self.view = View::Guidance;
                let rows = guidance_rows(&self.session);
                let Some(row) = rows.iter().position(|r| *r == (point, None)) else {
                    return;
                };
                self.guidance.row = row;
                self.guidance.notes_focused = true;
                (ListId::GuidanceNotes(point), note)
            }
            Place::Swot(q, i) => {
                self.view = View::Swot;
                self.swot.focus = q;
                (ListId::Swot(q), i)
            }
            Place::Strategy(p, i) => {
                self.view = View::Strategies;
                self.strategies.focus = p;
                (ListId::Strategies(p), i)
            }
            Place::Recommendation(i) => self.show_pane(ActionsPane::Recommendations, i),
            Place::Action(i) => self.show_pane(ActionsPane::Actions, i),
            Place::FollowUp(i) => self.show_pane(ActionsPane::FollowUps, i),
            Place::RoleReview(i) => self.show_pane(ActionsPane::RoleReview, i),
            Place::ExperienceExchange(i) => self.show_pane(ActionsPane::ExperienceExchange, i),
            Place::Photo(i) => {
                self.view = View::Photos;
                (ListId::Photos, i)
            }
        };
        self.select(list.0, Some(list.1));
    }

    fn show_pane(&mut self, pane: ActionsPane, index: usize) -> (ListId, usize) {
        self.view = View::Actions;
        self.actions.focus = pane;
        (pane.list(), index)
    }

    /// Points the selection of `list` at `index` (clamped; `None` when empty).
    pub(super) fn select(&mut self, list: ListId, index: Option<usize>) {
        let len = list_len(&self.session, list);
        let index = index
            .map(|i| i.min(len.saturating_sub(1)))
            .filter(|_| len > 0);
        match list {
            ListId::StageNotes(stage) => {
                self.agenda.stage = stage;
                self.agenda.note = index;
            }
            ListId::GuidanceNotes(_) => self.guidance.note = index,
            ListId::Swot(q) => self.swot.selected[q.index()] = index,
            ListId::Strategies(p) => self.strategies.selected[p.index()] = index,
            ListId::Photos => self.photos.selected = index,
            _ => {
                if let Some(pane) = ActionsPane::of(list) {
                    self.actions.selected[pane.index()] = index;
                }
            }
        }
    }

    pub(super) fn select_step(&mut self, delta: isize) {
        match self.focused_list() {
            Some((list, selected)) => {
                let len = list_len(&self.session, list);
                if len == 0 {
                    return;
                }
                let next = match selected {
                    Some(i) => i.saturating_add_signed(delta).min(len - 1),
                    None => 0,
                };
                self.select(list, Some(next));
            }
            None => match self.view {
                View::Agenda => {
                    let len = self.session.stages.len();
                    self.agenda.stage = step(self.agenda.stage, delta, len);
                    self.agenda.note = first(
                        self.session
                            .stages
                            .get(self.agenda.stage)
                            .map_or(0, |s| s.notes.len()),
                    );
                }
                View::Guidance => {
                    let len = guidance_rows(&self.session).len();
                    let before = self.selected_point();
                    self.guidance.row = step(self.guidance.row, delta, len);
                    self.first_note_if_point_moved(before);
                }
                View::Summary => self.scroll_summary(delta),
                _ => {}
            },
        }
    }

    /// A guidance row of another point was selected (the point was `before`):
    /// its notes start at the first.
    fn first_note_if_point_moved(&mut self, before: Option<usize>) {
        if self.selected_point() != before {
            let notes = self
                .selected_point()
                .and_then(|p| self.session.guidance.get(p))
                .map_or(0, |p| p.notes.len());
            self.guidance.note = first(notes);
        }
    }

    /// A click: focus the pane or column it landed in and select the entry.
    pub(super) fn select_target(&mut self, target: Target) {
        self.view = match target {
            Target::Swot(..) => View::Swot,
            Target::Strategy(..) => View::Strategies,
            Target::ActionsList(..) => View::Actions,
            Target::Photo(_) => View::Photos,
            Target::Stage(_) | Target::StageNote(_) => View::Agenda,
            Target::GuidanceRow(_) | Target::GuidanceNote(_) => View::Guidance,
        };
        let (list, index) = match target {
            Target::Swot(q, i) => (ListId::Swot(q), i),
            Target::Strategy(p, i) => (ListId::Strategies(p), i),
            Target::ActionsList(pane, i) => (pane.list(), i),
            Target::Photo(i) => (ListId::Photos, i),
            Target::StageNote(i) => (ListId::StageNotes(self.agenda.stage), Some(i)),
            Target::GuidanceNote(i) => match self.selected_point() {
                Some(p) => (ListId::GuidanceNotes(p), Some(i)),
                None => return,
            },
            Target::Stage(i) => {
                self.agenda.notes_focused = false;
                if i < self.session.stages.len() && i != self.agenda.stage {
                    self.agenda.stage = i;
                    self.agenda.note = first(self.session.stages[i].notes.len());
                }
                return;
            }
            Target::GuidanceRow(r) => {
                self.guidance.notes_focused = false;
                let before = self.selected_point();
                if r < guidance_rows(&self.session).len() {
                    self.guidance.row = r;
                }
                self.first_note_if_point_moved(before);
                return;
            }
        };
        self.focus_list(list);
        if let Some(i) = index.filter(|i| *i < list_len(&self.session, list)) {
            self.select(list, Some(i));
        }
    }

    pub(super) fn focus_side(&mut self, right: bool) {
        match self.view {
            View::Agenda => self.agenda.notes_focused = right && !self.session.stages.is_empty(),
            View::Guidance => {
                self.guidance.notes_focused = right && self.selected_point().is_some()
            }
            // Both 2×2 grids are in reading order: left and right stay in the row.
            View::Swot => self.swot.focus = Quadrant::ALL[sideways(self.swot.focus.index(), right)],
            View::Strategies => {
                self.strategies.focus =
                    TowsPair::ALL[sideways(self.strategies.focus.index(), right)];
            }
            View::Actions => self.actions.focus = self.actions_pane_beside(right),
            View::Photos | View::Summary => {}
        }
    }

    /// The list `a` adds to: the focused one, or the notes of the selected
    /// stage or point when the left column has focus.
    pub(super) fn add_target(&self) -> Option<ListId> {
        match self.view {
            View::Agenda if !self.session.stages.is_empty() => {
                Some(ListId::StageNotes(self.agenda.stage))
            }
            View::Guidance => self.selected_point().map(ListId::GuidanceNotes),
            View::Swot => Some(ListId::Swot(self.swot.focus)),
            View::Strategies => Some(ListId::Strategies(self.strategies.focus)),
            View::Actions if self.actions.focus != ActionsPane::FollowUps => {
                Some(self.actions.focus.list())
            }
            _ => None,
        }
    }

    /// Gives keyboard focus to the column that holds `list`.
    pub(super) fn focus_list(&mut self, list: ListId) {
        match list {
            ListId::StageNotes(_) => self.agenda.notes_focused = true,
            ListId::GuidanceNotes(_) => self.guidance.notes_focused = true,
            ListId::Swot(q) => self.swot.focus = q,
            ListId::Strategies(p) => self.strategies.focus = p,
            _ => {
                if let Some(pane) = ActionsPane::of(list) {
                    self.actions.focus = pane;
                }
            }
        }
    }

    /// Keeps every selection on an entry that exists after lists changed
    /// under it (undo and redo can change any list).
    pub(super) fn clamp_selections(&mut self) {
        let s = &self.session;
        let clamp = |sel: Option<usize>, len: usize| {
            if len == 0 {
                None
            } else {
                Some(sel.unwrap_or(0).min(len - 1))
            }
        };
        for q in Quadrant::ALL {
            self.swot.selected[q.index()] =
                clamp(self.swot.selected[q.index()], s.swot.items(q).len());
        }
        for p in TowsPair::ALL {
            self.strategies.selected[p.index()] = clamp(
                self.strategies.selected[p.index()],
                s.strategies.items(p).len(),
            );
        }
        for pane in ActionsPane::ALL {
            self.actions.selected[pane.index()] = clamp(
                self.actions.selected[pane.index()],
                list_len(s, pane.list()),
            );
        }
        self.photos.selected = clamp(self.photos.selected, s.photos.len());
        self.agenda.stage = self.agenda.stage.min(s.stages.len().saturating_sub(1));
        self.agenda.note = clamp(
            self.agenda.note,
            s.stages
                .get(self.agenda.stage)
                .map_or(0, |st| st.notes.len()),
        );
        self.guidance.row = self
            .guidance
            .row
            .min(guidance_rows(s).len().saturating_sub(1));
        let point_notes = self
            .selected_point()
            .and_then(|p| self.session.guidance.get(p))
            .map_or(0, |p| p.notes.len());
        self.guidance.note = clamp(self.guidance.note, point_notes);
    }
}

/// The pane beside `index` in a 2×2 grid in reading order.
fn sideways(index: usize, right: bool) -> usize {
    if right { index | 1 } else { index & !1 }
}

fn step(current: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        0
    } else {
        current.saturating_add_signed(delta).min(len - 1)
    }
}
