//! End to end: the real `wethi` binary in a pseudo-terminal, driven with the
//! bytes a terminal sends, checked on the screen it draws and in the file it
//! saves while it runs.
//!
//! No fixed sleeps: every step polls for its effect (see `e2e/harness.rs`).
//!
//! Unix only: they drive wethi through a Unix pseudo-terminal.
#![cfg(unix)]

mod common;
#[path = "e2e/harness.rs"]
mod harness;

use std::fs;
use std::path::Path;

use serde_json::Value;

use common::assert_valid_session;
use harness::ESC as ESC_KEY;
use harness::{
    CTRL_R, DOWN, ENTER, F2, LEFT, Sandbox, TAB, Tui, assert_terminal_restored, note_texts, paste,
    quadrant, read_json, squeeze, wait_for_file,
};

/// The screen of a pane of the SWOT board, as (top, left, height, width),
/// for a terminal of `cols`×`rows` (header and footer take a row each).
fn pane_rect(cols: u16, rows: u16, letter: char) -> (u16, u16, u16, u16) {
    let body = rows - 2;
    let (left, top) = (cols / 2, body.div_ceil(2));
    match letter {
        's' => (1, 0, top, left),
        'w' => (1, left, top, cols - left),
        'o' => (1 + top, 0, body - top, left),
        't' => (1 + top, left, body - top, cols - left),
        _ => unreachable!("a pane letter"),
    }
}

/// Whether `texts` appear in this order in `region` (whitespace ignored).
fn in_order(region: &str, texts: &[&str]) -> bool {
    let region = squeeze(region);
    let mut from = 0;
    for t in texts {
        match region[from..].find(&squeeze(t)) {
            Some(at) => from += at + squeeze(t).len(),
            None => return false,
        }
    }
    true
}

/// Waits until pane `letter` is titled `title (count)` and shows `texts`
/// in order, and none of `absent`. A text like "+2" is a vote badge, shown
/// after the entry before it; the others are entries, and `count` is theirs.
fn wait_pane(tui: &mut Tui, letter: char, title: &str, texts: &[&str], absent: &[&str]) {
    let (rows, cols) = tui.size();
    let count = texts.iter().filter(|t| !t.starts_with('+')).count();
    let heading = format!("[{letter}] {title} ({count})");
    let what = format!("pane {heading} with {texts:?} and without {absent:?}");
    tui.wait_region(&what, pane_rect(cols, rows, letter), |region| {
        squeeze(region).contains(&squeeze(&heading))
            && in_order(region, texts)
            && absent
                .iter()
                .all(|a| !squeeze(region).contains(&squeeze(a)))
    });
}

/// Waits until the pane `letter` has focus (its title carries the marker).
fn wait_focus(tui: &mut Tui, letter: char) {
    let (rows, cols) = tui.size();
    let (top, left, _, width) = pane_rect(cols, rows, letter);
    let marker = format!("▶ [{letter}]");
    tui.wait_region(&format!("focus on {marker}"), (top, left, 1, width), |r| {
        r.contains(&marker)
    });
}

/// Focuses a pane, opens the add box, types `text` and commits it.
fn add_swot(tui: &mut Tui, focus: &str, add: &str, letter: char, add_title: &str, text: &str) {
    // Only when the pane is not focused yet: then the screen shows the key
    // was read before the next is sent. Two letters written at once would
    // arrive together, as a burst of text.
    let (rows, cols) = tui.size();
    let (top, left, _, width) = pane_rect(cols, rows, letter);
    if !tui
        .region(top, left, 1, width)
        .contains(&format!("▶ [{letter}]"))
    {
        tui.send(focus);
        wait_focus(tui, letter);
    }
    tui.send(add);
    tui.wait_text(add_title);
    tui.send(text);
    tui.wait_text(text);
    tui.send(ENTER);
    tui.wait_for("the add box to close", |s| {
        !squeeze(s).contains(&squeeze(add_title))
    });
}

/// The saved SWOT board, or why it is not the expected one yet.
fn swot_is(json: &Value, expected: &[(&str, &[(&str, u64)])]) -> Result<(), String> {
    for (name, items) in expected {
        let got = quadrant(json, name);
        let want: Vec<(String, u64)> = items.iter().map(|(t, v)| ((*t).to_owned(), *v)).collect();
        if got != want {
            return Err(format!("swot.{name} is {got:?}, expected {want:?}"));
        }
    }
    Ok(())
}

