//! An index of the loaded library, so a query typed in the reader answers per keystroke: each
//! briefing folded once, and every word pointing at the fields (briefing, field) that hold it.
//!
//! A term that is one word is answered from the words alone: a field matches when one of its
//! words contains the term, as a whole word when one equals it — no text is scanned. Phrases and
//! terms with punctuation take their candidate fields from their longest word, then are checked
//! in those fields' text.

use std::collections::HashMap;

use memchr::memmem;
use rayon::prelude::*;

use crate::library::Library;
use crate::search::fold::{is_whole_word, tokens};
use crate::search::matcher::{Folded, Hit, Masks, Prepared, aggregate, match_prepared};
use crate::search::query::{Query, Term};

/// A field of the library: briefing position in the high half, field number in the low half.
type Posting = u64;

fn pack(briefing: usize, field: usize) -> Posting {
    ((briefing as u64) << 32) | field as u64
}

fn briefing_of(p: Posting) -> usize {
    (p >> 32) as usize
}

fn field_of(p: Posting) -> usize {
    (p & 0xffff_ffff) as usize
}

pub struct Index {
    /// Parallel to `Library::briefings`.
    folded: Vec<Folded<'static>>,
    /// Every word, sorted, with the fields that contain it, in ascending order.
    words: Vec<(String, Vec<Posting>)>,
}

/// Where a term matches: fields in ascending order, each with whether it is a whole word there.
type Found = Vec<(Posting, bool)>;

impl Index {
    pub fn build(library: &Library) -> Index {
        let folded: Vec<Folded<'static>> = library.briefings().par_iter().map(Folded::new).collect();
        // Straight into the postings, briefing by briefing so each list ascends; collecting
        // every (word, field) pair first would hold the whole library's words at once.
        let mut postings: HashMap<&str, Vec<Posting>> = HashMap::new();
        let mut words: Vec<&str> = Vec::new();
        for (briefing, f) in folded.iter().enumerate() {
            for (field, span) in f.spans.iter().enumerate() {
                words.clear();
                words.extend(tokens(&f.blob[span.range.clone()]));
                words.sort_unstable();
                words.dedup();
                for &word in &words {
                    postings.entry(word).or_default().push(pack(briefing, field));
                }
            }
        }
        let mut words: Vec<(String, Vec<Posting>)> = postings.into_iter().map(|(w, p)| (w.to_string(), p)).collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Index { folded, words }
    }

    /// The fields where `term` occurs.
    fn find(&self, term: &Term) -> Found {
        let words: Vec<&str> = tokens(&term.text).collect();
        let key = term.key();
        if key.is_empty() {
            return self.scan(term, 0..self.folded.len());
        }
        let simple = words.len() == 1 && words[0] == term.text;
        let finder = memmem::Finder::new(key.as_bytes());
        let mut found: Found = Vec::new();
        for (word, postings) in &self.words {
            if word.len() >= key.len() && finder.find(word.as_bytes()).is_some() {
                let whole = simple && *word == term.text;
                found.extend(postings.iter().map(|&p| (p, whole)));
            }
        }
        found.sort_unstable_by_key(|&(p, whole)| (p, !whole));
        found.dedup_by_key(|(p, _)| *p);
        if simple {
            return found;
        }
        // A phrase or a term with punctuation: its longest word only says where to look.
        let needle = memmem::Finder::new(term.text.as_bytes());
        found
            .into_iter()
            .filter_map(|(p, _)| {
                let f = &self.folded[briefing_of(p)];
                let range = f.spans[field_of(p)].range.clone();
                let mut whole = None;
                for at in needle.find_iter(f.blob[range.clone()].as_bytes()) {
                    let start = range.start + at;
                    let w = is_whole_word(&f.blob, start, start + term.text.len());
                    whole = Some(whole.unwrap_or(false) || w);
                }
                whole.map(|w| (p, w))
            })
            .collect()
    }

    /// A term with no letters or digits (`%`): every field's text is searched.
    fn scan(&self, term: &Term, briefings: std::ops::Range<usize>) -> Found {
        let needle = memmem::Finder::new(term.text.as_bytes());
        let mut found = Found::new();
        for b in briefings {
            let f = &self.folded[b];
            for (field, span) in f.spans.iter().enumerate() {
                let mut whole = None;
                for at in needle.find_iter(f.blob[span.range.clone()].as_bytes()) {
                    let start = span.range.start + at;
                    whole = Some(whole.unwrap_or(false) || is_whole_word(&f.blob, start, start + term.text.len()));
                }
                if let Some(w) = whole {
                    found.push((pack(b, field), w));
                }
            }
        }
        found
    }

    /// Every hit of the query in the library, ranked.
    pub fn search(&self, library: &Library, q: &Query) -> Vec<Hit> {
        let briefings = library.briefings();
        let mut hits: Vec<Hit> = if q.terms.is_empty() {
            // Filters alone: every briefing is a candidate.
            let prepared = Prepared::new(q);
            (0..self.folded.len().min(briefings.len()))
                .into_par_iter()
                .flat_map_iter(|i| match_prepared(&self.folded[i], &prepared))
                .collect()
        } else {
            let terms: Vec<Found> = q.terms.iter().map(|t| self.find(t)).collect();
            let excluded: Vec<Found> = q.excluded.iter().map(|t| self.find(t)).collect();
            // Briefings where every term occurs somewhere, from the rarest term's fields.
            let rarest = terms.iter().min_by_key(|f| f.len()).expect("a query with terms");
            let mut candidates: Vec<usize> = rarest.iter().map(|&(p, _)| briefing_of(p)).collect();
            candidates.dedup();
            candidates.retain(|&b| b < briefings.len() && terms.iter().all(|f| !of_briefing(f, b).is_empty()));
            candidates
                .into_par_iter()
                .flat_map_iter(|b| {
                    let folded = &self.folded[b];
                    let mut masks = Masks::new(folded.spans.len());
                    for (t, found) in terms.iter().enumerate() {
                        for &(p, whole) in of_briefing(found, b) {
                            masks.set(field_of(p), t, whole);
                        }
                    }
                    for found in &excluded {
                        for &(p, _) in of_briefing(found, b) {
                            masks.excluded[field_of(p)] = true;
                        }
                    }
                    aggregate(folded, q, &masks)
                })
                .collect()
        };
        // Hits come in library order (newest first, then by id) and file order, which is the
        // ranking's own tie-break, so a stable sort on the rest gives the full ranking without
        // comparing ids.
        hits.sort_by_key(|h| (std::cmp::Reverse(h.weight), std::cmp::Reverse(h.whole), std::cmp::Reverse(h.date)));
        hits
    }
}

/// The entries of one briefing in a list sorted by field.
fn of_briefing(found: &Found, briefing: usize) -> &[(Posting, bool)] {
    let start = found.partition_point(|&(p, _)| p < pack(briefing, 0));
    let end = found.partition_point(|&(p, _)| p < pack(briefing + 1, 0));
    &found[start..end]
}
