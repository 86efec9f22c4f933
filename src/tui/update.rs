//! `update`: the one place the reader's state changes. Side effects come back as values for the
//! loop to run, so every key sequence can be tested without a terminal.

use std::path::PathBuf;

use crate::action::Action;
use crate::tui::app::{App, Cursor, Overlay, Pane, Screen, View};
use crate::tui::board::{self, Shows};
use crate::tui::detail::{self, Target};
use crate::tui::motion::{detail_links, focus, focus_step, move_by, page, settle};
use crate::tui::panes;
use crate::tui::passage;
use crate::tui::pointer;
use crate::tui::reload;
use crate::tui::search;

/// Something for the loop to do outside the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Open a URL with the system's opener.
    OpenUrl(String),
    /// Suspend the reader and edit a file at a line in `$EDITOR`; reload it afterwards.
    Edit { path: PathBuf, line: usize },
    /// Read these files again (missing ones are gone).
    Reload(Vec<PathBuf>),
    /// Export a briefing (by id), or the items a search query finds, to the export folder.
    Export { briefing: Option<String>, query: Option<String> },
    /// Read a saved copy for the passage view.
    ReadPassage(Box<crate::tui::passage::Request>),
    /// Check a briefing against its saved copies in `folder`, off the loop; the answer carries
    /// the request's number.
    Check { briefing: String, folder: PathBuf, request: u64 },
    /// Search the library for `input` off the loop; the answer carries the search's number.
    Search { number: u64, input: String },
    /// Add a query to the search history kept in the state folder.
    Remember(String),
    /// Put text on the terminal's clipboard (OSC 52); `what` names it for the status line.
    Copy { text: String, what: String },
    /// Mark a briefing read as it is now, in the state folder.
    MarkRead(String, Box<crate::across::changes::Snapshot>),
    /// Mark a briefing unread.
    Forget(String),
}

/// Applies an action; returns the effect it asks for, if any. A briefing newly on screen is
/// checked against its saved copies once nothing else is asked for.
pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    // Briefings read for earlier frames go once there are many: memory stays flat however far
    // the reader walks.
    app.live.trim();
    apply(app, action).or_else(|| search::wanted(app)).or_else(|| crate::tui::marks::wanted(app)).or_else(|| passage::wanted_check(app))
}

