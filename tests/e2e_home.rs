//! End to end: the home screen (`wethi` with no command) in a pseudo-terminal:
//! the sessions newest first, the filter, opening one and coming back, a new
//! session, read-only viewing and the trash.
//!
//! Unix only: they drive wethi through a Unix pseudo-terminal.
#![cfg(unix)]

#[path = "e2e/harness.rs"]
mod harness;

use std::fs;

use harness::{ENTER, ESC, Sandbox, assert_terminal_restored, read_json, squeeze};

fn sandbox_with_two_sessions() -> Sandbox {
    let sb = Sandbox::new();
    let example = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sessions/examples/ubon-2021-01-13.json"
    ))
    .expect("the example");
    fs::write(sb.data.join("ubon.json"), example).expect("write");
    sb.run(&["new", "--no-open", "--title", "เวทีทดสอบ"]);
    sb
}

#[test]
fn lists_sessions_newest_first_and_opens_the_selected_one() {
    let sb = sandbox_with_two_sessions();
    let mut tui = sb.spawn("th_TH.UTF-8", &[], 100, 24);
    let screen = tui.wait_texts(&["เวทีทดสอบ", "อุบลราชธานี", "S3W3O3T3"]);
    let squeezed = squeeze(&screen);
    let newest = squeezed
        .find("เวทีทดสอบ")
        .expect("the new session is listed");
    let older = squeezed.find("อุบลราชธานี").expect("the example is listed");
    assert!(newest < older, "newest first:\n{screen}");
    assert!(
        squeezed.contains("13ม.ค.64"),
        "dates in the Buddhist era:\n{screen}"
    );

    // Down to the example, Enter opens it on the agenda; q comes back home.
    tui.send("j");
    tui.send(ENTER);
    tui.wait_texts(&["วาระ", "ขั้นตอน"]);
    tui.send("q");
    tui.wait_texts(&["เวทีที่บันทึกไว้"]);
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
    assert_terminal_restored(&tui.raw_output());
}

