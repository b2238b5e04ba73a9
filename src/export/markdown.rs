//! The report as CommonMark: `wethi export FILE --format md`.
//!
//! Every text from the file goes through [`inline`], which escapes whatever
//! Markdown would take for markup, so an item `*x*` or `# x` reads as typed.
//! The photos of the day are linked by their path from where the report is
//! written ([`Photos::path`]), never embedded.

use std::io::{self, Write};

use crate::i18n::report::{ReportStrings, report_strings};
use crate::i18n::strings;
use crate::text::Lang;
use crate::text::date::Digits;
use crate::text::sanitize::for_display;

use super::photos::Photos;
use super::report::{Body, Entry, Report, and_list, done_or_open};

/// Characters that mean something anywhere in a line.
const INLINE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '&', '!', '~',
];

/// `text` as literal Markdown inline content, its numbers in `digits`.
/// Lines of `text` become hard line breaks, continued at `indent` spaces so
/// they stay inside a list item; blank lines are dropped (they would end
/// the item).
pub fn inline(text: &str, indent: usize, digits: Digits) -> String {
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
        escape_line(&digits.apply(line), &mut out);
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

/// What every part of the writer needs: the report's words and digits.
struct Md<'a, W: Write> {
    w: &'a mut W,
    r: &'static ReportStrings,
    lang: Lang,
    d: Digits,
}

/// Writes `report` as Markdown to `w`, its photos linked through `photos`.
pub fn write_markdown<W: Write>(
    w: &mut W,
    report: &Report<'_>,
    photos: &Photos<'_>,
) -> io::Result<()> {
    let mut md = Md {
        w,
        r: report_strings(report.lang),
        lang: report.lang,
        d: report.digits,
    };
    let title = md.text(report.title, 0);
    writeln!(md.w, "# {title}\n")?;
    let narrative = md.text(&report.narrative, 0);
    writeln!(md.w, "{narrative}\n")?;
    for (number, section) in report.numbers().iter().zip(&report.sections) {
        let marks = if section.level <= 1 { "##" } else { "###" };
        writeln!(md.w, "{marks} {number} {}\n", md.text(section.heading, 0))?;
        md.body(&section.body)?;
    }
    md.signature(report)?;
    md.photos(report, photos)?;
    md.w.flush()
}

