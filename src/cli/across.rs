//! `wethi search`, `wethi actions` and `wethi insights`: every session of
//! the data folder at once (`across/`). Files that fail to load are named
//! on stderr and skipped.

use std::io::{IsTerminal, Write};
use std::ops::Range;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use serde_json::json;

use super::list::{cell, clean};
use super::{Context, Failure};
use crate::across::actions::{Tracked, tracked};
use crate::across::insights::Insights;
use crate::across::search::{Query, search as find};
use crate::across::{Digest, Folder};
use crate::export::csv::{BOM, guard, status_key};
use crate::export::insights::{InsightsFormat, owner_name};
use crate::i18n::across::across_strings;
use crate::i18n::followup::followup_strings;
use crate::i18n::strings;
use crate::store;
use crate::text::Lang;
use crate::text::date::{format_date_short, parse_date};
use crate::text::fold::fold;
use crate::text::sanitize::for_display;
use crate::tui::clock::Clock;
use crate::ui::theme::color_allowed;

/// grep's colour for a match: bold red.
const MATCH: &str = "\x1b[1;31m";
const RESET: &str = "\x1b[0m";

/// Every session of the data folder, with the broken files named on stderr.
fn folder(ctx: &Context) -> Result<Folder, Failure> {
    let dir = ctx.data_dir()?;
    let folder =
        Folder::load(&dir).map_err(|e| Failure::invalid(format!("{}: {e}.", dir.display())))?;
    for e in &folder.broken {
        eprintln!(
            "wethi: {} {}",
            strings(ctx.lang).skipped,
            e.message(ctx.lang)
        );
    }
    Ok(folder)
}

/// Today, as the clock of the screens says (`WETHI_TEST_CLOCK` in tests).
fn today() -> NaiveDate {
    Clock::from_env().now().date_naive()
}

fn day_text(d: &Digest, lang: Lang) -> String {
    d.listed.date.map_or_else(
        || strings(lang).no_date.to_owned(),
        |day| format_date_short(day, lang),
    )
}

/// `wethi search`: a line per text that holds the query; exit 0 when
/// something matched, 1 when nothing did, like grep.
pub fn search(ctx: &Context, query: &str, json: bool) -> Result<ExitCode, Failure> {
    let a = across_strings(ctx.lang);
    let query = Query::new(query).ok_or_else(|| Failure::usage(a.empty_query.to_owned()))?;
    let folder = folder(ctx)?;
    let found = find(&folder.sessions, &query);
    let colour = !json && color_allowed(std::io::stdout().is_terminal());
    let mut out = String::new();
    let mut rows = Vec::new();
    for (d, hits) in &found {
        for hit in hits {
            if json {
                rows.push(json!({
                    "path": d.path().display().to_string(),
                    "session_id": d.listed.id,
                    "title": d.listed.title,
                    "date": d.listed.date.map(|day| day.to_string()),
                    "section": a.place(hit.place, ctx.lang),
                    "field": hit.place.path(),
                    "text": hit.text,
                    "matches": char_ranges(hit.text, &hit.ranges),
                }));
            } else {
                out.push_str(&format!(
                    "{}  {} · {}: {}\n",
                    day_text(d, ctx.lang),
                    clean(d.title()),
                    a.place(hit.place, ctx.lang),
                    highlighted(hit.text, &hit.ranges, colour)
                ));
            }
        }
    }
    if json {
        out = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into());
        out.push('\n');
    }
    print_out(&out)?;
    Ok(if found.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes to stdout; a reader that went away (`| head`) is no error.
fn print_out(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::invalid(format!("stdout: {e}")))
        }
        _ => Ok(()),
    }
}

