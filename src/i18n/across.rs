//! Strings of looking across sessions: `wethi search`, `wethi actions`,
//! `wethi insights` and the home screen's overview.

use crate::session::{DetailField, Place};
use crate::text::Lang;

use super::followup::followup_strings;
use super::{fill, strings};

pub struct AcrossStrings {
    /// The query folds to nothing (only spaces).
    pub empty_query: &'static str,
    /// A stage's notes; `{n}` is the stage's number.
    pub stage_notes: &'static str,
    /// A guidance point's notes; `{n}` is the point's number.
    pub guidance_notes: &'static str,
    /// The details fields that have no label of their own elsewhere.
    pub project: &'static str,
    pub objective: &'static str,
    pub presided_by: &'static str,
    pub team: &'static str,
    pub headline: &'static str,
    pub tagline: &'static str,
    pub credit: &'static str,
    /// An action without an owner.
    pub no_owner: &'static str,
    /// `wethi actions` found nothing to list.
    pub no_actions: &'static str,
    /// The insights' title.
    pub insights_title: &'static str,
    /// `{n}` sessions from `{first}` to `{last}`.
    pub period: &'static str,
    /// One session, held on `{first}`.
    pub period_one: &'static str,
    pub recurring: &'static str,
    /// The overview's heading of one quadrant's recurring items: `{quadrant}`.
    pub recurring_in: &'static str,
    /// No item came back in two sessions.
    pub none_recur: &'static str,
    pub item: &'static str,
    pub sessions: &'static str,
    pub votes: &'static str,
    pub first: &'static str,
    pub last: &'static str,
    pub places: &'static str,
    /// Before the other ways an item was written.
    pub also_written: &'static str,
    pub owners: &'static str,
    pub open_count: &'static str,
    pub overdue_count: &'static str,
    pub no_open: &'static str,
    pub open_actions: &'static str,
    pub months: &'static str,
    pub month: &'static str,
    /// The home screen's overview: its title and its keys' lines.
    pub overview: &'static str,
    /// After a session found by its contents: `{n}` entries matched.
    pub matched: &'static str,
    /// After the open actions' heading: `{open}` open, `{overdue}` overdue.
    pub open_summary: &'static str,
    /// An item's line in the overview: `{sessions}` sessions, `{votes}` votes.
    pub counts: &'static str,
    /// Files skipped in the overview: `{n}`.
    pub skipped_files: &'static str,
}

pub const TH: AcrossStrings = AcrossStrings {
    empty_query: "คำค้นว่างเปล่า: โปรดพิมพ์คำที่ต้องการค้นหา",
    stage_notes: "บันทึกขั้นตอนที่ {n}",
    guidance_notes: "บันทึกแนวทางข้อ {n}",
    project: "โครงการ",
    objective: "วัตถุประสงค์",
    presided_by: "ประธาน",
    team: "คณะทำงาน",
    headline: "หัวข้อข่าว",
    tagline: "คำขวัญ",
    credit: "เครดิตข่าว",
    no_owner: "(ไม่ระบุผู้รับผิดชอบ)",
    no_actions: "ไม่มีสิ่งที่ต้องทำที่ยังค้างอยู่",
    insights_title: "ภาพรวมเวทีทั้งหมด",
    period: "{n} เวที ระหว่าง {first} ถึง {last}",
    period_one: "1 เวที เมื่อ {first}",
    recurring: "ประเด็นที่พบซ้ำหลายเวที",
    recurring_in: "{quadrant}ที่พบซ้ำหลายเวที",
    none_recur: "ไม่มีประเด็นที่พบซ้ำตั้งแต่สองเวทีขึ้นไป",
    item: "ประเด็น",
    sessions: "จำนวนเวที",
    votes: "คะแนน",
    first: "พบครั้งแรก",
    last: "พบล่าสุด",
    places: "พื้นที่",
    also_written: "เขียนแบบอื่นว่า",
    owners: "งานค้างแยกตามผู้รับผิดชอบ",
    open_count: "ค้าง",
    overdue_count: "เลยกำหนด",
    no_open: "ไม่มีงานค้าง",
    open_actions: "สิ่งที่ต้องทำที่ยังค้างอยู่",
    months: "จำนวนเวทีรายเดือน",
    month: "เดือน",
    overview: "ภาพรวม",
    matched: "พบ {n} รายการ",
    open_summary: "{open} เรื่อง เลยกำหนด {overdue}",
    counts: "{sessions} เวที · {votes} คะแนน",
    skipped_files: "ข้ามไฟล์ที่เปิดไม่ได้ {n} ไฟล์",
};

