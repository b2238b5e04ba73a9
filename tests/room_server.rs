//! The room's server end to end over HTTP, on 127.0.0.1 and a port the
//! system picks: nothing leaves the machine.

#[path = "common/http.rs"]
mod http;

use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Shutdown, TcpStream};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use http::agent;
use scraper::{Html, Selector};
use wethi::room::qr::{Ink, render};
use wethi::room::{
    Delivery, Inbox, InboxFile, Limits, RoomConfig, RoomEvent, RoomLink, RoomServer, Voting, Wall,
    WallItem, deliver_to,
};
use wethi::session::Quadrant;
use wethi::text::Lang;

const PHONE_A: &str = "wethi_phone=00000000000000aa";
const PHONE_B: &str = "wethi_phone=00000000000000bb";

fn config(limits: Limits) -> RoomConfig {
    RoomConfig {
        bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: Some(0),
        limits,
    }
}

fn wall(lang: Lang) -> Wall {
    Wall::titled("เวทีประชาคมบ้านหนองบัว", lang)
}

/// A wall with voting on, `limit` votes a phone, and one item to vote for.
fn voting_wall(limit: u32) -> Wall {
    let mut shown = wall(Lang::En);
    shown.voting = Voting {
        on: true,
        limit,
        round: 0,
    };
    shown.items = vec![WallItem {
        id: "sw-aaa".into(),
        quadrant: Quadrant::Strengths,
        label: "S1".into(),
        text: "Strong volunteers".into(),
    }];
    shown
}

/// A room whose event loop keeps every event at once: each arrives on the
/// receiver before its phone is answered. Once the receiver is dropped,
/// the loop is gone.
fn open(wall: Wall, limits: Limits) -> (RoomServer, Receiver<RoomEvent>) {
    let (tx, deliveries) = mpsc::channel::<Delivery>();
    let (events, rx) = mpsc::channel();
    let server = RoomServer::start(&config(limits), wall, deliver_to(tx, || {})).unwrap();
    thread::spawn(move || {
        for Delivery { event, ack } in deliveries {
            if events.send(event).is_err() {
                return;
            }
            ack.saved();
        }
    });
    (server, rx)
}

struct Answer {
    status: u16,
    body: String,
    headers: Vec<(String, String)>,
}

impl Answer {
    fn header(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

fn answer(mut response: ureq::http::Response<ureq::Body>) -> Answer {
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_owned()))
        .collect();
    let body = response
        .body_mut()
        .with_config()
        .limit(1 << 20)
        .read_to_string()
        .unwrap();
    Answer {
        status,
        body,
        headers,
    }
}

fn get(url: &str, cookie: &str) -> Answer {
    answer(agent().get(url).header("Cookie", cookie).call().unwrap())
}

fn post(url: &str, cookie: &str, fields: &[(&str, &str)]) -> Answer {
    answer(
        agent()
            .post(url)
            .header("Cookie", cookie)
            .send_form(fields.iter().copied())
            .unwrap(),
    )
}

fn add(server: &RoomServer, cookie: &str, q: &str, text: &str) -> Answer {
    post(
        &format!("{}add", server.url()),
        cookie,
        &[("q", q), ("text", text), ("group", "")],
    )
}

/// The room's path, `/R/TOKEN/`.
fn base(server: &RoomServer) -> String {
    let rest = server.url().trim_start_matches("HTTP://");
    rest[rest.find('/').unwrap()..].to_owned()
}

fn next_event(rx: &Receiver<RoomEvent>) -> RoomEvent {
    rx.recv_timeout(Duration::from_secs(10)).unwrap()
}

#[test]
fn the_page_in_thai_and_english_with_safe_headers() {
    let (server, _rx) = open(wall(Lang::Th), Limits::default());
    assert!(server.url().starts_with("HTTP://127.0.0.1:"));
    let th = get(server.url(), "");
    assert_eq!(th.status, 200);
    assert!(th.body.contains("เวทีประชาคมบ้านหนองบัว"));
    assert!(th.body.contains("จุดแข็ง") && th.body.contains("อุปสรรค"));
    assert!(th.body.contains("lang=\"th\""));
    assert_eq!(th.header("content-type"), ["text/html; charset=utf-8"]);
    assert_eq!(th.header("x-content-type-options"), ["nosniff"]);
    assert_eq!(th.header("cache-control"), ["no-store"]);
    assert_eq!(
        th.header("content-security-policy"),
        ["default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"]
    );
    // A phone without a cookie is given one, scoped to the room.
    let set = th.header("set-cookie");
    assert!(
        set.iter()
            .any(|c| c.starts_with("wethi_phone=") && c.contains("HttpOnly"))
    );

    server.publish(wall(Lang::En));
    let en = get(server.url(), PHONE_A);
    assert!(en.body.contains("lang=\"en\""));
    assert!(
        en.body.contains("Strengths") && en.body.contains("Threats") && en.body.contains("Send")
    );
    assert!(en.header("set-cookie").is_empty());
}

