//! `wethi diff OLD NEW`: what appeared, disappeared or changed between two
//! sessions, section by section, one line per change.
//!
//! Entries are matched by id, then by normalised text (see `matching`), so
//! an item retyped with `ํา` for `ำ` is the same item. Every piece of text
//! from the files is sanitised as the lines are built.

use chrono::NaiveDate;

use crate::i18n::compare::{CompareStrings, compare_strings};
use crate::i18n::{Strings, strings};
use crate::session::{Note, Session};
use crate::text::Lang;
use crate::text::date::format_date;
use crate::text::sanitize::for_display;

use super::matching::{Pairing, pair_up, text_key};

mod agenda;
mod entries;

use agenda::{details, guidance, stages};
use entries::{actions, followups, photos, strategies, swot};
pub use entries::{flat_strategies, flat_swot};

/// What kind of change a line reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Added,
    Removed,
    Changed,
}

impl Mark {
    fn symbol(self) -> char {
        match self {
            Mark::Added => '+',
            Mark::Removed => '-',
            Mark::Changed => '~',
        }
    }

    /// Green, red, yellow.
    fn colour(self) -> &'static str {
        match self {
            Mark::Added => "\x1b[32m",
            Mark::Removed => "\x1b[31m",
            Mark::Changed => "\x1b[33m",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub mark: Mark,
    /// Already sanitised and in the UI language.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub changes: Vec<Change>,
}

/// The differences, grouped by section; sections without changes are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    pub sections: Vec<Section>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }
}

/// Collects the changes of one section.
struct Out {
    t: &'static Strings,
    c: &'static CompareStrings,
    lang: Lang,
    changes: Vec<Change>,
}

impl Out {
    fn new(lang: Lang) -> Self {
        Out {
            t: strings(lang),
            c: compare_strings(lang),
            lang,
            changes: Vec::new(),
        }
    }

    fn push(&mut self, mark: Mark, text: String) {
        self.changes.push(Change { mark, text });
    }

    /// A `+` line for each entry of `new` that `p` left unpaired, then a
    /// `-` line for each such entry of `old`, each entry described by `line`.
    fn added_and_removed<T>(
        &mut self,
        p: &Pairing,
        old: &[T],
        new: &[T],
        line: impl Fn(&Self, &T) -> String,
    ) {
        for &j in &p.added {
            let text = line(self, &new[j]);
            self.push(Mark::Added, text);
        }
        for &i in &p.removed {
            let text = line(self, &old[i]);
            self.push(Mark::Removed, text);
        }
    }

    /// `~ label: old → new` when the values differ.
    fn field(&mut self, label: &str, old: &str, new: &str) {
        if old != new {
            let line = format!("{label}: {} → {}", self.value(old), self.value(new));
            self.push(Mark::Changed, line);
        }
    }

    fn value(&self, s: &str) -> String {
        if s.trim().is_empty() {
            self.c.empty_value.to_owned()
        } else {
            show(s)
        }
    }

    fn date(&self, d: Option<NaiveDate>) -> String {
        d.map(|d| format_date(d, self.lang)).unwrap_or_default()
    }

    fn done(&self, done: bool) -> &'static str {
        if done { self.c.done } else { self.c.not_done }
    }

    fn into_section(self, heading: &str, diff: &mut Diff) {
        if !self.changes.is_empty() {
            diff.sections.push(Section {
                heading: heading.to_owned(),
                changes: self.changes,
            });
        }
    }
}

/// Text from a file, safe for a terminal and on one line.
fn show(s: &str) -> String {
    for_display(s.trim()).into_owned()
}

