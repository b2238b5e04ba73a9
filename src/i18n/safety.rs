//! Strings of the safety features: drafts kept when a signal ends the
//! program, read-only openings, backups and the quit-without-saving prompt.

use crate::text::Lang;

pub struct SafetyStrings {
    /// Notice: the session opened read-only because its folder cannot be written.
    pub cannot_write: &'static str,
    /// Home screen: the trash refuses a session another wethi has open.
    pub in_use: &'static str,
    /// Notice: a draft left by a signal was put back into its box.
    pub draft_restored: &'static str,
    /// Header, after the save state: this opening's backup failed.
    pub no_backup: &'static str,
    /// The save-as prompt shown when quitting while NOT SAVED.
    pub unsaved_quit: &'static str,
    /// After a signal while NOT SAVED: where the work went instead.
    pub rescued: &'static str,
    /// `wethi backups`: none kept.
    pub no_backups: &'static str,
    /// `wethi backups`: column words.
    pub items: &'static str,
    pub strategies: &'static str,
    pub actions: &'static str,
    /// `wethi restore`: what was done.
    pub restored: &'static str,
    pub current_kept: &'static str,
    /// `wethi restore`: the argument is not in a `.backups/` folder.
    pub not_a_backup: &'static str,
}

pub const TH: SafetyStrings = SafetyStrings {
    cannot_write: "อ่านอย่างเดียว: เขียนไฟล์ในโฟลเดอร์นี้ไม่ได้ (ดูเหตุผลที่แถบบน)",
    in_use: "มี wethi อีกตัวเปิดไฟล์นี้อยู่ จึงย้ายไปถังขยะไม่ได้",
    draft_restored: "ข้อความที่พิมพ์ค้างไว้ครั้งก่อนถูกนำกลับมาแล้ว: Enter เก็บไว้ Esc ทิ้ง",
    no_backup: "ไม่มีสำรอง",
    unsaved_quit: "บันทึกไม่ได้: พิมพ์ที่อยู่ไฟล์ที่จะบันทึก แล้วกด Enter · Esc แล้ว q: ออกโดยไม่บันทึก",
    rescued: "บันทึกในโฟลเดอร์ของไฟล์เวทีไม่ได้ งานทั้งหมดจึงบันทึกไว้ที่",
    no_backups: "ยังไม่มีไฟล์สำรองของ",
    items: "ข้อ SWOT",
    strategies: "กลยุทธ์",
    actions: "งาน",
    restored: "นำไฟล์สำรองกลับมาแล้ว:",
    current_kept: "ไฟล์เดิมสำรองไว้ที่",
    not_a_backup: "ไม่ใช่ไฟล์สำรอง (ต้องอยู่ในโฟลเดอร์ .backups/ ข้างไฟล์เวที)",
};

pub const EN: SafetyStrings = SafetyStrings {
    cannot_write: "read-only: this folder cannot be written to (the header says why)",
    in_use: "another wethi has this session open, so it cannot go to the trash",
    draft_restored: "text typed last time was put back: Enter keeps it, Esc drops it",
    no_backup: "no backup",
    unsaved_quit: "Cannot save: type a path to save to, then Enter · Esc then q: quit unsaved",
    rescued: "the session's folder could not be written, so the work was saved to",
    no_backups: "no backups kept yet of",
    items: "SWOT items",
    strategies: "strategies",
    actions: "actions",
    restored: "backup put back:",
    current_kept: "the file it replaced is kept in",
    not_a_backup: "is not a backup (backups live in a .backups/ folder beside the session)",
};

pub fn safety_strings(lang: Lang) -> &'static SafetyStrings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}
