//! Key sequences against the reader's `App`, without a terminal.

mod common;

use std::path::Path;

use brief::action::Action;
use brief::config::{self, Config};
use brief::model::Kind;
use brief::tui::app::{Overlay, Pane, Screen};
use brief::tui::{App, Effect, update};
use common::reader::{app, app_on, press, screen};

fn view(app: &App) -> &brief::tui::app::View {
    app.view().expect("a briefing is open")
}

/// The id of the item the detail shows.
fn shown_id(app: &App) -> String {
    let b = app.briefing().unwrap();
    b.id_of(app.shown_item().unwrap()).to_string()
}

fn selected(app: &App) -> (Pane, usize) {
    let v = view(app);
    (v.focus, v.cursor(v.focus).selected)
}

/// The London briefing, opened from the library as a reader would.
fn london(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    press(&mut app, "G enter");
    assert_eq!(view(&app).id, "london-talks");
    app
}

#[test]
fn number_keys_tab_and_hl_move_the_focus() {
    let mut app = london(160, 48);
    assert_eq!(view(&app).focus, Pane::Officials);
    press(&mut app, "3");
    assert_eq!(view(&app).focus, Pane::Reactions);
    press(&mut app, "tab");
    assert_eq!(view(&app).focus, Pane::Facts);
    press(&mut app, "backtab backtab");
    assert_eq!(view(&app).focus, Pane::Commitments);
    press(&mut app, "l");
    assert_eq!(view(&app).focus, Pane::Reactions);
    press(&mut app, "l");
    assert_eq!(view(&app).focus, Pane::Detail, "right of the grid is the detail");
    assert_eq!(view(&app).shown, Pane::Reactions, "the detail still shows the reaction");
    press(&mut app, "h");
    assert_eq!(view(&app).focus, Pane::Reactions, "h from the detail returns to its list");
    press(&mut app, "h h h");
    assert_eq!(view(&app).focus, Pane::Officials, "h stops at the left edge");
    press(&mut app, "6 0");
    assert_eq!((view(&app).focus, view(&app).shown), (Pane::Detail, Pane::Timeline));
}

#[test]
fn tabs_on_a_narrow_terminal_answer_the_same_keys() {
    let mut app = london(80, 24);
    press(&mut app, "5");
    let text = screen(&app);
    assert!(text.contains(" Sources ─"), "{text}");
    assert!(!text.contains(" Officials ─"), "one list at a time when tabbed:\n{text}");
    press(&mut app, "l");
    assert_eq!(view(&app).focus, Pane::Timeline);
    press(&mut app, "l");
    assert_eq!(view(&app).focus, Pane::Timeline, "l stops at the last tab");
}

#[test]
fn selection_moves_and_clamps() {
    let mut app = london(80, 24);
    press(&mut app, "2 j j");
    assert_eq!(selected(&app), (Pane::Commitments, 2));
    let last = app.briefing().unwrap().commitments.len() - 1;
    press(&mut app, "G");
    assert_eq!(selected(&app), (Pane::Commitments, last));
    press(&mut app, "j");
    assert_eq!(selected(&app), (Pane::Commitments, last), "stays on the last row");
    press(&mut app, "g k");
    assert_eq!(selected(&app), (Pane::Commitments, 0));
    press(&mut app, "ctrl-d");
    let half = selected(&app).1;
    assert!(half >= 2, "half a page is more than a row: {half}");
    press(&mut app, "pagedown pagedown pagedown pagedown");
    assert_eq!(selected(&app), (Pane::Commitments, last));
    press(&mut app, "ctrl-u pageup home");
    assert_eq!(selected(&app), (Pane::Commitments, 0));
    // The list scrolls so the selection stays on screen.
    press(&mut app, "G");
    let start: String = app.briefing().unwrap().commitments[last].text.chars().take(24).collect();
    assert!(screen(&app).contains(&start), "{}", screen(&app));
}

