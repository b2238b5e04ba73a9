//! The next session of a series: `wethi new --from PAST` carries PAST's
//! details and structure, and its open action items as follow-ups.

use super::model::{FollowUp, FollowUpStatus, Meta, Session, Timestamp};
use super::template::instantiate;

/// A fresh session continuing `past`: its details and facts (venue,
/// organiser, who presided, participants …) but not its day or time of day,
/// its language, its structure with progress reset and nothing written into
/// it, and as follow-ups, each with status `open`: the follow-ups `past`
/// itself left open or carried on (so an action carried twice stays in
/// view), then `past`'s action items not done.
pub fn continue_from(past: &Session, title: &str, now: Timestamp) -> Session {
    let mut new = instantiate(past.clone(), title, now, past.lang);
    let old = past.meta.clone();
    // Every field named, so a new one in `Meta` must be decided on here.
    new.meta = Meta {
        date: new.meta.date,
        venue: old.venue,
        district: old.district,
        province: old.province,
        organiser: old.organiser,
        facilitator: old.facilitator,
        participants: old.participants,
        project: old.project,
        objective: old.objective,
        time: None,
        presided_by: old.presided_by,
        facilitator_position: old.facilitator_position,
        team: old.team,
        headline: old.headline,
        tagline: old.tagline,
        credit: old.credit,
        extra: old.extra,
    };
    new.followups = followups_of(past);
    new
}

/// What `past` leaves to follow up, oldest first, each id once.
pub fn followups_of(past: &Session) -> Vec<FollowUp> {
    let still_open = past
        .followups
        .iter()
        .filter(|f| matches!(f.status, FollowUpStatus::Open | FollowUpStatus::Carried))
        .map(|f| FollowUp {
            status: FollowUpStatus::Open,
            ..f.clone()
        });
    let open_actions = past.actions.iter().filter(|a| !a.done).map(|a| FollowUp {
        // The action's own id, so its trail can be followed across sessions.
        id: a.id.clone(),
        text: a.text.clone(),
        owner: a.owner.clone(),
        due: a.due,
        status: FollowUpStatus::Open,
        from_session: past.id.clone(),
        from_title: past.title.clone(),
        extra: Default::default(),
    });
    let mut seen = std::collections::HashSet::new();
    still_open
        .chain(open_actions)
        .filter(|f| seen.insert(f.id.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Action, parse};
    use crate::text::Lang;

    fn example() -> Session {
        let bytes = include_bytes!("../../sessions/examples/ubon-2021-01-13.json");
        parse(std::path::Path::new("example"), bytes)
            .unwrap()
            .session
    }

    fn action(id: &str, done: bool) -> Action {
        Action {
            id: id.into(),
            text: format!("text {id}"),
            owner: "owner".into(),
            due: None,
            done,
            group: None,
            extra: Default::default(),
        }
    }

    fn followup(id: &str, status: FollowUpStatus) -> FollowUp {
        FollowUp {
            id: id.into(),
            text: format!("old {id}"),
            owner: String::new(),
            due: None,
            status,
            from_session: "session-older".into(),
            from_title: "older".into(),
            extra: Default::default(),
        }
    }

    #[test]
    fn open_actions_and_unfinished_followups_are_carried_done_ones_not() {
        let mut past = example();
        past.actions = vec![action("a-1", true), action("a-2", false)];
        past.followups = vec![
            followup("f-open", FollowUpStatus::Open),
            followup("f-done", FollowUpStatus::Done),
            followup("f-carried", FollowUpStatus::Carried),
            followup("f-dropped", FollowUpStatus::Dropped),
        ];
        let got = followups_of(&past);
        let ids: Vec<&str> = got.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["f-open", "f-carried", "a-2"]);
        assert!(got.iter().all(|f| f.status == FollowUpStatus::Open));
        // Carried twice: still says where it was agreed.
        assert_eq!(got[1].from_session, "session-older");
        assert_eq!(got[2].from_session, past.id);
        assert_eq!(got[2].from_title, past.title);
        assert_eq!(got[2].text, "text a-2");
    }

    #[test]
    fn the_new_session_keeps_details_and_structure_and_nothing_written() {
        let mut past = example();
        past.lang = Lang::En;
        past.meta.time = Some(crate::session::TimeOfDay {
            start: chrono::NaiveTime::from_hms_opt(8, 30, 0).unwrap(),
            end: None,
            extra: Default::default(),
        });
        let now = crate::session::now();
        let new = continue_from(&past, "next", now);
        // The facts carry over; the day and the time of day do not.
        assert_eq!(
            crate::session::Meta {
                date: past.meta.date,
                time: past.meta.time.clone(),
                ..new.meta.clone()
            },
            past.meta
        );
        assert_eq!(new.meta.time, None);
        assert!(!new.meta.objective.is_empty() && new.meta.presided_by.is_some());
        assert_ne!(new.id, past.id);
        assert_eq!(new.title, "next");
        assert_eq!(new.lang, Lang::En);
        assert_eq!(new.meta.venue, past.meta.venue);
        assert_eq!(new.meta.organiser, past.meta.organiser);
        assert_eq!(new.meta.participants, past.meta.participants);
        assert_eq!(new.meta.date, Some(now.date_naive()));
        assert_eq!(new.stages.len(), past.stages.len());
        assert!(new.stages.iter().all(|s| s.notes.is_empty() && !s.done));
        assert!(new.stages.iter().all(|s| s.elapsed_seconds == 0));
        assert!(new.guidance.iter().all(|p| p.notes.is_empty()));
        assert!(
            new.guidance
                .iter()
                .flat_map(|p| &p.items)
                .all(|i| !i.discussed)
        );
        assert_eq!(new.swot.total(), 0);
        assert_eq!(new.strategies.total(), 0);
        assert!(new.recommendations.is_empty() && new.actions.is_empty());
        assert!(new.notes.role_review.is_empty() && new.notes.experience_exchange.is_empty());
        let open: Vec<&str> = past
            .actions
            .iter()
            .filter(|a| !a.done)
            .map(|a| a.id.as_str())
            .collect();
        let carried: Vec<&str> = new.followups.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(carried, open);
    }
}
