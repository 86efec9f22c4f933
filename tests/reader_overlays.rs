//! The reader does what its screen says: an open overlay takes every key, scrolls to its end and
//! no further, and `e` in the errors view opens the failing file at the error; a search steps
//! through its hits without filling the back history. Keys go through the real input path.

mod common;

use std::path::Path;

use brief::config::Config;
use brief::tui::Effect;
use brief::tui::app::{Overlay, Screen};
use common::reader::{app, app_on, press, screen, type_text};

fn scroll(app: &brief::tui::App) -> usize {
    match app.overlay {
        Some(Overlay::Help(n) | Overlay::Errors(n)) => n,
        None => panic!("no overlay is open"),
    }
}

#[test]
fn an_open_help_takes_every_key() {
    let mut app = app(100, 30);
    press(&mut app, "?");
    let before = app.screen.clone();
    for key in ["enter", "/", "]", "2", "l", "tab", "x", "e", "o", "n", "ctrl-o"] {
        let effects = press(&mut app, key);
        assert_eq!(effects, [], "`{key}` asked for an effect under the help");
        assert_eq!(app.screen, before, "`{key}` acted on the screen under the help");
        assert!(app.search.is_none(), "`{key}` opened a search under the help");
        assert!(app.overlay.is_some(), "`{key}` closed the help");
    }
    press(&mut app, "esc");
    assert!(app.overlay.is_none());
    assert!(!screen(&app).contains("Keys"), "{}", screen(&app));
}

#[test]
fn the_help_scrolls_to_its_end_and_no_further() {
    let mut app = app(80, 16);
    press(&mut app, "?");
    // The help ends with what the mouse does.
    let last = "the wheel scrolls the pane";
    assert!(!screen(&app).contains(last), "the help is longer than 16 rows");
    press(&mut app, "G");
    let bottom = scroll(&app);
    assert!(screen(&app).contains(last), "G shows the last line:\n{}", screen(&app));
    press(&mut app, "j j j pagedown");
    assert_eq!(scroll(&app), bottom, "scrolling stops at the end");
    press(&mut app, "k");
    assert_eq!(scroll(&app), bottom - 1, "k moves up at once after overscrolling");
    press(&mut app, "g g");
    assert_eq!(scroll(&app), 0);
    press(&mut app, "end");
    assert_eq!(scroll(&app), bottom, "End reaches the bottom too");
}

/// A folder with a good briefing and two that fail, at known lines.
fn failing_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.toml"), "title = \"Good\"\ndate = 2025-01-01\nsummary = \"s\"\n").unwrap();
    std::fs::write(dir.path().join("a-bad.toml"), "title = \"A\"\ndate = 2025-01-01\nsummary = \"s\"\n\nstray = 1\n").unwrap();
    std::fs::write(dir.path().join("b-bad.toml"), "title = \"B\"\ndate = 2025-01-01\nsummary = \"s\"\nplace = \"x\"\n\n\nbad = [\n")
        .unwrap();
    dir
}

#[test]
fn e_in_the_errors_view_opens_the_failing_file_at_the_error() {
    let dir = failing_folder();
    let mut app = app_on(dir.path(), Config::default(), 100, 30);
    press(&mut app, "E");
    assert!(screen(&app).contains("Files that failed to load"));
    let effects = press(&mut app, "e");
    assert_eq!(effects, [Effect::Edit { path: dir.path().join("a-bad.toml"), line: 5 }], "the first error in view");
    // j and G move the mark from diagnostic to diagnostic; `e` opens the marked one.
    press(&mut app, "G");
    let effects = press(&mut app, "e");
    let Effect::Edit { path, line } = &effects[0] else { panic!("{effects:?}") };
    assert_eq!(path, &dir.path().join("b-bad.toml"));
    let reported = app.live.failures().iter().find(|f| f.path == *path).unwrap().diagnostics[0].line;
    assert_eq!(*line, reported, "at the line the error names");
    assert!(screen(&app).contains(&format!("› {reported}:")), "the marked row is the one `e` opens:\n{}", screen(&app));
    press(&mut app, "g g");
    assert_eq!(press(&mut app, "e"), [Effect::Edit { path: dir.path().join("a-bad.toml"), line: 5 }]);
    assert!(app.overlay.is_some(), "the errors view stays open for after the editor");
}

