//! The frame loop's terminal: two buffers (what the terminal shows, and
//! the frame being drawn) and the backend, like ratatui's `Terminal`, but a
//! frame is drawn onto the last one and only the rows it says it changed
//! are compared and sent. ratatui's `Terminal` clears the buffer before
//! every frame and compares every cell, measuring the width of every
//! symbol on the way: for a typed character that was most of the work, and
//! more of it the fuller the screen (`crate::ui::frame`).

use std::io::{self, Write};
use std::ops::Range;

use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::{Position, Rect};

use super::backend::TermBackend;
use crate::ui::frame::Changed;

pub struct Screen<W: Write> {
    backend: TermBackend<W>,
    /// What the terminal shows.
    shown: Buffer,
    /// The frame being drawn; between frames the same as `shown`.
    next: Buffer,
    /// Whether `next` holds the last frame drawn (not after a resize).
    kept: bool,
    /// How many rows the last frame compared.
    compared: u16,
}

impl<W: Write> Screen<W> {
    pub fn new(backend: TermBackend<W>) -> io::Result<Self> {
        let area = area_of(&backend)?;
        Ok(Screen {
            backend,
            shown: Buffer::empty(area),
            next: Buffer::empty(area),
            kept: false,
            compared: 0,
        })
    }

    pub fn backend(&self) -> &TermBackend<W> {
        &self.backend
    }

    /// Writes `bytes` to the terminal as they are, between frames: for a
    /// control sequence that changes nothing on the screen (OSC 52, the
    /// clipboard), so the frames drawn stay true.
    pub fn write_through(&mut self, bytes: &[u8]) -> io::Result<()> {
        let out = self.backend.writer_mut();
        out.write_all(bytes)?;
        out.flush()
    }

    /// How many rows of the screen the last frame compared and could send.
    pub fn rows_compared(&self) -> u16 {
        self.compared
    }

    /// Draws one frame: `render` gets the buffer and whether it holds the
    /// last frame drawn, and returns where the cursor goes and which rows
    /// it changed (it clears the buffer itself when it draws it all).
    pub fn draw(
        &mut self,
        render: impl FnOnce(&mut Buffer, bool) -> (Option<Position>, Changed),
    ) -> io::Result<()> {
        let area = area_of(&self.backend)?;
        if area != self.shown.area {
            // As ratatui does on a resize: a cleared screen, drawn anew.
            self.shown = Buffer::empty(area);
            self.next = Buffer::empty(area);
            self.kept = false;
            self.backend.clear()?;
        }
        let (cursor, changed) = render(&mut self.next, self.kept);
        let all = area.top()..area.bottom();
        let rows: &[Range<u16>] = match &changed {
            Changed::All => std::slice::from_ref(&all),
            Changed::Rows(rows) => rows,
        };
        self.compared = rows.iter().map(|r| r.len() as u16).sum();
        for range in rows {
            let updates = diff_rows(&self.shown, &self.next, range.clone());
            self.backend.draw(updates.into_iter())?;
        }
        match cursor {
            Some(at) => {
                self.backend.show_cursor()?;
                self.backend.set_cursor_position(at)?;
            }
            None => self.backend.hide_cursor()?,
        }
        Backend::flush(&mut self.backend)?;
        // The bytes are out; now `shown` takes the frame, and `next` stays
        // the same for the next frame to draw on.
        match changed {
            Changed::All => {
                std::mem::swap(&mut self.shown, &mut self.next);
                self.next.content.clone_from_slice(&self.shown.content);
            }
            Changed::Rows(rows) => {
                for range in rows {
                    let cells = row_cells(&self.next, range);
                    self.shown.content[cells.clone()].clone_from_slice(&self.next.content[cells]);
                }
            }
        }
        self.kept = true;
        Ok(())
    }
}

impl<W: Write> Drop for Screen<W> {
    /// As ratatui's `Terminal`: a hidden cursor is shown again.
    fn drop(&mut self) {
        let _ = self.backend.show_cursor();
        let _ = Backend::flush(&mut self.backend);
    }
}

