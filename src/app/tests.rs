//! `App::update`, one action at a time: every action of product.md §4 on
//! the example session (and on an empty one for the edges), then random
//! action sequences that must never panic and must undo back to the start.

use std::path::Path;

use chrono::{DateTime, Duration};
use proptest::prelude::*;

use super::*;
use crate::session::{self, Quadrant, Session, Timestamp, TowsPair, template};
use crate::text::Lang;

const EXAMPLE: &[u8] = include_bytes!("../../sessions/examples/ubon-2021-01-13.json");

const S: Quadrant = Quadrant::Strengths;
const W: Quadrant = Quadrant::Weaknesses;
const O: Quadrant = Quadrant::Opportunities;
const T: Quadrant = Quadrant::Threats;

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2021-01-13T09:00:00+07:00").unwrap()
}

fn later(seconds: i64) -> Timestamp {
    now() + Duration::seconds(seconds)
}

/// The Ubon Ratchathani example: 4 stages (notes 1, 1, 1, 0), 4 guidance
/// points (5, 5, 5, 3 sub-items; notes 1, 1, 0, 0), 3 items in each pane.
fn example() -> Session {
    session::parse(Path::new("ubon-2021-01-13.json"), EXAMPLE)
        .unwrap()
        .session
}

/// A fresh session from the built-in template: stages and guidance, but
/// no notes and an empty board.
fn fresh() -> Session {
    template::instantiate(template::builtin().unwrap(), "ทดสอบ", now(), Lang::Th)
}

/// A session with nothing at all: no stages, no guidance, no items.
fn empty() -> Session {
    let mut s = fresh();
    s.id = "session-empty".into();
    s.stages.clear();
    s.guidance.clear();
    s
}

fn app() -> App {
    App::new(example(), Lang::Th, None).with_ids(crate::session::ids::IdSource::counting())
}

fn app_in(view: View) -> App {
    let mut a = app();
    a.view = view;
    a
}

/// Presses Tab until `view` shows (the way a facilitator gets there).
fn goto(app: &mut App, view: View) {
    for _ in 0..View::ALL.len() {
        if app.view == view {
            return;
        }
        go(app, Action::NextView);
    }
    assert_eq!(app.view, view, "Tab never reached {view:?}");
}

fn read_only_app(view: View) -> App {
    let mut a = App::new(example(), Lang::Th, Some(ReadOnly::Locked))
        .with_ids(crate::session::ids::IdSource::counting());
    a.view = view;
    a
}

/// In a read-only app in `view`, after `setup`, `action` changes nothing
/// and says the file is read-only; returns the app.
fn assert_read_only_refuses(view: View, setup: &[Action], action: &Action) -> App {
    let mut a = read_only_app(view);
    go_all(&mut a, setup.to_vec());
    let before = observe(&a);
    go(&mut a, action.clone());
    assert_eq!(
        a.notice,
        Some(Notice::ReadOnly(ReadOnly::Locked)),
        "{view:?} {setup:?} {action:?}"
    );
    assert_eq!(observe(&a), before, "{view:?} {setup:?} {action:?}");
    a
}

fn go(app: &mut App, action: Action) -> Effect {
    app.update(action, now())
}

/// → when `right`, ← otherwise.
fn go_sideways(app: &mut App, right: bool) {
    go(
        app,
        if right {
            Action::FocusRight
        } else {
            Action::FocusLeft
        },
    );
}

fn go_all(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        assert_eq!(go(app, a), Effect::None);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        go(app, Action::Text(TextEdit::Insert(c)));
    }
}

/// Opens the text box to add, types `text`, and presses Enter.
fn add(app: &mut App, text: &str) {
    go(app, Action::Add);
    assert!(
        matches!(app.mode, Mode::Editing(_)),
        "Add opened no text box in {:?}",
        app.view
    );
    type_text(app, text);
    go(app, Action::Commit);
}

fn texts(items: &[crate::session::SwotItem]) -> Vec<&str> {
    items.iter().map(|i| i.text.as_str()).collect()
}

fn pane(app: &App, q: Quadrant) -> Vec<String> {
    texts(app.session.swot.items(q))
        .into_iter()
        .map(str::to_owned)
        .collect()
}

fn note_texts(notes: &[crate::session::Note]) -> Vec<String> {
    notes.iter().map(|n| n.text.clone()).collect()
}

fn editor(app: &App) -> &Editor {
    match &app.mode {
        Mode::Editing(e) => e,
        other => panic!("expected the text box to be open, mode is {other:?}"),
    }
}

/// The rows of the guidance checklist where `point`'s sub-item `item` sits.
fn row_of(app: &App, point: usize, item: Option<usize>) -> usize {
    guidance_rows(&app.session)
        .iter()
        .position(|r| *r == (point, item))
        .unwrap()
}

/// Everything `update` may change, to compare before and after.
#[derive(Debug, Clone, PartialEq)]
struct Observed {
    session: Session,
    lang: Lang,
    view: View,
    mode: Mode,
    agenda: AgendaState,
    guidance: GuidanceState,
    swot: SwotState,
    strategies: StrategiesState,
    actions: ActionsState,
    revision: u64,
    can_undo: bool,
}

fn observe(app: &App) -> Observed {
    Observed {
        session: app.session.clone(),
        lang: app.lang,
        view: app.view,
        mode: app.mode.clone(),
        agenda: app.agenda,
        guidance: app.guidance,
        swot: app.swot,
        strategies: app.strategies,
        actions: app.actions,
        revision: app.revision,
        can_undo: app.history.can_undo(),
    }
}

/// Every selection points at an entry that exists (or is `None`).
fn assert_selections_valid(app: &App) {
    let s = &app.session;
    if !s.stages.is_empty() {
        assert!(
            app.agenda.stage < s.stages.len(),
            "agenda stage out of range"
        );
        let notes = s.stages[app.agenda.stage].notes.len();
        assert!(
            app.agenda.note.is_none_or(|n| n < notes),
            "agenda note {:?} of stage {} which has {notes} notes",
            app.agenda.note,
            app.agenda.stage
        );
    }
    let rows = guidance_rows(s);
    if !rows.is_empty() {
        assert!(app.guidance.row < rows.len(), "guidance row out of range");
        let notes = s.guidance[rows[app.guidance.row].0].notes.len();
        assert!(
            app.guidance.note.is_none_or(|n| n < notes),
            "guidance note {:?} of a point with {notes} notes",
            app.guidance.note
        );
    }
    for q in Quadrant::ALL {
        let len = s.swot.items(q).len();
        let sel = app.swot.selected[q.index()];
        assert!(
            sel.is_none_or(|i| i < len),
            "{q:?} selects {sel:?} of {len} items"
        );
    }
    for p in TowsPair::ALL {
        let len = s.strategies.items(p).len();
        let sel = app.strategies.selected[p.index()];
        assert!(
            sel.is_none_or(|i| i < len),
            "{p:?} selects {sel:?} of {len} strategies"
        );
    }
    for pane in ActionsPane::ALL {
        let len = edits::list_len(s, pane.list());
        let sel = app.actions.selected[pane.index()];
        assert!(
            sel.is_none_or(|i| i < len),
            "{pane:?} selects {sel:?} of {len} entries"
        );
    }
    if let Mode::LinkPicker {
        pair,
        index,
        cursor,
    } = app.mode
    {
        assert!(
            index < s.strategies.items(pair).len(),
            "picker on no strategy"
        );
        let candidates = link_candidates(s, pair, index).len();
        assert!(
            cursor < candidates.max(1),
            "picker cursor {cursor} of {candidates}"
        );
    }
}

// --- views, help, quit, language ----------------------------------------

#[test]
fn tab_cycles_the_views_in_order_and_back() {
    let mut a = app();
    assert_eq!(a.view, View::Agenda);
    // product.md §3: Agenda, Guidance, SWOT, Strategies, Actions, Summary.
    let order = [
        View::Guidance,
        View::Swot,
        View::Strategies,
        View::Actions,
        View::Summary,
        View::Agenda,
        View::Guidance,
    ];
    let mut seen = Vec::new();
    for _ in 0..order.len() {
        go(&mut a, Action::NextView);
        seen.push(a.view);
    }
    assert_eq!(seen, order);
    let mut back = Vec::new();
    for _ in 0..order.len() {
        go(&mut a, Action::PrevView);
        back.push(a.view);
    }
    assert_eq!(
        back,
        [
            View::Agenda,
            View::Summary,
            View::Actions,
            View::Strategies,
            View::Swot,
            View::Guidance,
            View::Agenda
        ]
    );
    assert_eq!(a.revision, 0);
    assert_eq!(a.session, example());
}

#[test]
fn help_opens_with_question_mark_and_closes_with_it_or_esc() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::ToggleHelp);
    assert_eq!(a.mode, Mode::Help);
    go(&mut a, Action::ToggleHelp);
    assert_eq!(a.mode, Mode::Normal);
    go(&mut a, Action::ToggleHelp);
    go(&mut a, Action::Back);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.view, View::Swot);
}

#[test]
fn keys_under_the_help_overlay_do_nothing() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::ToggleHelp);
    let before = observe(&a);
    for action in [
        Action::NextView,
        Action::Delete,
        Action::Add,
        Action::Vote(1),
        Action::Down,
        Action::FocusRight,
        Action::Zoom,
        Action::Undo,
        Action::SwitchLang,
        Action::Commit,
        Action::Text(TextEdit::Insert('ก')),
    ] {
        go(&mut a, action.clone());
        assert_eq!(observe(&a), before, "{action:?} under the help overlay");
    }
}

#[test]
fn the_save_as_prompt_hands_the_typed_path_to_the_loop() {
    let mut a = app();
    a.ask_save_as("/tmp/ubon.json");
    go(&mut a, Action::Text(TextEdit::Insert('x')));
    assert_eq!(
        go(&mut a, Action::Commit),
        Effect::SaveAs("/tmp/ubon.jsonx".into())
    );
    assert_eq!(a.mode, Mode::Normal);
    a.ask_save_as("/tmp/ubon.json");
    assert_eq!(go(&mut a, Action::Back), Effect::None, "Esc saves nowhere");
}

#[test]
fn quit_asks_the_loop_to_quit_and_changes_nothing_else() {
    for view in View::ALL {
        let mut a = app_in(view);
        assert_eq!(go(&mut a, Action::Quit), Effect::Quit);
        assert_eq!(a.session, example());
        assert_eq!(a.revision, 0);
    }
    let mut a = app();
    go(&mut a, Action::ToggleHelp);
    assert_eq!(
        go(&mut a, Action::Quit),
        Effect::Quit,
        "q quits from the help overlay too"
    );
}