#[test]
fn the_form_parses_and_works_without_scripts() {
    let (server, _rx) = open(wall(Lang::Th), Limits::default());
    let html = Html::parse_document(&get(server.url(), PHONE_A).body);
    let base = base(&server);
    let sel = |s: &str| Selector::parse(s).unwrap();
    assert_eq!(html.select(&sel("script")).count(), 0);
    assert!(
        html.select(&sel("[onclick], [onsubmit], link, img, iframe"))
            .next()
            .is_none()
    );
    let forms: Vec<_> = html.select(&sel("form")).collect();
    assert_eq!(forms.len(), 1);
    let form = forms[0];
    assert_eq!(form.value().attr("method"), Some("post"));
    assert_eq!(
        form.value().attr("action"),
        Some(format!("{base}add").as_str())
    );
    let quadrants: Vec<_> = form
        .select(&sel("input[type=radio][name=q]"))
        .filter_map(|i| i.value().attr("value"))
        .collect();
    assert_eq!(quadrants, ["s", "w", "o", "t"]);
    assert_eq!(form.select(&sel("textarea[name=text]")).count(), 1);
    assert_eq!(form.select(&sel("input[type=text][name=group]")).count(), 1);
    assert_eq!(form.select(&sel("button[type=submit]")).count(), 1);
    let viewport = html.select(&sel("meta[name=viewport]")).next().unwrap();
    assert!(
        viewport
            .value()
            .attr("content")
            .unwrap()
            .contains("width=device-width")
    );
}

#[test]
fn a_submission_lands_in_the_inbox_and_the_group_is_remembered() {
    let (server, rx) = open(wall(Lang::Th), Limits::default());
    let sent = post(
        &format!("{}add", server.url()),
        PHONE_A,
        &[
            ("q", "t"),
            ("text", "น้ำท่วม\u{1b}[2J ถนน"),
            ("group", "กลุ่มบ้านเหนือ"),
        ],
    );
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert!(sent.body.contains("ส่งแล้ว"));
    assert!(sent.body.contains(&format!("href=\"{}\"", base(&server))));
    let RoomEvent::Submitted(submission) = next_event(&rx) else {
        panic!("not a submission");
    };
    assert_eq!(submission.quadrant, Quadrant::Threats);
    assert_eq!(submission.text, "น้ำท่วม␛[2J ถนน");
    assert_eq!(submission.group.as_deref(), Some("กลุ่มบ้านเหนือ"));
    let mut inbox = Inbox::default();
    inbox.receive(
        submission,
        wethi::session::now(),
        &mut wethi::session::ids::IdSource::default(),
    );
    assert_eq!(inbox.len(), 1);

    // The phone keeps its group: the next page has it filled in.
    let group = sent
        .header("set-cookie")
        .into_iter()
        .find(|c| c.starts_with("wethi_group="))
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let page = get(server.url(), &format!("{PHONE_A}; {group}"));
    assert!(page.body.contains("value=\"กลุ่มบ้านเหนือ\""));
}

#[test]
fn bad_submissions_are_refused_with_a_reason() {
    let (server, rx) = open(wall(Lang::En), Limits::default());
    let no_text = add(&server, PHONE_A, "s", " \r\n ");
    assert_eq!(no_text.status, 400);
    assert!(no_text.body.contains("Please type something"));
    assert_eq!(add(&server, PHONE_A, "x", "text").status, 400);
    assert!(rx.try_recv().is_err());
}

#[test]
fn missing_or_wrong_token_is_forbidden() {
    let (server, rx) = open(wall(Lang::Th), Limits::default());
    let root = format!("http://{}", server.addr());
    let token = server
        .url()
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let mut wrong = token.clone();
    wrong.replace_range(..1, if token.starts_with('A') { "B" } else { "A" });
    for path in [
        "/".to_owned(),
        "/r/".to_owned(),
        "/r//add".to_owned(),
        format!("/r/{wrong}/"),
        format!("/r/{}/", &token[..21]),
        format!("/r/{token}x/"),
        "/favicon.ico".to_owned(),
        format!("/{token}/"),
    ] {
        let page = get(&format!("{root}{path}"), PHONE_A);
        assert_eq!(page.status, 403, "{path}");
        assert!(
            !page.body.contains("หนองบัว"),
            "{path} shows nothing of the session"
        );
    }
    let posted = post(
        &format!("{root}/r/{wrong}/add"),
        PHONE_A,
        &[("q", "s"), ("text", "x")],
    );
    assert_eq!(posted.status, 403);
    assert!(rx.try_recv().is_err());
    // With the token: unknown paths are 404, other methods 405.
    assert_eq!(
        get(&format!("{}nothing", server.url()), PHONE_A).status,
        404
    );
    assert_eq!(
        get(&format!("{}../../etc/passwd", server.url()), PHONE_A).status,
        404
    );
    let put = answer(agent().put(server.url()).send("x").unwrap());
    assert_eq!(put.status, 405);
    assert_eq!(put.header("allow"), ["GET, POST"]);
}

