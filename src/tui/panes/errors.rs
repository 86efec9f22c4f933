//! The errors view: every file that failed to load, with its diagnostics as `brief check`
//! gives them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use crate::tui::app::App;
use crate::tui::layout;

pub fn lines(app: &App) -> Vec<Line<'static>> {
    let s = &app.styles;
    let failures = app.live.failures();
    let mut lines = Vec::new();
    for d in app.live.problems() {
        lines.push(Line::styled(d.message.clone(), s.error));
    }
    if failures.is_empty() && lines.is_empty() {
        lines.push(Line::styled("Every file loaded.", s.muted));
    }
    for f in failures {
        let mut head = vec![Span::styled(f.path.display().to_string(), s.accent)];
        if f.briefing.is_some() {
            head.push(Span::styled("  (its last good version is still shown)", s.muted));
        }
        lines.push(Line::from(head));
        for d in &f.diagnostics {
            let style = if d.is_error() { s.error } else { s.warning };
            lines.push(Line::from(vec![
                Span::styled(format!("  {}:{} ", d.line, d.column), s.muted),
                Span::styled(format!("[{}] ", d.code.as_str()), style),
                Span::raw(d.message.clone()),
            ]));
            if !d.source_line.is_empty() {
                lines.push(Line::styled(format!("    │ {}", d.source_line.replace('\t', " ")), s.muted));
            }
            if let Some(help) = &d.help {
                lines.push(Line::styled(format!("    help: {help}"), s.muted));
            }
        }
        lines.push(Line::raw(""));
    }
    lines
}

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let rect = layout::centered(area, area.width.saturating_sub(4), area.height.saturating_sub(2));
    let block = Block::bordered().border_style(app.styles.error).title(" Files that failed to load ");
    super::draw_overlay(buf, rect, block, lines(app), scroll);
}
