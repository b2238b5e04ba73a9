//! Plain-text views of sessions for the command line: `show` and `list`.

use std::fmt::Write;

use chrono::NaiveDate;
use serde_json::json;

use crate::i18n::strings;
use crate::session::{Quadrant, Session};
use crate::store::Listed;
use crate::text::Lang;
use crate::text::date::{format_date, format_date_short};
use crate::text::sanitize::for_display;
use crate::text::width::{str_width, truncate_to_width};

/// The title a session gets when none is given: "Workshop 13 January 2021".
pub fn default_title(date: NaiveDate, lang: Lang) -> String {
    let word = match lang {
        Lang::Th => "เวที",
        Lang::En => "Workshop",
    };
    format!("{word} {}", format_date(date, lang))
}

/// `label:` padded to `width` columns, so Thai and English labels line up.
fn label(text: &str, width: usize) -> String {
    let mut out = format!("{text}:");
    // At least one space, even when the label fills the column.
    let pad = width.saturating_sub(str_width(&out)).max(1);
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

fn clean(s: &str) -> String {
    // Newlines in a one-line field would break the layout; show them as spaces.
    for_display(&s.replace('\n', " ")).into_owned()
}

/// The text summary `wethi show` prints.
pub fn summary(s: &Session, lang: Lang) -> String {
    let t = strings(lang);
    let w = 18;
    let mut out = String::new();
    let title = if s.title.trim().is_empty() {
        t.untitled.to_owned()
    } else {
        clean(&s.title)
    };
    let date = s
        .meta
        .date
        .map_or_else(|| t.no_date.to_owned(), |d| format_date(d, lang));
    let _ = writeln!(out, "{}{title}", label(t.title, w));
    let _ = writeln!(out, "{}{date}", label(t.date, w));
    let place: Vec<String> = [&s.meta.venue, &s.meta.district, &s.meta.province]
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| clean(p))
        .collect();
    if !place.is_empty() {
        let _ = writeln!(out, "{}{}", label(t.venue, w), place.join(", "));
    }
    for (name, value) in [
        (t.organiser, &s.meta.organiser),
        (t.facilitator, &s.meta.facilitator),
    ] {
        if !value.trim().is_empty() {
            let _ = writeln!(out, "{}{}", label(name, w), clean(value));
        }
    }
    write_participants(&mut out, s, lang, w);
    let _ = writeln!(out, "{}", label(t.stages, w).trim_end());
    for stage in &s.stages {
        let mark = if stage.done { "[x]" } else { "[ ]" };
        let spent = stage.elapsed_seconds / 60;
        let _ = writeln!(
            out,
            "  {mark} {} {}  {spent}/{} {}",
            clean(&stage.id),
            clean(stage.title.get(lang)),
            stage.timebox_minutes,
            t.minutes
        );
    }
    let _ = writeln!(out, "{}", label(t.swot, w).trim_end());
    for q in Quadrant::ALL {
        let _ = writeln!(
            out,
            "  {}{}",
            label(t.quadrant(q), 14),
            s.swot.items(q).len()
        );
    }
    let strategies = s.strategies.so.len()
        + s.strategies.wo.len()
        + s.strategies.st.len()
        + s.strategies.wt.len();
    let open = s.actions.iter().filter(|a| !a.done).count();
    let _ = writeln!(out, "{}{strategies}", label(t.strategies, w));
    let _ = writeln!(
        out,
        "{}{}",
        label(t.recommendations, w),
        s.recommendations.len()
    );
    let _ = writeln!(
        out,
        "{}{} ({open} {})",
        label(t.actions, w),
        s.actions.len(),
        t.open
    );
    out
}

fn write_participants(out: &mut String, s: &Session, lang: Lang, w: usize) {
    let t = strings(lang);
    let p = &s.meta.participants;
    if p.total.is_none() && p.groups.is_empty() {
        return;
    }
    let total = p
        .total
        .map_or_else(String::new, |n| format!("{n} {}", t.people));
    let _ = writeln!(out, "{}{total}", label(t.participants, w));
    for g in &p.groups {
        match g.count {
            Some(n) => {
                let _ = writeln!(out, "  - {}: {n} {}", clean(&g.label), t.people);
            }
            None => {
                let _ = writeln!(out, "  - {}", clean(&g.label));
            }
        }
    }
}

/// Pads (or cuts) `s` to exactly `width` columns.
fn cell(s: &str, width: usize) -> String {
    let cut = truncate_to_width(s, width);
    let mut out = cut.to_owned();
    out.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(str_width(cut)),
    ));
    out
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
