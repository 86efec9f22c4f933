//! The theme's colours as terminal styles. With colour off (`NO_COLOR`), emphasis falls back to
//! bold, dim and reverse video, so nothing is conveyed by colour alone.

use ratatui::style::{Color as TermColor, Modifier, Style};

use crate::model::{Direction, Status};
use crate::theme::{Color, Theme};

/// Every style the reader draws with.
#[derive(Clone, Debug, PartialEq)]
pub struct Styles {
    pub color: bool,
    pub accent: Style,
    pub muted: Style,
    pub selection: Style,
    pub highlight: Style,
    pub error: Style,
    pub warning: Style,
    theme: Theme,
}

fn term(color: Color) -> TermColor {
    const ANSI: [TermColor; 16] = [
        TermColor::Black,
        TermColor::Red,
        TermColor::Green,
        TermColor::Yellow,
        TermColor::Blue,
        TermColor::Magenta,
        TermColor::Cyan,
        TermColor::Gray,
        TermColor::DarkGray,
        TermColor::LightRed,
        TermColor::LightGreen,
        TermColor::LightYellow,
        TermColor::LightBlue,
        TermColor::LightMagenta,
        TermColor::LightCyan,
        TermColor::White,
    ];
    match color {
        Color::Default => TermColor::Reset,
        Color::Ansi(i) => ANSI[usize::from(i) % 16],
        Color::Indexed(i) => TermColor::Indexed(i),
        Color::Rgb(r, g, b) => TermColor::Rgb(r, g, b),
    }
}

impl Styles {
    pub fn new(theme: &Theme, color: bool) -> Styles {
        let fg = |c: Color, fallback: Style| if color { Style::new().fg(term(c)) } else { fallback };
        Styles {
            color,
            accent: fg(theme.accent, Style::new()).add_modifier(Modifier::BOLD),
            muted: fg(theme.muted, Style::new().add_modifier(Modifier::DIM)),
            selection: if color {
                Style::new().fg(term(theme.selection_fg)).bg(term(theme.selection_bg))
            } else {
                Style::new().add_modifier(Modifier::REVERSED)
            },
            highlight: if color {
                Style::new().fg(term(theme.highlight)).add_modifier(Modifier::BOLD)
            } else {
                Style::new().add_modifier(Modifier::UNDERLINED)
            },
            error: fg(theme.error, Style::new()).add_modifier(Modifier::BOLD),
            warning: fg(theme.warning, Style::new().add_modifier(Modifier::BOLD)),
            theme: theme.clone(),
        }
    }

    fn paint(&self, c: Color) -> Style {
        if self.color { Style::new().fg(term(c)) } else { Style::new() }
    }

    pub fn status(&self, status: Status) -> Style {
        let t = &self.theme;
        let style = self.paint(match status {
            Status::Proposed => t.proposed,
            Status::Agreed => t.agreed,
            Status::Pending => t.pending,
            Status::InForce => t.in_force,
            Status::Disputed => t.disputed,
            Status::Withdrawn => t.withdrawn,
        });
        if status.is_open() { style.add_modifier(Modifier::BOLD) } else { style }
    }

    pub fn direction(&self, direction: Option<Direction>) -> Style {
        let t = &self.theme;
        match direction {
            Some(Direction::Up) => self.paint(t.up),
            Some(Direction::Down) => self.paint(t.down),
            Some(Direction::Flat | Direction::Volatile) => self.paint(t.flat),
            None => self.muted,
        }
    }
}

/// The arrow shown for a market's direction.
pub fn arrow(direction: Option<Direction>) -> &'static str {
    match direction {
        Some(Direction::Up) => "▲",
        Some(Direction::Down) => "▼",
        Some(Direction::Flat) => "▶",
        Some(Direction::Volatile) => "↕",
        None => "·",
    }
}
