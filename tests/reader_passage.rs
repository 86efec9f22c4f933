//! The passage view and the verify marks, from the reader's keys: `p` opens a citation's saved
//! copy at its place with the claim's terms marked, `n`/`N` step through them, Backspace and Esc
//! return; rows and the detail show what checking against the copies found. A small library
//! with copies of its own runs everywhere; the curated library's needs `../shared`.

mod common;

use std::path::Path;

use brief::config::Config;
use brief::tui::app::{Pane, Reading, Screen};
use brief::tui::{App, Effect};
use common::reader::{app_on, press, press_run, screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A saved page of our own: menu lines, a headline, four paragraphs and a section.
const COPY: &str = "Menu\n\nSearch\n\n# Ministers Meet in Geneva on Tariffs\n\n\
    Officials from both capitals met in Geneva on Monday, the ministry said.\n\n\
    Commerce Secretary Howard Lutnick told reporters the mood was constructive.\n\n\
    Tariffs were cut by 115 percentage points in May, an earlier truce that held.\n\n\
    Nothing else was agreed on the first day.\n\n\
    ## What Comes Next\n\n\
    A second round is planned within 30 days, officials said.\n\n\
    Markets rose 1.2% on the news.\n";

/// A library of one briefing whose items cite the copy in the ways a test needs, and the folder
/// of saved copies beside it.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new(commitments: &str) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("briefings")).unwrap();
        std::fs::create_dir_all(dir.path().join("copies")).unwrap();
        std::fs::write(dir.path().join("copies/meeting.txt"), COPY).unwrap();
        let briefing = format!(
            "title = \"Geneva\"\ndate = 2025-05-12\nsummary = \"s\"\n\n\
             [[source]]\nid = \"wire\"\ntitle = \"Ministers Meet in Geneva on Tariffs\"\narchive = \"meeting.txt\"\n\n\
             [[source]]\nid = \"blog\"\ntitle = \"A blog\"\n\n{commitments}"
        );
        std::fs::write(dir.path().join("briefings/geneva.toml"), briefing).unwrap();
        Fixture { dir }
    }

    fn app(&self, width: u16, height: u16) -> App {
        let config = Config { archive: Some(self.dir.path().join("copies")), ..Config::default() };
        let mut app = app_on(&self.dir.path().join("briefings"), config, width, height);
        press_run(&mut app, "enter");
        app
    }
}

fn commitment(id: &str, text: &str, cites: &str) -> String {
    format!("[[commitment]]\nid = \"{id}\"\ntext = \"{text}\"\nparty = \"US\"\nstatus = \"agreed\"\ncites = [{cites}]\n\n")
}

fn reading(app: &App) -> &Reading {
    match &app.screen {
        Screen::Passage(r) => r,
        other => panic!("not the passage view: {other:?}"),
    }
}

/// The text of the marked lines, in order.
fn marked(app: &App) -> Vec<String> {
    reading(app).passage.lines.iter().filter(|l| l.marked).map(|l| l.text.clone()).collect()
}

fn status(app: &App) -> String {
    app.status.as_ref().map(|s| s.text.clone()).unwrap_or_default()
}

#[test]
fn p_on_a_citation_opens_the_copy_at_its_place_and_backspace_returns() {
    let cites = r#"{ source = "wire", at = "1st paragraph" }, { source = "wire", at = "What Comes Next" }"#;
    let f = Fixture::new(&commitment("next", "A second round within 30 days; markets rose 1.2%.", cites));
    let mut app = f.app(100, 30);
    // The detail's second citation, chosen with j: its place is the section.
    press_run(&mut app, "2 0");
    let before = app.screen.clone();
    press_run(&mut app, "j p");
    let r = reading(&app);
    assert_eq!((r.cited.citation, r.cited.at.as_deref(), r.cited.source.as_str()), (Some(1), Some("What Comes Next"), "wire"));
    assert_eq!(
        marked(&app),
        ["What Comes Next", "A second round is planned within 30 days, officials said.", "Markets rose 1.2% on the news."]
    );
    let shown = screen(&app);
    assert!(shown.contains("Saved copy · [2] at What Comes Next · Ministers Meet in Geneva on Tariffs"), "{shown}");
    assert!(shown.contains("Claim   A second round within 30 days; markets rose 1.2%."), "{shown}");
    assert!(shown.contains("▌ What Comes Next"), "the place is marked in the gutter:\n{shown}");
    assert!(!shown.contains("Search"), "menu lines are not the article:\n{shown}");
    // Back where it was, the citation still selected.
    press_run(&mut app, "backspace");
    assert_eq!(
        app.screen,
        Screen::Briefing(match before {
            Screen::Briefing(mut v) => {
                v.cursor_mut(Pane::Detail).selected = 1;
                v
            }
            _ => unreachable!(),
        })
    );
    // Forward again, and Esc returns too.
    press_run(&mut app, "ctrl-f");
    assert!(matches!(app.screen, Screen::Passage(_)));
    press_run(&mut app, "esc");
    assert!(matches!(app.screen, Screen::Briefing(_)));
}

