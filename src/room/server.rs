//! The room's web server: `tiny_http` on a few threads of its own. It reads
//! only the [`Wall`] the UI publishes and hands submissions and votes to the
//! event loop through a [`Deliver`] callback, so the UI never waits on the
//! network and a slow phone never delays a frame.

use std::io::{self, Read};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::ops::RangeInclusive;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, RwLock, Weak};
use std::thread;
use std::time::{Duration, Instant};

use tiny_http::{Header, Method, Request, Response};

use crate::i18n::room::{room_strings, with_number};
use crate::text::Lang;

use super::form;
use super::inbox::Submission;
use super::lan::url_host;
use super::limits::{RateLimiter, VoteBook};
use super::page::{self, FormPage, quadrant_from_code};
use super::token::{self, Token};
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
struct Room {
    token: Token,
    base: String,
    wall: RwLock<Wall>,
    waiting: AtomicUsize,
    limits: Limits,
    phones: Mutex<Phones>,
    deliver: Deliver,
    stopping: AtomicBool,
}

struct Phones {
    rate: RateLimiter,
    votes: VoteBook,
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

/// An answer before it becomes a `tiny_http` response.
struct Reply {
    status: u16,
    html: String,
    cookies: Vec<String>,
}

impl Reply {
    fn new(status: u16, html: String) -> Reply {
        Reply {
            status,
            html,
            cookies: Vec::new(),
        }
    }
}

/// Sent with every answer: HTML in UTF-8, never sniffed, never cached,
/// nothing loaded from anywhere, never framed, the token never leaked in a
/// Referer.
const HEADERS: [(&str, &str); 6] = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("X-Content-Type-Options", "nosniff"),
    ("Cache-Control", "no-store"),
    (
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    ),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
];

