//! The report as plain text for a terminal or a pipe: `wethi show FILE`.
//!
//! Lines are written as they are laid out, so a session of thousands of items
//! never becomes one string. Text from the file is sanitised line by line
//! and wrapped by the Thai-aware text layer; columns are padded by display
//! width, so Thai (whose marks take no column) lines up with English.

use std::io::{self, Write};

use crate::i18n::photos::photos_strings;
use crate::i18n::report::{ReportStrings, report_strings};
use crate::i18n::strings;
use crate::text::sanitize::for_display;
use crate::text::width::str_width;
use crate::text::wrap::wrap_once as wrap;

use super::report::{
    ActionEntry, Body, Entry, Field, FollowUpEntry, GuidanceEntry, NoteGroup, PairEntry,
    Participants, PhotoEntry, QuadrantEntry, Report, StageEntry, done_or_open,
};

/// How `show` lays text out.
#[derive(Debug, Clone, Copy)]
pub struct TextStyle {
    /// Columns a line may take (at least 20 are used).
    pub width: usize,
    /// Bold headings with ANSI codes (only on a terminal, never with NO_COLOR).
    pub bold: bool,
}

/// The fewest columns text is wrapped into beside a marker or a count.
const MIN_TEXT: usize = 10;

struct Out<'w, W: Write> {
    w: &'w mut W,
    width: usize,
    bold: bool,
    lang: crate::text::Lang,
}

/// Writes `report` as text to `w`.
pub fn write_text<W: Write>(w: &mut W, report: &Report<'_>, style: TextStyle) -> io::Result<()> {
    let mut out = Out {
        w,
        width: style.width.max(20),
        bold: style.bold,
        lang: report.lang,
    };
    let r = report_strings(report.lang);
    out.heading(report.title, '=')?;
    for section in &report.sections {
        // The problems repeat the weaknesses and threats: `show` is the
        // session as text (and what `git diff` reads), so each item once.
        if matches!(section.body, Body::Problems(_)) {
            continue;
        }
        writeln!(out.w)?;
        match &section.body {
            Body::Participants(p) => out.participants(section.heading, p)?,
            body => {
                out.heading(section.heading, if section.level <= 1 { '-' } else { '·' })?;
                out.body(body, r, report.lang)?;
            }
        }
    }
    if !report.photos.is_empty() {
        writeln!(out.w)?;
        out.heading(strings(report.lang).photos, '-')?;
        out.photos(&report.photos, r, report.lang)?;
    }
    out.w.flush()
}

/// `text`'s lines, each made safe for a terminal.
fn safe_lines(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split('\n')
        .map(|l| for_display(l.trim_end_matches('\r')).into_owned())
}

fn group_suffix(group: Option<&str>, r: &ReportStrings) -> String {
    group.map_or_else(String::new, |g| format!(" ({}: {})", r.group, g))
}