#[test]
fn p_on_a_list_row_reads_the_first_citation_with_a_copy_and_on_a_source_the_whole_copy() {
    let cites = r#"{ source = "blog" }, { source = "wire", at = "2nd paragraph" }"#;
    let f = Fixture::new(&commitment("lutnick", "Lutnick called the mood constructive.", cites));
    let mut app = f.app(100, 30);
    press_run(&mut app, "2 p");
    assert_eq!(reading(&app).cited.citation, Some(1), "the blog has no saved copy");
    assert_eq!(marked(&app), ["Commerce Secretary Howard Lutnick told reporters the mood was constructive."]);
    press_run(&mut app, "backspace 5 p");
    let r = reading(&app);
    assert_eq!((r.cited.citation, r.cited.at.as_deref()), (None, None));
    assert!(marked(&app).is_empty(), "a source read whole marks no place");
    assert!(screen(&app).contains("Saved copy · the whole article"));
    // The blog source has no copy: said so, nothing opened.
    press_run(&mut app, "backspace 5 j p");
    assert!(matches!(app.screen, Screen::Briefing(_)));
    assert_eq!(status(&app), "Source `blog` names no saved copy (`archive = \"FILE\"`)");
}

#[test]
fn n_and_shift_n_step_through_the_claims_figures_and_names_and_wrap() {
    let cites = r#"{ source = "wire" }"#;
    let f = Fixture::new(&commitment("cut", "Tariffs fell by 115 percentage points in Geneva, Lutnick said.", cites));
    let mut app = f.app(60, 16);
    press_run(&mut app, "2 p");
    let found = reading(&app).passage.occurrences();
    let words: Vec<String> = found
        .iter()
        .map(|(line, at)| {
            let l = &reading(&app).passage.lines[*line];
            let r = l.terms.iter().find(|r| r.start == *at).unwrap();
            l.text.chars().skip(r.start).take(r.len()).collect()
        })
        .collect();
    assert_eq!(words, ["Geneva", "Geneva", "Lutnick", "115"], "the headline, the 1st, 2nd and 3rd paragraphs");
    press_run(&mut app, "n");
    assert_eq!((reading(&app).hit, status(&app).as_str()), (Some(0), "Term 1 of 4"));
    press_run(&mut app, "n n n");
    assert_eq!(reading(&app).hit, Some(3));
    // The current term is drawn in the selection colours, and is on screen.
    let term_cell = cell_with(&app, "115").expect("the figure is on screen");
    assert_eq!(term_cell.bg, app.styles.selection.bg.unwrap());
    press_run(&mut app, "n");
    assert_eq!((reading(&app).hit, status(&app).as_str()), (Some(0), "Term 1 of 4 (from the top)"));
    press_run(&mut app, "N");
    assert_eq!((reading(&app).hit, status(&app).as_str()), (Some(3), "Term 4 of 4 (from the bottom)"));
}

/// The first cell of the last place `text` is drawn.
fn cell_with(app: &App, text: &str) -> Option<ratatui::buffer::Cell> {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| frame.render_widget(app, frame.area())).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let first = text.chars().next()?.to_string();
    for y in (0..height).rev() {
        let row: String = (0..width).map(|x| buffer[(x, y)].symbol().to_string()).collect();
        if let Some(at) = row.find(text) {
            let x = row[..at].chars().count() as u16;
            assert_eq!(buffer[(x, y)].symbol(), first);
            return Some(buffer[(x, y)].clone());
        }
    }
    None
}

