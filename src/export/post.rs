//! The news post (ข่าวประชาสัมพันธ์): `wethi export --format post`, and `y` on
//! the summary. Plain UTF-8 text to paste into Facebook or LINE, in the
//! shape of the post an office publishes after the day (docs/REPORTS.md):
//! the headline, the tagline under 🌸, then a paragraph each under ⏰ (when
//! and where), 🎗 (who ran it), 📌 (why, who took part, the steps), 🔑 (the
//! guidance), 📍 (what the exchange produced) and 📸 (the credit line, and
//! under it the photos' files in report order, to attach to the post).
//! No Markdown or HTML marks: the text is pasted as it is.
//!
//! Every text from the file goes through [`Post::clean`]: controls made
//! visible, lines joined, numbers in the post's digits.

use std::io::{self, Write};

use crate::i18n::post::{PostStrings, post_strings};
use crate::i18n::{fill, strings};
use crate::session::{Quadrant, Session, TowsPair};
use crate::text::Lang;
use crate::text::date::{Digits, format_date, format_time};
use crate::text::sanitize::for_display;

use super::narrative;
use super::photos::Photos;
use super::report::{and_list, non_empty, trimmed};

/// The marks that open the post's paragraphs, as the seed press release
/// sets them: Thai text follows the mark at once, English after a space.
const TAGLINE: &str = "🌸";
const WHEN: &str = "⏰";
const WHO: &str = "🎗";
const WHAT: &str = "📌";
const GUIDANCE: &str = "🔑";
const EXCHANGE: &str = "📍";
const CREDIT: &str = "📸";

struct Post<'a> {
    s: &'a Session,
    lang: Lang,
    t: &'static PostStrings,
    digits: Digits,
}

/// The post of `s` in `lang`, its numbers in `digits`, its photos' files
/// named as `photos` sees them from where the post goes.
pub fn post(s: &Session, lang: Lang, digits: Digits, photos: &Photos<'_>) -> String {
    let p = Post {
        s,
        lang,
        t: post_strings(lang),
        digits,
    };
    let paragraphs = [
        Some(p.headline()),
        p.tagline(),
        p.when_where(),
        Some(p.mark(WHO, &(narrative::who_ran(s, lang) + p.t.end))),
        p.what(),
        p.guidance(),
        p.exchange(),
        p.credit(photos),
    ];
    let mut out = paragraphs
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n\n");
    out.push('\n');
    out
}

/// Writes the post of `s` in `lang` to `w`.
pub fn write_post<W: Write>(
    w: &mut W,
    s: &Session,
    lang: Lang,
    digits: Digits,
    photos: &Photos<'_>,
) -> io::Result<()> {
    w.write_all(post(s, lang, digits, photos).as_bytes())?;
    w.flush()
}