#[test]
fn an_oversize_body_is_413() {
    let (server, rx) = open(wall(Lang::En), Limits::default());
    let big = "ก".repeat(2000);
    let page = add(&server, PHONE_A, "s", &big);
    assert_eq!(page.status, 413);
    assert!(page.body.contains("too long"));
    assert!(rx.try_recv().is_err());
    // Just under the cap is fine.
    assert_eq!(add(&server, PHONE_A, "s", &"a".repeat(4000)).status, 200);
}

#[test]
fn a_flood_from_one_phone_is_429_and_others_still_get_through() {
    let (server, rx) = open(wall(Lang::En), Limits::default());
    for i in 0..10 {
        assert_eq!(add(&server, PHONE_A, "o", &format!("item {i}")).status, 200);
    }
    let flooded = add(&server, PHONE_A, "o", "one more");
    assert_eq!(flooded.status, 429);
    assert!(flooded.body.contains("wait a minute"));
    assert_eq!(add(&server, PHONE_B, "o", "another phone").status, 200);
    assert_eq!(rx.try_iter().count(), 11);
    // A phone that keeps no cookie is counted by its address, as one phone.
    for i in 0..10 {
        assert_eq!(add(&server, "", "o", &format!("no cookie {i}")).status, 200);
    }
    assert_eq!(add(&server, "", "o", "one more").status, 429);
}

#[test]
fn one_address_may_send_for_four_phones_and_no_more() {
    let limits = Limits {
        per_minute: 2,
        ..Limits::default()
    };
    let (server, _rx) = open(wall(Lang::En), limits);
    for n in 0..4 {
        let phone = format!("wethi_phone=000000000000000{n}");
        for _ in 0..2 {
            assert_eq!(add(&server, &phone, "s", "x").status, 200);
        }
    }
    assert_eq!(
        add(&server, "wethi_phone=00000000000000ff", "s", "x").status,
        429
    );
}

#[test]
fn a_full_inbox_is_503_until_the_facilitator_catches_up() {
    let limits = Limits {
        inbox_cap: 3,
        ..Limits::default()
    };
    let (server, rx) = open(wall(Lang::En), limits);
    for i in 0..3 {
        assert_eq!(add(&server, PHONE_A, "s", &format!("{i}")).status, 200);
    }
    let full = add(&server, PHONE_A, "s", "more");
    assert_eq!(full.status, 503);
    assert!(full.body.contains("inbox is full"));
    // The loop drained its channel and handled two.
    assert_eq!(rx.try_iter().count(), 3);
    server.set_waiting(1);
    assert_eq!(add(&server, PHONE_A, "s", "now").status, 200);
}

#[test]
fn votes_are_capped_per_phone_and_only_for_items_on_the_wall() {
    let mut shown = voting_wall(2);
    let (server, rx) = open(shown.clone(), Limits::default());
    let page = get(server.url(), PHONE_A);
    assert!(page.body.contains("Strong volunteers") && page.body.contains("2 votes left"));
    let url = format!("{}vote", server.url());
    for left in ["1 votes left", "0 votes left"] {
        let voted = post(&url, PHONE_A, &[("item", "sw-aaa")]);
        assert_eq!(voted.status, 200);
        assert!(voted.body.contains(left), "{}", voted.body);
        assert_eq!(
            next_event(&rx),
            RoomEvent::Vote {
                item_id: "sw-aaa".into()
            }
        );
    }
    assert_eq!(post(&url, PHONE_A, &[("item", "sw-aaa")]).status, 429);
    assert_eq!(post(&url, PHONE_B, &[("item", "sw-aaa")]).status, 200);
    assert_eq!(post(&url, PHONE_B, &[("item", "sw-zzz")]).status, 404);
    assert_eq!(rx.try_iter().count(), 1);
    // A new round gives every phone its votes back; voting off refuses.
    shown.voting.round = 1;
    server.publish(shown.clone());
    assert_eq!(post(&url, PHONE_A, &[("item", "sw-aaa")]).status, 200);
    shown.voting.on = false;
    server.publish(shown);
    assert_eq!(post(&url, PHONE_A, &[("item", "sw-aaa")]).status, 409);
    assert!(
        !get(server.url(), PHONE_A)
            .body
            .contains("Strong volunteers")
    );
}

