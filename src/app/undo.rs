//! Undo and redo, and showing where the undone or redone change happened.

use super::history::{Edit, ListId};
use super::{App, Notice, View, guidance_rows};

impl App {
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
                    ListId::Photos => self.view = View::Photos,
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