fn area_of<W: Write>(backend: &TermBackend<W>) -> io::Result<Rect> {
    Ok(Rect::from((Position::ORIGIN, backend.size()?)))
}

/// The indices in `buf.content` of the rows `rows`, within the buffer.
fn row_cells(buf: &Buffer, rows: Range<u16>) -> Range<usize> {
    let width = usize::from(buf.area.width);
    let top = usize::from(rows.start.max(buf.area.top()) - buf.area.top());
    let bottom = usize::from(
        rows.end
            .min(buf.area.bottom())
            .saturating_sub(buf.area.top()),
    );
    top * width..bottom.max(top) * width
}

#[allow(deprecated)]
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

/// The cells of `rows` to send to turn `prev` into `next`: ratatui's
/// `Buffer::diff` (wide characters, their trailing columns, skipped cells)
/// over those rows only, which also sends again the columns a wide
/// character that went had covered.
fn diff_rows<'a>(prev: &Buffer, next: &'a Buffer, rows: Range<u16>) -> Vec<(u16, u16, &'a Cell)> {
    let cells = row_cells(next, rows);
    let width = usize::from(next.area.width);
    let at = |i: usize| {
        (
            (i % width) as u16 + next.area.x,
            (i / width) as u16 + next.area.y,
        )
    };
    let mut updates = Vec::new();
    let mut i = cells.start;
    while i < cells.end {
        let (current, previous) = (&next.content[i], &prev.content[i]);
        i += 1;
        if is_skip(current) {
            continue;
        }
        if let CellDiffOption::ForcedWidth(w) = current.diff_option {
            if current != previous {
                let (x, y) = at(i - 1);
                updates.push((x, y, current));
            }
            i += usize::from(w.get()).saturating_sub(1);
            continue;
        }
        let cell_width = usize::from(current.cell_width());
        if matches!(current.diff_option, CellDiffOption::None) && current == previous {
            i += cell_width.saturating_sub(1);
            continue;
        }
        let (x, y) = at(i - 1);
        updates.push((x, y, current));
        let previous_width = usize::from(previous.cell_width());
        // The columns behind the cell: an emoji with VS16 gets those whose
        // symbol changed, and a narrower cell replacing a wide one whose
        // style shows on blanks gets them all.
        let (mut j, mut end, force) = if cell_width > 1 && current.symbol().contains('\u{FE0F}') {
            (i, i - 1 + cell_width, false)
        } else if cell_width > 1 {
            i += cell_width - 1;
            continue;
        } else if previous_width > cell_width {
            // Unlike ratatui, always: a terminal blanks the whole of a wide
            // character when one of its columns is overwritten, so the
            // cells the buffer holds behind it must be sent again.
            (i, i - 1 + previous_width, true)
        } else {
            continue;
        };
        end = end.min(cells.end);
        while j < end {
            let behind = &next.content[j];
            let at_j = j;
            j += usize::from(behind.cell_width()).max(1);
            end = end.max(j).min(cells.end);
            if !is_skip(behind) && (force || prev.content[at_j].symbol() != behind.symbol()) {
                let (x, y) = at(at_j);
                updates.push((x, y, behind));
            }
        }
        i = end;
    }
    updates
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Style};

    fn buffers(prev: &[&str], next: &[&str]) -> (Buffer, Buffer) {
        (
            Buffer::with_lines(prev.to_vec()),
            Buffer::with_lines(next.to_vec()),
        )
    }

    /// Our diff over all rows is ratatui's diff, and besides it only the
    /// columns behind a wide character that went.
    fn same_as_ratatui(prev: &Buffer, next: &Buffer) {
        let ours = diff_rows(prev, next, next.area.top()..next.area.bottom());
        let theirs = prev.diff(next);
        assert!(
            theirs.iter().all(|u| ours.contains(u)),
            "{ours:?}\n{theirs:?}"
        );
        for (x, y, _) in ours.iter().filter(|u| !theirs.contains(u)) {
            let hidden =
                (0..*x).any(|x0| usize::from(prev[(x0, *y)].cell_width()) > usize::from(x - x0));
            assert!(hidden, "({x}, {y}) was not behind a wide character");
        }
    }

    #[test]
    fn the_diff_is_ratatuis_and_a_little_more() {
        let cases: [(&[&str], &[&str]); 5] = [
            (&["abcd", "efgh"], &["abXd", "efgh"]),
            (&["a   ", "    "], &["aコ ", "  x "]),
            (&["aコ ", "ทำ  "], &["aaa ", "ทำนา"]),
            (&["กิน ", "ok  "], &["กิ่ง", "ok  "]),
            (&["❤️ab", "    "], &["xyab", "❤️  "]),
        ];
        for (prev, next) in cases {
            let (prev, next) = buffers(prev, next);
            same_as_ratatui(&prev, &next);
            same_as_ratatui(&next, &prev);
        }
        let (mut prev, next) = buffers(&["コab "], &["x ab "]);
        prev.set_style(Rect::new(0, 0, 2, 1), Style::new().bg(Color::Blue));
        same_as_ratatui(&prev, &next);
    }

    #[test]
    fn the_cell_a_wide_character_hid_is_sent_when_it_goes() {
        // The buffer holds "━" behind "コ"; the terminal shows コ there.
        let mut prev = Buffer::with_lines(["コ "]);
        prev[(1, 0)].set_symbol("━");
        let next = Buffer::with_lines([" ━ "]);
        let ours = diff_rows(&prev, &next, 0..1);
        let symbols: Vec<_> = ours.iter().map(|(x, _, c)| (*x, c.symbol())).collect();
        assert_eq!(symbols, [(0, " "), (1, "━")]);
        // ratatui leaves the terminal showing a blank at column 1.
        assert_eq!(prev.diff(&next).len(), 1);
    }

    #[test]
    fn only_the_rows_asked_for_are_compared() {
        let (prev, next) = buffers(&["abc", "def", "ghi"], &["Xbc", "dYf", "ghZ"]);
        let updates = diff_rows(&prev, &next, 1..2);
        let symbols: Vec<_> = updates
            .iter()
            .map(|(x, y, c)| (*x, *y, c.symbol()))
            .collect();
        assert_eq!(symbols, [(1, 1, "Y")]);
    }

    fn screen() -> Screen<Vec<u8>> {
        let backend = TermBackend::with_size(Vec::new(), ratatui::layout::Size::new(6, 3));
        Screen::new(backend).expect("screen")
    }

    fn sent(
        screen: &mut Screen<Vec<u8>>,
        render: impl FnOnce(&mut Buffer, bool) -> Changed,
    ) -> String {
        let before = screen.backend().writer().len();
        screen
            .draw(|buf, kept| (None, render(buf, kept)))
            .expect("draw");
        String::from_utf8_lossy(&screen.backend().writer()[before..]).into_owned()
    }

    #[test]
    fn a_frame_draws_on_the_last_one() {
        let mut screen = screen();
        let out = sent(&mut screen, |buf, kept| {
            assert!(!kept);
            buf.reset();
            buf.set_string(0, 0, "top", Style::new());
            buf.set_string(0, 2, "end", Style::new());
            Changed::All
        });
        assert!(out.contains("top") && out.contains("end"), "{out:?}");
        let out = sent(&mut screen, |buf, kept| {
            assert!(kept);
            assert_eq!(buf[(0, 0)].symbol(), "t");
            buf.set_string(0, 2, "ENd", Style::new());
            Changed::Rows(std::iter::once(2..3).collect())
        });
        assert!(out.ends_with("EN"), "{out:?}");
        // The rows not named keep their cells, and the next full frame
        // compares against what the terminal shows.
        let out = sent(&mut screen, |buf, kept| {
            assert!(kept);
            assert_eq!(buf[(1, 2)].symbol(), "N");
            buf.reset();
            buf.set_string(0, 0, "top", Style::new());
            buf.set_string(0, 2, "ENd", Style::new());
            Changed::All
        });
        assert_eq!(out, "");
    }
}
