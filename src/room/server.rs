//! The room's web server: hyper's HTTP/1 on a tokio runtime of one thread
//! of its own (`serve.rs` accepts and serves the connections). Every
//! connection is a task, so a phone that sends slowly or stalls holds a
//! few kilobytes and a place among [`Limits::connections`], never a
//! thread, and the other phones are answered meanwhile. The server reads
//! only the [`Wall`] the UI publishes and hands submissions and votes to
//! the event loop through a [`Deliver`] callback, so the UI never waits on
//! the network.

use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};
use std::thread;
use std::time::Duration;

use tokio::sync::oneshot;

use crate::i18n::room::room_strings;
use crate::text::Lang;

use super::ack::Deliver;
use super::body::BodyLimit;
use super::lan::url_host;
use super::limits::{RateLimiter, VoteBook};
use super::token::Token;
use super::{Wall, serve};

/// Ports tried in turn when none is asked for.
pub const PORTS: RangeInclusive<u16> = 8080..=8099;

/// How much the room takes from each phone and in all, and how long it
/// waits for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest body of an item or a vote, in bytes (413 beyond).
    pub body_bytes: usize,
    /// Submissions each phone may send a minute (429 beyond); one address
    /// may send four times as many, for phones that share it.
    pub per_minute: usize,
    /// Most submissions waiting in the inbox (503 beyond).
    pub inbox_cap: usize,
    /// Connections open at once; past it new ones are closed at once.
    pub connections: usize,
    /// Connections open at once from one address: a hostile phone cannot
    /// take every place alone.
    pub per_address: usize,
    /// A request's headers must arrive within this, and an idle
    /// connection is closed after it.
    pub header_time: Duration,
    /// An item's or a vote's body must arrive within this (408 beyond).
    pub body_time: Duration,
    /// How long a phone waits for the event loop to say its item is on
    /// disk before it is told the laptop did not confirm it.
    pub ack_time: Duration,
    /// No connection, however busy, stays open longer than this.
    pub connection_time: Duration,
    /// A photo's whole form must arrive within this (408 beyond): 15 MB
    /// over a crowded venue's Wi-Fi takes a while.
    pub photo_time: Duration,
    /// Photos each phone may send a minute (429 beyond); one address four
    /// times as many.
    pub photos_per_minute: usize,
    /// Most bytes of photos waiting in the inbox, stored size (503 beyond).
    pub photos_waiting: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            body_bytes: 4096,
            per_minute: 10,
            inbox_cap: 500,
            connections: 512,
            per_address: 64,
            header_time: Duration::from_secs(10),
            body_time: Duration::from_secs(20),
            ack_time: Duration::from_secs(30),
            connection_time: Duration::from_secs(300),
            photo_time: Duration::from_secs(240),
            photos_per_minute: 6,
            photos_waiting: 200 * 1024 * 1024,
        }
    }
}

impl Limits {
    /// The body of an item or a vote.
    pub(super) fn text_body(&self) -> BodyLimit {
        BodyLimit {
            bytes: self.body_bytes,
            time: self.body_time,
        }
    }

    /// The body of the photo form: a photo of at most
    /// [`crate::photos::MAX_BYTES`], its caption, group and the form's
    /// boundaries.
    pub(super) fn photo_body(&self) -> BodyLimit {
        BodyLimit {
            bytes: crate::photos::MAX_BYTES + 64 * 1024,
            time: self.photo_time,
        }
    }
}

/// Where to listen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoomConfig {
    /// Every interface by default, so phones on the room's network reach it.
    pub bind: IpAddr,
    /// `None`: the first free port of [`PORTS`]; `Some(0)`: any free port.
    pub port: Option<u16>,
    pub limits: Limits,
}

impl Default for RoomConfig {
    fn default() -> Self {
        RoomConfig {
            bind: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            port: None,
            limits: Limits::default(),
        }
    }
}

