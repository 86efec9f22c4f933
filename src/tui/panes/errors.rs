//! The errors view: every file that failed to load, with its diagnostics as `brief check`
//! gives them.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

use crate::tui::app::App;
use crate::tui::layout;

/// A diagnostic of the view: the row it starts on, and the file and line it is about.
pub struct Entry {
    pub row: usize,
    pub path: PathBuf,
    pub line: usize,
}

/// The columns the view's lines wrap to on a screen of `area`.
pub fn text_width(area: Rect) -> usize {
    usize::from(self::area(area).width.saturating_sub(2))
}

/// The view's rows wrapped to `width` columns, and where each diagnostic starts in them.
pub fn content(app: &App, width: usize) -> (Vec<Line<'static>>, Vec<Entry>) {
    let s = &app.styles;
    let failures = app.live.failures();
    let mut lines = Vec::new();
    let mut entries = Vec::new();
    if failures.is_empty() {
        lines.push(Line::styled("Every file loaded.", s.muted));
    }
    for f in failures {
        let mut head = vec![Span::styled(crate::text::path(&f.path), s.accent)];
        if f.briefing.is_some() {
            head.push(Span::styled("  (its last good version is still shown)", s.muted));
        }
        lines.extend(crate::tui::rows::wrap(Line::from(head), width, 2));
        for d in &f.diagnostics {
            entries.push(Entry { row: lines.len(), path: f.path.clone(), line: d.line });
            let style = if d.is_error() { s.error } else { s.warning };
            let message = Line::from(vec![
                Span::styled(format!("  {}:{} ", d.line, d.column), s.muted),
                Span::styled(format!("[{}] ", d.code.as_str()), style),
                Span::raw(d.message.clone()),
            ]);
            lines.extend(crate::tui::rows::wrap(message, width, 4));
            if !d.source_line.is_empty() {
                // The quoted line is the file's own: cut, not wrapped, so it reads as the line.
                lines.push(crate::tui::rows::fit(Line::styled(format!("    │ {}", d.source_line.replace('\t', " ")), s.muted), width));
            }
            if let Some(help) = &d.help {
                lines.extend(crate::tui::rows::wrap(Line::styled(format!("    help: {help}"), s.muted), width, 10));
            }
        }
        lines.push(Line::raw(""));
    }
    (lines, entries)
}

/// Where the errors view is drawn.
pub fn area(area: Rect) -> Rect {
    layout::centered(area, area.width.saturating_sub(4), area.height.saturating_sub(2))
}

pub fn render(app: &App, marked: usize, area: Rect, buf: &mut Buffer) {
    let (mut lines, entries) = content(app, text_width(area));
    let rect = self::area(area);
    let height = usize::from(rect.height.saturating_sub(2));
    let mut scroll = 0;
    if let Some(entry) = entries.get(marked.min(entries.len().saturating_sub(1))) {
        let line = &mut lines[entry.row];
        if let Some(first) = line.spans.first_mut() {
            let rest: String = first.content.chars().skip(1).collect();
            first.content = format!("›{rest}").into();
        }
        *line = std::mem::take(line).patch_style(app.styles.selection);
        // The marked diagnostic in view with the two lines under it (the quoted line, the hint).
        scroll = (entry.row + 3).saturating_sub(height);
    }
    let edit = app.key_hint(&crate::action::Action::Edit);
    let block = Block::bordered()
        .border_style(app.styles.error)
        .title(" Files that failed to load ")
        .title_bottom(Line::raw(format!(" j/k mark · {edit} edits the marked error · esc closes ")).right_aligned());
    super::draw_overlay(app, buf, rect, block, lines, scroll);
}
