//! The closing overview: counts per quadrant, the most-voted items, time per stage.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::app::App;
use crate::i18n::strings;
use crate::session::Quadrant;
use crate::text::sanitize::for_display;

use super::chrome::{clock, spent_seconds};
use super::{Status, UiState};

/// How many of each quadrant's items the summary lists.
const TOP: usize = 3;

pub fn draw(app: &App, status: &Status, area: Rect, buf: &mut Buffer, _state: &mut UiState) {
    let t = strings(app.lang);
    let mut lines: Vec<(String, Style)> = Vec::new();
    let bold = Style::new().add_modifier(Modifier::BOLD);
    lines.push((format!("{} · {}", t.swot, t.top_voted), bold));
    for q in Quadrant::ALL {
        let items = app.session.swot.items(q);
        lines.push((
            format!("{} ({})", t.quadrant(q), items.len()),
            status.theme.accent(q).add_modifier(Modifier::BOLD),
        ));
        let mut ranked: Vec<_> = items.iter().enumerate().collect();
        // Most votes first; equal votes keep board order.
        ranked.sort_by(|a, b| b.1.votes.cmp(&a.1.votes).then(a.0.cmp(&b.0)));
        for (i, item) in ranked.into_iter().take(TOP) {
            lines.push((
                format!(
                    "   {}{} +{}  {}",
                    q.letter(),
                    i + 1,
                    item.votes,
                    for_display(&item.text).replace('\n', " ")
                ),
                Style::new(),
            ));
        }
    }
    lines.push((String::new(), Style::new()));
    lines.push((t.stages.to_owned(), bold));
    for stage in &app.session.stages {
        let mark = if stage.done { "✓" } else { "·" };
        lines.push((
            format!(
                "   {mark} {} {}  {} / {}",
                stage.id,
                stage.title.get(app.lang),
                clock(spent_seconds(stage, status)),
                clock(u64::from(stage.timebox_minutes) * 60)
            ),
            Style::new(),
        ));
    }
    for (row, (text, style)) in (area.y + 1..area.bottom()).zip(lines) {
        buf.set_stringn(
            area.x + 1,
            row,
            &text,
            usize::from(area.width.saturating_sub(2)),
            style,
        );
    }
}
