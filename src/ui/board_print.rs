//! `wethi show FILE --board`: the whole board printed row by row as it is
//! laid out, never as one frame-sized buffer (10,000 items would need a
//! buffer of hundreds of thousands of rows).
//!
//! Each pane is drawn one entry at a time into a buffer as tall as that
//! entry; a printed row joins the current row of the two panes side by
//! side. The rows come out exactly as the screen's board would draw them.

use std::io::{self, Write};

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::i18n::strings;
use crate::session::{Quadrant, Swot};
use crate::text::Lang;
use crate::text::wrap::WrapCache;

use super::board::{item_row, quadrant_rects, votes_width};
use super::list::{self, ListLook, draw_list};
use super::pane::{PaneSpec, block};
use super::theme::Theme;

mod plain;

#[cfg(test)]
use crate::text::halves::TWO_THREADS_FROM;
#[cfg(test)]
use plain::decimal_digits;
use plain::{Prepared, prepare_all, push_cells};

/// Writes the board `width` columns wide to `out`, one line per row, tall
/// enough for every item; with `theme.color`, in ANSI colours.
pub fn write_board(
    swot: &Swot,
    lang: Lang,
    width: u16,
    theme: Theme,
    out: &mut impl Write,
) -> io::Result<()> {
    let width = width.max(1);
    // Every text is wrapped once, here; drawing reuses the lines.
    let cache = WrapCache::with_bound(usize::MAX);
    let rects = quadrant_rects(Rect::new(0, 0, width, 4));
    let mut prepared = prepare_all(swot, rects.map(|(_, r)| r.width), !theme.color);
    let body = Quadrant::ALL
        .iter()
        .map(|&q| match &prepared[q.index()] {
            Some(entries) => entries.iter().map(|(_, lines)| lines.len().max(1)).sum(),
            None => pane_rows(swot, q, rects[q.index()].1.width, &cache),
        })
        .max()
        .unwrap_or(1);
    let mut row = Buffer::empty(Rect::new(0, 0, width, 1));
    let mut line = String::new();
    for band in [
        [Quadrant::Strengths, Quadrant::Weaknesses],
        [Quadrant::Opportunities, Quadrant::Threats],
    ] {
        let mut panes = band.map(|q| {
            let rect = rects[q.index()].1;
            let mut pane = PanePrinter::new(swot, q, lang, theme, rect.x, rect.width, &cache);
            pane.prepared = prepared[q.index()].take();
            pane
        });
        for r in 0..body + 2 {
            if !theme.color {
                line.clear();
                for pane in &mut panes {
                    match r {
                        0 => push_cells(&mut line, pane.frame.row(0)),
                        r if r == body + 1 => push_cells(&mut line, pane.frame.row(2)),
                        _ => pane.push_plain_row(&mut line),
                    }
                }
                line.push('\n');
                out.write_all(line.as_bytes())?;
                continue;
            }
            for pane in &mut panes {
                let at = usize::from(pane.x);
                let cells = match r {
                    0 => pane.frame.row(0),
                    r if r == body + 1 => pane.frame.row(2),
                    _ => pane.next_row(),
                };
                row.content[at..at + cells.len()].clone_from_slice(cells);
            }
            line.clear();
            super::print::push_line(&mut line, &row, 0, theme.color);
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
    }
    out.flush()
}

/// Rows all of pane `q`'s entries take in a pane `width` columns wide.
fn pane_rows(swot: &Swot, q: Quadrant, width: u16, cache: &WrapCache) -> usize {
    let items = swot.items(q);
    if items.is_empty() {
        return 1;
    }
    let look = look(votes_width(items), Style::new());
    list::full_height(
        items.len(),
        |i| item_row(&items[i], Style::new()),
        &look,
        width.saturating_sub(2),
        cache,
    )
}

fn look(badge_width: usize, accent: Style) -> ListLook {
    ListLook {
        numbered: true,
        badge_width,
        accent,
        selected: Style::new(),
        focused: false,
    }
}

/// One pane, an entry at a time.
struct PanePrinter<'a> {
    swot: &'a Swot,
    q: Quadrant,
    x: u16,
    look: ListLook,
    empty: &'a str,
    theme: Theme,
    cache: &'a WrapCache,
    /// The pane's border drawn three rows high: top, a side row, bottom.
    frame: Rows,
    /// The entry being printed, and the next row of it.
    entry: Rows,
    next: usize,
    item: usize,
    /// Set when the pane is printed as plain text from its lines; `rows`
    /// is how many the current entry has.
    prepared: Option<Prepared<'a>>,
    rows: usize,
    /// Columns inside the border, and of the number column in them.
    inner: usize,
    number_width: usize,
}

