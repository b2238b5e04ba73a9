//! Every user-visible string, in Thai and in English, in one place.
//!
//! A struct rather than a lookup table: the compiler makes sure each
//! language has every string. A feature with many strings of its own keeps
//! them in a submodule here, in the same shape: a struct `<Area>Strings`,
//! `TH`, `EN`, and the getter `<area>_strings(lang)` (`room::room_strings`,
//! `safety::safety_strings`); the board's own are [`strings`].

pub mod across;
pub mod cli;
pub mod compare;
pub mod details;
pub mod facilitator;
pub mod files;
pub mod followup;
pub mod help;
pub mod homeexport;
pub mod photos;
pub mod post;
pub mod room;
pub mod safety;

use crate::session::Quadrant;
use crate::text::Lang;

pub mod report;

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
    pub home_title: &'static str,
    pub filter: &'static str,
    pub no_match: &'static str,
    pub moved_to_trash: &'static str,
    pub home_empty: &'static str,
    pub so: &'static str,
    pub wo: &'static str,
    pub st: &'static str,
    pub wt: &'static str,
    pub actions_view: &'static str,
    pub role_review: &'static str,
    pub experience_exchange: &'static str,
    pub closing_notes: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub text: &'static str,
    pub overdue: &'static str,
    pub no_links: &'static str,
    pub links_title: &'static str,
    pub links_keys: &'static str,
    pub details_title: &'static str,
    pub form_keys: &'static str,
    pub action_form_title: &'static str,
    pub total: &'static str,
    pub group: &'static str,
    pub new_group: &'static str,
    pub text_required: &'static str,
    pub strategies_per_pair: &'static str,
    pub time_per_stage: &'static str,
    pub none: &'static str,
    pub agenda: &'static str,
    pub summary: &'static str,
    /// The photos view's name (ภาพกิจกรรม, as the report's last section).
    pub photos: &'static str,
    pub notes: &'static str,
    pub no_notes: &'static str,
    pub saved: &'static str,
    pub not_saved: &'static str,
    pub read_only: &'static str,
    pub locked: &'static str,
    pub viewing: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    pub undone: &'static str,
    pub redone: &'static str,
    pub nothing_selected: &'static str,
    pub template_text: &'static str,
    pub too_small: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub text_box_keys: &'static str,
    pub add_to: &'static str,
    pub edit_in: &'static str,
    pub move_prompt: &'static str,
    pub top_voted: &'static str,
    pub timebox: &'static str,
    pub spent: &'static str,
    pub running: &'static str,
    pub guidance_notes: &'static str,
    pub stage: &'static str,
    pub open_actions: &'static str,
    pub unsaved_quit: &'static str,
    pub save_to: &'static str,
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
    home_title: "เวทีที่บันทึกไว้",
    filter: "ค้นหา",
    no_match: "ไม่พบเวทีที่ตรงกับคำค้น",
    moved_to_trash: "ย้ายไปถังขยะแล้ว",
    home_empty: "ยังไม่มีเวที — กด n เพื่อเริ่มเวทีใหม่",
    so: "SO กลยุทธ์เชิงรุก",
    wo: "WO กลยุทธ์เชิงแก้ไข",
    st: "ST กลยุทธ์เชิงป้องกัน",
    wt: "WT กลยุทธ์เชิงรับ",
    actions_view: "ข้อเสนอแนะและสิ่งที่ต้องทำ",
    role_review: "ทบทวนบทบาทหน้าที่",
    experience_exchange: "แลกเปลี่ยนประสบการณ์",
    closing_notes: "บันทึกปิดเวที",
    owner: "ผู้รับผิดชอบ",
    due: "กำหนดเสร็จ",
    text: "ข้อความ",
    overdue: "เลยกำหนด",
    no_links: "ยังไม่ได้เชื่อมโยง (กด l)",
    links_title: "เชื่อมโยงกับรายการ SWOT",
    links_keys: "↑ ↓ เลือก · Space เชื่อม/เลิกเชื่อม · Enter ปิด",
    details_title: "ข้อมูลเวที",
    form_keys: "Tab ช่องถัดไป · Shift-Tab ช่องก่อน · Enter บันทึก · Esc ยกเลิก",
    action_form_title: "สิ่งที่ต้องทำ",
    total: "จำนวนทั้งหมด",
    group: "กลุ่ม (ชื่อ: จำนวน)",
    new_group: "กลุ่มใหม่ (ชื่อ: จำนวน)",
    text_required: "โปรดพิมพ์ข้อความ",
    strategies_per_pair: "กลยุทธ์แต่ละคู่",
    time_per_stage: "เวลาที่ใช้แต่ละขั้นตอน",
    none: "ไม่มี",
    agenda: "วาระ",
    summary: "สรุป",
    photos: "ภาพกิจกรรม",
    notes: "บันทึก",
    no_notes: "(ยังไม่มีบันทึก — กด a เพื่อเพิ่ม)",
    saved: "บันทึกแล้ว",
    not_saved: "ยังไม่ได้บันทึก",
    read_only: "อ่านอย่างเดียว",
    locked: "มี wethi อีกตัวเปิดไฟล์นี้อยู่ จึงเปิดแบบอ่านอย่างเดียว",
    viewing: "เปิดดูอย่างเดียว",
    nothing_to_undo: "ไม่มีอะไรให้เลิกทำ",
    nothing_to_redo: "ไม่มีอะไรให้ทำซ้ำ",
    undone: "เลิกทำแล้ว",
    redone: "ทำซ้ำแล้ว",
    nothing_selected: "ยังไม่ได้เลือกรายการ",
    template_text: "ข้อความนี้มาจากแม่แบบ: กด → เพื่อไปที่บันทึก",
    too_small: "หน้าจอเล็กเกินไป: ขยายหน้าต่าง",
    help_title: "ปุ่มลัด",
    help_close: "กด Esc หรือ ? เพื่อปิด",
    text_box_keys: "Enter บันทึก · Esc ยกเลิก · ← → เลื่อน · Ctrl-← → ทีละคำ",
    add_to: "เพิ่มใน",
    edit_in: "แก้ไขใน",
    move_prompt: "ย้ายไปช่อง: s จุดแข็ง · w จุดอ่อน · o โอกาส · t อุปสรรค · Esc ยกเลิก",
    top_voted: "คะแนนสูงสุด",
    timebox: "เวลาที่กำหนด",
    spent: "ใช้ไป",
    running: "กำลังจับเวลา",
    guidance_notes: "บันทึกและข้อตกลง",
    stage: "ขั้นตอน",
    open_actions: "สิ่งที่ต้องทำที่ยังไม่เสร็จ",
    unsaved_quit: "บันทึกไม่ได้: พิมพ์ที่อยู่ไฟล์ที่จะบันทึก แล้วกด Enter",
    save_to: "บันทึกไปที่",
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
    home_title: "Sessions",
    filter: "Filter",
    no_match: "No session matches the filter",
    moved_to_trash: "moved to the trash",
    home_empty: "No sessions yet — press n to start one",
    so: "SO Aggressive",
    wo: "WO Corrective",
    st: "ST Defensive",
    wt: "WT Retrenchment",
    actions_view: "Actions",
    role_review: "Role review",
    experience_exchange: "Experience exchange",
    closing_notes: "Closing notes",
    owner: "Owner",
    due: "Due",
    text: "Text",
    overdue: "overdue",
    no_links: "no links yet (press l)",
    links_title: "Link to SWOT items",
    links_keys: "↑ ↓ select · Space link/unlink · Enter closes",
    details_title: "Session details",
    form_keys: "Tab next field · Shift-Tab previous · Enter saves · Esc cancels",
    action_form_title: "Action item",
    total: "Total",
    group: "Group (name: count)",
    new_group: "New group (name: count)",
    text_required: "Please type the text.",
    strategies_per_pair: "Strategies per pair",
    time_per_stage: "Time per stage",
    none: "none",
    agenda: "Agenda",
    summary: "Summary",
    photos: "Photos",
    notes: "Notes",
    no_notes: "(no notes yet — press a to add)",
    saved: "saved",
    not_saved: "NOT SAVED",
    read_only: "read-only",
    locked: "another wethi has this file open, so it is read-only",
    viewing: "opened for viewing only",
    nothing_to_undo: "nothing to undo",
    nothing_to_redo: "nothing to redo",
    undone: "undone",
    redone: "redone",
    nothing_selected: "nothing selected",
    template_text: "this text comes from the template: press → for the notes",
    too_small: "terminal too small: make the window larger",
    help_title: "Keys",
    help_close: "Esc or ? closes",
    text_box_keys: "Enter saves · Esc cancels · ← → move · Ctrl-← → by word",
    add_to: "Add to",
    edit_in: "Edit in",
    move_prompt: "Move to: s strengths · w weaknesses · o opportunities · t threats · Esc cancels",
    top_voted: "Top voted",
    timebox: "timebox",
    spent: "spent",
    running: "running",
    guidance_notes: "Notes and commitments",
    stage: "Stage",
    open_actions: "Open action items",
    unsaved_quit: "Cannot save: type a path to save to, then Enter",
    save_to: "Save to",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}

