//! `config.toml`: where the briefings are, colours, key bindings, export defaults.
//!
//! Looked up in order: `--config PATH`, `./config.toml`, `$XDG_CONFIG_HOME/brief/config.toml`
//! (`~/.config/brief/config.toml`), then built-in defaults. Relative paths in a file are
//! relative to that file. Problems are diagnostics like a briefing's.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::action::Action;
use crate::diag::{Code, Diagnostic, Sink};
use crate::keys::KeyChord;
use crate::load::reader::{self, Table};
use crate::theme::Theme;

/// The formats `brief export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Json,
    Text,
}

impl ExportFormat {
    pub const WORDS: &[&str] = &["md", "json", "txt"];

    /// The word `--format` and the config use, which is also the file extension.
    pub fn word(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Json => "json",
            ExportFormat::Text => "txt",
        }
    }

    pub fn parse(word: &str) -> Option<ExportFormat> {
        [ExportFormat::Markdown, ExportFormat::Json, ExportFormat::Text].into_iter().find(|f| f.word() == word)
    }
}

/// Defaults for exports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportSettings {
    pub format: ExportFormat,
    /// Where the reader writes exports.
    pub folder: PathBuf,
    /// Line width of plain-text exports, in display columns.
    pub width: usize,
}

/// Which keys run which action.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyMap {
    bindings: Vec<(KeyChord, Action)>,
}

impl KeyMap {
    /// The action a chord runs, if any.
    pub fn action(&self, chord: &KeyChord) -> Option<Action> {
        self.bindings.iter().find(|(c, _)| c == chord).map(|(_, a)| a.clone())
    }

    /// The chords bound to an action, in the order written.
    pub fn keys<'a>(&'a self, action: &'a Action) -> impl Iterator<Item = &'a KeyChord> {
        self.bindings.iter().filter(move |(_, a)| a == action).map(|(c, _)| c)
    }

    /// Built from the defaults, with `custom` actions taking their keys from the config. A
    /// default key that a custom binding takes is dropped from its default action.
    fn build(custom: &HashMap<&str, Vec<KeyChord>>) -> KeyMap {
        let taken: Vec<&KeyChord> = custom.values().flatten().collect();
        let mut bindings = Vec::new();
        for action in Action::BINDABLE {
            match action.name().and_then(|name| custom.get(name)) {
                Some(chords) => bindings.extend(chords.iter().map(|c| (*c, action.clone()))),
                None => bindings.extend(
                    action
                        .default_keys()
                        .iter()
                        .map(|spec| KeyChord::parse(spec).expect("default key bindings parse"))
                        .filter(|c| !taken.contains(&c))
                        .map(|c| (c, action.clone())),
                ),
            }
        }
        KeyMap { bindings }
    }
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap::build(&HashMap::new())
    }
}

/// Every setting, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The file the settings came from, if any.
    pub file: Option<PathBuf>,
    pub briefings: PathBuf,
    /// The folder of saved copies of the sources (`archive = "…"` in a `[[source]]`), if set.
    pub archive: Option<PathBuf>,
    pub theme: Theme,
    pub keys: KeyMap,
    pub export: ExportSettings,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            file: None,
            briefings: PathBuf::from("briefings"),
            archive: None,
            theme: Theme::default(),
            keys: KeyMap::default(),
            export: ExportSettings { format: ExportFormat::Markdown, folder: PathBuf::from("exports"), width: 80 },
        }
    }
}

/// The user's editor, as a program and its arguments: `$VISUAL`, else `$EDITOR` (one set to
/// nothing counts as unset), else `vi`; split on whitespace, without shell quoting.
pub fn editor() -> (String, Vec<String>) {
    let set = |var: &str| std::env::var(var).ok().filter(|v| !v.trim().is_empty());
    let editor = set("VISUAL").or_else(|| set("EDITOR")).unwrap_or_else(|| "vi".into());
    let mut words = editor.split_whitespace().map(str::to_string);
    let program = words.next().unwrap_or_else(|| "vi".into());
    (program, words.collect())
}

/// The config file to use: the one named, else the first that exists of `./config.toml` and
/// the XDG one.
pub fn locate(explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    let local = PathBuf::from("config.toml");
    if local.is_file() {
        return Some(local);
    }
    use etcetera::BaseStrategy;
    let xdg = etcetera::choose_base_strategy().ok()?.config_dir().join("brief").join("config.toml");
    xdg.is_file().then_some(xdg)
}

/// Loads the configuration (see [`locate`]); with no file, the built-in defaults.
pub fn load(explicit: Option<&Path>) -> Result<Config, Vec<Diagnostic>> {
    let Some(path) = locate(explicit) else {
        tracing::debug!("no config file; using the built-in defaults");
        return Ok(Config::default());
    };
    tracing::debug!("config from {}", path.display());
    // The same rules as a briefing: a regular file of bounded size, never a FIFO or a device.
    let bytes = crate::load::read_bytes(&path).map_err(|why| {
        vec![crate::load::io_diagnostic(
            &path,
            why.message("config"),
            "name an existing file with --config, or leave it out for the defaults",
        )]
    })?;
    parse(&path, &bytes)
}

const TOP_KEYS: &[&str] = &["briefings", "archive", "theme", "keys", "export"];

