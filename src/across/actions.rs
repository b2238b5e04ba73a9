//! `wethi actions`: every action agreed across the sessions, each once, with
//! its latest status. An action carried into a follow-up session
//! (`new --from`) keeps its id there and names the session it was agreed in
//! (`session/followup.rs`), so the pair (that session, the id) follows it
//! along the chain; the session latest in time that speaks of it says what
//! became of it. Done or dropped there, it is settled; open (not yet
//! reviewed) or carried on, it is still open.

use std::cmp::Reverse;
use std::collections::HashMap;

use chrono::NaiveDate;

use crate::session::FollowUpStatus;

use super::{Digest, Task};

/// One action, as its latest session has it.
#[derive(Debug, Clone, Copy)]
pub struct Tracked<'f> {
    pub task: &'f Task,
    /// The session that has the latest word on it (where to open it).
    pub latest: &'f Digest,
    /// The session it was agreed in, when that one is in the folder.
    pub agreed_in: Option<&'f Digest>,
    /// Still open and due before today.
    pub overdue: bool,
}

impl Tracked<'_> {
    pub fn is_open(&self) -> bool {
        is_open(self.task.status)
    }

    /// The title of the session it was agreed in.
    pub fn agreed_title(&self) -> &str {
        self.agreed_in
            .map_or(self.task.origin_title.as_str(), |d| d.title())
    }
}

/// Open and carried-on actions are still to do.
pub fn is_open(status: FollowUpStatus) -> bool {
    match status {
        FollowUpStatus::Open | FollowUpStatus::Carried => true,
        FollowUpStatus::Done | FollowUpStatus::Dropped => false,
    }
}

/// Every action of `sessions` once, with its latest status: open ones
/// first, overdue before the rest, then by due date (none last), then by
/// the day of the latest session.
pub fn tracked<'f>(sessions: &[&'f Digest], today: NaiveDate) -> Vec<Tracked<'f>> {
    let mut in_time: Vec<&Digest> = sessions.to_vec();
    in_time.sort_by_key(|d| (d.day(), d.listed.updated_at));
    let by_id: HashMap<&str, &Digest> =
        in_time.iter().map(|d| (d.listed.id.as_str(), *d)).collect();
    let mut latest: HashMap<(&str, &str), (&Task, &Digest)> = HashMap::new();
    let mut order = Vec::new();
    for d in &in_time {
        for task in &d.tasks {
            let key = (task.origin.as_str(), task.id.as_str());
            if latest.insert(key, (task, d)).is_none() {
                order.push(key);
            }
        }
    }
    let mut all: Vec<Tracked> = order
        .into_iter()
        .filter_map(|key| latest.get(&key))
        .map(|&(task, latest)| Tracked {
            task,
            latest,
            agreed_in: by_id.get(task.origin.as_str()).copied(),
            overdue: is_open(task.status) && task.due.is_some_and(|due| due < today),
        })
        .collect();
    all.sort_by_key(|t| {
        (
            !t.is_open(),
            !t.overdue,
            t.task.due.is_none(),
            t.task.due,
            Reverse(t.latest.day()),
        )
    });
    all
}

#[cfg(test)]
mod tests {
    use super::super::tests::{digest, session};
    use super::*;
    use crate::session::followup::followups_of;

    fn day(s: &str) -> NaiveDate {
        s.parse().expect("a date")
    }

    #[test]
    fn an_action_settled_in_its_follow_up_session_is_no_longer_open() {
        let first = session("s1", "ครั้งที่ 1", "2024-01-10", "");
        let mut second = session("s2", "ครั้งที่ 2", "2024-02-10", "");
        second.actions.clear();
        second.followups = followups_of(&first);
        assert_eq!(second.followups.len(), 1, "a-2 was open");
        let (a, b) = (digest(&first), digest(&second));
        let today = day("2024-03-01");

        // Not yet reviewed in the follow-up: still open, and overdue.
        let open = tracked(&[&a, &b], today);
        assert_eq!(open.len(), 2, "a-1 (done) and a-2, once");
        assert_eq!(open[0].task.id, "a-2");
        assert!(open[0].is_open() && open[0].overdue);
        assert_eq!(open[0].latest.listed.id, "s2");
        assert_eq!(open[0].agreed_title(), "ครั้งที่ 1");
        assert!(!open[1].is_open());

        // Done in the follow-up: settled.
        second.followups[0].status = FollowUpStatus::Done;
        let b = digest(&second);
        assert!(tracked(&[&b, &a], today).iter().all(|t| !t.is_open()));

        // Carried on: open, whichever order the sessions come in.
        second.followups[0].status = FollowUpStatus::Carried;
        let b = digest(&second);
        let t = tracked(&[&b, &a], today);
        assert!(t[0].is_open() && t[0].latest.listed.id == "s2");
    }

    #[test]
    fn overdue_first_then_by_due_date_and_no_date_last() {
        let mut s = session("s1", "t", "2024-01-10", "");
        let template = s.actions[1].clone();
        s.actions = ["2024-05-01", "", "2024-01-20", "2024-04-01"]
            .iter()
            .enumerate()
            .map(|(i, due)| crate::session::Action {
                id: format!("x{i}"),
                due: due.parse().ok(),
                ..template.clone()
            })
            .collect();
        let d = digest(&s);
        let ids: Vec<&str> = tracked(&[&d], day("2024-04-15"))
            .iter()
            .map(|t| t.task.id.as_str())
            .collect();
        assert_eq!(ids, ["x2", "x3", "x0", "x1"]);
    }

    #[test]
    fn copies_of_one_action_in_unrelated_sessions_are_two_actions() {
        // Two sessions made from one file keep its action ids, but not its id.
        let a = digest(&session("s1", "t", "2024-01-10", ""));
        let b = digest(&session("s2", "t", "2024-01-11", ""));
        assert_eq!(tracked(&[&a, &b], day("2024-01-01")).len(), 4);
    }
}
