//! Terminal events into actions: what is queued read at once, bursts of
//! characters grouped, the mouse's wheel and clicks.

use std::io;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, MouseButton, MouseEventKind};
use ratatui::layout::Position;

use crate::app::{Action, App, Effect, Mode};
use crate::burst::{self, Chunk};
use crate::input::{action_for, key_of};
use crate::ui::UiState;

use super::clock::Clock;
use super::poll;

/// The event that woke the loop and every one already queued behind it,
/// grouped so that characters that came together are one burst.
pub(super) fn read_queued() -> io::Result<Vec<Chunk>> {
    let mut events = vec![event::read()?];
    while poll(Duration::ZERO)? {
        events.push(event::read()?);
    }
    Ok(burst::group(events))
}

/// A burst in command mode opens the text box holding it; anywhere else
/// (a text box, a form) it is typed character by character.
pub(super) fn apply_chunk(
    app: &mut App,
    chunk: Chunk,
    (ui_state, clock): (&UiState, &Clock),
    effects: &mut Vec<Effect>,
) {
    match chunk {
        Chunk::Burst(text) if *app.mode() == Mode::Normal => {
            effects.push(app.update(Action::TypeBurst(text), clock.now()));
        }
        Chunk::Burst(text) => {
            for c in text.chars() {
                if let Some(action) = action_for(app, crate::input::Key::Char(c)) {
                    effects.push(app.update(action, clock.now()));
                }
            }
        }
        Chunk::Event(event) => {
            for action in actions_for(app, event, ui_state) {
                effects.push(app.update(action, clock.now()));
            }
        }
    }
}

/// The actions one terminal event asks for.
fn actions_for(app: &App, event: Event, ui_state: &UiState) -> Vec<Action> {
    match event {
        Event::Key(key) => key_of(key)
            .and_then(|k| action_for(app, k))
            .into_iter()
            .collect(),
        Event::Paste(text) => vec![Action::Paste(text)],
        // The wheel moves the selection; a click focuses a pane or selects an entry.
        Event::Mouse(mouse) if *app.mode() == Mode::Normal => match mouse.kind {
            MouseEventKind::ScrollUp => vec![Action::Up],
            MouseEventKind::ScrollDown => vec![Action::Down],
            MouseEventKind::Down(MouseButton::Left) => {
                let at = Position::new(mouse.column, mouse.row);
                ui_state
                    .target_at(at)
                    .map(Action::Select)
                    .into_iter()
                    .collect()
            }
            _ => vec![],
        },
        _ => vec![],
    }
}
