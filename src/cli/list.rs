//! `wethi list`: the sessions in the data folder, newest first.

use std::fmt::Write;
use std::process::ExitCode;

use serde_json::json;

use super::{Context, Failure};
use crate::i18n::strings;
use crate::store::{self, Listed};
use crate::text::Lang;
use crate::text::date::format_date_short;
use crate::text::sanitize::for_display;
use crate::text::width::{str_width, truncate_to_width};

/// A table, or JSON with `json`; files that could not be read are named on
/// stderr and skipped.
pub fn list(ctx: &Context, json: bool) -> Result<ExitCode, Failure> {
    let dir = ctx.data_dir()?;
    let (listed, broken) = store::list_sessions(&dir)
        .map_err(|e| Failure::invalid(format!("{}: {e}.", dir.display())))?;
    for e in &broken {
        eprintln!(
            "wethi: {} {}",
            strings(ctx.lang).skipped,
            e.message(ctx.lang)
        );
    }
    if json {
        println!("{}", list_json(&listed));
    } else if listed.is_empty() {
        println!("{} {}", strings(ctx.lang).no_sessions, dir.display());
    } else {
        print!("{}", list_table(&listed, ctx.lang));
    }
    Ok(ExitCode::SUCCESS)
}

/// The table `wethi list` prints: date, title, venue, items per quadrant, path.
pub fn list_table(listed: &[Listed], lang: Lang) -> String {
    let t = strings(lang);
    let mut out = String::new();
    for l in listed {
        let date = l
            .date
            .map_or_else(|| t.no_date.to_owned(), |d| format_date_short(d, lang));
        let title = if l.title.trim().is_empty() {
            t.untitled.to_owned()
        } else {
            clean(&l.title)
        };
        let [s, w, o, th] = l.counts;
        let _ = writeln!(
            out,
            "{}  {}  {}  S{s} W{w} O{o} T{th}  {}",
            cell(&date, 12),
            cell(&title, 40),
            cell(&clean(&l.venue), 24),
            clean(&l.path.display().to_string())
        );
    }
    out
}

/// The JSON `wethi list --json` prints: an array, newest first.
pub fn list_json(listed: &[Listed]) -> String {
    let rows: Vec<serde_json::Value> = listed
        .iter()
        .map(|l| {
            let [s, w, o, t] = l.counts;
            json!({
                "path": l.path.display().to_string(),
                "id": l.id,
                "title": l.title,
                "date": l.date.map(|d| d.format("%Y-%m-%d").to_string()),
                "venue": l.venue,
                "updated_at": l.updated_at.to_rfc3339(),
                "counts": {"strengths": s, "weaknesses": w, "opportunities": o, "threats": t},
            })
        })
        .collect();
    serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into())
}

/// Pads (or cuts) `s` to exactly `width` columns.
pub(super) fn cell(s: &str, width: usize) -> String {
    let cut = truncate_to_width(s, width);
    let mut out = cut.to_owned();
    out.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(str_width(cut)),
    ));
    out
}

pub(super) fn clean(s: &str) -> String {
    // Newlines in a one-line field would break the layout; show them as spaces.
    for_display(&s.replace('\n', " ")).into_owned()
}
