//! Keeping the store true to the folder: every file is compared with its row (size, times,
//! inode), and what changed, appeared or went is read again — in parallel — and written in one
//! transaction. Results are never stale: a row written in the same timestamp tick as its file's
//! last change is "racy" (an edit of the same size within that tick would leave the times as
//! they were, as git's index knows), so its file is hashed again until the tick has passed.

use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

// hashbrown's maps hash with foldhash: the first build looks up every word of every file.
use hashbrown::{HashMap, HashSet};
use rayon::prelude::*;
use rusqlite::{OptionalExtension, params};

use super::walk::{Stat, path_order, walk};
use super::{Store, words};
use crate::diag::Diagnostic;
use crate::load;
use crate::search::folded::Folded;

/// Files read and written per transaction. Each slice is read while the one before it is
/// written; the first read and the last write have nothing beside them, so smaller slices left
/// a core idle more often (256: 3.35 s, 512: 3.00 s, 1,024: 2.86 s at 10,000, peak 92 MB;
/// 2,048 was no faster and held 150 MB).
const SLICE: usize = 1024;

/// A row of `appearances`, in its columns' order: official, date, briefing, file, path, item,
/// label, who (name, role and side as postcard bytes).
type AppearanceRow = (String, String, String, u32, Vec<u8>, i64, String, Vec<u8>);

/// Up to this many files to write, their words are looked up one by one.
const FEW: usize = 32;

/// A word with more lists added than this is made one list again by the next small pass.
const MAX_ADDS: i64 = 32;

/// The coarsest timestamp tick a file system may have (FAT's is two seconds).
const TICK_NS: i64 = 2_000_000_000;

/// A file's row in the catalog.
struct Row {
    id: i64,
    stat: Stat,
    hash: i64,
    seen_ns: i64,
}

/// What a freshness pass did.
#[derive(Debug, Default)]
pub struct Fresh {
    /// Files read again: new, changed, or racy and found changed.
    pub read: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Of the unchanged, those whose bytes were read and hashed again to be sure (racy rows).
    pub rehashed: usize,
    /// Folders that could not be read and links to nowhere: named to the user.
    pub problems: Vec<Diagnostic>,
    /// Files that could not be read, by path below the folder, in path order.
    pub unreadable: Vec<(Vec<u8>, Diagnostic)>,
}

/// Whether a row was written within a timestamp tick of its file's last change (of content or
/// of inode: a rename into place counts): an edit of the same size in that tick could leave
/// the times as they were, so the bytes are hashed again. A time in the future is no tick of
/// the row's, and does not make it racy for ever.
fn racy(stat: &Stat, seen_ns: i64) -> bool {
    [stat.mtime_ns, stat.ctime_ns].iter().any(|t| (seen_ns - t).abs() <= TICK_NS)
}

fn now_ns() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as i64)
}

/// A file to read again: its path below the folder (as the store keys it) and as opened, and
/// its row if it had one.
struct Todo<'r> {
    rel: Vec<u8>,
    path: PathBuf,
    row: Option<&'r Row>,
}

/// A file read for the store: its row and its words.
struct Read {
    rel: Vec<u8>,
    stat: Stat,
    hash: i64,
    loaded: bool,
    /// Its distinct words, each ended by [`words::WORD_END`].
    words: String,
    /// What the library list shows of it, when it loaded.
    listed: Option<super::list::Listed>,
    /// Its diagnostics as JSON, when it has any.
    diagnostics: Option<String>,
    /// The briefing as loaded, as JSON, and as search sees it ([`Folded::encode`]).
    body: Option<(String, Vec<u8>)>,
    /// Its officials: id, place among them, label, and who they are there (name, role, side).
    officials: Vec<(String, i64, String, Vec<u8>)>,
    /// Its rows of the views across the library.
    views: Vec<super::views::Written>,
}

impl Store {
    /// Brings the store up to date with `dir`.
    pub fn refresh(&mut self, dir: &Path) -> rusqlite::Result<Fresh> {
        self.refresh_telling(dir, &|_, _| {})
    }