#[test]
fn after_a_hit_backspace_returns_to_the_results_and_n_steps_without_history() {
    let mut app = app(100, 30);
    press(&mut app, "/");
    type_text(&mut app, "lutnick");
    let total = app.search.as_ref().unwrap().hits().len();
    assert!(total >= 3, "enough hits to step through");
    press(&mut app, "enter");
    let status = app.status.as_ref().map(|s| s.text.clone()).unwrap_or_default();
    assert!(status.contains(&format!("Hit 1 of {total}")), "the first hit says where it is: {status:?}");
    press(&mut app, "n n");
    assert!(app.status.as_ref().unwrap().text.contains(&format!("Hit 3 of {total}")), "{:?}", app.status);
    press(&mut app, "backspace");
    assert!(matches!(app.screen, Screen::Results(c) if c.selected == 2), "back goes to the results, on the hit stepped to");
    press(&mut app, "ctrl-f");
    assert!(matches!(app.screen, Screen::Briefing(_)), "forward returns to the hit");
}

#[test]
fn the_errors_view_on_a_library_without_failures_still_takes_keys() {
    let mut app = app_on(Path::new("briefings"), Config::default(), 80, 24);
    press(&mut app, "E");
    assert!(screen(&app).contains("Every file loaded"));
    assert_eq!(press(&mut app, "enter e"), []);
    assert!(matches!(app.screen, Screen::Library(_)));
    press(&mut app, "E");
    assert!(app.overlay.is_none(), "E closes what E opened");
}

#[test]
fn paths_that_cannot_be_read_count_as_failures_and_show_in_the_errors_view() {
    let dir = failing_folder();
    std::os::unix::fs::symlink("nowhere.toml", dir.path().join("dangling.toml")).unwrap();
    let mut app = app_on(dir.path(), Config::default(), 120, 40);
    assert!(screen(&app).contains("3 files failed"), "{}", screen(&app));
    press(&mut app, "E");
    let text = screen(&app);
    assert!(text.contains("dangling.toml") && text.contains("which does not exist"), "{text}");
    // Fixed on disk and reported by the watcher, the link stops failing.
    std::fs::write(dir.path().join("nowhere.toml"), "title = \"Now\"\ndate = 2025-01-01\nsummary = \"s\"\n").unwrap();
    let changed = vec![dir.path().join("dangling.toml"), dir.path().join("nowhere.toml")];
    let (parsed, gone) = app.live.reread(changed).expect("something changed");
    brief::tui::update(&mut app, brief::action::Action::Reloaded(parsed, gone));
    assert_eq!(app.live.failure_count(), 2, "{:?}", app.live.failures().iter().map(|f| f.path.clone()).collect::<Vec<_>>());
}

/// At every size the help shows each key's description whole somewhere as it is scrolled to
/// its end (G), says when more is below, and is no wider than it needs.
#[test]
fn the_help_reads_whole_at_every_size() {
    for (width, height) in [(60, 16), (80, 24), (100, 30), (160, 48)] {
        let mut app = app(width, height);
        press(&mut app, "?");
        let first = screen(&app);
        let top: Vec<char> = first.lines().find(|l| l.contains("┌ Keys")).unwrap().chars().collect();
        let start = (0..top.len()).find(|&i| top[i] == '┌' && top.get(i + 2) == Some(&'K')).unwrap();
        let box_width = (start..top.len()).find(|&i| top[i] == '┐').unwrap() - start + 1;
        assert!(box_width <= 102, "{width}x{height}: sized to its content, not the screen: {box_width}");
        let mut seen = String::new();
        let mut said_more = false;
        for _ in 0..200 {
            let text = screen(&app);
            said_more |= text.contains(" more ");
            // Only what is inside the help's box: the screen under it shows at its sides.
            let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
            let top = lines.iter().position(|l| l.iter().collect::<String>().contains("┌ Keys")).unwrap();
            let left = lines[top]
                .iter()
                .collect::<String>()
                .find("┌ Keys")
                .map(|b| lines[top].iter().collect::<String>()[..b].chars().count())
                .unwrap();
            let right = left + box_width - 1;
            for line in lines.iter().skip(top + 1).take_while(|l| l.get(left) != Some(&'└')) {
                seen.extend(line.get(left + 1..right.min(line.len())).unwrap_or(&[]));
                seen.push('\n');
            }
            press(&mut app, "j");
        }
        let words =
            |s: &str| s.split(|c: char| c.is_whitespace() || "│║█".contains(c)).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
        let seen = words(&seen);
        for action in brief::action::Action::BINDABLE {
            assert!(seen.contains(&words(action.description())), "{width}x{height}: “{}” never read whole", action.description());
        }
        for group in ["Everywhere", "The library", "A briefing", "The detail", "The search line", "In an overlay", "Row marks", "Colours"] {
            assert!(seen.contains(group), "{width}x{height}: no “{group}” in the help");
        }
        if height < 48 {
            assert!(said_more, "{width}x{height}: says more is below");
        }
        press(&mut app, "g G");
        assert!(!screen(&app).contains(" more "), "{width}x{height}: nothing below at the end:\n{}", screen(&app));
    }
}
