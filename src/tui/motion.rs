//! Where the cursors and the focus go: moving a selection, scrolling it into view, focusing a
//! pane, and clamping every cursor after the screen changed under it. Used by `update` and the
//! mouse; the geometry comes from `layout`, as drawing has it.

use ratatui::layout::Rect;

use crate::tui::app::{App, Cursor, Pane, Screen};
use crate::tui::detail;
use crate::tui::layout;
use crate::tui::panes;
use crate::tui::passage;

/// The whole screen, as the reader last learned its size.
pub(crate) fn area(app: &App) -> Rect {
    Rect::new(0, 0, app.size.0, app.size.1)
}

/// The summary document that has the focus — a briefing's Summary pane, or the library's
/// preview — as drawn: its rows, and the lines it is shown in.
pub(crate) fn document(app: &App) -> Option<(std::rc::Rc<Vec<crate::tui::summary::Row>>, usize)> {
    use crate::tui::panes::summary::text_width;
    match &app.screen {
        Screen::Library(cursor) if app.preview.is_some() => {
            let b = app.live.at(cursor.selected)?;
            let inner = layout::inner(layout::library(area(app)).preview, true);
            Some((crate::tui::summary::rows(app, b, text_width(inner), true), usize::from(inner.height)))
        }
        Screen::Briefing(view) if view.focus == Pane::Summary => {
            let b = app.briefing()?;
            let rect = layout::briefing(area(app), b, view).summary;
            Some((crate::tui::summary::rows(app, b, text_width(rect), false), usize::from(rect.height)))
        }
        _ => None,
    }
}

/// The cursor of the summary document that has the focus.
fn document_cursor(app: &mut App) -> Option<&mut Cursor> {
    match &mut app.screen {
        Screen::Library(_) => app.preview.as_mut(),
        Screen::Briefing(view) if view.focus == Pane::Summary => Some(view.cursor_mut(Pane::Summary)),
        _ => None,
    }
}

/// Moves the cursor row of the focused summary document, scrolling it into view.
fn move_in_document(app: &mut App, delta: isize) -> bool {
    let Some((rows, height)) = document(app) else { return false };
    let Some(cursor) = document_cursor(app) else { return false };
    cursor.selected = cursor.selected.saturating_add_signed(delta).min(rows.len().saturating_sub(1));
    cursor.offset = crate::tui::summary::offset(cursor.offset, cursor.selected, rows.len(), height);
    true
}

/// Rows a list or the detail shows at once in the focused pane.
pub(crate) fn page(app: &App) -> usize {
    if let Some((_, height)) = document(app) {
        return height;
    }
    match &app.screen {
        Screen::Library(_) | Screen::Results(_) => usize::from(layout::inner(layout::library(area(app)).list, true).height),
        Screen::Passage(_) => passage::page(app),
        Screen::Board(board) => panes::board::list_height(area(app), board),
        Screen::Briefing(view) => {
            let Some(b) = app.briefing() else { return 1 };
            let l = layout::briefing(area(app), b, view);
            l.rect(view.focus).map_or(1, |r| usize::from(layout::inner(r, l.wide).height))
        }
    }
}

/// Moves the selection of the focused list (or the detail's reference) by `delta`, clamped.
pub(crate) fn move_by(app: &mut App, delta: isize) {
    if matches!(app.screen, Screen::Passage(_)) {
        return passage::scroll(app, delta);
    }
    if move_in_document(app, delta) {
        return;
    }
    let height = page(app);
    let len = match &app.screen {
        Screen::Library(_) => app.live.len(),
        Screen::Results(_) => app.search.as_ref().map_or(0, |s| s.hits().len()),
        Screen::Briefing(view) if view.focus == Pane::Detail => detail_links(app),
        Screen::Briefing(view) => app.briefing().map_or(0, |b| Pane::items(view.focus, b).len()),
        Screen::Board(board) => board.len(),
        Screen::Passage(_) => 0,
    };
    if len == 0 {
        return;
    }
    let focus = app.view().map(|v| v.focus);
    let cursor = match &mut app.screen {
        Screen::Library(cursor) | Screen::Results(cursor) => cursor,
        Screen::Board(board) => &mut board.cursor,
        Screen::Briefing(view) => view.cursor_mut(view.focus),
        Screen::Passage(_) => return,
    };
    cursor.selected = cursor.selected.saturating_add_signed(delta).min(len - 1);
    if focus == Some(Pane::Detail) {
        keep_detail_link_visible(app);
    } else {
        cursor.offset = layout::visible_offset(cursor.offset, cursor.selected, len, height);
        keep_list_row_visible(app);
        reset_detail(app);
    }
    // A board reads the rows that came into view.
    crate::tui::board::fill(app, height);
}

/// Scrolls a briefing's focused list so its selected row shows whole, as drawing lays the rows
/// out (wrapped in the focused pane).
pub(crate) fn keep_list_row_visible(app: &mut App) {
    let (Some(b), Some(view)) = (app.briefing(), app.view()) else { return };
    let focus = view.focus;
    if matches!(focus, Pane::Detail | Pane::Summary) {
        return;
    }
    let l = layout::briefing(area(app), b, view);
    let Some(inner) = l.rect(focus).map(|r| layout::inner(r, l.wide)) else { return };
    let offset = panes::list_offset(app, b, focus, view.cursor(focus), usize::from(inner.width), usize::from(inner.height), true);
    if let Screen::Briefing(view) = &mut app.screen {
        view.cursor_mut(focus).offset = offset;
    }
}

