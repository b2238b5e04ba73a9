//! The help overlay: every key of the current screen, from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::App;
use crate::i18n::strings;
use crate::input::{bindings_for, key_name};
use crate::text::width::str_width;

use super::Status;

pub fn draw(app: &App, status: &Status, area: Rect, buf: &mut Buffer) {
    let t = strings(app.lang);
    let rows: Vec<(String, &str)> = bindings_for(app.view)
        .map(|b| {
            (
                b.keys
                    .iter()
                    .map(|k| key_name(*k))
                    .collect::<Vec<_>>()
                    .join(" / "),
                b.label(app.lang),
            )
        })
        .collect();
    let key_width = rows.iter().map(|(k, _)| str_width(k)).max().unwrap_or(0);
    let width = (key_width + 30).min(usize::from(area.width)) as u16;
    let height = (rows.len() as u16 + 4).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .style(status.theme.base())
        .title(format!(" {} · {} ", t.help_title, t.view(app.view)))
        .title_bottom(format!(" {} ", t.help_close));
    let inner = block.inner(rect);
    block.render(rect, buf);
    for ((keys, label), y) in rows.iter().zip(inner.y..inner.bottom()) {
        buf.set_stringn(
            inner.x + 1,
            y,
            keys,
            key_width,
            Style::new().add_modifier(Modifier::BOLD),
        );
        let x = inner.x + 2 + key_width as u16;
        buf.set_stringn(
            x,
            y,
            label,
            usize::from(inner.right().saturating_sub(x)),
            Style::new(),
        );
    }
}
