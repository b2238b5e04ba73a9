//! End to end, the closing half of the day: the stage timer in the agenda,
//! TOWS strategies linked to SWOT items, recommendations and action items,
//! the summary, and the session details form.
//!
//! The real `wethi` in a pseudo-terminal (see `e2e/harness.rs`). No fixed
//! sleeps: every step polls the screen or the saved file. The timer test
//! runs wethi on a test clock (`WETHI_TEST_CLOCK`) and moves it on itself.
//!
//! Unix only: they drive wethi through a Unix pseudo-terminal.
#![cfg(unix)]

mod common;
#[path = "e2e/harness.rs"]
mod harness;

use std::path::Path;

use serde_json::{Value, json};

use common::assert_valid_session;
use harness::{
    DOWN, ENTER, ESC, F2, RIGHT, SHIFT_TAB, Sandbox, TAB, Tui, note_texts, read_json, squeeze,
    wait_for_file,
};

const BACKSPACE: &str = "\x7f";

/// Quits with `q` and checks the exit code.
fn quit(tui: &mut Tui) {
    tui.send("q");
    assert_eq!(tui.wait_exit(), 0, "wethi exits with 0");
}

/// Whether the screen, whitespace ignored, holds `text` (whitespace ignored).
fn shows(screen: &str, text: &str) -> bool {
    squeeze(screen).contains(&squeeze(text))
}

/// The text of a region without whitespace or box-drawing borders, so an
/// entry wrapped onto two rows of a pane reads as one.
fn unboxed(region: &str) -> String {
    squeeze(region)
        .chars()
        .filter(|c| !('\u{2500}'..='\u{257f}').contains(c))
        .collect()
}

/// Waits until the pane at `rect` (top, left, height, width) holds every
/// one of `texts`, whitespace, borders and wrapping ignored.
fn wait_pane_texts(tui: &mut Tui, rect: (u16, u16, u16, u16), texts: &[&str]) -> String {
    let want: Vec<String> = texts.iter().map(|t| unboxed(t)).collect();
    tui.wait_region(&format!("{texts:?} in the pane"), rect, |r| {
        let r = unboxed(r);
        want.iter().all(|w| r.contains(w))
    })
}

/// Waits for the add box titled `title`, types `text`, commits it and waits
/// for the box to close.
fn add_text(tui: &mut Tui, title: &str, text: &str) {
    tui.send("a");
    tui.wait_text(title);
    tui.send(text);
    tui.wait_text(text);
    tui.send(ENTER);
    tui.wait_for("the add box to close", |s| !shows(s, title));
}

// ---------------------------------------------------------------------------
// The stage timer
// ---------------------------------------------------------------------------

/// The running stage and its time in seconds as the header shows them
/// ("⏱ S1 00:02 / 1:00:00"), or `None` when no timer shows.
fn header_timer(header: &str) -> Option<(String, u64)> {
    let rest = &header[header.find('⏱')? + '⏱'.len_utf8()..];
    let mut words = rest.split_whitespace();
    let (id, clock, slash) = (words.next()?, words.next()?, words.next()?);
    if slash != "/" {
        return None;
    }
    let seconds = clock
        .split(':')
        .try_fold(0u64, |acc, part| Some(acc * 60 + part.parse::<u64>().ok()?))?;
    Some((id.to_owned(), seconds))
}

/// Waits until the header shows stage `id`'s timer at `at_least` seconds or
/// more; returns the seconds shown.
fn wait_header_timer(tui: &mut Tui, id: &str, at_least: u64) -> u64 {
    let (_, cols) = tui.size();
    let what = format!("the header timer of {id} at {at_least} s or more");
    let header = tui.wait_region(&what, (0, 0, 1, cols), |h| {
        header_timer(h).is_some_and(|(shown, secs)| shown == id && secs >= at_least)
    });
    header_timer(&header).map_or(0, |(_, secs)| secs)
}

fn stage(json: &Value, index: usize) -> &Value {
    &json["stages"][index]
}

/// The time wethi reads when `WETHI_TEST_CLOCK` names this file.
struct TestClock {
    path: std::path::PathBuf,
}

