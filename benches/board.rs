//! Drawing the SWOT board: a full 200×60 frame should cost
//! the same with 10 items as with 10,000, because only the visible items
//! are laid out and wrapping is cached per item and width.
//!
//! `warm` reuses one `WrapCache` and feeds each frame's offsets into the
//! next, as the app does; `cold` starts every frame with an empty cache and
//! no offsets, as the first frame after opening a session.
//!
//! `cold_thai_frame_200x60` is the first frame of a board of long Thai
//! texts never segmented before.
//!
//! Run: `cargo bench --bench board -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use chrono::DateTime;
use std::sync::LazyLock;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use icu_segmenter::options::LineBreakOptions;
use icu_segmenter::{LineSegmenter, LineSegmenterBorrowed};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use wethi::session::{Quadrant, Swot, SwotItem, parse, template};
use wethi::text::Lang;
use wethi::text::wrap::WrapCache;
use wethi::ui::board::{Board, PaneView, print_board};
use wethi::ui::{Theme, ThemeName};

const AREA: Rect = Rect::new(0, 0, 200, 60);
const FOCUS: Quadrant = Quadrant::Strengths;

/// Real Thai sentences and phrases from the built-in template.
fn sentences() -> Vec<String> {
    let t = template::builtin().expect("the built-in template parses");
    let mut out = Vec::new();
    for s in &t.stages {
        out.push(s.title.th.clone());
        out.push(s.text.th.clone());
    }
    for g in &t.guidance {
        out.push(g.title.th.clone());
        out.push(g.text.th.clone());
        out.extend(g.items.iter().map(|i| i.label.th.clone()));
    }
    out
}

/// `n` items dealt over the four panes in turn; every text is different
/// (as on a real board), so each is its own cache entry.
fn board_of(n: usize) -> Swot {
    let sentences = sentences();
    let at = DateTime::parse_from_rfc3339("2021-01-13T15:00:00+07:00").expect("a timestamp");
    let mut swot = Swot::default();
    for i in 0..n {
        let q = Quadrant::ALL[i % 4];
        let text = format!(
            "{} (กลุ่ม {})",
            sentences[i % sentences.len()],
            i / sentences.len() + 1
        );
        swot.items_mut(q).push(SwotItem {
            id: format!("sw-{i}"),
            text,
            votes: (i % 7) as u32,
            created_at: at,
            updated_at: at,
            group: None,
            extra: Default::default(),
        });
    }
    swot
}

/// The focused pane's last item is selected, so the pane is scrolled to
/// its end.
fn initial_panes(swot: &Swot) -> [PaneView; 4] {
    let mut panes = [PaneView::default(); 4];
    panes[FOCUS.index()].selected = Some(swot.items(FOCUS).len() - 1);
    panes
}

/// One frame as the app draws it: a cleared buffer, the board, and the
/// offsets kept for the next frame.
fn frame(swot: &Swot, cache: &WrapCache, panes: &mut [PaneView; 4], buf: &mut Buffer) {
    buf.reset();
    let layout = Board {
        swot,
        lang: Lang::Th,
        theme: Theme::new(ThemeName::Dark, true),
        focus: Some(FOCUS),
        panes: *panes,
        zoom: false,
        cache,
    }
    .draw(AREA, buf);
    for (pane, offset) in panes.iter_mut().zip(layout.offsets) {
        pane.offset = offset;
    }
    black_box(&layout);
}

fn draw_frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("board_frame_200x60");
    for n in [10, 100, 1_000, 10_000] {
        let swot = board_of(n);

        let cache = WrapCache::new();
        let mut panes = initial_panes(&swot);
        let mut buf = Buffer::empty(AREA);
        group.bench_with_input(BenchmarkId::new("warm", n), &swot, |b, swot| {
            b.iter(|| frame(swot, &cache, &mut panes, &mut buf));
        });

        let mut buf = Buffer::empty(AREA);
        group.bench_with_input(BenchmarkId::new("cold", n), &swot, |b, swot| {
            b.iter(|| {
                let cache = WrapCache::new();
                let mut panes = initial_panes(swot);
                frame(swot, &cache, &mut panes, &mut buf);
            });
        });
    }
    group.finish();
}

