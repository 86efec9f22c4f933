//! Search in the reader: the search line, its results as a screen of their own (so a jump from
//! them can come back), and stepping through hits with `n` and `N`.

use crate::search::query::Term;
use crate::search::{Hit, Place, QueryError};
use crate::tui::app::{App, Cursor, Screen, View};
use crate::tui::detail::Target;
use crate::tui::line::{Edit, Field};
use crate::tui::motion::settle;
use crate::tui::update::{Effect, navigate, screen_for};

/// An open search.
pub struct Search {
    /// What is typed after `/`, and the cursor in it.
    pub line: Field,
    /// While stepping through earlier queries with up and down: which one is shown, and what
    /// was typed before the first step, which down past the newest brings back.
    pub recalled: Option<(usize, String)>,
    /// Keys go to the search line.
    pub editing: bool,
    /// The hits of the input, ranked, or why it is not a query.
    pub outcome: Result<Vec<Hit>, QueryError>,
    /// The words to highlight while the search is active.
    pub terms: Vec<Term>,
    /// The hit last jumped to, for `n` and `N`.
    pub current: Option<usize>,
    /// The screen to go back to when the search is closed.
    pub restore: Screen,
    /// The number of the search running for the input, whose hits are awaited: meanwhile the
    /// hits of the input before are shown.
    pub pending: Option<u64>,
    /// Whether the loop has been asked to run it.
    pub asked: bool,
    /// Whether the selected hit stays selected when the hits come (files changed; the query
    /// did not).
    pub keep: bool,
    /// Enter was pressed before the hits came: the first is shown when they do.
    pub follow: bool,
}

impl Search {
    pub fn hits(&self) -> &[Hit] {
        self.outcome.as_deref().unwrap_or(&[])
    }

    /// The query as typed.
    pub fn input(&self) -> &str {
        self.line.text()
    }
}

/// `/`: opens the search line on the last query, selected whole — typing replaces it, a
/// movement keeps it — or edits the open search again the same way.
pub fn open(app: &mut App) {
    match &mut app.search {
        Some(search) => {
            search.editing = true;
            search.line = Field::new(search.line.text(), true);
        }
        None => {
            let restore = app.screen.clone();
            let last = app.searched.last().map_or("", String::as_str);
            app.search = Some(Search {
                line: Field::new(last, true),
                recalled: None,
                editing: true,
                outcome: Ok(Vec::new()),
                terms: Vec::new(),
                current: None,
                restore,
                pending: None,
                asked: false,
                keep: false,
                follow: false,
            });
            refresh(app);
        }
    }
    if !matches!(app.screen, Screen::Results(_)) {
        app.screen = Screen::Results(Cursor::default());
    }
}

/// Text typed or pasted into the search line: one search for all of it. A line break in
/// pasted text is a space (the search line has one line).
pub fn input(app: &mut App, text: &str) {
    if let Some(search) = app.search.as_mut().filter(|s| s.editing) {
        let text: String = text.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
        search.line.insert(&text);
        refresh(app);
    }
}

/// A movement or deletion in the search line; the search runs again when the text changed.
pub fn edit(app: &mut App, edit: Edit) {
    if let Some(search) = app.search.as_mut().filter(|s| s.editing)
        && search.line.apply(edit)
    {
        refresh(app);
    }
}

/// Up (`older`) and down in the search line: the queries searched before, newest first, as a
/// shell's history; down past the newest brings back what was being typed.
pub fn recall(app: &mut App, older: bool) {
    let history = &app.searched;
    let Some(search) = app.search.as_mut().filter(|s| s.editing) else { return };
    let next = match (&search.recalled, older) {
        (None, true) => history.len().checked_sub(1),
        (None, false) => return,
        (Some((at, _)), true) => Some(at.saturating_sub(1)),
        (Some((at, _)), false) => Some(at + 1).filter(|n| *n < history.len()),
    };
    let text = match next {
        Some(at) => {
            let draft = search.recalled.take().map_or_else(|| search.line.text().to_string(), |(_, draft)| draft);
            search.recalled = Some((at, draft));
            history[at].clone()
        }
        None => match search.recalled.take() {
            Some((_, draft)) => draft,
            None => {
                app.set_status("No earlier searches", false);
                return;
            }
        },
    };
    search.line = Field::new(&text, false);
    refresh(app);
}

/// The search line stops taking keys (Enter, Tab, Esc): its query joins the history, which the
/// loop keeps in the state folder.
pub fn leave_line(app: &mut App) -> Option<Effect> {
    let search = app.search.as_mut().filter(|s| s.editing)?;
    search.editing = false;
    search.recalled = None;
    let query = search.line.text().trim().to_string();
    if query.is_empty() {
        return None;
    }
    crate::state::push(&mut app.searched, &query, crate::state::HISTORY);
    Some(Effect::Remember(query))
}

/// Runs the typed query again over the library, from the first hit: at once when it needs no
/// search (empty, one letter, not a query), otherwise on the search thread (see [`wanted`]).
pub fn refresh(app: &mut App) {
    refresh_with(app, false);
}

/// Runs the query again after files changed, keeping the selected hit where it is still found.
pub fn refresh_keeping(app: &mut App) {
    refresh_with(app, true);
}

fn refresh_with(app: &mut App, keep: bool) {
    let number = app.searches + 1;
    let library = app.live.len();
    let Some(search) = app.search.as_mut() else { return };
    (search.pending, search.asked, search.keep, search.follow) = (None, false, keep, false);
    if search.input().trim().is_empty() {
        search.outcome = Ok(Vec::new());
        search.terms.clear();
    } else {
        match crate::search::parse(search.input()) {
            Ok(q) if too_broad(&q, library) => {
                search.outcome = Ok(Vec::new());
                search.terms.clear();
            }
            Ok(q) => {
                search.pending = Some(number);
                search.terms = q.terms;
                app.searches = number;
            }
            Err(err) => search.outcome = Err(err),
        }
    }
    if keep {
        return;
    }
    if let Some(search) = app.search.as_mut() {
        search.current = None;
    }
    if let Screen::Results(cursor) = &mut app.screen {
        *cursor = Cursor::default();
    }
}

