//! The report as CommonMark: `wethi export FILE --format md`.
//!
//! Every text from the file goes through [`inline`], which escapes whatever
//! Markdown would take for markup, so an item `*x*` or `# x` reads as typed.

use std::io::{self, Write};

use crate::i18n::report::{ReportStrings, report_strings};
use crate::i18n::strings;
use crate::text::Lang;
use crate::text::sanitize::for_display;

use super::report::{Body, Entry, Report, done_or_open};

/// Characters that mean something anywhere in a line.
const INLINE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '&', '!', '~',
];

/// `text` as literal Markdown inline content. Lines of `text` become hard
/// line breaks, continued at `indent` spaces so they stay inside a list item;
/// blank lines are dropped (they would end the item).
pub fn inline(text: &str, indent: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut first = true;
    for line in text.split('\n') {
        let clean = for_display(line.trim_end_matches('\r'));
        let line = clean.trim();
        if line.is_empty() {
            continue;
        }
        if !first {
            out.push_str("\\\n");
            out.extend(std::iter::repeat_n(' ', indent));
        }
        first = false;
        escape_line(line, &mut out);
    }
    out
}

fn escape_line(line: &str, out: &mut String) {
    // A line may open a block: a list (- + * 1. 1)), a heading underline (= -),
    // a thematic break; escaping the first such character keeps it text.
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let lead = line.as_bytes().first().copied();
    if matches!(lead, Some(b'-' | b'+' | b'=')) {
        out.push('\\');
    }
    for (i, c) in line.char_indices() {
        let opens_ordered_list = digits > 0 && i == digits && (c == '.' || c == ')');
        if INLINE.contains(&c) || opens_ordered_list {
            out.push('\\');
        }
        out.push(c);
    }
}

fn group(g: Option<&str>, r: &ReportStrings) -> String {
    g.map_or_else(String::new, |g| format!(" ({}: {})", r.group, inline(g, 0)))
}

/// Writes `report` as Markdown to `w`.
pub fn write_markdown<W: Write>(w: &mut W, report: &Report<'_>) -> io::Result<()> {
    let r = report_strings(report.lang);
    writeln!(w, "# {}\n", inline(report.title, 0))?;
    writeln!(w, "{}\n", inline(&report.narrative, 0))?;
    for (n, section) in report.sections.iter().enumerate() {
        writeln!(w, "## {}. {}\n", n + 1, section.heading)?;
        body(w, &section.body, r, report.lang)?;
    }
    signature(w, r, report.lang)?;
    w.flush()
}

fn none<W: Write>(w: &mut W, r: &ReportStrings) -> io::Result<()> {
    writeln!(w, "- {}\n", r.none)
}

