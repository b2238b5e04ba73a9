//! Stable, unique ids for everything a facilitator adds.
//!
//! Ids only need to be unique across the sessions that may be merged, so a
//! random 48-bit suffix is plenty; std's `RandomState` is seeded per process
//! from the OS, which spares a random-number crate.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A fresh id such as `sw-3f9a1c2e7b40`, with `prefix` naming the kind of entry.
pub fn new_id(prefix: &str) -> String {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    hasher.write_u128(nanos);
    format!("{prefix}-{:012x}", hasher.finish() & 0xffff_ffff_ffff)
}

/// Where the app's new ids come from, held by whoever creates entries so
/// that `App::update` draws no randomness of its own. The program uses
/// [`IdSource::Random`]; tests count, so every run creates the same ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum IdSource {
    #[default]
    Random,
    /// `prefix-000000000001`, then `…2`, …: the number of ids given so far.
    Counting(u64),
}

impl IdSource {
    /// A counting source that starts at 1.
    pub fn counting() -> IdSource {
        IdSource::Counting(0)
    }

    /// The next id, `prefix` naming the kind of entry.
    pub fn next(&mut self, prefix: &str) -> String {
        match self {
            IdSource::Random => new_id(prefix),
            IdSource::Counting(n) => {
                *n += 1;
                format!("{prefix}-{:012x}", *n)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_and_prefixed() {
        let ids: HashSet<String> = (0..10_000).map(|_| new_id("sw")).collect();
        assert_eq!(ids.len(), 10_000);
        assert!(ids.iter().all(|id| id.starts_with("sw-") && id.len() == 15));
    }

    #[test]
    fn a_counting_source_gives_the_same_ids_every_run_in_the_random_shape() {
        let mut ids = IdSource::counting();
        assert_eq!(ids.next("sw"), "sw-000000000001");
        assert_eq!(ids.next("n"), "n-000000000002");
        let mut random = IdSource::default();
        let id = random.next("sw");
        assert!(id.starts_with("sw-") && id.len() == 15, "{id}");
    }
}