#[test]
fn the_qr_code_decodes_to_the_url_which_serves_the_page() {
    let (server, _rx) = open(wall(Lang::Th), Limits::default());
    let art = render(server.url(), Ink::DarkModules).unwrap();
    let (scale, w, h) = (3, art.width * 3, art.height * 6);
    let mut px = vec![255u8; w * h];
    for (row, line) in art.lines.iter().enumerate() {
        for (col, c) in line.chars().enumerate() {
            for (half, ink) in [(0, "█▀".contains(c)), (1, "█▄".contains(c))] {
                for y in 0..scale {
                    for x in 0..scale {
                        if ink {
                            px[((row * 2 + half) * scale + y) * w + col * scale + x] = 0;
                        }
                    }
                }
            }
        }
    }
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| px[y * w + x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1);
    let decoded = grids[0].decode().unwrap().1;
    assert_eq!(decoded, server.url());
    assert_eq!(get(&decoded, "").status, 200);
}

#[test]
fn after_stop_the_port_is_closed() {
    let (mut server, rx) = open(wall(Lang::Th), Limits::default());
    let addr = server.addr();
    // A phone still connected (keep-alive) does not keep the port open.
    let _idle = TcpStream::connect(addr).unwrap();
    assert_eq!(get(server.url(), PHONE_A).status, 200);
    server.stop();
    assert!(!server.is_running());
    assert!(TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_err());
    drop(server);
    drop(rx);

    // Dropping closes it too, and a room whose loop is gone says so.
    let (server, rx) = open(wall(Lang::En), Limits::default());
    drop(rx);
    let closed = add(&server, PHONE_A, "s", "late");
    assert_eq!(closed.status, 503);
    assert!(closed.body.contains("room is closed"));
    let addr = server.addr();
    drop(server);
    assert!(TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_err());
}

#[test]
fn waiting_submissions_survive_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("เวที.json");
    let (server, rx) = open(wall(Lang::Th), Limits::default());
    let mut file = InboxFile::for_session(&session);
    let mut inbox = file.load().unwrap();
    for text in ["ถนนชำรุด", "มีกองทุนหมู่บ้าน"] {
        assert_eq!(add(&server, PHONE_A, "w", text).status, 200);
        let RoomEvent::Submitted(s) = next_event(&rx) else {
            panic!("not a submission");
        };
        assert!(
            inbox
                .receive(
                    s,
                    wethi::session::now(),
                    &mut wethi::session::ids::IdSource::default()
                )
                .is_none()
        );
        file.save_if_changed(&inbox).unwrap();
    }
    let before = inbox.waiting().to_vec();
    // The process dies: nothing was accepted or rejected.
    drop((server, rx, inbox, file));
    let reopened = InboxFile::for_session(&session).load().unwrap();
    assert_eq!(reopened.waiting(), before.as_slice());
    assert_eq!(reopened.waiting()[1].text, "มีกองทุนหมู่บ้าน");
}

#[test]
fn nothing_sent_over_http_reaches_the_inbox_raw() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};

    let limits = Limits {
        per_minute: 1000,
        ..Limits::default()
    };
    let (server, rx) = open(wall(Lang::Th), limits);
    let url = format!("{}add", server.url());
    let mut runner = TestRunner::new(Config::with_cases(32));
    let any_text = proptest::collection::vec(any::<char>(), 1..40)
        .prop_map(|cs| cs.into_iter().collect::<String>());
    let escapes = "[\\x00-\\x1f\\x7f-\\x9f\u{202e}ก-๛a ]{1,40}";
    let strategy = (
        prop_oneof![any_text, escapes.prop_map(|s| s)],
        "[\\x00-\\x1f\u{202e}ก ]{0,10}",
    );
    runner
        .run(&strategy, |(text, group)| {
            let sent = post(
                &url,
                PHONE_B,
                &[("q", "o"), ("text", &text), ("group", &group)],
            );
            prop_assert!(sent.status == 200 || sent.status == 400, "{}", sent.status);
            if sent.status == 200 {
                let RoomEvent::Submitted(s) = next_event(&rx) else {
                    panic!("not a submission");
                };
                let group = s.group.unwrap_or_default();
                for field in [s.text.as_str(), group.as_str()] {
                    prop_assert!(!field.chars().any(char::is_control), "{field:?}");
                    prop_assert!(!field.contains('\u{202e}'), "{field:?}");
                }
            }
            server.set_waiting(0);
            Ok(())
        })
        .unwrap();
}

/// `raw` sent on a fresh connection to the server.
fn connect(server: &RoomServer, raw: &str) -> TcpStream {
    let mut stream = TcpStream::connect(server.addr()).unwrap();
    stream.write_all(raw.as_bytes()).unwrap();
    stream
}

/// The status and the whole text of the answer the server wrote back, read
/// until its Content-Length or the end (at most ten seconds); `(0, "")`
/// when the server closed without answering.
fn read_answer(stream: &mut TcpStream) -> (u16, String) {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut raw = Vec::new();
    let mut chunk = [0u8; 8192];
    while let Ok(n @ 1..) = stream.read(&mut chunk) {
        raw.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&raw);
        let Some((head, body)) = text.split_once("\r\n\r\n") else {
            continue;
        };
        let length = head
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("content-length: ")
                    .map(str::to_owned)
            })
            .and_then(|n| n.trim().parse::<usize>().ok());
        if length.is_some_and(|n| body.len() >= n) {
            break;
        }
    }
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

