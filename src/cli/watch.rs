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

/// A folder watched, and which folder it is (one deleted and made again is another).
struct Watched {
    folder: PathBuf,
    flat: bool,
    identity: Option<(u64, u64)>,
    watch: Option<crate::watch::Watch>,
}

impl Watched {
    fn start(folder: PathBuf, flat: bool) -> Watched {
        let identity = crate::watch::identity(&folder);
        let watch = if flat { crate::watch::start_flat(&folder) } else { crate::watch::start(&folder) }.ok();
        Watched { folder, flat, identity, watch }
    }
}

pub fn run(dir: &Path, paths: &[PathBuf], archive: Option<&Path>, style: Style) -> io::Result<ExitCode> {
    // The library (whose other files a check reads too), each folder given, and the folder of
    // each file given outside them, that folder alone.
    let mut watched = vec![Watched::start(dir.to_path_buf(), false)];
    for path in paths {
        if path.is_dir() {
            watched.push(Watched::start(path.clone(), false));
        } else if let Some(parent) = path.parent().map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p }) {
            let covered = |w: &Watched| {
                !w.flat && std::path::absolute(parent).is_ok_and(|p| std::path::absolute(&w.folder).is_ok_and(|f| p.starts_with(f)))
            };
            if !watched.iter().any(covered) {
                watched.push(Watched::start(parent.to_path_buf(), true));
            }
        }
    }
    if let Some(w) = watched.iter().find(|w| w.watch.is_none()) {
        output::err(&format!("brief: cannot watch {}", crate::text::path(&w.folder)))?;
        return Ok(ExitCode::from(2));
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
            // A file that stopped loading has its other problems unchecked, not fixed.
            let hidden = now.1.iter().any(|n| n.file == d.file && n.is_error());
            let said = if hidden { "not checked while the file has errors" } else { "fixed" };
            output::err(&format!("{said}: {}", report::one_line(d)))?;
        }
        if first || !new.is_empty() || !gone.is_empty() {
            output::err(&now.0)?;
        }
        if first {
            let shown: Vec<String> = watched.iter().map(|w| crate::text::path(&w.folder)).collect();
            output::err(&format!("watching {} for saves (Ctrl-C to stop)", shown.join(", ")))?;
            first = false;
        }
        before = now.1;
        wait(&mut watched);
    }
}

/// The summary sentence and every problem of the files checked.
fn check(dir: &Path, paths: &[PathBuf], archive: Option<&Path>) -> (String, Vec<Diagnostic>) {
    let super::check::Report { files, wanted, problems } = super::check::checked(dir, paths, archive);
    let reported = wanted.reported(&files);
    let all: Vec<Diagnostic> = super::check::every(&problems, &reported).cloned().collect();
    (Summary::of(&reported, all.iter()).sentence(), all)
}

/// The problems of `now` not in `before`, and those of `before` not in `now`, counted: two
/// alike where there was one is one new.
fn compared<'a>(before: &'a [Diagnostic], now: &'a [Diagnostic]) -> (Vec<&'a Diagnostic>, Vec<&'a Diagnostic>) {
    (beyond(now, before), beyond(before, now))
}

/// The problems of `these` that `those` do not have as many of.
fn beyond<'a>(these: &'a [Diagnostic], those: &[Diagnostic]) -> Vec<&'a Diagnostic> {
    let mut had: HashMap<Said, usize> = HashMap::new();
    for d in those {
        *had.entry(said(d)).or_default() += 1;
    }
    these
        .iter()
        .filter(|d| match had.get_mut(&said(d)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

/// Waits for a save in any watched folder, then for the burst of events to end. A folder
/// deleted and made again (or a link pointed elsewhere) is watched anew, and checked.
fn wait(watched: &mut [Watched]) {
    let mut looked = std::time::Instant::now();
    loop {
        for w in watched.iter() {
            let Some(watch) = &w.watch else { continue };
            match watch.changes.recv_timeout(Duration::from_millis(50)) {
                Ok(_) => return settle(watched),
                // A watcher gone quiet for good: the folder's identity is still looked at.
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => std::thread::sleep(Duration::from_millis(50)),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            }
        }
        if looked.elapsed() >= Duration::from_millis(500) {
            looked = std::time::Instant::now();
            let mut moved = false;
            for w in watched.iter_mut() {
                let identity = crate::watch::identity(&w.folder);
                if identity != w.identity {
                    *w = Watched::start(w.folder.clone(), w.flat);
                    moved = true;
                }
            }
            if moved {
                return;
            }
        }
        if watched.iter().all(|w| w.watch.is_none()) {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Takes every event of a burst, until none has come for [`SETTLE`].
fn settle(watched: &[Watched]) {
    loop {
        std::thread::sleep(SETTLE);
        let mut more = false;
        for watch in watched.iter().filter_map(|w| w.watch.as_ref()) {
            while watch.changes.try_recv().is_ok() {
                more = true;
            }
        }
        if !more {
            return;
        }
    }
}
