//! The JSON Schema (draft 2020-12) of the briefing format, generated from [`super::spec`] —
//! the declarations the loader checks keys against — so editors that validate TOML with a
//! schema (taplo, tombi: VS Code's Even Better TOML, helix, neovim, zed) say what `brief check`
//! says about keys, required keys, types and word lists as one types. `docs/briefing.schema.json`
//! is this, written out; a test regenerates it and compares.
//!
//! What a schema cannot say is left to `brief check`: that a date is not in quotes (TOML tools
//! hand dates to a schema as strings), references between items, duplicate ids, the library.

use serde_json::{Map, Value, json};

use super::spec::{self, Key, Table, Type};

/// The pattern of an id.
const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]*$";

/// The schema, as JSON.
pub fn schema() -> Value {
    let mut defs = Map::new();
    for table in spec::ITEMS.iter().chain([&spec::CITATION, &spec::ACCEPTED]) {
        defs.insert(table.name.to_string(), object(table));
    }
    let mut root = object(&spec::TOP);
    let properties = root["properties"].as_object_mut().expect("an object has properties");
    for table in spec::ITEMS {
        properties.insert(
            table.name.to_string(),
            json!({
                "description": format!("[[{}]] — {}", table.name, table.doc),
                "type": "array",
                "items": { "$ref": format!("#/$defs/{}", table.name) },
            }),
        );
    }
    let mut out = Map::new();
    out.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
    out.insert("title".into(), json!(format!("brief briefing (format version {})", super::FORMAT_VERSION)));
    out.extend(root.as_object().cloned().unwrap_or_default());
    out.insert("$defs".into(), Value::Object(defs));
    Value::Object(out)
}

/// The schema as `docs/briefing.schema.json` holds it: pretty, with a newline at the end.
pub fn text() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// A table as an object schema: every key described, the required ones listed, no others.
fn object(table: &Table) -> Value {
    let mut properties = Map::new();
    for key in table.keys {
        properties.insert(key.name.to_string(), property(key));
    }
    let required: Vec<&str> = table.keys.iter().filter(|k| k.required).map(|k| k.name).collect();
    json!({
        "description": table.doc,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// One key's schema, with its description.
fn property(key: &Key) -> Value {
    let mut value = of(key.ty, key.required);
    if let Some(map) = value.as_object_mut() {
        let mut described = Map::new();
        described.insert("description".into(), json!(key.doc));
        described.extend(std::mem::take(map));
        *map = described;
    }
    value
}

/// The schema of a type; a required text may not be blank.
fn of(ty: Type, required: bool) -> Value {
    let id = json!({ "type": "string", "pattern": ID_PATTERN, "maxLength": super::briefing::MAX_ID_CHARS });
    match ty {
        Type::Text if required => json!({ "type": "string", "pattern": "\\S" }),
        Type::Place => json!({ "type": "string", "pattern": "\\S" }),
        Type::Text => json!({ "type": "string" }),
        Type::Date => json!({ "type": "string", "format": "date" }),
        // Each branch typed on its own: tombi tells a TOML date from a string, and takes
        // `"format": "date"` for the first.
        Type::DateOrText => json!({ "anyOf": [{ "type": "string", "format": "date" }, { "type": "string" }] }),
        Type::PartialDate => json!({
            "anyOf": [{ "type": "string", "format": "date" }, { "type": "string", "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2]))?$" }]
        }),
        Type::Id => id,
        Type::Texts => json!({ "type": "array", "items": { "type": "string" } }),
        Type::Ids => json!({ "type": "array", "items": id }),
        Type::Word(words) => json!({ "type": "string", "enum": words }),
        Type::Citations => json!({
            "type": "array",
            "items": { "anyOf": [id, { "$ref": "#/$defs/citation" }] },
        }),
        Type::Accepts => json!({ "type": "array", "items": { "$ref": "#/$defs/accepted" } }),
        Type::Finding => {
            let codes: Vec<&str> = crate::diag::Code::VERIFY.iter().filter(|c| c.acceptable()).map(|c| c.as_str()).collect();
            json!({ "type": "string", "enum": codes })
        }
    }
}
