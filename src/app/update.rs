//! `App::update`: one action in, the new state out. Pure: the caller passes
//! the time, and saving and drawing happen afterwards.

use crate::session::{Note, Quadrant, Strategy, SwotItem, Timestamp, TowsPair, ids::new_id};
use crate::text::normalize::normalize_marks;

use super::textbox::is_blank;

use super::edits::{Edit, Entry, ListId, StageState, entry_at, list_len};
use super::form::{Form, FormKind};
use super::{
    Action, ActionsPane, App, EditTarget, Editor, Mode, Notice, TextBox, View, guidance_rows,
    link_candidates,
};

impl App {
    pub fn update(&mut self, action: Action, now: Timestamp) {
        if action != Action::Tick {
            self.notice = None;
        }
        match self.mode.clone() {
            Mode::Editing(editor) => self.update_editing(editor, action, now),
            Mode::Help => match action {
                Action::ToggleHelp | Action::Back => self.mode = Mode::Normal,
                Action::Quit => self.quit = true,
                _ => {}
            },
            Mode::PendingMove => {
                self.mode = Mode::Normal;
                if let Action::MoveTo(q) = action {
                    self.move_to(q, now);
                }
            }
            Mode::LinkPicker {
                pair,
                index,
                cursor,
            } => self.update_links(pair, index, cursor, action, now),
            Mode::Form(form) => self.update_form(form, action, now),
            Mode::Normal => self.update_normal(action, now),
        }
    }

    fn update_normal(&mut self, action: Action, now: Timestamp) {
        match action {
            Action::NextView => self.view = self.view.step(true),
            Action::PrevView => self.view = self.view.step(false),
            Action::ToggleHelp => self.mode = Mode::Help,
            Action::Back => self.swot.zoom = false,
            Action::Quit => self.quit = true,
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
            Action::SelectSwot(q, item) => {
                self.view = View::Swot;
                self.swot.focus = q;
                if let Some(i) = item.filter(|i| *i < self.session.swot.items(q).len()) {
                    self.swot.selected[q.index()] = Some(i);
                }
            }
            _ => {}
        }
    }

    fn update_editing(&mut self, mut editor: Editor, action: Action, now: Timestamp) {
        match action {
            Action::Text(edit) => {
                editor.text.apply(edit);
                self.mode = Mode::Editing(editor);
            }
            Action::Commit => {
                self.mode = Mode::Normal;
                self.commit_text(editor, now);
            }
            Action::Back => self.mode = Mode::Normal,
            _ => self.mode = Mode::Editing(editor),
        }
    }

    fn writable(&mut self) -> bool {
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
    fn change(&mut self, edits: Vec<Edit>, now: Timestamp) -> bool {
        let last = edits.len().saturating_sub(1);
        self.change_showing(edits, now, last)
    }

    /// Like [`App::change`], naming the edit undo and redo show.
    fn change_showing(&mut self, edits: Vec<Edit>, now: Timestamp, shown: usize) -> bool {
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

    fn selected_entry(&self) -> Option<(ListId, usize)> {
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
    fn select(&mut self, list: ListId, index: Option<usize>) {
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
            | ListId::ExperienceExchange => {
                if let Some(pane) = ActionsPane::ALL.into_iter().find(|p| p.list() == list) {
                    self.actions.selected[pane.index()] = index;
                }
            }
        }
    }

    fn select_step(&mut self, delta: isize) {
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
                _ => {}
            },
        }
    }

