//! The views across the library as screens of the reader: the commitment tracker (`C`), the
//! timeline (`T`), the reactions (`R`), the weak spots (`W`), an official's page (`O` on an
//! official), and what is new or changed (`f` in the library). A screen keeps the ids of the
//! rows its filter keeps, in order — picked from the store when it opens and when its filter
//! or order changes — and reads by id only the rows around the cursor: a keystroke reads a
//! screenful at most, whatever the library's size.

use crate::across::timeline::{self, Dated};
use crate::across::tracker::{self, Sort, Tracked};
use crate::date::Date;
use crate::model::{ItemRef, Kind, Status};
use crate::store::board::Picked;
use crate::tui::app::{App, Cursor, Screen};
use crate::tui::detail::Target;
use crate::tui::line::{Edit, Field};
use crate::tui::motion::settle;
use crate::tui::update::{Effect, jump, navigate};

/// Which view a board shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shows {
    Tracker,
    Timeline,
    /// Every briefing that lists an official (the board's `person`).
    Official,
    /// The weak spots of the library.
    Weak,
    /// The briefings new or changed since they were last read: the library, filtered.
    Unread,
    /// Every market reaction of the library, its move drawn as a bar.
    Reactions,
}

impl Shows {
    pub fn title(self) -> &'static str {
        match self {
            Shows::Tracker => "Commitments across the library",
            Shows::Timeline => "Timeline of the library",
            Shows::Official => "An official across the library",
            Shows::Weak => "Weak spots of the library",
            Shows::Unread => "New and changed since last read",
            Shows::Reactions => "Market reactions across the library",
        }
    }
}

/// An official's page: their id, and every briefing that lists them, oldest first (few enough
/// to hold: one person's appearances, not the library's rows).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: String,
    pub appeared: Vec<crate::store::board::Appeared>,
}

impl Person {
    /// Every name the official is given, in the order they first appear.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for a in &self.appeared {
            if !names.contains(&a.name.as_str()) {
                names.push(&a.name);
            }
        }
        names
    }

    /// Whether the role in the `i`th appearance differs from the one before.
    pub fn role_changed(&self, i: usize) -> bool {
        i > 0 && self.appeared.get(i).map(|a| &a.role) != self.appeared.get(i - 1).map(|a| &a.role)
    }
}

/// A view across the library on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Board {
    pub shows: Shows,
    pub cursor: Cursor,
    /// The filter in force, as typed.
    pub filter: String,
    /// The filter line while it is edited.
    pub editing: Option<Field>,
    /// Why the filter typed last is not one.
    pub error: Option<String>,
    pub sort: Sort,
    /// The day overdue is counted from.
    pub today: Date,
    pub picked: Picked,
    /// The rows read, from the `start`th of `picked.ids` on.
    pub start: usize,
    pub window: Window,
    /// The official whose page this is.
    pub person: Option<Person>,
}

/// The rows a board has read around its cursor, of the view it shows (an official's page and
/// the unread list hold theirs elsewhere).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Window {
    #[default]
    None,
    Tracked(Vec<Tracked>),
    Dated(Vec<Dated>),
    Spots(Vec<crate::across::weak::Weak>),
    Reacted(Vec<crate::across::figure::Reacted>),
}

impl Window {
    fn len(&self) -> usize {
        match self {
            Window::None => 0,
            Window::Tracked(v) => v.len(),
            Window::Dated(v) => v.len(),
            Window::Spots(v) => v.len(),
            Window::Reacted(v) => v.len(),
        }
    }
}

impl Board {
    pub fn len(&self) -> usize {
        self.picked.total
    }

    pub fn is_empty(&self) -> bool {
        self.picked.total == 0
    }

    /// The `i`th row's place in the window, when it has been read.
    fn read(&self, i: usize) -> Option<usize> {
        i.checked_sub(self.start).filter(|at| *at < self.window.len())
    }

    /// The tracker's `i`th row, when it has been read.
    pub fn tracked(&self, i: usize) -> Option<&Tracked> {
        match &self.window {
            Window::Tracked(rows) => rows.get(self.read(i)?),
            _ => None,
        }
    }

    /// The timeline's `i`th row, when it has been read.
    pub fn dated(&self, i: usize) -> Option<&Dated> {
        match &self.window {
            Window::Dated(rows) => rows.get(self.read(i)?),
            _ => None,
        }
    }

