//! Text helpers shared by every front end: making text from files (and file names) safe for
//! each place it goes — a terminal ([`visible`], [`path`]), JSON ([`json`]), a URL in Markdown
//! ([`url`]) — and suggesting the closest known word; and a hash of text that stays the same
//! from run to run.

/// A 64-bit FNV-1a hash: the same in every run and build, unlike the standard library's, so it
/// can name a file or stand for a word in what is kept on disk.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3))
}

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

/// Text from a file, safe to show and cut to about `max` characters with `…`: a heading of a
/// saved page quoted in a message, say, which could be a 15 MB line.
pub fn short(text: &str, max: usize) -> String {
    // Cut before making visible (one character for one): a name may be a megabyte long.
    if text.chars().nth(max).is_none() {
        return visible(text, false);
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    visible(&cut, false) + "…"
}

/// A count and its noun: "1 reaction", "2 reactions", "0 discrepancies".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

/// Shown text cut to `cols` columns of display width, ending with "…" where it was cut.
pub fn fit(text: &str, cols: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= cols {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        // One column stays for the "…".
        if used + w + 1 > cols {
            break;
        }
        used += w;
        out.push(c);
    }
    if cols > 0 {
        out.push('…');
    }
    out
}

/// Shown text cut from the front to `cols` columns, starting with "…" where it was cut: the end
/// of a line being typed is what matters.
pub fn fit_end(text: &str, cols: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= cols {
        return text.to_string();
    }
    let mut kept = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > cols {
            break;
        }
        used += w;
        kept.push(c);
    }
    let start = if cols > 0 { "…" } else { "" };
    start.chars().chain(kept.into_iter().rev()).collect()
}

/// A path as a terminal may show it: file names are text from anyone, too.
pub fn path(path: &std::path::Path) -> String {
    visible(&path.display().to_string(), false)
}

