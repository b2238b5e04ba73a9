//! The built-in template (the reference workshop: stages S1–S4, guidance G1–G4) and how a
//! new session is made from a template.

use chrono::NaiveDate;

use super::load::{LoadError, Loaded, parse};
use super::model::{Meta, Participants, Quadrant, Session, Timestamp, TowsPair, VERSION};
use crate::text::Lang;

/// The template's JSON, embedded at build time.
pub const BUILTIN_JSON: &str =
    include_str!("../../sessions/templates/cdd-provincial-workshop.json");

/// The example session (Ubon Ratchathani, 13 January 2021), embedded so the
/// home screen can offer it in an empty folder and tests can read it.
pub const EXAMPLE_JSON: &str = include_str!("../../sessions/examples/ubon-2021-01-13.json");

/// The example as a session. A test guarantees it parses.
pub fn example() -> Result<Session, LoadError> {
    parse(
        std::path::Path::new("ubon-2021-01-13.json"),
        EXAMPLE_JSON.as_bytes(),
    )
    .map(|Loaded { session, .. }| session)
}

/// The built-in template as a session. A test guarantees it parses.
pub fn builtin() -> Result<Session, LoadError> {
    parse(
        std::path::Path::new("<built-in template>"),
        BUILTIN_JSON.as_bytes(),
    )
    .map(|Loaded { session, .. }| session)
}

/// A fresh session from `template`: new id and times, today's date, the
/// given title, and every stage's progress reset. Only the template's
/// structure is kept (stages, guidance, participant groups, unknown fields),
/// never what a workshop wrote into it, so a past session can serve as a
/// template without bringing its items, votes, notes or actions along.
pub fn instantiate(mut template: Session, title: &str, now: Timestamp, lang: Lang) -> Session {
    keep_structure_only(&mut template);
    template.version = VERSION;
    template.id = super::ids::new_id("session");
    template.title = title.to_owned();
    template.created_at = now;
    template.updated_at = now;
    template.lang = lang;
    template.meta.date = Some(today(now));
    for stage in &mut template.stages {
        stage.elapsed_seconds = 0;
        stage.running_since = None;
        stage.done = false;
    }
    for point in &mut template.guidance {
        for item in &mut point.items {
            item.discussed = false;
        }
    }
    template
}

/// Empties every list a workshop fills and the details of when, where and
/// by whom it was held. What says which workshop this is stays: the
/// participant groups, the project's name and its objective (a template an
/// office keeps for its own project carries them; the built-in one, made for
/// both languages, has none, as they are plain text in one language).
fn keep_structure_only(s: &mut Session) {
    for stage in &mut s.stages {
        stage.notes.clear();
    }
    for point in &mut s.guidance {
        point.notes.clear();
    }
    for q in Quadrant::ALL {
        s.swot.items_mut(q).clear();
    }
    for p in TowsPair::ALL {
        s.strategies.items_mut(p).clear();
    }
    s.recommendations.clear();
    s.actions.clear();
    s.followups.clear();
    s.photos.clear();
    s.notes.role_review.clear();
    s.notes.experience_exchange.clear();
    let old = std::mem::take(&mut s.meta);
    // Every field named, so a new one in `Meta` must be decided on here.
    s.meta = Meta {
        date: None,
        venue: String::new(),
        district: String::new(),
        province: String::new(),
        organiser: String::new(),
        facilitator: String::new(),
        participants: Participants {
            total: None,
            groups: old.participants.groups,
            extra: old.participants.extra,
        },
        project: old.project,
        objective: old.objective,
        time: None,
        presided_by: None,
        facilitator_position: String::new(),
        team: String::new(),
        headline: String::new(),
        tagline: String::new(),
        credit: String::new(),
        extra: old.extra,
    };
}

fn today(now: Timestamp) -> NaiveDate {
    now.date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_keeps_which_workshop_it_is_and_none_of_who_when_or_where() {
        let past = example().expect("the example");
        let now = past.updated_at;
        let new = instantiate(past.clone(), "ครั้งใหม่", now, Lang::Th);
        let m = &new.meta;
        assert_eq!(m.project, past.meta.project);
        assert_eq!(m.objective, past.meta.objective);
        assert_eq!(m.participants.groups, past.meta.participants.groups);
        assert_eq!(m.date, Some(today(now)));
        let cleared = Meta {
            date: m.date,
            participants: m.participants.clone(),
            project: m.project.clone(),
            objective: m.objective.clone(),
            ..Meta::default()
        };
        assert_eq!(*m, cleared, "no venue, people, time or news facts");
        // The built-in template, for both languages, holds no facts at all.
        let builtin = builtin().expect("the built-in template");
        assert_eq!(builtin.meta, Meta::default());
    }
}
