//! The status line: what just happened (or how to get help) on the left, where you are on the
//! right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::action::Action;
use crate::tui::app::{App, Pane, Screen};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let s = &app.styles;
    let left = match &app.status {
        Some(status) => Span::styled(status.text.clone(), if status.error { s.error } else { s.accent }),
        None => Span::styled(format!("{} keys · {} quit", app.key_hint(&Action::Help), app.key_hint(&Action::Quit)), s.muted),
    };
    let mut right = match &app.screen {
        Screen::Library(_) if app.preview.is_some() => "library › preview".to_string(),
        Screen::Library(_) => "library".to_string(),
        Screen::Results(_) => "search".to_string(),
        Screen::Passage(r) => {
            let item = app.live.get(&r.cited.briefing).map_or(String::new(), |b| format!(" › {}", b.id_of(r.cited.item)));
            format!("{}{item} › {}", r.cited.briefing, r.cited.source)
        }
        Screen::Briefing(view) => {
            let pane =
                if view.focus == Pane::Detail { format!("{} › detail", view.shown.title()) } else { view.focus.title().to_string() };
            format!("{} › {pane}", view.id)
        }
    };
    let failed = app.live.failure_count();
    if failed > 0 {
        right.push_str(&format!(" · {failed} failed ({})", app.key_hint(&Action::Errors)));
    }
    let used = left.width() as u16;
    Line::from(left).render(area, buf);
    let width = unicode_width::UnicodeWidthStr::width(right.as_str()) as u16 + 1;
    // The message matters more than where you are: the breadcrumb gives way.
    if used + width < area.width {
        let rect = Rect { x: area.right() - width, width, ..area };
        Line::styled(right, s.muted).render(rect, buf);
    }
}
