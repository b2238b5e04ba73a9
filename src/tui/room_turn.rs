//! Room mode's part of each pass of the event loop: opening and closing
//! the server as the app asks, handing its events to the app, and keeping
//! the page and the inbox's file in step after each save.

use crate::app::{Action, App, Effect};
use crate::room::{InboxFile, RoomConfig, RoomLink, Voting, Wall};
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
    /// What the page's wall was last built from: the session's revision and
    /// voting. Building it walks the whole board, and with a room open the
    /// loop passes every 100 ms.
    built_from: Option<(u64, Voting)>,
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
            built_from: None,
        }
    }

    pub(super) fn is_open(&self) -> bool {
        self.link.is_some()
    }

    /// Carries out `update`'s [`Effect::OpenRoom`] or [`Effect::StopRoom`].
    pub(super) fn carry_out(&mut self, app: &mut App, file: &SessionFile, effect: &Effect) {
        match effect {
            Effect::OpenRoom if self.link.is_none() => {
                self.built_from = None;
                let Some(wall) = self.wall_if_changed(app) else {
                    return;
                };
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
                self.built_from = None;
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
        file.save_if_changed(app);
        self.sync(app, file);
    }

    /// After the session was saved: the page shows the new wall and the
    /// inbox's file follows the inbox. A failure shows as NOT SAVED.
    pub(super) fn sync(&mut self, app: &App, file: &mut SessionFile) {
        if app.read_only().is_some() {
            return;
        }
        let wall = match self.link {
            Some(_) => self.wall_if_changed(app),
            None => None,
        };
        let session_saved = file.saved_revision == app.revision();
        let result = match self.link.as_mut() {
            Some(link) => link.sync(app.room().inbox(), wall, session_saved),
            None => self.file.save_if_changed(app.room().inbox()),
        };
        if let Err(e) = result {
            file.state = SaveState::NotSaved(e.message(app.lang()));
        }
    }
}

impl RoomSide {
    /// The page's wall, built again only when the session or voting changed
    /// since it was last built: `None` means the page shows it already.
    fn wall_if_changed(&mut self, app: &App) -> Option<Wall> {
        let from = (app.revision(), app.room().voting());
        if self.built_from == Some(from) {
            return None;
        }
        self.built_from = Some(from);
        Some(Wall::from_session(app.session(), app.room().voting()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::room::RoomEvent;
    use crate::text::Lang;

    const EXAMPLE: &[u8] = include_bytes!("../../sessions/examples/ubon-2021-01-13.json");

    fn side_for(app: &App) -> RoomSide {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = SessionFile::for_test(dir.path().join("s.json"));
        RoomSide::new(app, &file, RoomConfig::default(), Clock::from_env())
    }

    #[test]
    fn the_wall_is_built_again_only_after_the_session_or_voting_changed() {
        let session = crate::session::parse(std::path::Path::new("u.json"), EXAMPLE)
            .expect("example")
            .session;
        let first_id = session.swot.items(crate::session::Quadrant::Strengths)[0]
            .id
            .clone();
        let mut app = App::new(session, Lang::Th, None);
        let mut side = side_for(&app);
        let now = Clock::from_env().now();
        assert!(
            side.wall_if_changed(&app).is_some(),
            "the first pass builds it"
        );
        assert!(side.wall_if_changed(&app).is_none());
        app.update(Action::Tick, now);
        assert!(
            side.wall_if_changed(&app).is_none(),
            "a tick changes nothing"
        );

        let vote = RoomEvent::Vote { item_id: first_id };
        app.update(Action::Room(vote), now);
        let wall = side
            .wall_if_changed(&app)
            .expect("a vote changed the session");
        assert_eq!(wall, Wall::from_session(app.session(), app.room().voting()));
        assert!(side.wall_if_changed(&app).is_none());

        app.update(Action::Inbox, now);
        app.update(Action::ToggleVoting, now);
        let wall = side.wall_if_changed(&app).expect("voting opened");
        assert!(wall.voting.on && !wall.items.is_empty());
        assert!(side.wall_if_changed(&app).is_none());
    }
}