#[test]
fn follow_a_citation_to_its_source_and_back() {
    let mut app = london(160, 48);
    let b = app.briefing().unwrap();
    let row = b.commitments.iter().position(|c| c.id == "cn-framework-approval").unwrap();
    let citing = b.links.citing(b.sources.iter().position(|s| s.id == "econotimes").unwrap()).len();
    press(&mut app, "2");
    for _ in 0..row {
        press(&mut app, "j");
    }
    press(&mut app, "enter");
    assert_eq!(view(&app).focus, Pane::Detail, "enter on a list row focuses its detail");
    press(&mut app, "enter");
    let v = view(&app);
    assert_eq!(v.focus, Pane::Sources);
    assert_eq!(shown_id(&app), "econotimes", "the first citation of cn-framework-approval");
    assert!(screen(&app).contains(&format!("Cited by ({citing})")), "{}", screen(&app));

    press(&mut app, "backspace");
    assert_eq!(view(&app).focus, Pane::Detail);
    assert_eq!(shown_id(&app), "cn-framework-approval");
    press(&mut app, "ctrl-f");
    assert_eq!(shown_id(&app), "econotimes");
    press(&mut app, "ctrl-o ctrl-o");
    assert!(matches!(app.screen, Screen::Library(_)), "back reaches the library the briefing was opened from");
    press(&mut app, "alt-right");
    assert_eq!(view(&app).id, "london-talks");
}

#[test]
fn follow_an_official_into_another_briefing_and_back() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::root().join("briefings/london-talks.toml"), dir.path().join("london-talks.toml")).unwrap();
    std::fs::write(
        dir.path().join("follow-up.toml"),
        "title = \"Follow-up call\"\ndate = 2025-07-01\nsummary = \"s\"\n[[source]]\nid = \"wire\"\ntitle = \"Wire\"\n\
         [[official]]\nid = \"li-chenggang\"\nname = \"Li Chenggang\"\ncites = [\"wire\"]\n",
    )
    .unwrap();
    let mut app = app_on(dir.path(), Config::default(), 160, 48);
    press(&mut app, "j enter");
    assert_eq!(view(&app).id, "london-talks");
    press(&mut app, "1 G enter");
    // Li Chenggang's detail: two citations, the commitment he announced, then "Also in".
    assert!(screen(&app).contains("Also in (1)"), "{}", screen(&app));
    press(&mut app, "j j j enter");
    assert_eq!(view(&app).id, "follow-up");
    assert_eq!(app.shown_item().map(|i| i.kind), Some(Kind::Official));
    press(&mut app, "backspace");
    assert_eq!(view(&app).id, "london-talks");
    press(&mut app, "ctrl-f");
    assert_eq!(view(&app).id, "follow-up");
    // [ and ] walk the library, and join the same jump list.
    press(&mut app, "]");
    assert_eq!(view(&app).id, "london-talks");
    press(&mut app, "]");
    assert_eq!(view(&app).id, "london-talks", "no briefing after the last");
    press(&mut app, "[ backspace");
    assert_eq!(view(&app).id, "london-talks");
}

#[test]
fn rebinding_changes_the_keys_and_the_help() {
    let config = config::parse(Path::new("c.toml"), b"[keys]\ndown = [\"s\"]\nhelp = \"f1\"\n").unwrap();
    let mut app = app_on(Path::new("briefings"), config, 80, 24);
    press(&mut app, "G enter 2 s s");
    assert_eq!(selected(&app), (Pane::Commitments, 2));
    press(&mut app, "j");
    assert_eq!(selected(&app), (Pane::Commitments, 2), "j is no longer bound");
    press(&mut app, "f1");
    assert_eq!(app.overlay, Some(Overlay::Help(0)));
    let help = screen(&app);
    let down = help.lines().find(|l| l.contains("Move the selection down")).unwrap_or_else(|| panic!("{help}"));
    let keys = down[..down.find("Move the selection down").unwrap()].trim_end();
    assert!(keys.ends_with(" s") && !keys.contains(" j"), "the key shown is the one bound: {down}");
    assert!(help.contains("f1 or esc closes"), "{help}");
}

#[test]
fn esc_closes_the_detail_then_the_briefing() {
    let mut app = london(80, 24);
    press(&mut app, "3 enter");
    assert_eq!(view(&app).focus, Pane::Detail);
    press(&mut app, "esc");
    assert_eq!(view(&app).focus, Pane::Reactions);
    press(&mut app, "esc");
    match &app.screen {
        Screen::Library(cursor) => assert_eq!(cursor.selected, 2, "the library points at the briefing just left"),
        other => panic!("expected the library, got {other:?}"),
    }
}

