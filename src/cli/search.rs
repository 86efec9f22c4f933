//! `brief search`: one line per hit, highlighted on a terminal and plain when piped, or JSON.
//! Exit status follows grep: 0 found, 1 nothing found, 2 a bad query or folder.

use std::fmt::Write as _;
use std::io::{self, IsTerminal};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::output;
use crate::search::folded::Folded;
use crate::search::{self, Place, Snippet};
use crate::store::Store;
use crate::text;

/// Characters of a field shown around the first match.
const SNIPPET_WIDTH: usize = 100;

#[derive(Serialize)]
struct JsonHit<'a> {
    briefing: &'a str,
    title: &'a str,
    date: String,
    kind: &'static str,
    item: &'a str,
    field: &'static str,
    snippet: &'a str,
    /// Character ranges of `snippet` that match, `[start, end)`.
    marks: Vec<[usize; 2]>,
}

pub fn run(dir: &Path, query: &str, limit: Option<usize>, json: bool, cache: bool) -> io::Result<ExitCode> {
    let q = match search::parse(query) {
        Ok(q) => q,
        Err(err) => {
            output::err(&format!("brief: bad query: {err}"))?;
            output::err(&format!("  {}", text::visible(query, false)))?;
            output::err(&format!("  {}^", " ".repeat(err.column.saturating_sub(1))))?;
            return Ok(ExitCode::from(2));
        }
    };
    let scan = if cache { stored(dir, &q) } else { None }.unwrap_or_else(|| search::scan::scan(dir, &q, SNIPPET_WIDTH));
    let total = scan.found.len();
    let shown = &scan.found[..limit.unwrap_or(total).min(total)];
    let mut out = String::new();
    if json {
        let hits: Vec<JsonHit> = shown
            .iter()
            .map(|f| JsonHit {
                briefing: &f.hit.briefing,
                title: &f.title,
                date: f.hit.date.to_string(),
                kind: f.hit.place.scope().as_str(),
                item: &f.hit.item,
                field: f.hit.field,
                snippet: &f.snippet.text,
                marks: f.snippet.marks.iter().map(|m| [m.start, m.end]).collect(),
            })
            .collect();
        out = text::json(&hits) + "\n";
    } else {
        let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        for f in shown {
            let kind = f.hit.place.scope().as_str();
            let item = if f.hit.place == Place::Briefing { "-" } else { &f.hit.item };
            let _ = writeln!(out, "{}\t{kind}\t{item}\t{}", f.hit.briefing, marked(&f.snippet, color));
        }
    }
    output::out(&out)?;
    if total > shown.len() {
        output::err(&format!(
            "brief: {} not shown (--limit {})",
            text::counted(total - shown.len(), "more hit", "more hits"),
            shown.len()
        ))?;
    }
    super::name_unloaded(&scan.skipped.iter().collect::<Vec<_>>())?;
    if total == 0 {
        output::err(&format!("brief: no hits for {}", text::visible(query, false)))?;
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// A candidate by its path below the folder, with its hits when the store could answer.
type Matched = (Vec<u8>, Option<Vec<search::scan::Found>>);

/// What searching one file gave: its hits, or why it could not be searched.
type Outcome = Result<Vec<search::scan::Found>, crate::diag::Diagnostic>;

/// Searches through the store: brought up to date with the folder, it names the files that
/// may match and gives each briefing as search sees it, so none is parsed (a file that did not
/// load is, so its error is named). The search runs while the folder is walked, and again only
/// when the walk found something to bring up to date. None when the store cannot be used (no
/// cache folder, a disk full): the scan of every file answers the same.
fn stored(dir: &Path, q: &search::Query) -> Option<search::scan::Scan> {
    use rayon::prelude::*;
    // Each candidate's hits, matched as it is read, nothing parsed or copied; None for a file
    // that did not load (or whose copy does not read back).
    let each = |rel: &[u8], folded: Option<&[u8]>| {
        (rel.to_vec(), folded.and_then(Folded::decode).map(|f| search::scan::found_in_folded(&f, q, SNIPPET_WIDTH)))
    };
    let search = |store: &Store| -> rusqlite::Result<Vec<Matched>> { store.each_searchable(&store.candidate_files(q)?, each) };
    let (store, fresh, early) = super::progress::fresh_store_reading(dir, search)?;
    let matched = match early {
        Some(matched) => matched,
        None => search(&store).map_err(|why| tracing::warn!("answering from the files: {why}")).ok()?,
    };
    // A file not searched from the store is searched from its file, as the scan would.
    let path = |rel: &[u8]| dir.join(std::ffi::OsStr::from_bytes(rel));
    let mut outcomes: Vec<(Vec<u8>, Option<Outcome>)> = matched
        .into_par_iter()
        .map(|(rel, found)| {
            let outcome = match found {
                Some(found) => Some(Ok(found)),
                None => search::scan::scan_file(&path(&rel), q, SNIPPET_WIDTH),
            };
            (rel, outcome)
        })
        .collect();
    // Files that could not be read: named in path order with the rest, as the scan does.
    outcomes.extend(fresh.unreadable.into_iter().map(|(rel, d)| (rel, Some(Err(d)))));
    outcomes.sort_by(|a, b| crate::store::walk::path_order(&a.0, &b.0));
    let scan = search::scan::gather(fresh.problems, outcomes.into_iter().filter_map(|(_, o)| o).collect());
    Some(scan)
}

/// The snippet with its matches in bold colour when `color`, plain otherwise.
fn marked(s: &Snippet, color: bool) -> String {
    if !color {
        return s.text.clone();
    }
    let mut out = String::new();
    let mut at = 0;
    let chars: Vec<char> = s.text.chars().collect();
    for m in &s.marks {
        out.extend(&chars[at..m.start]);
        out.push_str("\x1b[1;31m");
        out.extend(&chars[m.start..m.end]);
        out.push_str("\x1b[0m");
        at = m.end;
    }
    out.extend(&chars[at..]);
    out
}
