//! Sentences about session files: why one could not be read, what in it
//! makes no sense, why a save failed.
//!
//! `session` reports what is wrong as typed values ([`Problem`], [`Meaning`])
//! and knows no words; they become a sentence here, at the edge. The
//! `message` and `Display` of [`LoadError`] are implemented in this file for
//! that reason: `session` sits below `i18n` and does not import it.

use std::fmt;

use super::fill;
use crate::session::load::MAX_FILE_BYTES;
use crate::session::validate::Meaning;
use crate::session::{FORMAT, JsonKind, LoadError, Problem};
use crate::text::Lang;
use crate::text::sanitize::for_display;

/// Each field is a template: `{name}` is replaced by its value.
pub struct FileStrings {
    pub unreadable: &'static str,
    pub is_directory: &'static str,
    pub not_found: &'static str,
    pub too_large: &'static str,
    pub empty: &'static str,
    pub not_utf8: &'static str,
    pub syntax: &'static str,
    pub too_deep: &'static str,
    pub not_an_object: &'static str,
    pub wrong_format: &'static str,
    pub format_not_text: &'static str,
    pub no_format: &'static str,
    pub shape: &'static str,
    pub duplicate_key: &'static str,
    pub meaning: &'static str,
    /// What a file holds instead of an object, in the order of [`JsonKind`].
    pub kinds: [&'static str; 6],
    /// Where a shape error is when serde names no field.
    pub top_level: &'static str,
    pub empty_id: &'static str,
    pub duplicate_id: &'static str,
    pub missing_link: &'static str,
    pub version_zero: &'static str,
    pub end_not_after_start: &'static str,
    pub no_name: &'static str,
    pub photo_file_name: &'static str,
    /// A save failed: `{file}` and the system's `{why}`.
    pub not_saved: &'static str,
}

pub const TH: FileStrings = FileStrings {
    unreadable: "อ่านไฟล์ไม่ได้ ({why})",
    is_directory: "เป็นโฟลเดอร์ ไม่ใช่ไฟล์เวที",
    not_found: "ไม่พบไฟล์นี้",
    too_large: "ไฟล์ขนาด {size} MB ใหญ่เกินกว่าที่ไฟล์เวทีจะเป็นได้ ({max} MB) จึงไม่เปิด",
    empty: "ไฟล์ว่างเปล่า จึงไม่ใช่ไฟล์เวที",
    not_utf8: "ไม่ใช่ข้อความ UTF-8 (ไบต์ผิดที่บรรทัด {line} คอลัมน์ {column})",
    syntax: "ไม่ใช่ JSON ที่ถูกต้อง ที่บรรทัด {line} คอลัมน์ {column}: {what}",
    too_deep: "ไม่ใช่ JSON ที่ถูกต้อง ที่บรรทัด {line} คอลัมน์ {column}: \
               ซ้อนกันลึกเกิน 128 ชั้น ซึ่งไม่มีไฟล์เวทีใดเป็นเช่นนั้น",
    not_an_object: "เป็น JSON แต่ไม่ใช่ไฟล์เวที: มี {found} แทนที่จะเป็นออบเจกต์",
    wrong_format: "ไม่ใช่ไฟล์เวทีของ wethi: \"format\" เป็น {found} แต่ต้องเป็น \"{format}\"",
    format_not_text: "ไม่ใช่ไฟล์เวทีของ wethi: \"format\" เป็น {found} ({kind}) \
                      แต่ต้องเป็น \"{format}\"",
    no_format: "ไม่ใช่ไฟล์เวทีของ wethi: ไม่มีช่อง \"format\": \"{format}\"",
    shape: "โครงสร้างไฟล์เวทีไม่ถูกต้อง ที่ {path} (บรรทัด {line} คอลัมน์ {column}): {what}",
    duplicate_key: "ไฟล์เวทีไม่ถูกต้อง: ชื่อช่อง \"{key}\" ซ้ำกันในออบเจกต์เดียว \
                    (บรรทัด {line} คอลัมน์ {column})",
    meaning: "ไฟล์เวทีไม่ถูกต้อง ที่ {path} (บรรทัด {line} คอลัมน์ {column}): {what}",
    kinds: ["null", "ค่าจริง/เท็จ", "ตัวเลข", "ข้อความ", "อาร์เรย์", "ออบเจกต์"],
    top_level: "ชั้นนอกสุดของไฟล์",
    empty_id: "รหัส (id) ว่างเปล่า",
    duplicate_id: "รหัส \"{id}\" ถูกใช้ซ้ำ (ครั้งแรกที่ {first})",
    missing_link: "ลิงก์ \"{id}\" ไม่ได้ชี้ไปที่ข้อใดใน SWOT",
    version_zero: "รุ่นของไฟล์ (version) ต้องเป็น 1 ขึ้นไป",
    end_not_after_start: "เวลาเลิก {end} ต้องหลังเวลาเริ่ม {start}",
    no_name: "ระบุประธาน (presided_by) แต่ไม่มีชื่อ: ใส่ชื่อ หรือลบ presided_by ออก",
    photo_file_name: "ชื่อไฟล์ภาพ \"{file}\" ใช้ไม่ได้: ต้องเป็นชื่อไฟล์ในโฟลเดอร์ภาพของเวที ไม่ใช่ที่อยู่ไฟล์",
    not_saved: "{file}: บันทึกไม่สำเร็จ ({why})",
};

pub const EN: FileStrings = FileStrings {
    unreadable: "cannot be read ({why}).",
    is_directory: "is a folder, not a session file.",
    not_found: "no such file.",
    too_large: "is {size} MB, more than the {max} MB a session may be, so it was not opened.",
    empty: "the file is empty, so it is not a session.",
    not_utf8: "is not UTF-8 text (bad bytes at line {line}, column {column}).",
    syntax: "is not valid JSON at line {line}, column {column}: {what}.",
    too_deep: "is not valid JSON at line {line}, column {column}: \
               nested more than 128 levels deep, which no session is.",
    not_an_object: "is JSON but not a session: it holds {found} instead of an object.",
    wrong_format: "is not a wethi session: \"format\" is {found}, expected \"{format}\".",
    format_not_text: "is not a wethi session: \"format\" is {found} ({kind}), \
                      expected \"{format}\".",
    no_format: "is not a wethi session: it has no \"format\": \"{format}\" field.",
    shape: "is not a valid session: at {path} (line {line}, column {column}), {what}.",
    duplicate_key: "is not a valid session: the key \"{key}\" appears twice in one object \
                    (line {line}, column {column}).",
    meaning: "is not a valid session: at {path} (line {line}, column {column}), {what}.",
    kinds: [
        "null",
        "a true/false value",
        "a number",
        "a string",
        "an array",
        "an object",
    ],
    top_level: "the top level",
    empty_id: "the id is empty",
    duplicate_id: "the id \"{id}\" is used twice (first at {first})",
    missing_link: "the link \"{id}\" points at no SWOT item",
    version_zero: "the version must be 1 or more",
    end_not_after_start: "the end, {end}, is not after the start, {start}",
    no_name: "presided_by names no one: give a name, or remove presided_by",
    photo_file_name: "the photo file \"{file}\" is not a plain file name in the session's photo folder",
    not_saved: "{file}: could not be saved ({why}).",
};

pub fn file_strings(lang: Lang) -> &'static FileStrings {
    match lang {
        Lang::Th => &TH,
        Lang::En => &EN,
    }
}

