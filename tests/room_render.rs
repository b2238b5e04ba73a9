//! Room mode drawn into a `TestBackend`: the QR overlay (and a camera's
//! view of it decoding back to the address), the inbox, the header.

use chrono::DateTime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use wethi::app::{Action, App, View};
use wethi::room::qr::encode;
use wethi::room::{RoomEvent, Submission};
use wethi::session::{Quadrant, Timestamp, template};
use wethi::text::Lang;
use wethi::ui::{self, SaveState, Status, Theme, UiState};

/// The longest LAN address a room expects, as the server writes it.
const URL: &str = "HTTP://192.168.100.123:8080/R/0123456789ABCDEFGHJKMNPQRS/";

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2021-01-13T09:30:00+07:00").unwrap()
}

fn draw(app: &App, width: u16, height: u16, theme: Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let save = SaveState::Saved;
    let status = Status {
        save: &save,
        now: now(),
        theme,
    };
    let mut state = UiState::default();
    terminal
        .draw(|f| ui::draw(f, app, &status, &mut state))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn open_room(lang: Lang) -> App {
    let mut app = App::new(template::builtin().unwrap(), lang, None);
    app.show_view(View::Swot);
    app.update(Action::OpenRoom, now());
    app.room_opened(URL.to_owned(), encode(URL).ok());
    app
}

/// The buffer as a camera sees it: cells drawn black on white, each
/// half-block character two modules, `scale` pixels a module.
fn photo(buf: &Buffer, scale: usize) -> (usize, usize, Vec<u8>) {
    let area = buf.area;
    let (w, h) = (
        usize::from(area.width) * scale,
        usize::from(area.height) * 2 * scale,
    );
    let mut px = vec![128u8; w * h];
    for y in 0..area.height {
        for x in 0..area.width {
            let cell = &buf[(x, y)];
            let qr_cell = cell.fg == Color::Black && cell.bg == Color::White;
            let (top, bottom) = match cell.symbol() {
                "█" => (true, true),
                "▀" => (true, false),
                "▄" => (false, true),
                _ => (false, false),
            };
            for (half, dark) in [(0, top), (1, bottom)] {
                // Only cells drawn black on white count: anything else is grey.
                let value = match (qr_cell, dark) {
                    (false, _) => 128,
                    (true, true) => 0,
                    (true, false) => 255,
                };
                let y0 = (usize::from(y) * 2 + half) * scale;
                for py in y0..y0 + scale {
                    for px_x in usize::from(x) * scale..(usize::from(x) + 1) * scale {
                        px[py * w + px_x] = value;
                    }
                }
            }
        }
    }
    (w, h, px)
}

#[test]
fn the_overlay_draws_a_qr_code_that_decodes_to_the_url() {
    for theme in [
        Theme::plain(),
        Theme::new(wethi::ui::theme::ThemeName::Dark, true),
    ] {
        // 80×24, the size terminals open at, draws the code one module a
        // column with a narrower quiet zone; 160×50 has room for it twice
        // as big.
        for (width, height) in [(80, 24), (100, 30), (160, 50)] {
            let buf = draw(&open_room(Lang::Th), width, height, theme);
            let (w, h, px) = photo(&buf, 4);
            let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| px[y * w + x]);
            let grids = img.detect_grids();
            assert_eq!(grids.len(), 1, "one code on screen at {width}×{height}");
            assert_eq!(grids[0].decode().unwrap().1, URL);
        }
    }
}

#[test]
fn a_roomy_window_draws_the_code_twice_as_big() {
    let ink_cells = |buf: &Buffer| {
        buf.content()
            .iter()
            .filter(|c| c.symbol() == "█" || c.symbol() == "▀" || c.symbol() == "▄")
            .count()
    };
    let small = draw(&open_room(Lang::En), 80, 24, Theme::plain());
    let big = draw(&open_room(Lang::En), 160, 50, Theme::plain());
    let halves = |buf: &Buffer| {
        buf.content()
            .iter()
            .filter(|c| c.symbol() == "▀" || c.symbol() == "▄")
            .count()
    };
    assert!(halves(&small) > 0, "half blocks at 80×24");
    assert_eq!(halves(&big), 0, "whole blocks only at 160×50");
    assert!(ink_cells(&big) > 2 * ink_cells(&small));
}

#[test]
fn the_overlay_at_80x24_in_thai_and_english() {
    for (lang, name) in [
        (Lang::Th, "qr_overlay_th_80x24"),
        (Lang::En, "qr_overlay_en_80x24"),
    ] {
        insta::assert_snapshot!(name, text(&draw(&open_room(lang), 80, 24, Theme::plain())));
    }
}

