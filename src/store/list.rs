//! The library list from the store: a row per briefing, newest first, and the files that did
//! not load, each with its diagnostics — as `Library::load` gives them, without parsing a file
//! that has not changed. Also what the reader asks of one briefing: the briefing itself, and
//! where an official appears across the library.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use rusqlite::{OptionalExtension, params};

use super::Store;
use super::fresh::Fresh;
use super::walk::path_order;
use crate::diag::{Anchor, Code, Diagnostic};
use crate::library::FileReport;
use crate::model::{Briefing, ItemRef, Kind};

/// What the store keeps of a briefing for the list.
#[derive(Clone, Debug)]
pub struct Listed {
    pub id: String,
    pub date: String,
    pub title: String,
    /// Officials, commitments, reactions, facts and sources, then its weak spots (all, claims
    /// on one source or none, disagreements), space-separated.
    pub counts: String,
    /// What a reader is shown of it, as a number (`across::changes`): read marks compare it.
    pub fingerprint: i64,
    pub id_line: i64,
    pub id_column: i64,
}

impl Listed {
    pub fn of(b: &Briefing, id: &Anchor) -> Listed {
        let weak = crate::across::weak::tally(b);
        let counts = Kind::LISTED.map(|k| b.count(k).to_string()).join(" ") + &format!(" {} {} {}", weak[0], weak[1], weak[2]);
        Listed {
            id: b.id.clone(),
            date: b.date.to_string(),
            title: b.title.clone(),
            counts,
            fingerprint: crate::across::changes::Snapshot::of(b).fingerprint(),
            id_line: id.line as i64,
            id_column: id.column as i64,
        }
    }
}

/// A row of the library list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    pub date: String,
    pub id: String,
    /// Officials, commitments, reactions, facts, sources.
    pub counts: [usize; 5],
    /// Weak spots (`across::weak`): all of them, claims on one source or none, disagreements.
    pub weak: [usize; 3],
    /// What a reader is shown of it, as a number: read marks compare it.
    pub fingerprint: i64,
    pub title: String,
    /// The file it was loaded from.
    pub path: PathBuf,
}

impl Row {
    /// A loaded briefing's row.
    pub fn of(b: &Briefing) -> Row {
        Row {
            date: b.date.to_string(),
            id: b.id.clone(),
            counts: Kind::LISTED.map(|k| b.count(k)),
            weak: crate::across::weak::tally(b),
            fingerprint: crate::across::changes::Snapshot::of(b).fingerprint(),
            title: b.title.clone(),
            path: b.path.clone(),
        }
    }
}

/// The list, and every file or folder that could not be read or loaded, in path order, with
/// its diagnostics.
#[derive(Debug, Default)]
pub struct Listing {
    pub rows: Vec<Row>,
    pub failed: Vec<FileReport>,
}

impl Listing {
    /// The files below `dir` refused because an earlier file took their briefing id: the
    /// store keeps their rows, which the views leave out.
    pub fn refused(&self, dir: &Path) -> Vec<Vec<u8>> {
        refused(&self.failed, dir)
    }
}

/// Of the files that failed, those refused because an earlier file took their briefing id, by
/// path below `dir`.
pub fn refused(failed: &[FileReport], dir: &Path) -> Vec<Vec<u8>> {
    failed.iter().filter(|r| r.diagnostics.iter().any(|d| d.code == Code::DuplicateBriefing)).map(|r| relative(dir, &r.path)).collect()
}

/// Rows in the list's order, each with its file's path below the folder and where its id is
/// written.
pub(crate) type Rows = Vec<(Row, (i64, i64))>;

/// Where an official appears: the briefing, the official's place in it, and its label there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Appearance {
    pub briefing: String,
    pub path: PathBuf,
    pub item: ItemRef,
    pub label: String,
}

/// Diagnostics as the store keeps them: in line order, as the library reports them, and with
/// the column of the quoted line, which `--json` leaves out.
pub fn diagnostics_json(diagnostics: &[Diagnostic]) -> String {
    let mut kept: Vec<(usize, &Diagnostic)> = diagnostics.iter().map(|d| (d.quote_column, d)).collect();
    kept.sort_by_key(|(_, d)| (d.line, d.column));
    serde_json::to_string(&kept).unwrap_or_else(|_| "[]".into())
}

