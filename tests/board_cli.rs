//! `wethi show FILE --board` and `wethi show FILE` from the outside: rows of
//! exactly the width asked for, titles and dates in the chosen language, Thai
//! broken only between words, and nothing from the file that could drive
//! the terminal. Every run gets its own temporary home and data folder and
//! an explicit locale.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::{Value, json};
use tempfile::TempDir;

use common::thai::{bad_breaks, seed_session};
use common::{columns, example_path, is_unsafe};
use wethi::text::width::str_width;

/// A temporary home, data folder and session files for one test.
struct Sandbox {
    root: TempDir,
}

impl Sandbox {
    fn new() -> Self {
        let root = tempfile::tempdir().expect("a temporary folder");
        for dir in ["home", "data", "files"] {
            std::fs::create_dir_all(root.path().join(dir)).expect("folders");
        }
        Sandbox { root }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    /// `wethi --data-dir <temp>` with `LANG=locale`, no LC_ALL, no NO_COLOR.
    fn wethi(&self, locale: &str) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("wethi"));
        cmd.env_remove("WETHI_DATA_DIR")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env("LANG", locale)
            .env("HOME", self.path("home"))
            .env("XDG_DATA_HOME", self.path("home/xdg-data"))
            .env("XDG_CONFIG_HOME", self.path("home/xdg-config"))
            .current_dir(self.path("home"))
            .arg("--data-dir")
            .arg(self.path("data"));
        cmd
    }

    fn write_session(&self, name: &str, session: &Value) -> PathBuf {
        let path = self.path("files").join(name);
        let mut text = serde_json::to_string_pretty(session).expect("serialisable");
        text.push('\n');
        std::fs::write(&path, text).expect("writable");
        path
    }
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "wethi failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

/// `CMD show FILE --board --width WIDTH`: the board it prints.
fn board(cmd: &mut Command, file: &Path, width: usize) -> String {
    stdout(
        &cmd.arg("show")
            .arg(file)
            .args(["--board", "--width", &width.to_string()])
            .output()
            .expect("wethi runs"),
    )
}

// ---------------------------------------------------------------------------
// A session full of long Thai items
// ---------------------------------------------------------------------------

/// Strengths: Thai sentences from the template, with every place a line may
/// break marked `|` by hand (spaces are break places too). Besides the
/// boundaries between words, the marks allow the boundaries inside these
/// compounds, whose parts are words of their own and which the dictionary
/// segmenter splits: ส่ง|เสริม, ดำเนิน|งาน, พอ|เพียง, เชื่อม|โยง,
/// ท้อง|ถิ่น, จัด|ทำ, ห้วง|เวลา, เครือ|ข่าย, เข้ม|แข็ง, น้อย|ลง.
/// Never inside a word: not in ประชาชน, เศรษฐกิจ, หมู่บ้าน, สนับสนุน, …
const SEGMENTED: [&str; 5] = [
    "สร้าง|ความ|รู้|ความ|เข้าใจ|ใน|แนวทาง|การ|สนับสนุน|แผน|พัฒนา|ชุมชน|และ|แผน|พัฒนา|ตำบล|ที่|สามารถ|แก้ไข|ปัญหา|ความ|ต้องการ|ของ|ประชาชน|ได้ และ|เชื่อม|โยง|กับ|แผน|พัฒนา|ท้อง|ถิ่น แผน|พัฒนา|อำเภอ และ|แผน|พัฒนา|จังหวัด|และ|กลุ่ม|จังหวัด",
    "สนับสนุน|กิจกรรม|ส่ง|เสริม|การ|ดำเนิน|งาน|ตาม|ปรัชญา|ของ|เศรษฐกิจ|พอ|เพียง เช่น สัมมาชีพ|ชุมชน โคก|หนอง|นา|โมเดล หมู่บ้าน|เศรษฐกิจ|พอ|เพียง เป็นต้น",
    "การ|จัด|ทำ|แผน|หมู่บ้าน แผน|ชุมชน แผน|ตำบล แผน|อำเภอ ตาม|ห้วง|เวลา",
    "ภาวะ|เศรษฐกิจ|ทำให้|สมาชิก|มี|เวลา|ร่วม|กิจกรรม|น้อย|ลง",
    "มี|เครือ|ข่าย|ผู้นำ|ชุมชน|ระดับ|ตำบล|และ|หมู่บ้าน|ที่|เข้ม|แข็ง",
];

