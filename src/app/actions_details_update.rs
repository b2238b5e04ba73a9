//! The closing of the day: action items (done marks, the add/edit form)
//! and the session details form.

use crate::session::Timestamp;

use super::form::{Form, FormKind};
use super::history::{Details, Edit, Entry, ListId, entry_at};
use super::textbox::TextEdit;
use super::{Action, App, FormError, Mode};

impl App {
    pub(super) fn open_details(&mut self) {
        if self.writable() {
            self.mode = Mode::Form(Form::details(&self.session, self.lang));
        }
    }

    pub(super) fn toggle_action_done(&mut self, now: Timestamp) {
        if self.actions.focus == super::ActionsPane::FollowUps {
            self.mark_followup(crate::session::FollowUpStatus::Done, now);
            return;
        }
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
        self.replace_entry(list, index, Entry::Action(old), Entry::Action(new), now);
    }

    pub(super) fn update_form(&mut self, mut form: Form, action: Action, now: Timestamp) {
        match action {
            Action::Text(edit) => {
                if let Some(field) = form.fields.get_mut(form.focus) {
                    // One-line fields take no line break.
                    if edit != TextEdit::Newline || field.kind.is_paragraph() {
                        field.text.apply(edit);
                    }
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

    pub(super) fn save_form(&mut self, form: &mut Form, now: Timestamp) -> Result<(), FormError> {
        match form.kind {
            FormKind::Action(None) => {
                let action = form.read_action(None, &mut self.ids)?;
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
                let new = form.read_action(Some(&old), &mut self.ids)?;
                if new != old {
                    self.replace_entry(
                        ListId::Actions,
                        index,
                        Entry::Action(old),
                        Entry::Action(new),
                        now,
                    );
                }
            }
            FormKind::Details => {
                let new = form.read_details(&self.session)?;
                let old = Details {
                    title: self.session.title.clone(),
                    meta: self.session.meta.clone(),
                    lang: self.session.lang,
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
}
