//! Drawing the whole screen from `&App`: the screen, the status line, then any overlay.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::tui::app::{App, Overlay, Pane, Screen, View};
use crate::tui::layout;
use crate::tui::panes::{self, ListCtx};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if layout::too_small(area) {
            panes::too_small::render(self, area, buf);
            return;
        }
        match &self.screen {
            Screen::Library(cursor) => {
                panes::library::render(self, *cursor, area, buf);
                panes::status::render(self, layout::library(area).status, buf);
            }
            Screen::Briefing(view) => briefing(self, view, area, buf),
            Screen::Results(cursor) => panes::results::render(self, *cursor, area, buf),
            Screen::Passage(reading) => panes::passage::render(self, reading, area, buf),
            Screen::Board(board) => panes::board::render(self, board, area, buf),
        }
        match self.overlay {
            Some(Overlay::Help(scroll)) => panes::help::render(self, scroll, area, buf),
            Some(Overlay::Errors(scroll)) => panes::errors::render(self, scroll, area, buf),
            None => {}
        }
    }
}

fn briefing(app: &App, view: &View, area: Rect, buf: &mut Buffer) {
    let Some(b) = app.live.get(&view.id) else { return };
    let l = layout::briefing(area, b, view);
    panes::header::render(app, b, l.header, buf);
    panes::summary::render_briefing(app, b, view, l.summary, buf);
    if let Some(tabs) = l.tabs {
        let active = if matches!(view.focus, Pane::Detail | Pane::Summary) { view.shown } else { view.focus };
        panes::tabs::render(app, active, tabs, buf);
    }
    for &(pane, rect) in &l.panes {
        if pane == Pane::Detail {
            panes::detail::render(app, b, rect, l.wide, buf);
            continue;
        }
        let cx = ListCtx { app, b, pane, cursor: view.cursor(pane), focused: view.focus == pane, wide: l.wide, wrap: view.focus == pane };
        let rows = Pane::items(pane, b).into_iter().map(|item| panes::row(app, b, pane, item)).collect();
        panes::draw_list(buf, rect, pane.title().to_string(), rows, &cx);
    }
    panes::status::render(app, l.status, buf);
}