    fn focus_side(&mut self, right: bool) {
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
            View::Actions => {
                let i = self.actions.focus.index();
                let next = if right {
                    (i + 1).min(ActionsPane::ALL.len() - 1)
                } else {
                    i.saturating_sub(1)
                };
                self.actions.focus = ActionsPane::ALL[next];
            }
            View::Summary => {}
        }
    }

    /// The list `a` adds to: the focused one, or the notes of the selected
    /// stage or point when the left column has focus.
    fn add_target(&self) -> Option<ListId> {
        match self.view {
            View::Agenda if !self.session.stages.is_empty() => {
                Some(ListId::StageNotes(self.agenda.stage))
            }
            View::Guidance => self.selected_point().map(ListId::GuidanceNotes),
            View::Swot => Some(ListId::Swot(self.swot.focus)),
            View::Strategies => Some(ListId::Strategies(self.strategies.focus)),
            View::Actions => Some(self.actions.focus.list()),
            _ => None,
        }
    }

    // --- the text box ---------------------------------------------------

    fn open_add(&mut self) {
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

    fn open_edit(&mut self) {
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

    fn commit_text(&mut self, editor: Editor, now: Timestamp) {
        match editor.target {
            EditTarget::SaveAs => self.save_as = Some(editor.text.text().trim().to_owned()),
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
                        entry: new_entry(list, line, now),
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
                    return;
                };
                if is_blank(&text) || text == entry_text(&old) {
                    return;
                }
                let new = with_text(old.clone(), &text, now);
                self.change(
                    vec![Edit::Replace {
                        list,
                        index,
                        old,
                        new,
                    }],
                    now,
                );
            }
        }
    }

    /// Gives keyboard focus to the column that holds `list`.
    fn focus_list(&mut self, list: ListId) {
        match list {
            ListId::StageNotes(_) => self.agenda.notes_focused = true,
            ListId::GuidanceNotes(_) => self.guidance.notes_focused = true,
            ListId::Swot(q) => self.swot.focus = q,
            ListId::Strategies(p) => self.strategies.focus = p,
            ListId::Recommendations
            | ListId::Actions
            | ListId::RoleReview
            | ListId::ExperienceExchange => {
                if let Some(pane) = ActionsPane::ALL.into_iter().find(|p| p.list() == list) {
                    self.actions.focus = pane;
                }
            }
        }
    }

    // --- list changes ---------------------------------------------------

    fn delete(&mut self, now: Timestamp) {
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

    /// Edits that remove every strategy's link to the SWOT item `id`.
    fn unlink_edits(&self, id: &str) -> Vec<Edit> {
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

    fn reorder(&mut self, delta: isize, now: Timestamp) {
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

    fn open_details(&mut self) {
        if self.writable() {
            self.mode = Mode::Form(Form::details(&self.session, self.lang));
        }
    }

    fn start_move(&mut self) {
        if self.selected_entry().is_some() && self.writable() {
            self.mode = Mode::PendingMove;
        }
    }

    fn move_to(&mut self, to: Quadrant, now: Timestamp) {
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

    fn vote(&mut self, delta: i32, now: Timestamp) {
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
        self.change(
            vec![Edit::Replace {
                list,
                index,
                old: Entry::Swot(item),
                new: Entry::Swot(new),
            }],
            now,
        );
    }

    // --- agenda and guidance --------------------------------------------

    fn toggle_timer(&mut self, now: Timestamp) {
        let index = self.agenda.stage;
        let Some(stage) = self.session.stages.get(index) else {
            return;
        };
        let mut edits = Vec::new();
        if stage.running_since.is_some() {
            edits.push(pause(index, stage, now));
        } else {
            // One stage runs at a time: starting one pauses the other.
            if let Some(other) = self.running_stage() {
                edits.push(pause(other, &self.session.stages[other], now));
            }
            let old = StageState::of(stage);
            let new = StageState {
                running_since: Some(now),
                ..old.clone()
            };
            edits.push(Edit::Stage { index, old, new });
        }
        self.change(edits, now);
    }

    fn toggle_done(&mut self, now: Timestamp) {
        let index = self.agenda.stage;
        let Some(stage) = self.session.stages.get(index) else {
            return;
        };
        let old = StageState::of(stage);
        let mut new = old.clone();
        new.done = !old.done;
        if let Some(since) = old.running_since.filter(|_| new.done) {
            new.elapsed_seconds += seconds_between(since, now);
            new.running_since = None;
        }
        self.change(vec![Edit::Stage { index, old, new }], now);
    }

    fn toggle_discussed(&mut self, now: Timestamp) {
        let rows = guidance_rows(&self.session);
        let Some(&(point, Some(item))) = rows.get(self.guidance.row) else {
            return;
        };
        let Some(current) = self.session.guidance[point]
            .items
            .get(item)
            .map(|i| i.discussed)
        else {
            return;
        };
        self.change(
            vec![Edit::Discussed {
                point,
                item,
                value: !current,
            }],
            now,
        );
    }

    fn change_timebox(&mut self, delta: i32, now: Timestamp) {
        let index = self.agenda.stage;
        let Some(stage) = self.session.stages.get(index) else {
            return;
        };
        let old = StageState::of(stage);
        let minutes = old.timebox_minutes.saturating_add_signed(delta).max(1);
        if minutes != old.timebox_minutes {
            let new = StageState {
                timebox_minutes: minutes,
                ..old.clone()
            };
            self.change(vec![Edit::Stage { index, old, new }], now);
        }
    }

    fn toggle_action_done(&mut self, now: Timestamp) {
        let Some((list @ ListId::Actions, index)) = self.selected_entry() else {
            return;
        };
        let Some(Entry::Action(old)) = entry_at(&mut self.session, list, index) else {
            return;
        };
        let new = crate::session::Action {
            done: !old.done,
            ..old.clone()
        };
        self.change(
            vec![Edit::Replace {
                list,
                index,
                old: Entry::Action(old),
                new: Entry::Action(new),
            }],
            now,
        );
    }

    // --- the link picker ------------------------------------------------

    fn open_links(&mut self) {
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

    fn update_links(
        &mut self,
        pair: TowsPair,
        index: usize,
        cursor: usize,
        action: Action,
        now: Timestamp,
    ) {
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
                return;
            }
            Action::Quit => {
                self.quit = true;
                return;
            }
            _ => cursor,
        };
        self.mode = Mode::LinkPicker {
            pair,
            index,
            cursor,
        };
    }

    fn toggle_link(&mut self, pair: TowsPair, index: usize, q: Quadrant, i: usize, now: Timestamp) {
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
        self.change(
            vec![Edit::Replace {
                list,
                index,
                old,
                new: Entry::Strategy(new),
            }],
            now,
        );
    }

    // --- forms ----------------------------------------------------------

    fn update_form(&mut self, mut form: Form, action: Action, now: Timestamp) {
        match action {
            Action::Text(edit) => {
                if let Some(field) = form.fields.get_mut(form.focus) {
                    field.text.apply(edit);
                }
            }
            Action::NextField => form.step(true),
            Action::PrevField => form.step(false),
            Action::Back => {
                self.mode = Mode::Normal;
                return;
            }
            Action::Commit => {
                match self.save_form(&mut form, now) {
                    Ok(()) => {
                        self.mode = Mode::Normal;
                        return;
                    }
                    // The form stays open with the message and the cursor on the bad field.
                    Err(e) => form.error = Some(e),
                }
            }
            _ => {}
        }
        self.mode = Mode::Form(form);
    }

    fn save_form(&mut self, form: &mut Form, now: Timestamp) -> Result<(), super::FormError> {
        match form.kind {
            FormKind::Action(None) => {
                let action = form.read_action(None)?;
                let index = self.session.actions.len();
                let list = ListId::Actions;
                if self.change(
                    vec![Edit::Insert {
                        list,
                        index,
                        entry: Entry::Action(action),
                    }],
                    now,
                ) {
                    self.focus_list(list);
                    self.select(list, Some(index));
                }
            }
            FormKind::Action(Some(index)) => {
                let Some(old) = self.session.actions.get(index).cloned() else {
                    return Ok(());
                };
                let new = form.read_action(Some(&old))?;
                if new != old {
                    let list = ListId::Actions;
                    self.change(
                        vec![Edit::Replace {
                            list,
                            index,
                            old: Entry::Action(old),
                            new: Entry::Action(new),
                        }],
                        now,
                    );
                }
            }
            FormKind::Details => {
                let new = form.read_details(&self.session)?;
                let old = super::edits::Details {
                    title: self.session.title.clone(),
                    meta: self.session.meta.clone(),
                };
                if new != old {
                    self.change(
                        vec![Edit::Details {
                            old: Box::new(old),
                            new: Box::new(new),
                        }],
                        now,
                    );
                }
            }
        }
        Ok(())
    }

    // --- undo -----------------------------------------------------------

    /// Undo (`back`) or redo one step, then show where it happened.
    fn travel(&mut self, back: bool) {
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
    fn clamp_selections(&mut self) {
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
    fn reveal(&mut self, edit: &Edit) {
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
                    | ListId::ExperienceExchange => {
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

fn pause(index: usize, stage: &crate::session::Stage, now: Timestamp) -> Edit {
    let old = StageState::of(stage);
    let mut new = old.clone();
    if let Some(since) = old.running_since {
        new.elapsed_seconds += seconds_between(since, now);
        new.running_since = None;
    }
    Edit::Stage { index, old, new }
}

/// Whole seconds from `since` to `now`; a clock that went backwards counts 0.
pub fn seconds_between(since: Timestamp, now: Timestamp) -> u64 {
    u64::try_from((now - since).num_seconds()).unwrap_or(0)
}

/// What a facilitator typed, as it is stored: marks in canonical order,
/// no surrounding whitespace.
fn tidy(text: &str) -> String {
    normalize_marks(text.trim())
}

fn new_entry(list: ListId, text: String, now: Timestamp) -> Entry {
    match list {
        ListId::Swot(_) => Entry::Swot(SwotItem {
            id: new_id("sw"),
            text,
            votes: 0,
            created_at: now,
            updated_at: now,
            group: None,
            extra: Default::default(),
        }),
        ListId::Strategies(_) => Entry::Strategy(Strategy {
            id: new_id("tw"),
            text,
            links: Vec::new(),
            extra: Default::default(),
        }),
        _ => Entry::Note(Note {
            id: new_id("n"),
            text,
            created_at: now,
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
    }
}
