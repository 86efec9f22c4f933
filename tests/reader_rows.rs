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
