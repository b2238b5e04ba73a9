//! The home screen's questions and notices: the new session's title box,
//! the trash question, the files that failed to load, the welcome of an
//! empty folder, and a footer that offers only keys that act.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};

use crate::app::home::{Home, HomePrompt};
use crate::i18n::facilitator::facilitator_strings;
use crate::input::{HOME_BINDINGS, OVERVIEW_BINDINGS};
use crate::text::Lang;
use crate::text::sanitize::for_display;
use crate::text::wrap::wrap;

use super::Theme;
use super::chrome::keys_line;
use super::textbox;

/// The footer line and its style: the question being asked, the last
/// message, or the keys that act on the screen as it is.
pub fn footer(home: &Home, width: u16, theme: &Theme) -> (String, Style) {
    let f = facilitator_strings(home.lang());
    let bold = theme.dim().add_modifier(Modifier::BOLD);
    match (&home.prompt(), &home.message()) {
        (Some(HomePrompt::Trash(_, title)), _) => (
            // The keys before the title, which may be long and get cut.
            for_display(&format!(" {} {} · “{title}”", f.trash_question, f.yes_no)).into_owned(),
            theme.warning().add_modifier(Modifier::BOLD),
        ),
        (Some(HomePrompt::NewTitle(_)), _) => (format!(" {}", f.new_title_keys), bold),
        (Some(HomePrompt::Export { .. }), _) => (
            format!(
                " {}",
                crate::i18n::homeexport::home_export_strings(home.lang()).keys
            ),
            bold,
        ),
        (None, Some(message)) => (for_display(message).into_owned(), bold),
        (None, None) => {
            let table = match home.overview() {
                Some(_) => OVERVIEW_BINDINGS,
                None => HOME_BINDINGS,
            };
            let offered = table.iter().filter(|b| home.offers(&b.action));
            (keys_line(offered, home.lang(), width), bold)
        }
    }
}

/// The new session's title box at the top of the body, while asked.
pub fn title_prompt(
    home: &Home,
    body: &mut Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> Option<Position> {
    let Some(HomePrompt::NewTitle(title)) = &home.prompt() else {
        return None;
    };
    let f = facilitator_strings(home.lang());
    let rect = Rect {
        height: 3.min(body.height),
        ..*body
    };
    let cursor = textbox::draw(title, &format!(" {} ", f.new_title), rect, buf, theme);
    *body = Rect {
        y: body.y + rect.height,
        height: body.height - rect.height,
        ..*body
    };
    cursor
}

/// The files that failed to load, each with its reason (wrapped), at the
/// bottom of the body: at most half of it; the heading counts them all.
pub fn broken_files(home: &Home, body: &mut Rect, buf: &mut Buffer, theme: &Theme) {
    if home.broken().is_empty() || body.height < 4 {
        return;
    }
    let f = facilitator_strings(home.lang());
    let width = usize::from(body.width.saturating_sub(4)).max(1);
    let mut lines = Vec::new();
    for error in home.broken() {
        let message = error.message(home.lang()).replace('\n', " ");
        for range in wrap(&message, width) {
            lines.push(message[range].to_owned());
        }
    }
    let room = usize::from(body.height / 2).max(2) - 1;
    lines.truncate(room);
    let height = (lines.len() + 1) as u16;
    let top = body.bottom() - height;
    buf.set_stringn(
        body.x + 1,
        top,
        format!("{} ({})", f.broken_heading, home.broken().len()),
        width,
        theme.error().add_modifier(Modifier::BOLD),
    );
    for (row, line) in (top + 1..).zip(lines) {
        buf.set_stringn(body.x + 3, row, line, width, theme.error());
    }
    body.height -= height;
}

/// An empty folder: a welcome offering a new session and the example.
pub fn welcome(lang: Lang, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let f = facilitator_strings(lang);
    let width = usize::from(body.width.saturating_sub(4));
    let lines = [
        (f.welcome, theme.base().add_modifier(Modifier::BOLD)),
        ("", theme.base()),
        (f.welcome_new, theme.base()),
        (f.welcome_example, theme.base()),
    ];
    for (row, (text, style)) in (body.y + 1..body.bottom()).zip(lines) {
        buf.set_stringn(body.x + 2, row, text, width, style);
    }
}
