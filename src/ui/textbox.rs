//! The text box on screen: a bordered box, one column of padding on the
//! left, the text wrapped at Thai word boundaries and growing downward, and
//! the position of the terminal cursor. Where rows break and where the
//! cursor goes is `textbox/rows.rs`.

mod rows;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::textbox::TextBox;
use crate::text::sanitize::for_display;
use crate::text::width::truncate_to_width;

use super::Theme;
use rows::{Spot, lay_out};

/// Columns of blank space between the left border and the text.
const PAD_LEFT: u16 = 1;

/// Rows the box needs (borders included) to show `tb` wrapped at `width`
/// columns (the outer width), capped at `max_height`, at least 3.
///
/// A cursor past the end of a full last row counts as one more row, so that
/// a box given this height shows it at the start of a row of its own.
pub fn height(tb: &TextBox, width: u16, max_height: u16) -> u16 {
    let text_width = usize::from(width.saturating_sub(2 + PAD_LEFT));
    let rows = if text_width == 0 {
        1
    } else {
        let laid = lay_out(tb, text_width);
        laid.rows.len() + usize::from(matches!(laid.cursor, Spot::PastEnd { .. }))
    };
    let wanted = u16::try_from(rows.saturating_add(2)).unwrap_or(u16::MAX);
    wanted.min(max_height).max(3)
}

/// Draws a bordered box titled `title` with the text wrapped inside it,
/// scrolled so the cursor's row is visible, and returns where the terminal
/// cursor goes (`None` if the area is too small to hold any text).
pub fn draw(
    tb: &TextBox,
    title: &str,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Option<Position> {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return None;
    }
    let style = theme.base();
    Clear.render(area, buf);
    buf.set_style(area, style);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(style.add_modifier(Modifier::BOLD))
        .title(title_line(title, area.width, theme));
    let inner = block.inner(area);
    block.render(area, buf);

    let text_area = Rect {
        x: inner.x + PAD_LEFT,
        width: inner.width.saturating_sub(PAD_LEFT),
        ..inner
    };
    let shown = paint_rows(tb, text_area, buf, style, true)?;
    draw_scroll_marks(area, buf, shown.above, shown.below, theme);
    Some(shown.cursor)
}

/// What [`paint_rows`] drew: where the cursor goes, and whether rows are
/// hidden above or below.
pub struct Painted {
    pub cursor: Position,
    pub above: bool,
    pub below: bool,
}

/// `tb` wrapped at Thai word boundaries into `area`, with no border or
/// padding. With `follow_cursor` the rows scroll so the cursor's row shows;
/// without it they show from the top. `None` if `area` is empty.
pub fn paint_rows(
    tb: &TextBox,
    area: Rect,
    buf: &mut Buffer,
    style: Style,
    follow_cursor: bool,
) -> Option<Painted> {
    let width = usize::from(area.width);
    let visible = usize::from(area.height);
    if width == 0 || visible == 0 {
        return None;
    }
    let laid = lay_out(tb, width);
    let (row, col) = laid.resolve(visible, width);
    let offset = if follow_cursor {
        (row + 1).saturating_sub(visible)
    } else {
        0
    };
    for (y, shown) in (area.y..area.bottom()).zip(laid.rows.iter().skip(offset)) {
        buf.set_stringn(area.x, y, laid.row_text(shown), width, style);
    }
    let col = u16::try_from(col.min(width - 1)).unwrap_or(0);
    let row = u16::try_from(row.saturating_sub(offset).min(visible - 1)).unwrap_or(0);
    Some(Painted {
        cursor: Position::new(area.x + col, area.y + row),
        above: offset > 0,
        below: laid.rows.len() > offset + visible,
    })
}

