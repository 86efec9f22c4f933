//! The library of a folder as the reader sees it, kept up to date file by file: the list of
//! briefings in memory (a light row each), every briefing itself in the store until it is
//! opened, and the files that fail with their diagnostics. A file that turns invalid keeps its
//! last good version readable while its new diagnostics are reported.
//!
//! Nothing here grows with the library but the rows: a briefing is read from the store when
//! something asks for it, and the few asked for are kept until the next change.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use elsa::FrozenMap;

use crate::diag::Diagnostic;
use crate::library::{FileReport, Library};
use crate::load::{self, ParsedFile};
use crate::model::{Briefing, Kind};
use crate::search::{Hit, Query};
use crate::store::Store;

mod ids;
mod searcher;
use crate::store::list::{Appearance, Row};
pub use searcher::Searcher;

/// Briefings kept once read, before the next change or [`Live::trim`] lets them go.
const KEPT: usize = 64;

/// The most appearances of an official read at once.
pub const NEWEST: usize = 64;

/// Where an official appears: the newest briefings, and how many in all.
#[derive(Debug, Default)]
pub struct Appearing {
    pub newest: Vec<Appearance>,
    pub total: usize,
}

/// The library of a folder, kept up to date file by file.
pub struct Live {
    root: PathBuf,
    store: Store,
    /// What the library list shows, newest first (ties by id).
    rows: Vec<Row>,
    by_id: ids::Ids,
    /// Files that loaded but are not in the list, their id being another's: few, unlike the
    /// files that are. Shared with searches running off the loop.
    hidden: Arc<HashSet<PathBuf>>,
    /// Titles more than one briefing has: the list tells those briefings apart by id.
    shared_titles: HashSet<String>,
    /// Files whose latest version fails, in path order, with its diagnostics.
    failures: Vec<FileReport>,
    /// The last version that loaded of a file that fails now, kept only while it fails.
    stale: BTreeMap<PathBuf, Box<Briefing>>,
    /// Briefings read from the store since the last change, by id: drawing asks for them
    /// through `&self`, and each is read once.
    opened: FrozenMap<String, Box<Briefing>>,
    /// Where officials appear, by official, asked for as [`Live::opened`] is: the detail of an
    /// official is drawn on every frame, and one may appear in thousands of briefings.
    appearing: FrozenMap<String, Box<Appearing>>,
    /// Whether the list has been read once.
    listed: bool,
    /// The store's data version when the list was read: another process's writes change it.
    seen_version: i64,
    /// Whether the last pass found folders or files it could not read: the next lists again,
    /// so what was fixed meanwhile is seen.
    had_problems: bool,
}

/// Changed paths, sorted for a reload by [`Live::sort_changes`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Changes {
    /// Briefing files to read again.
    read: Vec<PathBuf>,
    /// Files and folders that are gone.
    gone: Vec<PathBuf>,
    /// Paths found but not readable (a folder without permission), as diagnostics.
    unreadable: Vec<Diagnostic>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.read.is_empty() && self.gone.is_empty() && self.unreadable.is_empty()
    }
}

/// What a reload changed, for the status line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// Files that were read again and load, with something changed.
    pub reloaded: Vec<PathBuf>,
    /// Files that were read again and say what they said before (an editor quit unsaved).
    pub unchanged: Vec<PathBuf>,
    /// Files that were read again and now fail (their last good version is kept, if any).
    pub failed: Vec<PathBuf>,
    /// Files that are gone.
    pub removed: Vec<PathBuf>,
}

impl Live {
    /// The library of `root` from its files alone, through a store in memory: the cache folder
    /// is not touched (`--no-cache`, and tests).
    pub fn load(root: &Path) -> Live {
        Live::load_telling(root, false, &|_, _| {})
    }

    /// The library of `root` through its store in the cache folder when `cached` (one that
    /// cannot be used gives way to a store in memory), calling `told(read, to_read)` as files
    /// are read, for a progress bar on a first build.
    pub fn load_telling(root: &Path, cached: bool, told: &(dyn Fn(usize, usize) + Sync)) -> Live {
        let store = if cached { Store::open(root).map_err(|why| tracing::warn!("the store is not used: {why}")).ok() } else { None };
        Live::load_through(root, store, told)
    }