impl TestClock {
    fn new(dir: &Path) -> TestClock {
        let clock = TestClock {
            path: dir.join("clock"),
        };
        clock.set(0);
        clock
    }

    /// Moves the clock to `seconds` after 09:00 on the Ubon workshop's day.
    /// Written beside and renamed, so wethi never reads half a time.
    fn set(&self, seconds: i64) {
        let start = chrono::DateTime::parse_from_rfc3339("2021-01-13T09:00:00+07:00").unwrap();
        let time = start + chrono::Duration::seconds(seconds);
        let temp = self.path.with_extension("tmp");
        std::fs::write(&temp, time.to_rfc3339()).expect("the clock file can be written");
        std::fs::rename(&temp, &self.path).expect("the clock file can be replaced");
    }

    fn spawn(&self, sb: &Sandbox, args: &[&str]) -> Tui {
        let path = self.path.display().to_string();
        sb.spawn_with_env("C.UTF-8", &[("WETHI_TEST_CLOCK", &path)], args, 100, 30)
    }
}

#[test]
fn header_timer_parsing() {
    assert_eq!(
        header_timer(" เวที │ T │ Agenda │ ⏱ S1 00:02 / 1:00:00  ✓ saved "),
        Some(("S1".into(), 2))
    );
    assert_eq!(
        header_timer("x │ ⏱ S12 1:02:03 / 2:00:00"),
        Some(("S12".into(), 3723))
    );
    assert_eq!(header_timer(" เวที │ T │ Agenda  ✓ saved "), None);
}

#[test]
fn the_stage_timer_runs_pauses_survives_quitting_and_marks_done() {
    let sb = Sandbox::new();
    let clock = TestClock::new(sb.home());
    let mut tui = clock.spawn(&sb, &["--lang", "en", "new", "--title", "T"]);
    tui.wait_texts(&["Stages", "S1"]);
    let file = sb.wait_single_session();
    let json = read_json(&file);
    assert_eq!(stage(&json, 0)["id"], "S1");
    assert_eq!(stage(&json, 0)["elapsed_seconds"], 0);
    assert_eq!(stage(&json, 0)["running_since"], Value::Null);
    let timebox = stage(&json, 0)["timebox_minutes"]
        .as_u64()
        .expect("a timebox");
    assert!(header_timer(&tui.row(0)).is_none(), "{}", tui.row(0));

    // Space starts S1's timer: the header shows it and it counts.
    tui.send(" ");
    wait_for_file(
        &file,
        "S1 running",
        |j| match stage(j, 0)["running_since"].as_str() {
            Some(_) => Ok(()),
            None => Err(format!("stages[0] is {}", stage(j, 0))),
        },
    );
    wait_header_timer(&mut tui, "S1", 0);
    let budget = format!("/ {}", clock_text(timebox * 60));
    tui.wait_region("the timebox in the header", (0, 0, 1, 100), |h| {
        h.contains("⏱ S1") && shows(h, &budget)
    });
    clock.set(90);
    assert_eq!(wait_header_timer(&mut tui, "S1", 90), 90);

    // Space pauses: the time spent is kept, the timer leaves the header.
    tui.send(" ");
    let paused = wait_for_file(&file, "S1 paused after 90 s", |j| {
        let s = stage(j, 0);
        match (s["elapsed_seconds"].as_u64(), &s["running_since"]) {
            (Some(e), Value::Null) if e == 90 => Ok(e),
            _ => Err(format!("stages[0] is {s}")),
        }
    });
    tui.wait_region("the timer to leave the header", (0, 0, 1, 100), |h| {
        header_timer(h).is_none()
    });

    // Started again, then q while it runs: the file says it still runs.
    tui.send(" ");
    wait_header_timer(&mut tui, "S1", paused);
    wait_for_file(&file, "S1 running again", |j| {
        let s = stage(j, 0);
        match (s["elapsed_seconds"].as_u64(), s["running_since"].as_str()) {
            (Some(e), Some(_)) if e == paused => Ok(()),
            _ => Err(format!("stages[0] is {s}")),
        }
    });
    quit(&mut tui);
    let json = read_json(&file);
    let s = stage(&json, 0);
    assert!(
        s["running_since"].is_string(),
        "quitting keeps the timer running: {s}"
    );
    assert_eq!(s["elapsed_seconds"].as_u64(), Some(paused), "{s}");
    assert_valid_session(&file);
    drop(tui);

    // Reopened: the header shows the timer still running, and it counts on.
    let path = file.display().to_string();
    let mut tui = clock.spawn(&sb, &["--lang", "en", "open", &path]);
    tui.wait_text("Stages");
    let first = wait_header_timer(&mut tui, "S1", paused);
    clock.set(150);
    let later = wait_header_timer(&mut tui, "S1", first + 1);
    assert_eq!((first, later), (90, 150));

    // x marks the stage done, which also stops its timer.
    tui.send("x");
    let done = wait_for_file(&file, "S1 done", |j| {
        let s = stage(j, 0);
        match (
            &s["done"],
            &s["running_since"],
            s["elapsed_seconds"].as_u64(),
        ) {
            (Value::Bool(true), Value::Null, Some(e)) if e == later => Ok(e),
            _ => Err(format!("stages[0] is {s}")),
        }
    });
    tui.wait_region("the timer to leave the header", (0, 0, 1, 100), |h| {
        header_timer(h).is_none()
    });
    tui.wait_text("✓ ศอช.จ. mandate");

    // + raises the timebox by 5 minutes; the stage keeps its time.
    tui.send("+");
    wait_for_file(&file, "a timebox 5 minutes longer", |j| {
        let s = stage(j, 0);
        if s["timebox_minutes"].as_u64() == Some(timebox + 5)
            && s["elapsed_seconds"].as_u64() == Some(done)
            && s["done"] == true
        {
            Ok(())
        } else {
            Err(format!("stages[0] is {s}"))
        }
    });
    tui.wait_text(&format!("/{}′", timebox + 5));
    // The other stages are untouched.
    let json = read_json(&file);
    for s in &json["stages"].as_array().unwrap()[1..] {
        assert_eq!(
            (&s["elapsed_seconds"], &s["running_since"], &s["done"]),
            (&json!(0), &Value::Null, &json!(false)),
            "{s}"
        );
    }
    quit(&mut tui);
    assert_valid_session(&file);
}

