//! The room's address as a QR code drawn with half-block characters: each
//! character cell holds two modules, one above the other, so the code is
//! square on a terminal whose cells are about twice as tall as wide.

use qrcode::{Color, EcLevel, QrCode};
use ratatui::style::{Color as Colour, Style};
use ratatui::text::Line;

/// Light modules around the code, as the QR standard asks.
pub const QUIET_ZONE: usize = 4;

/// Which modules the characters' ink (their foreground colour) draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// `█`, `▀` and `▄` draw the dark modules and spaces leave the light
    /// ones (the quiet zone included) to the background. Draw with a dark
    /// foreground on a light background, e.g. black on white: this is the
    /// way to choose when the colours can be set, as an overlay does.
    DarkModules,
    /// The ink draws the light modules (the quiet zone included), for a
    /// terminal drawn in its default light-on-dark colours.
    LightModules,
}

/// A QR code as lines of text, every line `width` columns wide.
#[derive(Debug, Clone, PartialEq)]
pub struct QrArt {
    pub lines: Vec<String>,
    /// Columns (one per module, quiet zone included).
    pub width: usize,
    /// Rows (one per two modules).
    pub height: usize,
}

impl QrArt {
    /// Whether it fits in an area of `cols` × `rows` cells.
    pub fn fits(&self, cols: usize, rows: usize) -> bool {
        self.width <= cols && self.height <= rows
    }

    /// The same code twice as big: each module two columns wide and one row
    /// tall (whole blocks), for a window with room to spare; a bigger code
    /// scans from further back in the room.
    pub fn doubled(&self) -> QrArt {
        // The code is square: as many module rows as columns.
        let size = self.width;
        let mut lines = Vec::with_capacity(size);
        for (row, line) in self.lines.iter().enumerate() {
            let halves = |top: bool| -> String {
                line.chars()
                    .flat_map(|c| {
                        let ink = match c {
                            '█' => true,
                            '▀' => top,
                            '▄' => !top,
                            _ => false,
                        };
                        let cell = if ink { '█' } else { ' ' };
                        [cell, cell]
                    })
                    .collect()
            };
            lines.push(halves(true));
            if row * 2 + 1 < size {
                lines.push(halves(false));
            }
        }
        QrArt {
            width: size * 2,
            height: lines.len(),
            lines,
        }
    }

    /// The lines styled black on white, whatever the terminal's theme: for
    /// art made with [`Ink::DarkModules`], a code that scans the same on a
    /// dark or a light terminal.
    pub fn to_lines(&self) -> Vec<Line<'static>> {
        let style = Style::new().fg(Colour::Black).bg(Colour::White);
        self.lines
            .iter()
            .map(|l| Line::styled(l.clone(), style))
            .collect()
    }
}

/// The QR code of `data` with error correction level M (projected codes
/// are clean, but a phone at the back of a room catches glare), drawn with
/// `ink`. Fails only for data too long for any QR code.
pub fn render(data: &str, ink: Ink) -> Result<QrArt, qrcode::types::QrError> {
    let code = QrCode::with_error_correction_level(data, EcLevel::M)?;
    let modules = modules(&code);
    let size = modules.len();
    let is_ink = |dark: bool| match ink {
        Ink::DarkModules => dark,
        Ink::LightModules => !dark,
    };
    let dark_at = |x: usize, y: usize| modules.get(y).is_some_and(|row| row[x]);
    let mut lines = Vec::with_capacity(size.div_ceil(2));
    for y in (0..size).step_by(2) {
        let line: String = (0..size)
            .map(|x| {
                let top = is_ink(dark_at(x, y));
                // Below an odd last row there is no module: leave it empty.
                let bottom = y + 1 < size && is_ink(dark_at(x, y + 1));
                match (top, bottom) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                }
            })
            .collect();
        lines.push(line);
    }
    Ok(QrArt {
        height: lines.len(),
        width: size,
        lines,
    })
}

