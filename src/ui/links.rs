//! The link picker: the SWOT items of a strategy's two source quadrants,
//! with their board numbers, each marked linked or not.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::{App, link_candidates};
use crate::i18n::strings;
use crate::session::TowsPair;

use super::layout::centered;
use super::list::{ListLook, Row, draw_list};
use super::{Status, UiState};

pub fn draw(
    app: &App,
    status: &Status,
    (pair, index, cursor): (TowsPair, usize, usize),
    area: Rect,
    buf: &mut Buffer,
    state: &UiState,
) {
    let t = strings(app.lang());
    let Some(strategy) = app.session().strategies.items(pair).get(index) else {
        return;
    };
    let rect = centered(area, 80, 80);
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .style(status.theme.base())
        .title(format!(" {} · {} ", t.links_title, t.tows(pair)))
        .title_bottom(format!(" {} ", t.links_keys));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let candidates = link_candidates(app.session(), pair, index);
    if candidates.is_empty() {
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            t.empty_pane,
            usize::from(inner.width.saturating_sub(1)),
            status.theme.dim(),
        );
        return;
    }
    let row = |k: usize| {
        let (q, i) = candidates[k];
        let item = &app.session().swot.items(q)[i];
        let linked = strategy.links.contains(&item.id);
        let mark = if linked { "☑" } else { "☐" };
        Row::owned(format!("{mark} {}{}  {}", q.letter(), i + 1, item.text))
            .styled(status.theme.accent(q))
    };
    let look = ListLook {
        numbered: false,
        badge_width: 0,
        accent: ratatui::style::Style::new(),
        selected: status.theme.selected(),
        focused: true,
    };
    draw_list(
        candidates.len(),
        row,
        Some(cursor),
        0,
        &look,
        inner,
        buf,
        &state.cache,
    );
}
