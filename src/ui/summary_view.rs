//! The closing overview, the screen to project at the end of the day:
//! counts and most-voted items per quadrant, strategies per pair, open
//! actions with owner and due date, time spent per stage against its timebox,
//! how many photos of the day the report will end with.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::app::App;
use crate::app::form::overdue;
use crate::i18n::strings;
use crate::session::{Quadrant, TowsPair};
use crate::text::sanitize::for_display;
use crate::text::wrap::wrap;

use super::actions_view::action_line;
use super::chrome::spent_seconds;
use super::followups::{followup_line, still_open};
use super::layout::{clock, split_at_column};
use super::strategies::link_numbers;
use super::{Status, UiState};
use crate::i18n::followup::followup_strings;

/// How many of each quadrant's items the summary lists.
const TOP: usize = 3;

type Lines = Vec<(String, Style)>;

fn one_line(s: &str) -> String {
    for_display(s).replace('␊', " ")
}

pub fn draw(app: &App, status: &Status, area: Rect, buf: &mut Buffer, state: &mut UiState) {
    let left = swot_lines(app, status);
    let right = closing_lines(app, status);
    // Two columns when there is room: the SWOT on the left, the rest on the
    // right. Long lines wrap; both columns scroll together.
    let columns: Vec<(Lines, Rect)> = if area.width >= 100 {
        let (l, r) = split_at_column(area, area.width / 2);
        vec![(wrapped(&left, l), l), (wrapped(&right, r), r)]
    } else {
        let mut all = left;
        all.push((String::new(), Style::new()));
        all.extend(right);
        vec![(wrapped(&all, area), area)]
    };
    let page = usize::from(area.height.saturating_sub(1));
    let longest = columns
        .iter()
        .map(|(lines, _)| lines.len())
        .max()
        .unwrap_or(0);
    let max = longest.saturating_sub(page);
    let offset = app.summary().offset.min(max);
    state.summary_fit = (max, page);
    for (lines, rect) in &columns {
        draw_lines(lines.get(offset..).unwrap_or_default(), *rect, buf);
    }
    scroll_marks(offset, max, area, buf, status);
}

/// ▲ / ▼ at the right edge when there is more above / below.
fn scroll_marks(offset: usize, max: usize, area: Rect, buf: &mut Buffer, status: &Status) {
    if area.width < 2 || area.height < 2 {
        return;
    }
    let x = area.right() - 1;
    let style = status.theme.warning().add_modifier(Modifier::BOLD);
    if offset > 0 {
        buf.set_stringn(x, area.y + 1, "▲", 1, style);
    }
    if offset < max {
        buf.set_stringn(x, area.bottom() - 1, "▼", 1, style);
    }
}

/// The lines wrapped to the column (less its margins), each continuation
/// indented like its first line.
fn wrapped(lines: &Lines, area: Rect) -> Lines {
    let width = usize::from(area.width.saturating_sub(3)).max(1);
    let mut out = Vec::new();
    for (text, style) in lines {
        let body = text.trim_start_matches(' ');
        let indent = (text.len() - body.len()).min(width / 2);
        if body.is_empty() {
            out.push((String::new(), *style));
            continue;
        }
        let pad = " ".repeat(indent);
        for range in wrap(body, width - indent) {
            out.push((format!("{pad}{}", &body[range]), *style));
        }
    }
    out
}

fn swot_lines(app: &App, status: &Status) -> Lines {
    let t = strings(app.lang());
    let mut lines = vec![(format!("{} · {}", t.swot, t.top_voted), bold())];
    for q in Quadrant::ALL {
        let items = app.session().swot.items(q);
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
                    one_line(&item.text)
                ),
                Style::new(),
            ));
        }
    }
    lines
}

fn closing_lines(app: &App, status: &Status) -> Lines {
    let t = strings(app.lang());
    let s = app.session();
    let mut lines = vec![(t.strategies_per_pair.to_owned(), bold())];
    for pair in TowsPair::ALL {
        let items = s.strategies.items(pair);
        lines.push((
            format!("   {} ({})", t.tows(pair), items.len()),
            status.theme.pair_accent(pair),
        ));
        for st in items {
            let links = link_numbers(s, st).join(" · ");
            lines.push((
                format!("      {}  → {links}", one_line(&st.text)),
                Style::new(),
            ));
        }
    }
    lines.push((String::new(), Style::new()));
    lines.push((t.open_actions.to_owned(), bold()));
    let open: Vec<_> = s.actions.iter().filter(|a| !a.done).collect();
    if open.is_empty() {
        lines.push((format!("   {}", t.none), status.theme.dim()));
    }
    for a in open {
        let style = if overdue(a, status.now) {
            status.theme.error()
        } else {
            Style::new()
        };
        lines.push((
            format!("   {}", one_line(&action_line(a, app.lang(), status.now))),
            style,
        ));
    }
    followup_lines(app, status, &mut lines);
    lines.push((String::new(), Style::new()));
    lines.push((t.time_per_stage.to_owned(), bold()));
    for stage in &s.stages {
        let mark = if stage.done { "✓" } else { "·" };
        let spent = spent_seconds(stage, status);
        let budget = u64::from(stage.timebox_minutes) * 60;
        let style = if budget > 0 && spent > budget {
            status.theme.error()
        } else {
            Style::new()
        };
        lines.push((
            format!(
                "   {mark} {} {}  {} / {}",
                stage.id,
                stage.title.get(app.lang()),
                clock(spent),
                clock(budget)
            ),
            style,
        ));
    }
    lines.push((String::new(), Style::new()));
    lines.push((format!("{} ({})", t.photos, s.photos.len()), bold()));
    lines
}

/// The past session's actions still to settle, when this session follows one up.
fn followup_lines(app: &App, status: &Status, lines: &mut Lines) {
    let followups = &app.session().followups;
    if followups.is_empty() {
        return;
    }
    lines.push((String::new(), Style::new()));
    lines.push((followup_strings(app.lang()).still_open.to_owned(), bold()));
    let mut open = still_open(followups).peekable();
    if open.peek().is_none() {
        lines.push((
            format!("   {}", strings(app.lang()).none),
            status.theme.dim(),
        ));
    }
    for f in open {
        lines.push((
            format!("   {}", one_line(&followup_line(f, app.lang()))),
            Style::new(),
        ));
    }
}

fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

fn draw_lines(lines: &[(String, Style)], area: Rect, buf: &mut Buffer) {
    for (row, (text, style)) in (area.y + 1..area.bottom()).zip(lines) {
        buf.set_stringn(
            area.x + 1,
            row,
            text,
            usize::from(area.width.saturating_sub(3)),
            *style,
        );
    }
}
