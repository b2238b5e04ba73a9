//! Follow-ups in the Actions view: what became of each open action of the
//! past session (done, carried on, dropped, or open again), one undo step
//! each, and the pane that is there only when there is something to follow up.

use crate::session::{FollowUp, FollowUpStatus, Timestamp};

use super::history::{Entry, ListId, entry_at};
use super::{ActionsPane, App};

impl App {
    /// Gives the selected follow-up `status`; a follow-up that has it
    /// already is open again, so each key also takes its mark back.
    pub(super) fn mark_followup(&mut self, status: FollowUpStatus, now: Timestamp) {
        let Some((list @ ListId::FollowUps, index)) = self.selected_entry() else {
            return;
        };
        let Some(Entry::FollowUp(old)) = entry_at(&mut self.session, list, index) else {
            return;
        };
        let status = if old.status == status {
            FollowUpStatus::Open
        } else {
            status
        };
        let new = FollowUp {
            status,
            ..old.clone()
        };
        self.replace_entry(list, index, Entry::FollowUp(old), Entry::FollowUp(new), now);
    }

    /// The pane left or right of the focused one, passing over the
    /// follow-ups pane when there is none to show.
    pub(super) fn actions_pane_beside(&self, right: bool) -> ActionsPane {
        let shown: Vec<ActionsPane> = ActionsPane::LEFT_TO_RIGHT
            .into_iter()
            .filter(|p| *p == self.actions.focus || self.shows_pane(*p))
            .collect();
        let i = shown
            .iter()
            .position(|p| *p == self.actions.focus)
            .unwrap_or(0);
        let next = if right {
            (i + 1).min(shown.len() - 1)
        } else {
            i.saturating_sub(1)
        };
        shown[next]
    }

    /// Whether the Actions view draws `pane`: the follow-ups only when the
    /// session has some, or while they have focus (after the last was deleted).
    pub fn shows_pane(&self, pane: ActionsPane) -> bool {
        pane != ActionsPane::FollowUps
            || !self.session.followups.is_empty()
            || self.actions.focus == ActionsPane::FollowUps
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, View};
    use crate::session::Session;
    use crate::text::Lang;

    fn now() -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-03-01T10:00:00+07:00").unwrap()
    }

    fn followup(id: &str) -> FollowUp {
        FollowUp {
            id: id.into(),
            text: format!("งาน {id}"),
            owner: "เลขา".into(),
            due: None,
            status: FollowUpStatus::Open,
            from_session: "session-past".into(),
            from_title: "เวทีครั้งก่อน".into(),
            extra: Default::default(),
        }
    }

    fn session(followups: usize) -> Session {
        let mut s = crate::session::template::example().expect("the example parses");
        s.followups = (0..followups)
            .map(|i| followup(&format!("f-{i}")))
            .collect();
        s
    }

    /// The Actions view with focus on the follow-ups.
    fn app(followups: usize) -> App {
        let mut a = App::new(session(followups), Lang::Th, None)
            .with_ids(crate::session::ids::IdSource::counting());
        a.view = View::Actions;
        a.update(Action::FocusRight, now());
        a
    }

    fn statuses(a: &App) -> Vec<FollowUpStatus> {
        a.session.followups.iter().map(|f| f.status).collect()
    }

    use FollowUpStatus::*;

    #[test]
    fn right_of_recommendations_is_the_follow_ups_pane_only_when_there_are_any() {
        assert_eq!(app(2).actions.focus, ActionsPane::FollowUps);
        assert_eq!(
            app(2).actions.selected[ActionsPane::FollowUps.index()],
            Some(0)
        );
        assert_eq!(app(0).actions.focus, ActionsPane::Actions);
        let mut a = app(2);
        a.update(Action::FocusRight, now());
        assert_eq!(a.actions.focus, ActionsPane::Actions);
        a.update(Action::FocusLeft, now());
        assert_eq!(a.actions.focus, ActionsPane::FollowUps);
    }

    #[test]
    fn each_key_sets_its_status_and_takes_it_back() {
        let mut a = app(2);
        a.update(Action::Down, now());
        a.update(Action::ToggleDone, now());
        assert_eq!(statuses(&a), [Open, Done]);
        a.update(Action::MarkFollowUp(Carried), now());
        assert_eq!(statuses(&a), [Open, Carried]);
        a.update(Action::MarkFollowUp(Dropped), now());
        assert_eq!(statuses(&a), [Open, Dropped]);
        a.update(Action::MarkFollowUp(Dropped), now());
        assert_eq!(statuses(&a), [Open, Open]);
        a.update(Action::Up, now());
        a.update(Action::MarkFollowUp(Carried), now());
        a.update(Action::MarkFollowUp(Open), now());
        assert_eq!(statuses(&a), [Open, Open]);
        assert_eq!(a.revision, 6, "every mark is a change to save");
        assert_eq!(a.session.updated_at, now());
        // Action items are untouched by follow-up marks.
        assert_eq!(a.session.actions, session(0).actions);
    }

    #[test]
    fn a_mark_is_undone_and_redone_like_every_change() {
        let mut a = app(3);
        let before = a.session.clone();
        a.update(Action::Down, now());
        a.update(Action::ToggleDone, now());
        a.update(Action::Down, now());
        a.update(Action::MarkFollowUp(Carried), now());
        assert_eq!(statuses(&a), [Open, Done, Carried]);
        // Undo shows where it happened, from any view.
        a.view = View::Summary;
        a.update(Action::Undo, now());
        assert_eq!(statuses(&a), [Open, Done, Open]);
        assert_eq!(a.view, View::Actions);
        assert_eq!(a.actions.focus, ActionsPane::FollowUps);
        assert_eq!(a.actions.selected[ActionsPane::FollowUps.index()], Some(2));
        a.update(Action::Undo, now());
        assert_eq!(
            a.session, before,
            "undoing everything gives the session back"
        );
        a.update(Action::Redo, now());
        assert_eq!(statuses(&a), [Open, Done, Open]);
    }

    #[test]
    fn follow_up_keys_do_nothing_elsewhere_or_read_only() {
        let mut a = app(1);
        a.update(Action::FocusRight, now());
        a.update(Action::MarkFollowUp(Dropped), now());
        assert_eq!(statuses(&a), [Open]);
        assert!(!a.offers(&Action::MarkFollowUp(Dropped)));
        assert!(a.offers(&Action::Add));
        a.update(Action::FocusLeft, now());
        assert!(a.offers(&Action::MarkFollowUp(Dropped)));
        assert!(!a.offers(&Action::Add));

        let mut ro = App::new(session(1), Lang::Th, Some(super::super::ReadOnly::Viewing))
            .with_ids(crate::session::ids::IdSource::counting());
        ro.view = View::Actions;
        ro.update(Action::FocusRight, now());
        ro.update(Action::ToggleDone, now());
        assert_eq!(statuses(&ro), [Open]);
    }

    #[test]
    fn nothing_is_added_to_the_follow_ups_and_deleting_the_last_keeps_the_pane() {
        let mut a = app(1);
        a.update(Action::Add, now());
        assert_eq!(a.mode, super::super::Mode::Normal);
        a.update(Action::Delete, now());
        assert!(a.session.followups.is_empty());
        assert!(a.shows_pane(ActionsPane::FollowUps), "focus stays visible");
        a.update(Action::FocusRight, now());
        assert!(!a.shows_pane(ActionsPane::FollowUps));
        a.update(Action::FocusLeft, now());
        assert_eq!(a.actions.focus, ActionsPane::Recommendations);
        a.update(Action::Undo, now());
        assert_eq!(a.session.followups.len(), 1);
    }
}
