//! Room mode's part of each pass of the event loop: opening and closing
//! the server as the app asks, handing its events to the app, and keeping
//! the page and the inbox's file in step after each save.

use crate::app::{Action, App, Effect};
use crate::room::{InboxFile, RoomConfig, RoomLink, Wall};
use crate::ui::SaveState;

use super::SessionFile;
use super::clock::Clock;

/// The room as the loop holds it. Dropping it closes the port.
pub(super) struct RoomSide {
    config: RoomConfig,
    link: Option<RoomLink>,
    /// The inbox's file while no room is open: leftovers of a crash that
    /// are handled must not come back at the next opening.
    file: InboxFile,
    /// The time room events happen at.
    clock: Clock,
}

impl RoomSide {
    pub(super) fn new(app: &App, file: &SessionFile, config: RoomConfig, clock: Clock) -> RoomSide {
        let mut inbox_file = InboxFile::for_session(&file.path);
        inbox_file.mark_saved(app.room().inbox());
        RoomSide {
            config,
            link: None,
            file: inbox_file,
            clock,
        }
    }

    pub(super) fn is_open(&self) -> bool {
        self.link.is_some()
    }

    /// Carries out `update`'s [`Effect::OpenRoom`] or [`Effect::StopRoom`].
    pub(super) fn carry_out(&mut self, app: &mut App, file: &SessionFile, effect: &Effect) {
        match effect {
            Effect::OpenRoom if self.link.is_none() => {
                let wall = Wall::from_session(app.session(), app.room().voting());
                match RoomLink::open(&file.path, &self.config, wall, app.room().inbox(), || {}) {
                    Ok(link) => {
                        app.room_opened(link.url().to_owned(), link.qr().cloned());
                        self.link = Some(link);
                    }
                    Err(e) => app.room_closed(Some(e.message(app.lang()))),
                }
            }
            Effect::StopRoom => {
                self.link = None;
                app.room_closed(None);
            }
            _ => {}
        }
    }

    /// Hands what the phones sent to the app and saves it.
    pub(super) fn before_draw(&mut self, app: &mut App, file: &mut SessionFile) {
        if let Some(link) = self.link.as_mut() {
            for event in link.events() {
                app.update(Action::Room(event), self.clock.now());
            }
        }
        self.after_save(app, file);
    }

    /// After the session was saved: the page shows the new wall and the
    /// inbox's file follows the inbox. A failure shows as NOT SAVED.
    pub(super) fn after_save(&mut self, app: &App, file: &mut SessionFile) {
        file.save_if_changed(app);
        if app.read_only().is_some() {
            return;
        }
        let result = match self.link.as_mut() {
            Some(link) => link.sync(
                app.room().inbox(),
                Wall::from_session(app.session(), app.room().voting()),
            ),
            None => self.file.save_if_changed(app.room().inbox()),
        };
        if let Err(e) = result {
            file.state = SaveState::NotSaved(e.message(app.lang()));
        }
    }
}
