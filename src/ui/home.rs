//! The home screen: past sessions newest first, with date, title, venue and
//! item counts; a filter line; the keys in the footer.

use std::path::Path;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::widgets::{Block, Widget};

use crate::app::home::Home;
use crate::i18n::across::across_strings;
use crate::i18n::{fill, strings};
use crate::input::{HOME_BINDINGS, OVERVIEW_BINDINGS};
use crate::text::date::format_date_short;
use crate::text::sanitize::for_display;

use super::list::{ListLook, Row, draw_list, draw_wrapped};
use super::{MIN_HEIGHT, MIN_WIDTH, Status, UiState, help, home_extras, sara_am, textbox};

pub fn draw(frame: &mut Frame, home: &Home, dir: &Path, status: &Status, state: &mut UiState) {
    if let Some(cursor) = draw_buffer(frame.buffer_mut(), home, dir, status, state) {
        frame.set_cursor_position(cursor);
    }
}

/// [`draw`] into a blank buffer; returns where the terminal cursor goes.
pub fn draw_buffer(
    buf: &mut Buffer,
    home: &Home,
    dir: &Path,
    status: &Status,
    state: &mut UiState,
) -> Option<Position> {
    let area = buf.area;
    let t = strings(home.lang());
    let theme = &status.theme;
    Block::new().style(theme.base()).render(area, buf);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_wrapped(t.too_small, area, buf, &state.cache, theme.warning());
        return None;
    }
    let bar = theme.base().add_modifier(Modifier::REVERSED);
    buf.set_style(Rect { height: 1, ..area }, bar);
    let screen = match home.overview() {
        Some(_) => across_strings(home.lang()).overview,
        None => t.home_title,
    };
    let heading = for_display(&format!(" เวที │ {screen} · {}", dir.display())).into_owned();
    buf.set_stringn(
        area.x,
        area.y,
        heading,
        usize::from(area.width),
        bar.add_modifier(Modifier::BOLD),
    );
    let footer_y = area.bottom() - 1;
    let (footer, footer_style) = home_extras::footer(home, area.width, theme);
    buf.set_stringn(
        area.x,
        footer_y,
        footer,
        usize::from(area.width),
        footer_style,
    );
    let mut body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    if let Some(overview) = home.overview() {
        let offset = &mut state.overview_offset;
        super::home_overview::draw(overview, home.lang(), body, buf, theme, offset);
        if home.help() {
            let title = format!(" {} · {} ", t.help_title, screen);
            help::draw_keys(
                &title,
                OVERVIEW_BINDINGS.iter(),
                home.lang(),
                status,
                body,
                buf,
            );
        }
        sara_am::split_am_clusters(buf);
        return None;
    }
    state.overview_offset = 0;
    let mut cursor = home_extras::title_prompt(home, &mut body, buf, theme);
    home_extras::broken_files(home, &mut body, buf, theme);
    if home.filtering() || !home.filter().text().is_empty() {
        let rect = Rect { height: 3, ..body };
        cursor = textbox::draw(home.filter(), &format!(" {} ", t.filter), rect, buf, theme)
            .filter(|_| home.filtering());
        body = Rect {
            y: body.y + 3,
            height: body.height.saturating_sub(3),
            ..body
        };
    }
    let visible = home.visible();
    if home.is_welcome() {
        home_extras::welcome(home.lang(), body, buf, theme);
    } else if visible.is_empty() {
        let message = if home.sessions().is_empty() {
            t.home_empty
        } else {
            t.no_match
        };
        buf.set_stringn(
            body.x + 2,
            body.y + 1,
            message,
            usize::from(body.width.saturating_sub(4)),
            theme.dim(),
        );
    } else {
        let look = ListLook {
            numbered: false,
            badge_width: 15,
            accent: theme.dim(),
            selected: theme.selected(),
            focused: true,
        };
        let row = |i: usize| {
            let l = visible[i];
            let date = l.date.map_or_else(
                || t.no_date.to_owned(),
                |d| format_date_short(d, home.lang()),
            );
            let title = if l.title.trim().is_empty() {
                t.untitled
            } else {
                &l.title
            };
            let venue = if l.venue.is_empty() {
                String::new()
            } else {
                format!(" — {}", l.venue)
            };
            let [s, w, o, th] = l.counts;
            // Found by what was said in it: how many texts matched.
            let badge = match home.shown().get(i).map_or(0, |s| s.matched) {
                0 => format!("S{s} W{w} O{o} T{th}"),
                n => fill(
                    across_strings(home.lang()).matched,
                    &[("n", &n.to_string())],
                ),
            };
            Row::owned(format!("{date} · {title}{venue}")).with_badge(Some(badge))
        };
        let list_area = Rect {
            y: body.y + 1,
            height: body.height.saturating_sub(1),
            ..body
        };
        let drawn = draw_list(
            visible.len(),
            row,
            Some(home.selected()),
            state.home_offset,
            &look,
            list_area,
            buf,
            &state.cache,
        );
        state.home_offset = drawn.offset;
    }
    super::home_export::draw(home, body, buf, theme);
    if home.help() {
        let title = format!(" {} · {} ", t.help_title, t.home_title);
        help::draw_keys(&title, HOME_BINDINGS.iter(), home.lang(), status, body, buf);
    }
    sara_am::split_am_clusters(buf);
    cursor
}