#[test]
fn f2_switches_the_ui_language_and_back() {
    let mut a = app_in(View::Guidance);
    go(&mut a, Action::SwitchLang);
    assert_eq!(a.lang, Lang::En);
    go(&mut a, Action::SwitchLang);
    assert_eq!(a.lang, Lang::Th);
    assert_eq!(a.view, View::Guidance);
    assert_eq!(a.revision, 0, "the UI language is not part of the session");
    assert_eq!(a.session, example());
}

// --- up / down ------------------------------------------------------------

#[test]
fn up_down_walk_the_stages_and_stop_at_both_ends() {
    let mut a = app();
    let mut stages = Vec::new();
    for _ in 0..5 {
        go(&mut a, Action::Down);
        stages.push(a.agenda.stage);
    }
    assert_eq!(stages, [1, 2, 3, 3, 3]);
    // S4 has no notes: nothing is selected on the right.
    assert_eq!(a.agenda.note, None);
    stages.clear();
    for _ in 0..5 {
        go(&mut a, Action::Up);
        stages.push(a.agenda.stage);
    }
    assert_eq!(stages, [2, 1, 0, 0, 0]);
    // Moving to a stage with notes selects its first note.
    assert_eq!(a.agenda.note, Some(0));
    assert_eq!(a.revision, 0);
}

#[test]
fn up_down_in_the_stage_notes_move_within_the_notes() {
    let mut a = app();
    add(&mut a, "บันทึกที่สอง");
    add(&mut a, "บันทึกที่สาม");
    assert!(a.agenda.notes_focused);
    assert_eq!(a.agenda.note, Some(2));
    go(&mut a, Action::Up);
    assert_eq!(a.agenda.note, Some(1));
    go_all(&mut a, [Action::Up, Action::Up, Action::Up]);
    assert_eq!(a.agenda.note, Some(0));
    assert_eq!(a.agenda.stage, 0, "the notes keys never change the stage");
    go_all(&mut a, vec![Action::Down; 5]);
    assert_eq!(a.agenda.note, Some(2));
}

#[test]
fn up_down_in_an_empty_notes_list_select_nothing() {
    let mut a = app();
    go_all(&mut a, [Action::Down, Action::Down, Action::Down]);
    assert_eq!(a.agenda.stage, 3);
    go(&mut a, Action::FocusRight);
    assert!(a.agenda.notes_focused);
    go_all(&mut a, [Action::Down, Action::Up]);
    assert_eq!(a.agenda.note, None);
    assert_eq!(a.agenda.stage, 3);
}

#[test]
fn up_down_walk_the_guidance_checklist_and_stop_at_both_ends() {
    let mut a = app_in(View::Guidance);
    let rows = guidance_rows(&a.session).len();
    assert_eq!(rows, 4 + 5 + 5 + 5 + 3);
    for expected in 1..rows {
        go(&mut a, Action::Down);
        assert_eq!(a.guidance.row, expected);
    }
    go_all(&mut a, [Action::Down, Action::Down]);
    assert_eq!(a.guidance.row, rows - 1);
    for _ in 0..rows + 2 {
        go(&mut a, Action::Up);
    }
    assert_eq!(a.guidance.row, 0);
}

#[test]
fn moving_to_another_guidance_point_selects_its_first_note() {
    let mut a = app_in(View::Guidance);
    // G1 row 0 .. G1.q row 5, G2 row 6 (one note), G3 row 12 (no notes).
    go_all(&mut a, vec![Action::Down; 6]);
    assert_eq!(a.selected_point(), Some(1));
    assert_eq!(a.guidance.note, Some(0));
    go_all(&mut a, vec![Action::Down; 6]);
    assert_eq!(a.selected_point(), Some(2));
    assert_eq!(a.guidance.note, None);
}

#[test]
fn up_down_in_a_swot_pane_stop_at_both_ends() {
    let mut a = app_in(View::Swot);
    assert_eq!(
        a.swot.selected,
        [Some(0); 4],
        "each full pane starts on its first item"
    );
    let mut seen = Vec::new();
    for _ in 0..4 {
        go(&mut a, Action::Down);
        seen.push(a.swot.selected[0]);
    }
    assert_eq!(seen, [Some(1), Some(2), Some(2), Some(2)]);
    go_all(&mut a, vec![Action::Up; 4]);
    assert_eq!(a.swot.selected[0], Some(0));
    assert_eq!(a.swot.selected[1..], [Some(0); 3], "other panes untouched");
}

#[test]
fn up_down_in_an_empty_pane_select_nothing() {
    let mut a =
        App::new(fresh(), Lang::Th, None).with_ids(crate::session::ids::IdSource::counting());
    a.view = View::Swot;
    assert_eq!(a.swot.selected, [None; 4]);
    go_all(&mut a, [Action::Down, Action::Up]);
    assert_eq!(a.swot.selected, [None; 4]);
}

#[test]
fn up_down_in_the_summary_change_nothing() {
    let mut a = app_in(View::Summary);
    let before = observe(&a);
    go_all(&mut a, [Action::Down, Action::Up, Action::Down]);
    assert_eq!(observe(&a), before);
}

#[test]
fn a_session_with_no_stages_or_guidance_takes_every_key() {
    let mut a =
        App::new(empty(), Lang::En, None).with_ids(crate::session::ids::IdSource::counting());
    for view in [View::Agenda, View::Guidance, View::Summary] {
        a.view = view;
        go_all(
            &mut a,
            [
                Action::Down,
                Action::Up,
                Action::FocusRight,
                Action::Down,
                Action::Add,
                Action::Edit,
                Action::Delete,
                Action::MoveDown,
                Action::ToggleTimer,
                Action::ToggleDone,
                Action::ToggleDiscussed,
                Action::FocusLeft,
            ],
        );
        assert_eq!(a.mode, Mode::Normal, "{view:?}");
    }
    assert!(!a.agenda.notes_focused, "no stage, so no notes to focus");
    assert!(!a.guidance.notes_focused, "no point, so no notes to focus");
    assert_eq!(a.revision, 0);
    assert_eq!(a.session, empty());
}

// --- focus ------------------------------------------------------------------

#[test]
fn left_right_move_between_swot_panes_in_their_row() {
    let cases = [
        (S, true, W),
        (W, true, W),
        (W, false, S),
        (S, false, S),
        (O, true, T),
        (T, true, T),
        (T, false, O),
        (O, false, O),
    ];
    for (from, right, to) in cases {
        let mut a = app_in(View::Swot);
        go(&mut a, Action::FocusQuadrant(from));
        go_sideways(&mut a, right);
        assert_eq!(a.swot.focus, to, "{from:?} right={right}");
    }
}

#[test]
fn s_w_o_t_focus_their_pane_only_on_the_board() {
    let mut a = app_in(View::Swot);
    for q in [T, O, W, S, T] {
        go(&mut a, Action::FocusQuadrant(q));
        assert_eq!(a.swot.focus, q);
    }
    let mut a = app_in(View::Agenda);
    go(&mut a, Action::FocusQuadrant(T));
    assert_eq!(a.swot.focus, S);
    assert_eq!(a.view, View::Agenda);
}

#[test]
fn left_right_switch_between_list_and_notes_in_agenda_and_guidance() {
    let mut a = app();
    go(&mut a, Action::FocusRight);
    assert!(a.agenda.notes_focused);
    go(&mut a, Action::FocusRight);
    assert!(a.agenda.notes_focused);
    go(&mut a, Action::FocusLeft);
    assert!(!a.agenda.notes_focused);

    go(&mut a, Action::NextView);
    go(&mut a, Action::FocusRight);
    assert!(a.guidance.notes_focused);
    go(&mut a, Action::FocusLeft);
    assert!(!a.guidance.notes_focused);
    assert!(!a.agenda.notes_focused);

    let mut a = app_in(View::Summary);
    let before = observe(&a);
    go_all(&mut a, [Action::FocusRight, Action::FocusLeft]);
    assert_eq!(observe(&a), before);
}

#[test]
fn each_pane_keeps_its_own_selection() {
    let mut a = app_in(View::Swot);
    go_all(&mut a, [Action::Down, Action::Down]);
    go(&mut a, Action::FocusRight);
    go(&mut a, Action::Down);
    go(&mut a, Action::FocusQuadrant(T));
    assert_eq!(a.swot.selected, [Some(2), Some(1), Some(0), Some(0)]);
    go(&mut a, Action::FocusQuadrant(S));
    assert_eq!(a.swot.selected[0], Some(2));
    go(&mut a, Action::Delete);
    assert_eq!(pane(&a, S).len(), 2);
    assert_eq!(a.swot.selected, [Some(1), Some(1), Some(0), Some(0)]);
    // Leaving the board and coming back keeps them too.
    go_all(&mut a, [Action::NextView, Action::PrevView]);
    assert_eq!(a.swot.selected, [Some(1), Some(1), Some(0), Some(0)]);
}

#[test]
fn agenda_and_guidance_notes_start_on_their_first_note() {
    // Like a SWOT pane, a notes list that has notes starts on its first one,
    // so → then Enter edits it (as after ↓ ↑ on the stages).
    let mut a = app();
    go(&mut a, Action::FocusRight);
    assert_eq!(a.agenda.note, Some(0), "S1 has a note");
    go(&mut a, Action::Edit);
    assert!(matches!(a.mode, Mode::Editing(_)), "{:?}", a.notice);

    let mut a = app_in(View::Guidance);
    go(&mut a, Action::FocusRight);
    assert_eq!(a.guidance.note, Some(0), "G1 has a note");
}

// --- add --------------------------------------------------------------------

#[test]
fn add_in_the_agenda_goes_to_the_selected_stages_notes() {
    let mut a = app();
    go(&mut a, Action::Down);
    go(&mut a, Action::Add);
    assert_eq!(
        editor(&a).target,
        EditTarget::Add(ListId::StageNotes(1)),
        "a with the stages focused adds to the stage's notes"
    );
    assert_eq!(editor(&a).text.text(), "");
    type_text(&mut a, "ที่ประชุมรับทราบ");
    go(&mut a, Action::Commit);
    assert_eq!(a.mode, Mode::Normal);
    let notes = &a.session.stages[1].notes;
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[1].text, "ที่ประชุมรับทราบ");
    assert_eq!(notes[1].created_at, now());
    assert!(!notes[1].id.is_empty());
    assert_eq!(a.agenda.stage, 1);
    assert!(a.agenda.notes_focused, "the new note is shown focused");
    assert_eq!(a.agenda.note, Some(1), "the new note is selected");
    assert_eq!(a.revision, 1);
    assert_eq!(a.session.updated_at, now());
    // Nothing else moved.
    let mut expected = example();
    expected.stages[1].notes.push(notes[1].clone());
    expected.updated_at = now();
    assert_eq!(a.session, expected);
}

