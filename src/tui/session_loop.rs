//! The editing screen's loop: carry out what `update` returned, draw,
//! wait for an event (at most a tick), update, save.

use std::io;
use std::time::Duration;

use crate::app::{Action, App, Effect, Mode};
use crate::ui::{self, Status, Theme, UiState};

use super::clock::Clock;
use super::events::{apply_chunk, read_queued};
use super::session_file::{SessionFile, keep_draft};
use super::{Term, poll, room_turn, share, signals};

pub(super) fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    file: &mut SessionFile,
    (theme, clock): (Theme, &Clock),
    first: Effect,
) -> io::Result<()> {
    let result = turns(terminal, app, file, (theme, clock), first);
    // A signal, or a terminal that went away (its window closed): what was
    // typed but not committed is kept for the next opening.
    if result.is_err() || signals::received().is_some() {
        keep_draft(app, file);
    }
    if signals::received().is_some() {
        return Ok(());
    }
    result
}

/// The loop proper: draw, wait for an event (at most a tick), update, save.
fn turns(
    terminal: &mut Term,
    app: &mut App,
    file: &mut SessionFile,
    (theme, clock): (Theme, &Clock),
    first: Effect,
) -> io::Result<()> {
    let mut ui_state = UiState::default();
    // Dropped however the loop ends (quit, a signal, an error): the port closes.
    let mut room = room_turn::RoomSide::new(app, file, file.room, clock.clone());
    let mut effects = vec![first];
    loop {
        if signals::received().is_some() {
            return Ok(());
        }
        let mut quit = false;
        let mut save_as = None;
        for effect in effects.drain(..) {
            match effect {
                Effect::None => {}
                Effect::Quit => quit = true,
                Effect::SaveAs(target) => save_as = Some(target),
                Effect::OpenRoom | Effect::StopRoom => room.carry_out(app, file, &effect),
                Effect::SharePost => {
                    let mut out = |bytes: &[u8]| terminal.write_through(bytes);
                    share::share_post(&mut out, app, &file.path)?;
                }
            }
        }
        if let Some(target) = save_as.take() {
            if file.save_as(app, &target) {
                return Ok(());
            }
            app.ask_save_as(&target);
        } else if quit {
            if app.read_only().is_some()
                || file.saved_revision == app.revision()
                || file.declined_at == Some(app.revision())
            {
                return Ok(());
            }
            let suggestion = std::env::temp_dir().join(file.path.file_name().unwrap_or_default());
            app.ask_save_as(&suggestion.display().to_string());
        }
        room.before_draw(app, file);
        let status = Status {
            save: &file.state,
            now: clock.now(),
            theme,
        };
        terminal.draw(|buf, kept| ui::frame::draw(buf, kept, app, &status, &mut ui_state))?;
        let (max, page) = ui_state.summary_fit;
        if app.summary_fits(max, page) {
            terminal.draw(|buf, kept| ui::frame::draw(buf, kept, app, &status, &mut ui_state))?;
        }
        let asking = is_asking_save_as(app);
        // The terminal's poll cannot be woken by the server's thread: with
        // a room open, a short wait shows a submission within a frame.
        let wait = if room.is_open() { 100 } else { 500 };
        if poll(Duration::from_millis(wait))? {
            for chunk in read_queued()? {
                apply_chunk(app, chunk, (&ui_state, clock), &mut effects);
            }
        } else {
            effects.push(app.update(Action::Tick, clock.now()));
        }
        let saving_as = effects.iter().any(|e| matches!(e, Effect::SaveAs(_)));
        if asking && *app.mode() == Mode::Normal && !saving_as {
            file.declined_at = Some(app.revision());
        }
        file.save_if_changed(app);
        room.sync(app, file);
    }
}

/// Whether the save-as prompt of a quit while NOT SAVED is open.
fn is_asking_save_as(app: &App) -> bool {
    matches!(
        app.mode(),
        Mode::Editing(editor) if editor.target == crate::app::EditTarget::SaveAs
    )
}
