//! Everything reachable: the briefing's summary and the library's preview take the focus,
//! scroll, and lead to related briefings; the zoom shows one pane alone; keys that do nothing
//! where they are pressed say why. Through the reader's real input path.

mod common;

use brief::action::Action;
use brief::tui::app::{Pane, Screen};
use brief::tui::{App, update};
use common::reader::{app, press, screen};

fn london(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    press(&mut app, "G enter");
    assert_eq!(app.view().unwrap().id, "london-talks");
    app
}

/// The start of the London summary's third paragraph, as the file has it.
fn third_paragraph(app: &App) -> String {
    let b = app.live.get("london-talks").unwrap();
    let paragraph = b.summary.trim().split("\n\n").nth(2).expect("three paragraphs");
    paragraph.split_whitespace().take(6).collect::<Vec<_>>().join(" ")
}

#[test]
fn the_whole_summary_can_be_read_and_its_related_briefings_followed_and_come_back_from() {
    for (width, height) in [(100, 30), (160, 48), (80, 24), (60, 16)] {
        let mut app = london(width, height);
        let third = third_paragraph(&app);
        if width < 160 {
            assert!(!screen(&app).contains(&third), "{width}x{height}: not all of it shows at first");
        }
        press(&mut app, "s");
        assert_eq!(app.view().unwrap().focus, Pane::Summary);
        assert!(screen(&app).lines().last().unwrap().ends_with("london-talks › Summary"), "{}", screen(&app));
        press(&mut app, "G");
        let related = app.live.get("london-talks").unwrap().related.clone();
        let text = screen(&app);
        assert!(text.contains(&format!("→ {}", related[1])), "{width}x{height}: the last related briefing ends it:\n{text}");
        // Paged back up, the third paragraph is read too.
        let mut seen = false;
        for _ in 0..40 {
            seen |= screen(&app).split_whitespace().collect::<Vec<_>>().join(" ").contains(&third);
            press(&mut app, "k");
        }
        assert!(seen, "{width}x{height}: the third paragraph never showed");
        press(&mut app, "G");
        // The last row is the second related briefing; Enter opens it.
        press(&mut app, "enter");
        assert_eq!(app.view().map(|v| v.id.as_str()), Some(related[1].as_str()), "{width}x{height}");
        press(&mut app, "backspace");
        let view = app.view().unwrap();
        assert_eq!((view.id.as_str(), view.focus), ("london-talks", Pane::Summary), "back to the summary, where it was");
        press(&mut app, "esc");
        assert_eq!(app.view().unwrap().focus, Pane::Officials, "esc leaves the summary for the list");
    }
}

#[test]
fn a_row_that_leads_nowhere_says_so() {
    let mut app = london(100, 30);
    press(&mut app, "s enter");
    assert_eq!(app.view().unwrap().id, "london-talks");
    assert!(app.status.as_ref().unwrap().text.contains("Nothing to follow on this line"), "{:?}", app.status);
}

#[test]
fn the_library_preview_takes_the_focus_scrolls_and_opens_related_briefings() {
    let mut app = app(100, 30);
    press(&mut app, "G");
    let third = third_paragraph(&app);
    assert!(!screen(&app).contains(&third));
    press(&mut app, "tab");
    assert!(app.preview.is_some());
    assert!(screen(&app).lines().last().unwrap().ends_with("library › preview"), "{}", screen(&app));
    let mut seen = false;
    for _ in 0..30 {
        press(&mut app, "j");
        seen |= screen(&app).split_whitespace().collect::<Vec<_>>().join(" ").contains(&third);
    }
    assert!(seen, "the third paragraph is reachable in the preview:\n{}", screen(&app));
    // h gives the focus back to the list, which is where it was.
    press(&mut app, "h");
    assert!(app.preview.is_none());
    assert!(matches!(app.screen, Screen::Library(c) if c.selected == app.live.position("london-talks").unwrap()));
    // Enter on a related briefing in the preview opens it; on any other row, the briefing shown.
    press(&mut app, "l G enter");
    let related = app.live.get("london-talks").unwrap().related.clone();
    assert_eq!(app.view().unwrap().id, related[1]);
    press(&mut app, "backspace");
    assert!(matches!(app.screen, Screen::Library(_)) && app.preview.is_none());
    press(&mut app, "l enter");
    assert_eq!(app.view().unwrap().id, "london-talks");
}

#[test]
fn zoom_shows_the_focused_pane_alone_and_esc_or_z_brings_the_rest_back() {
    let mut app = london(160, 48);
    press(&mut app, "2 z");
    let text = screen(&app);
    assert!(text.contains(" Commitments ") && !text.contains(" Officials ") && !text.contains(" Detail "), "{text}");
    // Zoomed, every commitment reads on a line of its own at this width.
    let b = app.briefing().unwrap();
    for c in &b.commitments {
        let start: String = c.text.chars().take(40).collect();
        assert!(text.contains(&start), "{start}\n{text}");
    }
    press(&mut app, "esc");
    assert!(screen(&app).contains(" Officials "), "esc unzooms first");
    assert_eq!(app.view().unwrap().focus, Pane::Commitments);
    press(&mut app, "z z");
    assert!(screen(&app).contains(" Officials "));
    // The summary zoomed reads on the whole screen.
    press(&mut app, "s z");
    let text = screen(&app);
    assert!(text.contains(&third_paragraph(&app)) && !text.contains(" Commitments "), "{text}");
}

#[test]
fn keys_that_do_nothing_in_the_library_say_why() {
    let mut app = app(100, 30);
    for key in ["1", "4", "0", "z"] {
        app.status = None;
        press(&mut app, key);
        let said = app.status.as_ref().map(|s| s.text.clone()).unwrap_or_default();
        assert!(said.contains("works in a briefing's panes: open one with enter"), "{key}: {said:?}");
        assert!(matches!(app.screen, Screen::Library(_)));
    }
}

#[test]
fn a_click_puts_the_cursor_on_a_summary_row_and_a_second_follows_it() {
    let mut app = london(160, 48);
    press(&mut app, "s G");
    let text = screen(&app);
    let related = app.live.get("london-talks").unwrap().related.clone();
    let (y, line) = text.lines().enumerate().find(|(_, l)| l.contains(&format!("→ {}", related[0]))).expect("the link is drawn");
    let x = line.find('→').unwrap() as u16;
    update(&mut app, Action::Click(x, y as u16));
    assert_eq!(app.view().unwrap().id, "london-talks", "the first click selects");
    update(&mut app, Action::Click(x, y as u16));
    assert_eq!(app.view().unwrap().id, related[0], "the second follows");
}

#[test]
fn keys_that_do_nothing_elsewhere_say_why_too() {
    let said = |app: &App| app.status.as_ref().map(|s| s.text.clone()).unwrap_or_default();
    let mut app = app(100, 30);
    press(&mut app, "h");
    assert!(said(&app).contains("The list is the leftmost"), "{}", said(&app));
    press(&mut app, "l l");
    assert!(said(&app).contains("The preview is the rightmost"), "{}", said(&app));
    press(&mut app, "h G enter 1 h");
    assert!(said(&app).contains("This is the leftmost pane: tab goes on round"), "{}", said(&app));
    press(&mut app, "6 l");
    assert!(said(&app).contains("This is the rightmost pane"), "{}", said(&app));
    press(&mut app, "/");
    common::reader::type_text(&mut app, "lutnick");
    press(&mut app, "tab 3");
    assert!(said(&app).contains("works in a briefing's panes, not in the search results"), "{}", said(&app));
}
