//! The TOWS matrix: SO top-left, WO top-right, ST bottom-left, WT
//! bottom-right; each strategy shows the SWOT items it links as board numbers.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Target};
use crate::i18n::strings;
use crate::session::{Session, Strategy, TowsPair};

use super::list::Row;
use super::pane::{PaneSpec, PaneView, draw_pane, grid};
use super::{Status, UiState};

/// "S1 · O2": the links as the board numbers the room sees.
pub fn link_numbers(s: &Session, strategy: &Strategy) -> Vec<String> {
    strategy
        .links
        .iter()
        .filter_map(|id| s.board_number(id))
        .collect()
}

pub fn draw(app: &App, status: &Status, area: Rect, buf: &mut Buffer, state: &mut UiState) {
    let t = strings(app.lang());
    for (pair, rect) in TowsPair::ALL.into_iter().zip(grid(area)) {
        let items = app.session().strategies.items(pair);
        let key = (pair.index() + 1).to_string();
        let spec = PaneSpec {
            key: &key,
            name: t.tows(pair),
            accent: status.theme.pair_accent(pair),
            focused: app.strategies().focus == pair,
            empty: t.empty_pane,
            badge_width: 0,
            theme: &status.theme,
        };
        let view = PaneView {
            selected: app.strategies().selected[pair.index()],
            offset: state.strategy_offsets[pair.index()],
        };
        let row = |i: usize| {
            let s = &items[i];
            let links = link_numbers(app.session(), s);
            let links = if links.is_empty() {
                t.no_links.to_owned()
            } else {
                links.join(" · ")
            };
            Row::owned(format!("{}  → {links}", s.text))
                .with_tag(s.group.as_deref(), status.theme.dim())
        };
        let drawn = draw_pane(&spec, items.len(), row, view, rect, buf, &state.cache);
        state.strategy_offsets[pair.index()] = drawn.offset;
        state.add_targets(rect, &drawn, |k| Target::Strategy(pair, k));
    }
}
