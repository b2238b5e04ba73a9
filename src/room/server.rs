//! The room's web server: `tiny_http` on a few threads of its own. It reads
//! only the [`Wall`] the UI publishes and hands submissions and votes to the
//! event loop through a [`Deliver`] callback, so the UI never waits on the
//! network and a slow phone never delays a frame.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::ops::RangeInclusive;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, RwLock, Weak};
use std::thread;
use std::time::{Duration, Instant};

use crate::i18n::room::room_strings;
use crate::text::Lang;

use super::answer::answer;
use super::lan::url_host;
use super::limits::{RateLimiter, VoteBook};
use super::token::Token;
use super::{RoomEvent, Wall};

/// Ports tried in turn when none is asked for.
pub const PORTS: RangeInclusive<u16> = 8080..=8099;

/// Hands one event to the event loop and wakes it; `false` when the loop
/// is gone (the phone is then told the room is closed).
///
/// Called on a server thread: it must not block. [`deliver_to`] makes one
/// from a channel and a waker.
pub type Deliver = Arc<dyn Fn(RoomEvent) -> bool + Send + Sync>;

/// A [`Deliver`] that sends into `events` and then calls `wake`, which
/// should make the event loop look at its channel now rather than at its
/// next tick (for example by sending on the channel the loop blocks on).
pub fn deliver_to(events: Sender<RoomEvent>, wake: impl Fn() + Send + Sync + 'static) -> Deliver {
    Arc::new(move |event| {
        let sent = events.send(event).is_ok();
        if sent {
            wake();
        }
        sent
    })
}

/// How much the room takes from each phone and in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest request body, in bytes (413 beyond).
    pub body_bytes: usize,
    /// Submissions each phone may send a minute (429 beyond); one address
    /// may send four times as many, for phones that share it.
    pub per_minute: usize,
    /// Most submissions waiting in the inbox (503 beyond).
    pub inbox_cap: usize,
    /// Threads answering requests. A phone that sends its request very
    /// slowly holds one of them while it does (`tiny_http` sets no read
    /// timeout), so there are a few to spare.
    pub workers: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            body_bytes: 4096,
            per_minute: 10,
            inbox_cap: 500,
            workers: 8,
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
    server: Option<Arc<tiny_http::Server>>,
    workers: usize,
}

/// What the request threads share.
pub(super) struct Room {
    pub(super) token: Token,
    /// `/r/TOKEN/`.
    pub(super) base: String,
    pub(super) wall: RwLock<Wall>,
    /// Submissions waiting in the inbox, as last told plus those sent since.
    pub(super) waiting: AtomicUsize,
    pub(super) limits: Limits,
    pub(super) phones: Mutex<Phones>,
    pub(super) deliver: Deliver,
    stopping: AtomicBool,
}

pub(super) struct Phones {
    pub(super) rate: RateLimiter,
    pub(super) votes: VoteBook,
}

impl RoomServer {
    /// Opens the room: binds, makes a fresh token and starts the threads.
    /// `wall` is what the page shows until the next [`publish`](Self::publish).
    pub fn start(
        config: &RoomConfig,
        wall: Wall,
        deliver: Deliver,
    ) -> Result<RoomServer, StartError> {
        let listener = bind(config)?;
        let addr = listener.local_addr().map_err(StartError::Io)?;
        let token = Token::random().map_err(StartError::Io)?;
        let base = format!("/r/{}/", token.as_str());
        let url = format!(
            "http://{}{base}",
            SocketAddr::new(url_host(addr.ip()), addr.port())
        );
        let server = tiny_http::Server::from_listener(listener, None)
            .map_err(|e| StartError::Io(io::Error::other(e.to_string())))?;
        let room = Arc::new(Room {
            token,
            base,
            wall: RwLock::new(wall),
            waiting: AtomicUsize::new(0),
            limits: config.limits,
            phones: Mutex::new(Phones {
                rate: RateLimiter::new(config.limits.per_minute, Duration::from_secs(60)),
                votes: VoteBook::default(),
            }),
            deliver,
            stopping: AtomicBool::new(false),
        });
        let workers = config.limits.workers.max(1);
        let mut running = RoomServer {
            addr,
            url,
            room,
            server: Some(Arc::new(server)),
            workers,
        };
        for n in 0..workers {
            let (server, room) = (running.weak_server(), running.room.clone());
            let spawned = thread::Builder::new()
                .name(format!("wethi-room-{n}"))
                .spawn(move || serve(&server, &room));
            if let Err(e) = spawned {
                running.stop();
                return Err(StartError::Io(e));
            }
        }
        Ok(running)
    }

    fn weak_server(&self) -> Weak<tiny_http::Server> {
        self.server.as_ref().map(Arc::downgrade).unwrap_or_default()
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The address phones open, token included: `http://LAN-IP:PORT/r/TOKEN/`.
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn is_running(&self) -> bool {
        self.server.is_some()
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

    /// Closes the port: once this returns, connecting is refused. Requests
    /// already being answered finish on their threads. Waits at most about
    /// two seconds, in practice a few milliseconds.
    pub fn stop(&mut self) {
        let Some(server) = self.server.take() else {
            return;
        };
        // Threads hold the server only while they wait for a request; told
        // to stop and woken, they let go, and the last one to let go
        // closes the listener.
        self.room.stopping.store(true, Ordering::SeqCst);
        for _ in 0..self.workers {
            server.unblock();
        }
        drop(server);
        let probe = match self.addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => {
                SocketAddr::from((Ipv4Addr::LOCALHOST, self.addr.port()))
            }
            IpAddr::V6(ip) if ip.is_unspecified() => {
                SocketAddr::from((Ipv6Addr::LOCALHOST, self.addr.port()))
            }
            _ => self.addr,
        };
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline
            && TcpStream::connect_timeout(&probe, Duration::from_millis(100)).is_ok()
        {
            thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for RoomServer {
    fn drop(&mut self) {
        self.stop();
    }
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

/// A listening socket whose connections send small writes at once.
/// `tiny_http` writes the headers and then the body; with Nagle's
/// algorithm the body waits for the phone's delayed acknowledgement of the
/// headers (40 ms per page on Linux, more on some phones). Accepted
/// connections inherit `TCP_NODELAY` from the listener on Linux and BSD.
fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, None)?;
    // As std does: a port left in TIME_WAIT by a room just closed can be
    // taken again, but never one another program listens on.
    #[cfg(unix)]
    socket.set_reuse_address(true)?;
    socket.set_tcp_nodelay(true)?;
    socket.bind(&addr.into())?;
    socket.listen(128)?;
    Ok(socket.into())
}

fn serve(server: &Weak<tiny_http::Server>, room: &Room) {
    while !room.stopping.load(Ordering::SeqCst) {
        let Some(server) = server.upgrade() else {
            return;
        };
        // `stop` wakes every thread; the timeout is only a fallback.
        let next = server.recv_timeout(Duration::from_secs(1));
        drop(server);
        match next {
            Ok(Some(request)) => answer(room, request),
            Ok(None) => {}
            Err(_) => return,
        }
    }
}
