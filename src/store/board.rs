//! The views across the library as the reader reads them: the rows a filter keeps, in the
//! order asked for, picked when a view opens or its filter or order changes (with the counts
//! its chart shows); then only the rows on screen, read by id. No keystroke reads more than a
//! page of ids and a screenful of rows.
//!
//! A view opened whole (no filter, no file refused) reads nothing but the counts the store
//! keeps as rows come and go (`view_counts`), and its ids a page at a time, in an order an
//! index holds: at 10,000 briefings reading every id took 9–16 ms, a page takes 0.1–3.
//! A filter reads the ids it keeps at once, as the filter must look at every row anyway.

use std::collections::BTreeMap;

use rusqlite::ToSql;
use serde::de::DeserializeOwned;

use super::Store;
use super::views::{SEP, View, status_number};
use crate::across::{Placed, timeline, tracker};
use crate::date::Date;
use crate::model::Status;
use crate::search::fold::fold;

/// How many ids a page holds.
pub const PAGE: usize = 256;

/// The rows a filter keeps, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Picked {
    /// How many rows it keeps.
    pub total: usize,
    /// Row ids read so far, by page: every page when the ids were read whole.
    pages: BTreeMap<usize, Vec<i64>>,
    /// How the pages not yet read are read; none when every page is.
    pub order: Option<Order>,
    /// Commitments: how many have each status, in the format's order, those with none left out.
    pub statuses: Vec<(Status, usize)>,
    /// Events: how many fall in each month, from the first month to the last, empty months
    /// included (an event known only to the year counts in its January).
    pub months: Vec<((u16, u8), usize)>,
    /// Reactions: the largest move of each unit, in thousandths, for the bars' scale, by unit.
    pub largest: Vec<(String, i64)>,
}

/// A view's rows in one of its orders, as an index keeps them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Order {
    view: View,
    sort: tracker::Sort,
}

