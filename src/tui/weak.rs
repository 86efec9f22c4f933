//! The weak spots board's rows: every weak spot of the library (`across::weak`), briefing by
//! briefing in the library's order. The library list knows how many each briefing has, and of
//! which sort (its rows keep the counts), so a row is named by its briefing and its place
//! there without reading a briefing; only the briefings of the rows on screen are read.

use crate::across::weak::{self, Weak};
use crate::tui::app::App;

/// A row's id: the briefing's place in the library list, and the spot's place among its own.
pub fn id(briefing: usize, spot: usize) -> i64 {
    ((briefing as i64) << 24) | spot as i64
}

fn parts(id: i64) -> (usize, usize) {
    ((id >> 24) as usize, (id & 0xff_ffff) as usize)
}

/// Which weak spots a filter keeps: a briefing's spots come claims first (on one source or
/// none), then disagreements, then sources leaned on, so each sort is a run of places.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sorts {
    pub single: bool,
    pub disputed: bool,
    pub leaned: bool,
}

impl Sorts {
    fn all(self) -> bool {
        !(self.single || self.disputed || self.leaned)
    }
}

/// The ids of every weak spot the filter keeps, in the library's order.
pub fn pick(app: &App, sorts: Sorts) -> Vec<i64> {
    let mut ids = Vec::new();
    for (p, row) in app.live.rows().iter().enumerate() {
        let [all, single, disputed] = row.weak;
        let runs = [(sorts.single, 0..single), (sorts.disputed, single..single + disputed), (sorts.leaned, single + disputed..all)];
        for (wanted, run) in runs {
            if wanted || sorts.all() {
                ids.extend(run.map(|n| id(p, n)));
            }
        }
    }
    ids
}

/// The rows of these ids, each briefing read once.
pub fn rows(app: &App, ids: &[i64]) -> Vec<Weak> {
    let mut out = Vec::with_capacity(ids.len());
    let mut last: Option<(usize, Vec<Weak>)> = None;
    for id in ids {
        let (p, n) = parts(*id);
        if last.as_ref().is_none_or(|(at, _)| *at != p) {
            let spots = app.live.at(p).map(|b| weak::of(b, &crate::across::file_below(app.live.root(), &b.path))).unwrap_or_default();
            last = Some((p, spots));
        }
        if let Some(spot) = last.as_ref().and_then(|(_, spots)| spots.get(n)) {
            out.push(spot.clone());
        }
    }
    out
}
