//! The report as docx-rs builds it, whole, as a tree: what the streamed
//! `word/document.xml` is checked against, paragraph for paragraph.

use docx_rs::{
    AlignmentType, BreakType, Docx, LineSpacing, Paragraph, Run, Shading, Table, TableCell,
    TableRow, WidthType,
};

use crate::i18n::report::{ReportStrings, report_strings};
use crate::i18n::strings;
use crate::session::Quadrant;
use crate::text::Lang;

use crate::export::report::{Body, Entry, QuadrantEntry, Report, and_list, done_or_open};
use crate::text::date::Digits;

use super::xml::marked;
use super::{BODY, HEADING, TEXT_WIDTH, TITLE, fonts, signature_dots, skeleton};

/// A run of `text` (made safe for XML: no control characters; numbers in
/// `digits`), lines split by breaks.
fn run(text: &str, size: usize, digits: Digits) -> Run {
    let mut r = Run::new().fonts(fonts()).size(size);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(marked(&digits.apply(line.trim_end_matches('\r'))));
    }
    r
}

/// Builds the paragraphs, each run's numbers in one set of digits.
struct Tree {
    d: Digits,
}

impl Tree {
    fn para(&self, text: &str) -> Paragraph {
        Paragraph::new().add_run(run(text, BODY, self.d))
    }

    fn heading(&self, text: &str, size: usize, level: usize) -> Paragraph {
        Paragraph::new()
            .add_run(run(text, size, self.d).bold())
            .keep_next(true)
            .outline_lvl(level)
    }

    fn bullet(&self, text: &str) -> Paragraph {
        Paragraph::new()
            .add_run(run(&format!("• {text}"), BODY, self.d))
            .indent(
                Some(567),
                Some(docx_rs::SpecialIndentType::Hanging(283)),
                None,
                None,
            )
    }

    fn indented(&self, text: &str) -> Paragraph {
        self.para(text).indent(Some(567), None, None, None)
    }

    fn numbered(&self, n: usize, text: &str) -> Paragraph {
        let mut led = Run::new()
            .fonts(fonts())
            .size(BODY)
            .add_text(self.d.apply(&format!("{n})")))
            .add_tab();
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                led = led.add_break(BreakType::TextWrapping);
            }
            led = led.add_text(marked(&self.d.apply(line.trim_end_matches('\r'))));
        }
        Paragraph::new().add_run(led).indent(
            Some(425),
            Some(docx_rs::SpecialIndentType::Hanging(425)),
            None,
            None,
        )
    }
}

fn with_group(text: &str, group: Option<&str>, r: &ReportStrings) -> String {
    match group {
        Some(g) => format!("{text} ({}: {g})", r.group),
        None => text.to_owned(),
    }
}

pub(super) fn build(report: &Report<'_>) -> Docx {
    let r = report_strings(report.lang);
    let x = Tree { d: report.digits };
    let mut doc = skeleton(report.digits);
    doc = doc.add_paragraph(
        x.heading(report.title, TITLE, 0)
            .align(AlignmentType::Center),
    );
    doc = doc.add_paragraph(
        x.para(&report.narrative)
            // Left, not justified: Word and LibreOffice justify Thai by
            // pulling vowels and tone marks apart.
            .indent(
                None,
                Some(docx_rs::SpecialIndentType::FirstLine(709)),
                None,
                None,
            ),
    );
    for (number, section) in report.numbers().iter().zip(&report.sections) {
        let text = format!("{number} {}", section.heading);
        let heading = if section.level <= 1 {
            x.heading(&text, HEADING, 1)
                .line_spacing(LineSpacing::new().before(240).after(60))
        } else {
            x.heading(&text, BODY, 2)
                .line_spacing(LineSpacing::new().before(120).after(0))
        };
        doc = doc.add_paragraph(heading);
        doc = body(&x, doc, &section.body, r, report.lang);
    }
    doc = doc.add_paragraph(x.para("").keep_next(true));
    let lines = report
        .signature
        .lines(report.lang, signature_dots(report.lang));
    let last = lines.len() - 1;
    for (i, line) in lines.iter().enumerate() {
        let indent = if i == 1 { 3402 + 851 } else { 3402 };
        let p = x.para(line).indent(Some(indent), None, None, None);
        doc = doc.add_paragraph(p.keep_next(i < last));
    }
    doc
}