#[test]
fn open_and_edit_are_effects() {
    let mut app = london(80, 24);
    press(&mut app, "5");
    assert!(press(&mut app, "o").is_empty());
    assert!(app.status.as_ref().unwrap().text.contains("has no URL"), "{:?}", app.status);

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("with-url.toml");
    std::fs::write(&file, "title = \"T\"\ndate = 2025-01-01\nsummary = \"s\"\n\n[[source]]\nid = \"s\"\ntitle = \"S\"\nurl = \"https://example.org/a\"\n\n[[fact]]\nid = \"f\"\ntext = \"F\"\ncites = [\"s\"]\n").unwrap();
    let mut app = app_on(dir.path(), Config::default(), 80, 24);
    press(&mut app, "enter 5");
    assert_eq!(press(&mut app, "o"), [Effect::OpenUrl("https://example.org/a".into())]);
    press(&mut app, "4");
    assert_eq!(press(&mut app, "e"), [Effect::Edit { path: file.clone(), line: 10 }], "the fact's table starts on line 10");
}

#[test]
fn clicks_select_and_follow_the_wheel_scrolls() {
    let mut app = london(160, 48);
    let text = screen(&app);
    let b = app.briefing().unwrap();
    let index = b.commitments.iter().position(|c| c.id == "cn-magnet-quotas").unwrap();
    // The narrow pane (not focused) shows the party and the start of the text.
    let start = format!("{} {}", b.commitments[index].party, b.commitments[index].text.chars().take(3).collect::<String>());
    let (row, line) = text.lines().enumerate().find(|(_, l)| l.contains(&start)).expect("the row is drawn");
    let column = line[..line.find(&start).unwrap()].chars().count() as u16;
    update(&mut app, Action::Click(column, row as u16));
    assert_eq!(selected(&app), (Pane::Commitments, index));
    let text = screen(&app);
    let (row, _) = text.lines().enumerate().find(|(_, l)| l.contains("[1] US-China Trade Truce")).expect("a citation is drawn");
    update(&mut app, Action::Click(140, row as u16));
    assert_eq!(shown_id(&app), "trade-truce");

    let mut app = london(80, 24);
    press(&mut app, "2");
    let before = view(&app).cursor(Pane::Commitments);
    update(&mut app, Action::ScrollDown(10, 8));
    let after = view(&app).cursor(Pane::Commitments);
    // The focused pane's rows wrap to their full text: the wheel moves its selection, as `j` does.
    assert_eq!(after.selected, before.selected + 3);
    assert!(after.selected >= after.offset, "the selection stays in view");
}

#[test]
fn a_reload_keeps_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("london-talks.toml");
    std::fs::copy(common::root().join("briefings/london-talks.toml"), &file).unwrap();
    let mut app = app_on(dir.path(), Config::default(), 80, 24);
    press(&mut app, "enter 2 j j j");
    let text = std::fs::read_to_string(&file).unwrap().replace("US–China talks in London", "London talks, revised");
    std::fs::write(&file, text).unwrap();
    let effect = update(&mut app, Action::FilesChanged(vec![file.clone()]));
    assert_eq!(effect, Some(Effect::Reload(vec![file.clone()])));
    update(&mut app, Action::Reloaded(vec![brief::load::read_file(&file)], Vec::new()));
    assert_eq!(selected(&app), (Pane::Commitments, 3));
    assert!(screen(&app).contains("London talks, revised"));

    std::fs::write(&file, "title = \"broken").unwrap();
    update(&mut app, Action::Reloaded(vec![brief::load::read_file(&file)], Vec::new()));
    let text = screen(&app);
    assert!(text.contains("London talks, revised"), "the last good version stays readable:\n{text}");
    assert!(app.status.as_ref().unwrap().text.contains("has errors; showing its last good version"), "{:?}", app.status);
    press(&mut app, "E");
    assert!(screen(&app).contains("[syntax]"), "{}", screen(&app));
}

#[test]
fn the_theme_colours_the_screen_and_no_color_turns_colour_off() {
    use ratatui::style::Color;
    let config = config::parse(Path::new("c.toml"), b"[theme]\naccent = \"#ff0000\"\n").unwrap();
    let render = |color: bool| {
        let mut app = App::new(brief::live::Live::load(Path::new("briefings")), config.clone(), color);
        update(&mut app, Action::Resize(80, 24));
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        terminal.backend().buffer().clone()
    };
    let coloured = render(true);
    // The title line "brief · 3 briefings" is drawn in the accent colour.
    assert_eq!(coloured[(1, 0)].fg, Color::Rgb(255, 0, 0));
    let plain = render(false);
    assert!(plain.content().iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset), "NO_COLOR draws without colour");
    assert!(plain.content().iter().any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED)), "the selection still shows");
}