fn apply(app: &mut App, action: Action) -> Option<Effect> {
    if action.name().is_some() {
        app.status = None;
    }
    let action = match app.overlay {
        Some(overlay) => match overlay_action(app, overlay, action) {
            Ok(effect) => return effect,
            Err(action) => action,
        },
        None => action,
    };
    if matches!(app.screen, Screen::Library(_)) && library_key(app, &action) {
        return None;
    }
    // The filter line of the tracker or the timeline takes text, its edits, enter and esc.
    if board::typing(app) {
        let taken = match &action {
            Action::Input(c) => board::input(app, &c.to_string()),
            Action::Paste(text) => board::input(app, text),
            Action::EditLine(edit) => board::edit(app, *edit),
            Action::Follow => {
                board::apply(app);
                true
            }
            Action::Close => board::cancel(app),
            _ => false,
        };
        if taken {
            return None;
        }
    }
    if matches!(app.screen, Screen::Results(_) | Screen::Passage(_) | Screen::Board(_)) && pane_key(&action) {
        let here = match &app.screen {
            Screen::Results(_) => "the search results",
            Screen::Board(b) => b.shows.title(),
            _ => "a saved copy",
        };
        let open = app.key_hint(&Action::Follow);
        app.set_status(format!("That key works in a briefing's panes, not in {here}: {open} opens one"), false);
        return None;
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Help => app.overlay = Some(Overlay::Help(0)),
        Action::Errors => app.overlay = Some(Overlay::Errors(0)),
        Action::Close => return close(app),
        Action::Down => move_by(app, 1),
        Action::Up => move_by(app, -1),
        Action::Top => move_by(app, isize::MIN / 2),
        Action::Bottom => move_by(app, isize::MAX / 2),
        Action::HalfPageDown => move_by(app, (page(app) / 2).max(1) as isize),
        Action::HalfPageUp => move_by(app, -((page(app) / 2).max(1) as isize)),
        Action::PageDown => move_by(app, page(app).max(1) as isize),
        Action::PageUp => move_by(app, -(page(app).max(1) as isize)),
        Action::FocusLeft => focus_step(app, -1, false),
        Action::FocusRight => focus_step(app, 1, false),
        Action::NextPane => focus_step(app, 1, true),
        Action::PrevPane => focus_step(app, -1, true),
        Action::FocusOfficials => focus(app, Pane::Officials),
        Action::FocusCommitments => focus(app, Pane::Commitments),
        Action::FocusReactions => focus(app, Pane::Reactions),
        Action::FocusFacts => focus(app, Pane::Facts),
        Action::FocusSources => focus(app, Pane::Sources),
        Action::FocusTimeline => focus(app, Pane::Timeline),
        Action::FocusDetail => focus(app, Pane::Detail),
        Action::FocusSummary => crate::tui::summary::focus(app),
        Action::Zoom => zoom(app),
        Action::Follow => return follow(app),
        Action::Back => walk_history(app, false),
        Action::Forward => walk_history(app, true),
        Action::PrevBriefing => step_briefing(app, -1),
        Action::NextBriefing => step_briefing(app, 1),
        Action::OpenUrl => return crate::tui::outside::open_url(app),
        Action::Copy => return crate::tui::outside::copy_item(app),
        Action::CopyUrl => return crate::tui::outside::copy_url(app),
        Action::Edit => return edit(app),
        Action::Click(column, row) => pointer::click(app, column, row),
        Action::ScrollDown(column, row) => pointer::scroll(app, column, row, 3),
        Action::ScrollUp(column, row) => pointer::scroll(app, column, row, -3),
        Action::Resize(width, height) => {
            let before = std::mem::replace(&mut app.size, (width, height));
            passage::resized(app, before);
        }
        Action::Tick => {
            app.ticks += 1;
            let since = app.status.as_ref().filter(|s| !s.error).map(|s| s.since);
            if since.is_some_and(|since| app.ticks - since >= crate::tui::app::NEWS_SECONDS) {
                app.status = None;
            }
        }
        Action::FilesChanged(paths) => return Some(Effect::Reload(paths)),
        Action::Reloaded(parsed, removed) => reload::reloaded(app, parsed, removed),
        Action::Report(text, error) => app.set_status(text, error),
        Action::Search => search::open(app),
        Action::NextHit if matches!(app.screen, Screen::Passage(_)) => passage::step(app, true),
        Action::PrevHit if matches!(app.screen, Screen::Passage(_)) => passage::step(app, false),
        Action::NextHit if matches!(app.screen, Screen::Results(_)) => move_by(app, 1),
        Action::PrevHit if matches!(app.screen, Screen::Results(_)) => move_by(app, -1),
        Action::NextHit => search::step(app, 1),
        Action::PrevHit => search::step(app, -1),
        Action::Export => return export(app),
        Action::Tracker => board::open(app, Shows::Tracker),
        Action::Timeline => board::open(app, Shows::Timeline),
        Action::Filter if matches!(app.screen, Screen::Board(_)) => board::edit_filter(app),
        Action::Filter if matches!(app.screen, Screen::Library(_)) => board::open(app, Shows::Unread),
        Action::Filter => {
            let (tracker, timeline) = (app.key_hint(&Action::Tracker), app.key_hint(&Action::Timeline));
            app.set_status(format!("Filters are for the tracker ({tracker}) and the timeline ({timeline}); / searches"), false);
        }
        Action::Sort if matches!(app.screen, Screen::Board(_)) => board::sort(app),
        Action::Sort => app.set_status("Sorting is for the tracker", false),
        Action::Traded => return board::traded(app),
        Action::Official => board::open_official(app),
        Action::Weak => board::open(app, Shows::Weak),
        Action::Reactions => board::open(app, Shows::Reactions),
        Action::MarkRead => return crate::tui::marks::toggle(app),
        Action::Input(c) => search::input(app, &c.to_string()),
        Action::Paste(text) => search::input(app, &text),
        Action::EditLine(edit) => search::edit(app, edit),
        Action::Recall(older) => search::recall(app, older),
        Action::ToResults => return search::leave_line(app),
        Action::Passage => return passage::open(app),
        Action::CopiesChanged(paths) => return passage::copies_changed(app, &paths),
        Action::PassageRead(request, text) => passage::opened(app, *request, text),
        Action::Verified(id, request, verdict) => passage::checked(app, id, request, *verdict),
        Action::Found(number, hits) => search::found(app, number, hits),
    }
    None
}