    /// [`Store::refresh`], calling `told(read, to_read)` as files are read (for a progress bar
    /// on a first build).
    pub fn refresh_telling(&mut self, dir: &Path, told: &(dyn Fn(usize, usize) + Sync)) -> rusqlite::Result<Fresh> {
        self.refresh_reading(dir, told, |_| Ok(())).map(|(fresh, _)| fresh)
    }

    /// [`Store::refresh_telling`], then the library list: read while the folder is walked, and
    /// kept when the pass finds nothing to write — the reader's start does not wait for the
    /// walk and the list one after the other.
    pub fn refresh_and_list(
        &mut self,
        dir: &Path,
        told: &(dyn Fn(usize, usize) + Sync),
    ) -> rusqlite::Result<(Fresh, super::list::Listing)> {
        let (fresh, early) = self.refresh_reading(dir, told, |store| store.rows_in_order(dir))?;
        let listing = match early {
            Some(rows) => self.listing_from(rows, dir, &fresh)?,
            None => self.listing(dir, &fresh)?,
        };
        Ok((fresh, listing))
    }

    /// The pass, with `early` read from the store while the folder is walked; what it read is
    /// given back only when the pass wrote nothing, so it is still true.
    pub fn refresh_reading<T>(
        &mut self,
        dir: &Path,
        told: &(dyn Fn(usize, usize) + Sync),
        early: impl FnOnce(&Store) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<(Fresh, Option<T>)> {
        // The folder is walked while the catalog is read: each is a third of a pass that
        // finds nothing changed.
        let (walked, catalog, early) = std::thread::scope(|s| {
            let walking = s.spawn(|| walk(dir));
            // The catalog and the early read in one snapshot: another `brief` committing
            // between them would leave the early read newer than the catalog it is checked by.
            let snapshot = self.reads().unchecked_transaction();
            let catalog = self.catalog();
            let early = early(self);
            drop(snapshot);
            (walking.join(), catalog, early)
        });
        let (files, problems) = walked.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let catalog = catalog?;
        // An early read that failed is not the pass's failure: it is asked again afterwards.
        let early = early.map_err(|why| tracing::warn!("reading the store while walking: {why}")).ok();
        let started = now_ns();
        // Which files need reading: new, changed, or racy.
        // Both lists are sorted by path, so they are walked side by side: no hashing of ten
        // thousand paths.
        let mut unchanged = Vec::new();
        let mut todo: Vec<Todo> = Vec::new();
        let mut gone: Vec<i64> = Vec::new();
        let mut rows = catalog.iter().peekable();
        for (rel, stat) in &files {
            while let Some((_, row)) = rows.next_if(|(path, _)| path_order(path, rel).is_lt()) {
                gone.push(row.id);
            }
            match rows.next_if(|(path, _)| path == rel).map(|(_, row)| row) {
                Some(row) if row.stat == *stat && !racy(stat, row.seen_ns) => unchanged.push(row.id),
                row => todo.push(Todo { rel: rel.clone(), path: dir.join(std::ffi::OsStr::from_bytes(rel)), row }),
            }
        }
        gone.extend(rows.map(|(_, row)| row.id));
        let mut fresh = Fresh { removed: gone.len(), unchanged: unchanged.len(), problems, ..Fresh::default() };
        let early = early.filter(|_| todo.is_empty() && gone.is_empty());
        // Read and written a slice at a time, each slice in one transaction: a first build of
        // a large library never holds more than a slice of parsed files.
        let mut gone = Some(gone);
        let mut vocabulary = None;
        let done = std::sync::atomic::AtomicUsize::new(0);
        let read_slice = |slice: &[Todo]| -> Vec<Result<Option<Read>, Box<Diagnostic>>> {
            slice
                .par_iter()
                .map(|t| {
                    let one = read_one(t);
                    told(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, todo.len());
                    one
                })
                .collect()
        };
        // While one slice is written, the next is read: writing is one thread's work.
        let slices: Vec<&[Todo]> = todo.chunks(SLICE).collect();
        let mut next = slices.first().map(|slice| read_slice(slice));
        for (k, slice) in slices.iter().enumerate() {
            let read = next.take().unwrap_or_default();
            let gone_now = gone.take().unwrap_or_default();
            let (written, upcoming) = rayon::join(
                || self.write(slice, read, gone_now, started, &mut fresh, &mut vocabulary),
                || slices.get(k + 1).map(|slice| read_slice(slice)),
            );
            written?;
            next = upcoming;
        }
        if let Some(gone) = gone.filter(|g| !g.is_empty()) {
            self.write(&[], Vec::new(), gone, started, &mut fresh, &mut vocabulary)?;
        }
        Ok((fresh, early))
    }

    /// Writes one slice of files read, and the files gone, in one transaction.
    fn write(
        &mut self,
        todo: &[Todo],
        read: Vec<Result<Option<Read>, Box<Diagnostic>>>,
        gone: Vec<i64>,
        started: i64,
        fresh: &mut Fresh,
        vocabulary: &mut Option<HashMap<String, u32>>,
    ) -> rusqlite::Result<()> {
        let tx = self.conn().transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        {
            // Files gone leave the file lists of every word they had; a file read again leaves
            // those of the words it no longer has and joins those of its new words — an edit
            // touches a few lists, not the hundreds of its every word. The lists touched are
            // written back once, at the end.
            let mut lists: HashSet<u32> = HashSet::new();
            let mut leaving: HashSet<u32> = HashSet::new();
            let mut dropped: HashMap<u32, Vec<u32>> = HashMap::new();
            let mut added: HashMap<u32, Vec<u32>> = HashMap::new();
            let mut had: HashMap<u32, Vec<u32>> = HashMap::new();
            let again = todo.iter().zip(&read).filter(|(_, r)| matches!(r, Ok(Some(_)))).filter_map(|(t, _)| t.row.map(|r| r.id));
            {
                let mut words_of = tx.prepare_cached("SELECT words FROM file_words WHERE file = ?1")?;
                for id in gone.iter().copied() {
                    let blob: Vec<u8> = words_of.query_row(params![id], |r| r.get(0)).unwrap_or_default();
                    lists.extend(words::decode(&blob));
                    leaving.insert(id as u32);
                }
                for id in again {
                    let blob: Vec<u8> = words_of.query_row(params![id], |r| r.get(0)).unwrap_or_default();
                    had.insert(id as u32, words::decode(&blob).collect());
                }
            }
            // Officials' counts: what each file that leaves or changes took away, what each
            // file read gave; written once, at the end.
            let mut counts: HashMap<String, i64> = HashMap::new();
            let mut officials_of = tx.prepare_cached("SELECT official FROM appearances WHERE file = ?1")?;
            // The same for the views' counts (`views::bucket`).
            let mut buckets: HashMap<(i64, String), i64> = HashMap::new();
            let mut views_of = tx.prepare_cached("SELECT view, status, key, unit FROM views WHERE file = ?1")?;
            let mut leave =
                |file: i64, counts: &mut HashMap<String, i64>, buckets: &mut HashMap<(i64, String), i64>| -> rusqlite::Result<()> {
                    for official in officials_of.query_map(params![file], |r| r.get::<_, String>(0))? {
                        *counts.entry(official?).or_default() -= 1;
                    }
                    let mut rows = views_of.query(params![file])?;
                    while let Some(r) = rows.next()? {
                        let view: i64 = r.get(0)?;
                        let bucket = super::views::bucket(view, r.get(1)?, r.get_ref(2)?.as_str()?, r.get_ref(3)?.as_str_or_null()?);
                        *buckets.entry((view, bucket)).or_default() -= 1;
                    }
                    Ok(())
                };
            let mut delete = tx.prepare_cached("DELETE FROM files WHERE id = ?1")?;
            for id in &gone {
                leave(*id, &mut counts, &mut buckets)?;
                delete.execute(params![id])?;
            }
            // Many files to write: every word's id at once, read one time per pass. A few (a
            // saved file): each word looked up, not a hundred thousand read.
            if vocabulary.is_none() && todo.len() > FEW {
                let mut known = HashMap::new();
                let mut all = tx.prepare("SELECT word, id FROM words")?;
                for pair in all.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))? {
                    let (word, id) = pair?;
                    known.insert(word, id);
                }
                *vocabulary = Some(known);
            }
            let mut look_up = tx.prepare_cached("SELECT id FROM words WHERE word = ?1")?;
            let mut stamp = tx.prepare_cached("UPDATE files SET seen_ns = ?2 WHERE path = ?1")?;
            let mut replace = tx.prepare_cached(
                "INSERT INTO files (path, size, mtime_ns, ctime_ns, inode, device, hash, seen_ns, loaded) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
                 ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, \
                 ctime_ns = excluded.ctime_ns, inode = excluded.inode, device = excluded.device, hash = excluded.hash, \
                 seen_ns = excluded.seen_ns, loaded = excluded.loaded RETURNING id",
            )?;
            let mut keep_words = tx.prepare_cached(
                "INSERT INTO file_words (file, words) VALUES (?1, ?2) ON CONFLICT(file) DO UPDATE SET words = excluded.words",
            )?;
            let mut list = tx.prepare_cached(
                "INSERT INTO briefings (file, id, date, title, counts, id_line, id_column, fingerprint) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
                 ON CONFLICT(file) DO UPDATE SET id = excluded.id, date = excluded.date, title = excluded.title, \
                 counts = excluded.counts, id_line = excluded.id_line, id_column = excluded.id_column, \
                 fingerprint = excluded.fingerprint",
            )?;
            let mut unlist = tx.prepare_cached("DELETE FROM briefings WHERE file = ?1")?;
            let mut tell = tx.prepare_cached(
                "INSERT INTO diagnostics (file, json) VALUES (?1, ?2) ON CONFLICT(file) DO UPDATE SET json = excluded.json",
            )?;
            let mut untell = tx.prepare_cached("DELETE FROM diagnostics WHERE file = ?1")?;
            let mut unappear = tx.prepare_cached("DELETE FROM appearances WHERE file = ?1")?;
            let mut unview = tx.prepare_cached("DELETE FROM views WHERE file = ?1")?;
            let mut view = tx.prepare_cached(
                "INSERT INTO views (view, file, item, key, day, briefing, status, due, party, tags, figure, unit, row) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            let mut appear = tx.prepare_cached(
                "INSERT INTO appearances (official, date, briefing, file, path, item, label, who) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            // Written once the slice is read, in the table's order: one official's rows then go
            // into neighbouring places, not each to a page of its own.
            let mut appearing: Vec<AppearanceRow> = Vec::new();
            // The same for the views' rows: a slice's rows of one view go in by key.
            let mut viewing: Vec<(super::views::Written, u32)> = Vec::new();
            let mut keep_body =
                tx.prepare_cached("INSERT INTO bodies (file, json) VALUES (?1, ?2) ON CONFLICT(file) DO UPDATE SET json = excluded.json")?;
            let mut keep_folded = tx.prepare_cached(
                "INSERT INTO searchable (file, folded) VALUES (?1, ?2) ON CONFLICT(file) DO UPDATE SET folded = excluded.folded",
            )?;
            // A word this pass has not seen may be in the store all the same: the vocabulary is
            // read once a pass, and another `brief` may have written the word since.
            let mut new_word = tx.prepare_cached(
                "INSERT INTO words (word, files) VALUES (?1, x'') ON CONFLICT(word) DO UPDATE SET word = excluded.word RETURNING id",
            )?;
            for (t, result) in todo.iter().zip(read) {
                match result {
                    Err(problem) => {
                        // Unreadable now: forgotten, so it is read again once it can be, and
                        // out of its words' lists like a file that is gone.
                        // The row as it is now, inside the transaction: what is taken off the
                        // counts is what the delete removes, whatever another process wrote
                        // since the catalog was read.
                        let row: Option<i64> =
                            tx.query_row("SELECT id FROM files WHERE path = ?1", params![t.rel], |r| r.get(0)).optional()?;
                        if let Some(id) = row {
                            let blob: Vec<u8> = tx
                                .query_row("SELECT words FROM file_words WHERE file = ?1", params![id], |r| r.get(0))
                                .optional()?
                                .unwrap_or_default();
                            lists.extend(words::decode(&blob));
                            leaving.insert(id as u32);
                            leave(id, &mut counts, &mut buckets)?;
                            tx.execute("DELETE FROM files WHERE id = ?1", params![id])?;
                        }
                        fresh.unreadable.push((t.rel.clone(), *problem));
                    }
                    Ok(None) => {
                        stamp.execute(params![t.rel, started])?;
                        fresh.unchanged += 1;
                        fresh.rehashed += 1;
                    }
                    Ok(Some(r)) => {
                        let mut ids = Vec::with_capacity(r.words.len() / 4);
                        for w in r.words.split_terminator(words::WORD_END) {
                            let known = match vocabulary {
                                Some(known) => known.get(w).copied(),
                                None => look_up.query_row(params![w], |row| row.get(0)).optional()?,
                            };
                            let id = match known {
                                Some(id) => id,
                                None => {
                                    let id: u32 = new_word.query_row(params![w], |row| row.get(0))?;
                                    lists.insert(id);
                                    if let Some(known) = vocabulary.as_mut() {
                                        known.insert(w.to_string(), id);
                                    }
                                    id
                                }
                            };
                            ids.push(id);
                        }
                        ids.sort_unstable();
                        let s = r.stat;
                        let file: u32 = replace.query_row(
                            params![r.rel, s.size, s.mtime_ns, s.ctime_ns, s.inode, s.device, r.hash, started, r.loaded],
                            |row| row.get(0),
                        )?;
                        keep_words.execute(params![file, words::encode(&ids)])?;
                        match &r.listed {
                            Some(l) => {
                                list.execute(params![file, l.id, l.date, l.title, l.counts, l.id_line, l.id_column, l.fingerprint])?
                            }
                            None => unlist.execute(params![file])?,
                        };
                        match r.body {
                            Some((json, folded)) => keep_body.execute(params![file, json])? + keep_folded.execute(params![file, folded])?,
                            // The last version that loaded stays (unsearched: the file's row
                            // says it does not load), for a reader that showed it to go on
                            // showing it while the file is broken.
                            None => 0,
                        };
                        match r.diagnostics {
                            Some(json) => tell.execute(params![file, json])?,
                            None => untell.execute(params![file])?,
                        };
                        leave(i64::from(file), &mut counts, &mut buckets)?;
                        unappear.execute(params![file])?;
                        // A file that fails gives no rows: views show what `brief list` lists.
                        unview.execute(params![file])?;
                        if r.listed.is_some() {
                            for w in &r.views {
                                *buckets.entry((w.view, super::views::bucket(w.view, w.status, &w.key, w.unit.as_deref()))).or_default() +=
                                    1;
                            }
                            viewing.extend(r.views.into_iter().map(|w| (w, file)));
                        }
                        if let Some(l) = &r.listed {
                            for (official, item, label, who) in r.officials {
                                *counts.entry(official.clone()).or_default() += 1;
                                appearing.push((official, l.date.clone(), l.id.clone(), file, r.rel.clone(), item, label, who));
                            }
                        }
                        // Both sorted: the words it left, and those it came to.
                        let before = had.remove(&file).unwrap_or_default();
                        let (mut i, mut j) = (0, 0);
                        while i < before.len() || j < ids.len() {
                            match (before.get(i), ids.get(j)) {
                                (Some(b), Some(n)) if b == n => (i, j) = (i + 1, j + 1),
                                (Some(b), Some(n)) if b < n => {
                                    dropped.entry(*b).or_default().push(file);
                                    i += 1;
                                }
                                (Some(b), None) => {
                                    dropped.entry(*b).or_default().push(file);
                                    i += 1;
                                }
                                (_, Some(n)) => {
                                    added.entry(*n).or_default().push(file);
                                    j += 1;
                                }
                                (None, None) => break,
                            }
                        }
                        fresh.read += 1;
                    }
                }
            }
            viewing.sort_unstable_by(|a, b| (a.0.view, &a.0.key).cmp(&(b.0.view, &b.0.key)));
            for (w, file) in viewing {
                view.execute(params![
                    w.view, file, w.item, w.key, w.day, w.briefing, w.status, w.due, w.party, w.tags, w.figure, w.unit, w.row
                ])?;
            }
            appearing.sort_unstable();
            for (official, date, id, file, rel, item, label, who) in appearing {
                appear.execute(params![official, date, id, file, rel, item, label, who])?;
            }
            // A word's files are its list and the lists added to it since, one a pass: a pass
            // adds a list of the files that came to a word instead of rewriting the word's whole
            // list — rewriting every common word's list for every slice made a first build of
            // 100,000 files take 80 s. Files that left a word are taken out of the lists that
            // hold them, first, so a gone file's number reused by a new file is not.
            let mut removing: Vec<u32> = lists.iter().chain(dropped.keys()).copied().collect();
            removing.sort_unstable();
            removing.dedup();
            let mut files_of = tx.prepare_cached("SELECT files FROM words WHERE id = ?1")?;
            let mut write = tx.prepare_cached("UPDATE words SET files = ?2 WHERE id = ?1")?;
            let mut adds_of = tx.prepare_cached("SELECT rowid, files FROM word_adds WHERE word = ?1")?;
            let mut rewrite_add = tx.prepare_cached("UPDATE word_adds SET files = ?2 WHERE rowid = ?1")?;
            let mut drop_add = tx.prepare_cached("DELETE FROM word_adds WHERE rowid = ?1")?;
            for id in removing {
                let left = dropped.remove(&id).unwrap_or_default();
                let stays = |f: &u32| !leaving.contains(f) && !left.contains(f);
                let blob = files_of.query_row(params![id], |r| r.get::<_, Vec<u8>>(0)).optional()?.unwrap_or_default();
                let list: Vec<u32> = words::decode(&blob).collect();
                if !list.iter().all(stays) {
                    let kept: Vec<u32> = list.into_iter().filter(stays).collect();
                    write.execute(params![id, words::encode(&kept)])?;
                }
                let adds: Vec<(i64, Vec<u8>)> =
                    adds_of.query_map(params![id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
                for (row, blob) in adds {
                    let list: Vec<u32> = words::decode(&blob).collect();
                    if list.iter().all(stays) {
                        continue;
                    }
                    let kept: Vec<u32> = list.into_iter().filter(stays).collect();
                    if kept.is_empty() {
                        drop_add.execute(params![row])?;
                    } else {
                        rewrite_add.execute(params![row, words::encode(&kept)])?;
                    }
                }
            }
            let mut count = tx.prepare_cached(
                "INSERT INTO official_counts (official, n) VALUES (?1, ?2) ON CONFLICT(official) DO UPDATE SET n = n + excluded.n",
            )?;
            for (official, delta) in counts.into_iter().filter(|(_, d)| *d != 0) {
                count.execute(params![official, delta])?;
            }
            let mut count_view = tx.prepare_cached(
                "INSERT INTO view_counts (view, bucket, n) VALUES (?1, ?2, ?3) ON CONFLICT(view, bucket) DO UPDATE SET n = n + excluded.n",
            )?;
            for ((view, bucket), delta) in buckets.into_iter().filter(|(_, d)| *d != 0) {
                count_view.execute(params![view, bucket, delta])?;
            }
            let mut add = tx.prepare_cached("INSERT INTO word_adds (word, files) VALUES (?1, ?2)")?;
            let mut count_adds = tx.prepare_cached("SELECT count(*) FROM word_adds WHERE word = ?1")?;
            let mut clear_adds = tx.prepare_cached("DELETE FROM word_adds WHERE word = ?1")?;
            let small = todo.len() <= FEW;
            for (id, mut came) in added {
                came.sort_unstable();
                came.dedup();
                add.execute(params![id, words::encode(&came)])?;
                // Saves one by one add a list each: a word with many is made one list again
                // (a large pass leaves that to the saves after it).
                if small && count_adds.query_row(params![id], |r| r.get::<_, i64>(0))? > MAX_ADDS {
                    let mut list: Vec<u32> =
                        words::decode(&files_of.query_row(params![id], |r| r.get::<_, Vec<u8>>(0)).optional()?.unwrap_or_default())
                            .collect();
                    for pair in adds_of.query_map(params![id], |r| r.get::<_, Vec<u8>>(1))? {
                        list.extend(words::decode(&pair?));
                    }
                    list.sort_unstable();
                    list.dedup();
                    write.execute(params![id, words::encode(&list)])?;
                    clear_adds.execute(params![id])?;
                }
            }
        }
        tx.commit()
    }

    /// Every row of the catalog, in path order (see [`path_order`]).
    fn catalog(&self) -> rusqlite::Result<Vec<(Vec<u8>, Row)>> {
        let mut stmt = self.reads().prepare_cached("SELECT path, id, size, mtime_ns, ctime_ns, inode, device, hash, seen_ns FROM files")?;
        let rows = stmt.query_map([], |r| {
            let stat = Stat { size: r.get(2)?, mtime_ns: r.get(3)?, ctime_ns: r.get(4)?, inode: r.get(5)?, device: r.get(6)? };
            Ok((r.get::<_, Vec<u8>>(0)?, Row { id: r.get(1)?, stat, hash: r.get(7)?, seen_ns: r.get(8)? }))
        })?;
        let mut rows: Vec<(Vec<u8>, Row)> = rows.collect::<rusqlite::Result<_>>()?;
        rows.sort_unstable_by(|a, b| path_order(&a.0, &b.0));
        Ok(rows)
    }
}

/// Reads one file for the store: None when a racy row's bytes turn out the same.
fn read_one(t: &Todo) -> Result<Option<Read>, Box<Diagnostic>> {
    let (path, row) = (t.path.as_path(), t.row);
    // The metadata of the file read, not of the path looked up again: a file replaced by a
    // rename meanwhile would pair one file's times with another's words, for good.
    let (bytes, meta) = load::read_with_metadata(path).map_err(|why| Box::new(load::io_diagnostic(path, why.message(""), why.help)))?;
    let hash = crate::text::stable_hash(&bytes) as i64;
    let stat = Stat::of(&meta);
    // A racy row whose bytes are the same needs no parse, only a fresh stamp.
    if row.is_some_and(|r| r.hash == hash && r.stat == stat) {
        return Ok(None);
    }
    let parsed = load::parse_file(path, &bytes);
    let folded = parsed.loaded.as_ref().map(|(b, _)| Folded::new(b));
    let words = words::of_file(folded.as_ref(), &bytes);
    let listed = parsed.loaded.as_ref().map(|(b, facts)| super::list::Listed::of(b, &facts.id_anchor));
    let diagnostics = (!parsed.diagnostics.is_empty()).then(|| super::list::diagnostics_json(&parsed.diagnostics));
    let body = parsed.loaded.as_ref().zip(folded).and_then(|((b, _), f)| Some((serde_json::to_string(b).ok()?, f.encode())));
    let officials = match &parsed.loaded {
        Some((b, _)) => b
            .officials
            .iter()
            .enumerate()
            .map(|(index, o)| {
                let label = b.label(crate::model::ItemRef { kind: crate::model::Kind::Official, index });
                let who = postcard::to_stdvec(&(&o.name, &o.role, &o.side)).unwrap_or_default();
                (o.id.clone(), index as i64, label, who)
            })
            .collect(),
        None => Vec::new(),
    };
    let views = match &parsed.loaded {
        // The file is named by the catalog when the rows are read.
        Some((b, _)) => super::views::written(&crate::across::rows_of(b, "")),
        None => Vec::new(),
    };
    Ok(Some(Read { rel: t.rel.clone(), stat, hash, loaded: parsed.loaded.is_some(), words, listed, diagnostics, body, officials, views }))
}