/// Quits with `key` and checks the exit code and that the terminal is back
/// to normal (raw mode off, alternate screen left, paste and mouse off).
fn quit_cleanly(tui: &mut Tui, key: &str) {
    let linux = cfg!(target_os = "linux");
    match tui.raw_mode() {
        Some(raw) => assert!(raw, "the terminal is in raw mode while wethi runs"),
        None => assert!(!linux, "the pty's mode can be read on Linux"),
    }
    tui.send(key);
    assert_eq!(tui.wait_exit(), 0, "wethi exits with 0");
    match tui.raw_mode() {
        Some(raw) => assert!(!raw, "raw mode is turned off on exit"),
        None => assert!(!linux, "the pty's mode can be read on Linux"),
    }
    assert_terminal_restored(&tui.raw_output());
}

/// The English titles of the four panes, in board order.
const EN_PANES: [(char, &str); 4] = [
    ('s', "Strengths"),
    ('w', "Weaknesses"),
    ('o', "Opportunities"),
    ('t', "Threats"),
];

/// Waits until each of `panes` (letter, title) is shown, empty.
fn wait_empty_panes(tui: &mut Tui, panes: &[(char, &str)]) {
    for &(letter, title) in panes {
        wait_pane(tui, letter, title, &[], &[]);
    }
}

/// Opens the add box on the selected notes, types `text`, commits it and
/// waits for the note to show.
fn add_note(tui: &mut Tui, text: &str) {
    tui.send("a");
    tui.wait_text("Add to Notes");
    tui.send(text);
    tui.send(ENTER);
    tui.wait_for("the add box to close", |s| !s.contains("Add to"));
    tui.wait_text(text);
}

/// Waits until the saved notes of the first of `list` ("stages" or
/// "guidance") are just `want`.
fn wait_first_notes(file: &Path, what: &str, list: &str, want: &str) {
    wait_for_file(file, what, |j| {
        let notes = note_texts(&j[list][0]["notes"]);
        if notes == [want] {
            Ok(())
        } else {
            Err(format!("{list}[0].notes is {notes:?}"))
        }
    });
}

/// Takes the data folder away (an unplugged USB stick), adds `text` to
/// Strengths, and waits for the header of the 80-column terminal to say
/// NOT SAVED; returns the header.
fn add_while_the_folder_is_gone(sb: &Sandbox, tui: &mut Tui, text: &str) -> String {
    fs::remove_dir_all(&sb.data).expect("the data folder can be removed");
    add_swot(tui, "s", "a", 's', "Add to Strengths", text);
    tui.wait_region("NOT SAVED in the header", (0, 0, 1, 80), |h| {
        h.contains("NOT SAVED")
    })
}

/// Closes the help overlay with `key` and waits for it to go.
fn close_help(tui: &mut Tui, key: &str) {
    tui.send(key);
    tui.wait_for("help to close", |s| !s.contains("Keys · SWOT"));
}

// ---------------------------------------------------------------------------
// A whole SWOT round in Thai
// ---------------------------------------------------------------------------

