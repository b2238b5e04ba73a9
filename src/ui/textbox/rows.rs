//! The text box's rows: its text as rows of a given width, and where the
//! cursor goes among them. Drawing is `ui/textbox.rs`.
//!
//! Each `'\n'`-separated paragraph is sanitised cluster by cluster (an ESC
//! shows as ␛) and the sanitised text is wrapped, so widths are those of what
//! is really drawn. The cursor's byte offset in the stored text is carried
//! over to the sanitised text cluster by cluster, which keeps it on a cluster
//! boundary there too.
//!
//! Where the cursor shows at a soft line break: on the last row that starts
//! at or before it. So at a break between two Thai words it shows at the
//! start of the lower row; on the spaces dropped at a break it shows after
//! the upper row's text (counting the spaces), unless that is past the text
//! width, and then it shows at the start of the lower row. Past the end of a
//! full last row it shows at the start of a new row when the box has one to
//! spare (and [`height`](super::height) asks for it), otherwise on the last
//! row's last cluster.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use ratatui::buffer::CellWidth;

use crate::app::textbox::TextBox;
use crate::text::cursor::snap_to_cluster;
use crate::text::sanitize::for_display;
use crate::text::width::clusters;
use crate::text::wrap::wrap;

/// One wrapped row: a byte range into a sanitised paragraph.
#[derive(Debug)]
pub(super) struct Row {
    paragraph: usize,
    range: Range<usize>,
}

/// Where the cursor goes, before knowing how many rows the box shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Spot {
    At {
        row: usize,
        col: usize,
    },
    /// Past the end of the text, whose last row is full: the start of a new
    /// row if there is room, otherwise the end of `row`.
    PastEnd {
        row: usize,
    },
}

/// The text as rows of at most `width` columns, and the cursor's spot.
#[derive(Debug)]
pub(super) struct Laid {
    /// Each `'\n'`-separated paragraph, sanitised for display.
    paragraphs: Vec<String>,
    pub(super) rows: Vec<Row>,
    pub(super) cursor: Spot,
    width: usize,
}

impl Laid {
    pub(super) fn row_text(&self, row: &Row) -> &str {
        self.paragraphs
            .get(row.paragraph)
            .and_then(|p| p.get(row.range.clone()))
            .unwrap_or("")
    }

    /// The cursor's (row, column) when the box shows `visible` rows.
    pub(super) fn resolve(&self, visible: usize, width: usize) -> (usize, usize) {
        match self.cursor {
            Spot::At { row, col } => (row, col),
            Spot::PastEnd { .. } if self.rows.len() < visible => (self.rows.len(), 0),
            Spot::PastEnd { row } => {
                let text = self.rows.get(row).map_or("", |r| self.row_text(r));
                (row, last_cursor_col(text, width.min(self.width)))
            }
        }
    }
}

thread_local! {
    /// The box laid out last, with its text, cursor and width. A frame lays
    /// the same box out twice (its height for the screen, then its rows),
    /// and segmenting Thai is the dearest part of a keystroke's frame.
    static LAST_LAID: RefCell<Option<LaidFor>> = const { RefCell::new(None) };
}

/// A layout, and the text, cursor and width it is for.
type LaidFor = (String, usize, usize, Rc<Laid>);

/// Lays `tb` out in rows of `width` columns (0 counts as 1), or gives the
/// same layout as last time.
pub(super) fn lay_out(tb: &TextBox, width: usize) -> Rc<Laid> {
    LAST_LAID.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((text, cursor, w, laid)) = last.as_ref()
            && text == tb.text()
            && *cursor == tb.cursor()
            && *w == width
        {
            return Rc::clone(laid);
        }
        let laid = Rc::new(lay_out_anew(tb, width));
        let mut text = last.take().map(|(text, ..)| text).unwrap_or_default();
        text.clear();
        text.push_str(tb.text());
        *last = Some((text, tb.cursor(), width, Rc::clone(&laid)));
        laid
    })
}

