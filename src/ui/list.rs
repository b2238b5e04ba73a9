//! A vertical list of wrapped entries with a number column, a hanging
//! indent, an optional badge column (votes, time) and a selection that is
//! always visible. Every list on screen is drawn by this one function.
//!
//! Rows come from a closure so that only the visible ones are built.

use std::borrow::Cow;
use std::rc::Rc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::text::width::str_width;
use crate::text::wrap::WrapCache;

/// One entry as shown: its text, what goes in the badge column, and a
/// style that makes it stand out (an overdue action).
pub struct Row<'a> {
    pub text: Cow<'a, str>,
    pub badge: Option<String>,
    pub style: Style,
    /// A short tag after the text, as ` [tag]`, wrapped with it: the
    /// breakout group an entry came from.
    pub tag: Option<(&'a str, Style)>,
}

impl<'a> Row<'a> {
    pub fn new(text: &'a str) -> Self {
        Row {
            text: Cow::Borrowed(text),
            badge: None,
            style: Style::new(),
            tag: None,
        }
    }

    pub fn owned(text: String) -> Row<'static> {
        Row {
            text: Cow::Owned(text),
            badge: None,
            style: Style::new(),
            tag: None,
        }
    }

    pub fn styled(mut self, style: Style) -> Self {
        self.style = style;
        self
    }

    pub fn with_badge(mut self, badge: Option<String>) -> Self {
        self.badge = badge;
        self
    }

    /// Shows `tag` (when there is one and it is not blank) after the text in `style`.
    pub fn with_tag<'b>(self, tag: Option<&'b str>, style: Style) -> Row<'b>
    where
        'a: 'b,
    {
        Row {
            text: self.text,
            badge: self.badge,
            style: self.style,
            tag: tag.filter(|t| !t.trim().is_empty()).map(|t| (t, style)),
        }
    }
}

/// An entry's text as drawn (sanitised, with its tag), and the byte where
/// the tag starts (the length when there is none).
fn shown(cache: &WrapCache, row: &Row) -> (Rc<str>, usize) {
    let text = cache.shown(&row.text);
    match row.tag {
        None => {
            let end = text.len();
            (text, end)
        }
        Some((tag, _)) => {
            let joined = join_tag(&text, &cache.shown(tag.trim()));
            (joined.into(), text.len() + 1)
        }
    }
}

/// How a list looks; the same for every list so they read alike.
#[derive(Clone, Copy)]
pub struct ListLook {
    /// Numbers (1. 2. …) in the first column, else a bullet.
    pub numbered: bool,
    /// Columns kept for badges (0: none).
    pub badge_width: usize,
    /// The number column's style (a pane's colour).
    pub accent: Style,
    /// The selected entry when the list has focus.
    pub selected: Style,
    pub focused: bool,
}

/// What was drawn: the first visible entry, and each visible entry's rows.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Drawn {
    pub offset: usize,
    pub hidden_below: usize,
    pub rows: Vec<(Rect, usize)>,
}

struct Geometry {
    number_width: usize,
    text_width: usize,
}

impl Geometry {
    fn new(len: usize, look: &ListLook, width: u16) -> Self {
        let number_width = if look.numbered {
            len.to_string().len() + 2
        } else {
            2
        };
        // One column of padding on the left, one between text and badge.
        let badge = if look.badge_width > 0 {
            look.badge_width + 1
        } else {
            0
        };
        let text_width = usize::from(width)
            .saturating_sub(1 + number_width + badge)
            .max(1);
        Geometry {
            number_width,
            text_width,
        }
    }
}

/// Sanitised `text` with its sanitised `tag` after it, as every list shows it.
pub(crate) fn join_tag(text: &str, tag: &str) -> String {
    format!("{text} [{}]", unbreakable(tag))
}

/// A tag's names kept whole on a line ("กลุ่ม 1" never splits before its
/// number): no-break spaces inside each name, breaks only after ", ".
fn unbreakable(tag: &str) -> String {
    tag.replace(' ', "\u{a0}").replace(",\u{a0}", ", ")
}

/// Rows an entry takes at this list's width.
fn entry_height(cache: &WrapCache, row: &Row, width: usize) -> usize {
    cache.lines(&shown(cache, row).0, width).len().max(1)
}

/// Total rows all `len` entries need in a list `width` columns wide.
pub fn full_height<'a>(
    len: usize,
    row: impl Fn(usize) -> Row<'a>,
    look: &ListLook,
    width: u16,
    cache: &WrapCache,
) -> usize {
    let g = Geometry::new(len, look, width);
    (0..len)
        .map(|i| entry_height(cache, &row(i), g.text_width))
        .sum()
}

/// The number column's and the text's widths in a list of `len` entries
/// `width` columns wide.
pub fn columns(len: usize, look: &ListLook, width: u16) -> (usize, usize) {
    let g = Geometry::new(len, look, width);
    (g.number_width, g.text_width)
}

/// Rows one entry `row` needs in a list of `len` entries `width` columns
/// wide (the number column grows with `len`).
pub fn one_entry_height(
    len: usize,
    row: &Row,
    look: &ListLook,
    width: u16,
    cache: &WrapCache,
) -> usize {
    entry_height(cache, row, Geometry::new(len, look, width).text_width)
}

