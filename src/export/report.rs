//! The report model: one pass over a session that yields its sections in the
//! order of a Thai activity report (docs/REPORTS.md), every heading in the
//! report's language.
//!
//! Every format (`show`, Markdown, HTML, Word) renders from this, so they
//! cannot drift apart. Entries borrow the session's text raw: each renderer
//! makes it safe for its own medium (terminal, Markdown, HTML, XML).

use std::collections::HashMap;

use crate::i18n::report::{ReportStrings, report_strings};
use crate::i18n::{fill, strings};
use crate::session::{FollowUpStatus, Note, Quadrant, Session, SwotItem, Timestamp, TowsPair};
use crate::text::Lang;
use crate::text::date::{Digits, format_date, format_date_short, format_time};

use super::narrative;

pub struct Report<'a> {
    pub lang: Lang,
    /// The digits every number is written in: renderers apply them where
    /// they emit text.
    pub digits: Digits,
    pub title: &'a str,
    /// The opening paragraph in running prose (the reports have it; `show` does not).
    pub narrative: String,
    pub sections: Vec<Section<'a>>,
    /// The photos of the day (ภาพกิจกรรม), last, in the session's order;
    /// their images are the renderer's caller's to find.
    pub photos: Vec<PhotoEntry<'a>>,
    /// The block left for signing at the end.
    pub signature: Signature,
    /// The Word file's properties: who wrote it (the organiser, else the
    /// facilitator) and when the session was made and last changed.
    pub author: Option<&'a str>,
    pub created: Timestamp,
    pub modified: Timestamp,
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
    /// 1 for a numbered section ("7."), 2 for a part of the one before ("7.1").
    pub level: u8,
    pub body: Body<'a>,
}

