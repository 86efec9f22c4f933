//! The JSON Schema of the briefing format (`docs/briefing.schema.json`): generated from the
//! declarations the loader checks keys against (`load::spec`), so it is regenerated here and
//! compared; every curated briefing and valid fixture follows it; every invalid fixture whose
//! fault a schema can express breaks it; and the loader and the schema agree key by key on a
//! briefing built from the declarations' examples, each key left out, given the wrong type, or
//! given a word outside its list. `BRIEF_WRITE_SCHEMA=1 cargo test --test schema` writes the
//! file anew.

mod common;

use brief::load::spec;
use common::root;
use serde_json::Value;

fn validator() -> jsonschema::Validator {
    jsonschema::options().should_validate_formats(true).build(&brief::load::schema::schema()).expect("the schema is a schema")
}

/// A TOML document as a schema sees it: dates as strings, as taplo and tombi hand them over.
fn json(toml_value: toml::Value) -> Value {
    match toml_value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, json(v))).collect()),
    }
}

fn errors(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let doc: toml::Value = toml::from_str(text).expect("TOML");
    let value = json(doc);
    validator.iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path())).collect()
}

/// The loader's errors for a file's text, as `code: message`.
fn loader_errors(text: &str) -> Vec<String> {
    let parsed = brief::load::briefing::parse_file(std::path::Path::new("example.toml"), text.as_bytes());
    parsed.diagnostics.iter().filter(|d| d.is_error()).map(|d| format!("{}: {}", d.code.as_str(), d.message)).collect()
}

