//! What a facilitator sees of the fixes for the room, drawn into a
//! `TestBackend`: the summary wraps and scrolls with a sign that there is
//! more, and the footer of every view offers only keys that act there.

mod common;

use common::screen::{example, now};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wethi::app::{Action, App, Effect, View};
use wethi::input::{BINDINGS, bindings_for, key_name};
use wethi::session::Quadrant;
use wethi::text::Lang;
use wethi::ui::print::to_lines;
use wethi::ui::{self, SaveState, Status, Theme, UiState};

/// Draws like the event loop: a frame, then what it measured goes back to the app.
fn frame(app: &mut App, state: &mut UiState, width: u16, height: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let save = SaveState::Saved;
    let status = Status {
        save: &save,
        now: now(),
        theme: Theme::plain(),
    };
    terminal.draw(|f| ui::draw(f, app, &status, state)).unwrap();
    let (max, page) = state.summary_fit;
    if app.summary_fits(max, page) {
        terminal.draw(|f| ui::draw(f, app, &status, state)).unwrap();
    }
    to_lines(terminal.backend().buffer(), false)
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

const LONG: &str =
    "กลุ่มอาชีพทอผ้าไหมของแม่บ้านในตำบลมีตลาดรับซื้อแน่นอนและมีเครือข่ายกับจังหวัดข้างเคียงจนถึงปลายทางสุดท้ายENDMARK";

#[test]
fn the_summary_wraps_long_lines_and_scrolls_to_its_end() {
    let mut s = example();
    s.swot.strengths[0].text = LONG.into();
    s.swot.strengths[0].votes = 99;
    let mut app = App::new(s, Lang::Th, None);
    app.show_view(View::Summary);
    let mut state = UiState::default();
    let first = frame(&mut app, &mut state, 80, 24);
    let text = squeeze(&first.join("\n"));
    assert!(
        text.contains("ENDMARK"),
        "the long item wraps whole:\n{}",
        first.join("\n")
    );
    assert!(
        first.iter().any(|l| l.contains('▼')),
        "a sign that more follows"
    );
    assert!(!first.iter().any(|l| l.contains('▲')));
    assert!(
        app.summary().max > 0,
        "at 80×24 the summary is longer than the screen"
    );

    app.update(Action::ScrollEdge(true), now());
    let end = frame(&mut app, &mut state, 80, 24);
    let end_text = end.join("\n");
    assert!(
        end_text.contains('▲') && !end_text.contains('▼'),
        "{end_text}"
    );
    assert!(squeeze(&end_text).contains(&squeeze(
        app.session().stages.last().unwrap().title.get(Lang::Th)
    )));

    // Up a line, a page, then Home: back at the top.
    app.update(Action::Up, now());
    assert_eq!(app.summary().offset, app.summary().max - 1);
    app.update(Action::ScrollPage(-1), now());
    assert_eq!(
        app.summary().offset,
        (app.summary().max - 1).saturating_sub(app.summary().page - 1)
    );
    app.update(Action::ScrollEdge(false), now());
    assert_eq!(frame(&mut app, &mut state, 80, 24), first);
    // Down past the end stops at the end.
    for _ in 0..500 {
        app.update(Action::Down, now());
    }
    assert_eq!(app.summary().offset, app.summary().max);
}

#[test]
fn the_summary_footer_offers_scrolling_and_no_list_keys() {
    for lang in [Lang::Th, Lang::En] {
        let mut app = App::new(example(), lang, None);
        app.show_view(View::Summary);
        let mut state = UiState::default();
        frame(&mut app, &mut state, 120, 40);
        let lines = frame(&mut app, &mut state, 80, 24);
        let footer = lines.last().unwrap();
        for b in BINDINGS {
            let shown = footer.contains(&format!(" {} {}", key_name(b.keys[0]), b.label(lang)));
            match b.action {
                Action::Add | Action::Edit | Action::Delete | Action::Undo => {
                    assert!(!shown, "{lang:?} summary footer offers {}: {footer}", b.en)
                }
                _ => {}
            }
        }
        assert!(footer.contains("↓"), "scrolling is offered: {footer}");
    }
}

/// Everything about the app a key can change, but the one-line notice
/// (a notice that says "nothing to undo" is not an action).
fn state_of(app: &App) -> String {
    let mut app = app.clone();
    app.dismiss_notice();
    format!("{app:?}")
}

#[test]
fn every_footer_key_of_every_view_acts_there() {
    let mut apps = Vec::new();
    for view in View::ALL {
        let mut app = App::new(example(), Lang::En, None);
        app.show_view(view);
        apps.push(app.clone());
        // The other column or pane too: notes, the action items.
        app.update(Action::FocusRight, now());
        apps.push(app.clone());
        app.update(Action::FocusQuadrant(Quadrant::Threats), now());
        apps.push(app);
    }
    let mut empty = example();
    empty.swot.strengths.clear();
    let mut app = App::new(empty, Lang::En, None);
    app.show_view(View::Swot);
    apps.push(app);
    for app in apps {
        let mut app = app;
        let mut state = UiState::default();
        frame(&mut app, &mut state, 80, 24);
        for b in bindings_for(app.view()).filter(|b| b.footer && app.offers(&b.action)) {
            let mut probe = app.clone();
            let effect = probe.update(b.action.clone(), now());
            assert_ne!(
                (state_of(&probe), effect),
                (state_of(&app), Effect::None),
                "{} is offered in {:?} but does nothing",
                b.en,
                app.view()
            );
        }
    }
}