pub enum Body<'a> {
    /// Only a heading: the parts that follow are its content.
    Parts,
    /// Label and value pairs (date, time and place; who ran it).
    Fields(Vec<Field>),
    /// One paragraph of text (the project's name, the objective).
    Text(&'a str),
    Participants(Participants<'a>),
    Stages(Vec<StageEntry<'a>>),
    Guidance(GuidanceSection<'a>),
    /// Always the four quadrants, in board order.
    Swot(Vec<QuadrantEntry<'a>>),
    /// Always the four pairs, SO WO ST WT.
    Strategies(Vec<PairEntry<'a>>),
    /// The weaknesses and threats, with what will be done about each.
    Problems(Vec<ProblemEntry<'a>>),
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
    /// The short title (`show`); the reports print the full wording.
    pub title: &'a str,
    /// The stage in full, as the day's programme words it (the title when
    /// the stage has no wording).
    pub text: &'a str,
    pub done: bool,
    /// "62 จาก 60 นาที" / "62 of 60 min".
    pub time: String,
    pub notes: Vec<Entry<'a>>,
}

/// The guidance, credited to who gave it.
pub struct GuidanceSection<'a> {
    /// "{name} {position} ได้มอบแนวทางการขับเคลื่อนงาน ดังนี้".
    pub lead: String,
    pub points: Vec<GuidanceEntry<'a>>,
}

pub struct GuidanceEntry<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// The point in full (the title when it has no wording).
    pub text: &'a str,
    /// Sub-items and whether each was discussed (`show`).
    pub items: Vec<(&'a str, bool)>,
    /// The discussed items as a sentence: "ประเด็นที่ได้หารือ ได้แก่ A B และC".
    pub discussed: Option<String>,
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

/// A weakness or a threat, and the strategies drawn up against it.
pub struct ProblemEntry<'a> {
    /// The quadrant's name and the board number: "จุดอ่อน W1".
    pub label: String,
    pub item: SwotEntry<'a>,
    pub remedies: Vec<&'a str>,
}

pub struct ActionEntry<'a> {
    pub text: &'a str,
    pub owner: Option<&'a str>,
    /// The due date in the report's calendar, short as tables write it.
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

/// The reporter's block: the name goes in parentheses under the line for
/// the signature, then the position and the date; what the session does
/// not know is left as dots to fill in by hand.
pub struct Signature {
    pub name: Option<String>,
    pub position: Option<String>,
    pub date: Option<String>,
}

impl Report<'_> {
    /// Each section's number, in the report's digits: "7." for a section,
    /// "7.1" for a part of one.
    pub fn numbers(&self) -> Vec<String> {
        let (mut major, mut minor) = (0, 0);
        self.sections
            .iter()
            .map(|s| {
                let n = if s.level <= 1 {
                    major += 1;
                    minor = 0;
                    format!("{major}.")
                } else {
                    minor += 1;
                    format!("{major}.{minor}")
                };
                self.digits.num(n)
            })
            .collect()
    }
}

impl Signature {
    /// The block's lines: the line to sign on, the name in parentheses,
    /// the position, the date; dots (`dots` of them) where the session
    /// leaves a blank to fill in.
    pub fn lines(&self, lang: Lang, dots: usize) -> [String; 4] {
        let r = report_strings(lang);
        let blank = ".".repeat(dots);
        let or_blank = |v: &Option<String>| v.clone().unwrap_or_else(|| blank.clone());
        [
            format!("{} {blank} {}", r.signature, r.reporter),
            format!("({})", or_blank(&self.name)),
            format!("{} {}", r.position, or_blank(&self.position)),
            format!("{} {}", strings(lang).date, or_blank(&self.date)),
        ]
    }
}

/// Whether a stage or an action is done, in the report's words.
pub fn done_or_open(done: bool, r: &ReportStrings) -> &'static str {
    if done { r.done } else { r.open }
}

pub(super) fn non_empty(s: &str) -> Option<&str> {
    (!s.trim().is_empty()).then_some(s)
}

/// `s` without its surrounding spaces, unless nothing else is left.
pub(super) fn trimmed(s: &str) -> Option<&str> {
    non_empty(s).map(str::trim)
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

/// `items` as a list in running text: "A B และC" / "A, B and C"; "และ"
/// keeps a space before what is not Thai ("S1 และ O1").
pub fn and_list<S: AsRef<str>>(items: &[S], lang: Lang) -> String {
    let r = report_strings(lang);
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.as_ref().to_owned(),
        Some((last, rest)) => {
            let last = last.as_ref();
            let thai = last
                .chars()
                .next()
                .is_some_and(|c| ('\u{0E01}'..='\u{0E5B}').contains(&c));
            let template = if thai { r.and_last } else { r.and_last_apart };
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            rest.join(r.sep) + &fill(template, &[("last", last)])
        }
    }
}

/// The report of `s` in `lang`, numbers in Arabic digits.
pub fn build(s: &Session, lang: Lang) -> Report<'_> {
    build_with(s, lang, Digits::Arabic)
}

/// The report of `s` in `lang`, numbers in `digits`.
pub fn build_with(s: &Session, lang: Lang, digits: Digits) -> Report<'_> {
    let r = report_strings(lang);
    let m = &s.meta;
    let title = non_empty(&s.title).unwrap_or(strings(lang).untitled);
    let part = |heading, body| Section {
        heading,
        level: 2,
        body,
    };
    let section = |heading, body| Section {
        heading,
        level: 1,
        body,
    };
    let project = non_empty(&m.project).unwrap_or(title);
    let objective = non_empty(&m.objective).unwrap_or(r.not_given);
    let mut sections = vec![
        section(r.project, Body::Text(project)),
        section(r.when_where, Body::Fields(when_where(s, lang))),
        section(r.who, Body::Fields(who(s, lang))),
        section(r.objective, Body::Text(objective)),
        section(r.participants, Body::Participants(participants(s, lang))),
        section(r.stages, Body::Stages(stages(s, lang, r))),
        section(r.results, Body::Parts),
        part(r.guidance, Body::Guidance(guidance(s, lang))),
        part(r.swot, Body::Swot(swot(s, lang))),
        part(r.strategies, Body::Strategies(strategies(s, lang))),
    ];
    if !s.followups.is_empty() {
        sections.push(part(r.followups, Body::FollowUps(followups(s, lang))));
    }
    sections.extend([
        part(r.closing, Body::Closing(closing(s, lang))),
        section(r.problems, Body::Problems(problems(s, lang))),
        section(r.recommendations, Body::Notes(entries(&s.recommendations))),
        section(r.actions, Body::Actions(actions(s, lang))),
    ]);
    Report {
        lang,
        digits,
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
        signature: Signature {
            name: non_empty(&m.facilitator).map(|n| n.trim().to_owned()),
            position: non_empty(&m.facilitator_position).map(|p| p.trim().to_owned()),
            date: m.date.map(|d| format_date(d, lang)),
        },
        author: non_empty(&m.organiser)
            .or_else(|| non_empty(&m.facilitator))
            .map(str::trim),
        created: s.created_at,
        modified: s.updated_at,
    }
}

/// The date, the time of day and the place, as a Thai office writes them:
/// the place's parts joined by spaces in Thai, never by Latin commas.
fn when_where(s: &Session, lang: Lang) -> Vec<Field> {
    let t = strings(lang);
    let r = report_strings(lang);
    let m = &s.meta;
    let date = m
        .date
        .map_or_else(|| t.no_date.to_owned(), |d| format_date(d, lang));
    let mut out = vec![field(t.date, date)];
    if let Some(time) = &m.time {
        out.push(field(r.time, format_time(time.start, time.end, lang)));
    }
    if let Some(place) = narrative::place(s, lang) {
        out.push(field(t.venue, place));
    }
    out
}

/// Who is responsible, who presided, who ran it and with whom.
fn who(s: &Session, lang: Lang) -> Vec<Field> {
    let r = report_strings(lang);
    let m = &s.meta;
    let mut out = Vec::new();
    if let Some(o) = non_empty(&m.organiser) {
        out.push(field(r.organiser, o.trim().to_owned()));
    }
    let presided = m
        .presided_by
        .as_ref()
        .and_then(|p| narrative::person(&p.name, &p.position, lang, false));
    if let Some(p) = presided {
        out.push(field(r.presided, p));
    }
    if let Some(f) = narrative::person(&m.facilitator, &m.facilitator_position, lang, false) {
        out.push(field(r.ran_by, f));
    }
    if let Some(team) = non_empty(&m.team) {
        out.push(field(r.team, team.trim().to_owned()));
    }
    if out.is_empty() {
        out.push(field(r.ran_by, r.not_given.to_owned()));
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
            text: non_empty(st.text.get(lang)).unwrap_or(st.title.get(lang)),
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

fn guidance(s: &Session, lang: Lang) -> GuidanceSection<'_> {
    let r = report_strings(lang);
    let giver = s
        .meta
        .presided_by
        .as_ref()
        .and_then(|p| narrative::person(&p.name, &p.position, lang, true));
    let lead = match giver {
        Some(g) => fill(r.guidance_by, &[("giver", &g)]),
        None => r.guidance_given.to_owned(),
    };
    let points = s
        .guidance
        .iter()
        .map(|g| {
            let discussed: Vec<&str> = g
                .items
                .iter()
                .filter(|i| i.discussed)
                .filter_map(|i| non_empty(i.label.get(lang)))
                .collect();
            GuidanceEntry {
                id: &g.id,
                title: g.title.get(lang),
                text: non_empty(g.text.get(lang)).unwrap_or(g.title.get(lang)),
                items: g
                    .items
                    .iter()
                    .map(|i| (i.label.get(lang), i.discussed))
                    .collect(),
                discussed: (!discussed.is_empty())
                    .then(|| fill(r.discussed, &[("items", &and_list(&discussed, lang))])),
                notes: entries(&g.notes),
            }
        })
        .collect();
    GuidanceSection { lead, points }
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
                .map(|(i, item)| swot_entry(q, i, item, lang))
                .collect(),
        })
        .collect()
}

