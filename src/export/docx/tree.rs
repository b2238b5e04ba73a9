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

use crate::export::report::{Body, Entry, QuadrantEntry, Report, done_or_open};

use super::xml::marked;
use super::{BODY, HEADING, TEXT_WIDTH, TITLE, fonts, skeleton};

/// A run of `text` (made safe for XML: no control characters), lines split
/// by breaks.
fn run(text: &str, size: usize) -> Run {
    let mut r = Run::new().fonts(fonts()).size(size);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(marked(line.trim_end_matches('\r')));
    }
    r
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(run(text, BODY))
}

fn heading(text: &str, size: usize, level: usize) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, size).bold())
        .keep_next(true)
        .outline_lvl(level)
}

fn with_group(text: &str, group: Option<&str>, r: &ReportStrings) -> String {
    match group {
        Some(g) => format!("{text} ({}: {g})", r.group),
        None => text.to_owned(),
    }
}

fn bullet(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(&format!("• {text}"), BODY))
        .indent(
            Some(567),
            Some(docx_rs::SpecialIndentType::Hanging(283)),
            None,
            None,
        )
}

pub(super) fn build(report: &Report<'_>) -> Docx {
    let r = report_strings(report.lang);
    let t = strings(report.lang);
    let mut doc = skeleton();
    doc = doc.add_paragraph(heading(report.title, TITLE, 0).align(AlignmentType::Center));
    doc = doc.add_paragraph(
        para(&report.narrative)
            // Left, not justified: Word and LibreOffice justify Thai by
            // pulling vowels and tone marks apart.
            .indent(
                None,
                Some(docx_rs::SpecialIndentType::FirstLine(709)),
                None,
                None,
            ),
    );
    for (n, section) in report.sections.iter().enumerate() {
        doc = doc.add_paragraph(
            heading(&format!("{}. {}", n + 1, section.heading), HEADING, 1)
                .line_spacing(LineSpacing::new().before(240).after(60)),
        );
        doc = body(doc, &section.body, r, report.lang);
    }
    let dots = ".".repeat(32);
    doc = doc.add_paragraph(para(""));
    for line in [
        format!("{} {dots} {}", r.signature, r.reporter),
        format!("{} {dots}", r.position),
        format!("{} {dots}", t.date),
    ] {
        doc = doc.add_paragraph(para(&line).indent(Some(3402), None, None, None));
    }
    doc
}

