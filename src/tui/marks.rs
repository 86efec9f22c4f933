//! Read marks in the reader: which briefings are new or changed since they were last read (the
//! list marks them, with what changed), what changed in the briefing on screen (its items
//! marked `+` and `~`, the detail saying `before → after`), and `m` to mark a briefing read or
//! unread. A briefing on screen counts as read: the marks are written by the loop, as effects.

use std::collections::{HashMap, HashSet};

use crate::across::changes::{self, Changes, Snapshot};
use crate::model::{Briefing, ItemRef};
use crate::seen::Seen;
use crate::tui::app::{App, Screen};
use crate::tui::update::Effect;

/// What the reader knows of the read marks.
#[derive(Default)]
pub struct Marks {
    /// The marks' file, to read the snapshots of briefings read before (none without a state
    /// folder: then nothing is marked).
    pub seen: Option<Seen>,
    /// What each briefing read looked like then, as a number, by id.
    pub prints: HashMap<String, i64>,
    /// What changed in each briefing since it was last read, as found when it came on screen
    /// (None: it was new), so its marks stay while it is read.
    pub session: HashMap<String, Option<Changes>>,
    /// Briefings that came on screen (or were marked by hand) in this run.
    pub handled: HashSet<String>,
    /// What changed in briefings of the list, found when first drawn.
    known: elsa::FrozenMap<String, Box<Option<String>>>,
}

/// Where a briefing stands for its reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Read,
    New,
    Changed,
}

impl Marks {
    /// The marks in `seen`.
    pub fn open(seen: Seen) -> Marks {
        let prints = seen.fingerprints().map_err(|why| tracing::warn!("read marks: {why}")).unwrap_or_default();
        Marks { seen: Some(seen), prints, ..Marks::default() }
    }

    /// A briefing's state, by its id and what it shows now as a number.
    pub fn state(&self, id: &str, fingerprint: i64) -> State {
        if self.seen.is_none() {
            return State::Read;
        }
        match self.prints.get(id) {
            None => State::New,
            Some(p) if *p != fingerprint => State::Changed,
            Some(_) => State::Read,
        }
    }

    /// What changed in a briefing since it was read, in a few words ("+2 items, 1 status
    /// changed"), found once.
    pub fn summary(&self, b: &Briefing) -> Option<&str> {
        if let Some(known) = self.known.get(&b.id) {
            return known.as_deref();
        }
        let before = self.seen.as_ref()?.snapshot(&b.id).ok().flatten();
        let said = before.map(|before| changes::diff(&before, &Snapshot::of(b)).summary()).filter(|s| !s.is_empty());
        self.known.insert(b.id.clone(), Box::new(said)).as_deref()
    }

    /// The changes found when the briefing came on screen.
    pub fn changes(&self, id: &str) -> Option<&Changes> {
        self.session.get(id)?.as_ref()
    }

    /// What marks an item of the briefing on screen: `+` new since last read, `~` changed.
    pub fn item_mark(&self, b: &Briefing, item: ItemRef) -> Option<char> {
        let changes = self.changes(&b.id)?;
        let id = b.id_of(item);
        if changes.is_added(item.kind, id) { Some('+') } else { changes.of(item.kind, id).map(|_| '~') }
    }
}

/// The briefing on screen, read for the first time in this run: what changed since it was read
/// before is kept for the visit, and it is marked read.
pub fn wanted(app: &mut App) -> Option<Effect> {
    let Screen::Briefing(view) = &app.screen else { return None };
    if app.marks.seen.is_none() || app.marks.handled.contains(&view.id) {
        return None;
    }
    let b = app.live.get(&view.id)?;
    let now = Snapshot::of(b);
    let before = app.marks.seen.as_ref().and_then(|s| s.snapshot(&b.id).ok().flatten());
    let changes = before.map(|before| changes::diff(&before, &now));
    let id = b.id.clone();
    app.marks.handled.insert(id.clone());
    app.marks.session.insert(id.clone(), changes);
    app.marks.prints.insert(id.clone(), now.fingerprint());
    Some(Effect::MarkRead(id, Box::new(now)))
}

/// `m`: the selected (or shown) briefing marked read, or unread when it is read.
pub fn toggle(app: &mut App) -> Option<Effect> {
    if app.marks.seen.is_none() {
        app.set_status("Read marks are off: there is no state folder to keep them in", true);
        return None;
    }
    let b = match &app.screen {
        Screen::Library(cursor) => app.live.at(cursor.selected),
        Screen::Board(board) => board.briefing(board.cursor.selected).and_then(|p| app.live.at(p)),
        _ => app.briefing(),
    }?;
    let now = Snapshot::of(b);
    let id = b.id.clone();
    app.marks.handled.insert(id.clone());
    app.marks.known.as_mut().remove(&id);
    let effect = if app.marks.prints.get(&id) == Some(&now.fingerprint()) {
        app.marks.prints.remove(&id);
        app.marks.session.remove(&id);
        app.set_status(format!("Marked `{id}` unread"), false);
        Effect::Forget(id)
    } else {
        app.marks.prints.insert(id.clone(), now.fingerprint());
        app.marks.session.insert(id.clone(), None);
        app.set_status(format!("Marked `{id}` read"), false);
        Effect::MarkRead(id, Box::new(now))
    };
    // The list of what is new or changed loses (or keeps) the row.
    crate::tui::board::refresh(app);
    crate::tui::motion::settle(app);
    Some(effect)
}

/// The loop's part: the marks written.
pub fn write(app: &mut App, effect: &Effect) -> Result<(), String> {
    let Some(seen) = app.marks.seen.as_mut() else { return Ok(()) };
    match effect {
        Effect::MarkRead(id, snapshot) => seen.mark([(id.as_str(), snapshot.as_ref())]),
        Effect::Forget(id) => seen.forget(id),
        _ => Ok(()),
    }
    .map_err(|why| format!("Could not keep the read marks: {why}"))
}
