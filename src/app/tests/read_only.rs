//! A read-only session refuses every change; the revision moves only on changes.

use super::support::*;

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