fn notes(mut doc: Docx, notes: &[Entry<'_>], r: &ReportStrings) -> Docx {
    for n in notes {
        doc = doc.add_paragraph(bullet(&with_group(n.text, n.group, r)));
    }
    doc
}

fn body(mut doc: Docx, body: &Body<'_>, r: &ReportStrings, lang: Lang) -> Docx {
    let t = strings(lang);
    match body {
        Body::Fields(fields) => {
            for f in fields {
                doc = doc.add_paragraph(
                    Paragraph::new()
                        .add_run(run(&format!("{}: ", f.label), BODY).bold())
                        .add_run(run(&f.value, BODY)),
                );
            }
        }
        Body::Text(text) => doc = doc.add_paragraph(para(text)),
        Body::Participants(p) => {
            if let Some(total) = &p.total {
                doc = doc.add_paragraph(para(&format!("{}: {total}", t.total)));
            }
            for (label, count) in &p.groups {
                let text = match count {
                    Some(c) => format!("{label}: {c}"),
                    None => (*label).to_owned(),
                };
                doc = doc.add_paragraph(bullet(&text));
            }
        }
        Body::Stages(stages) => {
            for st in stages {
                let state = done_or_open(st.done, r);
                doc = doc.add_paragraph(
                    Paragraph::new()
                        .add_run(run(&format!("{} {}", st.id, st.title), BODY).bold())
                        .add_run(run(&format!(" — {}, {state}", st.time), BODY))
                        .keep_next(!st.notes.is_empty()),
                );
                doc = notes(doc, &st.notes, r);
            }
        }
        Body::Guidance(points) => {
            for g in points {
                doc = doc.add_paragraph(
                    Paragraph::new()
                        .add_run(run(&format!("{} {}", g.id, g.title), BODY).bold())
                        .keep_next(true),
                );
                for (label, discussed) in &g.items {
                    let mark = if *discussed { "☑" } else { "☐" };
                    doc = doc.add_paragraph(para(&format!("{mark} {label}")).indent(
                        Some(567),
                        None,
                        None,
                        None,
                    ));
                }
                doc = notes(doc, &g.notes, r);
            }
        }
        Body::Swot(quadrants) => doc = doc.add_table(swot_table(quadrants, r)),
        Body::Strategies(pairs) => {
            for p in pairs {
                doc = doc.add_paragraph(heading(p.name, BODY, 2));
                if p.strategies.is_empty() {
                    doc = doc.add_paragraph(para(r.none));
                }
                for (i, st) in p.strategies.iter().enumerate() {
                    let mut text = format!("{}. {}", i + 1, st.text);
                    if !st.links.is_empty() {
                        text.push_str(&format!(" ({}: {})", r.links, st.links.join(", ")));
                    }
                    doc = doc.add_paragraph(para(&with_group(&text, st.group, r)).indent(
                        Some(567),
                        None,
                        None,
                        None,
                    ));
                }
            }
        }
        Body::Notes(list) => {
            if list.is_empty() {
                doc = doc.add_paragraph(para(r.none));
            }
            for (i, n) in list.iter().enumerate() {
                let text = format!("{}. {}", i + 1, with_group(n.text, n.group, r));
                doc = doc.add_paragraph(para(&text).indent(Some(567), None, None, None));
            }
        }
        Body::Actions(actions) => {
            let mut rows = vec![header_row(&[r.item, t.owner, t.due, r.status])];
            for a in actions {
                rows.push(row(&[
                    &with_group(a.text, a.group, r),
                    a.owner.unwrap_or(r.no_owner),
                    a.due.as_deref().unwrap_or(r.no_due),
                    done_or_open(a.done, r),
                ]));
            }
            doc = doc.add_table(table(rows, &[40, 24, 21, 15]));
        }
        Body::FollowUps(list) => {
            let mut rows = vec![header_row(&[r.item, t.owner, t.due, r.status, r.from])];
            for f in list {
                rows.push(row(&[
                    f.text,
                    f.owner.unwrap_or(r.no_owner),
                    f.due.as_deref().unwrap_or(r.no_due),
                    r.follow_up_status(f.status),
                    f.from_title,
                ]));
            }
            doc = doc.add_table(table(rows, &[30, 18, 19, 15, 18]));
        }
        Body::Closing(groups) => {
            for g in groups {
                doc = doc.add_paragraph(heading(g.heading, BODY, 2));
                if g.notes.is_empty() {
                    doc = doc.add_paragraph(para(r.none));
                }
                doc = notes(doc, &g.notes, r);
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

fn header_row(labels: &[&str]) -> TableRow {
    let cells = labels
        .iter()
        .map(|l| {
            TableCell::new()
                .add_paragraph(Paragraph::new().add_run(run(l, BODY).bold()))
                .shading(Shading::new().fill("EEEEEE"))
        })
        .collect();
    TableRow::new(cells).cant_split()
}

fn row(texts: &[&str]) -> TableRow {
    TableRow::new(
        texts
            .iter()
            .map(|t| TableCell::new().add_paragraph(para(t)))
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
fn swot_table(quadrants: &[QuadrantEntry<'_>], r: &ReportStrings) -> Table {
    let cell = |q: &QuadrantEntry<'_>| {
        let mut c = TableCell::new()
            .width(cell_width(50), WidthType::Dxa)
            .shading(Shading::new().fill(fill(q.quadrant)))
            .add_paragraph(
                Paragraph::new()
                    .add_run(run(&format!("{} ({})", q.name, q.items.len()), BODY).bold()),
            );
        if q.items.is_empty() {
            c = c.add_paragraph(para(r.none));
        }
        for item in &q.items {
            let text = format!(
                "{} {} ({})",
                item.number,
                with_group(item.text, item.group, r),
                item.votes_text
            );
            c = c.add_paragraph(para(&text));
        }
        c
    };
    let rows = quadrants
        .chunks(2)
        .map(|pair| TableRow::new(pair.iter().map(cell).collect()).cant_split())
        .collect();
    table(rows, &[50, 50])
}
