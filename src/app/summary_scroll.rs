//! The summary scrolls: `↑` `↓` (and the wheel) a line, PgUp/PgDn a
//! screenful, Home/End to either end. How far it can scroll depends on the
//! terminal, so the drawing reports it back ([`App::summary_fits`]) after
//! each frame, as the loop reports a failed save.
//!
//! Also here: which commands act on the screen as it is, so the footer
//! offers only those.

use super::{Action, App, View};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SummaryScroll {
    /// The first line shown.
    pub offset: usize,
    /// The last first line that still fills the screen (0: all fits).
    pub max: usize,
    /// Lines shown at once.
    pub page: usize,
}

impl App {
    /// What the last frame of the summary measured: `max` and `page` as in
    /// [`SummaryScroll`]. Keeps the offset within them (the terminal may
    /// have grown). True when that changed anything, so the frame (and its
    /// footer, which offers scrolling only where it goes) is drawn again.
    pub fn summary_fits(&mut self, max: usize, page: usize) -> bool {
        let before = self.summary;
        self.summary.max = max;
        self.summary.page = page;
        self.summary.offset = self.summary.offset.min(max);
        self.summary != before
    }

    pub(super) fn scroll_summary(&mut self, delta: isize) {
        let s = &mut self.summary;
        s.offset = s.offset.saturating_add_signed(delta).min(s.max);
    }

    pub(super) fn scroll_pages(&mut self, pages: i32) {
        let page = self.summary.page.saturating_sub(1).max(1) as isize;
        self.scroll_summary(page * pages as isize);
    }

    pub(super) fn scroll_edge(&mut self, end: bool) {
        self.summary.offset = if end { self.summary.max } else { 0 };
    }

    /// Whether `action` does something here and now: the footer offers only
    /// those (help still lists every key).
    pub fn offers(&self, action: &Action) -> bool {
        let writable = self.read_only.is_none();
        let selected = self.selected_entry().is_some();
        let on_followups =
            self.view == View::Actions && self.actions.focus == super::ActionsPane::FollowUps;
        match action {
            // Follow-ups come from the past session; none is added here.
            Action::Add => writable && !on_followups && self.add_target().is_some(),
            Action::MarkFollowUp(_) => {
                writable && on_followups && !self.session.followups.is_empty()
            }
            Action::Edit | Action::Delete | Action::MoveUp | Action::MoveDown => {
                writable && selected
            }
            Action::Undo => writable && self.history.can_undo(),
            Action::Redo => writable && self.history.can_redo(),
            Action::StartMove | Action::Vote(_) | Action::OpenLinks => writable && selected,
            Action::ToggleDone if self.view == View::Actions => {
                writable
                    && selected
                    && matches!(
                        self.focused_list().map(|(l, _)| l),
                        Some(super::ListId::Actions | super::ListId::FollowUps)
                    )
            }
            Action::ToggleDone | Action::ToggleTimer | Action::Timebox(_) => {
                writable && !self.session.stages.is_empty()
            }
            Action::ToggleDiscussed => {
                writable
                    && matches!(
                        super::guidance_rows(&self.session).get(self.guidance.row),
                        Some((_, Some(_)))
                    )
            }
            Action::Up | Action::Down if self.view == View::Summary => {
                let up = *action == Action::Up;
                if up {
                    self.summary.offset > 0
                } else {
                    self.summary.offset < self.summary.max
                }
            }
            Action::ScrollPage(_) | Action::ScrollEdge(_) => self.summary.max > 0,
            Action::SharePost => self.view == View::Summary,
            _ => true,
        }
    }
}