pub const EN: AcrossStrings = AcrossStrings {
    empty_query: "the query is empty: give the words to look for.",
    stage_notes: "Stage {n} notes",
    guidance_notes: "Guidance {n} notes",
    project: "Project",
    objective: "Objective",
    presided_by: "Presided by",
    team: "Team",
    headline: "Headline",
    tagline: "Tagline",
    credit: "Credit",
    no_owner: "(no owner)",
    no_actions: "No action is still open.",
    insights_title: "Across sessions",
    period: "{n} sessions from {first} to {last}",
    period_one: "1 session, on {first}",
    recurring: "Items that recur across sessions",
    recurring_in: "{quadrant} that recur across sessions",
    none_recur: "No item came up in two sessions or more.",
    item: "Item",
    sessions: "Sessions",
    votes: "Votes",
    first: "First",
    last: "Latest",
    places: "Where",
    also_written: "also written",
    owners: "Open actions by owner",
    open_count: "Open",
    overdue_count: "Overdue",
    no_open: "No open actions.",
    open_actions: "Actions still open",
    months: "Sessions per month",
    month: "Month",
    overview: "Overview",
    matched: "{n} matched",
    open_summary: "{open}, {overdue} overdue",
    counts: "{sessions} sessions · {votes} votes",
    skipped_files: "unreadable files skipped: {n}",
};

pub fn across_strings(lang: Lang) -> &'static AcrossStrings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}

impl AcrossStrings {
    /// "40 sessions from … to …", or "1 session, on …": the dates as the caller writes them.
    pub fn period_line(&self, sessions: usize, first: &str, last: &str) -> String {
        let template = if sessions == 1 {
            self.period_one
        } else {
            self.period
        };
        let n = sessions.to_string();
        fill(template, &[("n", &n), ("first", first), ("last", last)])
    }

    /// The section a text of a session is in, as a reader names it.
    pub fn place(&self, place: Place, lang: Lang) -> String {
        let t = strings(lang);
        let n = |i: usize| (i + 1).to_string();
        match place {
            Place::Title => t.title.to_owned(),
            Place::Detail(field) => self.detail(field, lang).to_owned(),
            Place::StageNote { stage, .. } => fill(self.stage_notes, &[("n", &n(stage))]),
            Place::GuidanceNote { point, .. } => fill(self.guidance_notes, &[("n", &n(point))]),
            Place::Swot(q, _) => t.quadrant(q).to_owned(),
            Place::Strategy(p, _) => t.tows(p).to_owned(),
            Place::Recommendation(_) => t.recommendations.to_owned(),
            Place::Action(_) => t.actions.to_owned(),
            Place::FollowUp(_) => followup_strings(lang).followups.to_owned(),
            Place::RoleReview(_) => t.role_review.to_owned(),
            Place::ExperienceExchange(_) => t.experience_exchange.to_owned(),
            Place::Photo(_) => t.photos.to_owned(),
        }
    }

    fn detail(&self, field: DetailField, lang: Lang) -> &'static str {
        let t = strings(lang);
        match field {
            DetailField::Venue => t.venue,
            DetailField::District => t.district,
            DetailField::Province => t.province,
            DetailField::Organiser => t.organiser,
            DetailField::Facilitator => t.facilitator,
            DetailField::Project => self.project,
            DetailField::Objective => self.objective,
            DetailField::PresidedBy => self.presided_by,
            DetailField::Team => self.team,
            DetailField::Headline => self.headline,
            DetailField::Tagline => self.tagline,
            DetailField::Credit => self.credit,
        }
    }
}
