//! The search query language: words (ANDed), `"quoted phrases"`, `-excluded` words, and
//! `field:value` filters. A malformed query is an error that names the problem.

use std::fmt;

use crate::date::Date;
use crate::model::{Direction, Kind, Status};
use crate::search::fold::{fold, tokens};

/// A word or phrase to look for, folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    /// Written in quotes.
    pub phrase: bool,
}

impl Term {
    fn new(raw: &str, phrase: bool) -> Term {
        Term { text: fold(raw), phrase }
    }

    /// Its longest word: the most selective thing to look up in an index.
    pub fn key(&self) -> &str {
        tokens(&self.text).max_by_key(|t| t.len()).unwrap_or("")
    }
}

/// What a query can be restricted to: the briefing itself, or a kind of item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    Briefing,
    Item(Kind),
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Briefing => "briefing",
            Scope::Item(kind) => kind.as_str(),
        }
    }
}

/// Restrictions; each list is ORed within itself, the lists are ANDed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub kinds: Vec<Scope>,
    pub sides: Vec<String>,
    pub parties: Vec<String>,
    pub statuses: Vec<Status>,
    pub directions: Vec<Direction>,
    pub tags: Vec<String>,
    /// Source ids or outlets, folded.
    pub sources: Vec<String>,
    /// The briefing's date is on or after this day.
    pub after: Option<Date>,
    /// The briefing's date is on or before this day.
    pub before: Option<Date>,
}

impl Filters {
    /// No restriction at all.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
            && self.sides.is_empty()
            && self.parties.is_empty()
            && self.statuses.is_empty()
            && self.directions.is_empty()
            && self.tags.is_empty()
            && self.sources.is_empty()
            && self.after.is_none()
            && self.before.is_none()
    }
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    pub excluded: Vec<Term>,
    pub filters: Filters,
}

/// Why a query cannot be run, and where in it (a character column, from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    pub message: String,
    pub column: usize,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at column {})", self.message, self.column)
    }
}

impl std::error::Error for QueryError {}

/// The filters a query may use, in the order messages list them.
pub const FILTERS: &[&str] = &["kind", "side", "party", "status", "direction", "tag", "source", "after", "before"];

const SCOPES: &[&str] = &["briefing", "source", "official", "commitment", "reaction", "fact", "event", "discrepancy"];

/// One piece of the query text, with the column it starts at.
struct Piece {
    text: String,
    quoted: bool,
    /// Where in `text` the first quote opened: after `key:` it quotes a filter's value.
    quote_at: Option<usize>,
    excluded: bool,
    column: usize,
}

/// Splits a query into words and quoted phrases, noting a leading `-`.
fn pieces(input: &str) -> Result<Vec<Piece>, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let column = i + 1;
        let excluded = chars[i] == '-' && i + 1 < chars.len() && !chars[i + 1].is_whitespace();
        if excluded {
            i += 1;
        }
        let mut text = String::new();
        let mut quoted = false;
        let mut quote_at = None;
        while i < chars.len() && !chars[i].is_whitespace() {
            if chars[i] == '"' {
                let open = i;
                quoted = true;
                quote_at.get_or_insert(text.len());
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    text.push(chars[i]);
                    i += 1;
                }
                if i == chars.len() {
                    return Err(QueryError { message: "unclosed quote: a phrase ends with `\"`".into(), column: open + 1 });
                }
            } else {
                text.push(chars[i]);
            }
            i += 1;
        }
        out.push(Piece { text, quoted, quote_at, excluded, column });
    }
    Ok(out)
}

/// Parses a query.
pub fn parse(input: &str) -> Result<Query, QueryError> {
    let mut query = Query::default();
    for piece in pieces(input)? {
        // `kind:fact`, or `source:"Econo Times"` with the value quoted; a phrase that starts
        // with a quote is never a filter.
        let unquoted_key = match piece.quote_at {
            None => true,
            Some(at) => at > 0 && piece.text[..at].ends_with(':') && piece.text[..at - 1].find(':').is_none(),
        };
        let filter = unquoted_key
            .then(|| piece.text.split_once(':'))
            .flatten()
            .filter(|(key, _)| !key.is_empty() && key.chars().all(|c| c.is_ascii_alphabetic()));
        match filter {
            Some((key, value)) if !piece.excluded => add_filter(&mut query.filters, key, value, piece.column)?,
            Some((key, _)) => {
                return Err(QueryError {
                    message: format!("a filter cannot be excluded: remove the `-` before `{key}:`"),
                    column: piece.column,
                });
            }
            None if piece.text.trim().is_empty() => {
                return Err(QueryError { message: "empty phrase: put words between the quotes".into(), column: piece.column });
            }
            None => {
                let term = Term::new(&piece.text, piece.quoted);
                if term.text.is_empty() {
                    return Err(QueryError { message: format!("nothing to search for in `{}`", piece.text), column: piece.column });
                }
                if piece.excluded { query.excluded.push(term) } else { query.terms.push(term) }
            }
        }
    }
    if query.terms.is_empty() && query.filters.is_empty() {
        let message = if query.excluded.is_empty() {
            "empty query: type a word, a \"phrase\" or a filter such as kind:reaction"
        } else {
            "a query needs a word or filter besides what it excludes"
        };
        return Err(QueryError { message: message.into(), column: 1 });
    }
    Ok(query)
}

