//! The data of one workshop run: types, the built-in template, and reading
//! files with clear errors. Knows nothing of terminals or folders.

pub mod entries;
pub mod followup;
pub mod ids;
pub mod listed;
pub mod load;
pub mod model;
pub mod schema;
pub mod source;
pub mod template;
pub mod validate;

pub use entries::{DetailField, Place};
pub use listed::Listed;
pub use load::{JsonKind, LoadError, Loaded, Problem, parse, to_json};
pub use model::*;

/// The current time, to the second, with the local offset: what files record.
pub fn now() -> Timestamp {
    let local = chrono::Local::now().fixed_offset();
    chrono::SubsecRound::trunc_subsecs(local, 0)
}
