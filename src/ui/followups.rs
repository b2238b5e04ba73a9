//! The follow-ups of a past session's open actions, as the Actions view
//! and the Summary show them.

use ratatui::layout::Rect;
use ratatui::style::Modifier;

use crate::app::{ActionsPane, App};
use crate::i18n::followup::followup_strings;
use crate::session::{FollowUp, FollowUpStatus};
use crate::text::Lang;
use crate::text::date::format_date_short;

use super::Status;
use super::layout::split_at_row;
use super::list::Row;

/// "☐ text — owner · 15 ก.พ. 64 · open · from Past title": the mark and the
/// status word both say what became of it, so it reads without colour.
pub fn followup_line(f: &FollowUp, lang: Lang) -> String {
    let t = followup_strings(lang);
    let mark = match f.status {
        FollowUpStatus::Open => "☐",
        FollowUpStatus::Done => "☑",
        FollowUpStatus::Carried => "↻",
        FollowUpStatus::Dropped => "✗",
    };
    let mut details = Vec::new();
    if !f.owner.trim().is_empty() {
        details.push(f.owner.clone());
    }
    if let Some(due) = f.due {
        details.push(format_date_short(due, lang));
    }
    // The status before the source: a long title must not push it out of view.
    details.push(t.status(f.status).to_owned());
    if !f.from_title.trim().is_empty() {
        details.push(format!("{} {}", t.from, f.from_title));
    }
    format!("{mark} {} — {}", f.text, details.join(" · "))
}

/// A row of the follow-ups pane: dropped ones dimmed, done ones plain, the
/// ones still to settle in the accent of things to do.
pub fn followup_row(f: &FollowUp, lang: Lang, status: &Status) -> Row<'static> {
    let row = Row::owned(followup_line(f, lang));
    match f.status {
        FollowUpStatus::Dropped => row.styled(status.theme.dim()),
        FollowUpStatus::Done => row,
        FollowUpStatus::Open | FollowUpStatus::Carried => {
            row.styled(ratatui::style::Style::new().add_modifier(Modifier::BOLD))
        }
    }
}

/// The action items' column split: the follow-ups on the upper half (their
/// entries wrap, so they get room enough to be read), the action items
/// below; no follow-ups, no split.
pub fn split_for_followups(app: &App, column: Rect) -> (Rect, Rect) {
    let shown = app.shows_pane(ActionsPane::FollowUps);
    split_at_row(column, if shown { column.height / 2 } else { 0 })
}

/// The follow-ups still to settle (open or carried on), for the Summary.
pub fn still_open(followups: &[FollowUp]) -> impl Iterator<Item = &FollowUp> {
    followups
        .iter()
        .filter(|f| matches!(f.status, FollowUpStatus::Open | FollowUpStatus::Carried))
}
