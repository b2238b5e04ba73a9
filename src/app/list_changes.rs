//! Changes to one list's entries: the text box that adds or edits them,
//! deleting and moving them.

use crate::session::ids::IdSource;
use crate::session::{Note, Strategy, SwotItem, Timestamp};

use super::form::Form;
use super::history::{Edit, Entry, ListId, entry_at, list_len};
use super::textbox::{is_blank, tidy};
use super::{App, EditTarget, Editor, Effect, Mode, Notice, TextBox};

impl App {
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
        Entry::Photo(p) => &p.caption,
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
        Entry::Photo(p) => Entry::Photo(Box::new(crate::session::Photo {
            caption: text.to_owned(),
            ..*p
        })),
    }
}