impl<W: Write> Out<'_, W> {
    /// A heading, wrapped like any text, underlined with `rule`.
    fn heading(&mut self, text: &str, rule: char) -> io::Result<()> {
        let text: Vec<String> = safe_lines(text).collect();
        let text = text.join(" ");
        let mut widest = 1;
        for range in wrap(&text, self.width) {
            let line = &text[range];
            widest = widest.max(str_width(line));
            if self.bold {
                writeln!(self.w, "\x1b[1m{line}\x1b[0m")?;
            } else {
                writeln!(self.w, "{line}")?;
            }
        }
        let line: String = std::iter::repeat_n(rule, widest.min(self.width)).collect();
        writeln!(self.w, "{line}")
    }

    /// `marker text` at `indent`, wrapped with a hanging indent; `right`
    /// (a count, a time) is right-aligned on the first line. On a line too
    /// narrow for them, the marker and `right` get lines of their own.
    fn item(&mut self, indent: usize, marker: &str, text: &str, right: &str) -> io::Result<()> {
        let marker_w = if marker.is_empty() {
            0
        } else {
            str_width(marker) + 1
        };
        let (marker, lead) = if indent + marker_w + MIN_TEXT <= self.width {
            (marker, indent + marker_w)
        } else {
            self.item(indent, "", marker, "")?;
            ("", indent + 2)
        };
        let right_w = str_width(right) + 2;
        let column = !right.is_empty() && lead + right_w + MIN_TEXT <= self.width;
        let avail = self.width - lead - if column { right_w } else { 0 };
        let mut first = true;
        for para in safe_lines(text) {
            for range in wrap(&para, avail) {
                let line = &para[range];
                if !first {
                    writeln!(self.w, "{}{line}", " ".repeat(lead))?;
                    continue;
                }
                first = false;
                write!(self.w, "{}", " ".repeat(indent))?;
                if !marker.is_empty() {
                    write!(self.w, "{marker} ")?;
                }
                if column {
                    let pad = avail.saturating_sub(str_width(line)) + 2;
                    writeln!(self.w, "{line}{}{right}", " ".repeat(pad))?;
                } else {
                    writeln!(self.w, "{line}")?;
                }
            }
        }
        if !right.is_empty() && !column {
            self.item(lead, "", right, "")?;
        }
        Ok(())
    }

    fn none(&mut self, indent: usize, r: &ReportStrings) -> io::Result<()> {
        writeln!(self.w, "{}({})", " ".repeat(indent), r.none)
    }

    fn body(
        &mut self,
        body: &Body<'_>,
        r: &ReportStrings,
        lang: crate::text::Lang,
    ) -> io::Result<()> {
        match body {
            Body::Parts => Ok(()),
            Body::Fields(fields) => self.fields(fields),
            Body::Text(text) => self.item(2, "", text, ""),
            Body::Participants(p) => self.participants("", p),
            Body::Stages(stages) => self.stages(stages, r),
            Body::Guidance(g) => self.guidance(&g.points, r),
            Body::Problems(_) => Ok(()),
            Body::Swot(quadrants) => self.swot(quadrants, r),
            Body::Strategies(pairs) => self.strategies(pairs, r),
            Body::Notes(notes) => self.numbered(2, notes, r),
            Body::Actions(actions) => self.actions(actions, r, lang),
            Body::FollowUps(followups) => self.followups(followups, r, lang),
            Body::Closing(groups) => self.closing(groups, r),
        }
    }

    /// "1. caption (group: …)", the image's file on the right.
    fn photos(
        &mut self,
        photos: &[PhotoEntry<'_>],
        r: &ReportStrings,
        lang: crate::text::Lang,
    ) -> io::Result<()> {
        let digits = photos.len().to_string().len();
        for (i, p) in photos.iter().enumerate() {
            let marker = format!("{:>digits$}.", i + 1);
            let caption = match p.caption {
                "" => photos_strings(lang).no_caption,
                c => c,
            };
            let text = format!("{caption}{}", group_suffix(p.group, r));
            self.item(2, &marker, &text, &for_display(p.file))?;
        }
        Ok(())
    }

    fn fields(&mut self, fields: &[Field]) -> io::Result<()> {
        let col = fields
            .iter()
            .map(|f| str_width(f.label) + 2)
            .max()
            .unwrap_or(0);
        for f in fields {
            let label = format!("{}:", f.label);
            let pad = col.saturating_sub(str_width(&label)).max(1);
            let marker = format!("{label}{}", " ".repeat(pad - 1));
            self.item(2, &marker, &f.value, "")?;
        }
        Ok(())
    }

    /// The total goes on the heading line: "Participants: 55 people".
    fn participants(&mut self, heading: &str, p: &Participants<'_>) -> io::Result<()> {
        let heading = match &p.total {
            Some(total) if !heading.is_empty() => format!("{heading}: {total}"),
            _ => heading.to_owned(),
        };
        if !heading.is_empty() {
            self.heading(&heading, '-')?;
        }
        for (label, count) in &p.groups {
            let text = match count {
                Some(c) => format!("{label}: {c}"),
                None => (*label).to_owned(),
            };
            self.item(2, "-", &text, "")?;
        }
        Ok(())
    }

    fn notes(&mut self, indent: usize, notes: &[Entry<'_>], r: &ReportStrings) -> io::Result<()> {
        for n in notes {
            let text = format!("{}{}", n.text, group_suffix(n.group, r));
            self.item(indent, "-", &text, "")?;
        }
        Ok(())
    }

    fn numbered(
        &mut self,
        indent: usize,
        notes: &[Entry<'_>],
        r: &ReportStrings,
    ) -> io::Result<()> {
        if notes.is_empty() {
            return self.none(indent, r);
        }
        let digits = notes.len().to_string().len();
        for (i, n) in notes.iter().enumerate() {
            let marker = format!("{:>digits$}.", i + 1);
            let text = format!("{}{}", n.text, group_suffix(n.group, r));
            self.item(indent, &marker, &text, "")?;
        }
        Ok(())
    }

    fn stages(&mut self, stages: &[StageEntry<'_>], r: &ReportStrings) -> io::Result<()> {
        if stages.is_empty() {
            return self.none(2, r);
        }
        for st in stages {
            let mark = if st.done { "[x]" } else { "[ ]" };
            let marker = format!("{mark} {}", for_display(st.id));
            self.item(2, &marker, st.title, &st.time)?;
            self.notes(6, &st.notes, r)?;
        }
        Ok(())
    }

    fn guidance(&mut self, points: &[GuidanceEntry<'_>], r: &ReportStrings) -> io::Result<()> {
        if points.is_empty() {
            return self.none(2, r);
        }
        for g in points {
            self.item(2, &for_display(g.id), g.title, "")?;
            for (label, discussed) in &g.items {
                self.item(6, if *discussed { "[x]" } else { "[ ]" }, label, "")?;
            }
            self.notes(6, &g.notes, r)?;
        }
        Ok(())
    }

    fn swot(&mut self, quadrants: &[QuadrantEntry<'_>], r: &ReportStrings) -> io::Result<()> {
        for q in quadrants {
            self.item(2, "", &format!("{}: {}", q.name, q.items.len()), "")?;
            let col = q
                .items
                .iter()
                .map(|i| str_width(&i.number))
                .max()
                .unwrap_or(0);
            for item in &q.items {
                let marker = format!("{:<col$}", item.number);
                let text = format!("{}{}", item.text, group_suffix(item.group, r));
                self.item(4, &marker, &text, &item.votes_text)?;
            }
        }
        Ok(())
    }

    fn strategies(&mut self, pairs: &[PairEntry<'_>], r: &ReportStrings) -> io::Result<()> {
        for p in pairs {
            self.item(2, "", &format!("{}: {}", p.name, p.strategies.len()), "")?;
            for (i, st) in p.strategies.iter().enumerate() {
                let mut text = st.text.to_owned();
                if !st.links.is_empty() {
                    let links = super::report::and_list(&st.links, self.lang);
                    text.push_str(&format!(" ({}: {links})", r.links));
                }
                text.push_str(&group_suffix(st.group, r));
                self.item(4, &format!("{}.", i + 1), &text, "")?;
            }
        }
        Ok(())
    }

    fn actions(
        &mut self,
        actions: &[ActionEntry<'_>],
        r: &ReportStrings,
        lang: crate::text::Lang,
    ) -> io::Result<()> {
        if actions.is_empty() {
            return self.none(2, r);
        }
        let t = strings(lang);
        for a in actions {
            let text = format!("{}{}", a.text, group_suffix(a.group, r));
            self.item(2, if a.done { "[x]" } else { "[ ]" }, &text, "")?;
            let line = format!(
                "{}: {} · {}: {} · {}",
                t.owner,
                a.owner.unwrap_or(r.no_owner),
                t.due,
                a.due.as_deref().unwrap_or(r.no_due),
                done_or_open(a.done, r)
            );
            self.item(6, "", &line, "")?;
        }
        Ok(())
    }

    fn followups(
        &mut self,
        followups: &[FollowUpEntry<'_>],
        r: &ReportStrings,
        lang: crate::text::Lang,
    ) -> io::Result<()> {
        let t = strings(lang);
        for f in followups {
            self.item(2, "-", f.text, "")?;
            let line = format!(
                "{}: {} · {}: {} · {}: {} · {}: {}",
                r.status,
                r.follow_up_status(f.status),
                t.owner,
                f.owner.unwrap_or(r.no_owner),
                t.due,
                f.due.as_deref().unwrap_or(r.no_due),
                r.from,
                f.from_title
            );
            self.item(4, "", &line, "")?;
        }
        Ok(())
    }

    fn closing(&mut self, groups: &[NoteGroup<'_>], r: &ReportStrings) -> io::Result<()> {
        for g in groups {
            self.item(2, "", g.heading, "")?;
            if g.notes.is_empty() {
                self.none(4, r)?;
            }
            self.notes(4, &g.notes, r)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::report::build;
    use crate::session::Session;
    use crate::text::Lang;

    fn example() -> Session {
        crate::session::template::example().expect("the example parses")
    }

    fn render(s: &Session, lang: Lang, width: usize) -> String {
        let mut out = Vec::new();
        let style = TextStyle { width, bold: false };
        write_text(&mut out, &build(s, lang), style).expect("writes to a Vec");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn no_line_is_wider_than_asked() {
        let s = example();
        for width in [40, 60, 100] {
            for lang in [Lang::Th, Lang::En] {
                let out = render(&s, lang, width);
                for line in out.lines().skip(2) {
                    assert!(str_width(line) <= width, "{width}: {line:?}");
                }
            }
        }
    }

    #[test]
    fn votes_line_up_in_one_column_thai_or_not() {
        let out = render(&example(), Lang::Th, 90);
        let ends: Vec<usize> = out
            .lines()
            .filter(|l| l.ends_with("คะแนน"))
            .map(str_width)
            .collect();
        assert_eq!(ends.len(), 12, "the SWOT's items, each once: {out}");
        assert!(ends.iter().all(|w| *w == 90), "{ends:?}");
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let mut s = example();
        s.swot.strengths[0].text = "evil\u{1b}[2J\nsecond line".into();
        s.actions[0].owner = "\u{9b}31m".into();
        let out = render(&s, Lang::En, 100);
        assert!(!out.contains(['\u{1b}', '\u{9b}']), "{out}");
        assert!(out.contains("evil␛[2J"), "{out}");
        assert!(out.contains("\n       second line"), "{out}");
    }

    #[test]
    fn bold_headings_only_when_asked() {
        let s = example();
        let mut out = Vec::new();
        let style = TextStyle {
            width: 80,
            bold: true,
        };
        write_text(&mut out, &build(&s, Lang::En), style).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("\x1b[1mProject\x1b[0m"), "{out}");
        assert!(!render(&s, Lang::En, 80).contains('\x1b'));
    }
}
