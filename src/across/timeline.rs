//! One timeline for the library: every `[[event]]` of every briefing, merged by date. A date
//! known only to the month or year comes before the days it covers and is marked as partial;
//! a date range keeps an event whose period reaches into it.

use serde::{Deserialize, Serialize};

use super::At;
use crate::date::{Date, PartialDate};
use crate::model::{Briefing, ItemRef, Kind};
use crate::search::fold::fold;

/// One event as the timeline lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dated {
    pub at: At,
    pub when: PartialDate,
    pub text: String,
    /// How many distinct sources it cites.
    pub sources: usize,
    pub tags: Vec<String>,
}

/// Every event of a briefing, in file order.
pub fn of(b: &Briefing, file: &str) -> Vec<Dated> {
    b.events
        .iter()
        .enumerate()
        .map(|(index, e)| {
            let item = ItemRef { kind: Kind::Event, index };
            Dated { at: At::of(b, file, item), when: e.date, text: e.text.clone(), sources: b.corroboration(item), tags: b.tags.clone() }
        })
        .collect()
}

impl Dated {
    /// Known only to the month or the year.
    pub fn partial(&self) -> bool {
        self.when.day.is_none()
    }

    /// A key whose order is the timeline's: `2025` < `2025-05` < `2025-05-12`.
    pub fn key(&self) -> String {
        self.when.to_string()
    }
}

/// The first and last day a date covers.
pub fn span(when: PartialDate) -> (Date, Date) {
    let first = Date { year: when.year, month: when.month.unwrap_or(1), day: when.day.unwrap_or(1) };
    let last_month = when.month.unwrap_or(12);
    let last_day = match when.day {
        Some(d) => d,
        // The last day of the month: the day before the next month's first.
        None => (28..=31).rev().find(|d| Date::new(when.year, last_month, *d).is_some()).unwrap_or(28),
    };
    (first, Date { year: when.year, month: last_month, day: last_day })
}

/// What the timeline keeps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Events on or after this day (a partial date whose period reaches it counts).
    pub after: Option<Date>,
    /// Events on or before this day.
    pub before: Option<Date>,
    /// Briefings tagged with any of these (case folded).
    pub tags: Vec<String>,
}

impl Filter {
    pub fn keeps(&self, d: &Dated) -> bool {
        let (first, last) = span(d.when);
        self.after.is_none_or(|a| last >= a)
            && self.before.is_none_or(|b| first <= b)
            && (self.tags.is_empty() || self.tags.iter().any(|w| d.tags.iter().any(|t| fold(t) == fold(w))))
    }
}

/// Orders events by date, partial dates before the days they hold; the same date by newest
/// briefing, then file order.
pub fn sort(rows: &mut [Dated]) {
    rows.sort_by(|a, b| a.when.cmp(&b.when).then_with(|| a.at.newest_first(&b.at)));
}
