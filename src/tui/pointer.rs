//! The mouse: a click focuses a pane and selects a row (a click on a reference follows it); the
//! wheel scrolls the pane under the pointer. Hit-testing uses the same layout as drawing.

use crate::tui::app::{App, Pane, Screen};
use crate::tui::detail;
use crate::tui::layout;
use crate::tui::motion::{area, focus};
use crate::tui::panes;
use crate::tui::update::{jump, navigate};

pub fn click(app: &mut App, column: u16, row: u16) {
    if layout::too_small(area(app)) {
        return;
    }
    match &app.screen {
        // The passage view has nothing to click: it scrolls, and `n` steps.
        Screen::Passage(_) => {}
        Screen::Board(board) => {
            let inner = layout::inner(panes::board::board_layout(area(app), board).list, true);
            if !inner.contains((column, row).into()) {
                return;
            }
            let at = board.cursor.offset + usize::from(row - inner.y);
            if at >= board.len() {
                return;
            }
            if at == board.cursor.selected {
                return crate::tui::board::follow(app);
            }
            if let Screen::Board(board) = &mut app.screen {
                board.cursor.selected = at;
            }
        }
        Screen::Library(_) if layout::inner(layout::library(area(app)).preview, true).contains((column, row).into()) => {
            let inner = layout::inner(layout::library(area(app)).preview, true);
            click_document(app, inner, row);
        }
        Screen::Library(cursor) | Screen::Results(cursor) => {
            let l = layout::library(area(app));
            let inner = layout::inner(l.list, true);
            if !inner.contains((column, row).into()) {
                return;
            }
            app.preview = None;
            let results = matches!(app.screen, Screen::Results(_));
            let len = if results { app.search.as_ref().map_or(0, |s| s.hits().len()) } else { app.live.len() };
            let at = layout::visible_offset(cursor.offset, cursor.selected, len, usize::from(inner.height)) + usize::from(row - inner.y);
            if at >= len {
                return;
            }
            if at == cursor.selected && results {
                crate::tui::search::follow(app);
            } else if at == cursor.selected {
                let Some(b) = app.live.at(at) else { return };
                let view = crate::tui::app::View::opening(b);
                navigate(app, Screen::Briefing(view));
            } else if let Screen::Library(cursor) | Screen::Results(cursor) = &mut app.screen {
                cursor.selected = at;
            }
        }
        Screen::Briefing(view) => {
            let Some(b) = app.briefing() else { return };
            let l = layout::briefing(area(app), b, view);
            if l.summary.contains((column, row).into()) {
                crate::tui::summary::focus(app);
                return click_document(app, l.summary, row);
            }
            if let Some(tabs) = l.tabs.filter(|t| t.contains((column, row).into())) {
                let labels = panes::tabs::labels(app);
                let active = if view.focus == Pane::Detail { view.shown } else { view.focus };
                if let Some((pane, ..)) = layout::tabs(tabs, &labels, active).into_iter().find(|(_, _, cols)| cols.contains(&column)) {
                    focus(app, pane);
                }
                return;
            }
            let Some((pane, rect)) = l.pane_at(column, row) else { return };
            let inner = layout::inner(rect, l.wide);
            if pane == Pane::Detail {
                let rows = panes::detail::rows(app, b, rect, l.wide);
                let cursor = view.cursor(Pane::Detail);
                let offset = cursor.offset.min(rows.len().saturating_sub(usize::from(inner.height)));
                let link = inner
                    .contains((column, row).into())
                    .then(|| rows.get(offset + usize::from(row - inner.y)))
                    .flatten()
                    .and_then(|r| r.link);
                let target = link.and_then(|n| {
                    let item = app.shown_item()?;
                    detail::targets(&detail::detail(&app.live, b, item)).get(n).map(|t| (*t).clone())
                });
                focus(app, Pane::Detail);
                if let (Some(n), Some(target)) = (link, target) {
                    if let Screen::Briefing(view) = &mut app.screen {
                        view.cursor_mut(Pane::Detail).selected = n;
                    }
                    jump(app, &target);
                }
                return;
            }
            // Rows as they were drawn: wrapped in the pane that had the focus.
            let (cursor, focused) = (view.cursor(pane), view.focus == pane);
            let (width, height) = (usize::from(inner.width), usize::from(inner.height));
            let offset = panes::list_offset(app, b, pane, cursor, width, height, focused);
            let at = inner
                .contains((column, row).into())
                .then(|| panes::list_row_at(app, b, pane, offset, width, usize::from(row - inner.y), focused))
                .flatten();
            focus(app, pane);
            if let Some(at) = at
                && let Screen::Briefing(view) = &mut app.screen
            {
                let c = view.cursor_mut(pane);
                c.selected = at;
                c.offset = offset;
                view.shown = pane;
                *view.cursor_mut(Pane::Detail) = Default::default();
            }
            crate::tui::motion::keep_list_row_visible(app);
        }
    }
}