/// How many references the detail pane offers.
pub(crate) fn detail_links(app: &App) -> usize {
    match (app.briefing(), app.shown_item()) {
        (Some(b), Some(item)) => detail::targets(&detail::detail(&app.live, b, item)).len(),
        _ => 0,
    }
}

/// Scrolls the detail so its selected reference shows.
pub(crate) fn keep_detail_link_visible(app: &mut App) {
    let Some(b) = app.briefing() else { return };
    let Some(view) = app.view() else { return };
    let l = layout::briefing(area(app), b, view);
    let Some(rect) = l.rect(Pane::Detail) else { return };
    let rows = panes::detail::rows(app, b, rect, l.wide);
    let height = usize::from(layout::inner(rect, l.wide).height);
    let cursor = view.cursor(Pane::Detail);
    let offset = panes::detail::offset(&rows, cursor.selected, cursor.offset, height);
    if let Screen::Briefing(view) = &mut app.screen {
        view.cursor_mut(Pane::Detail).offset = offset;
    }
}

/// The detail starts over at its first reference when it shows another item.
pub(crate) fn reset_detail(app: &mut App) {
    if let Screen::Briefing(view) = &mut app.screen
        && view.focus != Pane::Detail
    {
        view.shown = view.focus;
        *view.cursor_mut(Pane::Detail) = Cursor::default();
    }
}

pub(crate) fn focus(app: &mut App, pane: Pane) {
    if let Screen::Briefing(view) = &mut app.screen {
        if view.focus == pane {
            return;
        }
        view.focus = pane;
        if pane != Pane::Detail && view.shown != pane {
            view.shown = pane;
            *view.cursor_mut(Pane::Detail) = Cursor::default();
        }
    }
    if pane == Pane::Detail {
        keep_detail_link_visible(app);
    }
}

/// Tab and Shift-Tab cycle every pane; h and l move through the grid (or tabs) and stop at
/// the ends. From the detail, h returns to the list it shows.
pub(crate) fn focus_step(app: &mut App, step: isize, wrap: bool) {
    let Some(view) = app.view() else { return };
    let wide = layout::is_wide(area(app));
    let next = if wrap {
        let i = (view.focus.index() as isize + step).rem_euclid(Pane::ALL.len() as isize);
        Pane::ALL[i as usize]
    } else if view.focus == Pane::Summary {
        // Out of the summary, either way, to the list the detail follows.
        view.shown
    } else if view.focus == Pane::Detail {
        if step < 0 { view.shown } else { return at_edge(app, step) }
    } else if wide {
        // The grid is two rows of three with the detail to their right.
        let i = view.focus.index();
        let column = i % 3;
        match (column as isize + step, step > 0) {
            (3, true) => Pane::Detail,
            (c, _) if (0..3).contains(&c) => Pane::LISTS[i - column + c as usize],
            _ => return at_edge(app, step),
        }
    } else {
        let i = view.focus.index() as isize + step;
        match Pane::LISTS.get(i as usize) {
            Some(p) if i >= 0 => *p,
            _ => return at_edge(app, step),
        }
    };
    focus(app, next);
}

/// h or l past the last pane that way: said, with the key that goes on round.
fn at_edge(app: &mut App, step: isize) {
    let tab = app.key_hint(&crate::action::Action::NextPane);
    let side = if step < 0 { "leftmost" } else { "rightmost" };
    app.set_status(format!("This is the {side} pane: {tab} goes on round every pane"), false);
}

/// Clamps every cursor to what the screen now holds and keeps selections in view.
pub(crate) fn settle(app: &mut App) {
    let height = usize::from(layout::inner(layout::library(area(app)).list, true).height);
    let library_len = app.live.len();
    let lens: Vec<usize> = match app.briefing() {
        Some(b) => Pane::LISTS.iter().map(|p| Pane::items(*p, b).len()).collect(),
        None => Vec::new(),
    };
    let links = detail_links(app);
    let hits = app.search.as_ref().map_or(0, |s| s.hits().len());
    match &mut app.screen {
        Screen::Library(cursor) => {
            cursor.selected = cursor.selected.min(library_len.saturating_sub(1));
            cursor.offset = layout::visible_offset(cursor.offset, cursor.selected, library_len, height);
        }
        Screen::Results(cursor) => {
            cursor.selected = cursor.selected.min(hits.saturating_sub(1));
            cursor.offset = layout::visible_offset(cursor.offset, cursor.selected, hits, height);
        }
        Screen::Briefing(view) => {
            for (pane, len) in Pane::LISTS.iter().zip(lens) {
                let c = view.cursor_mut(*pane);
                c.selected = c.selected.min(len.saturating_sub(1));
            }
            let d = view.cursor_mut(Pane::Detail);
            d.selected = d.selected.min(links.saturating_sub(1));
        }
        Screen::Passage(_) => return passage::scroll(app, 0),
        Screen::Board(board) => {
            let len = board.len();
            let height = panes::board::list_height(Rect::new(0, 0, app.size.0, app.size.1), board);
            board.cursor.selected = board.cursor.selected.min(len.saturating_sub(1));
            board.cursor.offset = layout::visible_offset(board.cursor.offset, board.cursor.selected, len, height);
            return crate::tui::board::fill(app, height);
        }
    }
    if let Some(view) = app.view() {
        let focus = view.focus;
        if focus == Pane::Detail {
            keep_detail_link_visible(app);
        } else {
            keep_list_row_visible(app);
        }
    }
    move_in_document(app, 0);
}
