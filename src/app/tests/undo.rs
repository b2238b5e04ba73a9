//! Undo and redo, and where they take the facilitator.

use super::support::*;

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