/// A click on a summary document drawn in `area` (the focus already on it): the row under the
/// pointer gets the cursor; a click on the cursor row follows its link.
fn click_document(app: &mut App, area: ratatui::layout::Rect, row: u16) {
    if app.preview.is_none() && matches!(app.screen, Screen::Library(_)) {
        app.preview = Some(Default::default());
    }
    let Some((rows, height)) = crate::tui::motion::document(app) else { return };
    let cursor = match &app.screen {
        Screen::Library(_) => app.preview.unwrap_or_default(),
        Screen::Briefing(view) => view.cursor(Pane::Summary),
        _ => return,
    };
    let offset = panes::summary::first_row(&rows, cursor, height, true);
    let at = offset + usize::from(row - area.y);
    if at >= rows.len() {
        return;
    }
    if at == cursor.selected && rows[at].link.is_some() {
        return crate::tui::summary::follow(app);
    }
    let picked = crate::tui::app::Cursor { selected: at, offset };
    match &mut app.screen {
        Screen::Library(_) => app.preview = Some(picked),
        Screen::Briefing(view) => *view.cursor_mut(Pane::Summary) = picked,
        _ => {}
    }
}

/// Scrolls the pane under the pointer by `delta` rows; a list's selection moves along so it
/// stays in view.
pub fn scroll(app: &mut App, column: u16, row: u16, delta: isize) {
    if layout::too_small(area(app)) {
        return;
    }
    match &app.screen {
        Screen::Passage(_) => crate::tui::passage::scroll(app, delta),
        Screen::Board(_) => crate::tui::motion::move_by(app, delta),
        Screen::Library(_) if layout::library(area(app)).preview.contains((column, row).into()) => {
            app.preview.get_or_insert_default();
            crate::tui::motion::move_by(app, delta);
        }
        Screen::Library(cursor) | Screen::Results(cursor) => {
            let l = layout::library(area(app));
            if !l.list.contains((column, row).into()) {
                return;
            }
            let len = match app.screen {
                Screen::Results(_) => app.search.as_ref().map_or(0, |s| s.hits().len()),
                _ => app.live.len(),
            };
            let height = usize::from(layout::inner(l.list, true).height);
            let (selected, offset) = scrolled(cursor.selected, cursor.offset, len, height, delta);
            if let Screen::Library(cursor) | Screen::Results(cursor) = &mut app.screen {
                (cursor.selected, cursor.offset) = (selected, offset);
            }
        }
        Screen::Briefing(view) => {
            let Some(b) = app.briefing() else { return };
            let l = layout::briefing(area(app), b, view);
            if l.summary.contains((column, row).into()) {
                crate::tui::summary::focus(app);
                return crate::tui::motion::move_by(app, delta);
            }
            let Some((pane, rect)) = l.pane_at(column, row) else { return };
            let height = usize::from(layout::inner(rect, l.wide).height);
            let cursor = view.cursor(pane);
            if pane == Pane::Detail {
                let rows = panes::detail::rows(app, b, rect, l.wide);
                let max = rows.len().saturating_sub(height);
                let offset = cursor.offset.min(max).saturating_add_signed(delta).min(max);
                // The selected reference follows the scroll into view, where there is one.
                let visible_link = rows.iter().skip(offset).take(height).find_map(|r| r.link);
                if let Screen::Briefing(view) = &mut app.screen {
                    let c = view.cursor_mut(Pane::Detail);
                    c.offset = offset;
                    let in_view = rows.iter().skip(offset).take(height).any(|r| r.link == Some(c.selected));
                    if let (false, Some(link)) = (in_view, visible_link) {
                        c.selected = link;
                    }
                }
                return;
            }
            // The focused pane's rows wrap: the wheel moves its selection, as j and k do.
            if view.focus == pane {
                return crate::tui::motion::move_by(app, delta);
            }
            let len = Pane::items(pane, b).len();
            let (selected, offset) = scrolled(cursor.selected, cursor.offset, len, height, delta);
            let changed = selected != cursor.selected;
            if let Screen::Briefing(view) = &mut app.screen {
                let c = view.cursor_mut(pane);
                (c.selected, c.offset) = (selected, offset);
                if changed && view.shown == pane {
                    *view.cursor_mut(Pane::Detail) = Default::default();
                }
            }
        }
    }
}

/// A list scrolled by `delta`: the new offset, and the selection pulled into view.
fn scrolled(selected: usize, offset: usize, len: usize, height: usize, delta: isize) -> (usize, usize) {
    if len == 0 || height == 0 {
        return (0, 0);
    }
    let max = len.saturating_sub(height);
    let offset = layout::visible_offset(offset, selected, len, height).saturating_add_signed(delta).min(max);
    let selected = selected.clamp(offset, (offset + height - 1).min(len - 1));
    (selected, offset)
}