/// The text of a segmented item and the byte offsets where it may break.
fn unsegment(s: &str) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut breaks = Vec::new();
    for (i, part) in s.split('|').enumerate() {
        if i > 0 {
            breaks.push(text.len());
        }
        text.push_str(part);
    }
    (text, breaks)
}

/// Items that try to drive the terminal or hide what they say.
const HOSTILE: [&str; 5] = [
    "\u{1b}[2J\u{1b}[31mล้างจอ\u{1b}]0;title\u{7}",
    "ก่อน\u{202E}txt.exe\u{2066}หลัง\u{2069}",
    "\u{0E48}เริ่มด้วยวรรณยุกต์",
    "nul\u{0}bel\u{7}tab\tdel\u{7f}csi\u{9b}31m",
    "หนึ่ง\nสอง\r\nสาม",
];

fn swot_item(id: String, text: &str, votes: u32) -> Value {
    json!({
        "id": id,
        "text": text,
        "votes": votes,
        "created_at": "2021-01-13T15:00:00+07:00",
        "updated_at": "2021-01-13T15:00:00+07:00"
    })
}

/// The example session with its board replaced: Strengths are the
/// hand-segmented sentences (no votes, fewer than ten, so their text column
/// is `width / 2 - 6` wide), Weaknesses and Opportunities are the template's
/// guidance and stage texts with votes, Threats are hostile.
fn long_thai_session() -> Value {
    let template: Value =
        serde_json::from_str(wethi::session::template::BUILTIN_JSON).expect("template JSON");
    let texts = |list: &str| -> Vec<String> {
        template[list]
            .as_array()
            .expect("a list")
            .iter()
            .map(|v| v["text"]["th"].as_str().expect("Thai text").to_owned())
            .collect()
    };
    let items = |letter: char, texts: &[String], votes: bool| -> Value {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                swot_item(
                    format!("sw-{letter}{}", i + 1),
                    t,
                    if votes { (i as u32 * 7) % 13 } else { 0 },
                )
            })
            .collect()
    };
    let strengths: Vec<String> = SEGMENTED.iter().map(|s| unsegment(s).0).collect();
    let hostile: Vec<String> = HOSTILE.iter().map(|s| (*s).to_owned()).collect();
    let mut session: Value =
        serde_json::from_str(&std::fs::read_to_string(example_path()).expect("example"))
            .expect("JSON");
    session["swot"] = json!({
        "strengths": items('s', &strengths, false),
        "weaknesses": items('w', &texts("guidance"), true),
        "opportunities": items('o', &texts("stages"), true),
        "threats": items('t', &hostile, false),
    });
    session
}

// ---------------------------------------------------------------------------
// Reading a printed board
// ---------------------------------------------------------------------------

/// The wrapped lines of each item in one pane (0–3 in board order) of a
/// printed board whose panes have fewer than ten items (number column "N. "),
/// without the votes at the end of an item's first row.
fn pane_lines(rows: &[&str], width: usize, pane: usize) -> Vec<Vec<String>> {
    let (left, right) = match pane % 2 {
        0 => (0, width / 2),
        _ => (width / 2, width),
    };
    let mut tops = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| columns(r, left, left + 1) == "┌")
        .map(|(y, _)| y);
    let top = tops.nth(pane / 2).expect("the pane's top border");
    let mut items: Vec<Vec<String>> = Vec::new();
    for row in &rows[top + 1..] {
        if columns(row, left, left + 1) != "│" {
            break;
        }
        let number = columns(row, left + 2, left + 5);
        let mut text = columns(row, left + 5, right - 1).trim_end().to_owned();
        if !number.trim().is_empty() {
            assert_eq!(number.trim(), format!("{}.", items.len() + 1), "{row}");
            if let Some(plus) = text.rfind(" +")
                && text[plus + 2..].chars().all(|c| c.is_ascii_digit())
            {
                text.truncate(plus);
                text.truncate(text.trim_end().len());
            }
            items.push(vec![text]);
        } else if !text.is_empty() {
            items.last_mut().expect("an item started").push(text);
        }
    }
    items
}

