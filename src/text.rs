//! Text helpers shared by diagnostics and, later, every front end: making file text safe to show,
//! and suggesting the closest known word.

/// Replaces every character that a terminal would act on instead of drawing with a visible
/// stand-in, one character for one, so columns counted in characters stay the same.
///
/// C0 controls become their Unicode control pictures (ESC shows as `␛`), DEL shows as `␡`,
/// and C1 controls and invisible bidirectional/format controls show as `�`. Tabs are kept
/// (they only move the cursor), and so is `\n` unless `keep_newlines` is false.
pub fn visible(text: &str, keep_newlines: bool) -> String {
    text.chars()
        .map(|c| match c {
            '\t' => '\t',
            '\n' if keep_newlines => '\n',
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            c if is_invisible_control(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// True for characters that change how a terminal or a bidi-aware renderer lays text out
/// without drawing anything themselves: C1 controls and Unicode's bidi and format controls.
pub fn is_invisible_control(c: char) -> bool {
    matches!(c,
        '\u{80}'..='\u{9f}'
        | '\u{061c}'                 // Arabic letter mark
        | '\u{200b}'..='\u{200f}'    // zero-width space/joiners, LRM, RLM
        | '\u{2028}'..='\u{202e}'    // line/paragraph separators, bidi embeddings and overrides
        | '\u{2060}'..='\u{2069}'    // word joiner, invisible operators, bidi isolates
        | '\u{feff}'                 // zero-width no-break space (BOM)
    )
}

/// The known word closest to `word`, if one is close enough to be a likely typo.
pub fn closest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(&word_lower, &k.to_lowercase()), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// `a`, `b` and `c` — a list of words for a message, each in backticks, cut after `max`.
pub fn list_words<'a>(words: impl IntoIterator<Item = &'a str>, max: usize) -> String {
    let words: Vec<&str> = words.into_iter().collect();
    let shown: Vec<String> = words.iter().take(max).map(|w| format!("`{w}`")).collect();
    let mut out = shown.join(", ");
    if words.len() > max {
        out.push_str(&format!(" and {} more", words.len() - max));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_one_for_one() {
        let raw = "title \u{1b}[2J\u{9b}\u{202e}end";
        let shown = visible(raw, true);
        assert_eq!(shown, "title ␛[2J��end");
        assert_eq!(shown.chars().count(), raw.chars().count());
        assert!(!shown.chars().any(|c| c.is_control()));
    }

    #[test]
    fn newlines_kept_only_when_asked() {
        assert_eq!(visible("a\nb\tc", true), "a\nb\tc");
        assert_eq!(visible("a\nb", false), "a␊b");
    }

    #[test]
    fn closest_finds_typos_and_rejects_strangers() {
        let keys = ["title", "date", "summary", "end_date"];
        assert_eq!(closest("titel", keys), Some("title"));
        assert_eq!(closest("enddate", keys), Some("end_date"));
        assert_eq!(closest("zzzz", keys), None);
    }

    #[test]
    fn word_lists_are_cut() {
        assert_eq!(list_words(["a", "b"], 5), "`a`, `b`");
        assert_eq!(list_words(["a", "b", "c"], 2), "`a`, `b` and 1 more");
    }
}
