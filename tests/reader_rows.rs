//! Rows that can be read: every briefing told apart in the library list.

mod common;

use brief::config::Config;
use common::reader::{app_on, screen};

#[test]
fn briefings_with_one_title_are_told_apart_by_id() {
    let dir = tempfile::tempdir().unwrap();
    for (id, date) in [("talks-a", "2025-06-09"), ("talks-b", "2025-06-10"), ("talks-c", "2025-06-11"), ("other", "2025-06-12")] {
        let title = if id == "other" { "Something else" } else { "Talks in London" };
        let text = format!("id = \"{id}\"\ntitle = \"{title}\"\ndate = {date}\nsummary = \"Text.\"\n");
        std::fs::write(dir.path().join(format!("{id}.toml")), text).unwrap();
    }
    let app = app_on(dir.path(), Config::default(), 100, 30);
    let text = screen(&app);
    for id in ["talks-a", "talks-b", "talks-c"] {
        let row = text.lines().find(|l| l.contains(&format!("({id})"))).unwrap_or_else(|| panic!("no row names {id}:\n{text}"));
        assert!(row.contains("Talks in London"), "{row}");
    }
    let other = text.lines().find(|l| l.contains("Something else")).unwrap();
    assert!(!other.contains("(other)"), "a title of its own needs no id: {other}");
}

/// However narrow, the tab bar shows every tab and the active one's name: names that do not all
/// fit give way to the other tabs' keys.
#[test]
fn the_active_tab_is_always_in_the_tab_bar() {
    use brief::tui::app::Pane;
    for (width, height) in [(60, 16), (80, 24), (100, 30)] {
        let mut app = common::reader::app(width, height);
        common::reader::press(&mut app, "G enter");
        for (key, name) in [("1", "Officials"), ("5", "Sources"), ("6", "Timeline"), ("3", "Reactions")] {
            common::reader::press(&mut app, key);
            let text = screen(&app);
            let bar = text.lines().find(|l| l.trim_start().starts_with('1')).unwrap_or_else(|| panic!("no tab bar:\n{text}"));
            assert!(bar.contains(&format!("{key} {name}")), "{width}x{height}, {name} focused: {bar}");
            for other in ["1", "2", "3", "4", "5", "6"] {
                assert!(bar.split_whitespace().any(|w| w == other), "{width}x{height}: tab {other} missing from {bar}");
            }
        }
        // A click on a tab shown by its key alone focuses it.
        let text = screen(&app);
        let (y, bar) = text.lines().enumerate().find(|(_, l)| l.trim_start().starts_with('1')).unwrap();
        let x = bar.chars().position(|c| c == '6').unwrap();
        brief::tui::update(&mut app, brief::action::Action::Click(x as u16, y as u16));
        assert_eq!(app.view().unwrap().focus, Pane::Timeline, "{width}x{height}: {bar}");
    }
}
