//! Strings of the workshop's facts in the details form (`i`) and in `diff`:
//! the project, objective, time of day, who presided and who ran it, and
//! the news post's headline, tagline and credit line.

use crate::text::Lang;

pub struct DetailsStrings {
    pub project: &'static str,
    pub objective: &'static str,
    pub time: &'static str,
    pub presided_by: &'static str,
    pub presided_position: &'static str,
    pub facilitator_position: &'static str,
    pub team: &'static str,
    pub headline: &'static str,
    pub tagline: &'static str,
    pub credit: &'static str,
    /// The form's footer while a paragraph field (the objective) has the cursor.
    pub paragraph_keys: &'static str,
    /// A position typed for who presided, but no name.
    pub presided_needs_name: &'static str,
    /// `show`'s section of the facts the report does not print.
    pub show_heading: &'static str,
}

pub const TH: DetailsStrings = DetailsStrings {
    project: "ชื่อโครงการ",
    objective: "วัตถุประสงค์",
    time: "เวลา (เริ่ม–เลิก)",
    presided_by: "ประธาน",
    presided_position: "ตำแหน่งประธาน",
    facilitator_position: "ตำแหน่งวิทยากร",
    team: "ผู้ร่วมดำเนินการ",
    headline: "พาดหัวข่าว",
    tagline: "คำโปรย",
    credit: "เครดิตข่าว",
    paragraph_keys: "Tab ช่องถัดไป · Alt-Enter หรือ Ctrl-J ขึ้นบรรทัดใหม่ · Enter บันทึก · Esc ยกเลิก",
    presided_needs_name: "ใส่ชื่อประธานด้วย หรือลบตำแหน่งประธานออก",
    show_heading: "ข้อมูลเวทีเพิ่มเติม",
};

pub const EN: DetailsStrings = DetailsStrings {
    project: "Project",
    objective: "Objective",
    time: "Time (start–end)",
    presided_by: "Presided by",
    presided_position: "Their position",
    facilitator_position: "Facilitator's position",
    team: "Together with",
    headline: "News headline",
    tagline: "Tagline",
    credit: "News credit",
    paragraph_keys: "Tab next field · Alt-Enter or Ctrl-J new line · Enter saves · Esc cancels",
    presided_needs_name: "Type the name of who presided, or clear their position.",
    show_heading: "Further details",
};

pub fn details_strings(lang: Lang) -> &'static DetailsStrings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}
