//! SARA AM drawn in the cells the terminal gives it. Terminals give SARA
//! AM (ำ, and Lao AM ຳ) a cell of its own, while ratatui keeps the whole grapheme
//! cluster "ทำ" in one two-column cell. When such a cell is later
//! overwritten, ratatui's diff rewrites only the first column and the
//! terminal keeps a stray ำ in the second. Splitting the cluster into the
//! two cells the terminal uses keeps both sides in step. Only drawing is
//! affected: layout still treats "ทำ" as one cluster two columns wide.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn is_am(c: char) -> bool {
    matches!(c, '\u{0E33}' | '\u{0EB3}')
}

pub fn split_am_clusters(buf: &mut Buffer) {
    split_am_clusters_in(buf, buf.area);
}

/// [`split_am_clusters`] on the cells of `area` alone (whole rows, as the
/// frame of a keystroke redraws them).
pub fn split_am_clusters_in(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right().saturating_sub(1) {
            let symbol = buf[(x, y)].symbol();
            // A base and a 3-byte AM take at least 4 bytes.
            if symbol.len() < 4 {
                continue;
            }
            let Some((at, _)) = symbol.char_indices().skip(1).find(|(_, c)| is_am(*c)) else {
                continue;
            };
            let (head, tail) = symbol.split_at(at);
            let (head, tail) = (head.to_owned(), tail.to_owned());
            let style = buf[(x, y)].style();
            buf[(x, y)].set_symbol(&head);
            buf[(x + 1, y)].set_symbol(&tail).set_style(style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    #[test]
    fn sara_am_gets_its_own_cell() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "จัดทำ", Style::new());
        split_am_clusters(&mut buf);
        let cells: Vec<&str> = (0..6).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(cells, ["จั", "ด", "ท", "ำ", " ", " "]);
    }

    #[test]
    fn a_lone_am_and_the_last_column_are_left_alone() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 2, 1));
        buf[(0, 0)].set_symbol("ำ");
        buf[(1, 0)].set_symbol("กำ");
        split_am_clusters(&mut buf);
        assert_eq!(buf[(0, 0)].symbol(), "ำ");
        assert_eq!(buf[(1, 0)].symbol(), "กำ");
    }
}
