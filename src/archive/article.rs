//! A saved copy of an article, read as a person reads it: its headline, its section headings,
//! and its paragraphs, with the page's furniture (menus, a photo caption, a comment form, a
//! newsletter box) left out. The rules are in `docs/verify.md`.

/// What a line of the saved page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Headline,
    Heading,
    /// A paragraph of the article; bullet lines count one each, as the page shows them.
    Paragraph,
    /// Menus, a repeated headline, a caption, a comment form: not part of the article.
    Furniture,
}

/// One non-blank line of the saved copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The 1-based line in the file.
    pub line: usize,
    pub text: String,
    pub role: Role,
}

/// A saved article, its lines sorted into headline, headings, paragraphs and furniture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub blocks: Vec<Block>,
    /// Where each paragraph is among the blocks, and each heading folded with where it is:
    /// made once, when a place is first looked for, since thousands of citations may each
    /// name a paragraph or a heading.
    paragraph_at: std::cell::OnceCell<Vec<usize>>,
    headings_folded: std::cell::OnceCell<Vec<(usize, String)>>,
    /// The headings' text, for the hint of every missing heading, shared between them.
    heading_texts: std::cell::OnceCell<std::sync::Arc<[String]>>,
}

/// Words that begin the page's furniture after the article: from the first such line on,
/// nothing is part of the article.
const TRAILERS: &[&str] =
    &["leave a reply", "recent articles", "related stories", "market data", "sign up for", "welcome to", "spot_img", "comments"];

/// Words of the site's own navigation above the headline.
const NAVIGATION: &[&str] = &["menu", "search", "more", "home", "close", "share", "subscribe"];

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A bullet's marker, if the line is a list item (`•`, `-`, `*`, `–`).
pub fn bullet(text: &str) -> Option<&str> {
    let t = text.trim_start();
    ["• ", "- ", "* ", "– "].iter().find_map(|m| t.strip_prefix(m)).map(str::trim_start)
}

/// Text folded for comparing a cited heading with the page's: case, curly quotes and dashes,
/// and runs of spaces do not matter.
pub fn fold(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A line reads as a heading: short, not a list item, and not ending as a sentence or a
/// lead-in does.
fn is_heading(text: &str) -> bool {
    let t = text.trim();
    bullet(t).is_none() && words(t) <= 12 && !t.ends_with(['.', ':', ';', ',', '!', '"', '”', '’', '\''])
}

/// The text of a Markdown heading line (`#` to `######`, then a space), if it is one.
fn markdown_heading(line: &str) -> Option<&str> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    let text = line[hashes..].strip_prefix(' ')?.trim().trim_end_matches('#').trim();
    ((1..=6).contains(&hashes) && !text.is_empty()).then_some(text)
}

impl Article {
    /// Reads the text of a saved page.
    pub fn parse(text: &str) -> Article {
        // A byte-order mark is no part of the first line (it would hide a menu word).
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lines: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).filter(|(_, l)| !l.is_empty()).collect();
        let mut blocks = Vec::with_capacity(lines.len());
        let mut headline: Option<String> = None;
        let mut ended = false;
        for (line, t) in lines {
            // A copy saved as Markdown marks its headings: `## Heading`, of any length.
            let (t, marked) = match markdown_heading(t) {
                Some(text) => (text, true),
                None => (t, false),
            };
            let folded = fold(t);
            // A trailer is a short line ("Leave a Reply", "• Market Data"), not a paragraph that
            // happens to begin with the same words.
            let trailer = words(t) <= 6 && TRAILERS.iter().any(|w| strip_bullet(&folded).starts_with(w));
            let role = if ended || (headline.is_some() && trailer) {
                ended = true;
                Role::Furniture
            } else if let Some(head) = &headline {
                // A repeat of the headline, or a photo caption that begins with it and a full stop.
                if folded.trim_end_matches('.') == *head || folded.strip_prefix(head.as_str()).is_some_and(|rest| rest.starts_with(". ")) {
                    Role::Furniture
                } else if marked || is_heading(t) {
                    Role::Heading
                } else {
                    Role::Paragraph
                }
            } else if is_navigation(&folded) {
                Role::Furniture
            } else {
                headline = Some(folded.trim_end_matches('.').to_string());
                Role::Headline
            };
            blocks.push(Block { line, text: t.to_string(), role });
        }
        Article { blocks, paragraph_at: Default::default(), headings_folded: Default::default(), heading_texts: Default::default() }
    }

    /// The article's paragraphs, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.role == Role::Paragraph)
    }

    /// The headings, in order.
    pub fn headings(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.role == Role::Heading)
    }

    /// The `n`th paragraph (from 0), and how many there are.
    pub fn paragraph(&self, n: usize) -> (Option<&Block>, usize) {
        let at = self.paragraph_at.get_or_init(|| (0..self.blocks.len()).filter(|&i| self.blocks[i].role == Role::Paragraph).collect());
        (at.get(n).map(|&i| &self.blocks[i]), at.len())
    }

    /// Each heading folded for comparison, with its place among the blocks.
    pub fn folded_headings(&self) -> &[(usize, String)] {
        self.headings_folded.get_or_init(|| {
            self.blocks.iter().enumerate().filter(|(_, b)| b.role == Role::Heading).map(|(i, b)| (i, fold(&b.text))).collect()
        })
    }

    /// The headings' text, shared.
    pub fn heading_texts(&self) -> std::sync::Arc<[String]> {
        self.heading_texts.get_or_init(|| self.headings().map(|b| b.text.clone()).collect()).clone()
    }

    pub fn headline(&self) -> Option<&Block> {
        self.blocks.iter().find(|b| b.role == Role::Headline)
    }
}

