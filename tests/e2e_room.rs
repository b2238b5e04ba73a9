//! Room mode end to end in a pseudo-terminal: `wethi open FILE --room` on
//! 127.0.0.1, a phone's Thai item posted over HTTP, accepted with `Enter`,
//! found in the saved file; quitting closes the port.
//!
//! Unix only: they drive wethi through a Unix pseudo-terminal.
#![cfg(unix)]

#[path = "e2e/harness.rs"]
mod harness;
#[path = "common/http.rs"]
mod http;

use std::net::TcpStream;
use std::path::PathBuf;
use std::time::Duration;

use harness::{ENTER, Sandbox, read_json, wait_for_file};
use http::agent;

/// The room's address as the overlay shows it, on one line.
fn url_on(screen: &str) -> Option<String> {
    let start = screen.find("HTTP://127.0.0.1:")?;
    let url: String = screen[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '│')
        .collect();
    url.ends_with('/').then_some(url)
}

/// The status and body of a GET.
fn get(url: &str) -> (u16, String) {
    let mut response = agent().get(url).call().unwrap();
    let status = response.status().as_u16();
    (status, response.body_mut().read_to_string().unwrap())
}

fn post_item(url: &str, text: &str, group: &str) -> u16 {
    agent()
        .post(format!("{url}add"))
        .send_form([("q", "t"), ("text", text), ("group", group)])
        .unwrap()
        .status()
        .as_u16()
}

#[test]
fn a_phone_item_reaches_the_inbox_the_board_and_the_file_and_quitting_closes_the_port() {
    let sb = Sandbox::new();
    let path = PathBuf::from(
        sb.run(&["--lang", "en", "new", "--title", "Room", "--no-open"])
            .trim(),
    );
    let file = path.display().to_string();
    let args = [
        "--lang",
        "en",
        "open",
        &file,
        "--room",
        "--bind",
        "127.0.0.1",
        "--port",
        "0",
    ];
    // The size terminals open at: the code fits with the address under it.
    let mut tui = sb.spawn("C.UTF-8", &args, 80, 24);
    let screen = tui.wait_for("the room's address", |s| url_on(s).is_some());
    let url = url_on(&screen).unwrap();
    assert!(
        screen.contains('▀') || screen.contains('▄'),
        "a QR code:\n{screen}"
    );
    let addr = url
        .trim_start_matches("HTTP://")
        .split('/')
        .next()
        .unwrap()
        .to_owned();

    // The address shown serves the page; without the token nothing is served.
    let (status, page) = get(&url);
    assert_eq!(status, 200);
    assert!(page.contains("Room") && page.contains("<form"), "{page}");
    assert_eq!(get(&format!("http://{addr}/")).0, 403);
    assert_eq!(post_item(&url, "ภัยแล้งซ้ำซาก", "กลุ่ม 3"), 200);
    // The phone heard "sent" only once a crash could not lose the item.
    let inbox = path.with_file_name(format!(
        ".{}.inbox",
        path.file_name().unwrap().to_string_lossy()
    ));
    let waiting = std::fs::read_to_string(&inbox).unwrap();
    assert!(waiting.contains("ภัยแล้งซ้ำซาก"), "{waiting}");
    tui.wait_text("1 waiting");
    tui.send("I");
    tui.wait_text("ภัยแล้งซ้ำซาก");
    tui.send(ENTER);
    let item = wait_for_file(&path, "the accepted item", |json| {
        json["swot"]["threats"]
            .as_array()
            .and_then(|items| items.first().cloned())
            .ok_or_else(|| "no threat yet".to_owned())
    });
    assert_eq!(item["text"], "ภัยแล้งซ้ำซาก");
    assert_eq!(item["group"], "กลุ่ม 3");
    tui.wait_text("0 waiting");

    tui.send("q");
    tui.wait_exit();
    assert!(
        TcpStream::connect_timeout(&addr.parse().unwrap(), Duration::from_secs(2)).is_err(),
        "the port is closed after quitting"
    );
    assert_eq!(read_json(&path)["swot"]["threats"][0]["group"], "กลุ่ม 3");
}

#[test]
fn port_and_bind_need_room() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_wethi"))
        .args(["open", "x.json", "--port", "0"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--room"));
}
