//! End to end: `wethi diff` on a real terminal (a pty) is coloured, green
//! for added, red for removed, yellow for changed; NO_COLOR turns that off.
//!
//! Unix only: they drive wethi through a Unix pseudo-terminal.
#![cfg(unix)]

#[path = "e2e/harness.rs"]
mod harness;

use std::fs;

use harness::Sandbox;
use serde_json::Value;

/// The example, and a copy with one item added, one removed, one with more votes.
fn two_files(sb: &Sandbox) -> (String, String) {
    let example = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sessions/examples/ubon-2021-01-13.json"
    ))
    .expect("the example");
    let mut new: Value = serde_json::from_str(&example).expect("JSON");
    let removed = new["swot"]["threats"]
        .as_array_mut()
        .expect("threats")
        .remove(0);
    // A removed item takes its links with it, or the file would not be valid.
    for pair in ["so", "wo", "st", "wt"] {
        for strategy in new["strategies"][pair].as_array_mut().expect("pair") {
            let links = strategy["links"].as_array_mut().expect("links");
            links.retain(|l| *l != removed["id"]);
        }
    }
    let swot = &mut new["swot"];
    swot["strengths"][0]["votes"] = 99.into();
    let mut added = swot["weaknesses"][0].clone();
    added["id"] = "sw-new".into();
    added["text"] = "ถนนชำรุด".into();
    swot["weaknesses"]
        .as_array_mut()
        .expect("weaknesses")
        .push(added);
    let old = sb.data.join("old.json");
    let new_path = sb.data.join("new.json");
    fs::write(&old, &example).expect("write");
    fs::write(&new_path, serde_json::to_string_pretty(&new).expect("JSON")).expect("write");
    (old.display().to_string(), new_path.display().to_string())
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn diff_on_a_terminal_is_coloured() {
    let sb = Sandbox::new();
    let (old, new) = two_files(&sb);
    let mut tui = sb.spawn("C.UTF-8", &["--lang", "en", "diff", &old, &new], 100, 30);
    tui.wait_text("ถนนชำรุด");
    assert_eq!(tui.wait_exit(), 0);
    let raw = tui.raw_output();
    assert!(
        contains(&raw, "\x1b[32m  + Weaknesses: ถนนชำรุด"),
        "{}",
        String::from_utf8_lossy(&raw)
    );
    assert!(contains(&raw, "\x1b[31m  - Threats: "));
    assert!(contains(&raw, "\x1b[33m  ~ Strengths: "));
    assert!(contains(&raw, "\x1b[1mSWOT\x1b[0m"));
}

#[test]
fn no_color_keeps_a_terminal_diff_plain() {
    let sb = Sandbox::new();
    let (old, new) = two_files(&sb);
    let mut tui = sb.spawn_with_env(
        "C.UTF-8",
        &[("NO_COLOR", "1")],
        &["--lang", "en", "diff", &old, &new],
        100,
        30,
    );
    tui.wait_text("ถนนชำรุด");
    assert_eq!(tui.wait_exit(), 0);
    let raw = tui.raw_output();
    assert!(!raw.contains(&0x1b), "{}", String::from_utf8_lossy(&raw));
}
