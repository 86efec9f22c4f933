//! An index of the loaded library, so a query typed in the reader answers per keystroke: each
//! briefing folded once, and every word pointing at the briefings that hold it.

use std::collections::HashMap;

use memchr::memmem;
use rayon::prelude::*;

use crate::library::Library;
use crate::search::fold::tokens;
use crate::search::matcher::{Folded, Hit, Prepared, match_prepared, rank};
use crate::search::query::Query;

pub struct Index {
    /// Parallel to `Library::briefings`.
    folded: Vec<Folded>,
    /// Every word, sorted, with the briefings (positions in the library) that contain it.
    words: Vec<(String, Vec<u32>)>,
}

impl Index {
    pub fn build(library: &Library) -> Index {
        let folded: Vec<Folded> = library.briefings().par_iter().map(Folded::new).collect();
        let mut postings: HashMap<&str, Vec<u32>> = HashMap::new();
        for (i, f) in folded.iter().enumerate() {
            let mut seen: Vec<&str> = tokens(&f.blob).collect();
            seen.sort_unstable();
            seen.dedup();
            for word in seen {
                postings.entry(word).or_default().push(i as u32);
            }
        }
        let mut words: Vec<(String, Vec<u32>)> = postings.into_iter().map(|(w, p)| (w.to_string(), p)).collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Index { folded, words }
    }

    /// The briefings that may hold every term: each term's longest word must occur inside some
    /// word of the briefing. A superset; the matcher decides.
    fn candidates(&self, q: &Query) -> Vec<usize> {
        let n = self.folded.len();
        let mut keep = vec![true; n];
        for term in &q.terms {
            let key = term.key();
            if key.is_empty() {
                continue;
            }
            let finder = memmem::Finder::new(key.as_bytes());
            let mut found = vec![false; n];
            for (word, briefings) in &self.words {
                if word.len() >= key.len() && finder.find(word.as_bytes()).is_some() {
                    for &b in briefings {
                        found[b as usize] = true;
                    }
                }
            }
            keep.iter_mut().zip(found).for_each(|(k, f)| *k &= f);
        }
        keep.iter().enumerate().filter(|(_, k)| **k).map(|(i, _)| i).collect()
    }

    /// Every hit of the query in the library, ranked.
    pub fn search(&self, library: &Library, q: &Query) -> Vec<Hit> {
        let briefings = library.briefings();
        let prepared = Prepared::new(q);
        let mut hits: Vec<Hit> = self
            .candidates(q)
            .into_par_iter()
            .filter(|&i| i < briefings.len())
            .flat_map_iter(|i| match_prepared(&briefings[i], &self.folded[i], &prepared))
            .collect();
        rank(&mut hits);
        hits
    }
}
