//! The last SWOT board drawn, kept for the next frame.
//!
//! While the facilitator types into the text box the board under it does
//! not change, yet laying it out again is most of a frame's work, and more
//! of it the fuller the panes are. When nothing the board shows has changed
//! since the last frame, its cells are copied back instead: a keystroke
//! then costs the same with a dozen items as with ten thousand.

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use crate::session::{Quadrant, Quadrant::*};
use crate::text::Lang;

use super::board::{Board, BoardLayout, PaneView};
use super::theme::Theme;

/// Everything a drawn board depends on. The session changes only through
/// `App::update`, which bumps `revision` with every change; the lists'
/// places and lengths are compared too, so that a board drawn from another
/// session is never taken for this one.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    revision: u64,
    lists: [(usize, usize); 4],
    lang: Lang,
    theme: Theme,
    focus: Option<Quadrant>,
    panes: [PaneView; 4],
    zoom: bool,
    area: Rect,
}

impl Key {
    fn of(board: &Board, revision: u64, area: Rect) -> Key {
        let list = |q| {
            let items = board.swot.items(q);
            (items.as_ptr() as usize, items.len())
        };
        Key {
            revision,
            lists: [
                list(Strengths),
                list(Weaknesses),
                list(Opportunities),
                list(Threats),
            ],
            lang: board.lang,
            theme: board.theme,
            focus: board.focus,
            panes: board.panes,
            zoom: board.zoom,
            area,
        }
    }
}

#[derive(Default)]
pub struct BoardMemo {
    key: Option<Key>,
    cells: Vec<Cell>,
    layout: BoardLayout,
}

impl BoardMemo {
    /// Whether the board drawn last is `board` in `area` (within the
    /// buffer): drawing it again would copy what is already there.
    pub fn holds(&self, board: &Board, revision: u64, area: Rect) -> bool {
        self.key.as_ref() == Some(&Key::of(board, revision, area))
    }

    /// Draws `board` into `area` of `buf`, or copies the same board drawn
    /// last time. `revision` is the app's session revision.
    pub fn draw(
        &mut self,
        board: &Board,
        revision: u64,
        area: Rect,
        buf: &mut Buffer,
    ) -> BoardLayout {
        let area = area.intersection(buf.area);
        let key = Key::of(board, revision, area);
        if self.key.as_ref() == Some(&key) {
            for (y, row) in rows(area).zip(self.cells.chunks_exact(usize::from(area.width))) {
                let at = buf.index_of(area.x, y);
                buf.content[at..at + row.len()].clone_from_slice(row);
            }
            return self.layout.clone();
        }
        let layout = board.draw(area, buf);
        self.cells.clear();
        for y in rows(area) {
            let at = buf.index_of(area.x, y);
            self.cells
                .extend_from_slice(&buf.content[at..at + usize::from(area.width)]);
        }
        self.key = Some(key);
        self.layout = layout.clone();
        layout
    }
}

fn rows(area: Rect) -> impl Iterator<Item = u16> {
    (area.top()..area.bottom()).filter(move |_| area.width > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Swot, SwotItem};
    use crate::text::wrap::WrapCache;
    use chrono::DateTime;

    fn swot(n: usize) -> Swot {
        let at = DateTime::parse_from_rfc3339("2021-01-13T15:00:00+07:00").expect("a timestamp");
        let mut swot = Swot::default();
        for i in 0..n {
            let item = SwotItem::new(format!("sw-{i}"), format!("ประชุมกลุ่มย่อย {i}"), at);
            swot.items_mut(Quadrant::ALL[i % 4]).push(SwotItem {
                votes: (i % 3) as u32,
                ..item
            });
        }
        swot
    }

    fn board<'a>(swot: &'a Swot, cache: &'a WrapCache, selected: usize) -> Board<'a> {
        let mut panes = [PaneView::default(); 4];
        panes[0].selected = Some(selected);
        Board {
            swot,
            lang: Lang::Th,
            theme: Theme::plain(),
            focus: Some(Strengths),
            panes,
            zoom: false,
            cache,
        }
    }

    /// The memo's frame and a fresh drawing agree, hit or miss.
    fn check(memo: &mut BoardMemo, board: &Board, revision: u64) {
        let area = Rect::new(2, 1, 60, 18);
        let mut fresh = Buffer::empty(Rect::new(0, 0, 64, 20));
        let expected = board.draw(area, &mut fresh);
        let mut kept = Buffer::empty(Rect::new(0, 0, 64, 20));
        let layout = memo.draw(board, revision, area, &mut kept);
        assert_eq!(layout, expected);
        assert_eq!(kept, fresh);
    }

    #[test]
    fn a_kept_board_is_the_board_drawn_again() {
        let cache = WrapCache::new();
        let mut memo = BoardMemo::default();
        let items = swot(40);
        check(&mut memo, &board(&items, &cache, 0), 0);
        check(&mut memo, &board(&items, &cache, 0), 0);
        assert!(memo.key.is_some());
        // A new selection, a new revision, another session: drawn anew.
        check(&mut memo, &board(&items, &cache, 7), 0);
        let mut changed = items.clone();
        changed.items_mut(Strengths)[0].text = "แก้ไขแล้ว".into();
        check(&mut memo, &board(&changed, &cache, 7), 1);
        let other = swot(12);
        check(&mut memo, &board(&other, &cache, 7), 1);
    }
}
