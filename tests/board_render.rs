use chrono::DateTime;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use wethi::session::{Quadrant, Swot, SwotItem, template};
use wethi::text::Lang;
use wethi::text::wrap::WrapCache;
use wethi::ui::Theme;
use wethi::ui::board::{Board, PaneView, print_board};
use wethi::ui::print::to_lines;

fn item(n: usize, text: &str, votes: u32) -> SwotItem {
    let t = DateTime::parse_from_rfc3339("2021-01-13T09:00:00+07:00").unwrap();
    SwotItem {
        id: format!("sw-{n}"),
        text: text.into(),
        votes,
        created_at: t,
        updated_at: t,
        group: None,
        extra: Default::default(),
    }
}

#[test]
fn scratch() {
    let s = template::builtin().unwrap();
    let mut swot = Swot::default();
    for (i, st) in s.stages.iter().enumerate() {
        swot.strengths.push(item(i, &st.text.th, i as u32));
    }
    for (i, g) in s.guidance.iter().enumerate() {
        swot.weaknesses.push(item(i, &g.text.th, 0));
    }
    for w in [10u16, 20, 40, 60] {
        for l in print_board(&swot, Lang::Th, w, Theme::plain()) {
            println!("{l}|");
        }
    }
    let cache = WrapCache::new();
    let mut buf = Buffer::empty(Rect::new(0, 0, 60, 16));
    let board = Board {
        swot: &swot,
        lang: Lang::En,
        theme: Theme::plain(),
        focus: Some(Quadrant::Strengths),
        panes: [
            PaneView {
                selected: Some(6),
                offset: 0,
            },
            PaneView::default(),
            PaneView::default(),
            PaneView::default(),
        ],
        zoom: false,
        cache: &cache,
    };
    let l = board.draw(buf.area, &mut buf);
    println!("{l:?}");
    for l in to_lines(&buf, false) {
        println!("{l}|");
    }
}