    /// The weak spots' `i`th row, when it has been read.
    pub fn spot(&self, i: usize) -> Option<&crate::across::weak::Weak> {
        match &self.window {
            Window::Spots(rows) => rows.get(self.read(i)?),
            _ => None,
        }
    }

    /// The reactions' `i`th row, when it has been read.
    pub fn reacted(&self, i: usize) -> Option<&crate::across::figure::Reacted> {
        match &self.window {
            Window::Reacted(rows) => rows.get(self.read(i)?),
            _ => None,
        }
    }

    /// The party column's width: the widest party among the tracker's rows read, up to 14.
    pub fn party_width(&self) -> usize {
        match &self.window {
            Window::Tracked(rows) => rows.iter().map(|t| t.party.chars().count()).max().unwrap_or(0).min(14),
            _ => 0,
        }
    }

    /// The item of the `i`th row.
    pub fn target(&self, i: usize) -> Option<Target> {
        let (at, kind) = match self.shows {
            Shows::Tracker => (&self.tracked(i)?.at, Kind::Commitment),
            Shows::Timeline => (&self.dated(i)?.at, Kind::Event),
            Shows::Reactions => (&self.reacted(i)?.at, Kind::Reaction),
            Shows::Weak => {
                let w = self.spot(i)?;
                (&w.at, w.kind)
            }
            Shows::Official => {
                let a = self.person.as_ref()?.appeared.get(i)?;
                return Some(Target { briefing: a.briefing.clone(), item: ItemRef { kind: Kind::Official, index: a.item } });
            }
            // A briefing, not an item: see [`Board::briefing`].
            Shows::Unread => return None,
        };
        Some(Target { briefing: at.briefing.clone(), item: ItemRef { kind, index: at.index } })
    }

    /// The unread board's `i`th row: a briefing's place in the library list.
    pub fn briefing(&self, i: usize) -> Option<usize> {
        (self.shows == Shows::Unread).then(|| self.picked.id(i).map(|p| p as usize)).flatten()
    }
}

/// What a board's filter text asks.
enum Wanted {
    Tracker(tracker::Filter),
    Timeline(timeline::Filter),
    Person,
    Weak(crate::tui::weak::Sorts),
    Unread,
    Reactions,
}

/// The words a filter may hold, for a message.
fn words(shows: Shows) -> &'static str {
    match shows {
        Shows::Tracker => "open, overdue, party:P, status:S, tag:T, after:DAY, before:DAY (due dates)",
        Shows::Timeline => "tag:T, after:DAY, before:DAY",
        Shows::Official => "nothing: an official's page lists every briefing that names them",
        Shows::Weak => "single (one source or none), disputed (sources disagree), leaned (a source many claims rest on alone)",
        Shows::Unread => "nothing: this is the library filtered to what is new or changed",
        Shows::Reactions => "nothing: every reaction of the library is listed, newest briefing first",
    }
}

/// Reads a filter as typed: words such as `open party:us status:pending,agreed tag:trade
/// after:2025-06-01`; every word must hold.
fn parse(shows: Shows, text: &str) -> Result<Wanted, String> {
    let mut t = tracker::Filter::default();
    let mut e = timeline::Filter::default();
    let mut w = crate::tui::weak::Sorts::default();
    let day = |key: &str, v: &str| Date::parse(v).ok_or_else(|| format!("{key}: takes a day as YYYY-MM-DD, not `{v}`"));
    for word in text.split_whitespace() {
        let (key, value) = word.split_once(':').unwrap_or((word, ""));
        match (shows, key.to_lowercase().as_str()) {
            (Shows::Weak, "single") if value.is_empty() => w.single = true,
            (Shows::Weak, "disputed") if value.is_empty() => w.disputed = true,
            (Shows::Weak, "leaned") if value.is_empty() => w.leaned = true,
            (Shows::Tracker, "open") if value.is_empty() => t.open = true,
            (Shows::Tracker, "overdue") if value.is_empty() => t.overdue = true,
            (Shows::Tracker, "party") if !value.is_empty() => t.parties.push(value.to_string()),
            (Shows::Tracker, "status") => {
                for s in value.split(',') {
                    let status = Status::parse(s).ok_or_else(|| format!("status: is one of {}, not `{s}`", Status::WORDS.join(", ")))?;
                    t.statuses.push(status);
                }
            }
            (Shows::Tracker, "after") => t.due_from = Some(day("after", value)?),
            (Shows::Tracker, "before") => t.due_to = Some(day("before", value)?),
            (_, "tag") if !value.is_empty() => {
                t.tags.push(value.to_string());
                e.tags.push(value.to_string());
            }
            (Shows::Timeline, "after") => e.after = Some(day("after", value)?),
            (Shows::Timeline, "before") => e.before = Some(day("before", value)?),
            _ => return Err(format!("`{word}` is not a filter here: use {}", words(shows))),
        }
    }
    Ok(match shows {
        Shows::Tracker => Wanted::Tracker(t),
        Shows::Timeline => Wanted::Timeline(e),
        Shows::Official => Wanted::Person,
        Shows::Weak => Wanted::Weak(w),
        Shows::Unread => Wanted::Unread,
        Shows::Reactions => Wanted::Reactions,
    })
}

