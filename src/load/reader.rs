//! Reading a spanned TOML tree by hand, so that every problem keeps its position and all of a
//! file's problems are found in one pass (a serde derive stops at the first).

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml::value::Datetime;

use crate::date::Date;
use crate::diag::{Code, Sink};
use crate::text;

pub type Value<'i> = Spanned<DeValue<'i>>;

/// A string value with the span of its literal in the file.
#[derive(Clone, Debug)]
pub struct Str {
    pub value: String,
    pub span: Range<usize>,
}

/// A table being read, with what to call it in messages and where to point when a key is missing.
#[derive(Clone)]
pub struct Table<'a, 'i> {
    pub table: &'a DeTable<'i>,
    pub span: Range<usize>,
    /// `the briefing`, `this [[source]]`, …
    pub what: &'a str,
}

impl<'a, 'i> Table<'a, 'i> {
    pub fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        self.table.get(key)
    }

    /// Reports every key not in `known`, suggesting the closest known one.
    pub fn check_keys(&self, sink: &mut Sink, known: &[&str]) {
        for (key, _) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if known.contains(&name) {
                continue;
            }
            let d = sink.report(Code::UnknownKey, key.span(), format!("unknown key `{}` in {}", text::visible(name, false), self.what));
            d.with_label("not a known key");
            let help = match text::closest(name, known.iter().copied()) {
                Some(near) => format!("did you mean `{near}`? Known keys: {}", text::list_words(known.iter().copied(), 20)),
                None => format!("known keys: {}", text::list_words(known.iter().copied(), 20)),
            };
            d.with_help(help);
        }
    }

    /// Reports a required key that is absent. Returns the value when present.
    pub fn require(&self, sink: &mut Sink, key: &str, example: &str) -> Option<&'a Value<'i>> {
        let value = self.get(key);
        if value.is_none() {
            sink.report(Code::MissingKey, self.span.clone(), format!("missing required key `{key}` in {}", self.what))
                .with_label(format!("`{key}` is missing here"))
                .with_help(format!("add `{key} = {example}`"));
        }
        value
    }

    /// A string value; `required` keys are reported when absent, and blank strings are refused
    /// for them since a required text with nothing in it says nothing.
    pub fn string(&self, sink: &mut Sink, key: &str, required: bool) -> Option<Str> {
        let value = if required { self.require(sink, key, "\"…\"")? } else { self.get(key)? };
        let s = expect_string(sink, key, value)?;
        if required && s.value.trim().is_empty() {
            sink.report(Code::BadValue, s.span.clone(), format!("`{key}` is empty"))
                .with_help(format!("`{key}` is required: write what it stands for"));
            return None;
        }
        Some(s)
    }

    /// A date value (`2025-06-09`, no quotes, no time).
    pub fn date(&self, sink: &mut Sink, key: &str, required: bool) -> Option<Date> {
        let value = if required { self.require(sink, key, "2025-06-09")? } else { self.get(key)? };
        expect_date(sink, key, value)
    }

    /// An array of strings, each with its span.
    pub fn strings(&self, sink: &mut Sink, key: &str) -> Vec<Str> {
        let Some(value) = self.get(key) else { return Vec::new() };
        let DeValue::Array(items) = value.get_ref() else {
            wrong_type(sink, key, value, "an array of strings", &format!("write `{key} = [\"…\", \"…\"]`"));
            return Vec::new();
        };
        items.iter().filter_map(|item| expect_string(sink, key, item)).collect()
    }

    /// A word from a closed list, e.g. a status; reports any other value with the list.
    pub fn keyword<K>(&self, sink: &mut Sink, key: &str, required: bool, words: &[&str], parse: fn(&str) -> Option<K>) -> Option<K> {
        let example = format!("\"{}\"", words[0]);
        let value = if required { self.require(sink, key, &example)? } else { self.get(key)? };
        let s = expect_string(sink, key, value)?;
        let parsed = parse(&s.value);
        if parsed.is_none() {
            let d = sink.report(Code::BadValue, s.span.clone(), format!("`{}` is not a valid `{key}`", text::visible(&s.value, false)));
            d.with_label("not in the list");
            let list = text::list_words(words.iter().copied(), words.len());
            match text::closest(&s.value, words.iter().copied()) {
                Some(near) => d.with_help(format!("did you mean `{near}`? `{key}` is one of {list}")),
                None => d.with_help(format!("`{key}` is one of {list}")),
            };
        }
        parsed
    }
}

