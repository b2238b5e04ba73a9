//! The report's sections as the body of `word/document.xml`, in the order
//! of a Thai activity report, written as they are laid out.

use std::io::{self, Write};

use crate::export::photos::fit;
use crate::export::report::{
    Body, Entry, PhotoEntry, QuadrantEntry, Report, and_list, done_or_open,
};
use crate::i18n::report::{ReportStrings, report_strings};
use crate::i18n::strings;
use crate::session::Quadrant;
use crate::text::Lang;

use super::xml::{Props, Xml};
use super::{BODY, HEADING, PHOTO_MAX, TITLE, photo_rel, signature_dots};

/// Writes the body of `report` (its paragraphs and tables, not the section
/// properties) to `out`.
pub fn write<W: Write>(out: W, report: &Report<'_>) -> io::Result<()> {
    let mut x = Xml::new(out, report.digits);
    let r = report_strings(report.lang);
    x.para(
        Props {
            center: true,
            ..heading_props(0)
        },
        report.title,
        TITLE,
        true,
    )?;
    // Left, not justified: Word and LibreOffice justify Thai by pulling
    // vowels and tone marks apart.
    let first_line = Props {
        first_line: Some(709),
        ..Props::default()
    };
    x.para(first_line, &report.narrative, BODY, false)?;
    for (number, section) in report.numbers().iter().zip(&report.sections) {
        let (props, size) = if section.level <= 1 {
            let props = Props {
                spacing: Some((240, 60)),
                ..heading_props(1)
            };
            (props, HEADING)
        } else {
            let props = Props {
                spacing: Some((120, 0)),
                ..heading_props(2)
            };
            (props, BODY)
        };
        x.para(props, &format!("{number} {}", section.heading), size, true)?;
        body(&mut x, &section.body, r, report.lang)?;
    }
    // The block stays on one page: each line keeps with the next.
    let keep = Props {
        keep_next: true,
        ..Props::default()
    };
    x.para(keep, "", BODY, false)?;
    let lines = report
        .signature
        .lines(report.lang, signature_dots(report.lang));
    let last = lines.len() - 1;
    for (i, line) in lines.iter().enumerate() {
        // The name sits under the dots, as on a signed form.
        let indent = if i == 1 { 3402 + 851 } else { 3402 };
        let props = Props {
            keep_next: i < last,
            ..Props::indent(indent)
        };
        x.para(props, line, BODY, false)?;
    }
    photos(&mut x, &report.photos, r)?;
    x.finish()
}