/// The board's rows picked again from the store, for its filter and order (the filter is
/// known to parse), and, on an official's page, their appearances read again.
fn pick(app: &App, board: &Board) -> (Picked, Option<Vec<crate::store::board::Appeared>>) {
    let mut appeared = None;
    let picked = match parse(board.shows, &board.filter) {
        Ok(Wanted::Tracker(filter)) => app.live.pick_commitments(&filter, board.today, board.sort),
        Ok(Wanted::Timeline(filter)) => app.live.pick_events(&filter),
        Ok(Wanted::Weak(sorts)) => Picked::whole(crate::tui::weak::pick(app, sorts)),
        Ok(Wanted::Reactions) => app.live.pick_reactions(),
        Ok(Wanted::Unread) => {
            let unread = |r: &crate::store::list::Row| app.marks.state(&r.id, r.fingerprint) != crate::tui::marks::State::Read;
            Picked::whole(app.live.rows().iter().enumerate().filter(|(_, r)| unread(r)).map(|(p, _)| p as i64).collect())
        }
        Ok(Wanted::Person) => {
            let rows = board.person.as_ref().map(|p| app.live.appeared(&p.id)).unwrap_or_default();
            let ids = (0..rows.len() as i64).collect();
            appeared = Some(rows);
            Picked::whole(ids)
        }
        Err(_) => Picked::default(),
    };
    (picked, appeared)
}

/// Puts what [`pick`] found into a board, its window emptied to be read again.
fn take(board: &mut Board, (picked, appeared): (Picked, Option<Vec<crate::store::board::Appeared>>)) {
    board.picked = picked;
    if let (Some(person), Some(rows)) = (board.person.as_mut(), appeared) {
        person.appeared = rows;
    }
    board.window = Window::None;
    board.start = 0;
}

/// The board on screen picked again; `change` first changes its filter, order or cursor.
fn repick(app: &mut App, change: impl FnOnce(&mut Board)) {
    let Screen::Board(board) = &mut app.screen else { return };
    change(board);
    let Screen::Board(board) = &app.screen else { return };
    let found = pick(app, board);
    if let Screen::Board(board) = &mut app.screen {
        take(board, found);
    }
}

/// `C` and `T`: the tracker or the timeline, recorded in the history like a jump.
pub fn open(app: &mut App, shows: Shows) {
    if let Screen::Board(board) = &app.screen
        && board.shows == shows
    {
        return;
    }
    let mut board = new(shows);
    let found = pick(app, &board);
    take(&mut board, found);
    navigate(app, Screen::Board(Box::new(board)));
}

/// `O`: the page of the official selected (in a briefing's Officials pane or detail, or on a
/// search hit).
pub fn open_official(app: &mut App) {
    let id = match (&app.screen, app.briefing(), app.shown_item()) {
        (Screen::Briefing(_), Some(b), Some(item)) if item.kind == Kind::Official => Some(b.id_of(item).to_string()),
        (Screen::Results(cursor), ..) => app
            .search
            .as_ref()
            .and_then(|s| s.hits().get(cursor.selected))
            .filter(|h| matches!(h.place, crate::search::Place::Item(i) if i.kind == Kind::Official))
            .map(|h| h.item.to_string()),
        _ => None,
    };
    let Some(id) = id else {
        app.set_status("Select an official first (in a briefing's Officials pane, or a search hit)", false);
        return;
    };
    let mut board = new(Shows::Official);
    board.person = Some(Person { id, appeared: Vec::new() });
    let found = pick(app, &board);
    take(&mut board, found);
    navigate(app, Screen::Board(Box::new(board)));
}