#[test]
fn the_filter_finds_thai_text_and_esc_clears_it() {
    let sb = sandbox_with_two_sessions();
    let mut tui = sb.spawn("en_US.UTF-8", &["--lang", "en"], 100, 24);
    tui.wait_texts(&["Sessions", "เวทีทดสอบ"]);
    tui.send("/");
    tui.send("รีเจ้นท์");
    tui.wait_for("only the example is left", |s| {
        let s = squeeze(s);
        s.contains("อุบลราชธานี") && !s.contains("เวทีทดสอบ")
    });
    tui.send(ENTER);
    tui.send(ESC);
    tui.wait_for("both sessions are back", |s| {
        let s = squeeze(s);
        s.contains("อุบลราชธานี") && s.contains("เวทีทดสอบ")
    });
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn n_starts_a_session_v_views_read_only_and_d_moves_to_the_trash() {
    let sb = Sandbox::new();
    let mut tui = sb.spawn("en_US.UTF-8", &["--lang", "en"], 100, 24);
    tui.wait_text("Welcome to wethi");
    tui.send("n");
    tui.wait_text("Title of the new session");
    tui.send(ENTER);
    tui.wait_texts(&["Agenda", "saved"]);
    let path = sb.wait_single_session();
    assert_eq!(read_json(&path)["stages"].as_array().map(Vec::len), Some(4));
    tui.send("q");
    tui.wait_text("Sessions");

    tui.send("v");
    tui.wait_text("read-only");
    tui.send("a");
    // Tab, not another letter: two letters at once would be a burst of text.
    tui.send(harness::TAB);
    tui.wait_text("Guidance");
    assert!(!tui.screen().contains("Add to"), "no add box opens");
    tui.send("q");
    tui.wait_text("Sessions");

    // A photo of the day goes to the trash and back with its session.
    let image = sb.home().join("p.jpg");
    std::fs::write(&image, wethi::photos::sample::phone_jpeg(20, 10, 1)).unwrap();
    let (session, image) = (path.display().to_string(), image.display().to_string());
    sb.run(&["photos", "add", &session, &image]);
    let photos = path.with_extension("photos");
    assert!(photos.is_dir());

    tui.send("D");
    tui.wait_text("Move to the trash?");
    assert_eq!(
        sb.session_files().len(),
        1,
        "nothing moves before the answer"
    );
    tui.send("y");
    tui.wait_text("moved to the trash");
    assert!(sb.session_files().is_empty(), "the session left the folder");
    let trashed = sb
        .data
        .join(".trash")
        .join(path.file_name().expect("a name"));
    assert!(
        trashed.is_file(),
        "and waits in the trash: {}",
        trashed.display()
    );
    assert!(!photos.exists() && trashed.with_extension("photos").is_dir());
    // u brings it back.
    tui.send("u");
    tui.wait_text("Brought back from the trash");
    assert_eq!(sb.session_files(), vec![path.clone()]);
    assert!(!trashed.exists());
    assert_eq!(std::fs::read_dir(&photos).map(|d| d.count()).ok(), Some(1));
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

/// An SGR mouse click (press and release) at a 0-based column and row.
fn click(col: u16, row: u16) -> String {
    format!(
        "\x1b[<0;{};{}M\x1b[<0;{};{}m",
        col + 1,
        row + 1,
        col + 1,
        row + 1
    )
}

#[test]
fn a_click_focuses_a_pane_and_selects_an_entry_in_any_view() {
    let sb = sandbox_with_two_sessions();
    let file = sb.data.join("ubon.json").display().to_string();
    let mut tui = sb.spawn("en_US.UTF-8", &["--lang", "en", "open", &file], 120, 40);
    // The whole first frame, not just its top rows.
    tui.wait_for("stage 3 is listed", |s| squeeze(s).contains("3.✓"));
    // The agenda: a click on the third stage shows its text on the right.
    let row = (0..40)
        .find(|&r| squeeze(&tui.row(r)).contains("3.✓"))
        .expect("stage 3 is listed");
    tui.send(&click(10, row));
    tui.wait_text("S3 · Linking community");
    // The strategies: a click in the bottom-right pane focuses WT.
    tui.send("\t\t\t");
    tui.wait_text("WT Retrenchment");
    tui.send(&click(100, 30));
    tui.wait_for("WT is focused", |s| {
        squeeze(s).contains("▶[4]WTRetrenchment")
    });
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[path = "common/workshops.rs"]
mod workshops;

#[test]
fn slash_finds_sessions_by_what_was_said_and_the_overview_opens_one_at_an_entry() {
    let sb = Sandbox::new();
    workshops::write_workshops(&sb.data, 40);
    let clock = sb.home().join("clock");
    fs::write(&clock, workshops::TODAY).expect("the clock");
    let clock = clock.display().to_string();
    let env = [("WETHI_TEST_CLOCK", clock.as_str())];
    let mut tui = sb.spawn_with_env("en_US.UTF-8", &env, &["--lang", "en"], 100, 30);
    tui.wait_texts(&["Sessions", "District workshop 34"]);

    // `/` finds the sessions that speak of the drought, however it was typed.
    tui.send("/");
    tui.wait_text("Filter");
    tui.send("ภัยแล้ง ซ้ำซาก");
    tui.wait_for("sessions found by their contents", |s| {
        s.contains("1 matched") && !s.contains("O2 T1")
    });
    // Enter keeps the filter, and Enter again opens the newest of them at
    // the item: the threats pane, focused.
    tui.send(ENTER);
    tui.send(ENTER);
    tui.wait_texts(&["SWOT", "▶ [t] Threats", "ภัยแล้ง"]);
    tui.send("q");
    // Home again, wholly: rows of the list can show while the board is
    // still being drawn over them, and a key sent then goes to the board.
    tui.wait_for("the home screen back", |s| {
        squeeze(s).contains("1matched") && !s.contains("[t] Threats")
    });
    tui.send(ESC);
    tui.wait_text("S1 W2 O2 T1");

    // `o`: the overview; down to an action carried into a follow-up session.
    tui.send("o");
    tui.wait_texts(&[
        "Overview",
        "Weaknesses that recur",
        "Actions still open · 70, 49 overdue",
    ]);
    tui.send(&harness::DOWN.repeat(7));
    let followed = "→ เวทีประชาคมอำเภอวารินชำราบ ครั้งที่ 2";
    tui.wait_for("the action's latest session", |s| {
        squeeze(s).contains(&squeeze(followed)) && s.contains("Follow-ups")
    });
    tui.send(ENTER);
    tui.wait_texts(&["▶ Follow-ups", "1. ↻ ส่งรายชื่อคณะทำงานอำเภอ", "saved"]);
    // x settles it there: the saved follow-up is done, the overview counts one fewer.
    tui.send("x");
    let path = sb.data.join("ws-0021.json");
    harness::wait_for_file(&path, "the follow-up done", |json| {
        let f = &json["followups"][0];
        if f["id"] == "a-1-1" && f["status"] == "done" {
            Ok(())
        } else {
            Err(format!("{f}"))
        }
    });
    tui.send("q");
    tui.wait_texts(&["Overview", "Actions still open · 69, 48 overdue"]);
    tui.send(ESC);
    tui.wait_text("Sessions");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}
