//! The words of a file as the store indexes them, and the files a query's words may be in.
//!
//! A search term matches a field when a word of the field contains it (ranked higher when it
//! is the whole word), so the store keeps every distinct folded word of a file, and a term's
//! candidate files are those holding a word that contains each of its words. That is a
//! superset of the files the query matches: the matcher then decides, on those files alone.

use std::collections::{BTreeSet, HashSet};

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::search::fold::{fold, tokens};
use crate::search::matcher::Folded;
use crate::search::query::Query;

/// The distinct folded words of a file: of every searchable field when it loaded (`folded`), of its whole
/// text when it did not (so a search that may match it still names its error). One string,
/// each word followed by [`WORD_END`]: a briefing's few hundred words, one allocation.
pub fn of_file(folded: Option<&Folded>, bytes: &[u8]) -> String {
    // Deduplicated as borrowed words through a hash set (sorting every word of a file was a
    // tenth of a first build), sized for a briefing's few hundred so it is not rehashed as it
    // grows, and hashed without a random seed so a store is built the same way each time.
    let distinct = |text: &str, any: bool| {
        let mut seen: hashbrown::HashSet<&str, foldhash::fast::FixedState> =
            hashbrown::HashSet::with_capacity_and_hasher(1024, foldhash::fast::FixedState::default());
        seen.extend(tokens(text));
        if any {
            seen.insert(ANY);
        }
        let mut words = String::with_capacity(seen.iter().map(|w| w.len() + 1).sum());
        for word in seen {
            words.push_str(word);
            words.push(WORD_END);
        }
        words
    };
    match folded {
        Some(folded) => distinct(&folded.blob, false),
        // Escapes or line-ending backslashes may spell words its raw text does not show, as the
        // scan knows: such a file is a candidate for every query.
        None => distinct(&fold(&String::from_utf8_lossy(bytes)), crate::search::scan::hides_words(bytes)),
    }
}

/// The word of files every query must look at; no folded word holds its character.
const ANY: &str = "\u{1}";

/// What ends each word [`of_file`] gives; no word holds it.
pub const WORD_END: char = '\0';

/// A list of ids as the store keeps it: sorted, four bytes each, little-endian. A word's files
/// and a file's words are each one value, so a first build writes a row per file and per word
/// instead of a row per (word, file) — millions of them.
pub fn encode(ids: &[u32]) -> Vec<u8> {
    ids.iter().flat_map(|id| id.to_le_bytes()).collect()
}

pub fn decode(blob: &[u8]) -> impl Iterator<Item = u32> + '_ {
    blob.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

impl Store {
    /// The files that may hold a match for `q`, by number, ascending: every file when any may (a
    /// query of filters or exclusions alone).
    pub fn candidate_files(&self, q: &Query) -> rusqlite::Result<Vec<u32>> {
        let words: BTreeSet<&str> = q.terms.iter().flat_map(|t| tokens(&t.text)).collect();
        if words.is_empty() {
            return self.all_files();
        }
        let conn = self.reads();
        let mut files: Option<HashSet<u32>> = None;
        // Every word of every term must be in the file, inside some word of it. A word's files
        // are its list and the lists added to it since.
        let mut containing = conn.prepare_cached("SELECT id, files FROM words WHERE instr(word, ?1) > 0")?;
        let mut exactly = conn.prepare_cached("SELECT id, files FROM words WHERE word = ?1")?;
        let mut adds = conn.prepare_cached("SELECT files FROM word_adds WHERE word = ?1")?;
        let mut files_of = |words: &mut rusqlite::CachedStatement, word: &str, into: &mut HashSet<u32>| -> rusqlite::Result<()> {
            let lists: Vec<(u32, Vec<u8>)> =
                words.query_map(params![word], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
            for (id, blob) in lists {
                into.extend(decode(&blob));
                for blob in adds.query_map(params![id], |r| r.get::<_, Vec<u8>>(0))? {
                    into.extend(decode(&blob?));
                }
            }
            Ok(())
        };
        for word in words {
            let mut here: HashSet<u32> = HashSet::new();
            files_of(&mut containing, word, &mut here)?;
            files = Some(match files {
                None => here,
                Some(before) => before.intersection(&here).copied().collect(),
            });
            if files.as_ref().is_some_and(HashSet::is_empty) {
                break;
            }
        }
        let mut ids: HashSet<u32> = files.unwrap_or_default();
        files_of(&mut exactly, ANY, &mut ids)?;
        drop((containing, exactly));
        let mut ids: Vec<u32> = ids.into_iter().collect();
        ids.sort_unstable();
        Ok(ids)
    }

    /// Files by number, each with its path and the briefing kept of it.
    pub fn kept(&self, ids: &[u32]) -> rusqlite::Result<Vec<Candidate>> {
        let mut stmt = self
            .reads()
            .prepare_cached("SELECT f.path, b.json FROM files f LEFT JOIN bodies b ON b.file = f.id AND f.loaded WHERE f.id = ?1")?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(c) = stmt.query_row(params![id], |r| Ok(Candidate { rel: r.get(0)?, body: r.get(1)? })).optional()? {
                out.push(c);
            }
        }
        Ok(out)
    }