/// Why the room could not open.
#[derive(Debug)]
pub enum StartError {
    Bind(SocketAddr, io::Error),
    NoFreePort(IpAddr),
    Io(io::Error),
}

impl StartError {
    pub fn message(&self, lang: Lang) -> String {
        let r = room_strings(lang);
        match self {
            StartError::Bind(addr, e) => format!("{}: {addr}: {e}", r.cannot_start),
            StartError::NoFreePort(ip) => format!(
                "{}: {} {ip}:{}–{}",
                r.cannot_start,
                r.no_free_port,
                PORTS.start(),
                PORTS.end()
            ),
            StartError::Io(e) => format!("{}: {e}", r.cannot_start),
        }
    }
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for StartError {}

/// A running room. Dropping it stops it.
pub struct RoomServer {
    addr: SocketAddr,
    url: String,
    room: Arc<Room>,
    /// Tells the server's thread to close the port; `None` once stopped.
    stop: Option<oneshot::Sender<()>>,
    /// Told by the server's thread once the port is closed.
    closed: mpsc::Receiver<()>,
}

/// What the server's tasks share.
pub(super) struct Room {
    pub(super) token: Token,
    /// `/R/TOKEN/`.
    pub(super) base: String,
    pub(super) wall: RwLock<Wall>,
    /// Submissions waiting in the inbox, as last told plus those sent since.
    pub(super) waiting: AtomicUsize,
    pub(super) limits: Limits,
    pub(super) phones: Mutex<Phones>,
    pub(super) deliver: Deliver,
    /// The session whose photo folder takes the phones' photos; `None`:
    /// the room takes no photos.
    pub(super) photos_of: Option<PathBuf>,
    /// Bytes of photos waiting in the inbox, as last told plus those sent since.
    pub(super) photo_bytes: AtomicU64,
}

pub(super) struct Phones {
    pub(super) rate: RateLimiter,
    pub(super) votes: VoteBook,
    pub(super) photo_rate: RateLimiter,
}

impl Room {
    /// The wall as last published.
    pub(super) fn wall(&self) -> Wall {
        self.wall
            .read()
            .map(|w| w.clone())
            .unwrap_or_else(|e| e.into_inner().clone())
    }
}

impl RoomServer {
    /// Opens the room: binds, makes a fresh token and starts the server's
    /// thread. `wall` is what the page shows until the next
    /// [`publish`](Self::publish).
    pub fn start(
        config: &RoomConfig,
        wall: Wall,
        deliver: Deliver,
    ) -> Result<RoomServer, StartError> {
        RoomServer::start_for(config, wall, deliver, None)
    }

