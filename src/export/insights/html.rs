//! The insights as one HTML page for a browser or A4: inline CSS, the Thai
//! font stack of the session report (`export/html.rs`), and every chart an
//! inline SVG (sessions per month as bars; per recurring item a bar of its
//! sessions and a timeline of when it was said; per owner a bar of open and
//! overdue actions). Nothing is fetched and nothing runs: no script.

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::across::insights::{Insights, Month, Recurring};
use crate::i18n::across::{AcrossStrings, across_strings};
use crate::i18n::strings;
use crate::session::Quadrant;
use crate::text::Lang;
use crate::text::date::{Digits, format_date_short, format_month_short};

use super::super::html::escape_plain;
use super::{owner_name, period};

/// Text as HTML text. The insights are written in Arabic digits: `wethi
/// insights` takes no `--thai-digits` (yet).
fn escape(text: &str) -> String {
    super::super::html::escape(text, Digits::Arabic)
}

const STYLE: &str = r#"
@page { size: A4; margin: 1.5cm 1.5cm 1.5cm 2cm; }
* { box-sizing: border-box; }
body { font-family: "TH Sarabun New", Sarabun, "Noto Sans Thai", sans-serif; font-size: 15pt;
  line-height: 1.3; color: #111; margin: 1cm auto; max-width: 17.5cm; }
h1 { font-size: 22pt; margin: 0 0 0.1cm; }
h2 { font-size: 18pt; margin: 0.6cm 0 0.2cm; border-bottom: 1px solid #888; break-after: avoid; }
h3 { font-size: 16pt; margin: 0.35cm 0 0.1cm; padding-left: 0.2cm; border-left: 0.2cm solid;
  break-after: avoid; }
.period { color: #444; margin: 0 0 0.3cm; }
.none { color: #555; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border-bottom: 1px solid #ccc; padding: 2px 4px; vertical-align: top; text-align: left;
  overflow-wrap: break-word; }
th { border-bottom: 2px solid #888; font-size: 13pt; }
td.n, th.n { text-align: right; white-space: nowrap; }
.also, .where { color: #555; font-size: 12pt; }
.place { white-space: nowrap; }
.dates { font-size: 11pt; display: flex; flex-wrap: wrap; column-gap: 0.25cm;
  justify-content: space-between; white-space: nowrap; }
svg { display: block; }
svg text { font-family: inherit; }
.q-s { border-color: #2e7d32; } .q-w { border-color: #c62828; }
.q-o { border-color: #1565c0; } .q-t { border-color: #a86400; }
ul.open { padding-left: 0.6cm; margin: 0.1cm 0; }
ul.open li { break-inside: avoid; }
.overdue { color: #b71c1c; font-weight: bold; }
@media print { body { margin: 0; max-width: none; } }
"#;

/// The colour of a quadrant's marks, as the session report colours it.
fn colour(q: Quadrant) -> &'static str {
    match q {
        Quadrant::Strengths => "#2e7d32",
        Quadrant::Weaknesses => "#c62828",
        Quadrant::Opportunities => "#1565c0",
        Quadrant::Threats => "#a86400",
    }
}

fn class(q: Quadrant) -> &'static str {
    match q {
        Quadrant::Strengths => "q-s",
        Quadrant::Weaknesses => "q-w",
        Quadrant::Opportunities => "q-o",
        Quadrant::Threats => "q-t",
    }
}

pub fn write(w: &mut impl Write, insights: &Insights<'_>, lang: Lang) -> io::Result<()> {
    let (s, a) = (strings(lang), across_strings(lang));
    writeln!(
        w,
        r#"<!DOCTYPE html>
<html lang="{}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{}</title>
<style>{STYLE}</style>
</head>
<body>
<h1>{}</h1>
<p class="period">{}</p>"#,
        lang.code(),
        a.insights_title,
        a.insights_title,
        escape(&period(insights, lang))
    )?;
    writeln!(w, "<section>\n<h2>{}</h2>", a.months)?;
    months_chart(w, &insights.months, lang)?;
    writeln!(w, "</section>\n<section>\n<h2>{}</h2>", a.recurring)?;
    let span = insights.span();
    for q in Quadrant::ALL {
        writeln!(w, r#"<h3 class="{}">{}</h3>"#, class(q), s.quadrant(q))?;
        recurring_table(w, &insights.recurring[q.index()], q, span, lang)?;
    }
    writeln!(w, "</section>\n<section>\n<h2>{}</h2>", a.owners)?;
    owners(w, insights, lang)?;
    writeln!(w, "</section>\n</body>\n</html>")?;
    w.flush()
}

/// Sessions per month: one bar a month, its count above it, the month
/// below (every second or third month's name when there are many).
fn months_chart(w: &mut impl Write, months: &[Month], lang: Lang) -> io::Result<()> {
    if months.is_empty() {
        return writeln!(w, r#"<p class="none">{}</p>"#, strings(lang).no_sessions);
    }
    let (slot, top, bars, bottom) = (48, 18, 110, 40);
    let width = slot * months.len().max(6);
    let height = top + bars + bottom;
    let most = months.iter().map(|m| m.sessions).max().unwrap_or(1).max(1);
    let every = months.len().div_ceil(16);
    writeln!(
        w,
        r#"<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{}">"#,
        across_strings(lang).months
    )?;
    writeln!(
        w,
        r##"<line x1="0" y1="{y}" x2="{width}" y2="{y}" stroke="#888" stroke-width="1"/>"##,
        y = top + bars
    )?;
    for (i, m) in months.iter().enumerate() {
        let h = bars * m.sessions / most;
        let x = slot * i;
        writeln!(
            w,
            r##"<rect x="{}" y="{}" width="{}" height="{h}" fill="#5c7cba"/>"##,
            x + 8,
            top + bars - h,
            slot - 16
        )?;
        if m.sessions > 0 {
            writeln!(
                w,
                r#"<text x="{}" y="{}" font-size="13" text-anchor="middle">{}</text>"#,
                x + slot / 2,
                top + bars - h - 4,
                m.sessions
            )?;
        }
        if i % every == 0 {
            // The month's name, and under it the year where one begins (and first).
            let label = format_month_short(m.year, m.month, lang);
            let (name, year) = label.rsplit_once(' ').unwrap_or((&label, ""));
            let year = if i == 0 || m.month == 1 { year } else { "" };
            writeln!(
                w,
                r#"<text x="{x}" y="{}" font-size="13" text-anchor="middle">{}<tspan x="{x}" dy="15">{}</tspan></text>"#,
                top + bars + 17,
                escape_plain(name),
                escape_plain(year),
                x = x + slot / 2,
            )?;
        }
    }
    writeln!(w, "</svg>")
}

fn recurring_table(
    w: &mut impl Write,
    items: &[Recurring<'_>],
    q: Quadrant,
    span: Option<(NaiveDate, NaiveDate)>,
    lang: Lang,
) -> io::Result<()> {
    let a = across_strings(lang);
    if items.is_empty() {
        return writeln!(w, r#"<p class="none">{}</p>"#, a.none_recur);
    }
    writeln!(
        w,
        r#"<table>
<colgroup><col style="width:50%"><col style="width:13%"><col style="width:11%"><col style="width:26%"></colgroup>
<thead><tr><th>{}</th><th class="n">{}</th><th class="n">{}</th><th>{} – {}</th></tr></thead>
<tbody>"#,
        a.item, a.sessions, a.votes, a.first, a.last
    )?;
    let most = items.iter().map(|r| r.sessions).max().unwrap_or(1).max(1);
    for r in items {
        write!(w, "<tr><td>{}", escape(r.text))?;
        also_written(w, r, a)?;
        let places: Vec<String> = r
            .places
            .iter()
            .map(|p| format!(r#"<span class="place">{}</span>"#, escape(p)))
            .collect();
        write!(
            w,
            r#"<div class="where">{}: {}</div></td><td class="n">"#,
            a.places,
            places.join(", ")
        )?;
        sessions_bar(w, r.sessions, most, q)?;
        write!(w, r#"</td><td class="n">{}</td><td>"#, r.votes)?;
        timeline(w, r, q, span)?;
        writeln!(
            w,
            r#"<div class="dates"><span>{}</span><span>{}</span></div></td></tr>"#,
            format_date_short(r.first, lang),
            format_date_short(r.last, lang),
        )?;
    }
    writeln!(w, "</tbody></table>")
}

fn also_written(w: &mut impl Write, r: &Recurring<'_>, a: &AcrossStrings) -> io::Result<()> {
    if r.variants.is_empty() {
        return Ok(());
    }
    let others: Vec<String> = r.variants.iter().map(|v| escape(v)).collect();
    write!(
        w,
        r#"<div class="also">{}: {}</div>"#,
        a.also_written,
        others.join(" · ")
    )
}

/// The count, and under it a bar as long as the item's share of the most
/// sessions any item has.
fn sessions_bar(w: &mut impl Write, n: usize, most: usize, q: Quadrant) -> io::Result<()> {
    let length = 100 * n / most;
    write!(
        w,
        r#"{n}<svg viewBox="0 0 100 8" width="100%"><rect x="{}" y="0" width="{length}" height="8" fill="{}"/></svg>"#,
        100 - length,
        colour(q)
    )
}

/// The period as a line, a dot on each day the item was said.
fn timeline(
    w: &mut impl Write,
    r: &Recurring<'_>,
    q: Quadrant,
    span: Option<(NaiveDate, NaiveDate)>,
) -> io::Result<()> {
    let Some((first, last)) = span else {
        return Ok(());
    };
    let days = (last - first).num_days().max(1) as f64;
    write!(
        w,
        r##"<svg viewBox="0 0 120 14" width="100%"><line x1="4" y1="7" x2="116" y2="7" stroke="#bbb" stroke-width="1.5"/>"##
    )?;
    for o in &r.occurrences {
        let x = 4.0 + 112.0 * (o.session.day() - first).num_days() as f64 / days;
        write!(
            w,
            r#"<circle cx="{x:.1}" cy="7" r="2.6" fill="{}" fill-opacity="0.7"/>"#,
            colour(q)
        )?;
    }
    write!(w, "</svg>")
}

/// Owners with their open actions as a stacked bar (overdue, then the
/// rest), and the open actions themselves, overdue first.
fn owners(w: &mut impl Write, insights: &Insights<'_>, lang: Lang) -> io::Result<()> {
    let (s, a) = (strings(lang), across_strings(lang));
    if insights.owners.is_empty() {
        return writeln!(w, r#"<p class="none">{}</p>"#, a.no_open);
    }
    writeln!(
        w,
        r#"<table>
<colgroup><col style="width:42%"><col style="width:9%"><col style="width:11%"><col style="width:38%"></colgroup>
<thead><tr><th>{}</th><th class="n">{}</th><th class="n">{}</th><th></th></tr></thead>
<tbody>"#,
        s.owner, a.open_count, a.overdue_count
    )?;
    let most = insights
        .owners
        .iter()
        .map(|o| o.open)
        .max()
        .unwrap_or(1)
        .max(1);
    for o in &insights.owners {
        let overdue = 100 * o.overdue / most;
        let open = 100 * o.open / most - overdue;
        writeln!(
            w,
            r##"<tr><td>{}</td><td class="n">{}</td><td class="n">{}</td><td><svg viewBox="0 0 100 14" width="100%"><rect x="0" y="2" width="{overdue}" height="10" fill="#c62828"/><rect x="{overdue}" y="2" width="{open}" height="10" fill="#e0a020"/></svg></td></tr>"##,
            escape(owner_name(&o.owner, a)),
            o.open,
            o.overdue
        )?;
    }
    writeln!(
        w,
        "</tbody></table>\n<h3>{}</h3>\n<ul class=\"open\">",
        a.open_actions
    )?;
    for t in &insights.open {
        write!(w, "<li>")?;
        if t.overdue {
            write!(w, r#"<span class="overdue">{}</span> "#, s.overdue)?;
        }
        if let Some(due) = t.task.due {
            write!(w, "{} · ", format_date_short(due, lang))?;
        }
        writeln!(
            w,
            "{} · {} <span class=\"also\">({})</span></li>",
            escape(owner_name(&t.task.owner, a)),
            escape(&t.task.text),
            escape(t.latest.title())
        )?;
    }
    writeln!(w, "</ul>")
}
