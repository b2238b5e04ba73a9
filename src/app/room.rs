//! Room mode as app state: the inbox, voting, the open room's address, and
//! the overlay the facilitator sees. Pure like the rest of `update`: the
//! event loop opens and closes the server when `update` returns
//! [`Effect::OpenRoom`] or [`Effect::StopRoom`].

use crate::room::inbox::{Accepted, Waiting};
use crate::room::qr::QrCode;
use crate::room::{Inbox, RoomEvent, Voting};
use crate::session::{SwotItem, Timestamp};

use super::history::{Edit, Entry, ListId};
use super::{Action, App, EditTarget, Editor, Effect, Mode, Notice, TextBox};

/// Which room overlay covers the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomOverlay {
    /// The QR code and the address.
    Qr,
    /// The waiting submissions.
    Inbox,
}

#[derive(Debug, Clone, Default)]
pub struct RoomState {
    pub(super) inbox: Inbox,
    pub(super) voting: Voting,
    /// The page's address while the room is open.
    pub(super) url: Option<String>,
    /// The address's QR code; the overlay draws it as big as fits.
    pub(super) qr: Option<QrCode>,
    pub(super) overlay: Option<RoomOverlay>,
    /// The highlighted submission in the inbox.
    pub(super) selected: usize,
    /// Why the room could not open (shown in the overlay).
    pub(super) problem: Option<String>,
}

impl RoomState {
    pub fn inbox(&self) -> &Inbox {
        &self.inbox
    }

    pub fn voting(&self) -> Voting {
        self.voting
    }

    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    pub fn qr(&self) -> Option<&QrCode> {
        self.qr.as_ref()
    }

    pub fn overlay(&self) -> Option<RoomOverlay> {
        self.overlay
    }

    /// The highlighted submission in the inbox.
    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    pub fn is_open(&self) -> bool {
        self.url.is_some()
    }

    /// The room opened at `url`, its QR code made already.
    pub(super) fn opened(&mut self, url: String, qr: Option<QrCode>) {
        self.url = Some(url);
        self.qr = qr;
        self.problem = None;
    }

    /// The room is closed (stopped, or it failed to open with `problem`).
    pub(super) fn closed(&mut self, problem: Option<String>) {
        self.url = None;
        self.qr = None;
        self.problem = problem;
    }
}

impl App {
    /// What a crash left waiting, read when the session opens, or why it
    /// could not be read.
    pub fn load_inbox(&mut self, inbox: Result<Inbox, String>) {
        match inbox {
            Ok(inbox) => self.room.inbox = inbox,
            Err(why) => self.room.problem = Some(why),
        }
        self.clamp_inbox();
    }

    /// The loop opened the room at `url`, its QR code made already.
    pub fn room_opened(&mut self, url: String, qr: Option<QrCode>) {
        self.room.opened(url, qr);
    }

    /// The loop closed the room (stopped, or it failed to open with `problem`).
    pub fn room_closed(&mut self, problem: Option<String>) {
        self.room.closed(problem);
    }

    /// What the server sent: a submission or a vote.
    pub(super) fn room_event(&mut self, event: RoomEvent, now: Timestamp) {
        if self.read_only.is_some() {
            return;
        }
        match event {
            RoomEvent::Submitted(s) => {
                if let Some(accepted) = self.room.inbox.receive(s, now, &mut self.ids) {
                    self.insert_accepted(vec![accepted], now);
                }
            }
            RoomEvent::Photo(p) => {
                if let Some(accepted) = self.room.inbox.receive_photo(p, now, &mut self.ids) {
                    self.insert_accepted(vec![accepted], now);
                }
            }
            RoomEvent::Vote { item_id } => {
                // An item deleted since the page listed it gets no vote.
                let Some((q, index)) = self.session.swot.find(&item_id) else {
                    return;
                };
                let list = ListId::Swot(q);
                let item = self.session.swot.items(q)[index].clone();
                let new = SwotItem {
                    votes: item.votes.saturating_add(1),
                    updated_at: now,
                    ..item.clone()
                };
                self.replace_entry(list, index, Entry::Swot(item), Entry::Swot(new), now);
            }
        }
    }

    /// `R`: opens the room, or shows its QR code again.
    pub(super) fn open_room(&mut self) -> Effect {
        if self.read_only.is_some() {
            self.notice = Some(Notice::RoomReadOnly);
            return Effect::None;
        }
        self.room.overlay = Some(RoomOverlay::Qr);
        if self.room.is_open() {
            Effect::None
        } else {
            Effect::OpenRoom
        }
    }

    /// `I`: the inbox (also what a crash left, with no room open).
    pub(super) fn open_inbox(&mut self) {
        self.room.overlay = Some(RoomOverlay::Inbox);
        self.clamp_inbox();
    }

