//! Text that arrives other than key by key: a bracketed paste, and a burst
//! of characters typed in command mode. Wherever text can be typed, a paste
//! goes in; on a list it adds entries; a burst opens the text box holding it.

use crate::session::{Action as ActionItem, Timestamp};

use super::form::Form;
use super::history::{Edit, Entry, ListId, list_len};
use super::home::{Home, HomeAction, HomePrompt};
use super::textbox::{clean_paste, is_blank, tidy};
use super::{Action, App, EditTarget, Editor, Mode, TextBox, TextEdit};

/// Several pasted lines as one line: each trimmed, blank ones dropped,
/// joined with spaces (a one-line field cannot hold a line break).
pub fn one_line(text: &str) -> String {
    clean_paste(text)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A paste on the home screen: into the filter or the new session's title.
pub fn home_paste(home: &Home, text: &str) -> Option<HomeAction> {
    let typing = home.filtering || matches!(home.prompt, Some(HomePrompt::NewTitle(_)));
    typing.then(|| HomeAction::Text(TextEdit::Paste(one_line(text))))
}

impl App {
    pub(super) fn paste(&mut self, text: String, now: Timestamp) {
        match self.mode.clone() {
            Mode::Editing(editor) => {
                self.update_editing(editor, Action::Text(TextEdit::Paste(text)), now);
            }
            Mode::Form(form) => {
                let paragraph = form.focused().is_some_and(|f| f.kind.is_paragraph());
                let edit = TextEdit::Paste(if paragraph { text } else { one_line(&text) });
                self.update_form(form, Action::Text(edit), now);
            }
            Mode::Normal if self.add_target() == Some(ListId::Actions) => {
                self.add_actions(&text, now)
            }
            // A paste on a list adds it: one entry per line.
            Mode::Normal => {
                self.open_add();
                if let Mode::Editing(editor) = self.mode.clone() {
                    self.update_editing(editor, Action::Text(TextEdit::Paste(text)), now);
                    self.update(Action::Commit, now);
                }
            }
            _ => {}
        }
    }

    /// One action item per non-empty pasted line, as one undo step.
    fn add_actions(&mut self, text: &str, now: Timestamp) {
        let list = ListId::Actions;
        let start = list_len(&self.session, list);
        let edits: Vec<Edit> = clean_paste(text)
            .lines()
            .map(tidy)
            .filter(|l| !is_blank(l))
            .enumerate()
            .map(|(n, text)| Edit::Insert {
                list,
                index: start + n,
                entry: Entry::Action(ActionItem {
                    id: self.ids.next("a"),
                    text,
                    owner: String::new(),
                    due: None,
                    done: false,
                    group: None,
                    extra: Default::default(),
                }),
            })
            .collect();
        let added = edits.len();
        if added > 0 && self.change(edits, now) {
            self.focus_list(list);
            self.select(list, Some(start + added - 1));
        }
    }

    /// Opens the text box (or the action form) for adding to the focused
    /// list, holding `text`; in a view with no list, nothing happens.
    pub(super) fn type_burst(&mut self, text: String) {
        if self.mode != Mode::Normal {
            return;
        }
        let Some(list) = self.add_target() else {
            return;
        };
        if !self.writable() {
            return;
        }
        if list == ListId::Actions {
            let mut form = Form::action(None, self.lang);
            if let Some(field) = form.fields.first_mut() {
                field.text = TextBox::new(&text);
            }
            self.mode = Mode::Form(form);
            return;
        }
        self.mode = Mode::Editing(Editor {
            target: EditTarget::Add(list),
            text: TextBox::new(&text),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn lines_join_with_spaces_and_blank_ones_go() {
        assert_eq!(one_line("  แผน\r\n\r\nชุมชน \n\tตำบล\n"), "แผน ชุมชน ตำบล");
        assert_eq!(one_line("\n\n"), "");
    }

    #[test]
    fn the_home_filter_and_the_title_take_a_paste_the_list_does_not() {
        let mut home = Home::new(Vec::new(), Lang::Th);
        assert_eq!(home_paste(&home, "x"), None);
        home.update(HomeAction::StartFilter);
        let pasted = home_paste(&home, "รีเจ้นท์\nพาเลซ").expect("the filter takes it");
        home.update(pasted);
        assert_eq!(home.filter.text(), "รีเจ้นท์ พาเลซ");
        home.update(HomeAction::Back);
        home.update(HomeAction::New);
        let pasted = home_paste(&home, "เวทีตำบล\n").expect("the title takes it");
        home.update(pasted);
        assert_eq!(
            home.update(HomeAction::Commit),
            Some(super::super::home::HomeRequest::New("เวทีตำบล".into()))
        );
    }
}
