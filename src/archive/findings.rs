//! What checking a briefing against saved copies of its sources finds: places that are not
//! there, and figures or names of a claim that no place it cites holds. Terminal-free; the
//! command and the reader show the findings.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::indexed::{CopiedRuns, Reads, Sources, run_words};
use super::place::{Missing, Place, resolve};
use super::terms::{Term, Text, terms};
use crate::date::Due;
use crate::model::{Briefing, ItemRef, Kind};

/// One thing found about one item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// Citation number `citation` (0-based) names a place its saved copy does not have.
    PlaceMissing { citation: usize, missing: Missing },
    /// No place the item cites holds the term; where it does occur, if anywhere.
    TermMissing { term: Term, elsewhere: Elsewhere },
    /// A cited place holds the name spelled another way, as the articles themselves differ.
    Variant { term: Term, found: String },
    /// A note: one place of a source the item does not cite holds all its figures and names.
    Corroboration { source: String, place: String },
    /// A run of ten or more words the item shares with a saved copy (its headline excepted).
    Copied { source: String, words: String },
}

impl Finding {
    /// A note to consider, not a problem to fix.
    pub fn is_note(&self) -> bool {
        matches!(self, Finding::Variant { .. } | Finding::Corroboration { .. })
    }

    /// The code a curator writes to accept the finding.
    pub fn code(&self) -> crate::diag::Code {
        use crate::diag::Code;
        match self {
            Finding::PlaceMissing { .. } => Code::PlaceMissing,
            Finding::TermMissing { .. } => Code::TermMissing,
            Finding::Variant { .. } => Code::NameVariant,
            Finding::Corroboration { .. } => Code::MissedCorroboration,
            Finding::Copied { .. } => Code::CopiedWords,
        }
    }

    /// What the finding is about, as an `accept` names it: the term, the citation's `at`, or
    /// the source's id.
    pub fn what(&self, b: &Briefing, item: ItemRef) -> String {
        match self {
            Finding::PlaceMissing { citation, .. } => b.cites_of(item).get(*citation).and_then(|c| c.at.clone()).unwrap_or_default(),
            Finding::TermMissing { term, .. } | Finding::Variant { term, .. } => term.to_string(),
            Finding::Corroboration { source, .. } | Finding::Copied { source, .. } => source.clone(),
        }
    }

    /// What an accept of this finding would have to say: the item, the code, and what it names
    /// as [`Accepts`] keeps them.
    fn accept_key(&self, b: &Briefing, item: ItemRef) -> (ItemRef, &'static str, String) {
        (item, self.code().as_str(), same_what(&self.what(b, item)))
    }
}

