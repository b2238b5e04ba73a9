//! Every user-visible string, in Thai and in English, in one place.
//!
//! A struct rather than a lookup table: the compiler makes sure each
//! language has every string.

use crate::session::Quadrant;
use crate::text::Lang;

pub struct Strings {
    pub strengths: &'static str,
    pub weaknesses: &'static str,
    pub opportunities: &'static str,
    pub threats: &'static str,
    pub title: &'static str,
    pub date: &'static str,
    pub venue: &'static str,
    pub district: &'static str,
    pub province: &'static str,
    pub organiser: &'static str,
    pub facilitator: &'static str,
    pub participants: &'static str,
    pub people: &'static str,
    pub stages: &'static str,
    pub guidance: &'static str,
    pub swot: &'static str,
    pub strategies: &'static str,
    pub recommendations: &'static str,
    pub actions: &'static str,
    pub items: &'static str,
    pub votes: &'static str,
    pub minutes: &'static str,
    pub discussed: &'static str,
    pub no_date: &'static str,
    pub untitled: &'static str,
    pub empty_pane: &'static str,
    pub path: &'static str,
    pub no_sessions: &'static str,
    pub skipped: &'static str,
    pub newer_version: &'static str,
    pub valid: &'static str,
    pub open: &'static str,
}

pub const TH: Strings = Strings {
    strengths: "จุดแข็ง",
    weaknesses: "จุดอ่อน",
    opportunities: "โอกาส",
    threats: "อุปสรรค",
    title: "ชื่อเวที",
    date: "วันที่",
    venue: "สถานที่",
    district: "อำเภอ",
    province: "จังหวัด",
    organiser: "ผู้จัด",
    facilitator: "วิทยากรกระบวนการ",
    participants: "ผู้เข้าร่วม",
    people: "คน",
    stages: "ขั้นตอน",
    guidance: "แนวทาง",
    swot: "SWOT",
    strategies: "กลยุทธ์",
    recommendations: "ข้อเสนอแนะ",
    actions: "สิ่งที่ต้องทำ",
    items: "รายการ",
    votes: "คะแนน",
    minutes: "นาที",
    discussed: "หารือแล้ว",
    no_date: "ไม่ระบุวันที่",
    untitled: "(ไม่มีชื่อ)",
    empty_pane: "(ยังไม่มีรายการ)",
    path: "ไฟล์",
    no_sessions: "ยังไม่มีเวทีในโฟลเดอร์",
    skipped: "ข้ามไฟล์",
    newer_version: "ไฟล์นี้มาจาก wethi รุ่นใหม่กว่า จึงเปิดได้แบบอ่านอย่างเดียว",
    valid: "ถูกต้อง",
    open: "ยังไม่เสร็จ",
};

pub const EN: Strings = Strings {
    strengths: "Strengths",
    weaknesses: "Weaknesses",
    opportunities: "Opportunities",
    threats: "Threats",
    title: "Title",
    date: "Date",
    venue: "Venue",
    district: "District",
    province: "Province",
    organiser: "Organiser",
    facilitator: "Facilitator",
    participants: "Participants",
    people: "people",
    stages: "Stages",
    guidance: "Guidance",
    swot: "SWOT",
    strategies: "Strategies",
    recommendations: "Recommendations",
    actions: "Action items",
    items: "items",
    votes: "votes",
    minutes: "min",
    discussed: "discussed",
    no_date: "no date",
    untitled: "(untitled)",
    empty_pane: "(no items yet)",
    path: "File",
    no_sessions: "No sessions yet in",
    skipped: "skipped",
    newer_version: "this file comes from a newer wethi, so it opens read-only",
    valid: "valid",
    open: "open",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}

impl Strings {
    pub fn quadrant(&self, q: Quadrant) -> &'static str {
        match q {
            Quadrant::Strengths => self.strengths,
            Quadrant::Weaknesses => self.weaknesses,
            Quadrant::Opportunities => self.opportunities,
            Quadrant::Threats => self.threats,
        }
    }
}
