//! Splitting a large briefing into pieces at its `[[item]]` headers, so it can be parsed a piece
//! at a time: the TOML tree of a piece takes about thirty times its text, and a whole 16 MiB
//! file parsed at once took half a gigabyte.
//!
//! A piece starts at a line that opens an array-of-tables header (`[[fact]]`) outside any
//! value, found by the TOML lexer so that brackets inside strings, arrays spanning lines and
//! inline tables never count. Only `[[` headers split: a `[kind.sub]` table stays with the item
//! it belongs to. Each piece then parses as TOML on its own, and the items of the pieces
//! together are the items of the file.

use std::ops::Range;

use toml_parser::Source;
use toml_parser::lexer::TokenKind;

/// About how large a piece is; a file no larger is read whole.
pub const PIECE_BYTES: usize = 256 * 1024;

/// The byte ranges of `text` to parse one after another, each at least `piece` bytes long
/// (the last excepted), together covering all of it. A file whose brackets do not balance is
/// one piece: its syntax errors are reported as the whole file's.
pub fn split(text: &str, piece: usize) -> Vec<Range<usize>> {
    let whole = || std::iter::once(0..text.len()).collect();
    if text.len() <= piece {
        return whole();
    }
    let mut starts = vec![0];
    let mut line_start = true;
    // Brackets and braces open in values (not headers); a header's own brackets do not count.
    let mut depth: i64 = 0;
    let mut in_header = false;
    let mut opened_at: Option<usize> = None;
    for token in Source::new(text).lex() {
        let span = token.span();
        match token.kind() {
            TokenKind::Newline => {
                (line_start, in_header, opened_at) = (true, false, None);
                continue;
            }
            TokenKind::Whitespace if line_start => continue,
            TokenKind::LeftSquareBracket if line_start && depth == 0 => {
                in_header = true;
                opened_at = Some(span.start());
                line_start = false;
                continue;
            }
            TokenKind::LeftSquareBracket if in_header && opened_at.is_some_and(|at| at + 1 == span.start()) => {
                let at = opened_at.take().unwrap_or(span.start());
                if at - starts.last().copied().unwrap_or(0) >= piece {
                    starts.push(at);
                }
            }
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket if !in_header => depth += 1,
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket if !in_header => depth -= 1,
            _ => {}
        }
        opened_at = None;
        line_start = false;
        if depth < 0 {
            return whole();
        }
    }
    if depth != 0 {
        return whole();
    }
    let mut ranges: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    ranges.push(*starts.last().unwrap_or(&0)..text.len());
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, piece: usize) -> Vec<&str> {
        split(text, piece).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_at_item_headers_only() {
        let text = "title = \"t\"\nx = [\n[1],\n[2]]\n\n[[fact]]\nid = \"a\"\ns = \"\"\"\n[[not]]\n\"\"\"\n[fact.sub]\nk = 1\n  [[fact]]\nid = \"b\"\n";
        let got = pieces(text, 1);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert!(got[0].starts_with("title") && got[0].ends_with("[2]]\n\n"));
        assert!(got[1].starts_with("[[fact]]\nid = \"a\"") && got[1].contains("[[not]]") && got[1].contains("[fact.sub]"));
        assert_eq!(got[2], "[[fact]]\nid = \"b\"\n");
        assert_eq!(got.concat(), text);
    }

    #[test]
    fn small_files_and_unbalanced_ones_are_one_piece() {
        assert_eq!(pieces("[[fact]]\n[[fact]]\n", 1000), ["[[fact]]\n[[fact]]\n"]);
        assert_eq!(split("x = [\n[[fact]]\n", 1).len(), 1);
    }
}
