//! End to end: `x` on the home screen exports the selected session, in the
//! format asked for, beside its file; the message line says where. `y` on
//! the summary sends the news post to the clipboard (OSC 52) and saves it
//! beside the session too.
//!
//! Unix only: they drive wethi through a Unix pseudo-terminal.
#![cfg(unix)]

#[path = "e2e/harness.rs"]
mod harness;

use std::fs;
use std::path::Path;

use base64::Engine;
use harness::{DOWN, ENTER, ESC, SHIFT_TAB, Sandbox, Tui, squeeze};

fn sandbox_with_the_example() -> Sandbox {
    let sb = Sandbox::new();
    fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sessions/examples/ubon-2021-01-13.json"
        ),
        sb.data.join("ubon.json"),
    )
    .expect("the example");
    sb
}

/// `x`, then (once the question shows) `key`; returns the screen once the
/// message line names `report`.
fn export(tui: &mut Tui, question: &str, key: &str, report: &Path) -> String {
    tui.send("x");
    tui.wait_text(question);
    tui.send(key);
    let want = squeeze(&report.display().to_string());
    tui.wait_for("the message names the report", |s| {
        squeeze(s).contains(&want)
    })
}

#[test]
fn x_writes_the_chosen_report_beside_the_session_and_says_where() {
    let sb = sandbox_with_the_example();
    let mut tui = sb.spawn("th_TH.UTF-8", &[], 100, 24);
    tui.wait_text("อุบลราชธานี");
    let question = "ส่งออกรายงานเป็น";

    let md = sb.data.join("ubon.md");
    let screen = export(&mut tui, question, "m", &md);
    assert!(squeeze(&screen).contains("เขียนรายงานแล้ว"), "{screen}");
    let text = fs::read_to_string(&md).expect("the Markdown report");
    assert!(text.contains("13 มกราคม 2564"), "the Thai date:\n{text}");

    // c on the Thai layout is แ.
    let csv = sb.data.join("ubon.csv");
    export(&mut tui, question, "แ", &csv);
    let bytes = fs::read(&csv).expect("the CSV report");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM for spreadsheets");
    assert!(String::from_utf8_lossy(&bytes).contains("อุบลราชธานี"));

    // ↓ Enter: the second format, HTML.
    tui.send("x");
    tui.wait_text(question);
    tui.send(DOWN);
    tui.wait_text("▶ h");
    let html = sb.data.join("ubon.html");
    tui.send(ENTER);
    let want = squeeze(&html.display().to_string());
    tui.wait_for("the HTML report is named", |s| squeeze(s).contains(&want));
    let page = fs::read_to_string(&html).expect("the HTML report");
    assert!(
        page.contains("lang=\"th\"") && page.contains("@page"),
        "{page}"
    );

    // Again: a second file, the first one kept.
    export(&mut tui, question, "m", &sb.data.join("ubon (2).md"));
    assert_eq!(fs::read_to_string(&md).expect("still there"), text);

    // Esc asks nothing more and writes nothing.
    tui.send("x");
    tui.wait_text(question);
    tui.send(ESC);
    tui.wait_for("the keys are back", |s| {
        !s.contains(question) && !s.contains("Markdown")
    });
    let reports = fs::read_dir(&sb.data)
        .expect("the folder")
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().ends_with(".json"))
        .filter(|e| e.path().is_file())
        .count();
    assert_eq!(reports, 4, "md, csv, html and md (2)");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

#[test]
fn the_word_report_is_written_in_english_too() {
    let sb = sandbox_with_the_example();
    let mut tui = sb.spawn("en_US.UTF-8", &["--lang", "en"], 100, 24);
    tui.wait_text("อุบลราชธานี");
    let docx = sb.data.join("ubon.docx");
    let screen = export(&mut tui, "Export a report as", "w", &docx);
    assert!(screen.contains("Report written:"), "{screen}");
    let bytes = fs::read(&docx).expect("the Word report");
    assert!(bytes.starts_with(b"PK"), "a docx is a zip");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}

/// The texts the program put on the clipboard (OSC 52), in order.
fn clipboard(raw: &[u8]) -> Vec<String> {
    let start = b"\x1b]52;c;";
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(at) = rest.windows(start.len()).position(|w| w == start) {
        let body = &rest[at + start.len()..];
        let end = body
            .iter()
            .position(|b| *b == 0x07)
            .expect("a BEL ends OSC 52");
        let text = base64::engine::general_purpose::STANDARD
            .decode(&body[..end])
            .expect("base64");
        out.push(String::from_utf8(text).expect("UTF-8"));
        rest = &body[end..];
    }
    out
}

#[test]
fn the_news_post_from_the_export_menu_and_from_y_on_the_summary() {
    let sb = sandbox_with_the_example();
    let mut tui = sb.spawn("en_US.UTF-8", &["--lang", "en"], 110, 30);
    tui.wait_text("อุบลราชธานี");
    // p in the home screen's export menu.
    let first = sb.data.join("ubon.post.txt");
    let screen = export(&mut tui, "Export a report as", "p", &first);
    assert!(screen.contains("News post written:"), "{screen}");
    let post = fs::read_to_string(&first).expect("the post");
    // The example's headline, not its title.
    assert!(post.starts_with("จ.อุบลฯ เสริมพลัง ศอช."), "{post}");
    assert!(
        post.contains("⏰วันที่ 13 มกราคม 2564"),
        "in the session's language: {post}"
    );

    // y on the summary: to the clipboard, and beside the session under a
    // name not taken.
    tui.send(ENTER);
    tui.wait_text("Stages");
    tui.send(SHIFT_TAB);
    tui.wait_text("copy the news post");
    assert!(clipboard(&tui.raw_output()).is_empty());
    tui.send("y");
    let second = sb.data.join("ubon (2).post.txt");
    tui.wait_for("the notice names the file", |s| {
        s.contains("News post copied (if the terminal allows) and saved: ubon (2).post.txt")
    });
    assert_eq!(fs::read_to_string(&second).expect("saved"), post);
    assert_eq!(fs::read_to_string(&first).expect("kept"), post);
    assert_eq!(clipboard(&tui.raw_output()), [post]);
    // q back to the sessions, q again to leave.
    tui.send("q");
    tui.wait_text("Sessions");
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0);
}