/// Cells of a buffer `width` wide, row by row.
struct Rows {
    buf: Buffer,
}

impl Rows {
    fn row(&self, r: u16) -> &[Cell] {
        let w = usize::from(self.buf.area.width);
        let at = usize::from(r) * w;
        &self.buf.content[at..at + w]
    }
}

impl<'a> PanePrinter<'a> {
    fn new(
        swot: &'a Swot,
        q: Quadrant,
        lang: Lang,
        theme: Theme,
        x: u16,
        width: u16,
        cache: &'a WrapCache,
    ) -> Self {
        let t = strings(lang);
        let items = swot.items(q);
        let key = q.letter().to_ascii_lowercase().to_string();
        let spec = PaneSpec {
            key: &key,
            name: t.quadrant(q),
            accent: theme.accent(q),
            focused: false,
            empty: t.empty_pane,
            badge_width: votes_width(items),
            theme: &theme,
        };
        let mut frame = Buffer::empty(Rect::new(0, 0, width, 3));
        block(&spec, items.len(), &theme).render(frame.area, &mut frame);
        let look = look(spec.badge_width, spec.accent);
        let inner = width.saturating_sub(2);
        let (number_width, _) = list::columns(items.len(), &look, inner);
        PanePrinter {
            swot,
            q,
            x,
            look,
            empty: t.empty_pane,
            theme,
            cache,
            frame: Rows { buf: frame },
            entry: Rows {
                buf: Buffer::empty(Rect::new(0, 0, width, 0)),
            },
            next: 0,
            item: 0,
            prepared: None,
            rows: 0,
            inner: usize::from(inner),
            number_width,
        }
    }

    /// The next row inside the border: the next row of an entry, the
    /// empty-pane note, or a blank side row once the entries are done.
    fn next_row(&mut self) -> &[Cell] {
        if self.next >= usize::from(self.entry.buf.area.height) && !self.draw_next_entry() {
            return self.frame.row(1);
        }
        self.next += 1;
        self.entry.row(self.next as u16 - 1)
    }

    /// Draws the next entry (or the empty-pane note) into `entry`; false
    /// when there is none left.
    fn draw_next_entry(&mut self) -> bool {
        let items = self.swot.items(self.q);
        let width = self.frame.buf.area.width;
        let inner_width = width.saturating_sub(2);
        if items.is_empty() {
            if self.item > 0 || inner_width == 0 {
                return false;
            }
            self.item = 1;
            self.start_entry(1);
            let buf = &mut self.entry.buf;
            buf.set_stringn(
                2,
                0,
                self.empty,
                usize::from(inner_width.saturating_sub(1)),
                self.theme.dim(),
            );
            return true;
        }
        let i = self.item;
        if i >= items.len() || inner_width == 0 {
            return false;
        }
        self.item += 1;
        let height = list::one_entry_height(
            items.len(),
            &item_row(&items[i], Style::new()),
            &self.look,
            inner_width,
            self.cache,
        );
        let height = u16::try_from(height).unwrap_or(u16::MAX);
        self.start_entry(height);
        draw_list(
            items.len(),
            |k| item_row(&items[k], self.theme.dim()),
            None,
            i,
            &self.look,
            Rect::new(1, 0, inner_width, height),
            &mut self.entry.buf,
            self.cache,
        );
        true
    }

