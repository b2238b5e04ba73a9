//! Answering one request: the token, the route, the limits, the page.
//! Runs on the server's threads; the only way out is the room's
//! [`Deliver`](super::Deliver) callback.

use std::io::Read;
use std::sync::atomic::Ordering;
use std::time::Instant;

use tiny_http::{Header, Method, Request, Response};

use crate::i18n::room::{room_strings, with_number};

use super::form;
use super::inbox::Submission;
use super::page::{self, FormPage, quadrant_from_code};
use super::server::Room;
use super::token;
use super::{RoomEvent, Wall};

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

pub(super) fn answer(room: &Room, mut request: Request) {
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