    /// `each` of the files by number: its path below the folder, and the briefing as search
    /// sees it ([`crate::search::folded::Folded::encode`]) when it loaded. Both are lent
    /// straight from the store's pages: a thousand candidates are not copied first.
    pub fn each_searchable<T>(&self, ids: &[u32], mut each: impl FnMut(&[u8], Option<&[u8]>) -> T) -> rusqlite::Result<Vec<T>> {
        let mut stmt = self
            .reads()
            .prepare_cached("SELECT f.path, s.folded FROM files f LEFT JOIN searchable s ON s.file = f.id AND f.loaded WHERE f.id = ?1")?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let mut rows = stmt.query(params![id])?;
            if let Some(row) = rows.next()? {
                let rel = row.get_ref(0)?.as_bytes()?;
                let folded = row.get_ref(1)?.as_bytes_or_null()?;
                out.push(each(rel, folded));
            }
        }
        Ok(out)
    }

    /// Every file's number, ascending.
    pub fn all_files(&self) -> rusqlite::Result<Vec<u32>> {
        self.reads().prepare_cached("SELECT id FROM files ORDER BY id")?.query_map([], |r| r.get(0))?.collect()
    }

    /// Every word with the files (by path below the folder) whose lists hold it: what the
    /// index says, for a test to compare a store kept up to date with one built anew.
    #[doc(hidden)]
    pub fn word_files(&self) -> rusqlite::Result<std::collections::BTreeMap<String, BTreeSet<Vec<u8>>>> {
        let conn = self.reads();
        let paths: std::collections::HashMap<u32, Vec<u8>> =
            conn.prepare("SELECT id, path FROM files")?.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        let mut out = std::collections::BTreeMap::new();
        let lists = "SELECT w.word, w.files FROM words w UNION ALL SELECT w.word, a.files FROM word_adds a JOIN words w ON w.id = a.word";
        for row in conn.prepare(lists)?.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Vec<u8>>(1)?)))? {
            let (word, files) = row?;
            let files = decode(&files).map(|id| paths.get(&id).cloned().unwrap_or_else(|| b"<no such file>".to_vec()));
            out.entry(word).or_insert_with(BTreeSet::new).extend(files);
        }
        out.retain(|_, files: &mut BTreeSet<Vec<u8>>| !files.is_empty());
        Ok(out)
    }
}

/// A file that may match: its path below the folder, and the briefing it holds as JSON when it
/// loaded (one that did not is parsed again, so its error is named).
#[derive(Debug)]
pub struct Candidate {
    pub rel: Vec<u8>,
    pub body: Option<String>,
}
