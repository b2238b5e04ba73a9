//! `App::update`: one action in, the new state out. Pure: the caller passes
//! the time, and saving and drawing happen afterwards.

use crate::session::ids::IdSource;
use crate::session::{Note, Quadrant, Strategy, SwotItem, Timestamp, TowsPair};
use crate::text::normalize::normalize_marks;

use super::textbox::is_blank;

use super::edits::{Edit, Entry, ListId, entry_at, list_len};
use super::form::Form;
use super::{
    Action, ActionsPane, App, EditTarget, Editor, Effect, Mode, Notice, Target, TextBox, View,
    guidance_rows,
};

impl App {
    /// Applies `action` at time `now`; returns what the loop must do.
    pub fn update(&mut self, action: Action, now: Timestamp) -> Effect {
        if let Action::Room(event) = action {
            self.room_event(event, now);
            return Effect::None;
        }
        if action != Action::Tick {
            self.notice = None;
        }
        let action = match action {
            Action::Paste(text) => {
                self.paste(text, now);
                return Effect::None;
            }
            Action::TypeBurst(text) => {
                self.type_burst(text);
                return Effect::None;
            }
            other => other,
        };
        match self.mode.clone() {
            Mode::Editing(editor) => self.update_editing(editor, action, now),
            Mode::Help => match action {
                Action::ToggleHelp | Action::Back => {
                    self.mode = Mode::Normal;
                    Effect::None
                }
                Action::Quit => Effect::Quit,
                _ => Effect::None,
            },
            // The clock is not a key: a pending `m` waits for the next real one.
            Mode::PendingMove if action == Action::Tick => Effect::None,
            Mode::PendingMove => {
                self.mode = Mode::Normal;
                if let Action::MoveTo(q) = action {
                    self.move_to(q, now);
                }
                Effect::None
            }
            Mode::LinkPicker {
                pair,
                index,
                cursor,
            } => self.update_links(pair, index, cursor, action, now),
            Mode::Form(form) => {
                self.update_form(form, action, now);
                Effect::None
            }
            Mode::Normal => match self.room.overlay {
                Some(overlay) => self.update_room_overlay(overlay, action, now),
                None => self.update_normal(action, now),
            },
        }
    }

    pub(super) fn update_normal(&mut self, action: Action, now: Timestamp) -> Effect {
        match action {
            Action::NextView => self.view = self.view.step(true),
            Action::PrevView => self.view = self.view.step(false),
            Action::ToggleHelp => self.mode = Mode::Help,
            Action::Back => self.swot.zoom = false,
            Action::Quit => return Effect::Quit,
            Action::SwitchLang => self.lang = self.lang.other(),
            Action::Undo => self.travel(true),
            Action::Redo => self.travel(false),
            Action::Up => self.select_step(-1),
            Action::Down => self.select_step(1),
            Action::Add => self.open_add(),
            Action::Edit => self.open_edit(),
            Action::Delete => self.delete(now),
            Action::MoveUp => self.reorder(-1, now),
            Action::MoveDown => self.reorder(1, now),
            Action::FocusLeft => self.focus_side(false),
            Action::FocusRight => self.focus_side(true),
            Action::FocusQuadrant(q) if self.view == View::Swot => self.swot.focus = q,
            Action::FocusPair(p) if self.view == View::Strategies => self.strategies.focus = p,
            Action::OpenLinks if self.view == View::Strategies => self.open_links(),
            Action::OpenDetails => self.open_details(),
            Action::Timebox(delta) if self.view == View::Agenda => self.change_timebox(delta, now),
            Action::StartMove if self.view == View::Swot => self.start_move(),
            Action::Vote(delta) if self.view == View::Swot => self.vote(delta, now),
            Action::Zoom if self.view == View::Swot => self.swot.zoom = !self.swot.zoom,
            Action::ToggleTimer if self.view == View::Agenda => self.toggle_timer(now),
            Action::ToggleDone if self.view == View::Agenda => self.toggle_done(now),
            Action::ToggleDone if self.view == View::Actions => self.toggle_action_done(now),
            Action::ToggleDiscussed if self.view == View::Guidance => self.toggle_discussed(now),
            Action::MarkFollowUp(status) if self.view == View::Actions => {
                self.mark_followup(status, now)
            }
            Action::Select(target) => self.select_target(target),
            Action::ScrollPage(pages) if self.view == View::Summary => self.scroll_pages(pages),
            Action::ScrollEdge(end) if self.view == View::Summary => self.scroll_edge(end),
            Action::OpenRoom => return self.open_room(),
            Action::Inbox => self.open_inbox(),
            _ => {}
        }
        Effect::None
    }