/// `text` on one line, each match in grep's colour (or as it is, without
/// colour), every piece sanitised on its own so the ranges stay true.
pub fn highlighted(text: &str, ranges: &[Range<usize>], colour: bool) -> String {
    let one_line = |s: &str| for_display(&s.replace(['\n', '\r'], " ")).into_owned();
    let mut out = String::with_capacity(text.len() + 16 * ranges.len());
    let mut at = 0;
    for r in ranges {
        out.push_str(&one_line(&text[at..r.start]));
        if colour {
            out.push_str(MATCH);
        }
        out.push_str(&one_line(&text[r.clone()]));
        if colour {
            out.push_str(RESET);
        }
        at = r.end;
    }
    out.push_str(&one_line(&text[at..]));
    out
}

/// Byte ranges as ranges of characters, as a script counts them.
fn char_ranges(text: &str, ranges: &[Range<usize>]) -> Vec<[usize; 2]> {
    let chars = |to: usize| text[..to].chars().count();
    ranges
        .iter()
        .map(|r| [chars(r.start), chars(r.end)])
        .collect()
}

/// What `wethi actions` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ActionsFormat {
    /// One row per action (UTF-8 with BOM)
    Csv,
}

/// Which actions `wethi actions` lists.
pub struct ActionsFilter<'a> {
    pub overdue: bool,
    pub owner: Option<&'a str>,
    pub all: bool,
}