#[test]
fn search_as_you_type_jump_back_to_results_and_step_with_n() {
    use common::reader::type_text;
    let mut app = london(100, 30);
    press(&mut app, "2 j j");
    let before = app.screen.clone();
    press(&mut app, "/");
    assert!(matches!(app.screen, Screen::Results(_)));
    // The reader's index and the command line's file scan are two implementations: they agree.
    let scanned = |query: &str| {
        let q = brief::search::parse(query).unwrap();
        brief::search::scan::scan(Path::new("briefings"), &q, 80).found.len()
    };
    let hits = |app: &App| app.search.as_ref().unwrap().hits().len();
    type_text(&mut app, "lutnick commerce");
    assert_eq!(app.search.as_ref().unwrap().input(), "lutnick commerce");
    assert_eq!(hits(&app), scanned("lutnick commerce"));
    for _ in 0.." commerce".len() {
        press(&mut app, "backspace");
    }
    let total = scanned("lutnick");
    assert!(total > scanned("lutnick commerce"), "fewer words find more");
    assert_eq!(hits(&app), total, "results follow each keystroke");
    assert!(screen(&app).contains("london-talks › official › howard-lutnick  name: Howard Lutnick"), "{}", screen(&app));

    // Enter jumps to the first hit; back returns to the results.
    press(&mut app, "enter");
    assert_eq!(shown_id(&app), "howard-lutnick");
    assert!(app.search.is_some(), "the search stays active after a jump");
    press(&mut app, "backspace");
    assert!(matches!(app.screen, Screen::Results(_)), "back returns to the results");
    press(&mut app, "enter");
    // n steps to the next hit without reopening the search.
    press(&mut app, "n");
    assert_eq!(shown_id(&app), "econotimes");
    press(&mut app, "N N");
    let lib = brief::Library::load(&[std::path::PathBuf::from("briefings")]).library;
    let last = brief::search::Index::build(&lib).search(&lib, &brief::search::parse("lutnick").unwrap());
    assert_eq!(shown_id(&app), &*last.last().unwrap().item, "N from the first hit wraps to the last");
    assert!(app.status.as_ref().unwrap().text.contains(&format!("Hit {total} of {total}")), "{:?}", app.status);

    // Esc on the results closes the search and restores the view as it was.
    press(&mut app, "/ esc");
    assert_eq!(app.screen, before);
    assert!(app.search.is_none());
}

#[test]
fn search_line_edits_reports_errors_and_misses() {
    use common::reader::type_text;
    let mut app = london(80, 24);
    press(&mut app, "/");
    type_text(&mut app, "kinds:x");
    let text = screen(&app);
    assert!(text.contains("unknown filter `kinds:`"), "{text}");
    for _ in 0..7 {
        press(&mut app, "backspace");
    }
    type_text(&mut app, "dilithium");
    assert!(screen(&app).contains("No hits for “dilithium”"), "{}", screen(&app));
    press(&mut app, "enter");
    assert!(matches!(app.screen, Screen::Results(_)), "enter on no hits stays put");
}

#[test]
fn matches_are_highlighted_in_panes_while_a_search_is_active() {
    use common::reader::type_text;
    use ratatui::style::Modifier;
    let mut app = App::new(brief::live::Live::load(Path::new("briefings")), Config::default(), false);
    update(&mut app, Action::Resize(160, 48));
    press(&mut app, "/");
    type_text(&mut app, "geneva");
    press(&mut app, "enter");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let text = screen(&app);
    let (row, line) = text.lines().enumerate().find(|(_, l)| l.contains("Geneva")).expect("Geneva is on screen");
    let column = line[..line.find("Geneva").unwrap()].chars().count() as u16;
    assert!(buffer[(column, row as u16)].modifier.contains(Modifier::UNDERLINED), "the match is highlighted");
    assert!(!buffer[(column.saturating_sub(2), row as u16)].modifier.contains(Modifier::UNDERLINED), "only the match");
}

#[test]
fn one_letter_on_a_large_library_waits_for_the_next() {
    use brief::search::parse;
    use brief::tui::search::{BROAD, too_broad};
    assert!(too_broad(&parse("l").unwrap(), BROAD));
    assert!(!too_broad(&parse("l").unwrap(), BROAD - 1), "small libraries search at once");
    assert!(!too_broad(&parse("li").unwrap(), BROAD));
    assert!(!too_broad(&parse("何").unwrap(), BROAD), "a CJK character is a word");
    assert!(!too_broad(&parse("l kind:reaction").unwrap(), BROAD));
}

