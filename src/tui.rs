//! The terminal side of the program: raw mode and giving the terminal back,
//! opening a session for the editing screen. The loops live beside it
//! (`session_loop.rs`, `home_loop.rs`); the flow is one way: event →
//! action → `App::update` → save → draw.

pub mod clock;
mod events;
mod home_export;
mod home_loop;
mod room_turn;
mod session_file;
mod session_loop;
mod share;
mod signals;

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::style::{Attribute, SetAttribute};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub mod backend;
pub mod screen;

use backend::TermBackend;
use clock::Clock;
use screen::Screen;

use crate::app::{Action, App, Effect, ReadOnly};
use crate::store::{self, Access, Opened, SessionLock};
use crate::text::Lang;
use crate::ui::{SaveState, Theme};

pub use home_loop::run_home;
use session_file::SessionFile;

/// How the session was opened: the lock taken (or why not), then the file
/// read, by [`store::open_session`].
pub struct Opening {
    pub path: PathBuf,
    pub opened: Opened,
    pub lang: Lang,
    pub theme: Theme,
    /// `--room`: open a room at once, with this configuration.
    pub room: Option<crate::room::RoomConfig>,
    /// Show this entry first (its view, its list focused, it selected).
    pub at: Option<crate::session::Place>,
}

/// Restores the terminal however the screen ends: return, error or panic.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        enable_raw_mode()?;
        let guard = TerminalGuard;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableBracketedPaste,
            EnableMouseCapture
        )?;
        Ok(guard)
    }
}

fn restore_terminal() {
    let _ = leave_screen(&mut io::stdout());
    let _ = disable_raw_mode();
}

/// What gives the terminal back. The backend keeps its styles and cursor
/// between frames: they are reset once, here.
fn leave_screen(out: &mut impl io::Write) -> io::Result<()> {
    execute!(
        out,
        SetAttribute(Attribute::Reset),
        Show,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen
    )
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// The file a panic message points to: the open session, or the data folder.
static WORK: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

pub(super) fn set_work(path: &Path) {
    if let Ok(mut work) = WORK.lock() {
        *work = path.display().to_string();
    }
}

/// A panic gives the terminal back and says where the work is.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        let work = WORK.lock().map(|w| w.clone()).unwrap_or_default();
        eprintln!(
            "wethi: an internal error stopped the program. Your last saved work is in {work}"
        );
        previous(info);
    }));
}

pub(super) type Term = Screen<io::Stdout>;

/// Runs `body` with the terminal in raw mode on the alternate screen, and
/// gives the terminal back afterwards whatever happens.
pub(super) fn with_terminal<T>(
    body: impl FnOnce(&mut Term) -> Result<T, String>,
) -> Result<T, String> {
    install_panic_hook();
    signals::install();
    let guard = TerminalGuard::enter().map_err(|e| e.to_string())?;
    let mut terminal = Screen::new(TermBackend::new(io::stdout())).map_err(|e| e.to_string())?;
    let result = body(&mut terminal);
    drop(guard);
    if let Some(note) = signals::take_exit_note() {
        eprintln!("wethi: {note}");
    }
    result
}

/// The editing screen on one session, in its own terminal session.
pub fn run(opening: Opening) -> Result<(), String> {
    with_terminal(|terminal| edit(terminal, opening).map(|_| ()))
}

/// Edits one session until the facilitator quits; returns the UI language
/// they ended with.
pub(super) fn edit(terminal: &mut Term, opening: Opening) -> Result<Lang, String> {
    let Opening {
        path,
        opened: Opened { loaded, access },
        lang,
        theme,
        room,
        at,
    } = opening;
    let mut state = SaveState::Saved;
    let (lock, read_only): (Option<SessionLock>, _) = match access {
        Access::Edit(lock) => (Some(lock), None),
        Access::Locked => (None, Some(ReadOnly::Locked)),
        Access::NewerVersion => (None, Some(ReadOnly::NewerVersion)),
        Access::Viewing => (None, Some(ReadOnly::Viewing)),
        Access::CannotWrite(why) => {
            state = SaveState::NotSaved(why);
            (None, Some(ReadOnly::CannotWrite))
        }
    };
    let mut app = App::new(loaded.session, lang, read_only);
    if let Some(place) = at {
        app.show_entry(place);
    }
    if lock.is_some() {
        offer_draft(&mut app, &path);
    }
    // What a crash left waiting is in the inbox at every opening.
    app.load_inbox(crate::room::load_inbox(&path));
    // Only the lock holder tidies the photo folder: nothing can undo into
    // an image nobody names when no edit has been made yet.
    let locked = lock.is_some().then(|| path.clone());
    if let Some(path) = &locked {
        sweep_photos(path, &app);
    }
    let clock = Clock::from_env();
    let first = match room {
        Some(_) => app.update(Action::OpenRoom, clock.now()),
        None => Effect::None,
    };
    set_work(&path);
    let mut file = SessionFile {
        path,
        _lock: lock,
        backed_up: false,
        saved_revision: 0,
        state,
        no_backup: None,
        declined_at: None,
        room: room.unwrap_or_default(),
    };
    // The lock file stays when the screen closes: deleting it while another
    // wethi has it open would let a third one lock a new file and write
    // beside it. A leftover lock file holds no lock.
    session_loop::event_loop(terminal, &mut app, &mut file, (theme, &clock), first)
        .map_err(|e| e.to_string())?;
    // Closed: no undo can bring back a photo deleted in this opening now.
    if locked.as_ref() == Some(&file.path) && file.saved_revision == app.revision() {
        sweep_photos(&file.path, &app);
    }
    Ok(app.lang())
}

/// Removes the images of the session's photo folder that nothing names:
/// not the session as saved, not its backups, not the room's inbox.
fn sweep_photos(path: &Path, app: &App) {
    let mut named = crate::store::photos::named_by_backups(path);
    named.extend(app.session().photos.iter().map(|p| p.file.clone()));
    // Photos sent from phones wait in the inbox until they are handled.
    named.extend(app.room().inbox().photos().iter().map(|p| p.file.clone()));
    crate::store::photos::sweep(path, &named);
}

/// Waits for an event up to `timeout`. A signal arriving during the wait
/// is no error: the loop looks at it next.
pub(super) fn poll(timeout: Duration) -> io::Result<bool> {
    match signals::poll(timeout) {
        Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(false),
        other => other,
    }
}

/// Puts a draft left by a signal back into the box it came from. Once it
/// is back in memory the file is not needed: a new signal writes it again.
fn offer_draft(app: &mut App, path: &Path) {
    if let Some(draft) = store::draft::read_draft(path)
        && app.restore_draft(&draft).is_ok()
    {
        store::draft::remove_draft(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaving_resets_styles_once_and_shows_the_cursor() {
        let mut out = Vec::new();
        leave_screen(&mut out).expect("write");
        let out = String::from_utf8(out).expect("ASCII");
        assert!(out.starts_with("\x1b[0m\x1b[?25h"), "{out:?}");
        assert_eq!(out.matches("\x1b[0m").count(), 1);
        assert!(out.ends_with("\x1b[?1049l"), "{out:?}");
    }
}