impl Post<'_> {
    /// Text from the file, or made from it, as the post prints it: on one
    /// line, nothing that could act on a terminal, numbers in the post's
    /// digits.
    fn clean(&self, text: &str) -> String {
        let one_line = text
            .split(['\n', '\r'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        self.digits.apply(&for_display(&one_line)).into_owned()
    }

    /// A paragraph opened by `mark`.
    fn mark(&self, mark: &str, text: &str) -> String {
        let gap = match self.lang {
            Lang::Th => "",
            Lang::En => " ",
        };
        format!("{mark}{gap}{}", self.clean(text))
    }

    fn headline(&self) -> String {
        let s = self.s;
        let headline = trimmed(&s.meta.headline)
            .or_else(|| trimmed(&s.title))
            .unwrap_or(strings(self.lang).untitled);
        self.clean(headline)
    }

    fn tagline(&self) -> Option<String> {
        let tagline = trimmed(&self.s.meta.tagline)?;
        Some(format!("{TAGLINE} {}", self.clean(tagline)))
    }

    /// ⏰ the date, the time of day and the place.
    fn when_where(&self) -> Option<String> {
        let (m, t) = (&self.s.meta, self.t);
        let mut parts = Vec::new();
        if let Some(d) = m.date {
            parts.push(fill(t.date, &[("date", &format_date(d, self.lang))]));
        }
        if let Some(time) = &m.time {
            let time = format_time(time.start, time.end, self.lang);
            parts.push(fill(t.time, &[("time", &time)]));
        }
        if let Some(place) = narrative::place(self.s, self.lang) {
            parts.push(fill(t.place, &[("place", &place)]));
        }
        (!parts.is_empty()).then(|| self.mark(WHEN, &parts.join(t.sep)))
    }

    /// `texts` numbered as the post numbers steps: "1) … 2) …".
    fn steps<'t>(&self, texts: impl Iterator<Item = &'t str>) -> Option<String> {
        let steps: Vec<String> = texts
            .filter_map(trimmed)
            .enumerate()
            .map(|(i, text)| format!("{}) {text}", i + 1))
            .collect();
        (!steps.is_empty()).then(|| steps.join(" "))
    }

    /// 📌 the objective, who took part and how many, the steps.
    fn what(&self) -> Option<String> {
        let (s, t, lang) = (self.s, self.t, self.lang);
        let mut parts = Vec::new();
        if let Some(o) = narrative::objective(s, lang) {
            parts.push(fill(t.objective, &[("objective", &o)]));
        }
        let groups = narrative::groups(s, lang);
        match (s.meta.participants.total, groups) {
            (Some(n), groups) => {
                let total = t.total[usize::from(!narrative::is_project(s))];
                let mut text = fill(total, &[("n", &n.to_string())]);
                if let Some(g) = groups {
                    text.push_str(&fill(t.made_up_of, &[("groups", &g)]));
                }
                text.push_str(t.end);
                parts.push(text);
            }
            (None, Some(g)) => parts.push(fill(t.groups_only, &[("groups", &g)]) + t.end),
            (None, None) => {}
        }
        let stages = s
            .stages
            .iter()
            .map(|st| non_empty(st.text.get(lang)).unwrap_or(st.title.get(lang)));
        if let Some(steps) = self.steps(stages) {
            parts.push(fill(t.steps, &[("steps", &steps)]));
        }
        (!parts.is_empty()).then(|| self.mark(WHAT, &parts.join(" ")))
    }

    /// 🔑 the guidance in full, credited to who gave it.
    fn guidance(&self) -> Option<String> {
        let (s, t, lang) = (self.s, self.t, self.lang);
        let points = s
            .guidance
            .iter()
            .map(|g| non_empty(g.text.get(lang)).unwrap_or(g.title.get(lang)));
        let points = self.steps(points)?;
        let giver = s
            .meta
            .presided_by
            .as_ref()
            .and_then(|p| Some((trimmed(&p.name)?, trimmed(&p.position))));
        let text = match giver {
            Some((name, position)) => fill(
                t.guidance_by,
                &[
                    ("name", name),
                    ("position", position.unwrap_or(name)),
                    ("points", &points),
                ],
            ),
            None => fill(t.guidance_given, &[("points", &points)]),
        };
        Some(self.mark(GUIDANCE, &text))
    }

    /// 📍 what the exchange produced, a clause each: the SWOT (how many
    /// points, the most voted of each quadrant), the strategies, the
    /// recommendations, the review of roles, the exchange of experience.
    fn exchange(&self) -> Option<String> {
        let (s, t) = (self.s, self.t);
        let j = &t.joiner;
        let mut clauses: Vec<(&str, String)> = Vec::new();
        let total = s.swot.total();
        if total > 0 {
            let mut clause = fill(t.swot, &[("n", &total.to_string())]);
            let top: Vec<String> = Quadrant::ALL
                .into_iter()
                .filter_map(|q| {
                    // The first of the most voted, when anything was voted for.
                    let items = s.swot.items(q);
                    let most = items.iter().map(|i| i.votes).max().filter(|v| *v > 0)?;
                    let item = items.iter().find(|i| i.votes == most)?;
                    let quadrant = t.quadrant[q.index()];
                    Some(fill(
                        t.top_item,
                        &[("quadrant", quadrant), ("text", item.text.trim())],
                    ))
                })
                .collect();
            if !top.is_empty() {
                clause.push_str(&fill(t.top, &[("items", &and_list(&top, self.lang))]));
            }
            clauses.push(("", clause));
        }
        let strategies: usize = TowsPair::ALL
            .into_iter()
            .map(|p| s.strategies.items(p).len())
            .sum();
        if strategies > 0 {
            let template = t.strategies[usize::from(strategies != 1)];
            clauses.push((
                j.strategies,
                fill(template, &[("n", &strategies.to_string())]),
            ));
        }
        if let Some(first) = s.recommendations.iter().find_map(|n| trimmed(&n.text)) {
            let n = s.recommendations.len();
            let template = t.recommendations[usize::from(n != 1)];
            let clause = fill(template, &[("n", &n.to_string()), ("first", first)]);
            clauses.push((j.recommendations, clause));
        }
        for (joiner, template, notes) in [
            (j.roles, t.roles, &s.notes.role_review),
            (j.experience, t.experience, &s.notes.experience_exchange),
        ] {
            if let Some(first) = notes.iter().find_map(|n| trimmed(&n.text)) {
                clauses.push((joiner, fill(template, &[("first", first)])));
            }
        }
        if clauses.is_empty() {
            return None;
        }
        let mut text = t.exchange.to_owned();
        for (i, (joiner, clause)) in clauses.iter().enumerate() {
            if i > 0 {
                text.push_str(joiner);
            }
            text.push_str(clause);
        }
        text.push_str(t.end);
        Some(self.mark(EXCHANGE, &text))
    }

    /// 📸 the credit line (or "ภาพกิจกรรม" when there is none) and under
    /// it a line per photo in report order: its number, its file from where
    /// the post goes (as it is: digits in a path are not the post's to
    /// change) and its caption, so the officer attaches them in that order.
    fn credit(&self, photos: &Photos<'_>) -> Option<String> {
        let credit = trimmed(&self.s.meta.credit);
        if credit.is_none() && self.s.photos.is_empty() {
            return None;
        }
        let mut out = format!("{CREDIT} {}", self.clean(credit.unwrap_or(self.t.photos)));
        for (i, photo) in self.s.photos.iter().enumerate() {
            let file = for_display(&photos.path(&photo.file)).replace(['\n', '\r'], " ");
            out.push_str(&format!("\n{}) {file}", self.digits.num(i + 1)));
            if let Some(caption) = trimmed(&photo.caption) {
                out.push_str(&format!(" ({})", self.clean(caption)));
            }
        }
        Some(out)
    }
}