/// A board of a view, on its first row, not yet picked.
fn new(shows: Shows) -> Board {
    Board {
        shows,
        cursor: Cursor::default(),
        filter: String::new(),
        editing: None,
        error: None,
        sort: Sort::Due,
        today: Date::today(),
        picked: Picked::default(),
        start: 0,
        window: Window::None,
        person: None,
    }
}

/// Reads the rows around the cursor when those on screen are not all read: a window of a few
/// screens, so most keys read nothing.
pub fn fill(app: &mut App, height: usize) {
    let Screen::Board(board) = &app.screen else { return };
    let (from, to) = (board.cursor.offset, (board.cursor.offset + height.max(1)).min(board.len()));
    if from >= board.start && to <= board.start + board.window.len() {
        return;
    }
    let (start, end) = (from.saturating_sub(height), (to + height).min(board.len()));
    load(app, start, end);
    let Screen::Board(board) = &app.screen else { return };
    let ids = &board.picked.ids(start, end);
    let window = match board.shows {
        Shows::Tracker => Window::Tracked(read(app, ids)),
        Shows::Timeline => Window::Dated(read(app, ids)),
        Shows::Reactions => Window::Reacted(read(app, ids)),
        Shows::Weak => Window::Spots(crate::tui::weak::rows(app, ids)),
        // Held whole, or read from the list.
        Shows::Official | Shows::Unread => return,
    };
    if let Screen::Board(board) = &mut app.screen {
        (board.start, board.window) = (start, window);
    }
}

/// Reads the pages of ids rows `from..to` of the board on screen are on, when not yet read.
fn load(app: &mut App, from: usize, to: usize) {
    let Screen::Board(board) = &app.screen else { return };
    let Some(order) = board.picked.order else { return };
    let total = board.picked.total;
    let pages: Vec<(usize, Vec<i64>)> =
        board.picked.missing(from, to).into_iter().map(|n| (n, app.live.view_page(order, n, total))).collect();
    if let Screen::Board(board) = &mut app.screen {
        for (n, ids) in pages {
            board.picked.put(n, ids);
        }
    }
}

/// A view's rows of these ids, from the store.
fn read<T: serde::de::DeserializeOwned + crate::across::Placed>(app: &App, ids: &[i64]) -> Vec<T> {
    app.live.view_rows(ids).into_iter().map(|(_, row)| row).collect()
}

/// Whether keys go to the filter line.
pub fn typing(app: &App) -> bool {
    app.overlay.is_none() && matches!(&app.screen, Screen::Board(b) if b.editing.is_some())
}

/// `f`: edits the filter, the one in force selected whole.
pub fn edit_filter(app: &mut App) {
    if let Screen::Board(board) = &mut app.screen {
        if matches!(board.shows, Shows::Official | Shows::Reactions) {
            let said = format!("No filter here: {}", words(board.shows));
            app.set_status(said, false);
            return;
        }
        if board.shows == Shows::Unread {
            // `f` again: the whole library.
            return crate::tui::update::walk_back(app);
        }
        board.editing = Some(Field::new(&board.filter, true));
        board.error = None;
    }
}

/// Text typed or pasted into the filter line; says at once when it is not a filter.
pub fn input(app: &mut App, text: &str) -> bool {
    let Screen::Board(board) = &mut app.screen else { return false };
    let Some(field) = board.editing.as_mut() else { return false };
    field.insert(&text.replace(['\n', '\r'], " "));
    board.error = parse(board.shows, field.text()).err();
    true
}

/// A movement or deletion in the filter line.
pub fn edit(app: &mut App, edit: Edit) -> bool {
    let Screen::Board(board) = &mut app.screen else { return false };
    let Some(field) = board.editing.as_mut() else { return false };
    if field.apply(edit) {
        board.error = parse(board.shows, field.text()).err();
    }
    true
}

/// Enter in the filter line: the filter applies when it is one; the cursor goes to the top.
pub fn apply(app: &mut App) {
    let Screen::Board(board) = &mut app.screen else { return };
    let Some(field) = board.editing.take() else { return };
    if let Err(why) = parse(board.shows, field.text()) {
        board.error = Some(why);
        board.editing = Some(field);
        return;
    }
    repick(app, |board| {
        board.filter = field.text().trim().to_string();
        board.cursor = Cursor::default();
    });
    settle(app);
    let Screen::Board(board) = &app.screen else { return };
    let shown = crate::text::counted(board.len(), "row", "rows");
    app.set_status(format!("Filtered: {shown}"), false);
}