impl Strings {
    pub fn tows(&self, p: crate::session::TowsPair) -> &'static str {
        use crate::session::TowsPair;
        match p {
            TowsPair::SO => self.so,
            TowsPair::WO => self.wo,
            TowsPair::ST => self.st,
            TowsPair::WT => self.wt,
        }
    }

    pub fn quadrant(&self, q: Quadrant) -> &'static str {
        match q {
            Quadrant::Strengths => self.strengths,
            Quadrant::Weaknesses => self.weaknesses,
            Quadrant::Opportunities => self.opportunities,
            Quadrant::Threats => self.threats,
        }
    }
}

/// `template` with each `{name}` replaced by its value, in one pass: a
/// value that itself holds `{name}` (a file name, a reason quoting the
/// file) is left as it is. A `{` that starts no known name stays.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = values.iter().find(|(n, _)| *n == name)?;
            Some((value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    /// Every area file has the getter of the one naming scheme, so a caller
    /// can guess it: `<area>_strings(lang: Lang) -> &'static <Area>Strings`.
    #[test]
    fn every_area_has_its_getter_named_after_its_strings() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
        let mut areas = 0;
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name == "mod.rs" || !name.ends_with(".rs") {
                continue;
            }
            let source = std::fs::read_to_string(entry.path()).unwrap();
            let getter = source.lines().find_map(|l| {
                let rest = l.strip_prefix("pub fn ")?;
                let (name, rest) = rest.split_once("(lang: Lang) -> &'static ")?;
                Some((name.to_owned(), rest.trim_end_matches(" {").to_owned()))
            });
            let Some((getter, returns)) = getter else {
                panic!("src/i18n/{name} has no `pub fn <area>_strings(lang: Lang)` getter");
            };
            let area = getter.strip_suffix("_strings").unwrap_or_else(|| {
                panic!("src/i18n/{name}: the getter `{getter}` must be `<area>_strings`")
            });
            let camel: String = area
                .split('_')
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
                })
                .collect();
            assert!(
                camel.eq_ignore_ascii_case(returns.trim_end_matches("Strings")),
                "src/i18n/{name}: `{getter}` returns `{returns}`, expected `{camel}Strings`"
            );
            areas += 1;
        }
        assert!(areas >= 8, "only {areas} area files found");
    }
}
