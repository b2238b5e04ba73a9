//! The session file's data, field for field as docs/FORMAT.md describes it.
//!
//! Every object carries `extra`: fields this version does not know are kept
//! and written back unchanged, so a newer file or a hand-edited one loses nothing.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::text::Lang;

pub const FORMAT: &str = "wethi.session";
pub const VERSION: u32 = 1;

/// Timestamps keep their offset so a file shows the facilitator's local time.
pub type Timestamp = DateTime<FixedOffset>;

/// Unknown fields of one JSON object, in their original order.
pub type Extra = Map<String, Value>;

/// One facilitated workshop run, as written by wethi (format version 1).
/// Files are UTF-8 JSON pretty-printed with two spaces, fields in the order
/// listed here, with a trailing newline. Every object may carry fields not
/// listed here; wethi keeps them. A file with a version newer than 1 is
/// still a session: wethi opens it read-only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "wethi session")]
pub struct Session {
    /// Marks the file as a wethi session.
    #[schemars(extend("const" = "wethi.session"))]
    pub format: String,
    /// Format version. This schema describes version 1; newer versions open read-only.
    #[schemars(range(min = 1))]
    pub version: u32,
    #[schemars(length(min = 1))]
    pub id: String,
    /// Session title (may be empty in a template).
    pub title: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub lang: Lang,
    pub meta: Meta,
    pub stages: Vec<Stage>,
    pub guidance: Vec<GuidancePoint>,
    pub swot: Swot,
    pub strategies: Strategies,
    pub recommendations: Vec<Note>,
    pub actions: Vec<Action>,
    /// The open actions of the session this one was made `--from`, and what
    /// became of each. Absent from files that have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub followups: Vec<FollowUp>,
    pub notes: ClosingNotes,
    /// Photos of the day, in report order. Their images are in the folder
    /// beside the session (`NAME.photos/` for `NAME.json`). Absent from
    /// files that have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<Photo>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A photo of the day. Its image was re-encoded when it was added: upright,
/// at most 1600 pixels on its long edge, without any metadata (no GPS).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Photo {
    #[schemars(length(min = 1))]
    pub id: String,
    /// The image's file name in the session's photo folder: a plain name,
    /// never a path.
    #[schemars(regex(pattern = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"))]
    pub file: String,
    /// What the photo shows, printed under it (may be empty).
    pub caption: String,
    /// The breakout group that sent it, from a phone or through `wethi merge`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    pub added_at: Timestamp,
    /// The image file's size.
    pub bytes: u64,
    /// The stored image's size in pixels.
    pub width: u32,
    pub height: u32,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The facts of the workshop that reports and the news post are written from.
/// Everything after `participants` was added later and is optional: a file
/// without it is written back byte for byte (docs/FORMAT.md).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Meta {
    pub date: Option<NaiveDate>,
    pub venue: String,
    pub district: String,
    pub province: String,
    pub organiser: String,
    /// Who ran the workshop (ผู้ดำเนินการ), by name.
    pub facilitator: String,
    pub participants: Participants,
    /// The full name of the project or activity (ชื่อโครงการ), as the office files it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub project: String,
    /// What the workshop is for (วัตถุประสงค์): a paragraph.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub objective: String,
    /// The time of day it ran, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeOfDay>,
    /// Who presided (ประธาน), by name and position; the guidance is credited to them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presided_by: Option<Person>,
    /// The facilitator's position, printed beside the name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub facilitator_position: String,
    /// Who else ran it with the facilitator (พร้อมด้วย …), as one phrase.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
    /// The news post's headline; the title when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub headline: String,
    /// A line under the news post's headline, such as the province's motto.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tagline: String,
    /// The news post's closing credit line (งานประชาสัมพันธ์ …).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub credit: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A person named in a report, with the position they held that day.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Person {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub position: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// When in the day a workshop ran: `"08:30"` to `"16:30"`, local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TimeOfDay {
    #[serde(with = "clock_time")]
    #[schemars(with = "String", regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"))]
    pub start: NaiveTime,
    #[serde(
        default,
        with = "clock_time_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(
        with = "Option<String>",
        regex(pattern = r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    )]
    pub end: Option<NaiveTime>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A time of day as the file writes it: `HH:MM`, nothing else.
mod clock_time {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub const FORMAT: &str = "%H:%M";

    pub fn serialize<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&t.format(FORMAT))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        parse(&text).ok_or_else(|| D::Error::custom(format!("\"{text}\" is not a time HH:MM")))
    }

    pub fn parse(text: &str) -> Option<NaiveTime> {
        let (h, m) = text.split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
    }
}