    pub(super) fn update_editing(
        &mut self,
        mut editor: Editor,
        action: Action,
        now: Timestamp,
    ) -> Effect {
        match action {
            Action::Text(edit) => {
                editor.text.apply(edit);
                self.mode = Mode::Editing(editor);
            }
            Action::Commit => {
                self.mode = Mode::Normal;
                return self.commit_text(editor, now);
            }
            Action::Back => self.mode = Mode::Normal,
            _ => self.mode = Mode::Editing(editor),
        }
        Effect::None
    }

    pub(super) fn writable(&mut self) -> bool {
        match self.read_only {
            Some(reason) => {
                self.notice = Some(Notice::ReadOnly(reason));
                false
            }
            None => true,
        }
    }

    /// Applies one user action's edits as one undo step; undo and redo show
    /// where its last edit happened.
    pub(super) fn change(&mut self, edits: Vec<Edit>, now: Timestamp) -> bool {
        let last = edits.len().saturating_sub(1);
        self.change_showing(edits, now, last)
    }

    /// One entry of `list` replaced by a changed copy, as one undo step.
    pub(super) fn replace_entry(
        &mut self,
        list: ListId,
        index: usize,
        old: Entry,
        new: Entry,
        now: Timestamp,
    ) -> bool {
        self.change(
            vec![Edit::Replace {
                list,
                index,
                old,
                new,
            }],
            now,
        )
    }

    /// Like [`App::change`], naming the edit undo and redo show.
    pub(super) fn change_showing(
        &mut self,
        edits: Vec<Edit>,
        now: Timestamp,
        shown: usize,
    ) -> bool {
        if !self.writable() {
            return false;
        }
        let changed = self.history.commit(&mut self.session, edits, now, shown);
        if changed {
            self.revision += 1;
        }
        changed
    }

