//! End to end, as a facilitator in the room meets it: a new session's title
//! typed on the Thai layout, broken files and the welcome on the home
//! screen, Thai typed without `a`, pastes into forms, Thai-layout digits,
//! the summary's scrolling and the session's language.
//!
//! Unix only: they drive wethi through a Unix pseudo-terminal.
#![cfg(unix)]

#[path = "e2e/harness.rs"]
mod harness;

use std::fs;

use harness::{ENTER, ESC, Sandbox, TAB, paste, read_json, squeeze};

/// A check for [`harness::wait_for_file`]: passes, or says what was there.
fn holds(ok: bool, found: String) -> Result<(), String> {
    if ok { Ok(()) } else { Err(found) }
}

#[test]
fn n_asks_for_the_title_and_thai_letters_are_the_title_not_commands() {
    let sb = Sandbox::new();
    let mut tui = sb.spawn("th_TH.UTF-8", &[], 120, 40);
    tui.wait_text("ยินดีต้อนรับ");
    // Esc creates nothing.
    tui.send("n");
    tui.wait_text("ชื่อเวทีใหม่");
    tui.send(ESC);
    tui.wait_for("the question is gone", |s| !s.contains("ชื่อเวทีใหม่"));
    assert!(sb.session_files().is_empty(), "Esc created a session");
    // ร is `i` and ป is `x` on the Thai layout: here they are the title.
    tui.send("n");
    tui.wait_text("ชื่อเวทีใหม่");
    for c in "เวทีประชาคม".chars() {
        tui.send(&c.to_string());
    }
    tui.wait_for("the title is in the box", |s| {
        squeeze(s).contains("เวทีประชาคม")
    });
    assert!(sb.session_files().is_empty(), "nothing before Enter");
    tui.send(ENTER);
    tui.wait_texts(&["วาระ", "ขั้นตอน"]);
    let path = sb.wait_single_session();
    let json = read_json(&path);
    assert_eq!(json["title"], "เวทีประชาคม");
    assert!(
        json["stages"]
            .as_array()
            .expect("stages")
            .iter()
            .all(|s| s["done"] == false),
        "no stage got marked done"
    );
    tui.send("q");
    tui.wait_text("เวทีที่บันทึกไว้");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn broken_files_are_listed_with_their_error_and_the_welcome_opens_the_example() {
    let sb = Sandbox::new();
    let mut tui = sb.spawn("en_US.UTF-8", &["--lang", "en"], 80, 24);
    tui.wait_texts(&["Welcome to wethi", "open the built-in example"]);
    tui.send("e");
    tui.wait_texts(&["Agenda", "Stages"]);
    tui.send("q");
    tui.wait_text("S3 W3 O3 T3");
    assert_eq!(sb.session_files().len(), 1, "the example was copied in");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);

    fs::write(sb.data.join("broken.json"), "{ not json").expect("write");
    let mut tui = sb.spawn("en_US.UTF-8", &["--lang", "en"], 80, 24);
    tui.wait_texts(&[
        "Files that cannot be opened (1)",
        "broken.json",
        "S3 W3 O3 T3",
    ]);
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn thai_typed_in_one_go_without_a_opens_the_text_box_holding_it() {
    let sb = Sandbox::new();
    let (mut tui, path) = sb.start_new("Burst", 120, 40);
    tui.tab_to_swot();
    tui.wait_text("Strengths");
    // One write: the characters arrive together, as from an input method.
    tui.send("กลุ่มแม่บ้าน");
    tui.wait_text("Add to Strengths");
    tui.wait_for("the box holds the word", |s| {
        squeeze(s).contains("กลุ่มแม่บ้าน")
    });
    tui.send(ENTER);
    harness::wait_for_file(&path, "the item is saved", |json| {
        let items = harness::quadrant(json, "strengths");
        holds(
            items == vec![("กลุ่มแม่บ้าน".to_owned(), 0)],
            format!("{items:?}"),
        )
    });
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn pastes_reach_the_details_form_and_add_one_action_per_line() {
    let sb = Sandbox::new();
    let (mut tui, path) = sb.start_new("Paste", 120, 40);
    tui.send("i");
    tui.wait_text("Venue");
    tui.tab_to_field("Venue:");
    tui.send(&paste("ศาลา\nกลางบ้าน"));
    tui.wait_for("the venue holds the paste", |s| {
        squeeze(s).contains("ศาลากลางบ้าน")
    });
    tui.send(ENTER);
    harness::wait_for_file(&path, "the venue is saved", |json| {
        let venue = &json["meta"]["venue"];
        holds(venue == "ศาลา กลางบ้าน", venue.to_string())
    });
    // The actions view: → to the action items, then paste two lines.
    for _ in 0..4 {
        tui.send(TAB);
    }
    tui.wait_text("Action items");
    tui.send(harness::RIGHT);
    tui.send(&paste("ซ่อมฝาย\r\nทำบัญชีครัวเรือน\n"));
    harness::wait_for_file(&path, "two actions", |json| {
        let texts: Vec<&str> = json["actions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a["text"].as_str())
            .collect();
        holds(texts == ["ซ่อมฝาย", "ทำบัญชีครัวเรือน"], format!("{texts:?}"))
    });
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn strategies_digits_work_with_the_keyboard_on_thai() {
    let sb = Sandbox::new();
    let (mut tui, _) = sb.start_new("Digits", 120, 40);
    for _ in 0..3 {
        tui.send(TAB);
    }
    tui.wait_text("WO Corrective");
    // The 2, 3, 4 and 1 keys on the Kedmanee layout type / - ภ ๅ.
    for (typed, pane) in [
        ("/", "▶[2]WOCorrective"),
        ("-", "▶[3]STDefensive"),
        ("ภ", "▶[4]WTRetrenchment"),
        ("ๅ", "▶[1]SOAggressive"),
    ] {
        tui.send(typed);
        tui.wait_for(pane, |s| squeeze(s).contains(pane));
    }
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

/// The running timer's seconds in the header ("⏱ S1 00:02 / 1:00:00").
fn timer_seconds(header: &str) -> Option<u64> {
    let rest = &header[header.find('⏱')? + '⏱'.len_utf8()..];
    let clock = rest.split_whitespace().nth(1)?;
    clock
        .split(':')
        .try_fold(0u64, |acc, part| Some(acc * 60 + part.parse::<u64>().ok()?))
}

#[test]
fn idle_ticks_while_m_waits_do_not_cancel_the_move() {
    let sb = Sandbox::new();
    let (mut tui, path) = sb.start_new("Ticks", 120, 40);
    // A running stage timer: each redraw of the header shows the clock, so
    // the clock moving on while nothing is typed proves ticks happened.
    tui.send(" ");
    tui.wait_text("⏱ S1");
    tui.tab_to_swot();
    tui.wait_text("▶ [s] Strengths (0)");
    tui.send("a");
    tui.wait_text("Add to Strengths");
    tui.send("ฝายชุมชน");
    tui.wait_text("ฝายชุมชน");
    tui.send(ENTER);
    tui.wait_text("Strengths (1)");
    tui.send("m");
    tui.wait_text("Move to:");
    let start = timer_seconds(&tui.row(0)).expect("the header shows the timer");
    tui.wait_for("two seconds of ticks", |s| {
        timer_seconds(s.lines().next().unwrap_or_default()).is_some_and(|t| t >= start + 2)
    });
    assert!(
        tui.screen().contains("Move to:"),
        "still waiting for the pane"
    );
    tui.send("o");
    harness::wait_for_file(&path, "the item moved", |json| {
        let o = harness::quadrant(json, "opportunities");
        holds(o == vec![("ฝายชุมชน".to_owned(), 0)], format!("{o:?}"))
    });
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}
