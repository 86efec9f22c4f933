//! Searching a folder from the command line without loading the library: each file is read,
//! checked cheaply for the query's words, and only the files that may match are parsed.

use std::path::Path;

use memchr::memmem;
use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::load;
use crate::search::fold::{fold, tokens};
use crate::search::matcher::{Folded, Hit, Snippet, compare, match_briefing, snippet_of};
use crate::search::query::Query;

/// A hit with its snippet, ready to print.
#[derive(Clone, Debug)]
pub struct Found {
    pub hit: Hit,
    pub title: String,
    pub snippet: Snippet,
}

/// What a scan found, and what it could not search.
#[derive(Clone, Debug, Default)]
pub struct Scan {
    pub found: Vec<Found>,
    /// Files and folders that could not be read, and files that may match but did not parse
    /// (their first error): each is named to the user. A file that cannot hold the query's
    /// words is skipped unparsed, so a syntax error in it is `brief check`'s to report.
    pub skipped: Vec<Diagnostic>,
}

/// Whether a file's raw text may hide words only its parsed text shows: escapes (`\u00f1`) or
/// line-ending backslashes, which can spell or join letters.
pub fn hides_words(bytes: &[u8]) -> bool {
    memmem::find(bytes, b"\\u").is_some()
        || memmem::find(bytes, b"\\U").is_some()
        || memmem::find(bytes, b"\\\n").is_some()
        || memmem::find(bytes, b"\\\r\n").is_some()
}

/// Whether a file can be skipped: some word of the query appears nowhere in it, even folded.
/// Conservative: a file whose strings use escapes (`\u00f1`) or line-ending backslashes, which
/// can join or spell letters only the parsed text shows, is always parsed.
fn may_match(bytes: &[u8], q: &Query) -> bool {
    if q.terms.is_empty() || hides_words(bytes) {
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

/// The hits of one loaded briefing, with their snippets.
pub fn found_in(b: &crate::model::Briefing, q: &Query, width: usize) -> Vec<Found> {
    found_in_folded(&Folded::new(b), q, width)
}

/// The hits of a briefing as search sees it (as the store keeps it), with their snippets.
pub fn found_in_folded(folded: &Folded, q: &Query, width: usize) -> Vec<Found> {
    match_briefing(folded, q)
        .into_iter()
        .map(|hit| Found { snippet: snippet_of(folded, &hit, &q.terms, width), title: folded.title.to_string(), hit })
        .collect()
}

/// Searches every briefing file under `dir`; snippets are cut to `width` characters.
pub fn scan(dir: &Path, q: &Query, width: usize) -> Scan {
    let (files, problems) = load::discover(&[dir.to_path_buf()]);
    scan_files(&files, problems, q, width)
}

/// Searches these files (the store's candidates, or every file), after `problems` already
/// found with the paths.
pub fn scan_files(files: &[std::path::PathBuf], problems: Vec<Diagnostic>, q: &Query, width: usize) -> Scan {
    let results: Vec<Result<Vec<Found>, Diagnostic>> = files.par_iter().filter_map(|path| scan_file(path, q, width)).collect();
    gather(problems, results)
}

/// One file searched: its hits; or why it could not be searched (unreadable, or it may match
/// but did not load); None when it cannot hold the query's words.
pub fn scan_file(path: &std::path::Path, q: &Query, width: usize) -> Option<Result<Vec<Found>, Diagnostic>> {
    let bytes = match load::read_bytes(path) {
        Ok(bytes) => bytes,
        Err(why) => return Some(Err(load::io_diagnostic(path, why.message(""), why.help))),
    };
    if !may_match(&bytes, q) {
        return None;
    }
    let parsed = load::parse_file(path, &bytes);
    let Some((b, _)) = parsed.loaded else {
        let first = parsed.diagnostics.into_iter().find(Diagnostic::is_error);
        return first.map(Err);
    };
    Some(Ok(found_in(&b, q, width)))
}

/// The outcomes of the files, in path order, as one scan: hits ranked (ties keep path order),
/// what could not be searched after `problems`.
pub fn gather(problems: Vec<Diagnostic>, results: Vec<Result<Vec<Found>, Diagnostic>>) -> Scan {
    let mut scan = Scan { skipped: problems, ..Scan::default() };
    for r in results {
        match r {
            Ok(found) => scan.found.extend(found),
            Err(problem) => scan.skipped.push(problem),
        }
    }
    scan.found.sort_by(|a, b| compare(&a.hit, &b.hit));
    scan
}
