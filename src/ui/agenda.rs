//! The agenda: stages on the left (number, title, done mark, time spent);
//! the selected stage's full text and notes on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Target};
use crate::i18n::strings;

use super::chrome::spent_seconds;
use super::detail::Detail;
use super::layout::{clock, column_look, two_columns};
use super::list::{Row, draw_list};
use super::{Status, UiState};

pub fn draw(app: &App, status: &Status, area: Rect, buf: &mut Buffer, state: &mut UiState) {
    let t = strings(app.lang());
    let stages_focused = !app.agenda().notes_focused;
    let (inner, right) = two_columns(area, t.stages, stages_focused, status, buf);
    let stages = &app.session().stages;
    let running = app.running_stage();
    let mut look = column_look(stages_focused, status);
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
        no_notes: t.no_notes,
        selected: app.agenda().note,
        focused: app.agenda().notes_focused,
        target: Target::StageNote,
    };
    detail.draw(status, right, buf, state);
}