#[allow(clippy::too_many_arguments)]
pub fn draw_list<'a>(
    len: usize,
    row: impl Fn(usize) -> Row<'a>,
    selected: Option<usize>,
    previous_offset: usize,
    look: &ListLook,
    area: Rect,
    buf: &mut Buffer,
    cache: &WrapCache,
) -> Drawn {
    if area.is_empty() || len == 0 {
        return Drawn::default();
    }
    let g = Geometry::new(len, look, area.width);
    let offset = visible_offset(
        previous_offset,
        selected,
        len,
        usize::from(area.height),
        |i| entry_height(cache, &row(i), g.text_width),
    );
    let mut drawn = Drawn {
        offset,
        ..Drawn::default()
    };
    let mut y = area.y;
    let mut last = offset;
    for i in offset..len {
        if y >= area.bottom() {
            break;
        }
        let style = match (selected == Some(i), look.focused) {
            (true, true) => look.selected,
            (true, false) => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            _ => Style::new(),
        };
        let rect = Rect {
            y,
            height: area.bottom() - y,
            ..area
        };
        let row = row(i);
        let style = row.style.patch(style);
        let (used, whole) = draw_entry(&g, look, i, &row, rect, buf, cache, style);
        drawn.rows.push((
            Rect {
                height: used,
                ..rect
            },
            i,
        ));
        y += used;
        // A last entry cut off at the bottom still counts as hidden.
        last = if whole { i } else { i.saturating_sub(1) };
    }
    drawn.hidden_below = len - 1 - last.min(len - 1);
    drawn
}

#[allow(clippy::too_many_arguments)]
fn draw_entry(
    g: &Geometry,
    look: &ListLook,
    i: usize,
    row: &Row,
    area: Rect,
    buf: &mut Buffer,
    cache: &WrapCache,
    style: Style,
) -> (u16, bool) {
    let (text, tag_at) = shown(cache, row);
    let lines = cache.lines(&text, g.text_width);
    let rows = lines.len().max(1).min(usize::from(area.height));
    for (r, y) in (area.y..).take(rows).enumerate() {
        buf.set_style(Rect::new(area.x, y, area.width, 1), style);
        if let Some(range) = lines.get(r) {
            // The part of the line before the tag, then the tag in its style.
            let split = tag_at.clamp(range.start, range.end);
            let plain = &text[range.start..split];
            let dx = 1 + g.number_width;
            put(buf, area, dx, y, plain, g.text_width, style);
            if split < range.end {
                let used = str_width(plain);
                let tag_style = row.tag.map_or(style, |(_, s)| style.patch(s));
                let rest = &text[split..range.end];
                let room = g.text_width.saturating_sub(used);
                put(buf, area, dx + used, y, rest, room, tag_style);
            }
        }
    }
    let number = if look.numbered {
        format!("{:>w$}. ", i + 1, w = g.number_width - 2)
    } else {
        "• ".to_owned()
    };
    let number_style = style.patch(look.accent).add_modifier(Modifier::BOLD);
    put(buf, area, 1, area.y, &number, g.number_width, number_style);
    if let Some(badge) = &row.badge {
        // A badge only where it does not cover the number column.
        let w = str_width(badge);
        if w + 1 + g.number_width < usize::from(area.width) {
            put(
                buf,
                area,
                usize::from(area.width) - w,
                area.y,
                badge,
                w,
                style.add_modifier(Modifier::BOLD),
            );
        }
    }
    (rows as u16, rows >= lines.len())
}

/// Writes `text` at column `dx` of `area`, clipped to the area: a narrow
/// pane never spills into its border or its neighbour.
#[allow(clippy::too_many_arguments)]
fn put(buf: &mut Buffer, area: Rect, dx: usize, y: u16, text: &str, width: usize, style: Style) {
    let room = usize::from(area.width).saturating_sub(dx);
    if room == 0 {
        return;
    }
    buf.set_stringn(area.x + dx as u16, y, text, width.min(room), style);
}

/// Wrapped text from the top of `area`, sanitised; returns the rows used.
pub fn draw_wrapped(
    text: &str,
    area: Rect,
    buf: &mut Buffer,
    cache: &WrapCache,
    style: Style,
) -> u16 {
    if area.is_empty() {
        return 0;
    }
    let text = cache.shown(text);
    let lines = cache.lines(&text, usize::from(area.width));
    let mut used = 0;
    for (range, y) in lines.iter().zip(area.y..area.bottom()) {
        buf.set_stringn(
            area.x,
            y,
            &text[range.clone()],
            usize::from(area.width),
            style,
        );
        used += 1;
    }
    used
}

/// The first entry to show so that the selected one is visible, starting from
/// last frame's offset and laying out no more than a screenful of entries.
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
    let offset = previous.min(len - 1);
    let Some(selected) = selected.map(|s| s.min(len - 1)) else {
        return offset;
    };
    if selected < offset {
        return selected;
    }
    // The highest first entry that still shows all of `selected`, walking up
    // from it: the cost is bounded by one screen.
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
    offset.max(top)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_follows_the_selection_down_and_up() {
        let h = |_| 2;
        // 10 rows show 5 entries of height 2.
        assert_eq!(visible_offset(0, Some(4), 100, 10, h), 0);
        assert_eq!(visible_offset(0, Some(5), 100, 10, h), 1);
        assert_eq!(visible_offset(1, Some(5), 100, 10, h), 1);
        assert_eq!(visible_offset(6, Some(3), 100, 10, h), 3);
        assert_eq!(visible_offset(0, Some(99), 100, 10, h), 95);
        assert_eq!(visible_offset(50, None, 10, 10, h), 9);
        assert_eq!(visible_offset(0, Some(0), 0, 10, h), 0);
    }

    #[test]
    fn an_entry_taller_than_the_area_is_shown_from_its_top() {
        assert_eq!(
            visible_offset(0, Some(3), 10, 4, |i| if i == 3 { 9 } else { 1 }),
            3
        );
    }
}
