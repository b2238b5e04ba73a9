//! The help overlay: every key of the current screen, from the key table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::App;
use crate::i18n::strings;
use crate::input::{Binding, bindings_for, key_name};
use crate::text::Lang;
use crate::text::width::str_width;

use super::Status;
use super::layout::centered_size;

pub fn draw(app: &App, status: &Status, area: Rect, buf: &mut Buffer) {
    let t = strings(app.lang());
    let title = format!(" {} · {} ", t.help_title, app.view().label(t));
    draw_keys(
        &title,
        bindings_for(app.view()),
        app.lang(),
        status,
        area,
        buf,
    );
}

/// A centred overlay listing `bindings`: keys and labels, in as many
/// columns as the area needs so that none is left out.
pub fn draw_keys<A: 'static>(
    title: &str,
    bindings: impl Iterator<Item = &'static Binding<A>>,
    lang: Lang,
    status: &Status,
    area: Rect,
    buf: &mut Buffer,
) {
    let t = strings(lang);
    let rows: Vec<(String, &str)> = bindings
        .map(|b| {
            (
                b.keys
                    .iter()
                    .map(|k| key_name(*k))
                    .collect::<Vec<_>>()
                    .join(" / "),
                b.label(lang),
            )
        })
        .collect();
    let key_width = rows.iter().map(|(k, _)| str_width(k)).max().unwrap_or(0);
    let label_width = rows.iter().map(|(_, l)| str_width(l)).max().unwrap_or(0);
    let column_width = key_width + label_width + 3;
    // One column when it fits, else as many as needed side by side.
    let fit_rows = usize::from(area.height.saturating_sub(2)).max(1);
    let columns = rows.len().div_ceil(fit_rows).max(1);
    let per_column = rows.len().div_ceil(columns).max(1);
    let width = (column_width * columns + 2)
        .max(str_width(title) + 4)
        .min(usize::from(area.width)) as u16;
    let height = (per_column as u16 + 2).min(area.height);
    let rect = centered_size(area, width, height);
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .style(status.theme.base())
        .title(title.to_owned())
        .title_bottom(format!(" {} ", t.help_close));
    let inner = block.inner(rect);
    block.render(rect, buf);
    for (n, (keys, label)) in rows.iter().enumerate() {
        let x = inner.x + ((n / per_column) * column_width) as u16 + 1;
        let y = inner.y + (n % per_column) as u16;
        if y >= inner.bottom() || x >= inner.right() {
            continue;
        }
        let room = usize::from(inner.right() - x);
        buf.set_stringn(
            x,
            y,
            keys,
            key_width.min(room),
            Style::new().add_modifier(Modifier::BOLD),
        );
        let lx = x + key_width as u16 + 1;
        if lx < inner.right() {
            buf.set_stringn(
                lx,
                y,
                label,
                usize::from(inner.right() - lx).min(label_width),
                Style::new(),
            );
        }
    }
}