#[test]
fn thai_swot_round_is_saved_while_running_and_quits_cleanly() {
    const A: &str = "คณะกรรมการมีประสบการณ์";
    const B: &str = "ชุมชนเข้มแข็ง";
    const C: &str = "มีปราชญ์ชาวบ้าน";
    const D: &str = "งบประมาณจำกัด";
    const E: &str = "นโยบายรัฐสนับสนุน";
    const F: &str = "ภัยแล้งซ้ำซาก";

    let sb = Sandbox::new();
    let mut tui = sb.spawn(
        "C.UTF-8",
        &["--lang", "th", "new", "--title", "ทดสอบ"],
        120,
        40,
    );
    // The agenda comes first; the header names the session, the view and the save state.
    tui.wait_texts(&["ขั้นตอน", "S1"]);
    let header = tui.row(0);
    for part in ["ทดสอบ", "วาระ", "✓ บันทึกแล้ว"] {
        assert!(
            squeeze(&header).contains(&squeeze(part)),
            "{part:?} in the header {header:?}"
        );
    }

    // The file is on disk while the UI runs (written before the first
    // frame), valid, and titled.
    let files = sb.session_files();
    assert_eq!(
        files.len(),
        1,
        "one session file in the data folder: {files:?}"
    );
    let file = files[0].clone();
    assert!(!tui.has_exited(), "the UI is still running");
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.contains("ทดสอบ"), "{name}");
    let json = read_json(&file);
    assert_eq!(json["format"], "wethi.session");
    assert_eq!(json["title"], "ทดสอบ");
    assert_valid_session(&file);

    // Tab: Guidance, Tab: SWOT.
    tui.tab_to_swot();
    wait_pane(&mut tui, 's', "จุดแข็ง", &[], &[]);
    wait_focus(&mut tui, 's');
    wait_empty_panes(&mut tui, &[('w', "จุดอ่อน"), ('o', "โอกาส"), ('t', "อุปสรรค")]);

    // Thai typed into each of the four panes.
    add_swot(&mut tui, "s", "a", 's', "เพิ่มใน จุดแข็ง", A);
    add_swot(&mut tui, "s", "a", 's', "เพิ่มใน จุดแข็ง", B);
    add_swot(&mut tui, "s", "a", 's', "เพิ่มใน จุดแข็ง", C);
    add_swot(&mut tui, "w", "a", 'w', "เพิ่มใน จุดอ่อน", D);
    add_swot(&mut tui, "o", "a", 'o', "เพิ่มใน โอกาส", E);
    add_swot(&mut tui, "t", "a", 't', "เพิ่มใน อุปสรรค", F);
    wait_pane(&mut tui, 's', "จุดแข็ง", &[A, B, C], &[]);
    wait_pane(&mut tui, 'w', "จุดอ่อน", &[D], &[]);
    wait_pane(&mut tui, 'o', "โอกาส", &[E], &[]);
    wait_pane(&mut tui, 't', "อุปสรรค", &[F], &[]);

    // Back to Strengths, where the newest entry (C) is selected: two votes.
    tui.send("s");
    wait_focus(&mut tui, 's');
    tui.send("+");
    wait_pane(&mut tui, 's', "จุดแข็ง", &[A, B, C, "+1"], &[]);
    tui.send("+");
    wait_pane(&mut tui, 's', "จุดแข็ง", &[A, B, C, "+2"], &["+1"]);

    // K moves C above B.
    tui.send("K");
    wait_pane(&mut tui, 's', "จุดแข็ง", &[A, C, "+2", B], &[]);

    // Down to B, then m o: B goes to the end of Opportunities. (↓, not j:
    // two letters written at once would arrive as a burst of text.)
    tui.send(DOWN);
    tui.send("m");
    // The footer asks where to (its key list also says "ย้ายไปช่อง", without the colon).
    tui.wait_text("ย้ายไปช่อง: s จุดแข็ง");
    tui.send("o");
    wait_pane(&mut tui, 'o', "โอกาส", &[E, B], &[]);
    wait_pane(&mut tui, 's', "จุดแข็ง", &[A, C], &[B]);

    // d deletes the selected C; u brings it back with its votes.
    tui.send("d");
    wait_pane(&mut tui, 's', "จุดแข็ง", &[A], &[C, B]);
    wait_for_file(&file, "C deleted", |j| {
        swot_is(j, &[("strengths", &[(A, 0)])])
    });
    tui.send("u");
    wait_pane(&mut tui, 's', "จุดแข็ง", &[A, C, "+2"], &[B]);
    tui.wait_text("เลิกทำแล้ว");
    // A second u undoes the move (one step, though it is two edits) …
    tui.send("u");
    wait_pane(&mut tui, 's', "จุดแข็ง", &[A, C, B], &[]);
    wait_pane(&mut tui, 'o', "โอกาส", &[E], &[B]);
    // … and Ctrl-r redoes it.
    tui.send(CTRL_R);
    tui.wait_text("ทำซ้ำแล้ว");
    wait_pane(&mut tui, 'o', "โอกาส", &[E, B], &[]);
    wait_pane(&mut tui, 's', "จุดแข็ง", &[A, C, "+2"], &[B]);
    wait_pane(&mut tui, 'w', "จุดอ่อน", &[D], &[]);
    wait_pane(&mut tui, 't', "อุปสรรค", &[F], &[]);

    // The file holds it all while the program still runs.
    let expected: &[(&str, &[(&str, u64)])] = &[
        ("strengths", &[(A, 0), (C, 2)]),
        ("weaknesses", &[(D, 0)]),
        ("opportunities", &[(E, 0), (B, 0)]),
        ("threats", &[(F, 0)]),
    ];
    wait_for_file(&file, "the final board", |j| swot_is(j, expected));
    assert!(!tui.has_exited(), "saved while still running");
    assert_valid_session(&file);

    quit_cleanly(&mut tui, "q");
    let json = read_json(&file);
    swot_is(&json, expected).unwrap();
    assert_eq!(sb.session_files(), vec![file.clone()], "one session file");
    assert_valid_session(&file);
}

// ---------------------------------------------------------------------------
// Notes in the agenda and the guidance
// ---------------------------------------------------------------------------

