//! The views across the library as the reader reads them: the ids of the rows a filter keeps,
//! in the order asked for, picked once when a view opens or its filter or order changes (with
//! the counts its chart shows); then only the rows on screen, read by id. No keystroke reads
//! more than a screenful.

use rusqlite::ToSql;
use serde::de::DeserializeOwned;

use super::Store;
use super::views::{SEP, View, status_number};
use crate::across::{Placed, timeline, tracker};
use crate::date::Date;
use crate::model::Status;
use crate::search::fold::fold;

/// The rows a filter keeps, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Picked {
    /// Row ids, in the order asked for.
    pub ids: Vec<i64>,
    /// Commitments: how many have each status, in the format's order, those with none left out.
    pub statuses: Vec<(Status, usize)>,
    /// Events: how many fall in each month, from the first month to the last, empty months
    /// included (an event known only to the year counts in its January).
    pub months: Vec<((u16, u8), usize)>,
    /// Events: the month (an index into `months`) of each row of `ids`.
    pub month_of: Vec<u32>,
    /// Reactions: the largest move of each unit, in thousandths, for the bars' scale.
    pub largest: Vec<(String, i64)>,
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
        let order = match sort {
            tracker::Sort::Due => "v.key, v.day DESC, v.briefing, v.item",
            tracker::Sort::Status => "v.status, v.key, v.day DESC, v.briefing, v.item",
            tracker::Sort::Briefing => "v.day DESC, v.briefing, v.item",
        };
        let sql =
            format!("SELECT v.rowid, v.status FROM views v WHERE v.view = {}{} ORDER BY {order}", View::Commitments as i64, c.clause());
        let mut stmt = self.reads().prepare_cached(&sql)?;
        let mut picked = Picked::default();
        let mut counts = [0usize; 6];
        let mut rows = stmt.query(rusqlite::params_from_iter(c.params.iter()))?;
        while let Some(r) = rows.next()? {
            picked.ids.push(r.get(0)?);
            let status: i64 = r.get(1)?;
            if let Some(n) = counts.get_mut(status as usize) {
                *n += 1;
            }
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
        let sql = format!(
            "SELECT v.rowid, v.key FROM views v WHERE v.view = {}{} ORDER BY v.key, v.day DESC, v.briefing, v.item",
            View::Events as i64,
            c.clause()
        );
        let mut stmt = self.reads().prepare_cached(&sql)?;
        let mut picked = Picked::default();
        let mut months: Vec<(u16, u8)> = Vec::new();
        let mut rows = stmt.query(rusqlite::params_from_iter(c.params.iter()))?;
        while let Some(r) = rows.next()? {
            picked.ids.push(r.get(0)?);
            let key = r.get_ref(1)?.as_str()?;
            let year = key.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
            let month = key.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
            months.push((year, month));
        }
        // In date order already: months run from the first row's to the last's.
        if let (Some(first), Some(last)) = (months.first().copied(), months.last().copied()) {
            let index =
                |(y, m): (u16, u8)| (usize::from(y) * 12 + usize::from(m) - 1) - (usize::from(first.0) * 12 + usize::from(first.1) - 1);
            let span = index(last) + 1;
            let mut counts = vec![0usize; span];
            for m in &months {
                counts[index(*m)] += 1;
                picked.month_of.push(index(*m) as u32);
            }
            let start = usize::from(first.0) * 12 + usize::from(first.1) - 1;
            picked.months =
                counts.into_iter().enumerate().map(|(i, n)| ((((start + i) / 12) as u16, ((start + i) % 12 + 1) as u8), n)).collect();
        }
        Ok(picked)
    }

    /// Every reaction of the library, newest briefing first, with the largest move of each unit.
    pub fn pick_reactions(&self, refused: &[Vec<u8>]) -> rusqlite::Result<Picked> {
        let mut c = Conditions::default();
        c.refusing(refused);
        let sql = format!(
            "SELECT v.rowid, v.figure, v.unit FROM views v WHERE v.view = {}{} ORDER BY v.key, v.day DESC, v.briefing, v.item",
            View::Reactions as i64,
            c.clause()
        );
        let mut stmt = self.reads().prepare_cached(&sql)?;
        let mut picked = Picked::default();
        let mut rows = stmt.query(rusqlite::params_from_iter(c.params.iter()))?;
        while let Some(r) = rows.next()? {
            picked.ids.push(r.get(0)?);
            if let (Some(milli), Some(unit)) = (r.get::<_, Option<i64>>(1)?, r.get::<_, Option<String>>(2)?) {
                match picked.largest.iter_mut().find(|(u, _)| *u == unit) {
                    Some((_, max)) => *max = (*max).max(milli.abs()),
                    None => picked.largest.push((unit, milli.abs())),
                }
            }
        }
        Ok(picked)
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