/// What is wrong with a file, without the file's name.
pub fn problem(problem: &Problem, lang: Lang) -> String {
    let t = file_strings(lang);
    let at = |template, path: &str, line: &usize, column: &usize, what: &str| {
        let path = if path == "." { t.top_level } else { path };
        fill(
            template,
            &[
                ("path", path),
                ("line", &line.to_string()),
                ("column", &column.to_string()),
                ("what", what),
            ],
        )
    };
    match problem {
        Problem::Unreadable(why) => fill(t.unreadable, &[("why", why)]),
        Problem::IsDirectory => t.is_directory.into(),
        Problem::NotFound => t.not_found.into(),
        Problem::TooLarge(bytes) => fill(
            t.too_large,
            &[
                ("size", &bytes.div_ceil(1 << 20).to_string()),
                ("max", &(MAX_FILE_BYTES >> 20).to_string()),
            ],
        ),
        Problem::Empty => t.empty.into(),
        Problem::NotUtf8 { line, column } => at(t.not_utf8, "", line, column, ""),
        Problem::Syntax { line, column, what } => at(t.syntax, "", line, column, what),
        Problem::TooDeep { line, column } => at(t.too_deep, "", line, column, ""),
        Problem::NotAnObject { found } => fill(t.not_an_object, &[("found", kind(*found, t))]),
        Problem::WrongFormat { found: Some(f) } => {
            fill(t.wrong_format, &[("found", f), ("format", FORMAT)])
        }
        Problem::WrongFormat { found: None } => fill(t.no_format, &[("format", FORMAT)]),
        Problem::FormatNotText { found, kind: k } => fill(
            t.format_not_text,
            &[("found", found), ("kind", kind(*k, t)), ("format", FORMAT)],
        ),
        Problem::Shape {
            path,
            line,
            column,
            what,
        } => at(t.shape, path, line, column, what),
        Problem::DuplicateKey { key, line, column } => fill(
            t.duplicate_key,
            &[
                ("key", key),
                ("line", &line.to_string()),
                ("column", &column.to_string()),
            ],
        ),
        Problem::Meaning {
            path,
            line,
            column,
            what,
        } => at(t.meaning, path, line, column, &meaning(what, lang)),
    }
}

fn kind(kind: JsonKind, t: &FileStrings) -> &'static str {
    let i = match kind {
        JsonKind::Null => 0,
        JsonKind::Bool => 1,
        JsonKind::Number => 2,
        JsonKind::String => 3,
        JsonKind::Array => 4,
        JsonKind::Object => 5,
    };
    t.kinds[i]
}