fn answer(room: &Room, mut request: Request) {
    let reply = route(room, &mut request);
    let mut response = Response::from_data(reply.html.into_bytes()).with_status_code(reply.status);
    let extra = (reply.status == 405).then_some(("Allow", "GET, POST".to_owned()));
    let cookies = reply.cookies.into_iter().map(|c| ("Set-Cookie", c));
    let headers = HEADERS
        .iter()
        .map(|&(k, v)| (k, v.to_owned()))
        .chain(extra)
        .chain(cookies);
    for (name, value) in headers {
        if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    // A phone that went away is no concern of the room.
    let _ = request.respond(response);
}

/// Who is asking: the phone's own cookie when it has one, else its address.
struct Caller {
    ip: String,
    cookie: Option<String>,
}

impl Caller {
    fn of(request: &Request) -> Caller {
        let cookies = header(request, "Cookie").unwrap_or_default();
        Caller {
            ip: request
                .remote_addr()
                .map_or_else(|| "?".to_owned(), |a| a.ip().to_string()),
            cookie: form::cookie(&cookies, "wethi_phone")
                .filter(|id| token::is_phone_id(id))
                .map(str::to_owned),
        }
    }

    fn phone(&self) -> String {
        match &self.cookie {
            Some(id) => format!("{}|{id}", self.ip),
            None => self.ip.clone(),
        }
    }
}

fn header(request: &Request, name: &'static str) -> Option<String> {
    request
        .headers()
        .iter()
        .filter(|h| h.field.equiv(name))
        .map(|h| h.value.as_str().to_owned())
        .reduce(|a, b| format!("{a}; {b}"))
}

fn route(room: &Room, request: &mut Request) -> Reply {
    let wall = room
        .wall
        .read()
        .map(|w| w.clone())
        .unwrap_or_else(|e| e.into_inner().clone());
    let r = room_strings(wall.lang);
    let path = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_owned();
    let Some(rest) = path.strip_prefix("/r/").and_then(|p| {
        let (token, rest) = p.split_once('/').map_or((p, ""), |(t, rest)| (t, rest));
        room.token.matches(token).then_some(rest)
    }) else {
        return Reply::new(403, page::bare_page(wall.lang, r.forbidden));
    };
    let caller = Caller::of(request);
    let method = request.method().clone();
    let mut reply = match (method, rest) {
        (Method::Get, "") => form_page(room, &wall, request, &caller),
        (Method::Post, "add" | "vote") => match read_body(request, room.limits.body_bytes) {
            Err(status) => {
                let message = if status == 413 {
                    r.too_large
                } else {
                    r.problem
                };
                problem(room, &wall, status, message)
            }
            Ok(body) if rest == "add" => add(room, &wall, &body, &caller),
            Ok(body) => vote(room, &wall, &body, &caller),
        },
        (Method::Get | Method::Post, _) => problem(room, &wall, 404, r.not_found),
        _ => problem(room, &wall, 405, r.method_not_allowed),
    };
    if caller.cookie.is_none()
        && let Ok(id) = token::phone_id()
    {
        reply.cookies.push(cookie(room, "wethi_phone", &id, 86_400));
    }
    reply
}

fn cookie(room: &Room, name: &str, value: &str, max_age: u32) -> String {
    format!(
        "{name}={value}; Path={}; Max-Age={max_age}; HttpOnly; SameSite=Lax",
        room.base
    )
}

fn problem(room: &Room, wall: &Wall, status: u16, message: &str) -> Reply {
    let r = room_strings(wall.lang);
    Reply::new(
        status,
        page::message_page(wall, &room.base, r.problem, message, r.back),
    )
}

/// At most `cap` bytes of body; `Err(413)` past it, `Err(400)` when the
/// phone stopped sending halfway.
fn read_body(request: &mut Request, cap: usize) -> Result<Vec<u8>, u16> {
    if request.body_length().is_some_and(|n| n > cap) {
        return Err(413);
    }
    let mut body = Vec::with_capacity(cap.min(4096) + 1);
    request
        .as_reader()
        .take(cap as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|_| 400u16)?;
    if body.len() > cap { Err(413) } else { Ok(body) }
}

fn form_page(room: &Room, wall: &Wall, request: &Request, caller: &Caller) -> Reply {
    let cookies = header(request, "Cookie").unwrap_or_default();
    let group = form::cookie(&cookies, "wethi_group")
        .and_then(|g| super::clean::clean_group(&form::decode(g.as_bytes())));
    let votes_left = wall.voting.on.then(|| {
        room.phones
            .lock()
            .map(|mut p| {
                p.votes
                    .left(&caller.phone(), wall.voting.round, wall.voting.limit)
            })
            .unwrap_or(0)
    });
    let page = FormPage {
        base: &room.base,
        group: group.as_deref(),
        votes_left,
    };
    Reply::new(200, page::form_page(wall, &page))
}

fn add(room: &Room, wall: &Wall, body: &[u8], caller: &Caller) -> Reply {
    let r = room_strings(wall.lang);
    // Distinct keys even for a phone without a cookie, whose phone key is
    // its address.
    let (phone, address) = (
        format!("phone {}", caller.phone()),
        format!("address {}", caller.ip),
    );
    let keys = [(phone.as_str(), 1), (address.as_str(), 4)];
    let allowed = room
        .phones
        .lock()
        .is_ok_and(|mut p| p.rate.allow(&keys, Instant::now()));
    if !allowed {
        return problem(room, wall, 429, r.too_many);
    }
    let field = |name| form::field(body, name).unwrap_or_default();
    let Some(quadrant) = quadrant_from_code(&field("q")) else {
        return problem(room, wall, 400, r.no_quadrant);
    };
    let group = field("group");
    let Some(submission) = Submission::new(quadrant, &field("text"), &group, crate::session::now())
    else {
        return problem(room, wall, 400, r.empty_text);
    };
    let cap = room.limits.inbox_cap;
    let reserved = room
        .waiting
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
            (n < cap).then_some(n + 1)
        })
        .is_ok();
    if !reserved {
        return problem(room, wall, 503, r.inbox_full);
    }
    let group_cookie = match &submission.group {
        Some(g) => cookie(room, "wethi_group", &form::encode(g), 86_400),
        None => cookie(room, "wethi_group", "", 0),
    };
    if !(room.deliver)(RoomEvent::Submitted(submission)) {
        room.waiting.fetch_sub(1, Ordering::SeqCst);
        return problem(room, wall, 503, r.room_closed);
    }
    let mut reply = Reply::new(
        200,
        page::message_page(wall, &room.base, r.sent_title, r.sent_body, r.send_another),
    );
    reply.cookies.push(group_cookie);
    reply
}

fn vote(room: &Room, wall: &Wall, body: &[u8], caller: &Caller) -> Reply {
    let r = room_strings(wall.lang);
    if !wall.voting.on {
        return problem(room, wall, 409, r.voting_closed);
    }
    let id = form::field(body, "item").unwrap_or_default();
    if !wall.items.iter().any(|item| item.id == id) {
        return problem(room, wall, 404, r.unknown_item);
    }
    let (round, limit) = (wall.voting.round, wall.voting.limit);
    let spent = room.phones.lock().ok().and_then(|mut p| {
        // One address gets four phones' worth, so clearing the cookie
        // does not buy endless votes.
        let address = format!("votes@{}", caller.ip);
        if p.votes.left(&address, round, limit.saturating_mul(4)) == 0 {
            return None;
        }
        let left = p.votes.spend(&caller.phone(), round, limit)?;
        p.votes.spend(&address, round, limit.saturating_mul(4));
        Some(left)
    });
    let Some(left) = spent else {
        return problem(room, wall, 429, r.no_votes_left);
    };
    if !(room.deliver)(RoomEvent::Vote { item_id: id }) {
        return problem(room, wall, 503, r.room_closed);
    }
    Reply::new(
        200,
        page::message_page(
            wall,
            &room.base,
            r.vote_counted,
            &with_number(r.votes_left, left as usize),
            r.back,
        ),
    )
}
