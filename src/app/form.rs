//! Small forms: an action item (text, owner, due date) and the session
//! details. Each field is a text box; values are checked on Enter and a bad
//! one keeps the form open with a message.

use chrono::NaiveDate;

use super::textbox::tidy;
use crate::session::{
    Action as ActionItem, Meta, ParticipantGroup, Session, Timestamp, ids::IdSource,
};
use crate::text::Lang;
use crate::text::date::{DateError, ParseNumberError, parse_date, parse_number};

use super::TextBox;
use super::history::Details;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// Adding an action item (`None`) or editing the one at an index.
    Action(Option<usize>),
    Details,
}

/// What a field holds, which names it and says how to read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Owner,
    Due,
    Title,
    Date,
    Venue,
    District,
    Province,
    Organiser,
    Facilitator,
    /// The session's language (`th` / `en`): the language of its reports.
    Lang,
    Total,
    Group,
    NewGroup,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub kind: FieldKind,
    pub text: TextBox,
}

/// Why a form could not be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    TextRequired,
    Date(DateError),
    Number(ParseNumberError),
    /// The session language is neither Thai nor English.
    Lang,
}

impl FormError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FormError::TextRequired => crate::i18n::strings(lang).text_required.to_owned(),
            FormError::Date(e) => e.message(lang),
            FormError::Number(e) => e.message(lang),
            FormError::Lang => crate::i18n::facilitator::facilitator_strings(lang)
                .lang_error
                .to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub kind: FormKind,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<FormError>,
}

fn field(kind: FieldKind, text: &str) -> Field {
    Field {
        kind,
        text: TextBox::new(text),
    }
}

/// A date as the form shows it, in the UI calendar: 13/1/2564 in Thai
/// (Buddhist era), 13/1/2021 in English. Both read back with `parse_date`.
fn date_text(d: Option<NaiveDate>, lang: Lang) -> String {
    use chrono::Datelike;
    let Some(d) = d else {
        return String::new();
    };
    let year = match lang {
        Lang::Th => d.year() + 543,
        Lang::En => d.year(),
    };
    format!("{}/{}/{year}", d.day(), d.month())
}

