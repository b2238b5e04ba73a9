//! Recommendations, action items (owner, due date in the UI calendar,
//! overdue ones stand out) and the closing notes (role review, experience
//! exchange), left to right; above the action items, the follow-ups of the
//! past session when there are any.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::form::overdue;
use crate::app::{ActionsPane, App, Target};
use crate::i18n::followup::followup_strings;
use crate::i18n::strings;
use crate::session::{Action as ActionItem, Note, Timestamp};
use crate::text::Lang;
use crate::text::date::format_date_short;

use super::followups::{followup_row, split_for_followups};
use super::layout::{split_at_column, split_at_row};
use super::list::Row;
use super::pane::{PaneSpec, PaneView, draw_pane};
use super::{Status, UiState};

/// "☐ text — owner · 15 ก.พ. 64 · ⚠ overdue", leaving out what an action
/// does not have. The Actions view and the Summary show actions alike.
pub fn action_line(a: &ActionItem, lang: Lang, now: Timestamp) -> String {
    let mark = if a.done { "☑" } else { "☐" };
    let mut details = Vec::new();
    if !a.owner.trim().is_empty() {
        details.push(a.owner.clone());
    }
    if let Some(due) = a.due {
        details.push(format_date_short(due, lang));
    }
    if overdue(a, now) {
        details.push(format!("⚠ {}", strings(lang).overdue));
    }
    if details.is_empty() {
        format!("{mark} {}", a.text)
    } else {
        format!("{mark} {} — {}", a.text, details.join(" · "))
    }
}

pub fn draw(app: &App, status: &Status, area: Rect, buf: &mut Buffer, state: &mut UiState) {
    let third = area.width / 3;
    let (recommendations, rest) = split_at_column(area, third);
    let (middle, closing) = split_at_column(rest, third);
    let (followups, actions) = split_for_followups(app, middle);
    let (role_review, exchange) = split_at_row(closing, closing.height.div_ceil(2));
    // In the order of `ActionsPane::ALL`.
    let rects = [recommendations, actions, role_review, exchange, followups];
    for (pane, rect) in ActionsPane::ALL.into_iter().zip(rects) {
        if rect.height > 0 {
            draw_one(app, status, pane, rect, buf, state);
        }
    }
}

fn draw_one(
    app: &App,
    status: &Status,
    pane: ActionsPane,
    area: Rect,
    buf: &mut Buffer,
    state: &mut UiState,
) {
    let t = strings(app.lang());
    let s = app.session();
    let name = match pane {
        ActionsPane::Recommendations => t.recommendations,
        ActionsPane::Actions => t.actions,
        ActionsPane::RoleReview => t.role_review,
        ActionsPane::ExperienceExchange => t.experience_exchange,
        ActionsPane::FollowUps => followup_strings(app.lang()).followups,
    };
    let i = pane.index();
    let spec = PaneSpec {
        key: "",
        name,
        accent: Style::new(),
        focused: app.actions().focus == pane,
        empty: t.no_notes,
        badge_width: 0,
        theme: &status.theme,
    };
    let view = PaneView {
        selected: app.actions().selected[i],
        offset: state.action_offsets[i],
    };
    let notes = |list: &'_ [Note]| list.len();
    let drawn = match pane {
        ActionsPane::Actions => {
            let row = |k: usize| {
                let a = &s.actions[k];
                let row = Row::owned(action_line(a, app.lang(), status.now))
                    .with_tag(a.group.as_deref(), status.theme.dim());
                if overdue(a, status.now) {
                    row.styled(status.theme.error())
                } else {
                    row
                }
            };
            draw_pane(&spec, s.actions.len(), row, view, area, buf, &state.cache)
        }
        ActionsPane::FollowUps => {
            let row = |k: usize| followup_row(&s.followups[k], app.lang(), status);
            draw_pane(&spec, s.followups.len(), row, view, area, buf, &state.cache)
        }
        _ => {
            let list: &[Note] = match pane {
                ActionsPane::Recommendations => &s.recommendations,
                ActionsPane::RoleReview => &s.notes.role_review,
                _ => &s.notes.experience_exchange,
            };
            draw_pane(
                &spec,
                notes(list),
                |k| Row::new(&list[k].text).with_tag(list[k].group.as_deref(), status.theme.dim()),
                view,
                area,
                buf,
                &state.cache,
            )
        }
    };
    state.action_offsets[i] = drawn.offset;
    state.add_targets(area, &drawn, |k| Target::ActionsList(pane, k));
}