#[test]
fn add_in_the_guidance_goes_to_the_selected_points_notes() {
    let mut a = app_in(View::Guidance);
    // A sub-item row of G3: the note goes to G3.
    a.guidance.row = row_of(&a, 2, Some(1));
    go(&mut a, Action::Add);
    assert_eq!(editor(&a).target, EditTarget::Add(ListId::GuidanceNotes(2)));
    type_text(&mut a, "จัดเวทีทุกตำบล");
    go(&mut a, Action::Commit);
    assert_eq!(note_texts(&a.session.guidance[2].notes), ["จัดเวทีทุกตำบล"]);
    assert!(a.guidance.notes_focused);
    assert_eq!(a.guidance.note, Some(0));
    assert_eq!(a.selected_point(), Some(2));
    assert_eq!(a.revision, 1);
}

#[test]
fn add_on_the_board_goes_to_the_focused_pane_and_selects_it() {
    for q in Quadrant::ALL {
        let mut a = app_in(View::Swot);
        go(&mut a, Action::FocusQuadrant(q));
        go(&mut a, Action::Add);
        assert_eq!(editor(&a).target, EditTarget::Add(ListId::Swot(q)));
        type_text(&mut a, "ชุมชนเข้มแข็ง");
        go(&mut a, Action::Commit);
        let items = a.session.swot.items(q);
        assert_eq!(items.len(), 4, "{q:?}");
        let new = &items[3];
        assert_eq!(new.text, "ชุมชนเข้มแข็ง");
        assert_eq!(new.votes, 0);
        assert_eq!((new.created_at, new.updated_at), (now(), now()));
        assert_eq!(new.group, None);
        assert!(new.id.starts_with("sw"), "{}", new.id);
        assert_eq!(a.swot.focus, q);
        assert_eq!(a.swot.selected[q.index()], Some(3));
        for other in Quadrant::ALL.into_iter().filter(|o| *o != q) {
            assert_eq!(a.session.swot.items(other), example().swot.items(other));
        }
    }
}

#[test]
fn new_items_get_distinct_ids() {
    let mut a = app_in(View::Swot);
    add(&mut a, "หนึ่ง");
    add(&mut a, "หนึ่ง");
    let items = a.session.swot.items(S);
    assert_ne!(items[3].id, items[4].id);
    assert!(
        example().swot.items(S).iter().all(|i| i.id != items[3].id),
        "a new id is not one already in the session"
    );
}

#[test]
fn add_in_the_summary_opens_nothing() {
    let mut a = app_in(View::Summary);
    go(&mut a, Action::Add);
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn committing_blank_text_adds_nothing() {
    for blank in ["", "   ", " \n\n \t", "\u{3000}"] {
        let mut a = app_in(View::Swot);
        go(&mut a, Action::Add);
        go(&mut a, Action::Text(TextEdit::Paste(blank.into())));
        go(&mut a, Action::Commit);
        assert_eq!(a.mode, Mode::Normal);
        assert_eq!(a.session, example(), "{blank:?}");
        assert_eq!(a.revision, 0);
        assert!(!a.history.can_undo());
    }
}

#[test]
fn committing_only_invisible_characters_adds_nothing() {
    // A zero-width space or a joiner alone is blank to the eye (see
    // TextBox::is_blank): it must not become an entry nobody can see.
    for blank in ["\u{200B}", " \u{FEFF} ", "\u{200D}\u{2060}"] {
        let mut a = app_in(View::Swot);
        go(&mut a, Action::Add);
        go(&mut a, Action::Text(TextEdit::Paste(blank.into())));
        go(&mut a, Action::Commit);
        assert_eq!(pane(&a, S).len(), 3, "{blank:?} became an entry");
        assert_eq!(a.revision, 0);
    }
}

#[test]
fn esc_in_the_text_box_cancels_and_changes_nothing() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::Down);
    let before = observe(&a);
    go(&mut a, Action::Add);
    type_text(&mut a, "ยังไม่บันทึก");
    go(&mut a, Action::Back);
    assert_eq!(observe(&a), before);
    go(&mut a, Action::Edit);
    go(&mut a, Action::Text(TextEdit::Paste("เปลี่ยน".into())));
    go(&mut a, Action::Back);
    assert_eq!(observe(&a), before);
}

#[test]
fn other_keys_while_typing_leave_the_text_box_open() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::Add);
    type_text(&mut a, "กำลังพิมพ์");
    let before = observe(&a);
    for action in [
        Action::NextView,
        Action::Quit,
        Action::Undo,
        Action::Delete,
        Action::Vote(1),
        Action::ToggleHelp,
        Action::FocusQuadrant(T),
        Action::Select(Target::Swot(O, Some(1))),
        Action::Tick,
    ] {
        go(&mut a, action.clone());
        assert_eq!(observe(&a), before, "{action:?} while typing");
    }
    go(&mut a, Action::Commit);
    assert_eq!(pane(&a, S)[3], "กำลังพิมพ์");
}

#[test]
fn pasting_several_lines_adds_one_entry_per_non_empty_line() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::FocusQuadrant(O));
    go(&mut a, Action::Add);
    go(
        &mut a,
        Action::Text(TextEdit::Paste(
            "งบกองทุนหมู่บ้าน\r\n\r\n   \n  ภาคเอกชนสนใจ  \nสื่อออนไลน์\n".into(),
        )),
    );
    go(&mut a, Action::Commit);
    let items = pane(&a, O);
    assert_eq!(items[3..], ["งบกองทุนหมู่บ้าน", "ภาคเอกชนสนใจ", "สื่อออนไลน์"]);
    assert_eq!(
        a.swot.selected[O.index()],
        Some(5),
        "the last one is selected"
    );
    assert_eq!(a.revision, 1, "one paste is one change");
    go(&mut a, Action::Undo);
    assert_eq!(a.session, example(), "and one undo takes it all back");
}

#[test]
fn pasting_lines_into_the_notes_adds_them_in_order() {
    let mut a = app_in(View::Guidance);
    go(&mut a, Action::Add);
    type_text(&mut a, "ก่อน");
    go(&mut a, Action::Text(TextEdit::Paste("หนึ่ง\nสอง".into())));
    go(&mut a, Action::Commit);
    assert_eq!(
        note_texts(&a.session.guidance[0].notes)[1..],
        ["ก่อนหนึ่ง", "สอง"]
    );
    assert_eq!(a.guidance.note, Some(2));
}

#[test]
fn typed_thai_marks_are_normalised_on_commit() {
    let mut a = app_in(View::Swot);
    // ที่ typed tone first: ท ่ ี, and น้ำ typed as น ำ ้.
    add(
        &mut a,
        "ท\u{0E48}\u{0E35}นี\u{0E48} น\u{0E33}\u{0E49} ท\u{0E4D}\u{0E32}",
    );
    assert_eq!(pane(&a, S)[3], "ที่นี่ น้ำ ทำ");
    assert_eq!(
        pane(&a, S)[3],
        crate::text::normalize::normalize_marks(&pane(&a, S)[3])
    );
}

// --- edit -------------------------------------------------------------------

#[test]
fn edit_opens_the_selected_entry_and_commit_changes_its_text() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::FocusQuadrant(W));
    go(&mut a, Action::Down);
    go(&mut a, Action::Edit);
    let old = example().swot.weaknesses[1].clone();
    let e = editor(&a);
    assert_eq!(e.target, EditTarget::Edit(ListId::Swot(W), 1));
    assert_eq!(e.text.text(), old.text);
    assert_eq!(
        e.text.cursor(),
        old.text.len(),
        "the cursor starts at the end"
    );
    go(&mut a, Action::Text(TextEdit::Paste(" (แก้ไข)".into())));
    go(&mut a, Action::Commit);
    let new = &a.session.swot.weaknesses[1];
    assert_eq!(new.text, format!("{} (แก้ไข)", old.text));
    assert_eq!(new.updated_at, now());
    assert_ne!(old.updated_at, now());
    assert_eq!(
        (&new.id, new.votes, new.created_at, &new.group),
        (&old.id, old.votes, old.created_at, &old.group)
    );
    assert_eq!(a.swot.selected[W.index()], Some(1));
    assert_eq!(a.revision, 1);
}

#[test]
fn edit_a_note_in_the_agenda_and_the_guidance() {
    let mut a = app();
    go_all(&mut a, [Action::FocusRight, Action::Down, Action::Edit]);
    assert_eq!(
        editor(&a).target,
        EditTarget::Edit(ListId::StageNotes(0), 0)
    );
    go(&mut a, Action::Text(TextEdit::Paste("!".into())));
    go(&mut a, Action::Commit);
    let old = &example().stages[0].notes[0];
    let new = &a.session.stages[0].notes[0];
    assert_eq!(new.text, format!("{}!", old.text));
    assert_eq!((&new.id, new.created_at), (&old.id, old.created_at));

    let mut a = app_in(View::Guidance);
    go_all(&mut a, [Action::FocusRight, Action::Down, Action::Edit]);
    assert_eq!(
        editor(&a).target,
        EditTarget::Edit(ListId::GuidanceNotes(0), 0)
    );
    go(&mut a, Action::Text(TextEdit::Paste("!".into())));
    go(&mut a, Action::Commit);
    assert_eq!(
        a.session.guidance[0].notes[0].text,
        format!("{}!", example().guidance[0].notes[0].text)
    );
}

#[test]
fn edit_without_a_change_or_to_blank_changes_nothing() {
    let mut a = app_in(View::Swot);
    go_all(&mut a, [Action::Edit, Action::Commit]);
    assert_eq!(a.session, example());
    assert_eq!(a.revision, 0);
    go(&mut a, Action::Edit);
    for _ in 0..200 {
        go(&mut a, Action::Text(TextEdit::Backspace));
    }
    assert_eq!(editor(&a).text.text(), "");
    go(&mut a, Action::Commit);
    assert_eq!(a.session, example(), "emptying an entry does not delete it");
    assert_eq!(a.revision, 0);
}

#[test]
fn edit_joins_pasted_lines() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::Edit);
    go(&mut a, Action::Text(TextEdit::Home));
    go(&mut a, Action::Text(TextEdit::Paste("ก\nข\n".into())));
    go(&mut a, Action::Commit);
    assert_eq!(pane(&a, S).len(), 3);
    assert_eq!(
        pane(&a, S)[0],
        format!("ก ข {}", example().swot.strengths[0].text)
    );
}