#[test]
fn x_exports_what_is_on_screen_without_overwriting() {
    use common::reader::type_text;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("exports");
    let text = format!("[export]\nfolder = \"{}\"\nformat = \"md\"\n", folder.display());
    let config = config::parse(Path::new("c.toml"), text.as_bytes()).unwrap();
    let mut app = app_on(Path::new("briefings"), config, 100, 30);
    press(&mut app, "G enter");
    let effects = press(&mut app, "x");
    assert_eq!(effects, [Effect::Export { briefing: Some("london-talks".into()), query: None }]);
    for expected in ["london-talks.md", "london-talks-2.md"] {
        let report = brief::tui::export(&app, Some("london-talks".into()), None);
        assert_eq!(report, Action::Report(format!("Exported to {}", folder.join(expected).display()), false));
    }
    assert!(std::fs::read_to_string(folder.join("london-talks.md")).unwrap().starts_with("# US–China talks in London"));

    press(&mut app, "/");
    type_text(&mut app, "Lutnick");
    // While the search line is being edited, `x` is a letter of the query, not an export.
    assert_eq!(press(&mut app, "x"), []);
    assert_eq!(app.search.as_ref().unwrap().input(), "Lutnickx");
    press(&mut app, "backspace enter backspace");
    assert!(matches!(app.screen, Screen::Results(_)) && !brief::tui::search::typing(&app), "back on the results, not typing");
    let effects = press(&mut app, "x");
    assert_eq!(effects, [Effect::Export { briefing: None, query: Some("Lutnick".into()) }]);
    let report = brief::tui::export(&app, None, Some("Lutnick".into()));
    let written = format!("Exported to {}", folder.join("search-lutnick.md").display());
    assert_eq!(report, Action::Report(written.clone(), false));
    update(&mut app, report);
    assert!(screen(&app).contains(&written), "the results screen says where it wrote:\n{}", screen(&app));
    let md = std::fs::read_to_string(folder.join("search-lutnick.md")).unwrap();
    assert!(md.contains("**Howard Lutnick**") && !md.contains("**He Lifeng**"), "{md}");
}

#[test]
fn a_reload_keeps_each_cursor_on_the_same_briefing_and_item_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("london-talks.toml");
    std::fs::copy(common::root().join("briefings/london-talks.toml"), &file).unwrap();
    std::fs::write(dir.path().join("older.toml"), "title = \"Older\"\ndate = 2020-01-01\nsummary = \"s\"\n").unwrap();
    let mut app = app_on(dir.path(), Config::default(), 100, 30);

    // The library: a newer briefing added above the selected one.
    press(&mut app, "j");
    let selected_title = |app: &App| match app.screen {
        Screen::Library(c) => app.live.rows()[c.selected].title.clone(),
        _ => panic!("not the library"),
    };
    assert_eq!(selected_title(&app), "Older");
    let newer = dir.path().join("newer.toml");
    std::fs::write(&newer, "title = \"Newer\"\ndate = 2030-01-01\nsummary = \"s\"\n").unwrap();
    update(&mut app, Action::Reloaded(vec![brief::load::read_file(&newer)], Vec::new()));
    assert_eq!(selected_title(&app), "Older", "the selection stays on the briefing, not the row");

    // A briefing: a commitment and an event inserted before the selected ones.
    press(&mut app, "g g");
    let london = app.live.position("london-talks").unwrap();
    for _ in 0..london {
        press(&mut app, "j");
    }
    press(&mut app, "enter 2 j j j");
    let commitment = shown_id(&app);
    press(&mut app, "6 G");
    let event = shown_id(&app);
    let text = std::fs::read_to_string(&file).unwrap();
    let first_commitment = text.find("[[commitment]]").unwrap();
    let first_event = text.find("[[event]]").unwrap();
    let mut edited = text.clone();
    // Later offset first, so the earlier one stays valid.
    let (late, early) = if first_event > first_commitment { (first_event, first_commitment) } else { (first_commitment, first_event) };
    for at in [late, early] {
        let insert = if at == first_event {
            "[[event]]\ndate = 2000-01-01\ntext = \"An early event.\"\ncites = [\"econotimes\"]\n\n"
        } else {
            "[[commitment]]\nid = \"inserted\"\ntext = \"Inserted first.\"\nparty = \"US\"\nstatus = \"proposed\"\ncites = [\"econotimes\"]\n\n"
        };
        edited.insert_str(at, insert);
    }
    std::fs::write(&file, edited).unwrap();
    update(&mut app, Action::Reloaded(vec![brief::load::read_file(&file)], Vec::new()));
    assert!(app.live.get("london-talks").unwrap().commitments.iter().any(|c| c.id == "inserted"), "the edit loaded");
    assert_eq!(shown_id(&app), event, "the timeline keeps its event although an earlier one sorts before it");
    press(&mut app, "2");
    assert_eq!(shown_id(&app), commitment, "the commitment stays selected although one was inserted above it");

    // An unnamed event selected, and another unnamed one inserted before it: its positional
    // name shifts, but the selection stays on what it says.
    press(&mut app, "6 g g");
    let text_of = |app: &App| {
        let b = app.briefing().unwrap();
        b.events[app.shown_item().unwrap().index].text.clone()
    };
    press(&mut app, "j");
    let before = text_of(&app);
    assert!(shown_id(&app).starts_with("event#"), "an unnamed event: {}", shown_id(&app));
    let text = std::fs::read_to_string(&file).unwrap();
    let first_event = text.find("[[event]]").unwrap();
    let mut edited = text.clone();
    edited.insert_str(first_event, "[[event]]\ndate = \"1999\"\ntext = \"Earliest, unnamed.\"\ncites = [\"econotimes\"]\n\n");
    std::fs::write(&file, edited).unwrap();
    update(&mut app, Action::Reloaded(vec![brief::load::read_file(&file)], Vec::new()));
    assert_eq!(text_of(&app), before, "the selection stays on the unnamed event it was on");
}