#[test]
fn the_schema_file_is_the_one_the_declarations_generate() {
    let path = root().join("docs/briefing.schema.json");
    let generated = brief::load::schema::text();
    if std::env::var_os("BRIEF_WRITE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(written == generated, "docs/briefing.schema.json is stale: run `BRIEF_WRITE_SCHEMA=1 cargo test --test schema`");
    // Every key described, for editors' hover text.
    let schema = brief::load::schema::schema();
    let mut tables = vec![&schema];
    tables.extend(schema["$defs"].as_object().unwrap().values());
    for table in tables {
        for (key, value) in table["properties"].as_object().unwrap() {
            assert!(value["description"].as_str().is_some_and(|d| !d.is_empty()), "{key} is described");
        }
    }
}

#[test]
fn every_curated_briefing_and_valid_fixture_follows_the_schema() {
    let validator = validator();
    let mut files = Vec::new();
    for dir in ["briefings", "briefings/background", "tests/fixtures/across", "tests/fixtures/references"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 6, "{files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(loader_errors(&text).is_empty(), "{} loads", path.display());
        assert_eq!(errors(&validator, &text), Vec::<String>::new(), "{}", path.display());
    }
}

/// The invalid fixtures whose fault a schema can express: each must break it.
const EXPRESSED: &[&str] = &[
    "bad-id.toml",
    "bad-value-blank-at.toml",
    "bad-value-direction.toml",
    "bad-value-event-date.toml",
    "bad-value-status.toml",
    "id-too-long.toml",
    "missing-key-top.toml",
    "missing-key.toml",
    "unknown-key-citation.toml",
    "unknown-key.toml",
    "wrong-type-array.toml",
    "wrong-type-datetime.toml",
    "wrong-type-due.toml",
];

/// The others, and why a schema cannot tell: each is `brief check`'s alone.
const NOT_EXPRESSED: &[(&str, &str)] = &[
    ("Bad_Stem.toml", "the default id comes from the file's name"),
    ("duplicate-briefing", "two files of a library"),
    ("duplicate-id.toml", "ids unique across the items of a file"),
    ("empty-cites.toml", "a warning: the file loads"),
    ("encoding.toml", "not UTF-8: not TOML a schema tool can read"),
    ("end-before-start.toml", "a warning, comparing two values"),
    ("missing-archive.toml", "a warning about a file in the archive folder"),
    ("name-mismatch", "two files of a library"),
    ("ref-about.toml", "a reference to an item of the file"),
    ("ref-announced-by.toml", "a reference to an item of the file"),
    ("ref-citation-source.toml", "a reference to an item of the file"),
    ("ref-cites.toml", "a reference to an item of the file"),
    ("ref-in-return-for.toml", "a reference to an item of the file"),
    ("ref-responds-to.toml", "a reference to an item of the file"),
    ("syntax.toml", "not TOML"),
    ("uncited-source.toml", "a warning, about what cites what"),
    ("unknown-related.toml", "a warning about the library"),
    ("wrong-type-quoted-date.toml", "TOML tools give a schema dates as strings, so a quoted date looks like one"),
];

#[test]
fn every_invalid_fixture_a_schema_can_express_breaks_it() {
    let validator = validator();
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(root().join("tests/fixtures/invalid")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        seen.push(name.clone());
        if EXPRESSED.contains(&name.as_str()) {
            let text = std::fs::read_to_string(root().join("tests/fixtures/invalid").join(&name)).unwrap();
            assert!(!loader_errors(&text).is_empty(), "{name} is refused by the loader");
            assert!(!errors(&validator, &text).is_empty(), "{name} breaks the schema");
        } else {
            assert!(NOT_EXPRESSED.iter().any(|(n, _)| *n == name), "{name}: say whether a schema can express its fault");
        }
    }
    for name in EXPRESSED.iter().chain(NOT_EXPRESSED.iter().map(|(n, _)| n)) {
        assert!(seen.contains(&name.to_string()), "{name} is a fixture");
    }
}

/// A table's keys and values, as written.
type Keys = Vec<(String, String)>;

/// A briefing with every key of every table, each item once, from the declarations' examples;
/// `change` may rewrite one table's keys (its name, or "" for the top) before it is written.
fn example(change: &dyn Fn(&str, &mut Keys)) -> String {
    let keys = |table: &spec::Table| -> Keys {
        // A source's saved copy is checked against the archive folder: none here.
        table.keys.iter().filter(|k| k.name != "archive").map(|k| (k.name.to_string(), k.example.to_string())).collect()
    };
    let mut top = keys(&spec::TOP);
    top.retain(|(k, _)| k != "related");
    change("", &mut top);
    let mut text: String = top.iter().map(|(k, v)| format!("{k} = {v}\n")).collect();
    for table in spec::ITEMS {
        let mut keys = keys(table);
        change(table.name, &mut keys);
        text.push_str(&format!("\n[[{}]]\n", table.name));
        text.extend(keys.iter().map(|(k, v)| format!("{k} = {v}\n")));
    }
    text
}

/// Values of every type a key may be given.
const PROBES: &[&str] = &[
    "\"some text\"",
    "\"no-such-word\"",
    "\"  \"",
    "\"2025-06\"",
    "7",
    "true",
    "2025-06-09",
    "2025-06-09T10:00:00Z",
    "[\"a\"]",
    "[]",
    "{ a = 1 }",
];

/// The keys whose values name items of the file.
const REFERENCES: &[&str] = &["about", "in_return_for", "announced_by", "responds_to", "cites"];

#[test]
fn the_loader_and_the_schema_agree_key_by_key() {
    let validator = validator();
    let whole = example(&|_, _| {});
    assert_eq!(loader_errors(&whole), Vec::<String>::new(), "{whole}");
    assert_eq!(errors(&validator, &whole), Vec::<String>::new(), "{whole}");
    let tables = std::iter::once(&spec::TOP).chain(spec::ITEMS.iter());
    for table in tables {
        for key in table.keys.iter().filter(|k| k.name != "archive" && k.name != "related") {
            let at = format!("`{}` of [[{}]]", key.name, table.name);
            let name = table.name;
            // Left out: an error to both exactly when it is required.
            let without = example(&|t, keys| {
                if t == name {
                    keys.retain(|(k, _)| k != key.name)
                }
            });
            let (loader, schema) = (loader_errors(&without), errors(&validator, &without));
            assert_eq!(!loader.is_empty(), key.required, "{at} left out, the loader: {loader:?}");
            assert_eq!(!schema.is_empty(), key.required, "{at} left out, the schema: {schema:?}");
            // Values of every type, each refused by both or accepted by both — whatever the
            // declaration says, so a wrong declaration shows. References excepted: that an id
            // names an item of the file is `brief check`'s alone.
            for value in PROBES {
                if REFERENCES.contains(&key.name) && (value.starts_with('"') || value.starts_with("[\"")) {
                    continue;
                }
                // TOML tools hand a schema a date as a string: to a key of text it looks like one.
                let date = value.starts_with("2025");
                if date && !matches!(key.ty, spec::Type::Date | spec::Type::PartialDate) {
                    continue;
                }
                let changed = example(&|t, keys| {
                    if t == name {
                        keys.iter_mut().filter(|(k, _)| k == key.name).for_each(|(_, v)| *v = value.to_string())
                    }
                });
                // What an item's id is named by is not the schema's either.
                let mut loader = loader_errors(&changed);
                loader.retain(|e| !e.starts_with("bad-reference") && !e.starts_with("duplicate-id"));
                let schema = errors(&validator, &changed);
                assert_eq!(loader.is_empty(), schema.is_empty(), "{at} = {value}: the loader {loader:?}, the schema {schema:?}");
            }
        }
        // A key no table has: an error to both.
        let name = table.name;
        let unknown = example(&|t, keys| {
            if t == name {
                keys.push(("colour".into(), "\"red\"".into()))
            }
        });
        assert!(!loader_errors(&unknown).is_empty(), "an unknown key in [[{name}]], the loader");
        assert!(!errors(&validator, &unknown).is_empty(), "an unknown key in [[{name}]], the schema");
    }
}

/// Runs a TOML tool in `dir` with a deadline; its status and everything it printed.
fn tool(dir: &std::path::Path, program: &str, args: &[&str]) -> (bool, String) {
    // Its caches (tombi keeps one) in a home of its own, never the user's.
    let home = tempfile::tempdir().unwrap();
    let mut cmd = assert_cmd::Command::new(program);
    cmd.current_dir(dir).args(args).envs(common::isolation()).env("HOME", home.path()).env("XDG_CACHE_HOME", home.path().join("cache"));
    cmd.timeout(common::DEADLINE);
    let output = cmd.output().unwrap_or_else(|e| panic!("{program}: {e}"));
    (output.status.success(), format!("{}{}", common::stdout(&output), common::stderr(&output)))
}

/// A copy of the repository's briefings set up for editors (the schema, `.taplo.toml`,
/// `tombi.toml`), with one status misspelt in the curated London briefing.
fn misspelt() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("docs")).unwrap();
    std::fs::create_dir_all(dir.path().join("briefings")).unwrap();
    for file in ["docs/briefing.schema.json", ".taplo.toml", "tombi.toml"] {
        std::fs::copy(root().join(file), dir.path().join(file)).unwrap();
    }
    let london = std::fs::read_to_string(root().join("briefings/london-talks.toml")).unwrap();
    assert!(london.contains("status = \"agreed\""));
    std::fs::write(dir.path().join("briefings/london-talks.toml"), london.replacen("status = \"agreed\"", "status = \"agred\"", 1))
        .unwrap();
    dir
}