/// An open overlay takes every key: it scrolls, closes, or (the errors view) opens the marked
/// error in the editor; other keys do nothing under it. What is not a key — a resize, files
/// changing, a report, quitting — is handed back to go on as usual.
fn overlay_action(app: &mut App, overlay: Overlay, action: Action) -> Result<Option<Effect>, Action> {
    // The help scrolls by lines; the errors view moves its mark by diagnostics.
    let (scroll, rebuild): (usize, fn(usize) -> Overlay) = match overlay {
        Overlay::Help(s) => (s, Overlay::Help),
        Overlay::Errors(s) => (s, Overlay::Errors),
    };
    let max = panes::overlay_max(app, overlay);
    // A stored number may be past the end after a resize or a reload.
    let scroll = scroll.min(max);
    let page = page(app).max(2);
    let next = match action {
        // Answers of work done off the loop are taken under an overlay too: dropped, they
        // would never come again.
        Action::Quit
        | Action::Resize(..)
        | Action::FilesChanged(_)
        | Action::Reloaded(..)
        | Action::Report(..)
        | Action::CopiesChanged(_)
        | Action::PassageRead(..)
        | Action::Verified(..)
        | Action::Found(..) => return Err(action),
        Action::Down | Action::ScrollDown(..) => scroll + 1,
        Action::Up | Action::ScrollUp(..) => scroll.saturating_sub(1),
        Action::PageDown => scroll + page,
        Action::HalfPageDown => scroll + page / 2,
        Action::PageUp => scroll.saturating_sub(page),
        Action::HalfPageUp => scroll.saturating_sub(page / 2),
        Action::Top => 0,
        Action::Bottom => max,
        Action::Close | Action::Click(..) => {
            app.overlay = None;
            return Ok(None);
        }
        Action::Help if matches!(overlay, Overlay::Help(_)) => {
            app.overlay = None;
            return Ok(None);
        }
        Action::Errors if matches!(overlay, Overlay::Errors(_)) => {
            app.overlay = None;
            return Ok(None);
        }
        Action::Edit if matches!(overlay, Overlay::Errors(_)) => {
            let width = panes::errors::text_width(crate::tui::motion::area(app));
            let (_, entries) = panes::errors::content(app, width);
            return Ok(entries.get(scroll).map(|e| Effect::Edit { path: e.path.clone(), line: e.line }));
        }
        _ => {
            let close = app.key_hint(&Action::Close);
            app.set_status(format!("Close this view first ({close})"), false);
            scroll
        }
    };
    app.overlay = Some(rebuild(next.min(max)));
    Ok(None)
}

/// Keys the library answers otherwise than a briefing: h, l and Tab move between the list and
/// the preview; keys that act on a briefing's panes say what they need. True when handled.
fn library_key(app: &mut App, action: &Action) -> bool {
    match action {
        Action::FocusRight | Action::NextPane | Action::FocusSummary if app.preview.is_none() => {
            app.preview = Some(Cursor::default());
        }
        Action::FocusLeft | Action::PrevPane | Action::NextPane | Action::Close if app.preview.is_some() => app.preview = None,
        Action::FocusLeft | Action::PrevPane => {
            let right = app.key_hint(&Action::FocusRight);
            app.set_status(format!("The list is the leftmost: {right} shows the preview"), false);
        }
        Action::FocusRight => {
            let left = app.key_hint(&Action::FocusLeft);
            app.set_status(format!("The preview is the rightmost: {left} returns to the list"), false);
        }
        // Already on the preview.
        Action::FocusSummary => {}
        action if pane_key(action) => {
            let open = app.key_hint(&Action::Follow);
            app.set_status(format!("That key works in a briefing's panes: open one with {open} first"), false);
        }
        Action::Follow if app.preview.is_some() => crate::tui::summary::follow(app),
        _ => return false,
    }
    true
}

