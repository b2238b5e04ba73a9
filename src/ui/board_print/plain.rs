//! The board printed as plain text straight from each entry's wrapped
//! lines, when a pane is wide enough for its number, text and badge
//! columns: no cells, no per-row drawing. The lines are wrapped up front,
//! on two threads for a large board.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use ratatui::buffer::Cell;
use ratatui::style::Style;

use crate::session::{Quadrant, Swot, SwotItem};
use crate::text::halves::halves;
use crate::text::sanitize::for_display;
use crate::text::width::{cluster_width, str_width};
use crate::text::wrap::wrap_once;
use crate::ui::board::votes_width;
use crate::ui::list::{self, ListLook};

use super::{PanePrinter, look};

/// Each entry's shown text and wrapped lines, for a pane printed as plain
/// text straight from its lines: every text is wrapped once, with no cache
/// to look it up in.
pub(super) type Prepared<'a> = Vec<(Cow<'a, str>, Vec<Range<usize>>)>;

/// Every pane's entries ready to print as plain text (see [`prepare`]),
/// `widths` being the panes' widths. With many items, a second thread
/// wraps the second half of every pane ([`halves`]): wrapping Thai is the
/// costly part, and halving each pane keeps the two threads equally busy.
pub(super) fn prepare_all(swot: &Swot, widths: [u16; 4], plain: bool) -> [Option<Prepared<'_>>; 4] {
    let text_widths = Quadrant::ALL.map(|q| text_width(swot, q, widths[q.index()], plain));
    let total: usize = Quadrant::ALL.iter().map(|&q| swot.items(q).len()).sum();
    let halves_of = Quadrant::ALL.map(|q| {
        let items = swot.items(q);
        items.split_at(items.len() / 2)
    });
    let (firsts, seconds) = halves(total, |second| {
        Quadrant::ALL.map(|q| {
            let (first, rest) = halves_of[q.index()];
            let w = text_widths[q.index()];
            w.map(|w| prepare(if second { rest } else { first }, w))
        })
    });
    let mut panes: [Option<Prepared<'_>>; 4] = Default::default();
    for (pane, (first, second)) in panes.iter_mut().zip(firsts.into_iter().zip(seconds)) {
        *pane = first.map(|mut entries| {
            entries.extend(second.unwrap_or_default());
            entries
        });
    }
    panes
}

/// The text column's width of pane `q` (`width` columns) printed as plain
/// text; `None` in colour, for an empty pane, and for a pane too tight for
/// its number, text and badge columns (those are drawn into cells).
fn text_width(swot: &Swot, q: Quadrant, width: u16, plain: bool) -> Option<usize> {
    let items = swot.items(q);
    if !plain || items.is_empty() {
        return None;
    }
    let inner = width.saturating_sub(2);
    let look = look(votes_width(items), Style::new());
    let (number_width, text_width) = list::columns(items.len(), &look, inner);
    roomy(&look, number_width, text_width, inner).then_some(text_width)
}

/// `items`' shown texts and their lines `text_width` columns wide.
fn prepare(items: &[SwotItem], text_width: usize) -> Prepared<'_> {
    items
        .iter()
        .map(|item| {
            let mut shown = for_display(&item.text);
            if let Some(group) = item.group.as_deref().filter(|g| !g.trim().is_empty()) {
                let joined = list::join_tag(&shown, &for_display(group.trim()));
                shown = Cow::Owned(joined);
            }
            let lines = wrap_once(&shown, text_width);
            (shown, lines)
        })
        .collect()
}

/// Whether every column of a list gets its full width: then its rows can be
/// written from the wrapped lines without clipping anything.
fn roomy(look: &ListLook, number_width: usize, text_width: usize, inner: u16) -> bool {
    let badge = if look.badge_width > 0 {
        look.badge_width + 1
    } else {
        0
    };
    text_width >= 2 && 1 + number_width + badge + text_width == usize::from(inner)
}

/// Plain text of a run of cells, as [`super::print::push_line`] prints it.
pub(super) fn push_cells(line: &mut String, cells: &[Cell]) {
    let mut skip = 0;
    for cell in cells {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let symbol = cell.symbol();
        line.push_str(if symbol.is_empty() { " " } else { symbol });
        skip = cluster_width(symbol).saturating_sub(1);
    }
}

/// `n` spaces appended to `line`.
fn pad(line: &mut String, n: usize) {
    const SPACES: &str = "                                                                ";
    let mut n = n;
    while n > 0 {
        let k = n.min(SPACES.len());
        line.push_str(&SPACES[..k]);
        n -= k;
    }
}

pub(super) fn decimal_digits(n: u32) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

impl PanePrinter<'_> {
    /// Appends the next row inside the border as plain text. An entry of a
    /// pane wide enough for its number, text and badge columns is written
    /// straight from its wrapped lines; anything tighter is drawn into cells
    /// as on screen, so both give the same characters.
    pub(super) fn push_plain_row(&mut self, line: &mut String) {
        let Some(prepared) = &self.prepared else {
            let cells = self.next_row();
            push_cells(line, cells);
            return;
        };
        let items = self.swot.items(self.q);
        let (inner, number_width) = (self.inner, self.number_width);
        if self.next >= self.rows {
            if self.item >= prepared.len() {
                push_cells(line, self.frame.row(1));
                return;
            }
            self.rows = prepared[self.item].1.len().max(1);
            self.item += 1;
            self.next = 0;
        }
        let (shown, lines) = &prepared[self.item - 1];
        let r = self.next;
        self.next += 1;
        line.push('│');
        let start = line.len();
        line.push(' ');
        if r == 0 {
            let _ = write!(line, "{:>w$}. ", self.item, w = number_width - 2);
        } else {
            pad(line, number_width);
        }
        let text = lines.get(r).map_or("", |range| &shown[range.clone()]);
        line.push_str(text);
        let mut used = 1 + number_width + str_width(text);
        let votes = items[self.item - 1].votes;
        if r == 0 && votes > 0 {
            // The badge `+N`, as `item_row` makes it, without the String.
            let w = 1 + decimal_digits(votes);
            if w + 1 + number_width < inner {
                pad(line, inner - w - used);
                let _ = write!(line, "+{votes}");
                used = inner;
            }
        }
        pad(line, inner.saturating_sub(used));
        debug_assert!(str_width(&line[start..]) == inner);
        line.push('│');
    }
}