/// Parses a config file's bytes; `path` is used in messages and to resolve relative paths.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Config, Vec<Diagnostic>> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        let parsed = crate::load::parse_file(path, bytes);
        return Err(parsed.diagnostics);
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut sink = Sink::new(path, text);
    let (root, errors) = DeTable::parse_recoverable(text);
    for err in &errors {
        sink.report(Code::Syntax, err.span().unwrap_or(0..0), err.message().trim_end().to_string()).with_label("TOML syntax");
    }
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut config = Config { file: Some(path.to_path_buf()), ..Config::default() };
    if errors.is_empty() {
        let root = root.into_inner();
        let top = Table { table: &root, span: 0..0, what: "the config" };
        top.check_keys(&mut sink, TOP_KEYS);
        if let Some(dir) = top.string(&mut sink, "briefings", false) {
            config.briefings = base.join(dir.value);
        }
        if let Some(dir) = top.string(&mut sink, "archive", false) {
            config.archive = Some(base.join(dir.value));
        }
        if let Some(t) = sub_table(&mut sink, &top, "theme") {
            config.theme = Theme::parse(&mut sink, &t);
        }
        if let Some(t) = sub_table(&mut sink, &top, "keys") {
            config.keys = parse_keys(&mut sink, &t);
        }
        if let Some(t) = sub_table(&mut sink, &top, "export") {
            parse_export(&mut sink, &t, &base, &mut config.export);
        }
    }
    if sink.has_errors() { Err(sink.diagnostics) } else { Ok(config) }
}

fn sub_table<'a, 'i>(sink: &mut Sink, top: &Table<'a, 'i>, key: &'static str) -> Option<Table<'a, 'i>> {
    let value = top.get(key)?;
    match value.get_ref() {
        DeValue::Table(table) => Some(Table {
            table,
            span: value.span(),
            what: match key {
                "theme" => "[theme]",
                "keys" => "[keys]",
                _ => "[export]",
            },
        }),
        _ => {
            reader::wrong_type(sink, key, value, "a table", &format!("write the settings under a `[{key}]` header"));
            None
        }
    }
}

fn parse_keys(sink: &mut Sink, t: &Table<'_, '_>) -> KeyMap {
    let names: Vec<&'static str> = Action::BINDABLE.iter().filter_map(Action::name).collect();
    t.check_keys(sink, &names);
    let mut custom: HashMap<&str, Vec<KeyChord>> = HashMap::new();
    let mut bound_to: HashMap<KeyChord, &str> = HashMap::new();
    for (key, value) in t.table.iter() {
        let Some(name) = names.iter().copied().find(|n| *n == key.get_ref().as_ref()) else { continue };
        let specs: Vec<&reader::Value<'_>> = match value.get_ref() {
            DeValue::String(_) => vec![value],
            DeValue::Array(items) => items.iter().collect(),
            _ => {
                let example = Action::from_name(name).and_then(|a| a.default_keys().first().copied()).unwrap_or("q");
                reader::wrong_type(sink, name, value, "a key or an array of keys", &format!("write `{name} = [\"{example}\"]`"));
                continue;
            }
        };
        let chords = custom.entry(name).or_default();
        for spec in specs {
            let Some(s) = reader::expect_string(sink, name, spec) else { continue };
            match KeyChord::parse(&s.value) {
                Err(hint) => {
                    sink.report(Code::BadValue, s.span, format!("`{}` is not a key", crate::text::visible(&s.value, false)))
                        .with_label("unknown key")
                        .with_help(hint);
                }
                Ok(chord) => match bound_to.get(&chord) {
                    Some(other) if *other != name => {
                        sink.report(Code::BadValue, s.span, format!("`{chord}` is bound to both `{other}` and `{name}`"))
                            .with_label("bound twice")
                            .with_help("a key runs one action: remove it from one of them");
                    }
                    _ => {
                        bound_to.insert(chord, name);
                        chords.push(chord);
                    }
                },
            }
        }
    }
    let map = KeyMap::build(&custom);
    if map.keys(&Action::Quit).next().is_none() {
        // Emptied by hand, or its default keys taken by other actions.
        let span = t.get("quit").map_or(t.span.clone(), |v| v.span());
        sink.report(Code::BadValue, span, "no key is left to quit the reader").with_label("`quit` needs a key").with_help(
            "give `quit` at least one key, as in `quit = [\"q\", \"ctrl-c\"]`: without one the reader could not be left from the keyboard",
        );
    }
    map
}

fn parse_export(sink: &mut Sink, t: &Table<'_, '_>, base: &Path, export: &mut ExportSettings) {
    t.check_keys(sink, &["format", "folder", "width"]);
    if let Some(format) = t.keyword(sink, "format", false, ExportFormat::WORDS, ExportFormat::parse) {
        export.format = format;
    }
    if let Some(folder) = t.string(sink, "folder", false) {
        export.folder = base.join(folder.value);
    }
    if let Some(value) = t.get("width") {
        match value.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(w) if (20..=1000).contains(&w) => export.width = w as usize,
                _ => {
                    sink.report(Code::BadValue, value.span(), "`width` is out of range")
                        .with_help("`width` is a number of columns from 20 to 1000");
                }
            },
            _ => reader::wrong_type(sink, "width", value, "an integer", "write a number of columns, like `width = 80`"),
        }
    }
}