/// Whether the server still holds `stream` open: nothing to read, no end.
fn still_open(stream: &TcpStream) -> bool {
    stream.set_nonblocking(true).unwrap();
    let open = matches!(stream.peek(&mut [0u8; 1]), Err(e) if e.kind() == ErrorKind::WouldBlock);
    stream.set_nonblocking(false).unwrap();
    open
}

/// The headers of an item's POST to `base` whose body is `length` bytes.
fn post_head(base: &str, length: usize) -> String {
    format!(
        "POST {base}add HTTP/1.1\r\nHost: x\r\nCookie: {PHONE_B}\r\n\
Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {length}\r\n\r\n"
    )
}

#[test]
fn twenty_stalled_uploads_and_slow_headers_hold_up_no_other_phone() {
    // Deadlines far beyond the test: the stalled phones are still held
    // while the others are answered.
    let limits = Limits {
        header_time: Duration::from_secs(120),
        body_time: Duration::from_secs(120),
        ..Limits::default()
    };
    let (server, rx) = open(voting_wall(3), limits);
    let base = base(&server);
    // 2,000 of 4,000 bytes of an item, then nothing.
    let stalled: Vec<TcpStream> = (0..20)
        .map(|_| {
            let head = post_head(&base, 4000);
            connect(&server, &format!("{head}q=s&text={}", "a".repeat(1991)))
        })
        .collect();
    // Headers that never end.
    let lorises: Vec<TcpStream> = (0..5)
        .map(|_| {
            connect(
                &server,
                &format!("GET {base} HTTP/1.1\r\nHost: x\r\nX-Slow: "),
            )
        })
        .collect();
    // The others' connections queue behind the stalled ones'.
    let page = get(server.url(), PHONE_A);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Strong volunteers"));
    assert_eq!(add(&server, PHONE_A, "o", "ตลาดใหม่").status, 200);
    let voted = post(
        &format!("{}vote", server.url()),
        PHONE_A,
        &[("item", "sw-aaa")],
    );
    assert_eq!(voted.status, 200);
    let events: Vec<RoomEvent> = rx.try_iter().collect();
    assert_eq!(events.len(), 2, "the item and the vote, nothing stalled");
    assert!(matches!(&events[0], RoomEvent::Submitted(s) if s.text == "ตลาดใหม่"));
    assert!(stalled.iter().chain(&lorises).all(still_open));

    // The stalled ones were being read all along: finished, they are answered.
    let mut late = stalled.into_iter().next().unwrap();
    late.write_all(&[b'b'; 2000]).unwrap();
    let (status, _) = read_answer(&mut late);
    assert_eq!(status, 200);
    let RoomEvent::Submitted(s) = next_event(&rx) else {
        panic!("not a submission");
    };
    assert!(s.text.starts_with("aaa"), "{}", s.text);
    let mut slow = lorises.into_iter().next().unwrap();
    slow.write_all(b"1\r\nConnection: close\r\n\r\n").unwrap();
    assert_eq!(read_answer(&mut slow).0, 200);
}

#[test]
fn deadlines_end_stalled_uploads_and_slow_headers() {
    let limits = Limits {
        header_time: Duration::from_millis(200),
        body_time: Duration::from_millis(200),
        ..Limits::default()
    };
    let (server, rx) = open(wall(Lang::En), limits);
    let base = base(&server);
    let mut stalled = connect(&server, &format!("{}q=s&text=half", post_head(&base, 4000)));
    let mut loris = connect(&server, &format!("GET {base} HTTP/1.1\r\nHost: x\r\n"));
    let (status, text) = read_answer(&mut stalled);
    assert_eq!(status, 408);
    assert!(text.contains("took too long"), "{text}");
    // Headers never finished are not answered: the connection just closes.
    assert_eq!(read_answer(&mut loris), (0, String::new()));
    assert!(rx.try_recv().is_err());
}

#[test]
fn a_body_cut_short_is_400_and_nothing_reaches_the_inbox() {
    let (server, rx) = open(wall(Lang::En), Limits::default());
    let base = base(&server);
    let mut cut = connect(
        &server,
        &format!("{}q=s&text=cut+off+he", post_head(&base, 100)),
    );
    cut.shutdown(Shutdown::Write).unwrap();
    let (status, text) = read_answer(&mut cut);
    assert_eq!(status, 400);
    assert!(text.contains("Only part of it arrived"), "{text}");
    // The same with a chunked body whose last chunk never comes.
    let chunked = format!(
        "POST {base}add HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\
Content-Type: application/x-www-form-urlencoded\r\n\r\n10\r\nq=s&text=chunked\r\n"
    );
    let mut cut = connect(&server, &chunked);
    cut.shutdown(Shutdown::Write).unwrap();
    assert_eq!(read_answer(&mut cut).0, 400);
    assert!(rx.try_recv().is_err());
    // Whole, the same item goes through.
    let whole = "q=s&text=cut+off+here";
    let mut sent = connect(
        &server,
        &format!("{}{whole}", post_head(&base, whole.len())),
    );
    assert_eq!(read_answer(&mut sent).0, 200);
    let RoomEvent::Submitted(s) = next_event(&rx) else {
        panic!("not a submission");
    };
    assert_eq!(s.text, "cut off here");
}

