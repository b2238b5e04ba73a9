//! Colours and emphasis. Light and high-contrast are for projectors in bright
//! rooms; without colour (NO_COLOR) focus still shows through bold, reverse
//! and markers.

use ratatui::style::{Color, Modifier, Style};

use crate::session::{Quadrant, TowsPair};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    HighContrast,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub name: ThemeName,
    /// False with NO_COLOR or when output is not a terminal: [`color_allowed`].
    pub color: bool,
}

/// Whether output may be coloured: only on a terminal, and never when
/// NO_COLOR is set to anything but the empty string (no-color.org).
pub fn color_allowed(terminal: bool) -> bool {
    terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

impl Theme {
    pub fn new(name: ThemeName, color: bool) -> Self {
        Theme { name, color }
    }

    /// `name`'s colours where [`color_allowed`], else emphasis only.
    pub fn for_output(name: ThemeName, terminal: bool) -> Self {
        Theme::new(name, color_allowed(terminal))
    }

    /// Plain text: no colour at all, emphasis only.
    pub fn plain() -> Self {
        Theme::new(ThemeName::Dark, false)
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// The conventional SWOT colours: green, orange, blue, red.
    pub fn quadrant_color(&self, q: Quadrant) -> Color {
        let strong = self.name != ThemeName::Dark;
        match (q, strong) {
            (Quadrant::Strengths, false) => Color::Green,
            (Quadrant::Strengths, true) => Color::Rgb(0, 110, 0),
            (Quadrant::Weaknesses, false) => Color::Rgb(255, 165, 0),
            (Quadrant::Weaknesses, true) => Color::Rgb(176, 80, 0),
            (Quadrant::Opportunities, false) => Color::LightBlue,
            (Quadrant::Opportunities, true) => Color::Rgb(0, 60, 170),
            (Quadrant::Threats, false) => Color::LightRed,
            (Quadrant::Threats, true) => Color::Rgb(180, 0, 0),
        }
    }

    /// TOWS panes: the colour of the pair's internal factor, told apart by
    /// the external one (SO green, WO orange, ST blue, WT red).
    pub fn pair_accent(&self, p: TowsPair) -> Style {
        let q = match p {
            TowsPair::SO => Quadrant::Strengths,
            TowsPair::WO => Quadrant::Weaknesses,
            TowsPair::ST => Quadrant::Opportunities,
            TowsPair::WT => Quadrant::Threats,
        };
        self.accent(q)
    }

    pub fn accent(&self, q: Quadrant) -> Style {
        self.fg(self.quadrant_color(q))
    }

    /// The whole screen's base: light themes paint a white background.
    pub fn base(&self) -> Style {
        match (self.color, self.name) {
            (false, _) => Style::new(),
            (true, ThemeName::Dark) => Style::new(),
            (true, ThemeName::Light) => Style::new().fg(Color::Black).bg(Color::White),
            (true, ThemeName::HighContrast) => Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(Modifier::BOLD),
        }
    }

    pub fn dim(&self) -> Style {
        match self.name {
            ThemeName::HighContrast => Style::new(),
            _ if self.color => Style::new().fg(Color::DarkGray),
            _ => Style::new(),
        }
    }

    /// The selected entry: reverse video reads on any projector and without colour.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn warning(&self) -> Style {
        self.fg(Color::Rgb(255, 176, 0))
            .add_modifier(Modifier::BOLD)
    }

    pub fn error(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
}
