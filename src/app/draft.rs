//! The open text box or form as a draft, and back: what a signal must not
//! lose. The place is written as plain words (`add/swot:strengths`,
//! `edit/stage-notes:2/4`, `form-action`, `form-details`) so a draft file
//! reads clearly.

use crate::session::{Quadrant, TowsPair};
use crate::store::draft::Draft;

use super::form::{Form, FormKind};
use super::history::list_len;
use super::{App, EditTarget, Editor, ListId, Mode, Notice, TextBox};

/// Why a draft could not be put back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    /// The session cannot be changed in this opening.
    ReadOnly,
    /// The place names no box of this session (the file changed since).
    UnknownPlace(String),
}

fn list_name(list: ListId) -> String {
    match list {
        ListId::StageNotes(i) => format!("stage-notes:{i}"),
        ListId::GuidanceNotes(i) => format!("guidance-notes:{i}"),
        ListId::Swot(q) => format!("swot:{}", q.letter().to_ascii_lowercase()),
        ListId::Strategies(p) => format!("strategies:{}", p.code().to_lowercase()),
        ListId::Recommendations => "recommendations".into(),
        ListId::Actions => "actions".into(),
        ListId::RoleReview => "role-review".into(),
        ListId::ExperienceExchange => "experience-exchange".into(),
        ListId::FollowUps => "followups".into(),
        ListId::Photos => "photos".into(),
    }
}

fn parse_list(name: &str) -> Option<ListId> {
    let (kind, arg) = name.split_once(':').unwrap_or((name, ""));
    Some(match kind {
        "stage-notes" => ListId::StageNotes(arg.parse().ok()?),
        "guidance-notes" => ListId::GuidanceNotes(arg.parse().ok()?),
        "swot" => ListId::Swot(
            *Quadrant::ALL
                .iter()
                .find(|q| q.letter().to_ascii_lowercase().to_string() == arg)?,
        ),
        "strategies" => ListId::Strategies(
            *TowsPair::ALL
                .iter()
                .find(|p| p.code().to_lowercase() == arg)?,
        ),
        "recommendations" => ListId::Recommendations,
        "actions" => ListId::Actions,
        "role-review" => ListId::RoleReview,
        "experience-exchange" => ListId::ExperienceExchange,
        "followups" => ListId::FollowUps,
        "photos" => ListId::Photos,
        _ => return None,
    })
}

impl App {
    /// The text typed but not committed, if a box or form is open and
    /// holds any. The save-as prompt is not work, so it is no draft.
    pub fn draft(&self) -> Option<Draft> {
        match &self.mode {
            Mode::Editing(Editor { target, text }) => {
                let place = match target {
                    EditTarget::Add(l) => format!("add/{}", list_name(*l)),
                    EditTarget::Edit(l, i) => format!("edit/{}/{i}", list_name(*l)),
                    EditTarget::SaveAs | EditTarget::Inbox(_) => return None,
                };
                let text = text.text();
                (!text.trim().is_empty()).then(|| Draft::new(place, vec![text.to_owned()], 0))
            }
            Mode::Form(form) => {
                let place = match form.kind {
                    FormKind::Action(None) => "form-action".to_owned(),
                    FormKind::Action(Some(i)) => format!("form-action/{i}"),
                    FormKind::Details => "form-details".to_owned(),
                };
                let texts: Vec<String> = form
                    .fields
                    .iter()
                    .map(|f| f.text.text().to_owned())
                    .collect();
                Some(Draft::new(place, texts, form.focus))
            }
            _ => None,
        }
    }

    /// Opens the box or form the draft came from with its text in it.
    pub fn restore_draft(&mut self, draft: &Draft) -> Result<(), DraftError> {
        if self.read_only.is_some() {
            return Err(DraftError::ReadOnly);
        }
        let unknown = || DraftError::UnknownPlace(draft.place.clone());
        let mut parts = draft.place.split('/');
        let kind = parts.next().unwrap_or_default();
        let list = parts.next();
        let index: Option<usize> = parts.next().and_then(|i| i.parse().ok());
        let text = draft.texts.first().cloned().unwrap_or_default();
        self.mode = match kind {
            "add" | "edit" => {
                let list = list.and_then(parse_list).ok_or_else(unknown)?;
                if !self.list_exists(list) {
                    return Err(unknown());
                }
                // An edit of an entry that is gone comes back as an addition.
                let target = match index {
                    Some(i) if kind == "edit" && i < list_len(&self.session, list) => {
                        EditTarget::Edit(list, i)
                    }
                    _ => EditTarget::Add(list),
                };
                Mode::Editing(Editor {
                    target,
                    text: TextBox::new(&text),
                })
            }
            "form-action" | "form-details" => {
                let mut form = if kind == "form-details" {
                    Form::details(&self.session, self.lang)
                } else {
                    let at: Option<usize> = list.and_then(|i| i.parse().ok());
                    let existing = at.and_then(|i| self.session.actions.get(i).map(|a| (i, a)));
                    Form::action(existing, self.lang)
                };
                for (field, text) in form.fields.iter_mut().zip(&draft.texts) {
                    field.text = TextBox::new(text);
                }
                form.focus = draft.focus.min(form.fields.len().saturating_sub(1));
                Mode::Form(form)
            }
            _ => return Err(unknown()),
        };
        self.notice = Some(Notice::DraftRestored);
        Ok(())
    }

