//! How a phone's answer waits for its item to be kept: the server hands
//! each submission or vote to the event loop with an [`Ack`], and answers
//! the phone only when the loop says the item is on disk. The loop never
//! waits for the phone: answering is a send on a one-shot channel, and the
//! phone's request waits as a parked task of the server, holding no thread.

use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::time::Duration;

use tokio::sync::oneshot;

use super::RoomEvent;

/// What became of a delivered event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// Written to the inbox's file (or, with auto-accept on or for a vote,
    /// to the session's file): a crash from now on loses nothing.
    Saved,
    /// Taken by the loop, but the file it belongs in could not be written
    /// (the screen says NOT SAVED).
    NotSaved,
}

/// The loop's answer to one event. Dropped without one, it tells the phone
/// the room closed before the event was handled.
#[derive(Debug)]
pub struct Ack(oneshot::Sender<Kept>);

impl Ack {
    /// An acknowledgement and the server's end that waits for it.
    pub(super) fn new() -> (Ack, Awaited) {
        let (tx, rx) = oneshot::channel();
        (Ack(tx), Awaited(rx))
    }

    pub fn saved(self) {
        self.answer(Kept::Saved);
    }

    /// Answers `kept`; a phone that went away is no concern of the loop.
    pub fn answer(self, kept: Kept) {
        let _ = self.0.send(kept);
    }
}

/// The server's end of an [`Ack`].
pub(super) struct Awaited(oneshot::Receiver<Kept>);

/// What the phone is told after waiting for its [`Ack`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    Kept(Kept),
    /// The ack was dropped: the room closed first.
    Closed,
    /// No answer within the time allowed: the loop is stuck.
    Late,
}

impl Awaited {
    pub(super) async fn wait(self, limit: Duration) -> Outcome {
        match tokio::time::timeout(limit, self.0).await {
            Ok(Ok(kept)) => Outcome::Kept(kept),
            Ok(Err(_)) => Outcome::Closed,
            Err(_) => Outcome::Late,
        }
    }
}

/// One event from a phone and the phone's request waiting for it.
#[derive(Debug)]
pub struct Delivery {
    pub event: RoomEvent,
    pub ack: Ack,
}

/// Hands one delivery to the event loop and wakes it; `false` when the loop
/// is gone (the phone is then told the room is closed).
///
/// Called on the server's thread: it must not block. [`deliver_to`] makes
/// one from a channel and a waker.
pub type Deliver = Arc<dyn Fn(Delivery) -> bool + Send + Sync>;

/// A [`Deliver`] that sends into `events` and then calls `wake`, which
/// should make the event loop look at its channel now rather than at its
/// next tick (for example by sending on the channel the loop blocks on).
pub fn deliver_to(events: Sender<Delivery>, wake: impl Fn() + Send + Sync + 'static) -> Deliver {
    Arc::new(move |delivery| {
        let sent = events.send(delivery).is_ok();
        if sent {
            wake();
        }
        sent
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap()
    }

    #[test]
    fn the_answer_or_its_absence_reaches_the_waiting_request() {
        let rt = runtime();
        let long = Duration::from_secs(60);
        let (ack, waited) = Ack::new();
        ack.saved();
        assert_eq!(rt.block_on(waited.wait(long)), Outcome::Kept(Kept::Saved));
        let (ack, waited) = Ack::new();
        ack.answer(Kept::NotSaved);
        assert_eq!(
            rt.block_on(waited.wait(long)),
            Outcome::Kept(Kept::NotSaved)
        );
        let (ack, waited) = Ack::new();
        drop(ack);
        assert_eq!(rt.block_on(waited.wait(long)), Outcome::Closed);
        // Nobody answers within the limit: the loop is late.
        let (_ack, waited) = Ack::new();
        assert_eq!(rt.block_on(waited.wait(Duration::ZERO)), Outcome::Late);
    }
}
