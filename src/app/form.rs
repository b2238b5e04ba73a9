//! Small forms: an action item (text, owner, due date) and the session
//! details. Each field is a text box; values are checked on Enter and a bad
//! one keeps the form open with a message. Fields are known by their
//! [`FieldKind`], never by their place, so adding one moves nothing else.

use chrono::NaiveDate;

use super::textbox::tidy;
use crate::session::{
    Action as ActionItem, Meta, ParticipantGroup, Participants, Person, Session, TimeOfDay,
    Timestamp, ids::IdSource,
};
use crate::text::Lang;
use crate::text::clock::{TimeError, format_span, parse_span};
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
    /// The full project name (`meta.project`).
    Project,
    /// A paragraph: the one field that holds line breaks.
    Objective,
    Date,
    /// The time of day, `08:30–16:30`.
    Time,
    Venue,
    District,
    Province,
    Organiser,
    /// Who presided: their name, then their position.
    PresidedBy,
    PresidedPosition,
    Facilitator,
    FacilitatorPosition,
    Team,
    Headline,
    Tagline,
    Credit,
    /// The session's language (`th` / `en`): the language of its reports.
    Lang,
    Total,
    Group,
    NewGroup,
}

impl FieldKind {
    /// A field for a paragraph: drawn over several rows, and Alt-Enter
    /// (or Ctrl-J) starts a new line in it; Enter still saves the form.
    pub fn is_paragraph(self) -> bool {
        self == FieldKind::Objective
    }
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
    Time(TimeError),
    /// A position for who presided, but no name.
    PresidedNeedsName,
    /// The session language is neither Thai nor English.
    Lang,
}

impl FormError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FormError::TextRequired => crate::i18n::strings(lang).text_required.to_owned(),
            FormError::Date(e) => e.message(lang),
            FormError::Number(e) => e.message(lang),
            FormError::Time(e) => e.message(lang),
            FormError::PresidedNeedsName => crate::i18n::details::details_strings(lang)
                .presided_needs_name
                .to_owned(),
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

    /// The details form: every fact of `s.meta` (named field by field, so
    /// a new one in `Meta` does not compile until it has its field here).
    pub fn details(s: &Session, lang: Lang) -> Form {
        let Meta {
            date,
            venue,
            district,
            province,
            organiser,
            facilitator,
            participants,
            project,
            objective,
            time,
            presided_by,
            facilitator_position,
            team,
            headline,
            tagline,
            credit,
            extra: _,
        } = &s.meta;
        let time = time
            .as_ref()
            .map(|t| format_span(t.start, t.end))
            .unwrap_or_default();
        let (presider, position) = presided_by
            .as_ref()
            .map_or(("", ""), |p| (p.name.as_str(), p.position.as_str()));
        let mut fields = vec![
            field(FieldKind::Title, &s.title),
            field(FieldKind::Project, project),
            field(FieldKind::Objective, objective),
            field(FieldKind::Date, &date_text(*date, lang)),
            field(FieldKind::Time, &time),
            field(FieldKind::Venue, venue),
            field(FieldKind::District, district),
            field(FieldKind::Province, province),
            field(FieldKind::Organiser, organiser),
            field(FieldKind::PresidedBy, presider),
            field(FieldKind::PresidedPosition, position),
            field(FieldKind::Facilitator, facilitator),
            field(FieldKind::FacilitatorPosition, facilitator_position),
            field(FieldKind::Team, team),
            field(FieldKind::Headline, headline),
            field(FieldKind::Tagline, tagline),
            field(FieldKind::Credit, credit),
            field(FieldKind::Lang, super::session_lang::lang_code(s.lang)),
            field(FieldKind::Total, &count_text(participants.total)),
        ];
        for g in &participants.groups {
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

    /// The field that has the cursor.
    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// Puts the cursor in the first field of `kind`; `false` if there is none.
    pub fn focus_on(&mut self, kind: FieldKind) -> bool {
        match self.fields.iter().position(|f| f.kind == kind) {
            Some(i) => {
                self.focus = i;
                true
            }
            None => false,
        }
    }

    /// A one-line field as stored: line breaks (from a paste) become spaces.
    fn line(&self, kind: FieldKind) -> String {
        tidy(&self.value(kind).replace('\n', " "))
    }

    /// A paragraph as stored: its lines kept, each without trailing spaces.
    fn paragraph(&self, kind: FieldKind) -> String {
        let lines: Vec<&str> = self.value(kind).lines().map(str::trim_end).collect();
        tidy(&lines.join("\n"))
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
        let old = &s.meta;
        let time = self.read_time(old.time.as_ref())?;
        let presided_by = self.read_person(old.presided_by.as_ref())?;
        // Every field named: a new one in `Meta` does not compile until the form reads it.
        let meta = Meta {
            date,
            venue: self.line(FieldKind::Venue),
            district: self.line(FieldKind::District),
            province: self.line(FieldKind::Province),
            organiser: self.line(FieldKind::Organiser),
            facilitator: self.line(FieldKind::Facilitator),
            participants: Participants {
                total,
                groups,
                extra: old.participants.extra.clone(),
            },
            project: self.line(FieldKind::Project),
            objective: self.paragraph(FieldKind::Objective),
            time,
            presided_by,
            facilitator_position: self.line(FieldKind::FacilitatorPosition),
            team: self.line(FieldKind::Team),
            headline: self.line(FieldKind::Headline),
            tagline: self.line(FieldKind::Tagline),
            credit: self.line(FieldKind::Credit),
            extra: old.extra.clone(),
        };
        Ok(Details {
            title: self.line(FieldKind::Title),
            meta,
            lang,
        })
    }

    /// The time field; a time the file had keeps its unknown fields.
    fn read_time(&mut self, old: Option<&TimeOfDay>) -> Result<Option<TimeOfDay>, FormError> {
        let span = parse_span(self.value(FieldKind::Time)).map_err(|e| {
            self.focus_on(FieldKind::Time);
            FormError::Time(e)
        })?;
        Ok(span.map(|span| TimeOfDay {
            start: span.start,
            end: span.end,
            extra: old.map(|t| t.extra.clone()).unwrap_or_default(),
        }))
    }

    /// Who presided: nobody when both fields are empty; a position alone
    /// is refused, as no report can credit it to anyone.
    fn read_person(&mut self, old: Option<&Person>) -> Result<Option<Person>, FormError> {
        let name = self.line(FieldKind::PresidedBy);
        let position = self.line(FieldKind::PresidedPosition);
        if name.is_empty() && !position.is_empty() {
            self.focus_on(FieldKind::PresidedBy);
            return Err(FormError::PresidedNeedsName);
        }
        Ok((!name.is_empty()).then(|| Person {
            name,
            position,
            extra: old.map(|p| p.extra.clone()).unwrap_or_default(),
        }))
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