fn add_filter(f: &mut Filters, key: &str, value: &str, column: usize) -> Result<(), QueryError> {
    let err = |message: String| QueryError { message, column };
    if !FILTERS.contains(&key) {
        let known = FILTERS.iter().map(|k| format!("{k}:")).collect::<Vec<_>>().join(" ");
        let hint = crate::text::closest(key, FILTERS.iter().copied()).map(|k| format!("did you mean `{k}:`? ")).unwrap_or_default();
        return Err(err(format!("unknown filter `{key}:` — {hint}filters are {known}")));
    }
    if value.is_empty() {
        return Err(err(format!("`{key}:` needs a value, as in `{key}:{}`", example(key))));
    }
    let listed = |words: &[&str]| format!("`{key}:` is one of {}", crate::text::list_words(words.iter().copied(), words.len()));
    match key {
        "kind" => match SCOPES.iter().position(|s| *s == value) {
            Some(0) => f.kinds.push(Scope::Briefing),
            Some(_) => f.kinds.push(Scope::Item(Kind::parse(value).expect("scopes name kinds"))),
            None => return Err(err(format!("`{value}` is not a kind; {}", listed(SCOPES)))),
        },
        "status" => {
            f.statuses.push(Status::parse(value).ok_or_else(|| err(format!("`{value}` is not a status; {}", listed(Status::WORDS))))?)
        }
        "direction" => f
            .directions
            .push(Direction::parse(value).ok_or_else(|| err(format!("`{value}` is not a direction; {}", listed(Direction::WORDS))))?),
        "after" | "before" => {
            let date = Date::parse(value).ok_or_else(|| err(format!("`{key}:` needs a date like {key}:2025-06-09, not `{value}`")))?;
            if key == "after" { f.after = Some(date) } else { f.before = Some(date) }
        }
        "side" => f.sides.push(fold(value)),
        "party" => f.parties.push(fold(value)),
        "tag" => f.tags.push(fold(value)),
        _ => f.sources.push(fold(value)),
    }
    Ok(())
}

fn example(key: &str) -> &'static str {
    match key {
        "kind" => "official",
        "side" | "party" => "China",
        "status" => "pending",
        "direction" => "up",
        "tag" => "tariffs",
        "source" => "econotimes",
        _ => "2025-06-09",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(q: &Query) -> Vec<&str> {
        q.terms.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn words_phrases_and_exclusions() {
        let q = parse("Lutnick \"rare earth\" -tariff -\"trade war\"").unwrap();
        assert_eq!(terms(&q), ["lutnick", "rare earth"]);
        assert!(q.terms[1].phrase && !q.terms[0].phrase);
        assert_eq!(q.excluded.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(), ["tariff", "trade war"]);
        assert_eq!(terms(&parse("0.8% 28 nm").unwrap()), ["0.8%", "28", "nm"]);
        assert_eq!(terms(&parse("Muñoz 何立峰").unwrap()), ["munoz", "何立峰"]);
        assert_eq!(terms(&parse("a - b").unwrap()), ["a", "-", "b"], "a lone dash is a word");
    }

    #[test]
    fn every_filter() {
        let q = parse("kind:official kind:briefing side:US party:China status:in-force direction:up tag:Trade source:EconoTimes after:2025-01-01 before:2025-12-31").unwrap();
        let f = &q.filters;
        assert_eq!(f.kinds, [Scope::Item(Kind::Official), Scope::Briefing]);
        assert_eq!(
            (f.sides.as_slice(), f.parties.as_slice(), f.tags.as_slice(), f.sources.as_slice()),
            (&["us".to_string()][..], &["china".to_string()][..], &["trade".to_string()][..], &["econotimes".to_string()][..])
        );
        assert_eq!(f.statuses, [Status::InForce]);
        assert_eq!(f.directions, [Direction::Up]);
        assert_eq!(f.after, Date::parse("2025-01-01"));
        assert_eq!(f.before, Date::parse("2025-12-31"));
        assert!(q.terms.is_empty());
    }

    #[test]
    fn errors_name_the_problem_and_where() {
        let e = parse("lutnick kinds:official").unwrap_err();
        assert_eq!(e.column, 9);
        assert!(e.message.contains("unknown filter `kinds:`") && e.message.contains("did you mean `kind:`"), "{e}");
        let e = parse("say \"rare earth").unwrap_err();
        assert_eq!((e.column, e.message.contains("unclosed quote")), (5, true));
        let e = parse("after:June").unwrap_err();
        assert!(e.message.contains("needs a date like after:2025-06-09, not `June`"), "{e}");
        assert!(parse("kind:person").unwrap_err().message.contains("`briefing`, `source`, `official`"));
        assert!(parse("status:done").unwrap_err().message.contains("`proposed`"));
        assert!(parse("direction:sideways").unwrap_err().message.contains("`volatile`"));
        assert!(parse("tag:").unwrap_err().message.contains("needs a value"));
        assert!(parse("").unwrap_err().message.contains("empty query"));
        assert!(parse("   -tariff").unwrap_err().message.contains("besides what it excludes"));
        assert!(parse("\"\"").unwrap_err().message.contains("empty phrase"));
        assert!(parse("-kind:fact x").unwrap_err().message.contains("cannot be excluded"));
    }

    #[test]
    fn quoted_colons_are_words() {
        let q = parse("\"note: this\"").unwrap();
        assert_eq!(terms(&q), ["note: this"]);
    }

    #[test]
    fn a_filter_value_may_be_quoted() {
        assert_eq!(parse("kind:\"fact\"").unwrap(), parse("kind:fact").unwrap());
        let q = parse("source:\"econo times\" lithium").unwrap();
        assert_eq!(
            q,
            parse("source:econo lithium")
                .map(|mut q| {
                    q.filters.sources = vec!["econo times".into()];
                    q
                })
                .unwrap()
        );
        assert!(parse("kind:\"facts\"").unwrap_err().message.contains("kind"), "a quoted bad value is still checked");
    }
}