fn lay_out_anew(tb: &TextBox, width: usize) -> Laid {
    let width = width.max(1);
    let text = tb.text();
    let cursor = tb.cursor().min(text.len());
    let mut laid = Laid {
        paragraphs: Vec::new(),
        rows: Vec::new(),
        cursor: Spot::At { row: 0, col: 0 },
        width,
    };
    let mut placed = false;
    let mut start = 0;
    let mut pieces = text.split('\n').peekable();
    while let Some(piece) = pieces.next() {
        let end = start + piece.len();
        let last = pieces.peek().is_none();
        // A CR before the LF is part of the line end, as in `wrap`.
        let content = match piece.strip_suffix('\r') {
            Some(stripped) if !last => stripped,
            _ => piece,
        };
        // The first paragraph that does not end before the cursor holds it;
        // an offset inside "\r\n" counts as the end of the content.
        let here = (!placed && cursor <= end).then(|| (cursor - start).min(content.len()));
        let (shown, at) = sanitise_paragraph(content, here);
        let lines = wrap(&shown, width);
        if let Some(at) = at {
            laid.cursor = place(&shown, &lines, at, width, laid.rows.len(), last);
            placed = true;
        }
        let paragraph = laid.paragraphs.len();
        laid.rows
            .extend(lines.into_iter().map(|range| Row { paragraph, range }));
        laid.paragraphs.push(shown);
        start = end + 1;
    }
    laid
}

/// `paragraph` sanitised cluster by cluster, and the offset in the result of
/// the cluster boundary at or before byte `at` of `paragraph`.
fn sanitise_paragraph(paragraph: &str, at: Option<usize>) -> (String, Option<usize>) {
    let mut shown = String::with_capacity(paragraph.len());
    let mut mapped = None;
    for (start, g) in clusters(paragraph) {
        if mapped.is_none() && at.is_some_and(|at| at < start + g.len()) {
            mapped = Some(shown.len());
        }
        shown.push_str(&for_display(g));
    }
    // Sanitising can fuse neighbouring clusters (a bidi mark removed between
    // two regional indicators), so snap onto the shown text's own clusters.
    let mapped = at.map(|_| snap_to_cluster(&shown, mapped.unwrap_or(shown.len())));
    (shown, mapped)
}

/// The spot of byte `at` of the sanitised paragraph `shown`, laid out as
/// `lines`, whose first row is `first_row` of the box.
fn place(
    shown: &str,
    lines: &[Range<usize>],
    at: usize,
    width: usize,
    first_row: usize,
    last_paragraph: bool,
) -> Spot {
    let k = lines.iter().rposition(|l| l.start <= at).unwrap_or(0);
    let line_start = lines.get(k).map_or(0, |l| l.start);
    let col = shown.get(line_start..at).map_or(0, cells);
    if col < width {
        Spot::At {
            row: first_row + k,
            col,
        }
    } else if k + 1 < lines.len() {
        Spot::At {
            row: first_row + k + 1,
            col: 0,
        }
    } else if last_paragraph {
        Spot::PastEnd { row: first_row + k }
    } else {
        let text = lines
            .get(k)
            .and_then(|l| shown.get(l.clone()))
            .unwrap_or("");
        Spot::At {
            row: first_row + k,
            col: last_cursor_col(text, width),
        }
    }
}

/// Columns `s` takes in a ratatui buffer. The same as `str_width` except
/// for halfwidth katakana sound marks, which ratatui counts once more; the
/// cursor has to match where ratatui really put the clusters.
pub(super) fn cells(s: &str) -> usize {
    clusters(s).map(|(_, g)| usize::from(g.cell_width())).sum()
}

/// The rightmost cluster start of `line` within `width` columns: where a
/// cursor that does not fit after the line goes, so that it covers the last
/// cluster rather than the second half of a wide one.
fn last_cursor_col(line: &str, width: usize) -> usize {
    let limit = width.saturating_sub(1);
    let mut col = 0;
    for (_, g) in clusters(line) {
        let next = col + usize::from(g.cell_width());
        if next > limit {
            break;
        }
        col = next;
    }
    col
}
