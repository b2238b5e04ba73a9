//! Room mode on screen: the QR code overlay, the inbox, and the header's
//! note that a room is open.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::App;
use crate::app::room::RoomOverlay;
use crate::i18n::room::{room_strings, with_number};
use crate::i18n::strings;
use crate::room::inbox::Waiting;
use crate::text::sanitize::for_display;
use crate::text::width::{str_width, truncate_to_width};

use super::Status;

/// The header's room note: open, and how many wait; `None` when there is
/// nothing to say.
pub fn header_note(app: &App) -> Option<String> {
    let r = room_strings(app.lang());
    let waiting = app.room().inbox().len();
    let count = with_number(r.waiting, waiting);
    match (app.room().is_open(), waiting) {
        (true, _) => Some(format!(" │ {} · {count}", r.room_open)),
        (false, 0) => None,
        (false, _) => Some(format!(" │ {count}")),
    }
}

pub fn draw(app: &App, status: &Status, area: Rect, buf: &mut Buffer) {
    match app.room().overlay() {
        Some(RoomOverlay::Qr) => draw_qr(app, status, area, buf),
        Some(RoomOverlay::Inbox) => draw_inbox(app, status, area, buf),
        None => {}
    }
}

fn framed(title: &str, status: &Status, area: Rect, buf: &mut Buffer) -> Rect {
    Clear.render(area, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .title(format!(" {title} "))
        .style(status.theme.base());
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// One line centred in `area` at row `y`, cut to fit.
fn centred(text: &str, y: u16, area: Rect, buf: &mut Buffer, style: ratatui::style::Style) {
    let width = usize::from(area.width);
    let text = truncate_to_width(text, width);
    let x = area.x + ((width - str_width(text)) / 2) as u16;
    buf.set_stringn(x, y, text, width, style);
}

/// The address's QR code, as big as the code allows and centred, black on
/// white whatever the theme (a projected code must scan), and the address.
fn draw_qr(app: &App, status: &Status, area: Rect, buf: &mut Buffer) {
    let r = room_strings(app.lang());
    let inner = framed(r.room_open, status, area, buf);
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    let bold = status.theme.base().add_modifier(Modifier::BOLD);
    if let Some(problem) = app.room().problem() {
        centred(
            &for_display(problem),
            inner.y,
            inner,
            buf,
            status.theme.error(),
        );
        return;
    }
    let Some(url) = app.room().url() else {
        return;
    };
    centred(r.scan_to_send, inner.y, inner, buf, bold);
    let url_row = inner.bottom() - 1;
    centred(url, url_row, inner, buf, bold);
    let room_rows = usize::from(inner.height - 2);
    let cols = usize::from(inner.width);
    // As big as the window allows: twice as big scans from the back of the
    // room; at 80×24 the quiet zone narrows so the code still fits.
    match app.room().qr().and_then(|code| code.fit(cols, room_rows)) {
        Some(qr) => {
            let x = inner.x + ((cols - qr.width) / 2) as u16;
            let top = inner.y + 1 + ((room_rows - qr.height) / 2) as u16;
            for (i, line) in qr.to_lines().iter().enumerate() {
                buf.set_line(x, top + i as u16, line, qr.width as u16);
            }
        }
        None => centred(
            r.enlarge_for_qr,
            inner.y + inner.height / 2,
            inner,
            buf,
            status.theme.warning(),
        ),
    }
}

/// The waiting submissions, one a line: an item's quadrant, group, time
/// and text; a photo's mark, group, time, caption, size and pixels.
fn draw_inbox(app: &App, status: &Status, area: Rect, buf: &mut Buffer) {
    let r = room_strings(app.lang());
    let t = strings(app.lang());
    let inbox = app.room().inbox();
    let title = format!(
        "{} · {}",
        r.inbox_title,
        with_number(r.waiting, inbox.len())
    );
    let inner = framed(&title, status, area, buf);
    if inner.height < 2 {
        return;
    }
    let width = usize::from(inner.width);
    let on_off = |on: bool| if on { r.on } else { r.off };
    let state = format!(
        " {}: {} · {}: {} · {}",
        r.auto_accept,
        on_off(inbox.auto_accept),
        r.voting,
        on_off(app.room().voting().on),
        if app.room().is_open() {
            r.room_open
        } else {
            r.room_closed
        },
    );
    buf.set_stringn(inner.x, inner.y, &state, width, status.theme.dim());
    if inbox.is_empty() {
        buf.set_stringn(
            inner.x + 1,
            inner.y + 2,
            r.inbox_empty,
            width,
            status.theme.base(),
        );
        return;
    }
    let rows = usize::from(inner.height.saturating_sub(2));
    let first = app.room().selected().saturating_sub(rows.saturating_sub(1));
    let ph = crate::i18n::photos::photos_strings(app.lang());
    let shown = (first..inbox.len()).take(rows);
    for (n, (i, entry)) in shown.filter_map(|i| Some((i, inbox.entry(i)?))).enumerate() {
        let group = |g: &Option<String>| {
            g.as_deref()
                .map(|g| format!(" [{}]", for_display(g)))
                .unwrap_or_default()
        };
        let mark = if i == app.room().selected() {
            "▸"
        } else {
            " "
        };
        let (line, accent) = match entry {
            Waiting::Item(s) => (
                format!(
                    " {mark} {}{} · {} · {}",
                    t.quadrant(s.quadrant),
                    group(&s.group),
                    s.received_at.format("%H:%M"),
                    for_display(&s.text)
                ),
                status.theme.accent(s.quadrant),
            ),
            Waiting::Photo(p) => {
                let caption = match p.caption.as_str() {
                    "" => ph.no_caption.to_owned(),
                    c => for_display(c).into_owned(),
                };
                let line = format!(
                    " {mark} 📷 {}{} · {} · {caption} · {} · {} × {}",
                    ph.photo,
                    group(&p.group),
                    p.received_at.format("%H:%M"),
                    crate::photos::size_text(p.bytes),
                    p.width,
                    p.height,
                );
                (line, status.theme.base())
            }
        };
        let style = if i == app.room().selected() {
            status.theme.selected()
        } else {
            accent
        };
        let y = inner.y + 2 + n as u16;
        buf.set_stringn(inner.x, y, truncate_to_width(&line, width), width, style);
    }
}
