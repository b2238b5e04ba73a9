//! Frames drawn onto the last one. While the facilitator types into the
//! SWOT text box, only the text box and the header and footer rows can
//! change: the board above keeps its cells (the board memo knows when it
//! is the same board). Laying out, copying, splitting and comparing a
//! whole 200×60 screen for every key made a keystroke cost more the fuller
//! the board was; redrawing only those rows makes it cost the same with a
//! dozen items as with ten thousand.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, Clear, Widget};

use crate::app::{App, Mode, View};

use super::{MIN_HEIGHT, MIN_WIDTH, Status, UiState};
use super::{chrome, editor_rect, screen_rows, swot_board, textbox};

/// Which rows of the buffer a frame may have changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    All,
    /// These rows, whole; every other row is as the last frame left it.
    Rows(Vec<Range<u16>>),
}

/// What the last frame was.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LastFrame {
    /// The screen and the text box of a frame of the SWOT view with its
    /// text box open.
    text_box: Option<(Rect, Rect)>,
}

/// Draws the app into `buf`. When `kept`, `buf` holds the last frame this
/// function drew with `state`, unchanged; otherwise anything. Returns where
/// the terminal cursor goes and the rows that may differ from the last
/// frame.
pub fn draw(
    buf: &mut Buffer,
    kept: bool,
    app: &App,
    status: &Status,
    state: &mut UiState,
) -> (Option<Position>, Changed) {
    if kept && let Some(drawn) = text_box_only(buf, app, status, state) {
        return drawn;
    }
    buf.reset();
    let cursor = super::draw_buffer(buf, app, status, state);
    state.last_frame = LastFrame {
        text_box: swot_text_box(app, buf.area),
    };
    (cursor, Changed::All)
}

/// The screen and the text box, when the SWOT view shows its text box.
fn swot_text_box(app: &App, area: Rect) -> Option<(Rect, Rect)> {
    if app.view() != View::Swot || area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let (_, _, body) = screen_rows(area);
    editor_rect(app, body).map(|(_, rect)| (area, rect))
}

/// Redraws the header, the footer and the text box over the last frame,
/// if that frame showed the same board around a text box in the same
/// place; `None` when the whole screen must be drawn.
fn text_box_only(
    buf: &mut Buffer,
    app: &App,
    status: &Status,
    state: &mut UiState,
) -> Option<(Option<Position>, Changed)> {
    let (area, rect) = swot_text_box(app, buf.area)?;
    if state.last_frame.text_box != Some((area, rect)) {
        return None;
    }
    let Mode::Editing(editor) = app.mode() else {
        return None;
    };
    let (header, footer, mut body) = screen_rows(area);
    body.height -= rect.height;
    let board = swot_board(app, status, state.board.offsets, &state.cache);
    if !state
        .board_memo
        .holds(&board, app.revision(), body.intersection(buf.area))
    {
        return None;
    }
    for row in [header, footer] {
        Clear.render(row, buf);
        Block::new().style(status.theme.base()).render(row, buf);
    }
    chrome::header(app, status, header, buf);
    chrome::footer(app, status, footer, buf);
    Clear.render(rect, buf);
    let title = chrome::editor_title(app, editor);
    let cursor = textbox::draw(&editor.text, &title, rect, buf, &status.theme);
    for redrawn in [header, rect, footer] {
        super::sara_am::split_am_clusters_in(buf, redrawn);
    }
    let rows = [header, rect, footer].map(|r| r.top()..r.bottom());
    Some((cursor, Changed::Rows(rows.to_vec())))
}