#[test]
fn the_overlay_shows_the_url_on_one_line_in_thai_and_english() {
    for (lang, scan, open) in [
        (Lang::Th, "สแกนเพื่อส่งความเห็นจากโทรศัพท์", "ห้องเปิด"),
        (Lang::En, "Scan to send items from your phone", "Room open"),
    ] {
        let screen = text(&draw(&open_room(lang), 80, 24, Theme::plain()));
        assert!(screen.lines().any(|l| l.contains(URL)), "{screen}");
        let squeezed: String = screen.chars().filter(|c| *c != ' ').collect();
        assert!(squeezed.contains(&scan.replace(' ', "")), "{screen}");
        // The header says the room is open and how many wait.
        let header: String = screen.lines().next().unwrap().replace(' ', "");
        assert!(header.contains(&open.replace(' ', "")), "{header}");
    }
}

#[test]
fn a_small_window_asks_to_be_enlarged_instead_of_a_broken_code() {
    // 80×23 is the smallest that fits the code with a quiet zone of 2.
    assert!(text(&draw(&open_room(Lang::En), 80, 23, Theme::plain())).contains('▀'));
    let screen = text(&draw(&open_room(Lang::En), 80, 22, Theme::plain()));
    assert!(screen.contains("Enlarge the window"), "{screen}");
    assert!(!screen.contains('▀'));
}

#[test]
fn the_inbox_lists_quadrant_group_time_and_text() {
    for (lang, threats, waiting, accept) in [
        (Lang::Th, "อุปสรรค", "รอ2", "Enterรับ·"),
        (Lang::En, "Threats", "2waiting", "Enteraccept·"),
    ] {
        let mut app = open_room(lang);
        for (q, t, g) in [
            (Quadrant::Threats, "ภัยแล้ง\u{1b}[2J", "กลุ่ม 2"),
            (Quadrant::Strengths, "ผู้นำเข้มแข็ง", ""),
        ] {
            let s = Submission::new(q, t, g, now()).unwrap();
            app.update(Action::Room(RoomEvent::Submitted(s)), now());
        }
        app.update(Action::Inbox, now());
        let screen = text(&draw(&app, 100, 30, Theme::plain()));
        let squeezed: String = screen.chars().filter(|c| *c != ' ').collect();
        assert!(!screen.contains('\u{1b}'));
        assert!(
            squeezed.contains(&format!("▸{threats}[กลุ่ม2]·09:30·ภัยแล้ง")),
            "{screen}"
        );
        assert!(squeezed.contains("ผู้นำเข้มแข็ง"), "{screen}");
        assert!(
            squeezed.lines().next().unwrap().contains(waiting),
            "{screen}"
        );
        assert!(
            squeezed.lines().last().unwrap().contains(accept),
            "{screen}"
        );
    }
}

#[test]
fn a_photo_waits_in_the_inbox_with_its_caption_group_and_size() {
    for (lang, name, photo) in [(Lang::Th, "th", "ภาพ"), (Lang::En, "en", "photo")] {
        let mut app = open_room(lang);
        let s = Submission::new(Quadrant::Threats, "ภัยแล้ง", "", now()).unwrap();
        app.update(Action::Room(RoomEvent::Submitted(s)), now());
        for (caption, group) in [("ฟลิปชาร์ตกลุ่ม 2\u{1b}[2J", "กลุ่ม 2"), ("", "")]
        {
            let p = wethi::room::inbox::PhotoSubmission::new(
                "rm-1.jpg".into(),
                caption,
                group,
                now(),
                1_258_291,
                (1600, 1200),
            );
            app.update(Action::Room(RoomEvent::Photo(p)), now());
        }
        app.update(Action::Inbox, now());
        app.update(Action::Down, now());
        let screen = text(&draw(&app, 100, 30, Theme::plain()));
        insta::assert_snapshot!(format!("inbox_with_photos_{name}_100x30"), screen);
        let squeezed: String = screen.chars().filter(|c| *c != ' ').collect();
        assert!(!screen.contains('\u{1b}'));
        assert!(
            squeezed.contains(&format!(
                "▸📷{photo}[กลุ่ม2]·09:30·ฟลิปชาร์ตกลุ่ม2␛[2J·1.2MB·1600×1200"
            )),
            "{screen}"
        );
        assert!(squeezed.lines().next().unwrap().contains('3'), "{screen}");
    }
}
