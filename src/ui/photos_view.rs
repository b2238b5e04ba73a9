//! The photos of the day: the list in report order on the left (caption and
//! group), the selected photo's details on the right. The images themselves
//! are not drawn: a terminal shows text; the reports show the photos.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::{App, Target};
use crate::i18n::photos::photos_strings;
use crate::i18n::strings;
use crate::photos::size_text;
use crate::session::Photo;
use crate::text::Lang;
use crate::text::date::format_date_short;

use super::layout::{column_look, padded_column, two_columns};
use super::list::{Row, draw_list, draw_wrapped};
use super::{Status, UiState};

/// A photo's caption as a list shows it, or the words for none.
pub fn caption(p: &Photo, lang: Lang) -> &str {
    match p.caption.trim() {
        "" => photos_strings(lang).no_caption,
        c => c,
    }
}

pub fn draw(app: &App, status: &Status, area: Rect, buf: &mut Buffer, state: &mut UiState) {
    let lang = app.lang();
    let photos = &app.session().photos;
    state.targets.push((area, Target::Photo(None)));
    if photos.is_empty() {
        // One column saying how photos come in.
        let text = padded_column(strings(lang).photos, true, status, area, buf);
        let how = photos_strings(lang).how_to_add;
        draw_wrapped(how, text, buf, &state.cache, status.theme.dim());
        return;
    }
    let (inner, right) = two_columns(area, strings(lang).photos, true, status, buf);
    let selected = app.photos().selected;
    let drawn = draw_list(
        photos.len(),
        |i| {
            let p = &photos[i];
            Row::new(caption(p, lang)).with_tag(p.group.as_deref(), status.theme.dim())
        },
        selected,
        state.photo_offset,
        &column_look(true, status),
        inner,
        buf,
        &state.cache,
    );
    state.photo_offset = drawn.offset;
    state.targets.extend(
        drawn
            .rows
            .iter()
            .map(|(r, k)| (*r, Target::Photo(Some(*k)))),
    );
    if let Some(p) = selected.and_then(|i| photos.get(i)) {
        details(p, lang, status, right, buf, state);
    }
}

/// The selected photo: its caption in full, then file, size, group, date.
fn details(p: &Photo, lang: Lang, status: &Status, area: Rect, buf: &mut Buffer, state: &UiState) {
    let t = photos_strings(lang);
    let padded = padded_column(t.caption, false, status, area, buf);
    let used = draw_wrapped(caption(p, lang), padded, buf, &state.cache, Style::new());
    let mut facts = vec![
        (t.file, p.file.clone()),
        (
            t.size,
            format!("{} × {} · {}", p.width, p.height, size_text(p.bytes)),
        ),
        (t.added_at, format_date_short(p.added_at.date_naive(), lang)),
    ];
    if let Some(g) = p.group.as_deref().filter(|g| !g.trim().is_empty()) {
        facts.push((t.group, g.to_owned()));
    }
    let mut y = padded.y + used + 1;
    for (label, value) in facts {
        let rest = Rect {
            y,
            height: padded.bottom().saturating_sub(y),
            ..padded
        };
        y += draw_wrapped(
            &format!("{label}: {value}"),
            rest,
            buf,
            &state.cache,
            status.theme.dim(),
        );
    }
}