/// Esc in the filter line: the filter in force stays.
pub fn cancel(app: &mut App) -> bool {
    let Screen::Board(board) = &mut app.screen else { return false };
    let editing = board.editing.take().is_some();
    board.error = None;
    editing
}

/// `S`: the tracker's next order (due, status, briefing); the timeline has one.
pub fn sort(app: &mut App) {
    let Screen::Board(board) = &mut app.screen else { return };
    if board.shows != Shows::Tracker {
        app.set_status("Only the tracker changes its order: this list is by date", false);
        return;
    }
    let sort = match board.sort {
        Sort::Due => Sort::Status,
        Sort::Status => Sort::Briefing,
        Sort::Briefing => Sort::Due,
    };
    repick(app, |board| {
        board.sort = sort;
        board.cursor = Cursor::default();
    });
    settle(app);
    app.set_status(format!("Ordered by {}", sort_name(sort)), false);
}

/// How an order is named on screen.
pub fn sort_name(sort: Sort) -> &'static str {
    match sort {
        Sort::Due => "due date",
        Sort::Status => "status",
        Sort::Briefing => "briefing",
    }
}

/// Enter: the selected row's item in its briefing.
pub fn follow(app: &mut App) {
    let Screen::Board(board) = &app.screen else { return };
    if let Some(b) = board.briefing(board.cursor.selected).and_then(|p| app.live.at(p)) {
        let view = crate::tui::app::View::opening(b);
        return navigate(app, Screen::Briefing(view));
    }
    if let Some(target) = board.target(board.cursor.selected) {
        jump(app, &target);
    }
}

/// `t`: the commitment the selected one is traded for, in the tracker or in a briefing's
/// Commitments pane.
pub fn traded(app: &mut App) -> Option<Effect> {
    let (briefing, ids) = match &app.screen {
        Screen::Board(board) if board.shows == Shows::Tracker => {
            let t = board.tracked(board.cursor.selected)?;
            (t.at.briefing.clone(), t.traded_for.clone())
        }
        Screen::Briefing(_) => match (app.briefing(), app.shown_item()) {
            (Some(b), Some(item)) if item.kind == Kind::Commitment => (b.id.clone(), b.commitments[item.index].in_return_for.clone()),
            _ => {
                app.set_status("Select a commitment first: it is what is traded", false);
                return None;
            }
        },
        _ => {
            let key = app.key_hint(&crate::action::Action::Tracker);
            app.set_status(format!("That key works on a commitment: in a briefing, or in the tracker ({key})"), false);
            return None;
        }
    };
    let Some(first) = ids.first() else {
        app.set_status("This commitment is not traded for another", false);
        return None;
    };
    let item = app.live.get(&briefing).and_then(|b| b.lookup(first))?;
    jump(app, &Target { briefing, item });
    if ids.len() > 1 {
        app.set_status(format!("Traded for {} commitments: the others are in the detail", ids.len()), false);
    }
    None
}

/// `e`: the selected row's item in the editor.
pub fn edit_file(app: &App) -> Option<Effect> {
    let Screen::Board(board) = &app.screen else { return None };
    let target = board.target(board.cursor.selected)?;
    let b = app.live.get(&target.briefing)?;
    b.has(target.item).then(|| Effect::Edit { path: b.path.clone(), line: b.line_of(target.item) })
}

/// After a reload or a return to the board: its rows picked again, the cursor on the same row
/// when that row's file did not change (its row keeps its id), otherwise at the same place.
pub fn refresh(app: &mut App) {
    let Screen::Board(board) = &app.screen else { return };
    let at = board.cursor.selected;
    let was = board.picked.id(at);
    repick(app, |_| {});
    // Looked for near where it was: a row moves by the rows that came or went before it,
    // rarely a page.
    load(app, at.saturating_sub(crate::store::board::PAGE), at + crate::store::board::PAGE);
    if let Screen::Board(board) = &mut app.screen
        && let Some(at) = was.and_then(|id| board.picked.position(id, at))
    {
        board.cursor.selected = at;
    }
}
