//! Where a citation's `at` points in a saved article: paragraphs by number (`"5th paragraph"`,
//! `"2nd and 3rd paragraphs"`, `"last paragraph"`) or a section by its heading, written in
//! full or by its beginning. Resolving gives the lines of the saved copy the place holds.

use super::article::{Article, Block, Role, fold};

/// A place as written in an `at`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// Paragraphs by number, 1-based; `0` stands for the last.
    Paragraphs(Vec<usize>),
    /// The section under the heading that begins with this text.
    Section(String),
}

/// The ordinal words a person writes, as numbers.
fn ordinal(word: &str) -> Option<usize> {
    const WORDS: &[&str] = &["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    if word == "last" {
        return Some(0);
    }
    if let Some(n) = WORDS.iter().position(|w| *w == word) {
        return Some(n + 1);
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    // The suffix must be the number's own: "1th" and "2st" are not ordinals.
    match digits.parse::<usize>() {
        Ok(n) if n > 0 && super::findings::ordinal(n) == word => Some(n),
        _ => None,
    }
}

impl Place {
    /// Reads an `at`: paragraph numbers if it is written as such, otherwise a heading.
    pub fn parse(at: &str) -> Place {
        let folded = fold(at);
        // "paragraph 3", "paragraphs 2 and 3": the number after the word.
        let after = folded.strip_prefix("paragraphs ").or_else(|| folded.strip_prefix("paragraph "));
        if let Some(after) = after {
            let numbers: Option<Vec<usize>> = after
                .split([',', ' '])
                .filter(|w| !w.is_empty() && *w != "and")
                .map(|w| w.parse::<usize>().ok().filter(|n| *n > 0))
                .collect();
            if let Some(numbers) = numbers.filter(|n| !n.is_empty()) {
                return Place::Paragraphs(numbers);
            }
        }
        let rest = folded.strip_suffix(" paragraphs").or_else(|| folded.strip_suffix(" paragraph"));
        if let Some(rest) = rest {
            let numbers: Option<Vec<usize>> =
                rest.split([',', ' ']).filter(|w| !w.is_empty() && *w != "and" && *w != "the").map(ordinal).collect();
            if let Some(numbers) = numbers.filter(|n| !n.is_empty()) {
                return Place::Paragraphs(numbers);
            }
        }
        Place::Section(at.trim().to_string())
    }
}

/// Why a place is not in the article, with what is there instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Missing {
    /// Paragraph `n` of an article of `count`.
    Paragraph { n: usize, count: usize },
    /// No heading begins with the text; the article's headings, for the hint (shared by every
    /// place missing from one copy).
    Heading { headings: std::sync::Arc<[String]> },
    /// Written as paragraphs (`0th paragraph`) with no number a paragraph can have; the count.
    Numbering { count: usize },
}

/// The blocks a place holds, or why it holds none.
pub fn resolve<'a>(article: &'a Article, place: &Place) -> Result<Vec<&'a Block>, Missing> {
    match place {
        Place::Paragraphs(numbers) => {
            let count = article.paragraph(0).1;
            numbers
                .iter()
                .map(|&n| {
                    let index = if n == 0 { count.checked_sub(1) } else { Some(n - 1) };
                    index.and_then(|i| article.paragraph(i).0).ok_or(Missing::Paragraph { n, count })
                })
                .collect()
        }
        Place::Section(heading) => {
            let wanted = fold(heading);
            let at = article.folded_headings().iter().find(|(_, folded)| starts_on_word(folded, &wanted)).map(|(at, _)| *at);
            let Some(at) = at else {
                let numbered = |w: &str| w.ends_with(" paragraph") || w.ends_with(" paragraphs") || w.starts_with("paragraph ");
                if numbered(&wanted) {
                    return Err(Missing::Numbering { count: article.paragraph(0).1 });
                }
                return Err(Missing::Heading { headings: article.heading_texts() });
            };
            // The heading and what stands under it, up to the next heading.
            let under = article.blocks[at + 1..].iter().take_while(|b| b.role != Role::Heading).filter(|b| b.role == Role::Paragraph);
            Ok(std::iter::once(&article.blocks[at]).chain(under).collect())
        }
    }
}

/// `text` begins with `prefix`, ending where a word ends.
fn starts_on_word(text: &str, prefix: &str) -> bool {
    text.strip_prefix(prefix).is_some_and(|rest| rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_a_person_writes_them() {
        assert_eq!(Place::parse("5th paragraph"), Place::Paragraphs(vec![5]));
        assert_eq!(Place::parse("last paragraph"), Place::Paragraphs(vec![0]));
        assert_eq!(Place::parse("2nd and 3rd paragraphs"), Place::Paragraphs(vec![2, 3]));
        assert_eq!(Place::parse("2nd, 3rd and 4th paragraphs"), Place::Paragraphs(vec![2, 3, 4]));
        assert_eq!(Place::parse("first paragraph"), Place::Paragraphs(vec![1]));
        assert_eq!(Place::parse("Bilateral Deal Overview"), Place::Section("Bilateral Deal Overview".into()));
        assert_eq!(Place::parse("The 2nd paragraphs of doom x"), Place::Section("The 2nd paragraphs of doom x".into()));
        assert_eq!(Place::parse("paragraph 3"), Place::Paragraphs(vec![3]));
        assert_eq!(Place::parse("Paragraphs 2 and 3"), Place::Paragraphs(vec![2, 3]));
        // A wrong suffix is no ordinal: the place is then not there, and the hint says how
        // paragraphs are numbered.
        for wrong in ["1th paragraph", "2st paragraph", "11st paragraph", "paragraph 0"] {
            assert!(matches!(Place::parse(wrong), Place::Section(_)), "{wrong}");
            let a = Article::parse("Headline\n\nOne.\n");
            assert_eq!(resolve(&a, &Place::parse(wrong)), Err(Missing::Numbering { count: 1 }), "{wrong}");
        }
    }

    #[test]
    fn sections_and_paragraphs_resolve_to_their_lines() {
        let a = Article::parse("Headline\n\nOne.\n\nSection Heading: More Words\n\nTwo.\n\n• three\n\nNext Heading\n\nFour.\n");
        let texts = |place: &str| resolve(&a, &Place::parse(place)).map(|b| b.iter().map(|b| b.text.clone()).collect::<Vec<_>>());
        assert_eq!(texts("Section Heading").unwrap(), ["Section Heading: More Words", "Two.", "• three"]);
        assert_eq!(texts("2nd and 4th paragraphs").unwrap(), ["Two.", "Four."]);
        assert_eq!(texts("last paragraph").unwrap(), ["Four."]);
        assert_eq!(texts("9th paragraph"), Err(Missing::Paragraph { n: 9, count: 4 }));
        assert!(matches!(texts("Section Head"), Err(Missing::Heading { .. })), "a heading is matched on whole words");
    }
}
