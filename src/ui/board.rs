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
use crate::text::sanitize::for_display;
use crate::text::width::str_width;
use crate::text::wrap::WrapCache;

use super::theme::Theme;

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
        let geometry = ItemGeometry::new(items, inner.width);
        let height = |i: usize| geometry.height(self.cache, &items[i]);
        let offset = visible_offset(
            view.offset,
            view.selected,
            items.len(),
            usize::from(inner.height),
            height,
        );
        layout.offsets[q.index()] = offset;
        let mut y = inner.y;
        let mut last = offset;
        for (i, item) in items.iter().enumerate().skip(offset) {
            if y >= inner.bottom() {
                break;
            }
            let selected = view.selected == Some(i);
            let style = match (selected, focused) {
                (true, true) => self.theme.selected(),
                (true, false) => Style::new().add_modifier(Modifier::BOLD),
                _ => Style::new(),
            };
            let used = geometry.draw(
                self.cache,
                i,
                item,
                Rect {
                    y,
                    height: inner.bottom() - y,
                    ..inner
                },
                buf,
                style,
                self.theme.accent(q),
            );
            layout.items.push((
                Rect {
                    y,
                    height: used,
                    ..inner
                },
                q,
                i,
            ));
            y += used;
            last = i;
        }
        self.draw_scroll_marks(area, buf, offset, items.len().saturating_sub(last + 1));
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

/// How items are laid out inside one pane: a number column, the wrapped
/// text with a hanging indent, and a votes column when any item has votes.
struct ItemGeometry {
    number_width: usize,
    votes_width: usize,
    text_width: usize,
}

impl ItemGeometry {
    fn new(items: &[SwotItem], pane_width: u16) -> Self {
        let number_width = items.len().to_string().len() + 2;
        let max_votes = items.iter().map(|i| i.votes).max().unwrap_or(0);
        let votes_width = if max_votes > 0 {
            max_votes.to_string().len() + 2
        } else {
            0
        };
        // One column of padding on the left.
        let text_width = usize::from(pane_width)
            .saturating_sub(1 + number_width + votes_width)
            .max(1);
        ItemGeometry {
            number_width,
            votes_width,
            text_width,
        }
    }

    fn height(&self, cache: &WrapCache, item: &SwotItem) -> usize {
        cache
            .lines(&for_display(&item.text), self.text_width)
            .len()
            .max(1)
    }

    /// Draws item `i` from the top of `area`; returns the rows it used.
    #[allow(clippy::too_many_arguments)]
    fn draw(
        &self,
        cache: &WrapCache,
        i: usize,
        item: &SwotItem,
        area: Rect,
        buf: &mut Buffer,
        style: Style,
        accent: Style,
    ) -> u16 {
        let text = for_display(&item.text);
        let lines = cache.lines(&text, self.text_width);
        let rows = lines.len().max(1).min(usize::from(area.height));
        let x_text = area.x + 1 + self.number_width as u16;
        for row in 0..rows {
            let y = area.y + row as u16;
            buf.set_style(Rect::new(area.x, y, area.width, 1), style);
            if let Some(range) = lines.get(row) {
                buf.set_stringn(x_text, y, &text[range.clone()], self.text_width, style);
            }
        }
        let number = format!("{:>w$}. ", i + 1, w = self.number_width - 2);
        buf.set_stringn(
            area.x + 1,
            area.y,
            &number,
            self.number_width,
            style.patch(accent).add_modifier(Modifier::BOLD),
        );
        if item.votes > 0 && self.votes_width > 0 {
            let votes = format!("+{}", item.votes);
            let x = area.right().saturating_sub(votes.len() as u16);
            buf.set_stringn(
                x,
                area.y,
                &votes,
                votes.len(),
                style.add_modifier(Modifier::BOLD),
            );
        }
        rows as u16
    }
}

/// The first item to show so that the selected one is visible, starting from
/// last frame's offset and laying out no more than a screenful of items.
pub fn visible_offset(
    previous: usize,
    selected: Option<usize>,
    len: usize,
    height: usize,
    item_height: impl Fn(usize) -> usize,
) -> usize {
    if len == 0 {
        return 0;
    }
    let mut offset = previous.min(len - 1);
    let Some(selected) = selected.map(|s| s.min(len - 1)) else {
        return offset;
    };
    if selected < offset {
        return selected;
    }
    // The highest first item that still shows all of `selected`, walking up
    // from it: cost bounded by one screen.
    let mut top = selected;
    let mut used = item_height(selected);
    while top > offset {
        let h = item_height(top - 1);
        if used + h > height {
            break;
        }
        used += h;
        top -= 1;
    }
    offset = offset.max(top);
    offset
}

/// Rows the board needs to show every item of every pane at `width`:
/// what `wethi show --board` prints.
pub fn full_height(swot: &Swot, width: u16, cache: &WrapCache) -> u16 {
    let rects = quadrant_rects(Rect::new(0, 0, width, 4));
    let pane_rows = |q: Quadrant, w: u16| -> usize {
        let items = swot.items(q);
        if items.is_empty() {
            return 1;
        }
        let g = ItemGeometry::new(items, w.saturating_sub(2));
        items.iter().map(|i| g.height(cache, i)).sum()
    };
    let w = |q: Quadrant| rects[q.index()].1.width;
    let top = pane_rows(Quadrant::Strengths, w(Quadrant::Strengths))
        .max(pane_rows(Quadrant::Weaknesses, w(Quadrant::Weaknesses)));
    let bottom = pane_rows(Quadrant::Opportunities, w(Quadrant::Opportunities))
        .max(pane_rows(Quadrant::Threats, w(Quadrant::Threats)));
    // Both rows get the taller row's height so the panes line up, plus borders.
    let row = top.max(bottom) + 2;
    u16::try_from(row * 2).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_follows_the_selection_down_and_up() {
        let h = |_| 2;
        // 10 rows show 5 items of height 2.
        assert_eq!(visible_offset(0, Some(4), 100, 10, h), 0);
        assert_eq!(visible_offset(0, Some(5), 100, 10, h), 1);
        assert_eq!(visible_offset(1, Some(5), 100, 10, h), 1);
        assert_eq!(visible_offset(6, Some(3), 100, 10, h), 3);
        assert_eq!(visible_offset(0, Some(99), 100, 10, h), 95);
        assert_eq!(visible_offset(50, None, 10, 10, h), 9);
        assert_eq!(visible_offset(0, Some(0), 0, 10, h), 0);
    }

    #[test]
    fn an_item_taller_than_the_pane_is_shown_from_its_top() {
        assert_eq!(
            visible_offset(0, Some(3), 10, 4, |i| if i == 3 { 9 } else { 1 }),
            3
        );
    }

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
