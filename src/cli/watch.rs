//! `brief check --watch`: the check, then again on every save, saying only what changed — the
//! problems that are new (in full, as `brief check` writes them) and those that are gone (a
//! line each) — for a curator writing with the reader closed. Stops on Ctrl-C.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use crate::diag::Diagnostic;
use crate::output;
use crate::report::{self, Style, Summary};

/// Saves come in bursts (an editor writes, renames, touches): one check after the last.
const SETTLE: Duration = Duration::from_millis(150);

/// A problem as told apart from the others: where it is said to be may move as lines are
/// added above it, so its place is not part of it.
type Said = (PathBuf, String, String);

fn said(d: &Diagnostic) -> Said {
    (d.file.clone(), d.code.as_str().to_string(), d.message.clone())
}

pub fn run(dir: &Path, paths: &[PathBuf], archive: Option<&Path>, style: Style) -> io::Result<ExitCode> {
    let watched: Vec<PathBuf> = if paths.is_empty() { vec![dir.to_path_buf()] } else { paths.to_vec() };
    let mut watches = Vec::new();
    for path in &watched {
        let folder = if path.is_dir() { path.clone() } else { path.parent().map(Path::to_path_buf).unwrap_or_default() };
        match crate::watch::start(&folder) {
            Ok(w) => watches.push(w),
            Err(err) => {
                output::err(&format!("brief: cannot watch {}: {err}", crate::text::path(&folder)))?;
                return Ok(ExitCode::from(2));
            }
        }
    }
    let mut before: Vec<Diagnostic> = Vec::new();
    let mut first = true;
    loop {
        let now = check(dir, paths, archive);
        let (new, gone) = compared(&before, &now.1);
        for d in &new {
            output::err(&report::render(d, style))?;
        }
        for d in &gone {
            output::err(&format!("fixed: {}", report::one_line(d)))?;
        }
        if first || !new.is_empty() || !gone.is_empty() {
            output::err(&now.0)?;
        }
        if first {
            let shown: Vec<String> = watched.iter().map(|p| crate::text::path(p)).collect();
            output::err(&format!("watching {} for saves (Ctrl-C to stop)", shown.join(", ")))?;
            first = false;
        }
        before = now.1;
        // Blocks until something is saved; then waits for the burst to end.
        if !wait(&watches) {
            return Ok(ExitCode::from(2));
        }
    }
}

/// The summary sentence and every problem of the files checked.
fn check(dir: &Path, paths: &[PathBuf], archive: Option<&Path>) -> (String, Vec<Diagnostic>) {
    let super::check::Report { files, wanted, problems } = super::check::checked(dir, paths, archive);
    let reported = wanted.reported(&files);
    let all: Vec<Diagnostic> = problems.iter().chain(reported.iter().flat_map(|f| &f.diagnostics)).cloned().collect();
    (Summary::of(&reported, all.iter()).sentence(), all)
}

/// The problems of `now` not in `before`, and those of `before` not in `now`, counted: two
/// alike where there was one is one new.
fn compared<'a>(before: &'a [Diagnostic], now: &'a [Diagnostic]) -> (Vec<&'a Diagnostic>, Vec<&'a Diagnostic>) {
    let mut had: HashMap<Said, usize> = HashMap::new();
    for d in before {
        *had.entry(said(d)).or_default() += 1;
    }
    let mut new = Vec::new();
    for d in now {
        match had.get_mut(&said(d)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => new.push(d),
        }
    }
    let mut has: HashMap<Said, usize> = HashMap::new();
    for d in now {
        *has.entry(said(d)).or_default() += 1;
    }
    let mut gone = Vec::new();
    for d in before {
        match has.get_mut(&said(d)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => gone.push(d),
        }
    }
    (new, gone)
}

/// Waits for a save in any watched folder, then for the burst of events to end; false when
/// every watch has stopped.
fn wait(watches: &[crate::watch::Watch]) -> bool {
    loop {
        let mut alive = false;
        for w in watches {
            match w.changes.recv_timeout(Duration::from_millis(50)) {
                Ok(_) => {
                    // The rest of the burst.
                    loop {
                        std::thread::sleep(SETTLE);
                        if watches.iter().all(|w| w.changes.try_recv().is_err()) {
                            return true;
                        }
                    }
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => alive = true,
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {}
            }
        }
        if !alive {
            return false;
        }
    }
}
