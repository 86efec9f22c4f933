//! The reader's state. It changes only in [`crate::tui::update`]; drawing borrows it.

use std::path::Path;

use crate::config::Config;
use crate::live::Live;
use crate::model::{Briefing, ItemRef, Kind};
use crate::tui::history::History;
use crate::tui::style::Styles;

/// The panes of the briefing view. The list panes come first, in their number-key order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Officials,
    Commitments,
    Reactions,
    Facts,
    Sources,
    Timeline,
    Detail,
    /// The briefing's summary and its related briefings, above the panes.
    Summary,
}

impl Pane {
    /// Every pane in focus order (Tab).
    pub const ALL: [Pane; 8] =
        [Pane::Officials, Pane::Commitments, Pane::Reactions, Pane::Facts, Pane::Sources, Pane::Timeline, Pane::Detail, Pane::Summary];
    /// The panes that list items.
    pub const LISTS: [Pane; 6] = [Pane::Officials, Pane::Commitments, Pane::Reactions, Pane::Facts, Pane::Sources, Pane::Timeline];

    pub fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Officials => "Officials",
            Pane::Commitments => "Commitments",
            Pane::Reactions => "Market reactions",
            Pane::Facts => "Key facts",
            Pane::Sources => "Sources",
            Pane::Timeline => "Timeline",
            Pane::Detail => "Detail",
            Pane::Summary => "Summary",
        }
    }

    /// The list pane that shows items of a kind. Discrepancies are listed with the key facts.
    pub fn of_kind(kind: Kind) -> Pane {
        match kind {
            Kind::Official => Pane::Officials,
            Kind::Commitment => Pane::Commitments,
            Kind::Reaction => Pane::Reactions,
            Kind::Fact | Kind::Discrepancy => Pane::Facts,
            Kind::Source => Pane::Sources,
            Kind::Event => Pane::Timeline,
        }
    }

    /// How many items a list pane shows, without listing them.
    pub fn len(self, b: &Briefing) -> usize {
        match self {
            Pane::Officials => b.officials.len(),
            Pane::Commitments => b.commitments.len(),
            Pane::Reactions => b.reactions.len(),
            Pane::Facts => b.facts.len() + b.discrepancies.len(),
            Pane::Sources => b.sources.len(),
            Pane::Timeline => b.events.len(),
            Pane::Detail | Pane::Summary => 0,
        }
    }

    /// The items a list pane shows, in order; the detail pane lists none.
    pub fn items(self, b: &Briefing) -> Vec<ItemRef> {
        let all = |kind, n| (0..n).map(move |index| ItemRef { kind, index });
        match self {
            Pane::Officials => all(Kind::Official, b.officials.len()).collect(),
            Pane::Commitments => all(Kind::Commitment, b.commitments.len()).collect(),
            Pane::Reactions => all(Kind::Reaction, b.reactions.len()).collect(),
            Pane::Facts => all(Kind::Fact, b.facts.len()).chain(all(Kind::Discrepancy, b.discrepancies.len())).collect(),
            Pane::Sources => all(Kind::Source, b.sources.len()).collect(),
            Pane::Timeline => {
                let mut events: Vec<ItemRef> = all(Kind::Event, b.events.len()).collect();
                // Stable: events on the same date keep the file's order.
                events.sort_by_key(|e| b.events[e.index].date);
                events
            }
            Pane::Detail | Pane::Summary => Vec::new(),
        }
    }
}

/// A scrolled list: which row is selected and which row is at the top.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
    pub offset: usize,
}

/// What the briefing view shows: which briefing, which pane has focus, where each pane is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct View {
    pub id: String,
    pub focus: Pane,
    /// Indexed by [`Pane::index`]; the detail pane's cursor counts its references, the
    /// summary's its rows.
    pub cursors: [Cursor; 8],
    /// The list pane whose selected item the detail pane shows.
    pub shown: Pane,
    /// The focused pane alone fills the screen.
    pub zoomed: bool,
}

impl View {
    pub fn new(id: &str) -> View {
        View { id: id.to_string(), focus: Pane::Officials, cursors: [Cursor::default(); 8], shown: Pane::Officials, zoomed: false }
    }

    /// A briefing as it first opens: on its first list pane that has anything in it.
    pub fn opening(b: &Briefing) -> View {
        let mut view = View::new(&b.id);
        let first = Pane::LISTS.into_iter().find(|p| !Pane::items(*p, b).is_empty()).unwrap_or(Pane::Officials);
        (view.focus, view.shown) = (first, first);
        view
    }

    pub fn cursor(&self, pane: Pane) -> Cursor {
        self.cursors[pane.index()]
    }

    pub fn cursor_mut(&mut self, pane: Pane) -> &mut Cursor {
        &mut self.cursors[pane.index()]
    }
}

/// Where the reader is: the library list, a briefing, the results of the open search, or a
/// cited passage in a saved copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Library(Cursor),
    Briefing(View),
    Results(Cursor),
    Passage(Box<Reading>),
    /// A view across the library: the commitment tracker or the timeline.
    Board(Box<crate::tui::board::Board>),
}

/// Which citation of which item is read, in which saved copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cited {
    pub briefing: String,
    /// The item whose claim is read against the copy (the source itself when opened from it).
    pub item: ItemRef,
    /// The cited source's id and the copy's file name in the archive folder.
    pub source: String,
    pub file: String,
    /// The citation as written: its number among the item's citations, and its `at`.
    pub citation: Option<usize>,
    pub at: Option<String>,
    /// The claim's figures and names, highlighted in the copy.
    pub terms: Vec<crate::archive::Term>,
}

