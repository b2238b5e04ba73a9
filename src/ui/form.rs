//! A form overlay: a row per field (three for a paragraph, wrapped at Thai
//! word boundaries), scrolled so the focused field shows, the focused one
//! with the cursor, and the reason in red when a value could not be read.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::{App, Field, FieldKind, Form, FormKind};
use crate::i18n::details::details_strings;
use crate::i18n::{Strings, strings};
use crate::text::Lang;
use crate::text::sanitize::for_display;
use crate::text::width::{clusters, shorten, str_width};
use crate::text::wrap::wrap;

use super::Status;
use super::layout::centered;
use super::textbox::paint_rows;

/// Rows a paragraph field (the objective) takes on screen.
const PARAGRAPH_ROWS: u16 = 3;

fn label(lang: Lang, kind: FieldKind) -> &'static str {
    let t: &Strings = strings(lang);
    let d = details_strings(lang);
    match kind {
        FieldKind::Lang => crate::i18n::facilitator::facilitator_strings(lang).session_lang,
        FieldKind::Text => t.text,
        FieldKind::Owner => t.owner,
        FieldKind::Due => t.due,
        FieldKind::Title => t.title,
        FieldKind::Project => d.project,
        FieldKind::Objective => d.objective,
        FieldKind::Date => t.date,
        FieldKind::Time => d.time,
        FieldKind::Venue => t.venue,
        FieldKind::District => t.district,
        FieldKind::Province => t.province,
        FieldKind::Organiser => t.organiser,
        FieldKind::PresidedBy => d.presided_by,
        FieldKind::PresidedPosition => d.presided_position,
        FieldKind::Facilitator => t.facilitator,
        FieldKind::FacilitatorPosition => d.facilitator_position,
        FieldKind::Team => d.team,
        FieldKind::Headline => d.headline,
        FieldKind::Tagline => d.tagline,
        FieldKind::Credit => d.credit,
        FieldKind::Total => t.total,
        FieldKind::Group => t.group,
        FieldKind::NewGroup => t.new_group,
    }
}

/// The footer while a form is open: a paragraph field says how to start a
/// new line in it.
pub fn keys(app: &App, form: &Form) -> &'static str {
    match form.focused() {
        Some(f) if f.kind.is_paragraph() => details_strings(app.lang()).paragraph_keys,
        _ => strings(app.lang()).form_keys,
    }
}

fn rows_of(field: &Field) -> u16 {
    if field.kind.is_paragraph() {
        PARAGRAPH_ROWS
    } else {
        1
    }
}