#[test]
fn edit_on_template_text_or_nothing_says_why() {
    let mut a = app();
    go(&mut a, Action::Edit);
    assert_eq!(a.notice, Some(Notice::TemplateText));
    assert_eq!(a.mode, Mode::Normal);

    let mut a = app_in(View::Guidance);
    go(&mut a, Action::Edit);
    assert_eq!(a.notice, Some(Notice::TemplateText));

    let mut a =
        App::new(fresh(), Lang::Th, None).with_ids(crate::session::ids::IdSource::counting());
    a.view = View::Swot;
    go(&mut a, Action::Edit);
    assert_eq!(a.notice, Some(Notice::NothingSelected));
    assert_eq!(a.mode, Mode::Normal);
    // The notice lasts until the next key.
    go(&mut a, Action::Down);
    assert_eq!(a.notice, None);
}

// --- delete -----------------------------------------------------------------

#[test]
fn delete_removes_the_selected_item_and_the_selection_clamps() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::Down);
    go(&mut a, Action::Delete);
    let ex = example();
    assert_eq!(
        pane(&a, S),
        [
            ex.swot.strengths[0].text.clone(),
            ex.swot.strengths[2].text.clone()
        ]
    );
    assert_eq!(a.swot.selected[0], Some(1), "the next item takes its place");
    go(&mut a, Action::Delete);
    assert_eq!(
        a.swot.selected[0],
        Some(0),
        "deleting the last selects the new last"
    );
    go(&mut a, Action::Delete);
    assert!(pane(&a, S).is_empty());
    assert_eq!(a.swot.selected[0], None);
    assert_eq!(a.revision, 3);
    go(&mut a, Action::Delete);
    assert_eq!(a.revision, 3, "nothing left to delete");
    assert_eq!(a.session.swot.weaknesses, ex.swot.weaknesses);
}

#[test]
fn delete_a_note() {
    let mut a = app();
    go_all(&mut a, [Action::FocusRight, Action::Down, Action::Delete]);
    assert!(a.session.stages[0].notes.is_empty());
    assert_eq!(a.agenda.note, None);
    assert_eq!(a.revision, 1);
}

#[test]
fn delete_never_touches_stages_or_guidance() {
    for view in [View::Agenda, View::Guidance, View::Summary] {
        let mut a = app_in(view);
        go(&mut a, Action::Delete);
        assert_eq!(a.session, example(), "{view:?}");
        assert_eq!(a.revision, 0);
    }
}

// --- reorder ----------------------------------------------------------------

#[test]
fn move_up_and_down_reorder_and_the_selection_follows() {
    let ex = example();
    let names: Vec<String> = texts(&ex.swot.threats)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut a = app_in(View::Swot);
    go(&mut a, Action::FocusQuadrant(T));
    go(&mut a, Action::MoveDown);
    assert_eq!(
        pane(&a, T),
        [names[1].as_str(), names[0].as_str(), names[2].as_str()]
    );
    assert_eq!(a.swot.selected[T.index()], Some(1));
    go(&mut a, Action::MoveDown);
    assert_eq!(
        pane(&a, T),
        [names[1].as_str(), names[2].as_str(), names[0].as_str()]
    );
    assert_eq!(a.swot.selected[T.index()], Some(2));
    let rev = a.revision;
    go(&mut a, Action::MoveDown);
    assert_eq!(a.revision, rev, "already last");
    go_all(&mut a, [Action::MoveUp, Action::MoveUp]);
    assert_eq!(pane(&a, T), names);
    assert_eq!(a.swot.selected[T.index()], Some(0));
    go(&mut a, Action::MoveUp);
    assert_eq!(a.revision, rev + 2, "already first");
    // The moved item itself is unchanged (a reorder is no edit of the item).
    assert_eq!(a.session.swot.threats, ex.swot.threats);
}

#[test]
fn move_up_and_down_reorder_notes() {
    let mut a = app();
    add(&mut a, "สอง");
    go(&mut a, Action::MoveUp);
    assert_eq!(note_texts(&a.session.stages[0].notes)[0], "สอง");
    assert_eq!(a.agenda.note, Some(0));
}

// --- move between panes -----------------------------------------------------

#[test]
fn m_then_a_pane_moves_the_item_to_the_end_of_that_pane() {
    let ex = example();
    let mut a = app_in(View::Swot);
    go(&mut a, Action::Down);
    go(&mut a, Action::StartMove);
    assert_eq!(a.mode, Mode::PendingMove);
    go(&mut a, Action::MoveTo(T));
    assert_eq!(a.mode, Mode::Normal);
    let moved = a.session.swot.threats.last().unwrap();
    let original = &ex.swot.strengths[1];
    assert_eq!(moved.text, original.text);
    assert_eq!(
        (&moved.id, moved.votes, moved.created_at),
        (&original.id, original.votes, original.created_at)
    );
    assert_eq!(moved.updated_at, now());
    assert_eq!(pane(&a, S).len(), 2);
    assert_eq!(pane(&a, T).len(), 4);
    assert_eq!(
        a.swot.selected[T.index()],
        Some(3),
        "selected at its new place"
    );
    assert_eq!(a.swot.selected[S.index()], Some(1));
    assert_eq!(a.revision, 1);
    go(&mut a, Action::Undo);
    assert_eq!(a.session, ex, "a move is one undo step");
}

#[test]
fn m_then_any_other_key_cancels_the_move() {
    for other in [
        Action::Back,
        Action::Down,
        Action::Delete,
        Action::FocusQuadrant(W),
        Action::NextView,
    ] {
        let mut a = app_in(View::Swot);
        go(&mut a, Action::StartMove);
        let mut before = observe(&a);
        before.mode = Mode::Normal;
        go(&mut a, other.clone());
        assert_eq!(observe(&a), before, "{other:?} after m");
    }
}

#[test]
fn m_then_the_same_pane_moves_nothing() {
    let mut a = app_in(View::Swot);
    go_all(&mut a, [Action::StartMove, Action::MoveTo(S)]);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.session, example());
    assert_eq!(a.revision, 0);
}

#[test]
fn m_needs_a_selected_item_on_the_board() {
    let mut a =
        App::new(fresh(), Lang::Th, None).with_ids(crate::session::ids::IdSource::counting());
    a.view = View::Swot;
    go(&mut a, Action::StartMove);
    assert_eq!(a.mode, Mode::Normal);
    for view in [View::Agenda, View::Guidance, View::Summary] {
        let mut a = app_in(view);
        go(&mut a, Action::StartMove);
        assert_eq!(a.mode, Mode::Normal, "{view:?}");
    }
    // MoveTo without m first does nothing.
    let mut a = app_in(View::Swot);
    go(&mut a, Action::MoveTo(T));
    assert_eq!(a.session, example());
}

#[test]
fn moving_into_an_empty_pane_selects_the_item_there() {
    let mut a =
        App::new(fresh(), Lang::Th, None).with_ids(crate::session::ids::IdSource::counting());
    a.view = View::Swot;
    add(&mut a, "หนึ่ง");
    go_all(&mut a, [Action::StartMove, Action::MoveTo(O)]);
    assert!(pane(&a, S).is_empty());
    assert_eq!(pane(&a, O), ["หนึ่ง"]);
    assert_eq!(a.swot.selected, [None, None, Some(0), None]);
}

// --- votes and zoom -------------------------------------------------------

#[test]
fn plus_and_minus_change_votes_with_a_floor_of_zero() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::FocusQuadrant(T));
    go_all(&mut a, [Action::Down, Action::Down]);
    assert_eq!(a.session.swot.threats[2].votes, 0);
    go(&mut a, Action::Vote(-1));
    assert_eq!(a.session.swot.threats[2].votes, 0);
    assert_eq!(a.revision, 0, "no vote to take away");
    go(&mut a, Action::Vote(1));
    go(&mut a, Action::Vote(1));
    assert_eq!(a.session.swot.threats[2].votes, 2);
    assert_eq!(a.session.swot.threats[2].updated_at, now());
    go(&mut a, Action::Vote(-1));
    assert_eq!(a.session.swot.threats[2].votes, 1);
    assert_eq!(a.revision, 3);
    go_all(&mut a, [Action::Undo, Action::Undo, Action::Undo]);
    assert_eq!(a.session, example());
}

#[test]
fn votes_only_count_on_the_board() {
    for view in [View::Agenda, View::Guidance, View::Summary] {
        let mut a = app_in(view);
        go(&mut a, Action::Vote(1));
        assert_eq!(a.session, example());
    }
}

#[test]
fn z_zooms_the_focused_pane_and_esc_or_z_leaves() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::Zoom);
    assert!(a.swot.zoom);
    go(&mut a, Action::Zoom);
    assert!(!a.swot.zoom);
    go(&mut a, Action::Zoom);
    go(&mut a, Action::Back);
    assert!(!a.swot.zoom);
    let mut a = app_in(View::Agenda);
    go(&mut a, Action::Zoom);
    assert!(!a.swot.zoom);
    assert_eq!(a.revision, 0);
}

// --- timers, done, discussed -----------------------------------------------

#[test]
fn space_starts_and_pauses_the_selected_stage() {
    let mut a = app();
    go_all(&mut a, vec![Action::Down; 3]);
    let before = a.session.stages[3].elapsed_seconds;
    a.update(Action::ToggleTimer, now());
    assert_eq!(a.session.stages[3].running_since, Some(now()));
    assert_eq!(a.running_stage(), Some(3));
    assert_eq!(a.revision, 1);
    a.update(Action::ToggleTimer, later(95));
    assert_eq!(a.session.stages[3].running_since, None);
    assert_eq!(a.session.stages[3].elapsed_seconds, before + 95);
    assert_eq!(a.running_stage(), None);
    assert_eq!(a.revision, 2);
}

#[test]
fn only_one_stage_runs_at_a_time() {
    let mut a = app();
    go_all(&mut a, vec![Action::Down; 3]);
    a.update(Action::ToggleTimer, now());
    go(&mut a, Action::Up);
    let s3 = a.session.stages[3].elapsed_seconds;
    a.update(Action::ToggleTimer, later(30));
    assert_eq!(a.running_stage(), Some(2));
    assert_eq!(a.session.stages[2].running_since, Some(later(30)));
    assert_eq!(a.session.stages[3].running_since, None);
    assert_eq!(a.session.stages[3].elapsed_seconds, s3 + 30);
    assert_eq!(
        a.session
            .stages
            .iter()
            .filter(|s| s.running_since.is_some())
            .count(),
        1
    );
    // Switching stages is one undo step.
    go(&mut a, Action::Undo);
    assert_eq!(a.running_stage(), Some(3));
    assert_eq!(a.session.stages[3].elapsed_seconds, s3);
}