#[test]
fn notes_go_to_the_selected_stage_and_guidance_point_and_discussed_toggles() {
    const STAGE_NOTE: &str = "เตรียมแผนที่หมู่บ้าน";
    const POINT_NOTE: &str = "ทุกหมู่บ้านทบทวนแผนชุมชน";

    let sb = Sandbox::new();
    let mut tui = sb.spawn_new("Notes", 80, 24);
    tui.wait_texts(&["Agenda", "Stages", "S1"]);
    let file = sb.wait_single_session();

    // a in the agenda: a note on the selected stage (S1).
    add_note(&mut tui, STAGE_NOTE);
    wait_first_notes(&file, "the stage note", "stages", STAGE_NOTE);
    let json = read_json(&file);
    for stage in 1..json["stages"].as_array().unwrap().len() {
        assert_eq!(
            note_texts(&json["stages"][stage]["notes"]),
            Vec::<String>::new()
        );
    }

    // Tab: Guidance, G1 selected. a adds a note to G1.
    tui.send(TAB);
    tui.wait_texts(&["G1", "Notes and commitments"]);
    add_note(&mut tui, POINT_NOTE);
    wait_first_notes(&file, "the G1 note", "guidance", POINT_NOTE);

    // Back to the checklist, ↓ to G1's first sub-item, Space: discussed.
    tui.send(LEFT);
    tui.wait_text("▶ Guidance");
    tui.send(DOWN);
    tui.send(" ");
    tui.wait_text("☑");
    let discussed = |j: &Value| -> Vec<Vec<bool>> {
        j["guidance"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                p["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i["discussed"].as_bool().unwrap())
                    .collect()
            })
            .collect()
    };
    let first_only = |j: &Value| -> Result<(), String> {
        let d = discussed(j);
        let ok = d.iter().enumerate().all(|(p, items)| {
            items
                .iter()
                .enumerate()
                .all(|(i, v)| *v == (p == 0 && i == 0))
        });
        if ok {
            Ok(())
        } else {
            Err(format!("discussed flags are {d:?}"))
        }
    };
    wait_for_file(&file, "G1's first sub-item discussed", first_only);

    // Undo and redo reach the checklist too.
    tui.send("u");
    tui.wait_for("the tick to go", |s| !s.contains('☑'));
    wait_for_file(&file, "nothing discussed", |j| {
        let d = discussed(j);
        if d.iter().flatten().all(|v| !v) {
            Ok(())
        } else {
            Err(format!("discussed flags are {d:?}"))
        }
    });
    tui.send(CTRL_R);
    tui.wait_text("☑");
    wait_for_file(&file, "G1's first sub-item discussed again", first_only);
    assert_eq!(
        note_texts(&read_json(&file)["stages"][0]["notes"]),
        [STAGE_NOTE]
    );

    quit_cleanly(&mut tui, "q");
    assert_valid_session(&file);
}

// ---------------------------------------------------------------------------
// The Thai keyboard layout
// ---------------------------------------------------------------------------

#[test]
fn thai_layout_keys_add_focus_and_quit() {
    // Typed with the Thai layout on: these contain ไ ฟ ห ๆ, which are
    // commands outside the text box and must only type inside it.
    const WEAK: &str = "ไฟฟ้าไม่พอหลายๆหมู่บ้าน";
    const STRONG: &str = "ชาวบ้านให้ความร่วมมือ";
    const NOTE: &str = "บันทึกจากแป้นไทย";

    let sb = Sandbox::new();
    // No --lang: a Thai locale means a Thai UI.
    let mut tui = sb.spawn("th_TH.UTF-8", &["new", "--title", "ผังไทย"], 80, 24);
    tui.wait_texts(&["วาระ", "ขั้นตอน"]);
    let file = sb.wait_single_session();

    // ฟ is a: a note on the first stage.
    tui.send("ฟ");
    tui.wait_text("เพิ่มใน");
    tui.send(NOTE);
    tui.send(ENTER);
    tui.wait_text(NOTE);
    wait_first_notes(&file, "the stage note", "stages", NOTE);

    tui.tab_to_swot();
    wait_pane(&mut tui, 's', "จุดแข็ง", &[], &[]);
    // ไ is w, ห is s.
    add_swot(&mut tui, "ไ", "ฟ", 'w', "เพิ่มใน จุดอ่อน", WEAK);
    add_swot(&mut tui, "ห", "ฟ", 's', "เพิ่มใน จุดแข็ง", STRONG);
    wait_pane(&mut tui, 'w', "จุดอ่อน", &[WEAK], &[]);
    wait_pane(&mut tui, 's', "จุดแข็ง", &[STRONG], &[]);
    let expected: &[(&str, &[(&str, u64)])] = &[
        ("strengths", &[(STRONG, 0)]),
        ("weaknesses", &[(WEAK, 0)]),
        ("opportunities", &[]),
        ("threats", &[]),
    ];
    wait_for_file(&file, "the two entries", |j| swot_is(j, expected));

    // ๆ is q.
    quit_cleanly(&mut tui, "ๆ");
    swot_is(&read_json(&file), expected).unwrap();
}

// ---------------------------------------------------------------------------
// F2: the UI language
// ---------------------------------------------------------------------------

