//! Views across the whole library: every commitment and where it stands ([`tracker`]), every
//! event on one timeline ([`timeline`]), what an analyst should double-check before quoting
//! ([`weak`]), and one official across every briefing that lists them ([`official`]).
//!
//! The first three are rows derived from one briefing at a time; the store keeps the tracker's
//! and the timeline's per file, so those views read them without opening a briefing. They are
//! put together, filtered and ordered here, the same whether they come from the store or from
//! the files. Terminal-free.

pub mod changes;
pub mod figure;
pub mod official;
pub mod timeline;
pub mod tracker;
pub mod weak;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::model::{Briefing, ItemRef};

/// Where a row comes from: its briefing and the item there, enough to open it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct At {
    pub briefing: String,
    /// The briefing's date.
    pub date: Date,
    /// The briefing's file below the briefings folder.
    pub file: String,
    /// The item's id (positional, like `event#3`, when none is written).
    pub item: String,
    /// The item's place among its kind in the briefing.
    pub index: usize,
    /// The line of the item's table in the file.
    pub line: usize,
}

impl At {
    pub fn of(b: &Briefing, file: &str, item: ItemRef) -> At {
        At {
            briefing: b.id.clone(),
            date: b.date,
            file: file.to_string(),
            item: b.id_of(item).to_string(),
            index: item.index,
            line: b.line_of(item),
        }
    }

    /// The order rows of one view fall back on: newest briefing first, then the briefing's
    /// id, then the item's place in it.
    pub fn newest_first(&self, other: &At) -> std::cmp::Ordering {
        other.date.cmp(&self.date).then_with(|| self.briefing.cmp(&other.briefing)).then_with(|| self.index.cmp(&other.index))
    }
}

/// A row that names where it comes from.
pub trait Placed {
    fn at_mut(&mut self) -> &mut At;
}

impl Placed for tracker::Tracked {
    fn at_mut(&mut self) -> &mut At {
        &mut self.at
    }
}

impl Placed for figure::Reacted {
    fn at_mut(&mut self) -> &mut At {
        &mut self.at
    }
}

impl Placed for timeline::Dated {
    fn at_mut(&mut self) -> &mut At {
        &mut self.at
    }
}

/// What one briefing gives the views the store keeps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rows {
    pub commitments: Vec<tracker::Tracked>,
    pub events: Vec<timeline::Dated>,
    pub reactions: Vec<figure::Reacted>,
}

/// Every row a briefing gives the views the store keeps; `file` is its path below the
/// briefings folder.
pub fn rows_of(b: &Briefing, file: &str) -> Rows {
    Rows { commitments: tracker::of(b, file), events: timeline::of(b, file), reactions: figure::reactions(b, file) }
}

/// The sources an item cites, each once, by title: what a row names as its citations.
fn cited_titles(b: &Briefing, item: ItemRef) -> Vec<String> {
    let mut ids: Vec<&str> = Vec::new();
    for c in b.cites_of(item) {
        if !ids.contains(&c.source.as_str()) {
            ids.push(&c.source);
        }
    }
    ids.iter().map(|id| b.sources.iter().find(|s| s.id == *id).map_or_else(|| id.to_string(), |s| s.title.clone())).collect()
}

/// The path of a briefing's file below the folder, as rows name it.
pub fn file_below(dir: &std::path::Path, path: &std::path::Path) -> String {
    path.strip_prefix(dir).unwrap_or(path).to_string_lossy().into_owned()
}
