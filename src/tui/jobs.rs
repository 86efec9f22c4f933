//! Effects that only read, run off the loop or for a test: a saved copy read for the passage
//! view, a briefing checked against its saved copies (a large copy takes seconds, and the
//! reader must go on answering keys meanwhile), and a search of the library (a broad query
//! reads thousands of briefings from the store; typing must not wait for it).

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::action::Action;
use crate::model::Briefing;
use crate::tui::passage::Request;

/// Reads the saved copy a passage request names.
pub fn read_passage(request: Request) -> Action {
    let text =
        crate::load::read_bytes(&request.path).map(|bytes| String::from_utf8_lossy(&bytes).into_owned()).map_err(|why| why.message(""));
    Action::PassageRead(Box::new(request), text)
}

/// Checks a briefing against its saved copies in `folder`, answering the request numbered.
pub fn check(b: &Briefing, folder: &Path, request: u64) -> Action {
    Action::Verified(b.id.clone(), request, Box::new(crate::archive::verify(b, folder)))
}

/// Searches the library for `input`, answering the search numbered; None when a newer search
/// makes it pointless midway (`cancelled`).
pub fn search(
    store: &crate::store::Store,
    searcher: &crate::live::Searcher,
    number: u64,
    input: &str,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Action> {
    let Ok(q) = crate::search::parse(input) else { return Some(Action::Found(number, Vec::new())) };
    Some(Action::Found(number, searcher.search(store, &q, cancelled)?))
}

/// A search asked for: its number, its text, and the library as it was.
struct Asked(u64, String, crate::live::Searcher);

/// Checks and searches running on threads of their own, and their answers.
pub struct Jobs {
    done: Sender<Action>,
    answers: Receiver<Action>,
    searches: Sender<Asked>,
    /// The number of the latest search asked for: an older one still running stops.
    latest: Arc<AtomicU64>,
}

impl Default for Jobs {
    fn default() -> Jobs {
        let (done, answers) = channel();
        let (searches, asked) = channel();
        let latest = Arc::new(AtomicU64::new(0));
        let (answer, newest) = (done.clone(), latest.clone());
        // One thread for searches, with its own connection to the store: only the latest
        // search waiting is run.
        let _ = std::thread::Builder::new().name("search".into()).spawn(move || searching(&asked, &answer, &newest));
        Jobs { done, answers, searches, latest }
    }
}

fn searching(asked: &Receiver<Asked>, answer: &Sender<Action>, latest: &AtomicU64) {
    let mut connected: Option<crate::store::Store> = None;
    while let Ok(first) = asked.recv() {
        let Asked(number, input, searcher) = asked.try_iter().last().unwrap_or(first);
        if connected.as_ref().is_none_or(|store| *store.location() != searcher.location) {
            connected = match crate::store::Store::reader(&searcher.location) {
                Ok(store) => Some(store),
                Err(why) => {
                    // Said, and answered with no hits: the reader must not wait for ever.
                    let _ = answer.send(Action::Report(format!("Could not search: {why}"), true));
                    let _ = answer.send(Action::Found(number, Vec::new()));
                    continue;
                }
            };
        }
        let Some(store) = &connected else { continue };
        let cancelled = || latest.load(Ordering::Relaxed) != number;
        if let Some(found) = search(store, &searcher, number, &input, &cancelled)
            && answer.send(found).is_err()
        {
            return;
        }
    }
}

impl Jobs {
    /// Starts a check of `b` (a copy of it: the library may change meanwhile).
    pub fn check(&self, b: Briefing, folder: std::path::PathBuf, request: u64) {
        let done = self.done.clone();
        // A check that panics only loses its answer: the briefing shows without marks.
        std::thread::spawn(move || done.send(check(&b, &folder, request)));
    }

    /// Runs `work` on a thread of its own; its answer comes with the others.
    pub fn spawn(&self, work: impl FnOnce() -> Action + Send + 'static) {
        let done = self.done.clone();
        std::thread::spawn(move || done.send(work()));
    }

    /// Starts the search numbered, stopping any older one.
    pub fn search(&self, number: u64, input: String, searcher: crate::live::Searcher) {
        self.latest.store(number, Ordering::Relaxed);
        let _ = self.searches.send(Asked(number, input, searcher));
    }

    /// Whether an answer is awaited: a search, or a check of the briefing on screen.
    pub fn running(&self, app: &crate::tui::App) -> bool {
        app.search.as_ref().is_some_and(|s| s.pending.is_some())
            || app.checked.values().any(|c| matches!(c, crate::tui::app::Checked::Pending(_)))
    }

    /// The answers that have come in.
    pub fn finished(&self) -> Vec<Action> {
        self.answers.try_iter().collect()
    }
}
