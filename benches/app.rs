//! The facilitator's budgets (README: Performance): a keystroke in the text box
//! (key, update, redraw and terminal output) at 12 and 10,000 items, saving
//! a session of 1,000 items, and `list` over 1,000 session files.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::io;

use ratatui::layout::Size;

use wethi::app::{Action, App, View};
use wethi::input::{Key, action_for};
use wethi::session::{Quadrant, Session, SwotItem, template};
use wethi::store;
use wethi::text::Lang;
use wethi::tui::backend::TermBackend;
use wethi::tui::screen::Screen;
use wethi::ui::{self, SaveState, Status, Theme, ThemeName, UiState};

const SENTENCES: [&str; 4] = [
    "คณะกรรมการมีประสบการณ์ทำงานในพื้นที่และมีเครือข่ายผู้นำชุมชนที่เข้มแข็ง",
    "ขาดงบประมาณสนับสนุนการดำเนินงานของศูนย์ประสานงานองค์การชุมชน",
    "นโยบายโคก หนอง นา โมเดล สนับสนุนการมีส่วนร่วมของประชาชน",
    "สถานการณ์โควิด-19 ทำให้จัดเวทีประชาคมได้ยาก",
];

fn session_with(items: usize) -> Session {
    let now = wethi::session::now();
    let mut s = template::instantiate(
        template::builtin().expect("template"),
        "bench",
        now,
        Lang::Th,
    );
    for i in 0..items {
        let q = Quadrant::ALL[i % 4];
        s.swot.items_mut(q).push(SwotItem {
            id: format!("sw-{i}"),
            text: format!("{} ({i})", SENTENCES[i % 4]),
            votes: (i % 7) as u32,
            created_at: now,
            updated_at: now,
            group: None,
            extra: Default::default(),
        });
    }
    s
}

/// One keystroke as the screen handles it: the key mapped to an action,
/// `App::update`, the frame drawn, and the terminal diff written through the
/// real frame loop and backend (into a sink). Iterations alternate between typing a Thai
/// character and erasing it, so every frame differs from the last.
fn keystroke(c: &mut Criterion) {
    for items in [12, 1_000, 10_000] {
        let mut app = App::new(session_with(items), Lang::Th, None);
        app.show_view(View::Swot);
        let now = wethi::session::now();
        app.update(Action::Add, now);
        let backend = TermBackend::with_size(io::sink(), Size::new(200, 60));
        let mut screen = Screen::new(backend).expect("screen");
        let mut state = UiState::default();
        let save = SaveState::Saved;
        let status = Status {
            save: &save,
            now,
            theme: Theme::new(ThemeName::Dark, true),
        };
        let mut typed = false;
        c.bench_function(&format!("keystroke_update_and_draw_{items}_items"), |b| {
            b.iter(|| {
                let key = if typed {
                    Key::Backspace
                } else {
                    Key::Char('ก')
                };
                typed = !typed;
                if let Some(action) = action_for(&app, black_box(key)) {
                    app.update(action, now);
                }
                screen
                    .draw(|buf, kept| ui::frame::draw(buf, kept, &app, &status, &mut state))
                    .expect("draw");
            })
        });
    }
}

/// From opening a 10,000-item session file to its first frame: load and
/// check the file, build the app, draw the first screen through the real
/// backend (into a sink). The process and terminal set-up are not included.
fn startup(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.json");
    store::save_session(&path, &session_with(10_000)).expect("save");
    c.bench_function("start_to_first_frame_10000_items", |b| {
        b.iter(|| {
            let loaded = store::load(black_box(&path)).expect("load");
            let app = App::new(loaded.session, Lang::Th, None);
            let backend = TermBackend::with_size(io::sink(), Size::new(200, 60));
            let mut screen = Screen::new(backend).expect("screen");
            let mut state = UiState::default();
            let save = SaveState::Saved;
            let status = Status {
                save: &save,
                now: wethi::session::now(),
                theme: Theme::new(ThemeName::Dark, true),
            };
            screen
                .draw(|buf, kept| ui::frame::draw(buf, kept, &app, &status, &mut state))
                .expect("draw");
        })
    });
}

fn save(c: &mut Criterion) {
    let session = session_with(1_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.json");
    c.bench_function("save_session_1000_items", |b| {
        b.iter(|| store::save_session(black_box(&path), black_box(&session)).expect("save"))
    });
}

fn list(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = session_with(20);
    for i in 0..1_000 {
        store::save_session(&dir.path().join(format!("s-{i:04}.json")), &session).expect("save");
    }
    c.bench_function("list_1000_session_files", |b| {
        b.iter_batched(
            || (),
            |()| store::list_sessions(dir.path()).expect("list"),
            BatchSize::SmallInput,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = keystroke, startup, save, list
}
criterion_main!(benches);
