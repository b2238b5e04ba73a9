//! Across sessions, through the real binary on a generated province's year
//! (forty workshops, `common/workshops.rs`): `wethi search`, `wethi actions`
//! and `wethi insights`; and the home screen's overview drawn at 80×24.

mod common;

use std::fs;
use std::path::PathBuf;

use chrono::DateTime;
use common::workshops::{DISTRICTS, RECURRING, TODAY, day_of, settled, write_workshops};
use common::{Sandbox, run};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::Value;
use wethi::across::Folder;
use wethi::app::TextEdit;
use wethi::app::home::{Home, HomeAction, HomeRequest};
use wethi::session::{FollowUpStatus, Quadrant};
use wethi::text::Lang;
use wethi::text::fold::fold;
use wethi::text::normalize::normalize;
use wethi::ui::print::to_lines;
use wethi::ui::{SaveState, Status, Theme, UiState};

/// A sandbox holding the forty workshops, a clock file saying [`TODAY`],
/// and a file that is not a session.
fn province() -> (Sandbox, PathBuf) {
    let sb = Sandbox::new();
    write_workshops(sb.data_dir(), 40);
    fs::write(sb.data_dir().join("broken.json"), "{\"format\": ").expect("write");
    let clock = sb.home.path().join("clock");
    fs::write(&clock, TODAY).expect("write the clock");
    (sb, clock)
}

fn wethi(sb: &Sandbox, clock: &PathBuf, args: &[&str]) -> common::Run {
    run(sb.wethi().env("WETHI_TEST_CLOCK", clock).args(args))
}

/// The workshops that have recurring item `r` (the generator leaves it out
/// of every fifth).
fn with_item(r: usize) -> usize {
    (0..40).filter(|i| (i + r) % 5 != 4).count()
}

#[test]
fn search_finds_every_way_an_item_was_typed_and_marks_it() {
    let (sb, clock) = province();
    let out = wethi(&sb, &clock, &["search", "ขาด งบประมาณ"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stderr.contains("broken.json"),
        "the broken file is named: {}",
        out.stderr
    );
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), with_item(0), "{}", out.stdout);
    assert!(
        lines.iter().all(|l| l.contains("Weaknesses: ")),
        "{}",
        out.stdout
    );
    for way in RECURRING[0].1 {
        assert!(out.stdout.contains(way), "typed as {way}");
    }
    assert!(!out.stdout.contains('\x1b'), "plain when piped");
    // Newest first, with the session's date and title.
    let newest = (0..40).rev().find(|i| i % 5 != 4).expect("one has it");
    let date = day_of(newest).format("%-d %b %Y").to_string();
    assert!(
        lines[0].starts_with(&format!("{date}  เวทีประชาคม")),
        "{}",
        lines[0]
    );

    // ทํา typed as ท + ํ + า is found by ทำ.
    let out = wethi(&sb, &clock, &["search", "จัดทำแผน"]);
    assert!(out.stdout.contains(RECURRING[1].1[1]), "{}", out.stdout);
}

#[test]
fn search_as_json_says_where_each_match_is_in_its_text() {
    let (sb, clock) = province();
    let out = wethi(&sb, &clock, &["search", "--json", "น้ำไม่พอ"]);
    assert_eq!(out.code, Some(0));
    let rows: Vec<Value> = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(rows.len(), 40, "one stage note per workshop");
    for row in &rows {
        assert_eq!(row["field"], "stages[0].notes[0].text");
        let text: Vec<char> = row["text"].as_str().expect("text").chars().collect();
        let m = &row["matches"][0];
        let (from, to) = (
            m[0].as_u64().expect("n") as usize,
            m[1].as_u64().expect("n") as usize,
        );
        let matched: String = text[from..to].iter().collect();
        assert_eq!(matched, "น้ำไม่พอ");
        assert!(row["path"].as_str().is_some_and(|p| p.ends_with(".json")));
    }
}

#[test]
fn search_exits_1_when_nothing_matches_and_2_for_an_empty_query() {
    let (sb, clock) = province();
    let out = wethi(&sb, &clock, &["search", "ไม่มีคำนี้แน่นอน"]);
    assert_eq!((out.code, out.stdout.as_str()), (Some(1), ""));
    let out = wethi(&sb, &clock, &["search", "  "]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("empty"), "{}", out.stderr);
}