#[test]
#[cfg_attr(taplo_absent, ignore = "needs taplo on the PATH (`pip install taplo`; CI installs it)")]
fn taplo_validates_the_curated_library_with_the_schema() {
    let files =
        ["briefings/london-talks.toml", "briefings/background/chip-export-controls.toml", "briefings/background/rare-earth-supply.toml"];
    let (ok, said) = tool(&root(), "taplo", &[&["check"], &files[..]].concat());
    assert!(ok, "{said}");
    // Through `.taplo.toml`, and through the `#:schema` comment from inside the folder.
    let bad = misspelt();
    let (ok, said) = tool(bad.path(), "taplo", &["check", "briefings/london-talks.toml"]);
    assert!(!ok && said.contains("\"agred\" is not one of"), "{said}");
    std::fs::remove_file(bad.path().join(".taplo.toml")).unwrap();
    let (ok, said) = tool(&bad.path().join("briefings"), "taplo", &["check", "london-talks.toml"]);
    assert!(!ok && said.contains("\"agred\" is not one of"), "{said}");
}

#[test]
#[cfg_attr(tombi_absent, ignore = "needs tombi on the PATH (`pip install tombi`; CI installs it)")]
fn tombi_validates_the_curated_library_with_the_schema() {
    let (ok, said) = tool(&root(), "tombi", &["lint", "--offline", "briefings"]);
    assert!(ok && said.contains("3 files linted successfully"), "{said}");
    let bad = misspelt();
    let (_, said) = tool(bad.path(), "tombi", &["lint", "--offline", "briefings"]);
    assert!(said.contains("but found \"agred\"") && said.contains("failed to be linted"), "{said}");
}
