//! Taking in files read again: the library changes under the reader, and every cursor stays on
//! the briefing, item or hit it was on (found again by id), not on the same row number.

use std::path::PathBuf;
use std::sync::Arc;

use crate::action::Action;
use crate::load::ParsedFile;
use crate::model::{Briefing, ItemRef};
use crate::tui::app::{App, Cursor, Pane, Screen};
use crate::tui::motion::settle;
use crate::tui::search;

/// What the cursors of a screen point at, by id.
enum Anchor {
    Library(Option<String>),
    /// The briefing's id, and the selected item in each list pane.
    Briefing(String, Vec<Option<Item>>),
    /// The selected hit's briefing and item, and the cursor as it was (a search run again
    /// starts at the top).
    Results(Option<(Arc<str>, Arc<str>)>, Cursor),
    /// The item read against a saved copy. The copy is text outside the library: a reload
    /// leaves it as it is, but the item is found again by id, or the view closes.
    Passage(Item),
}

/// An item as a reload finds it again: by its written id, or, for an item written without one
/// (whose positional name shifts when one is inserted before it), by what it says.
struct Item {
    id: String,
    label: String,
}

impl Item {
    fn of(b: &Briefing, item: ItemRef) -> Item {
        Item { id: b.id_of(item).to_string(), label: b.label(item) }
    }

    fn is(&self, b: &Briefing, item: ItemRef) -> bool {
        if self.id.contains('#') { b.label(item) == self.label } else { b.id_of(item) == self.id }
    }
}

fn anchor(app: &App) -> Anchor {
    let library = &app.live;
    match &app.screen {
        Screen::Library(cursor) => Anchor::Library(library.rows().get(cursor.selected).map(|r| r.id.clone())),
        Screen::Briefing(view) => {
            let ids = Pane::LISTS
                .iter()
                .map(|pane| {
                    let b = library.get(&view.id)?;
                    Pane::items(*pane, b).get(view.cursor(*pane).selected).map(|item| Item::of(b, *item))
                })
                .collect();
            Anchor::Briefing(view.id.clone(), ids)
        }
        Screen::Results(cursor) => Anchor::Results(
            app.search.as_ref().and_then(|s| s.hits().get(cursor.selected)).map(|h| (h.briefing.clone(), h.item.clone())),
            *cursor,
        ),
        Screen::Passage(r) => match library.get(&r.cited.briefing) {
            Some(b) => Anchor::Passage(Item::of(b, r.cited.item)),
            None => Anchor::Library(None),
        },
        // A board picks its rows again after the reload, and finds its row there itself.
        Screen::Board(_) => Anchor::Library(None),
    }
}

/// Puts the cursors back on what they pointed at; what is gone leaves its cursor where it was,
/// to be clamped.
fn restore(app: &mut App, anchor: Anchor) {
    let library = &app.live;
    let mut gone = None;
    match (anchor, &mut app.screen) {
        (Anchor::Library(Some(id)), Screen::Library(cursor)) => {
            if let Some(at) = library.position(&id) {
                cursor.selected = at;
            }
        }
        (Anchor::Briefing(id, ids), Screen::Briefing(view)) if view.id == id => {
            let Some(b) = library.get(&id) else { return };
            for (pane, id) in Pane::LISTS.iter().zip(ids) {
                let at = id.and_then(|id| Pane::items(*pane, b).iter().position(|item| id.is(b, *item)));
                if let Some(at) = at {
                    view.cursor_mut(*pane).selected = at;
                }
            }
        }
        (Anchor::Results(hit, was), Screen::Results(cursor)) => {
            *cursor = was;
            let hits = app.search.as_ref().map_or(&[][..], |s| s.hits());
            if let Some(at) = hit.and_then(|(b, item)| hits.iter().position(|h| h.briefing == b && h.item == item)) {
                cursor.selected = at;
            }
        }
        (Anchor::Passage(was), Screen::Passage(r)) => {
            let Some(b) = library.get(&r.cited.briefing) else { return };
            match b.items().find(|item| item.kind == r.cited.item.kind && was.is(b, *item)) {
                Some(item) => {
                    r.cited.item = item;
                }
                None => {
                    let view = crate::tui::app::View::opening(b);
                    app.screen = Screen::Briefing(view);
                    gone = Some(was.id);
                }
            }
        }
        _ => {}
    }
    if let Some(id) = gone {
        app.set_status(format!("`{id}` is no longer in the briefing"), true);
    }
}

pub(crate) fn reloaded(app: &mut App, parsed: Vec<ParsedFile>, removed: Vec<PathBuf>) {
    let anchor = anchor(app);
    let change = app.live.apply(parsed, removed);
    // What the changed files claim is checked anew when next on screen.
    app.checked.clear();
    if app.search.is_some() {
        search::refresh_keeping(app);
    }
    let on_screen = match &app.screen {
        Screen::Briefing(view) => Some(&view.id),
        Screen::Passage(r) => Some(&r.cited.briefing),
        Screen::Library(_) | Screen::Results(_) | Screen::Board(_) => None,
    };
    if let Some(id) = on_screen
        && app.live.get(id).is_none()
    {
        let id = id.clone();
        app.screen = Screen::Library(Cursor::default());
        app.set_status(format!("Briefing `{id}` is no longer in the library"), true);
    }
    restore(app, anchor);
    crate::tui::board::refresh(app);
    // The citation or the claim may have changed: the place and the terms follow.
    crate::tui::passage::refresh(app);
    settle(app);
    if let Some(path) = change.failed.first() {
        let key = app.key_hint(&Action::Errors);
        let kept = if app.live.is_stale(path) { "; showing its last good version" } else { "" };
        app.set_status(format!("{} has errors{kept} — press {key} to see them", app.display_path(path)), true);
    } else if let Some(path) = change.reloaded.first() {
        app.set_status(format!("Reloaded {}", app.display_path(path)), false);
    } else if let Some(path) = change.removed.first() {
        app.set_status(format!("{} was removed", app.display_path(path)), false);
    } else if let Some(path) = change.unchanged.first() {
        app.set_status(format!("No changes to {}", app.display_path(path)), false);
    }
}