/// A saved copy of a source, opened at the place an item cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reading {
    pub cited: Cited,
    /// The copy as read, so a citation edited while it is open finds its place again.
    pub article: std::rc::Rc<crate::archive::Article>,
    pub passage: crate::archive::passage::Passage,
    /// The first row drawn, in rows wrapped to the current width.
    pub top: usize,
    /// The passage wrapped, and the width it was wrapped to: a saved copy may run to
    /// megabytes, too much to wrap again for every key.
    pub wrapped: (usize, Vec<crate::tui::panes::passage::Row>),
    /// The term `n` and `N` last stepped to, as an index into the passage's occurrences.
    pub hit: Option<usize>,
}

/// What the reader knows of a briefing checked against its saved copies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Checked {
    /// Asked for; the number tells this request from one made before a reload.
    Pending(u64),
    Done(crate::archive::Verdict),
}

/// A box drawn over the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The keys of the active key map; the number is how far it is scrolled.
    Help(usize),
    /// Files that failed to load and why; the number is the marked diagnostic, which `e`
    /// opens in the editor.
    Errors(usize),
}

/// A message in the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    /// The second ([`App::ticks`]) it was said: news goes after [`NEWS_SECONDS`].
    pub since: u64,
}

/// How long passing news ("Reloaded …", "Exported to …") stays in the status line; an error
/// stays until a key is pressed, so it is not missed.
pub const NEWS_SECONDS: u64 = 5;

/// The whole reader.
pub struct App {
    pub live: Live,
    pub config: Config,
    pub styles: Styles,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub history: History,
    pub status: Option<Status>,
    /// The library's preview has the focus, and where its cursor row is.
    pub preview: Option<Cursor>,
    /// The open search, if any.
    pub search: Option<crate::tui::search::Search>,
    /// Queries searched before, oldest first, as the state folder keeps them across runs.
    pub searched: Vec<String>,
    /// Briefings checked against their saved copies (when an archive folder is set), by id.
    pub checked: std::collections::HashMap<String, Checked>,
    /// Counts the checks asked for, so a result from before a reload is known as such.
    pub checks_asked: u64,
    /// Counts the searches asked for, so only the latest one's hits are shown.
    pub searches: u64,
    /// Columns and rows of the terminal.
    pub size: (u16, u16),
    /// Seconds the reader has been open, as the loop counts them.
    pub ticks: u64,
    /// What the user has read, and what changed since.
    pub marks: crate::tui::marks::Marks,
    pub quit: bool,
}

impl App {
    pub fn new(live: Live, config: Config, color: bool) -> App {
        let styles = Styles::new(&config.theme, color);
        let mut app = App {
            live,
            config,
            styles,
            screen: Screen::Library(Cursor::default()),
            overlay: None,
            history: History::default(),
            status: None,
            preview: None,
            search: None,
            searched: Vec::new(),
            checked: std::collections::HashMap::new(),
            checks_asked: 0,
            searches: 0,
            size: (80, 24),
            ticks: 0,
            marks: crate::tui::marks::Marks::default(),
            quit: false,
        };
        app.announce_failures();
        app
    }

    /// The briefing on screen, if any.
    pub fn briefing(&self) -> Option<&Briefing> {
        match &self.screen {
            Screen::Briefing(view) => self.live.get(&view.id),
            Screen::Library(_) | Screen::Results(_) | Screen::Passage(_) | Screen::Board(_) => None,
        }
    }

    pub fn view(&self) -> Option<&View> {
        match &self.screen {
            Screen::Briefing(view) => Some(view),
            Screen::Library(_) | Screen::Results(_) | Screen::Passage(_) | Screen::Board(_) => None,
        }
    }

    /// The item the detail pane is about: the selection of the list pane it follows.
    pub fn shown_item(&self) -> Option<ItemRef> {
        let (b, view) = (self.briefing()?, self.view()?);
        Pane::items(view.shown, b).get(view.cursor(view.shown).selected).copied()
    }

    /// Says something in the status line. Every message passes here, and may quote a file's
    /// text, a file name or what the user typed: it is made safe to show here, once.
    pub fn set_status(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status { text: crate::text::visible(&text.into(), false), error, since: self.ticks });
    }

    /// Says in the status line how many files failed, if any did.
    pub fn announce_failures(&mut self) {
        let failed = self.live.failure_count();
        if failed > 0 {
            let what = if failed == 1 { "1 file failed".to_string() } else { format!("{failed} files failed") };
            let key = self.key_hint(&crate::action::Action::Errors);
            self.set_status(format!("{what} to load — press {key} to see why"), true);
        }
    }

    /// The first key bound to an action, for hints (`?`), or its name when unbound.
    pub fn key_hint(&self, action: &crate::action::Action) -> String {
        self.config.keys.keys(action).next().map_or_else(|| format!("({})", action.name().unwrap_or("?")), |k| k.to_string())
    }

    /// Opens a briefing by id without recording history; false when there is no such briefing.
    pub fn open(&mut self, id: &str) -> bool {
        let Some(b) = self.live.get(id) else { return false };
        self.screen = Screen::Briefing(View::opening(b));
        true
    }

    /// The open findings of a checked briefing, when it has been checked.
    pub fn verdict(&self, id: &str) -> Option<&crate::archive::Verdict> {
        match self.checked.get(id)? {
            Checked::Done(verdict) => Some(verdict),
            Checked::Pending(_) => None,
        }
    }

    /// A path as the status line names it: relative to the library folder.
    pub fn display_path(&self, path: &Path) -> String {
        crate::text::path(path.strip_prefix(self.live.root()).unwrap_or(path))
    }

    /// Whether the file behind the briefing on screen failed to reload (its last good version
    /// is shown).
    pub fn showing_stale(&self) -> Option<&Path> {
        let b = self.briefing()?;
        self.live.is_stale(&b.path).then_some(b.path.as_path())
    }
}