/// Keys that act on a briefing's panes.
fn pane_key(action: &Action) -> bool {
    matches!(
        action,
        Action::FocusOfficials
            | Action::FocusCommitments
            | Action::FocusReactions
            | Action::FocusFacts
            | Action::FocusSources
            | Action::FocusTimeline
            | Action::FocusDetail
            | Action::FocusSummary
            | Action::FocusLeft
            | Action::FocusRight
            | Action::NextPane
            | Action::PrevPane
            | Action::Zoom
    )
}

/// `z`: the focused pane alone at full size, or all the panes again.
fn zoom(app: &mut App) {
    if let Screen::Briefing(view) = &mut app.screen {
        view.zoomed = !view.zoomed;
        settle(app);
    }
}

fn follow(app: &mut App) -> Option<Effect> {
    match &app.screen {
        Screen::Results(_) => return search::follow(app),
        Screen::Board(_) => board::follow(app),
        Screen::Briefing(view) if view.focus == Pane::Summary => crate::tui::summary::follow(app),
        Screen::Library(cursor) => {
            if let Some(b) = app.live.at(cursor.selected) {
                let view = View::opening(b);
                navigate(app, Screen::Briefing(view));
            }
        }
        Screen::Briefing(view) if view.focus != Pane::Detail => {
            if detail_links(app) > 0 {
                focus(app, Pane::Detail);
            }
        }
        Screen::Briefing(view) => {
            let selected = view.cursor(Pane::Detail).selected;
            let (Some(b), Some(item)) = (app.briefing(), app.shown_item()) else { return None };
            let lines = detail::detail(&app.live, b, item);
            if let Some(target) = detail::targets(&lines).get(selected).map(|t| (*t).clone()) {
                jump(app, &target);
            }
        }
        Screen::Passage(_) => {}
    }
    None
}

/// Shows an item: its briefing, its pane focused, the item selected and in view.
pub(crate) fn jump(app: &mut App, target: &Target) {
    if let Some(screen) = screen_for(app, target) {
        navigate(app, screen);
    }
}

/// The screen that shows an item, keeping the rest of the view when it is in the briefing on
/// screen.
pub(crate) fn screen_for(app: &App, target: &Target) -> Option<Screen> {
    let b = app.live.get(&target.briefing)?;
    let pane = Pane::of_kind(target.item.kind);
    let index = Pane::items(pane, b).iter().position(|i| *i == target.item)?;
    let mut view = match app.view() {
        Some(view) if view.id == target.briefing => view.clone(),
        _ => View::new(&target.briefing),
    };
    view.focus = pane;
    view.shown = pane;
    view.cursor_mut(pane).selected = index;
    *view.cursor_mut(Pane::Detail) = Cursor::default();
    Some(Screen::Briefing(view))
}

/// Goes to another screen, recording where it came from.
pub(crate) fn navigate(app: &mut App, to: Screen) {
    // The library's list has the focus again when it is come back to.
    app.preview = None;
    let from = std::mem::replace(&mut app.screen, to);
    app.history.record(from);
    settle(app);
}

/// Back to where the last jump came from.
pub(crate) fn walk_back(app: &mut App) {
    walk_history(app, false);
}

/// Walks the jump list back or forward, skipping screens whose briefing has since gone.
fn walk_history(app: &mut App, forward: bool) {
    loop {
        let current = app.screen.clone();
        let Some(screen) = (if forward { app.history.forward(current) } else { app.history.back(current) }) else {
            app.set_status(if forward { "Nothing to go forward to" } else { "Nothing to go back to" }, false);
            return;
        };
        if restore(app, screen) {
            return;
        }
    }
}

