//! `wethi insights` as a report: Markdown, CSV, or one self-contained HTML
//! page with its charts drawn as inline SVG (`insights/html.rs`). Every text
//! from the files is escaped for the format, as in the session's reports.

mod html;

use std::io::{self, Write};

use crate::across::actions::Tracked;
use crate::across::insights::{Insights, Recurring};
use crate::i18n::across::{AcrossStrings, across_strings};
use crate::i18n::strings;
use crate::session::Quadrant;
use crate::text::Lang;
use crate::text::date::{Digits, format_date, format_date_short, format_month_short};

use super::csv::{BOM, guard, quadrant_key};

/// Text as Markdown inline text, in Arabic digits: `wethi insights` takes
/// no `--thai-digits` (yet).
fn inline(text: &str, indent: usize) -> String {
    super::markdown::inline(text, indent, Digits::Arabic)
}

/// The formats of `wethi insights`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InsightsFormat {
    /// Markdown (CommonMark)
    Md,
    /// One self-contained HTML page with SVG charts, printable on A4
    Html,
    /// One row per recurring item, owner and month (UTF-8 with BOM)
    Csv,
}

/// Writes `insights` in `format`, its words in `lang`.
pub fn write(
    format: InsightsFormat,
    w: &mut impl Write,
    insights: &Insights<'_>,
    lang: Lang,
) -> io::Result<()> {
    match format {
        InsightsFormat::Md => markdown(w, insights, lang),
        InsightsFormat::Html => html::write(w, insights, lang),
        InsightsFormat::Csv => csv(w, insights).map_err(io::Error::other),
    }
}

/// "40 sessions from 10 January 2024 to 20 December 2024".
pub fn period(insights: &Insights<'_>, lang: Lang) -> String {
    let a = across_strings(lang);
    match insights.span() {
        Some((first, last)) => a.period_line(
            insights.sessions.len(),
            &format_date(first, lang),
            &format_date(last, lang),
        ),
        None => strings(lang).no_sessions.to_owned(),
    }
}

/// An owner as the reports write it: the name, or "(no owner)".
pub fn owner_name<'a>(owner: &'a str, a: &'a AcrossStrings) -> &'a str {
    if owner.trim().is_empty() {
        a.no_owner
    } else {
        owner
    }
}

/// One open action as a line: overdue mark, due date, owner, text, session.
fn action_line(t: &Tracked<'_>, lang: Lang) -> String {
    let (s, a) = (strings(lang), across_strings(lang));
    let mut line = String::new();
    if t.overdue {
        line.push_str(&format!("**{}** ", s.overdue));
    }
    if let Some(due) = t.task.due {
        line.push_str(&format!("{} · ", format_date_short(due, lang)));
    }
    line.push_str(&format!(
        "{} · {} ({})",
        inline(owner_name(&t.task.owner, a), 0),
        inline(&t.task.text, 2),
        inline(t.latest.title(), 0)
    ));
    line
}

fn markdown(w: &mut impl Write, insights: &Insights<'_>, lang: Lang) -> io::Result<()> {
    let (s, a) = (strings(lang), across_strings(lang));
    writeln!(w, "# {}\n\n{}\n", a.insights_title, period(insights, lang))?;
    writeln!(w, "## {}\n", a.recurring)?;
    for q in Quadrant::ALL {
        writeln!(w, "### {}\n", s.quadrant(q))?;
        let items = &insights.recurring[q.index()];
        if items.is_empty() {
            writeln!(w, "{}\n", a.none_recur)?;
            continue;
        }
        writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} |\n|---|---:|---:|---|---|---|",
            a.item, a.sessions, a.votes, a.first, a.last, a.places
        )?;
        for r in items {
            writeln!(
                w,
                "| {} | {} | {} | {} | {} | {} |",
                item_cell(r, a),
                r.sessions,
                r.votes,
                format_date_short(r.first, lang),
                format_date_short(r.last, lang),
                one_line(&r.places.join(", "))
            )?;
        }
        writeln!(w)?;
    }
    writeln!(w, "## {}\n", a.owners)?;
    if insights.owners.is_empty() {
        writeln!(w, "{}\n", a.no_open)?;
    } else {
        writeln!(
            w,
            "| {} | {} | {} |\n|---|---:|---:|",
            s.owner, a.open_count, a.overdue_count
        )?;
        for o in &insights.owners {
            let name = one_line(owner_name(&o.owner, a));
            writeln!(w, "| {name} | {} | {} |", o.open, o.overdue)?;
        }
        writeln!(w, "\n### {}\n", a.open_actions)?;
        for t in &insights.open {
            writeln!(w, "- {}", action_line(t, lang))?;
        }
        writeln!(w)?;
    }
    writeln!(w, "## {}\n", a.months)?;
    writeln!(w, "| {} | {} |\n|---|---:|", a.month, a.sessions)?;
    for m in &insights.months {
        let month = format_month_short(m.year, m.month, lang);
        writeln!(w, "| {month} | {} {} |", m.sessions, "█".repeat(m.sessions))?;
    }
    w.flush()
}

/// The item, and the other ways it was written, in one table cell.
fn item_cell(r: &Recurring<'_>, a: &AcrossStrings) -> String {
    let mut cell = one_line(r.text);
    if !r.variants.is_empty() {
        let others: Vec<String> = r.variants.iter().map(|v| one_line(v)).collect();
        cell.push_str(&format!(" ({}: {})", a.also_written, others.join(" · ")));
    }
    cell
}

fn one_line(text: &str) -> String {
    inline(&text.replace(['\n', '\r'], " "), 0)
}

#[derive(Clone, serde::Serialize)]
struct Row<'a> {
    section: &'a str,
    quadrant: &'a str,
    text: String,
    variants: String,
    sessions: Option<usize>,
    votes: Option<u64>,
    first: String,
    last: String,
    places: String,
    owner: String,
    open: Option<usize>,
    overdue: Option<usize>,
    month: String,
}

/// CSV: a row per recurring item (`section` = `recurring`), per owner with
/// open actions (`owner`) and per month (`month`); fixed English column
/// names and keywords, ISO dates, as `export/csv.rs` writes a session.
fn csv(w: &mut impl Write, insights: &Insights<'_>) -> csv::Result<()> {
    w.write_all(BOM.as_bytes())?;
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w);
    let empty = Row {
        section: "",
        quadrant: "",
        text: String::new(),
        variants: String::new(),
        sessions: None,
        votes: None,
        first: String::new(),
        last: String::new(),
        places: String::new(),
        owner: String::new(),
        open: None,
        overdue: None,
        month: String::new(),
    };
    for q in Quadrant::ALL {
        for r in &insights.recurring[q.index()] {
            out.serialize(Row {
                section: "recurring",
                quadrant: quadrant_key(q),
                text: guard(r.text.to_owned()),
                variants: guard(r.variants.join("\n")),
                sessions: Some(r.sessions),
                votes: Some(r.votes),
                first: r.first.to_string(),
                last: r.last.to_string(),
                places: guard(r.places.join("; ")),
                ..empty.clone()
            })?;
        }
    }
    for o in &insights.owners {
        out.serialize(Row {
            section: "owner",
            owner: guard(o.owner.clone()),
            open: Some(o.open),
            overdue: Some(o.overdue),
            ..empty.clone()
        })?;
    }
    for m in &insights.months {
        out.serialize(Row {
            section: "month",
            sessions: Some(m.sessions),
            month: format!("{:04}-{:02}", m.year, m.month),
            ..empty.clone()
        })?;
    }
    out.flush()?;
    Ok(())
}
