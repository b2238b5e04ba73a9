//! The officials' guidance: points with their sub-items as a checklist on
//! the left; the selected point's text and notes on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::app::{App, guidance_rows};
use crate::i18n::strings;

use super::agenda::{column, columns, draw_notes, look};
use super::list::{Row, draw_list, draw_wrapped};
use super::{Status, UiState};

pub fn draw(app: &App, status: &Status, area: Rect, buf: &mut Buffer, state: &mut UiState) {
    let t = strings(app.lang);
    let (left, right) = columns(area);
    let list_focused = !app.guidance.notes_focused;
    let block = column(t.guidance, list_focused, status);
    let inner = block.inner(left);
    block.render(left, buf);
    let rows = guidance_rows(&app.session);
    let points = &app.session.guidance;
    let mut look = look(list_focused, status);
    look.numbered = false;
    let drawn = draw_list(
        rows.len(),
        |r| {
            let (p, item) = rows[r];
            let point = &points[p];
            let text = match item.and_then(|i| point.items.get(i)) {
                Some(i) => format!(
                    "  {} {}",
                    if i.discussed { "☑" } else { "☐" },
                    i.label.get(app.lang)
                ),
                None => format!("{} {}", point.id, point.title.get(app.lang)),
            };
            Row::owned(text).with_badge(None)
        },
        Some(app.guidance.row),
        state.checklist_offset,
        &look,
        inner,
        buf,
        &state.cache,
    );
    state.checklist_offset = drawn.offset;
    let Some(point) = app.selected_point().and_then(|p| points.get(p)) else {
        return;
    };
    let title = format!("{} · {}", point.id, point.title.get(app.lang));
    let block = column(&title, app.guidance.notes_focused, status);
    let inner = block.inner(right);
    block.render(right, buf);
    let padded = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let used = draw_wrapped(
        point.text.get(app.lang),
        padded,
        buf,
        &state.cache,
        Style::new(),
    );
    let done = point.items.iter().filter(|i| i.discussed).count();
    let progress = format!("{} {done}/{}", t.discussed, point.items.len());
    if used < padded.height {
        buf.set_stringn(
            padded.x,
            padded.y + used,
            progress,
            usize::from(padded.width),
            status.theme.dim(),
        );
    }
    let notes_area = Rect {
        y: padded.y + used + 2,
        height: padded.height.saturating_sub(used + 2),
        ..inner
    };
    draw_notes(
        app,
        &point.notes,
        app.guidance.note,
        app.guidance.notes_focused,
        t.guidance_notes,
        status,
        notes_area,
        buf,
        state,
    );
}