    /// An entry buffer of `height` side rows, to draw one entry on.
    fn start_entry(&mut self, height: u16) {
        let width = self.frame.buf.area.width;
        let side = self.frame.row(1).to_vec();
        let buf = &mut self.entry.buf;
        buf.resize(Rect::new(0, 0, width, height));
        for row in buf.content.chunks_exact_mut(usize::from(width.max(1))) {
            row.clone_from_slice(&side);
        }
        self.next = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::SwotItem;
    use chrono::DateTime;

    /// Records how the board arrives: in how many writes, how big.
    #[derive(Default)]
    struct Chunks(Vec<usize>);

    impl Write for Chunks {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.push(buf.len());
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Item `i` of a test board, saying `text`.
    fn item(i: usize, text: String) -> SwotItem {
        let at = DateTime::parse_from_rfc3339("2021-01-13T15:00:00+07:00").expect("a timestamp");
        SwotItem::new(format!("sw-{i}"), text, at)
    }

    /// A board of `n` items, `item(i)` in quadrant `place(i)`.
    fn board(n: usize, place: impl Fn(usize) -> usize, item: impl Fn(usize) -> SwotItem) -> Swot {
        let mut swot = Swot::default();
        for i in 0..n {
            swot.items_mut(Quadrant::ALL[place(i)]).push(item(i));
        }
        swot
    }

    /// The board printed plain is the coloured board, escapes left out.
    fn assert_plain_is_coloured_without_escapes(swot: &Swot, width: u16) -> String {
        let mut plain = Vec::new();
        write_board(swot, Lang::Th, width, Theme::plain(), &mut plain).expect("write");
        let mut coloured = Vec::new();
        let theme = Theme::new(crate::ui::ThemeName::Dark, true);
        write_board(swot, Lang::Th, width, theme, &mut coloured).expect("write");
        let plain = String::from_utf8(plain).expect("UTF-8");
        let coloured = String::from_utf8(coloured).expect("UTF-8");
        assert_eq!(plain, strip_ansi(&coloured), "width {width}");
        plain
    }

    #[test]
    fn rows_are_written_as_they_are_laid_out() {
        let swot = board(
            400,
            |i| i % 4,
            |i| SwotItem {
                votes: (i % 5) as u32,
                ..item(i, format!("การจัดทำแผนหมู่บ้าน แผนชุมชน แผนตำบล แผนอำเภอ ({i})"))
            },
        );
        let mut chunks = Chunks::default();
        write_board(&swot, Lang::Th, 60, Theme::plain(), &mut chunks).expect("write");
        let rows = super::super::board::print_board(&swot, Lang::Th, 60, Theme::plain());
        assert!(rows.len() > 200);
        assert_eq!(chunks.0.len(), rows.len(), "one write per row");
        let longest = rows.iter().map(|r| r.len() + 1).max().unwrap_or(0);
        assert!(chunks.0.iter().all(|&n| n <= longest));
    }

    /// The characters of a coloured board, without its escape sequences.
    fn strip_ansi(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                chars.by_ref().find(|c| *c == 'm');
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn plain_rows_written_from_lines_match_the_drawn_cells() {
        let texts = [
            "ระเบียบ มท. พ.ศ. 2562 กำหนดให้เชื่อมโยงแผนหมู่บ้านและแผนชุมชนสู่แผนระดับตำบล",
            "",
            "ประชุม 👍🏽 会议 ทำ\nสอง",
            "x",
        ];
        let swot = board(
            23,
            |i| i % 3,
            |i| SwotItem {
                votes: if i % 5 == 0 { 0 } else { (i * 7) as u32 },
                ..item(i, texts[i % texts.len()].to_owned())
            },
        );
        for width in [1, 5, 9, 14, 17, 23, 40, 61, 100] {
            assert_plain_is_coloured_without_escapes(&swot, width);
        }
    }

    #[test]
    fn two_threads_print_what_one_draws() {
        let texts = [
            "สถานการณ์โควิด-19 ทำให้จัดเวทีประชาคมได้ยาก",
            "ยังใช้ข้อมูล จปฐ. และ กชช.2ค ประกอบการจัดทำแผนน้อย",
            "Prepare village plans with every household",
        ];
        // Uneven panes, and more items than one thread takes on alone.
        let swot = board(
            TWO_THREADS_FROM + 91,
            |i| (i * i) % 4,
            |i| SwotItem {
                votes: (i % 7) as u32,
                group: (i % 5 == 0).then(|| "กลุ่ม 1".to_owned()),
                ..item(i, format!("{} ({i})", texts[i % texts.len()]))
            },
        );
        for width in [60, 100] {
            let plain = assert_plain_is_coloured_without_escapes(&swot, width);
            assert!(plain.contains(&format!("({})", TWO_THREADS_FROM + 90)));
        }
    }

    #[test]
    fn digits_are_counted_as_printed() {
        for n in [0, 1, 9, 10, 99, 100, 12345, u32::MAX] {
            assert_eq!(decimal_digits(n), n.to_string().len());
        }
    }

    #[test]
    fn a_reader_that_stops_early_stops_the_printing() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let err = write_board(&Swot::default(), Lang::En, 40, Theme::plain(), &mut Closed)
            .expect_err("a closed pipe");
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    }
}
