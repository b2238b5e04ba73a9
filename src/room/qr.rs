//! The room's address as a QR code drawn with half-block characters: each
//! character cell holds two modules, one above the other, so the code is
//! square on a terminal whose cells are about twice as tall as wide.
//!
//! The code is as small as the address allows: the smallest version at
//! error correction L, then the strongest correction that still fits that
//! version. The address is in capitals (`server::room_url`), so all of it
//! is in the alphanumeric mode: a LAN address as long as
//! `HTTP://192.168.100.123:8080/R/` and a 26-character token make a
//! version 3 code (29 modules) at level M, where the same address in small
//! letters needs version 4 (33). Around it a quiet zone of 4 modules when
//! there is room, down to 2 (phones' scanners read it; the standard asks
//! for 4): at 80×24 the code, the line above it and the address under it
//! fit with a quiet zone of 3.

use qrcode::types::QrError;
use qrcode::{Color, EcLevel, QrCode as Symbol, Version};
use ratatui::style::{Color as Colour, Style};
use ratatui::text::Line;

/// Light modules around the code, as the QR standard asks.
pub const QUIET_ZONE: usize = 4;

/// The narrowest quiet zone drawn, when the window has no room for more.
pub const MIN_QUIET_ZONE: usize = 2;

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

/// A QR code's modules, without its quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrCode {
    width: usize,
    /// Row by row; `true` is dark.
    dark: Vec<bool>,
    version: i16,
    level: EcLevel,
}

/// The smallest QR code of `data`, with the strongest error correction
/// that fits its size. Fails only for data too long for any QR code.
pub fn encode(data: &str) -> Result<QrCode, QrError> {
    let smallest = Symbol::with_error_correction_level(data, EcLevel::L)?;
    let version = smallest.version();
    let symbol = [EcLevel::H, EcLevel::Q, EcLevel::M]
        .into_iter()
        .find_map(|level| Symbol::with_version(data, version, level).ok())
        .unwrap_or(smallest);
    Ok(QrCode {
        width: symbol.width(),
        dark: symbol
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
        version: match symbol.version() {
            Version::Normal(n) | Version::Micro(n) => n,
        },
        level: symbol.error_correction_level(),
    })
}

/// [`encode`]d and drawn with `ink` and the standard's quiet zone.
pub fn render(data: &str, ink: Ink) -> Result<QrArt, QrError> {
    Ok(encode(data)?.art(QUIET_ZONE, ink))
}

impl QrCode {
    /// Modules a side, without the quiet zone.
    pub fn width(&self) -> usize {
        self.width
    }

    /// The version (1–40): 17 + 4 × version modules a side.
    pub fn version(&self) -> i16 {
        self.version
    }

    pub fn level(&self) -> EcLevel {
        self.level
    }

