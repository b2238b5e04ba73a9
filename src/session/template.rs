//! The built-in template (the reference workshop of the glossary) and how a
//! new session is made from a template.

use chrono::NaiveDate;

use super::load::{LoadError, Loaded, parse};
use super::model::{Session, Timestamp, VERSION};
use crate::text::Lang;

/// The template's JSON, embedded at build time.
pub const BUILTIN_JSON: &str =
    include_str!("../../sessions/templates/cdd-provincial-workshop.json");

/// The built-in template as a session. A test guarantees it parses.
pub fn builtin() -> Result<Session, LoadError> {
    parse(
        std::path::Path::new("<built-in template>"),
        BUILTIN_JSON.as_bytes(),
    )
    .map(|Loaded { session, .. }| session)
}

/// A fresh session from `template`: new id and times, today's date, the
/// given title, and every stage's progress reset. The template's lists and
/// unknown fields are kept, so a past session can serve as a template.
pub fn instantiate(mut template: Session, title: &str, now: Timestamp, lang: Lang) -> Session {
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

fn today(now: Timestamp) -> NaiveDate {
    now.date_naive()
}