mod clock_time_opt {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => super::clock_time::serialize(t, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        let Some(text) = <Option<std::borrow::Cow<'de, str>>>::deserialize(d)? else {
            return Ok(None);
        };
        super::clock_time::parse(&text)
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("\"{text}\" is not a time HH:MM")))
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Participants {
    pub total: Option<u32>,
    pub groups: Vec<ParticipantGroup>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct ParticipantGroup {
    pub label: String,
    pub count: Option<u32>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Template text that ships in both languages.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Bilingual {
    pub th: String,
    pub en: String,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Bilingual {
    pub fn new(th: &str, en: &str) -> Self {
        Bilingual {
            th: th.to_owned(),
            en: en.to_owned(),
            extra: Extra::new(),
        }
    }

    /// The text in `lang`, falling back to the other language when it is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Th => (&self.th, &self.en),
            Lang::En => (&self.en, &self.th),
        };
        if first.is_empty() { second } else { first }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Note {
    #[schemars(length(min = 1))]
    pub id: String,
    pub text: String,
    pub created_at: Timestamp,
    /// The breakout group a note came from, when sessions were merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Stage {
    #[schemars(length(min = 1))]
    pub id: String,
    pub title: Bilingual,
    pub text: Bilingual,
    pub timebox_minutes: u32,
    pub elapsed_seconds: u64,
    /// Set while the stage's timer runs, so a timer survives quitting.
    pub running_since: Option<Timestamp>,
    pub done: bool,
    pub notes: Vec<Note>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GuidancePoint {
    #[schemars(length(min = 1))]
    pub id: String,
    pub title: Bilingual,
    pub text: Bilingual,
    pub items: Vec<GuidanceItem>,
    pub notes: Vec<Note>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GuidanceItem {
    #[schemars(length(min = 1))]
    pub id: String,
    pub label: Bilingual,
    pub discussed: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Swot {
    pub strengths: Vec<SwotItem>,
    pub weaknesses: Vec<SwotItem>,
    pub opportunities: Vec<SwotItem>,
    pub threats: Vec<SwotItem>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SwotItem {
    #[schemars(length(min = 1))]
    pub id: String,
    pub text: String,
    pub votes: u32,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// The breakout group an item came from, when sessions were merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl SwotItem {
    /// A new item made at `at`: no votes yet, from no breakout group.
    pub fn new(id: impl Into<String>, text: impl Into<String>, at: Timestamp) -> Self {
        SwotItem {
            id: id.into(),
            text: text.into(),
            votes: 0,
            created_at: at,
            updated_at: at,
            group: None,
            extra: Extra::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Strategies {
    pub so: Vec<Strategy>,
    pub wo: Vec<Strategy>,
    pub st: Vec<Strategy>,
    pub wt: Vec<Strategy>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Strategy {
    #[schemars(length(min = 1))]
    pub id: String,
    pub text: String,
    /// Ids of the SWOT items this strategy draws on.
    #[schemars(inner(length(min = 1)))]
    pub links: Vec<String>,
    /// The breakout group a strategy came from, when sessions were merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Action {
    #[schemars(length(min = 1))]
    pub id: String,
    pub text: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
    /// The breakout group an action came from, when sessions were merged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// An open action of a past session, brought into this one to be followed up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FollowUp {
    #[schemars(length(min = 1))]
    pub id: String,
    pub text: String,
    pub owner: String,
    pub due: Option<NaiveDate>,
    pub status: FollowUpStatus,
    /// Id and title of the session the action was agreed in.
    pub from_session: String,
    pub from_title: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// What became of a followed-up action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FollowUpStatus {
    /// Not yet reviewed in this session.
    #[default]
    Open,
    Done,
    /// Still to do: carried on into this session's work.
    Carried,
    Dropped,
}

/// Free-text notes of the closing exchange (the review of roles and the exchange of experience).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
pub struct ClosingNotes {
    pub role_review: Vec<Note>,
    pub experience_exchange: Vec<Note>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The four SWOT quadrants, in board order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quadrant {
    Strengths,
    Weaknesses,
    Opportunities,
    Threats,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Quadrant::Strengths,
        Quadrant::Weaknesses,
        Quadrant::Opportunities,
        Quadrant::Threats,
    ];

    /// The letter used for board numbers (S1, O2) and the focus keys.
    pub fn letter(self) -> char {
        match self {
            Quadrant::Strengths => 'S',
            Quadrant::Weaknesses => 'W',
            Quadrant::Opportunities => 'O',
            Quadrant::Threats => 'T',
        }
    }

    /// Its place in [`Quadrant::ALL`], which lists the variants as declared.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Its list's name in the file's `swot`.
    pub fn key(self) -> &'static str {
        match self {
            Quadrant::Strengths => "strengths",
            Quadrant::Weaknesses => "weaknesses",
            Quadrant::Opportunities => "opportunities",
            Quadrant::Threats => "threats",
        }
    }
}

impl Swot {
    pub fn items(&self, q: Quadrant) -> &Vec<SwotItem> {
        match q {
            Quadrant::Strengths => &self.strengths,
            Quadrant::Weaknesses => &self.weaknesses,
            Quadrant::Opportunities => &self.opportunities,
            Quadrant::Threats => &self.threats,
        }
    }

    pub fn items_mut(&mut self, q: Quadrant) -> &mut Vec<SwotItem> {
        match q {
            Quadrant::Strengths => &mut self.strengths,
            Quadrant::Weaknesses => &mut self.weaknesses,
            Quadrant::Opportunities => &mut self.opportunities,
            Quadrant::Threats => &mut self.threats,
        }
    }

    pub fn total(&self) -> usize {
        Quadrant::ALL.iter().map(|q| self.items(*q).len()).sum()
    }

    /// Where an item sits: its quadrant and index.
    pub fn find(&self, id: &str) -> Option<(Quadrant, usize)> {
        Quadrant::ALL.iter().find_map(|q| {
            self.items(*q)
                .iter()
                .position(|item| item.id == id)
                .map(|i| (*q, i))
        })
    }
}

/// The four TOWS pairs: each pairs an internal quadrant with an external one.
/// Keyed on the codes; the Thai and English names are display text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TowsPair {
    SO,
    WO,
    ST,
    WT,
}

impl TowsPair {
    pub const ALL: [TowsPair; 4] = [TowsPair::SO, TowsPair::WO, TowsPair::ST, TowsPair::WT];

    /// Its place in [`TowsPair::ALL`], which lists the variants as declared.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn code(self) -> &'static str {
        match self {
            TowsPair::SO => "SO",
            TowsPair::WO => "WO",
            TowsPair::ST => "ST",
            TowsPair::WT => "WT",
        }
    }

    /// The SWOT quadrants a strategy of this pair draws on.
    pub fn sources(self) -> [Quadrant; 2] {
        match self {
            TowsPair::SO => [Quadrant::Strengths, Quadrant::Opportunities],
            TowsPair::WO => [Quadrant::Weaknesses, Quadrant::Opportunities],
            TowsPair::ST => [Quadrant::Strengths, Quadrant::Threats],
            TowsPair::WT => [Quadrant::Weaknesses, Quadrant::Threats],
        }
    }
}

impl Strategies {
    pub fn items(&self, p: TowsPair) -> &Vec<Strategy> {
        match p {
            TowsPair::SO => &self.so,
            TowsPair::WO => &self.wo,
            TowsPair::ST => &self.st,
            TowsPair::WT => &self.wt,
        }
    }

    pub fn items_mut(&mut self, p: TowsPair) -> &mut Vec<Strategy> {
        match p {
            TowsPair::SO => &mut self.so,
            TowsPair::WO => &mut self.wo,
            TowsPair::ST => &mut self.st,
            TowsPair::WT => &mut self.wt,
        }
    }

    pub fn total(&self) -> usize {
        TowsPair::ALL.iter().map(|p| self.items(*p).len()).sum()
    }
}

impl Session {
    /// An item's board number, as the facilitator sees it: `S1`, `O2`.
    pub fn board_number(&self, id: &str) -> Option<String> {
        self.swot
            .find(id)
            .map(|(q, i)| format!("{}{}", q.letter(), i + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_of_day_is_written_and_read_as_hours_and_minutes() {
        let json = r#"{"start":"08:30","end":"16:05"}"#;
        let time: TimeOfDay = serde_json::from_str(json).expect("a time of day");
        assert_eq!(time.start, NaiveTime::from_hms_opt(8, 30, 0).unwrap());
        assert_eq!(serde_json::to_string(&time).unwrap(), json);
        let open_ended: TimeOfDay = serde_json::from_str(r#"{"start":"09:00"}"#).unwrap();
        assert_eq!(open_ended.end, None);
        for bad in [
            r#"{"start":"8:30"}"#,
            r#"{"start":"24:00"}"#,
            r#"{"start":"08:30:00"}"#,
        ] {
            assert!(serde_json::from_str::<TimeOfDay>(bad).is_err(), "{bad}");
        }
    }
}
