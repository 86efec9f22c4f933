//! The help overlay: every action with the keys the active key map gives it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use crate::action::Action;
use crate::tui::app::App;
use crate::tui::layout;

/// One line per bindable action: its keys, then what it does.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::styled("Mouse: click a pane to focus it and a row to select it; click a reference to follow it;", app.styles.muted),
        Line::styled("the wheel scrolls the pane under the pointer.", app.styles.muted),
        Line::raw(""),
        Line::styled("Row marks: 3 sources cited · ! one source or none · ≠ sources disagree about it ·", app.styles.muted),
        Line::styled("? its saved copies do not back it (the detail says how; needs an archive folder)", app.styles.muted),
        Line::raw(""),
    ];
    for action in Action::BINDABLE {
        let keys: Vec<String> = app.config.keys.keys(action).map(ToString::to_string).collect();
        let keys = if keys.is_empty() { "(unbound)".to_string() } else { keys.join(" ") };
        lines.push(Line::from(vec![Span::styled(format!("{keys:<22}"), app.styles.accent), Span::raw(action.description())]));
    }
    lines
}

/// Where the help is drawn, for `len` lines of it.
pub fn area(area: Rect, len: usize) -> Rect {
    layout::centered(area, 84, u16::try_from(len + 2).unwrap_or(u16::MAX))
}

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let lines = lines(app);
    let rect = self::area(area, lines.len());
    let close = app.key_hint(&Action::Help);
    let block = Block::bordered()
        .border_style(app.styles.accent)
        .title(" Keys ")
        .title_bottom(Line::raw(format!(" {close} or esc closes ")).right_aligned());
    super::draw_overlay(buf, rect, block, lines, scroll);
}
