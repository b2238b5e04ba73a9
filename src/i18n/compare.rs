//! Strings of `wethi diff` and `wethi merge`. Placeholders in braces
//! (`{n}`, `{file}`) are filled in with [`fill`].

use crate::text::Lang;

pub struct CompareStrings {
    pub no_changes: &'static str,
    pub empty_value: &'static str,
    pub moved_from: &'static str,
    pub text_was: &'static str,
    /// A photo's place in the report's order: "place 2 → 1".
    pub place: &'static str,
    pub done: &'static str,
    pub not_done: &'static str,
    pub not_discussed: &'static str,
    pub links: &'static str,
    pub merged_title: &'static str,
    pub group_names_count: &'static str,
    pub out_is_input: &'static str,
    pub out_exists: &'static str,
    pub merged: &'static str,
    pub not_a_merge: &'static str,
    pub followups: &'static str,
    pub participant_groups: &'static str,
    pub carried: &'static str,
    pub dropped: &'static str,
    pub group_name_empty: &'static str,
    pub title_empty: &'static str,
    /// Every file to merge says the same number of people took part.
    pub whole_room: &'static str,
}

pub const TH: CompareStrings = CompareStrings {
    no_changes: "ไม่มีความเปลี่ยนแปลง",
    empty_value: "(ว่าง)",
    moved_from: "ย้ายมาจาก",
    text_was: "เดิม",
    place: "ลำดับที่",
    done: "เสร็จแล้ว",
    not_done: "ยังไม่เสร็จ",
    not_discussed: "ยังไม่ได้หารือ",
    links: "เชื่อมโยง",
    merged_title: "รวมผลจากกลุ่ม",
    group_names_count: "--group-names ให้ชื่อกลุ่ม {names} ชื่อ แต่มีไฟล์ {files} ไฟล์: ต้องเท่ากัน",
    out_is_input: "{file}: เป็นไฟล์ต้นทางไฟล์หนึ่ง การรวมจะไม่เขียนทับไฟล์ต้นทาง",
    out_exists: "{file}: มีไฟล์นี้อยู่แล้ว ใส่ --force หากต้องการเขียนทับ",
    merged: "รวม {n} ไฟล์ ({items} รายการ SWOT) ไว้ที่ {file}",
    not_a_merge: "ต้องมีไฟล์อย่างน้อย 2 ไฟล์จึงจะรวมได้",
    followups: "ติดตามผลจากเวทีก่อน",
    participant_groups: "กลุ่มผู้เข้าร่วม",
    carried: "ทำต่อ",
    dropped: "ยกเลิก",
    group_name_empty: "--group-names มีชื่อกลุ่มที่ว่างเปล่า: ทุกกลุ่มต้องมีชื่อ",
    title_empty: "--title ว่างเปล่า: ใส่ชื่อเวทีที่รวมแล้ว หรือไม่ต้องใส่ --title",
    whole_room: "ทุกไฟล์ระบุผู้เข้าร่วม {total} คนเท่ากัน จึงถือว่าเป็นผู้เข้าร่วมทั้งเวที: ใช้ {total} คน ไม่นำมารวมกัน",
};

pub const EN: CompareStrings = CompareStrings {
    no_changes: "No changes.",
    empty_value: "(empty)",
    moved_from: "moved from",
    text_was: "was",
    place: "place",
    done: "done",
    not_done: "open",
    not_discussed: "not discussed",
    links: "links",
    merged_title: "Merged from groups",
    group_names_count: "--group-names gives {names} names for {files} files: they must be as many.",
    out_is_input: "{file}: is one of the input files; merge never overwrites an input.",
    out_exists: "{file}: already exists; pass --force to overwrite it.",
    merged: "Merged {n} files ({items} SWOT items) into {file}",
    not_a_merge: "merge needs at least 2 files.",
    followups: "Follow-ups of the past session",
    participant_groups: "Participant groups",
    carried: "carried on",
    dropped: "dropped",
    group_name_empty: "--group-names has an empty name: every group needs one.",
    title_empty: "--title is empty: give the merged session a title, or leave --title out.",
    whole_room: "every file says {total} people took part, so that is taken as the whole room: the merged session keeps {total}, not their sum.",
};

pub fn compare_strings(lang: Lang) -> &'static CompareStrings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}

pub use super::fill;
