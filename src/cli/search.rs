//! `brief search`: one line per hit, highlighted on a terminal and plain when piped, or JSON.
//! Exit status follows grep: 0 found, 1 nothing found, 2 a bad query or folder.

use std::fmt::Write as _;
use std::io::{self, IsTerminal};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::output;
use crate::search::{self, Place, Snippet};
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
        output::err(&format!("brief: {} more hits not shown (--limit {})", total - shown.len(), shown.len()))?;
    }
    super::name_unloaded(&scan.skipped.iter().collect::<Vec<_>>())?;
    if total == 0 {
        output::err(&format!("brief: no hits for {}", text::visible(query, false)))?;
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// What searching one file gave: its hits, or why it could not be searched.
type Outcome = Result<Vec<search::scan::Found>, crate::diag::Diagnostic>;

/// Searches through the store: brought up to date with the folder, it names the files that
/// may match and gives each briefing as loaded, so none is parsed again (a file that did not
/// load is, so its error is named). None when the store cannot be used (no cache folder, a
/// disk full): the scan of every file answers the same.
fn stored(dir: &Path, q: &search::Query) -> Option<search::scan::Scan> {
    use rayon::prelude::*;
    let (store, fresh) = super::progress::fresh_store(dir)?;
    let warn = |why: rusqlite::Error| tracing::warn!("answering from the files: {why}");
    let candidates = match store.candidates(q).map_err(warn).ok()? {
        Some(candidates) => candidates,
        None => store.everything().map_err(warn).ok()?,
    };
    let path = |rel: &[u8]| dir.join(std::ffi::OsStr::from_bytes(rel));
    // Each candidate's outcome, as the scan would have it: a briefing kept as loaded is matched
    // at once; a file that did not load (or whose copy does not read back) is searched from
    // its file, so its error is named.
    let mut outcomes: Vec<(Vec<u8>, Option<Outcome>)> = candidates
        .into_par_iter()
        .map(|c| {
            let kept = c.body.as_deref().and_then(|json| serde_json::from_str::<crate::model::Briefing>(json).ok());
            let outcome = match kept {
                Some(mut b) => {
                    b.path = path(&c.rel);
                    b.finish();
                    Some(Ok(search::scan::found_in(&b, q, SNIPPET_WIDTH)))
                }
                None => search::scan::scan_file(&path(&c.rel), q, SNIPPET_WIDTH),
            };
            (c.rel, outcome)
        })
        .collect();
    // Files that could not be read: named in path order with the rest, as the scan does.
    outcomes.extend(fresh.unreadable.into_iter().map(|(rel, d)| (rel, Some(Err(d)))));
    outcomes.sort_by(|a, b| crate::store::fresh::path_order(&a.0, &b.0));
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
