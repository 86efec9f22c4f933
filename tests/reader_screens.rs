//! Snapshots of the reader's screens (ratatui `TestBackend`) at 60x16, 80x24, 100x30 and 160x48.

mod common;

use brief::config::Config;
use common::reader::{app, app_on, press, screen};

const SIZES: [(u16, u16); 4] = [(60, 16), (80, 24), (100, 30), (160, 48)];

fn snap(name: &str, keys: &str) {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        press(&mut app, keys);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&app));
    }
}

#[test]
fn library() {
    snap("library", "");
}

#[test]
fn london_briefing() {
    snap("london", "G enter");
}

/// The London briefing with each pane focused in turn: the six lists, the detail, the summary,
/// and one zoomed.
#[test]
fn london_with_each_pane_focused() {
    for (name, key) in [
        ("officials", "1"),
        ("commitments", "2"),
        ("reactions", "3"),
        ("facts", "4"),
        ("sources", "5"),
        ("timeline", "6"),
        ("detail", "0"),
        ("summary", "s"),
        ("zoomed_commitments", "2 z"),
    ] {
        snap(&format!("london_focus_{name}"), &format!("G enter {key}"));
    }
}

#[test]
fn library_with_the_preview_focused() {
    snap("library_preview", "G tab j j j");
}

#[test]
fn detail_of_an_official() {
    snap("detail_official", "G enter 1 G");
}

#[test]
fn detail_of_a_commitment() {
    snap("detail_commitment", "G enter 2 j j j j");
}

#[test]
fn detail_of_a_reaction() {
    snap("detail_reaction", "G enter 3 j j j j j");
}

#[test]
fn detail_of_a_fact() {
    snap("detail_fact", "G enter 4 j");
}

#[test]
fn detail_of_a_discrepancy() {
    snap("detail_discrepancy", "G enter 4 G");
}

#[test]
fn detail_of_an_event() {
    snap("detail_event", "G enter 6 j j");
}

#[test]
fn source_with_its_backlinks() {
    // Focusing the detail scrolls to the backlinks.
    snap("source_backlinks", "G enter 5 j j enter");
}

#[test]
fn help_overlay() {
    snap("help", "G enter ?");
}

#[test]
fn errors_view() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::root().join("briefings/london-talks.toml"), dir.path().join("london-talks.toml")).unwrap();
    std::fs::write(dir.path().join("broken.toml"), "title = \"Broken\"\ndate = 2025-06-31\nsummary = \"x\"\n").unwrap();
    for (w, h) in SIZES {
        let mut app = app_on(dir.path(), Config::default(), w, h);
        let status = screen(&app);
        assert!(status.contains("1 file failed to load — press E to see why"), "{status}");
        press(&mut app, "E");
        // The temporary folder's name changes from run to run.
        let shown = screen(&app).replace(&dir.path().display().to_string(), "[dir]");
        insta::assert_snapshot!(format!("errors_{w}x{h}"), shown);
    }
}

#[test]
fn too_small() {
    let app = app(40, 10);
    insta::assert_snapshot!("too_small_40x10", screen(&app));
}

/// The README shows the London briefing at 100x30 as the reader draws it, and every key.
#[test]
fn readme_capture_and_keys_are_current() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let start = readme.find("<!-- capture: london 100x30 -->\n```text\n").expect("the README has the capture")
        + "<!-- capture: london 100x30 -->\n```text\n".len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    let mut app = app(100, 30);
    press(&mut app, "G enter 2 j j");
    assert_eq!(shown.trim_end(), screen(&app).trim_end(), "README capture differs from the screen");
    for action in brief::action::Action::BINDABLE {
        let keys = action.default_keys().iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(" ");
        let row = format!("| {keys} | {} |", action.description());
        assert!(readme.contains(&row), "README lacks the key row {row}");
    }
}

#[test]
fn search_results() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        press(&mut app, "/");
        common::reader::type_text(&mut app, "rare earth");
        press(&mut app, "ctrl-n");
        insta::assert_snapshot!(format!("search_results_{w}x{h}"), screen(&app));
    }
}
