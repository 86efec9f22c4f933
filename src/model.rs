//! The briefing as the rest of the program sees it: validated, with every reference known to
//! resolve. Nothing here knows about TOML or terminals.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::date::{Date, Due, PartialDate};
use crate::links::Links;

/// Declares a closed list of words a file may use for a key, with their parsing and printing.
macro_rules! keywords {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $word:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $word)] $variant,)* }

        impl $name {
            /// The words a file may write, in the format's order.
            pub const WORDS: &[&str] = &[$($word,)*];

            pub fn parse(word: &str) -> Option<Self> {
                match word { $($word => Some($name::$variant),)* _ => None }
            }

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word,)* }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

keywords! {
    /// What sort of publication a source is.
    SourceKind { News = "news", Analysis = "analysis", Opinion = "opinion", Official = "official", Blog = "blog" }
}

keywords! {
    /// Where a commitment stands.
    Status {
        Proposed = "proposed", Agreed = "agreed", Pending = "pending",
        InForce = "in-force", Disputed = "disputed", Withdrawn = "withdrawn",
    }
}

keywords! {
    /// Which way a market moved.
    Direction { Up = "up", Down = "down", Flat = "flat", Volatile = "volatile" }
}

impl Kind {
    /// The kinds the library list counts for each briefing, in its columns' order.
    pub const LISTED: [Kind; 5] = [Kind::Official, Kind::Commitment, Kind::Reaction, Kind::Fact, Kind::Source];
}

impl Status {
    /// Still open: not yet in force and not withdrawn (an agreed commitment is still to be
    /// carried out).
    pub fn is_open(self) -> bool {
        matches!(self, Status::Proposed | Status::Agreed | Status::Pending | Status::Disputed)
    }
}

keywords! {
    /// The kinds of item a briefing holds; the word is the item's TOML table name.
    Kind {
        Source = "source", Official = "official", Commitment = "commitment", Reaction = "reaction",
        Fact = "fact", Event = "event", Discrepancy = "discrepancy",
    }
}

/// One item of a briefing, by kind and position in its table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ItemRef {
    pub kind: Kind,
    pub index: usize,
}

/// A place in a source: the source's id and, optionally, where in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<Date>,
    pub url: Option<String>,
    pub kind: SourceKind,
    pub points: Vec<String>,
    /// The file name of the curator's saved copy, in the archive folder.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive: Option<String>,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Official {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub side: Option<String>,
    pub notes: Option<String>,
    pub cites: Vec<Citation>,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    pub id: String,
    pub text: String,
    pub party: String,
    pub status: Status,
    pub due: Option<Due>,
    pub in_return_for: Vec<String>,
    pub announced_by: Vec<String>,
    pub cites: Vec<Citation>,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reaction {
    pub id: String,
    pub market: String,
    #[serde(rename = "move")]
    pub movement: Option<String>,
    pub direction: Option<Direction>,
    pub when: Option<Date>,
    pub note: Option<String>,
    pub responds_to: Vec<String>,
    pub cites: Vec<Citation>,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub id: String,
    pub text: String,
    pub topic: Option<String>,
    pub cites: Vec<Citation>,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The written id, or a positional name such as `event#3` (never valid in a file).
    pub id: String,
    pub date: PartialDate,
    pub text: String,
    pub cites: Vec<Citation>,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Discrepancy {
    /// The written id, or a positional name such as `discrepancy#1`.
    pub id: String,
    pub about: String,
    pub text: String,
    pub cites: Vec<Citation>,
    pub line: usize,
}

/// What every kind of item has.
pub trait Item {
    /// The written id, or the positional name of an item written without one.
    fn id(&self) -> &str;
    /// The citations backing the item; empty for a source.
    fn cites(&self) -> &[Citation];
    /// The 1-based line of the item's `[[table]]` header.
    fn line(&self) -> usize;
}

macro_rules! impl_item {
    ($($ty:ty),*) => {$(
        impl Item for $ty {
            fn id(&self) -> &str { &self.id }
            fn cites(&self) -> &[Citation] { &self.cites }
            fn line(&self) -> usize { self.line }
        }
    )*};
}

impl_item!(Official, Commitment, Reaction, Fact, Event, Discrepancy);

impl Item for Source {
    fn id(&self) -> &str {
        &self.id
    }
    fn cites(&self) -> &[Citation] {
        &[]
    }
    fn line(&self) -> usize {
        self.line
    }
}

/// A `brief verify` finding the curator has checked and accepts, written next to the item:
/// `accept = [{ code = "term-missing", what = "Washington", reason = "…" }]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accept {
    /// The finding's code (`term-missing`, `place-missing`, `copied-words`, `name-variant`,
    /// `missed-corroboration`).
    pub code: String,
    /// What it is about: the term, the `at` of the citation, or the source's id.
    pub what: String,
    /// Why it is accepted.
    pub reason: String,
}

