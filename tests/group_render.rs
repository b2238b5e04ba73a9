//! The breakout group an item came from, on the SWOT board: a tag after the
//! text that wraps with it, never splits a group's name, keeps every row to
//! the board's width, and is dim on a colour terminal.

mod common;

use chrono::DateTime;
use proptest::prelude::*;

use common::{Sandbox, example_path};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wethi::app::{App, View};
use wethi::export::merge::{Source, merge};
use wethi::session::{Quadrant, Swot, SwotItem, Timestamp, template, to_json};
use wethi::text::Lang;
use wethi::text::width::str_width;
use wethi::ui::board::print_board;
use wethi::ui::print::to_lines;
use wethi::ui::{SaveState, Status, UiState};
use wethi::ui::{Theme, ThemeName};

fn item(id: &str, text: &str, votes: u32, group: Option<&str>) -> SwotItem {
    let at = DateTime::parse_from_rfc3339("2021-01-13T09:00:00+07:00").expect("a timestamp");
    SwotItem {
        votes,
        group: group.map(str::to_owned),
        ..SwotItem::new(id, text, at)
    }
}

fn grouped_board() -> Swot {
    Swot {
        strengths: vec![
            item(
                "s1",
                "คณะกรรมการมีประสบการณ์ทำงานในพื้นที่",
                6,
                Some("กลุ่ม 1, กลุ่ม 2"),
            ),
            item("s2", "ผู้นำเข้มแข็ง", 0, None),
        ],
        weaknesses: vec![item("w1", "ขาดงบประมาณ", 3, Some("กลุ่ม 3"))],
        opportunities: vec![item("o1", "Provincial budget", 1, Some("Group A"))],
        ..Swot::default()
    }
}

#[test]
fn tags_follow_the_text_and_names_never_split() {
    let rows = print_board(&grouped_board(), Lang::Th, 60, Theme::plain());
    insta::assert_snapshot!("grouped_board_th_60", rows.join("\n"));
    let text = rows.join("\n");
    for whole in ["[กลุ่ม\u{a0}3]", "[กลุ่ม\u{a0}1,", "กลุ่ม\u{a0}2]"]
    {
        assert!(text.contains(whole), "{whole} in {text}");
    }
    // An item without a group has no tag.
    let plain_row = rows
        .iter()
        .find(|r| r.contains("ผู้นำเข้มแข็ง"))
        .expect("the row");
    assert!(!plain_row.contains('['), "{plain_row}");
}

#[test]
fn the_tag_is_dim_in_colour() {
    let rows = print_board(
        &grouped_board(),
        Lang::En,
        100,
        Theme::new(ThemeName::Dark, true),
    );
    let text = rows.join("\n");
    // Dark grey (SGR 90) starts at the tag's bracket.
    assert!(text.contains("\x1b[0;90m[Group\u{a0}A]"), "{text:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_row_keeps_the_board_width(
        width in 1u16..120,
        text in "[ก-ฮ ะ-ู เ-็ a-z]{0,40}",
        group in "[ก-ฮ0-9 ,]{0,20}",
        votes in 0u32..200,
    ) {
        let mut swot = grouped_board();
        swot.items_mut(Quadrant::Threats).push(item("t1", &text, votes, Some(&group)));
        for row in print_board(&swot, Lang::Th, width, Theme::plain()) {
            prop_assert_eq!(str_width(&row), usize::from(width), "{:?}", row);
        }
    }
}

#[test]
fn show_board_prints_the_groups_of_a_merged_file() {
    let sb = Sandbox::new();
    let mut s = template::builtin().expect("template");
    s.swot = grouped_board();
    let path = sb.data_dir().join("merged.json");
    std::fs::write(&path, to_json(&s).expect("json")).expect("writable");
    let out = sb
        .wethi()
        .args(["show", "--board", "--width", "80"])
        .arg(&path)
        .output()
        .expect("wethi runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("[Group\u{a0}A]"), "{text}");
    assert!(!text.contains('\x1b'));
}

fn at(s: &str) -> Timestamp {
    DateTime::parse_from_rfc3339(s).expect("a timestamp")
}

/// Every view of a merged session at 120×40, as text.
fn merged_screen(view: View) -> String {
    let bytes = std::fs::read(example_path()).expect("the example");
    let example = wethi::session::parse(&example_path(), &bytes)
        .expect("the example parses")
        .session;
    let sources = [
        Source {
            group: "ก1".into(),
            session: example.clone(),
        },
        Source {
            group: "ก2".into(),
            session: example,
        },
    ];
    let now = at("2021-01-13T17:00:00+07:00");
    let merged = merge(&sources, None, now).expect("merged");
    let mut app = App::new(merged, Lang::Th, None);
    app.show_view(view);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let save = SaveState::Saved;
    let status = Status {
        save: &save,
        now,
        theme: Theme::plain(),
    };
    let mut state = UiState::default();
    for _ in 0..2 {
        terminal
            .draw(|f| wethi::ui::draw(f, &app, &status, &mut state))
            .expect("draws");
    }
    to_lines(terminal.backend().buffer(), false).join("\n")
}

#[test]
fn every_list_of_a_merged_session_shows_its_groups() {
    for (view, tag) in [
        // Items kept once from both groups list both; the example's own
        // group tags stay.
        (View::Swot, "[ก1,\u{a0}ก2]"),
        (View::Swot, "[กลุ่ม\u{a0}1]"),
        (View::Strategies, "[ก2]"),
        (View::Actions, "[ก1]"),
    ] {
        let screen = merged_screen(view);
        assert!(
            screen.contains(tag) || screen.contains(&tag.replace(",\u{a0}", ", ")),
            "{view:?}: {tag} not on the screen:\n{screen}"
        );
    }
}