    /// [`start`](Self::start) for the session at `photos_of`, whose photo
    /// folder takes the photos phones send (`None`: no photos).
    pub fn start_for(
        config: &RoomConfig,
        wall: Wall,
        deliver: Deliver,
        photos_of: Option<&Path>,
    ) -> Result<RoomServer, StartError> {
        let listener = bind(config)?;
        let addr = listener.local_addr().map_err(StartError::Io)?;
        let token = Token::random().map_err(StartError::Io)?;
        let base = format!("/R/{}/", token.as_str());
        let url = room_url(SocketAddr::new(url_host(addr.ip()), addr.port()), &base);
        let room = Arc::new(Room {
            token,
            base,
            wall: RwLock::new(wall),
            waiting: AtomicUsize::new(0),
            limits: config.limits,
            phones: Mutex::new(Phones {
                rate: RateLimiter::new(config.limits.per_minute, Duration::from_secs(60)),
                votes: VoteBook::default(),
                photo_rate: RateLimiter::new(
                    config.limits.photos_per_minute,
                    Duration::from_secs(60),
                ),
            }),
            deliver,
            photos_of: photos_of.map(Path::to_path_buf),
            photo_bytes: AtomicU64::new(0),
        });
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()
            .map_err(StartError::Io)?;
        let listener = {
            let _inside = runtime.enter();
            listener.set_nonblocking(true).map_err(StartError::Io)?;
            tokio::net::TcpListener::from_std(listener).map_err(StartError::Io)?
        };
        let (stop, stopped) = oneshot::channel();
        let (closed_tx, closed) = mpsc::channel();
        let shared = room.clone();
        thread::Builder::new()
            .name("wethi-room".into())
            .spawn(move || {
                runtime.block_on(serve::run(listener, shared, stopped, closed_tx));
            })
            .map_err(StartError::Io)?;
        Ok(RoomServer {
            addr,
            url,
            room,
            stop: Some(stop),
            closed,
        })
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The address phones open, token included:
    /// `HTTP://LAN-IP:PORT/R/TOKEN/`, in capitals (see [`room_url`]).
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn is_running(&self) -> bool {
        self.stop.is_some()
    }

    /// Replaces what the page shows. Cheap: call it after every change
    /// to the session or to voting.
    pub fn publish(&self, wall: Wall) {
        if let Ok(mut shown) = self.room.wall.write() {
            *shown = wall;
        }
    }

    /// Tells the server how many submissions wait in the inbox, so it can
    /// refuse new ones past the cap. Call it after draining the events and
    /// after every accept or reject. Between calls the server counts each
    /// submission it sends; one still in the channel at a call is counted
    /// again only at the next, so the cap can be passed by those few.
    pub fn set_waiting(&self, waiting: usize) {
        self.room.waiting.store(waiting, Ordering::SeqCst);
    }

    /// Tells the server how many bytes of photos wait in the inbox, as
    /// [`set_waiting`](Self::set_waiting) does for their number.
    pub fn set_waiting_photo_bytes(&self, bytes: u64) {
        self.room.photo_bytes.store(bytes, Ordering::SeqCst);
    }

    /// Closes the port: once this returns, connecting is refused. Answers
    /// already under way get a moment to finish on the server's thread,
    /// which then ends. Waits at most about two seconds, in practice well
    /// under a millisecond.
    pub fn stop(&mut self) {
        let Some(stop) = self.stop.take() else {
            return;
        };
        let _ = stop.send(());
        let _ = self.closed.recv_timeout(Duration::from_secs(2));
    }
}

impl Drop for RoomServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The address phones open, all in capitals: `HTTP://192.168.1.20:8080/R/TOKEN/`.
/// Scheme and host are the same in any case, and the path is matched in
/// any case; in capitals the whole address is in the QR code's
/// alphanumeric mode, which makes the code a size smaller (`qr.rs`).
pub fn room_url(addr: SocketAddr, base: &str) -> String {
    format!("http://{addr}{base}").to_ascii_uppercase()
}

fn bind(config: &RoomConfig) -> Result<TcpListener, StartError> {
    match config.port {
        Some(port) => {
            let addr = SocketAddr::new(config.bind, port);
            listen(addr).map_err(|e| StartError::Bind(addr, e))
        }
        None => PORTS
            .clone()
            .find_map(|port| listen(SocketAddr::new(config.bind, port)).ok())
            .ok_or(StartError::NoFreePort(config.bind)),
    }
}

/// A listening socket. As std does on Unix: a port left in TIME_WAIT by a
/// room just closed can be taken again, but never one another program
/// listens on.
fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, None)?;
    #[cfg(unix)]
    socket.set_reuse_address(true)?;
    socket.bind(&addr.into())?;
    socket.listen(128)?;
    Ok(socket.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_is_in_capitals() {
        let addr = SocketAddr::from(([192, 168, 100, 123], 8080));
        assert_eq!(
            room_url(addr, "/R/0123456789ABCDEFGHJKMNPQRS/"),
            "HTTP://192.168.100.123:8080/R/0123456789ABCDEFGHJKMNPQRS/"
        );
        let v6: SocketAddr = "[fe80::1]:8080".parse().unwrap();
        assert_eq!(room_url(v6, "/R/X/"), "HTTP://[FE80::1]:8080/R/X/");
    }
}
