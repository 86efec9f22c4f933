//! The checkable terms of a claim — figures with their units, and proper names — and whether
//! a passage of a saved article holds them. What `brief verify` checks an item against the
//! places it cites with; the rules are in `docs/verify.md`.

use super::article::fold;

/// A term of a claim that the cited place must hold.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Term {
    /// A number as written (`115`, `1.2`, `60%`, `2021`) and the unit that follows it, if any
    /// (`percentage points`, `days`, `nm`, `billion`).
    Figure { number: String, unit: Option<String> },
    /// A run of capitalised words that names someone or something (`Howard Lutnick`,
    /// `Lancaster House`, `CSI 300`).
    Name(String),
}

impl std::fmt::Display for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Term::Figure { number, unit: Some(unit) } => write!(f, "{number} {unit}"),
            Term::Figure { number, unit: None } => f.write_str(number),
            Term::Name(name) => f.write_str(name),
        }
    }
}

/// Units a figure may carry, as the articles write them; the longest that fits is taken.
const UNITS: &[&str] = &[
    "percentage points",
    "percentage point",
    "percent",
    "points",
    "point",
    "days",
    "day",
    "nm",
    "trillion",
    "billion",
    "million",
    "per cent",
    "°c",
    "weight percent",
];

/// Capitalised words that start sentences or are too common to check as names.
const NOT_NAMES: &[&str] = &[
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "In",
    "On",
    "At",
    "As",
    "By",
    "For",
    "From",
    "If",
    "Of",
    "To",
    "With",
    "Without",
    "And",
    "But",
    "Or",
    "Both",
    "Each",
    "One",
    "Two",
    "Three",
    "Some",
    "Since",
    "After",
    "Before",
    "Among",
    "Any",
    "All",
    "Nothing",
    "Other",
    "Others",
    "Another",
    "Elsewhere",
    "Beyond",
    "Their",
    "They",
    "What",
    "Which",
    "Who",
    "Whether",
    "How",
    "Why",
    "When",
    "While",
    "Where",
    "Once",
    "Most",
    "More",
    "Less",
    "Only",
    "Also",
    "Then",
    "There",
    "Here",
    "Under",
    "Over",
    "Said",
    "Says",
    "Say",
    "Warn",
    "Caution",
    "Speculate",
    "Reported",
    "Rose",
    "Gained",
    "Cautiously",
    "Shared",
    "Confirmed",
    "Called",
    "Spoke",
    "Named",
    "Represented",
    "Talks",
    "Rare",
    "Chinese",
    "American",
    "Dates",
    "Date",
    "Rulings",
    "Reports",
    "Report",
    "Licences",
    "Analysts",
    "Observers",
    "Economists",
];