fn clock_text(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

// ---------------------------------------------------------------------------
// Strategies linked to SWOT items
// ---------------------------------------------------------------------------

fn ids(json: &Value, quadrant: &str) -> Vec<String> {
    json["swot"][quadrant]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|i| i["id"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the saved strengths and the SO strategy's links are these ids.
fn strengths_and_links_are(json: &Value, strengths: &[&str], links: &[&str]) -> Result<(), String> {
    if ids(json, "strengths") == strengths && so_links(json) == links {
        Ok(())
    } else {
        Err(format!(
            "strengths {:?}, links {:?}",
            ids(json, "strengths"),
            so_links(json)
        ))
    }
}

fn so_links(json: &Value) -> Vec<String> {
    json["strategies"]["so"][0]["links"]
        .as_array()
        .map(|l| {
            l.iter()
                .map(|i| i.as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_strategy_links_swot_items_and_deleting_an_item_unlinks_it_until_undone() {
    const STRENGTH: &str = "ชุมชนสามัคคี";
    const OPPORTUNITY: &str = "ตลาดออนไลน์";
    const STRATEGY: &str = "ใช้ความสามัคคีขยายตลาด";

    let sb = Sandbox::new();
    let (mut tui, file) = sb.start_new("Links", 120, 40);
    tui.tab_to_swot();
    tui.wait_text("▶ [s] Strengths (0)");

    // Strengths has focus already (an `s` sent right before `a` would
    // arrive with it, as a burst of text).
    add_text(&mut tui, "Add to Strengths", STRENGTH);
    tui.send("o");
    tui.wait_text("▶ [o] Opportunities (0)");
    add_text(&mut tui, "Add to Opportunities", OPPORTUNITY);
    tui.wait_texts(&["[s] Strengths (1)", "[o] Opportunities (1)"]);

    // Strategies: a, a Thai strategy in SO.
    tui.send(TAB);
    tui.wait_text("▶ [1] SO Aggressive (0)");
    add_text(&mut tui, "Add to SO Aggressive", STRATEGY);
    tui.wait_texts(&["[1] SO Aggressive (1)", STRATEGY, "no links yet"]);
    wait_for_file(&file, "the strategy", |j| {
        let so = note_texts(&j["strategies"]["so"]);
        if so == [STRATEGY] && so_links(j).is_empty() {
            Ok(())
        } else {
            Err(format!("strategies.so is {}", j["strategies"]["so"]))
        }
    });

    // l: the picker lists the strengths, then the opportunities.
    tui.send("l");
    let screen = tui.wait_texts(&["Link to SWOT items", "☐ S1", "☐ O1"]);
    let flat = squeeze(&screen);
    let (s_at, o_at) = (flat.find("☐S1"), flat.find("☐O1"));
    assert!(s_at < o_at, "strengths first:\n{screen}");
    assert!(shows(&screen, &format!("S1  {STRENGTH}")), "{screen}");
    assert!(shows(&screen, &format!("O1  {OPPORTUNITY}")), "{screen}");
    tui.send(" ");
    tui.wait_texts(&["☑ S1", "☐ O1"]);
    tui.send(DOWN);
    tui.send(" ");
    tui.wait_texts(&["☑ S1", "☑ O1"]);
    tui.send(ENTER);
    tui.wait_for("the picker to close", |s| !s.contains("Link to SWOT items"));
    tui.wait_text(&format!("{STRATEGY} → S1 · O1"));

    let json = wait_for_file(&file, "both links", |j| {
        let want = [ids(j, "strengths"), ids(j, "opportunities")].concat();
        if want.len() == 2 && so_links(j) == want {
            Ok(j.clone())
        } else {
            Err(format!("links {:?}, items {want:?}", so_links(j)))
        }
    });
    let strength_id = ids(&json, "strengths")[0].clone();
    let opportunity_id = ids(&json, "opportunities")[0].clone();
    assert_valid_session(&file);

    // Back on the board, d deletes the strength: its link goes with it.
    tui.send(SHIFT_TAB);
    tui.wait_text("[s] Strengths (1)");
    tui.send("s");
    tui.wait_text("▶ [s] Strengths (1)");
    tui.send("d");
    tui.wait_text("▶ [s] Strengths (0)");
    wait_for_file(&file, "the strength and its link gone", |j| {
        strengths_and_links_are(j, &[], &[&opportunity_id])
    });
    tui.send(TAB);
    let unlinked = format!("{STRATEGY} → O1");
    tui.wait_for("the strategy linked to O1 alone", |s| {
        shows(s, "▶ [1] SO Aggressive (1)") && shows(s, &unlinked) && !shows(s, "S1")
    });

    // u brings back the item and the link together (and shows the board).
    tui.send("u");
    tui.wait_texts(&["[s] Strengths (1)", STRENGTH, "undone"]);
    wait_for_file(&file, "the strength and its link back", |j| {
        strengths_and_links_are(j, &[&strength_id], &[&strength_id, &opportunity_id])
    });
    tui.send(TAB);
    tui.wait_text(&format!("{STRATEGY} → S1 · O1"));
    quit(&mut tui);
    assert_valid_session(&file);
}

// ---------------------------------------------------------------------------
// Recommendations, action items and the summary
// ---------------------------------------------------------------------------

/// The text, owner, due date and done flag of every saved action item.
fn actions(json: &Value) -> Vec<Value> {
    json["actions"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|a| {
                    json!({
                        "text": a["text"],
                        "owner": a["owner"],
                        "due": a["due"],
                        "done": a["done"],
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// From the agenda, Tab four times to the Recommendations and Action items.
fn tab_to_actions(tui: &mut Tui) {
    for _ in 0..4 {
        tui.send(TAB);
    }
}

/// Opens the action item form, types `text`, skips the owner and types
/// `due` as the due date (without committing).
fn type_action_due(tui: &mut Tui, text: &str, due: &str) {
    tui.send("a");
    tui.wait_text("Owner:");
    tui.send(text);
    tui.send(TAB);
    tui.send(TAB);
    tui.send(due);
}

fn wait_actions(file: &Path, what: &str, want: &[Value]) {
    wait_for_file(file, what, |j| {
        let got = actions(j);
        if got == want {
            Ok(())
        } else {
            Err(format!("actions are {got:?}"))
        }
    });
}

#[test]
fn recommendations_and_action_items_are_saved_and_summarised() {
    const RECOMMENDATION: &str = "ควรจัดเวทีทุกไตรมาส";
    const ACTION: &str = "ซ่อมฝายกั้นน้ำ";
    const OWNER: &str = "นายสมชาย";
    const SECOND: &str = "จัดทำแผนที่";

    let sb = Sandbox::new();
    let (mut tui, file) = sb.start_new("Closing", 120, 40);
    tab_to_actions(&mut tui);
    tui.wait_texts(&["▶ Recommendations (0)", "Action items (0)"]);

    // a on Recommendations: a plain text box.
    add_text(&mut tui, "Add to Recommendations", RECOMMENDATION);
    tui.wait_text("Recommendations (1)");
    wait_for_file(&file, "the recommendation", |j| {
        let texts = note_texts(&j["recommendations"]);
        if texts == [RECOMMENDATION] {
            Ok(())
        } else {
            Err(format!("recommendations are {texts:?}"))
        }
    });

    // → Action items, a: the form (text, Tab owner, Tab due date).
    tui.send(RIGHT);
    tui.wait_text("▶ Action items (0)");
    tui.send("a");
    tui.wait_texts(&["Action item", "Text:", "Owner:", "Due:"]);
    tui.send(ACTION);
    tui.send(TAB);
    tui.send(OWNER);
    tui.send(TAB);
    tui.send("31/2/2564");
    tui.wait_texts(&[ACTION, OWNER, "31/2/2564"]);
    // No 31 February: the form stays open and says why, quoting the input.
    tui.send(ENTER);
    tui.wait_text("“31/2/2564” is not a real date");
    let screen = tui.screen();
    for part in ["Text:", "Owner:", "Due:", ACTION, OWNER] {
        assert!(shows(&screen, part), "the form keeps {part:?}:\n{screen}");
    }
    assert!(
        actions(&read_json(&file)).is_empty(),
        "nothing saved while the date is wrong"
    );

    // The cursor is on the due date: Backspace it away and type a real one.
    tui.send(&BACKSPACE.repeat("31/2/2564".chars().count()));
    tui.send("15/2/2564");
    tui.wait_text("15/2/2564");
    tui.send(ENTER);
    tui.wait_for("the form to close", |s| !s.contains("Owner:"));
    // The middle third of the Actions view; 2021 is past, so it is overdue.
    let action_pane = (1, 40, 38, 40);
    wait_pane_texts(
        &mut tui,
        action_pane,
        &[
            "▶ Action items (1)",
            &format!("1. ☐ {ACTION} — {OWNER} · 15 Feb 2021 · ⚠ overdue"),
        ],
    );
    let first = json!({"text": ACTION, "owner": OWNER, "due": "2021-02-15", "done": false});
    wait_actions(&file, "the action item", std::slice::from_ref(&first));

    // Thai digits read the same: ๑๕/๒/๒๕๖๔ is 15/2/2564, 2021-02-15.
    type_action_due(&mut tui, SECOND, "๑๕/๒/๒๕๖๔");
    tui.wait_text("๑๕/๒/๒๕๖๔");
    tui.send(ENTER);
    tui.wait_for("the form to close", |s| !s.contains("Owner:"));
    wait_pane_texts(
        &mut tui,
        action_pane,
        &[
            "▶ Action items (2)",
            &format!("2. ☐ {SECOND} — 15 Feb 2021"),
        ],
    );
    let second = json!({"text": SECOND, "owner": "", "due": "2021-02-15", "done": false});
    wait_actions(&file, "two action items", &[first.clone(), second.clone()]);
    assert_valid_session(&file);

    // The summary lists the open actions with owner and due date…
    // Past the Photos view.
    tui.send(TAB);
    tui.send(TAB);
    tui.wait_texts(&[
        "Open action items",
        &format!("☐ {ACTION} — {OWNER} · 15 Feb 2021"),
        &format!("☐ {SECOND}"),
    ]);
    // (How a missing owner shows is the test after this one.)
    // … in the UI language's calendar.
    tui.send(F2);
    tui.wait_texts(&[
        "สิ่งที่ต้องทำที่ยังไม่เสร็จ",
        &format!("☐ {ACTION} — {OWNER} · 15 ก.พ. 64"),
    ]);
    tui.send(F2);
    tui.wait_text("Open action items");

    // x in the Actions view: the first action is done.
    // Past the Photos view.
    tui.send(SHIFT_TAB);
    tui.send(SHIFT_TAB);
    tui.wait_text("▶ Action items (2)");
    // ↑, not k: two letters written at once would arrive as a burst of text.
    tui.send(harness::UP);
    tui.send("x");
    tui.wait_text(&format!("☑ {ACTION}"));
    let done = json!({"text": ACTION, "owner": OWNER, "due": "2021-02-15", "done": true});
    wait_actions(
        &file,
        "the first action done",
        &[done.clone(), second.clone()],
    );
    // The summary no longer lists it as open.
    // Past the Photos view.
    tui.send(TAB);
    tui.send(TAB);
    let open_second = format!("☐ {SECOND}");
    tui.wait_for("the summary without the done action", |s| {
        shows(s, "Open action items") && shows(s, &open_second) && !shows(s, ACTION)
    });
    // x again opens it again.
    // Past the Photos view.
    tui.send(SHIFT_TAB);
    tui.send(SHIFT_TAB);
    tui.wait_text(&format!("☑ {ACTION}"));
    tui.send("x");
    tui.wait_text(&format!("☐ {ACTION}"));
    wait_actions(&file, "the first action open again", &[first, second]);
    quit(&mut tui);
    assert_valid_session(&file);
}

// ---------------------------------------------------------------------------
// Session details
// ---------------------------------------------------------------------------

#[test]
fn the_session_details_form_saves_the_venue_and_refuses_a_bad_total() {
    const VENUE: &str = "ศาลาประชาคมหมู่บ้าน";
    const OTHER: &str = "วัดป่า";

    let sb = Sandbox::new();
    let (mut tui, file) = sb.start_new("Details", 100, 30);
    let before = read_json(&file)["meta"].clone();
    assert_eq!(before["venue"], "");

    // i, Tab to the venue, type, Enter.
    tui.send("i");
    tui.wait_texts(&["Session details", "Title:", "Date:", "Venue:", "Total:"]);
    tui.tab_to_field("Venue:");
    tui.send(VENUE);
    tui.wait_text(VENUE);
    tui.send(ENTER);
    tui.wait_for("the form to close", |s| !s.contains("Session details"));
    wait_for_file(&file, "the venue", |j| {
        let meta = &j["meta"];
        let mut want = before.clone();
        want["venue"] = json!(VENUE);
        if *meta == want && j["title"] == "Details" {
            Ok(())
        } else {
            Err(format!("meta is {meta}"))
        }
    });

    // Again, from any view: a new venue and a total that is not a number.
    tui.send(TAB);
    tui.wait_text("G1");
    tui.send("i");
    tui.wait_texts(&["Session details", VENUE]);
    tui.tab_to_field("Venue:");
    tui.send(&BACKSPACE.repeat(VENUE.chars().count()));
    tui.send(OTHER);
    tui.wait_text(OTHER);
    tui.tab_to_field("Total:");
    tui.send("abc");
    tui.send(ENTER);
    tui.wait_text("“abc” is not a whole number");
    assert!(
        shows(&tui.screen(), "Session details"),
        "the form stays open"
    );
    let json = read_json(&file);
    assert_eq!(json["meta"]["venue"], VENUE, "nothing saved");
    assert_eq!(json["meta"]["participants"]["total"], Value::Null);

    // The cursor is on the total: fixed with Thai digits, it saves.
    assert!(tui.focused_field("Total:"));
    tui.send(&BACKSPACE.repeat(3));
    tui.send("๕๕");
    tui.wait_text("๕๕");
    tui.send(ENTER);
    tui.wait_for("the form to close", |s| !s.contains("Session details"));
    wait_for_file(&file, "the new venue and the total", |j| {
        let meta = &j["meta"];
        if meta["venue"] == OTHER && meta["participants"]["total"] == 55 {
            Ok(())
        } else {
            Err(format!("meta is {meta}"))
        }
    });

    // Esc cancels: nothing changes.
    let saved = read_json(&file);
    tui.send("i");
    tui.wait_text("Session details");
    tui.tab_to_field("Venue:");
    tui.send("xyz");
    tui.wait_text(&format!("{OTHER}xyz"));
    tui.send(ESC);
    tui.wait_for("the form to close", |s| !s.contains("Session details"));
    quit(&mut tui);
    assert_eq!(read_json(&file)["meta"], saved["meta"]);
    assert_valid_session(&file);
}

#[test]
fn the_details_form_saves_a_two_line_objective_and_who_presided() {
    let sb = Sandbox::new();
    let (mut tui, file) = sb.start_new("Facts", 80, 24);
    tui.send("i");
    tui.wait_texts(&["Session details", "Objective:"]);
    tui.tab_to_field("Objective:");
    tui.send("เพื่อทบทวนบทบาท");
    tui.wait_text("เพื่อทบทวนบทบาท");
    // Alt-Enter starts a new line; Enter would save the form.
    tui.wait_text("Alt-Enter or Ctrl-J new line");
    tui.send("\x1b\r");
    tui.send("และวางแผนปีต่อไป");
    tui.wait_text("และวางแผนปีต่อไป");
    tui.tab_to_field("Presided by:");
    tui.send("นายสมชาย ใจดี");
    tui.wait_text("นายสมชาย ใจดี");
    tui.tab_to_field("Their position:");
    tui.send("รองผู้ว่าราชการจังหวัด");
    tui.wait_text("รองผู้ว่าราชการจังหวัด");
    // At 80×24 the form scrolls to keep the focused field in view.
    tui.tab_to_field("News credit:");
    let screen = tui.wait_text("▲");
    assert!(!shows(&screen, "Title:"), "{screen}");
    tui.send(ENTER);
    tui.wait_for("the form to close", |s| !s.contains("Session details"));
    wait_for_file(&file, "the facts", |j| {
        let meta = &j["meta"];
        let want = json!({"name": "นายสมชาย ใจดี", "position": "รองผู้ว่าราชการจังหวัด"});
        if meta["objective"] == "เพื่อทบทวนบทบาท\nและวางแผนปีต่อไป" && meta["presided_by"] == want
        {
            Ok(())
        } else {
            Err(format!("meta is {meta}"))
        }
    });
    quit(&mut tui);
    assert_valid_session(&file);
}

/// The screen row that holds `text` (whitespace ignored), without trailing blanks.
fn row_with(tui: &Tui, text: &str) -> Option<String> {
    let (rows, _) = tui.size();
    (0..rows)
        .map(|r| tui.row(r))
        .find(|row| shows(row, text))
        .map(|row| row.trim_end().to_owned())
}

#[test]
fn the_summary_shows_only_the_details_an_action_has() {
    // The summary lists open actions "with owner and due
    // date". Like the Actions view, it leaves out what an action lacks
    // rather than printing a dangling "— ·".
    const DATED: &str = "ทำป้ายประกาศ";
    const BARE: &str = "โทรนัดวิทยากร";

    let sb = Sandbox::new();
    let (mut tui, file) = sb.start_new("Bare", 120, 40);
    tab_to_actions(&mut tui);
    tui.wait_text("▶ Recommendations (0)");
    tui.send(RIGHT);
    tui.wait_text("▶ Action items (0)");
    // A due date and no owner; then neither.
    type_action_due(&mut tui, DATED, "15/2/2564");
    tui.send(ENTER);
    tui.wait_text("▶ Action items (1)");
    tui.send("a");
    tui.wait_text("Owner:");
    tui.send(BARE);
    tui.send(ENTER);
    tui.wait_text("▶ Action items (2)");
    wait_actions(
        &file,
        "two actions",
        &[
            json!({"text": DATED, "owner": "", "due": "2021-02-15", "done": false}),
            json!({"text": BARE, "owner": "", "due": null, "done": false}),
        ],
    );
    // The Actions view shows just what each has.
    let action_pane = (1, 40, 38, 40);
    let pane = wait_pane_texts(&mut tui, action_pane, &[DATED, BARE]);
    assert!(
        unboxed(&pane).contains(&unboxed(&format!("{DATED} — 15 Feb 2021"))),
        "{pane}"
    );

    // Past the Photos view.
    tui.send(TAB);
    tui.send(TAB);
    // The stage times come after the actions, so the rows above are whole.
    tui.wait_texts(&["Open action items", DATED, BARE, "Time per stage", "S4"]);
    let dated = row_with(&tui, DATED).unwrap_or_default();
    let bare = row_with(&tui, BARE).unwrap_or_default();
    // The summary shows actions as the Actions view does, overdue mark included.
    assert!(
        dated
            .trim_end()
            .ends_with(&format!("☐ {DATED} — 15 Feb 2021 · ⚠ overdue")),
        "a due date without an owner: {dated:?}"
    );
    assert!(
        bare.ends_with(&format!("☐ {BARE}")),
        "neither owner nor due date: {bare:?}"
    );
    quit(&mut tui);
}

// ---------------------------------------------------------------------------
// Photos
// ---------------------------------------------------------------------------

/// The photos' captions and files in the saved session.
fn photo_captions(json: &Value) -> Vec<(String, String)> {
    json["photos"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|p| {
                    let text = |k: &str| p[k].as_str().unwrap_or_default().to_owned();
                    (text("caption"), text("file"))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Waits until the saved photos (caption, file) pass `check`.
fn wait_photos(file: &Path, what: &str, check: impl Fn(&[(String, String)]) -> bool) {
    wait_for_file(file, what, |j| {
        let photos = photo_captions(j);
        if check(&photos) {
            Ok(())
        } else {
            Err(format!("{photos:?}"))
        }
    });
}

#[test]
fn a_photo_gets_a_caption_and_is_deleted_then_undone_with_its_image_kept() {
    let sb = Sandbox::new();
    let out = sb.run(&["new", "--no-open", "--title", "Photos"]);
    let file = std::path::PathBuf::from(out.trim());
    let images: Vec<String> = (0..2)
        .map(|i| {
            let path = sb.home().join(format!("p{i}.jpg"));
            std::fs::write(&path, wethi::photos::sample::phone_jpeg(40, 20, 1)).unwrap();
            path.display().to_string()
        })
        .collect();
    let session = file.display().to_string();
    sb.run(&["photos", "add", &session, &images[0], &images[1]]);
    let stored = photo_captions(&read_json(&file));
    assert_eq!(stored.len(), 2);
    let folder = file.with_extension("photos");

    let mut tui = sb.spawn_file("open", &file, 100, 30);
    tui.wait_text("Stages");
    for view in ["Guidance", "SWOT", "Strategies", "Actions", "Photos"] {
        tui.send(TAB);
        tui.wait_for(view, |s| s.lines().next().is_some_and(|h| h.contains(view)));
    }
    tui.wait_text("(no caption)");
    tui.send("e");
    tui.wait_text("Edit the caption");
    tui.send("Plenary");
    tui.wait_text("Plenary");
    tui.send(ENTER);
    wait_photos(&file, "the caption saved", |p| p[0].0 == "Plenary");
    tui.send(DOWN);
    tui.send("d");
    wait_photos(&file, "the second photo deleted", |p| p.len() == 1);
    // Its image stays while undo can bring it back.
    assert!(folder.join(&stored[1].1).is_file());
    tui.send("u");
    wait_photos(&file, "the photo back", |p| p.len() == 2);
    tui.send("d");
    wait_photos(&file, "deleted again", |p| p.len() == 1);
    quit(&mut tui);
    let kept = photo_captions(&read_json(&file));
    assert_eq!(kept, [("Plenary".to_owned(), stored[0].1.clone())]);
    assert_valid_session(&file);
    // The backup taken before this opening's first save names both photos,
    // so both images stay for `wethi restore`.
    assert!(folder.join(&stored[0].1).is_file());
    assert!(folder.join(&stored[1].1).is_file());
}
