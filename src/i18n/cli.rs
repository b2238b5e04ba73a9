//! Sentences the command line prints itself (the commands' output has
//! its own areas: `compare` for diff and merge, `report` for export).

use crate::text::Lang;

pub struct CliStrings {
    /// No `--data-dir` and no platform data folder either.
    pub no_data_dir: &'static str,
    /// The title a new session gets when none is given; `{date}` is its day.
    pub default_title: &'static str,
}

pub const TH: CliStrings = CliStrings {
    no_data_dir: "หาโฟลเดอร์ข้อมูลของผู้ใช้นี้ไม่พบ: โปรดระบุ --data-dir DIR",
    default_title: "เวที {date}",
};

pub const EN: CliStrings = CliStrings {
    no_data_dir: "no data folder could be found for this user: pass --data-dir DIR.",
    default_title: "Workshop {date}",
};

pub fn cli_strings(lang: Lang) -> &'static CliStrings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}