/// " title " on the top border, sanitised and cut to leave the corners and a
/// scroll mark free.
fn title_line(title: &str, width: u16, theme: &Theme) -> Line<'static> {
    if title.is_empty() {
        return Line::default();
    }
    let shown = format!(" {} ", for_display(title));
    let fitted = truncate_to_width(&shown, usize::from(width.saturating_sub(4))).to_owned();
    Line::from(Span::styled(
        fitted,
        theme.base().add_modifier(Modifier::BOLD),
    ))
}

/// ▲ on the top border when rows are hidden above, ▼ on the bottom when
/// rows are hidden below.
fn draw_scroll_marks(area: Rect, buf: &mut Buffer, above: bool, below: bool, theme: &Theme) {
    if area.width < 4 || area.height < 2 {
        return;
    }
    let style = theme.dim().add_modifier(Modifier::BOLD);
    let x = area.right() - 2;
    if above {
        buf.set_string(x, area.y, "▲", style);
    }
    if below {
        buf.set_string(x, area.bottom() - 1, "▼", style);
    }
}

#[cfg(test)]
mod tests {
    use super::rows::cells;
    use super::*;
    use crate::app::textbox::TextEdit;
    use crate::text::width::str_width;
    use proptest::prelude::*;

    fn plain() -> Theme {
        Theme::plain()
    }

    /// A row of the buffer as the terminal shows it: cells hidden under a
    /// wide cluster are skipped, as ratatui does when it draws the buffer.
    fn row(buf: &Buffer, y: u16) -> String {
        let mut out = String::new();
        let mut skip = 0;
        for x in buf.area.left()..buf.area.right() {
            let symbol = buf[(x, y)].symbol();
            if skip == 0 {
                out.push_str(symbol);
            }
            skip = skip.max(cells(symbol)).saturating_sub(1);
        }
        out
    }

    fn rows(buf: &Buffer) -> Vec<String> {
        (buf.area.top()..buf.area.bottom())
            .map(|y| row(buf, y))
            .collect()
    }

    /// "┃ text      ┃" for a box of outer width `w`.
    fn boxed(text: &str, w: usize) -> String {
        let pad = w.saturating_sub(3 + str_width(text));
        format!("┃ {text}{}┃", " ".repeat(pad))
    }

    /// The box with the cursor just after `before`, in front of `after`.
    fn with_cursor(before: &str, after: &str) -> TextBox {
        let mut tb = TextBox::new(&format!("{before}{after}"));
        while tb.cursor() > before.len() {
            tb.apply(TextEdit::Left);
        }
        assert_eq!(tb.cursor(), before.len());
        tb
    }

    fn render(tb: &TextBox, w: u16, h: u16) -> (Buffer, Option<Position>) {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        let pos = draw(tb, "เพิ่ม", area, &mut buf, &plain());
        (buf, pos)
    }

    #[test]
    fn cursor_in_the_middle_of_thai() {
        let tb = with_cursor("ประชุม", "เชิงปฏิบัติการ");
        let (buf, pos) = render(&tb, 30, 3);
        assert_eq!(
            rows(&buf),
            [
                format!("┏ เพิ่ม {}┓", "━".repeat(23)),
                boxed("ประชุมเชิงปฏิบัติการ", 30),
                format!("┗{}┛", "━".repeat(28)),
            ]
        );
        // Border, padding, then the five columns of ประชุม.
        assert_eq!(pos, Some(Position::new(2 + 5, 1)));
        assert_eq!(str_width("ประชุม"), 5);
    }