/// A briefing's accepts by what each names, made once: a finding finds its accept by lookup,
/// where thousands of findings each read every accept (and folded it again) before.
pub struct Accepts(HashMap<(ItemRef, &'static str, String), usize>);

impl Accepts {
    pub fn of(b: &Briefing) -> Accepts {
        let mut by_key = HashMap::new();
        // Of two accepts saying the same, the first written is the one used.
        for (i, (item, accept)) in b.accepted.iter().enumerate().rev() {
            if let Some(code) = crate::diag::Code::ALL.iter().find(|c| c.as_str() == accept.code) {
                by_key.insert((*item, code.as_str(), same_what(&accept.what)), i);
            }
        }
        Accepts(by_key)
    }

    /// The index in `b.accepted` of the curator's acceptance of `finding`, if any.
    pub fn of_finding(&self, b: &Briefing, item: ItemRef, finding: &Finding) -> Option<usize> {
        self.0.get(&finding.accept_key(b, item)).copied()
    }
}

/// What an accept names, compared without case and without the dots of initialisms: `U.S.`
/// accepts a finding about `US`.
fn same_what(what: &str) -> String {
    let folded = super::article::fold(what);
    let mut out = String::with_capacity(folded.len());
    let mut previous = ' ';
    for c in folded.chars() {
        if !(c == '.' && previous.is_alphabetic()) {
            out.push(c);
        }
        previous = c;
    }
    out
}

/// How many words in a row make a copied run.
pub const COPIED_RUN: usize = 10;

/// Where a term missing from the cited places does occur.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    Nowhere,
    /// In a cited source, but another place of it: the paragraph numbers or the heading.
    OtherPlace {
        source: String,
        place: String,
    },
    /// Only in a source the item does not cite.
    OtherSource(String),
}

/// The curator's words of an item, the text whose terms its citations must hold. A note in
/// parentheses that says it is the curator's own is left out: it speaks about the sources.
pub fn claim(b: &Briefing, item: ItemRef) -> String {
    let i = item.index;
    let text = match item.kind {
        Kind::Source => String::new(),
        Kind::Official => {
            let o = &b.officials[i];
            [Some(o.name.as_str()), o.role.as_deref(), o.notes.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(". ")
        }
        Kind::Commitment => {
            let c = &b.commitments[i];
            match &c.due {
                Some(Due::Text(due)) => format!("{} {due}.", c.text),
                _ => c.text.clone(),
            }
        }
        Kind::Reaction => {
            let r = &b.reactions[i];
            [Some(r.market.as_str()), r.movement.as_deref(), r.note.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(". ")
        }
        Kind::Fact => b.facts[i].text.clone(),
        Kind::Event => b.events[i].text.clone(),
        Kind::Discrepancy => b.discrepancies[i].text.clone(),
    };
    without_curator_notes(&text)
}

fn without_curator_notes(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let close = rest[open..].find(')').map_or(rest.len(), |c| open + c + 1);
        out.push_str(&rest[..open]);
        if !rest[open..close].contains("curator") {
            out.push_str(&rest[open..close]);
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Everything found in a briefing, item by item, given its sources' saved copies by source
/// id. Citations of sources without a copy are not checked.
pub fn check(b: &Briefing, copies: &crate::archive::Copies) -> Vec<(ItemRef, Finding)> {
    // Names of the sources themselves ("EconoTimes says…") are references, not claims.
    let outlets: HashSet<&str> = b.sources.iter().filter_map(|s| s.outlet.as_deref()).collect();
    let sources = Sources::of(copies);
    // Every run of words of every copy, made once for the whole briefing.
    let runs = CopiedRuns::of(&sources);
    // Each copy's blocks and places read once, for every term of every item.
    let read = Reads::new(&sources);
    // Items citing the same place, or the whole article, read it once between them: a copy
    // may run to megabytes, and twenty claims may cite it whole.
    // Keyed by the copy, not the source: many sources may name one copy.
    let mut places: HashMap<(u32, Option<&str>), Cited> = HashMap::new();
    let mut found = Vec::new();
    for item in b.items() {
        let cites = b.cites_of(item);
        let mut held: Vec<Rc<Passage>> = Vec::new();
        let mut checked = false;
        for (n, c) in cites.iter().enumerate() {
            let Some(copy) = sources.copy(&c.source) else { continue };
            let article = sources.articles[copy as usize];
            checked = true;
            let place = places.entry((copy, c.at.as_deref())).or_insert_with(|| {
                let blocks = match c.at.as_deref().map(Place::parse) {
                    Some(place) => resolve(article, &place)?,
                    // No place given: the whole article stands behind the claim.
                    None => article.blocks.iter().filter(|b| b.role != super::Role::Furniture).collect(),
                };
                Ok(Rc::new(Passage::new(blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n"))))
            });
            match place {
                Ok(passage) => held.push(passage.clone()),
                Err(missing) => found.push((item, Finding::PlaceMissing { citation: n, missing: missing.clone() })),
            }
        }
        if !checked {
            continue;
        }
        let text = claim(b, item);
        let item_terms = terms(&text);
        if item_terms.iter().any(|t| matches!(t, Term::Figure { .. })) {
            found.extend(corroboration(b, item, &read, &item_terms).map(|f| (item, f)));
        }
        found.extend(copied(&text, &runs).into_iter().map(|f| (item, f)));
        // Where no cited place could be found, every term would be missing too; like a
        // compiler, report the cause once and check the terms when the place is fixed.
        if held.is_empty() {
            continue;
        }
        for term in item_terms {
            if matches!(&term, Term::Name(name) if outlets.contains(name.as_str())) {
                continue;
            }
            if held.iter().any(|p| p.holds(&term)) {
                continue;
            }
            if let Some(found_as) = variant(&held, &term) {
                found.push((item, Finding::Variant { term, found: found_as }));
                continue;
            }
            let elsewhere = elsewhere(b, item, &read, &term);
            found.push((item, Finding::TermMissing { term, elsewhere }));
        }
    }
    found
}

/// The first place of a source the item does not cite that holds every term of the item.
fn corroboration(b: &Briefing, item: ItemRef, read: &Reads, item_terms: &[Term]) -> Option<Finding> {
    let cited: HashSet<&str> = b.cites_of(item).iter().map(|c| c.source.as_str()).collect();
    // A copy whose places hold none is not read again for the next source naming it.
    let mut lacking: HashSet<u32> = HashSet::new();
    for n in read.could_hold(item_terms) {
        let id = read.sources.ids[n as usize];
        let copy = read.sources.copy_of[n as usize];
        if cited.contains(id) || lacking.contains(&copy) {
            continue;
        }
        match read.of(n).places.iter().find(|(_, text)| item_terms.iter().all(|t| text.holds(t))) {
            Some((place, _)) => return Some(Finding::Corroboration { source: id.to_string(), place: place.clone() }),
            None => {
                lacking.insert(copy);
            }
        }
    }
    None
}

/// Runs of [`COPIED_RUN`] words the claim shares with a paragraph of a saved copy: source by
/// source in the order of their ids, each run once, then on past it.
fn copied(text: &str, runs: &CopiedRuns) -> Vec<Finding> {
    let words = run_words(text);
    if words.len() < COPIED_RUN {
        return Vec::new();
    }
    let keys: Vec<u64> = words.iter().map(|w| crate::text::stable_hash(w.as_bytes())).collect();
    let held: Vec<&[u32]> = keys.windows(COPIED_RUN).map(|run| runs.holding(run)).collect();
    let mut copies: Vec<u32> = held.iter().flat_map(|h| h.iter().copied()).collect();
    copies.sort_unstable();
    copies.dedup();
    let mut out = Vec::new();
    for source in runs.sources.naming(&copies) {
        let copy = runs.sources.copy_of[source as usize];
        let mut i = 0;
        while i < held.len() {
            if held[i].binary_search(&copy).is_ok() {
                out.push(Finding::Copied {
                    source: runs.sources.ids[source as usize].to_string(),
                    words: words[i..i + COPIED_RUN].join(" "),
                });
                i += COPIED_RUN;
            } else {
                i += 1;
            }
        }
    }
    out
}

/// A citation's place, found and read, or why not.
type Cited = Result<Rc<Passage>, Missing>;

/// A passage's words as byte spans, and the positions of each word.
struct Words {
    spans: Vec<(usize, usize)>,
    at: HashMap<String, Vec<usize>>,
}

/// The text of a cited place, read once for every claim that cites it.
struct Passage {
    joined: String,
    text: Text,
    /// Whether it holds a term, as found: twenty claims citing one article share their names.
    holds: std::cell::RefCell<HashMap<Term, bool>>,
    /// Its words, split when a name is first looked for among them, and where each stands.
    words: std::cell::OnceCell<Words>,
    /// The keys of the terms it could hold ([`Term::key`]): a term whose key is not here is not
    /// held, found without reading the passage, which may be a whole copy of megabytes.
    keys: std::cell::OnceCell<HashSet<String>>,
}

impl Passage {
    fn new(joined: String) -> Passage {
        Passage { text: Text::new(&joined), joined, holds: Default::default(), words: Default::default(), keys: Default::default() }
    }

    fn holds(&self, term: &Term) -> bool {
        if let Some(known) = self.holds.borrow().get(term) {
            return *known;
        }
        let keys = self.keys.get_or_init(|| self.text.keys().collect());
        let held = term.key().is_none_or(|key| keys.contains(&key)) && self.text.holds(term);
        self.holds.borrow_mut().insert(term.clone(), held);
        held
    }

    /// Its words, and the positions of each: a name is looked for where its words stand, not
    /// by walking the whole passage for each name.
    fn words(&self) -> &Words {
        self.words.get_or_init(|| {
            let mut spans = Vec::new();
            let mut start = None;
            for (i, c) in self.joined.char_indices().chain([(self.joined.len(), ' ')]) {
                match (c.is_alphanumeric(), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        spans.push((s, i));
                        start = None;
                    }
                    _ => {}
                }
            }
            let mut at: HashMap<String, Vec<usize>> = HashMap::new();
            for (n, &(a, b)) in spans.iter().enumerate() {
                at.entry(self.joined[a..b].to_string()).or_default().push(n);
            }
            Words { spans, at }
        })
    }
}

/// A name of two words or more that a passage holds with one word spelled slightly otherwise
/// (Li Chenggang, Li Changgang).
fn variant(passages: &[Rc<Passage>], term: &Term) -> Option<String> {
    let Term::Name(name) = term else { return None };
    let wanted: Vec<&str> = name.split_whitespace().collect();
    if wanted.len() < 2 {
        return None;
    }
    // Cheap tests first: a word of the passage is the wanted one, or close to it in length
    // before the edit distance is worth working out.
    let close = |a: &str, b: &str| a == b || (a.len() > 4 && a.len().abs_diff(b.len()) <= 2 && strsim::levenshtein(a, b) <= 2);
    for p in passages {
        // A variant keeps at least one word of the name as it is: only the windows around a
        // word of the name are worth comparing, first to last in the passage.
        let Words { spans, at } = p.words();
        let word = |n: usize| &p.joined[spans[n].0..spans[n].1];
        let mut starts: Vec<(usize, usize)> =
            wanted.iter().enumerate().flat_map(|(k, w)| at.get(*w).into_iter().flatten().map(move |&i| (i, k))).collect();
        starts.sort_unstable();
        for (i, k) in starts {
            let Some(start) = i.checked_sub(k).filter(|start| start + wanted.len() <= spans.len()) else { continue };
            let window: Vec<&str> = (start..start + wanted.len()).map(word).collect();
            if window != wanted && window.iter().zip(&wanted).all(|(a, b)| close(a, b)) {
                return Some(window.join(" "));
            }
        }
    }
    None
}

/// Where a term the cited places lack does occur: another place of a cited source first, then
/// a source the item does not cite.
fn elsewhere(b: &Briefing, item: ItemRef, read: &Reads, term: &Term) -> Elsewhere {
    let cited: Vec<&str> = b.cites_of(item).iter().map(|c| c.source.as_str()).collect();
    let cited_set: HashSet<&str> = cited.iter().copied().collect();
    let could = read.could_hold(std::slice::from_ref(term));
    for source in &cited {
        // Only a copy holding the term's key is read for it.
        let Some(n) = read.sources.place(source).filter(|n| could.binary_search(n).is_ok()) else { continue };
        if let Some(place) = read.of(n).first_holding(term) {
            return Elsewhere::OtherPlace { source: source.to_string(), place };
        }
    }
    let mut others = could.iter().copied().filter(|&n| !cited_set.contains(read.sources.ids[n as usize]));
    match others.find(|&n| read.of(n).first_holding(term).is_some()) {
        Some(n) => Elsewhere::OtherSource(read.sources.ids[n as usize].to_string()),
        None => Elsewhere::Nowhere,
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, … as a person writes them.
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