/// Why `lines` are not `text` broken only at the allowed places (with the
/// spaces at each break left out), if they are not.
fn break_problem(text: &str, breaks: &[usize], lines: &[String], width: usize) -> Option<String> {
    let shown = lines.join(" ¦ ");
    let mut at = 0;
    for (n, line) in lines.iter().enumerate() {
        if n > 0 {
            let at_space = text[..at].ends_with(' ') || text[at..].starts_with(' ');
            if !(at_space || breaks.contains(&at)) {
                return Some(format!(
                    "width {width}: broken inside a word at {} ¦ {}: {shown}",
                    &text[..at],
                    &text[at..]
                ));
            }
            at += text[at..].len() - text[at..].trim_start_matches(' ').len();
        }
        if !text[at..].starts_with(line.as_str()) {
            return Some(format!(
                "width {width}: line {n} does not continue the text: {shown}"
            ));
        }
        at += line.len();
    }
    (at != text.len()).then(|| format!("width {width}: text missing: {shown}"))
}

fn assert_breaks_allowed(text: &str, breaks: &[usize], lines: &[String], width: usize) {
    if let Some(problem) = break_problem(text, breaks, lines, width) {
        panic!("{problem}");
    }
}

const RIGHT_BORDER: &str = "│┐┘";

fn assert_exact_rows(out: &str, width: usize, what: &str) {
    assert!(out.ends_with('\n'), "{what}: output ends with a newline");
    for (y, row) in out.lines().enumerate() {
        assert_eq!(str_width(row), width, "{what}: row {y} is {row:?}");
        assert!(
            row.chars().last().is_some_and(|c| RIGHT_BORDER.contains(c)),
            "{what}: row {y} does not end with the border: {row:?}"
        );
    }
}

// ---------------------------------------------------------------------------
// show --board
// ---------------------------------------------------------------------------

#[test]
fn board_rows_are_exactly_the_width_in_both_languages() {
    let sandbox = Sandbox::new();
    let file = sandbox.write_session("long.json", &long_thai_session());
    for width in [40, 60, 100, 200] {
        for (lang, titles, others) in [
            (
                "th",
                ["จุดแข็ง (5)", "จุดอ่อน (4)", "โอกาส (4)", "อุปสรรค (5)"],
                ["Strengths", "Weaknesses", "Opportunities", "Threats"],
            ),
            (
                "en",
                [
                    "Strengths (5)",
                    "Weaknesses (4)",
                    "Opportunities (4)",
                    "Threats (5)",
                ],
                ["จุดแข็ง", "จุดอ่อน", "โอกาส", "อุปสรรค"],
            ),
        ] {
            let what = format!("--lang {lang} --width {width}");
            let out = board(
                sandbox.wethi("en_US.UTF-8").args(["--lang", lang]),
                &file,
                width,
            );
            assert_exact_rows(&out, width, &what);
            let top = out.lines().next().expect("a first row");
            let bottom_titles = out
                .lines()
                .skip(1)
                .find(|r| r.starts_with('┌'))
                .expect("a second row of panes");
            for (i, title) in titles.iter().enumerate() {
                let row = if i < 2 { top } else { bottom_titles };
                // At 40 columns an English pane (18 inside) has no room
                // for "Opportunities (4)": the name must still show.
                let name = title.split(" (").next().unwrap_or(title);
                let want = if width >= 60 { title } else { name };
                assert!(row.contains(want), "{what}: {want} in {row}");
            }
            for other in others {
                assert!(!out.contains(other), "{what}: {other} should not show");
            }
            if let Some(c) = out.chars().find(|&c| is_unsafe(c)) {
                panic!("{what}: U+{:04X} printed:\n{out}", c as u32);
            }
        }
    }
}

/// Every line end in the Strengths pane falls where a hand-segmented copy of
/// the item allows a break, at every width tried.
#[test]
fn thai_breaks_only_between_words() {
    let sandbox = Sandbox::new();
    let file = sandbox.write_session("long.json", &long_thai_session());
    for width in [40, 52, 60, 72, 100, 200] {
        let out = board(&mut sandbox.wethi("th_TH.UTF-8"), &file, width);
        let rows: Vec<&str> = out.lines().collect();
        let items = pane_lines(&rows, width, 0);
        assert_eq!(items.len(), SEGMENTED.len(), "width {width}:\n{out}");
        let text_width = width / 2 - 6;
        for (segmented, lines) in SEGMENTED.iter().zip(&items) {
            let (text, breaks) = unsegment(segmented);
            for line in lines {
                assert!(
                    str_width(line) <= text_width,
                    "width {width}: {line} is too wide"
                );
            }
            assert_breaks_allowed(&text, &breaks, lines, width);
        }
    }
}

