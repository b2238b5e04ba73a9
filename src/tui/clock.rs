//! Where the event loop takes the time it hands to `App::update` and to
//! the header. The program reads the system clock; end-to-end tests set
//! `WETHI_TEST_CLOCK` to a file holding an RFC 3339 time, and move time on
//! by rewriting that file, so a timer test need not wait in real time.

use std::path::PathBuf;

use crate::session::{self, Timestamp};

/// The variable naming the test clock's file. For tests only: the file is
/// read on every look at the clock.
pub const TEST_CLOCK_VAR: &str = "WETHI_TEST_CLOCK";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clock {
    System,
    /// The time written in this file (the system clock while it cannot be
    /// read or does not hold a time).
    File(PathBuf),
}

impl Clock {
    /// The test clock when [`TEST_CLOCK_VAR`] is set, the system clock otherwise.
    pub fn from_env() -> Clock {
        match std::env::var_os(TEST_CLOCK_VAR) {
            Some(path) if !path.is_empty() => Clock::File(PathBuf::from(path)),
            _ => Clock::System,
        }
    }

    pub fn now(&self) -> Timestamp {
        match self {
            Clock::System => session::now(),
            Clock::File(path) => std::fs::read_to_string(path)
                .ok()
                .and_then(|text| chrono::DateTime::parse_from_rfc3339(text.trim()).ok())
                .unwrap_or_else(session::now),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_clock_says_what_the_file_says_and_follows_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("clock");
        std::fs::write(&path, "2021-01-13T09:00:00+07:00\n").expect("write");
        let clock = Clock::File(path.clone());
        assert_eq!(clock.now().to_rfc3339(), "2021-01-13T09:00:00+07:00");
        std::fs::write(&path, "2021-01-13T09:01:30+07:00").expect("write");
        assert_eq!(clock.now().to_rfc3339(), "2021-01-13T09:01:30+07:00");
    }

    #[test]
    fn an_unreadable_file_clock_falls_back_to_the_system_clock() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("clock");
        std::fs::write(&path, "not a time").expect("write");
        let before = session::now();
        let now = Clock::File(path).now();
        assert!(now >= before, "{now} is before {before}");
    }
}
