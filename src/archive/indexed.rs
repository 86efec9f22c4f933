//! A briefing's saved copies read once and indexed for its checks: the sources naming each
//! copy, each copy's blocks and places, which copies hold each term's key, and the runs of
//! words of every copy.

use std::collections::{HashMap, HashSet};

use super::article::Article;
use super::findings::{COPIED_RUN, ordinal};
use super::terms::{Term, Text};

/// Every copy read, in the order of their sources' ids, with which of them could hold each
/// term: a term is looked for only in the copies holding its key ([`Term::key`]), where every
/// term missing from a claim's places was looked for in every copy, and each remembered there.
pub(super) struct Reads<'a> {
    pub(super) sources: &'a Sources<'a>,
    /// Each copy read, by its place in [`Sources::articles`].
    reads: Vec<Read<'a>>,
    /// The copies holding each key, by place, in order.
    holders: HashMap<String, Vec<u32>>,
}

impl<'a> Reads<'a> {
    pub(super) fn new(sources: &'a Sources<'a>) -> Reads<'a> {
        let reads: Vec<Read> = sources.articles.iter().map(|a| Read::new(a)).collect();
        let mut holders: HashMap<String, Vec<u32>> = HashMap::new();
        for (n, r) in reads.iter().enumerate() {
            let keys: HashSet<String> = r.blocks.iter().flat_map(Text::keys).collect();
            for key in keys {
                holders.entry(key).or_default().push(n as u32);
            }
        }
        Reads { sources, reads, holders }
    }

    pub(super) fn of(&self, source: u32) -> &Read<'a> {
        &self.reads[self.sources.copy_of[source as usize] as usize]
    }

    /// The sources whose copy could hold every term (by place among the ids, in order); all of
    /// them when no term has a key.
    pub(super) fn could_hold(&self, terms: &[Term]) -> Vec<u32> {
        let mut copies: Option<Vec<u32>> = None;
        for key in terms.iter().filter_map(Term::key) {
            let holding = self.holders.get(&key).map_or(&[][..], Vec::as_slice);
            copies = Some(match copies {
                None => holding.to_vec(),
                Some(so_far) => so_far.into_iter().filter(|n| holding.binary_search(n).is_ok()).collect(),
            });
        }
        match copies {
            None => (0..self.sources.ids.len() as u32).collect(),
            Some(copies) => self.sources.naming(&copies),
        }
    }
}

/// The sources with a saved copy, by id in order, and the copies themselves, each once however
/// many sources name it: forty sources naming one copy of a megabyte were forty copies to read.
pub(super) struct Sources<'a> {
    pub(super) ids: Vec<&'a str>,
    /// For each source, its copy's place in `articles`.
    pub(super) copy_of: Vec<u32>,
    /// For each copy, the sources naming it (places among the ids, in order).
    named_by: Vec<Vec<u32>>,
    pub(super) articles: Vec<&'a Article>,
}

impl<'a> Sources<'a> {
    pub(super) fn of(copies: &'a crate::archive::Copies) -> Sources<'a> {
        let mut ids: Vec<&str> = copies.keys().map(String::as_str).collect();
        ids.sort();
        let mut place: HashMap<*const Article, u32> = HashMap::new();
        let (mut copy_of, mut named_by, mut articles) = (Vec::new(), Vec::<Vec<u32>>::new(), Vec::new());
        for (n, id) in ids.iter().enumerate() {
            let article: &Article = &copies[*id];
            let at = *place.entry(article as *const Article).or_insert_with(|| {
                articles.push(article);
                named_by.push(Vec::new());
                articles.len() as u32 - 1
            });
            named_by[at as usize].push(n as u32);
            copy_of.push(at);
        }
        Sources { ids, copy_of, named_by, articles }
    }

    /// The place of a source among the ids, if it has a copy.
    pub(super) fn place(&self, id: &str) -> Option<u32> {
        self.ids.binary_search(&id).ok().map(|n| n as u32)
    }

    /// The copy a source names, by its place in `articles`.
    pub(super) fn copy(&self, id: &str) -> Option<u32> {
        self.place(id).map(|n| self.copy_of[n as usize])
    }

    /// The sources naming any of `copies`, in order.
    pub(super) fn naming(&self, copies: &[u32]) -> Vec<u32> {
        let mut out: Vec<u32> = copies.iter().flat_map(|&c| self.named_by[c as usize].iter().copied()).collect();
        out.sort_unstable();
        out
    }
}

/// A saved copy read once: each block's text, and each place a citation could name.
pub(super) struct Read<'a> {
    article: &'a Article,
    blocks: Vec<Text>,
    pub(super) places: Vec<(String, Text)>,
    /// The first paragraph holding a term, as a place would name it, once looked for: claims
    /// share their names, and a copy may hold a hundred thousand paragraphs.
    first: std::cell::RefCell<HashMap<Term, Option<String>>>,
}

