//! A titled, bordered pane holding one list: the SWOT quadrants, the TOWS
//! strategies and the action lists are all drawn by `draw_pane`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};

use crate::text::width::str_width;
use crate::text::wrap::WrapCache;

use super::list::{Drawn, ListLook, Row, draw_list};
use super::theme::Theme;

/// A pane's selection (from the app) and first visible entry (from the last frame).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaneView {
    pub selected: Option<usize>,
    pub offset: usize,
}

/// How one pane looks: its key, name and colour.
pub struct PaneSpec<'a> {
    /// The key that focuses it, shown as `[s]`.
    pub key: &'a str,
    pub name: &'a str,
    pub accent: Style,
    pub focused: bool,
    /// Shown when the list is empty.
    pub empty: &'a str,
    /// Columns for badges (votes) in the list, 0 for none.
    pub badge_width: usize,
    pub theme: &'a Theme,
}

pub fn draw_pane<'r>(
    spec: &PaneSpec,
    len: usize,
    row: impl Fn(usize) -> Row<'r>,
    view: PaneView,
    area: Rect,
    buf: &mut Buffer,
    cache: &WrapCache,
) -> Drawn {
    let theme = spec.theme;
    let block = block(spec, len, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return Drawn::default();
    }
    if len == 0 {
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            spec.empty,
            usize::from(inner.width.saturating_sub(1)),
            theme.dim(),
        );
        return Drawn::default();
    }
    let look = ListLook {
        numbered: true,
        badge_width: spec.badge_width,
        accent: spec.accent,
        selected: theme.selected(),
        focused: spec.focused,
    };
    let drawn = draw_list(
        len,
        row,
        view.selected,
        view.offset,
        &look,
        inner,
        buf,
        cache,
    );
    scroll_marks(area, buf, drawn.offset, drawn.hidden_below, theme);
    drawn
}

/// The border: thick with a ▶ marker and a reversed title when focused,
/// so focus shows even without colour.
pub(crate) fn block(spec: &PaneSpec, len: usize, theme: &Theme) -> Block<'static> {
    let key = if spec.key.is_empty() {
        String::new()
    } else {
        format!("[{}] ", spec.key)
    };
    let text = format!("{key}{} ({len}) ", spec.name);
    let title = if spec.focused {
        Span::styled(
            format!("▶ {text}"),
            spec.accent
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        )
    } else {
        Span::styled(format!(" {text}"), spec.accent.add_modifier(Modifier::BOLD))
    };
    Block::bordered()
        .border_type(if spec.focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(spec.accent)
        .style(theme.base())
        .title(Line::from(title))
}

/// "▲3" on the top border and "▼5" on the bottom when entries are hidden.
fn scroll_marks(area: Rect, buf: &mut Buffer, above: usize, below: usize, theme: &Theme) {
    let style = theme.dim().add_modifier(Modifier::BOLD);
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

/// Four equal panes: left column half the width (rounded down), top row
/// half the height (rounded up); in reading order.
pub fn grid(area: Rect) -> [Rect; 4] {
    let left = area.width / 2;
    let top = area.height.div_ceil(2);
    let (right, bottom) = (area.width - left, area.height - top);
    [
        Rect::new(area.x, area.y, left, top),
        Rect::new(area.x + left, area.y, right, top),
        Rect::new(area.x, area.y + top, left, bottom),
        Rect::new(area.x + left, area.y + top, right, bottom),
    ]
}
