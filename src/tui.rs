//! The terminal side of the editing screen: raw mode, the event loop, and
//! saving after every change. The flow is one way: event → action →
//! `App::update` → save → draw.

mod clock;
mod home_export;
mod room_turn;
mod signals;

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

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
pub mod screen;

use backend::TermBackend;
use clock::Clock;
use screen::Screen;

use crate::app::home::{Home, HomeRequest};
use crate::app::{Action, App, Effect, Mode, ReadOnly};
use crate::burst::{self, Chunk};
use crate::i18n::strings;
use crate::input::{action_for, home_action_for, key_of};
use crate::store::{self, Access, Opened, SessionLock};
use crate::text::Lang;
use crate::ui::{self, SaveState, Status, Theme, UiState};

/// How the session was opened: the lock taken (or why not), then the file
/// read, by [`store::open_session`].
pub struct Opening {
    pub path: PathBuf,
    pub opened: Opened,
    pub lang: Lang,
    pub theme: Theme,
    /// `--room`: open a room at once, with this configuration.
    pub room: Option<crate::room::RoomConfig>,
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

type Term = Screen<io::Stdout>;

/// Runs `body` with the terminal in raw mode on the alternate screen, and
/// gives the terminal back afterwards whatever happens.
fn with_terminal<T>(body: impl FnOnce(&mut Term) -> Result<T, String>) -> Result<T, String> {
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

/// Everything about the file the screen edits.
struct SessionFile {
    path: PathBuf,
    _lock: Option<SessionLock>,
    backed_up: bool,
    saved_revision: u64,
    state: SaveState,
    /// Why this opening's backup failed: saving goes on, the header says so.
    no_backup: Option<String>,
    /// Quitting was asked while NOT SAVED and the save-as prompt was left
    /// with Esc at this revision: `q` now quits without saving.
    declined_at: Option<u64>,
    /// How `R` opens a room (`--port`, `--bind`).
    room: crate::room::RoomConfig,
}

impl SessionFile {
    /// A file nobody has saved to yet, unlocked, at `path`.
    #[cfg(test)]
    fn for_test(path: PathBuf) -> SessionFile {
        SessionFile {
            path,
            _lock: None,
            backed_up: false,
            saved_revision: 0,
            state: SaveState::Saved,
            no_backup: None,
            declined_at: None,
            room: crate::room::RoomConfig::default(),
        }
    }

    /// Saves when the app changed since the last save; a failure keeps the
    /// work in memory and is retried on the next pass of the loop.
    fn save_if_changed(&mut self, app: &App) {
        if app.read_only().is_some() || app.revision() == self.saved_revision {
            return;
        }
        if !self.backed_up {
            // The file as it was when opened, before this opening's first
            // save. Tried once: a later copy would hold this opening's work.
            self.backed_up = true;
            if let Err(e) = store::backup(&self.path, &store::backups::stamp_now()) {
                self.no_backup = Some(e.to_string());
            }
        }
        match store::save_session(&self.path, app.session()) {
            Ok(()) => {
                self.saved_revision = app.revision();
                self.state = match &self.no_backup {
                    Some(why) => SaveState::SavedWithoutBackup(why.clone()),
                    None => SaveState::Saved,
                };
            }
            Err(e) => self.state = SaveState::NotSaved(e.source.to_string()),
        }
    }

    fn save_as(&mut self, app: &App, target: &str) -> bool {
        let target = PathBuf::from(target);
        match store::save_session(&target, app.session()) {
            Ok(()) => {
                self.path = target;
                self.saved_revision = app.revision();
                self.state = SaveState::Saved;
                true
            }
            Err(e) => {
                self.state = SaveState::NotSaved(e.message(app.lang()));
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
        opened: Opened { loaded, access },
        lang,
        theme,
        room,
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
    if lock.is_some() {
        offer_draft(&mut app, &path);
    }
    // What a crash left waiting is in the inbox at every opening.
    app.load_inbox(crate::room::load_inbox(&path));
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
    event_loop(terminal, &mut app, &mut file, (theme, &clock), first).map_err(|e| e.to_string())?;
    Ok(app.lang())
}

/// The home screen on the data folder `dir`: browse, filter, open, view,
/// start a new session (`new_session` writes it and returns its path) or
/// move one to the trash.
pub fn run_home(
    dir: &Path,
    lang: Lang,
    theme: Theme,
    new_session: impl Fn(Lang, &str) -> Result<PathBuf, String>,
) -> Result<(), String> {
    set_work(dir);
    with_terminal(|terminal| {
        let clock = Clock::from_env();
        let mut home = Home::new(Vec::new(), lang);
        relist(&mut home, dir);
        let mut ui_state = UiState::default();
        while signals::received().is_none() {
            let status = Status {
                save: &SaveState::Saved,
                now: clock.now(),
                theme,
            };
            terminal
                .draw(|buf, _| {
                    buf.reset();
                    let cursor = ui::home::draw_buffer(buf, &home, dir, &status, &mut ui_state);
                    (cursor, ui::frame::Changed::All)
                })
                .map_err(|e| e.to_string())?;
            if poll(Duration::from_millis(1000)).map_err(|e| e.to_string())? {
                let action = match event::read().map_err(|e| e.to_string())? {
                    Event::Key(key) => key_of(key).and_then(|k| home_action_for(&home, k)),
                    Event::Paste(text) => crate::app::paste::home_paste(&home, &text),
                    _ => None,
                };
                let request = action.and_then(|action| home.update(action));
                if request == Some(HomeRequest::Quit) {
                    break;
                }
                if let Some(request) = request {
                    let said = serve(terminal, (&mut home, dir), request, theme, &new_session)
                        .unwrap_or_else(Some);
                    home.say(said);
                    relist(&mut home, dir);
                    set_work(dir);
                }
            }
        }
        Ok(())
    })
}

/// The folder's sessions, and the files that failed to load with why.
fn relist(home: &mut Home, dir: &Path) {
    let (listed, broken) = store::list_sessions(dir).unwrap_or_default();
    home.reload(listed, broken);
}

/// Carries out what the home screen asked for; returns a line for its
/// footer (what was done, or as the error, what went wrong).
fn serve(
    terminal: &mut Term,
    (home, dir): (&mut Home, &Path),
    request: HomeRequest,
    theme: Theme,
    new_session: &impl Fn(Lang, &str) -> Result<PathBuf, String>,
) -> Result<Option<String>, String> {
    let (path, viewing) = match request {
        // The loop leaves before serving a quit.
        HomeRequest::Quit => return Ok(None),
        HomeRequest::Open(path) => (path, false),
        HomeRequest::View(path) => (path, true),
        HomeRequest::New(title) => (new_session(home.lang(), &title)?, false),
        HomeRequest::Example => {
            let copied = store::trash::copy_example(dir).map_err(|e| e.message(home.lang()))?;
            (copied, false)
        }
        HomeRequest::Restore { trashed, to } => {
            let back = store::trash::restore(&trashed, &to)
                .map_err(|e| format!("{}: {e}", trashed.display()))?;
            home.restored();
            let t = crate::i18n::facilitator::facilitator_strings(home.lang());
            return Ok(Some(format!("{}: {}", t.restored, back.display())));
        }
        HomeRequest::Export { path, format } => {
            return home_export::export(&path, dir, format, home.lang()).map(Some);
        }
        HomeRequest::Trash(path) => {
            let moved = store::move_to_trash(&path).map_err(|e| {
                let why = match e.kind() {
                    io::ErrorKind::ResourceBusy => crate::i18n::safety::safety_strings(home.lang())
                        .in_use
                        .to_owned(),
                    _ => e.to_string(),
                };
                format!("{}: {why}", path.display())
            })?;
            home.trashed(path.clone(), moved.clone());
            return Ok(Some(format!(
                "{}: {}",
                strings(home.lang()).moved_to_trash,
                moved.display()
            )));
        }
    };
    let opened = store::open_session(&path, viewing).map_err(|e| e.message(home.lang()))?;
    // Both screens draw through the same terminal, so its buffers always
    // match the screen: no clearing between them.
    let lang = edit(
        terminal,
        Opening {
            path,
            opened,
            lang: home.lang(),
            theme,
            room: None,
        },
    )?;
    home.set_lang(lang);
    Ok(None)
}

fn event_loop(
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
        room.after_save(app, file);
    }
}

/// The event that woke the loop and every one already queued behind it,
/// grouped so that characters that came together are one burst.
fn read_queued() -> io::Result<Vec<Chunk>> {
    let mut events = vec![event::read()?];
    while poll(Duration::ZERO)? {
        events.push(event::read()?);
    }
    Ok(burst::group(events))
}

/// A burst in command mode opens the text box holding it; anywhere else
/// (a text box, a form) it is typed character by character.
fn apply_chunk(
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

/// Whether the save-as prompt of a quit while NOT SAVED is open.
fn is_asking_save_as(app: &App) -> bool {
    matches!(
        app.mode(),
        Mode::Editing(editor) if editor.target == crate::app::EditTarget::SaveAs
    )
}

/// Waits for an event up to `timeout`. A signal arriving during the wait
/// is no error: the loop looks at it next.
fn poll(timeout: Duration) -> io::Result<bool> {
    match signals::poll(timeout) {
        Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(false),
        other => other,
    }
}

/// A signal ends the program: the last change is saved if it can be, and
/// text typed but not committed is kept beside the session for the next
/// opening.
fn keep_draft(app: &App, file: &mut SessionFile) {
    file.save_if_changed(app);
    if app.read_only().is_some() {
        return;
    }
    let mut beside = file.path.clone();
    if file.saved_revision != app.revision() {
        // The session's folder refuses (NOT SAVED): nobody is left to ask
        // where to save, so the work goes to the temporary folder.
        let rescue = signals::rescue_path(&file.path);
        if store::save_session(&rescue, app.session()).is_ok() {
            let t = crate::i18n::safety::safety_strings(app.lang());
            signals::set_exit_note(format!("{} {}", t.rescued, rescue.display()));
            beside = rescue;
        }
    }
    if let Some(draft) = app.draft() {
        let _ = store::draft::write_draft(&beside, &draft);
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