fn notes(x: &Tree, mut doc: Docx, notes: &[Entry<'_>], r: &ReportStrings) -> Docx {
    for n in notes {
        doc = doc.add_paragraph(x.bullet(&with_group(n.text, n.group, r)));
    }
    doc
}

fn body(x: &Tree, mut doc: Docx, body: &Body<'_>, r: &ReportStrings, lang: Lang) -> Docx {
    let t = strings(lang);
    match body {
        Body::Parts => {}
        Body::Fields(fields) => {
            for f in fields {
                doc = doc.add_paragraph(
                    Paragraph::new()
                        .add_run(run(&format!("{}: ", f.label), BODY, x.d).bold())
                        .add_run(run(&f.value, BODY, x.d)),
                );
            }
        }
        Body::Text(text) => doc = doc.add_paragraph(x.para(text)),
        Body::Participants(p) => {
            if let Some(total) = &p.total {
                doc = doc.add_paragraph(x.para(&format!("{}: {total}", t.total)));
            }
            for (label, count) in &p.groups {
                let text = match count {
                    Some(c) => format!("{label}: {c}"),
                    None => (*label).to_owned(),
                };
                doc = doc.add_paragraph(x.bullet(&text));
            }
        }
        Body::Stages(stages) => {
            if stages.is_empty() {
                doc = doc.add_paragraph(x.para(r.none));
            }
            for (i, st) in stages.iter().enumerate() {
                doc = doc.add_paragraph(x.numbered(i + 1, st.text));
                doc = notes(x, doc, &st.notes, r);
            }
        }
        Body::Guidance(g) => {
            if g.points.is_empty() {
                doc = doc.add_paragraph(x.para(r.none));
            } else {
                doc = doc.add_paragraph(x.para(&g.lead));
            }
            for (i, p) in g.points.iter().enumerate() {
                doc = doc.add_paragraph(x.numbered(i + 1, p.text));
                if let Some(d) = &p.discussed {
                    doc = doc.add_paragraph(x.indented(d));
                }
                doc = notes(x, doc, &p.notes, r);
            }
        }
        Body::Swot(quadrants) => doc = doc.add_table(swot_table(x, quadrants, r)),
        Body::Strategies(pairs) => {
            for p in pairs {
                doc = doc.add_paragraph(x.heading(p.name, BODY, 3));
                if p.strategies.is_empty() {
                    doc = doc.add_paragraph(x.para(r.none));
                }
                for (i, st) in p.strategies.iter().enumerate() {
                    let mut text = st.text.to_owned();
                    if !st.links.is_empty() {
                        let links = and_list(&st.links, lang);
                        text.push_str(&format!(" ({}: {links})", r.links));
                    }
                    doc = doc.add_paragraph(x.numbered(i + 1, &with_group(&text, st.group, r)));
                }
            }
        }
        Body::Problems(problems) => {
            if problems.is_empty() {
                doc = doc.add_paragraph(x.para(r.none));
            }
            for (i, p) in problems.iter().enumerate() {
                let text = format!(
                    "{} ({} · {})",
                    with_group(p.item.text, p.item.group, r),
                    p.label,
                    p.item.votes_text
                );
                doc = doc.add_paragraph(x.numbered(i + 1, &text));
                for remedy in &p.remedies {
                    doc = doc.add_paragraph(x.indented(&format!("{}: {remedy}", r.remedies)));
                }
            }
        }
        Body::Notes(list) => {
            if list.is_empty() {
                doc = doc.add_paragraph(x.para(r.none));
            }
            for (i, n) in list.iter().enumerate() {
                doc = doc.add_paragraph(x.numbered(i + 1, &with_group(n.text, n.group, r)));
            }
        }
        Body::Actions(actions) => {
            if actions.is_empty() {
                return doc.add_paragraph(x.para(r.none));
            }
            let mut rows = vec![header_row(x, &[r.item, t.owner, t.due, r.status])];
            for (i, a) in actions.iter().enumerate() {
                rows.push(row(
                    x,
                    &[
                        &with_group(a.text, a.group, r),
                        a.owner.unwrap_or(r.no_owner),
                        a.due.as_deref().unwrap_or(r.no_due),
                        done_or_open(a.done, r),
                    ],
                    i + 1 == actions.len(),
                ));
            }
            doc = doc.add_table(table(rows, &[36, 28, 20, 16]));
        }
        Body::FollowUps(list) => {
            let mut rows = vec![header_row(x, &[r.item, t.owner, t.due, r.status, r.from])];
            for f in list {
                rows.push(row(
                    x,
                    &[
                        f.text,
                        f.owner.unwrap_or(r.no_owner),
                        f.due.as_deref().unwrap_or(r.no_due),
                        r.follow_up_status(f.status),
                        f.from_title,
                    ],
                    false,
                ));
            }
            doc = doc.add_table(table(rows, &[30, 18, 19, 15, 18]));
        }
        Body::Closing(groups) => {
            for g in groups {
                doc = doc.add_paragraph(x.heading(g.heading, BODY, 3));
                if g.notes.is_empty() {
                    doc = doc.add_paragraph(x.para(r.none));
                }
                doc = notes(x, doc, &g.notes, r);
            }
        }
    }
    doc
}

fn cell_width(pct: usize) -> usize {
    TEXT_WIDTH * pct / 100
}

fn table(rows: Vec<TableRow>, pcts: &[usize]) -> Table {
    Table::new(rows)
        .set_grid(pcts.iter().map(|p| cell_width(*p)).collect())
        .width(TEXT_WIDTH, WidthType::Dxa)
}

fn header_row(x: &Tree, labels: &[&str]) -> TableRow {
    let cells = labels
        .iter()
        .map(|l| {
            TableCell::new()
                .add_paragraph(Paragraph::new().add_run(run(l, BODY, x.d).bold()))
                .shading(Shading::new().fill("EEEEEE"))
        })
        .collect();
    TableRow::new(cells).cant_split()
}

fn row(x: &Tree, texts: &[&str], keep_next: bool) -> TableRow {
    TableRow::new(
        texts
            .iter()
            .map(|t| TableCell::new().add_paragraph(x.para(t).keep_next(keep_next)))
            .collect(),
    )
    .cant_split()
}

fn fill(q: Quadrant) -> &'static str {
    match q {
        Quadrant::Strengths => "E6F4E4",
        Quadrant::Weaknesses => "FBE7E3",
        Quadrant::Opportunities => "E4EEFB",
        Quadrant::Threats => "FDF2D8",
    }
}

/// The SWOT as a 2×2 table: strengths and weaknesses above, opportunities
/// and threats below, as on the board.
fn swot_table(x: &Tree, quadrants: &[QuadrantEntry<'_>], r: &ReportStrings) -> Table {
    let cell = |q: &QuadrantEntry<'_>| {
        let mut c = TableCell::new()
            .width(cell_width(50), WidthType::Dxa)
            .shading(Shading::new().fill(fill(q.quadrant)))
            .add_paragraph(
                Paragraph::new()
                    .add_run(run(&format!("{} ({})", q.name, q.items.len()), BODY, x.d).bold()),
            );
        if q.items.is_empty() {
            c = c.add_paragraph(x.para(r.none));
        }
        for item in &q.items {
            let text = format!(
                "{} {} ({})",
                item.number,
                with_group(item.text, item.group, r),
                item.votes_text
            );
            c = c.add_paragraph(x.para(&text));
        }
        c
    };
    let rows = quadrants
        .chunks(2)
        .map(|pair| TableRow::new(pair.iter().map(cell).collect()).cant_split())
        .collect();
    table(rows, &[50, 50])
}