fn strip_bullet(folded: &str) -> &str {
    bullet(folded).unwrap_or(folded)
}

/// Site navigation before the headline: a menu word (`Menu`, `Search`) or a section link
/// (`| Politics`).
fn is_navigation(folded: &str) -> bool {
    let t = folded.trim_start_matches(|c: char| c == '|' || c.is_whitespace());
    folded.starts_with('|') || NAVIGATION.contains(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Menu\n\nSearch\n\n  |   Politics\n\nA Headline Here\n\nA Headline Here. Source: a photographer\n\n\
        The first paragraph says something.\n\nA Section Heading\n\nThe second paragraph.\n\nA list follows:\n\n\
        • one item\n\n• another item\n\nLeave a Reply\n\nYour email address will not be published.\n";

    #[test]
    fn headline_headings_paragraphs_and_furniture() {
        let a = Article::parse(PAGE);
        assert_eq!(a.headline().map(|b| b.text.as_str()), Some("A Headline Here"));
        let paragraphs: Vec<&str> = a.paragraphs().map(|b| b.text.as_str()).collect();
        assert_eq!(
            paragraphs,
            ["The first paragraph says something.", "The second paragraph.", "A list follows:", "• one item", "• another item"]
        );
        assert_eq!(a.headings().map(|b| b.text.as_str()).collect::<Vec<_>>(), ["A Section Heading"]);
        assert_eq!(a.blocks.iter().filter(|b| b.role == Role::Furniture).count(), 6, "menus, caption, comment form");
    }

    #[test]
    fn a_byte_order_mark_a_paragraph_like_a_trailer_and_one_like_the_headline_are_read_right() {
        let a = Article::parse(
            "\u{feff}Menu\n\nChina\n\nChina and the US agreed on a framework.\n\nMarket data showed the index rising by a point on the day.\n\nLutnick called it ‘a very good deal’\n\n• Market Data\n\nafter\n",
        );
        assert_eq!(a.headline().map(|b| b.text.as_str()), Some("China"), "the menu word behind a byte-order mark is navigation");
        let paragraphs: Vec<&str> = a.paragraphs().map(|b| b.text.as_str()).collect();
        assert_eq!(
            paragraphs,
            [
                "China and the US agreed on a framework.",
                "Market data showed the index rising by a point on the day.",
                "Lutnick called it ‘a very good deal’",
            ]
        );
    }

    #[test]
    fn a_copy_saved_as_markdown_has_its_headline_and_headings_by_their_marks() {
        let a = Article::parse(
            "# Talks Resume in London\n\nThe first paragraph.\n\n## What the Two Sides Want From the Talks in London This Week, in Detail\n\nThe second paragraph.\n\n#hashtag is a paragraph.\n",
        );
        assert_eq!(a.headline().map(|b| b.text.as_str()), Some("Talks Resume in London"));
        let headings: Vec<&str> = a.headings().map(|b| b.text.as_str()).collect();
        assert_eq!(headings, ["What the Two Sides Want From the Talks in London This Week, in Detail"], "a marked heading may be long");
        let paragraphs: Vec<&str> = a.paragraphs().map(|b| b.text.as_str()).collect();
        assert_eq!(paragraphs, ["The first paragraph.", "The second paragraph.", "#hashtag is a paragraph."]);
    }

    #[test]
    fn headings_compare_without_case_or_curly_quotes() {
        assert_eq!(fold("What’s  at Stake?"), "what's at stake?");
    }
}
