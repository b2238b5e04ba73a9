//! The report model: one pass over a session that yields its sections in the
//! order of a Thai activity report, every heading in the report's language.
//!
//! Every format (`show`, Markdown, HTML, Word) renders from this, so they
//! cannot drift apart. Entries borrow the session's text raw: each renderer
//! makes it safe for its own medium (terminal, Markdown, HTML, XML).

use std::collections::HashMap;

use crate::i18n::report::{ReportStrings, report_strings};
use crate::i18n::strings;
use crate::session::{FollowUpStatus, Note, Quadrant, Session, TowsPair};
use crate::text::Lang;
use crate::text::date::format_date;

use super::narrative;

pub struct Report<'a> {
    pub lang: Lang,
    pub title: &'a str,
    /// The opening paragraph in running prose (the reports have it; `show` does not).
    pub narrative: String,
    pub sections: Vec<Section<'a>>,
    /// The photos of the day (ภาพกิจกรรม), last, in the session's order;
    /// their images are the renderer's caller's to find.
    pub photos: Vec<PhotoEntry<'a>>,
}

/// A photo of the day as a report names it.
pub struct PhotoEntry<'a> {
    /// Empty when it has none.
    pub caption: &'a str,
    pub group: Option<&'a str>,
    /// The image's name in the session's photo folder.
    pub file: &'a str,
    pub width: u32,
    pub height: u32,
}

pub struct Section<'a> {
    pub heading: &'static str,
    pub body: Body<'a>,
}

pub enum Body<'a> {
    /// Label and value pairs (the details).
    Fields(Vec<Field>),
    /// One paragraph of text (the objective).
    Text(&'a str),
    Participants(Participants<'a>),
    Stages(Vec<StageEntry<'a>>),
    Guidance(Vec<GuidanceEntry<'a>>),
    /// Always the four quadrants, in board order.
    Swot(Vec<QuadrantEntry<'a>>),
    /// Always the four pairs, SO WO ST WT.
    Strategies(Vec<PairEntry<'a>>),
    /// A numbered list (the recommendations).
    Notes(Vec<Entry<'a>>),
    Actions(Vec<ActionEntry<'a>>),
    FollowUps(Vec<FollowUpEntry<'a>>),
    /// Sub-headed lists of notes (role review, experience exchange).
    Closing(Vec<NoteGroup<'a>>),
}

pub struct Field {
    pub label: &'static str,
    /// Text from the file or a date: renderers escape it like any other.
    pub value: String,
}

pub struct Participants<'a> {
    /// "55 คน" / "55 people".
    pub total: Option<String>,
    pub groups: Vec<(&'a str, Option<String>)>,
}

/// A note, a recommendation: text and the breakout group it came from.
pub struct Entry<'a> {
    pub text: &'a str,
    pub group: Option<&'a str>,
}

pub struct StageEntry<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub done: bool,
    /// "62 จาก 60 นาที" / "62 of 60 min".
    pub time: String,
    pub notes: Vec<Entry<'a>>,
}

pub struct GuidanceEntry<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// Sub-items and whether each was discussed.
    pub items: Vec<(&'a str, bool)>,
    pub notes: Vec<Entry<'a>>,
}

pub struct QuadrantEntry<'a> {
    pub quadrant: Quadrant,
    pub name: &'static str,
    pub items: Vec<SwotEntry<'a>>,
}

pub struct SwotEntry<'a> {
    /// The board number: S1, O2.
    pub number: String,
    pub text: &'a str,
    pub votes: u32,
    /// "7 votes", "1 vote", "7 คะแนน".
    pub votes_text: String,
    pub group: Option<&'a str>,
}

pub struct PairEntry<'a> {
    pub pair: TowsPair,
    pub name: &'static str,
    pub strategies: Vec<StrategyEntry<'a>>,
}

pub struct StrategyEntry<'a> {
    pub text: &'a str,
    /// Board numbers of the linked items that still exist.
    pub links: Vec<String>,
    pub group: Option<&'a str>,
}

pub struct ActionEntry<'a> {
    pub text: &'a str,
    pub owner: Option<&'a str>,
    /// The due date in the report's calendar.
    pub due: Option<String>,
    pub done: bool,
    pub group: Option<&'a str>,
}

pub struct FollowUpEntry<'a> {
    pub text: &'a str,
    pub owner: Option<&'a str>,
    pub due: Option<String>,
    pub status: FollowUpStatus,
    pub from_title: &'a str,
}

pub struct NoteGroup<'a> {
    pub heading: &'static str,
    pub notes: Vec<Entry<'a>>,
}

/// Whether a stage or an action is done, in the report's words.
pub fn done_or_open(done: bool, r: &ReportStrings) -> &'static str {
    if done { r.done } else { r.open }
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.trim().is_empty()).then_some(s)
}

