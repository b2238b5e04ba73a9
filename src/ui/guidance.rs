//! The officials' guidance: points with their sub-items as a checklist on
//! the left; the selected point's text and notes on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Target, guidance_rows};
use crate::i18n::strings;

use super::detail::Detail;
use super::layout::{column_look, two_columns};
use super::list::{Row, draw_list};
use super::{Status, UiState};

pub fn draw(app: &App, status: &Status, area: Rect, buf: &mut Buffer, state: &mut UiState) {
    let t = strings(app.lang());
    let list_focused = !app.guidance().notes_focused;
    let (inner, right) = two_columns(area, t.guidance, list_focused, status, buf);
    let rows = guidance_rows(app.session());
    let points = &app.session().guidance;
    let mut look = column_look(list_focused, status);
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
                    i.label.get(app.lang())
                ),
                None => format!("{} {}", point.id, point.title.get(app.lang())),
            };
            Row::owned(text).with_badge(None)
        },
        Some(app.guidance().row),
        state.checklist_offset,
        &look,
        inner,
        buf,
        &state.cache,
    );
    state.checklist_offset = drawn.offset;
    state.targets.extend(
        drawn
            .rows
            .iter()
            .map(|(r, k)| (*r, Target::GuidanceRow(*k))),
    );
    let Some(point) = app.selected_point().and_then(|p| points.get(p)) else {
        return;
    };
    let done = point.items.iter().filter(|i| i.discussed).count();
    let detail = Detail {
        title: format!("{} · {}", point.id, point.title.get(app.lang())),
        status_line: format!("{} {done}/{}", t.discussed, point.items.len()),
        text: point.text.get(app.lang()),
        notes: &point.notes,
        heading: t.guidance_notes,
        no_notes: t.no_notes,
        selected: app.guidance().note,
        focused: app.guidance().notes_focused,
        target: Target::GuidanceNote,
    };
    detail.draw(status, right, buf, state);
}
