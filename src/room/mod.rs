//! Room mode: participants send SWOT items (and votes) from their phones'
//! browsers over the room's own network, and the facilitator moderates them
//! onto the board.
//!
//! The parts, each usable on its own:
//! - [`server`]: a small HTTP server (hyper on a tokio runtime of one
//!   thread of its own). It never touches the session: it reads the
//!   [`Wall`] the UI publishes and hands each submission or vote to the
//!   event loop as a [`Delivery`], whose [`Ack`] the loop answers once the
//!   event is on disk; only then is the phone told it was sent.
//! - [`inbox`]: the waiting submissions, pure state, and the hidden file
//!   that keeps them across a crash.
//! - [`page`]: the HTML the phones see.
//! - [`qr`]: the QR code of the room's address, in half-block characters.
//! - [`lan`]: the laptop's address on the room's network.
//! - [`link`]: all of the above as the event loop holds an open room.
//!
//! Threat model. Anyone on the room's network can send requests; only
//! people who can see the wall (the QR code) should reach the page.
//! - Nothing listens until the facilitator opens the room; stopping it or
//!   quitting closes the port ([`RoomServer::stop`], also on drop).
//! - Every path carries a 128-bit random token (`/R/TOKEN/`), compared in
//!   constant time; anything else gets 403 and a page that says nothing of
//!   the session. There is no file or directory serving at all.
//! - Only GET and POST; bodies over 4 KiB get 413 without being read; a
//!   body cut off before its Content-Length gets 400 and is not used; each
//!   phone (address + cookie) may send 10 items a minute and each address
//!   40 (429); at most 500 items wait in the inbox (503).
//! - Slow phones: every connection is a task, not a thread. Headers must
//!   arrive within 10 s (an idle connection closes after as long), a body
//!   within 20 s (408), a connection lasts at most 5 minutes, at most 512
//!   are open and 64 from one address; past those, new connections are
//!   closed unanswered. Stalled phones hold nothing another phone needs.
//! - Votes: only for items on the published wall, at most N per phone
//!   cookie (falling back to the address) and 4N per address, per round.
//! - Text is cleaned like any other ([`clean`]): one line, sanitised,
//!   normalised, length-capped, and refused (400) when nothing visible is
//!   left; the page escapes everything it shows.
//! - The page shows only the [`Wall`]: the title, and the board's items only
//!   while voting is on. Every answer is `no-store`, `nosniff`, framed by
//!   nobody, with a CSP that loads nothing and sends no Referer.
//! - The traffic is plain HTTP on the local network: someone on the same
//!   Wi-Fi who can capture packets sees the token and the items, as anyone
//!   in the room sees the wall.

mod ack;
mod answer;
mod body;
pub mod clean;
mod form;
pub mod inbox;
pub mod lan;
mod limits;
pub mod link;
pub mod page;
pub mod qr;
mod serve;
pub mod server;
mod token;

pub use ack::{Ack, Deliver, Delivery, Kept, deliver_to};
pub use inbox::{Inbox, InboxFile, Submission};
pub use link::{RoomLink, load_inbox};
pub use server::{Limits, RoomConfig, RoomServer, StartError};

use crate::session::{Quadrant, Session};
use crate::text::Lang;
use crate::text::sanitize::for_display;

/// What the server hands to the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoomEvent {
    /// A phone sent an item: it goes to the inbox (or, with auto-accept on,
    /// straight onto the board).
    Submitted(Submission),
    /// A phone sent a photo, whose image is already in the photo folder:
    /// it goes to the inbox (or, with auto-accept on, into the session).
    Photo(inbox::PhotoSubmission),
    /// A phone voted for the board item with this id: add one vote to it.
    /// The server only sends ids that were on the published [`Wall`] and
    /// has already counted the phone's votes against the limit.
    Vote { item_id: String },
}

/// Voting as the facilitator set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Voting {
    pub on: bool,
    /// Votes each phone may cast in one round.
    pub limit: u32,
    /// Bumped by the UI to give every phone its votes back.
    pub round: u32,
}

impl Default for Voting {
    fn default() -> Self {
        Voting {
            on: false,
            limit: DEFAULT_VOTE_LIMIT,
            round: 0,
        }
    }
}

pub const DEFAULT_VOTE_LIMIT: u32 = 3;

/// One board item as the page lists it for voting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WallItem {
    pub id: String,
    pub quadrant: Quadrant,
    /// The board number the room sees: `S1`, `O2`.
    pub label: String,
    pub text: String,
}

/// Everything the page may show: only what the room already sees on the
/// wall. The UI builds it with [`Wall::from_session`] and publishes it with
/// [`RoomServer::publish`]; the server never reads the session itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wall {
    pub title: String,
    pub lang: Lang,
    pub voting: Voting,
    /// The board's items; empty unless voting is on.
    pub items: Vec<WallItem>,
}

impl Wall {
    /// The page's view of `session`: its title and language, and the board's
    /// items (as displayed, sanitised) only while voting is on.
    pub fn from_session(session: &Session, voting: Voting) -> Wall {
        let items = if voting.on {
            Quadrant::ALL
                .iter()
                .flat_map(|&q| {
                    session
                        .swot
                        .items(q)
                        .iter()
                        .enumerate()
                        .map(move |(i, item)| WallItem {
                            id: item.id.clone(),
                            quadrant: q,
                            label: format!("{}{}", q.letter(), i + 1),
                            text: for_display(&item.text).into_owned(),
                        })
                })
                .collect()
        } else {
            Vec::new()
        };
        Wall {
            title: for_display(&session.title).into_owned(),
            lang: session.lang,
            voting,
            items,
        }
    }

    /// A wall with a title and nothing else, in `lang`.
    pub fn titled(title: &str, lang: Lang) -> Wall {
        Wall {
            title: for_display(title).into_owned(),
            lang,
            voting: Voting::default(),
            items: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{now, template};

    fn session() -> Session {
        let mut s = template::instantiate(
            template::builtin().unwrap(),
            "เวที\u{1b}[31m",
            now(),
            Lang::En,
        );
        let add = |text: &str| Submission::new(Quadrant::Threats, text, "", now()).unwrap();
        for text in ["ภัยแล้ง", "ราคาพืชผลตก"] {
            s.swot
                .threats
                .push(add(text).to_item(now(), &mut crate::session::ids::IdSource::default()));
        }
        s.swot.threats[1].text = "a\u{1b}[2Jb".into();
        s
    }

    #[test]
    fn the_wall_shows_items_only_while_voting() {
        let s = session();
        let off = Wall::from_session(&s, Voting::default());
        assert!(off.items.is_empty());
        assert_eq!((off.title.as_str(), off.lang), ("เวที␛[31m", Lang::En));
        let on = Wall::from_session(
            &s,
            Voting {
                on: true,
                ..Voting::default()
            },
        );
        let labels: Vec<_> = on.items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["T1", "T2"]);
        assert_eq!(on.items[0].id, s.swot.threats[0].id);
        assert_eq!(on.items[1].text, "a␛[2Jb");
    }
}
