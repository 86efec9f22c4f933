//! The commitment tracker: every commitment of the library with its party, status, due date,
//! what it is traded for and how many sources back it; filtered by party, status, tag and due
//! window, ordered by due date, status or briefing. An open commitment whose due day has
//! passed is overdue.

use serde::{Deserialize, Serialize};

use super::At;
use crate::date::{Date, Due};
use crate::model::{Briefing, ItemRef, Kind, Status};
use crate::search::fold::{fold, tokens};

/// One commitment as the tracker lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tracked {
    pub at: At,
    pub party: String,
    pub status: Status,
    pub due: Option<Due>,
    pub text: String,
    /// The ids of the commitments of its briefing it is traded against (their rows hold their
    /// text: kept once, not again in every row that names them).
    pub traded_for: Vec<String>,
    /// The officials who announced it, by name.
    pub announced_by: Vec<String>,
    /// How many distinct sources it cites.
    pub sources: usize,
    /// The briefing's tags.
    pub tags: Vec<String>,
}

/// Every commitment of a briefing, in file order.
pub fn of(b: &Briefing, file: &str) -> Vec<Tracked> {
    b.commitments
        .iter()
        .enumerate()
        .map(|(index, c)| {
            let item = ItemRef { kind: Kind::Commitment, index };
            let announced_by = c
                .announced_by
                .iter()
                .map(|id| b.officials.iter().find(|o| &o.id == id).map_or_else(|| id.clone(), |o| o.name.clone()))
                .collect();
            Tracked {
                at: At::of(b, file, item),
                party: c.party.clone(),
                status: c.status,
                due: c.due.clone(),
                text: c.text.clone(),
                traded_for: c.in_return_for.clone(),
                announced_by,
                sources: b.corroboration(item),
                tags: b.tags.clone(),
            }
        })
        .collect()
}

impl Tracked {
    /// Open (not in force, not withdrawn) and due on a day before `today`.
    pub fn overdue(&self, today: Date) -> bool {
        self.status.is_open() && matches!(self.due, Some(Due::Date(d)) if d < today)
    }

    /// The day it is due, when a day is given.
    pub fn due_date(&self) -> Option<Date> {
        match self.due {
            Some(Due::Date(d)) => Some(d),
            _ => None,
        }
    }

    /// A key whose order is the tracker's default: dated commitments by day, then those due
    /// in words (alphabetically), then those with no due date; the store keeps rows by it.
    pub fn due_key(&self) -> String {
        match &self.due {
            Some(Due::Date(d)) => format!("0{d}"),
            Some(Due::Text(t)) => format!("1{}", fold(t)),
            None => "2".to_string(),
        }
    }
}

/// By briefing and id, the text of each commitment some row is traded for: rows name it by id
/// (its own row holds its text), and a filter may leave its row out.
pub fn texts(rows: &[Tracked]) -> hashbrown::HashMap<(String, String), String> {
    let wanted: hashbrown::HashSet<(&str, &str)> =
        rows.iter().flat_map(|t| t.traded_for.iter().map(|id| (t.at.briefing.as_str(), id.as_str()))).collect();
    rows.iter()
        .filter(|t| wanted.contains(&(t.at.briefing.as_str(), t.at.item.as_str())))
        .map(|t| ((t.at.briefing.clone(), t.at.item.clone()), t.text.clone()))
        .collect()
}

/// Whether a side label names a party: the whole label, or one of its words, folded for case
/// and accents — `us` finds "US" and "US and China".
pub fn party_matches(party: &str, wanted: &str) -> bool {
    let (party, wanted) = (fold(party), fold(wanted.trim()));
    party == wanted || (!wanted.contains(' ') && tokens(&party).any(|w| w == wanted))
}

/// What the tracker keeps; everything it names must hold (several values of one filter: any).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Only open commitments: proposed, agreed, pending, disputed.
    pub open: bool,
    /// Only overdue ones (open, due on a past day).
    pub overdue: bool,
    pub parties: Vec<String>,
    pub statuses: Vec<Status>,
    /// Briefings tagged with any of these (case folded).
    pub tags: Vec<String>,
    /// Due on or after this day (only commitments due on a day are in a window).
    pub due_from: Option<Date>,
    /// Due on or before this day.
    pub due_to: Option<Date>,
}

impl Filter {
    pub fn keeps(&self, t: &Tracked, today: Date) -> bool {
        let in_window = match (self.due_from, self.due_to) {
            (None, None) => true,
            (from, to) => t.due_date().is_some_and(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|e| d <= e)),
        };
        (!self.open || t.status.is_open())
            && (!self.overdue || t.overdue(today))
            && (self.parties.is_empty() || self.parties.iter().any(|p| party_matches(&t.party, p)))
            && (self.statuses.is_empty() || self.statuses.contains(&t.status))
            && (self.tags.is_empty() || self.tags.iter().any(|w| t.tags.iter().any(|tag| fold(tag) == fold(w))))
            && in_window
    }
}

/// The orders the tracker can list in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Soonest due first: dated, then due in words, then undated.
    #[default]
    Due,
    /// By status in the format's order (proposed, agreed, pending, in-force, disputed,
    /// withdrawn), then by due date.
    Status,
    /// Newest briefing first, each briefing's commitments in file order.
    Briefing,
}

impl Sort {
    pub const WORDS: &[&str] = &["due", "status", "briefing"];

    pub fn parse(word: &str) -> Option<Sort> {
        match word {
            "due" => Some(Sort::Due),
            "status" => Some(Sort::Status),
            "briefing" => Some(Sort::Briefing),
            _ => None,
        }
    }
}

/// Orders rows; ties fall back on the newest briefing first, then file order.
pub fn sort(rows: &mut [Tracked], by: Sort) {
    match by {
        Sort::Due => rows.sort_by_cached_key(|t| (t.due_key(), std::cmp::Reverse(t.at.date), t.at.briefing.clone(), t.at.index)),
        Sort::Status => {
            rows.sort_by_cached_key(|t| (t.status, t.due_key(), std::cmp::Reverse(t.at.date), t.at.briefing.clone(), t.at.index))
        }
        Sort::Briefing => rows.sort_by(|a, b| a.at.newest_first(&b.at)),
    }
}

/// How many rows have each status, in the format's order, those with none left out.
pub fn by_status(rows: &[Tracked]) -> Vec<(Status, usize)> {
    Status::WORDS
        .iter()
        .filter_map(|w| Status::parse(w))
        .map(|s| (s, rows.iter().filter(|t| t.status == s).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}
