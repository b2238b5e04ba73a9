//! Strings of exporting a report from the home screen (`x`), and of
//! sharing the news post from the summary (`y`).

use crate::text::Lang;

pub struct HomeExportStrings {
    /// The title of the format question.
    pub title: &'static str,
    /// The format names, in the order of `Format::ALL`.
    pub formats: [&'static str; 5],
    /// The keys of the question, for the footer.
    pub keys: &'static str,
    /// Before the path of the report written beside the session.
    pub written: &'static str,
    /// Before the path of the report written elsewhere, because the
    /// session's folder cannot be written.
    pub written_elsewhere: &'static str,
    /// Before the reason a file cannot be exported.
    pub cannot_export: &'static str,
    /// Before the path of a news post written beside the session.
    pub post_written: &'static str,
    /// `y` on the summary: the post went to the clipboard (`{path}`: where
    /// it was saved, the file's name when beside the session; `{why}`: why
    /// it was not). Short: the footer is one line.
    pub post_shared: &'static str,
    pub post_not_saved: &'static str,
}

pub const TH: HomeExportStrings = HomeExportStrings {
    title: "ส่งออกรายงานเป็น",
    formats: [
        "Markdown (.md)",
        "HTML (.html) สำหรับเบราว์เซอร์และพิมพ์ A4",
        "Word (.docx)",
        "CSV (.csv) สำหรับตารางคำนวณ",
        "ข่าวประชาสัมพันธ์ (.post.txt) สำหรับ Facebook และ LINE",
    ],
    keys: "ส่งออก: m Markdown · h HTML · w Word · c CSV · p ข่าว · ↑↓ Enter เลือก · Esc ยกเลิก",
    written: "เขียนรายงานแล้ว:",
    written_elsewhere: "โฟลเดอร์ของเวทีเขียนไม่ได้ จึงเขียนรายงานไว้ที่:",
    cannot_export: "ส่งออกไม่ได้:",
    post_written: "เขียนข่าวประชาสัมพันธ์แล้ว:",
    post_shared: "คัดลอกข่าวประชาสัมพันธ์แล้ว (หากเทอร์มินัลรองรับ) บันทึกไว้ที่ {path}",
    post_not_saved: "คัดลอกข่าวประชาสัมพันธ์แล้ว (หากเทอร์มินัลรองรับ) แต่บันทึกไฟล์ไม่ได้: {why}",
};

pub const EN: HomeExportStrings = HomeExportStrings {
    title: "Export a report as",
    formats: [
        "Markdown (.md)",
        "HTML (.html), for browsers and A4 printing",
        "Word (.docx)",
        "CSV (.csv), for spreadsheets",
        "News post (.post.txt), for Facebook and LINE",
    ],
    keys: "Export: m Markdown · h HTML · w Word · c CSV · p post · ↑↓ Enter choose · Esc cancel",
    written: "Report written:",
    written_elsewhere: "The session's folder cannot be written; report written to:",
    cannot_export: "Cannot export:",
    post_written: "News post written:",
    post_shared: "News post copied (if the terminal allows) and saved: {path}",
    post_not_saved: "News post copied (if the terminal allows), not saved: {why}",
};

pub fn home_export_strings(lang: Lang) -> &'static HomeExportStrings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}
