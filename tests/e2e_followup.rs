//! End to end, the next session of a series: `wethi new --from PAST` brings
//! PAST's open actions in as follow-ups, and in the Actions view each is
//! marked done, carried on or dropped, on either keyboard layout, undoably,
//! saved at once.
//!
//! The real `wethi` in a pseudo-terminal (see `e2e/harness.rs`); every step
//! polls the screen or the saved file.
//!
//! Unix only: they drive wethi through a Unix pseudo-terminal.
#![cfg(unix)]

mod common;
#[path = "e2e/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use common::assert_valid_session;
use harness::{DOWN, RIGHT, Sandbox, TAB, Tui, read_json, squeeze, wait_for_file};

/// A past session: the example with three action items, one done.
fn past_session(sb: &Sandbox) -> PathBuf {
    let mut past = read_json(&common::example_path());
    past["actions"] = json!([
        {"id": "a-1", "text": "ส่งรายชื่อกรรมการ", "owner": "เลขา", "due": "2021-01-20", "done": true},
        {"id": "a-2", "text": "ทำรายงานไตรมาส", "owner": "สพจ.", "due": "2021-01-29", "done": false},
        {"id": "a-3", "text": "ซ่อมป้ายศูนย์", "owner": "อบต.", "due": null, "done": false}
    ]);
    let path = sb.home().join("past.json");
    common::write_json(&path, &past);
    path
}

/// Each follow-up's id and status, as saved.
fn statuses(json: &Value) -> Vec<(String, String)> {
    json["followups"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|f| {
                    (
                        f["id"].as_str().unwrap_or_default().to_owned(),
                        f["status"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn wait_statuses(file: &Path, what: &str, want: &[(&str, &str)]) {
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    wait_for_file(file, what, |j| {
        let got = statuses(j);
        if got == want {
            Ok(())
        } else {
            Err(format!("follow-ups are {got:?}"))
        }
    });
}

/// The text of a region without whitespace or box-drawing borders, so an
/// entry wrapped onto two rows of a pane reads as one.
fn unboxed(region: &str) -> String {
    squeeze(region)
        .chars()
        .filter(|c| !('\u{2500}'..='\u{257f}').contains(c))
        .collect()
}

/// Waits for `text` in the follow-ups pane (the middle third of a 120-column
/// screen), wherever the pane wraps it.
fn wait_shown(tui: &mut Tui, text: &str) {
    let want = unboxed(text);
    tui.wait_region(text, (1, 40, 38, 40), |r| unboxed(r).contains(&want));
}

fn quit(tui: &mut Tui) {
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0, "wethi exits with 0");
}

#[test]
fn a_follow_up_is_marked_done_carried_and_undone_and_saved() {
    let sb = Sandbox::new();
    let past = past_session(&sb);
    let out = sb.run(&[
        "--lang",
        "en",
        "new",
        "--no-open",
        "--title",
        "Second",
        "--from",
        &past.display().to_string(),
    ]);
    let file = PathBuf::from(out.trim());
    wait_statuses(
        &file,
        "the open actions",
        &[("a-2", "open"), ("a-3", "open")],
    );

    let mut tui = sb.spawn_file("open", &file, 120, 40);
    tui.wait_text("Stages");
    for _ in 0..4 {
        tui.send(TAB);
    }
    tui.wait_texts(&["▶ Recommendations", "Follow-ups (2)"]);
    tui.send(RIGHT);
    tui.wait_texts(&["▶ Follow-ups (2)", "c carry on"]);
    let screen = squeeze(&tui.screen());
    assert!(screen.contains(&squeeze("ทำรายงานไตรมาส")), "{screen}");
    assert!(
        !screen.contains(&squeeze("ส่งรายชื่อกรรมการ")),
        "a done action is not followed up"
    );

    // x: done, at once in the file.
    tui.send("x");
    wait_statuses(&file, "the first done", &[("a-2", "done"), ("a-3", "open")]);
    tui.wait_text("☑");

    // ↓ then แ, the Kedmanee key of c: carried on.
    tui.send(DOWN);
    tui.send("แ");
    wait_statuses(
        &file,
        "the second carried",
        &[("a-2", "done"), ("a-3", "carried")],
    );
    wait_shown(&mut tui, "carried on");

    // u: undone, saved too.
    tui.send("u");
    wait_statuses(
        &file,
        "the carry undone",
        &[("a-2", "done"), ("a-3", "open")],
    );

    // พ, the Kedmanee key of r: dropped.
    tui.send("พ");
    wait_statuses(
        &file,
        "the second dropped",
        &[("a-2", "done"), ("a-3", "dropped")],
    );
    wait_shown(&mut tui, "· dropped");
    quit(&mut tui);
    assert_valid_session(&file);

    // The next session follows up nothing settled.
    let out = sb.run(&["new", "--no-open", "--from", &file.display().to_string()]);
    let third = read_json(Path::new(out.trim()));
    assert!(statuses(&third).is_empty(), "{third}");
}