#[test]
fn a_clock_that_went_back_adds_no_time() {
    let mut a = app();
    go_all(&mut a, vec![Action::Down; 3]);
    let before = a.session.stages[3].elapsed_seconds;
    a.update(Action::ToggleTimer, now());
    a.update(Action::ToggleTimer, later(-60));
    assert_eq!(a.session.stages[3].elapsed_seconds, before);
}

#[test]
fn x_marks_the_stage_done_and_again_not_done() {
    let mut a = app();
    go_all(&mut a, vec![Action::Down; 3]);
    assert!(!a.session.stages[3].done);
    go(&mut a, Action::ToggleDone);
    assert!(a.session.stages[3].done);
    go(&mut a, Action::ToggleDone);
    assert!(!a.session.stages[3].done);
    assert_eq!(a.revision, 2);
    // Done while running pauses the timer and keeps the time.
    let before = a.session.stages[3].elapsed_seconds;
    a.update(Action::ToggleTimer, now());
    a.update(Action::ToggleDone, later(600));
    assert!(a.session.stages[3].done);
    assert_eq!(a.session.stages[3].running_since, None);
    assert_eq!(a.session.stages[3].elapsed_seconds, before + 600);
}

#[test]
fn timer_and_done_keys_work_only_in_the_agenda() {
    for view in [View::Guidance, View::Swot, View::Summary] {
        let mut a = app_in(view);
        go_all(&mut a, [Action::ToggleTimer, Action::ToggleDone]);
        assert_eq!(a.session, example(), "{view:?}");
    }
}

#[test]
fn space_toggles_discussed_on_a_sub_item_only() {
    let mut a = app_in(View::Guidance);
    let point_row = row_of(&a, 1, None);
    a.guidance.row = point_row;
    go(&mut a, Action::ToggleDiscussed);
    assert_eq!(a.session, example(), "a point row has no tick");
    assert_eq!(a.revision, 0);
    // G2.c is not discussed yet.
    a.guidance.row = row_of(&a, 1, Some(2));
    assert!(!a.session.guidance[1].items[2].discussed);
    go(&mut a, Action::ToggleDiscussed);
    assert!(a.session.guidance[1].items[2].discussed);
    go(&mut a, Action::ToggleDiscussed);
    assert!(!a.session.guidance[1].items[2].discussed);
    assert_eq!(a.revision, 2);
    for view in [View::Agenda, View::Swot, View::Summary] {
        let mut a = app_in(view);
        a.guidance.row = row_of(&a, 1, Some(2));
        go(&mut a, Action::ToggleDiscussed);
        assert_eq!(a.session, example(), "{view:?}");
    }
}

// --- mouse and clock ------------------------------------------------------

#[test]
fn a_click_on_the_board_focuses_and_selects() {
    let mut a = app();
    go(&mut a, Action::Select(Target::Swot(W, Some(2))));
    assert_eq!(a.view, View::Swot);
    assert_eq!(a.swot.focus, W);
    assert_eq!(a.swot.selected[W.index()], Some(2));
    go(&mut a, Action::Select(Target::Swot(T, Some(99))));
    assert_eq!(a.swot.focus, T);
    assert_eq!(
        a.swot.selected[T.index()],
        Some(0),
        "no such item: unchanged"
    );
    go(&mut a, Action::Select(Target::Swot(O, None)));
    assert_eq!(a.swot.focus, O);
    assert_eq!(a.swot.selected[O.index()], Some(0));
    assert_eq!(a.revision, 0);
    assert_eq!(a.session, example());
}

#[test]
fn tick_changes_nothing_and_keeps_the_notice() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::Undo);
    assert_eq!(a.notice, Some(Notice::NothingToUndo));
    let before = observe(&a);
    a.update(Action::Tick, later(3600));
    assert_eq!(observe(&a), before);
    assert_eq!(a.notice, Some(Notice::NothingToUndo));
    // With a timer running, a tick still changes nothing saved.
    go(&mut a, Action::PrevView);
    go(&mut a, Action::PrevView);
    go(&mut a, Action::ToggleTimer);
    let before = observe(&a);
    a.update(Action::Tick, later(60));
    assert_eq!(observe(&a), before);
}

// --- undo and redo --------------------------------------------------------

#[test]
fn nothing_to_undo_or_redo_says_so() {
    let mut a = app();
    go(&mut a, Action::Undo);
    assert_eq!(a.notice, Some(Notice::NothingToUndo));
    go(&mut a, Action::Redo);
    assert_eq!(a.notice, Some(Notice::NothingToRedo));
    assert_eq!(a.revision, 0);
}

#[test]
fn undo_in_another_view_shows_the_change_it_undoes() {
    let ex = example();
    let mut a = app_in(View::Swot);
    // T3 (sw-t3): no strategy links it.
    go(&mut a, Action::FocusQuadrant(T));
    go_all(&mut a, vec![Action::Down; 2]);
    go(&mut a, Action::Delete);
    assert_eq!(pane(&a, T).len(), 2);
    assert_eq!(a.swot.selected[T.index()], Some(1));
    go(&mut a, Action::FocusQuadrant(O));
    go(&mut a, Action::Down);
    goto(&mut a, View::Agenda);
    go(&mut a, Action::Undo);
    assert_eq!(a.notice, Some(Notice::Undone));
    assert_eq!(a.view, View::Swot, "undo goes to where the change was");
    assert_eq!(a.swot.focus, T);
    assert_eq!(
        a.swot.selected[T.index()],
        Some(2),
        "the restored item is selected"
    );
    assert_eq!(
        a.swot.selected[O.index()],
        Some(1),
        "other panes keep theirs"
    );
    assert_eq!(a.session, ex);
    goto(&mut a, View::Guidance);
    go(&mut a, Action::Redo);
    assert_eq!(a.notice, Some(Notice::Redone));
    assert_eq!(a.view, View::Swot);
    assert_eq!(a.swot.focus, T);
    assert_eq!(pane(&a, T).len(), 2);
}

#[test]
fn undo_of_a_note_goes_to_its_stage_or_point() {
    let mut a = app();
    go(&mut a, Action::Down);
    add(&mut a, "บันทึก");
    go(&mut a, Action::NextView);
    a.guidance.row = row_of(&a, 3, None);
    add(&mut a, "ข้อตกลง");
    go_all(&mut a, [Action::NextView, Action::NextView]);
    go(&mut a, Action::Undo);
    assert_eq!(a.view, View::Guidance);
    assert_eq!(a.selected_point(), Some(3));
    assert!(a.guidance.notes_focused);
    // Elsewhere, with another stage selected in the agenda.
    a.view = View::Swot;
    a.agenda.stage = 3;
    a.agenda.note = None;
    a.agenda.notes_focused = false;
    go(&mut a, Action::Undo);
    assert_eq!(a.view, View::Agenda);
    assert_eq!(a.agenda.stage, 1);
    assert!(a.agenda.notes_focused);
    assert_eq!(a.agenda.note, Some(0), "the note where the undone one was");
    assert_eq!(a.session, example());
}

#[test]
fn undo_of_a_tick_goes_to_the_checklist_row() {
    let mut a = app_in(View::Guidance);
    a.guidance.row = row_of(&a, 3, Some(2));
    go(&mut a, Action::ToggleDiscussed);
    // Up to G1, whose note becomes the selected one.
    let up = vec![Action::Up; a.guidance.row];
    go_all(&mut a, up);
    assert_eq!((a.guidance.row, a.guidance.note), (0, Some(0)));
    go(&mut a, Action::FocusRight);
    go_all(&mut a, [Action::NextView, Action::NextView]);
    go(&mut a, Action::Undo);
    assert_eq!(a.view, View::Guidance);
    assert_eq!(a.guidance.row, row_of(&a, 3, Some(2)));
    assert!(!a.guidance.notes_focused);
    assert_eq!(a.session, example());
    assert_selections_valid(&a);
}

#[test]
fn undo_of_a_stage_change_goes_to_the_stage() {
    let mut a = app();
    go_all(&mut a, vec![Action::Down; 3]);
    go(&mut a, Action::ToggleDone);
    go_all(&mut a, vec![Action::Up; 3]);
    go(&mut a, Action::FocusRight);
    assert_eq!(a.agenda.note, Some(0));
    go(&mut a, Action::NextView);
    go(&mut a, Action::Undo);
    assert_eq!(a.view, View::Agenda);
    assert_eq!(a.agenda.stage, 3);
    assert_eq!(a.session, example());
    // S4 has no notes: no note of S1 may stay selected.
    assert_selections_valid(&a);
}

#[test]
fn undo_and_redo_of_a_move_leave_both_panes_selections_valid() {
    let mut a = app_in(View::Swot);
    go_all(&mut a, [Action::StartMove, Action::MoveTo(T)]);
    assert_eq!(a.swot.selected[T.index()], Some(3));
    go(&mut a, Action::Undo);
    assert_eq!(a.session, example());
    assert_eq!(a.swot.selected[S.index()], Some(0));
    // Threats is back to three items: its selection must not point past them.
    assert_selections_valid(&a);
    go(&mut a, Action::Redo);
    assert_eq!(pane(&a, T).len(), 4);
    assert_eq!(a.swot.selected[T.index()], Some(3));
    assert_selections_valid(&a);
}

#[test]
fn undo_and_redo_restore_updated_at() {
    let mut a = app_in(View::Swot);
    a.update(Action::Vote(1), later(10));
    a.update(Action::Vote(1), later(20));
    assert_eq!(a.session.updated_at, later(20));
    go(&mut a, Action::Undo);
    assert_eq!(a.session.updated_at, later(10));
    go(&mut a, Action::Undo);
    assert_eq!(a.session, example());
    go(&mut a, Action::Redo);
    assert_eq!(a.session.updated_at, later(10));
    go(&mut a, Action::Redo);
    assert_eq!(a.session.updated_at, later(20));
    assert_eq!(
        a.session.swot.strengths[0].votes,
        example().swot.strengths[0].votes + 2
    );
}

#[test]
fn a_new_change_clears_redo() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::Vote(1));
    go(&mut a, Action::Undo);
    go(&mut a, Action::Down);
    go(&mut a, Action::Vote(1));
    let after = a.session.clone();
    let rev = a.revision;
    go(&mut a, Action::Redo);
    assert_eq!(a.notice, Some(Notice::NothingToRedo));
    assert_eq!(a.session, after);
    assert_eq!(a.revision, rev);
}

