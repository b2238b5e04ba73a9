//! The terminal backend the screen draws through: crossterm output that
//! remembers what the terminal already has between frames.
//!
//! ratatui's own crossterm backend forgets the terminal's state after every
//! frame: it resets all styles at the end of each one, shows the cursor
//! again although it is shown, and moves the cursor even where printing
//! left it in the right place. For a typed character that is three times
//! the bytes of the character itself. This backend keeps the pen (colours
//! and attributes), the cursor's place and its visibility, and writes only
//! what changes them, so a keystroke sends the changed cells and little
//! else. The terminal's styles are reset once, when the screen closes (the
//! terminal guard in `tui`).

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::{Hide, MoveTo, Show};
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Colors, Print, SetAttribute, SetBackgroundColor, SetColors, SetForegroundColor,
    SetUnderlineColor,
};
use ratatui::crossterm::terminal::{self, Clear};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// The colours and attributes the terminal prints with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    /// What `ESC [ 0 m` leaves.
    const RESET: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// A crossterm backend that writes only what changes the terminal.
pub struct TermBackend<W: Write> {
    out: W,
    /// `None` until something sets it: the first cell then starts from a reset.
    pen: Option<Pen>,
    /// Where the terminal's cursor is, when known.
    at: Option<Position>,
    visible: Option<bool>,
    /// A fixed size for tests and benchmarks; `None` asks the terminal.
    size: Option<Size>,
}

impl<W: Write> TermBackend<W> {
    pub fn new(out: W) -> Self {
        TermBackend {
            out,
            pen: None,
            at: None,
            visible: None,
            size: None,
        }
    }

    /// A backend that reports `size` instead of asking the terminal.
    pub fn with_size(out: W, size: Size) -> Self {
        let mut backend = TermBackend::new(out);
        backend.size = Some(size);
        backend
    }

    pub fn writer(&self) -> &W {
        &self.out
    }

    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.out
    }

    fn set_pen(&mut self, to: Pen) -> io::Result<()> {
        let from = match self.pen {
            Some(pen) if pen == to => return Ok(()),
            Some(pen) => pen,
            None => {
                queue!(self.out, SetAttribute(Attribute::Reset))?;
                Pen::RESET
            }
        };
        if from.modifier != to.modifier {
            queue_modifier_change(&mut self.out, from.modifier, to.modifier)?;
        }
        match (from.fg != to.fg, from.bg != to.bg) {
            (true, true) => queue!(
                self.out,
                SetColors(Colors::new(to.fg.into_crossterm(), to.bg.into_crossterm()))
            )?,
            (true, false) => queue!(self.out, SetForegroundColor(to.fg.into_crossterm()))?,
            (false, true) => queue!(self.out, SetBackgroundColor(to.bg.into_crossterm()))?,
            (false, false) => {}
        }
        if from.underline != to.underline {
            queue!(self.out, SetUnderlineColor(to.underline.into_crossterm()))?;
        }
        self.pen = Some(to);
        Ok(())
    }

    fn move_to(&mut self, to: Position) -> io::Result<()> {
        if self.at != Some(to) {
            queue!(self.out, MoveTo(to.x, to.y))?;
            self.at = Some(to);
        }
        Ok(())
    }
}

/// The SGR codes that turn the attributes `from` into `to`. Bold and dim
/// share one "normal intensity" code, so losing either re-adds the other.
fn queue_modifier_change(out: &mut impl Write, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    let offs = [
        (Modifier::REVERSED, Attribute::NoReverse),
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
        (
            Modifier::SLOW_BLINK | Modifier::RAPID_BLINK,
            Attribute::NoBlink,
        ),
    ];
    for (modifier, attribute) in offs {
        if removed.intersects(modifier) {
            queue!(out, SetAttribute(attribute))?;
        }
    }
    let added = if reset_intensity {
        queue!(out, SetAttribute(Attribute::NormalIntensity))?;
        (to - from) | (to & (Modifier::BOLD | Modifier::DIM))
    } else {
        to - from
    };
    let ons = [
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ];
    for (modifier, attribute) in ons {
        if added.contains(modifier) {
            queue!(out, SetAttribute(attribute))?;
        }
    }
    Ok(())
}

