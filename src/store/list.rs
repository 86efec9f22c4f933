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
use super::fresh::{Fresh, path_order};
use crate::diag::{Anchor, Code, Diagnostic};
use crate::library::FileReport;
use crate::model::{Briefing, ItemRef, Kind};

/// What the store keeps of a briefing for the list.
#[derive(Clone, Debug)]
pub struct Listed {
    pub id: String,
    pub date: String,
    pub title: String,
    /// Officials, commitments, reactions, facts and sources, space-separated.
    pub counts: String,
    pub id_line: i64,
    pub id_column: i64,
}

impl Listed {
    pub fn of(b: &Briefing, id: &Anchor) -> Listed {
        let counts = Kind::LISTED.map(|k| b.count(k).to_string()).join(" ");
        Listed {
            id: b.id.clone(),
            date: b.date.to_string(),
            title: b.title.clone(),
            counts,
            id_line: id.line as i64,
            id_column: id.column as i64,
        }
    }
}

/// A file's row as the list reads it: what it lists when it loaded, its diagnostics when it
/// has any.
struct File {
    rel: Vec<u8>,
    id: Option<String>,
    date: Option<String>,
    title: Option<String>,
    counts: Option<String>,
    id_at: (Option<i64>, Option<i64>),
    diagnostics: Option<String>,
}

/// A row of the library list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub date: String,
    pub id: String,
    /// Officials, commitments, reactions, facts, sources.
    pub counts: [usize; 5],
    pub title: String,
    /// The file it was loaded from.
    pub path: PathBuf,
}

/// The list, and every file or folder that could not be read or loaded, in path order, with
/// its diagnostics.
#[derive(Debug, Default)]
pub struct Listing {
    pub rows: Vec<Row>,
    pub failed: Vec<FileReport>,
}

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
        let mut stmt = self.conn().prepare_cached(
            "SELECT f.path, b.id, b.date, b.title, b.counts, b.id_line, b.id_column, d.json \
             FROM files f LEFT JOIN briefings b ON b.file = f.id LEFT JOIN diagnostics d ON d.file = f.id AND f.loaded = 0",
        )?;
        let mut files: Vec<File> = stmt
            .query_map([], |r| {
                Ok(File {
                    rel: r.get(0)?,
                    id: r.get(1)?,
                    date: r.get(2)?,
                    title: r.get(3)?,
                    counts: r.get(4)?,
                    id_at: (r.get(5)?, r.get(6)?),
                    diagnostics: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        drop(stmt);
        // In path order as loading takes the files, which decides which of two ids is kept.
        files.sort_unstable_by(|a, b| path_order(&a.rel, &b.rel));
        let path = |rel: &[u8]| dir.join(OsStr::from_bytes(rel));
        let report = |d: Diagnostic| FileReport { path: d.file.clone(), briefing: None, diagnostics: vec![d] };
        let mut listing = Listing { failed: fresh.problems.iter().cloned().map(report).collect(), ..Listing::default() };
        let mut unreadable = fresh.unreadable.iter().peekable();
        let mut first: HashMap<String, Vec<u8>> = HashMap::new();
        for f in files {
            // Files that could not be read have no row: they are named in path order too.
            while let Some((_, d)) = unreadable.next_if(|(path, _)| path_order(path, &f.rel).is_lt()) {
                listing.failed.push(report(d.clone()));
            }
            let (Some(id), Some(date), Some(title), Some(counts)) = (f.id, f.date, f.title, f.counts) else {
                let diagnostics = f.diagnostics.as_deref().map(read_diagnostics).unwrap_or_default();
                listing.failed.push(FileReport { path: path(&f.rel), briefing: None, diagnostics });
                continue;
            };
            if let Some(before) = first.get(&id) {
                let file = path(&f.rel);
                let (line, column) = (f.id_at.0.unwrap_or(1) as usize, f.id_at.1.unwrap_or(1) as usize);
                let anchor = Anchor { line, column, width: 0, source_line: String::new(), quote_column: 1 };
                let mut d = anchor.report(
                    &file,
                    Code::DuplicateBriefing,
                    format!("briefing id `{id}` is already used by {}", crate::text::path(&path(before))),
                );
                d.with_help("briefing ids are unique in a library: give this file its own `id` (the first file in path order is kept)");
                let mut diagnostics = self.diagnostics(&f.rel)?;
                diagnostics.push(d);
                diagnostics.sort_by_key(|d| (d.line, d.column));
                listing.failed.push(FileReport { path: file, briefing: None, diagnostics });
                continue;
            }
            let mut numbers = [0; 5];
            for (n, c) in numbers.iter_mut().zip(counts.split(' ')) {
                *n = c.parse().unwrap_or(0);
            }
            listing.rows.push(Row { date, id: id.clone(), counts: numbers, title, path: path(&f.rel) });
            first.insert(id, f.rel);
        }
        listing.failed.extend(unreadable.map(|(_, d)| report(d.clone())));
        listing.rows.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
        Ok(listing)
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

    /// Every briefing of `dir` that lists the official, newest first (ties by id).
    pub fn appearances(&self, dir: &Path, official: &str) -> rusqlite::Result<Vec<Appearance>> {
        let mut stmt = self.reads().prepare_cached(
            "SELECT b.id, f.path, a.item, a.label FROM appearances a JOIN briefings b ON b.file = a.file \
             JOIN files f ON f.id = a.file WHERE a.official = ?1 ORDER BY b.date DESC, b.id",
        )?;
        let rows = stmt.query_map(params![official], |r| {
            Ok(Appearance {
                briefing: r.get(0)?,
                path: dir.join(OsStr::from_bytes(&r.get::<_, Vec<u8>>(1)?)),
                item: ItemRef { kind: Kind::Official, index: r.get::<_, i64>(2)? as usize },
                label: r.get(3)?,
            })
        })?;
        rows.collect()
    }
}