#[test]
fn undo_reaches_back_across_views_to_the_opened_session() {
    let ex = example();
    let mut a = app();
    go(&mut a, Action::ToggleTimer);
    add(&mut a, "บันทึก");
    go(&mut a, Action::NextView);
    a.guidance.row = row_of(&a, 1, Some(2));
    go(&mut a, Action::ToggleDiscussed);
    go(&mut a, Action::NextView);
    go_all(
        &mut a,
        [
            Action::Vote(1),
            Action::Delete,
            Action::StartMove,
            Action::MoveTo(O),
        ],
    );
    add(&mut a, "ใหม่");
    let done = a.session.clone();
    let changes = a.revision;
    assert_eq!(changes, 7);
    for _ in 0..changes {
        go(&mut a, Action::Undo);
    }
    assert_eq!(a.session, ex);
    assert!(!a.history.can_undo());
    for _ in 0..changes {
        go(&mut a, Action::Redo);
    }
    assert_eq!(a.session, done);
    assert_eq!(a.revision, changes * 3);
}

// --- read-only ----------------------------------------------------------------

#[test]
fn read_only_says_so_on_opening() {
    let a = read_only_app(View::Agenda);
    assert_eq!(a.notice, Some(Notice::ReadOnly(ReadOnly::Locked)));
    let a = App::new(example(), Lang::En, Some(ReadOnly::Viewing))
        .with_ids(crate::session::ids::IdSource::counting());
    assert_eq!(a.notice, Some(Notice::ReadOnly(ReadOnly::Viewing)));
}

#[test]
fn read_only_refuses_every_change_with_a_notice() {
    // Each change on a target it would change if the file were writable.
    let cases: Vec<(View, Vec<Action>, Action)> = vec![
        (View::Swot, vec![], Action::Add),
        (View::Swot, vec![], Action::Edit),
        (View::Swot, vec![], Action::Delete),
        (View::Swot, vec![], Action::MoveDown),
        (View::Swot, vec![Action::Down], Action::MoveUp),
        (View::Swot, vec![], Action::StartMove),
        (View::Swot, vec![], Action::Vote(1)),
        (View::Swot, vec![], Action::Vote(-1)),
        (View::Swot, vec![], Action::Undo),
        (View::Swot, vec![], Action::Redo),
        (View::Agenda, vec![], Action::Add),
        (View::Agenda, vec![], Action::ToggleTimer),
        (View::Agenda, vec![], Action::ToggleDone),
        (
            View::Agenda,
            vec![Action::FocusRight, Action::Down],
            Action::Edit,
        ),
        (
            View::Agenda,
            vec![Action::FocusRight, Action::Down],
            Action::Delete,
        ),
        (View::Guidance, vec![], Action::Add),
        (View::Guidance, vec![Action::Down], Action::ToggleDiscussed),
        (
            View::Guidance,
            vec![Action::FocusRight, Action::Down],
            Action::Edit,
        ),
        (
            View::Guidance,
            vec![Action::FocusRight, Action::Down],
            Action::Delete,
        ),
    ];
    for (view, setup, action) in cases {
        let a = assert_read_only_refuses(view, &setup, &action);
        assert_eq!(a.mode, Mode::Normal);
    }
}

#[test]
fn read_only_still_moves_around() {
    let mut a = read_only_app(View::Agenda);
    go_all(
        &mut a,
        [
            Action::Down,
            Action::NextView,
            Action::Down,
            Action::NextView,
            Action::FocusQuadrant(T),
            Action::Down,
            Action::Zoom,
            Action::SwitchLang,
            Action::ToggleHelp,
        ],
    );
    assert_eq!(a.agenda.stage, 1);
    assert_eq!(a.guidance.row, 1);
    assert_eq!(a.swot.selected[T.index()], Some(1));
    assert!(a.swot.zoom);
    assert_eq!(a.lang, Lang::En);
    assert_eq!(a.mode, Mode::Help);
    assert_eq!(a.session, example());
    assert_eq!(a.revision, 0);
}

// --- revision -------------------------------------------------------------------

#[test]
fn revision_moves_exactly_when_the_session_changes() {
    let mut a = app_in(View::Swot);
    let script = [
        (Action::Down, false),
        (Action::FocusRight, false),
        (Action::Vote(1), true),
        (Action::Vote(-1), true),
        (Action::Vote(-1), true),
        (Action::Zoom, false),
        (Action::Back, false),
        (Action::Add, false),
        (Action::Text(TextEdit::Insert('ก')), false),
        (Action::Commit, true),
        (Action::Edit, false),
        (Action::Commit, false),
        (Action::MoveUp, true),
        (Action::StartMove, false),
        (Action::MoveTo(S), true),
        (Action::Undo, true),
        (Action::Redo, true),
        (Action::Undo, true),
        (Action::Undo, true),
        (Action::Undo, true),
        (Action::Undo, true),
        (Action::Undo, true),
        (Action::Undo, true),
        (Action::Undo, false),
        (Action::NextView, false),
        (Action::SwitchLang, false),
        (Action::ToggleHelp, false),
        (Action::Back, false),
        (Action::Tick, false),
        (Action::NextView, false),
        (Action::NextView, false),
        (Action::NextView, false),
        (Action::ToggleTimer, true),
        (Action::ToggleDone, true),
        (Action::Delete, false),
        (Action::Edit, false),
    ];
    for (action, changes) in script {
        let before = a.session.clone();
        let rev = a.revision;
        go(&mut a, action.clone());
        assert_eq!(a.revision, rev + u64::from(changes), "{action:?}");
        assert_eq!(a.session != before, changes, "{action:?}");
    }
}

// --- timebox, strategies, actions, forms ----------------------------------------

#[test]
fn plus_and_minus_in_the_agenda_change_the_timebox_with_a_floor_of_one_minute() {
    let mut a = app();
    go(&mut a, Action::Timebox(5));
    assert_eq!(a.session.stages[0].timebox_minutes, 65);
    go(&mut a, Action::Timebox(-5));
    go(&mut a, Action::Timebox(-5));
    assert_eq!(a.session.stages[0].timebox_minutes, 55);
    assert_eq!(a.revision, 3);
    go(&mut a, Action::Timebox(-1000));
    assert_eq!(a.session.stages[0].timebox_minutes, 1);
    let rev = a.revision;
    go(&mut a, Action::Timebox(-5));
    assert_eq!(a.session.stages[0].timebox_minutes, 1);
    assert_eq!(a.revision, rev, "already at the floor");
    goto(&mut a, View::Summary);
    go(&mut a, Action::Undo);
    assert_eq!(a.view, View::Agenda, "undo shows the stage");
    for _ in 0..3 {
        go(&mut a, Action::Undo);
    }
    assert_eq!(a.session, example());
    for view in [View::Guidance, View::Swot, View::Strategies, View::Actions] {
        let mut a = app_in(view);
        go(&mut a, Action::Timebox(5));
        assert_eq!(a.session, example(), "{view:?}");
    }
}

#[test]
fn one_to_four_and_left_right_focus_the_tows_panes() {
    let mut a = app_in(View::Strategies);
    assert_eq!(a.strategies.focus, TowsPair::SO);
    assert_eq!(a.strategies.selected, [Some(0); 4]);
    for p in [TowsPair::WT, TowsPair::ST, TowsPair::WO, TowsPair::SO] {
        go(&mut a, Action::FocusPair(p));
        assert_eq!(a.strategies.focus, p);
    }
    let cases = [
        (TowsPair::SO, true, TowsPair::WO),
        (TowsPair::WO, true, TowsPair::WO),
        (TowsPair::WO, false, TowsPair::SO),
        (TowsPair::SO, false, TowsPair::SO),
        (TowsPair::ST, true, TowsPair::WT),
        (TowsPair::WT, true, TowsPair::WT),
        (TowsPair::WT, false, TowsPair::ST),
        (TowsPair::ST, false, TowsPair::ST),
    ];
    for (from, right, to) in cases {
        go(&mut a, Action::FocusPair(from));
        go_sideways(&mut a, right);
        assert_eq!(a.strategies.focus, to, "{from:?} right={right}");
    }
    let mut a = app_in(View::Swot);
    go(&mut a, Action::FocusPair(TowsPair::WT));
    assert_eq!(
        a.strategies.focus,
        TowsPair::SO,
        "1-4 only in the strategies"
    );
}

#[test]
fn a_strategy_is_added_to_the_focused_pane_without_links() {
    let mut a = app_in(View::Strategies);
    go(&mut a, Action::FocusPair(TowsPair::ST));
    add(&mut a, "ใช้เครือข่ายรับมือโควิด");
    let st = &a.session.strategies.st;
    assert_eq!(st.len(), 2);
    assert_eq!(st[1].text, "ใช้เครือข่ายรับมือโควิด");
    assert!(st[1].links.is_empty());
    assert!(st[1].id.starts_with("tw"), "{}", st[1].id);
    assert_eq!(a.strategies.selected[TowsPair::ST.index()], Some(1));
    assert_eq!(a.strategies.focus, TowsPair::ST);
    // Edit, move and delete work on strategies like on any list.
    go(&mut a, Action::MoveUp);
    assert_eq!(a.session.strategies.st[0].text, "ใช้เครือข่ายรับมือโควิด");
    go(&mut a, Action::Delete);
    assert_eq!(a.session.strategies.st, example().strategies.st);
}

#[test]
fn l_opens_the_link_picker_and_space_toggles_links() {
    let ex = example();
    let mut a = app_in(View::Strategies);
    go(&mut a, Action::OpenLinks);
    assert_eq!(
        a.mode,
        Mode::LinkPicker {
            pair: TowsPair::SO,
            index: 0,
            cursor: 0
        }
    );
    // SO draws on S1 S2 S3 then O1 O2 O3; SO1 already links S1 and O1.
    assert_eq!(
        link_candidates(&a.session, TowsPair::SO, 0),
        [(S, 0), (S, 1), (S, 2), (O, 0), (O, 1), (O, 2)]
    );
    go(&mut a, Action::ToggleLink);
    assert_eq!(a.session.strategies.so[0].links, ["sw-o1"], "S1 unlinked");
    go(&mut a, Action::Down);
    go(&mut a, Action::ToggleLink);
    assert_eq!(a.session.strategies.so[0].links, ["sw-o1", "sw-s2"]);
    assert_eq!(a.revision, 2);
    for _ in 0..10 {
        go(&mut a, Action::Down);
    }
    assert!(matches!(a.mode, Mode::LinkPicker { cursor: 5, .. }));
    for _ in 0..10 {
        go(&mut a, Action::Up);
    }
    assert!(matches!(a.mode, Mode::LinkPicker { cursor: 0, .. }));
    // Other keys leave the picker open and change nothing.
    let before = observe(&a);
    go_all(
        &mut a,
        [
            Action::Delete,
            Action::NextView,
            Action::Add,
            Action::Vote(1),
        ],
    );
    assert_eq!(observe(&a), before);
    go(&mut a, Action::Commit);
    assert_eq!(a.mode, Mode::Normal);
    for close in [Action::Back, Action::Edit] {
        go(&mut a, Action::OpenLinks);
        go(&mut a, close);
        assert_eq!(a.mode, Mode::Normal);
    }
    go(&mut a, Action::OpenLinks);
    assert_eq!(go(&mut a, Action::Quit), Effect::Quit);
    go_all(&mut a, [Action::Back, Action::Undo, Action::Undo]);
    assert_eq!(a.session, ex);
    assert_eq!(
        a.view,
        View::Strategies,
        "undo of a link shows the strategy"
    );
}

