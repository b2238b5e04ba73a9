//! The fixtures of the rendering tests: the example workshop, the moment
//! they draw at, and a frame drawn the way the event loop draws it.

use std::path::Path;

use chrono::DateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use wethi::app::App;
use wethi::session::{self, Session, Timestamp};
use wethi::ui::{self, SaveState, Status, Theme, UiState};

/// The bytes of the example session file.
pub const EXAMPLE: &[u8] = include_bytes!("../../sessions/examples/ubon-2021-01-13.json");

/// The morning of the example workshop.
pub fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2021-01-13T09:00:00+07:00").unwrap()
}

/// The example session (`sessions/examples/ubon-2021-01-13.json`).
pub fn example() -> Session {
    session::parse(Path::new("ubon-2021-01-13.json"), EXAMPLE)
        .unwrap()
        .session
}

/// `app` drawn at `width` × `height`, saved, in the plain theme, at `now`.
/// Twice, like the event loop: the second frame starts from the scroll
/// positions the first one left.
pub fn draw_buffer(app: &App, now: Timestamp, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let status = Status {
        save: &SaveState::Saved,
        now,
        theme: Theme::plain(),
    };
    let mut state = UiState::default();
    for _ in 0..2 {
        terminal
            .draw(|f| ui::draw(f, app, &status, &mut state))
            .unwrap();
    }
    terminal.backend().buffer().clone()
}
