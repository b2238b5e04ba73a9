//! The server's thread: accepting connections, each served as a task of
//! its own with deadlines, until the room stops.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::poll_fn;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::mpsc;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::Poll;
use std::time::{Duration, Instant};

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

use super::answer::answer;
use super::server::Room;

/// After the port closes, how long answers under way may take to finish.
const GRACE: Duration = Duration::from_secs(2);

/// A pause after a failed accept (out of file descriptors, say), so the
/// loop does not spin while connections close.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);

/// Accepts and serves until `stop` fires (or its sender is dropped), then
/// closes the port, says so on `closed`, and lets the answers under way
/// finish for at most [`GRACE`].
pub(super) async fn run(
    listener: TcpListener,
    room: Arc<Room>,
    mut stop: oneshot::Receiver<()>,
    closed: mpsc::Sender<()>,
) {
    let slots = Slots::new(room.limits.connections, room.limits.per_address);
    loop {
        let next = poll_fn(|cx| {
            if Pin::new(&mut stop).poll(cx).is_ready() {
                return Poll::Ready(None);
            }
            listener.poll_accept(cx).map(Some)
        })
        .await;
        match next {
            None => break,
            Some(Ok((stream, peer))) => {
                // Past the limits the connection is dropped unanswered:
                // anything more would cost what the limit protects.
                if let Some(slot) = slots.take(peer.ip()) {
                    tokio::spawn(connection(stream, peer.ip(), room.clone(), slot));
                }
            }
            Some(Err(_)) => tokio::time::sleep(ACCEPT_BACKOFF).await,
        }
    }
    drop(listener);
    let _ = closed.send(());
    let deadline = Instant::now() + GRACE;
    while slots.in_use() > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// One phone's connection: HTTP/1 with keep-alive, its headers within
/// [`Limits::header_time`](super::Limits::header_time) (an idle connection
/// is closed after as long), and the whole connection within
/// [`Limits::connection_time`](super::Limits::connection_time). Bodies have
/// their own time, read by the route ([`super::body`]).
async fn connection(stream: TcpStream, ip: IpAddr, room: Arc<Room>, _slot: Slot) {
    // Without it the body of a small answer waits for the phone's delayed
    // acknowledgement of the headers (40 ms on Linux, more on some phones).
    let _ = stream.set_nodelay(true);
    let limits = room.limits;
    let service = service_fn(move |request| {
        let room = room.clone();
        async move { Ok::<_, Infallible>(answer(&room, ip, request).await) }
    });
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_time)
        // A phone that shuts its sending side after a cut-off body still
        // reads the 400 that says so.
        .half_close(true)
        .max_buf_size(64 * 1024);
    let serving = http.serve_connection(TokioIo::new(stream), service);
    let _ = tokio::time::timeout(limits.connection_time, serving).await;
}

/// The connections open, in all and per address.
#[derive(Clone)]
struct Slots(Arc<SlotCount>);

struct SlotCount {
    total: usize,
    per_address: usize,
    open: Mutex<HashMap<IpAddr, usize>>,
}

/// One open connection's place; given back when dropped.
struct Slot {
    slots: Slots,
    ip: IpAddr,
}

impl Slots {
    fn new(total: usize, per_address: usize) -> Slots {
        Slots(Arc::new(SlotCount {
            total,
            per_address,
            open: Mutex::new(HashMap::new()),
        }))
    }

    fn open(&self) -> MutexGuard<'_, HashMap<IpAddr, usize>> {
        self.0.open.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A place for a connection from `ip`, unless all are taken or `ip`
    /// has its share.
    fn take(&self, ip: IpAddr) -> Option<Slot> {
        let mut open = self.open();
        let in_use: usize = open.values().sum();
        let mine = open.get(&ip).copied().unwrap_or(0);
        if in_use >= self.0.total || mine >= self.0.per_address {
            return None;
        }
        open.insert(ip, mine + 1);
        Some(Slot {
            slots: self.clone(),
            ip,
        })
    }

    fn in_use(&self) -> usize {
        self.open().values().sum()
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.slots.open();
        if let Some(n) = open.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_limited_in_all_and_per_address_and_given_back() {
        let slots = Slots::new(3, 2);
        let (a, b) = (IpAddr::from([10, 0, 0, 1]), IpAddr::from([10, 0, 0, 2]));
        let a1 = slots.take(a).unwrap();
        let _a2 = slots.take(a).unwrap();
        assert!(slots.take(a).is_none(), "a has its share");
        let _b1 = slots.take(b).unwrap();
        assert!(slots.take(b).is_none(), "all taken");
        assert_eq!(slots.in_use(), 3);
        drop(a1);
        assert_eq!(slots.in_use(), 2);
        assert!(slots.take(b).is_some());
    }
}