#[test]
fn an_item_of_control_characters_only_is_400_with_a_reason() {
    let (server, rx) = open(wall(Lang::Th), Limits::default());
    let refused = add(&server, PHONE_A, "s", "\u{1b}");
    assert_eq!(refused.status, 400);
    assert!(refused.body.contains("อักขระที่มองไม่เห็น"), "{}", refused.body);
    let refused = add(&server, PHONE_A, "s", "\u{1b}\u{7}\u{200b}\r\n\u{202e}");
    assert_eq!(refused.status, 400);
    server.publish(wall(Lang::En));
    let refused = add(&server, PHONE_A, "s", "\u{1b}\u{1b}");
    assert!(refused.body.contains("only characters that do not show"));
    assert!(rx.try_recv().is_err());
    // A group of controls only is no group.
    let sent = post(
        &format!("{}add", server.url()),
        PHONE_A,
        &[("q", "s"), ("text", "ok"), ("group", "\u{1b}")],
    );
    assert_eq!(sent.status, 200);
    let RoomEvent::Submitted(s) = next_event(&rx) else {
        panic!("not a submission");
    };
    assert_eq!(s.group, None);
}

#[test]
fn the_address_typed_in_small_letters_leads_to_the_room() {
    let (server, _rx) = open(wall(Lang::Th), Limits::default());
    assert!(server.url().starts_with("HTTP://127.0.0.1:"));
    assert_eq!(server.url(), server.url().to_ascii_uppercase());
    // Small letters, O for 0, I or L for 1: read off the wall and typed.
    let base = base(&server);
    let token = base.trim_start_matches("/R/").trim_end_matches('/');
    let spelt = token
        .to_ascii_lowercase()
        .replace('0', "o")
        .replace('1', "l");
    let typed = format!("http://{}/r/{spelt}/", server.addr());
    let moved = get(&typed, PHONE_A);
    assert_eq!(moved.status, 303);
    assert_eq!(moved.header("location"), [base.as_str()]);
    // Posting works from any spelling; the page's own links use the room's.
    assert_eq!(add_at(&typed, PHONE_A, "s", "พิมพ์เอง").status, 200);
    assert_eq!(get(server.url(), PHONE_A).status, 200);
}

fn add_at(url: &str, cookie: &str, q: &str, text: &str) -> Answer {
    post(
        &format!("{url}add"),
        cookie,
        &[("q", q), ("text", text), ("group", "")],
    )
}

/// What an open room's link hands the event loop, waited for.
fn next_from(link: &mut RoomLink) -> RoomEvent {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(event) = link.events().pop() {
            return event;
        }
        assert!(Instant::now() < deadline, "no event within 10 s");
        thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn the_phone_hears_sent_only_once_the_inbox_file_holds_its_item() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let file = InboxFile::for_session(&session).path;
    let mut inbox = Inbox::default();
    let mut link = RoomLink::open(
        &session,
        &config(Limits::default()),
        wall(Lang::En),
        &inbox,
        || {},
    )
    .unwrap();
    let url = link.url().to_owned();
    let (answered, answer_rx) = mpsc::channel();
    let phone = {
        let file = file.clone();
        thread::spawn(move || {
            let sent = add_at(&url, PHONE_A, "t", "ภัยแล้ง");
            // What a crash right now would leave.
            let on_disk = std::fs::read_to_string(&file).unwrap_or_default();
            answered.send((sent.status, on_disk)).unwrap();
        })
    };
    let event = next_from(&mut link);
    assert!(answer_rx.try_recv().is_err(), "no answer before it is kept");
    let RoomEvent::Submitted(s) = event else {
        panic!("not a submission");
    };
    inbox.receive(
        s,
        wethi::session::now(),
        &mut wethi::session::ids::IdSource::default(),
    );
    link.sync(&inbox, None, true).unwrap();
    let (status, on_disk) = answer_rx.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(status, 200);
    assert!(on_disk.contains("ภัยแล้ง"), "{on_disk}");
    phone.join().unwrap();

    // The session's file failing does not concern an item that waits in
    // the inbox's file.
    let url = link.url().to_owned();
    let phone = thread::spawn(move || add_at(&url, PHONE_A, "t", "น้ำท่วม").status);
    let RoomEvent::Submitted(s) = next_from(&mut link) else {
        panic!("not a submission");
    };
    inbox.receive(
        s,
        wethi::session::now(),
        &mut wethi::session::ids::IdSource::default(),
    );
    link.sync(&inbox, None, false).unwrap();
    assert_eq!(phone.join().unwrap(), 200);
    // With auto-accept on, the item is kept in the session's file.
    inbox.auto_accept = true;
    let url = link.url().to_owned();
    let phone = thread::spawn(move || add_at(&url, PHONE_A, "t", "ฝนแล้ง").status);
    assert!(matches!(next_from(&mut link), RoomEvent::Submitted(_)));
    link.sync(&inbox, None, false).unwrap();
    assert_eq!(phone.join().unwrap(), 500);
}