/// Shows a screen from the history unless its briefing has since gone.
fn restore(app: &mut App, screen: Screen) -> bool {
    if let Screen::Briefing(view) = &screen
        && app.live.get(&view.id).is_none()
    {
        return false;
    }
    if matches!(screen, Screen::Results(_)) && app.search.is_none() {
        return false;
    }
    if let Screen::Passage(r) = &screen
        && app.live.get(&r.cited.briefing).is_none()
    {
        return false;
    }
    app.screen = screen;
    // Back on a board, its rows as the store has them now.
    board::refresh(app);
    // Back on the results, the hit stepped to with `n` is the one selected.
    if let (Screen::Results(cursor), Some(current)) = (&mut app.screen, app.search.as_ref().and_then(|s| s.current)) {
        cursor.selected = current;
    }
    settle(app);
    true
}

fn close(app: &mut App) -> Option<Effect> {
    match &mut app.screen {
        // Out of the zoom first, then out of the summary, as from the detail.
        Screen::Briefing(view) if view.zoomed => {
            view.zoomed = false;
            settle(app);
            return None;
        }
        Screen::Briefing(view) if view.focus == Pane::Summary => {
            view.focus = view.shown;
            return None;
        }
        _ => {}
    }
    match &app.screen {
        Screen::Passage(_) | Screen::Board(_) => walk_history(app, false),
        Screen::Results(_) => return search::close(app),
        Screen::Briefing(view) if view.focus != Pane::Detail && app.search.is_some() => {
            app.search = None;
            app.set_status("Search closed", false);
        }
        Screen::Briefing(view) if view.focus == Pane::Detail => {
            let shown = view.shown;
            focus(app, shown);
        }
        Screen::Briefing(view) => {
            let selected = app.live.position(&view.id).unwrap_or(0);
            navigate(app, Screen::Library(Cursor { selected, offset: 0 }));
        }
        Screen::Library(_) => {}
    }
    None
}

/// `[` and `]`: the previous or next briefing in library order.
fn step_briefing(app: &mut App, step: isize) {
    let len = app.live.len();
    match &mut app.screen {
        // The next briefing in the list, even from the preview (which then shows it).
        Screen::Library(cursor) => {
            cursor.selected = cursor.selected.saturating_add_signed(step).min(len.saturating_sub(1));
            app.preview = app.preview.map(|_| Cursor::default());
            settle(app);
        }
        Screen::Results(_) | Screen::Board(_) => move_by(app, step),
        Screen::Passage(_) => {}
        Screen::Briefing(view) => {
            let Some(at) = app.live.position(&view.id) else { return };
            let next = at as isize + step;
            if next < 0 || next as usize >= len {
                app.set_status(if step < 0 { "This is the first briefing" } else { "This is the last briefing" }, false);
                return;
            }
            let Some(b) = app.live.at(next as usize) else { return };
            let view = View::opening(b);
            navigate(app, Screen::Briefing(view));
        }
    }
}

/// `x`: what is on screen — the search results, the briefing shown, or the one selected.
fn export(app: &mut App) -> Option<Effect> {
    let effect = match &app.screen {
        Screen::Results(_) => {
            let search = app.search.as_ref()?;
            if search.hits().is_empty() {
                app.set_status("Nothing to export: the search has no hits", false);
                return None;
            }
            Effect::Export { briefing: None, query: Some(search.input().to_string()) }
        }
        Screen::Briefing(view) => Effect::Export { briefing: Some(view.id.clone()), query: None },
        Screen::Passage(r) => Effect::Export { briefing: Some(r.cited.briefing.clone()), query: None },
        Screen::Board(_) => {
            app.set_status("Export works on a briefing or on search results: open a row with enter first", false);
            return None;
        }
        Screen::Library(cursor) => Effect::Export { briefing: Some(app.live.at(cursor.selected)?.id.clone()), query: None },
    };
    Some(effect)
}

fn edit(app: &mut App) -> Option<Effect> {
    let (path, line) = match &app.screen {
        Screen::Library(cursor) => (app.live.at(cursor.selected)?.path.clone(), 1),
        Screen::Results(_) => return None,
        Screen::Board(_) => return board::edit_file(app),
        Screen::Passage(r) => {
            let b = app.live.get(&r.cited.briefing)?;
            (b.path.clone(), b.line_of(r.cited.item))
        }
        Screen::Briefing(_) => {
            let b = app.briefing()?;
            (b.path.clone(), app.shown_item().map_or(1, |item| b.line_of(item)))
        }
    };
    Some(Effect::Edit { path, line })
}
