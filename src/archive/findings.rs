//! What checking a briefing against saved copies of its sources finds: places that are not
//! there, and figures or names of a claim that no place it cites holds. Terminal-free; the
//! command and the reader show the findings.

use std::collections::{HashMap, HashSet};

use super::article::Article;
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

    /// The curator's acceptance of this finding, written next to the item, if any.
    pub fn accepted<'b>(&self, b: &'b Briefing, item: ItemRef) -> Option<&'b crate::model::Accept> {
        let (code, what) = (self.code().as_str(), super::article::fold(&self.what(b, item)));
        b.accepted.iter().find(|(at, a)| *at == item && a.code == code && super::article::fold(&a.what) == what).map(|(_, a)| a)
    }
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
pub fn check(b: &Briefing, copies: &HashMap<String, Article>) -> Vec<(ItemRef, Finding)> {
    // Names of the sources themselves ("EconoTimes says…") are references, not claims.
    let outlets: Vec<String> = b.sources.iter().filter_map(|s| s.outlet.clone()).collect();
    // Every run of words of every copy, made once for the whole briefing.
    let mut ids: Vec<&String> = copies.keys().collect();
    ids.sort();
    let runs: Vec<(&String, HashSet<u64>)> = ids
        .into_iter()
        .map(|id| {
            let body: Vec<String> = copies[id].paragraphs().flat_map(|p| run_words(&p.text)).collect();
            (id, body.windows(COPIED_RUN).map(run_key).collect())
        })
        .collect();
    // Each copy's blocks and places read once, for every term of every item.
    let read: HashMap<&str, Read> = copies.iter().map(|(id, a)| (id.as_str(), Read::new(a))).collect();
    let mut read_once: HashMap<String, std::rc::Rc<Text>> = HashMap::new();
    let mut found = Vec::new();
    for item in b.items() {
        let cites = b.cites_of(item);
        let mut passages: Vec<String> = Vec::new();
        let mut checked = false;
        for (n, c) in cites.iter().enumerate() {
            let Some(article) = copies.get(&c.source) else { continue };
            checked = true;
            let place = c.at.as_deref().map(Place::parse);
            let blocks = match &place {
                Some(place) => match resolve(article, place) {
                    Ok(blocks) => blocks,
                    Err(missing) => {
                        found.push((item, Finding::PlaceMissing { citation: n, missing }));
                        continue;
                    }
                },
                // No place given: the whole article stands behind the claim.
                None => article.blocks.iter().filter(|b| b.role != super::Role::Furniture).collect(),
            };
            passages.push(blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n"));
        }
        if !checked {
            continue;
        }
        // Items citing the same place, or the whole article, read it once between them.
        let held: Vec<std::rc::Rc<Text>> =
            passages.iter().map(|p| read_once.entry(p.clone()).or_insert_with(|| std::rc::Rc::new(Text::new(p))).clone()).collect();
        let text = claim(b, item);
        let item_terms = terms(&text);
        if item_terms.iter().any(|t| matches!(t, Term::Figure { .. })) {
            found.extend(corroboration(b, item, &read, &item_terms).map(|f| (item, f)));
        }
        found.extend(copied(&text, &runs).into_iter().map(|f| (item, f)));
        // Where no cited place could be found, every term would be missing too; like a
        // compiler, report the cause once and check the terms when the place is fixed.
        if passages.is_empty() {
            continue;
        }
        for term in item_terms {
            if matches!(&term, Term::Name(name) if outlets.iter().any(|o| o == name)) {
                continue;
            }
            if held.iter().any(|p| p.holds(&term)) {
                continue;
            }
            if let Some(found_as) = variant(&passages, &term) {
                found.push((item, Finding::Variant { term, found: found_as }));
                continue;
            }
            let elsewhere = elsewhere(b, item, copies, &read, &term);
            found.push((item, Finding::TermMissing { term, elsewhere }));
        }
    }
    found
}

/// The first place of a source the item does not cite that holds every term of the item.
fn corroboration(b: &Briefing, item: ItemRef, read: &HashMap<&str, Read>, item_terms: &[Term]) -> Option<Finding> {
    let cited: Vec<&str> = b.cites_of(item).iter().map(|c| c.source.as_str()).collect();
    let mut others: Vec<(&&str, &Read)> = read.iter().filter(|(id, _)| !cited.contains(*id)).collect();
    others.sort_by_key(|(id, _)| **id);
    for (id, r) in others {
        for (place, text) in &r.places {
            if item_terms.iter().all(|t| text.holds(t)) {
                return Some(Finding::Corroboration { source: id.to_string(), place: place.clone() });
            }
        }
    }
    None
}

/// A saved copy read once: each block's text, and each place a citation could name.
struct Read {
    blocks: Vec<Text>,
    places: Vec<(String, Text)>,
}

impl Read {
    fn new(article: &Article) -> Read {
        Read {
            blocks: article.blocks.iter().map(|b| Text::new(&b.text)).collect(),
            places: places(article).into_iter().map(|(place, text)| (place, Text::new(&text))).collect(),
        }
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
/// to matter, and a reported run is shown in the claim's own words.
fn run_key(run: &[String]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    run.hash(&mut h);
    h.finish()
}

/// Words as the copied-words rule counts them: lower case, with `%`, `$`, `.`, `'` and `-`
/// kept inside a word.
fn run_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '%' | '$' | '.' | '\'' | '’' | '-')))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '\'' | '’' | '-')).to_lowercase().replace('’', "'"))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Runs of [`COPIED_RUN`] words the claim shares with a paragraph of a saved copy, given each
/// copy's runs.
fn copied(text: &str, copies: &[(&String, HashSet<u64>)]) -> Vec<Finding> {
    let words = run_words(text);
    if words.len() < COPIED_RUN {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (id, runs) in copies {
        let mut i = 0;
        while i + COPIED_RUN <= words.len() {
            if runs.contains(&run_key(&words[i..i + COPIED_RUN])) {
                out.push(Finding::Copied { source: (*id).clone(), words: words[i..i + COPIED_RUN].join(" ") });
                i += COPIED_RUN;
            } else {
                i += 1;
            }
        }
    }
    out
}

/// A name of two words or more that a passage holds with one word spelled slightly otherwise
/// (Li Chenggang, Li Changgang).
fn variant(passages: &[String], term: &Term) -> Option<String> {
    let Term::Name(name) = term else { return None };
    let wanted: Vec<&str> = name.split_whitespace().collect();
    if wanted.len() < 2 {
        return None;
    }
    for p in passages {
        let words: Vec<&str> = p.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        for window in words.windows(wanted.len()) {
            let close = window.iter().zip(&wanted).all(|(a, b)| a == b || (strsim::levenshtein(a, b) <= 2 && a.len() > 4));
            if close && window != wanted.as_slice() {
                return Some(window.join(" "));
            }
        }
    }
    None
}

/// Where a term the cited places lack does occur: another place of a cited source first, then
/// a source the item does not cite.
fn elsewhere(b: &Briefing, item: ItemRef, copies: &HashMap<String, Article>, read: &HashMap<&str, Read>, term: &Term) -> Elsewhere {
    let cited: Vec<&str> = b.cites_of(item).iter().map(|c| c.source.as_str()).collect();
    for source in &cited {
        let (Some(article), Some(r)) = (copies.get(*source), read.get(source)) else { continue };
        let mut number = 0;
        let mut heading: Option<&str> = None;
        for (block, text) in article.blocks.iter().zip(&r.blocks) {
            match block.role {
                super::Role::Heading => heading = Some(&block.text),
                super::Role::Paragraph => {
                    number += 1;
                    if text.holds(term) {
                        let place = match heading {
                            Some(h) => format!("under “{}”", crate::text::short(h, 80)),
                            None => format!("in the {} paragraph", ordinal(number)),
                        };
                        return Elsewhere::OtherPlace { source: source.to_string(), place };
                    }
                }
                _ => {}
            }
        }
    }
    let mut others: Vec<(&String, &Article)> = copies.iter().filter(|(id, _)| !cited.contains(&id.as_str())).collect();
    others.sort_by_key(|(id, _)| *id);
    for (id, article) in others {
        let Some(r) = read.get(id.as_str()) else { continue };
        let mut texts = article.blocks.iter().zip(&r.blocks).filter(|(block, _)| block.role == super::Role::Paragraph);
        if texts.any(|(_, text)| text.holds(term)) {
            return Elsewhere::OtherSource(id.clone());
        }
    }
    Elsewhere::Nowhere
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
