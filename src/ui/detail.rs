//! The right column of the agenda and guidance: a stage's or point's full
//! text under a one-line status, then its notes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use crate::app::Target;
use crate::session::Note;

use super::layout::{column, column_look};
use super::list::{Row, draw_list, draw_wrapped};
use super::{Status, UiState};

/// What the detail column shows.
pub struct Detail<'a> {
    pub title: String,
    pub status_line: String,
    pub text: &'a str,
    pub notes: &'a [Note],
    pub heading: &'a str,
    /// What shows under the heading when there are no notes.
    pub no_notes: &'a str,
    pub selected: Option<usize>,
    pub focused: bool,
    /// What a click on note `i` selects.
    pub target: fn(usize) -> Target,
}

impl Detail<'_> {
    pub fn draw(&self, status: &Status, area: Rect, buf: &mut Buffer, state: &mut UiState) {
        let block = column(&self.title, self.focused, status);
        let inner = block.inner(area);
        block.render(area, buf);
        let padded = Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(2),
            ..inner
        };
        if padded.is_empty() {
            return;
        }
        buf.set_stringn(
            padded.x,
            padded.y,
            &self.status_line,
            usize::from(padded.width),
            status.theme.dim(),
        );
        let text_area = Rect {
            y: padded.y + 2,
            height: padded.height.saturating_sub(2),
            ..padded
        };
        let used = draw_wrapped(self.text, text_area, buf, &state.cache, Style::new());
        let notes_area = Rect {
            y: text_area.y + used + 1,
            height: text_area.height.saturating_sub(used + 1),
            ..inner
        };
        self.draw_notes(status, notes_area, buf, state);
    }

    fn draw_notes(&self, status: &Status, area: Rect, buf: &mut Buffer, state: &mut UiState) {
        if area.height < 2 {
            return;
        }
        let t_style = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        buf.set_stringn(
            area.x + 1,
            area.y,
            self.heading,
            usize::from(area.width.saturating_sub(2)),
            t_style,
        );
        let list_area = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
        let notes = self.notes;
        if notes.is_empty() {
            buf.set_stringn(
                list_area.x + 1,
                list_area.y,
                self.no_notes,
                usize::from(list_area.width.saturating_sub(2)),
                status.theme.dim(),
            );
            return;
        }
        let drawn = draw_list(
            notes.len(),
            |i| Row::new(&notes[i].text).with_tag(notes[i].group.as_deref(), status.theme.dim()),
            self.selected,
            state.notes_offset,
            &column_look(self.focused, status),
            list_area,
            buf,
            &state.cache,
        );
        state.notes_offset = drawn.offset;
        state
            .targets
            .extend(drawn.rows.iter().map(|(r, k)| (*r, (self.target)(*k))));
    }
}
