//! Shown instead of everything else when the terminal is too small to be useful.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::action::Action;
use crate::tui::app::App;
use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let text = vec![
        Line::raw("Terminal too small"),
        Line::raw(format!("{}×{}, needs {MIN_WIDTH}×{MIN_HEIGHT}", area.width, area.height)),
        Line::raw(format!("Enlarge the window, or press {} to quit.", app.key_hint(&Action::Quit))),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let rect = Rect { y: area.y + top, height: area.height - top, ..area };
    Paragraph::new(text).centered().wrap(Wrap { trim: true }).render(rect, buf);
}
