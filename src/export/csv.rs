//! The session as CSV: one row per entry of every section, for spreadsheets
//! and scripts.
//!
//! The columns are fixed English names and the `section` values fixed English
//! keywords, whatever the language, so a script keeps working on any file;
//! the language only picks the bilingual template text (guidance sub-items).
//! Dates are ISO (`2021-01-13`), times RFC 3339, as in the session file.
//!
//! - `quadrant` says where in its section an entry sits: the SWOT quadrant
//!   (`strengths` …), the TOWS pair (`SO` …), the stage or guidance point id
//!   for notes and sub-items, and for a follow-up the id of the session the
//!   action was agreed in.
//! - `position` counts from 1 within that list.
//! - `links` holds a strategy's SWOT items as board numbers (`S1;O2`).
//! - `done` is `true`/`false` for actions, follow-ups (status `done`) and
//!   guidance sub-items (discussed); `status` is a follow-up's status.
//! - `id` is the entry's id in the session file.
//!
//! Written as RFC 4180 (quotes doubled, cells with commas, quotes or line
//! breaks quoted, CRLF row ends), UTF-8 with a byte-order mark so spreadsheet
//! programs read Thai. Against CSV injection, a text cell that a spreadsheet
//! would take for a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) gets a leading `'`; so does one that already starts with
//! `'`, so that [`read`] can take exactly one `'` off and give back the text.

use std::io::{Read, Write};

use serde::{Deserialize, Serialize};

use crate::session::{FollowUpStatus, Note, Quadrant, Session, TowsPair};
use crate::text::Lang;

/// The byte-order mark that starts the file.
pub const BOM: &str = "\u{feff}";

/// One row; the field names are the header.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Row {
    pub session_id: String,
    pub date: String,
    pub section: String,
    pub quadrant: String,
    pub position: Option<usize>,
    pub text: String,
    pub votes: Option<u32>,
    pub group: String,
    pub owner: String,
    pub due: String,
    pub done: Option<bool>,
    pub created_at: String,
    pub links: String,
    pub status: String,
    pub id: String,
}

/// The `section` keywords, in the order rows are written.
pub mod section {
    pub const STAGE_NOTE: &str = "stage_note";
    pub const GUIDANCE_ITEM: &str = "guidance_item";
    pub const GUIDANCE_NOTE: &str = "guidance_note";
    pub const SWOT: &str = "swot";
    pub const STRATEGY: &str = "strategy";
    pub const RECOMMENDATION: &str = "recommendation";
    pub const ACTION: &str = "action";
    pub const FOLLOWUP: &str = "followup";
    pub const ROLE_REVIEW: &str = "role_review";
    pub const EXPERIENCE_EXCHANGE: &str = "experience_exchange";
}

/// Writes the session as CSV to `out`.
pub fn write(session: &Session, lang: Lang, mut out: impl Write) -> csv::Result<()> {
    out.write_all(BOM.as_bytes())?;
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    for row in rows(session, lang) {
        writer.serialize(escaped(row))?;
    }
    writer.flush()?;
    Ok(())
}

/// Reads rows written by [`write`] (the byte-order mark is optional), with
/// the injection guard taken off again.
pub fn read(mut input: impl Read) -> csv::Result<Vec<Row>> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes)?;
    let body = bytes.strip_prefix(BOM.as_bytes()).unwrap_or(&bytes);
    csv::Reader::from_reader(body)
        .deserialize::<Row>()
        .map(|row| row.map(unescaped))
        .collect()
}