fn entries(notes: &[Note]) -> Vec<Entry<'_>> {
    notes
        .iter()
        .map(|n| Entry {
            text: &n.text,
            group: n.group.as_deref().and_then(non_empty),
        })
        .collect()
}

fn field(label: &'static str, value: String) -> Field {
    Field { label, value }
}

/// The objective: the first stage's text in `lang`, or else the title.
pub fn objective(s: &Session, lang: Lang) -> &str {
    s.stages
        .first()
        .map(|st| st.text.get(lang))
        .and_then(non_empty)
        .unwrap_or(&s.title)
}

/// The report of `s` in `lang`.
pub fn build(s: &Session, lang: Lang) -> Report<'_> {
    let r = report_strings(lang);
    let title = non_empty(&s.title).unwrap_or(strings(lang).untitled);
    let section = |heading, body| Section { heading, body };
    let mut sections = vec![
        section(r.details, Body::Fields(details(s, lang))),
        section(r.objective, Body::Text(objective(s, lang))),
        section(r.participants, Body::Participants(participants(s, lang))),
        section(r.stages, Body::Stages(stages(s, lang, r))),
        section(r.guidance, Body::Guidance(guidance(s, lang))),
        section(r.swot, Body::Swot(swot(s, lang))),
        section(r.strategies, Body::Strategies(strategies(s, lang))),
    ];
    if !s.followups.is_empty() {
        sections.push(section(r.followups, Body::FollowUps(followups(s, lang))));
    }
    sections.extend([
        section(r.recommendations, Body::Notes(entries(&s.recommendations))),
        section(r.actions, Body::Actions(actions(s, lang))),
        section(r.closing, Body::Closing(closing(s, lang))),
    ]);
    Report {
        lang,
        title,
        narrative: narrative::paragraph(s, lang),
        sections,
        photos: s
            .photos
            .iter()
            .map(|p| PhotoEntry {
                caption: p.caption.trim(),
                group: p.group.as_deref().and_then(non_empty),
                file: &p.file,
                width: p.width,
                height: p.height,
            })
            .collect(),
    }
}

fn details(s: &Session, lang: Lang) -> Vec<Field> {
    let t = strings(lang);
    let m = &s.meta;
    let date = m
        .date
        .map_or_else(|| t.no_date.to_owned(), |d| format_date(d, lang));
    let mut out = vec![field(t.date, date)];
    let place: Vec<&str> = [&m.venue, &m.district, &m.province]
        .into_iter()
        .filter_map(|p| non_empty(p))
        .collect();
    if !place.is_empty() {
        out.push(field(t.venue, place.join(", ")));
    }
    for (label, value) in [(t.organiser, &m.organiser), (t.facilitator, &m.facilitator)] {
        if let Some(v) = non_empty(value) {
            out.push(field(label, v.to_owned()));
        }
    }
    out
}

fn people(n: u32, lang: Lang) -> String {
    format!("{n} {}", strings(lang).people)
}

fn participants(s: &Session, lang: Lang) -> Participants<'_> {
    let p = &s.meta.participants;
    Participants {
        total: p.total.map(|n| people(n, lang)),
        groups: p
            .groups
            .iter()
            .map(|g| (g.label.as_str(), g.count.map(|n| people(n, lang))))
            .collect(),
    }
}

fn stages<'a>(s: &'a Session, lang: Lang, r: &ReportStrings) -> Vec<StageEntry<'a>> {
    let minutes = strings(lang).minutes;
    s.stages
        .iter()
        .map(|st| StageEntry {
            id: &st.id,
            title: st.title.get(lang),
            done: st.done,
            time: format!(
                "{} {} {} {minutes}",
                st.elapsed_seconds / 60,
                r.of,
                st.timebox_minutes
            ),
            notes: entries(&st.notes),
        })
        .collect()
}

fn guidance(s: &Session, lang: Lang) -> Vec<GuidanceEntry<'_>> {
    s.guidance
        .iter()
        .map(|g| GuidanceEntry {
            id: &g.id,
            title: g.title.get(lang),
            items: g
                .items
                .iter()
                .map(|i| (i.label.get(lang), i.discussed))
                .collect(),
            notes: entries(&g.notes),
        })
        .collect()
}

fn swot(s: &Session, lang: Lang) -> Vec<QuadrantEntry<'_>> {
    let t = strings(lang);
    Quadrant::ALL
        .into_iter()
        .map(|q| QuadrantEntry {
            quadrant: q,
            name: t.quadrant(q),
            items: s
                .swot
                .items(q)
                .iter()
                .enumerate()
                .map(|(i, item)| SwotEntry {
                    number: format!("{}{}", q.letter(), i + 1),
                    text: &item.text,
                    votes: item.votes,
                    votes_text: votes_text(item.votes, lang),
                    group: item.group.as_deref().and_then(non_empty),
                })
                .collect(),
        })
        .collect()
}

