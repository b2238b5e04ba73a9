//! The terminal side of the editing screen: raw mode, the event loop, and
//! saving after every change. The flow is one way: event → action →
//! `App::update` → save → draw.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::style::{Attribute, SetAttribute};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Position;

pub mod backend;

use backend::TermBackend;

use crate::app::home::{Home, HomeRequest};
use crate::app::{Action, App, Mode, ReadOnly, TextEdit};
use crate::i18n::strings;
use crate::input::{action_for, home_action_for, key_of};
use crate::session::{self, Loaded};
use crate::store::{self, SessionLock};
use crate::text::Lang;
use crate::ui::{self, SaveState, Status, Theme, UiState};

/// How the session was opened.
pub struct Opening {
    pub path: PathBuf,
    pub loaded: Loaded,
    pub lang: Lang,
    pub theme: Theme,
    /// `wethi view`: never write.
    pub viewing: bool,
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

fn set_work(path: &Path) {
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

type Term = Terminal<TermBackend<io::Stdout>>;

/// Runs `body` with the terminal in raw mode on the alternate screen, and
/// gives the terminal back afterwards whatever happens.
fn with_terminal<T>(body: impl FnOnce(&mut Term) -> Result<T, String>) -> Result<T, String> {
    install_panic_hook();
    let guard = TerminalGuard::enter().map_err(|e| e.to_string())?;
    let mut terminal = Terminal::new(TermBackend::new(io::stdout())).map_err(|e| e.to_string())?;
    let result = body(&mut terminal);
    drop(guard);
    result
}

/// Everything about the file the screen edits.
struct SessionFile {
    path: PathBuf,
    _lock: Option<SessionLock>,
    backed_up: bool,
    saved_revision: u64,
    state: SaveState,
}

impl SessionFile {
    /// Saves when the app changed since the last save; a failure keeps the
    /// work in memory and is retried on the next pass of the loop.
    fn save_if_changed(&mut self, app: &App) {
        if app.read_only.is_some() || app.revision == self.saved_revision {
            return;
        }
        if !self.backed_up {
            // The file as it was when opened, before this opening's first save.
            let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S%3f").to_string();
            if store::backup(&self.path, &stamp).is_ok() {
                self.backed_up = true;
            }
        }
        match store::save_session(&self.path, &app.session) {
            Ok(()) => {
                self.saved_revision = app.revision;
                self.state = SaveState::Saved;
            }
            Err(e) => self.state = SaveState::NotSaved(e.source.to_string()),
        }
    }

    fn save_as(&mut self, app: &App, target: &str) -> bool {
        let target = PathBuf::from(target);
        match store::save_session(&target, &app.session) {
            Ok(()) => {
                self.path = target;
                self.saved_revision = app.revision;
                self.state = SaveState::Saved;
                true
            }
            Err(e) => {
                self.state = SaveState::NotSaved(e.message(app.lang));
                false
            }
        }
    }
}

/// The editing screen on one session, in its own terminal session.
pub fn run(opening: Opening) -> Result<(), String> {
    with_terminal(|terminal| edit(terminal, opening).map(|_| ()))
}

/// Edits one session until the facilitator quits; returns the UI language
/// they ended with.
fn edit(terminal: &mut Term, opening: Opening) -> Result<Lang, String> {
    let Opening {
        path,
        loaded,
        lang,
        theme,
        viewing,
    } = opening;
    let (lock, read_only) = if viewing {
        (None, Some(ReadOnly::Viewing))
    } else if loaded.newer_version {
        (None, Some(ReadOnly::NewerVersion))
    } else {
        match SessionLock::try_acquire(&path) {
            Ok(Some(lock)) => (Some(lock), None),
            Ok(None) => (None, Some(ReadOnly::Locked)),
            Err(e) => return Err(format!("{}: {e}", store::lock::lock_path(&path).display())),
        }
    };
    let mut app = App::new(loaded.session, lang, read_only);
    set_work(&path);
    let mut file = SessionFile {
        path,
        _lock: lock,
        backed_up: false,
        saved_revision: 0,
        state: SaveState::Saved,
    };
    // The lock file stays when the screen closes: deleting it while another
    // wethi has it open would let a third one lock a new file and write
    // beside it. A leftover lock file holds no lock.
    event_loop(terminal, &mut app, &mut file, theme).map_err(|e| e.to_string())?;
    Ok(app.lang)
}

/// The home screen on the data folder `dir`: browse, filter, open, view,
/// start a new session (`new_session` writes it and returns its path) or
/// move one to the trash.
pub fn run_home(
    dir: &Path,
    lang: Lang,
    theme: Theme,
    new_session: impl Fn(Lang) -> Result<PathBuf, String>,
) -> Result<(), String> {
    set_work(dir);
    with_terminal(|terminal| {
        let mut home = Home::new(listing(dir), lang);
        let mut ui_state = UiState::default();
        while !home.quit {
            let status = Status {
                save: &SaveState::Saved,
                now: session::now(),
                theme,
            };
            terminal
                .draw(|frame| ui::home::draw(frame, &home, dir, &status, &mut ui_state))
                .map_err(|e| e.to_string())?;
            if event::poll(Duration::from_millis(1000)).map_err(|e| e.to_string())?
                && let Event::Key(key) = event::read().map_err(|e| e.to_string())?
                && let Some(action) = key_of(key).and_then(|k| home_action_for(&home, k))
            {
                home.update(action);
            }
            if let Some(request) = home.request.take() {
                home.message =
                    serve(terminal, &mut home, request, theme, &new_session).unwrap_or_else(Some);
                home.reload(listing(dir));
                set_work(dir);
            }
        }
        Ok(())
    })
}

fn listing(dir: &Path) -> Vec<crate::session::Listed> {
    store::list_sessions(dir)
        .map(|(listed, _)| listed)
        .unwrap_or_default()
}

/// Carries out what the home screen asked for; returns a line for its
/// footer (what was done, or as the error, what went wrong).
fn serve(
    terminal: &mut Term,
    home: &mut Home,
    request: HomeRequest,
    theme: Theme,
    new_session: &impl Fn(Lang) -> Result<PathBuf, String>,
) -> Result<Option<String>, String> {
    let (path, viewing) = match request {
        HomeRequest::Open(path) => (path, false),
        HomeRequest::View(path) => (path, true),
        HomeRequest::New => (new_session(home.lang)?, false),
        HomeRequest::Trash(path) => {
            let moved =
                store::move_to_trash(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            return Ok(Some(format!(
                "{}: {}",
                strings(home.lang).moved_to_trash,
                moved.display()
            )));
        }
    };
    let loaded = store::load(&path).map_err(|e| e.message(home.lang))?;
    // Both screens draw through the same terminal, so its buffers always
    // match the screen: no clearing between them.
    home.lang = edit(
        terminal,
        Opening {
            path,
            loaded,
            lang: home.lang,
            theme,
            viewing,
        },
    )?;
    Ok(None)
}

fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    file: &mut SessionFile,
    theme: Theme,
) -> io::Result<()> {
    let mut ui_state = UiState::default();
    loop {
        let status = Status {
            save: &file.state,
            now: session::now(),
            theme,
        };
        terminal.draw(|frame| ui::draw(frame, app, &status, &mut ui_state))?;
        let actions = if event::poll(Duration::from_millis(500))? {
            actions_for(app, event::read()?, &ui_state)
        } else {
            vec![Action::Tick]
        };
        for action in actions {
            app.update(action, session::now());
        }
        file.save_if_changed(app);
        if let Some(target) = app.save_as.take() {
            if file.save_as(app, &target) {
                return Ok(());
            }
            app.ask_save_as(&target);
        }
        if app.quit {
            if app.read_only.is_some() || file.saved_revision == app.revision {
                return Ok(());
            }
            let suggestion = std::env::temp_dir().join(file.path.file_name().unwrap_or_default());
            app.ask_save_as(&suggestion.display().to_string());
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
        Event::Paste(text) => match app.mode {
            Mode::Editing(_) => vec![Action::Text(TextEdit::Paste(text))],
            // A paste on a list adds it: one entry per line.
            Mode::Normal => vec![
                Action::Add,
                Action::Text(TextEdit::Paste(text)),
                Action::Commit,
            ],
            _ => vec![],
        },
        // The wheel moves the selection; a click focuses a pane or selects an entry.
        Event::Mouse(mouse) if app.mode == Mode::Normal => match mouse.kind {
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