pub fn diff(old: &Session, new: &Session, lang: Lang) -> Diff {
    let t = strings(lang);
    let mut diff = Diff::default();

    let mut out = Out::new(lang);
    details(&mut out, old, new);
    out.into_section(t.details_title, &mut diff);

    let mut out = Out::new(lang);
    stages(&mut out, old, new);
    out.into_section(t.stages, &mut diff);

    let mut out = Out::new(lang);
    guidance(&mut out, old, new);
    out.into_section(t.guidance, &mut diff);

    let mut out = Out::new(lang);
    let swot_pairing = swot(&mut out, old, new);
    out.into_section(t.swot, &mut diff);

    let mut out = Out::new(lang);
    strategies(&mut out, old, new, &swot_pairing);
    out.into_section(t.strategies, &mut diff);

    let mut out = Out::new(lang);
    notes(
        &mut out,
        t.recommendations,
        &old.recommendations,
        &new.recommendations,
    );
    out.into_section(t.recommendations, &mut diff);

    let mut out = Out::new(lang);
    actions(&mut out, &old.actions, &new.actions);
    out.into_section(t.actions, &mut diff);

    let mut out = Out::new(lang);
    followups(&mut out, &old.followups, &new.followups);
    out.into_section(compare_strings(lang).followups, &mut diff);

    let mut out = Out::new(lang);
    let (o, n) = (&old.notes, &new.notes);
    notes(&mut out, t.role_review, &o.role_review, &n.role_review);
    notes(
        &mut out,
        t.experience_exchange,
        &o.experience_exchange,
        &n.experience_exchange,
    );
    out.into_section(t.closing_notes, &mut diff);

    let mut out = Out::new(lang);
    photos(&mut out, &old.photos, &new.photos);
    out.into_section(t.photos, &mut diff);
    diff
}

/// Pairs entries by id, then by the normalised form of `text`.
fn by_id_then_text<T>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &str,
    text: impl Fn(&T) -> String,
) -> Pairing {
    let id = |x: &T| id(x).to_owned();
    let text = |x: &T| text_key(&text(x));
    pair_up(old, new, &[&id, &text])
}

/// Notes under `context`: added, removed, or with changed text.
fn notes(out: &mut Out, context: &str, old: &[Note], new: &[Note]) {
    let p = by_id_then_text(old, new, |n| &n.id, |n| n.text.clone());
    for &(i, j) in &p.pairs {
        if text_key(&old[i].text) != text_key(&new[j].text) {
            let line = format!(
                "{context}: {} ({} {})",
                out.value(&new[j].text),
                out.c.text_was,
                out.value(&old[i].text)
            );
            out.push(Mark::Changed, line);
        }
    }
    out.added_and_removed(&p, old, new, |out, n| {
        format!("{context}: {}", out.value(&n.text))
    });
}