/// Pretty JSON in which no character can drive a terminal the document is printed on: serde
/// escapes C0 controls; DEL, C1 and the invisible bidi and format controls are escaped here, as
/// `\uXXXX`. Those characters can only stand inside strings, so escaping them throughout the
/// text is escaping them in the strings.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let raw = serde_json::to_string_pretty(value).unwrap_or_else(|err| format!("{{\"error\": \"{err}\"}}"));
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c == '\u{7f}' || is_invisible_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A URL safe in Markdown's `<…>` and on a terminal: every character that could end the link,
/// break the line or drive a terminal (controls, C1, bidi and format controls, spaces, `<`,
/// `>`) is percent-encoded, which keeps the address what it was.
pub fn url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_control() || c == '\u{7f}' || is_invisible_control(c) || c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`') {
            let mut buf = [0u8; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
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

/// The known word closest to `word`, if one is close enough to be a likely typo. For short
/// lists of known words (keys, keywords); a word among thousands goes through a [`Guesser`].
pub fn closest<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    Guesser::new(usize::MAX).closest(word, known)
}

/// The longest word, in characters, that a guess is made for or may be: a typo is a slip in a
/// word someone typed, and comparing two words costs the product of their lengths.
const GUESS_CHARS: usize = 80;

/// Guesses at what mistyped words meant, within a number of comparisons. One guess compares
/// the word with every candidate, so a file (or a library) holding thousands of mistakes among
/// thousands of ids would take the square of both; once the comparisons are spent, the rest of
/// the mistakes are reported without a guess.
pub struct Guesser {
    left: std::cell::Cell<usize>,
}

impl Guesser {
    /// The comparisons one file's references may make: about a twentieth of a second.
    pub const FILE: usize = 200_000;
    /// The comparisons a library's `related` ids may make, all files together: about a quarter
    /// of a second, a guess for each of a hundred missing ids among ten thousand.
    pub const LIBRARY: usize = 1_000_000;

    pub fn new(comparisons: usize) -> Self {
        Guesser { left: std::cell::Cell::new(comparisons) }
    }

    /// The candidate closest to `word` by Jaro-Winkler similarity (at least 0.8, ignoring case),
    /// the later of equals; `None` when none is that close, or when the comparisons ran out
    /// part way (the best so far might not be the best).
    pub fn closest<'a>(&self, word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
        use rapidfuzz::distance::jaro_winkler::{Args, BatchComparator};
        let word = word.to_lowercase();
        if word.chars().nth(GUESS_CHARS).is_some() || self.left.get() == 0 {
            return None;
        }
        // Ids are ASCII: compared as bytes, not characters, a comparison takes a third of the time.
        let bytes = BatchComparator::new(word.bytes());
        let chars = std::cell::OnceCell::new();
        let args = Args::default().score_cutoff(0.8);
        let mut best: Option<(f64, &str)> = None;
        for candidate in known {
            let left = self.left.get().checked_sub(1)?;
            self.left.set(left);
            if candidate.len() > GUESS_CHARS && candidate.chars().nth(GUESS_CHARS).is_some() {
                continue;
            }
            let score = if word.is_ascii() && candidate.is_ascii() {
                bytes.similarity_with_args(candidate.bytes().map(|b| b.to_ascii_lowercase()), &args)
            } else {
                let chars = chars.get_or_init(|| BatchComparator::new(word.chars()));
                chars.similarity_with_args(candidate.chars().flat_map(char::to_lowercase), &args)
            };
            if let Some(score) = score
                && best.is_none_or(|(high, _)| score >= high)
            {
                best = Some((score, candidate));
            }
        }
        best.map(|(_, candidate)| candidate)
    }
}

/// `a`, `b` and `c` — a list of words for a message, each in backticks, cut after `max`.
pub fn list_words<'a>(words: impl IntoIterator<Item = &'a str>, max: usize) -> String {
    let words: Vec<&str> = words.into_iter().collect();
    list_words_of(words.iter().copied(), words.len(), max)
}

/// [`list_words`] of `count` words, of which only the first `max` are read: a list of ten
/// thousand ids named in thousands of messages is never gathered for each.
pub fn list_words_of<'a>(words: impl IntoIterator<Item = &'a str>, count: usize, max: usize) -> String {
    // A list in a message names words: an id of a hundred thousand characters would be the
    // whole message, so each is cut to its first [`GUESS_CHARS`].
    let shown: Vec<String> = words.into_iter().take(max).map(|w| format!("`{}`", short(w, GUESS_CHARS + 1))).collect();
    let mut out = shown.join(", ");
    if count > max {
        out.push_str(&format!(" and {} more", count - max));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_says_one_of_a_thing() {
        assert_eq!(counted(1, "reaction", "reactions"), "1 reaction");
        assert_eq!(counted(0, "discrepancy", "discrepancies"), "0 discrepancies");
        assert_eq!(counted(2, "hit", "hits"), "2 hits");
    }

    #[test]
    fn fit_cuts_by_display_width_and_says_so() {
        assert_eq!(fit("rare earths", 11), "rare earths");
        assert_eq!(fit("rare earths", 10), "rare eart…");
        assert_eq!(fit("稀土出口管制", 7), "稀土出…", "wide characters count two columns");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit_end("rare earths", 6), "…arths");
        assert_eq!(fit_end("稀土出口管制", 7), "…口管制");
        assert_eq!(fit_end("abc", 3), "abc");
    }

    #[test]
    fn json_escapes_what_serde_leaves_raw() {
        let text = json(&"a\u{1b}[2J b\u{9b}c \u{202e}d\u{200b}e\u{7f}");
        assert_eq!(text, "\"a\\u001b[2J b\\u009bc \\u202ed\\u200be\\u007f\"");
        let back: String = serde_json::from_str(&text).unwrap();
        assert_eq!(back, "a\u{1b}[2J b\u{9b}c \u{202e}d\u{200b}e\u{7f}", "the value is unchanged");
    }

    #[test]
    fn urls_are_percent_encoded_where_they_could_escape() {
        assert_eq!(url("https://x.org/a b?q=<1>\u{1b}]52;c;\u{7}"), "https://x.org/a%20b?q=%3C1%3E%1B]52;c;%07");
        assert_eq!(url("https://example.com/ünï"), "https://example.com/ünï", "letters stay");
    }

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
    fn guesses_ignore_case_whatever_the_alphabet() {
        assert_eq!(closest("Titel", ["title", "date"]), Some("title"));
        assert_eq!(closest("titel", ["TITLE", "date"]), Some("TITLE"));
        assert_eq!(closest("zürih-talks", ["zürich-talks", "london-talks"]), Some("zürich-talks"));
        assert_eq!(closest("ZÜRICH-TALK", ["zürich-talks", "london-talks"]), Some("zürich-talks"));
        assert_eq!(closest("zurich-talk", ["Zürich-talks", "london-talks"]), Some("Zürich-talks"));
    }

    #[test]
    fn no_guess_for_words_too_long_to_be_typos() {
        let long = "a".repeat(GUESS_CHARS + 1);
        let near = format!("{long}b");
        assert_eq!(closest(&long, [near.as_str()]), None);
        assert_eq!(closest("aaaa", [long.as_str(), "aaab"]), Some("aaab"), "a long candidate is passed over");
    }

    #[test]
    fn a_guesser_stops_guessing_when_its_comparisons_are_spent() {
        let ids = ["london-talks", "geneva-talks", "paris-talks"];
        let guesser = Guesser::new(4);
        assert_eq!(guesser.closest("london-talk", ids), Some("london-talks"), "three comparisons of four");
        assert_eq!(guesser.closest("geneva-talk", ids), None, "ran out part way: no guess from part of the list");
        assert_eq!(guesser.closest("paris-talk", ids), None, "and none after");
    }

    #[test]
    fn word_lists_name_long_words_by_their_start() {
        let long = "x".repeat(100_000);
        let list = list_words([long.as_str(), "b"], 5);
        assert_eq!(list, format!("`{}…`, `b`", "x".repeat(GUESS_CHARS)));
        assert_eq!(list_words_of(["a", "b", "c"].into_iter().cycle(), 10_000, 2), "`a`, `b` and 9998 more");
    }

    #[test]
    fn word_lists_are_cut() {
        assert_eq!(list_words(["a", "b"], 5), "`a`, `b`");
        assert_eq!(list_words(["a", "b", "c"], 2), "`a`, `b` and 1 more");
    }
}
