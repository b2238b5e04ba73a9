//! A drawn buffer as text for stdout: plain, or with ANSI colours on a terminal.

use std::fmt::Write;

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

/// Each row of `buf` as a line of exactly `buf.area.width` columns.
pub fn to_lines(buf: &Buffer, ansi: bool) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut line = String::new();
            push_line(&mut line, buf, y, ansi);
            line
        })
        .collect()
}

/// Row `y` of `buf` appended to `line`, `buf.area.width` columns wide.
pub fn push_line(line: &mut String, buf: &Buffer, y: u16, ansi: bool) {
    let area = buf.area;
    let mut current = Style::reset();
    let mut skip = 0;
    for x in area.left()..area.right() {
        // A wide cluster's cell is followed by cells it covers.
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let cell = &buf[(x, y)];
        if ansi && cell.style() != current {
            current = cell.style();
            line.push_str(&sgr(current));
        }
        let symbol = cell.symbol();
        line.push_str(if symbol.is_empty() { " " } else { symbol });
        // A cell holds one cluster: no need to look for cluster boundaries.
        skip = crate::text::width::cluster_width(symbol).saturating_sub(1);
    }
    if ansi {
        line.push_str("\x1b[0m");
    }
}

fn sgr(style: Style) -> String {
    let mut codes = vec!["0".to_owned()];
    let m = style.add_modifier;
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
    ] {
        if m.contains(flag) {
            codes.push(code.to_owned());
        }
    }
    if let Some(fg) = style.fg.and_then(|c| color_code(c, 30)) {
        codes.push(fg);
    }
    if let Some(bg) = style.bg.and_then(|c| color_code(c, 40)) {
        codes.push(bg);
    }
    let mut out = String::from("\x1b[");
    let _ = write!(out, "{}m", codes.join(";"));
    out
}

fn color_code(c: Color, base: u8) -> Option<String> {
    let basic = |n: u8| Some((base + n).to_string());
    let bright = |n: u8| Some((base + 60 + n).to_string());
    match c {
        Color::Reset => None,
        Color::Black => basic(0),
        Color::Red => basic(1),
        Color::Green => basic(2),
        Color::Yellow => basic(3),
        Color::Blue => basic(4),
        Color::Magenta => basic(5),
        Color::Cyan => basic(6),
        Color::Gray => basic(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}