    /// The library of `root` through its store under the cache folder `cache` (tests name
    /// one of their own rather than change the environment).
    pub fn load_in(root: &Path, cache: &Path) -> Live {
        let store = Store::open_in(cache, root).map_err(|why| tracing::warn!("the store is not used: {why}")).ok();
        Live::load_through(root, store, &|_, _| {})
    }

    fn load_through(root: &Path, store: Option<Store>, told: &(dyn Fn(usize, usize) + Sync)) -> Live {
        let started = std::time::Instant::now();
        let store = store.unwrap_or_else(|| memory(root));
        let mut live = Live {
            root: root.to_path_buf(),
            store,
            rows: Vec::new(),
            by_id: ids::Ids::default(),
            hidden: Arc::default(),
            shared_titles: HashSet::new(),
            failures: Vec::new(),
            stale: BTreeMap::new(),
            opened: FrozenMap::new(),
            appearing: FrozenMap::new(),
            listed: false,
            seen_version: 0,
            had_problems: false,
        };
        live.refresh_telling(told);
        tracing::info!(
            briefings = live.rows.len(),
            failed = live.failures.len(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "library of {} opened from {}",
            root.display(),
            live.store.path().display()
        );
        live
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The rows of the library list, newest first.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Whether another briefing has the same title.
    pub fn title_shared(&self, title: &str) -> bool {
        self.shared_titles.contains(title)
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The position of a briefing in [`Live::rows`].
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(&self.rows, id)
    }

    /// A briefing by id: its last good version while its file fails, otherwise read from the
    /// store the first time it is asked for.
    pub fn get(&self, id: &str) -> Option<&Briefing> {
        if let Some(b) = self.opened.get(id) {
            return Some(b);
        }
        let row = &self.rows[self.by_id.get(&self.rows, id)?];
        if let Some(b) = self.stale.get(&row.path) {
            return Some(b);
        }
        let b = self.store.body(&self.root, &row.path).map_err(|why| tracing::warn!("cannot read `{id}` from the store: {why}")).ok()??;
        Some(self.opened.insert(id.to_string(), Box::new(b)))
    }

    /// The briefing at a row of the list.
    pub fn at(&self, position: usize) -> Option<&Briefing> {
        self.get(&self.rows.get(position)?.id)
    }

    /// Lets go of the briefings read so far once there are many (a long walk through search
    /// results), so memory stays flat; what is on screen is read again when next drawn.
    pub fn trim(&mut self) {
        if self.opened.len() > KEPT {
            self.opened.as_mut().clear();
        }
        if self.appearing.len() > KEPT {
            self.appearing.as_mut().clear();
        }
    }

    /// The newest briefings of the library that list the official (at most [`NEWEST`]), and
    /// how many list it in all: one official may be in tens of thousands.
    pub fn appearances(&self, official: &str) -> &Appearing {
        if let Some(found) = self.appearing.get(official) {
            return found;
        }
        let warn = |why| tracing::warn!("appearances of `{official}`: {why}");
        let newest = self.store.appearances(&self.root, official, Some(NEWEST)).map_err(warn).unwrap_or_default();
        let mut total = self.store.appearance_count(official).map_err(warn).unwrap_or(newest.len());
        // A file whose id another file already has is not in the library.
        for path in self.hidden.iter() {
            if self.store.appears_in(&self.root, official, path).map_err(warn).unwrap_or(false) {
                total = total.saturating_sub(1);
            }
        }
        let mut newest: Vec<Appearance> = newest.into_iter().filter(|a| !self.hidden.contains(&a.path)).collect();
        // A briefing shown in its last good version is in the library too; the store holds
        // nothing of it now.
        for (path, b) in self.shown_stale() {
            if let Some(index) = b.officials.iter().position(|o| o.id == official) {
                let item = crate::model::ItemRef { kind: Kind::Official, index };
                newest.push(Appearance { briefing: b.id.clone(), path: path.clone(), item, label: b.label(item) });
                total += 1;
            }
        }
        let date = |a: &Appearance| self.by_id.get(&self.rows, &a.briefing).map(|i| self.rows[i].date.clone()).unwrap_or_default();
        newest.sort_by_cached_key(|a| (std::cmp::Reverse(date(a)), a.briefing.clone()));
        newest.truncate(NEWEST);
        self.appearing.insert(official.to_string(), Box::new(Appearing { newest, total }))
    }

    /// Every file with an error in its latest version, with those diagnostics (and its
    /// warnings), in path order. A file listed here may still be readable in its last good
    /// version.
    pub fn failures(&self) -> &[FileReport] {
        &self.failures
    }

    pub fn failure_count(&self) -> usize {
        self.failures.len()
    }

    /// Whether a file's latest version failed while an older one is still shown.
    pub fn is_stale(&self, path: &Path) -> bool {
        self.stale.contains_key(path)
    }

    /// Files refused because an earlier file took their briefing id: the views leave their rows
    /// out.
    fn refused(&self) -> Vec<Vec<u8>> {
        crate::store::list::refused(&self.failures, &self.root)
    }

    /// The commitments of the library `filter` keeps, in `sort`'s order (`store::board`).
    pub fn pick_commitments(
        &self,
        filter: &crate::across::tracker::Filter,
        today: crate::date::Date,
        sort: crate::across::tracker::Sort,
    ) -> crate::store::board::Picked {
        let refused = self.refused();
        self.store.pick_commitments(filter, today, sort, &refused).map_err(|why| tracing::warn!("the tracker: {why}")).unwrap_or_default()
    }

    /// The events of the library `filter` keeps, by date, with how many fall in each month.
    pub fn pick_events(&self, filter: &crate::across::timeline::Filter) -> crate::store::board::Picked {
        let refused = self.refused();
        self.store.pick_events(filter, &refused).map_err(|why| tracing::warn!("the timeline: {why}")).unwrap_or_default()
    }

    /// Every briefing that lists the official, oldest first, with who they are there.
    pub fn appeared(&self, official: &str) -> Vec<crate::store::board::Appeared> {
        let refused = self.refused();
        self.store.appeared(official, &refused).map_err(|why| tracing::warn!("an official's page: {why}")).unwrap_or_default()
    }

    /// Every reaction of the library, newest briefing first (`store::board`).
    pub fn pick_reactions(&self) -> crate::store::board::Picked {
        let refused = self.refused();
        self.store.pick_reactions(&refused).map_err(|why| tracing::warn!("the reactions: {why}")).unwrap_or_default()
    }

    /// A page of the ids of a view picked whole (`store::board`); none when the store cannot
    /// read it.
    pub fn view_page(&self, order: crate::store::board::Order, page: usize, total: usize) -> Vec<i64> {
        self.store.page(order, page, total).map_err(|why| tracing::warn!("a view's page: {why}")).unwrap_or_default()
    }

    /// The rows of a view by id, as picked; none when the store cannot read them.
    pub fn view_rows<T: serde::de::DeserializeOwned + crate::across::Placed>(&self, ids: &[i64]) -> Vec<(i64, T)> {
        self.store.rows_by_id(ids).map_err(|why| tracing::warn!("a view's rows: {why}")).unwrap_or_default()
    }

    /// The briefings that may match `q`, as a library of their own: the store names the files
    /// that hold its words, and only those are read.
    pub fn matching(&self, q: &Query) -> Library {
        self.searcher().matching(&self.store, q, &|| false).unwrap_or_default()
    }

    /// Every hit of `q` in the library, ranked.
    pub fn search(&self, q: &Query) -> Vec<Hit> {
        self.searcher().search(&self.store, q, &|| false).unwrap_or_default()
    }

    /// What a search needs of the library, to run on another thread with a connection of its
    /// own to the store.
    pub fn searcher(&self) -> Searcher {
        Searcher {
            location: self.store.location().clone(),
            root: self.root.clone(),
            hidden: self.hidden.clone(),
            stale: self.shown_stale().map(|(_, b)| b.clone()).collect(),
        }
    }

    /// The last good versions the list shows (one whose id another file has now is not).
    fn shown_stale(&self) -> impl Iterator<Item = (&PathBuf, &Briefing)> {
        self.stale
            .iter()
            .filter(|(path, b)| self.by_id.get(&self.rows, &b.id).is_some_and(|i| self.rows[i].path == **path))
            .map(|(p, b)| (p, &**b))
    }

    /// Brings the library up to date with its folder.
    pub fn refresh(&mut self) {
        self.refresh_telling(&|_, _| {});
    }

    fn refresh_telling(&mut self, told: &(dyn Fn(usize, usize) + Sync)) {
        let started = std::time::Instant::now();
        if self.listed {
            // A pass that finds nothing changed (the one after the watch starts, say) keeps the
            // list as it is: listing a large library anew would hold two lists at once.
            let fresh = match self.store.refresh_telling(&self.root, told) {
                Ok(fresh) => fresh,
                Err(why) => return self.fall_back(&why, told),
            };
            let unchanged = fresh.read == 0 && fresh.removed == 0 && fresh.unreadable.is_empty() && fresh.problems.is_empty();
            // Another `brief` may have brought the store up to date first: then this pass finds
            // nothing, but the list has changed all the same.
            if unchanged && !self.had_problems && self.store.data_version() == self.seen_version {
                return;
            }
            let listing =
                self.store.listing(&self.root, &fresh).map_err(|why| tracing::warn!("listing the store: {why}")).unwrap_or_default();
            self.keep_last_good(&listing);
            (self.rows, self.by_id) = Default::default();
            self.take(&fresh, listing);
        } else {
            match self.store.refresh_and_list(&self.root, told) {
                Ok((fresh, listing)) => self.take(&fresh, listing),
                Err(why) => return self.fall_back(&why, told),
            }
        }
        tracing::debug!(elapsed_ms = started.elapsed().as_millis() as u64, "store refreshed and listed");
    }

    /// Takes in what a pass found and the list it gave.
    fn take(&mut self, fresh: &crate::store::fresh::Fresh, listing: crate::store::list::Listing) {
        self.had_problems = !fresh.unreadable.is_empty() || !fresh.problems.is_empty();
        self.listed = true;
        self.relist(listing);
    }

    /// Files the list showed that fail now keep the version shown, as the store kept it (the
    /// store keeps the last version that loaded; whichever pass read the file first, this
    /// reader's or another `brief`'s).
    fn keep_last_good(&mut self, listing: &crate::store::list::Listing) {
        let failing: HashSet<&Path> = listing.failed.iter().map(|f| f.path.as_path()).collect();
        let shown: Vec<PathBuf> = self
            .rows
            .iter()
            .filter(|r| failing.contains(r.path.as_path()) && !self.stale.contains_key(&r.path))
            .map(|r| r.path.clone())
            .collect();
        for path in shown {
            match self.store.body(&self.root, &path) {
                Ok(Some(b)) => {
                    self.stale.insert(path, Box::new(b));
                }
                Ok(None) => {}
                Err(why) => tracing::warn!("the last good version of {}: {why}", path.display()),
            }
        }
    }

    /// A store that fails now (a full disk, a file removed under it) gives way to one in
    /// memory: the files answer the same.
    fn fall_back(&mut self, why: &rusqlite::Error, told: &(dyn Fn(usize, usize) + Sync)) {
        tracing::warn!("the store failed, reading the files into memory: {why}");
        self.store = memory(&self.root);
        let (fresh, listing) = self.store.refresh_and_list(&self.root, told).unwrap_or_default();
        self.take(&fresh, listing);
    }

    /// The rows and failures anew from the store, with the last good versions of files that
    /// fail now.
    fn relist(&mut self, listing: crate::store::list::Listing) {
        self.failures = listing.failed;
        // A last good version is kept only while its file fails.
        let failing: HashSet<&Path> = self.failures.iter().map(|f| f.path.as_path()).collect();
        self.stale.retain(|path, _| failing.contains(path.as_path()));
        let mut rows = listing.rows;
        for b in self.stale.values() {
            if !rows.iter().any(|r| r.id == b.id) {
                rows.push(Row::of(b));
            }
        }
        rows.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
        self.by_id = ids::Ids::of(&rows);
        let duplicate = |f: &&FileReport| f.diagnostics.iter().any(|d| d.code == crate::diag::Code::DuplicateBriefing);
        self.hidden = Arc::new(self.failures.iter().filter(duplicate).map(|f| f.path.clone()).collect());
        let mut seen = HashSet::new();
        self.shared_titles = rows.iter().filter(|r| !seen.insert(r.title.as_str())).map(|r| r.title.clone()).collect();
        self.rows = rows;
        self.seen_version = self.store.data_version();
        self.opened.as_mut().clear();
        self.appearing.as_mut().clear();
    }

    /// Every path the library knows: its briefings' files and the files that fail.
    fn known(&self) -> impl Iterator<Item = &PathBuf> {
        self.rows.iter().map(|r| &r.path).chain(self.failures.iter().map(|f| &f.path))
    }

    /// Sorts paths reported as changed into briefing files to read again, paths that are gone,
    /// and paths that cannot be read. A folder stands for what is below it, so a renamed or
    /// deleted folder takes its files along; paths that hold no briefing are dropped.
    fn sort_changes(&self, paths: Vec<PathBuf>) -> Changes {
        let mut c = Changes::default();
        for path in paths {
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    let (now, problems) = load::discover(std::slice::from_ref(&path));
                    let stays = |f: &PathBuf| now.contains(f) || problems.iter().any(|p| &p.file == f);
                    c.gone.extend(self.known().filter(|f| f.starts_with(&path) && !stays(f)).cloned());
                    c.read.extend(now);
                    c.unreadable.extend(problems);
                }
                Ok(_) if path.extension().is_some_and(|e| e == "toml") => c.read.push(path),
                Ok(_) => {}
                // A link to nowhere named like a briefing is a briefing that cannot be read.
                Err(_) if path.symlink_metadata().is_ok() && path.extension().is_some_and(|e| e == "toml") => c.read.push(path),
                Err(_) => c.gone.extend(self.known().filter(|f| f.starts_with(&path)).cloned()),
            }
        }
        c.read.sort();
        c.read.dedup();
        c.gone.sort();
        c.gone.dedup();
        c
    }