/// A vote count with its word, singular for one.
pub fn votes_text(n: u32, lang: Lang) -> String {
    let word = if n == 1 {
        report_strings(lang).vote
    } else {
        strings(lang).votes
    };
    format!("{n} {word}")
}

fn strategies(s: &Session, lang: Lang) -> Vec<PairEntry<'_>> {
    let t = strings(lang);
    // One lookup table, so that many strategies with many links stay linear.
    let mut numbers: HashMap<&str, String> = HashMap::with_capacity(s.swot.total());
    for q in Quadrant::ALL {
        for (i, item) in s.swot.items(q).iter().enumerate() {
            numbers
                .entry(item.id.as_str())
                .or_insert_with(|| format!("{}{}", q.letter(), i + 1));
        }
    }
    TowsPair::ALL
        .into_iter()
        .map(|p| PairEntry {
            pair: p,
            name: t.tows(p),
            strategies: s
                .strategies
                .items(p)
                .iter()
                .map(|st| StrategyEntry {
                    text: &st.text,
                    links: st
                        .links
                        .iter()
                        .filter_map(|id| numbers.get(id.as_str()).cloned())
                        .collect(),
                    group: st.group.as_deref().and_then(non_empty),
                })
                .collect(),
        })
        .collect()
}

fn actions(s: &Session, lang: Lang) -> Vec<ActionEntry<'_>> {
    s.actions
        .iter()
        .map(|a| ActionEntry {
            text: &a.text,
            owner: non_empty(&a.owner),
            due: a.due.map(|d| format_date(d, lang)),
            done: a.done,
            group: a.group.as_deref().and_then(non_empty),
        })
        .collect()
}

fn followups(s: &Session, lang: Lang) -> Vec<FollowUpEntry<'_>> {
    s.followups
        .iter()
        .map(|f| FollowUpEntry {
            text: &f.text,
            owner: non_empty(&f.owner),
            due: f.due.map(|d| format_date(d, lang)),
            status: f.status,
            from_title: &f.from_title,
        })
        .collect()
}

fn closing(s: &Session, lang: Lang) -> Vec<NoteGroup<'_>> {
    let t = strings(lang);
    [
        (t.role_review, &s.notes.role_review),
        (t.experience_exchange, &s.notes.experience_exchange),
    ]
    .into_iter()
    .map(|(heading, notes)| NoteGroup {
        heading,
        notes: entries(notes),
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Session {
        crate::session::template::example().expect("the example parses")
    }

    #[test]
    fn sections_follow_the_activity_report_order() {
        let s = example();
        let r = build(&s, Lang::Th);
        let headings: Vec<&str> = r.sections.iter().map(|s| s.heading).collect();
        let t = &crate::i18n::report::TH;
        assert_eq!(
            headings,
            [
                t.details,
                t.objective,
                t.participants,
                t.stages,
                t.guidance,
                t.swot,
                t.strategies,
                t.recommendations,
                t.actions,
                t.closing
            ]
        );
    }

    #[test]
    fn follow_ups_get_a_section_only_when_there_are_any() {
        let mut s = example();
        s.followups.push(crate::session::FollowUp {
            id: "f1".into(),
            text: "x".into(),
            owner: String::new(),
            due: None,
            status: FollowUpStatus::Carried,
            from_session: "past".into(),
            from_title: "Past".into(),
            extra: Default::default(),
        });
        let r = build(&s, Lang::En);
        let at = r
            .sections
            .iter()
            .position(|s| s.heading == crate::i18n::report::EN.followups)
            .expect("a follow-ups section");
        assert_eq!(
            r.sections[at - 1].heading,
            crate::i18n::report::EN.strategies
        );
    }

    #[test]
    fn strategies_name_their_links_by_board_number() {
        let s = example();
        let r = build(&s, Lang::En);
        let Some(Body::Strategies(pairs)) = r
            .sections
            .iter()
            .map(|s| &s.body)
            .find(|b| matches!(b, Body::Strategies(_)))
        else {
            panic!("a strategies section");
        };
        assert_eq!(pairs[0].strategies[0].links, ["S1", "O1"]);
        assert_eq!(pairs[1].strategies[0].links, ["W2", "W3", "O2"]);
    }

    #[test]
    fn the_objective_falls_back_to_the_title() {
        let mut s = example();
        assert!(objective(&s, Lang::Th).starts_with("สร้างความรู้"));
        s.stages.clear();
        assert_eq!(objective(&s, Lang::Th), s.title);
    }
}
