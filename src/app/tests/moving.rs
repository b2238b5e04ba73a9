//! Up and down through each list, and focus between panes and columns.

use super::support::*;

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

#[test]
fn each_kind_of_pane_indexes_its_place_in_all() {
    for (i, q) in Quadrant::ALL.into_iter().enumerate() {
        assert_eq!(q.index(), i, "{q:?}");
    }
    for (i, p) in TowsPair::ALL.into_iter().enumerate() {
        assert_eq!(p.index(), i, "{p:?}");
    }
    for (i, pane) in ActionsPane::ALL.into_iter().enumerate() {
        assert_eq!(pane.index(), i, "{pane:?}");
        assert_eq!(ActionsPane::of(pane.list()), Some(pane));
    }
    assert_eq!(ActionsPane::of(ListId::Swot(Quadrant::Threats)), None);
}