fn count_text(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

impl Form {
    pub fn action(existing: Option<(usize, &ActionItem)>, lang: Lang) -> Form {
        let (index, text, owner, due) = match existing {
            Some((i, a)) => (
                Some(i),
                a.text.as_str(),
                a.owner.as_str(),
                date_text(a.due, lang),
            ),
            None => (None, "", "", String::new()),
        };
        Form {
            kind: FormKind::Action(index),
            fields: vec![
                field(FieldKind::Text, text),
                field(FieldKind::Owner, owner),
                field(FieldKind::Due, &due),
            ],
            focus: 0,
            error: None,
        }
    }

    pub fn details(s: &Session, lang: Lang) -> Form {
        let m = &s.meta;
        let mut fields = vec![
            field(FieldKind::Title, &s.title),
            field(FieldKind::Date, &date_text(m.date, lang)),
            field(FieldKind::Venue, &m.venue),
            field(FieldKind::District, &m.district),
            field(FieldKind::Province, &m.province),
            field(FieldKind::Organiser, &m.organiser),
            field(FieldKind::Facilitator, &m.facilitator),
            field(FieldKind::Lang, super::session_lang::lang_code(s.lang)),
            field(FieldKind::Total, &count_text(m.participants.total)),
        ];
        for g in &m.participants.groups {
            let text = match g.count {
                Some(n) => format!("{}: {n}", g.label),
                None => g.label.clone(),
            };
            fields.push(field(FieldKind::Group, &text));
        }
        fields.push(field(FieldKind::NewGroup, ""));
        Form {
            kind: FormKind::Details,
            fields,
            focus: 0,
            error: None,
        }
    }

    pub fn step(&mut self, forward: bool) {
        let n = self.fields.len();
        if n > 0 {
            self.focus = if forward {
                (self.focus + 1) % n
            } else {
                (self.focus + n - 1) % n
            };
        }
    }

    pub fn value(&self, kind: FieldKind) -> &str {
        self.fields
            .iter()
            .find(|f| f.kind == kind)
            .map_or("", |f| f.text.text())
    }

    fn focus_on(&mut self, kind: FieldKind) {
        if let Some(i) = self.fields.iter().position(|f| f.kind == kind) {
            self.focus = i;
        }
    }

    /// Reads an action item from the form, or says which field is wrong
    /// (and puts the cursor there). A new item's id comes from `ids`.
    pub fn read_action(
        &mut self,
        old: Option<&ActionItem>,
        ids: &mut IdSource,
    ) -> Result<ActionItem, FormError> {
        let text = tidy(self.value(FieldKind::Text));
        if text.is_empty() {
            self.focus_on(FieldKind::Text);
            return Err(FormError::TextRequired);
        }
        let due = self.read_date(FieldKind::Due)?;
        Ok(ActionItem {
            id: old.map_or_else(|| ids.next("a"), |a| a.id.clone()),
            text,
            owner: tidy(self.value(FieldKind::Owner)),
            due,
            done: old.is_some_and(|a| a.done),
            group: old.and_then(|a| a.group.clone()),
            extra: old.map(|a| a.extra.clone()).unwrap_or_default(),
        })
    }

    /// Reads the details form over the session's current ones.
    pub fn read_details(&mut self, s: &Session) -> Result<Details, FormError> {
        let date = self.read_date(FieldKind::Date)?;
        let lang = self.read_lang()?;
        let total = self.read_count(FieldKind::Total, self.value(FieldKind::Total).to_owned())?;
        let mut groups = Vec::new();
        let mut old_groups = s.meta.participants.groups.iter();
        for i in 0..self.fields.len() {
            let f = &self.fields[i];
            if !matches!(f.kind, FieldKind::Group | FieldKind::NewGroup) {
                continue;
            }
            let old = if f.kind == FieldKind::Group {
                old_groups.next()
            } else {
                None
            };
            let raw = f.text.text().to_owned();
            if raw.trim().is_empty() {
                continue;
            }
            // "label: 25": a count only when what follows the last colon is
            // digits, so a label may itself hold a colon.
            let (label, count) = match raw.rsplit_once(':') {
                Some((label, count)) if is_count(count) => (label, count.to_owned()),
                _ => (raw.as_str(), String::new()),
            };
            let count = self.read_count_at(i, count)?;
            groups.push(ParticipantGroup {
                label: tidy(label),
                count,
                extra: old.map(|g| g.extra.clone()).unwrap_or_default(),
            });
        }
        let mut meta: Meta = s.meta.clone();
        meta.date = date;
        meta.venue = tidy(self.value(FieldKind::Venue));
        meta.district = tidy(self.value(FieldKind::District));
        meta.province = tidy(self.value(FieldKind::Province));
        meta.organiser = tidy(self.value(FieldKind::Organiser));
        meta.facilitator = tidy(self.value(FieldKind::Facilitator));
        meta.participants.total = total;
        meta.participants.groups = groups;
        Ok(Details {
            title: tidy(self.value(FieldKind::Title)),
            meta,
            lang,
        })
    }

    fn read_lang(&mut self) -> Result<Lang, FormError> {
        super::session_lang::parse_lang(self.value(FieldKind::Lang)).ok_or_else(|| {
            self.focus_on(FieldKind::Lang);
            FormError::Lang
        })
    }

    fn read_date(&mut self, kind: FieldKind) -> Result<Option<NaiveDate>, FormError> {
        let raw = self.value(kind).trim().to_owned();
        if raw.is_empty() {
            return Ok(None);
        }
        parse_date(&raw).map(Some).map_err(|e| {
            self.focus_on(kind);
            FormError::Date(e)
        })
    }

    fn read_count(&mut self, kind: FieldKind, raw: String) -> Result<Option<u32>, FormError> {
        let at = self.fields.iter().position(|f| f.kind == kind).unwrap_or(0);
        self.read_count_at(at, raw)
    }

    fn read_count_at(&mut self, at: usize, raw: String) -> Result<Option<u32>, FormError> {
        if raw.trim().is_empty() {
            return Ok(None);
        }
        parse_number(&raw).map(Some).map_err(|e| {
            self.focus = at;
            FormError::Number(e)
        })
    }
}

fn is_count(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || ('๐'..='๙').contains(&c))
}

/// Whether an open action is past its due date on `today`.
pub fn overdue(a: &ActionItem, now: Timestamp) -> bool {
    !a.done && a.due.is_some_and(|d| d < now.date_naive())
}