/// `path` as a link's destination: whatever Markdown or a URL would read
/// as something else (spaces, parentheses, brackets, `%`, `#`, `?`,
/// controls) percent-encoded; Thai and other letters kept as they are.
pub fn destination(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        let special = c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '"' | '%'
                    | '('
                    | ')'
                    | '<'
                    | '>'
                    | '['
                    | ']'
                    | '\\'
                    | '`'
                    | '#'
                    | '?'
                    | '^'
                    | '{'
                    | '}'
                    | '|'
            );
        if special {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

impl<W: Write> Md<'_, W> {
    /// Text from the file, or made from it: escaped, in the report's digits.
    fn text(&self, text: &str, indent: usize) -> String {
        inline(text, indent, self.d)
    }

    fn group(&self, g: Option<&str>) -> String {
        g.map_or_else(String::new, |g| {
            format!(" ({}: {})", self.r.group, self.text(g, 0))
        })
    }

    fn none(&mut self) -> io::Result<()> {
        writeln!(self.w, "- {}\n", self.r.none)
    }

    fn notes(&mut self, indent: usize, notes: &[Entry<'_>]) -> io::Result<()> {
        let pad = " ".repeat(indent);
        for n in notes {
            let line = format!("{}{}", self.text(n.text, indent + 2), self.group(n.group));
            writeln!(self.w, "{pad}- {line}")?;
        }
        Ok(())
    }

    /// A numbered list item; the marker stays ASCII (CommonMark's lists
    /// need it), the rest is text.
    fn numbered(&mut self, n: usize, text: &str) -> io::Result<()> {
        writeln!(self.w, "{n}. {text}")
    }

    fn body(&mut self, body: &Body<'_>) -> io::Result<()> {
        let (r, t) = (self.r, strings(self.lang));
        match body {
            Body::Parts => return Ok(()),
            Body::Fields(fields) => {
                for f in fields {
                    let value = self.text(&f.value, 2);
                    writeln!(self.w, "- **{}:** {value}", f.label)?;
                }
            }
            Body::Text(text) => {
                let text = self.text(text, 0);
                writeln!(self.w, "{text}")?;
            }
            Body::Participants(p) => {
                if let Some(total) = &p.total {
                    let total = self.text(total, 2);
                    writeln!(self.w, "- **{}:** {total}", t.total)?;
                }
                for (label, count) in &p.groups {
                    let line = match count {
                        Some(c) => format!("{}: {}", self.text(label, 2), self.text(c, 2)),
                        None => self.text(label, 2),
                    };
                    writeln!(self.w, "- {line}")?;
                }
            }
            Body::Stages(stages) => {
                if stages.is_empty() {
                    return self.none();
                }
                for (i, st) in stages.iter().enumerate() {
                    let text = self.text(st.text, 3);
                    self.numbered(i + 1, &text)?;
                    self.notes(3, &st.notes)?;
                }
            }
            Body::Guidance(g) => {
                if g.points.is_empty() {
                    return self.none();
                }
                let lead = self.text(&g.lead, 0);
                writeln!(self.w, "{lead}\n")?;
                for (i, p) in g.points.iter().enumerate() {
                    let mut text = self.text(p.text, 3);
                    if let Some(d) = &p.discussed {
                        text.push_str(&format!("\\\n   {}", self.text(d, 3)));
                    }
                    self.numbered(i + 1, &text)?;
                    self.notes(3, &p.notes)?;
                }
            }
            Body::Swot(quadrants) => {
                for q in quadrants {
                    let count = self.d.num(q.items.len());
                    writeln!(self.w, "#### {} ({count})\n", q.name)?;
                    if q.items.is_empty() {
                        self.none()?;
                        continue;
                    }
                    for item in &q.items {
                        let line = format!(
                            "{} {} — {}{}",
                            self.text(&item.number, 2),
                            self.text(item.text, 2),
                            self.text(&item.votes_text, 2),
                            self.group(item.group)
                        );
                        writeln!(self.w, "- {line}")?;
                    }
                    writeln!(self.w)?;
                }
                return Ok(());
            }
            Body::Strategies(pairs) => {
                for p in pairs {
                    writeln!(self.w, "#### {}\n", p.name)?;
                    if p.strategies.is_empty() {
                        self.none()?;
                        continue;
                    }
                    for (i, st) in p.strategies.iter().enumerate() {
                        let links = if st.links.is_empty() {
                            String::new()
                        } else {
                            let list = and_list(&st.links, self.lang);
                            format!(" ({}: {})", r.links, self.text(&list, 4))
                        };
                        let text =
                            format!("{}{links}{}", self.text(st.text, 4), self.group(st.group));
                        self.numbered(i + 1, &text)?;
                    }
                    writeln!(self.w)?;
                }
                return Ok(());
            }
            Body::Problems(problems) => {
                if problems.is_empty() {
                    return self.none();
                }
                for (i, p) in problems.iter().enumerate() {
                    let text = format!(
                        "{} ({} · {}){}",
                        self.text(p.item.text, 3),
                        self.text(&p.label, 3),
                        self.text(&p.item.votes_text, 3),
                        self.group(p.item.group)
                    );
                    self.numbered(i + 1, &text)?;
                    for remedy in &p.remedies {
                        writeln!(self.w, "   - {}: {}", r.remedies, self.text(remedy, 5))?;
                    }
                }
            }
            Body::Notes(list) => {
                if list.is_empty() {
                    return self.none();
                }
                for (i, n) in list.iter().enumerate() {
                    let text = format!("{}{}", self.text(n.text, 3), self.group(n.group));
                    self.numbered(i + 1, &text)?;
                }
            }
            Body::Actions(actions) => {
                if actions.is_empty() {
                    return self.none();
                }
                for a in actions {
                    let line = format!(
                        "{}{} — {}: {} · {}: {} · {}",
                        self.text(a.text, 2),
                        self.group(a.group),
                        t.owner,
                        self.text(a.owner.unwrap_or(r.no_owner), 2),
                        t.due,
                        self.text(a.due.as_deref().unwrap_or(r.no_due), 2),
                        done_or_open(a.done, r)
                    );
                    writeln!(self.w, "- {line}")?;
                }
            }
            Body::FollowUps(list) => {
                for f in list {
                    let line = format!(
                        "{} — {}: **{}** · {}: {} · {}: {} · {}: {}",
                        self.text(f.text, 2),
                        r.status,
                        r.follow_up_status(f.status),
                        t.owner,
                        self.text(f.owner.unwrap_or(r.no_owner), 2),
                        t.due,
                        self.text(f.due.as_deref().unwrap_or(r.no_due), 2),
                        r.from,
                        self.text(f.from_title, 2)
                    );
                    writeln!(self.w, "- {line}")?;
                }
            }
            Body::Closing(groups) => {
                for g in groups {
                    writeln!(self.w, "#### {}\n", g.heading)?;
                    if g.notes.is_empty() {
                        self.none()?;
                    } else {
                        self.notes(0, &g.notes)?;
                        writeln!(self.w)?;
                    }
                }
                return Ok(());
            }
        }
        writeln!(self.w)
    }

    /// The block left for signing, as a Thai office files a report: the
    /// name in parentheses, the position, the date.
    fn signature(&mut self, report: &Report<'_>) -> io::Result<()> {
        writeln!(self.w, "---\n")?;
        let lines = report.signature.lines(self.lang, 40);
        let last = lines.len() - 1;
        for (i, line) in lines.iter().enumerate() {
            let line = self.text(line, 0);
            let end = if i < last { "\\" } else { "\n" };
            writeln!(self.w, "{line}{end}")?;
        }
        Ok(())
    }

    /// The photos of the day, last: each image linked from where the report
    /// is, its caption (and group) under it on the next line.
    fn photos(&mut self, report: &Report<'_>, photos: &Photos<'_>) -> io::Result<()> {
        if report.photos.is_empty() {
            return Ok(());
        }
        writeln!(self.w, "## {}\n", self.r.photos)?;
        for p in &report.photos {
            let alt = self.text(&p.caption.replace(['\n', '\r'], " "), 0);
            let link = destination(&photos.path(p.file));
            let caption = format!("{}{}", self.text(p.caption, 0), self.group(p.group));
            let caption = caption.trim_start();
            if caption.is_empty() {
                writeln!(self.w, "![{alt}]({link})\n")?;
            } else {
                writeln!(self.w, "![{alt}]({link})\\\n{caption}\n")?;
            }
        }
        Ok(())
    }
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
            assert_eq!(inline(text, 2, Digits::Arabic), want, "{text:?}");
        }
    }
}
