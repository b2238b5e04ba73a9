//! Drawing: one file per view and overlay. Reads the app, changes nothing
//! in it; `UiState` only remembers scroll positions and what sits where.

pub mod actions_view;
pub mod agenda;
pub mod board;
pub mod board_memo;
pub mod board_print;
pub mod chrome;
pub mod detail;
pub mod followups;
pub mod form;
pub mod frame;
pub mod guidance;
pub mod help;
pub mod home;
pub mod home_export;
pub mod home_extras;
pub mod home_overview;
pub mod layout;
pub mod links;
pub mod list;
pub mod pane;
pub mod photos_view;
pub mod print;
pub mod room;
pub mod sara_am;
pub mod strategies;
pub mod summary_view;
pub mod textbox;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, Clear, Widget};

use crate::app::{App, Mode, Target, View};
use crate::i18n::strings;
use crate::session::Timestamp;
use crate::text::wrap::WrapCache;

pub use theme::{Theme, ThemeName};

/// Below this the screen only says it is too small.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// Whether the session is on disk, for the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    NotSaved(String),
    /// Saved, but the backup this opening takes before its first save
    /// failed, for the reason given.
    SavedWithoutBackup(String),
}

/// What the frame needs besides the app: the save state, the clock, colours.
pub struct Status<'a> {
    pub save: &'a SaveState,
    pub now: Timestamp,
    pub theme: Theme,
}

impl UiState {
    /// What a click at `at` selects, if anything.
    pub fn target_at(&self, at: ratatui::layout::Position) -> Option<Target> {
        self.targets
            .iter()
            .rev()
            .find(|(r, _)| r.contains(at))
            .map(|(_, t)| *t)
    }

    /// Records a drawn pane and its visible entries as click targets.
    pub fn add_targets(
        &mut self,
        pane: Rect,
        drawn: &list::Drawn,
        target: impl Fn(Option<usize>) -> Target,
    ) {
        self.targets.push((pane, target(None)));
        self.targets
            .extend(drawn.rows.iter().map(|(r, i)| (*r, target(Some(*i)))));
    }
}

/// What drawing remembers between frames: scroll positions (like ratatui's
/// `ListState`), the wrap cache, and where things were, for the mouse.
#[derive(Default)]
pub struct UiState {
    pub cache: WrapCache,
    pub board: board::BoardLayout,
    pub board_memo: board_memo::BoardMemo,
    /// What a click at a place selects, most specific last.
    pub targets: Vec<(Rect, Target)>,
    pub stages_offset: usize,
    pub notes_offset: usize,
    pub checklist_offset: usize,
    pub home_offset: usize,
    /// The first row of the home screen's overview shown.
    pub overview_offset: usize,
    pub strategy_offsets: [usize; 4],
    pub action_offsets: [usize; 5],
    pub photo_offset: usize,
    /// The summary's last frame: (how far it can scroll, lines shown).
    pub summary_fit: (usize, usize),
    /// What the last frame was, for drawing only what typing changes.
    pub last_frame: frame::LastFrame,
}

pub fn draw(frame: &mut Frame, app: &App, status: &Status, state: &mut UiState) {
    if let Some(cursor) = draw_buffer(frame.buffer_mut(), app, status, state) {
        frame.set_cursor_position(cursor);
    }
}

/// [`draw`] into a blank buffer; returns where the terminal cursor goes.
pub fn draw_buffer(
    buf: &mut Buffer,
    app: &App,
    status: &Status,
    state: &mut UiState,
) -> Option<Position> {
    let cursor = draw_screen(buf, app, status, state);
    sara_am::split_am_clusters(buf);
    cursor
}

fn draw_screen(
    buf: &mut Buffer,
    app: &App,
    status: &Status,
    state: &mut UiState,
) -> Option<Position> {
    state.targets.clear();
    let area = buf.area;
    let mut cursor = None;
    Block::new().style(status.theme.base()).render(area, buf);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        list::draw_wrapped(
            strings(app.lang()).too_small,
            area,
            buf,
            &state.cache,
            status.theme.warning(),
        );
        return None;
    }
    let (header, footer, mut body) = screen_rows(area);
    chrome::header(app, status, header, buf);
    chrome::footer(app, status, footer, buf);
    let editor_area = editor_rect(app, body);
    if let Some((_, rect)) = editor_area {
        body.height -= rect.height;
    }
    match app.view() {
        View::Agenda => agenda::draw(app, status, body, buf, state),
        View::Guidance => guidance::draw(app, status, body, buf, state),
        View::Swot => draw_swot(app, status, body, buf, state),
        View::Strategies => strategies::draw(app, status, body, buf, state),
        View::Actions => actions_view::draw(app, status, body, buf, state),
        View::Photos => photos_view::draw(app, status, body, buf, state),
        View::Summary => summary_view::draw(app, status, body, buf, state),
    }
    if let Some((editor, rect)) = editor_area {
        Clear.render(rect, buf);
        let title = chrome::editor_title(app, editor);
        cursor = textbox::draw(&editor.text, &title, rect, buf, &status.theme);
    }
    match app.mode() {
        Mode::Help => help::draw(app, status, body, buf),
        Mode::LinkPicker {
            pair,
            index,
            cursor,
        } => {
            links::draw(app, status, (*pair, *index, *cursor), body, buf, state);
        }
        Mode::Form(form) => cursor = form::draw(app, status, form, body, buf),
        Mode::Normal if app.room().overlay().is_some() => {
            room::draw(app, status, body, buf);
        }
        _ => {}
    }
    cursor
}

/// The header row, the footer row and the body between them, of a screen
/// at least [`MIN_HEIGHT`] tall.
fn screen_rows(area: Rect) -> (Rect, Rect, Rect) {
    let header = Rect { height: 1, ..area };
    let footer = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    (header, footer, body)
}

/// The text box of the editing mode, and where it sits: the bottom of
/// `body`, as tall as its text (at most half of `body`).
fn editor_rect(app: &App, body: Rect) -> Option<(&crate::app::Editor, Rect)> {
    let Mode::Editing(editor) = app.mode() else {
        return None;
    };
    let h = textbox::height(&editor.text, body.width, body.height / 2);
    let rect = Rect {
        y: body.bottom() - h,
        height: h,
        ..body
    };
    Some((editor, rect))
}

fn draw_swot(
    app: &App,
    status: &Status,
    area: Rect,
    buf: &mut ratatui::buffer::Buffer,
    state: &mut UiState,
) {
    let board = swot_board(app, status, state.board.offsets, &state.cache);
    state.board = state.board_memo.draw(&board, app.revision(), area, buf);
    let layout = &state.board;
    let panes = layout
        .panes
        .iter()
        .map(|(r, q)| (*r, Target::Swot(*q, None)));
    let items = layout
        .items
        .iter()
        .map(|(r, q, i)| (*r, Target::Swot(*q, Some(*i))));
    state.targets.extend(panes.chain(items));
}

/// The SWOT board as the screen shows it now.
fn swot_board<'a>(
    app: &'a App,
    status: &Status,
    offsets: [usize; 4],
    cache: &'a WrapCache,
) -> board::Board<'a> {
    let panes = std::array::from_fn(|i| board::PaneView {
        selected: app.swot().selected[i],
        offset: offsets[i],
    });
    board::Board {
        swot: &app.session().swot,
        lang: app.lang(),
        theme: status.theme,
        focus: Some(app.swot().focus),
        panes,
        zoom: app.swot().zoom,
        cache,
    }
}
