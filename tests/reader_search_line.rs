//! The search line edits as a shell's does — cursor, readline's keys, history across runs, `/`
//! reopening on the last query — through the reader's real input path.

mod common;

use brief::tui::app::Screen;
use brief::tui::{App, Effect};
use common::pty::Reader;
use common::reader::{app, press, screen, type_text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

fn input(app: &App) -> &str {
    app.search.as_ref().expect("a search is open").input()
}

/// The search line as drawn, with `|` before the reversed cell that is the cursor.
fn line_with_cursor(app: &App) -> String {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| frame.render_widget(app, frame.area())).unwrap();
    let buf = terminal.backend().buffer();
    let y = height - 1;
    let mut out = String::new();
    for x in 0..width {
        let cell = &buf[(x, y)];
        if cell.modifier.contains(Modifier::REVERSED) {
            out.push('|');
        }
        out.push_str(cell.symbol());
    }
    out.trim_end().to_string()
}

#[test]
fn the_cursor_moves_and_deletes_as_in_readline() {
    let mut app = app(100, 30);
    press(&mut app, "/");
    type_text(&mut app, "lutnick commerce");
    assert!(line_with_cursor(&app).starts_with("/lutnick commerce|  "), "{}", line_with_cursor(&app));
    press(&mut app, "alt-b");
    assert!(line_with_cursor(&app).starts_with("/lutnick |commerce "), "{}", line_with_cursor(&app));
    press(&mut app, "left left");
    type_text(&mut app, "s");
    assert_eq!(input(&app), "lutnicsk commerce");
    press(&mut app, "backspace ctrl-a");
    assert!(line_with_cursor(&app).starts_with("/|lutnick commerce"), "{}", line_with_cursor(&app));
    type_text(&mut app, "greer ");
    press(&mut app, "ctrl-e ctrl-w");
    assert_eq!(input(&app), "greer lutnick ");
    press(&mut app, "home alt-f right ctrl-k");
    assert_eq!(input(&app), "greer ");
    press(&mut app, "end");
    type_text(&mut app, "bessent");
    press(&mut app, "alt-b ctrl-u");
    assert_eq!(input(&app), "bessent");
    // Each change searched again: the hits are those of the text shown, as the file scan finds.
    let q = brief::search::parse("bessent").unwrap();
    let scanned = brief::search::scan::scan(std::path::Path::new("briefings"), &q, 80).found.len();
    assert!(scanned > 0);
    assert_eq!(app.search.as_ref().unwrap().hits().len(), scanned);
    assert!(screen(&app).contains(&format!("Search · {scanned} hits")), "{}", screen(&app));
}

#[test]
fn up_and_down_walk_earlier_queries_and_come_back_to_the_draft() {
    let mut app = app(100, 30);
    for query in ["lutnick", "rare earths"] {
        press(&mut app, "/");
        press(&mut app, "ctrl-u");
        type_text(&mut app, query);
        // Enter leaves the line: the query joins the history, and the loop is asked to keep it.
        assert_eq!(press(&mut app, "enter"), [Effect::Remember(query.into())]);
        press(&mut app, "esc esc");
    }
    assert_eq!(app.searched, ["lutnick", "rare earths"]);
    press(&mut app, "/");
    press(&mut app, "ctrl-u");
    type_text(&mut app, "gre");
    press(&mut app, "up");
    assert_eq!(input(&app), "rare earths");
    press(&mut app, "up up up");
    assert_eq!(input(&app), "lutnick", "up stops at the oldest");
    press(&mut app, "down");
    assert_eq!(input(&app), "rare earths");
    press(&mut app, "down");
    assert_eq!(input(&app), "gre", "down past the newest brings back what was typed");
    press(&mut app, "down");
    assert_eq!(input(&app), "gre");
}

#[test]
fn slash_reopens_on_the_last_query_selected_whole() {
    let mut app = app(100, 30);
    press(&mut app, "/");
    type_text(&mut app, "lutnick");
    press(&mut app, "enter");
    assert!(matches!(app.screen, Screen::Briefing(_)));
    press(&mut app, "esc esc");
    assert!(app.search.is_none() && matches!(app.screen, Screen::Library(_)));

    press(&mut app, "/");
    let search = app.search.as_ref().unwrap();
    assert!(search.line.selected() && input(&app) == "lutnick", "the last query, selected");
    assert!(!search.hits().is_empty(), "and its hits shown again");
    assert!(screen(&app).lines().last().unwrap().starts_with("/lutnick"), "{}", screen(&app));
    // Typing replaces the selection…
    type_text(&mut app, "greer");
    assert_eq!(input(&app), "greer");
    press(&mut app, "esc");
    // …and a movement keeps the text to go on from.
    press(&mut app, "/ end");
    type_text(&mut app, " trade");
    assert_eq!(input(&app), "greer trade");
}

