//! `App::update`: one action in, the new state out. Pure: the caller passes
//! the time and the ids come from the app's `IdSource`; saving and drawing
//! happen afterwards, in the loop, as the returned `Effect` asks.

use crate::session::Timestamp;

use super::history::{Edit, Entry, ListId};
use super::{Action, App, Editor, Effect, Mode, Notice, View};

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
            Action::SharePost if self.view == View::Summary => return Effect::SharePost,
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
}