#[test]
fn a_place_that_is_not_there_says_so_and_opens_at_the_top() {
    let f = Fixture::new(&commitment("far", "Officials met in Geneva.", r#"{ source = "wire", at = "9th paragraph" }"#));
    let mut app = f.app(100, 30);
    press_run(&mut app, "2 p");
    assert_eq!(reading(&app).top, 0);
    assert!(marked(&app).is_empty());
    assert_eq!(status(&app), "The cited place is not in the saved copy: showing it from the top");
    let shown = screen(&app);
    assert!(shown.contains("“9th paragraph” is not in this saved copy (the saved copy has 6 paragraphs); shown from the top"), "{shown}");
}

#[test]
fn without_an_archive_folder_or_a_readable_copy_p_says_why() {
    let f = Fixture::new(&commitment("x", "Officials met in Geneva.", r#"{ source = "wire" }"#));
    let mut app = app_on(&f.dir.path().join("briefings"), Config::default(), 100, 30);
    press_run(&mut app, "enter 2");
    assert_eq!(press(&mut app, "p"), Vec::<Effect>::new());
    assert!(status(&app).starts_with("No archive folder: set `archive` in config.toml or pass --archive DIR"), "{}", status(&app));
    std::fs::remove_file(f.dir.path().join("copies/meeting.txt")).unwrap();
    let mut app = f.app(100, 30);
    press_run(&mut app, "2 p");
    assert!(matches!(app.screen, Screen::Briefing(_)));
    assert!(status(&app).starts_with("Could not read the saved copy `meeting.txt`"), "{}", status(&app));
}

#[test]
fn scrolling_stays_in_the_text_and_a_resize_keeps_the_line_at_the_top() {
    let f = Fixture::new(&commitment("x", "Markets rose 1.2%.", r#"{ source = "wire", at = "last paragraph" }"#));
    let mut app = f.app(40, 14);
    press_run(&mut app, "2 p");
    let top = reading(&app).top;
    assert!(top > 0, "opened at the last paragraph, scrolled");
    press_run(&mut app, "G");
    let bottom = reading(&app).top;
    press_run(&mut app, "j j j");
    assert_eq!(reading(&app).top, bottom, "no scrolling past the end");
    press_run(&mut app, "g");
    assert_eq!(reading(&app).top, 0);
    press_run(&mut app, "ctrl-d j");
    // The article line at the top, as the view wraps it at its size.
    let top_line = |app: &App| {
        let r = reading(app);
        let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
        let width = brief::tui::panes::passage::layout(app, r, area).text.width;
        brief::tui::panes::passage::rows(&r.passage, usize::from(width))[r.top].line
    };
    let line = top_line(&app);
    assert!(line > 0);
    common::reader::event(&mut app, &crossterm::event::Event::Resize(50, 12));
    assert_eq!(top_line(&app), line);
}

#[test]
fn rows_are_marked_where_the_copy_does_not_back_the_claim_and_the_detail_says_how() {
    let wrong = commitment("cut", "Tariffs fell by 115 percentage points.", r#"{ source = "wire", at = "1st paragraph" }"#);
    let right = commitment("cut-right", "Tariffs fell by 115 percentage points.", r#"{ source = "wire", at = "3rd paragraph" }"#);
    let f = Fixture::new(&format!("{wrong}{right}"));
    let mut app = f.app(160, 48);
    press_run(&mut app, "2");
    let shown = screen(&app);
    let row = |id_text: &str| shown.lines().filter(|l| l.contains(id_text)).map(str::to_string).collect::<Vec<_>>();
    let rows = row("agreed   US Tariffs fell by");
    assert_eq!(rows.len(), 2, "{shown}");
    assert!(rows[0].contains(" 1! ? agreed"), "the wrong citation is marked: {}", rows[0]);
    assert!(!rows[1].contains('?'), "the right one is not: {}", rows[1]);
    assert!(shown.contains("Saved copies  1 finding"), "{shown}");
    assert!(shown.contains("? `115 percentage point` is in no place `cut`"), "{shown}");
    assert!(shown.contains("`wire` has it in the 3rd paragraph, not where"), "{shown}");
    press_run(&mut app, "j");
    assert!(screen(&app).contains("Saved copies  nothing found"));
    // The legend in the help explains the mark.
    press_run(&mut app, "? G");
    let legend = screen(&app);
    let line = legend.lines().find(|l| l.contains("its saved copies do not back it")).unwrap_or_else(|| panic!("{legend}"));
    assert!(line[..line.find("its saved copies").unwrap()].trim_end().ends_with(" ?"), "{line}");
}

#[test]
fn a_check_answered_after_a_reload_is_dropped_and_the_briefing_is_checked_again() {
    let f = Fixture::new(&commitment("cut", "Tariffs fell by 115 percentage points.", r#"{ source = "wire", at = "1st paragraph" }"#));
    let config = Config { archive: Some(f.dir.path().join("copies")), ..Config::default() };
    let mut app = app_on(&f.dir.path().join("briefings"), config, 160, 48);
    let asked = press(&mut app, "enter");
    let [Effect::Check { request, .. }] = asked.as_slice() else { panic!("{asked:?}") };
    let request = *request;
    // The file changes before the answer comes: the old answer no longer counts.
    let path = f.dir.path().join("briefings/geneva.toml");
    let text = std::fs::read_to_string(&path).unwrap().replace("1st paragraph", "3rd paragraph");
    std::fs::write(&path, text).unwrap();
    let reread = common::reader::run(&mut app, vec![Effect::Reload(vec![path])]);
    assert!(reread.is_empty() || matches!(reread[..], [Effect::Reload(_)]));
    let b = app.live.get("geneva").unwrap().clone();
    let stale = brief::tui::jobs::check(&b, &f.dir.path().join("copies"), request);
    let next: Vec<Effect> = brief::tui::update(&mut app, stale).into_iter().collect();
    common::reader::run(&mut app, next);
    press_run(&mut app, "2");
    assert!(screen(&app).contains("Saved copies  nothing found"), "{}", screen(&app));
}

#[test]
fn the_passage_view_at_80_by_24_and_160_by_48() {
    let cites = r#"{ source = "wire", at = "3rd paragraph" }"#;
    let f = Fixture::new(&commitment("cut", "Tariffs fell by 115 percentage points in Geneva, Lutnick said.", cites));
    for (width, height) in [(80, 24), (160, 48)] {
        let mut app = f.app(width, height);
        press_run(&mut app, "2 p n n");
        insta::assert_snapshot!(format!("passage_{width}x{height}"), screen(&app));
    }
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn the_curated_library_opens_each_cited_place_in_its_article() {
    let config = Config { archive: Some(common::shared().join("sources")), ..Config::default() };
    let mut app = app_on(Path::new("briefings"), config, 120, 40);
    press_run(&mut app, "G enter");
    assert_eq!(app.view().unwrap().id, "london-talks");
    // The truce report's deal overview, cited by a commitment: its three lines are marked.
    let b = app.briefing().unwrap().clone();
    let (pane_key, row) = Pane::LISTS
        .iter()
        .enumerate()
        .find_map(|(k, pane)| {
            Pane::items(*pane, &b)
                .iter()
                .position(|item| {
                    b.cites_of(*item)
                        .first()
                        .is_some_and(|c| c.source == "trade-truce" && c.at.as_deref() == Some("Bilateral Deal Overview"))
                })
                .map(|row| (k + 1, row))
        })
        .expect("an item cites the truce report's deal overview first");
    press_run(&mut app, &format!("{pane_key} g {} p", "j ".repeat(row)));
    let lines = marked(&app);
    assert_eq!(lines[0], "Bilateral Deal Overview");
    let bullets: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("- ")).collect();
    assert_eq!(bullets.len(), 3, "{lines:?}");
    for (line, start) in bullets.iter().zip(["Tariff Reductions", "Rare Earth Exports", "Semiconductor Controls"]) {
        assert!(line.starts_with(start), "{line}");
    }
    assert!(lines.last().unwrap().contains("Semiconductor Controls"), "the section ends at the next heading");
    // Nothing in the curated library is marked: it verifies clean.
    press_run(&mut app, "backspace");
    assert!(app.verdict("london-talks").is_some_and(|v| v.open.is_empty()), "{:?}", app.verdict("london-talks"));
}

#[test]
fn a_citation_edited_while_its_passage_is_open_moves_the_view_to_its_new_place() {
    let f = Fixture::new(&commitment("x", "Officials met in Geneva.", r#"{ source = "wire", at = "1st paragraph" }"#));
    let mut app = f.app(100, 30);
    press_run(&mut app, "2 p");
    assert_eq!(marked(&app), ["Officials from both capitals met in Geneva on Monday, the ministry said."]);
    let path = f.dir.path().join("briefings/geneva.toml");
    let text = std::fs::read_to_string(&path).unwrap().replace("1st paragraph", "What Comes Next").replace("met in Geneva", "rose 1.2%");
    std::fs::write(&path, text).unwrap();
    common::reader::run(&mut app, vec![Effect::Reload(vec![path])]);
    let r = reading(&app);
    assert_eq!(r.cited.at.as_deref(), Some("What Comes Next"), "the place follows the file");
    assert_eq!(marked(&app)[0], "What Comes Next");
    assert!(screen(&app).contains("Saved copy · [1] at What Comes Next"), "{}", screen(&app));
    assert!(screen(&app).contains("Claim   Officials rose 1.2%."), "the claim follows too:\n{}", screen(&app));
    press_run(&mut app, "n");
    assert_eq!(status(&app), "Term 1 of 1", "its terms are the new claim's");
}

#[test]
fn a_saved_copy_changed_on_disk_is_checked_and_read_again() {
    let f = Fixture::new(&commitment("cut", "Tariffs fell by 115 percentage points.", r#"{ source = "wire", at = "1st paragraph" }"#));
    let mut app = f.app(160, 48);
    press_run(&mut app, "2");
    assert!(screen(&app).contains(" 1! ? agreed"), "{}", screen(&app));
    // The curator saves a corrected copy whose 1st paragraph holds the figure.
    let copy = f.dir.path().join("copies/meeting.txt");
    std::fs::write(&copy, COPY.replace("Officials from both capitals met", "Tariffs fell 115 percentage points as officials met")).unwrap();
    let effects: Vec<Effect> = brief::tui::update(&mut app, brief::action::Action::CopiesChanged(vec![copy.clone()])).into_iter().collect();
    common::reader::run(&mut app, effects);
    let shown = screen(&app);
    assert!(!shown.contains(" 1! ? agreed") && shown.contains("Saved copies  nothing found"), "{shown}");
    // Open, the view reads the copy again in place.
    press_run(&mut app, "p");
    std::fs::write(&copy, COPY.replace("Officials from both capitals met", "Delegations met")).unwrap();
    let effects: Vec<Effect> = brief::tui::update(&mut app, brief::action::Action::CopiesChanged(vec![copy])).into_iter().collect();
    common::reader::run(&mut app, effects);
    assert_eq!(marked(&app), ["Delegations met in Geneva on Monday, the ministry said."]);
    assert_eq!(status(&app), "Read `meeting.txt` again: it changed");
    press_run(&mut app, "backspace");
    assert!(screen(&app).contains(" 1! ? agreed"), "checked again: the figure is gone\n{}", screen(&app));
}

#[test]
fn a_copy_that_cannot_be_read_marks_the_row_and_the_detail_says_not_checked() {
    let f = Fixture::new(&commitment("x", "Officials met in Geneva.", r#"{ source = "wire", at = "1st paragraph" }"#));
    std::fs::remove_file(f.dir.path().join("copies/meeting.txt")).unwrap();
    let mut app = f.app(160, 48);
    press_run(&mut app, "2");
    let shown = screen(&app);
    assert!(shown.contains(" 1! ? agreed"), "{shown}");
    assert!(shown.contains("Saved copies  not all checked: a saved copy"), "{shown}");
    assert!(!shown.contains("nothing found"), "{shown}");
}

#[test]
fn the_warning_for_a_place_that_is_not_there_wraps_so_its_hint_is_read() {
    let f = Fixture::new(&commitment("x", "Officials met in Geneva.", r#"{ source = "wire", at = "0th paragraph" }"#));
    let mut app = f.app(80, 24);
    press_run(&mut app, "2 p");
    let shown = screen(&app);
    assert!(shown.contains("the saved copy has 6); shown from"), "the count shows:\n{shown}");
}

#[test]
fn n_says_when_the_claim_has_nothing_to_find_and_p_in_a_passage_says_where_it_is() {
    let f = Fixture::new(&commitment("x", "a second round is planned.", r#"{ source = "wire", at = "What Comes Next" }"#));
    let mut app = f.app(100, 30);
    press_run(&mut app, "2 p n");
    assert_eq!(status(&app), "The claim names no figure or name to find");
    press_run(&mut app, "p");
    assert_eq!(status(&app), "This is the saved copy; backspace returns to the citation");
    assert!(matches!(app.screen, Screen::Passage(_)));
}

#[test]
fn a_copy_of_one_long_line_wraps_and_scrolls_with_its_terms_in_place() {
    let long = format!("# Headline\n\n{} Geneva {}\n", "word ".repeat(20_000), "more ".repeat(20_000));
    let f = Fixture::new(&commitment("x", "Officials met in Geneva.", r#"{ source = "wire", at = "1st paragraph" }"#));
    std::fs::write(f.dir.path().join("copies/meeting.txt"), long).unwrap();
    let mut app = f.app(80, 24);
    press_run(&mut app, "2 p n");
    assert_eq!(status(&app), "Term 1 of 1");
    let cell = cell_with(&app, "Geneva").expect("the term is scrolled into view");
    assert_eq!(cell.bg, app.styles.selection.bg.unwrap());
    press_run(&mut app, "G");
    assert!(screen(&app).contains("more more"), "{}", screen(&app));
}
