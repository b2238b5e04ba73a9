//! The report as one self-contained HTML file: `wethi export --format html`.
//!
//! Inline CSS only (nothing is fetched: no fonts or scripts, and the photos
//! of the day are in the file as `data:` URIs, two a row, a row never cut
//! across pages), the Thai font stack, A4 print styles, the SWOT as a
//! coloured 2×2 grid. Every
//! text from the file goes through [`escape`], which also says where a Thai
//! line may end (`<wbr>`) and keeps the rest whole (`nowrap` spans), so a
//! browser breaks Thai where wethi would.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{self, Write};

use base64::engine::general_purpose::STANDARD;
use base64::write::EncoderWriter;

use crate::i18n::report::{ReportStrings, report_strings};
use crate::i18n::strings;
use crate::text::Lang;
use crate::text::date::Digits;
use crate::text::printed::marks;
use crate::text::sanitize::{for_display, push_html_escaped};

use super::photos::Photos;
use super::report::{Body, Entry, PhotoEntry, Report, and_list, done_or_open};

/// The report's CSS. Thai marks stacked over a line (ธิ์, ที่เกี่ยว, ชื่อ)
/// rise above a tight line box, and Chromium prints what rises above the
/// first line of a page at the foot of the page before: so lines are 1.5
/// high, and a table row and the signature block keep room above their
/// first line inside themselves (padding, which a page break keeps, not
/// margin, which it drops).
const STYLE: &str = r#"
@page { size: A4; margin: 2cm 2cm 2cm 3cm; }
@page :first { @top-center { content: none; } }
* { box-sizing: border-box; }
body { font-family: "TH SarabunPSK", "TH Sarabun New", Sarabun, Laksaman, "Noto Sans Thai",
  sans-serif; font-size: 16pt;
  line-height: 1.5; color: #111; margin: 1cm auto; max-width: 16cm; }
h1 { font-size: 20pt; margin: 0 0 0.3cm; }
h2 { font-size: 18pt; margin: 0.5cm 0 0.2cm; border-bottom: 1px solid #888; break-after: avoid; }
h3 { font-size: 17pt; margin: 0.4cm 0 0.1cm; break-after: avoid; }
h4 { font-size: 16pt; margin: 0.3cm 0 0.1cm; break-after: avoid; }
ol.steps { list-style: none; padding-left: 0.8cm; }
ol.steps > li > .n { display: inline-block; min-width: 0.8cm; margin-left: -0.8cm; }
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
.quadrant h4 { margin-top: 0; }
.q-s { background: #e6f4e4; border-color: #2e7d32; }
.q-w { background: #fbe7e3; border-color: #c62828; }
.q-o { background: #e4eefb; border-color: #1565c0; }
.q-t { background: #fdf2d8; border-color: #a86400; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
thead { display: table-header-group; }
th, td { border: 1px solid #888; padding: 3px 5px 1px; vertical-align: top; text-align: left;
  overflow-wrap: break-word; }
th { background: #eee; }
.signature { margin: 0 0 0 30%; padding-top: 1.2cm; break-inside: avoid; }
.signature p { margin: 0.2cm 0; }
.signature p:first-child { white-space: nowrap; }
.signature .name { padding-left: 2.2cm; }
td.date { white-space: nowrap; }
.photos { break-before: page; }
.photo-row { display: flex; gap: 0.5cm; margin: 0 0 0.4cm; break-inside: avoid; }
.photo-row figure { flex: 0 0 calc(50% - 0.25cm); margin: 0; text-align: center; }
.photo-row img { display: block; width: 100%; height: auto; max-height: 10cm;
  object-fit: contain; }
.photo-row figcaption { font-size: 14pt; line-height: 1.4; padding-top: 0.1cm; }
@media print { body { margin: 0; max-width: none; } .swot { gap: 0.2cm; } }
"#;

/// Page numbers from page 2 on, centred at the top as `- 2 -`, in the
/// page's margin box (the first page's is emptied above).
const PAGE_NUMBER: &str = r#"@page { @top-center { content: "- " COUNTER " -";
  font-family: "TH SarabunPSK", "TH Sarabun New", Sarabun, Laksaman, "Noto Sans Thai", sans-serif;
  font-size: 16pt; } }
"#;

/// `text` as HTML text, its numbers in `digits`: every `&`, `<`, `>`,
/// quote escaped, control characters made visible, lines joined by `<br>`,
/// and Thai marked where a line may end and where it must not
/// ([`push_marked`]).
pub fn escape(text: &str, digits: Digits) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        let line = for_display(line.trim_end_matches('\r'));
        push_marked(&digits.apply(&line), &mut out);
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

/// The style sheet: the fixed rules and the page number's margin box, in
/// the report's digits (`counter(page, thai)`: ๒).
fn style(digits: Digits) -> String {
    let counter = match digits {
        Digits::Arabic => "counter(page)",
        Digits::Thai => "counter(page, thai)",
    };
    format!("{STYLE}{}", PAGE_NUMBER.replace("COUNTER", counter))
}

/// What every part of the writer needs: the report's words and digits.
struct Html<'a, 'r, W: Write> {
    w: &'a mut W,
    r: &'static ReportStrings,
    lang: Lang,
    d: Digits,
    /// Texts of the report as [`escape`] made them ([`Html::kept`]).
    escaped: RefCell<HashMap<&'r str, String>>,
}

/// Writes `report` as an HTML document to `w`, its photos' images read
/// from `photos` one at a time as they are written.
pub fn write_html<W: Write>(
    w: &mut W,
    report: &Report<'_>,
    photos: &mut Photos<'_>,
) -> io::Result<()> {
    let mut h = Html {
        w,
        r: report_strings(report.lang),
        lang: report.lang,
        d: report.digits,
        escaped: RefCell::default(),
    };
    let title = h.text(report.title);
    let tab_title = escape_plain(&h.d.apply(report.title));
    writeln!(h.w, "<!DOCTYPE html>")?;
    writeln!(h.w, r#"<html lang="{}">"#, report.lang.code())?;
    writeln!(
        h.w,
        r#"<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{tab_title}</title>
<style>{}</style>
</head>
<body>"#,
        style(report.digits)
    )?;
    writeln!(h.w, "<h1>{title}</h1>")?;
    let narrative = h.text(&report.narrative);
    writeln!(h.w, r#"<p class="narrative">{narrative}</p>"#)?;
    for (number, section) in report.numbers().iter().zip(&report.sections) {
        let tag = if section.level <= 1 { "h2" } else { "h3" };
        let heading = h.text(&format!("{number} {}", section.heading));
        writeln!(h.w, "<section>\n<{tag}>{heading}</{tag}>")?;
        h.body(&section.body)?;
        writeln!(h.w, "</section>")?;
    }
    writeln!(h.w, r#"<div class="signature">"#)?;
    for (i, line) in report.signature.lines(h.lang, 32).iter().enumerate() {
        let class = if i == 1 { r#" class="name""# } else { "" };
        writeln!(h.w, "<p{class}>{}</p>", h.text(line))?;
    }
    writeln!(h.w, "</div>")?;
    h.photos(&report.photos, photos)?;
    writeln!(h.w, "</body>\n</html>")?;
    h.w.flush()
}

impl<'r, W: Write> Html<'_, 'r, W> {
    /// Text from the file, or made from it: escaped, in the report's digits.
    fn text(&self, text: &str) -> String {
        escape(text, self.d)
    }

    /// [`Html::text`], escaped once per report: the report prints every
    /// SWOT item twice (its quadrant, the ranking) and the same votes and
    /// labels again and again, and marking their Thai is most of what
    /// writing the report costs.
    fn kept(&self, text: &'r str) -> String {
        if let Some(done) = self.escaped.borrow().get(text) {
            return done.clone();
        }
        let html = self.text(text);
        self.escaped.borrow_mut().insert(text, html.clone());
        html
    }

    fn group(&self, g: Option<&str>) -> String {
        g.map_or_else(String::new, |g| {
            format!(
                r#" <span class="group">({}: {})</span>"#,
                self.r.group,
                self.text(g)
            )
        })
    }

    fn notes(&mut self, notes: &[Entry<'_>]) -> io::Result<()> {
        if notes.is_empty() {
            return Ok(());
        }
        writeln!(self.w, "<ul>")?;
        for n in notes {
            let line = format!("{}{}", self.text(n.text), self.group(n.group));
            writeln!(self.w, "<li>{line}</li>")?;
        }
        writeln!(self.w, "</ul>")
    }

    fn none(&mut self) -> io::Result<()> {
        writeln!(self.w, "<p class=\"meta\">{}</p>", self.r.none)
    }

    /// The photos of the day on a page of their own, two a row, each image
    /// in the file as a `data:` URI with its caption (and group) under it.
    fn photos(&mut self, list: &[PhotoEntry<'_>], photos: &mut Photos<'_>) -> io::Result<()> {
        if list.is_empty() {
            return Ok(());
        }
        writeln!(
            self.w,
            "<section class=\"photos\">\n<h2>{}</h2>",
            self.r.photos
        )?;
        for row in list.chunks(2) {
            writeln!(self.w, "<div class=\"photo-row\">")?;
            for p in row {
                let jpeg = photos.read(p.file)?;
                let size = match (p.width, p.height) {
                    (0, _) | (_, 0) => String::new(),
                    (w, h) => format!(r#" width="{w}" height="{h}""#),
                };
                let alt = escape_plain(p.caption);
                write!(
                    self.w,
                    r#"<figure><img alt="{alt}"{size} src="data:image/jpeg;base64,"#
                )?;
                let mut base64 = EncoderWriter::new(&mut *self.w, &STANDARD);
                base64.write_all(&jpeg)?;
                base64.finish()?;
                drop(base64);
                let caption = format!("{}{}", self.text(p.caption), self.group(p.group));
                writeln!(
                    self.w,
                    "\"><figcaption>{}</figcaption></figure>",
                    caption.trim_start()
                )?;
            }
            writeln!(self.w, "</div>")?;
        }
        writeln!(self.w, "</section>")
    }

    /// An ordered list item numbered in the report's digits ("๑)"), the
    /// number written out so that it prints as the list shows it.
    fn numbered(&self, n: usize, html: &str) -> String {
        format!(
            "<li><span class=\"n\">{}</span>{html}",
            self.text(&format!("{n})"))
        )
    }

    fn body(&mut self, body: &'r Body<'_>) -> io::Result<()> {
        let (r, t) = (self.r, strings(self.lang));
        match body {
            Body::Parts => Ok(()),
            Body::Fields(fields) => {
                writeln!(
                    self.w,
                    "<table class=\"fields\"><colgroup><col style=\"width: 32%\"><col></colgroup>"
                )?;
                for f in fields {
                    let value = self.text(&f.value);
                    writeln!(self.w, "<tr><th>{}</th><td>{value}</td></tr>", f.label)?;
                }
                writeln!(self.w, "</table>")
            }
            Body::Text(text) => {
                let text = self.text(text);
                writeln!(self.w, "<p>{text}</p>")
            }
            Body::Participants(p) => {
                if let Some(total) = &p.total {
                    let total = self.text(total);
                    writeln!(self.w, "<p>{}: {total}</p>", t.total)?;
                }
                if !p.groups.is_empty() {
                    writeln!(self.w, "<ul>")?;
                    for (label, count) in &p.groups {
                        let line = match count {
                            Some(c) => format!("{}: {}", self.text(label), self.text(c)),
                            None => self.text(label),
                        };
                        writeln!(self.w, "<li>{line}</li>")?;
                    }
                    writeln!(self.w, "</ul>")?;
                }
                Ok(())
            }
            Body::Stages(stages) => {
                if stages.is_empty() {
                    return self.none();
                }
                writeln!(self.w, "<ol class=\"steps\">")?;
                for (i, st) in stages.iter().enumerate() {
                    let item = self.numbered(i + 1, &self.text(st.text));
                    writeln!(self.w, "{item}")?;
                    self.notes(&st.notes)?;
                    writeln!(self.w, "</li>")?;
                }
                writeln!(self.w, "</ol>")
            }
            Body::Guidance(g) => {
                if g.points.is_empty() {
                    return self.none();
                }
                let lead = self.text(&g.lead);
                writeln!(self.w, "<p>{lead}</p>\n<ol class=\"steps\">")?;
                for (i, p) in g.points.iter().enumerate() {
                    let mut html = self.text(p.text);
                    if let Some(d) = &p.discussed {
                        html.push_str(&format!("<br><span class=\"meta\">{}</span>", self.text(d)));
                    }
                    let item = self.numbered(i + 1, &html);
                    writeln!(self.w, "{item}")?;
                    self.notes(&p.notes)?;
                    writeln!(self.w, "</li>")?;
                }
                writeln!(self.w, "</ol>")
            }
            Body::Swot(quadrants) => {
                writeln!(self.w, "<div class=\"swot\">")?;
                for q in quadrants {
                    let class = q.quadrant.letter().to_ascii_lowercase();
                    let heading = self.text(&format!("{} ({})", q.name, q.items.len()));
                    writeln!(
                        self.w,
                        "<div class=\"quadrant q-{class}\">\n<h4>{heading}</h4>"
                    )?;
                    if q.items.is_empty() {
                        self.none()?;
                    } else {
                        writeln!(self.w, "<ul>")?;
                        for item in &q.items {
                            let line = format!(
                                "<b>{}</b> {} <span class=\"votes\">{}</span>{}",
                                self.text(&item.number),
                                self.kept(item.text),
                                self.kept(&item.votes_text),
                                self.group(item.group)
                            );
                            writeln!(self.w, "<li>{line}</li>")?;
                        }
                        writeln!(self.w, "</ul>")?;
                    }
                    writeln!(self.w, "</div>")?;
                }
                writeln!(self.w, "</div>")
            }
            Body::Strategies(pairs) => {
                for p in pairs {
                    writeln!(self.w, "<h4>{}</h4>", p.name)?;
                    if p.strategies.is_empty() {
                        self.none()?;
                        continue;
                    }
                    writeln!(self.w, "<ol class=\"steps\">")?;
                    for (i, st) in p.strategies.iter().enumerate() {
                        let links = if st.links.is_empty() {
                            String::new()
                        } else {
                            let list = and_list(&st.links, self.lang);
                            format!(
                                " <span class=\"meta\">({}: {})</span>",
                                r.links,
                                self.text(&list)
                            )
                        };
                        let html = format!("{}{links}{}", self.text(st.text), self.group(st.group));
                        writeln!(self.w, "{}</li>", self.numbered(i + 1, &html))?;
                    }
                    writeln!(self.w, "</ol>")?;
                }
                Ok(())
            }
            Body::Problems(problems) => {
                if problems.is_empty() {
                    return self.none();
                }
                writeln!(self.w, "<ol class=\"steps\">")?;
                for (i, p) in problems.iter().enumerate() {
                    let mut html = format!(
                        "{} <span class=\"meta\">({} · {})</span>{}",
                        self.kept(p.item.text),
                        self.kept(&p.label),
                        self.kept(&p.item.votes_text),
                        self.group(p.item.group)
                    );
                    for remedy in &p.remedies {
                        html.push_str(&format!("<br>{}: {}", r.remedies, self.text(remedy)));
                    }
                    writeln!(self.w, "{}</li>", self.numbered(i + 1, &html))?;
                }
                writeln!(self.w, "</ol>")
            }
            Body::Notes(list) => {
                if list.is_empty() {
                    return self.none();
                }
                writeln!(self.w, "<ol class=\"steps\">")?;
                for (i, n) in list.iter().enumerate() {
                    let html = format!("{}{}", self.text(n.text), self.group(n.group));
                    writeln!(self.w, "{}</li>", self.numbered(i + 1, &html))?;
                }
                writeln!(self.w, "</ol>")
            }
            Body::Actions(actions) => {
                if actions.is_empty() {
                    return self.none();
                }
                table_head(
                    self.w,
                    &[(r.item, 36), (t.owner, 28), (t.due, 20), (r.status, 16)],
                )?;
                for a in actions {
                    let row = format!(
                        "<tr><td>{}{}</td><td>{}</td><td class=\"date\">{}</td><td>{}</td></tr>",
                        self.text(a.text),
                        self.group(a.group),
                        self.text(a.owner.unwrap_or(r.no_owner)),
                        self.text(a.due.as_deref().unwrap_or(r.no_due)),
                        done_or_open(a.done, r)
                    );
                    writeln!(self.w, "{row}")?;
                }
                writeln!(self.w, "</tbody></table>")
            }
            Body::FollowUps(list) => {
                table_head(
                    self.w,
                    &[
                        (r.item, 30),
                        (t.owner, 18),
                        (t.due, 19),
                        (r.status, 15),
                        (r.from, 18),
                    ],
                )?;
                for f in list {
                    let row = format!(
                        "<tr><td>{}</td><td>{}</td><td class=\"date\">{}</td><td>{}</td><td>{}</td></tr>",
                        self.text(f.text),
                        self.text(f.owner.unwrap_or(r.no_owner)),
                        self.text(f.due.as_deref().unwrap_or(r.no_due)),
                        r.follow_up_status(f.status),
                        self.text(f.from_title)
                    );
                    writeln!(self.w, "{row}")?;
                }
                writeln!(self.w, "</tbody></table>")
            }
            Body::Closing(groups) => {
                for g in groups {
                    writeln!(self.w, "<h4>{}</h4>", g.heading)?;
                    if g.notes.is_empty() {
                        self.none()?;
                    }
                    self.notes(&g.notes)?;
                }
                Ok(())
            }
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
        let escape = |t| escape(t, Digits::Arabic);
        assert_eq!(
            escape("<b>x</b> & \"q\" 'a'"),
            "&lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot; &#39;a&#39;"
        );
        assert_eq!(escape("a\nb"), "a<br>b");
        assert_eq!(escape("\u{1b}[2J"), "␛[2J");
    }
}
