//! The SWOT board: four panes, Strengths top-left, Weaknesses top-right,
//! Opportunities bottom-left, Threats bottom-right.
//!
//! Only the items that can be seen are laid out, and wrapping goes through a
//! cache, so a frame costs the same with 10 items or 10,000.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::i18n::strings;
use crate::session::{Quadrant, Swot, SwotItem};
use crate::text::Lang;
use crate::text::wrap::WrapCache;

use super::list::{self, ListLook, Row};
use super::pane::{PaneSpec, draw_pane, grid};
use super::theme::Theme;

pub use super::pane::PaneView;

pub use super::list::visible_offset;

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
        let key = q.letter().to_ascii_lowercase().to_string();
        let t = strings(self.lang);
        let spec = PaneSpec {
            key: &key,
            name: t.quadrant(q),
            accent: self.theme.accent(q),
            focused: self.focus == Some(q),
            empty: t.empty_pane,
            badge_width: votes_width(items),
            theme: &self.theme,
        };
        let view = self.panes[q.index()];
        let drawn = draw_pane(
            &spec,
            items.len(),
            |i| item_row(&items[i], self.theme.dim()),
            view,
            area,
            buf,
            self.cache,
        );
        layout.panes.push((area, q));
        layout.offsets[q.index()] = drawn.offset;
        layout
            .items
            .extend(drawn.rows.iter().map(|(rect, i)| (*rect, q, *i)));
    }
}

/// The four panes' areas: the left column takes half the width (rounded
/// down), the top row half the height (rounded up).
pub fn quadrant_rects(area: Rect) -> [(Quadrant, Rect); 4] {
    let [s, w, o, t] = grid(area);
    [
        (Quadrant::Strengths, s),
        (Quadrant::Weaknesses, w),
        (Quadrant::Opportunities, o),
        (Quadrant::Threats, t),
    ]
}

/// An item's text, its breakout group dim after it, and its votes.
pub(crate) fn item_row(item: &SwotItem, dim: Style) -> Row<'_> {
    Row::new(&item.text)
        .with_tag(item.group.as_deref(), dim)
        .with_badge((item.votes > 0).then(|| format!("+{}", item.votes)))
}

/// The badge column fits the largest vote count in the pane.
pub(crate) fn votes_width(items: &[SwotItem]) -> usize {
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
            |i| item_row(&items[i], Style::new()),
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

/// The whole board as lines of exactly `width` columns, tall enough for
/// every item: what `wethi show FILE --board` prints (which streams them
/// with [`super::board_print::write_board`]).
pub fn print_board(swot: &Swot, lang: Lang, width: u16, theme: Theme) -> Vec<String> {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = super::board_print::write_board(swot, lang, width, theme, &mut out);
    String::from_utf8_lossy(&out)
        .lines()
        .map(str::to_owned)
        .collect()
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