fn read_diagnostics(json: &str) -> Vec<Diagnostic> {
    let kept: Vec<(usize, Diagnostic)> = serde_json::from_str(json).unwrap_or_default();
    kept.into_iter().map(|(quote_column, d)| Diagnostic { quote_column, ..d }).collect()
}

/// A path below the folder, as the store keys it.
fn relative(dir: &Path, path: &Path) -> Vec<u8> {
    path.strip_prefix(dir).unwrap_or(path).as_os_str().as_bytes().to_vec()
}

impl Store {
    /// The library list of `dir`, after `fresh` brought the store up to date with it. Of two
    /// files with one id, the first in path order is listed and the other fails, as when the
    /// folder is loaded.
    pub fn listing(&mut self, dir: &Path, fresh: &Fresh) -> rusqlite::Result<Listing> {
        let rows = self.rows_in_order(dir)?;
        self.listing_from(rows, dir, fresh)
    }

    /// Every briefing's row, in the list's order, with its path below the folder and where its
    /// id is written.
    pub(crate) fn rows_in_order(&self, dir: &Path) -> rusqlite::Result<Rows> {
        let path = |rel: &[u8]| dir.join(OsStr::from_bytes(rel));
        // In the list's order, as the index by date keeps them: nothing to sort.
        let mut stmt = self.reads().prepare_cached(
            "SELECT b.id, b.date, b.title, b.counts, f.path, b.id_line, b.id_column, b.fingerprint \
             FROM briefings b JOIN files f ON f.id = b.file ORDER BY b.date DESC, b.id",
        )?;
        let rows: Rows = stmt
            .query_map([], |r| {
                let counts: String = r.get(3)?;
                let mut numbers = [0; 8];
                for (n, c) in numbers.iter_mut().zip(counts.split(' ')) {
                    *n = c.parse().unwrap_or(0);
                }
                let [o, c, re, f, s, all, single, disputed] = numbers;
                let row = Row {
                    id: r.get(0)?,
                    date: r.get(1)?,
                    title: r.get(2)?,
                    counts: [o, c, re, f, s],
                    weak: [all, single, disputed],
                    fingerprint: r.get(7)?,
                    path: path(r.get_ref(4)?.as_bytes()?),
                };
                Ok((row, (r.get(5)?, r.get(6)?)))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The list from rows in order: of two files with one id, the first in path order is kept,
    /// and the files that failed are named in path order.
    pub(crate) fn listing_from(&mut self, mut rows: Rows, dir: &Path, fresh: &Fresh) -> rusqlite::Result<Listing> {
        let path = |rel: &[u8]| dir.join(OsStr::from_bytes(rel));
        // Below the folder, as the catalog names it: worked out for the few that need it, not
        // kept for every row.
        let rel_of = |row: &Row| row.path.strip_prefix(dir).unwrap_or(&row.path).as_os_str().as_bytes().to_vec();
        // Of two files with one id, the first in path order is kept.
        let mut first: HashMap<&str, usize> = HashMap::with_capacity(rows.len());
        let mut losers: Vec<usize> = Vec::new();
        for (i, (row, _)) in rows.iter().enumerate() {
            match first.entry(row.id.as_str()) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(i);
                }
                std::collections::hash_map::Entry::Occupied(mut slot) => {
                    if path_order(&rel_of(row), &rel_of(&rows[*slot.get()].0)).is_lt() {
                        losers.push(slot.insert(i));
                    } else {
                        losers.push(i);
                    }
                }
            }
        }
        // Every file that failed, by path below the folder, to be put in path order.
        let mut failed: Vec<(Vec<u8>, FileReport)> = Vec::new();
        for &i in &losers {
            let (row, (line, column)) = &rows[i];
            let rel = &rel_of(row);
            let winner = &rows[first[row.id.as_str()]].0.path;
            let anchor = Anchor { line: *line as usize, column: *column as usize, width: 0, source_line: String::new(), quote_column: 1 };
            let mut d = anchor.report(
                &row.path,
                Code::DuplicateBriefing,
                format!("briefing id `{}` is already used by {}", row.id, crate::text::path(winner)),
            );
            d.with_help("briefing ids are unique in a library: give this file its own `id` (the first file in path order is kept)");
            let mut diagnostics = self.diagnostics(rel)?;
            diagnostics.push(d);
            diagnostics.sort_by_key(|d| (d.line, d.column));
            failed.push((rel.clone(), FileReport { path: row.path.clone(), briefing: None, diagnostics }));
        }
        let mut stmt =
            self.conn().prepare_cached("SELECT f.path, d.json FROM files f JOIN diagnostics d ON d.file = f.id WHERE f.loaded = 0")?;
        for pair in stmt.query_map([], |r| Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, String>(1)?)))? {
            let (rel, json) = pair?;
            failed.push((rel.clone(), FileReport { path: path(&rel), briefing: None, diagnostics: read_diagnostics(&json) }));
        }
        // Files that could not be read have no row: they are named in path order too.
        for (rel, d) in &fresh.unreadable {
            failed.push((rel.clone(), FileReport { path: d.file.clone(), briefing: None, diagnostics: vec![d.clone()] }));
        }
        failed.sort_by(|a, b| path_order(&a.0, &b.0));
        let problems = fresh.problems.iter().map(|d| FileReport { path: d.file.clone(), briefing: None, diagnostics: vec![d.clone()] });
        let failed = problems.chain(failed.into_iter().map(|(_, report)| report)).collect();
        losers.sort_unstable();
        let mut at = 0;
        rows.retain(|_| {
            at += 1;
            losers.binary_search(&(at - 1)).is_err()
        });
        Ok(Listing { rows: rows.into_iter().map(|(row, _)| row).collect(), failed })
    }

    /// Every diagnostic of the file at `rel` below the folder, in line order.
    pub fn diagnostics(&self, rel: &[u8]) -> rusqlite::Result<Vec<Diagnostic>> {
        let json: Option<String> = self
            .reads()
            .prepare_cached("SELECT d.json FROM diagnostics d JOIN files f ON f.id = d.file WHERE f.path = ?1")?
            .query_row(params![rel], |r| r.get(0))
            .optional()?;
        Ok(json.as_deref().map(read_diagnostics).unwrap_or_default())
    }

    /// The briefing loaded from `path` in `dir`, as kept; None when the file did not load or
    /// is not in the store.
    pub fn body(&self, dir: &Path, path: &Path) -> rusqlite::Result<Option<Briefing>> {
        let json: Option<String> = self
            .reads()
            .prepare_cached("SELECT b.json FROM bodies b JOIN files f ON f.id = b.file WHERE f.path = ?1")?
            .query_row(params![relative(dir, path)], |r| r.get(0))
            .optional()?;
        Ok(json.and_then(|json| serde_json::from_str::<Briefing>(&json).ok()).map(|mut b| {
            b.path = path.to_path_buf();
            b.finish();
            b
        }))
    }

    /// The briefings of `dir` that list the official, newest first (ties by id), at most
    /// `limit` of them.
    pub fn appearances(&self, dir: &Path, official: &str, limit: Option<usize>) -> rusqlite::Result<Vec<Appearance>> {
        let mut stmt = self.reads().prepare_cached(
            "SELECT briefing, path, item, label FROM appearances WHERE official = ?1 ORDER BY date DESC, briefing LIMIT ?2",
        )?;
        let limit = limit.map_or(-1, |n| n as i64);
        let rows = stmt.query_map(params![official, limit], |r| {
            Ok(Appearance {
                briefing: r.get(0)?,
                path: dir.join(OsStr::from_bytes(&r.get::<_, Vec<u8>>(1)?)),
                item: ItemRef { kind: Kind::Official, index: r.get::<_, i64>(2)? as usize },
                label: r.get(3)?,
            })
        })?;
        rows.collect()
    }

    /// Whether the file at `path` in `dir` lists the official.
    pub fn appears_in(&self, dir: &Path, official: &str, path: &Path) -> rusqlite::Result<bool> {
        self.reads()
            .prepare_cached("SELECT count(*) > 0 FROM appearances WHERE official = ?1 AND path = ?2")?
            .query_row(params![official, relative(dir, path)], |r| r.get(0))
    }

    /// How many briefing files list the official.
    pub fn appearance_count(&self, official: &str) -> rusqlite::Result<usize> {
        let n: Option<i64> = self
            .reads()
            .prepare_cached("SELECT n FROM official_counts WHERE official = ?1")?
            .query_row(params![official], |r| r.get(0))
            .optional()?;
        Ok(n.unwrap_or(0).max(0) as usize)
    }
}