/// Why a well-formed session makes no sense.
pub fn meaning(meaning: &Meaning, lang: Lang) -> String {
    let t = file_strings(lang);
    match meaning {
        Meaning::EmptyId => t.empty_id.into(),
        Meaning::DuplicateId { id, first } => fill(t.duplicate_id, &[("id", id), ("first", first)]),
        Meaning::MissingLink { id } => fill(t.missing_link, &[("id", id)]),
        Meaning::VersionZero => t.version_zero.into(),
        Meaning::EndNotAfterStart { start, end } => {
            fill(t.end_not_after_start, &[("start", start), ("end", end)])
        }
        Meaning::NoName => t.no_name.into(),
        Meaning::PhotoFileName { file } => fill(t.photo_file_name, &[("file", file)]),
    }
}

impl LoadError {
    /// One sentence naming the file, in the UI language. Text that came
    /// from the file (or its name) is sanitised: it never reaches a terminal raw.
    pub fn message(&self, lang: Lang) -> String {
        let file = self.path.display().to_string();
        let what = problem(&self.problem, lang);
        for_display(&format!("{file}: {what}")).into_owned()
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn every_problem() -> Vec<Problem> {
        let at = |what: Meaning| Problem::Meaning {
            path: "strategies[0].links[1]".into(),
            line: 3,
            column: 4,
            what,
        };
        vec![
            Problem::Unreadable("denied".into()),
            Problem::IsDirectory,
            Problem::NotFound,
            Problem::TooLarge(65 << 20),
            Problem::Empty,
            Problem::NotUtf8 { line: 1, column: 2 },
            Problem::Syntax {
                line: 1,
                column: 2,
                what: "trailing comma".into(),
            },
            Problem::TooDeep {
                line: 1,
                column: 129,
            },
            Problem::NotAnObject {
                found: JsonKind::Number,
            },
            Problem::FormatNotText {
                found: "3".into(),
                kind: JsonKind::Number,
            },
            Problem::WrongFormat {
                found: Some("trello.board".into()),
            },
            Problem::WrongFormat { found: None },
            Problem::Shape {
                path: ".".into(),
                line: 1,
                column: 1,
                what: "missing field `title`".into(),
            },
            Problem::DuplicateKey {
                key: "title".into(),
                line: 2,
                column: 3,
            },
            at(Meaning::EmptyId),
            at(Meaning::DuplicateId {
                id: "sw-1".into(),
                first: "swot.strengths[0].id".into(),
            }),
            at(Meaning::MissingLink { id: "sw-9".into() }),
            at(Meaning::VersionZero),
            at(Meaning::EndNotAfterStart {
                start: "13:00".into(),
                end: "09:00".into(),
            }),
            at(Meaning::NoName),
            at(Meaning::PhotoFileName {
                file: "../x.jpg".into(),
            }),
        ]
    }

    #[test]
    fn every_problem_is_a_whole_sentence_in_both_languages() {
        for problem in every_problem() {
            for lang in [Lang::Th, Lang::En] {
                let message = LoadError::new(Path::new("a.json"), problem.clone()).message(lang);
                assert!(message.starts_with("a.json: "), "{message}");
                // Every `{name}` of the template was filled in.
                assert!(!message.contains('{'), "{lang:?}: {message}");
            }
        }
    }

    #[test]
    fn the_english_sentences_keep_their_wording() {
        let en = |p: Problem| problem(&p, Lang::En);
        assert_eq!(
            en(Problem::TooLarge(65 << 20)),
            "is 65 MB, more than the 64 MB a session may be, so it was not opened."
        );
        assert_eq!(
            en(every_problem()[12].clone()),
            "is not a valid session: at the top level (line 1, column 1), missing field `title`."
        );
        assert_eq!(
            en(every_problem()[15].clone()),
            "is not a valid session: at strategies[0].links[1] (line 3, column 4), \
             the id \"sw-1\" is used twice (first at swot.strengths[0].id)."
        );
    }

    #[test]
    fn what_a_file_holds_instead_keeps_its_english_words() {
        let en = |p: Problem| problem(&p, Lang::En);
        assert_eq!(
            en(Problem::NotAnObject {
                found: JsonKind::Array
            }),
            "is JSON but not a session: it holds an array instead of an object."
        );
        assert_eq!(
            en(Problem::FormatNotText {
                found: "3".into(),
                kind: JsonKind::Number
            }),
            "is not a wethi session: \"format\" is 3 (a number), expected \"wethi.session\"."
        );
        assert_eq!(
            en(Problem::TooDeep {
                line: 1,
                column: 129
            }),
            "is not valid JSON at line 1, column 129: \
             nested more than 128 levels deep, which no session is."
        );
        let th = problem(
            &Problem::NotAnObject {
                found: JsonKind::Bool,
            },
            Lang::Th,
        );
        assert!(th.contains("ค่าจริง/เท็จ"), "{th}");
    }

    #[test]
    fn a_value_holding_braces_is_not_filled_in_again() {
        let p = Problem::Syntax {
            line: 1,
            column: 2,
            what: "unknown field `{line}`".into(),
        };
        assert_eq!(
            problem(&p, Lang::En),
            "is not valid JSON at line 1, column 2: unknown field `{line}`."
        );
        assert_eq!(fill("{a} {b} {c", &[("a", "{b}"), ("b", "2")]), "{b} 2 {c");
    }
}