/// The diff as text: a heading per section and one indented line per
/// change marked `+`, `-` or `~`; with `colour`, headings bold and lines
/// green, red or yellow.
pub fn render(diff: &Diff, lang: Lang, colour: bool) -> String {
    if diff.is_empty() {
        return format!("{}\n", compare_strings(lang).no_changes);
    }
    let mut text = String::new();
    for (n, section) in diff.sections.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        if colour {
            text.push_str(&format!("\x1b[1m{}\x1b[0m\n", section.heading));
        } else {
            text.push_str(&format!("{}\n", section.heading));
        }
        for change in &section.changes {
            let line = format!("  {} {}", change.mark.symbol(), change.text);
            if colour {
                text.push_str(&format!("{}{line}\x1b[0m\n", change.mark.colour()));
            } else {
                text.push_str(&line);
                text.push('\n');
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::template::{builtin, instantiate};
    use crate::session::{Action, FollowUp, FollowUpStatus, Strategy, SwotItem};

    fn ts(s: &str) -> crate::session::Timestamp {
        chrono::DateTime::parse_from_rfc3339(s).expect("timestamp")
    }

    fn item(id: &str, text: &str, votes: u32) -> SwotItem {
        SwotItem {
            votes,
            ..SwotItem::new(id, text, ts("2021-01-13T09:00:00+07:00"))
        }
    }

    fn session() -> Session {
        let base = builtin().expect("built-in template");
        instantiate(base, "เวที", ts("2021-01-13T08:00:00+07:00"), Lang::En)
    }

    fn lines(old: &Session, new: &Session) -> Vec<String> {
        diff(old, new, Lang::En)
            .sections
            .iter()
            .flat_map(|s| {
                s.changes
                    .iter()
                    .map(move |c| format!("{} {}: {}", c.mark.symbol(), s.heading, c.text))
            })
            .collect()
    }

    #[test]
    fn the_same_session_has_no_changes() {
        let mut s = session();
        s.swot.strengths.push(item("a", "ดี", 2));
        assert!(diff(&s, &s, Lang::En).is_empty());
        assert_eq!(
            render(&diff(&s, &s, Lang::Th), Lang::Th, false),
            "ไม่มีความเปลี่ยนแปลง\n"
        );
    }

    #[test]
    fn a_retyped_sara_am_under_a_new_id_is_the_same_item() {
        let mut old = session();
        old.swot
            .strengths
            .push(item("a", "ท\u{0E4D}\u{0E32}งาน", 1));
        let mut new = session();
        new.swot.strengths.push(item("b", "ท\u{0E33}งาน", 1));
        assert!(lines(&old, &new).is_empty());
    }

    #[test]
    fn moves_text_changes_and_votes_are_one_line_per_item() {
        let mut old = session();
        old.swot.strengths.push(item("a", "Roads", 1));
        old.swot.weaknesses.push(item("b", "Few funds", 0));
        old.swot.threats.push(item("c", "Floods", 0));
        let mut new = session();
        new.swot.opportunities.push(item("a", "Good roads", 3));
        new.swot.weaknesses.push(item("x", "few  FUNDS", 0));
        new.swot.threats.push(item("d", "Drought", 2));
        assert_eq!(
            lines(&old, &new),
            vec![
                "~ SWOT: Opportunities: Good roads (moved from Strengths; was Roads; votes 1 → 3)",
                "+ SWOT: Threats: Drought (votes 2)",
                "- SWOT: Threats: Floods",
            ]
        );
    }

    #[test]
    fn links_compare_through_the_items_they_point_at() {
        let strategy = |links: &[&str]| Strategy {
            id: "tw".into(),
            text: "Plan".into(),
            links: links.iter().map(|l| (*l).to_owned()).collect(),
            group: None,
            extra: Default::default(),
        };
        let mut old = session();
        old.swot.strengths.push(item("s1", "Roads", 0));
        old.swot.opportunities.push(item("o1", "Funds", 0));
        old.strategies.so.push(strategy(&["s1", "o1"]));
        // The same items under new ids: the links have not changed.
        let mut new = session();
        new.swot.strengths.push(item("S", "Roads", 0));
        new.swot.opportunities.push(item("O", "Funds", 0));
        new.strategies.so.push(strategy(&["S", "O"]));
        assert!(lines(&old, &new).is_empty());
        new.strategies.so[0].links.pop();
        assert_eq!(
            lines(&old, &new),
            vec!["~ Strategies: SO Aggressive: Plan (links S1, O1 → S1)"]
        );
    }

    #[test]
    fn actions_details_notes_and_stages() {
        let old = session();
        let mut new = session();
        new.meta.venue = "Hall \u{1b}[31m".into();
        new.meta.participants.groups = vec![crate::session::ParticipantGroup {
            label: "Youth".into(),
            count: Some(4),
            extra: Default::default(),
        }];
        new.stages[0].done = true;
        new.actions.push(Action {
            id: "a".into(),
            text: "Call".into(),
            owner: "Nok".into(),
            due: None,
            done: false,
            group: None,
            extra: Default::default(),
        });
        let mut old2 = old.clone();
        old2.actions = new.actions.clone();
        old2.actions[0].owner = "Dao".into();
        let got = lines(&old, &new);
        assert!(got[0].starts_with("~ Session details: Venue: "), "{got:?}");
        assert!(got[0].contains("Hall ␛[31m"), "sanitised: {got:?}");
        assert!(got.iter().any(|l| l.contains(": open → done")), "{got:?}");
        assert!(
            got.iter()
                .any(|l| l.ends_with("Participant groups: (empty) → Youth 4")),
            "{got:?}"
        );
        assert!(got.contains(&"+ Action items: Call (Owner Nok; open)".to_owned()));
        let got = lines(&old2, &new);
        assert!(
            got.contains(&"~ Action items: Call (Owner Dao → Nok)".to_owned()),
            "{got:?}"
        );
    }

    #[test]
    fn follow_ups_report_what_became_of_each() {
        let f = FollowUp {
            id: "f1".into(),
            text: "Repair the weir".into(),
            owner: String::new(),
            due: None,
            status: FollowUpStatus::Open,
            from_session: "s0".into(),
            from_title: "Last year".into(),
            extra: Default::default(),
        };
        let mut old = session();
        old.followups.push(f.clone());
        let mut new = session();
        new.followups.push(FollowUp {
            status: FollowUpStatus::Carried,
            ..f
        });
        assert_eq!(
            lines(&old, &new),
            vec!["~ Follow-ups of the past session: Repair the weir (open → carried on)"]
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let old = session();
        let mut new = session();
        new.swot.strengths.push(item("a", "Roads", 0));
        let d = diff(&old, &new, Lang::En);
        assert_eq!(render(&d, Lang::En, false), "SWOT\n  + Strengths: Roads\n");
        let coloured = render(&d, Lang::En, true);
        assert!(coloured.contains("\x1b[32m  + Strengths: Roads\x1b[0m"));
    }
}
