//! The library list from the store: a row per briefing, newest first, and the files that did
//! not load, each with its first error — as `Library::load` gives them, without parsing a file
//! that has not changed.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use super::Store;
use super::fresh::{Fresh, path_order};
use crate::diag::Anchor;
use crate::model::{Briefing, Kind};

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

/// A file's row as the list reads it: what it lists when it loaded, its first error when not.
struct File {
    rel: Vec<u8>,
    id: Option<String>,
    date: Option<String>,
    title: Option<String>,
    counts: Option<String>,
    id_at: (Option<i64>, Option<i64>),
    failure: (Option<i64>, Option<i64>, Option<String>),
}

/// A row of the library list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub date: String,
    pub id: String,
    /// Officials, commitments, reactions, facts, sources.
    pub counts: [usize; 5],
    pub title: String,
}

/// The list, and what could not be read or loaded, each as one line (`file:line:col: why`).
#[derive(Debug, Default)]
pub struct Listing {
    pub rows: Vec<Row>,
    pub failed: Vec<String>,
}

impl Store {
    /// The library list of `dir`, after `fresh` brought the store up to date with it. Of two
    /// files with one id, the first in path order is listed and the other fails, as when the
    /// folder is loaded.
    pub fn listing(&mut self, dir: &Path, fresh: &Fresh) -> rusqlite::Result<Listing> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT f.path, b.id, b.date, b.title, b.counts, b.id_line, b.id_column, x.line, x.column, x.message \
             FROM files f LEFT JOIN briefings b ON b.file = f.id LEFT JOIN failures x ON x.file = f.id",
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
                    failure: (r.get(7)?, r.get(8)?, r.get(9)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        // In path order as loading takes the files, which decides which of two ids is kept.
        files.sort_unstable_by(|a, b| path_order(&a.rel, &b.rel));
        let shown = |rel: &[u8]| crate::text::path(&dir.join(OsStr::from_bytes(rel)));
        let mut listing = Listing { failed: fresh.problems.iter().map(crate::report::one_line).collect(), ..Listing::default() };
        let mut unreadable = fresh.unreadable.iter().peekable();
        let mut first: HashMap<String, Vec<u8>> = HashMap::new();
        for f in files {
            // Files that could not be read have no row: they are named in path order too.
            while let Some((_, d)) = unreadable.next_if(|(path, _)| path_order(path, &f.rel).is_lt()) {
                listing.failed.push(crate::report::one_line(d));
            }
            let (Some(id), Some(date), Some(title), Some(counts)) = (f.id, f.date, f.title, f.counts) else {
                if let (Some(line), Some(column), Some(message)) = f.failure {
                    listing.failed.push(format!("{}:{line}:{column}: {message}", shown(&f.rel)));
                }
                continue;
            };
            if let Some(before) = first.get(&id) {
                let (line, column) = (f.id_at.0.unwrap_or(1), f.id_at.1.unwrap_or(1));
                let message = format!("briefing id `{id}` is already used by {}", shown(before));
                listing.failed.push(format!("{}:{line}:{column}: {message}", shown(&f.rel)));
                continue;
            }
            first.insert(id.clone(), f.rel);
            let mut numbers = [0; 5];
            for (n, c) in numbers.iter_mut().zip(counts.split(' ')) {
                *n = c.parse().unwrap_or(0);
            }
            listing.rows.push(Row { date, id, counts: numbers, title });
        }
        listing.failed.extend(unreadable.map(|(_, d)| crate::report::one_line(d)));
        listing.rows.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
        Ok(listing)
    }
}
