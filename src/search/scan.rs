//! Searching a folder from the command line without loading the library: each file is read,
//! checked cheaply for the query's words, and only the files that may match are parsed.

use std::path::{Path, PathBuf};

use memchr::memmem;
use rayon::prelude::*;

use crate::load;
use crate::search::fold::{fold, tokens};
use crate::search::matcher::{Folded, Hit, Snippet, compare, match_briefing, snippet};
use crate::search::query::Query;

/// A hit with its snippet, ready to print.
#[derive(Clone, Debug)]
pub struct Found {
    pub hit: Hit,
    pub title: String,
    pub snippet: Snippet,
}

/// What a scan found, and the files it had to pass over.
#[derive(Clone, Debug, Default)]
pub struct Scan {
    pub found: Vec<Found>,
    /// Files that did not load (`brief check` says why).
    pub unreadable: Vec<PathBuf>,
}

/// Whether a file can be skipped: some word of the query appears nowhere in it, even folded.
/// Conservative: a file whose strings use escapes (`\u00f1`) or line-ending backslashes, which
/// can join or spell letters only the parsed text shows, is always parsed.
fn may_match(bytes: &[u8], q: &Query) -> bool {
    if q.terms.is_empty() || memmem::find(bytes, b"\\u").is_some() || memmem::find(bytes, b"\\U").is_some() {
        return true;
    }
    if memmem::find(bytes, b"\\\n").is_some() || memmem::find(bytes, b"\\\r\n").is_some() {
        return true;
    }
    let words: Vec<&str> = q.terms.iter().flat_map(|t| tokens(&t.text)).collect();
    let lower = bytes.to_ascii_lowercase();
    let missing: Vec<&str> = words.into_iter().filter(|w| memmem::find(&lower, w.as_bytes()).is_none()).collect();
    if missing.is_empty() {
        return true;
    }
    if bytes.is_ascii() {
        return false;
    }
    // Accented or otherwise non-ASCII text may fold into the missing words.
    let folded = fold(&String::from_utf8_lossy(bytes));
    missing.iter().all(|w| folded.contains(w))
}

/// Searches every briefing file under `dir`; snippets are cut to `width` characters.
pub fn scan(dir: &Path, q: &Query, width: usize) -> Result<Scan, Box<crate::diag::Diagnostic>> {
    let (files, problems) = load::discover(&[dir.to_path_buf()]);
    if let Some(problem) = problems.into_iter().next() {
        return Err(Box::new(problem));
    }
    let results: Vec<Result<Vec<Found>, PathBuf>> = files
        .par_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(path).ok()?;
            if !may_match(&bytes, q) {
                return None;
            }
            let parsed = load::parse_file(path, &bytes);
            let Some((b, _)) = parsed.loaded else { return Some(Err(path.clone())) };
            let folded = Folded::new(&b);
            let found = match_briefing(&b, &folded, q)
                .into_iter()
                .map(|hit| Found { snippet: snippet(&b, &hit, &q.terms, width), title: b.title.clone(), hit })
                .collect();
            Some(Ok(found))
        })
        .collect();
    let mut scan = Scan::default();
    for r in results {
        match r {
            Ok(found) => scan.found.extend(found),
            Err(path) => scan.unreadable.push(path),
        }
    }
    scan.found.sort_by(|a, b| compare(&a.hit, &b.hit));
    Ok(scan)
}
