//! The SWOT board: moving items between panes, votes, zoom, clicks and ticks.

use super::support::*;

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
