//! The agenda: stages on the left (number, title, done mark, time spent);
//! the selected stage's full text and notes on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, BorderType, Widget};

use crate::app::App;
use crate::i18n::strings;

use super::chrome::{clock, spent_seconds};
use super::list::{ListLook, Row, draw_list, draw_wrapped};
use super::{Status, UiState};

/// A bordered column; the focused one gets a thick border and a marker.
pub fn column(title: &str, focused: bool, status: &Status) -> Block<'static> {
    let style = if focused {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    let marker = if focused { "▶" } else { " " };
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(status.theme.base())
        .title(ratatui::text::Span::styled(
            format!("{marker} {title} "),
            style,
        ))
}

pub fn look(focused: bool, status: &Status) -> ListLook {
    ListLook {
        numbered: true,
        badge_width: 0,
        accent: Style::new(),
        selected: status.theme.selected(),
        focused,
    }
}

/// Splits the body into a left list column and a right detail column.
pub fn columns(area: Rect) -> (Rect, Rect) {
    let left = (area.width * 2 / 5).clamp(area.width.min(24), 48);
    (
        Rect {
            width: left,
            ..area
        },
        Rect {
            x: area.x + left,
            width: area.width - left,
            ..area
        },
    )
}

pub fn draw(app: &App, status: &Status, area: Rect, buf: &mut Buffer, state: &mut UiState) {
    let t = strings(app.lang);
    let (left, right) = columns(area);
    let stages_focused = !app.agenda.notes_focused;
    let block = column(t.stages, stages_focused, status);
    let inner = block.inner(left);
    block.render(left, buf);
    let stages = &app.session.stages;
    let running = app.running_stage();
    let mut look = look(stages_focused, status);
    look.badge_width = 9;
    let drawn = draw_list(
        stages.len(),
        |i| {
            let s = &stages[i];
            let mark = if s.done {
                "✓"
            } else if running == Some(i) {
                "▶"
            } else {
                "·"
            };
            let minutes = spent_seconds(s, status) / 60;
            Row::owned(format!("{mark} {}", s.title.get(app.lang)))
                .with_badge(Some(format!("{minutes}/{}′", s.timebox_minutes)))
        },
        Some(app.agenda.stage),
        state.stages_offset,
        &look,
        inner,
        buf,
        &state.cache,
    );
    state.stages_offset = drawn.offset;
    let Some(stage) = stages.get(app.agenda.stage) else {
        return;
    };
    let title = format!("{} · {}", stage.id, stage.title.get(app.lang));
    let block = column(&title, app.agenda.notes_focused, status);
    let inner = block.inner(right);
    block.render(right, buf);
    let padded = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let time = format!(
        "{} {} / {} {}",
        t.spent,
        clock(spent_seconds(stage, status)),
        t.timebox,
        clock(u64::from(stage.timebox_minutes) * 60)
    );
    buf.set_stringn(
        padded.x,
        padded.y,
        time,
        usize::from(padded.width),
        status.theme.dim(),
    );
    let text_area = Rect {
        y: padded.y + 2,
        height: padded.height.saturating_sub(2),
        ..padded
    };
    let used = draw_wrapped(
        stage.text.get(app.lang),
        text_area,
        buf,
        &state.cache,
        Style::new(),
    );
    let notes_area = Rect {
        y: text_area.y + used + 1,
        height: text_area.height.saturating_sub(used + 1),
        ..inner
    };
    draw_notes(
        app,
        &stage.notes,
        app.agenda.note,
        app.agenda.notes_focused,
        t.notes,
        status,
        notes_area,
        buf,
        state,
    );
}

/// A "Notes" heading and the notes list under it; shared with the guidance view.
#[allow(clippy::too_many_arguments)]
pub fn draw_notes(
    app: &App,
    notes: &[crate::session::Note],
    selected: Option<usize>,
    focused: bool,
    heading: &str,
    status: &Status,
    area: Rect,
    buf: &mut Buffer,
    state: &mut UiState,
) {
    if area.height < 2 {
        return;
    }
    let t_style = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    buf.set_stringn(
        area.x + 1,
        area.y,
        heading,
        usize::from(area.width.saturating_sub(2)),
        t_style,
    );
    let list_area = Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    };
    if notes.is_empty() {
        buf.set_stringn(
            list_area.x + 1,
            list_area.y,
            strings(app.lang).no_notes,
            usize::from(list_area.width.saturating_sub(2)),
            status.theme.dim(),
        );
        return;
    }
    let drawn = draw_list(
        notes.len(),
        |i| Row::new(&notes[i].text),
        selected,
        state.notes_offset,
        &look(focused, status),
        list_area,
        buf,
        &state.cache,
    );
    state.notes_offset = drawn.offset;
}
