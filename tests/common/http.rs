//! The HTTP client of the room tests, shared by `tests/room_server.rs` and
//! `tests/e2e_room.rs` (each includes this file with `#[path]`).

use std::time::Duration;

use ureq::Agent;

/// A client that reports every status as a response, never follows
/// redirects and ignores any proxy set in the environment.
pub fn agent() -> Agent {
    Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}