#[test]
fn a_phone_is_told_when_its_item_could_not_be_saved() {
    let dir = tempfile::tempdir().unwrap();
    // The inbox's file cannot be written: its folder is a file.
    std::fs::write(dir.path().join("folder"), "").unwrap();
    let session = dir.path().join("folder").join("s.json");
    let mut inbox = Inbox::default();
    let mut link = RoomLink::open(
        &session,
        &config(Limits::default()),
        voting_wall(3),
        &inbox,
        || {},
    )
    .unwrap();
    let url = link.url().to_owned();
    let phone = thread::spawn(move || add_at(&url, PHONE_A, "t", "ภัยแล้ง"));
    let RoomEvent::Submitted(s) = next_from(&mut link) else {
        panic!("not a submission");
    };
    inbox.receive(
        s,
        wethi::session::now(),
        &mut wethi::session::ids::IdSource::default(),
    );
    assert!(link.sync(&inbox, None, true).is_err());
    let refused = phone.join().unwrap();
    assert_eq!(refused.status, 500);
    assert!(
        refused.body.contains("could not be saved"),
        "{}",
        refused.body
    );

    // A vote the session's file could not take: the same.
    let url = format!("{}vote", link.url());
    let phone = thread::spawn(move || post(&url, PHONE_A, &[("item", "sw-aaa")]));
    assert!(matches!(next_from(&mut link), RoomEvent::Vote { .. }));
    let _ = link.sync(&inbox, None, false);
    assert_eq!(phone.join().unwrap().status, 500);
}

// ---------------------------------------------------------------------------
// Photos
// ---------------------------------------------------------------------------

use wethi::photos::sample;

/// A room for the session `s.json` in a fresh folder, taking photos, whose
/// loop keeps every event at once.
fn open_for_photos(limits: Limits) -> (tempfile::TempDir, RoomServer, Receiver<RoomEvent>) {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.json");
    let (tx, deliveries) = mpsc::channel::<Delivery>();
    let (events, rx) = mpsc::channel();
    let server = RoomServer::start_for(
        &config(limits),
        wall(Lang::En),
        deliver_to(tx, || {}),
        Some(&session),
    )
    .unwrap();
    thread::spawn(move || {
        for Delivery { event, ack } in deliveries {
            if events.send(event).is_err() {
                return;
            }
            ack.saved();
        }
    });
    (dir, server, rx)
}

const BOUNDARY: &str = "----wethiTestBoundary7MA4YWxkTrZu0gW";