fn swot_entry(q: Quadrant, index: usize, item: &SwotItem, lang: Lang) -> SwotEntry<'_> {
    SwotEntry {
        number: format!("{}{}", q.letter(), index + 1),
        text: &item.text,
        votes: item.votes,
        votes_text: votes_text(item.votes, lang),
        group: item.group.as_deref().and_then(non_empty),
    }
}

/// The weaknesses, then the threats, the most voted first, each with the
/// strategies that draw on it: what will be done about it.
fn problems(s: &Session, lang: Lang) -> Vec<ProblemEntry<'_>> {
    // One weakness, one threat: "weakness W1", "จุดอ่อน W1".
    let one = crate::i18n::post::post_strings(lang).quadrant;
    // Which strategies draw on each item, found in one pass, so that many
    // items and many strategies stay linear.
    let mut remedies_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for st in TowsPair::ALL
        .into_iter()
        .flat_map(|p| s.strategies.items(p))
    {
        for link in &st.links {
            let remedies = remedies_of.entry(link.as_str()).or_default();
            // A strategy that names an item twice answers it once.
            if remedies.last() != Some(&st.text.as_str()) {
                remedies.push(&st.text);
            }
        }
    }
    let mut out = Vec::with_capacity(
        s.swot.items(Quadrant::Weaknesses).len() + s.swot.items(Quadrant::Threats).len(),
    );
    for q in [Quadrant::Weaknesses, Quadrant::Threats] {
        let mut items: Vec<(usize, &SwotItem)> = s.swot.items(q).iter().enumerate().collect();
        items.sort_by_key(|(_, item)| std::cmp::Reverse(item.votes));
        for (i, item) in items {
            let remedies = remedies_of.remove(item.id.as_str()).unwrap_or_default();
            let entry = swot_entry(q, i, item, lang);
            out.push(ProblemEntry {
                label: format!("{} {}", one[q.index()], entry.number),
                item: entry,
                remedies,
            });
        }
    }
    out
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
            due: a.due.map(|d| format_date_short(d, lang)),
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
            due: f.due.map(|d| format_date_short(d, lang)),
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

    /// The example (which holds the seed press release's facts) with a
    /// time of day, which the seed does not give.
    fn with_time_of_day() -> Session {
        let mut s = example();
        s.meta.time = Some(
            serde_json::from_str(r#"{"start": "08:30", "end": "16:30"}"#).expect("a time of day"),
        );
        s
    }

    #[test]
    fn sections_follow_the_activity_report_order() {
        let s = example();
        let r = build(&s, Lang::Th);
        let headings: Vec<(u8, &str)> = r.sections.iter().map(|s| (s.level, s.heading)).collect();
        let t = &crate::i18n::report::TH;
        assert_eq!(
            headings,
            [
                (1, t.project),
                (1, t.when_where),
                (1, t.who),
                (1, t.objective),
                (1, t.participants),
                (1, t.stages),
                (1, t.results),
                (2, t.guidance),
                (2, t.swot),
                (2, t.strategies),
                (2, t.closing),
                (1, t.problems),
                (1, t.recommendations),
                (1, t.actions),
            ]
        );
    }

    fn fields<'a>(r: &'a Report<'_>, heading: &str) -> Vec<(&'static str, &'a str)> {
        let section = r.sections.iter().find(|s| s.heading == heading);
        let Some(Body::Fields(fields)) = section.map(|s| &s.body) else {
            panic!("no fields under {heading}");
        };
        fields.iter().map(|f| (f.label, f.value.as_str())).collect()
    }

    #[test]
    fn thai_places_and_people_go_without_latin_commas() {
        let s = with_time_of_day();
        let r = build(&s, Lang::Th);
        let t = &crate::i18n::report::TH;
        assert_eq!(
            fields(&r, t.when_where),
            [
                ("วันที่", "13 มกราคม 2564"),
                ("เวลา", "08.30–16.30 น."),
                (
                    "สถานที่",
                    "โรงแรมรีเจ้นท์ พาเลซ อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี"
                ),
            ]
        );
        assert_eq!(
            fields(&r, t.who),
            [
                ("หน่วยงานที่รับผิดชอบ", "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี"),
                (
                    "ประธานและผู้มอบแนวทาง",
                    "นายคมกริช ชินชนะ พัฒนาการจังหวัดอุบลราชธานี"
                ),
                (
                    "ผู้ดำเนินการ",
                    "นางกนกอร โพธิ์สิงห์ ผู้อำนวยการกลุ่มงานส่งเสริมการพัฒนาชุมชน"
                ),
                (
                    "คณะทำงาน",
                    "นักวิชาการและเจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี"
                ),
            ]
        );
        let en = build(&s, Lang::En);
        let place = fields(&en, crate::i18n::report::EN.when_where)[2].1;
        assert_eq!(
            place,
            "โรงแรมรีเจ้นท์ พาเลซ, อำเภอเมืองอุบลราชธานี, จังหวัดอุบลราชธานี"
        );
    }

    #[test]
    fn the_objective_is_its_own_field_never_a_stage() {
        let mut s = example();
        let r = build(&s, Lang::Th);
        let objective = r.sections.iter().find_map(|s| match s.body {
            Body::Text(t) if s.heading == crate::i18n::report::TH.objective => Some(t),
            _ => None,
        });
        assert_eq!(objective, Some(s.meta.objective.as_str()));
        s.meta.objective.clear();
        let r = build(&s, Lang::Th);
        assert!(
            r.sections
                .iter()
                .any(|sec| matches!(sec.body, Body::Text("ไม่ได้ระบุ"))),
            "an empty objective says so"
        );
        assert!(!r.narrative.contains("วัตถุประสงค์"), "{}", r.narrative);
    }

    #[test]
    fn guidance_is_credited_and_its_discussed_points_are_prose() {
        let s = example();
        let r = build(&s, Lang::Th);
        let Some(Body::Guidance(g)) = r
            .sections
            .iter()
            .map(|s| &s.body)
            .find(|b| matches!(b, Body::Guidance(_)))
        else {
            panic!("a guidance section");
        };
        assert_eq!(
            g.lead,
            "นายคมกริช ชินชนะ พัฒนาการจังหวัดอุบลราชธานี ได้มอบแนวทางการขับเคลื่อนงาน ดังนี้"
        );
        assert!(g.points[0].text.starts_with("การจัดทำแผนหมู่บ้าน"));
        assert_eq!(
            g.points[1].discussed.as_deref(),
            Some(
                "ประเด็นที่ได้หารือ ได้แก่ จปฐ. (ข้อมูลความจำเป็นพื้นฐาน) กชช.2ค (ข้อมูลพื้นฐานระดับหมู่บ้าน) และ TPMAP"
            )
        );
    }

    #[test]
    fn problems_are_the_weaknesses_and_threats_with_what_will_be_done() {
        let s = example();
        let r = build(&s, Lang::Th);
        let Some(Body::Problems(problems)) = r
            .sections
            .iter()
            .map(|s| &s.body)
            .find(|b| matches!(b, Body::Problems(_)))
        else {
            panic!("a problems section");
        };
        let labels: Vec<&str> = problems.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "จุดอ่อน W1",
                "จุดอ่อน W2",
                "จุดอ่อน W3",
                "อุปสรรค T1",
                "อุปสรรค T2",
                "อุปสรรค T3"
            ]
        );
        assert_eq!(
            problems[0].remedies,
            ["จัดลำดับความสำคัญของกิจกรรมและประสานงบประมาณจาก อปท. ให้สอดคล้องกับห้วงเวลาของแผน"]
        );
        assert!(problems[5].remedies.is_empty());
    }

    #[test]
    fn lists_join_the_thai_way() {
        assert_eq!(and_list(&["ก", "ข", "ค"], Lang::Th), "ก ข และค");
        assert_eq!(and_list(&["S1", "O1"], Lang::Th), "S1 และ O1");
        assert_eq!(and_list(&["a", "b", "c"], Lang::En), "a, b and c");
        assert_eq!(and_list(&["a", "b"], Lang::En), "a and b");
        assert_eq!(and_list(&["a"], Lang::Th), "a");
        assert_eq!(and_list::<&str>(&[], Lang::Th), "");
    }

    #[test]
    fn tables_have_short_dates_and_the_signature_names_the_reporter() {
        let s = example();
        let r = build(&s, Lang::Th);
        let Some(Body::Actions(actions)) = r
            .sections
            .iter()
            .map(|s| &s.body)
            .find(|b| matches!(b, Body::Actions(_)))
        else {
            panic!("an actions section");
        };
        assert_eq!(actions[1].due.as_deref(), Some("29 ม.ค. 64"));
        assert_eq!(r.signature.name.as_deref(), Some("นางกนกอร โพธิ์สิงห์"));
        assert_eq!(
            r.signature.position.as_deref(),
            Some("ผู้อำนวยการกลุ่มงานส่งเสริมการพัฒนาชุมชน")
        );
        assert_eq!(r.signature.date.as_deref(), Some("13 มกราคม 2564"));
        assert_eq!(r.author, Some("สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี"));
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
        assert_eq!(r.sections[at].level, 2, "a part of the results");
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
}