    // --- which list the keys act on -------------------------------------

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
            ListId::Recommendations
            | ListId::Actions
            | ListId::RoleReview
            | ListId::ExperienceExchange
            | ListId::FollowUps => {
                if let Some(pane) = ActionsPane::ALL.into_iter().find(|p| p.list() == list) {
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
                    self.agenda.note = first_if_any(
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
                    if self.selected_point() != before {
                        let notes = self
                            .selected_point()
                            .and_then(|p| self.session.guidance.get(p))
                            .map_or(0, |p| p.notes.len());
                        self.guidance.note = first_if_any(notes);
                    }
                }
                View::Summary => self.scroll_summary(delta),
                _ => {}
            },
        }
    }

    /// A click: focus the pane or column it landed in and select the entry.
    pub(super) fn select_target(&mut self, target: Target) {
        self.view = match target {
            Target::Swot(..) => View::Swot,
            Target::Strategy(..) => View::Strategies,
            Target::ActionsList(..) => View::Actions,
            Target::Stage(_) | Target::StageNote(_) => View::Agenda,
            Target::GuidanceRow(_) | Target::GuidanceNote(_) => View::Guidance,
        };
        let (list, index) = match target {
            Target::Swot(q, i) => (ListId::Swot(q), i),
            Target::Strategy(p, i) => (ListId::Strategies(p), i),
            Target::ActionsList(pane, i) => (pane.list(), i),
            Target::StageNote(i) => (ListId::StageNotes(self.agenda.stage), Some(i)),
            Target::GuidanceNote(i) => match self.selected_point() {
                Some(p) => (ListId::GuidanceNotes(p), Some(i)),
                None => return,
            },
            Target::Stage(i) => {
                self.agenda.notes_focused = false;
                if i < self.session.stages.len() && i != self.agenda.stage {
                    self.agenda.stage = i;
                    self.agenda.note = (!self.session.stages[i].notes.is_empty()).then_some(0);
                }
                return;
            }
            Target::GuidanceRow(r) => {
                self.guidance.notes_focused = false;
                let before = self.selected_point();
                if r < guidance_rows(&self.session).len() {
                    self.guidance.row = r;
                }
                if self.selected_point() != before {
                    let notes = self
                        .selected_point()
                        .and_then(|p| self.session.guidance.get(p))
                        .map_or(0, |p| p.notes.len());
                    self.guidance.note = (notes > 0).then_some(0);
                }
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
            View::Summary => {}
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

    // --- the text box ---------------------------------------------------

    pub(super) fn open_add(&mut self) {
        if let Some(list) = self.add_target()
            && self.writable()
        {
            if list == ListId::Actions {
                self.mode = Mode::Form(Form::action(None, self.lang));
                return;
            }
            self.mode = Mode::Editing(Editor {
                target: EditTarget::Add(list),
                text: TextBox::default(),
            });
        }
    }

    pub(super) fn open_edit(&mut self) {
        let Some((list, index)) = self.selected_entry() else {
            self.notice = Some(if self.focused_list().is_none() {
                Notice::TemplateText
            } else {
                Notice::NothingSelected
            });
            return;
        };
        if !self.writable() {
            return;
        }
        if list == ListId::Actions {
            if let Some(action) = self.session.actions.get(index) {
                self.mode = Mode::Form(Form::action(Some((index, action)), self.lang));
            }
            return;
        }
        if let Some(text) =
            entry_at(&mut self.session, list, index).map(|e| entry_text(&e).to_owned())
        {
            self.mode = Mode::Editing(Editor {
                target: EditTarget::Edit(list, index),
                text: TextBox::new(&text),
            });
        }
    }

    pub(super) fn commit_text(&mut self, editor: Editor, now: Timestamp) -> Effect {
        match editor.target {
            EditTarget::SaveAs => return Effect::SaveAs(editor.text.text().trim().to_owned()),
            EditTarget::Inbox(index) => self.accept_edited(index, editor.text.text(), now),
            EditTarget::Add(list) => {
                // A paste of several lines makes one entry per non-empty line.
                let start = list_len(&self.session, list);
                let edits: Vec<Edit> = editor
                    .text
                    .text()
                    .lines()
                    .map(tidy)
                    .filter(|line| !is_blank(line))
                    .enumerate()
                    .map(|(n, line)| Edit::Insert {
                        list,
                        index: start + n,
                        entry: new_entry(list, line, now, &mut self.ids),
                    })
                    .collect();
                let added = edits.len();
                if added > 0 && self.change(edits, now) {
                    self.focus_list(list);
                    self.select(list, Some(start + added - 1));
                }
            }
            EditTarget::Edit(list, index) => {
                let text = tidy(&editor.text.text().replace('\n', " "));
                let Some(old) = entry_at(&mut self.session, list, index) else {
                    return Effect::None;
                };
                if is_blank(&text) || text == entry_text(&old) {
                    return Effect::None;
                }
                let new = with_text(old.clone(), &text, now);
                self.replace_entry(list, index, old, new, now);
            }
        }
        Effect::None
    }

    /// Gives keyboard focus to the column that holds `list`.
    pub(super) fn focus_list(&mut self, list: ListId) {
        match list {
            ListId::StageNotes(_) => self.agenda.notes_focused = true,
            ListId::GuidanceNotes(_) => self.guidance.notes_focused = true,
            ListId::Swot(q) => self.swot.focus = q,
            ListId::Strategies(p) => self.strategies.focus = p,
            ListId::Recommendations
            | ListId::Actions
            | ListId::RoleReview
            | ListId::ExperienceExchange
            | ListId::FollowUps => {
                if let Some(pane) = ActionsPane::ALL.into_iter().find(|p| p.list() == list) {
                    self.actions.focus = pane;
                }
            }
        }
    }

    // --- list changes ---------------------------------------------------

    pub(super) fn delete(&mut self, now: Timestamp) {
        let Some((list, index)) = self.selected_entry() else {
            return;
        };
        let Some(entry) = entry_at(&mut self.session, list, index) else {
            return;
        };
        // A deleted SWOT item takes its links with it; undo brings both back.
        let unlinks = match &entry {
            Entry::Swot(item) => self.unlink_edits(&item.id),
            _ => Vec::new(),
        };
        let mut edits = vec![Edit::Remove { list, index, entry }];
        edits.extend(unlinks);
        if self.change_showing(edits, now, 0) {
            self.select(list, Some(index));
        }
    }

    pub(super) fn reorder(&mut self, delta: isize, now: Timestamp) {
        let Some((list, index)) = self.selected_entry() else {
            return;
        };
        let len = list_len(&self.session, list);
        let Some(target) = index.checked_add_signed(delta).filter(|t| *t < len) else {
            return;
        };
        let Some(entry) = entry_at(&mut self.session, list, index) else {
            return;
        };
        let edits = vec![
            Edit::Remove {
                list,
                index,
                entry: entry.clone(),
            },
            Edit::Insert {
                list,
                index: target,
                entry,
            },
        ];
        if self.change(edits, now) {
            self.select(list, Some(target));
        }
    }

    // --- undo -----------------------------------------------------------

    /// Undo (`back`) or redo one step, then show where it happened.
    pub(super) fn travel(&mut self, back: bool) {
        if !self.writable() {
            return;
        }
        let step = if back {
            self.history.undo(&mut self.session)
        } else {
            self.history.redo(&mut self.session)
        };
        let Some(edit) = step else {
            self.notice = Some(if back {
                Notice::NothingToUndo
            } else {
                Notice::NothingToRedo
            });
            return;
        };
        self.revision += 1;
        self.notice = Some(if back { Notice::Undone } else { Notice::Redone });
        self.reveal(&edit);
        self.clamp_selections();
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

    /// Shows where an undone or redone edit happened, whichever view it was in.
    pub(super) fn reveal(&mut self, edit: &Edit) {
        match edit {
            Edit::Insert { list, index, .. }
            | Edit::Remove { list, index, .. }
            | Edit::Replace { list, index, .. } => {
                match list {
                    ListId::StageNotes(s) => {
                        self.view = View::Agenda;
                        self.agenda.stage = *s;
                    }
                    ListId::GuidanceNotes(p) => {
                        self.view = View::Guidance;
                        if let Some(row) = guidance_rows(&self.session)
                            .iter()
                            .position(|r| *r == (*p, None))
                        {
                            self.guidance.row = row;
                        }
                    }
                    ListId::Swot(_) => self.view = View::Swot,
                    ListId::Strategies(_) => self.view = View::Strategies,
                    ListId::Recommendations
                    | ListId::Actions
                    | ListId::RoleReview
                    | ListId::ExperienceExchange
                    | ListId::FollowUps => {
                        self.view = View::Actions;
                    }
                }
                self.focus_list(*list);
                self.select(*list, Some(*index));
            }
            Edit::Stage { index, .. } => {
                self.view = View::Agenda;
                self.agenda.stage = *index;
            }
            Edit::Details { .. } => {}
            Edit::Discussed { point, item, .. } => {
                self.view = View::Guidance;
                if let Some(row) = guidance_rows(&self.session)
                    .iter()
                    .position(|r| *r == (*point, Some(*item)))
                {
                    self.guidance.row = row;
                    self.guidance.notes_focused = false;
                }
            }
        }
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

fn first_if_any(len: usize) -> Option<usize> {
    (len > 0).then_some(0)
}

/// What a facilitator typed, as it is stored: marks in canonical order,
/// no surrounding whitespace.
fn tidy(text: &str) -> String {
    normalize_marks(text.trim())
}

fn new_entry(list: ListId, text: String, now: Timestamp, ids: &mut IdSource) -> Entry {
    match list {
        ListId::Swot(_) => Entry::Swot(SwotItem::new(ids.next("sw"), text, now)),
        ListId::Strategies(_) => Entry::Strategy(Strategy {
            id: ids.next("tw"),
            text,
            links: Vec::new(),
            group: None,
            extra: Default::default(),
        }),
        _ => Entry::Note(Note {
            id: ids.next("n"),
            text,
            created_at: now,
            group: None,
            extra: Default::default(),
        }),
    }
}

pub fn entry_text(entry: &Entry) -> &str {
    match entry {
        Entry::Note(n) => &n.text,
        Entry::Swot(i) => &i.text,
        Entry::Strategy(s) => &s.text,
        Entry::Action(a) => &a.text,
        Entry::FollowUp(f) => &f.text,
    }
}

fn with_text(entry: Entry, text: &str, now: Timestamp) -> Entry {
    match entry {
        Entry::Note(n) => Entry::Note(crate::session::Note {
            text: text.to_owned(),
            ..n
        }),
        Entry::Swot(i) => Entry::Swot(SwotItem {
            text: text.to_owned(),
            updated_at: now,
            ..i
        }),
        Entry::Strategy(s) => Entry::Strategy(crate::session::Strategy {
            text: text.to_owned(),
            ..s
        }),
        Entry::Action(a) => Entry::Action(crate::session::Action {
            text: text.to_owned(),
            ..a
        }),
        Entry::FollowUp(f) => Entry::FollowUp(crate::session::FollowUp {
            text: text.to_owned(),
            ..f
        }),
    }
}
