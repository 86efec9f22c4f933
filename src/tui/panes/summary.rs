//! Drawing a summary document (the briefing's Summary pane, the library's preview): its rows
//! from where it is scrolled, the cursor row in the selection colour while it has the focus,
//! and a scrollbar when it is longer than its room.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use crate::model::Briefing;
use crate::tui::app::{App, Cursor, Pane, View};
use crate::tui::summary::{self, Row};

/// The columns a document wraps to in `area`: one stays for its scrollbar.
pub fn text_width(area: Rect) -> usize {
    usize::from(area.width.saturating_sub(1)).max(1)
}

/// The first row drawn: the cursor row in view while focused; otherwise where it was left.
pub fn first_row(rows: &[Row], cursor: Cursor, height: usize, focused: bool) -> usize {
    if focused {
        summary::offset(cursor.offset, cursor.selected, rows.len(), height)
    } else {
        cursor.offset.min(rows.len().saturating_sub(height))
    }
}

pub fn draw(app: &App, rows: &[Row], cursor: Cursor, focused: bool, area: Rect, buf: &mut Buffer) {
    let height = usize::from(area.height);
    let offset = first_row(rows, cursor, height, focused);
    let width = text_width(area);
    for (i, row) in rows.iter().enumerate().skip(offset).take(height) {
        let rect = Rect { y: area.y + (i - offset) as u16, height: 1, width: width as u16, ..area };
        let line = super::highlight(app, row.line.clone());
        if focused && i == cursor.selected {
            buf.set_style(rect, app.styles.selection);
            line.patch_style(app.styles.selection).render(rect, buf);
        } else if row.link.is_some() && i == cursor.selected {
            line.patch_style(ratatui::style::Modifier::UNDERLINED).render(rect, buf);
        } else {
            line.render(rect, buf);
        }
    }
    if rows.len() > height {
        let mut state = ScrollbarState::new(rows.len().saturating_sub(height)).position(offset).viewport_content_length(height);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .style(app.styles.muted)
            .render(area, buf, &mut state);
    }
}

/// The briefing's Summary pane.
pub fn render_briefing(app: &App, b: &Briefing, view: &View, area: Rect, buf: &mut Buffer) {
    let rows = summary::rows(app, b, text_width(area), false);
    draw(app, &rows, view.cursor(Pane::Summary), view.focus == Pane::Summary, area, buf);
}