/// The code's modules, quiet zone included, row by row; `true` is dark.
fn modules(code: &QrCode) -> Vec<Vec<bool>> {
    let inner = code.width();
    let colors = code.to_colors();
    let size = inner + 2 * QUIET_ZONE;
    (0..size)
        .map(|y| {
            (0..size)
                .map(|x| {
                    let (ix, iy) = (x.wrapping_sub(QUIET_ZONE), y.wrapping_sub(QUIET_ZONE));
                    ix < inner && iy < inner && colors[iy * inner + ix] == Color::Dark
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Draws the characters as a greyscale image, `scale` pixels a module,
    /// the ink black: what a camera sees of the projected code.
    fn bitmap(art: &QrArt, scale: usize) -> (usize, usize, Vec<u8>) {
        let (w, h) = (art.width * scale, art.height * 2 * scale);
        let mut px = vec![255u8; w * h];
        for (row, line) in art.lines.iter().enumerate() {
            for (col, c) in line.chars().enumerate() {
                let (top, bottom) = match c {
                    '█' => (true, true),
                    '▀' => (true, false),
                    '▄' => (false, true),
                    _ => (false, false),
                };
                for (half, ink) in [(0, top), (1, bottom)] {
                    if !ink {
                        continue;
                    }
                    let y0 = (row * 2 + half) * scale;
                    for y in y0..y0 + scale {
                        for x in col * scale..(col + 1) * scale {
                            px[y * w + x] = 0;
                        }
                    }
                }
            }
        }
        (w, h, px)
    }

    fn decode(art: &QrArt) -> String {
        let (w, h, px) = bitmap(art, 4);
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| px[y * w + x]);
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "one code found");
        grids[0].decode().unwrap().1
    }

    #[test]
    fn decodes_back_to_the_url() {
        let url = "http://192.168.137.1:8080/r/Qk3x9_-AbCdEfGhIjKlMnO/";
        let art = render(url, Ink::DarkModules).unwrap();
        assert_eq!(decode(&art), url);
        // The longest LAN address still makes a version 4 code (33 modules).
        assert_eq!(art.width, 33 + 2 * QUIET_ZONE);
        assert_eq!(art.height, art.width.div_ceil(2));
        assert!(art.lines.iter().all(|l| l.chars().count() == art.width));
        assert!(art.fits(41, 21) && !art.fits(40, 21) && !art.fits(41, 20));
    }

    #[test]
    fn the_doubled_code_is_twice_as_big_and_decodes_too() {
        let url = "http://192.168.137.1:8080/r/Qk3x9_-AbCdEfGhIjKlMnO/";
        let art = render(url, Ink::DarkModules).unwrap();
        let big = art.doubled();
        assert_eq!(big.width, art.width * 2);
        assert_eq!(big.height, art.width, "one row a module");
        assert!(big.lines.iter().all(|l| l.chars().count() == big.width));
        assert!(
            big.lines
                .iter()
                .flat_map(|l| l.chars())
                .all(|c| c == '█' || c == ' ')
        );
        assert_eq!(decode(&big), url);
    }

    #[test]
    fn lines_for_the_terminal_are_black_on_white() {
        let art = render("http://10.0.0.2:8081/r/x/", Ink::DarkModules).unwrap();
        let lines = art.to_lines();
        assert_eq!(lines.len(), art.height);
        assert_eq!(lines[3].style.fg, Some(Colour::Black));
        assert_eq!(lines[3].style.bg, Some(Colour::White));
        assert_eq!(lines[3].width(), art.width);
    }

    #[test]
    fn quiet_zone_is_blank_and_inverse_ink_is_the_complement() {
        let art = render("http://10.0.0.2:8081/r/x/", Ink::DarkModules).unwrap();
        assert!(art.lines[0].chars().all(|c| c == ' '));
        assert!(art.lines[1].chars().all(|c| c == ' '));
        assert!(art.lines.iter().all(|l| l.starts_with("    ")));
        let light = render("http://10.0.0.2:8081/r/x/", Ink::LightModules).unwrap();
        assert!(light.lines[0].chars().all(|c| c == '█'));
        for (d, l) in art.lines[..art.height - 1].iter().zip(&light.lines) {
            for (a, b) in d.chars().zip(l.chars()) {
                let flip = match a {
                    '█' => ' ',
                    ' ' => '█',
                    '▀' => '▄',
                    _ => '▀',
                };
                assert_eq!(b, flip);
            }
        }
    }
}