#[test]
fn f2_switches_the_board_labels_between_thai_and_english() {
    let sb = Sandbox::new();
    let mut tui = sb.spawn(
        "C.UTF-8",
        &["--lang", "th", "new", "--title", "ภาษา"],
        120,
        40,
    );
    tui.wait_text("วาระ");
    tui.tab_to_swot();
    wait_pane(&mut tui, 's', "จุดแข็ง", &[], &[]);

    tui.send(F2);
    wait_empty_panes(&mut tui, &EN_PANES);
    let screen = squeeze(&tui.screen());
    for thai in ["จุดแข็ง", "จุดอ่อน", "โอกาส", "อุปสรรค", "บันทึกแล้ว"]
    {
        assert!(!screen.contains(thai), "{thai} is still shown:\n{screen}");
    }
    assert!(tui.row(0).contains("saved"), "{}", tui.row(0));

    tui.send(F2);
    wait_pane(&mut tui, 's', "จุดแข็ง", &[], &["Strengths"]);
    quit_cleanly(&mut tui, "q");
}

// ---------------------------------------------------------------------------
// Bracketed paste
// ---------------------------------------------------------------------------

#[test]
fn a_paste_of_several_lines_adds_one_entry_per_line() {
    let sb = Sandbox::new();
    let (mut tui, file) = sb.start_new("Paste", 80, 24);
    tui.tab_to_swot();
    wait_pane(&mut tui, 'o', "Opportunities", &[], &[]);

    // Into the add box: a terminal sends CR for each line break; blank lines are skipped.
    tui.send("o");
    wait_focus(&mut tui, 'o');
    tui.send("a");
    tui.wait_text("Add to Opportunities");
    tui.send(&paste("ข้อหนึ่ง\r\rข้อสอง\r"));
    tui.wait_texts(&["ข้อหนึ่ง", "ข้อสอง"]);
    tui.send(ENTER);
    wait_pane(&mut tui, 'o', "Opportunities", &["ข้อหนึ่ง", "ข้อสอง"], &[]);
    let two: &[(&str, &[(&str, u64)])] = &[
        ("opportunities", &[("ข้อหนึ่ง", 0), ("ข้อสอง", 0)]),
        ("strengths", &[]),
    ];
    wait_for_file(&file, "two pasted entries", |j| swot_is(j, two));

    // A paste straight onto the board adds too, one entry per line.
    tui.send(&paste("ข้อสาม\nข้อสี่"));
    wait_pane(
        &mut tui,
        'o',
        "Opportunities",
        &["ข้อหนึ่ง", "ข้อสอง", "ข้อสาม", "ข้อสี่"],
        &[],
    );
    let four: &[(&str, &[(&str, u64)])] = &[(
        "opportunities",
        &[("ข้อหนึ่ง", 0), ("ข้อสอง", 0), ("ข้อสาม", 0), ("ข้อสี่", 0)],
    )];
    wait_for_file(&file, "four entries", |j| swot_is(j, four));

    // One undo takes back the whole paste.
    tui.send("u");
    wait_pane(
        &mut tui,
        'o',
        "Opportunities",
        &["ข้อหนึ่ง", "ข้อสอง"],
        &["ข้อสาม", "ข้อสี่"],
    );
    wait_for_file(&file, "two entries again", |j| swot_is(j, two));
    quit_cleanly(&mut tui, "q");
}

// ---------------------------------------------------------------------------
// Read-only: a second instance, and `wethi view`
// ---------------------------------------------------------------------------

#[test]
fn a_second_instance_on_the_same_file_is_read_only_and_changes_nothing() {
    const WORK: &str = "งานของเครื่องแรก";
    let sb = Sandbox::new();
    let (mut first, file) = sb.start_new("Shared", 80, 24);
    first.tab_to_swot();
    wait_pane(&mut first, 's', "Strengths", &[], &[]);
    add_swot(&mut first, "s", "a", 's', "Add to Strengths", WORK);
    let work: &[(&str, &[(&str, u64)])] = &[("strengths", &[(WORK, 0)])];
    wait_for_file(&file, "the first instance's work", |j| swot_is(j, work));
    assert!(first.row(0).contains("✓ saved"), "{}", first.row(0));

    let mut second = sb.spawn_file("open", &file, 80, 24);
    second.wait_text("another wethi has this file open");
    assert!(second.row(0).contains("read-only"), "{}", second.row(0));
    let before = common::snapshot(&file);

    second.send(TAB);
    second.wait_for("the notice to give way to the keys", |s| {
        !s.contains("another wethi") && s.contains("Guidance")
    });
    second.send(TAB);
    wait_pane(&mut second, 's', "Strengths", &[WORK], &[]);
    second.send("a");
    second.wait_text("another wethi has this file open");
    assert!(!second.screen().contains("Add to"), "no add box opens");
    // Nor do votes, deletes, edits, moves or pastes change anything.
    for key in ["+", "d", ENTER, "m"] {
        second.send(TAB);
        second.wait_for("the notice to go", |s| !s.contains("another wethi"));
        second.send(harness::SHIFT_TAB);
        second.wait_text("[s] Strengths");
        second.send(key);
        second.wait_text("another wethi has this file open");
    }
    second.send(&paste("ไม่ควรบันทึก"));
    wait_pane(&mut second, 's', "Strengths", &[WORK], &["ไม่ควรบันทึก"]);
    assert_eq!(common::snapshot(&file), before, "the file is untouched");

    // The first quits; its work stays.
    quit_cleanly(&mut first, "q");
    swot_is(&read_json(&file), work).unwrap();
    assert_eq!(common::snapshot(&file), before);
    // The second quits and does not write over it either.
    quit_cleanly(&mut second, "q");
    assert_eq!(common::snapshot(&file), before);
    swot_is(&read_json(&file), work).unwrap();
    assert_eq!(sb.session_files(), vec![file]);
}