/// One briefing file, loaded and checked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Briefing {
    pub id: String,
    /// Not kept in the store: a file is found again by its path below the folder.
    #[serde(skip)]
    pub path: PathBuf,
    pub title: String,
    pub date: Date,
    pub end_date: Option<Date>,
    pub place: Option<String>,
    pub summary: String,
    pub tags: Vec<String>,
    pub related: Vec<String>,
    pub sources: Vec<Source>,
    pub officials: Vec<Official>,
    pub commitments: Vec<Commitment>,
    pub reactions: Vec<Reaction>,
    pub facts: Vec<Fact>,
    pub events: Vec<Event>,
    pub discrepancies: Vec<Discrepancy>,
    /// Findings of `brief verify` the curator accepts, by item.
    pub accepted: Vec<(ItemRef, Accept)>,
    /// Back-references and corroboration, derived on load (and again by [`Briefing::finish`]).
    #[serde(skip)]
    pub links: Links,
    #[serde(skip)]
    pub(crate) ids: hashbrown::HashMap<String, ItemRef>,
}

impl Briefing {
    /// Derives what a briefing read back (from the store) does not keep: the index of its ids,
    /// positional names included, and its back-references.
    pub fn finish(&mut self) {
        self.ids = self.items().map(|item| (self.id_of(item).to_string(), item)).collect();
        self.links = crate::links::derive(self);
    }

    /// The item an id (written or positional) names.
    pub fn lookup(&self, id: &str) -> Option<ItemRef> {
        self.ids.get(id).copied()
    }

    /// Every item, kind by kind in the format's order, each in file order.
    pub fn items(&self) -> impl Iterator<Item = ItemRef> + '_ {
        Kind::WORDS
            .iter()
            .filter_map(|w| Kind::parse(w))
            .flat_map(move |kind| (0..self.count(kind)).map(move |index| ItemRef { kind, index }))
    }

    /// Whether the briefing has this item: a reference from elsewhere (a search hit read from
    /// a store, say) may name one it does not.
    pub fn has(&self, item: ItemRef) -> bool {
        item.index < self.count(item.kind)
    }

    /// How many items of a kind the briefing holds.
    pub fn count(&self, kind: Kind) -> usize {
        match kind {
            Kind::Source => self.sources.len(),
            Kind::Official => self.officials.len(),
            Kind::Commitment => self.commitments.len(),
            Kind::Reaction => self.reactions.len(),
            Kind::Fact => self.facts.len(),
            Kind::Event => self.events.len(),
            Kind::Discrepancy => self.discrepancies.len(),
        }
    }

    /// An item's common fields, whatever its kind.
    pub fn item(&self, item: ItemRef) -> &dyn Item {
        match item.kind {
            Kind::Source => &self.sources[item.index],
            Kind::Official => &self.officials[item.index],
            Kind::Commitment => &self.commitments[item.index],
            Kind::Reaction => &self.reactions[item.index],
            Kind::Fact => &self.facts[item.index],
            Kind::Event => &self.events[item.index],
            Kind::Discrepancy => &self.discrepancies[item.index],
        }
    }

    /// The id of an item (its positional name when none was written).
    pub fn id_of(&self, item: ItemRef) -> &str {
        self.item(item).id()
    }

    /// The citations of an item; a source cites nothing.
    pub fn cites_of(&self, item: ItemRef) -> &[Citation] {
        self.item(item).cites()
    }

    /// The 1-based line where an item's table starts in the file.
    pub fn line_of(&self, item: ItemRef) -> usize {
        self.item(item).line()
    }

    /// A one-line description of an item, safe to print: a source's outlet and title, an
    /// official's name and role, a reaction's market and move, otherwise its text.
    pub fn label(&self, item: ItemRef) -> String {
        let s = match item.kind {
            Kind::Source => {
                let s = &self.sources[item.index];
                match &s.outlet {
                    Some(outlet) => format!("{outlet} — {}", s.title),
                    None => s.title.clone(),
                }
            }
            Kind::Official => {
                let o = &self.officials[item.index];
                match &o.role {
                    Some(role) => format!("{} — {role}", o.name),
                    None => o.name.clone(),
                }
            }
            Kind::Commitment => self.commitments[item.index].text.clone(),
            Kind::Reaction => {
                let r = &self.reactions[item.index];
                format!("{} {}", r.market, r.movement.as_deref().unwrap_or("")).trim_end().to_string()
            }
            Kind::Fact => self.facts[item.index].text.clone(),
            Kind::Event => format!("{} {}", self.events[item.index].date, self.events[item.index].text),
            Kind::Discrepancy => self.discrepancies[item.index].text.clone(),
        };
        crate::text::visible(&s, false)
    }

    /// Corroboration: how many distinct sources an item cites.
    pub fn corroboration(&self, item: ItemRef) -> usize {
        let mut seen: Vec<&str> = self.cites_of(item).iter().map(|c| c.source.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len()
    }
}
