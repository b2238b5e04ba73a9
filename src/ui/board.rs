//! The SWOT board: four panes, Strengths top-left, Weaknesses top-right,
//! Opportunities bottom-left, Threats bottom-right.
//!
//! Only the items that can be seen are laid out, and wrapping goes through a
//! cache, so a frame costs the same with 10 items or 10,000.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use crate::i18n::strings;
use crate::session::{Quadrant, Swot, SwotItem};
use crate::text::Lang;
use crate::text::width::str_width;
use crate::text::wrap::WrapCache;

use super::list::{self, ListLook, Row, draw_list};
use super::theme::Theme;

pub use super::list::visible_offset;

/// A pane's selection (from the app) and first visible item (from the last frame).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaneView {
    pub selected: Option<usize>,
    pub offset: usize,
}

/// What a frame of the board showed: each pane's first visible item, to
/// start the next frame from, and where items sit, for mouse clicks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardLayout {
    pub offsets: [usize; 4],
    pub panes: Vec<(Rect, Quadrant)>,
    pub items: Vec<(Rect, Quadrant, usize)>,
}

pub struct Board<'a> {
    pub swot: &'a Swot,
    pub lang: Lang,
    pub theme: Theme,
    /// The focused pane; `None` when printing (`show --board`).
    pub focus: Option<Quadrant>,
    pub panes: [PaneView; 4],
    /// Draw only the focused pane, over the whole area, for the projector.
    pub zoom: bool,
    pub cache: &'a WrapCache,
}

impl Board<'_> {
    pub fn draw(&self, area: Rect, buf: &mut Buffer) -> BoardLayout {
        let mut layout = BoardLayout {
            offsets: self.panes.map(|p| p.offset),
            ..BoardLayout::default()
        };
        if area.is_empty() {
            return layout;
        }
        match (self.zoom, self.focus) {
            (true, Some(q)) => self.draw_pane(q, area, buf, &mut layout),
            _ => {
                for (q, rect) in quadrant_rects(area) {
                    self.draw_pane(q, rect, buf, &mut layout);
                }
            }
        }
        layout
    }

    fn draw_pane(&self, q: Quadrant, area: Rect, buf: &mut Buffer, layout: &mut BoardLayout) {
        let items = self.swot.items(q);
        let focused = self.focus == Some(q);
        let view = self.panes[q.index()];
        let block = self.pane_block(q, items.len(), focused);
        let inner = block.inner(area);
        block.render(area, buf);
        layout.panes.push((area, q));
        if inner.is_empty() {
            return;
        }
        if items.is_empty() {
            let hint = strings(self.lang).empty_pane;
            buf.set_stringn(
                inner.x + 1,
                inner.y,
                hint,
                usize::from(inner.width.saturating_sub(1)),
                self.theme.dim(),
            );
            layout.offsets[q.index()] = 0;
            return;
        }
        let look = ListLook {
            numbered: true,
            badge_width: votes_width(items),
            accent: self.theme.accent(q),
            selected: self.theme.selected(),
            focused,
        };
        let drawn = draw_list(
            items.len(),
            |i| item_row(&items[i]),
            view.selected,
            view.offset,
            &look,
            inner,
            buf,
            self.cache,
        );
        layout.offsets[q.index()] = drawn.offset;
        layout
            .items
            .extend(drawn.rows.iter().map(|(rect, i)| (*rect, q, *i)));
        self.draw_scroll_marks(area, buf, drawn.offset, drawn.hidden_below);
    }

    fn pane_block(&self, q: Quadrant, count: usize, focused: bool) -> Block<'static> {
        let name = strings(self.lang).quadrant(q);
        let key = q.letter().to_ascii_lowercase();
        let title = if focused {
            Span::styled(
                format!("▶ [{key}] {name} ({count}) "),
                self.theme.focused_title(q),
            )
        } else {
            Span::styled(
                format!(" [{key}] {name} ({count}) "),
                self.theme.accent(q).add_modifier(Modifier::BOLD),
            )
        };
        Block::bordered()
            .border_type(if focused {
                BorderType::Thick
            } else {
                BorderType::Plain
            })
            .border_style(self.theme.accent(q))
            .title(Line::from(title))
    }

    /// "▲3" on the top border and "▼5" on the bottom when items are hidden.
    fn draw_scroll_marks(&self, area: Rect, buf: &mut Buffer, above: usize, below: usize) {
        let style = self.theme.dim().add_modifier(Modifier::BOLD);
        for (count, y, arrow) in [
            (above, area.y, '▲'),
            (below, area.bottom().saturating_sub(1), '▼'),
        ] {
            if count == 0 || area.height < 2 {
                continue;
            }
            let mark = format!("{arrow}{count}");
            let w = str_width(&mark) as u16;
            if area.width > w + 3 {
                buf.set_string(area.right() - w - 2, y, &mark, style);
            }
        }
    }
}

