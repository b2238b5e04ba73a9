//! The sentences of the news post (ข่าวประชาสัมพันธ์, `wethi export --format
//! post`), in the order of the seed press release: each a template whose
//! `{name}` places `i18n::fill` fills.

use crate::text::Lang;

pub struct PostStrings {
    /// ⏰: the date, the time, the place, joined by `sep`.
    pub date: &'static str,
    pub time: &'static str,
    pub place: &'static str,
    pub sep: &'static str,
    /// 📌: why, how many and who, and the steps; joined by spaces.
    pub objective: &'static str,
    /// How many took part: when what ran is a project (named "โครงการ…"
    /// just before, so "โครงการฯ" stands for it), and anything else.
    pub total: [&'static str; 2],
    pub made_up_of: &'static str,
    pub groups_only: &'static str,
    pub steps: &'static str,
    /// Ends a sentence: nothing in Thai, a full stop in English.
    pub end: &'static str,
    /// 🔑: `{name}` and `{position}` of who gave it (the position is the
    /// name when there is none); `{points}` numbered.
    pub guidance_by: &'static str,
    pub guidance_given: &'static str,
    /// 📍: the opening, then clauses each with the connector that joins it
    /// to the one before (the first goes without).
    pub exchange: &'static str,
    pub joiner: ExchangeJoiners,
    pub swot: &'static str,
    pub top: &'static str,
    /// A top-voted item: `{quadrant}` (singular) and `{text}`.
    pub top_item: &'static str,
    /// The four quadrants, one item each, in board order (the reports'
    /// problems name theirs so too).
    pub quadrant: [&'static str; 4],
    /// One strategy, several.
    pub strategies: [&'static str; 2],
    pub recommendations: [&'static str; 2],
    pub roles: &'static str,
    pub experience: &'static str,
    /// 📸 when the session has photos but no credit line.
    pub photos: &'static str,
}

/// The connector before each clause of 📍 that is not the first.
pub struct ExchangeJoiners {
    pub strategies: &'static str,
    pub recommendations: &'static str,
    pub roles: &'static str,
    pub experience: &'static str,
}

pub const TH: PostStrings = PostStrings {
    date: "วันที่ {date}",
    time: "เวลา {time}",
    place: "ณ {place}",
    sep: " ",
    objective: "โดยมีวัตถุประสงค์เพื่อ{objective}",
    total: [
        "กลุ่มเป้าหมายเข้าร่วมโครงการฯ จำนวน {n} คน",
        "กลุ่มเป้าหมายเข้าร่วมกิจกรรม จำนวน {n} คน",
    ],
    made_up_of: " ประกอบด้วย {groups}",
    groups_only: "กลุ่มเป้าหมาย ได้แก่ {groups}",
    steps: "โดยมีวิธีการ ขั้นตอนการดำเนินงานดังนี้ {steps}",
    end: "",
    guidance_by: "โอกาสนี้ {position} ได้มอบแนวทางในการขับเคลื่อนงาน ได้แก่ {points}",
    guidance_given: "โอกาสนี้ ที่ประชุมได้รับแนวทางในการขับเคลื่อนงาน ได้แก่ {points}",
    exchange: "นอกจากนั้น ที่ประชุมฯ ยังได้",
    joiner: ExchangeJoiners {
        strategies: " พร้อมทั้ง",
        recommendations: " รวมถึง",
        roles: " ตลอดจน",
        experience: " และ",
    },
    swot: "จัดเวทีแลกเปลี่ยนถึงจุดแข็ง จุดอ่อน โอกาส และอุปสรรค ได้ประเด็นรวม {n} ประเด็น",
    top: " โดยประเด็นที่ได้คะแนนมากที่สุด ได้แก่ {items}",
    top_item: "{quadrant} “{text}”",
    quadrant: ["จุดแข็ง", "จุดอ่อน", "โอกาส", "อุปสรรค"],
    strategies: ["กำหนดกลยุทธ์ได้ {n} แนวทาง", "กำหนดกลยุทธ์ได้ {n} แนวทาง"],
    recommendations: [
        "ข้อเสนอแนะการดำเนินงาน {n} ข้อ คือ “{first}”",
        "ข้อเสนอแนะการดำเนินงาน {n} ข้อ เช่น “{first}”",
    ],
    roles: "ทบทวนบทบาทหน้าที่ เช่น “{first}”",
    experience: "แลกเปลี่ยนประสบการณ์ในการขับเคลื่อนงาน เช่น “{first}”",
    photos: "ภาพกิจกรรม",
};

pub const EN: PostStrings = PostStrings {
    date: "{date}",
    time: "{time}",
    place: "at {place}",
    sep: ", ",
    objective: "The objective was to {objective}.",
    total: ["{n} people took part", "{n} people took part"],
    made_up_of: ": {groups}",
    groups_only: "Taking part: {groups}",
    steps: "The steps were: {steps}",
    end: ".",
    guidance_by: "On this occasion, {name} gave guidance on driving the work: {points}",
    guidance_given: "On this occasion, the meeting was given guidance on driving the work: {points}",
    exchange: "The meeting also ",
    joiner: ExchangeJoiners {
        strategies: ". It ",
        recommendations: ". It ",
        roles: ". It ",
        experience: ". It ",
    },
    swot: "weighed strengths, weaknesses, opportunities and threats, {n} points in all",
    top: "; the top-voted were {items}",
    top_item: "the {quadrant} “{text}”",
    quadrant: ["strength", "weakness", "opportunity", "threat"],
    strategies: ["drew up {n} strategy", "drew up {n} strategies"],
    recommendations: [
        "made {n} recommendation: “{first}”",
        "made {n} recommendations, among them “{first}”",
    ],
    roles: "reviewed its roles and duties, for example “{first}”",
    experience: "exchanged experience in driving its work, for example “{first}”",
    photos: "Photos",
};

pub fn post_strings(lang: Lang) -> &'static PostStrings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}
