//! The event loop's side of an open room, in one value: the server, the
//! channel its events arrive on, the phones waiting to hear their events
//! are kept, and the inbox's file. The inbox itself is app state (pure,
//! undoable edits go through `App::update`); this keeps the server and the
//! file in step with it.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::store::SaveError;

use super::ack::{Ack, Delivery, Kept, deliver_to};
use super::inbox::{Inbox, InboxFile};
use super::qr::{self, QrCode};
use super::server::{RoomConfig, RoomServer, StartError};
use super::{RoomEvent, Wall};

/// An open room as the event loop holds it. Dropping it closes the port.
pub struct RoomLink {
    server: RoomServer,
    events: Receiver<Delivery>,
    /// The phones whose events [`events`](Self::events) handed out, each
    /// waiting for the next [`sync`](Self::sync) to say it is on disk;
    /// `true` for a submission (kept in the inbox unless auto-accepted).
    unanswered: Vec<(Ack, bool)>,
    file: InboxFile,
    qr: Option<QrCode>,
}

impl RoomLink {
    /// Opens a room for the session saved at `session`: starts the server
    /// showing `wall`, with `inbox` (what [`load_inbox`] found) already
    /// counted against the cap. `wake` is called on a server thread after
    /// each event is queued (see [`deliver_to`]); pass `|| {}` when the
    /// loop polls [`events`](Self::events) on a short timeout anyway.
    pub fn open(
        session: &Path,
        config: &RoomConfig,
        wall: Wall,
        inbox: &Inbox,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Result<RoomLink, StartError> {
        let (tx, rx) = mpsc::channel();
        let server = RoomServer::start_for(config, wall, deliver_to(tx, wake), Some(session))?;
        server.set_waiting(inbox.len());
        server.set_waiting_photo_bytes(inbox.photo_bytes());
        let qr = qr::encode(server.url()).ok();
        let mut file = InboxFile::for_session(session);
        file.mark_saved(inbox);
        Ok(RoomLink {
            server,
            events: rx,
            unanswered: Vec::new(),
            file,
            qr,
        })
    }

    pub fn url(&self) -> &str {
        self.server.url()
    }

    /// The URL's QR code.
    pub fn qr(&self) -> Option<&QrCode> {
        self.qr.as_ref()
    }

    /// Everything the server sent since the last call, without waiting.
    /// The phones that sent them wait for the next [`sync`](Self::sync).
    pub fn events(&mut self) -> Vec<RoomEvent> {
        let mut out = Vec::new();
        loop {
            match self.events.try_recv() {
                Ok(Delivery { event, ack }) => {
                    let submission = matches!(event, RoomEvent::Submitted(_) | RoomEvent::Photo(_));
                    out.push(event);
                    self.unanswered.push((ack, submission));
                }
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return out,
            }
        }
    }

    /// After the app handled the events and keys of a pass and the session
    /// was saved (`session_saved`: the session's file holds its latest
    /// revision): shows the page's new `wall` (`None`: it did not change),
    /// tells the server how many wait, writes the inbox's file if it
    /// changed, and only then tells the phones whose events came since the
    /// last call whether the file that keeps each is written: the inbox's
    /// for a submission (an item or a photo), the session's for a vote or
    /// an auto-accepted one.
    pub fn sync(
        &mut self,
        inbox: &Inbox,
        wall: Option<Wall>,
        session_saved: bool,
    ) -> Result<(), SaveError> {
        if let Some(wall) = wall {
            self.server.publish(wall);
        }
        self.server.set_waiting(inbox.len());
        self.server.set_waiting_photo_bytes(inbox.photo_bytes());
        let written = self.file.save_if_changed(inbox);
        for (ack, submission) in self.unanswered.drain(..) {
            let saved = if submission && !inbox.auto_accept {
                written.is_ok()
            } else {
                session_saved
            };
            ack.answer(if saved { Kept::Saved } else { Kept::NotSaved });
        }
        written
    }

    /// Closes the port (also done on drop). The inbox's file stays until
    /// what waits in it is handled.
    pub fn stop(&mut self) {
        self.server.stop();
    }
}

/// What a previous opening of the session at `session` left in its inbox;
/// an error names the file (which is then left alone).
pub fn load_inbox(session: &Path) -> Result<Inbox, String> {
    InboxFile::for_session(session).load()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::room::Submission;
    use crate::session::{Quadrant, now};
    use crate::text::Lang;
    use std::net::{IpAddr, Ipv4Addr};

    fn local() -> RoomConfig {
        RoomConfig {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: Some(0),
            ..RoomConfig::default()
        }
    }

    #[test]
    fn sync_writes_the_inbox_file_only_when_it_changed() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let mut inbox = load_inbox(&session).unwrap();
        let wall = Wall::titled("t", Lang::En);
        let mut link = RoomLink::open(&session, &local(), wall.clone(), &inbox, || {}).unwrap();
        assert!(link.url().starts_with("HTTP://127.0.0.1:"));
        assert!(link.qr().is_some_and(|q| q.width() > 21));
        assert!(link.events().is_empty());
        link.sync(&inbox, Some(wall.clone()), true).unwrap();
        let path = dir.path().join(".s.json.inbox");
        assert!(!path.exists());
        let s = Submission::new(Quadrant::Threats, "ภัยแล้ง", "", now()).unwrap();
        inbox.receive(s, now(), &mut crate::session::ids::IdSource::default());
        link.sync(&inbox, Some(wall.clone()), true).unwrap();
        assert!(path.exists());
        inbox.accept(0, now(), &mut crate::session::ids::IdSource::default());
        link.sync(&inbox, None, true).unwrap();
        assert!(!path.exists());
        link.stop();
    }
}
