//! Helpers several views share: the two bordered columns of the agenda and
//! guidance, centred overlays, and how a duration is written on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, BorderType, Widget};

use super::Status;
use super::list::ListLook;

/// A bordered column; the focused one gets a thick border and a marker.
pub fn column(title: &str, focused: bool, status: &Status) -> Block<'static> {
    let style = if focused {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    let marker = if focused { "▶" } else { " " };
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(status.theme.base())
        .title(ratatui::text::Span::styled(
            format!("{marker} {title} "),
            style,
        ))
}

/// A [`column`] drawn over `area` titled `title`; returns its inside less
/// a column of margin on each side, where its text goes.
pub fn padded_column(
    title: &str,
    focused: bool,
    status: &Status,
    area: Rect,
    buf: &mut Buffer,
) -> Rect {
    let block = column(title, focused, status);
    let inner = block.inner(area);
    block.render(area, buf);
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

/// How a numbered list looks inside a [`column`].
pub fn column_look(focused: bool, status: &Status) -> ListLook {
    ListLook {
        numbered: true,
        badge_width: 0,
        accent: Style::new(),
        selected: status.theme.selected(),
        focused,
    }
}

/// Splits the body into a left list column and a right detail column.
fn columns(area: Rect) -> (Rect, Rect) {
    let left = (area.width * 2 / 5).clamp(area.width.min(24), 48);
    split_at_column(area, left)
}

/// The agenda's and guidance's two columns: draws the left one's border,
/// titled `title`, and returns its inside and the whole right column.
pub fn two_columns(
    area: Rect,
    title: &str,
    focused: bool,
    status: &Status,
    buf: &mut Buffer,
) -> (Rect, Rect) {
    let (left, right) = columns(area);
    let block = column(title, focused, status);
    let inner = block.inner(left);
    block.render(left, buf);
    (inner, right)
}

/// `area` cut into the `left` columns on the left and the rest.
pub fn split_at_column(area: Rect, left: u16) -> (Rect, Rect) {
    let right = Rect::new(area.x + left, area.y, area.width - left, area.height);
    (Rect::new(area.x, area.y, left, area.height), right)
}

/// `area` cut into the `top` rows on top and the rest.
pub fn split_at_row(area: Rect, top: u16) -> (Rect, Rect) {
    let below = Rect::new(area.x, area.y + top, area.width, area.height - top);
    (Rect::new(area.x, area.y, area.width, top), below)
}

/// A rectangle of `percent_w` × `percent_h` of `area`, centred.
pub fn centered(area: Rect, percent_w: u16, percent_h: u16) -> Rect {
    let w = (u32::from(area.width) * u32::from(percent_w) / 100) as u16;
    let h = (u32::from(area.height) * u32::from(percent_h) / 100) as u16;
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w.max(1).min(area.width),
        height: h.max(1).min(area.height),
    }
}

/// A `width` × `height` rectangle centred in `area`, which holds it.
pub fn centered_size(area: Rect, width: u16, height: u16) -> Rect {
    Rect {
        x: area.x + area.width.saturating_sub(width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width,
        height,
    }
}

/// A duration as a clock: "04:05", or "1:02:03" from an hour on.
pub fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_shows_hours_only_when_there_are_some() {
        assert_eq!(clock(0), "00:00");
        assert_eq!(clock(245), "04:05");
        assert_eq!(clock(3723), "1:02:03");
    }

    #[test]
    fn centred_rectangles_stay_inside_their_area() {
        let area = Rect::new(3, 2, 21, 11);
        assert_eq!(centered_size(area, 11, 5), Rect::new(8, 5, 11, 5));
        assert_eq!(centered_size(area, 21, 11), area);
        let r = centered(area, 50, 50);
        assert_eq!(area.intersection(r), r);
    }

    #[test]
    fn splits_cover_the_area_exactly() {
        let area = Rect::new(2, 1, 30, 10);
        let (l, r) = split_at_column(area, 12);
        assert_eq!((l.width + r.width, r.x), (30, 14));
        let (t, b) = split_at_row(area, 4);
        assert_eq!((t.height + b.height, b.y), (10, 5));
        let (l, r) = columns(area);
        assert_eq!((l.width, r.width), (24, 6));
    }
}