/// Splits text into words, keeping `%`, `$`, `.` and `-` inside them.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '“' | '”' | '"' | '—' | '–' | '/'))
        .map(|w| w.trim_end_matches(['.', ':', '?', '!']).trim_matches(['\'', '’', '‘']).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The number in a word (`115-percentage-point` → `115`, `$1.2` → `1.2`, `60%` → `60%`,
/// `+9.9%` → `9.9%`): a sign or currency mark is not part of the figure.
fn number_of(word: &str) -> Option<(String, &str)> {
    let w = word.trim_start_matches(['$', '£', '€', '¥', '+', '-', '−']);
    let end = w.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(w.len());
    let digits = w[..end].trim_end_matches('.');
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = &w[end..];
    let number = if rest.starts_with('%') { format!("{digits}%") } else { digits.to_string() };
    Some((number, rest.trim_start_matches('%').trim_start_matches('-')))
}

/// A figure's value as a key: two figures have one key exactly when [`same_value`] says so.
fn figure_key(n: &str) -> String {
    match n.trim_end_matches('%').parse::<f64>() {
        Ok(x) => format!("f:{}", x.to_bits()),
        Err(_) => format!("s:{n}"),
    }
}

impl Term {
    /// What every passage holding the term holds among its [`Text::keys`]: a name's first word,
    /// whole, or a figure's value. None when a name has no word to go by.
    pub fn key(&self) -> Option<String> {
        match self {
            Term::Name(name) => {
                let needle = fold(name).replace('.', "");
                let first = needle.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty())?;
                Some(format!("w:{first}"))
            }
            Term::Figure { number, .. } => Some(figure_key(number)),
        }
    }
}

/// Whether two figures are one number: `1.20` is `1.2`, `060` is `60`.
pub(super) fn same_value(a: &str, b: &str) -> bool {
    match (a.trim_end_matches('%').parse::<f64>(), b.trim_end_matches('%').parse::<f64>()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Whether `unit` starts one of the folded words `following` (plural allowed), as whole words:
/// "points" carries `point`, "pointed" does not.
fn unit_among(following: &[String], unit: &str) -> bool {
    (0..following.len()).any(|k| {
        let phrase = following[k..].join(" ");
        phrase.strip_prefix(unit).is_some_and(|rest| {
            let rest = rest.strip_prefix('s').unwrap_or(rest);
            rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// Splits a claim into clauses: at sentence ends, and at commas, semicolons, colons, brackets,
/// quotes and dashes, which names do not run across. Each clause comes with whether it starts
/// a sentence (its first word is capitalised for that alone).
fn clauses(text: &str) -> Vec<(bool, String)> {
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut current = String::new();
    let mut sentence_start = true;
    let chars: Vec<char> = text.chars().collect();
    let flush = |current: &mut String, starts: bool, out: &mut Vec<(bool, String)>| {
        if !current.trim().is_empty() {
            out.push((starts, std::mem::take(current)));
        }
        current.clear();
    };
    let mut starts = true;
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        // A full stop ends a sentence unless it sits inside a number (1.2) or an initialism
        // (U.S.).
        let sentence_end =
            matches!(c, '.' | '!' | '?') && next.is_none_or(char::is_whitespace) && !(c == '.' && i >= 2 && chars[i - 2] == '.');
        if sentence_end || c == '\n' {
            flush(&mut current, starts, &mut out);
            sentence_start = true;
            starts = true;
            continue;
        }
        if matches!(c, ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"' | '—' | '–' | '/') {
            flush(&mut current, starts, &mut out);
            continue;
        }
        if !c.is_whitespace() && current.trim().is_empty() {
            starts = sentence_start;
            sentence_start = false;
        }
        current.push(c);
    }
    flush(&mut current, starts, &mut out);
    out
}

/// The figures and names of a claim, each once, in order of first appearance. A name runs
/// through capitalised words within a clause; the first word of a sentence counts only when
/// it is an initialism (`US`, `CSI`), since any word is capitalised there.
pub fn terms(text: &str) -> Vec<Term> {
    let mut out = Terms::default();
    for (sentence_start, clause) in clauses(text) {
        let words = tokens(&clause);
        let mut i = 0;
        while i < words.len() {
            if let Some((number, glued)) = number_of(&words[i]) {
                // The unit is glued on (`115-percentage-point`, `14nm`) or follows as words.
                let following: Vec<String> =
                    std::iter::once(glued.replace('-', " ")).chain(words[i + 1..].iter().take(2).cloned()).collect();
                let phrase = fold(&following.join(" "));
                let unit =
                    UNITS.iter().find(|u| phrase.starts_with(*u) && phrase[u.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()));
                // Singular, so "30 days" and "a 30-day limit" are one term.
                let unit = unit.map(|u| normalise_unit(u.trim_end_matches('s')));
                // "0.8 percent" and "0.8 per cent" are the figure 0.8%.
                let (number, unit) = match unit.as_deref() {
                    Some("%") => (format!("{}%", number.trim_end_matches('%')), None),
                    _ => (number, unit),
                };
                push(&mut out, Term::Figure { number, unit });
                i += 1;
                continue;
            }
            let capital = |w: &str| w.starts_with(|c: char| c.is_uppercase()) && !NOT_NAMES.contains(&w);
            let initialism = |w: &str| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            // "US-China" names two parties, each of which the place must hold.
            let parts: Vec<&str> = words[i].split('-').collect();
            if parts.len() > 1 && parts.iter().all(|p| capital(p)) {
                for part in parts {
                    push(&mut out, Term::Name(part.to_string()));
                }
                i += 1;
                continue;
            }
            if capital(&words[i]) && !(i == 0 && sentence_start && !initialism(&words[i])) {
                let mut name = vec![words[i].clone()];
                let mut j = i + 1;
                // A name runs on through capitalised words and an index's number (CSI 300),
                // and ends at a possessive.
                while j < words.len()
                    && !name.last().is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
                    && (capital(&words[j]) || (name.len() == 1 && initialism(&name[0]) && words[j].chars().all(|c| c.is_ascii_digit())))
                {
                    name.push(words[j].clone());
                    j += 1;
                }
                let joined = name.join(" ");
                push(&mut out, Term::Name(joined.trim_end_matches("'s").trim_end_matches("’s").to_string()));
                i = j;
                continue;
            }
            i += 1;
        }
    }
    out.list
}

/// Terms in the order first found, each once: a set says whether one is new, since a claim
/// may hold tens of thousands of figures.
#[derive(Default)]
struct Terms {
    list: Vec<Term>,
    seen: std::collections::HashSet<Term>,
}

/// An initialism written with dots (`U.S`, `U.K.`), without them; any other word as it is.
fn undotted(word: &str) -> String {
    let letters: Vec<&str> = word.split('.').filter(|p| !p.is_empty()).collect();
    if letters.len() > 1 && letters.iter().all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase)) {
        letters.concat()
    } else {
        word.to_string()
    }
}

fn normalise_unit(unit: &str) -> String {
    match unit {
        "percent" | "per cent" | "weight percent" => "%".to_string(),
        other => other.to_string(),
    }
}

fn push(out: &mut Terms, term: Term) {
    // "U.S." is the name US, as a passage holds it with or without the dots.
    let term = match term {
        Term::Name(name) => Term::Name(name.split(' ').map(undotted).collect::<Vec<_>>().join(" ")),
        figure => figure,
    };
    if out.seen.insert(term.clone()) {
        out.list.push(term);
    }
}

/// Whether a passage holds a term: a name as words, a figure as its number with its unit
/// following within a few words.
pub fn holds(passage: &str, term: &Term) -> bool {
    Text::new(passage).holds(term)
}

/// A passage read once for checking many terms against it: a saved copy runs to megabytes,
/// and reading it afresh for every term of every claim would take minutes.
#[derive(Clone, Debug, Default)]
pub struct Text {
    /// Folded, without the dots of initialisms: "U.S." and "US" are one name.
    names: String,
    /// Every number with the folded words that follow it.
    figures: Vec<(String, Vec<String>)>,
}

impl Text {
    /// Whether the passage has these folded words, whole.
    fn has_words(&self, needle: &str) -> bool {
        let hay = &self.names;
        hay.match_indices(needle).any(|(at, _)| {
            let after = hay[at + needle.len()..].chars().next();
            self.boundary_before(at) && after.is_none_or(|c| !c.is_alphanumeric())
        })
    }

    fn boundary_before(&self, at: usize) -> bool {
        self.names[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
    }

    pub fn new(passage: &str) -> Text {
        let words = tokens(passage);
        let figures = words
            .iter()
            .enumerate()
            .filter_map(|(i, w)| {
                let (n, glued) = number_of(w)?;
                let following: Vec<String> = std::iter::once(glued.replace('-', " "))
                    .chain(words[i + 1..].iter().take(3).cloned())
                    .map(|w| fold(&w))
                    .filter(|w| !w.is_empty())
                    .collect();
                Some((n, following))
            })
            .collect();
        Text { names: fold(passage).replace('.', ""), figures }
    }

    /// Every key of a term this text could hold ([`Term::key`]): its whole words and the values
    /// of its figures.
    pub fn keys(&self) -> impl Iterator<Item = String> + '_ {
        let words = self.names.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| format!("w:{w}"));
        words.chain(self.figures.iter().map(|(n, _)| figure_key(n)))
    }

    pub fn holds(&self, term: &Term) -> bool {
        match term {
            Term::Name(name) => {
                let needle = fold(name).replace('.', "");
                if self.has_words(&needle) {
                    return true;
                }
                // "President Trump" stands in "President Donald Trump": one word may come
                // between a title or first name and the rest.
                let words: Vec<&str> = needle.split_whitespace().collect();
                words.len() > 1 && {
                    let (first, rest) = (words[0], words[1..].join(" "));
                    self.names.match_indices(first).any(|(at, _)| {
                        let after = &self.names[at + first.len()..];
                        let mut parts = after.splitn(3, ' ');
                        let (gap, tail) = (parts.next(), parts.next().zip(parts.next()));
                        gap == Some("")
                            && self.boundary_before(at)
                            && tail.is_some_and(|(middle, tail)| {
                                !middle.is_empty()
                                    && middle.chars().all(char::is_alphanumeric)
                                    && tail.starts_with(&rest)
                                    && tail[rest.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
                            })
                    })
                }
            }
            Term::Figure { number, unit } => {
                let percent = number.ends_with('%');
                self.figures.iter().any(|(n, following)| {
                    if !same_value(n, number) {
                        return false;
                    }
                    // 30% is also "30 percent", "30 per cent" and "30 weight percent".
                    let written_percent = n.ends_with('%')
                        || unit_among(following, "percent")
                        || unit_among(following, "per cent")
                        || unit_among(following, "weight percent");
                    percent == written_percent && unit.as_ref().is_none_or(|u| unit_among(following, u))
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_holding_a_term_holds_its_key() {
        let passages = [
            "President Donald Trump met Vice Premier He Lifeng at Lancaster House in London.",
            "The CSI 300 rose 0.8 percent; exports fell 1.20% and 060 firms waited 30 days.",
            "U.S. Commerce Secretary Howard Lutnick said O'Brien and Li Chenggang spoke on 14nm chips.",
            "Rare-earth magnets: a 115-percentage-point cut, $2.5 billion, and the US-China truce.",
        ];
        let claims = [
            "President Trump and He Lifeng met in London at Lancaster House.",
            "The CSI 300 rose 0.8% as exports fell 1.2 percent, and 60 firms waited 30 days.",
            "US Commerce Secretary Howard Lutnick and O'Brien spoke with Li Chenggang about 14 nm chips.",
            "A 115 percentage point cut, 2.5 billion dollars, and the US-China truce on rare earths.",
        ];
        let mut held = 0;
        for passage in passages {
            let text = Text::new(passage);
            let keys: std::collections::HashSet<String> = text.keys().collect();
            for claim in claims {
                for term in terms(claim) {
                    if text.holds(&term) {
                        held += 1;
                        assert!(term.key().is_some_and(|k| keys.contains(&k)), "{term:?} held by {passage:?} without its key");
                    }
                }
            }
        }
        assert!(held > 10, "the cases hold terms: {held}");
    }

    fn figure(number: &str, unit: Option<&str>) -> Term {
        Term::Figure { number: number.into(), unit: unit.map(str::to_string) }
    }

    #[test]
    fn figures_with_their_units_and_names() {
        let t = terms(
            "The US cuts tariffs as part of a 115-percentage-point reduction; Lutnick met He Lifeng at Lancaster House within 30 days for $1.2 billion, 60% of supply, 14 nm chips, since 2021; the CSI 300 rose.",
        );
        assert!(t.contains(&figure("115", Some("percentage point"))), "{t:?}");
        assert!(t.contains(&figure("30", Some("day"))), "{t:?}");
        assert!(t.contains(&figure("1.2", Some("billion"))), "{t:?}");
        assert!(t.contains(&figure("60%", None)), "{t:?}");
        assert!(t.contains(&figure("14", Some("nm"))), "{t:?}");
        assert!(t.contains(&figure("2021", None)), "{t:?}");
        for name in ["US", "Lutnick", "He Lifeng", "Lancaster House", "CSI 300"] {
            assert!(t.contains(&Term::Name(name.into())), "{name} in {t:?}");
        }
        assert!(!t.contains(&Term::Name("The".into())));
        assert_eq!(terms("Officials of the U.S. met."), [Term::Name("US".into())], "an initialism is named without its dots");
        let t =
            terms("Shared Lutnick's upbeat reading. Spelled Li Changgang by EconoTimes; with Bessent, Lutnick and Greer. Howard Lutnick");
        let names: Vec<String> = t.iter().map(ToString::to_string).collect();
        assert_eq!(names, ["Lutnick", "Li Changgang", "EconoTimes", "Bessent", "Greer"], "sentence starts, possessives and lists");
        assert!(terms("Pressure eased by 30% by weight").contains(&figure("30%", None)));
    }

    #[test]
    fn a_passage_holds_a_term_as_words_and_a_figure_with_its_unit() {
        let passage = "Both sides agreed to slash tariffs by 115 percentage points over a defined schedule, within 30 days.";
        assert!(holds(passage, &figure("115", Some("percentage point"))));
        assert!(holds(passage, &figure("30", Some("day"))));
        assert!(!holds(passage, &figure("30", Some("nm"))));
        assert!(!holds("a May agreement where both countries temporarily reduced tariffs", &figure("115", Some("percentage point"))));
        assert!(holds("controlling over 70% of global processing", &figure("70%", None)));
        assert!(holds("concentrations above 30 weight percent", &figure("30%", None)));
        assert!(holds("Secretary Howard Lutnick confirmed", &Term::Name("Lutnick".into())));
        assert!(!holds("Lutnickson", &Term::Name("Lutnick".into())), "whole words only");
        let trump = Term::Name("President Trump".into());
        assert!(holds("said President Donald Trump on Tuesday", &trump), "a first name may stand between");
        assert!(holds("said President Trump", &trump));
        assert!(!holds("said President Donald J. Trump", &trump), "at most one word between");
        assert!(!holds("the President spoke; Trumpet", &trump));
        assert!(!holds("President Donald Trumpet", &trump));
    }

    #[test]
    fn figures_compare_as_numbers_and_percent_is_one_unit_however_written() {
        assert_eq!(terms("It fell 0.8 percent"), [figure("0.8%", None)]);
        assert_eq!(terms("It fell 60 per cent"), [figure("60%", None)]);
        assert!(holds("shares fell 0.8% on Tuesday", &figure("0.8%", None)));
        assert!(holds("shares fell 60 per cent", &figure("60%", None)));
        assert!(holds("the index closed +9.9% higher", &figure("9.9%", None)), "a sign is not part of the figure");
        assert!(holds("a deal worth $1.20 billion", &figure("1.2", Some("billion"))), "1.20 is 1.2");
        assert!(!holds("a deal worth $12 billion", &figure("1.2", Some("billion"))));
        assert!(terms("trade of 5 trillion").contains(&figure("5", Some("trillion"))));
        assert!(!holds("115 pointed remarks", &figure("115", Some("point"))), "a unit is a whole word");
        assert!(!holds("30 daysprings", &figure("30", Some("day"))));
    }

    #[test]
    fn names_split_at_hyphens_and_take_a_number_only_after_an_initialism() {
        let names = |text: &str| terms(text).into_iter().filter(|t| matches!(t, Term::Name(_))).map(|t| t.to_string()).collect::<Vec<_>>();
        assert_eq!(names("talks on US-China trade"), ["US", "China"]);
        assert_eq!(names("a call with Xi 30 days ago"), ["Xi"]);
        assert_eq!(names("the CSI 300 rose"), ["CSI 300"]);
        assert!(terms("a call with Xi 30 days ago").contains(&figure("30", Some("day"))));
    }
}
