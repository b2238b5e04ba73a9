//! A form overlay: one line per field, the focused one with the cursor,
//! and the reason in red when a value could not be read.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::{App, FieldKind, Form, FormKind};
use crate::i18n::{Strings, strings};
use crate::text::Lang;
use crate::text::sanitize::for_display;
use crate::text::width::{clusters, str_width};

use super::Status;
use super::layout::centered;

fn label(lang: Lang, kind: FieldKind) -> &'static str {
    let t: &Strings = strings(lang);
    match kind {
        FieldKind::Lang => crate::i18n::facilitator::facilitator_strings(lang).session_lang,
        FieldKind::Text => t.text,
        FieldKind::Owner => t.owner,
        FieldKind::Due => t.due,
        FieldKind::Title => t.title,
        FieldKind::Date => t.date,
        FieldKind::Venue => t.venue,
        FieldKind::District => t.district,
        FieldKind::Province => t.province,
        FieldKind::Organiser => t.organiser,
        FieldKind::Facilitator => t.facilitator,
        FieldKind::Total => t.total,
        FieldKind::Group => t.group,
        FieldKind::NewGroup => t.new_group,
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
    let height = (form.fields.len() as u16 + 4).min(area.height);
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
    let label_width = form
        .fields
        .iter()
        .map(|f| str_width(label(app.lang(), f.kind)))
        .max()
        .unwrap_or(0)
        + 2;
    let mut cursor = None;
    let visible = usize::from(inner.height.saturating_sub(2));
    let first = form.focus.saturating_sub(visible.saturating_sub(1));
    for (k, (field, y)) in form
        .fields
        .iter()
        .enumerate()
        .skip(first)
        .zip(inner.y..inner.bottom())
        .map(|((k, f), y)| (k, (f, y)))
    {
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
        let width = usize::from(inner.right().saturating_sub(x + 1));
        let (shown, col) = visible_part(field.text.text(), field.text.cursor(), width);
        let value_style = if focused {
            status.theme.selected()
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        };
        buf.set_style(Rect::new(x, y, width as u16, 1), value_style);
        buf.set_stringn(x, y, &shown, width, value_style);
        if focused {
            cursor = Some(Position::new(x + col as u16, y));
        }
    }
    if let Some(error) = &form.error {
        let y = inner.bottom().saturating_sub(1);
        buf.set_stringn(
            inner.x + 1,
            y,
            error.message(app.lang()),
            usize::from(inner.width.saturating_sub(2)),
            status.theme.error(),
        );
    }
    cursor
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
