//! Answering one request: the token, the route, the limits, the page.
//! Runs as a task of the server's runtime; the only way out is the room's
//! [`Deliver`](super::Deliver) callback, and a submission or vote is
//! answered only once the event loop says it is kept ([`super::ack`]).

use std::net::IpAddr;
use std::sync::atomic::Ordering;
use std::time::Instant;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderMap, HeaderName, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};

use crate::i18n::room::{RoomStrings, room_strings, with_number};

use super::ack::{Ack, Delivery, Kept, Outcome};
use super::body::{BodyError, read_body};
use super::form;
use super::inbox::Submission;
use super::page::{self, FormPage, quadrant_from_code};
use super::server::Room;
use super::token;
use super::{RoomEvent, Wall};

mod photo;

/// What every answer is: a page of HTML, whole.
pub(super) type Answer = Response<Full<Bytes>>;

/// An answer before it becomes a response.
struct Reply {
    status: u16,
    html: String,
    /// `(name, value)` pairs beyond [`HEADERS`].
    headers: Vec<(&'static str, String)>,
}

impl Reply {
    fn new(status: u16, html: String) -> Reply {
        Reply {
            status,
            html,
            headers: Vec::new(),
        }
    }

    fn into_response(self) -> Answer {
        let mut response = Response::new(Full::new(Bytes::from(self.html)));
        *response.status_mut() =
            StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let headers = response.headers_mut();
        let all = HEADERS
            .iter()
            .map(|&(k, v)| (k, v.to_owned()))
            .chain(self.headers);
        for (name, value) in all {
            if let Ok(value) = HeaderValue::from_str(&value) {
                headers.append(HeaderName::from_static(name), value);
            }
        }
        response
    }
}

/// Sent with every answer: HTML in UTF-8, never sniffed, never cached,
/// nothing loaded from anywhere, never framed, the token never leaked in a
/// Referer.
const HEADERS: [(&str, &str); 6] = [
    ("content-type", "text/html; charset=utf-8"),
    ("x-content-type-options", "nosniff"),
    ("cache-control", "no-store"),
    (
        "content-security-policy",
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    ),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
];

pub(super) async fn answer(room: &Room, ip: IpAddr, request: Request<Incoming>) -> Answer {
    route(room, ip, request).await.into_response()
}

/// Who is asking: the phone's own cookie when it has one, else its address.
struct Caller {
    ip: String,
    cookie: Option<String>,
}

impl Caller {
    fn of(headers: &HeaderMap, ip: IpAddr) -> Caller {
        let cookies = cookies(headers);
        Caller {
            ip: ip.to_string(),
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

/// Every `Cookie` header, joined as one.
fn cookies(headers: &HeaderMap) -> String {
    headers
        .get_all(hyper::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The part of `path` after the room's `/R/TOKEN/`, and whether the path
/// was written as the room writes it; `None` without the token.
fn in_room<'p>(room: &Room, path: &'p str) -> Option<(&'p str, bool)> {
    let after = path
        .get(..3)
        .filter(|p| p.eq_ignore_ascii_case("/r/"))
        .map(|_| &path[3..])?;
    let (token, rest) = after.split_once('/').unwrap_or((after, ""));
    room.token
        .matches(token)
        .then(|| (rest, path.starts_with(&room.base)))
}

async fn route(room: &Room, ip: IpAddr, request: Request<Incoming>) -> Reply {
    let wall = room.wall();
    let r = room_strings(wall.lang);
    let (head, body) = request.into_parts();
    let Some((rest, as_written)) = in_room(room, head.uri.path()) else {
        return Reply::new(403, page::bare_page(wall.lang, r.forbidden));
    };
    let caller = Caller::of(&head.headers, ip);
    let mut reply = match (&head.method, rest) {
        // Typed in small letters or with O for 0: the room's own spelling,
        // so its cookies (whose paths are exact) come back.
        (&Method::GET, _) if !as_written => {
            let mut moved = Reply::new(303, String::new());
            moved
                .headers
                .push(("location", format!("{}{rest}", room.base)));
            moved
        }
        (&Method::GET, "") => form_page(room, &wall, &head.headers, &caller),
        (&Method::POST, "photo") => photo::photo(room, &wall, &head.headers, body, &caller).await,
        (&Method::POST, "add" | "vote") => match read_body(body, room.limits.text_body()).await {
            Err(e) => problem(room, &wall, e.status(), body_problem(r, e)),
            Ok(body) if rest == "add" => add(room, &wall, &body, &caller).await,
            Ok(body) => vote(room, &wall, &body, &caller).await,
        },
        (&Method::GET | &Method::POST, _) => problem(room, &wall, 404, r.not_found),
        _ => {
            let mut refused = problem(room, &wall, 405, r.method_not_allowed);
            refused.headers.push(("allow", "GET, POST".to_owned()));
            refused
        }
    };
    if caller.cookie.is_none()
        && let Ok(id) = token::phone_id()
    {
        let phone = cookie(room, "wethi_phone", &id, 86_400);
        reply.headers.push(("set-cookie", phone));
    }
    reply
}

fn body_problem(r: &'static RoomStrings, e: BodyError) -> &'static str {
    match e {
        BodyError::TooLarge => r.too_large,
        BodyError::Cut => r.cut_short,
        BodyError::Slow => r.too_slow,
    }
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

fn form_page(room: &Room, wall: &Wall, headers: &HeaderMap, caller: &Caller) -> Reply {
    let cookies = cookies(headers);
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
        photos: room.photos_of.is_some(),
    };
    Reply::new(200, page::form_page(wall, &page))
}

/// Hands `event` to the event loop and waits, as a parked task, until the
/// loop says it is kept: `Ok` then, else the answer that says why not.
async fn delivered(room: &Room, wall: &Wall, event: RoomEvent) -> Result<(), Reply> {
    let r = room_strings(wall.lang);
    let (ack, awaited) = Ack::new();
    if !(room.deliver)(Delivery { event, ack }) {
        return Err(problem(room, wall, 503, r.room_closed));
    }
    match awaited.wait(room.limits.ack_time).await {
        Outcome::Kept(Kept::Saved) => Ok(()),
        Outcome::Kept(Kept::NotSaved) => Err(problem(room, wall, 500, r.not_saved)),
        Outcome::Closed => Err(problem(room, wall, 503, r.room_closed)),
        Outcome::Late => Err(problem(room, wall, 503, r.not_confirmed)),
    }
}

async fn add(room: &Room, wall: &Wall, body: &[u8], caller: &Caller) -> Reply {
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
    let (text, group) = (field("text"), field("group"));
    let Some(submission) = Submission::new(quadrant, &text, &group, crate::session::now()) else {
        let why = if text.trim().is_empty() {
            r.empty_text
        } else {
            r.invisible_text
        };
        return problem(room, wall, 400, why);
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
    if let Err(refused) = delivered(room, wall, RoomEvent::Submitted(submission)).await {
        room.waiting.fetch_sub(1, Ordering::SeqCst);
        return refused;
    }
    let mut reply = Reply::new(
        200,
        page::message_page(wall, &room.base, r.sent_title, r.sent_body, r.send_another),
    );
    reply.headers.push(("set-cookie", group_cookie));
    reply
}

async fn vote(room: &Room, wall: &Wall, body: &[u8], caller: &Caller) -> Reply {
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
    if let Err(refused) = delivered(room, wall, RoomEvent::Vote { item_id: id }).await {
        return refused;
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