/// A multipart body of `fields` (name, file name if a file, bytes).
fn multipart(fields: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, file, bytes) in fields {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match file {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\n\
Content-Type: image/jpeg\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn send_photo(server: &RoomServer, cookie: &str, image: &[u8], caption: &str) -> Answer {
    let body = multipart(&[
        ("photo", Some("IMG_0001.jpg"), image),
        ("caption", None, caption.as_bytes()),
        ("group", None, "กลุ่ม 2".as_bytes()),
    ]);
    answer(
        agent()
            .post(&format!("{}photo", server.url()))
            .header("Cookie", cookie)
            .header(
                "Content-Type",
                &format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .send(&body[..])
            .unwrap(),
    )
}

fn images_in(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir.join("s.photos"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn a_photo_from_a_phone_is_kept_upright_without_gps_and_waits_for_the_facilitator() {
    let (dir, server, rx) = open_for_photos(Limits::default());
    let page = Html::parse_document(&get(server.url(), PHONE_A).body);
    let sel = |s: &str| Selector::parse(s).unwrap();
    let form = page
        .select(&sel("form[enctype=\"multipart/form-data\"]"))
        .next()
        .expect("a photo form");
    assert_eq!(
        form.value().attr("action"),
        Some(format!("{}photo", base(&server)).as_str())
    );
    assert_eq!(
        form.select(&sel("input[type=file][name=photo][accept=\"image/*\"]"))
            .count(),
        1
    );
    assert_eq!(page.select(&sel("script")).count(), 0);

    let sent = send_photo(
        &server,
        PHONE_A,
        &sample::phone_jpeg(80, 40, 6),
        " ป้าย\u{1b}[2J ",
    );
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert!(sent.body.contains("Photo sent"), "{}", sent.body);
    assert!(
        sent.header("set-cookie")
            .iter()
            .any(|c| c.starts_with("wethi_group=%E0%B8%81"))
    );
    let RoomEvent::Photo(photo) = next_event(&rx) else {
        panic!("a photo event");
    };
    assert_eq!((photo.width, photo.height), (40, 80), "turned upright");
    assert_eq!(photo.caption, "ป้าย␛[2J");
    assert_eq!(photo.group.as_deref(), Some("กลุ่ม 2"));
    // Its image was on disk before the phone heard "sent".
    let image = dir.path().join("s.photos").join(&photo.file);
    let bytes = std::fs::read(&image).unwrap();
    assert_eq!(photo.bytes, bytes.len() as u64);
    assert!(!sample::contains(&bytes, sample::GPS_MARK));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&image).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn hostile_photos_are_refused_with_a_reason_and_the_room_still_serves() {
    let (dir, server, rx) = open_for_photos(Limits::default());
    let bomb = send_photo(
        &server,
        PHONE_A,
        &sample::png_claiming(100_000, 100_000),
        "",
    );
    assert_eq!(bomb.status, 413, "{}", bomb.body);
    assert!(
        bomb.body
            .contains("too large to open (100000 × 100000 pixels)")
    );
    let gif = send_photo(&server, PHONE_A, b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "");
    assert_eq!(gif.status, 415);
    assert!(
        gif.body.contains("not a JPEG, PNG or WebP image"),
        "{}",
        gif.body
    );
    let damaged = send_photo(&server, PHONE_A, &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0], "");
    assert_eq!(damaged.status, 422, "{}", damaged.body);
    // No photo chosen, or not a form at all.
    let empty = send_photo(&server, PHONE_B, b"", "");
    assert_eq!(empty.status, 400);
    assert!(empty.body.contains("no photo was chosen"), "{}", empty.body);
    let urlencoded = post(
        &format!("{}photo", server.url()),
        PHONE_B,
        &[("photo", "x")],
    );
    assert_eq!(urlencoded.status, 400);
    // Over 15 MB by its Content-Length: refused before the body is sent.
    let head = format!(
        "POST {}photo HTTP/1.1\r\nHost: x\r\nCookie: {PHONE_B}\r\n\
Content-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {}\r\n\r\n",
        base(&server),
        16 * 1024 * 1024
    );
    let mut big = connect(&server, &head);
    let (status, text) = read_answer(&mut big);
    assert_eq!(status, 413, "{text}");
    assert!(text.contains("over 15 MB"), "{text}");
    // Streamed past 15 MB without a declared length: 413 too.
    let mut huge = sample::phone_jpeg(8, 8, 1);
    huge.resize(wethi::photos::MAX_BYTES + 1, 0);
    let over = send_photo(&server, PHONE_B, &huge, "");
    assert_eq!(over.status, 413);
    // Nothing reached the inbox or the folder; the room still serves.
    assert!(rx.try_recv().is_err());
    assert!(images_in(dir.path()).is_empty());
    assert_eq!(get(server.url(), PHONE_A).status, 200);
    assert_eq!(add(&server, PHONE_A, "s", "ยังรับอยู่").status, 200);
    assert!(matches!(next_event(&rx), RoomEvent::Submitted(_)));
}

#[test]
fn photos_are_limited_per_phone_and_in_what_waits() {
    let limits = Limits {
        photos_per_minute: 1,
        ..Limits::default()
    };
    let (_dir, server, rx) = open_for_photos(limits);
    let image = sample::phone_jpeg(8, 8, 1);
    assert_eq!(send_photo(&server, PHONE_A, &image, "").status, 200);
    assert!(matches!(next_event(&rx), RoomEvent::Photo(_)));
    let again = send_photo(&server, PHONE_A, &image, "");
    assert_eq!(again.status, 429);
    assert!(again.body.contains("too many photos"), "{}", again.body);
    // Another phone may; until what waits is full.
    server.set_waiting_photo_bytes(Limits::default().photos_waiting);
    let full = send_photo(&server, PHONE_B, &image, "");
    assert_eq!(full.status, 503);
    assert!(full.body.contains("already waiting"), "{}", full.body);
    server.set_waiting_photo_bytes(0);
    assert_eq!(send_photo(&server, PHONE_B, &image, "").status, 200);
}

#[test]
fn a_room_without_a_session_takes_no_photos() {
    let (server, _rx) = open(wall(Lang::En), Limits::default());
    assert!(!get(server.url(), PHONE_A).body.contains("multipart"));
    let sent = send_photo(&server, PHONE_A, &sample::phone_jpeg(8, 8, 1), "");
    assert_eq!(sent.status, 404);
}