/// `wethi actions`: open actions across sessions, overdue first.
pub fn actions(
    ctx: &Context,
    filter: ActionsFilter<'_>,
    json: bool,
    format: Option<ActionsFormat>,
) -> Result<ExitCode, Failure> {
    let folder = folder(ctx)?;
    let owner = filter.owner.map(fold);
    let sessions: Vec<&Digest> = folder.sessions.iter().collect();
    let listed: Vec<Tracked> = tracked(&sessions, today())
        .into_iter()
        .filter(|t| filter.all || t.is_open())
        .filter(|t| !filter.overdue || t.overdue)
        .filter(|t| {
            owner
                .as_ref()
                .is_none_or(|o| fold(&t.task.owner).contains(o.as_str()))
        })
        .collect();
    let out = match (json, format) {
        (true, _) => actions_json(&listed),
        (false, Some(ActionsFormat::Csv)) => actions_csv(&listed)?,
        (false, None) => actions_table(&listed, ctx.lang),
    };
    print_out(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// One line per action: status, due date, owner, text, and the session
/// that has the latest word on it.
pub fn actions_table(listed: &[Tracked<'_>], lang: Lang) -> String {
    let (s, a, f) = (strings(lang), across_strings(lang), followup_strings(lang));
    if listed.is_empty() {
        return format!("{}\n", a.no_actions);
    }
    let mut out = String::new();
    for t in listed {
        let status = if t.overdue {
            s.overdue
        } else {
            f.status(t.task.status)
        };
        let due = t
            .task
            .due
            .map_or_else(String::new, |d| format_date_short(d, lang));
        out.push_str(&format!(
            "{}  {}  {}  {}  · {} ({})\n",
            cell(status, 10),
            cell(&due, 11),
            cell(&clean(owner_name(&t.task.owner, a)), 24),
            clean(&t.task.text),
            clean(t.latest.title()),
            day_text(t.latest, lang)
        ));
    }
    out
}

fn session_json(d: Option<&Digest>, id: &str, title: &str) -> serde_json::Value {
    json!({
        "id": id,
        "title": d.map_or(title, |d| d.listed.title.as_str()),
        "date": d.and_then(|d| d.listed.date).map(|day| day.to_string()),
        "path": d.map(|d| d.path().display().to_string()),
    })
}

fn actions_json(listed: &[Tracked<'_>]) -> String {
    let rows: Vec<serde_json::Value> = listed
        .iter()
        .map(|t| {
            json!({
                "id": t.task.id,
                "text": t.task.text,
                "owner": t.task.owner,
                "due": t.task.due.map(|d| d.to_string()),
                "status": status_key(t.task.status),
                "overdue": t.overdue,
                "agreed_in": session_json(t.agreed_in, &t.task.origin, &t.task.origin_title),
                "latest": session_json(Some(t.latest), &t.latest.listed.id, ""),
                "field": t.task.place.path().trim_end_matches(".text"),
            })
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

fn actions_csv(listed: &[Tracked<'_>]) -> Result<String, Failure> {
    let mut bytes = BOM.as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut bytes);
        let failed = |e: csv::Error| Failure::invalid(format!("csv: {e}"));
        w.write_record([
            "status",
            "overdue",
            "due",
            "owner",
            "text",
            "agreed_in_id",
            "agreed_in_title",
            "latest_id",
            "latest_title",
            "latest_date",
            "latest_path",
            "id",
        ])
        .map_err(failed)?;
        for t in listed {
            let latest = &t.latest.listed;
            w.write_record([
                status_key(t.task.status).to_owned(),
                t.overdue.to_string(),
                t.task.due.map(|d| d.to_string()).unwrap_or_default(),
                guard(t.task.owner.clone()),
                guard(t.task.text.clone()),
                guard(t.task.origin.clone()),
                guard(t.agreed_title().to_owned()),
                guard(latest.id.clone()),
                guard(latest.title.clone()),
                latest.date.map(|d| d.to_string()).unwrap_or_default(),
                guard(latest.path.display().to_string()),
                guard(t.task.id.clone()),
            ])
            .map_err(failed)?;
        }
        w.flush()
            .map_err(|e| Failure::invalid(format!("csv: {e}")))?;
    }
    String::from_utf8(bytes).map_err(|e| Failure::invalid(format!("csv: {e}")))
}

/// What `wethi insights` was asked for.
pub struct InsightsRequest<'a> {
    pub since: Option<&'a str>,
    pub until: Option<&'a str>,
    pub format: InsightsFormat,
    pub output: Option<&'a Path>,
}

/// `wethi insights`: what recurs across the sessions of a period, in the
/// language of most of them unless `--lang` says.
pub fn insights(ctx: &Context, request: InsightsRequest<'_>) -> Result<ExitCode, Failure> {
    let date = |flag: &str, text: Option<&str>| {
        text.map(|t| {
            parse_date(t).map_err(|e| Failure::usage(format!("{flag}: {}", e.message(ctx.lang))))
        })
        .transpose()
    };
    let since = date("--since", request.since)?;
    let until = date("--until", request.until)?;
    let folder = folder(ctx)?;
    if let Some(out) = request.output
        && folder
            .sessions
            .iter()
            .any(|d| store::output::same_file(d.path(), out))
    {
        let r = crate::i18n::report::report_strings(ctx.lang);
        return Err(Failure::usage(format!(
            "{}: {}",
            out.display(),
            r.would_overwrite
        )));
    }
    let chosen = folder.between(since, until);
    let insights = Insights::new(&chosen, today());
    let lang = ctx.lang_flag.unwrap_or_else(|| insights.lang(ctx.lang));
    let mut bytes = Vec::new();
    crate::export::insights::write(request.format, &mut bytes, &insights, lang)
        .map_err(|e| Failure::invalid(format!("insights: {e}")))?;
    match request.output {
        Some(out) => store::write_atomic_shared(out, &bytes)
            .map_err(|e| Failure::invalid(e.message(ctx.lang)))?,
        None => print_out(&String::from_utf8_lossy(&bytes))?,
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_highlight_wraps_exactly_the_match_and_plain_output_has_no_escapes() {
        let text = "ชุมชนขาด งบประมาณ\nมาก";
        let start = text.find("ขาด").expect("there");
        let end = text.find("\n").expect("there");
        let ranges: Vec<Range<usize>> = std::iter::once(start..end).collect();
        assert_eq!(
            highlighted(text, &ranges, true),
            format!("ชุมชน{MATCH}ขาด งบประมาณ{RESET} มาก")
        );
        assert_eq!(highlighted(text, &ranges, false), "ชุมชนขาด งบประมาณ มาก");
        assert_eq!(char_ranges(text, &ranges), [[5, 17]]);
    }
}