#[test]
fn view_opens_read_only() {
    let sb = Sandbox::new();
    let printed = sb.run(&["--lang", "en", "new", "--no-open", "--title", "Viewed"]);
    let file = std::path::PathBuf::from(printed.trim());
    assert!(file.is_file(), "{printed}");
    let before = common::snapshot(&file);
    let tree_before = common::tree(&sb.data);

    let mut tui = sb.spawn_file("view", &file, 80, 24);
    tui.wait_text("opened for viewing only");
    assert!(tui.row(0).contains("read-only"), "{}", tui.row(0));
    assert!(!tui.row(0).contains("saved"), "{}", tui.row(0));

    // In the agenda: a note is refused.
    tui.send(TAB);
    tui.wait_for("the notice to go", |s| !s.contains("viewing only"));
    tui.send(harness::SHIFT_TAB);
    tui.wait_text("Stages");
    tui.send("a");
    tui.wait_text("opened for viewing only");
    assert!(!tui.screen().contains("Add to"), "no add box opens");
    // On the board: adding is refused too.
    tui.tab_to_swot();
    wait_pane(&mut tui, 's', "Strengths", &[], &[]);
    tui.send("a");
    tui.wait_text("opened for viewing only");
    assert!(!tui.screen().contains("Add to"), "no add box opens");

    // Ctrl-C quits too.
    quit_cleanly(&mut tui, "\x03");
    assert_eq!(common::snapshot(&file), before, "the file is untouched");
    assert_eq!(
        common::tree(&sb.data),
        tree_before,
        "no lock, backup or temporary file"
    );
}

// ---------------------------------------------------------------------------
// Terminal size
// ---------------------------------------------------------------------------

#[test]
fn a_tiny_terminal_says_so_and_quits_cleanly() {
    let sb = Sandbox::new();
    let mut tui = sb.spawn_new("Tiny", 20, 5);
    tui.wait_text("too small");
    let screen = tui.screen();
    assert!(!screen.contains("Stages"), "{screen}");
    quit_cleanly(&mut tui, "q");
    assert_eq!(sb.session_files().len(), 1);
}

#[test]
fn resizing_redraws_the_board() {
    let sb = Sandbox::new();
    let mut tui = sb.spawn_new("Resize", 20, 5);
    tui.wait_text("too small");

    tui.resize(80, 24);
    tui.wait_for("the agenda at 80×24", |s| {
        s.contains("Stages") && !squeeze(s).contains("toosmall")
    });
    assert!(tui.row(0).contains("saved"), "{}", tui.row(0));
    tui.tab_to_swot();
    wait_empty_panes(&mut tui, &EN_PANES);

    // Larger: the panes move to the new halves.
    tui.resize(120, 40);
    wait_empty_panes(&mut tui, &[('w', "Weaknesses"), ('t', "Threats")]);
    tui.wait_region("the footer on the last row", (39, 0, 1, 120), |r| {
        r.contains("Tab next view")
    });

    // Back to tiny, then quit.
    tui.resize(20, 5);
    tui.wait_for("the too-small message again", |s| {
        squeeze(s).contains("toosmall") && !s.contains("Strengths")
    });
    quit_cleanly(&mut tui, "q");
}

// ---------------------------------------------------------------------------
// Safety of the work
// ---------------------------------------------------------------------------

