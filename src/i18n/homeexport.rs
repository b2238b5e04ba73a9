//! Strings of exporting a report from the home screen (`x`).

use crate::text::Lang;

pub struct HomeExportStrings {
    /// The title of the format question.
    pub title: &'static str,
    /// The format names, in the order of `Format::ALL`.
    pub formats: [&'static str; 4],
    /// The keys of the question, for the footer.
    pub keys: &'static str,
    /// Before the path of the report written beside the session.
    pub written: &'static str,
    /// Before the path of the report written elsewhere, because the
    /// session's folder cannot be written.
    pub written_elsewhere: &'static str,
    /// Before the reason a file cannot be exported.
    pub cannot_export: &'static str,
}

pub const TH: HomeExportStrings = HomeExportStrings {
    title: "ส่งออกรายงานเป็น",
    formats: [
        "Markdown (.md)",
        "HTML (.html) สำหรับเบราว์เซอร์และพิมพ์ A4",
        "Word (.docx)",
        "CSV (.csv) สำหรับตารางคำนวณ",
    ],
    keys: "ส่งออก: m Markdown · h HTML · w Word · c CSV · ↑↓ Enter เลือก · Esc ยกเลิก",
    written: "เขียนรายงานแล้ว:",
    written_elsewhere: "โฟลเดอร์ของเวทีเขียนไม่ได้ จึงเขียนรายงานไว้ที่:",
    cannot_export: "ส่งออกไม่ได้:",
};

pub const EN: HomeExportStrings = HomeExportStrings {
    title: "Export a report as",
    formats: [
        "Markdown (.md)",
        "HTML (.html), for browsers and A4 printing",
        "Word (.docx)",
        "CSV (.csv), for spreadsheets",
    ],
    keys: "Export: m Markdown · h HTML · w Word · c CSV · ↑↓ Enter choose · Esc cancel",
    written: "Report written:",
    written_elsewhere: "The session's folder cannot be written; report written to:",
    cannot_export: "Cannot export:",
};

pub fn home_export_strings(lang: Lang) -> &'static HomeExportStrings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}
