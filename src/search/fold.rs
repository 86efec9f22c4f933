//! Folding text for matching: lower case, accents stripped (`Muñoz` → `munoz`), a few letters
//! spelled out (`ß` → `ss`). CJK and other scripts pass through unchanged.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Appends the folded form of one character.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        match lower {
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ø' => out.push('o'),
            'đ' | 'ð' => out.push('d'),
            'ł' => out.push('l'),
            'ı' => out.push('i'),
            'þ' => out.push_str("th"),
            '‘' | '’' | 'ʼ' => out.push('\''),
            '“' | '”' => out.push('"'),
            _ => decompose_canonical(lower, |d| {
                if !is_combining_mark(d) {
                    out.push(d);
                }
            }),
        }
    }
}

/// The folded form of a text.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded form of a text. Runs of ASCII, most of any text here even beside a
/// curly quote or a dash, are lowered whole rather than a character at a time.
pub fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        let mut chars = rest[ascii..].chars();
        if let Some(c) = chars.next() {
            fold_char(c, out);
        }
        rest = chars.as_str();
    }
}

/// Folds `text` and says, for every byte of the result, which byte of `text` it came from (one
/// more entry maps the end), so a match in the folded text can be shown in the original.
pub fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let before = out.len();
        fold_char(c, &mut out);
        map.extend(std::iter::repeat_n(at, out.len() - before));
    }
    map.push(text.len());
    (out, map)
}

/// Words of a folded text: runs of letters and digits (a run of CJK characters is one word).
pub fn tokens(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty())
}

/// Whether the match at `start..end` of a folded text stands as whole words: no letter or digit
/// runs on from either end.
pub fn is_whole_word(folded: &str, start: usize, end: usize) -> bool {
    let before = folded[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
    let after = folded[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    before && after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_ascii_fold_as_each_character_would() {
        let one_at_a_time = |text: &str| {
            let mut out = String::new();
            text.chars().for_each(|c| fold_char(c, &mut out));
            out
        };
        for text in ["", "ABC", "Ä", "“Rare” EARTHS — Muñoz, Straße", "x\u{301}Y", "稀土 Export", "ÆØ", "a\u{0}B\u{7f}Ç"] {
            assert_eq!(fold(text), one_at_a_time(text), "{text:?}");
            let mut appended = String::from("Kept ");
            fold_into(text, &mut appended);
            assert_eq!(appended, format!("Kept {}", one_at_a_time(text)), "{text:?}");
        }
    }

    #[test]
    fn case_and_accents_fold_away() {
        assert_eq!(fold("Muñoz"), "munoz");
        assert_eq!(fold("He Lifeng"), "he lifeng");
        assert_eq!(fold("Maroš Šefčovič"), "maros sefcovic");
        assert_eq!(fold("Straße Ærø"), "strasse aero");
        assert_eq!(fold("何立峰"), "何立峰");
        assert_eq!(fold("Tiếng Việt"), "tieng viet");
        assert_eq!(fold("it’s"), "it's");
    }

    #[test]
    fn the_map_points_back_into_the_original() {
        let text = "Señor Muñoz";
        let (folded, map) = fold_with_map(text);
        let at = folded.find("munoz").unwrap();
        let (start, end) = (map[at], map[at + "munoz".len()]);
        assert_eq!(&text[start..end], "Muñoz");
        assert_eq!(map.len(), folded.len() + 1);
    }

    #[test]
    fn tokens_and_whole_words() {
        let t: Vec<&str> = tokens("rare-earth exports, +0.8% 何立峰说").collect();
        assert_eq!(t, ["rare", "earth", "exports", "0", "8", "何立峰说"]);
        let text = "lithium and lithium-ion";
        assert!(is_whole_word(text, 0, 7));
        assert!(!is_whole_word(text, 0, 4));
        assert!(is_whole_word(text, 12, 19));
    }
}
