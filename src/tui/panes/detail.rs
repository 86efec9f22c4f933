//! The detail pane: every field of the selected item and every reference, followable.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::model::Briefing;
use crate::tui::app::{App, Pane};
use crate::tui::detail::{self, Role, Row};
use crate::tui::layout::{self, pane_block};

/// The wrapped rows of the detail of what is shown, for a pane of this frame.
pub fn rows(app: &App, b: &Briefing, area: Rect, wide: bool) -> Vec<Row> {
    match app.shown_item() {
        Some(item) => {
            let mut lines = detail::since_read(app.marks.changes(&b.id), b, item);
            lines.extend(detail::detail(&app.live, b, item));
            lines.extend(detail::findings(app.config.archive.as_ref().and(app.checked.get(&b.id)), b, item));
            detail::wrap(&lines, layout::inner(area, wide).width)
        }
        None => Vec::new(),
    }
}

/// The first row to draw: the selected reference stays in view.
pub fn offset(rows: &[Row], selected_link: usize, stored: usize, height: usize) -> usize {
    let at = rows.iter().position(|r| r.link == Some(selected_link)).unwrap_or(0);
    let end = rows.iter().rposition(|r| r.link == Some(selected_link)).unwrap_or(at);
    let offset = layout::visible_offset(stored, end, rows.len(), height);
    offset.min(at)
}

pub fn render(app: &App, b: &Briefing, area: Rect, wide: bool, buf: &mut Buffer) {
    let s = &app.styles;
    let Some(view) = app.view() else { return };
    let focused = view.focus == Pane::Detail;
    let rows = rows(app, b, area, wide);
    let cursor = view.cursor(Pane::Detail);
    let height = usize::from(layout::inner(area, wide).height);
    // Unfocused, the detail reads from where it was scrolled; focused, its selection shows.
    let offset =
        if focused { offset(&rows, cursor.selected, cursor.offset, height) } else { cursor.offset.min(rows.len().saturating_sub(height)) };
    // Where it is, when it does not all show: the lines in view, and a scrollbar on the frame.
    let position = if rows.len() > height {
        format!(" {}–{}/{} ", offset + 1, (offset + height).min(rows.len()), rows.len())
    } else {
        String::new()
    };
    let title = Line::styled(format!(" Detail · {} ", view.shown.title()), if focused { s.accent } else { Style::new() });
    let room = usize::from(area.width).saturating_sub(3 + position.chars().count());
    let block = pane_block(wide)
        .border_style(if focused { s.accent } else { s.muted })
        .title(crate::tui::rows::fit(title, room))
        .title(Line::styled(position, s.muted).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    if rows.is_empty() {
        Line::styled("  Nothing selected", s.muted).render(inner, buf);
        return;
    }
    if wide && rows.len() > height {
        use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};
        let mut state = ScrollbarState::new(rows.len().saturating_sub(height)).position(offset).viewport_content_length(height);
        let track = area.inner(ratatui::layout::Margin::new(0, 1));
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .style(s.muted)
            .render(track, buf, &mut state);
    }
    for (i, row) in rows.iter().enumerate().skip(offset).take(usize::from(inner.height)) {
        let rect = Rect { y: inner.y + (i - offset) as u16, height: 1, ..inner };
        let selected = row.link.is_some() && row.link == Some(cursor.selected);
        let spans: Vec<Span> = row
            .pieces
            .iter()
            .map(|p| {
                let style = match p.role {
                    Role::Text => Style::new(),
                    Role::Heading => s.accent,
                    Role::Label | Role::Muted => s.muted,
                    Role::Warning => s.warning,
                    Role::Status(status) => s.status(status),
                    Role::Direction(direction) => s.direction(direction),
                };
                Span::styled(p.text.clone(), style)
            })
            .collect();
        let line = super::highlight(app, Line::from(spans));
        if selected && focused {
            buf.set_style(rect, s.selection);
            line.patch_style(s.selection).render(rect, buf);
        } else if selected {
            line.patch_style(ratatui::style::Modifier::UNDERLINED).render(rect, buf);
        } else {
            line.render(rect, buf);
        }
    }
}
