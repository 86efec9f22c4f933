//! Searching the library as the list shows it, on any thread with a connection of its own to
//! the store: the candidates the word index names, read a batch at a time and let go once
//! matched, and the last good versions the list shows.

use std::collections::HashSet;
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::library::Library;
use crate::model::Briefing;
use crate::search::matcher::{Folded, Prepared, match_prepared, rank};
use crate::search::{Hit, Query};
use crate::store::Store;

/// Candidates of a search read from the store at once.
const BATCH: usize = 256;

/// A search of the library as it was when asked for, on any thread.
pub struct Searcher {
    pub location: crate::store::Location,
    pub(super) root: PathBuf,
    /// Files that loaded but are not in the list, their id being another's.
    pub(super) hidden: Arc<HashSet<PathBuf>>,
    /// Last good versions of files that fail now, searched as shown.
    pub(super) stale: Vec<Briefing>,
}

impl Searcher {
    /// The briefings that may match `q` as the list shows them (not a file whose id another
    /// has; a file that fails in its last good version); None when `cancelled` says so midway.
    /// Candidates are read a batch at a time.
    pub fn matching(&self, store: &Store, q: &Query, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Library> {
        // One snapshot of the store for the whole search: another `brief` writing meanwhile
        // cannot take a file out of one list before it is in the next.
        let _snapshot = store.reads().unchecked_transaction().ok();
        let mut found = Vec::new();
        for batch in self.candidates(store, q).chunks(BATCH) {
            if cancelled() {
                return None;
            }
            let kept = store.kept(batch).map_err(warn).unwrap_or_default();
            found.par_extend(kept.into_par_iter().filter_map(|c| {
                let path = self.root.join(std::ffi::OsStr::from_bytes(&c.rel));
                if self.hidden.contains(&path) {
                    return None;
                }
                let mut b = serde_json::from_str::<Briefing>(c.body.as_deref()?).ok()?;
                b.path = path;
                b.finish();
                Some(b)
            }));
        }
        found.extend(self.stale.iter().cloned());
        Some(Library::new(found))
    }

    /// Every hit of `q`, ranked; None when cancelled.
    pub fn search(&self, store: &Store, q: &Query, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Vec<Hit>> {
        let prepared = Prepared::new(q);
        // One snapshot of the store for the whole search, as above.
        let _snapshot = store.reads().unchecked_transaction().ok();
        let ids = self.candidates(store, q);
        let mut hits: Vec<Hit> = Vec::new();
        // Each briefing as search sees it, matched as it is read: nothing parsed or copied.
        for batch in ids.chunks(BATCH) {
            if cancelled() {
                return None;
            }
            let found = store.each_searchable(batch, |rel, folded| {
                // No path is made for each candidate when no file is hidden, as is usual.
                let shown = self.hidden.is_empty() || !self.hidden.contains(&self.root.join(std::ffi::OsStr::from_bytes(rel)));
                let folded = folded.filter(|_| shown).and_then(Folded::decode);
                folded.map(|f| match_prepared(&f, &prepared)).unwrap_or_default()
            });
            hits.extend(found.map_err(warn).unwrap_or_default().into_iter().flatten());
        }
        for b in &self.stale {
            hits.extend(match_prepared(&Folded::new(b), &prepared));
        }
        rank(&mut hits);
        (!cancelled()).then_some(hits)
    }

    /// The files the store names as candidates for `q`, by number.
    fn candidates(&self, store: &Store, q: &Query) -> Vec<u32> {
        store.candidate_files(q).map_err(warn).unwrap_or_default()
    }
}

/// A read of the store that failed midway: the search goes on with what it has.
fn warn(why: rusqlite::Error) {
    tracing::warn!("searching the store: {why}");
}