/// What a value is, in words, for "found …" messages.
pub fn describe(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(_) => "a string".into(),
        DeValue::Integer(_) => "an integer".into(),
        DeValue::Float(_) => "a float".into(),
        DeValue::Boolean(_) => "a boolean".into(),
        DeValue::Datetime(dt) => describe_datetime(dt).into(),
        DeValue::Array(_) => "an array".into(),
        DeValue::Table(_) => "a table".into(),
    }
}

fn describe_datetime(dt: &Datetime) -> &'static str {
    match (dt.date.is_some(), dt.time.is_some(), dt.offset.is_some()) {
        (true, false, _) => "a date",
        (true, true, true) => "a date-time with an offset",
        (true, true, false) => "a local date-time",
        _ => "a time of day",
    }
}

/// Reports that `key` holds the wrong type of value.
pub fn wrong_type(sink: &mut Sink, key: &str, value: &Value<'_>, expected: &str, help: &str) {
    sink.report(Code::WrongType, value.span(), format!("`{key}` must be {expected}, not {}", describe(value.get_ref())))
        .with_label(format!("expected {expected}"))
        .with_help(help.to_string());
}

pub fn expect_string(sink: &mut Sink, key: &str, value: &Value<'_>) -> Option<Str> {
    match value.get_ref() {
        DeValue::String(s) => Some(Str { value: s.to_string(), span: value.span() }),
        _ => {
            wrong_type(sink, key, value, "a string", &format!("put the text in quotes: `{key} = \"…\"`"));
            None
        }
    }
}

/// The calendar day of a TOML value that is a plain date.
pub fn as_date(value: &DeValue<'_>) -> Option<Date> {
    match value {
        DeValue::Datetime(Datetime { date: Some(d), time: None, offset: None }) => Date::new(d.year, d.month, d.day),
        _ => None,
    }
}

pub fn expect_date(sink: &mut Sink, key: &str, value: &Value<'_>) -> Option<Date> {
    if let Some(date) = as_date(value.get_ref()) {
        return Some(date);
    }
    wrong_date(sink, key, value, "a date (YYYY-MM-DD)", "");
    None
}

/// Reports a value that is not a date where `expected` (which includes a date) is wanted; the
/// hint shows the date form, then `other_forms`.
pub fn wrong_date(sink: &mut Sink, key: &str, value: &Value<'_>, expected: &str, other_forms: &str) {
    let help = match value.get_ref() {
        DeValue::String(s) if Date::parse(s).is_some() => format!("remove the quotes: `{key} = {s}`"),
        DeValue::Datetime(Datetime { date: Some(d), .. }) => {
            format!("keep only the day: `{key} = {:04}-{:02}-{:02}`", d.year, d.month, d.day)
        }
        _ => format!("write a date without quotes, like `{key} = 2025-06-09`"),
    };
    wrong_type(sink, key, value, expected, &format!("{help}{other_forms}"));
}

/// Finds numbers TOML accepted lexically but that do not fit (e.g. `0x` with no digits,
/// or integers past 64 bits), which the parser leaves for the deserializer to refuse.
pub fn check_numbers(sink: &mut Sink, value: &Value<'_>) {
    match value.get_ref() {
        DeValue::Integer(i) if i64::from_str_radix(i.as_str(), i.radix()).is_err() => {
            sink.report(Code::Syntax, value.span(), "invalid integer")
                .with_label("not a 64-bit integer")
                .with_help("write digits after any 0x/0o/0b prefix, within ±9223372036854775807");
        }
        DeValue::Float(f) if f.as_str().parse::<f64>().is_err() => {
            sink.report(Code::Syntax, value.span(), "invalid float").with_help("write a float like `1.5` or `2e3`");
        }
        DeValue::Array(items) => items.iter().for_each(|item| check_numbers(sink, item)),
        DeValue::Table(table) => table.iter().for_each(|(_, v)| check_numbers(sink, v)),
        _ => {}
    }
}

/// The tables of an array-of-tables key such as `[[source]]`; anything else is reported.
pub fn array_of_tables<'a, 'i>(sink: &mut Sink, key: &str, value: &'a Value<'i>) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
    let help = format!("write each entry under its own `[[{key}]]` header");
    let DeValue::Array(items) = value.get_ref() else {
        wrong_type(sink, key, value, &format!("an array of tables (`[[{key}]]`)"), &help);
        return Vec::new();
    };
    let mut tables = Vec::new();
    for item in items.iter() {
        match item.get_ref() {
            DeValue::Table(t) => tables.push((t, item.span())),
            _ => wrong_type(sink, key, item, "a table", &help),
        }
    }
    tables
}