/// Every row of the session, in section order.
pub fn rows(s: &Session, lang: Lang) -> Vec<Row> {
    let base = Row {
        session_id: s.id.clone(),
        date: s.meta.date.map(|d| d.to_string()).unwrap_or_default(),
        ..Row::default()
    };
    let mut rows = Vec::new();
    let note_rows = |rows: &mut Vec<Row>, section: &str, quadrant: &str, notes: &[Note]| {
        for (i, n) in notes.iter().enumerate() {
            rows.push(Row {
                section: section.to_owned(),
                quadrant: quadrant.to_owned(),
                position: Some(i + 1),
                text: n.text.clone(),
                group: n.group.clone().unwrap_or_default(),
                created_at: n.created_at.to_rfc3339(),
                id: n.id.clone(),
                ..base.clone()
            });
        }
    };
    for stage in &s.stages {
        note_rows(&mut rows, section::STAGE_NOTE, &stage.id, &stage.notes);
    }
    for point in &s.guidance {
        for (i, item) in point.items.iter().enumerate() {
            rows.push(Row {
                section: section::GUIDANCE_ITEM.to_owned(),
                quadrant: point.id.clone(),
                position: Some(i + 1),
                text: item.label.get(lang).to_owned(),
                done: Some(item.discussed),
                id: item.id.clone(),
                ..base.clone()
            });
        }
        note_rows(&mut rows, section::GUIDANCE_NOTE, &point.id, &point.notes);
    }
    for q in Quadrant::ALL {
        for (i, item) in s.swot.items(q).iter().enumerate() {
            rows.push(Row {
                section: section::SWOT.to_owned(),
                quadrant: quadrant_key(q).to_owned(),
                position: Some(i + 1),
                text: item.text.clone(),
                votes: Some(item.votes),
                group: item.group.clone().unwrap_or_default(),
                created_at: item.created_at.to_rfc3339(),
                id: item.id.clone(),
                ..base.clone()
            });
        }
    }
    for pair in TowsPair::ALL {
        for (i, st) in s.strategies.items(pair).iter().enumerate() {
            let links: Vec<String> = st
                .links
                .iter()
                .filter_map(|id| s.board_number(id))
                .collect();
            rows.push(Row {
                section: section::STRATEGY.to_owned(),
                quadrant: pair.code().to_owned(),
                position: Some(i + 1),
                text: st.text.clone(),
                group: st.group.clone().unwrap_or_default(),
                links: links.join(";"),
                id: st.id.clone(),
                ..base.clone()
            });
        }
    }
    note_rows(&mut rows, section::RECOMMENDATION, "", &s.recommendations);
    for (i, a) in s.actions.iter().enumerate() {
        rows.push(Row {
            section: section::ACTION.to_owned(),
            position: Some(i + 1),
            text: a.text.clone(),
            group: a.group.clone().unwrap_or_default(),
            owner: a.owner.clone(),
            due: a.due.map(|d| d.to_string()).unwrap_or_default(),
            done: Some(a.done),
            id: a.id.clone(),
            ..base.clone()
        });
    }
    for (i, f) in s.followups.iter().enumerate() {
        rows.push(Row {
            section: section::FOLLOWUP.to_owned(),
            quadrant: f.from_session.clone(),
            position: Some(i + 1),
            text: f.text.clone(),
            owner: f.owner.clone(),
            due: f.due.map(|d| d.to_string()).unwrap_or_default(),
            done: Some(f.status == FollowUpStatus::Done),
            status: status_key(f.status).to_owned(),
            id: f.id.clone(),
            ..base.clone()
        });
    }
    note_rows(&mut rows, section::ROLE_REVIEW, "", &s.notes.role_review);
    note_rows(
        &mut rows,
        section::EXPERIENCE_EXCHANGE,
        "",
        &s.notes.experience_exchange,
    );
    rows
}

/// The quadrant as the session file names it.
pub fn quadrant_key(q: Quadrant) -> &'static str {
    q.key()
}

/// The status as the session file names it.
pub fn status_key(status: FollowUpStatus) -> &'static str {
    match status {
        FollowUpStatus::Open => "open",
        FollowUpStatus::Done => "done",
        FollowUpStatus::Carried => "carried",
        FollowUpStatus::Dropped => "dropped",
    }
}

/// Whether a spreadsheet could read the cell as a formula (or it starts
/// with the guard itself, which must then be doubled to read back).
fn needs_guard(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\''])
}

/// A cell guarded against formula injection.
pub fn guard(cell: String) -> String {
    if needs_guard(&cell) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// A guarded cell back as it was.
pub fn unguard(cell: String) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) => rest.to_owned(),
        None => cell,
    }
}

/// The cells that hold what people typed (or a file held) get the guard;
/// the ones this module fills (numbers, dates, keywords, ids) cannot start
/// with a formula character, and ids are guarded too since a file may hold any.
fn escaped(row: Row) -> Row {
    map_text_cells(row, guard)
}

fn unescaped(row: Row) -> Row {
    map_text_cells(row, unguard)
}

fn map_text_cells(row: Row, f: fn(String) -> String) -> Row {
    Row {
        session_id: f(row.session_id),
        quadrant: f(row.quadrant),
        text: f(row.text),
        group: f(row.group),
        owner: f(row.owner),
        id: f(row.id),
        ..row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_cells_are_guarded_and_read_back() {
        for text in [
            "=1+1", "+66", "-", "@SUM(A1)", "\tx", "\rx", "'quoted", "''",
        ] {
            let guarded = guard(text.to_owned());
            assert!(guarded.starts_with('\''), "{text:?}");
            assert_eq!(unguard(guarded), text);
        }
        for text in ["ปกติ", "a=b", "", "1-2"] {
            assert_eq!(guard(text.to_owned()), text);
            assert_eq!(unguard(text.to_owned()), text);
        }
    }
}