    #[test]
    fn cursor_follows_the_area_origin() {
        let tb = with_cursor("ประชุม", "เชิงปฏิบัติการ");
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 10));
        let pos = draw(&tb, "", Rect::new(4, 6, 30, 3), &mut buf, &plain());
        assert_eq!(pos, Some(Position::new(4 + 2 + 5, 7)));
        assert_eq!(row(&buf, 6), format!("    ┏{}┓      ", "━".repeat(28)));
    }

    #[test]
    fn long_thai_wraps_between_words() {
        let text = "การจัดทำแผนหมู่บ้าน แผนชุมชน แผนตำบล แผนอำเภอ ตามห้วงเวลา";
        let tb = TextBox::new(text);
        // Outer 15 = two borders, one column of padding, 12 of text.
        assert_eq!(height(&tb, 15, 20), 7);
        assert_eq!(height(&tb, 15, 5), 5);
        let (buf, pos) = render(&tb, 15, 7);
        let shown = rows(&buf);
        assert_eq!(
            shown[1..6],
            [
                boxed("การจัดทำแผน", 15),
                boxed("หมู่บ้าน แผน", 15),
                boxed("ชุมชน แผนตำบล", 15),
                boxed("แผนอำเภอ ตาม", 15),
                boxed("ห้วงเวลา", 15),
            ]
        );
        let end = 2 + str_width("ห้วงเวลา") as u16;
        assert_eq!(pos, Some(Position::new(end, 5)));
    }

    #[test]
    fn cursor_at_a_thai_soft_break_starts_the_lower_row() {
        let tb = with_cursor("การจัดทำแผน", "หมู่บ้าน");
        let (buf, pos) = render(&tb, 15, 4);
        assert_eq!(row(&buf, 1), boxed("การจัดทำแผน", 15));
        assert_eq!(row(&buf, 2), boxed("หมู่บ้าน", 15));
        assert_eq!(pos, Some(Position::new(2, 2)));
    }

    #[test]
    fn cursor_on_a_dropped_space() {
        // Width 8: "hello" | "world"; the space between is not drawn.
        let (_, pos) = render(&with_cursor("hello", " world"), 11, 4);
        assert_eq!(pos, Some(Position::new(2 + 5, 1)));
        let (_, pos) = render(&with_cursor("hello ", "world"), 11, 4);
        assert_eq!(pos, Some(Position::new(2, 2)));
        // Width 5: "hello" is full, so the space's cursor starts the next row.
        let (_, pos) = render(&with_cursor("hello", " world"), 8, 4);
        assert_eq!(pos, Some(Position::new(2, 2)));
    }

    #[test]
    fn trailing_spaces_move_the_cursor() {
        let (_, pos) = render(&TextBox::new("แผน  "), 12, 3);
        assert_eq!(pos, Some(Position::new(2 + 5, 1)));
    }

    #[test]
    fn cursor_after_a_full_last_row_takes_a_new_row() {
        let tb = TextBox::new("ประชุม");
        // Outer 8 leaves 5 columns: ประชุม fills them.
        assert_eq!(height(&tb, 8, 10), 4);
        let (buf, pos) = render(&tb, 8, 4);
        assert_eq!(row(&buf, 1), boxed("ประชุม", 8));
        assert_eq!(row(&buf, 2), boxed("", 8));
        assert_eq!(pos, Some(Position::new(2, 2)));
        // No room for a new row: the cursor sits on the last cluster.
        let (_, pos) = render(&tb, 8, 3);
        assert_eq!(pos, Some(Position::new(2 + 4, 1)));
        assert_eq!(height(&tb, 8, 3), 3);
    }

    #[test]
    fn cursor_after_a_full_row_before_a_newline_stays_on_it() {
        let tb = with_cursor("abcde", "\nxy");
        let (buf, pos) = render(&tb, 8, 5);
        assert_eq!(row(&buf, 1), boxed("abcde", 8));
        assert_eq!(row(&buf, 2), boxed("xy", 8));
        assert_eq!(pos, Some(Position::new(2 + 4, 1)));
    }

    #[test]
    fn wide_last_cluster_is_not_split_by_the_cursor() {
        // 5 columns: "abc👍" is full; no spare row, so the cursor covers 👍.
        let tb = TextBox::new("abc👍");
        let (_, pos) = render(&tb, 8, 3);
        assert_eq!(pos, Some(Position::new(2 + 3, 1)));
    }

    #[test]
    fn pasted_lines_are_rows() {
        let mut tb = TextBox::default();
        tb.apply(TextEdit::Paste("แผน\r\nชุมชน\n\nตำบล".into()));
        assert_eq!(height(&tb, 20, 10), 6);
        let (buf, pos) = render(&tb, 20, 6);
        assert_eq!(
            rows(&buf)[1..5],
            [
                boxed("แผน", 20),
                boxed("ชุมชน", 20),
                boxed("", 20),
                boxed("ตำบล", 20)
            ]
        );
        assert_eq!(pos, Some(Position::new(2 + 4, 4)));
        tb.apply(TextEdit::Home);
        tb.apply(TextEdit::Left);
        let (_, pos) = render(&tb, 20, 6);
        assert_eq!(pos, Some(Position::new(2, 3)));
    }

    #[test]
    fn escape_shows_as_a_picture() {
        let tb = TextBox::new("a\u{1b}[31mb");
        let (buf, pos) = render(&tb, 15, 3);
        assert_eq!(row(&buf, 1), boxed("a␛[31mb", 15));
        assert_eq!(pos, Some(Position::new(2 + 7, 1)));
    }

    #[test]
    fn cursor_columns_use_the_shown_widths() {
        // ESC is ␛ (one column) and the orphan ั gets a dotted circle.
        let tb = with_cursor("\u{1b}\u{0E31}", "ก");
        let (buf, pos) = render(&tb, 10, 3);
        assert_eq!(row(&buf, 1), boxed("␛◌\u{0E31}ก", 10));
        assert_eq!(pos, Some(Position::new(2 + 2, 1)));
        // A bidi override is removed and takes no column.
        let tb = with_cursor("\u{202E}ab", "c");
        let (buf, pos) = render(&tb, 10, 3);
        assert_eq!(row(&buf, 1), boxed("abc", 10));
        assert_eq!(pos, Some(Position::new(2 + 2, 1)));
    }

    #[test]
    fn scrolls_to_keep_the_cursor_visible() {
        let text = "การจัดทำแผนหมู่บ้าน แผนชุมชน แผนตำบล แผนอำเภอ ตามห้วงเวลา";
        let tb = TextBox::new(text);
        let (buf, pos) = render(&tb, 15, 4);
        assert_eq!(row(&buf, 1), boxed("แผนอำเภอ ตาม", 15));
        assert_eq!(row(&buf, 2), boxed("ห้วงเวลา", 15));
        let end = 2 + str_width("ห้วงเวลา") as u16;
        assert_eq!(pos, Some(Position::new(end, 2)));
        assert!(row(&buf, 0).contains('▲'));
        assert!(!row(&buf, 3).contains('▼'));

        let tb = with_cursor("", text);
        let (buf, pos) = render(&tb, 15, 4);
        assert_eq!(row(&buf, 1), boxed("การจัดทำแผน", 15));
        assert_eq!(pos, Some(Position::new(2, 1)));
        assert!(!row(&buf, 0).contains('▲'));
        assert!(row(&buf, 3).contains('▼'));
    }

    #[test]
    fn empty_box() {
        let tb = TextBox::default();
        assert_eq!(height(&tb, 20, 10), 3);
        let (buf, pos) = render(&tb, 20, 3);
        assert_eq!(row(&buf, 1), boxed("", 20));
        assert_eq!(pos, Some(Position::new(2, 1)));
    }

    #[test]
    fn height_bounds() {
        let tb = TextBox::new("ก ข ค ง จ ฉ ช ซ");
        assert_eq!(height(&tb, 0, 0), 3);
        assert_eq!(height(&tb, 3, 100), 3);
        // One column: eight rows, and the cursor after the full last one.
        assert_eq!(height(&tb, 4, 100), 2 + 8 + 1);
        assert_eq!(height(&tb, 4, 6), 6);
        assert_eq!(height(&tb, 100, 100), 3);
    }

    #[test]
    fn tiny_areas_never_panic() {
        let tb = with_cursor("ที่นี่👨\u{200D}👩", "\u{1b}ประชุม\nแผน");
        for (w, h) in [
            (0, 0),
            (1, 1),
            (3, 2),
            (2, 3),
            (3, 3),
            (4, 2),
            (1, 10),
            (10, 1),
        ] {
            let (_, pos) = render(&tb, w, h);
            assert_eq!(pos, None, "{w}x{h}");
        }
        let (_, pos) = render(&tb, 4, 3);
        assert!(pos.is_some());
        // An area outside the buffer is clipped to it.
        let mut buf = Buffer::empty(Rect::new(0, 0, 5, 5));
        assert_eq!(
            draw(&tb, "t", Rect::new(3, 3, 50, 50), &mut buf, &plain()),
            None
        );
        assert_eq!(
            draw(&tb, "t", Rect::new(9, 9, 5, 5), &mut buf, &plain()),
            None
        );
        let pos = draw(&tb, "t", Rect::new(1, 1, 50, 50), &mut buf, &plain());
        assert!(pos.is_some_and(|p| p.x == 3 && p.y >= 2 && p.y <= 3));
    }

    #[test]
    fn one_column_of_text_holds_wide_clusters() {
        // Width 1: the emoji is wider than the row; nothing spills.
        let tb = with_cursor("a👍", "b");
        let (buf, pos) = render(&tb, 4, 6);
        assert_eq!(row(&buf, 1), "┃ a┃");
        assert_eq!(row(&buf, 3), "┃ b┃");
        assert_eq!(pos, Some(Position::new(2, 3)));
    }

    /// Whether the cell at (x, y) is hidden under a wide cluster to its left.
    fn covered(buf: &Buffer, x: u16, y: u16) -> bool {
        let mut skip = 0;
        for cx in buf.area.left()..x {
            skip = skip.max(cells(buf[(cx, y)].symbol())).saturating_sub(1);
        }
        skip > 0
    }

    /// Thai with orphan marks, spaces, wide and emoji clusters, flags,
    /// invisible formats, bidi and other controls, halfwidth katakana with
    /// a sound mark (which ratatui counts one column wider).
    const POOL: &str = "กทนเาำ\u{0E31}\u{0E35}\u{0E48}\u{0E49}ๆ  ab\u{0301}日👍👨\u{200D}\u{FE0F}\u{1F1E6}\u{1F1E8}\u{200B}\u{200E}\u{202E}\u{1b}\n\r\t\u{7f}\u{85}\u{FF9E}ｶ";

    fn any_char() -> impl Strategy<Value = char> {
        prop::sample::select(POOL.chars().collect::<Vec<_>>())
    }

    proptest! {
        #[test]
        fn drawing_any_text_in_any_area_is_safe(
            chars in prop::collection::vec(any_char(), 0..60),
            lefts in 0usize..60,
            w in 0u16..16,
            h in 0u16..8,
        ) {
            let mut tb = TextBox::new(&chars.into_iter().collect::<String>());
            for _ in 0..lefts {
                tb.apply(TextEdit::Left);
            }
            let wanted = height(&tb, w, h.max(3));
            prop_assert!((3..=h.max(3)).contains(&wanted));
            let area = Rect::new(1, 1, w, h);
            let mut buf = Buffer::empty(Rect::new(0, 0, w + 2, h + 2));
            let pos = draw(&tb, "ที่ \u{1b}", area, &mut buf, &plain());
            if let Some(pos) = pos {
                // Inside the text area: right of the border and padding.
                prop_assert!(pos.x >= area.x + 2 && pos.x < area.right() - 1);
                prop_assert!(pos.y > area.y && pos.y < area.bottom() - 1);
                prop_assert!(!covered(&buf, pos.x, pos.y));
            }
            if w >= 2 && h >= 3 {
                // Text never runs over the right border.
                for y in area.y + 1..area.bottom() - 1 {
                    prop_assert_eq!(buf[(area.right() - 1, y)].symbol(), "┃");
                }
            }
        }
    }
}