impl<'a> Read<'a> {
    fn new(article: &'a Article) -> Read<'a> {
        Read {
            article,
            blocks: article.blocks.iter().map(|b| Text::new(&b.text)).collect(),
            places: places(article).into_iter().map(|(place, text)| (place, Text::new(&text))).collect(),
            first: Default::default(),
        }
    }

    /// Where the first paragraph holding `term` stands: under its heading, or by its number.
    pub(super) fn first_holding(&self, term: &Term) -> Option<String> {
        if let Some(known) = self.first.borrow().get(term) {
            return known.clone();
        }
        let mut number = 0;
        let mut heading: Option<&str> = None;
        let mut found = None;
        for (block, text) in self.article.blocks.iter().zip(&self.blocks) {
            match block.role {
                super::Role::Heading => heading = Some(&block.text),
                super::Role::Paragraph => {
                    number += 1;
                    if text.holds(term) {
                        found = Some(match heading {
                            Some(h) => format!("under “{}”", crate::text::short(h, 80)),
                            None => format!("in the {} paragraph", ordinal(number)),
                        });
                        break;
                    }
                }
                _ => {}
            }
        }
        self.first.borrow_mut().insert(term.clone(), found.clone());
        found
    }
}

/// Every place of an article as a citation would name it, with its text: each paragraph by
/// number, and each section by its heading.
fn places(article: &Article) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut section: Option<(String, String)> = None;
    let mut number = 0;
    for block in &article.blocks {
        match block.role {
            super::Role::Heading => {
                out.extend(section.take());
                section = Some((format!("under “{}”", crate::text::short(&block.text, 80)), block.text.clone()));
            }
            super::Role::Paragraph => {
                number += 1;
                out.push((format!("{} paragraph", ordinal(number)), block.text.clone()));
                if let Some((_, text)) = &mut section {
                    text.push('\n');
                    text.push_str(&block.text);
                }
            }
            _ => {}
        }
    }
    out.extend(section);
    out
}

/// A run of words kept as its hash: a saved copy of megabytes has millions of runs, and
/// keeping each as ten strings would take gigabytes. A collision of 64-bit hashes is too rare
/// to matter, and a reported run is shown in the claim's own words. Each word is hashed once
/// (FNV-1a), and a run's key mixes its ten words' keys in order.
fn run_key(run: &[u64]) -> u64 {
    run.iter().fold(0xcbf2_9ce4_8422_2325, |h, w| (h ^ w).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(29))
}

/// The runs of a copy. Their keys are hashes already, so the set uses them as they are
/// instead of hashing them again.
type Runs = HashSet<u64, std::hash::BuildHasherDefault<AsIs>>;

#[derive(Default)]
struct AsIs(u64);

impl std::hash::Hasher for AsIs {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed here; other input is folded in all the same.
        self.0 ^= crate::text::stable_hash(bytes);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Words as the copied-words rule counts them: lower case, with `%`, `$`, `.`, `'` and `-`
/// kept inside a word.
pub(super) fn run_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '%' | '$' | '.' | '\'' | '’' | '-')))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '\'' | '’' | '-')).to_lowercase().replace('’', "'"))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Every run of words of every copy, with the copies holding it (by their place among the
/// sources' ids, sorted): a claim's runs are each looked up once, not once for every copy.
pub(super) struct CopiedRuns<'a> {
    pub(super) sources: &'a Sources<'a>,
    /// Each run, with the copies holding it (places in [`Sources::articles`], in order).
    holders: HashMap<u64, Vec<u32>, std::hash::BuildHasherDefault<AsIs>>,
}

impl<'a> CopiedRuns<'a> {
    pub(super) fn of(sources: &'a Sources<'a>) -> CopiedRuns<'a> {
        let mut holders: HashMap<u64, Vec<u32>, std::hash::BuildHasherDefault<AsIs>> = HashMap::default();
        for (n, article) in sources.articles.iter().enumerate() {
            let body: Vec<u64> =
                article.paragraphs().flat_map(|p| run_words(&p.text)).map(|w| crate::text::stable_hash(w.as_bytes())).collect();
            let runs: Runs = body.windows(COPIED_RUN).map(run_key).collect();
            for run in runs {
                holders.entry(run).or_default().push(n as u32);
            }
        }
        CopiedRuns { sources, holders }
    }

    /// The copies holding a run of words, given as the words' hashes (places in
    /// [`Sources::articles`], in order).
    pub(super) fn holding(&self, run: &[u64]) -> &[u32] {
        self.holders.get(&run_key(run)).map_or(&[][..], Vec::as_slice)
    }
}