#[test]
fn l_on_an_empty_pane_says_nothing_is_selected() {
    let mut a =
        App::new(fresh(), Lang::En, None).with_ids(crate::session::ids::IdSource::counting());
    goto(&mut a, View::Strategies);
    go(&mut a, Action::OpenLinks);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.notice, Some(Notice::NothingSelected));
    // A strategy with no SWOT items to link: the picker opens empty.
    add(&mut a, "กลยุทธ์");
    go(&mut a, Action::OpenLinks);
    assert!(matches!(a.mode, Mode::LinkPicker { cursor: 0, .. }));
    go_all(&mut a, [Action::Down, Action::ToggleLink, Action::Up]);
    assert!(a.session.strategies.so[0].links.is_empty());
    assert_eq!(a.revision, 1);
}

#[test]
fn deleting_a_swot_item_removes_its_links_and_undo_brings_both_back() {
    let ex = example();
    let mut a = app_in(View::Swot);
    // S1 (sw-s1) is linked by SO1.
    go(&mut a, Action::Delete);
    assert!(
        a.session.strategies.so[0]
            .links
            .iter()
            .all(|l| l != "sw-s1")
    );
    assert_eq!(a.revision, 1, "one change");
    goto(&mut a, View::Agenda);
    go(&mut a, Action::Undo);
    assert_eq!(a.session, ex);
    // The facilitator deleted a SWOT item: undo shows it on the board.
    assert_eq!(a.view, View::Swot);
    assert_eq!(a.swot.focus, S);
    assert_eq!(a.swot.selected[S.index()], Some(0));
    go(&mut a, Action::Redo);
    assert_eq!(a.view, View::Swot);
    assert_eq!(pane(&a, S).len(), 2);
}

#[test]
fn left_right_walk_the_actions_view_lists() {
    let mut a = app_in(View::Actions);
    assert_eq!(a.actions.focus, ActionsPane::Recommendations);
    // The example has no follow-ups: their pane has nothing selected.
    assert_eq!(
        a.actions.selected,
        [Some(0), Some(0), Some(0), Some(0), None]
    );
    let mut seen = Vec::new();
    for _ in 0..4 {
        go(&mut a, Action::FocusRight);
        seen.push(a.actions.focus);
    }
    assert_eq!(
        seen,
        [
            ActionsPane::Actions,
            ActionsPane::RoleReview,
            ActionsPane::ExperienceExchange,
            ActionsPane::ExperienceExchange
        ]
    );
    for _ in 0..4 {
        go(&mut a, Action::FocusLeft);
    }
    assert_eq!(a.actions.focus, ActionsPane::Recommendations);
}

#[test]
fn recommendations_and_closing_notes_are_added_with_the_text_box() {
    let mut a = app_in(View::Actions);
    add(&mut a, "ควรติดตามผลทุกไตรมาส");
    assert_eq!(a.session.recommendations.len(), 3);
    assert_eq!(a.session.recommendations[2].text, "ควรติดตามผลทุกไตรมาส");
    assert_eq!(a.actions.selected[0], Some(2));
    go_all(&mut a, [Action::FocusRight, Action::FocusRight]);
    add(&mut a, "บทบาทชัดเจนขึ้น");
    assert_eq!(note_texts(&a.session.notes.role_review)[1], "บทบาทชัดเจนขึ้น");
    assert_eq!(a.actions.focus, ActionsPane::RoleReview);
    assert_eq!(a.actions.selected[ActionsPane::RoleReview.index()], Some(1));
}

fn form(app: &App) -> &Form {
    match &app.mode {
        Mode::Form(f) => f,
        other => panic!("expected a form, mode is {other:?}"),
    }
}

#[test]
fn an_action_item_is_added_with_a_form() {
    let mut a = app_in(View::Actions);
    go(&mut a, Action::FocusRight);
    go(&mut a, Action::Add);
    assert_eq!(form(&a).kind, FormKind::Action(None));
    type_text(&mut a, "ส่งรายงาน");
    go(&mut a, Action::NextField);
    type_text(&mut a, "เลขานุการ");
    go(&mut a, Action::NextField);
    // Thai digits and the Buddhist era.
    type_text(&mut a, "๕/๒/๒๕๖๔");
    go(&mut a, Action::Commit);
    assert_eq!(a.mode, Mode::Normal);
    let new = a.session.actions.last().unwrap();
    assert_eq!(new.text, "ส่งรายงาน");
    assert_eq!(new.owner, "เลขานุการ");
    assert_eq!(
        new.due,
        Some(chrono::NaiveDate::from_ymd_opt(2021, 2, 5).unwrap())
    );
    assert!(!new.done);
    assert_eq!(a.actions.selected[ActionsPane::Actions.index()], Some(2));
    assert_eq!(a.revision, 1);
}

#[test]
fn the_action_form_keeps_bad_input_open_with_a_message() {
    let mut a = app_in(View::Actions);
    go(&mut a, Action::FocusRight);
    go(&mut a, Action::Add);
    go(&mut a, Action::NextField);
    type_text(&mut a, "ใคร");
    go(&mut a, Action::Commit);
    assert_eq!(form(&a).error, Some(FormError::TextRequired));
    assert_eq!(form(&a).focus, 0, "the cursor goes to the missing text");
    type_text(&mut a, "งาน");
    go_all(
        &mut a,
        [
            Action::PrevField,
            Action::Text(TextEdit::Paste("31/2/2564".into())),
        ],
    );
    assert_eq!(form(&a).focus, 2, "Shift-Tab from the first field wraps");
    go(&mut a, Action::Commit);
    assert!(matches!(form(&a).error, Some(FormError::Date(_))));
    assert_eq!(form(&a).focus, 2);
    assert_eq!(a.session, example());
    go(&mut a, Action::Back);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.session, example());
    assert_eq!(a.revision, 0);
}

#[test]
fn x_in_the_actions_view_toggles_an_action_items_done() {
    let mut a = app_in(View::Actions);
    go(&mut a, Action::ToggleDone);
    assert_eq!(a.session, example(), "a recommendation has no done mark");
    go(&mut a, Action::FocusRight);
    go(&mut a, Action::ToggleDone);
    assert!(!a.session.actions[0].done);
    go(&mut a, Action::Down);
    go(&mut a, Action::ToggleDone);
    assert!(a.session.actions[1].done);
    assert_eq!(a.revision, 2);
    goto(&mut a, View::Swot);
    go_all(&mut a, [Action::Undo, Action::Undo]);
    assert_eq!(a.view, View::Actions);
    assert_eq!(a.session, example());
}

#[test]
fn i_opens_the_details_form_and_enter_saves_it_as_one_change() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::OpenDetails);
    let f = form(&a);
    assert_eq!(f.kind, FormKind::Details);
    assert_eq!(f.value(FieldKind::Title), example().title);
    assert_eq!(
        f.value(FieldKind::Date),
        "13/1/2564",
        "Buddhist era in Thai"
    );
    let fields = f.fields.len();
    for _ in 0..fields {
        go(&mut a, Action::NextField);
    }
    assert_eq!(form(&a).focus, 0, "Tab wraps round the fields");
    go(&mut a, Action::Text(TextEdit::Paste(" ครั้งที่ 2".into())));
    go(&mut a, Action::Commit);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.session.title, format!("{} ครั้งที่ 2", example().title));
    assert_eq!(
        a.session.meta,
        example().meta,
        "the rest read back unchanged"
    );
    assert_eq!(a.revision, 1);
    go(&mut a, Action::Undo);
    assert_eq!(a.session, example());
    // Saving it unchanged is no change.
    go_all(&mut a, [Action::OpenDetails, Action::Commit]);
    assert_eq!(a.revision, 2);
    assert_eq!(a.session, example());
}

#[test]
fn the_details_form_refuses_a_bad_date() {
    let mut a = app();
    go(&mut a, Action::OpenDetails);
    go(&mut a, Action::NextField);
    for _ in 0..20 {
        go(&mut a, Action::Text(TextEdit::Backspace));
    }
    type_text(&mut a, "พรุ่งนี้");
    go(&mut a, Action::NextField);
    go(&mut a, Action::Commit);
    assert!(matches!(form(&a).error, Some(FormError::Date(_))));
    assert_eq!(form(&a).fields[form(&a).focus].kind, FieldKind::Date);
    go(&mut a, Action::Back);
    assert_eq!(a.session, example());
}

#[test]
fn the_details_form_saves_a_group_label_that_holds_a_colon() {
    // Labels are free text (they come from files and merges); a colon in
    // one is no count, so opening the form and pressing Enter must work.
    let mut s = example();
    s.meta.participants.groups[0].label = "ผู้แทนอำเภอ: เมือง".into();
    s.meta.participants.groups[0].count = None;
    let mut a =
        App::new(s.clone(), Lang::Th, None).with_ids(crate::session::ids::IdSource::counting());
    go_all(&mut a, [Action::OpenDetails, Action::Commit]);
    assert_eq!(a.mode, Mode::Normal, "{:?}", form_error(&a));
    assert_eq!(a.session, s, "nothing was edited");
    assert_eq!(a.revision, 0);
}

fn form_error(app: &App) -> Option<FormError> {
    match &app.mode {
        Mode::Form(f) => f.error.clone(),
        _ => None,
    }
}

