//! The follow-ups drawn into a `TestBackend`: their pane in the Actions view
//! (text, owner, due date in the UI calendar, the past session's title, the
//! status), the footer offering their keys only there, and the Summary's
//! list of those still open.

mod common;

use chrono::{DateTime, NaiveDate};
use common::screen::{draw_buffer, example};
use wethi::app::{Action, ActionsPane, App, View};
use wethi::i18n::followup::followup_strings;
use wethi::session::{FollowUp, FollowUpStatus, Session, Timestamp};
use wethi::text::Lang;
use wethi::ui::print::to_lines;

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2021-02-20T09:00:00+07:00").unwrap()
}

fn followup(id: &str, text: &str, owner: &str, due: Option<NaiveDate>) -> FollowUp {
    FollowUp {
        id: id.into(),
        text: text.into(),
        owner: owner.into(),
        due,
        status: FollowUpStatus::Open,
        from_session: "example-ubon-2021-01-13".into(),
        from_title: "เวทีอุบล".into(),
        extra: Default::default(),
    }
}

fn session() -> Session {
    let mut s = example();
    s.followups = vec![
        followup(
            "a-2",
            "ส่งรายงานไตรมาส",
            "สพจ.",
            NaiveDate::from_ymd_opt(2021, 1, 29),
        ),
        followup("a-3", "นัดประชุมกรรมการ", "", None),
        followup("a-4", "ซ่อมป้าย", "อบต.", None),
    ];
    s
}

/// The Actions view with focus on the follow-ups, in `lang`.
fn app(lang: Lang) -> App {
    let mut app = App::new(session(), lang, None);
    app.show_view(View::Actions);
    app.update(Action::FocusRight, now());
    assert_eq!(app.actions().focus, ActionsPane::FollowUps);
    app
}

/// The screen's rows, and the text of the columns `from..to` (one pane).
fn draw_column(app: &App, width: u16, height: u16, from: u16, to: u16) -> (Vec<String>, String) {
    let buf = draw_buffer(app, now(), width, height);
    let column: String = (0..height)
        .flat_map(|y| (from..to).map(move |x| (x, y)))
        .map(|(x, y)| buf[(x, y)].symbol().to_owned())
        .collect();
    (to_lines(&buf, false), column)
}

fn draw(app: &App, width: u16, height: u16) -> Vec<String> {
    to_lines(&draw_buffer(app, now(), width, height), false)
}

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !('\u{2500}'..='\u{257f}').contains(c))
        .collect()
}

#[test]
fn the_actions_view_shows_follow_ups_with_owner_due_date_source_and_status() {
    let mut a = app(Lang::En);
    a.update(Action::Down, now());
    a.update(Action::ToggleDone, now());
    a.update(Action::Down, now());
    a.update(Action::MarkFollowUp(FollowUpStatus::Dropped), now());
    let (lines, middle) = draw_column(&a, 150, 30, 50, 100);
    let text = lines.join("\n");
    insta::assert_snapshot!("actions_followups_en_150x30", text);
    let flat = squeeze(&middle);
    assert!(text.contains("▶ Follow-ups (3)"), "{text}");
    assert_eq!(text.matches('▶').count(), 1, "{text}");
    for want in [
        "☐ส่งรายงานไตรมาส—สพจ.·29Jan2021·open·fromเวทีอุบล",
        "☑นัดประชุมกรรมการ—done·fromเวทีอุบล",
        "✗ซ่อมป้าย—อบต.·dropped·fromเวทีอุบล",
    ] {
        assert!(flat.contains(want), "{want} in\n{text}");
    }
    // The action items are still there, below.
    assert!(text.contains("Action items (2)"), "{text}");
    let footer = lines.last().unwrap();
    for key in ["x done", "c carry on", "r drop"] {
        assert!(footer.contains(key), "{key} in the footer: {footer}");
    }
    assert!(!footer.contains("a add"), "nothing is added here: {footer}");
}

#[test]
fn in_thai_the_due_date_is_buddhist_era_and_the_status_thai() {
    let mut a = app(Lang::Th);
    a.update(Action::MarkFollowUp(FollowUpStatus::Carried), now());
    let (lines, middle) = draw_column(&a, 150, 30, 50, 100);
    let text = lines.join("\n");
    insta::assert_snapshot!("actions_followups_th_150x30", text);
    let t = followup_strings(Lang::Th);
    assert!(text.contains(&format!("▶ {} (3)", t.followups)), "{text}");
    let flat = squeeze(&middle);
    let want = squeeze(&format!(
        "↻ ส่งรายงานไตรมาส — สพจ. · 29 ม.ค. 64 · {} · {} เวทีอุบล",
        t.carried, t.from
    ));
    assert!(flat.contains(&want), "{want} in\n{text}");
    assert!(lines.last().unwrap().contains("c ทำต่อ"));
}

#[test]
fn without_follow_ups_there_is_no_pane_and_no_follow_up_keys() {
    let mut s = session();
    s.followups.clear();
    let mut a = App::new(s, Lang::En, None);
    a.show_view(View::Actions);
    let lines = draw(&a, 150, 30);
    let text = lines.join("\n");
    assert!(!text.contains("Follow-ups"), "{text}");
    assert!(!lines.last().unwrap().contains("carry on"));
    // With follow-ups but focus elsewhere: the pane shows, its keys do not.
    let mut b = app(Lang::En);
    b.update(Action::FocusRight, now());
    let lines = draw(&b, 150, 30);
    assert!(lines.join("\n").contains("Follow-ups (3)"));
    assert!(!lines.last().unwrap().contains("carry on"));
}

#[test]
fn the_summary_lists_the_follow_ups_still_open() {
    let mut a = app(Lang::En);
    a.update(Action::ToggleDone, now());
    a.update(Action::Down, now());
    a.update(Action::MarkFollowUp(FollowUpStatus::Carried), now());
    a.show_view(View::Summary);
    let text = draw(&a, 150, 40).join("\n");
    assert!(text.contains("Follow-ups still open"), "{text}");
    let flat = squeeze(&text);
    assert!(!flat.contains("ส่งรายงานไตรมาส"), "done: not listed\n{text}");
    assert!(
        flat.contains("↻นัดประชุมกรรมการ—carriedon·fromเวทีอุบล"),
        "{text}"
    );
    assert!(flat.contains("☐ซ่อมป้าย—อบต.·open·fromเวทีอุบล"), "{text}");
}

#[test]
fn small_terminals_draw_the_follow_ups_without_panicking() {
    for (w, h) in [(30, 8), (40, 10), (80, 24), (60, 9)] {
        let lines = draw(&app(Lang::Th), w, h);
        assert_eq!(lines.len(), usize::from(h));
    }
}

#[test]
fn control_characters_of_a_past_session_never_reach_the_terminal() {
    let mut s = session();
    s.followups[0].from_title = "evil\u{1b}[2Jtitle\u{7}".into();
    s.followups[0].text = "text\u{1b}]0;pwned\u{7}\nnext".into();
    let mut a = App::new(s, Lang::En, None);
    a.show_view(View::Actions);
    a.update(Action::FocusRight, now());
    for view in [View::Actions, View::Summary] {
        a.show_view(view);
        let text = draw(&a, 150, 30).join("\n");
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{view:?}: {text:?}"
        );
    }
}
