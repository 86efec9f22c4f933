//! A cited passage as a reader shows it: the saved article's lines, the cited place marked,
//! and the claim's figures and names found in it, so a reader can step from one to the next.
//! Terminal-free; the reader draws it.

use std::ops::Range;

use super::article::{Article, Role};
use super::place::{Missing, Place, resolve};
use super::terms::Term;

/// One line of the article as shown: its text with control characters made visible.
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

    /// Every term found, in reading order: its line's index and its first character there.
    pub fn occurrences(&self) -> Vec<(usize, usize)> {
        self.lines.iter().enumerate().flat_map(|(i, l)| l.terms.iter().map(move |r| (i, r.start))).collect()
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
            // Safe to show, one character for one, so the ranges found stay in place.
            text: crate::text::visible(&b.text.replace('\t', " "), false),
            role: b.role,
            marked: marked.contains(&b.line),
            terms: find_terms(&b.text, terms),
        })
        .collect();
    let start = lines.iter().position(|l| l.marked).unwrap_or(0);
    Passage { lines, start, missing }
}

/// Where the terms stand in a line, as character ranges, sorted and not overlapping. Names
/// are found as `verify` finds them: whole words, the dots of initialisms ignored ("U.S." is
/// "US"), one word allowed between the first word and the rest ("President Donald Trump").
/// A figure is found as its number, not inside a longer one.
fn find_terms(text: &str, terms: &[Term]) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    let names: Vec<&str> = terms.iter().filter_map(|t| if let Term::Name(n) = t { Some(n.as_str()) } else { None }).collect();
    let figures: Vec<&str> =
        terms.iter().filter_map(|t| if let Term::Figure { number, .. } = t { Some(number.as_str()) } else { None }).collect();
    found.extend(find_names(text, &names));
    found.extend(find_figures(text, &figures));
    let mut ranges: Vec<Range<usize>> = found.into_iter().filter(|r| !r.is_empty()).collect();
    ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    ranges.dedup_by(|b, a| b.start < a.end);
    ranges
}

/// The line lower-cased, without dots when `dots` is false, each character with its index in
/// the line.
fn lowered(text: &str, dots: bool) -> Vec<(char, usize)> {
    let mut hay = Vec::new();
    for (i, c) in text.chars().enumerate() {
        let mut lower = c.to_lowercase();
        // A character that lower-cases to several would shift what follows; it is kept as is.
        let one = match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        };
        if dots || one != '.' {
            hay.push((one, i));
        }
    }
    hay
}

fn find_names(text: &str, names: &[&str]) -> Vec<Range<usize>> {
    let hay = lowered(text, false);
    let chars: Vec<char> = hay.iter().map(|(c, _)| *c).collect();
    let alnum = |at: usize| chars.get(at).is_some_and(|c| c.is_alphanumeric());
    let starts_word = |at: usize| at == 0 || !alnum(at - 1);
    let word_at = |at: usize, word: &[char]| chars.get(at..at + word.len()) == Some(word) && starts_word(at) && !alnum(at + word.len());
    let mut found: Vec<Range<usize>> = Vec::new();
    for name in names {
        let words: Vec<Vec<char>> = name.to_lowercase().replace('.', "").split_whitespace().map(|w| w.chars().collect()).collect();
        let Some(first) = words.first() else { continue };
        let rest: Vec<char> = words[1..].join(&' ');
        for at in (0..chars.len()).filter(|at| word_at(*at, first)) {
            let after = at + first.len();
            if rest.is_empty() {
                found.push(at..after);
            } else if chars.get(after) == Some(&' ') && word_at(after + 1, &rest) {
                found.push(at..after + 1 + rest.len());
            } else if chars.get(after) == Some(&' ') {
                // One word between: "President Donald Trump".
                let middle = (after + 1..chars.len()).take_while(|i| alnum(*i)).count();
                let tail = after + 1 + middle;
                if middle > 0 && chars.get(tail) == Some(&' ') && word_at(tail + 1, &rest) {
                    found.push(at..tail + 1 + rest.len());
                }
            }
        }
    }
    // Back to the line's own characters: the dots left out may lie inside a range.
    found.into_iter().filter(|r| !r.is_empty()).map(|r| hay[r.start].1..hay[r.end - 1].1 + 1).collect()
}

fn find_figures(text: &str, figures: &[&str]) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |at: usize| chars.get(at).is_some_and(char::is_ascii_digit);
    let mut found = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        // A number starts at a digit that does not continue a word or a decimal ("x30", "1.30").
        let starts = digit(at) && (at == 0 || !(chars[at - 1].is_alphanumeric() || chars[at - 1] == '.' && digit(at.wrapping_sub(2))));
        if !starts {
            at += 1;
            continue;
        }
        let mut end = at;
        while digit(end) || (chars.get(end) == Some(&'.') && digit(end + 1)) {
            end += 1;
        }
        // "30,000" is one number, not the figure 30.
        let mut grouped = false;
        while chars.get(end) == Some(&',') && digit(end + 1) {
            grouped = true;
            end += 1;
            while digit(end) {
                end += 1;
            }
        }
        let number: String = chars[at..end].iter().collect();
        // As `verify` compares them: 1.20 is 1.2.
        if !grouped && figures.iter().any(|f| super::terms::same_value(&number, f.trim_end_matches('%'))) {
            found.push(at..end);
        }
        at = end;
    }
    found
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
    fn names_and_figures_are_found_as_verify_finds_them() {
        let name = |n: &str| Term::Name(n.into());
        let figure = |n: &str| Term::Figure { number: n.into(), unit: None };
        let shown = |text: &str, terms: &[Term]| -> Vec<String> {
            let chars: Vec<char> = text.chars().collect();
            find_terms(text, terms).into_iter().map(|r| chars[r].iter().collect()).collect()
        };
        assert_eq!(shown("said President Donald Trump.", &[name("President Trump")]), ["President Donald Trump"]);
        assert_eq!(shown("the U.S. and China", &[name("US"), name("China")]), ["U.S", "China"]);
        assert_eq!(shown("Trumpet and Trump", &[name("Trump")]), ["Trump"]);
        assert_eq!(shown("30 days, 300 tonnes, 2030, 30,000 and 30%", &[figure("30")]), ["30", "30"]);
        assert_eq!(shown("fell 0.8% today", &[figure("0.8%")]), ["0.8"]);
        assert_eq!(
            shown("worth 1.20 billion dollars, or $1.2bn", &[figure("1.2")]),
            ["1.20", "1.2"],
            "as numbers, as verify compares them"
        );
    }

    #[test]
    fn a_place_that_is_not_there_opens_at_the_top_and_says_why() {
        let article = Article::parse(PAGE);
        let p = passage(&article, Some("9th paragraph"), &[]);
        assert_eq!(p.start, 0);
        assert!(matches!(p.missing, Some(Missing::Paragraph { n: 9, .. })));
    }
}