#[test]
fn every_change_shown_is_on_disk_and_survives_a_kill_and_reopening_keeps_a_backup() {
    const FIRST: &str = "ผู้นำชุมชนเข้มแข็ง";
    const SECOND: &str = "เครือข่ายอาสาสมัคร";
    let sb = Sandbox::new();
    let (mut tui, file) = sb.start_new("Crash", 80, 24);
    tui.tab_to_swot();
    add_swot(&mut tui, "s", "a", 's', "Add to Strengths", FIRST);
    // A change is saved before the frame that shows it: no polling needed.
    wait_pane(&mut tui, 's', "Strengths", &[FIRST], &[]);
    swot_is(&read_json(&file), &[("strengths", &[(FIRST, 0)])]).unwrap();
    tui.send("+");
    wait_pane(&mut tui, 's', "Strengths", &[FIRST, "+1"], &[]);
    let shown: &[(&str, &[(&str, u64)])] = &[("strengths", &[(FIRST, 1)])];
    swot_is(&read_json(&file), shown).unwrap();

    // Killed: the file is whole and holds what was shown.
    tui.kill();
    swot_is(&read_json(&file), shown).unwrap();
    assert_valid_session(&file);
    drop(tui);

    // Reopened: the stale lock file does not make it read-only.
    let mut tui = sb.spawn_file("open", &file, 80, 24);
    tui.wait_text("Stages");
    let header = tui.row(0);
    assert!(
        header.contains("✓ saved") && !header.contains("read-only"),
        "{header}"
    );
    tui.tab_to_swot();
    wait_pane(&mut tui, 's', "Strengths", &[FIRST, "+1"], &[]);
    add_swot(&mut tui, "s", "a", 's', "Add to Strengths", SECOND);
    wait_pane(&mut tui, 's', "Strengths", &[FIRST, "+1", SECOND], &[]);
    let both: &[(&str, &[(&str, u64)])] = &[("strengths", &[(FIRST, 1), (SECOND, 0)])];
    swot_is(&read_json(&file), both).unwrap();

    // Each opening keeps the file as it was before its first save: the
    // newest backup is the file as this opening found it.
    let mut backups: Vec<_> = fs::read_dir(sb.data.join(".backups"))
        .expect("a .backups folder beside the session")
        .map(|e| e.expect("a readable entry").path())
        .collect();
    backups.sort();
    assert_eq!(backups.len(), 2, "one per opening: {backups:?}");
    swot_is(&read_json(&backups[1]), shown).unwrap();

    quit_cleanly(&mut tui, "q");
    swot_is(&read_json(&file), both).unwrap();
}

#[test]
fn when_saving_fails_the_header_says_so_saving_is_retried_and_quitting_asks_where_to_save() {
    const KEPT: &str = "งานที่ยังอยู่ในหน่วยความจำ";
    const LATER: &str = "บันทึกภายหลัง";
    let sb = Sandbox::new();
    let (mut tui, file) = sb.start_new("Disk", 80, 24);
    tui.tab_to_swot();
    wait_pane(&mut tui, 's', "Strengths", &[], &[]);

    // The folder goes away (an unplugged USB stick): the work stays on screen.
    add_while_the_folder_is_gone(&sb, &mut tui, KEPT);
    wait_pane(&mut tui, 's', "Strengths", &[KEPT], &[]);

    // It comes back: the next save goes through without a keypress.
    fs::create_dir_all(&sb.data).expect("the data folder can be made again");
    tui.wait_region("saved in the header", (0, 0, 1, 80), |h| {
        h.contains("✓ saved") && !h.contains("NOT SAVED")
    });
    let kept: &[(&str, &[(&str, u64)])] = &[("strengths", &[(KEPT, 0)])];
    swot_is(&read_json(&file), kept).unwrap();

    // Gone again; quitting with unsaved work asks where to save it.
    add_while_the_folder_is_gone(&sb, &mut tui, LATER);
    tui.send("q");
    tui.wait_text("Cannot save: type a path to save to, then Enter");
    assert!(!tui.has_exited(), "unsaved work does not quit silently");
    // Enter takes the suggestion: the same name in the temporary folder (TMPDIR).
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    tui.send(ENTER);
    assert_eq!(tui.wait_exit(), 0);
    assert_terminal_restored(&tui.raw_output());
    let saved = sb.home().join("tmp").join(&name);
    let both: &[(&str, &[(&str, u64)])] = &[("strengths", &[(KEPT, 0), (LATER, 0)])];
    swot_is(&read_json(&saved), both).unwrap();
    assert_valid_session(&saved);
}

#[test]
fn while_not_saved_the_header_still_names_the_session_and_the_view() {
    // The header always shows title · date · view · … · save
    // state. A long OS error must not push the rest out.
    let sb = Sandbox::new();
    let mut tui = sb.spawn_new("Context", 80, 24);
    tui.wait_text("Stages");
    tui.tab_to_swot();
    wait_pane(&mut tui, 's', "Strengths", &[], &[]);
    let header = add_while_the_folder_is_gone(&sb, &mut tui, "ข้อมูลชั่วคราว");
    for part in ["Context", "SWOT"] {
        assert!(
            header.contains(part),
            "the header lost {part:?} while not saved: {header:?}"
        );
    }
    // The folder comes back, the work is saved, and q quits.
    fs::create_dir_all(&sb.data).expect("the data folder can be made again");
    tui.wait_region("saved in the header", (0, 0, 1, 80), |h| {
        h.contains("✓ saved")
    });
    quit_cleanly(&mut tui, "q");
}

