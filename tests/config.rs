//! `config.toml`: the shipped file documents every key, bad files get diagnostics as good as a
//! briefing's (each in `tests/invalid_configs/` states what it expects), rebinding works.

mod common;

use std::path::Path;

use brief::action::Action;
use brief::config::{self, Config, ExportFormat};
use brief::keys::KeyChord;
use brief::theme::{Color, Theme};
use common::{brief, rel, root, stderr};

#[test]
fn every_invalid_config_gets_its_diagnostic_and_status_2() {
    let mut entries: Vec<_> = std::fs::read_dir(root().join("tests/invalid_configs")).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    assert!(entries.len() >= 8);
    for path in entries {
        let text = std::fs::read_to_string(&path).unwrap();
        let expect = text.lines().find_map(|l| l.strip_prefix("# expect: ")).expect("an expectation");
        let mut words = expect.splitn(3, ' ');
        let (code, place, phrases) = (words.next().unwrap(), words.next().unwrap(), words.next().unwrap());
        let output = brief().args(["--config", &rel(&path), "list"]).output().unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{}: {err}", path.display());
        assert!(err.contains(&format!("{}:{place}", rel(&path))), "{}: expected {place} in\n{err}", path.display());
        assert!(err.contains(&format!("[{code}]")), "{}: expected [{code}] in\n{err}", path.display());
        for phrase in phrases.split(" | ") {
            assert!(err.contains(phrase), "{}: expected “{phrase}” in\n{err}", path.display());
        }
    }
}

#[test]
fn the_shipped_config_documents_every_key_and_matches_the_defaults() {
    let path = root().join("config.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let keys = Action::BINDABLE.iter().filter_map(Action::name).chain(Theme::ROLES.iter().copied()).chain([
        "briefings",
        "format",
        "folder",
        "width",
    ]);
    for key in keys {
        let at =
            lines.iter().position(|l| l.starts_with(&format!("{key} = "))).unwrap_or_else(|| panic!("config.toml does not set `{key}`"));
        assert!(lines[at - 1].starts_with('#'), "`{key}` in config.toml has no comment above it");
    }
    let config = config::parse(&path, text.as_bytes()).expect("the shipped config is valid");
    let defaults = Config::default();
    assert_eq!(config.keys, defaults.keys, "config.toml's keys are the built-in defaults");
    assert_eq!(config.theme, defaults.theme, "config.toml's theme is the built-in default");
    assert_eq!(config.briefings, root().join("briefings"), "a relative folder is relative to the config file");
    assert_eq!(config.export.folder, root().join("exports"));
    assert_eq!((config.export.format, config.export.width), (ExportFormat::Markdown, 80));
}

#[test]
fn rebinding_moves_a_key_from_its_default_action() {
    let text = "[keys]\nquit = [\"x\", \"ctrl-c\"]\nforward = \"ctrl-n\"\n";
    let config = config::parse(Path::new("c.toml"), text.as_bytes()).unwrap();
    let key = |s: &str| KeyChord::parse(s).unwrap();
    assert_eq!(config.keys.action(&key("x")), Some(Action::Quit));
    assert_eq!(config.keys.action(&key("q")), None, "quit's default key is gone once quit is rebound");
    let text = "[keys]\nquit = [\"e\"]\n";
    let taken = config::parse(Path::new("c.toml"), text.as_bytes()).unwrap();
    assert_eq!(taken.keys.keys(&Action::Edit).count(), 0, "e was edit's only default key");
    assert_eq!(config.keys.action(&key("ctrl-n")), Some(Action::Forward));
    assert_eq!(config.keys.action(&key("alt-right")), None);
    assert_eq!(config.keys.action(&key("j")), Some(Action::Down), "untouched actions keep their defaults");
}

#[test]
fn theme_colours_and_paths_resolve() {
    let text = "briefings = \"../lib\"\n[theme]\naccent = \"#102030\"\nmuted = 244\n[export]\nformat = \"txt\"\nwidth = 100\n";
    let config = config::parse(Path::new("/etc/brief/config.toml"), text.as_bytes()).unwrap();
    assert_eq!(config.theme.accent, Color::Rgb(0x10, 0x20, 0x30));
    assert_eq!(config.theme.muted, Color::Indexed(244));
    assert_eq!(config.briefings, Path::new("/etc/brief/../lib"));
    assert_eq!((config.export.format, config.export.width), (ExportFormat::Text, 100));
}

#[test]
fn the_config_file_names_the_library_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("my-briefings");
    std::fs::create_dir(&lib).unwrap();
    std::fs::write(lib.join("only.toml"), "title = \"Only\"\ndate = 2024-02-29\nsummary = \"s\"\n").unwrap();
    let cfg = dir.path().join("settings.toml");
    std::fs::write(&cfg, "briefings = \"my-briefings\"\n").unwrap();
    let output = brief().args(["--config", cfg.to_str().unwrap(), "list"]).output().unwrap();
    assert!(common::stdout(&output).contains("2024-02-29  only"), "{}", common::stdout(&output));
    // --dir wins over the config.
    let output = brief().args(["--config", cfg.to_str().unwrap(), "list", "--dir", "briefings"]).output().unwrap();
    assert!(common::stdout(&output).contains("london-talks"));
}

#[test]
fn a_missing_explicit_config_is_an_error() {
    let output = brief().args(["--config", "target/no-such-config.toml", "list"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot read config target/no-such-config.toml"), "{}", stderr(&output));
}