/// Draws the form; returns where the terminal cursor goes.
pub fn draw(
    app: &App,
    status: &Status,
    form: &Form,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let t = strings(app.lang());
    let tops: Vec<u16> = form
        .fields
        .iter()
        .scan(0u16, |y, f| {
            let top = *y;
            *y = y.saturating_add(rows_of(f));
            Some(top)
        })
        .collect();
    let total_rows = form
        .fields
        .iter()
        .fold(0u16, |n, f| n.saturating_add(rows_of(f)));
    // Borders, a spare row and the row of the error message.
    let height = total_rows.saturating_add(4).min(area.height);
    let mut rect = centered(area, 90, 100);
    rect.y = area.y + (area.height - height) / 2;
    rect.height = height;
    Clear.render(rect, buf);
    let title = match form.kind {
        FormKind::Action(_) => t.action_form_title,
        FormKind::Details => t.details_title,
    };
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .style(status.theme.base())
        .title(format!(" {title} "));
    let inner = block.inner(rect);
    block.render(rect, buf);
    // Labels take at most half the width, so a value always has room.
    let label_width = form
        .fields
        .iter()
        .map(|f| str_width(label(app.lang(), f.kind)))
        .max()
        .unwrap_or(0)
        .saturating_add(2)
        .min(usize::from(inner.width / 2));
    let visible = inner.height.saturating_sub(2);
    // Scrolled just enough that the focused field's last row shows.
    let focus_bottom = tops
        .get(form.focus)
        .zip(form.fields.get(form.focus))
        .map_or(0, |(top, f)| top + rows_of(f));
    let offset = focus_bottom.saturating_sub(visible);
    let mut cursor = None;
    for (k, (field, &top)) in form.fields.iter().zip(&tops).enumerate() {
        let rows = rows_of(field);
        if top < offset || top + rows > offset + visible {
            continue;
        }
        let y = inner.y + top - offset;
        let focused = k == form.focus;
        let style = if focused {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        buf.set_stringn(
            inner.x + 1,
            y,
            format!("{}:", label(app.lang(), field.kind)),
            label_width,
            style,
        );
        let x = inner.x + 1 + label_width as u16;
        let value = Rect::new(x, y, inner.right().saturating_sub(x + 1), rows);
        let value_style = if focused {
            status.theme.selected()
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        };
        buf.set_style(value, value_style);
        let at = draw_value(field, focused, value, buf, value_style);
        if focused {
            cursor = at;
        }
    }
    scroll_marks(rect, buf, offset > 0, total_rows > offset + visible, status);
    if let Some(error) = &form.error {
        // The spare row and the last one: a message of two rows fits at 80 columns.
        let width = usize::from(inner.width.saturating_sub(2));
        let message = error.message(app.lang());
        let rows = wrap(&message, width.max(1));
        let shown = &rows[..rows.len().min(2)];
        let top = inner.bottom().saturating_sub(shown.len() as u16);
        for (y, range) in (top..inner.bottom()).zip(shown) {
            buf.set_stringn(
                inner.x + 1,
                y,
                &message[range.clone()],
                width,
                status.theme.error(),
            );
        }
    }
    cursor
}

/// A field's value in `area`; where the cursor goes when it is focused.
fn draw_value(
    field: &Field,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
    style: Style,
) -> Option<Position> {
    if field.kind.is_paragraph() {
        return paint_rows(&field.text, area, buf, style, focused).map(|p| p.cursor);
    }
    let width = usize::from(area.width);
    if !focused {
        // From its start, cut with an ellipsis when it does not fit.
        let text = for_display(&field.text.text().replace('\n', " ")).into_owned();
        let shown = shorten(&text, width);
        buf.set_stringn(area.x, area.y, &shown, width, style);
        return None;
    }
    let (shown, col) = visible_part(field.text.text(), field.text.cursor(), width);
    buf.set_stringn(area.x, area.y, &shown, width, style);
    Some(Position::new(area.x + col as u16, area.y))
}

/// ▲ on the top border when fields are hidden above, ▼ on the bottom one
/// when fields are hidden below.
fn scroll_marks(rect: Rect, buf: &mut Buffer, above: bool, below: bool, status: &Status) {
    if rect.width < 4 || rect.height < 2 {
        return;
    }
    let style = status.theme.dim().add_modifier(Modifier::BOLD);
    let x = rect.right() - 3;
    if above {
        buf.set_string(x, rect.y, "▲", style);
    }
    if below {
        buf.set_string(x, rect.bottom() - 1, "▼", style);
    }
}

/// The part of a one-line field that fits `width` columns with the cursor in
/// view, and the cursor's column in it. Whole clusters only.
fn visible_part(text: &str, cursor: usize, width: usize) -> (String, usize) {
    let text = text.replace('\n', " ");
    let cells: Vec<(usize, String)> = clusters(&text)
        .map(|(at, g)| (at, for_display(g).into_owned()))
        .collect();
    let before: Vec<usize> = cells
        .iter()
        .take_while(|(at, _)| *at < cursor)
        .map(|(_, g)| str_width(g))
        .collect();
    let mut col: usize = before.iter().sum();
    let mut skip = 0;
    while col + 1 > width && skip < before.len() {
        col -= before[skip];
        skip += 1;
    }
    let shown: String = cells.iter().skip(skip).map(|(_, g)| g.as_str()).collect();
    (shown, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_in_view_in_a_long_field() {
        assert_eq!(visible_part("abc", 3, 10), ("abc".into(), 3));
        let (shown, col) = visible_part("abcdefghij", 10, 5);
        assert_eq!(col, 4);
        assert!(shown.starts_with("ghij"));
        let (_, col) = visible_part("ที่ทำการ", 0, 3);
        assert_eq!(col, 0);
    }
}