#[test]
fn results_move_while_typing_and_tab_hands_the_keys_to_them() {
    let mut app = app(100, 30);
    press(&mut app, "/");
    type_text(&mut app, "rare");
    let selected = |app: &App| match app.screen {
        Screen::Results(cursor) => cursor.selected,
        _ => panic!("not on the results"),
    };
    press(&mut app, "ctrl-n ctrl-n ctrl-p");
    assert_eq!(selected(&app), 1);
    assert_eq!(press(&mut app, "tab"), [Effect::Remember("rare".into())]);
    assert!(!brief::tui::search::typing(&app), "the keys go to the results");
    press(&mut app, "j j");
    assert_eq!(selected(&app), 3);
    press(&mut app, "/");
    assert!(brief::tui::search::typing(&app));
}

/// The history outlives the reader: it is in the state folder, not the cache.
#[test]
fn the_history_is_kept_across_runs_in_the_state_folder() {
    let state = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let env = [("XDG_STATE_HOME", state.path().to_str().unwrap()), ("XDG_CACHE_HOME", cache.path().to_str().unwrap())];
    let mut reader = Reader::start_with_env(&[], 100, 30, &env);
    reader.wait_for("Briefings");
    reader.send("/");
    reader.send("lutnick");
    reader.wait_for("hits");
    reader.send("\r");
    reader.wait_for("Hit 1 of");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
    let kept = std::fs::read_to_string(state.path().join("brief/search-history")).unwrap();
    assert_eq!(kept, "lutnick\n");

    // The cache goes; the history stays.
    drop(cache);
    let cache = tempfile::tempdir().unwrap();
    let env = [("XDG_STATE_HOME", state.path().to_str().unwrap()), ("XDG_CACHE_HOME", cache.path().to_str().unwrap())];
    let mut reader = Reader::start_with_env(&[], 100, 30, &env);
    reader.wait_for("Briefings");
    reader.send("/");
    reader.wait_for("/lutnick");
    reader.send("\r");
    reader.wait_for("Hit 1 of");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}

/// The selected hit has the selection colour while the query is typed, as every list's
/// selection does; a match is drawn in a colour no warning uses.
#[test]
fn the_selected_hit_is_in_the_selection_colour_and_matches_are_not_warnings() {
    let mut app = app(100, 30);
    press(&mut app, "/");
    type_text(&mut app, "lutnick");
    press(&mut app, "ctrl-n");
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| frame.render_widget(&app, frame.area())).unwrap();
    let buf = terminal.backend().buffer();
    let selection = app.styles.selection.bg.expect("the selection has a background");
    let rows: Vec<u16> = (0..height).filter(|y| (1..width - 1).all(|x| buf[(x, *y)].bg == selection)).collect();
    assert_eq!(rows.len(), 1, "one row in the selection colour:\n{}", screen(&app));
    assert!(buf.content[usize::from(rows[0]) * usize::from(width)..].iter().take(usize::from(width)).any(|c| c.symbol() == "›"));
    // The second hit is the one selected.
    let second = &app.search.as_ref().unwrap().hits()[1];
    let row: String = (0..width).map(|x| buf[(x, rows[0])].symbol()).collect();
    assert!(row.contains(&*second.briefing), "{row}");

    let (highlight, warning) = (app.styles.highlight.fg, app.styles.warning.fg);
    assert!(highlight.is_some() && highlight != warning, "{highlight:?} against {warning:?}");
    let shipped = brief::config::load(Some(std::path::Path::new("config.toml"))).expect("the shipped config loads");
    assert_ne!(shipped.theme.highlight, shipped.theme.warning, "config.toml keeps them apart too");
}

/// A long query reopened selected leaves the keys' hint whole.
#[test]
fn a_long_query_reopened_leaves_room_for_the_hint() {
    let mut app = app(100, 30);
    app.searched.push("rare earth ".repeat(1000).trim().to_string());
    press(&mut app, "/");
    let line = screen(&app).lines().last().unwrap().to_string();
    assert!(line.starts_with("/rare earth rare earth") && line.ends_with("esc closes"), "{line}");
}