/// The photos of the day on a page of their own: ภาพกิจกรรม, then two a
/// row in a table without borders, each picture with its caption (and
/// group) under it, a row never split across pages. Their images are the
/// package's `word/media/photoN.jpeg` (`super::write_docx`).
fn photos<W: Write>(x: &mut Xml<W>, list: &[PhotoEntry<'_>], r: &ReportStrings) -> io::Result<()> {
    if list.is_empty() {
        return Ok(());
    }
    x.open_para(Props {
        spacing: Some((0, 120)),
        ..heading_props(1)
    })?;
    x.page_break();
    x.run(r.photos, HEADING, true);
    x.close_para();
    x.open_plain_table(&[50, 50])?;
    let centred = Props {
        center: true,
        ..Props::default()
    };
    for (i, row) in list.chunks(2).enumerate() {
        x.open_row();
        for (j, p) in row.iter().enumerate() {
            let n = i * 2 + j + 1;
            x.open_cell(Some(50), None);
            x.open_para(Props {
                keep_next: true,
                spacing: Some((120, 0)),
                ..centred
            })?;
            let size = fit(p.width, p.height, PHOTO_MAX.0, PHOTO_MAX.1);
            x.picture(n, &photo_rel(n), size, p.caption);
            x.close_para();
            let caption = with_group(p.caption, p.group, r);
            x.para(centred, caption.trim_start(), BODY, false)?;
            x.close_cell();
        }
        if row.len() == 1 {
            // A cell holds at least a paragraph.
            x.open_cell(Some(50), None);
            x.para(centred, "", BODY, false)?;
            x.close_cell();
        }
        x.close_row();
    }
    x.close_table();
    // The body ends with a paragraph, as Word's own documents do: one point
    // high, so that a full page of photos is not followed by an empty one.
    x.tiny_para()
}

fn heading_props(level: usize) -> Props {
    Props {
        outline: Some(level),
        keep_next: true,
        ..Props::default()
    }
}

fn para<W: Write>(x: &mut Xml<W>, text: &str) -> io::Result<()> {
    x.para(Props::default(), text, BODY, false)
}

fn indented<W: Write>(x: &mut Xml<W>, text: &str) -> io::Result<()> {
    x.para(Props::indent(567), text, BODY, false)
}

fn bullet<W: Write>(x: &mut Xml<W>, text: &str) -> io::Result<()> {
    let props = Props {
        hanging: Some(283),
        ..Props::indent(567)
    };
    x.para(props, &format!("• {text}"), BODY, false)
}

/// A numbered paragraph, "1) text", its lines hanging past the number.
/// Not kept with the notes under it: LibreOffice then moves the whole
/// paragraph to the next page, leaving a third of a page empty.
fn numbered<W: Write>(x: &mut Xml<W>, n: usize, text: &str) -> io::Result<()> {
    let props = Props {
        hanging: Some(425),
        ..Props::indent(425)
    };
    x.open_para(props)?;
    x.led_run(&format!("{n})"), text, BODY);
    x.close_para();
    Ok(())
}

fn with_group(text: &str, group: Option<&str>, r: &ReportStrings) -> String {
    match group {
        Some(g) => format!("{text} ({}: {g})", r.group),
        None => text.to_owned(),
    }
}

fn notes<W: Write>(x: &mut Xml<W>, notes: &[Entry<'_>], r: &ReportStrings) -> io::Result<()> {
    for n in notes {
        bullet(x, &with_group(n.text, n.group, r))?;
    }
    Ok(())
}

/// A bold label run followed by a plain run, in one paragraph.
fn labelled<W: Write>(x: &mut Xml<W>, p: Props, label: &str, rest: &str) -> io::Result<()> {
    x.open_para(p)?;
    x.run(label, BODY, true);
    x.run(rest, BODY, false);
    x.close_para();
    Ok(())
}

fn body<W: Write>(
    x: &mut Xml<W>,
    body: &Body<'_>,
    r: &ReportStrings,
    lang: Lang,
) -> io::Result<()> {
    let t = strings(lang);
    match body {
        Body::Parts => {}
        Body::Fields(fields) => {
            for f in fields {
                labelled(x, Props::default(), &format!("{}: ", f.label), &f.value)?;
            }
        }
        Body::Text(text) => para(x, text)?,
        Body::Participants(p) => {
            if let Some(total) = &p.total {
                para(x, &format!("{}: {total}", t.total))?;
            }
            for (label, count) in &p.groups {
                let text = match count {
                    Some(c) => format!("{label}: {c}"),
                    None => (*label).to_owned(),
                };
                bullet(x, &text)?;
            }
        }
        Body::Stages(stages) => {
            if stages.is_empty() {
                para(x, r.none)?;
            }
            for (i, st) in stages.iter().enumerate() {
                numbered(x, i + 1, st.text)?;
                notes(x, &st.notes, r)?;
            }
        }
        Body::Guidance(g) => {
            if g.points.is_empty() {
                para(x, r.none)?;
            } else {
                para(x, &g.lead)?;
            }
            for (i, p) in g.points.iter().enumerate() {
                numbered(x, i + 1, p.text)?;
                if let Some(d) = &p.discussed {
                    indented(x, d)?;
                }
                notes(x, &p.notes, r)?;
            }
        }
        Body::Swot(quadrants) => swot_table(x, quadrants, r)?,
        Body::Strategies(pairs) => {
            for p in pairs {
                x.para(heading_props(3), p.name, BODY, true)?;
                if p.strategies.is_empty() {
                    para(x, r.none)?;
                }
                for (i, st) in p.strategies.iter().enumerate() {
                    let mut text = st.text.to_owned();
                    if !st.links.is_empty() {
                        let links = and_list(&st.links, lang);
                        text.push_str(&format!(" ({}: {links})", r.links));
                    }
                    numbered(x, i + 1, &with_group(&text, st.group, r))?;
                }
            }
        }
        Body::Problems(problems) => {
            if problems.is_empty() {
                para(x, r.none)?;
            }
            for (i, p) in problems.iter().enumerate() {
                let text = format!(
                    "{} ({} · {})",
                    with_group(p.item.text, p.item.group, r),
                    p.label,
                    p.item.votes_text
                );
                numbered(x, i + 1, &text)?;
                for remedy in &p.remedies {
                    indented(x, &format!("{}: {remedy}", r.remedies))?;
                }
            }
        }
        Body::Notes(list) => {
            if list.is_empty() {
                para(x, r.none)?;
            }
            for (i, n) in list.iter().enumerate() {
                numbered(x, i + 1, &with_group(n.text, n.group, r))?;
            }
        }
        Body::Actions(actions) => {
            if actions.is_empty() {
                para(x, r.none)?;
                return Ok(());
            }
            x.open_table(&[36, 28, 20, 16])?;
            header_row(x, &[r.item, t.owner, t.due, r.status])?;
            for (i, a) in actions.iter().enumerate() {
                // The last section: its last row goes with the signature
                // block, which is never left on a page of its own.
                row(
                    x,
                    &[
                        &with_group(a.text, a.group, r),
                        a.owner.unwrap_or(r.no_owner),
                        a.due.as_deref().unwrap_or(r.no_due),
                        done_or_open(a.done, r),
                    ],
                    i + 1 == actions.len(),
                )?;
            }
            x.close_table();
        }
        Body::FollowUps(list) => {
            x.open_table(&[30, 18, 19, 15, 18])?;
            header_row(x, &[r.item, t.owner, t.due, r.status, r.from])?;
            for f in list {
                row(
                    x,
                    &[
                        f.text,
                        f.owner.unwrap_or(r.no_owner),
                        f.due.as_deref().unwrap_or(r.no_due),
                        r.follow_up_status(f.status),
                        f.from_title,
                    ],
                    false,
                )?;
            }
            x.close_table();
        }
        Body::Closing(groups) => {
            for g in groups {
                x.para(heading_props(3), g.heading, BODY, true)?;
                if g.notes.is_empty() {
                    para(x, r.none)?;
                }
                notes(x, &g.notes, r)?;
            }
        }
    }
    Ok(())
}

fn header_row<W: Write>(x: &mut Xml<W>, labels: &[&str]) -> io::Result<()> {
    x.open_header_row();
    for l in labels {
        x.open_cell(None, Some("EEEEEE"));
        x.para(Props::default(), l, BODY, true)?;
        x.close_cell();
    }
    x.close_row();
    Ok(())
}

/// A row of plain cells; `keep_next` keeps it on the page of what follows.
fn row<W: Write>(x: &mut Xml<W>, texts: &[&str], keep_next: bool) -> io::Result<()> {
    x.open_row();
    let props = Props {
        keep_next,
        ..Props::default()
    };
    for t in texts {
        x.open_cell(None, None);
        x.para(props, t, BODY, false)?;
        x.close_cell();
    }
    x.close_row();
    Ok(())
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
fn swot_table<W: Write>(
    x: &mut Xml<W>,
    quadrants: &[QuadrantEntry<'_>],
    r: &ReportStrings,
) -> io::Result<()> {
    x.open_table(&[50, 50])?;
    for pair in quadrants.chunks(2) {
        x.open_row();
        for q in pair {
            x.open_cell(Some(50), Some(fill(q.quadrant)));
            let title = format!("{} ({})", q.name, q.items.len());
            x.para(Props::default(), &title, BODY, true)?;
            if q.items.is_empty() {
                para(x, r.none)?;
            }
            for item in &q.items {
                let text = format!(
                    "{} {} ({})",
                    item.number,
                    with_group(item.text, item.group, r),
                    item.votes_text
                );
                para(x, &text)?;
            }
            x.close_cell();
        }
        x.close_row();
    }
    x.close_table();
    Ok(())
}
