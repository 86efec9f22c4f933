//! Read marks in the reader: briefings new (`●`) or changed (`◆`, with what changed) since
//! last read in the library list, items new (`+`) or changed (`~`) inside, the detail's
//! `before → after`, and `m` — across two runs on one state folder, with a briefing edited in
//! between; keys through the reader's input path, the marks written as the loop writes them.

mod common;

use std::path::Path;

use brief::config::Config;
use brief::seen::Seen;
use brief::tui::marks::{self, Marks};
use brief::tui::{App, Effect};
use common::reader::{app_on, press, screen};

/// A run of the reader on the library in `dir`, its read marks in `dir/state`.
fn reader(dir: &Path) -> App {
    let mut app = app_on(&dir.join("briefings"), Config::default(), 100, 30);
    app.marks = Marks::open(Seen::open(&dir.join("state/read.sqlite")).unwrap());
    app
}

/// Presses keys, and writes the read marks they ask for, as the loop does.
fn keys(app: &mut App, keys: &str) {
    for effect in press(app, keys) {
        if matches!(effect, Effect::MarkRead(..) | Effect::Forget(_)) {
            marks::write(app, &effect).unwrap();
        }
    }
}

fn library() -> tempfile::TempDir {
    common::across_library()
}

fn line<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen.lines().find(|l| l.contains(needle)).unwrap_or_else(|| panic!("no line with {needle}:\n{screen}"))
}

#[test]
fn a_briefing_edited_between_two_runs_shows_what_changed() {
    let lib = library();
    let mut app = reader(lib.path());
    let first = screen(&app);
    assert!(line(&first, "London talks").contains("● 2025-06-09"), "{first}");
    assert!(line(&first, "Geneva talks").contains("● 2025-05-12"), "{first}");
    // Opening it reads it.
    keys(&mut app, "enter esc");
    let after = screen(&app);
    assert!(!line(&after, "London talks").contains('●'), "{after}");
    assert!(line(&after, "Geneva talks").contains('●'), "{after}");
    drop(app);

    let file = lib.path().join("briefings/london.toml");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("status = \"disputed\"", "status = \"agreed\"")
        .replace("[[event]]\ndate = 2025-06-09\ntext = \"Talks open in London.\"\ncites = [\"daily\", \"weekly\"]\n", "")
        .replace(
            "[[event]]",
            "[[reaction]]\nid = \"futures\"\nmarket = \"S&P 500 futures\"\nmove = \"+0.4%\"\ncites = [\"weekly\"]\n\n[[event]]",
        );
    std::fs::write(&file, text).unwrap();

    let mut app = reader(lib.path());
    let second = screen(&app);
    assert!(line(&second, "London talks").contains("◆ 2025-06-09"), "{second}");
    assert!(line(&second, "London talks").contains("+1 item, 1 status changed, 1 removed · London talks"), "{second}");
    // The first line names the folder, a temporary one here.
    insta::assert_snapshot!("marks_library_100x30", second.lines().skip(1).collect::<Vec<_>>().join("\n"));
    // Inside: the changed commitment marked `~`, the new reaction `+`, the detail before → after.
    keys(&mut app, "enter 2 j");
    let b = app.briefing().unwrap();
    assert_eq!(b.id_of(app.shown_item().unwrap()), "us-chip-easing");
    let inside = screen(&app);
    assert!(line(&inside, "The US eases some chip").contains("1! ~ "), "{inside}");
    assert!(inside.contains("~ Changed since last read"), "{inside}");
    assert!(line(&inside, "status     disputed → agreed").contains("disputed → agreed"), "{inside}");
    insta::assert_snapshot!("marks_changed_commitment_100x30", inside);
    keys(&mut app, "3");
    let reactions = screen(&app);
    assert!(line(&reactions, "S&P 500 futures").contains('+'), "{reactions}");
    // Read now: the list no longer marks it; `m` marks it unread, and read again.
    keys(&mut app, "esc esc");
    assert!(!line(&screen(&app), "London talks").contains('◆'));
    keys(&mut app, "m");
    assert!(line(&screen(&app), "London talks").contains('●'), "marked unread");
    assert_eq!(app.status.as_ref().unwrap().text, "Marked `london-talks` unread");
    keys(&mut app, "m");
    assert!(!line(&screen(&app), "London talks").contains('●'));
    drop(app);
    // Another run agrees: the marks were written.
    let app = reader(lib.path());
    assert!(!line(&screen(&app), "London talks").contains('●') && !line(&screen(&app), "London talks").contains('◆'));
}

#[test]
fn f_in_the_library_shows_only_what_is_new_or_changed() {
    let lib = library();
    let mut app = reader(lib.path());
    keys(&mut app, "enter esc");
    keys(&mut app, "f");
    let shown = screen(&app);
    assert!(shown.contains("New and changed since last read · 1 row"), "{shown}");
    assert!(line(&shown, "Geneva talks").contains("● 2025-05-12"), "{shown}");
    assert!(!shown.contains("London talks weigh"), "read: not listed\n{shown}");
    insta::assert_snapshot!("marks_unread_100x30", shown.lines().collect::<Vec<_>>().join("\n"));
    // m marks the row read: the list empties.
    keys(&mut app, "m");
    assert!(screen(&app).contains("New and changed since last read · 0 rows"));
    // Back in the whole library (f again), m marks it unread, and it is listed again.
    keys(&mut app, "f");
    assert!(matches!(app.screen, brief::tui::app::Screen::Library(_)), "{:?}", app.screen);
    keys(&mut app, "G m f");
    assert!(screen(&app).contains("· 1 row"), "unread again");
    // Enter opens it.
    keys(&mut app, "enter");
    assert_eq!(app.briefing().unwrap().id, "geneva-talks");
    keys(&mut app, "backspace f");
    assert!(matches!(app.screen, brief::tui::app::Screen::Library(_)), "{:?}", app.screen);
}
