//! The agenda: stages on the left (number, title, done mark, time spent);
//! the selected stage's full text and notes on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, BorderType, Widget};

use crate::app::{App, Target};
use crate::i18n::strings;
use crate::session::Note;

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
    let t = strings(app.lang());
    let (left, right) = columns(area);
    let stages_focused = !app.agenda().notes_focused;
    let block = column(t.stages, stages_focused, status);
    let inner = block.inner(left);
    block.render(left, buf);
    let stages = &app.session().stages;
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
            Row::owned(format!("{mark} {}", s.title.get(app.lang())))
                .with_badge(Some(format!("{minutes}/{}′", s.timebox_minutes)))
        },
        Some(app.agenda().stage),
        state.stages_offset,
        &look,
        inner,
        buf,
        &state.cache,
    );
    state.stages_offset = drawn.offset;
    state
        .targets
        .extend(drawn.rows.iter().map(|(r, k)| (*r, Target::Stage(*k))));
    let Some(stage) = stages.get(app.agenda().stage) else {
        return;
    };
    let detail = Detail {
        title: format!("{} · {}", stage.id, stage.title.get(app.lang())),
        status_line: format!(
            "{} {} / {} {}",
            t.spent,
            clock(spent_seconds(stage, status)),
            t.timebox,
            clock(u64::from(stage.timebox_minutes) * 60)
        ),
        text: stage.text.get(app.lang()),
        notes: &stage.notes,
        heading: t.notes,
        selected: app.agenda().note,
        focused: app.agenda().notes_focused,
        target: Target::StageNote,
    };
    draw_detail(app, &detail, status, right, buf, state);
}

/// The right column of the agenda and guidance: a stage's or point's full
/// text under a one-line status, then its notes.
pub struct Detail<'a> {
    pub title: String,
    pub status_line: String,
    pub text: &'a str,
    pub notes: &'a [Note],
    pub heading: &'a str,
    pub selected: Option<usize>,
    pub focused: bool,
    /// What a click on note `i` selects.
    pub target: fn(usize) -> Target,
}

pub fn draw_detail(
    app: &App,
    d: &Detail,
    status: &Status,
    area: Rect,
    buf: &mut Buffer,
    state: &mut UiState,
) {
    let block = column(&d.title, d.focused, status);
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
        &d.status_line,
        usize::from(padded.width),
        status.theme.dim(),
    );
    let text_area = Rect {
        y: padded.y + 2,
        height: padded.height.saturating_sub(2),
        ..padded
    };
    let used = draw_wrapped(d.text, text_area, buf, &state.cache, Style::new());
    let notes_area = Rect {
        y: text_area.y + used + 1,
        height: text_area.height.saturating_sub(used + 1),
        ..inner
    };
    draw_notes(app, d, status, notes_area, buf, state);
}

fn draw_notes(
    app: &App,
    d: &Detail,
    status: &Status,
    area: Rect,
    buf: &mut Buffer,
    state: &mut UiState,
) {
    let (notes, selected, focused, heading) = (d.notes, d.selected, d.focused, d.heading);
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
            strings(app.lang()).no_notes,
            usize::from(list_area.width.saturating_sub(2)),
            status.theme.dim(),
        );
        return;
    }
    let drawn = draw_list(
        notes.len(),
        |i| Row::new(&notes[i].text).with_tag(notes[i].group.as_deref(), status.theme.dim()),
        selected,
        state.notes_offset,
        &look(focused, status),
        list_area,
        buf,
        &state.cache,
    );
    state.notes_offset = drawn.offset;
    state
        .targets
        .extend(drawn.rows.iter().map(|(r, k)| (*r, (d.target)(*k))));
}
