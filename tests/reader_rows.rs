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

/// The text of a line of the screen between two columns.
fn columns(text: &str, rect: ratatui::layout::Rect, y: u16) -> String {
    let line: Vec<char> = text.lines().nth(usize::from(y)).unwrap_or("").chars().collect();
    let (from, to) = (usize::from(rect.x), usize::from(rect.right()));
    line.get(from.min(line.len())..to.min(line.len())).map_or(String::new(), |c| c.iter().collect()).trim_end().to_string()
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Walks every row of every list pane at every size: a row not focused shows whole or ends with
/// "…"; the focused pane shows each row it holds whole, wrapped. At 160×48 that reads every
/// London commitment in full without opening it.
#[test]
fn every_row_reads_whole_or_says_it_is_cut() {
    use brief::tui::app::Pane;
    use brief::tui::{layout, panes};
    for (width, height) in [(60, 16), (80, 24), (100, 30), (160, 48)] {
        for id in ["london-talks", "rare-earth-supply", "chip-export-controls"] {
            let mut app = common::reader::app(width, height);
            let at = app.live.position(id).unwrap();
            common::reader::press(&mut app, &format!("g {}enter", "j ".repeat(at)));
            let b = app.briefing().unwrap().clone();
            for (number, pane) in ["1", "2", "3", "4", "5", "6"].iter().zip(Pane::LISTS) {
                common::reader::press(&mut app, number);
                let items = Pane::items(pane, &b);
                for step in 0..items.len() {
                    if step > 0 {
                        common::reader::press(&mut app, "j");
                    }
                    let text = screen(&app);
                    let view = app.view().unwrap();
                    let l = layout::briefing(ratatui::layout::Rect::new(0, 0, width, height), &b, view);
                    for &(shown, rect) in l.panes.iter().filter(|(p, _)| *p != Pane::Detail) {
                        let inner = layout::inner(rect, l.wide);
                        let full: Vec<String> = Pane::items(shown, &b)
                            .iter()
                            .map(|item| panes::row(&app, &b, shown, *item).spans.iter().map(|s| s.content.as_ref()).collect())
                            .collect();
                        let lines: Vec<String> = (inner.y..inner.bottom()).map(|y| columns(&text, inner, y)).collect();
                        if view.focus == shown {
                            // Focused: the selected row, and every row drawn whole, reads in full.
                            let pane_text = words(
                                &lines
                                    .iter()
                                    .map(|l| l.get(l.char_indices().nth(1).map_or(0, |(i, _)| i)..).unwrap_or(""))
                                    .collect::<Vec<_>>()
                                    .join(" "),
                            );
                            let selected = &full[view.cursor(shown).selected];
                            let whole = pane_text.contains(&words(selected));
                            // A row taller than the pane says where it is cut.
                            let said = lines.iter().rev().find(|l| !l.trim().is_empty()).is_some_and(|l| l.ends_with('…'));
                            assert!(whole || said, "{width}x{height} {id} {pane:?}: the selected row is cut silently:\n{selected}\n{text}");
                            if (width, height, id, shown) == (160, 48, "london-talks", Pane::Commitments) {
                                assert!(whole, "at 160×48 every London commitment reads in full:\n{selected}\n{text}");
                            }
                        } else {
                            for line in lines.iter().filter(|l| !l.trim().is_empty() && l.trim() != "(none)") {
                                let body = words(line.get(line.char_indices().nth(1).map_or(0, |(i, _)| i)..).unwrap_or(""));
                                let whole = full.iter().any(|f| words(f) == body);
                                assert!(whole || line.ends_with('…'), "{width}x{height} {id} {shown:?}: cut without “…”: {line:?}\n{text}");
                            }
                        }
                    }
                }
            }
        }
    }
}