impl<W: Write> Backend for TermBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for (x, y, cell) in content {
            self.move_to(Position::new(x, y))?;
            self.set_pen(Pen::of(cell))?;
            let symbol = cell.symbol();
            queue!(self.out, Print(symbol))?;
            // Only a one-column cell surely leaves the cursor one to the
            // right; after anything else the next cell moves it explicitly.
            self.at = (symbol.width() == 1).then(|| Position::new(x.saturating_add(1), y));
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(false) {
            queue!(self.out, Hide)?;
            self.visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.visible != Some(true) {
            queue!(self.out, Show)?;
            self.visible = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.out.flush()?;
        let (x, y) = ratatui::crossterm::cursor::position()?;
        Ok(Position::new(x, y))
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.move_to(position.into())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        // Terminals erase with the current background: start from a reset
        // so that cleared cells match what a fresh buffer says they hold.
        self.set_pen(Pen::RESET)?;
        let kind = match clear_type {
            ClearType::All => terminal::ClearType::All,
            ClearType::AfterCursor => terminal::ClearType::FromCursorDown,
            ClearType::BeforeCursor => terminal::ClearType::FromCursorUp,
            ClearType::CurrentLine => terminal::ClearType::CurrentLine,
            ClearType::UntilNewLine => terminal::ClearType::UntilNewLine,
        };
        queue!(self.out, Clear(kind))
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        for _ in 0..n {
            queue!(self.out, Print("\n"))?;
        }
        self.at = None;
        self.out.flush()
    }

    fn size(&self) -> io::Result<Size> {
        match self.size {
            Some(size) => Ok(size),
            None => match stdout_size() {
                Some(size) => Ok(size),
                None => terminal::size().map(|(width, height)| Size { width, height }),
            },
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        if let Some(size) = self.size {
            return Ok(WindowSize {
                columns_rows: size,
                pixels: Size::default(),
            });
        }
        let w = terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size {
                width: w.columns,
                height: w.rows,
            },
            pixels: Size {
                width: w.width,
                height: w.height,
            },
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The size of the terminal on standard output, asked with one `ioctl`.
/// Every frame asks, and crossterm's `terminal::size` opens and closes
/// `/dev/tty` each time.
#[cfg(unix)]
fn stdout_size() -> Option<Size> {
    // SAFETY: a zeroed `winsize` is valid, and TIOCGWINSZ fills it in.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: standard output and a valid pointer to a `winsize`.
    let ok = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) } == 0;
    (ok && ws.ws_col > 0 && ws.ws_row > 0).then(|| Size::new(ws.ws_col, ws.ws_row))
}

/// Elsewhere crossterm's `terminal::size` asks the console directly.
#[cfg(not(unix))]
fn stdout_size() -> Option<Size> {
    None
}

impl<W: Write> Drop for TermBackend<W> {
    /// ratatui shows a hidden cursor when the terminal is dropped; this
    /// backend only queues that, so it is sent here.
    fn drop(&mut self) {
        let _ = self.out.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::style::Style;

    fn frame(terminal: &mut Terminal<TermBackend<Vec<u8>>>, text: &str, style: Style) -> Vec<u8> {
        let before = terminal.backend().writer().len();
        terminal
            .draw(|f| {
                f.buffer_mut().set_string(0, 0, text, style);
                f.set_cursor_position(Position::new(text.chars().count() as u16, 0));
            })
            .expect("draw");
        terminal.backend().writer()[before..].to_vec()
    }

    #[test]
    fn an_unchanged_frame_sends_nothing() {
        let backend = TermBackend::with_size(Vec::new(), Size::new(10, 2));
        let mut terminal = Terminal::new(backend).expect("terminal");
        let style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
        frame(&mut terminal, "ab", style);
        assert_eq!(frame(&mut terminal, "ab", style), b"");
    }

    #[test]
    fn a_typed_character_is_the_character_alone() {
        let backend = TermBackend::with_size(Vec::new(), Size::new(10, 2));
        let mut terminal = Terminal::new(backend).expect("terminal");
        let style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
        frame(&mut terminal, "ab", style);
        // The cursor sits after "ab" with the pen of "ab": no move, no style.
        assert_eq!(frame(&mut terminal, "abc", style), b"c");
    }

    #[test]
    fn losing_bold_keeps_dim() {
        let mut out = Vec::new();
        queue_modifier_change(
            &mut out,
            Modifier::BOLD | Modifier::DIM,
            Modifier::DIM | Modifier::ITALIC,
        )
        .expect("write");
        assert_eq!(out, b"\x1b[22m\x1b[2m\x1b[3m");
    }
}