fn print_example(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sessions/examples/ubon-2021-01-13.json"
    );
    let bytes = std::fs::read(path).expect("the example is readable");
    let session = parse(std::path::Path::new(path), &bytes)
        .expect("the example parses")
        .session;
    let mut group = c.benchmark_group("print_board_example");
    for width in [100, 200] {
        group.bench_with_input(BenchmarkId::from_parameter(width), &width, |b, &width| {
            b.iter(|| print_board(black_box(&session.swot), Lang::Th, width, Theme::plain()));
        });
    }
    group.finish();
}

/// `n` long items (a stage's text and a guidance point's text run
/// together, a few hundred characters each) numbered with `round`, so that
/// no text of one round was ever segmented before.
fn long_board(n: usize, round: u64) -> Swot {
    let t = template::builtin().expect("the built-in template parses");
    let at = DateTime::parse_from_rfc3339("2021-01-13T15:00:00+07:00").expect("a timestamp");
    let mut swot = Swot::default();
    for i in 0..n {
        let stage = &t.stages[i % t.stages.len()];
        let point = &t.guidance[i % t.guidance.len()];
        swot.items_mut(Quadrant::ALL[i % 4]).push(SwotItem {
            id: format!("sw-{i}"),
            text: format!("{}{} (รอบ {round} ข้อ {i})", stage.text.th, point.text.th),
            votes: 0,
            created_at: at,
            updated_at: at,
            group: None,
            extra: Default::default(),
        });
    }
    swot
}

/// The first frame of a board of never-seen long Thai texts: every visible
/// text goes through the segmenters. `both_models_everywhere` segments the
/// same texts the way it was done before (ICU's dictionary and LSTM models
/// over every text), for the ratio within one run.
fn cold_thai(c: &mut Criterion) {
    let mut group = c.benchmark_group("cold_thai_frame_200x60");
    let mut round = 0;
    group.bench_function("board", |b| {
        b.iter_batched(
            || {
                round += 1;
                long_board(200, round)
            },
            |swot| {
                let cache = WrapCache::new();
                let mut panes = [PaneView::default(); 4];
                let mut buf = Buffer::empty(AREA);
                frame(&swot, &cache, &mut panes, &mut buf);
            },
            BatchSize::SmallInput,
        );
    });
    // The texts a cold frame shows: what fits in the four panes.
    let mut round = 1_000_000;
    group.bench_function("both_models_everywhere", |b| {
        b.iter_batched(
            || {
                round += 1;
                visible_texts(&long_board(200, round))
            },
            |texts| {
                for text in &texts {
                    let lstm: Vec<usize> = LINE_LSTM.segment_str(text).collect();
                    let dictionary: Vec<usize> = LINE_DICTIONARY.segment_str(text).collect();
                    black_box((lstm, dictionary));
                }
            },
            BatchSize::SmallInput,
        );
    });
    group.finish();
}

/// The texts one cold frame lays out (the drawn items of each pane).
fn visible_texts(swot: &Swot) -> Vec<String> {
    let cache = WrapCache::new();
    let mut buf = Buffer::empty(AREA);
    let layout = Board {
        swot,
        lang: Lang::Th,
        theme: Theme::new(ThemeName::Dark, true),
        focus: Some(FOCUS),
        panes: [PaneView::default(); 4],
        zoom: false,
        cache: &cache,
    }
    .draw(AREA, &mut buf);
    layout
        .items
        .iter()
        .map(|(_, q, i)| swot.items(*q)[*i].text.clone())
        .collect()
}

static LINE_DICTIONARY: LazyLock<LineSegmenterBorrowed<'static>> =
    LazyLock::new(|| LineSegmenter::new_dictionary(LineBreakOptions::default()));
static LINE_LSTM: LazyLock<LineSegmenterBorrowed<'static>> =
    LazyLock::new(|| LineSegmenter::new_lstm(LineBreakOptions::default()));

criterion_group!(benches, draw_frames, cold_thai, print_example);
criterion_main!(benches);
