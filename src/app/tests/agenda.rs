//! The agenda's stage timer and done marks, and the guidance's discussed marks.

use super::support::*;

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
