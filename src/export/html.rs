//! The report as one self-contained HTML file: `wethi export --format html`.
//!
//! Inline CSS only (nothing is fetched: no fonts, scripts or images), the
//! Thai font stack, A4 print styles, the SWOT as a coloured 2×2 grid. Every
//! text from the file goes through [`escape`], which also says where a Thai
//! line may end (`<wbr>`) and keeps the rest whole (`nowrap` spans), so a
//! browser breaks Thai where wethi would.

use std::io::{self, Write};

use crate::i18n::report::{ReportStrings, report_strings};
use crate::i18n::strings;
use crate::text::Lang;
use crate::text::printed::marks;
use crate::text::sanitize::{for_display, push_html_escaped};

use super::report::{Body, Entry, Report, done_or_open};

const STYLE: &str = r#"
@page { size: A4; margin: 2cm 2cm 2cm 3cm; }
* { box-sizing: border-box; }
body { font-family: "TH Sarabun New", Sarabun, "Noto Sans Thai", sans-serif; font-size: 16pt;
  line-height: 1.35; color: #111; margin: 1cm auto; max-width: 16cm; }
h1 { font-size: 20pt; margin: 0 0 0.3cm; }
h2 { font-size: 18pt; margin: 0.5cm 0 0.2cm; border-bottom: 1px solid #888; break-after: avoid; }
h3 { font-size: 16pt; margin: 0.3cm 0 0.1cm; break-after: avoid; }
p, li { overflow-wrap: break-word; }
ul, ol { margin: 0.1cm 0; padding-left: 0.8cm; }
li, tr, .quadrant { break-inside: avoid; }
.narrative { text-indent: 1.25cm; }
.meta { margin: 0 0 0.1cm; }
.meta { color: #444; }
.group { color: #555; font-size: 14pt; }
.votes { font-weight: bold; white-space: nowrap; }
.nw { white-space: nowrap; }
.swot { display: grid; grid-template-columns: 1fr 1fr; gap: 0.25cm; break-inside: avoid; }
.quadrant { border: 2px solid; border-radius: 4px; padding: 0.1cm 0.3cm; min-width: 0; }
.quadrant h3 { margin-top: 0; }
.q-s { background: #e6f4e4; border-color: #2e7d32; }
.q-w { background: #fbe7e3; border-color: #c62828; }
.q-o { background: #e4eefb; border-color: #1565c0; }
.q-t { background: #fdf2d8; border-color: #a86400; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
thead { display: table-header-group; }
th, td { border: 1px solid #888; padding: 1px 5px; vertical-align: top; text-align: left;
  overflow-wrap: break-word; }
th { background: #eee; }
.signature { margin: 1.2cm 0 0 35%; break-inside: avoid; }
.signature p { margin: 0.2cm 0; white-space: nowrap; }
@media print { body { margin: 0; max-width: none; } .swot { gap: 0.2cm; } }
"#;

/// `text` as HTML text: every `&`, `<`, `>`, quote escaped, control
/// characters made visible, lines joined by `<br>`, and Thai marked where a
/// line may end and where it must not ([`push_marked`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        push_marked(&for_display(line.trim_end_matches('\r')), &mut out);
    }
    out
}

/// `text` escaped as [`escape`] does but without markup, for `<title>` and
/// SVG `<text>`, where an HTML element would end the SVG.
pub(crate) fn escape_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_html_escaped(&for_display(&text.replace(['\r', '\n'], " ")), &mut out);
    out
}

/// `line` escaped, each stretch of Thai a line must not break in a
/// `nowrap` span and each place inside Thai where it may a `<wbr>`:
/// browsers' own Thai breakers split words a reader knows (ช่อง|ทาง).
/// Nothing visible is added, and copied text is the same text.
fn push_marked(line: &str, out: &mut String) {
    let m = marks(line);
    // (place, order at the same place: close, break, open)
    let mut tags: Vec<(usize, u8, &str)> = Vec::with_capacity(m.holds.len() * 2 + m.breaks.len());
    for h in &m.holds {
        tags.push((h.start, 2, "<span class=\"nw\">"));
        tags.push((h.end, 0, "</span>"));
    }
    tags.extend(m.breaks.iter().map(|&b| (b, 1, "<wbr>")));
    tags.sort_unstable_by_key(|&(at, order, _)| (at, order));
    let mut from = 0;
    for (at, _, tag) in tags {
        push_html_escaped(&line[from..at], out);
        out.push_str(tag);
        from = at;
    }
    push_html_escaped(&line[from..], out);
}

fn group(g: Option<&str>, r: &ReportStrings) -> String {
    g.map_or_else(String::new, |g| {
        format!(
            r#" <span class="group">({}: {})</span>"#,
            r.group,
            escape(g)
        )
    })
}

/// Writes `report` as an HTML document to `w`.
pub fn write_html<W: Write>(w: &mut W, report: &Report<'_>) -> io::Result<()> {
    let r = report_strings(report.lang);
    let title = escape(report.title);
    let tab_title = escape_plain(report.title);
    writeln!(w, "<!DOCTYPE html>")?;
    writeln!(w, r#"<html lang="{}">"#, report.lang.code())?;
    writeln!(
        w,
        r#"<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{tab_title}</title>
<style>{STYLE}</style>
</head>
<body>"#
    )?;
    writeln!(w, "<h1>{title}</h1>")?;
    writeln!(
        w,
        r#"<p class="narrative">{}</p>"#,
        escape(&report.narrative)
    )?;
    for (n, section) in report.sections.iter().enumerate() {
        writeln!(w, "<section>\n<h2>{}. {}</h2>", n + 1, section.heading)?;
        body(w, &section.body, r, report.lang)?;
        writeln!(w, "</section>")?;
    }
    writeln!(
        w,
        r#"<div class="signature">
<p>{} ................................ {}</p>
<p>{} ................................</p>
<p>{} ................................</p>
</div>"#,
        r.signature,
        r.reporter,
        r.position,
        strings(report.lang).date
    )?;
    writeln!(w, "</body>\n</html>")?;
    w.flush()
}

fn notes<W: Write>(w: &mut W, notes: &[Entry<'_>], r: &ReportStrings) -> io::Result<()> {
    if notes.is_empty() {
        return Ok(());
    }
    writeln!(w, "<ul>")?;
    for n in notes {
        writeln!(w, "<li>{}{}</li>", escape(n.text), group(n.group, r))?;
    }
    writeln!(w, "</ul>")
}

fn none<W: Write>(w: &mut W, r: &ReportStrings) -> io::Result<()> {
    writeln!(w, "<p class=\"meta\">{}</p>", r.none)
}

fn body<W: Write>(w: &mut W, body: &Body<'_>, r: &ReportStrings, lang: Lang) -> io::Result<()> {
    let t = strings(lang);
    match body {
        Body::Fields(fields) => {
            writeln!(
                w,
                "<table class=\"fields\"><colgroup><col style=\"width: 32%\"><col></colgroup>"
            )?;
            for f in fields {
                writeln!(
                    w,
                    "<tr><th>{}</th><td>{}</td></tr>",
                    f.label,
                    escape(&f.value)
                )?;
            }
            writeln!(w, "</table>")
        }
        Body::Text(text) => writeln!(w, "<p>{}</p>", escape(text)),
        Body::Participants(p) => {
            if let Some(total) = &p.total {
                writeln!(w, "<p>{}: {total}</p>", t.total)?;
            }
            if !p.groups.is_empty() {
                writeln!(w, "<ul>")?;
                for (label, count) in &p.groups {
                    match count {
                        Some(c) => writeln!(w, "<li>{}: {c}</li>", escape(label))?,
                        None => writeln!(w, "<li>{}</li>", escape(label))?,
                    }
                }
                writeln!(w, "</ul>")?;
            }
            Ok(())
        }
        Body::Stages(stages) => {
            if stages.is_empty() {
                return none(w, r);
            }
            for st in stages {
                let state = done_or_open(st.done, r);
                writeln!(
                    w,
                    "<h3>{} {}</h3>\n<p class=\"meta\">{} · {state}</p>",
                    escape(st.id),
                    escape(st.title),
                    st.time
                )?;
                notes(w, &st.notes, r)?;
            }
            Ok(())
        }
        Body::Guidance(points) => {
            if points.is_empty() {
                return none(w, r);
            }
            for g in points {
                writeln!(w, "<h3>{} {}</h3>\n<ul>", escape(g.id), escape(g.title))?;
                for (label, discussed) in &g.items {
                    let mark = if *discussed { "☑" } else { "☐" };
                    writeln!(w, "<li>{mark} {}</li>", escape(label))?;
                }
                writeln!(w, "</ul>")?;
                notes(w, &g.notes, r)?;
            }
            Ok(())
        }
        Body::Swot(quadrants) => {
            writeln!(w, "<div class=\"swot\">")?;
            for q in quadrants {
                let class = q.quadrant.letter().to_ascii_lowercase();
                writeln!(
                    w,
                    "<div class=\"quadrant q-{class}\">\n<h3>{} ({})</h3>",
                    q.name,
                    q.items.len()
                )?;
                if q.items.is_empty() {
                    none(w, r)?;
                } else {
                    writeln!(w, "<ul>")?;
                    for item in &q.items {
                        writeln!(
                            w,
                            "<li><b>{}</b> {} <span class=\"votes\">{}</span>{}</li>",
                            item.number,
                            escape(item.text),
                            item.votes_text,
                            group(item.group, r)
                        )?;
                    }
                    writeln!(w, "</ul>")?;
                }
                writeln!(w, "</div>")?;
            }
            writeln!(w, "</div>")
        }
        Body::Strategies(pairs) => {
            for p in pairs {
                writeln!(w, "<h3>{}</h3>", p.name)?;
                if p.strategies.is_empty() {
                    none(w, r)?;
                    continue;
                }
                writeln!(w, "<ol>")?;
                for st in &p.strategies {
                    let links = if st.links.is_empty() {
                        String::new()
                    } else {
                        format!(
                            " <span class=\"meta\">({}: {})</span>",
                            r.links,
                            st.links.join(", ")
                        )
                    };
                    writeln!(
                        w,
                        "<li>{}{links}{}</li>",
                        escape(st.text),
                        group(st.group, r)
                    )?;
                }
                writeln!(w, "</ol>")?;
            }
            Ok(())
        }
        Body::Notes(list) => {
            if list.is_empty() {
                return none(w, r);
            }
            writeln!(w, "<ol>")?;
            for n in list {
                writeln!(w, "<li>{}{}</li>", escape(n.text), group(n.group, r))?;
            }
            writeln!(w, "</ol>")
        }
        Body::Actions(actions) => {
            if actions.is_empty() {
                return none(w, r);
            }
            table_head(
                w,
                &[(r.item, 40), (t.owner, 24), (t.due, 21), (r.status, 15)],
            )?;
            for a in actions {
                writeln!(
                    w,
                    "<tr><td>{}{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(a.text),
                    group(a.group, r),
                    escape(a.owner.unwrap_or(r.no_owner)),
                    a.due.as_deref().unwrap_or(r.no_due),
                    done_or_open(a.done, r)
                )?;
            }
            writeln!(w, "</tbody></table>")
        }
        Body::FollowUps(list) => {
            table_head(
                w,
                &[
                    (r.item, 30),
                    (t.owner, 18),
                    (t.due, 19),
                    (r.status, 15),
                    (r.from, 18),
                ],
            )?;
            for f in list {
                writeln!(
                    w,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape(f.text),
                    escape(f.owner.unwrap_or(r.no_owner)),
                    f.due.as_deref().unwrap_or(r.no_due),
                    r.follow_up_status(f.status),
                    escape(f.from_title)
                )?;
            }
            writeln!(w, "</tbody></table>")
        }
        Body::Closing(groups) => {
            for g in groups {
                writeln!(w, "<h3>{}</h3>", g.heading)?;
                if g.notes.is_empty() {
                    none(w, r)?;
                }
                notes(w, &g.notes, r)?;
            }
            Ok(())
        }
    }
}

/// A table's opening and header row; columns are (label, width in %).
fn table_head<W: Write>(w: &mut W, columns: &[(&str, u8)]) -> io::Result<()> {
    writeln!(w, "<table><colgroup>")?;
    for (_, pct) in columns {
        writeln!(w, "<col style=\"width: {pct}%\">")?;
    }
    write!(w, "</colgroup>\n<thead><tr>")?;
    for (label, _) in columns {
        write!(w, "<th>{label}</th>")?;
    }
    writeln!(w, "</tr></thead><tbody>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_controls_made_visible() {
        assert_eq!(
            escape("<b>x</b> & \"q\" 'a'"),
            "&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot; &#39;a&#39;"
        );
        assert_eq!(escape("a\nb"), "a<br>b");
        assert_eq!(escape("\u{1b}[2J"), "␛[2J");
    }
}
