//! What every test of `App::update` shares: the example sessions, a fixed
//! clock, counting ids, and the helpers that press keys and compare states.

pub(super) use std::path::Path;

pub(super) use chrono::{DateTime, Duration};
pub(super) use proptest::prelude::*;

pub(super) use crate::app::*;
pub(super) use crate::session::{self, Quadrant, Session, Timestamp, TowsPair, template};
pub(super) use crate::text::Lang;

pub(super) const EXAMPLE: &[u8] = include_bytes!("../../../sessions/examples/ubon-2021-01-13.json");

pub(super) const S: Quadrant = Quadrant::Strengths;
pub(super) const W: Quadrant = Quadrant::Weaknesses;
pub(super) const O: Quadrant = Quadrant::Opportunities;
pub(super) const T: Quadrant = Quadrant::Threats;

pub(super) fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2021-01-13T09:00:00+07:00").unwrap()
}

pub(super) fn later(seconds: i64) -> Timestamp {
    now() + Duration::seconds(seconds)
}

/// The Ubon Ratchathani example: 4 stages (notes 1, 1, 1, 0), 4 guidance
/// points (5, 5, 5, 3 sub-items; notes 1, 1, 0, 0), 3 items in each pane.
pub(super) fn example() -> Session {
    session::parse(Path::new("ubon-2021-01-13.json"), EXAMPLE)
        .unwrap()
        .session
}

/// A fresh session from the built-in template: stages and guidance, but
/// no notes and an empty board.
pub(super) fn fresh() -> Session {
    template::instantiate(template::builtin().unwrap(), "ทดสอบ", now(), Lang::Th)
}

/// A session with nothing at all: no stages, no guidance, no items.
pub(super) fn empty() -> Session {
    let mut s = fresh();
    s.id = "session-empty".into();
    s.stages.clear();
    s.guidance.clear();
    s
}

pub(super) fn app() -> App {
    App::new(example(), Lang::Th, None).with_ids(crate::session::ids::IdSource::counting())
}

pub(super) fn app_in(view: View) -> App {
    let mut a = app();
    a.view = view;
    a
}

/// Presses Tab until `view` shows (the way a facilitator gets there).
pub(super) fn goto(app: &mut App, view: View) {
    for _ in 0..View::ALL.len() {
        if app.view == view {
            return;
        }
        go(app, Action::NextView);
    }
    assert_eq!(app.view, view, "Tab never reached {view:?}");
}

pub(super) fn read_only_app(view: View) -> App {
    let mut a = App::new(example(), Lang::Th, Some(ReadOnly::Locked))
        .with_ids(crate::session::ids::IdSource::counting());
    a.view = view;
    a
}

/// In a read-only app in `view`, after `setup`, `action` changes nothing
/// and says the file is read-only; returns the app.
pub(super) fn assert_read_only_refuses(view: View, setup: &[Action], action: &Action) -> App {
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

pub(super) fn go(app: &mut App, action: Action) -> Effect {
    app.update(action, now())
}

/// → when `right`, ← otherwise.
pub(super) fn go_sideways(app: &mut App, right: bool) {
    go(
        app,
        if right {
            Action::FocusRight
        } else {
            Action::FocusLeft
        },
    );
}

pub(super) fn go_all(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        assert_eq!(go(app, a), Effect::None);
    }
}

pub(super) fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        go(app, Action::Text(TextEdit::Insert(c)));
    }
}

/// Presses Tab in the open form until the field of `kind` has the cursor,
/// as a facilitator would: a test names the field, never counts Tabs.
pub(super) fn tab_to(app: &mut App, kind: FieldKind) {
    let Mode::Form(form) = &app.mode else {
        panic!("no form is open: {:?}", app.mode)
    };
    for _ in 0..form.fields.len() {
        match &app.mode {
            Mode::Form(f) if f.focused().is_some_and(|f| f.kind == kind) => return,
            _ => {
                go(app, Action::NextField);
            }
        }
    }
    panic!("the form has no {kind:?} field");
}

/// Empties the focused field of the open form.
pub(super) fn clear_field(app: &mut App) {
    go_all(app, [Action::Text(TextEdit::End)]);
    let len = match &app.mode {
        Mode::Form(f) => f.focused().map_or(0, |f| f.text.text().chars().count()),
        _ => 0,
    };
    for _ in 0..len {
        go(app, Action::Text(TextEdit::Backspace));
    }
}

/// Opens the text box to add, types `text`, and presses Enter.
pub(super) fn add(app: &mut App, text: &str) {
    go(app, Action::Add);
    assert!(
        matches!(app.mode, Mode::Editing(_)),
        "Add opened no text box in {:?}",
        app.view
    );
    type_text(app, text);
    go(app, Action::Commit);
}

pub(super) fn texts(items: &[crate::session::SwotItem]) -> Vec<&str> {
    items.iter().map(|i| i.text.as_str()).collect()
}

pub(super) fn pane(app: &App, q: Quadrant) -> Vec<String> {
    texts(app.session.swot.items(q))
        .into_iter()
        .map(str::to_owned)
        .collect()
}

pub(super) fn note_texts(notes: &[crate::session::Note]) -> Vec<String> {
    notes.iter().map(|n| n.text.clone()).collect()
}

pub(super) fn editor(app: &App) -> &Editor {
    match &app.mode {
        Mode::Editing(e) => e,
        other => panic!("expected the text box to be open, mode is {other:?}"),
    }
}

/// The rows of the guidance checklist where `point`'s sub-item `item` sits.
pub(super) fn row_of(app: &App, point: usize, item: Option<usize>) -> usize {
    guidance_rows(&app.session)
        .iter()
        .position(|r| *r == (point, item))
        .unwrap()
}

/// Everything `update` may change, to compare before and after.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Observed {
    pub(super) session: Session,
    pub(super) lang: Lang,
    pub(super) view: View,
    pub(super) mode: Mode,
    pub(super) agenda: AgendaState,
    pub(super) guidance: GuidanceState,
    pub(super) swot: SwotState,
    pub(super) strategies: StrategiesState,
    pub(super) actions: ActionsState,
    pub(super) revision: u64,
    pub(super) can_undo: bool,
}

pub(super) fn observe(app: &App) -> Observed {
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
pub(super) fn assert_selections_valid(app: &App) {
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
        let len = history::list_len(s, pane.list());
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

/// The text box's edits other than typing: deleting and moving the cursor,
/// each as likely as the others.
pub(in crate::app) fn cursor_edits() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        Just(TextEdit::Backspace),
        Just(TextEdit::Delete),
        Just(TextEdit::Left),
        Just(TextEdit::Right),
        Just(TextEdit::Home),
        Just(TextEdit::End),
        Just(TextEdit::WordLeft),
        Just(TextEdit::WordRight),
        Just(TextEdit::Newline),
    ]
}
