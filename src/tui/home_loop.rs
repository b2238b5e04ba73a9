//! The home screen's loop: the data folder's sessions, and what the home
//! screen asks for (open, view, new, trash, restore, export) carried out.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

use crate::across::Folder;
use crate::app::home::{Home, HomeRequest};
use crate::i18n::strings;
use crate::input::{home_action_for, key_of};
use crate::store;
use crate::text::Lang;
use crate::ui::{self, SaveState, Status, Theme, UiState};

use super::clock::Clock;
use super::{Opening, Term, edit, home_export, poll, set_work, signals, with_terminal};

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
                match request {
                    Some(HomeRequest::Quit) => break,
                    Some(HomeRequest::Overview) => home.show_overview(clock.now().date_naive()),
                    Some(request) => {
                        let said = serve(terminal, (&mut home, dir), request, theme, &new_session)
                            .unwrap_or_else(Some);
                        home.say(said);
                        relist(&mut home, dir);
                        if home.overview().is_some() {
                            // Back from a session it opened: as the folder is now.
                            home.show_overview(clock.now().date_naive());
                        }
                        set_work(dir);
                    }
                    None => {}
                }
            }
        }
        Ok(())
    })
}

/// The folder's sessions with what was said in them, and the files that
/// failed to load with why.
fn relist(home: &mut Home, dir: &Path) {
    home.reload_folder(Folder::load(dir).unwrap_or_default());
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
    let (path, viewing, at) = match request {
        // The loop leaves before serving a quit, and shows the overview itself.
        HomeRequest::Quit | HomeRequest::Overview => return Ok(None),
        HomeRequest::Open(path) => (path, false, None),
        HomeRequest::View(path) => (path, true, None),
        HomeRequest::OpenAt {
            path,
            place,
            viewing,
        } => (path, viewing, Some(place)),
        HomeRequest::New(title) => (new_session(home.lang(), &title)?, false, None),
        HomeRequest::Example => {
            let copied = store::trash::copy_example(dir).map_err(|e| e.message(home.lang()))?;
            (copied, false, None)
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
            at,
        },
    )?;
    home.set_lang(lang);
    Ok(None)
}