/// The exact pieces at 60 columns (a text column of 24), checked by hand:
/// each break is between two words.
#[test]
fn thai_items_wrap_into_these_pieces_at_60_columns() {
    let sandbox = Sandbox::new();
    let file = sandbox.write_session("long.json", &long_thai_session());
    let out = board(&mut sandbox.wethi("th_TH.UTF-8"), &file, 60);
    let rows: Vec<&str> = out.lines().collect();
    let items = pane_lines(&rows, 60, 0);
    let expected: [&[&str]; 5] = [
        &[
            "สร้างความรู้ความเข้าใจใน",
            "แนวทางการสนับสนุนแผนพัฒนา",
            "ชุมชนและแผนพัฒนาตำบลที่",
            "สามารถแก้ไขปัญหาความต้องการ",
            "ของประชาชนได้ และเชื่อมโยง",
            "กับแผนพัฒนาท้องถิ่น แผนพัฒนา",
            "อำเภอ และแผนพัฒนาจังหวัดและ",
            "กลุ่มจังหวัด",
        ],
        &[
            "สนับสนุนกิจกรรมส่งเสริมการ",
            "ดำเนินงานตามปรัชญาของ",
            "เศรษฐกิจพอเพียง เช่น สัมมาชีพ",
            "ชุมชน โคกหนองนาโมเดล",
            "หมู่บ้านเศรษฐกิจพอเพียง เป็นต้น",
        ],
        // ห้วงเวลา (a period) is a known word: it stays whole.
        &["การจัดทำแผนหมู่บ้าน แผนชุมชน", "แผนตำบล แผนอำเภอ ตาม", "ห้วงเวลา"],
        &["ภาวะเศรษฐกิจทำให้สมาชิกมี", "เวลาร่วมกิจกรรมน้อยลง"],
        &["มีเครือข่ายผู้นำชุมชนระดับตำบล", "และหมู่บ้านที่เข้มแข็ง"],
    ];
    assert_eq!(items.len(), expected.len(), "{out}");
    for (got, want) in items.iter().zip(expected) {
        assert_eq!(got, want, "\n{out}");
    }
}

/// The example file's items, segmented by hand as above, two of them with
/// the group they came from (a group name never splits). Abbreviations
/// (จปฐ., กชช.2ค, มท., พ.ศ.) and the loanword โควิด are single words; the
/// compounds งบ|ประมาณ, บาง|ส่วน, ร่วม|มือ, ทำ|งาน and those listed at
/// [`SEGMENTED`] may break between their parts.
const EXAMPLE_SEGMENTED: [[&str; 3]; 4] = [
    [
        "คณะ|กรรมการ|มี|ประสบการณ์|ทำ|งาน|ใน|พื้นที่",
        "มี|เครือ|ข่าย|ผู้นำ|ชุมชน|ระดับ|ตำบล|และ|หมู่บ้าน|ที่|เข้ม|แข็ง [กลุ่ม\u{a0}1]",
        "ได้|รับ|การ|สนับสนุน|ทาง|วิชาการ|จาก|สำนักงาน|พัฒนา|ชุมชน",
    ],
    [
        "ขาด|งบ|ประมาณ|สนับสนุน|การ|ดำเนิน|งาน",
        "คณะ|กรรมการ|บาง|ส่วน|ยัง|ไม่|เข้าใจ|ระเบียบ|ที่|เกี่ยวข้อง",
        "ยัง|ใช้|ข้อมูล จปฐ. และ กชช.2ค ประกอบ|การ|จัด|ทำ|แผน|น้อย [กลุ่ม\u{a0}2]",
    ],
    [
        "นโยบาย|โคก หนอง นา โมเดล สนับสนุน|การ|มี|ส่วน|ร่วม",
        "ระเบียบ มท. พ.ศ. 2562 กำหนด|ให้|เชื่อม|โยง|แผน|หมู่บ้าน|และ|แผน|ชุมชน|สู่|แผน|ระดับ|ตำบล|และ|อำเภอ",
        "ภาคี|เครือ|ข่าย|พัฒนา|ร่วม|พร้อม|ให้|ความ|ร่วม|มือ",
    ],
    [
        "สถานการณ์|โควิด-19 ทำ|ให้|จัด|เวที|ประชาคม|ได้|ยาก",
        "แผน|ระดับ|ต่าง ๆ มี|ห้วง|เวลา|ไม่|ตรง|กัน ทำ|ให้|เชื่อม|โยง|แผน|ได้|ยาก",
        "ภาวะ|เศรษฐกิจ|ทำ|ให้|สมาชิก|มี|เวลา|ร่วม|กิจกรรม|น้อย|ลง",
    ],
];

