//! The tab bar of a narrow terminal: one tab per list pane, labelled with its key.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use crate::action::Action;
use crate::tui::app::{App, Pane};
use crate::tui::layout;

/// The action that focuses a pane.
pub fn focus_action(pane: Pane) -> Action {
    match pane {
        Pane::Officials => Action::FocusOfficials,
        Pane::Commitments => Action::FocusCommitments,
        Pane::Reactions => Action::FocusReactions,
        Pane::Facts => Action::FocusFacts,
        Pane::Sources => Action::FocusSources,
        Pane::Timeline => Action::FocusTimeline,
        Pane::Detail => Action::FocusDetail,
        Pane::Summary => Action::FocusSummary,
    }
}

/// Short names: the tab bar must fit 80 columns.
fn short(pane: Pane) -> &'static str {
    match pane {
        Pane::Reactions => "Reactions",
        Pane::Facts => "Facts",
        other => other.title(),
    }
}

/// Each tab's key, as the active key map has it, and name.
pub fn labels(app: &App) -> Vec<(Pane, String, &'static str)> {
    Pane::LISTS
        .iter()
        .map(|&pane| {
            let key = app.config.keys.keys(&focus_action(pane)).next().map(|k| k.to_string()).unwrap_or_default();
            (pane, key, short(pane))
        })
        .collect()
}

pub fn render(app: &App, active: Pane, area: Rect, buf: &mut Buffer) {
    let s = &app.styles;
    for (pane, label, columns) in layout::tabs(area, &labels(app), active) {
        let style = if pane == active { s.selection } else { s.muted };
        Span::styled(label, style).render(Rect { x: columns.start, width: columns.end - columns.start, ..area }, buf);
    }
}