    /// Reads what changed: the new parses (paths that cannot be read among them, as failures)
    /// and the paths that are gone, for [`Live::apply`]; `None` when nothing that matters
    /// changed.
    pub fn reread(&self, paths: Vec<PathBuf>) -> Option<(Vec<ParsedFile>, Vec<PathBuf>)> {
        let changes = self.sort_changes(paths);
        if changes.is_empty() {
            return None;
        }
        let mut parsed = load::read_files(&changes.read);
        parsed.extend(changes.unreadable.into_iter().map(load::unreadable));
        Some((parsed, changes.gone))
    }

    /// Takes in new parses of changed files and the paths that disappeared: a file that now
    /// fails keeps the version shown until now, and the store is brought up to date with the
    /// folder (which reads whatever else changed too).
    pub fn apply(&mut self, parsed: Vec<ParsedFile>, removed: Vec<PathBuf>) -> Change {
        let started = std::time::Instant::now();
        let mut change = Change::default();
        // Borrowed: a library of 100,000 files would copy as many paths for every save.
        let known: HashSet<&Path> = self.known().map(PathBuf::as_path).collect();
        change.removed = removed.into_iter().filter(|path| known.contains(path.as_path())).collect();
        drop(known);
        for p in &parsed {
            if let Some((b, _)) = &p.loaded {
                let before = (!self.stale.contains_key(&p.path))
                    .then(|| self.rows.iter().find(|r| r.path == p.path))
                    .flatten()
                    .and_then(|r| self.get(&r.id));
                if before == Some(b) { &mut change.unchanged } else { &mut change.reloaded }.push(p.path.clone());
                self.stale.remove(&p.path);
                continue;
            }
            change.failed.push(p.path.clone());
            if !self.stale.contains_key(&p.path)
                && let Some(b) = self.rows.iter().find(|r| r.path == p.path).and_then(|r| self.get(&r.id))
            {
                let b = Box::new(b.clone());
                self.stale.insert(p.path.clone(), b);
            }
        }
        let kept = started.elapsed();
        self.refresh();
        tracing::info!(
            reloaded = change.reloaded.len(),
            failed = change.failed.len(),
            removed = change.removed.len(),
            kept_us = kept.as_micros() as u64,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "library brought up to date"
        );
        change
    }
}

/// A store in memory; making one fails only when memory does.
fn memory(root: &Path) -> Store {
    Store::in_memory(root).unwrap_or_else(|why| panic!("cannot make a store in memory: {why}"))
}

#[cfg(test)]
mod tests;
