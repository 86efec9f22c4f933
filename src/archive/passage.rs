//! A cited passage as a reader shows it: the saved article's lines, the cited place marked,
//! and the claim's figures and names found in it, so a reader can step from one to the next.
//! Terminal-free; the reader draws it.

use std::ops::Range;

use super::article::{Article, Role};
use super::place::{Missing, Place, resolve};
use super::terms::Term;

/// One line of the article as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The 1-based line in the saved file.
    pub number: usize,
    pub text: String,
    pub role: Role,
    /// Part of the cited place.
    pub marked: bool,
    /// Character ranges of `text` where a term of the claim stands.
    pub terms: Vec<Range<usize>>,
}

/// A saved article opened at a citation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// The article's lines, furniture left out.
    pub lines: Vec<Line>,
    /// The index in `lines` of the cited place's first line, where the view opens.
    pub start: usize,
    /// Why the place could not be found, when it could not (the view then opens at the top).
    pub missing: Option<Missing>,
}

impl Passage {
    /// The indexes of the lines holding a term, for stepping through them.
    pub fn hits(&self) -> Vec<usize> {
        self.lines.iter().enumerate().filter(|(_, l)| !l.terms.is_empty()).map(|(i, _)| i).collect()
    }
}

/// Opens `article` at `at` (the whole article when `None`), marking the place and the terms.
pub fn passage(article: &Article, at: Option<&str>, terms: &[Term]) -> Passage {
    let (marked, missing): (Vec<usize>, Option<Missing>) = match at.map(Place::parse) {
        None => (Vec::new(), None),
        Some(place) => match resolve(article, &place) {
            Ok(blocks) => (blocks.iter().map(|b| b.line).collect(), None),
            Err(missing) => (Vec::new(), Some(missing)),
        },
    };
    let lines: Vec<Line> = article
        .blocks
        .iter()
        .filter(|b| b.role != Role::Furniture)
        .map(|b| Line {
            number: b.line,
            text: b.text.clone(),
            role: b.role,
            marked: marked.contains(&b.line),
            terms: find_terms(&b.text, terms),
        })
        .collect();
    let start = lines.iter().position(|l| l.marked).unwrap_or(0);
    Passage { lines, start, missing }
}

/// Where the terms stand in a line, as character ranges, sorted and not overlapping.
fn find_terms(text: &str, terms: &[Term]) -> Vec<Range<usize>> {
    let lower: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    // Lower-casing may change the length of a character; then the ranges would not fit.
    if lower.len() != text.chars().count() {
        return Vec::new();
    }
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for term in terms {
        let needle: Vec<char> = match term {
            Term::Name(name) => name.to_lowercase().chars().collect(),
            Term::Figure { number, .. } => number.trim_end_matches('%').chars().collect(),
        };
        if needle.is_empty() || needle.len() > lower.len() {
            continue;
        }
        for at in 0..=lower.len() - needle.len() {
            let whole = (at == 0 || !lower[at - 1].is_alphanumeric())
                && lower.get(at + needle.len()).is_none_or(|c| !c.is_alphanumeric() || matches!(term, Term::Figure { .. }));
            if whole && lower[at..at + needle.len()] == needle[..] {
                ranges.push(at..at + needle.len());
            }
        }
    }
    ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    ranges.dedup_by(|b, a| b.start < a.end);
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Menu\n\nA Headline For Tests\n\nOpening words about Lutnick.\n\nA Section Heading\n\nTariffs fell by 115 percentage points.\n\n- a bullet\n\nNext Heading\n\nClosing words.\n";

    #[test]
    fn opens_at_the_place_marks_it_and_finds_the_terms() {
        let article = Article::parse(PAGE);
        let terms = [Term::Figure { number: "115".into(), unit: Some("percentage point".into()) }, Term::Name("Lutnick".into())];
        let p = passage(&article, Some("A Section Heading"), &terms);
        assert_eq!(p.missing, None);
        assert_eq!(p.lines[p.start].text, "A Section Heading");
        let marked: Vec<&str> = p.lines.iter().filter(|l| l.marked).map(|l| l.text.as_str()).collect();
        assert_eq!(marked, ["A Section Heading", "Tariffs fell by 115 percentage points.", "- a bullet"]);
        assert!(!p.lines.iter().any(|l| l.text == "Menu"), "furniture is left out");
        let hits = p.hits();
        assert_eq!(hits.len(), 2);
        let figure = &p.lines[hits[1]];
        assert_eq!(&figure.text.chars().collect::<Vec<_>>()[figure.terms[0].clone()].iter().collect::<String>(), "115");
    }

    #[test]
    fn a_place_that_is_not_there_opens_at_the_top_and_says_why() {
        let article = Article::parse(PAGE);
        let p = passage(&article, Some("9th paragraph"), &[]);
        assert_eq!(p.start, 0);
        assert!(matches!(p.missing, Some(Missing::Paragraph { n: 9, .. })));
    }
}