    fn list_exists(&self, list: ListId) -> bool {
        match list {
            ListId::StageNotes(i) => i < self.session.stages.len(),
            ListId::GuidanceNotes(i) => i < self.session.guidance.len(),
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, TextEdit};
    use crate::session::Session;
    use crate::text::Lang;

    fn example() -> Session {
        crate::session::template::example().expect("the example parses")
    }

    fn typed(app: &mut App, text: &str) {
        for c in text.chars() {
            app.update(
                Action::Text(TextEdit::Insert(c)),
                chrono::DateTime::parse_from_rfc3339("2021-01-13T09:00:00+07:00").expect("a date"),
            );
        }
    }

    #[test]
    fn every_list_name_reads_back() {
        let mut lists = vec![
            ListId::StageNotes(3),
            ListId::GuidanceNotes(0),
            ListId::Recommendations,
            ListId::Actions,
            ListId::RoleReview,
            ListId::ExperienceExchange,
        ];
        lists.extend(Quadrant::ALL.map(ListId::Swot));
        lists.extend(TowsPair::ALL.map(ListId::Strategies));
        for list in lists {
            assert_eq!(parse_list(&list_name(list)), Some(list));
        }
        assert_eq!(parse_list("swot:x"), None);
        assert_eq!(parse_list("stage-notes:"), None);
    }

    #[test]
    fn an_add_box_comes_back_with_its_text() {
        let mut a =
            App::new(example(), Lang::En, None).with_ids(crate::session::ids::IdSource::counting());
        assert_eq!(a.draft(), None);
        a.mode = Mode::Editing(Editor {
            target: EditTarget::Add(ListId::Swot(Quadrant::Threats)),
            text: TextBox::new(""),
        });
        assert_eq!(a.draft(), None, "an empty box is no draft");
        typed(&mut a, "ฝนตกหนัก");
        let draft = a.draft().unwrap();
        assert_eq!(draft.place, "add/swot:t");

        let mut b =
            App::new(example(), Lang::En, None).with_ids(crate::session::ids::IdSource::counting());
        b.restore_draft(&draft).unwrap();
        assert_eq!(b.mode, a.mode);
        assert_eq!(b.notice, Some(Notice::DraftRestored));
        // Nothing is committed until Enter.
        assert_eq!(b.session, example());
        assert_eq!(b.revision, 0);
    }

    #[test]
    fn an_edit_of_a_gone_entry_comes_back_as_an_addition() {
        let mut a =
            App::new(example(), Lang::En, None).with_ids(crate::session::ids::IdSource::counting());
        let draft = Draft::new("edit/recommendations/999".into(), vec!["x".into()], 0);
        a.restore_draft(&draft).unwrap();
        assert!(matches!(
            a.mode,
            Mode::Editing(Editor {
                target: EditTarget::Add(ListId::Recommendations),
                ..
            })
        ));
    }

    #[test]
    fn a_form_comes_back_field_for_field() {
        let mut a =
            App::new(example(), Lang::Th, None).with_ids(crate::session::ids::IdSource::counting());
        let mut form = Form::action(None, Lang::Th);
        form.fields[0].text = TextBox::new("ทำป้าย");
        form.fields[1].text = TextBox::new("สมศรี");
        form.focus = 1;
        a.mode = Mode::Form(form);
        let draft = a.draft().unwrap();
        let mut b =
            App::new(example(), Lang::Th, None).with_ids(crate::session::ids::IdSource::counting());
        b.restore_draft(&draft).unwrap();
        assert_eq!(b.mode, a.mode);
    }

    #[test]
    fn read_only_and_unknown_places_are_refused() {
        let draft = Draft::new("add/actions".into(), vec!["x".into()], 0);
        let mut ro = App::new(example(), Lang::En, Some(super::super::ReadOnly::Locked))
            .with_ids(crate::session::ids::IdSource::counting());
        assert_eq!(ro.restore_draft(&draft), Err(DraftError::ReadOnly));
        let mut a =
            App::new(example(), Lang::En, None).with_ids(crate::session::ids::IdSource::counting());
        for place in ["add/stage-notes:99", "add/nowhere", "somewhere"] {
            let d = Draft::new(place.into(), vec!["x".into()], 0);
            assert!(matches!(
                a.restore_draft(&d),
                Err(DraftError::UnknownPlace(_))
            ));
            assert_eq!(a.mode, Mode::Normal);
        }
    }
}