    /// Keys while a room overlay is open.
    pub(super) fn update_room_overlay(
        &mut self,
        overlay: RoomOverlay,
        action: Action,
        now: Timestamp,
    ) -> Effect {
        match action {
            Action::Quit => return Effect::Quit,
            Action::Back => self.room.overlay = None,
            Action::SwitchLang => self.lang = self.lang.other(),
            Action::OpenRoom => return self.open_room(),
            Action::Inbox => self.open_inbox(),
            Action::StopRoom => {
                self.room.overlay = None;
                if self.room.is_open() {
                    return Effect::StopRoom;
                }
            }
            _ if overlay == RoomOverlay::Qr => {}
            Action::Up => self.room.selected = self.room.selected.saturating_sub(1),
            Action::Down => {
                self.room.selected += 1;
                self.clamp_inbox();
            }
            Action::InboxAccept => self.accept_selected(now),
            Action::InboxEdit => self.edit_selected(),
            Action::InboxReject if self.writable() => {
                let _: bool = self.room.inbox.reject(self.room.selected);
                self.clamp_inbox();
            }
            Action::InboxAcceptAll if self.writable() => {
                let accepted = self.room.inbox.accept_all(now, &mut self.ids);
                self.insert_accepted(accepted, now);
                self.clamp_inbox();
            }
            Action::ToggleAutoAccept if self.writable() => {
                self.room.inbox.auto_accept = !self.room.inbox.auto_accept;
            }
            Action::ToggleVoting => {
                let voting = &mut self.room.voting;
                voting.on = !voting.on;
                // Each time voting opens, every phone has its votes again.
                if voting.on {
                    voting.round += 1;
                }
            }
            Action::Undo => self.travel(true),
            Action::Redo => self.travel(false),
            _ => {}
        }
        Effect::None
    }

    fn accept_selected(&mut self, now: Timestamp) {
        if !self.writable() {
            return;
        }
        if let Some(accepted) = self
            .room
            .inbox
            .accept(self.room.selected, now, &mut self.ids)
        {
            self.insert_accepted(vec![accepted], now);
        }
        self.clamp_inbox();
    }

    fn edit_selected(&mut self) {
        if !self.writable() {
            return;
        }
        // An item's text, or a photo's caption.
        let text = match self.room.inbox.entry(self.room.selected) {
            Some(Waiting::Item(s)) => &s.text,
            Some(Waiting::Photo(p)) => &p.caption,
            None => return,
        };
        self.mode = Mode::Editing(Editor {
            target: EditTarget::Inbox(self.room.selected),
            text: TextBox::new(text),
        });
    }

    /// The text box of `e` in the inbox was committed.
    pub(super) fn accept_edited(&mut self, index: usize, text: &str, now: Timestamp) {
        let text = text.replace('\n', " ");
        let ids = &mut self.ids;
        let accepted = match self.room.inbox.entry(index) {
            Some(Waiting::Item(s)) => {
                let quadrant = s.quadrant;
                self.room
                    .inbox
                    .accept_edited(index, &text, quadrant, now, ids)
            }
            Some(Waiting::Photo(_)) => self.room.inbox.accept_captioned(index, &text, now, ids),
            None => None,
        };
        if let Some(accepted) = accepted {
            self.insert_accepted(vec![accepted], now);
        }
        self.clamp_inbox();
    }

    /// Puts accepted submissions at the end of their quadrants (photos at
    /// the end of the photos), as one undoable step, and selects the last one.
    fn insert_accepted(&mut self, accepted: Vec<Accepted>, now: Timestamp) {
        let mut ends = crate::session::Quadrant::ALL.map(|q| self.session.swot.items(q).len());
        let mut photos = self.session.photos.len();
        let mut last = None;
        let edits: Vec<Edit> = accepted
            .into_iter()
            .map(|accepted| {
                let (list, index, entry) = match accepted {
                    Accepted::Item(q, item) => {
                        ends[q.index()] += 1;
                        (ListId::Swot(q), ends[q.index()] - 1, Entry::Swot(item))
                    }
                    Accepted::Photo(p) => {
                        photos += 1;
                        (ListId::Photos, photos - 1, Entry::Photo(Box::new(p)))
                    }
                };
                last = Some((list, index));
                Edit::Insert { list, index, entry }
            })
            .collect();
        if let Some((list, index)) = last
            && self.change(edits, now)
        {
            self.select(list, Some(index));
        }
    }

    fn clamp_inbox(&mut self) {
        let len = self.room.inbox.len();
        self.room.selected = self.room.selected.min(len.saturating_sub(1));
    }
}
