//! The home screen's export question: the formats, each with its key, the
//! one ↑↓ chose marked (also without colour).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::app::home::{Home, HomePrompt};
use crate::export::Format;
use crate::i18n::homeexport::home_export_strings;
use crate::text::sanitize::for_display;
use crate::text::width::str_width;

use super::Theme;
use super::layout::centered_size;

/// The key of each format, in the order of `Format::ALL`.
const KEYS: [char; 5] = ['m', 'h', 'w', 'c', 'p'];

/// Draws the question over `body` while it is asked.
pub fn draw(home: &Home, body: Rect, buf: &mut Buffer, theme: &Theme) {
    let Some(HomePrompt::Export { title, choice, .. }) = &home.prompt() else {
        return;
    };
    let t = home_export_strings(home.lang());
    let title = for_display(title.trim()).into_owned();
    let rows: Vec<String> = KEYS
        .iter()
        .zip(t.formats)
        .map(|(key, name)| format!("{key}  {name}"))
        .collect();
    let content = rows
        .iter()
        .map(|r| str_width(r) + 4)
        .chain([str_width(&title) + 2, str_width(t.title) + 4])
        .max()
        .unwrap_or(0);
    let width = (content as u16 + 2).min(body.width);
    let height = (Format::ALL.len() as u16 + 4).min(body.height);
    let rect = centered_size(body, width, height);
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .style(theme.base())
        .title(format!(" {} ", t.title));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let room = usize::from(inner.width.saturating_sub(1));
    if inner.height == 0 {
        return;
    }
    buf.set_stringn(
        inner.x + 1,
        inner.y,
        &title,
        room,
        theme.base().add_modifier(Modifier::BOLD),
    );
    for (n, row) in rows.iter().enumerate() {
        let y = inner.y + 2 + n as u16;
        if y >= inner.bottom() {
            break;
        }
        let (mark, style) = if n == *choice {
            ("▶ ", theme.selected())
        } else {
            ("  ", theme.base())
        };
        buf.set_stringn(inner.x + 1, y, format!("{mark}{row}"), room, style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::home::HomeAction;
    use crate::session::Listed;
    use crate::text::Lang;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn screen(lang: Lang) -> String {
        let listed = Listed {
            path: "ubon.json".into(),
            id: "x".into(),
            title: "เวทีประชาคมอุบลราชธานี".into(),
            date: None,
            venue: String::new(),
            updated_at: crate::session::now(),
            counts: [0; 4],
        };
        let mut home = Home::new(vec![listed], lang);
        home.update(HomeAction::Export);
        home.update(HomeAction::Down);
        let mut terminal = Terminal::new(TestBackend::new(70, 14)).expect("terminal");
        let theme = Theme::new(crate::ui::theme::ThemeName::Dark, false);
        terminal
            .draw(|f| draw(&home, f.area(), f.buffer_mut(), &theme))
            .expect("draw");
        let buf = terminal.backend().buffer();
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    + "\n"
            })
            .collect()
    }

    #[test]
    fn every_format_is_offered_with_its_key_and_the_choice_is_marked() {
        let th = screen(Lang::Th);
        for want in [
            "ส่งออกรายงานเป็น",
            "อุบลราชธานี",
            "m  Markdown",
            "w  Word",
            "c  CSV",
            "p  ข่าวประชาสัมพันธ์",
        ] {
            assert!(th.contains(want), "{want} in\n{th}");
        }
        assert!(
            th.contains("▶ h  HTML"),
            "the second format is chosen\n{th}"
        );
        let en = screen(Lang::En);
        assert!(
            en.contains("Export a report as") && en.contains("spreadsheets"),
            "{en}"
        );
    }
}