    /// Whether the module at (`x`, `y`), counted from the code's own top left
    /// corner, is dark; everything outside the code is light.
    fn dark_at(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// The code with a quiet zone of `quiet` modules, drawn with `ink`.
    pub fn art(&self, quiet: usize, ink: Ink) -> QrArt {
        let size = self.width + 2 * quiet;
        let is_ink = |dark: bool| match ink {
            Ink::DarkModules => dark,
            Ink::LightModules => !dark,
        };
        // Coordinates of the drawing, quiet zone included.
        let dark = |x: usize, y: usize| self.dark_at(x.wrapping_sub(quiet), y.wrapping_sub(quiet));
        let lines: Vec<String> = (0..size)
            .step_by(2)
            .map(|y| {
                (0..size)
                    .map(|x| {
                        let top = is_ink(dark(x, y));
                        // Below an odd last row there is no module: leave it empty.
                        let bottom = y + 1 < size && is_ink(dark(x, y + 1));
                        match (top, bottom) {
                            (true, true) => '█',
                            (true, false) => '▀',
                            (false, true) => '▄',
                            (false, false) => ' ',
                        }
                    })
                    .collect()
            })
            .collect();
        QrArt {
            height: lines.len(),
            width: size,
            lines,
        }
    }

    /// The biggest drawing (dark modules as ink) that fits in `cols` ×
    /// `rows` cells: twice as big with whole blocks when the window has room
    /// (it scans from further back), else half blocks, the quiet zone
    /// narrowed down to [`MIN_QUIET_ZONE`] before giving up.
    pub fn fit(&self, cols: usize, rows: usize) -> Option<QrArt> {
        // Sizes first: only the drawing chosen is built (the overlay asks
        // on every frame).
        let side = |quiet: usize| self.width + 2 * quiet;
        if let Some(quiet) = [QUIET_ZONE, MIN_QUIET_ZONE]
            .into_iter()
            .find(|&q| 2 * side(q) <= cols && side(q) <= rows)
        {
            return Some(self.art(quiet, Ink::DarkModules).doubled());
        }
        (MIN_QUIET_ZONE..=QUIET_ZONE)
            .rev()
            .find(|&q| side(q) <= cols && side(q).div_ceil(2) <= rows)
            .map(|quiet| self.art(quiet, Ink::DarkModules))
    }
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

    /// The longest LAN address the room expects, as the server writes it.
    const LONG: &str = "HTTP://192.168.100.123:8080/R/0123456789ABCDEFGHJKMNPQRS/";

    #[test]
    fn decodes_back_to_the_url() {
        let art = render(LONG, Ink::DarkModules).unwrap();
        assert_eq!(decode(&art), LONG);
        assert_eq!(art.width, 29 + 2 * QUIET_ZONE);
        assert_eq!(art.height, art.width.div_ceil(2));
        assert!(art.lines.iter().all(|l| l.chars().count() == art.width));
        assert!(art.fits(37, 19) && !art.fits(36, 19) && !art.fits(37, 18));
    }

    #[test]
    fn capitals_make_the_code_a_size_smaller_at_a_stronger_level() {
        let code = encode(LONG).unwrap();
        assert_eq!((code.version(), code.width()), (3, 29));
        assert_eq!(code.level(), EcLevel::M);
        // In small letters the address is bytes: a version bigger.
        let small = encode(&LONG.to_ascii_lowercase()).unwrap();
        assert_eq!((small.version(), small.width()), (4, 33));
        // A short address gets more correction at its smallest size.
        let short = encode("HTTP://10.0.0.2:8080/R/XY/").unwrap();
        assert_eq!((short.version(), short.level()), (2, EcLevel::Q));
    }

    #[test]
    fn the_biggest_drawing_that_fits_is_chosen() {
        let code = encode(LONG).unwrap();
        // 80×24: 78 columns, 18 rows between the line above and the address.
        let fitted = code.fit(78, 18).unwrap();
        assert_eq!((fitted.width, fitted.height), (35, 18), "quiet zone 3");
        assert_eq!(decode(&fitted), LONG);
        let tight = code.fit(78, 17).unwrap();
        assert_eq!((tight.width, tight.height), (33, 17), "quiet zone 2");
        assert_eq!(decode(&tight), LONG);
        assert!(code.fit(78, 16).is_none());
        assert!(code.fit(32, 40).is_none());
        let roomy = code.fit(200, 60).unwrap();
        assert_eq!(
            (roomy.width, roomy.height),
            (74, 37),
            "doubled, quiet zone 4"
        );
        let doubled = code.fit(70, 60).unwrap();
        assert_eq!(
            (doubled.width, doubled.height),
            (66, 33),
            "doubled, quiet zone 2"
        );
    }

    #[test]
    fn what_is_fitted_fits_and_nothing_only_when_nothing_can() {
        let code = encode(LONG).unwrap();
        let smallest = code.art(MIN_QUIET_ZONE, Ink::DarkModules);
        for cols in (0..=90).step_by(3) {
            for rows in 0..=40 {
                match code.fit(cols, rows) {
                    Some(art) => assert!(art.fits(cols, rows), "{cols}×{rows}"),
                    None => assert!(!smallest.fits(cols, rows), "{cols}×{rows}"),
                }
            }
        }
    }

    #[test]
    fn the_doubled_code_is_twice_as_big_and_decodes_too() {
        let art = render(LONG, Ink::DarkModules).unwrap();
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
        assert_eq!(decode(&big), LONG);
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