/// A search runs off the loop: typing asks for it and shows the line at once; the hits of a
/// search overtaken by more typing are dropped when they come, the latest search's are shown,
/// and they are taken even while an overlay covers the screen.
#[test]
fn only_the_latest_search_is_shown_and_its_hits_are_taken_under_an_overlay() {
    let mut app = app(100, 30);
    let run = |app: &App, effect: Option<Effect>| -> (u64, Action) {
        let Some(Effect::Search { number, input }) = effect else { panic!("a search was asked for: {effect:?}") };
        let searcher = app.live.searcher();
        let store = brief::store::Store::reader(&searcher.location).unwrap();
        (number, brief::tui::jobs::search(&store, &searcher, number, &input, &|| false).unwrap())
    };
    assert_eq!(update(&mut app, Action::Search), None);
    let first = update(&mut app, Action::Paste("rare".into()));
    let (older, rare) = run(&app, first);
    let second = update(&mut app, Action::Paste(" lutnick".into()));
    let (latest, lutnick) = run(&app, second);
    assert!(latest > older);
    assert!(screen(&app).contains("Searching…"), "{}", screen(&app));
    let Action::Found(_, lutnick_hits) = lutnick.clone() else { unreachable!() };
    assert!(!lutnick_hits.is_empty());

    // The older answer comes last but one: it is not the input's, and is dropped.
    update(&mut app, rare);
    assert!(app.search.as_ref().unwrap().hits().is_empty() && screen(&app).contains("Searching…"));
    // The latest comes while the help is open: taken all the same.
    update(&mut app, Action::Help);
    assert!(matches!(app.overlay, Some(Overlay::Help(_))));
    update(&mut app, lutnick);
    assert_eq!(app.search.as_ref().unwrap().hits(), &lutnick_hits[..]);
    update(&mut app, Action::Help);
    assert!(screen(&app).contains(&format!("Search · {} hits", lutnick_hits.len())), "{}", screen(&app));
}

/// Enter typed before the hits came (a fast typist, a large library) opens the first hit when
/// they come, as it would have had they been there.
#[test]
fn enter_before_the_hits_come_opens_the_first_when_they_do() {
    let mut app = app(100, 30);
    update(&mut app, Action::Search);
    let asked = update(&mut app, Action::Paste("lutnick".into()));
    assert!(matches!(asked, Some(Effect::Search { .. })));
    // Enter leaves the search line, so the query joins the history; nothing else is asked.
    assert_eq!(update(&mut app, Action::Follow), Some(Effect::Remember("lutnick".into())));
    assert!(matches!(app.screen, Screen::Results(_)), "nothing to open yet");
    common::reader::searched(&mut app, asked);
    let first = app.search.as_ref().unwrap().hits()[0].clone();
    assert!(matches!(app.screen, Screen::Briefing(_)), "the first hit is open");
    assert_eq!(app.briefing().unwrap().id, &*first.briefing);
}