/// The search the loop should run, once: the input's, when its hits are awaited.
pub fn wanted(app: &mut App) -> Option<Effect> {
    let search = app.search.as_mut().filter(|s| !s.asked)?;
    let number = search.pending?;
    search.asked = true;
    Some(Effect::Search { number, input: search.input().to_string() })
}

/// The hits of search `number`, if it is still the one awaited.
pub fn found(app: &mut App, number: u64, hits: Vec<Hit>) {
    let Some(search) = app.search.as_mut().filter(|s| s.pending == Some(number)) else { return };
    let was = match &app.screen {
        Screen::Results(cursor) if search.keep => search.hits().get(cursor.selected).map(|h| (h.briefing.clone(), h.item.clone())),
        _ => None,
    };
    search.pending = None;
    search.current = None;
    search.outcome = Ok(hits);
    if let Screen::Results(cursor) = &mut app.screen {
        let at = was.and_then(|(b, item)| search.hits().iter().position(|h| h.briefing == b && h.item == item));
        match at {
            Some(at) => cursor.selected = at,
            None if !search.keep => *cursor = Cursor::default(),
            None => {}
        }
    }
    settle(app);
    let follow_now = app.search.as_mut().is_some_and(|s| std::mem::take(&mut s.follow));
    if follow_now && matches!(app.screen, Screen::Results(_)) {
        follow(app);
    }
}

/// Libraries from this size on wait for a second letter: one letter matches most of them, and
/// listing that would stall the keystroke for nothing.
pub const BROAD: usize = 500;

/// A query of one letter or digit and nothing else, on a large library.
pub fn too_broad(q: &crate::search::Query, library: usize) -> bool {
    library >= BROAD && q.filters.is_empty() && q.terms.iter().all(|t| t.text.len() == 1 && t.text.is_ascii())
}

/// Where a hit is shown: its item selected in its pane, or its briefing opened.
fn target(app: &App, hit: &Hit) -> Option<Target> {
    let b = app.live.get(&hit.briefing)?;
    match hit.place {
        // An item the briefing lacks (a damaged store): the briefing is opened.
        Place::Item(item) if b.has(item) => Some(Target { briefing: b.id.clone(), item }),
        Place::Item(_) | Place::Briefing => None,
    }
}

/// Shows hit number `n` and says which it is. A jump from the results is recorded, so back
/// returns to them; stepping with `n` and `N` replaces the hit on screen instead, so the way
/// back stays one step.
fn show(app: &mut App, n: usize, record: bool) {
    let Some(hit) = app.search.as_ref().and_then(|s| s.hits().get(n)).cloned() else { return };
    let Some(search) = app.search.as_mut() else { return };
    search.current = Some(n);
    search.editing = false;
    let (total, query) = (search.hits().len(), search.input().to_string());
    let screen = match target(app, &hit) {
        Some(t) => screen_for(app, &t),
        None => app.live.get(&hit.briefing).map(|b| Screen::Briefing(View::opening(b))),
    };
    let Some(screen) = screen else { return };
    if record {
        navigate(app, screen);
    } else {
        app.screen = screen;
        settle(app);
    }
    app.set_status(format!("Hit {} of {total} for “{}”", n + 1, crate::text::visible(&query, false)), false);
}

/// Enter on the results: jump to the selected hit — or, typed before the hits came, to the
/// first hit once they come.
pub fn follow(app: &mut App) -> Option<Effect> {
    let remembered = leave_line(app);
    if let Some(search) = app.search.as_mut().filter(|s| s.pending.is_some()) {
        search.follow = true;
    } else if let Screen::Results(cursor) = app.screen {
        show(app, cursor.selected, true);
    }
    remembered
}

/// `n` and `N`: the next or previous hit, without reopening the search.
pub fn step(app: &mut App, delta: isize) {
    let Some(search) = &app.search else {
        let key = app.key_hint(&crate::action::Action::Search);
        app.set_status(format!("No search — press {key} to search"), false);
        return;
    };
    let total = search.hits().len();
    if total == 0 {
        let query = crate::text::visible(search.input(), false);
        app.set_status(format!("No hits for “{query}”"), false);
        return;
    }
    let next = match search.current {
        Some(at) => (at as isize + delta).rem_euclid(total as isize) as usize,
        None if delta > 0 => 0,
        None => total - 1,
    };
    // From the results, the first step is a jump like Enter; after that, steps replace.
    let record = matches!(app.screen, Screen::Results(_));
    show(app, next, record);
}

/// Esc: closes the search and puts the view back as it was before `/`. A query that found
/// something joins the history; a typo given up on does not.
pub fn close(app: &mut App) -> Option<Effect> {
    let found = app.search.as_ref().is_some_and(|s| !s.hits().is_empty());
    let remembered = if found { leave_line(app) } else { None };
    if let Some(search) = app.search.take()
        && matches!(app.screen, Screen::Results(_))
    {
        app.screen = search.restore;
    }
    remembered
}

/// Whether the search line takes the keys: not while an overlay covers it.
pub fn typing(app: &App) -> bool {
    (app.overlay.is_none() && matches!(app.screen, Screen::Results(_)) && app.search.as_ref().is_some_and(|s| s.editing))
        || crate::tui::board::typing(app)
}