// ---------------------------------------------------------------------------
// Help, zoom and Esc
// ---------------------------------------------------------------------------

/// Labels of SWOT-view keys that help must list (a sample across the table).
const SWOT_HELP: &[&str] = &[
    "strengths",
    "move to pane",
    "unvote",
    "zoom",
    "next view",
    "delete",
    "move down",
    "undo",
    "redo",
    "help",
    "previous view",
    "quit",
];

#[test]
fn help_zoom_and_esc_change_nothing() {
    let sb = Sandbox::new();
    let (mut tui, file) = sb.start_new("Overlays", 120, 40);
    let before = common::snapshot(&file);
    tui.tab_to_swot();
    wait_pane(&mut tui, 'w', "Weaknesses", &[], &[]);

    // ? lists the keys; Esc closes it.
    tui.send("?");
    tui.wait_texts(&["Keys · SWOT", "Esc or ? closes"]);
    let screen = tui.screen();
    for label in SWOT_HELP {
        assert!(screen.contains(label), "help lists {label:?}:\n{screen}");
    }
    close_help(&mut tui, ESC_KEY);
    // ฦ is ? on the Thai layout.
    tui.send("ฦ");
    tui.wait_text("Keys · SWOT");
    close_help(&mut tui, "?");

    // z zooms the focused pane to the whole body, z again leaves.
    tui.send("w");
    wait_focus(&mut tui, 'w');
    tui.send("z");
    tui.wait_for("the zoomed pane alone", |s| {
        s.contains("[w] Weaknesses") && !s.contains("[s] Strengths") && !s.contains("[t] Threats")
    });
    tui.send("z");
    wait_pane(&mut tui, 's', "Strengths", &[], &[]);
    wait_pane(&mut tui, 'w', "Weaknesses", &[], &[]);

    // Esc in the add box cancels: nothing is added.
    tui.send("a");
    tui.wait_text("Add to Weaknesses");
    tui.send("ไม่บันทึกข้อนี้");
    tui.wait_text("ไม่บันทึกข้อนี้");
    tui.send(ESC_KEY);
    tui.wait_for("the add box to close", |s| !s.contains("Add to"));
    wait_pane(&mut tui, 'w', "Weaknesses", &[], &["ไม่บันทึกข้อนี้"]);
    assert_eq!(common::snapshot(&file), before, "nothing was saved");
    quit_cleanly(&mut tui, "q");
    assert_eq!(common::snapshot(&file), before, "nothing was saved");
}

#[test]
fn help_lists_every_key_of_the_board_on_an_80x24_terminal() {
    let sb = Sandbox::new();
    let mut tui = sb.spawn_new("Help", 80, 24);
    tui.wait_text("Stages");
    tui.tab_to_swot();
    wait_pane(&mut tui, 's', "Strengths", &[], &[]);
    tui.send("?");
    let screen = tui.wait_texts(&["Keys · SWOT", "Esc or ? closes"]);
    let missing: Vec<&&str> = SWOT_HELP.iter().filter(|l| !screen.contains(**l)).collect();
    assert!(
        missing.is_empty(),
        "help at 80×24 does not list {missing:?}:\n{screen}"
    );
    close_help(&mut tui, ESC_KEY);
    quit_cleanly(&mut tui, "q");
}

// ---------------------------------------------------------------------------
// The harness itself
// ---------------------------------------------------------------------------

#[test]
fn the_restore_check_catches_a_terminal_left_behind() {
    let enter = "\x1b[?1049h\x1b[?2004h\x1b[?1000h\x1b[?1002h\x1b[?1003h\x1b[?1015h\x1b[?1006h";
    let leave = "\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?2004l\x1b[?1049l";
    let good = format!("{enter}\x1b[1;1Hframe{leave}\x1b[?25h");
    assert_terminal_restored(good.as_bytes());
    for bad in [
        format!("{enter}\x1b[1;1Hframe"),
        format!("{enter}\x1b[1;1Hframe\x1b[?1049l"),
        format!("{enter}{leave}\x1b[1;1Hframe"),
        format!("{enter}\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l"),
    ] {
        let caught = std::panic::catch_unwind(|| assert_terminal_restored(bad.as_bytes()));
        assert!(caught.is_err(), "not caught: {bad:?}");
    }
}
