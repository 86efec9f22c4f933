//! What `brief new` writes: a briefing with its required keys filled in and, commented out
//! beneath, every other key and one example of each item table, each with what it means —
//! all from the declarations (`spec`), so the template never names a key the loader refuses.
//! As written it loads with no problem: an empty briefing, for a curator to fill in.

use super::spec::{self, Key, Table};

/// The template for a briefing of this id, title and day; `schema` is where editors find the
/// format's schema (a `#:schema` comment), when known.
pub fn briefing(id: &str, title: &str, date: crate::date::Date, schema: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(schema) = schema {
        out.push_str(&format!("#:schema {schema}\n"));
    }
    out.push_str(
        "# A briefing (docs/format.md). Lines starting with `#` are comments: uncomment what you need.\n\
         # `brief check` says what is wrong, with line and column, and what it accepts.\n\n",
    );
    for key in spec::TOP.keys {
        let value = match key.name {
            "title" => quoted(title),
            "date" => date.to_string(),
            "id" => quoted(id),
            "summary" => quoted("What happened, who agreed to what, and what is still open, in your own words."),
            _ => key.example.to_string(),
        };
        // The id is written out: the file's name need not stay the briefing's id.
        let live = key.required || key.name == "id";
        out.push_str(&line(key, &value, live));
    }
    for table in spec::ITEMS {
        out.push('\n');
        out.push_str(&item(table));
    }
    out
}

/// One item table, commented out: its header and its keys with their examples.
fn item(table: &Table) -> String {
    let mut out = format!("# (each [[{}]]) {}\n# [[{}]]\n", table.name, table.doc, table.name);
    for key in table.keys {
        out.push_str(&line(key, key.example, false));
    }
    out
}

/// A key with its value, and what it means above it; commented out unless `live`.
fn line(key: &Key, value: &str, live: bool) -> String {
    let need = if key.required { "required" } else { "optional" };
    let mark = if live { "" } else { "# " };
    format!("# ({need}) {}\n{mark}{} = {value}\n", key.doc, key.name)
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}
