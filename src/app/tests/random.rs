//! Random action sequences: never a panic, always undoable back to the start.

use super::support::*;

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
        8 => cursor_edits(),
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
