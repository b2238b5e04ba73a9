//! The home screen's overview of the folder: one line a row, so it reads
//! at 80×24 — what recurs in each quadrant with its sessions and votes, the
//! open actions overdue first, open actions by owner, sessions per month
//! as bars — and under it, where Enter on the selected row leads.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::app::home::overview::{Overview, Row, Section};
use crate::i18n::across::across_strings;
use crate::i18n::followup::followup_strings;
use crate::i18n::{fill, strings};
use crate::text::Lang;
use crate::text::date::{format_date_short, format_month_short};
use crate::text::sanitize::for_display;
use crate::text::width::{shorten, str_width, truncate_to_width};

use super::Theme;

/// Draws `overview` into `body`; `offset` is the first row shown, kept so
/// that the selected row stays in view.
pub fn draw(
    overview: &Overview,
    lang: Lang,
    body: Rect,
    buf: &mut Buffer,
    theme: &Theme,
    offset: &mut usize,
) {
    if body.height < 3 || body.width < 10 {
        return;
    }
    let rows = overview.rows();
    let height = usize::from(body.height - 2);
    let selected = overview.selected();
    if selected < *offset {
        // Bring the heading of the selected row's section into view with it.
        let heading = matches!(rows.get(selected.wrapping_sub(1)), Some(Row::Heading(_)));
        *offset = selected.saturating_sub(usize::from(heading));
    } else if selected >= *offset + height {
        *offset = selected + 1 - height;
    }
    let width = usize::from(body.width.saturating_sub(2));
    for (y, (i, row)) in (body.y..).zip(rows.iter().enumerate().skip(*offset).take(height)) {
        let (mut left, right, style) = line(row, lang, theme, width);
        let style = if i == selected && row.selectable() {
            // A mark as well as reverse video: it shows without colour too.
            if left.starts_with(' ') {
                left.replace_range(..1, "▸");
            }
            style.patch(theme.selected())
        } else {
            style
        };
        put(buf, body.x + 1, y, &left, &right, width, style);
    }
    if let Some(target) = overview.target() {
        let a = across_strings(lang);
        let day = format_date_short(target.day, lang);
        let place = a.place(target.place, lang);
        let text = format!("→ {} · {day} · {place}", target.title);
        let y = body.bottom() - 1;
        put(
            buf,
            body.x + 1,
            y,
            &text,
            "",
            width,
            theme.dim().add_modifier(Modifier::BOLD),
        );
    }
}

/// A row as its text on the left, what goes at the right edge, and its style.
fn line(row: &Row, lang: Lang, theme: &Theme, width: usize) -> (String, String, Style) {
    let (s, a) = (strings(lang), across_strings(lang));
    match row {
        Row::Summary {
            sessions,
            span,
            skipped,
        } => {
            let mut text = match span {
                Some((first, last)) => a.period_line(
                    *sessions,
                    &format_date_short(*first, lang),
                    &format_date_short(*last, lang),
                ),
                None => s.no_sessions.to_owned(),
            };
            if *skipped > 0 {
                let n = skipped.to_string();
                text.push_str(&format!(" · {}", fill(a.skipped_files, &[("n", &n)])));
            }
            (
                text,
                String::new(),
                theme.base().add_modifier(Modifier::BOLD),
            )
        }
        Row::Heading(section) => {
            let (text, style) = match section {
                Section::Recurring(q) => (
                    fill(a.recurring_in, &[("quadrant", s.quadrant(*q))]),
                    theme.accent(*q),
                ),
                Section::OpenActions { open, overdue } => {
                    let (open, overdue) = (open.to_string(), overdue.to_string());
                    let counts = fill(a.open_summary, &[("open", &open), ("overdue", &overdue)]);
                    (format!("{} · {counts}", a.open_actions), theme.base())
                }
                Section::Owners => (a.owners.to_owned(), theme.base()),
                Section::Months => (a.months.to_owned(), theme.base()),
            };
            (text, String::new(), style.add_modifier(Modifier::BOLD))
        }
        Row::Nothing(section) => {
            let text = match section {
                Section::Recurring(_) => a.none_recur,
                Section::OpenActions { .. } | Section::Owners => a.no_open,
                Section::Months => s.no_sessions,
            };
            (format!("  {text}"), String::new(), theme.dim())
        }
        Row::Recurring {
            text,
            sessions,
            votes,
            first,
            last,
            ..
        } => {
            let counts = fill(
                a.counts,
                &[
                    ("sessions", &sessions.to_string()),
                    ("votes", &votes.to_string()),
                ],
            );
            let span = if first == last {
                format_date_short(*first, lang)
            } else {
                format!(
                    "{}–{}",
                    format_date_short(*first, lang),
                    format_date_short(*last, lang)
                )
            };
            // The dates only where they fit beside a readable text.
            let right = if width >= 100 {
                format!("{counts} · {span}")
            } else {
                counts
            };
            (format!("  {text}"), right, theme.base())
        }
        Row::Action {
            text,
            owner,
            due,
            overdue,
            status,
            ..
        } => {
            let state = if *overdue {
                s.overdue
            } else {
                followup_strings(lang).status(*status)
            };
            let due = due.map_or_else(String::new, |d| format!("{} ", format_date_short(d, lang)));
            let owner = if owner.trim().is_empty() {
                a.no_owner
            } else {
                owner
            };
            let style = if *overdue {
                theme.warning()
            } else {
                theme.base()
            };
            (format!("  {state} {due}· {text}"), owner.to_owned(), style)
        }
        Row::Owner {
            owner,
            open,
            overdue,
        } => {
            let owner = if owner.trim().is_empty() {
                a.no_owner
            } else {
                owner
            };
            let right = format!("{} {open} · {} {overdue}", a.open_count, a.overdue_count);
            (format!("  {owner}"), right, theme.base())
        }
        Row::Month {
            year,
            month,
            sessions,
            most,
        } => {
            let name = format_month_short(*year, *month, lang);
            let room = width.saturating_sub(24).min(40);
            let bar = if *most == 0 {
                0
            } else {
                (room * sessions).div_ceil(*most)
            };
            let text = format!("  {name:<8} {} {sessions}", "█".repeat(bar));
            (text, String::new(), theme.base())
        }
    }
}

/// Writes `left`, cut to leave room for `right` at the right edge, one
/// line of `width` columns from `x`, all in `style`.
fn put(buf: &mut Buffer, x: u16, y: u16, left: &str, right: &str, width: usize, style: Style) {
    let left = for_display(&left.replace(['\n', '\r'], " ")).into_owned();
    let right = for_display(right).into_owned();
    let right = truncate_to_width(&right, width / 2);
    let right_width = str_width(right);
    let room = width.saturating_sub(right_width + usize::from(right_width > 0) * 2);
    let shown = shorten(&left, room);
    let line = format!(
        "{shown}{}{right}",
        " ".repeat(width.saturating_sub(str_width(&shown) + right_width))
    );
    buf.set_stringn(x, y, line, width, style);
}
