//! Strings of the home screen's questions (a new session's title, the
//! trash), its welcome, and the session-language field of the details form.

use crate::text::Lang;

pub struct FacilitatorStrings {
    pub new_title: &'static str,
    pub new_title_keys: &'static str,
    pub trash_question: &'static str,
    pub yes_no: &'static str,
    pub restored: &'static str,
    pub nothing_to_restore: &'static str,
    pub broken_heading: &'static str,
    pub welcome: &'static str,
    pub welcome_new: &'static str,
    pub welcome_example: &'static str,
    pub session_lang: &'static str,
    pub lang_error: &'static str,
}

pub const TH: FacilitatorStrings = FacilitatorStrings {
    new_title: "ชื่อเวทีใหม่",
    new_title_keys: "พิมพ์ชื่อเวที · Enter สร้างเวที · Esc ยกเลิก",
    trash_question: "ย้ายไปถังขยะ?",
    yes_no: "y หรือ Enter ย้าย · n หรือ Esc ไม่ย้าย",
    restored: "นำกลับจากถังขยะแล้ว",
    nothing_to_restore: "ไม่มีเวทีที่เพิ่งย้ายไปถังขยะ",
    broken_heading: "ไฟล์ที่เปิดไม่ได้",
    welcome: "ยินดีต้อนรับสู่ เวที — ยังไม่มีเวทีในโฟลเดอร์นี้",
    welcome_new: "n   เริ่มเวทีใหม่ (ถามชื่อเวทีก่อน)",
    welcome_example: "e   เปิดเวทีตัวอย่าง (อุบลราชธานี 13 ม.ค. 2564)",
    session_lang: "ภาษาของเวที (th/en)",
    lang_error: "ภาษาของเวทีต้องเป็น th (ไทย) หรือ en (อังกฤษ)",
};

pub const EN: FacilitatorStrings = FacilitatorStrings {
    new_title: "Title of the new session",
    new_title_keys: "type the title · Enter create · Esc cancel",
    trash_question: "Move to the trash?",
    yes_no: "y or Enter move · n or Esc keep",
    restored: "Brought back from the trash",
    nothing_to_restore: "No session was just moved to the trash",
    broken_heading: "Files that cannot be opened",
    welcome: "Welcome to wethi — this folder has no sessions yet",
    welcome_new: "n   start a new session (asks for its title)",
    welcome_example: "e   open the built-in example (Ubon Ratchathani, 13 Jan 2021)",
    session_lang: "Session language (th/en)",
    lang_error: "The session language must be th (Thai) or en (English)",
};

pub fn facilitator_strings(lang: Lang) -> &'static FacilitatorStrings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}