fn notes<W: Write>(
    w: &mut W,
    indent: usize,
    notes: &[Entry<'_>],
    r: &ReportStrings,
) -> io::Result<()> {
    let pad = " ".repeat(indent);
    for n in notes {
        writeln!(
            w,
            "{pad}- {}{}",
            inline(n.text, indent + 2),
            group(n.group, r)
        )?;
    }
    Ok(())
}

fn body<W: Write>(w: &mut W, body: &Body<'_>, r: &ReportStrings, lang: Lang) -> io::Result<()> {
    let t = strings(lang);
    match body {
        Body::Fields(fields) => {
            for f in fields {
                writeln!(w, "- **{}:** {}", f.label, inline(&f.value, 2))?;
            }
        }
        Body::Text(text) => writeln!(w, "{}", inline(text, 0))?,
        Body::Participants(p) => {
            if let Some(total) = &p.total {
                writeln!(w, "- **{}:** {total}", t.total)?;
            }
            for (label, count) in &p.groups {
                match count {
                    Some(c) => writeln!(w, "- {}: {c}", inline(label, 2))?,
                    None => writeln!(w, "- {}", inline(label, 2))?,
                }
            }
        }
        Body::Stages(stages) => {
            if stages.is_empty() {
                return none(w, r);
            }
            for st in stages {
                let state = done_or_open(st.done, r);
                writeln!(
                    w,
                    "- **{} {}** — {}, {state}",
                    inline(st.id, 2),
                    inline(st.title, 2),
                    st.time
                )?;
                notes(w, 2, &st.notes, r)?;
            }
        }
        Body::Guidance(points) => {
            if points.is_empty() {
                return none(w, r);
            }
            for g in points {
                writeln!(w, "- **{} {}**", inline(g.id, 2), inline(g.title, 2))?;
                for (label, discussed) in &g.items {
                    let mark = if *discussed { "☑" } else { "☐" };
                    writeln!(w, "  - {mark} {}", inline(label, 4))?;
                }
                notes(w, 2, &g.notes, r)?;
            }
        }
        Body::Swot(quadrants) => {
            for q in quadrants {
                writeln!(w, "### {} ({})\n", q.name, q.items.len())?;
                if q.items.is_empty() {
                    none(w, r)?;
                    continue;
                }
                for item in &q.items {
                    writeln!(
                        w,
                        "- {} {} — {}{}",
                        item.number,
                        inline(item.text, 2),
                        item.votes_text,
                        group(item.group, r)
                    )?;
                }
                writeln!(w)?;
            }
            return Ok(());
        }
        Body::Strategies(pairs) => {
            for p in pairs {
                writeln!(w, "### {}\n", p.name)?;
                if p.strategies.is_empty() {
                    none(w, r)?;
                    continue;
                }
                for (i, st) in p.strategies.iter().enumerate() {
                    let links = if st.links.is_empty() {
                        String::new()
                    } else {
                        format!(" ({}: {})", r.links, st.links.join(", "))
                    };
                    writeln!(
                        w,
                        "{}. {}{links}{}",
                        i + 1,
                        inline(st.text, 4),
                        group(st.group, r)
                    )?;
                }
                writeln!(w)?;
            }
            return Ok(());
        }
        Body::Notes(list) => {
            if list.is_empty() {
                return none(w, r);
            }
            for (i, n) in list.iter().enumerate() {
                writeln!(w, "{}. {}{}", i + 1, inline(n.text, 4), group(n.group, r))?;
            }
        }
        Body::Actions(actions) => {
            if actions.is_empty() {
                return none(w, r);
            }
            for a in actions {
                let mark = if a.done { "☑" } else { "☐" };
                writeln!(
                    w,
                    "- {mark} {}{} — {}: {} · {}: {} · {}",
                    inline(a.text, 2),
                    group(a.group, r),
                    t.owner,
                    inline(a.owner.unwrap_or(r.no_owner), 2),
                    t.due,
                    a.due.as_deref().unwrap_or(r.no_due),
                    done_or_open(a.done, r)
                )?;
            }
        }
        Body::FollowUps(list) => {
            for f in list {
                writeln!(
                    w,
                    "- {} — {}: **{}** · {}: {} · {}: {} · {}: {}",
                    inline(f.text, 2),
                    r.status,
                    r.follow_up_status(f.status),
                    t.owner,
                    inline(f.owner.unwrap_or(r.no_owner), 2),
                    t.due,
                    f.due.as_deref().unwrap_or(r.no_due),
                    r.from,
                    inline(f.from_title, 2)
                )?;
            }
        }
        Body::Closing(groups) => {
            for g in groups {
                writeln!(w, "### {}\n", g.heading)?;
                if g.notes.is_empty() {
                    none(w, r)?;
                } else {
                    notes(w, 0, &g.notes, r)?;
                    writeln!(w)?;
                }
            }
            return Ok(());
        }
    }
    writeln!(w)
}

/// The block left for signing, as a Thai office files a report.
fn signature<W: Write>(w: &mut W, r: &ReportStrings, lang: Lang) -> io::Result<()> {
    let dots = ".".repeat(40);
    writeln!(w, "---\n")?;
    writeln!(w, "{} {dots} {}\\", r.signature, r.reporter)?;
    writeln!(w, "{} {dots}\\", r.position)?;
    writeln!(w, "{} {dots}\n", strings(lang).date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_looking_text_is_escaped() {
        let cases = [
            ("*x*", "\\*x\\*"),
            ("_x_", "\\_x\\_"),
            ("# x", "\\# x"),
            ("a | b", "a \\| b"),
            ("<b>x</b>", "\\<b\\>x\\</b\\>"),
            ("[a](b)", "\\[a\\](b)"),
            ("`c`", "\\`c\\`"),
            ("- x", "\\- x"),
            ("+ x", "\\+ x"),
            ("12. x", "12\\. x"),
            ("3) x", "3\\) x"),
            ("===", "\\==="),
            ("&amp;", "\\&amp;"),
            ("ศอช.จ. 2564", "ศอช.จ. 2564"),
            ("line one\n- two", "line one\\\n  \\- two"),
        ];
        for (text, want) in cases {
            assert_eq!(inline(text, 2), want, "{text:?}");
        }
    }
}