/// All four panes of the example, at the widths of the issue.
#[test]
fn example_items_break_only_between_words() {
    let sandbox = Sandbox::new();
    let mut failures = Vec::new();
    for width in [40, 60, 100, 200] {
        let out = board(&mut sandbox.wethi("th_TH.UTF-8"), &example_path(), width);
        let rows: Vec<&str> = out.lines().collect();
        for (pane, segmented) in EXAMPLE_SEGMENTED.iter().enumerate() {
            let items = pane_lines(&rows, width, pane);
            assert_eq!(items.len(), 3, "width {width} pane {pane}:\n{out}");
            for (item, lines) in segmented.iter().zip(&items) {
                let (text, breaks) = unsegment(item);
                failures.extend(break_problem(&text, &breaks, lines, width));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn nothing_from_the_file_drives_the_terminal() {
    let sandbox = Sandbox::new();
    let file = sandbox.write_session("long.json", &long_thai_session());
    for no_color in [false, true] {
        let mut cmd = sandbox.wethi("th_TH.UTF-8");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let out = board(&mut cmd, &file, 200);
        assert!(
            !out.contains('\u{1b}'),
            "no escape at all when stdout is a pipe:\n{out}"
        );
        if let Some(c) = out.chars().find(|&c| is_unsafe(c)) {
            panic!("U+{:04X} printed:\n{out}", c as u32);
        }
        assert_exact_rows(&out, 200, "hostile");
        for shown in [
            "␛[2J␛[31mล้างจอ␛]0;title␇",
            "ก่อนtxt.exeหลัง",
            "◌\u{0E48}เริ่มด้วยวรรณยุกต์",
            "nul␀bel␇tab␉del␡csi\u{FFFD}31m",
            "หนึ่ง␊สอง␍␊สาม",
        ] {
            assert!(out.contains(shown), "{shown} in\n{out}");
        }
    }
}

/// Without --width and with stdout not a terminal, the board is 100 wide;
/// the UI language follows LANG when --lang is not given.
#[test]
fn default_width_and_the_sessions_language() {
    let sandbox = Sandbox::new();
    let file = sandbox.write_session("long.json", &long_thai_session());
    // The session's language whatever the locale; --lang wins over it.
    for (locale, args, title) in [
        ("th_TH.UTF-8", &[][..], "จุดแข็ง"),
        ("en_GB.UTF-8", &[][..], "จุดแข็ง"),
        ("C", &["--lang", "en"][..], "Strengths"),
    ] {
        let out = stdout(
            &sandbox
                .wethi(locale)
                .args(args)
                .arg("show")
                .arg(&file)
                .arg("--board")
                .output()
                .expect("wethi runs"),
        );
        assert_exact_rows(&out, 100, locale);
        assert!(
            out.lines().next().is_some_and(|r| r.contains(title)),
            "{locale}:\n{out}"
        );
    }
}

#[test]
fn the_example_board_prints_at_every_width() {
    let sandbox = Sandbox::new();
    for width in [40, 60, 100, 200] {
        let out = board(&mut sandbox.wethi("th_TH.UTF-8"), &example_path(), width);
        assert_exact_rows(&out, width, "example");
        assert!(out.contains("+9"), "votes show:\n{out}");
        assert!(!out.contains('\u{1b}'));
    }
}

// ---------------------------------------------------------------------------
// show (the summary): dates in the UI language's calendar
// ---------------------------------------------------------------------------

#[test]
fn show_speaks_the_sessions_language_unless_lang_is_given() {
    let sandbox = Sandbox::new();
    let mut english = common::read_json(&example_path());
    english["lang"] = serde_json::json!("en");
    let english = sandbox.write_session("english.json", &english);
    let thai = example_path();
    for (args, locale, file, date, not) in [
        (
            &["--lang", "th"][..],
            "en_US.UTF-8",
            &english,
            "13 มกราคม 2564",
            "2021",
        ),
        (
            &["--lang", "en"][..],
            "th_TH.UTF-8",
            &thai,
            "13 January 2021",
            "2564",
        ),
        // Without --lang the locale does not matter: `git diff` through the
        // textconv reads as the session does on every computer.
        (&[][..], "en_US.UTF-8", &thai, "13 มกราคม 2564", "January"),
        (
            &[][..],
            "th_TH.UTF-8",
            &english,
            "13 January 2021",
            "มกราคม",
        ),
    ] {
        let out = stdout(
            &sandbox
                .wethi(locale)
                .args(args)
                .arg("show")
                .arg(file)
                .output()
                .expect("wethi runs"),
        );
        let line = out
            .lines()
            .find(|l| l.contains(date))
            .unwrap_or_else(|| panic!("{args:?} {locale}: {date} in\n{out}"));
        assert!(!line.contains(not), "{line}");
        assert!(!out.contains('\u{1b}'));
    }
}

// ---------------------------------------------------------------------------
// The seed press release: Thai words never split (issue 18)
// ---------------------------------------------------------------------------

/// Each pane's text rows of a printed board, pane by pane (left, then
/// right), an empty row between the bands so that the last row of a top
/// pane never reads as going on into the pane below.
fn pane_rows(out: &str) -> Vec<String> {
    let mut panes: [Vec<String>; 2] = Default::default();
    for row in out.lines() {
        let parts: Vec<&str> = row.split('│').filter(|p| !p.is_empty()).collect();
        for (k, pane) in panes.iter_mut().enumerate() {
            match parts.get(k) {
                Some(part) if row.starts_with('│') => pane.push((*part).to_owned()),
                _ => pane.push(String::new()),
            }
        }
    }
    let [left, right] = panes;
    left.into_iter()
        .chain([String::new()])
        .chain(right)
        .collect()
}

/// A printed line's text: its indent and anything after a gap of two
/// spaces (a vote count, padding) left out.
fn printed_text(line: &str) -> &str {
    let line = line.trim_start();
    line.find("  ").map_or(line, |gap| &line[..gap])
}

/// The case: at 40, 64 and 66 columns กลุ่ม was printed as
/// ก|ลุ่ม (the dictionary model's การก|ลุ่ม).
#[test]
fn the_director_s_group_is_never_cut_inside_its_syllable() {
    let sandbox = Sandbox::new();
    let (session, texts) = seed_session();
    let file = sandbox.write_session("seed.json", &session);
    for width in [40, 64, 66] {
        let out = board(&mut sandbox.wethi("th_TH.UTF-8"), &file, width);
        let rows = pane_rows(&out);
        for pair in rows.windows(2) {
            let (line, next) = (printed_text(&pair[0]), printed_text(&pair[1]));
            assert!(
                !(line.ends_with("ก") && next.starts_with("ลุ่ม")),
                "width {width}: {line} | {next}\n{out}"
            );
        }
        let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
        let (checked, problems) = bad_breaks(&rows, &texts, printed_text);
        assert!(
            checked > 10,
            "width {width}: only {checked} breaks read back\n{out}"
        );
        assert!(
            problems.is_empty(),
            "width {width}:\n{}\n{out}",
            problems.join("\n")
        );
        // The director's title and the group's name stay whole.
        assert!(
            rows.iter().any(|r| r.contains("ผู้อำนวยการ")),
            "width {width}:\n{out}"
        );
    }
}

/// The seed's text through `show --board` and `show` at several widths: no
/// syllable and none of the everyday words (tests/common/thai.rs) split.
#[test]
fn the_seed_s_words_are_never_split_on_the_board_or_in_show() {
    let sandbox = Sandbox::new();
    let (session, texts) = seed_session();
    let file = sandbox.write_session("seed.json", &session);
    let mut failures = Vec::new();
    for width in [40, 52, 80, 100, 120] {
        let out = board(&mut sandbox.wethi("th_TH.UTF-8"), &file, width);
        let rows = pane_rows(&out);
        let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
        let (checked, problems) = bad_breaks(&rows, &texts, printed_text);
        assert!(
            checked > 10,
            "board at {width}: only {checked} breaks read back"
        );
        failures.extend(
            problems
                .into_iter()
                .map(|p| format!("board at {width}: {p}")),
        );
    }
    for width in [40, 60, 80, 100] {
        let out = stdout(
            &sandbox
                .wethi("th_TH.UTF-8")
                .arg("show")
                .arg(&file)
                .args(["--width", &width.to_string()])
                .output()
                .expect("wethi runs"),
        );
        let lines: Vec<&str> = out.lines().collect();
        let (checked, problems) = bad_breaks(&lines, &texts, printed_text);
        assert!(
            checked > 10,
            "show at {width}: only {checked} breaks read back"
        );
        failures.extend(
            problems
                .into_iter()
                .map(|p| format!("show at {width}: {p}")),
        );
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
