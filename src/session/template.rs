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

/// Empties every list a workshop fills and the details of where and by whom
/// it was held; the participant groups stay, as part of the structure.
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
    let groups = std::mem::take(&mut s.meta.participants.groups);
    s.meta = Meta {
        participants: Participants {
            total: None,
            groups,
            extra: std::mem::take(&mut s.meta.participants.extra),
        },
        extra: std::mem::take(&mut s.meta.extra),
        ..Meta::default()
    };
}

fn today(now: Timestamp) -> NaiveDate {
    now.date_naive()
}