impl Order {
    /// The index that holds this order, and its columns, those descending marked.
    fn columns(self) -> (&'static str, &'static [(&'static str, bool)]) {
        const BY_KEY: &[(&str, bool)] = &[("key", false), ("day", true), ("briefing", false), ("item", false)];
        match (self.view, self.sort) {
            (View::Commitments, tracker::Sort::Status) => {
                ("views_by_status", &[("status", false), ("key", false), ("day", true), ("briefing", false), ("item", false)])
            }
            (View::Commitments, tracker::Sort::Briefing) => ("views_by_day", &[("day", true), ("briefing", false), ("item", false)]),
            _ => ("views_in_order", BY_KEY),
        }
    }

    /// `SELECT … ORDER BY` of the view in this order (or the reverse), the conditions given.
    fn sql(self, select: &str, conditions: &str, reverse: bool) -> String {
        let (index, columns) = self.columns();
        let order: Vec<String> = columns.iter().map(|(c, desc)| format!("v.{c}{}", if *desc != reverse { " DESC" } else { "" })).collect();
        format!(
            "SELECT {select} FROM views v INDEXED BY {index} WHERE v.view = {}{conditions} ORDER BY {}",
            self.view as i64,
            order.join(", ")
        )
    }
}

impl Picked {
    /// Rows whose ids are all known.
    pub fn whole(ids: Vec<i64>) -> Picked {
        let mut picked = Picked::default();
        picked.put_whole(ids);
        picked
    }

    fn put_whole(&mut self, ids: Vec<i64>) {
        self.total = ids.len();
        self.pages = ids.chunks(PAGE).enumerate().map(|(n, page)| (n, page.to_vec())).collect();
        self.order = None;
    }

    /// The id of the `i`th row, when its page has been read.
    pub fn id(&self, i: usize) -> Option<i64> {
        self.pages.get(&(i / PAGE))?.get(i % PAGE).copied()
    }

    /// The pages rows `from..to` are on that have not been read.
    pub fn missing(&self, from: usize, to: usize) -> Vec<usize> {
        let to = to.min(self.total);
        if from >= to {
            return Vec::new();
        }
        (from / PAGE..=(to - 1) / PAGE).filter(|n| !self.pages.contains_key(n)).collect()
    }

    /// A page read. One shorter than it should be (the store changed since the view was
    /// picked, or could not be read) ends the view there until it is picked again, so no row
    /// takes another's place on screen.
    pub fn put(&mut self, page: usize, ids: Vec<i64>) {
        let expected = self.total.saturating_sub(page * PAGE).min(PAGE);
        if ids.len() < expected {
            self.total = page * PAGE + ids.len();
            self.pages.retain(|n, _| *n < page);
        }
        self.pages.insert(page, ids);
    }

    /// The ids of rows `from..to` whose pages have been read.
    pub fn ids(&self, from: usize, to: usize) -> Vec<i64> {
        (from..to.min(self.total)).filter_map(|i| self.id(i)).collect()
    }

    /// Where the row of this id is among those read, the nearest to `near` first.
    pub fn position(&self, id: i64, near: usize) -> Option<usize> {
        let found = self.pages.iter().flat_map(|(n, page)| page.iter().enumerate().map(move |(i, r)| (n * PAGE + i, *r)));
        found.filter(|(_, r)| *r == id).map(|(at, _)| at).min_by_key(|at| at.abs_diff(near))
    }

    /// The month (an index into `months`) of a date given as year and month.
    pub fn month_index(&self, year: u16, month: u8) -> Option<usize> {
        let ((y, m), _) = *self.months.first()?;
        let at = (i64::from(year) * 12 + i64::from(month)) - (i64::from(y) * 12 + i64::from(m));
        usize::try_from(at).ok().filter(|at| *at < self.months.len())
    }
}

/// Builds a `WHERE` clause with its parameters.
#[derive(Default)]
struct Conditions {
    sql: Vec<String>,
    params: Vec<Box<dyn ToSql>>,
}

impl Conditions {
    fn add(&mut self, sql: &str, params: impl IntoIterator<Item = Box<dyn ToSql>>) {
        self.sql.push(sql.to_string());
        self.params.extend(params);
    }

    /// Any of `values` is one of the column's values (between separators).
    fn any_of(&mut self, column: &str, values: &[String]) {
        if values.is_empty() {
            return;
        }
        let one = format!("instr({column}, ?) > 0");
        self.add(
            &format!("({})", vec![one; values.len()].join(" OR ")),
            values.iter().map(|v| Box::new(format!("{SEP}{}{SEP}", fold(v.trim()))) as Box<dyn ToSql>),
        );
    }

    /// Rows of files refused for an id an earlier file took (by their paths below the folder).
    fn refusing(&mut self, refused: &[Vec<u8>]) {
        if !refused.is_empty() {
            let marks = vec!["?"; refused.len()].join(", ");
            self.add(
                &format!("v.file NOT IN (SELECT id FROM files WHERE path IN ({marks}))"),
                refused.iter().map(|p| Box::new(p.clone()) as Box<dyn ToSql>),
            );
        }
    }

    fn clause(&self) -> String {
        self.sql.iter().map(|c| format!(" AND {c}")).collect()
    }
}

/// The numbers of the open statuses, for SQL.
fn open_statuses() -> String {
    Status::WORDS
        .iter()
        .filter_map(|w| Status::parse(w))
        .filter(|s| s.is_open())
        .map(|s| status_number(s).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// The commitments `filter` keeps (overdue counted from `today`), in `sort`'s order, as
    /// `brief commitments` lists them; `refused` names files whose id an earlier file took.
    pub fn pick_commitments(
        &self,
        filter: &tracker::Filter,
        today: Date,
        sort: tracker::Sort,
        refused: &[Vec<u8>],
    ) -> rusqlite::Result<Picked> {
        let mut c = Conditions::default();
        let open = open_statuses();
        if filter.open {
            c.add(&format!("v.status IN ({open})"), []);
        }
        if filter.overdue {
            c.add(&format!("v.status IN ({open}) AND v.due IS NOT NULL AND v.due < ?"), [Box::new(today.to_string()) as Box<dyn ToSql>]);
        }
        c.any_of("v.party", &filter.parties);
        if !filter.statuses.is_empty() {
            let numbers: Vec<String> = filter.statuses.iter().map(|s| status_number(*s).to_string()).collect();
            c.add(&format!("v.status IN ({})", numbers.join(", ")), []);
        }
        c.any_of("v.tags", &filter.tags);
        if let Some(from) = filter.due_from {
            c.add("v.due IS NOT NULL AND v.due >= ?", [Box::new(from.to_string()) as Box<dyn ToSql>]);
        }
        if let Some(to) = filter.due_to {
            c.add("v.due IS NOT NULL AND v.due <= ?", [Box::new(to.to_string()) as Box<dyn ToSql>]);
        }
        c.refusing(refused);
        let order = Order { view: View::Commitments, sort };
        let mut picked = Picked::default();
        let mut counts = [0usize; 6];
        if c.sql.is_empty() {
            for (bucket, n) in self.counted(View::Commitments)? {
                if let Some(count) = bucket.parse::<usize>().ok().and_then(|s| counts.get_mut(s)) {
                    *count += n;
                }
            }
            picked.total = counts.iter().sum();
            picked.order = Some(order);
        } else {
            let ids = self.scan(order, "v.status", &c, |r| {
                if let Some(n) = counts.get_mut(r.get::<_, i64>(1)? as usize) {
                    *n += 1;
                }
                Ok(())
            })?;
            picked.put_whole(ids);
        }
        picked.statuses =
            Status::WORDS.iter().zip(counts).filter(|(_, n)| *n > 0).filter_map(|(w, n)| Some((Status::parse(w)?, n))).collect();
        Ok(picked)
    }

    /// The events `filter` keeps, by date as `brief timeline` lists them, with how many fall in
    /// each month.
    pub fn pick_events(&self, filter: &timeline::Filter, refused: &[Vec<u8>]) -> rusqlite::Result<Picked> {
        let mut c = Conditions::default();
        // The first and last day a date covers, as text: `-31` ends any month for a comparison
        // with a real day.
        if let Some(after) = filter.after {
            let last = "CASE length(v.key) WHEN 4 THEN v.key || '-12-31' WHEN 7 THEN v.key || '-31' ELSE v.key END";
            c.add(&format!("{last} >= ?"), [Box::new(after.to_string()) as Box<dyn ToSql>]);
        }
        if let Some(before) = filter.before {
            let first = "CASE length(v.key) WHEN 4 THEN v.key || '-01-01' WHEN 7 THEN v.key || '-01' ELSE v.key END";
            c.add(&format!("{first} <= ?"), [Box::new(before.to_string()) as Box<dyn ToSql>]);
        }
        c.any_of("v.tags", &filter.tags);
        c.refusing(refused);
        let order = Order { view: View::Events, sort: tracker::Sort::Due };
        let mut picked = Picked::default();
        let mut months: BTreeMap<(u16, u8), usize> = BTreeMap::new();
        let month = |key: &str| {
            let year = key.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
            (year, key.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1))
        };
        if c.sql.is_empty() {
            for (bucket, n) in self.counted(View::Events)? {
                *months.entry(month(&bucket)).or_default() += n;
            }
            picked.total = months.values().sum();
            picked.order = Some(order);
        } else {
            let ids = self.scan(order, "v.key", &c, |r| {
                *months.entry(month(r.get_ref(1)?.as_str()?)).or_default() += 1;
                Ok(())
            })?;
            picked.put_whole(ids);
        }
        // Every month from the first to the last, empty ones too.
        if let (Some((&first, _)), Some((&last, _))) = (months.first_key_value(), months.last_key_value()) {
            let number = |(y, m): (u16, u8)| usize::from(y) * 12 + usize::from(m) - 1;
            picked.months = (number(first)..=number(last))
                .map(|n| {
                    let at = ((n / 12) as u16, (n % 12 + 1) as u8);
                    (at, months.get(&at).copied().unwrap_or(0))
                })
                .collect();
        }
        Ok(picked)
    }

    /// Every reaction of the library, newest briefing first, with the largest move of each unit.
    pub fn pick_reactions(&self, refused: &[Vec<u8>]) -> rusqlite::Result<Picked> {
        let mut c = Conditions::default();
        c.refusing(refused);
        let order = Order { view: View::Reactions, sort: tracker::Sort::Due };
        let mut picked = Picked::default();
        if c.sql.is_empty() {
            // The largest move either way: the top and the bottom of the unit's index.
            let end = |f: &str| {
                format!(
                    "SELECT {f}(v.figure) FROM views v INDEXED BY views_units WHERE v.view = {} AND v.unit = ?1",
                    View::Reactions as i64
                )
            };
            let (mut top, mut bottom) = (self.reads().prepare_cached(&end("max"))?, self.reads().prepare_cached(&end("min"))?);
            for (unit, n) in self.counted(View::Reactions)? {
                picked.total += n;
                let up: Option<i64> = top.query_row([&unit], |r| r.get(0))?;
                let down: Option<i64> = bottom.query_row([&unit], |r| r.get(0))?;
                if let Some(m) = up.into_iter().chain(down).map(i64::abs).max() {
                    picked.largest.push((unit, m));
                }
            }
            picked.order = Some(order);
        } else {
            let mut largest: Vec<(String, i64)> = Vec::new();
            let ids = self.scan(order, "v.figure, v.unit", &c, |r| {
                if let (Some(milli), Some(unit)) = (r.get::<_, Option<i64>>(1)?, r.get::<_, Option<String>>(2)?) {
                    match largest.iter_mut().find(|(u, _)| *u == unit) {
                        Some((_, max)) => *max = (*max).max(milli.abs()),
                        None => largest.push((unit, milli.abs())),
                    }
                }
                Ok(())
            })?;
            largest.sort();
            picked.largest = largest;
            picked.put_whole(ids);
        }
        Ok(picked)
    }

    /// Every id the conditions keep, in the order; `each` is given each row, whose columns
    /// after the id are `columns`.
    fn scan(
        &self,
        order: Order,
        columns: &str,
        c: &Conditions,
        mut each: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<()>,
    ) -> rusqlite::Result<Vec<i64>> {
        let mut stmt = self.reads().prepare_cached(&order.sql(&format!("v.rowid, {columns}"), &c.clause(), false))?;
        let mut ids = Vec::new();
        let mut rows = stmt.query(rusqlite::params_from_iter(c.params.iter()))?;
        while let Some(r) = rows.next()? {
            ids.push(r.get(0)?);
            each(r)?;
        }
        Ok(ids)
    }

    /// How many rows of a view the store counts under each bucket (`views::bucket`), those
    /// with none left out, by bucket.
    fn counted(&self, view: View) -> rusqlite::Result<Vec<(String, usize)>> {
        let mut stmt = self.reads().prepare_cached("SELECT bucket, n FROM view_counts WHERE view = ?1 AND n > 0 ORDER BY bucket")?;
        stmt.query_map([view as i64], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?.collect()
    }

    /// The ids of a page of a view picked whole, in its order; `total` rows in all.
    pub fn page(&self, order: Order, page: usize, total: usize) -> rusqlite::Result<Vec<i64>> {
        let (from, to) = (page * PAGE, ((page + 1) * PAGE).min(total));
        if from >= to {
            return Ok(Vec::new());
        }
        // Read from the nearer end: the rows skipped cost by their number.
        let reverse = from > total - to;
        let offset = if reverse { total - to } else { from };
        let mut stmt = self.reads().prepare_cached(&format!("{} LIMIT ?1 OFFSET ?2", order.sql("v.rowid", "", reverse)))?;
        let mut ids: Vec<i64> = stmt.query_map([(to - from) as i64, offset as i64], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        if reverse {
            ids.reverse();
        }
        Ok(ids)
    }

    /// The rows of these ids, in the order given; an id gone since it was picked is left out.
    pub fn rows_by_id<T: DeserializeOwned + Placed>(&self, ids: &[i64]) -> rusqlite::Result<Vec<(i64, T)>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks = vec!["?"; ids.len()].join(", ");
        let sql = format!("SELECT v.rowid, f.path, v.row FROM views v JOIN files f ON f.id = v.file WHERE v.rowid IN ({marks})");
        let mut stmt = self.reads().prepare(&sql)?;
        let mut found: hashbrown::HashMap<i64, T> = hashbrown::HashMap::with_capacity(ids.len());
        let mut rows = stmt.query(rusqlite::params_from_iter(ids.iter()))?;
        while let Some(r) = rows.next()? {
            found.insert(r.get(0)?, super::views::decode(r.get_ref(2)?.as_bytes()?, r.get_ref(1)?.as_bytes()?)?);
        }
        Ok(ids.iter().filter_map(|id| found.remove(id).map(|row| (*id, row))).collect())
    }
}

/// An official in one briefing, as the official's page lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Appeared {
    pub date: String,
    pub briefing: String,
    /// The file below the folder.
    pub path: Vec<u8>,
    /// The official's place among the briefing's officials.
    pub item: usize,
    pub name: String,
    pub role: Option<String>,
    pub side: Option<String>,
}

impl Store {
    /// Every briefing that lists the official, oldest first (ties by id), with who they are
    /// there; files refused for a taken id left out.
    pub fn appeared(&self, official: &str, refused: &[Vec<u8>]) -> rusqlite::Result<Vec<Appeared>> {
        let mut stmt = self
            .reads()
            .prepare_cached("SELECT date, briefing, path, item, who FROM appearances WHERE official = ?1 ORDER BY date, briefing")?;
        let rows = stmt.query_map([official], |r| {
            let who: (String, Option<String>, Option<String>) = postcard::from_bytes(r.get_ref(4)?.as_bytes()?)
                .map_err(|why| rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Blob, Box::new(why)))?;
            Ok(Appeared {
                date: r.get(0)?,
                briefing: r.get(1)?,
                path: r.get(2)?,
                item: r.get::<_, i64>(3)? as usize,
                name: who.0,
                role: who.1,
                side: who.2,
            })
        })?;
        let mut out: Vec<Appeared> = rows.collect::<rusqlite::Result<_>>()?;
        out.retain(|a| !refused.contains(&a.path));
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_page_ends_the_view_there_so_no_row_takes_another_s_place() {
        let mut picked = Picked { total: 3 * PAGE, ..Picked::default() };
        picked.put(2, (0..PAGE as i64).map(|i| 1000 + i).collect());
        assert_eq!(picked.missing(0, 3 * PAGE), [0, 1]);
        // The middle page comes back short: the rows after it are not shown in its place.
        picked.put(1, vec![7, 8, 9]);
        assert_eq!(picked.total, PAGE + 3);
        assert_eq!(picked.id(PAGE + 2), Some(9));
        assert_eq!(picked.id(2 * PAGE), None, "the last page, read before, is let go");
        assert_eq!(picked.missing(0, 3 * PAGE), [0]);
        // A whole page as expected changes nothing.
        picked.put(0, (0..PAGE as i64).collect());
        assert_eq!(picked.total, PAGE + 3);
        assert_eq!(picked.ids(PAGE - 1, PAGE + 3), [PAGE as i64 - 1, 7, 8, 9]);
    }
}
