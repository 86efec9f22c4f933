//! The status line: what just happened (or how to get help) on the left, where you are on the
//! right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::action::Action;
use crate::tui::app::{App, Pane, Screen};

/// The main keys of the place that has the focus, most used first, as lazygit and gitui show
/// them: what the status line says when nothing has just happened.
fn hints(app: &App) -> Vec<(Action, &'static str)> {
    use Action::*;
    match app.overlay {
        Some(crate::tui::app::Overlay::Help(_)) => return vec![(Down, "scroll"), (Bottom, "end"), (Close, "close")],
        Some(crate::tui::app::Overlay::Errors(_)) => return vec![(Down, "next error"), (Edit, "edit it"), (Close, "close")],
        None => {}
    }
    if app.view().is_some_and(|v| v.zoomed) {
        return vec![(Zoom, "all panes"), (Follow, "detail"), (Copy, "copy")];
    }
    match &app.screen {
        Screen::Library(_) if app.preview.is_some() => vec![(Down, "read on"), (Follow, "open"), (FocusLeft, "list")],
        Screen::Library(_) => vec![(Follow, "open"), (Search, "search"), (NextPane, "preview"), (Export, "export")],
        Screen::Results(_) => vec![(Follow, "open"), (Search, "edit query"), (NextHit, "next hit"), (Close, "close")],
        Screen::Passage(_) => vec![(NextHit, "next term"), (Back, "back")],
        Screen::Board(b) if b.shows == crate::tui::board::Shows::Tracker => {
            vec![(Follow, "open"), (Traded, "traded for"), (Filter, "filter"), (Sort, "order"), (Back, "back")]
        }
        Screen::Board(b) if b.shows == crate::tui::board::Shows::Timeline => vec![(Follow, "open"), (Filter, "filter"), (Back, "back")],
        Screen::Board(b) if b.shows == crate::tui::board::Shows::Weak => vec![(Follow, "open"), (Filter, "filter"), (Back, "back")],
        Screen::Board(b) if b.shows == crate::tui::board::Shows::Unread => vec![(Follow, "open"), (Filter, "all"), (MarkRead, "mark read")],
        Screen::Board(_) => vec![(Follow, "open in its briefing"), (Back, "back")],
        Screen::Briefing(view) => match view.focus {
            Pane::Summary => vec![(Down, "read on"), (Follow, "open related"), (Close, "panes")],
            Pane::Detail => vec![(Follow, "follow"), (Passage, "passage"), (Copy, "copy"), (Close, "list")],
            _ => vec![(Follow, "detail"), (FocusSummary, "summary"), (Zoom, "zoom"), (Copy, "copy"), (NextBriefing, "next")],
        },
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let s = &app.styles;
    let mut right = match &app.screen {
        Screen::Library(_) if app.preview.is_some() => "library › preview".to_string(),
        Screen::Library(_) => "library".to_string(),
        Screen::Results(_) => "search".to_string(),
        Screen::Board(b) if b.shows == crate::tui::board::Shows::Tracker => "commitments".to_string(),
        Screen::Board(b) if b.shows == crate::tui::board::Shows::Timeline => "timeline".to_string(),
        Screen::Board(b) if b.shows == crate::tui::board::Shows::Weak => "weak spots".to_string(),
        Screen::Board(b) if b.shows == crate::tui::board::Shows::Unread => "library › new and changed".to_string(),
        Screen::Board(b) if b.shows == crate::tui::board::Shows::Reactions => "reactions".to_string(),
        Screen::Board(b) => format!("official › {}", b.person.as_ref().map_or("", |p| p.id.as_str())),
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
    let right_width = unicode_width::UnicodeWidthStr::width(right.as_str()) + 1;
    let left = match &app.status {
        Some(status) => Span::styled(status.text.clone(), if status.error { s.error } else { s.accent }),
        None => {
            let mut keys: Vec<String> = hints(app).iter().map(|(action, what)| format!("{} {what}", app.key_hint(action))).collect();
            keys.push(format!("{} keys", app.key_hint(&Action::Help)));
            keys.push(format!("{} quit", app.key_hint(&Action::Quit)));
            // The hints give way to where you are, from the last kept: help and quit stay.
            let room = usize::from(area.width).saturating_sub(right_width + 2);
            while keys.len() > 2 && keys.join(" · ").chars().count() > room {
                keys.remove(keys.len() - 3);
            }
            Span::styled(keys.join(" · "), s.muted)
        }
    };
    let used = left.width();
    // The message matters more than where you are: the breadcrumb gives way, and a message
    // longer than the line ends with "…".
    crate::tui::rows::fit(Line::from(left), usize::from(area.width)).render(area, buf);
    if used + right_width < usize::from(area.width) {
        let width = right_width as u16;
        let rect = Rect { x: area.right() - width, width, ..area };
        Line::styled(right, s.muted).render(rect, buf);
    }
}