#[test]
fn actions_settled_in_their_follow_up_are_not_open_and_overdue_come_first() {
    let (sb, clock) = province();
    let out = wethi(&sb, &clock, &["actions", "--json"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let rows: Vec<Value> = serde_json::from_str(&out.stdout).expect("JSON");
    let find = |id: &str| rows.iter().find(|r| r["id"] == id);
    for k in 0..20 {
        // The first workshop's open action, followed up in the second.
        let first = find(&format!("a-{k}-1"));
        match settled(k) {
            FollowUpStatus::Done | FollowUpStatus::Dropped => {
                assert!(first.is_none(), "a-{k}-1 is settled")
            }
            FollowUpStatus::Carried | FollowUpStatus::Open => {
                let row = first.unwrap_or_else(|| panic!("a-{k}-1 is open"));
                assert_eq!(row["latest"]["id"], format!("ws-{:04}", k + 20));
                assert_eq!(row["agreed_in"]["id"], format!("ws-{k:04}"));
                assert_eq!(row["overdue"], true);
            }
        }
        // New in the second workshop, due after today.
        let later = find(&format!("a-{}-3", k + 20)).expect("open");
        assert_eq!(later["overdue"], false);
    }
    let overdue: Vec<bool> = rows.iter().map(|r| r["overdue"] == true).collect();
    let first_not = overdue
        .iter()
        .position(|o| !o)
        .expect("some are not overdue");
    assert!(overdue[..first_not].iter().all(|o| *o) && overdue[first_not..].iter().all(|o| !o));
    assert!(
        rows.iter()
            .all(|r| r["status"] == "open" || r["status"] == "carried")
    );

    // --all lists the settled ones too; each action once.
    let all = wethi(&sb, &clock, &["actions", "--all", "--json"]);
    let all: Vec<Value> = serde_json::from_str(&all.stdout).expect("JSON");
    let done = all.iter().find(|r| r["id"] == "a-0-1").expect("listed");
    assert_eq!(done["status"], "done");
    let ids: std::collections::HashSet<String> = all
        .iter()
        .map(|r| format!("{}/{}", r["agreed_in"]["id"], r["id"]))
        .collect();
    assert_eq!(ids.len(), all.len());
}

#[test]
fn actions_by_owner_overdue_only_and_as_csv() {
    let (sb, clock) = province();
    let out = wethi(
        &sb,
        &clock,
        &["actions", "--owner", "เลขานุการ ศอช.อ.", "--overdue"],
    );
    assert_eq!(out.code, Some(0));
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(!lines.is_empty());
    assert!(
        lines.iter().all(|l| l.starts_with("overdue")),
        "{}",
        out.stdout
    );
    // Both spellings of the owner (one with two spaces) are the owner.
    assert!(
        lines
            .iter()
            .all(|l| fold(l).contains(&fold("เลขานุการศอช.อ.")))
    );
    assert!(lines.iter().any(|l| l.contains("เลขานุการ  ศอช.อ.")));

    let out = wethi(&sb, &clock, &["actions", "--format", "csv"]);
    assert!(
        out.stdout
            .starts_with("\u{feff}status,overdue,due,owner,text,")
    );
    let json = wethi(&sb, &clock, &["actions", "--json"]);
    let rows: Vec<Value> = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(out.stdout.lines().count(), rows.len() + 1);
    let clash = run(sb.wethi().args(["actions", "--json", "--format", "csv"]));
    assert_eq!(clash.code, Some(2));
}

#[test]
fn insights_group_the_three_typings_and_keep_items_that_differ_by_a_number_apart() {
    let (sb, clock) = province();
    let out = wethi(&sb, &clock, &["insights"]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let md = out.stdout;
    // Most sessions are Thai: the report is in Thai.
    assert!(
        md.starts_with("# ภาพรวมเวทีทั้งหมด\n\n40 เวที ระหว่าง 8 มกราคม 2567 ถึง 24 ธันวาคม 2567"),
        "{md}"
    );
    for (r, (q, ways)) in RECURRING.iter().enumerate() {
        let row = md
            .lines()
            .find(|l| ways.iter().any(|w| l.starts_with(&format!("| {w} ("))))
            .unwrap_or_else(|| panic!("{q:?} recurs:\n{md}"));
        let cells: Vec<&str> = row.split(" | ").collect();
        assert_eq!(cells[1], with_item(r).to_string(), "{row}");
        // The other ways are named as the same item (ทํา and ทำ look alike:
        // one way, written well-formed).
        let looks: std::collections::BTreeSet<String> = ways.iter().map(|w| normalize(w)).collect();
        assert!(looks.iter().all(|w| row.contains(w.as_str())), "{row}");
        assert_eq!(row.matches(" · ").count() + 2, looks.len(), "{row}");
    }
    assert!(
        !md.contains("ถนนสายหลักหมู่"),
        "items that differ by a number are not one"
    );
    assert!(
        md.contains("| Drought every year"),
        "English items recur too"
    );
    let budget = md
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains("งบประมาณ"));
    assert_eq!(budget.count(), 1, "one row for the budget");

    let en = wethi(
        &sb,
        &clock,
        &[
            "--lang",
            "en",
            "insights",
            "--since",
            "2024-07-01",
            "--until",
            "31/12/2567",
        ],
    );
    assert!(
        en.stdout.starts_with("# Across sessions\n\n"),
        "{}",
        en.stdout
    );
    let months = en
        .stdout
        .split("## Sessions per month")
        .nth(1)
        .expect("months");
    assert_eq!(
        months
            .lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| Month"))
            .count(),
        6
    );
    let bad = wethi(&sb, &clock, &["insights", "--since", "yesterday"]);
    assert_eq!(bad.code, Some(2));
}

#[test]
fn insights_html_is_one_page_with_svg_charts_and_no_script() {
    let (sb, clock) = province();
    let out_file = sb.home.path().join("insights.html");
    let out = wethi(
        &sb,
        &clock,
        &[
            "insights",
            "--format",
            "html",
            "-o",
            out_file.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let html = fs::read_to_string(&out_file).expect("written");
    let doc = scraper::Html::parse_document(&html);
    let count = |css: &str| {
        doc.select(&scraper::Selector::parse(css).expect("css"))
            .count()
    };
    assert_eq!(
        count("script") + count("link") + count("img") + count("[src]"),
        0
    );
    assert!(html.contains("\"TH Sarabun New\", Sarabun, \"Noto Sans Thai\""));
    // Twelve months of bars, a timeline per recurring item, a bar per owner.
    assert_eq!(count("section:first-of-type svg rect"), 12);
    let recurring: usize = RECURRING.len() + 1;
    assert!(count("svg circle") >= recurring * 8, "timelines");
    assert_eq!(count("h3"), 5, "four quadrants and the open actions");
    let csv = wethi(&sb, &clock, &["insights", "--format", "csv"]);
    let rows = csv
        .stdout
        .lines()
        .filter(|l| l.starts_with("recurring,"))
        .count();
    assert_eq!(rows, recurring);
    assert_eq!(
        csv.stdout
            .lines()
            .filter(|l| l.starts_with("month,"))
            .count(),
        12
    );
    let _ = (DISTRICTS, day_of(0), Quadrant::ALL);
}

/// The home screen over the forty workshops, drawn as the loop draws it.
fn home_screen(home: &Home, width: u16, height: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
    let status = Status {
        save: &SaveState::Saved,
        now: DateTime::parse_from_rfc3339(TODAY).expect("a time"),
        theme: Theme::plain(),
    };
    let mut state = UiState::default();
    let dir = std::path::Path::new("/data/ubon");
    for _ in 0..2 {
        terminal
            .draw(|f| wethi::ui::home::draw(f, home, dir, &status, &mut state))
            .expect("drawn");
    }
    to_lines(terminal.backend().buffer(), false)
}

fn province_home(lang: Lang) -> Home {
    let dir = tempfile::tempdir().expect("a folder");
    write_workshops(dir.path(), 40);
    fs::write(dir.path().join("broken.json"), "{").expect("write");
    let mut home = Home::new(Vec::new(), lang);
    home.reload_folder(Folder::load(dir.path()).expect("read"));
    home
}

#[test]
fn the_overview_reads_at_80x24_in_thai_and_english() {
    for (lang, name) in [
        (Lang::Th, "overview_th_80x24"),
        (Lang::En, "overview_en_80x24"),
    ] {
        let mut home = province_home(lang);
        assert_eq!(
            home.update(HomeAction::Overview),
            Some(HomeRequest::Overview)
        );
        home.show_overview(
            DateTime::parse_from_rfc3339(TODAY)
                .expect("a time")
                .date_naive(),
        );
        // Down to the second open action: it shows where Enter leads.
        for _ in 0..7 {
            home.update(HomeAction::Down);
        }
        insta::assert_snapshot!(name, home_screen(&home, 80, 24).join("\n"));
    }
}

#[test]
fn the_home_filter_finds_sessions_by_what_was_said_and_counts_the_entries() {
    let mut home = province_home(Lang::En);
    home.update(HomeAction::StartFilter);
    for c in "ภัยแล้ง ซ้ำซาก".chars() {
        home.update(HomeAction::Text(TextEdit::Insert(c)));
    }
    let with_drought = (0..40).filter(|i| (i + 4) % 5 != 4).count();
    assert_eq!(home.visible().len(), with_drought);
    let screen = home_screen(&home, 100, 24).join("\n");
    assert!(screen.contains("1 matched"), "{screen}");
    assert!(
        !screen.contains("O2 T1"),
        "counts give way to the matches:\n{screen}"
    );
}