/// The four panes' areas: the left column takes half the width (rounded
/// down), the top row half the height (rounded up).
pub fn quadrant_rects(area: Rect) -> [(Quadrant, Rect); 4] {
    let left = area.width / 2;
    let top = area.height.div_ceil(2);
    let (right, bottom) = (area.width - left, area.height - top);
    [
        (Quadrant::Strengths, Rect::new(area.x, area.y, left, top)),
        (
            Quadrant::Weaknesses,
            Rect::new(area.x + left, area.y, right, top),
        ),
        (
            Quadrant::Opportunities,
            Rect::new(area.x, area.y + top, left, bottom),
        ),
        (
            Quadrant::Threats,
            Rect::new(area.x + left, area.y + top, right, bottom),
        ),
    ]
}

fn item_row(item: &SwotItem) -> Row<'_> {
    Row::new(&item.text).with_badge((item.votes > 0).then(|| format!("+{}", item.votes)))
}

/// The badge column fits the largest vote count in the pane.
fn votes_width(items: &[SwotItem]) -> usize {
    let max = items.iter().map(|i| i.votes).max().unwrap_or(0);
    if max > 0 {
        max.to_string().len() + 1
    } else {
        0
    }
}

/// Rows the board needs to show every item of every pane at `width`:
/// what `wethi show --board` prints.
pub fn full_height(swot: &Swot, width: u16, cache: &WrapCache) -> u16 {
    let rects = quadrant_rects(Rect::new(0, 0, width, 4));
    let pane_rows = |q: Quadrant| -> usize {
        let items = swot.items(q);
        if items.is_empty() {
            return 1;
        }
        let look = ListLook {
            numbered: true,
            badge_width: votes_width(items),
            accent: Style::new(),
            selected: Style::new(),
            focused: false,
        };
        let inner_width = rects[q.index()].1.width.saturating_sub(2);
        list::full_height(
            items.len(),
            |i| item_row(&items[i]),
            &look,
            inner_width,
            cache,
        )
    };
    let top = pane_rows(Quadrant::Strengths).max(pane_rows(Quadrant::Weaknesses));
    let bottom = pane_rows(Quadrant::Opportunities).max(pane_rows(Quadrant::Threats));
    // Both rows get the taller row's height so the panes line up, plus borders.
    let row = top.max(bottom) + 2;
    u16::try_from(row * 2).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quadrants_tile_the_area_exactly() {
        for (w, h) in [(1, 1), (7, 5), (60, 20), (201, 61)] {
            let rects = quadrant_rects(Rect::new(0, 0, w, h));
            let area: u32 = rects
                .iter()
                .map(|(_, r)| u32::from(r.width) * u32::from(r.height))
                .sum();
            assert_eq!(area, u32::from(w) * u32::from(h));
        }
    }
}

/// The whole board as lines of exactly `width` columns, tall enough for
/// every item: what `wethi show FILE --board` prints.
pub fn print_board(swot: &Swot, lang: Lang, width: u16, theme: Theme) -> Vec<String> {
    let cache = WrapCache::new();
    let width = width.max(1);
    let height = full_height(swot, width, &cache);
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    let board = Board {
        swot,
        lang,
        theme,
        focus: None,
        panes: [PaneView::default(); 4],
        zoom: false,
        cache: &cache,
    };
    board.draw(area, &mut buf);
    super::print::to_lines(&buf, theme.color)
}