#[test]
fn read_only_refuses_the_newer_changes_too() {
    let cases: Vec<(View, Vec<Action>, Action)> = vec![
        (View::Agenda, vec![], Action::Timebox(5)),
        (View::Agenda, vec![], Action::OpenDetails),
        (View::Strategies, vec![], Action::Add),
        (View::Strategies, vec![], Action::OpenLinks),
        (View::Strategies, vec![], Action::Delete),
        (View::Actions, vec![], Action::Add),
        (View::Actions, vec![Action::FocusRight], Action::Add),
        (View::Actions, vec![Action::FocusRight], Action::ToggleDone),
        (View::Actions, vec![Action::FocusRight], Action::Edit),
    ];
    for (view, setup, action) in cases {
        assert_read_only_refuses(view, &setup, &action);
    }
}

// --- random sequences ---------------------------------------------------------

fn quadrant() -> impl Strategy<Value = Quadrant> {
    prop::sample::select(Quadrant::ALL.to_vec())
}

/// Thai consonants, vowels, marks (in any order), digits, emoji, controls.
fn typed_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::char::range('\u{0E01}', '\u{0E5B}'),
        2 => prop::sample::select(vec![
            '\u{0E31}', '\u{0E34}', '\u{0E35}', '\u{0E38}', '\u{0E47}', '\u{0E48}', '\u{0E49}',
            '\u{0E4C}', '\u{0E4D}', '\u{0E32}', '\u{0E33}',
        ]),
        1 => prop::sample::select(vec![
            'a', 'Z', ' ', '1', '👍', '🇹', '🇭', '\u{200B}', '\u{200D}', '\u{FE0F}', '\u{0301}',
            '\u{202E}', '\u{1B}', '\n', '\r', '\t', '\u{7F}', '\u{85}', '\u{0}',
        ]),
    ]
}

fn pasted() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(typed_char(), 0..40).prop_map(|v| v.into_iter().collect()),
        Just("การจัดทำแผนหมู่บ้าน\nภาคีเครือข่าย\r\n\r\nน้ำ ท่ี\n".to_owned()),
        Just("\n\n   \n".to_owned()),
        Just("\u{1B}[31mสีแดง\u{1B}[0m\tแท็บ".to_owned()),
    ]
}

fn text_edit() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        6 => typed_char().prop_map(TextEdit::Insert),
        1 => pasted().prop_map(TextEdit::Paste),
        1 => Just(TextEdit::Backspace),
        1 => Just(TextEdit::Delete),
        1 => Just(TextEdit::Left),
        1 => Just(TextEdit::Right),
        1 => Just(TextEdit::Home),
        1 => Just(TextEdit::End),
        1 => Just(TextEdit::WordLeft),
        1 => Just(TextEdit::WordRight),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        2 => Just(Action::NextView),
        1 => Just(Action::PrevView),
        1 => Just(Action::ToggleHelp),
        2 => Just(Action::Back),
        1 => Just(Action::Quit),
        2 => Just(Action::Undo),
        2 => Just(Action::Redo),
        1 => Just(Action::SwitchLang),
        3 => Just(Action::Up),
        3 => Just(Action::Down),
        3 => Just(Action::Add),
        2 => Just(Action::Edit),
        2 => Just(Action::Delete),
        2 => Just(Action::MoveUp),
        2 => Just(Action::MoveDown),
        2 => Just(Action::FocusLeft),
        2 => Just(Action::FocusRight),
        2 => quadrant().prop_map(Action::FocusQuadrant),
        2 => Just(Action::StartMove),
        2 => quadrant().prop_map(Action::MoveTo),
        2 => prop::sample::select(vec![1, -1, 2, -5, i32::MAX, i32::MIN]).prop_map(Action::Vote),
        1 => Just(Action::Zoom),
        2 => Just(Action::ToggleTimer),
        2 => Just(Action::ToggleDone),
        2 => Just(Action::ToggleDiscussed),
        1 => (quadrant(), prop::option::of(0usize..6)).prop_map(|(q, i)| Action::Select(Target::Swot(q, i))),
        8 => text_edit().prop_map(Action::Text),
        3 => Just(Action::Commit),
        1 => Just(Action::Tick),
        2 => prop::sample::select(vec![5, -5, -1000, i32::MIN]).prop_map(Action::Timebox),
        1 => prop::sample::select(TowsPair::ALL.to_vec()).prop_map(Action::FocusPair),
        2 => Just(Action::OpenLinks),
        2 => Just(Action::ToggleLink),
        1 => Just(Action::OpenDetails),
        1 => Just(Action::NextField),
        1 => Just(Action::PrevField),
    ]
}

/// Steps with a clock that mostly moves on, sometimes by a lot, sometimes back.
fn steps() -> impl Strategy<Value = Vec<(Action, i64)>> {
    prop::collection::vec((action(), -30i64..900), 0..=60)
}

fn draw(app: &App, width: u16, height: u16) {
    use crate::ui::{SaveState, Status, Theme, UiState};
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    let status = Status {
        save: &SaveState::Saved,
        now: later(7200),
        theme: Theme::plain(),
    };
    let mut state = UiState::default();
    terminal
        .draw(|f| crate::ui::draw(f, app, &status, &mut state))
        .unwrap();
}

fn run(app: &mut App, steps: &[(Action, i64)]) {
    let mut t = 0;
    for (action, dt) in steps {
        t += dt;
        app.update(action.clone(), later(t));
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_actions_then_undo_all_give_back_the_opened_session(
        steps in steps(),
        (width, height) in (1u16..130, 1u16..45),
    ) {
        let start = example();
        let mut app = App::new(start.clone(), Lang::Th, None).with_ids(crate::session::ids::IdSource::counting());
        run(&mut app, &steps);
        // Whatever state that left (a text box full of marks, a pending
        // move, a zoomed pane), it draws.
        draw(&app, width, height);
        app.update(Action::Back, later(100_000));
        prop_assert_ne!(&app.mode, &Mode::PendingMove);
        prop_assert!(!matches!(app.mode, Mode::Editing(_)));
        prop_assert_ne!(&app.mode, &Mode::Help);
        let changed = app.session.clone();
        let mut undos = 0;
        while app.history.can_undo() {
            app.update(Action::Undo, later(100_001));
            undos += 1;
            prop_assert!(undos <= steps.len(), "more undos than actions");
        }
        prop_assert_eq!(&app.session, &start);
        for _ in 0..undos {
            app.update(Action::Redo, later(100_002));
        }
        prop_assert_eq!(&app.session, &changed);
    }

    #[test]
    fn random_actions_keep_every_selection_on_an_existing_entry(steps in steps()) {
        let mut app = App::new(example(), Lang::Th, None).with_ids(crate::session::ids::IdSource::counting());
        let mut t = 0;
        for (action, dt) in &steps {
            t += dt;
            app.update(action.clone(), later(t));
            assert_selections_valid(&app);
            prop_assert!(
                app.session.stages.iter().filter(|s| s.running_since.is_some()).count() <= 1,
                "two timers run"
            );
        }
    }

    #[test]
    fn random_actions_on_a_read_only_session_change_nothing(steps in steps()) {
        let start = example();
        let mut app = App::new(start.clone(), Lang::Th, Some(ReadOnly::NewerVersion)).with_ids(crate::session::ids::IdSource::counting());
        run(&mut app, &steps);
        prop_assert_eq!(&app.session, &start);
        prop_assert_eq!(app.revision, 0);
        prop_assert!(!matches!(app.mode, Mode::Editing(_)));
    }
}

#[test]
fn a_link_to_an_item_moved_out_of_the_source_quadrants_can_still_be_removed() {
    use crate::app::link_candidates;
    let now = chrono::DateTime::parse_from_rfc3339("2021-01-13T09:00:00+07:00").unwrap();
    let mut a = App::new(crate::session::template::builtin().unwrap(), Lang::En, None)
        .with_ids(crate::session::ids::IdSource::counting());
    a.view = View::Swot;
    for action in [
        Action::FocusQuadrant(Quadrant::Strengths),
        Action::Add,
        Action::Text(TextEdit::Insert('S')),
        Action::Commit,
    ] {
        a.update(action, now);
    }
    a.view = View::Strategies;
    for action in [
        Action::Add,
        Action::Text(TextEdit::Insert('X')),
        Action::Commit,
        Action::OpenLinks,
        Action::ToggleLink,
        Action::Commit,
    ] {
        a.update(action, now);
    }
    let id = a.session.swot.strengths[0].id.clone();
    assert_eq!(a.session.strategies.so[0].links, std::slice::from_ref(&id));
    // The strength moves to the weaknesses: SO does not draw on them.
    a.view = View::Swot;
    a.update(Action::StartMove, now);
    a.update(Action::MoveTo(Quadrant::Weaknesses), now);
    assert_eq!(
        link_candidates(&a.session, TowsPair::SO, 0),
        [(Quadrant::Weaknesses, 0)]
    );
    a.view = View::Strategies;
    for action in [Action::OpenLinks, Action::ToggleLink, Action::Commit] {
        a.update(action, now);
    }
    assert!(a.session.strategies.so[0].links.is_empty());
}

#[test]
fn a_click_focuses_its_pane_or_column_and_selects_the_entry() {
    let now = now();
    let mut a =
        App::new(example(), Lang::En, None).with_ids(crate::session::ids::IdSource::counting());

    a.update(Action::Select(Target::Strategy(TowsPair::WT, Some(0))), now);
    assert_eq!(
        (a.view, a.strategies.focus, a.strategies.selected[3]),
        (View::Strategies, TowsPair::WT, Some(0))
    );

    a.update(
        Action::Select(Target::ActionsList(ActionsPane::Actions, Some(1))),
        now,
    );
    assert_eq!(
        (a.view, a.actions.focus, a.actions.selected[1]),
        (View::Actions, ActionsPane::Actions, Some(1))
    );

    a.update(Action::Select(Target::Stage(2)), now);
    assert_eq!(
        (a.view, a.agenda.stage, a.agenda.notes_focused),
        (View::Agenda, 2, false)
    );
    a.update(Action::Select(Target::StageNote(0)), now);
    assert_eq!((a.agenda.notes_focused, a.agenda.note), (true, Some(0)));

    a.update(Action::Select(Target::GuidanceRow(1)), now);
    assert_eq!(
        (a.view, a.guidance.row, a.guidance.notes_focused),
        (View::Guidance, 1, false)
    );
    a.update(Action::Select(Target::GuidanceNote(0)), now);
    assert_eq!((a.guidance.notes_focused, a.guidance.note), (true, Some(0)));

    // A click past the end of a list focuses the pane and keeps the selection.
    a.update(
        Action::Select(Target::Swot(Quadrant::Threats, Some(99))),
        now,
    );
    assert_eq!(
        (a.view, a.swot.focus, a.swot.selected[3]),
        (View::Swot, Quadrant::Threats, Some(0))
    );
    assert_eq!(a.revision, 0, "clicks change no data");
}
