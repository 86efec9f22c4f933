//! The rows of the views across the library (`crate::across`) as the store keeps them: each
//! briefing's commitments and events, a row each, written when its file is read, so the tracker
//! and the timeline open no briefing; with the columns their filters and orders ask of (see
//! `store::board`). Weak spots are not kept: they are most of a briefing's items again (a
//! first build of 10,000 briefings wrote 53 MB of them and took a second longer), and are
//! derived from the briefings kept, one at a time.

use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use hashbrown::HashSet;
use rusqlite::params;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Store;
use super::fresh::Fresh;
use super::list::Listing;
use crate::across::Rows;
use crate::search::fold::{fold, tokens};

/// A view whose rows the store keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Commitments = 1,
    Events = 2,
    Reactions = 3,
}

/// A row to write, column by column (the table `views`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Written {
    pub view: i64,
    /// The view's own order: a commitment's due key, an event's date.
    pub key: String,
    /// The item's place among its kind in the briefing.
    pub item: i64,
    /// The briefing's date and id.
    pub day: String,
    pub briefing: String,
    /// A commitment's status, as its place in the format's list.
    pub status: Option<i64>,
    /// A commitment's due day, when one is given.
    pub due: Option<String>,
    /// A commitment's party: the whole label and each word, folded, each between [`SEP`]s.
    pub party: Option<String>,
    /// The briefing's tags, folded, each between [`SEP`]s.
    pub tags: String,
    /// A reaction's move in thousandths of its unit, and the unit.
    pub figure: Option<i64>,
    pub unit: Option<String>,
    pub row: Vec<u8>,
}

/// What stands between the values of a column of many (`party`, `tags`): a character no
/// folded word holds.
pub const SEP: char = '\u{1f}';

fn encode<T: Serialize>(row: &T) -> Vec<u8> {
    postcard::to_stdvec(row).unwrap_or_default()
}

/// Values between [`SEP`]s, so `instr(column, SEP || value || SEP)` finds one whole.
fn joined<'a>(values: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = SEP.to_string();
    for v in values {
        out.push_str(v);
        out.push(SEP);
    }
    out
}

/// What `view_counts` counts a row under: a commitment's status (its number), an event's
/// month (`YYYY-MM`, an event known only to the year in its January), a reaction's unit.
pub fn bucket(view: i64, status: Option<i64>, key: &str, unit: Option<&str>) -> String {
    match view {
        v if v == View::Commitments as i64 => status.unwrap_or(0).to_string(),
        v if v == View::Events as i64 => match key.get(..7) {
            Some(month) => month.to_string(),
            None => format!("{}-01", key.get(..4).unwrap_or("0000")),
        },
        _ => unit.unwrap_or_default().to_string(),
    }
}

/// The status's place in the format's list, as the column keeps it.
pub fn status_number(status: crate::model::Status) -> i64 {
    crate::model::Status::WORDS.iter().position(|w| *w == status.as_str()).unwrap_or(0) as i64
}

impl Written {
    /// A row of `view` for the item at `at`, its own order `key`; the columns only some views
    /// fill left empty.
    fn of<T: Serialize>(view: View, key: String, at: &crate::across::At, row: &T) -> Written {
        Written {
            view: view as i64,
            key,
            item: at.index as i64,
            day: at.date.to_string(),
            briefing: at.briefing.clone(),
            status: None,
            due: None,
            party: None,
            tags: String::new(),
            figure: None,
            unit: None,
            row: encode(row),
        }
    }
}

/// Tags as the `tags` column keeps them.
fn tags(tags: &[String]) -> String {
    joined(tags.iter().map(|t| fold(t)).collect::<Vec<_>>().iter().map(String::as_str))
}

/// What a briefing's rows are written as.
pub fn written(rows: &Rows) -> Vec<Written> {
    let mut out = Vec::with_capacity(rows.commitments.len() + rows.events.len() + rows.reactions.len());
    for t in &rows.commitments {
        let folded = fold(&t.party);
        out.push(Written {
            status: Some(status_number(t.status)),
            due: t.due_date().map(|d| d.to_string()),
            party: Some(joined(std::iter::once(folded.as_str()).chain(tokens(&folded)))),
            tags: tags(&t.tags),
            ..Written::of(View::Commitments, t.due_key(), &t.at, t)
        });
    }
    for d in &rows.events {
        out.push(Written { tags: tags(&d.tags), ..Written::of(View::Events, d.key(), &d.at, d) });
    }
    for r in &rows.reactions {
        out.push(Written { figure: r.milli, unit: Some(r.unit.clone()), ..Written::of(View::Reactions, String::new(), &r.at, r) });
    }
    out
}

/// A row read back: `file` is its path below the folder, as the catalog names it.
pub(crate) fn decode<T: DeserializeOwned + crate::across::Placed>(bytes: &[u8], file: &[u8]) -> rusqlite::Result<T> {
    match postcard::from_bytes::<T>(bytes) {
        Ok(mut row) => {
            // Kept once, in the catalog, not in every row.
            row.at_mut().file = String::from_utf8_lossy(file).into_owned();
            Ok(row)
        }
        // Never a row left out: the caller answers from the files instead.
        Err(why) => Err(rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Blob, Box::new(why))),
    }
}

impl Store {
    /// Every row of a view from the briefings of the library as `brief list` shows it (a file
    /// that fails, or whose id an earlier file took, gives none), in the order of the view's
    /// key; and the list, whose failures the caller names.
    pub fn view<T: DeserializeOwned + crate::across::Placed>(
        &mut self,
        dir: &Path,
        fresh: &Fresh,
        view: View,
    ) -> rusqlite::Result<(Vec<T>, Listing)> {
        let listing = self.listing(dir, fresh)?;
        let listed: HashSet<Vec<u8>> =
            listing.rows.iter().map(|r| r.path.strip_prefix(dir).unwrap_or(&r.path).as_os_str().as_bytes().to_vec()).collect();
        let mut stmt = self.reads().prepare_cached(
            "SELECT f.path, v.row FROM views v JOIN files f ON f.id = v.file WHERE v.view = ?1 AND f.loaded = 1 \
             ORDER BY v.key, v.file, v.item",
        )?;
        let mut rows = Vec::new();
        let mut found = stmt.query(params![view as i64])?;
        while let Some(r) = found.next()? {
            if !listed.contains(r.get_ref(0)?.as_bytes()?) {
                continue;
            }
            rows.push(decode(r.get_ref(1)?.as_bytes()?, r.get_ref(0)?.as_bytes()?)?);
        }
        drop(found);
        drop(stmt);
        drop(listed);
        Ok((rows, listing))
    }
}

impl Store {
    /// Calls `each` with every briefing of the library as `brief list` shows it, newest first,
    /// one at a time (a library's briefings would not all fit in memory at once); gives back
    /// the list, whose failures the caller names.
    pub fn each_briefing(&mut self, dir: &Path, fresh: &Fresh, mut each: impl FnMut(crate::model::Briefing)) -> rusqlite::Result<Listing> {
        let listing = self.listing(dir, fresh)?;
        for row in &listing.rows {
            if let Some(b) = self.body(dir, &row.path)? {
                each(b);
            }
        }
        Ok(listing)
    }

    /// Every official id some briefing lists, for a guess at a mistyped one.
    pub fn official_ids(&self) -> rusqlite::Result<Vec<String>> {
        let mut stmt = self.reads().prepare_cached("SELECT official FROM official_counts WHERE n > 0 ORDER BY official")?;
        stmt.query_map([], |r| r.get(0))?.collect()
    }
}
