//! The views across the library in the reader — the commitment tracker (`C`) and the timeline
//! (`T`) — by keys through the reader's input path, with snapshots: on the curated library and
//! on `tests/fixtures/across/` (an official in two briefings, commitments due on past days).

mod common;

use brief::config::Config;
use brief::tui::app::{Pane, Screen};
use brief::tui::board::Shows;
use common::reader::{app, app_on, press, screen};

const SIZES: [(u16, u16); 4] = [(60, 16), (80, 24), (100, 30), (160, 48)];

fn fixture(width: u16, height: u16) -> brief::tui::App {
    app_on(std::path::Path::new("tests/fixtures/across"), Config::default(), width, height)
}

fn board(app: &brief::tui::App) -> &brief::tui::board::Board {
    match &app.screen {
        Screen::Board(board) => board,
        other => panic!("not a board: {other:?}"),
    }
}

/// The selected row's briefing and item.
fn selected(app: &brief::tui::App) -> (String, String) {
    let b = board(app);
    let target = b.target(b.cursor.selected).expect("the selected row is read");
    let briefing = app.live.get(&target.briefing).unwrap();
    (target.briefing.clone(), briefing.id_of(target.item).to_string())
}

#[test]
fn snapshots_of_the_tracker_and_the_timeline() {
    for (w, h) in SIZES {
        let mut app = app(w, h);
        press(&mut app, "C");
        insta::assert_snapshot!(format!("tracker_{w}x{h}"), screen(&app));
        press(&mut app, "T j j j");
        insta::assert_snapshot!(format!("timeline_{w}x{h}"), screen(&app));
    }
    let mut app = fixture(100, 30);
    press(&mut app, "C");
    insta::assert_snapshot!("tracker_fixture_100x30", screen(&app));
}

#[test]
fn enter_opens_a_commitment_in_its_briefing_and_back_returns_to_the_same_row() {
    let mut app = fixture(100, 30);
    press(&mut app, "C j");
    assert_eq!(selected(&app), ("london-talks".into(), "joint-framework".into()));
    press(&mut app, "enter");
    let view = app.view().expect("a briefing");
    assert_eq!(view.id, "london-talks");
    assert_eq!(view.focus, Pane::Commitments);
    let b = app.briefing().unwrap();
    assert_eq!(b.id_of(app.shown_item().unwrap()), "joint-framework");
    press(&mut app, "backspace");
    assert_eq!(board(&app).shows, Shows::Tracker);
    assert_eq!(selected(&app), ("london-talks".into(), "joint-framework".into()));
    // Esc leaves the board for where it was opened from.
    press(&mut app, "esc");
    assert!(matches!(app.screen, Screen::Library(_)), "{:?}", app.screen);
}

#[test]
fn t_goes_to_what_a_commitment_is_traded_for_from_the_tracker_and_from_a_briefing() {
    let mut app = fixture(100, 30);
    press(&mut app, "C j j j");
    assert_eq!(selected(&app).1, "cn-rare-earth-licences");
    press(&mut app, "t");
    let b = app.briefing().expect("the traded commitment's briefing");
    assert_eq!((b.id.as_str(), b.id_of(app.shown_item().unwrap())), ("geneva-talks", "us-tariff-pause"));
    // In the briefing, the traded commitment names nothing back: said so.
    press(&mut app, "t");
    assert_eq!(app.status.as_ref().unwrap().text, "This commitment is not traded for another");
    press(&mut app, "k t");
    assert_eq!(app.briefing().unwrap().id_of(app.shown_item().unwrap()), "us-tariff-pause");
}

#[test]
fn the_filter_line_filters_and_says_what_is_not_a_filter() {
    let mut app = fixture(100, 30);
    press(&mut app, "C f");
    for c in "status:pending,disputed".chars() {
        press(&mut app, &c.to_string());
    }
    press(&mut app, "enter");
    let b = board(&app);
    assert_eq!(b.filter, "status:pending,disputed");
    assert_eq!(b.len(), 2);
    assert_eq!(app.status.as_ref().unwrap().text, "Filtered: 2 rows");
    // The filter in force comes back selected: typing replaces it.
    press(&mut app, "f o v e r d u e x");
    assert!(
        board(&app).error.as_deref().unwrap().starts_with("`overduex` is not a filter here: use open, overdue"),
        "{:?}",
        board(&app).error
    );
    press(&mut app, "enter");
    assert!(board(&app).editing.is_some(), "a filter that is not one is not applied");
    press(&mut app, "backspace enter");
    assert_eq!(board(&app).len(), 2, "overdue: the proposed and the agreed commitment past their day");
    assert_eq!(selected(&app).1, "joint-framework");
    // Esc while editing keeps the filter in force.
    press(&mut app, "f p a r t y : u s esc");
    assert_eq!((board(&app).filter.as_str(), board(&app).editing.is_none()), ("overdue", true));
    insta::assert_snapshot!("tracker_filtered_100x30", screen(&app));
}

#[test]
fn s_orders_the_tracker_by_status_then_by_briefing() {
    let mut app = fixture(100, 30);
    press(&mut app, "C S");
    assert_eq!(selected(&app).1, "joint-framework", "proposed first");
    assert_eq!(app.status.as_ref().unwrap().text, "Ordered by status");
    press(&mut app, "S");
    assert_eq!(selected(&app), ("london-talks".into(), "joint-framework".into()), "newest briefing first");
    press(&mut app, "G");
    assert_eq!(selected(&app).1, "cn-suspend-countermeasures");
    press(&mut app, "S");
    assert_eq!(board(&app).sort, brief::across::tracker::Sort::Due);
}

#[test]
fn moving_in_the_timeline_moves_its_mark_on_the_strip() {
    let mut app = app(100, 30);
    press(&mut app, "T");
    let mark = |app: &brief::tui::App| {
        let text = screen(app);
        let line = text.lines().nth(3).unwrap().to_string();
        (line.chars().position(|c| c == '▲'), line)
    };
    let (first, line) = mark(&app);
    assert!(first.is_some(), "{line}");
    assert!(line.contains("▲ 2018"), "{line}");
    press(&mut app, "G");
    let (last, line) = mark(&app);
    assert!(last > first, "{line}");
    assert!(line.contains("2025-06-11"), "{line}");
    // The same library, the tracker then the timeline: each key opens its own board.
    press(&mut app, "C");
    assert_eq!(board(&app).shows, Shows::Tracker);
    press(&mut app, "backspace");
    assert_eq!(board(&app).shows, Shows::Timeline);
}

#[test]
fn pane_keys_and_export_say_what_they_need_on_a_board() {
    let mut app = fixture(100, 30);
    press(&mut app, "C 2");
    assert!(app.status.as_ref().unwrap().text.starts_with("That key works in a briefing's panes, not in Commitments across the library"));
    press(&mut app, "x");
    assert!(app.status.as_ref().unwrap().text.starts_with("Export works on a briefing or on search results"));
    let effects = press(&mut app, "j e");
    assert!(
        matches!(effects.as_slice(), [brief::tui::Effect::Edit { line: 25, .. }]),
        "e edits the selected commitment at its line: {effects:?}"
    );
}

#[test]
fn an_official_s_page_lists_every_briefing_that_names_them_with_role_and_name_changes() {
    let mut app = fixture(100, 30);
    // The library (newest first): london-talks, then geneva-talks; Li Chenggang is the first
    // official of london-talks.
    press(&mut app, "enter 1 O");
    let b = board(&app);
    assert_eq!(b.shows, Shows::Official);
    let person = b.person.as_ref().unwrap();
    assert_eq!(person.id, "li-chenggang");
    let briefings: Vec<&str> = person.appeared.iter().map(|a| a.briefing.as_str()).collect();
    assert_eq!(briefings, ["geneva-talks", "london-talks"], "oldest first");
    assert!(person.role_changed(1));
    assert_eq!(person.names(), ["Li Chenggang", "Li Changgang"]);
    insta::assert_snapshot!("official_fixture_100x30", screen(&app));
    // Enter opens them in the briefing of the row; back returns to the page.
    press(&mut app, "enter");
    let (b, item) = (app.briefing().unwrap(), app.shown_item().unwrap());
    assert_eq!((b.id.as_str(), b.id_of(item)), ("geneva-talks", "li-chenggang"));
    press(&mut app, "backspace j enter");
    assert_eq!(app.briefing().unwrap().id, "london-talks");
    // O on what is not an official says what it needs.
    press(&mut app, "2 O");
    assert!(app.status.as_ref().unwrap().text.starts_with("Select an official first"));
}

#[test]
fn weak_spots_are_listed_across_the_library_and_counted_in_the_list() {
    let mut app = fixture(100, 30);
    let library = screen(&app);
    // london-talks: four claims on one source, two disagreements (one a disputed status).
    let london = library.lines().find(|l| l.contains("London talks weigh")).unwrap();
    assert!(london.contains("  4!  2≠"), "{london}");
    press(&mut app, "W");
    let b = board(&app);
    assert_eq!(b.shows, Shows::Weak);
    let geneva = brief::across::weak::of(app.live.get("geneva-talks").unwrap(), "");
    let london_spots = brief::across::weak::of(app.live.get("london-talks").unwrap(), "");
    assert_eq!(b.len(), geneva.len() + london_spots.len());
    insta::assert_snapshot!("weak_fixture_100x30", screen(&app));
    // Enter goes to the claim; its detail holds its citations.
    press(&mut app, "enter");
    let (briefing, item) = (app.briefing().unwrap(), app.shown_item().unwrap());
    assert_eq!((briefing.id.as_str(), briefing.id_of(item)), ("london-talks", london_spots[0].at.item.as_str()));
    // One sort at a time.
    press(&mut app, "backspace f d i s p u t e d enter");
    let b = board(&app);
    assert_eq!(b.len(), 3, "the disagreement on the index, the disputed status, the licences' disagreement");
    press(&mut app, "G");
    assert_eq!(selected(&app), ("geneva-talks".into(), "cn-rare-earth-licences".into()));
}

#[test]
fn the_library_s_reactions_are_bars_as_long_as_their_moves() {
    let mut app = app(100, 30);
    press(&mut app, "R");
    let b = board(&app);
    assert_eq!(b.shows, Shows::Reactions);
    let all: usize = app.live.rows().iter().map(|r| r.counts[2]).sum();
    assert_eq!(b.len(), all, "every reaction of the library");
    let shown = screen(&app);
    insta::assert_snapshot!("reactions_100x30", shown);
    // The largest move of its unit gets the whole bar, half of it half.
    let csi = shown.lines().find(|l| l.contains("CSI 300")).unwrap();
    let futures = shown.lines().find(|l| l.contains("S&P 500 futures")).unwrap();
    assert_eq!(csi.matches('█').count(), 16, "{csi}");
    assert_eq!(futures.matches('█').count(), 8, "{futures}");
    press(&mut app, "f");
    assert!(app.status.as_ref().unwrap().text.starts_with("No filter here"));
    // Enter opens the reaction in its briefing.
    let at = shown.lines().skip(3).position(|l| l.contains("CSI 300")).unwrap();
    for _ in 0..at {
        press(&mut app, "j");
    }
    press(&mut app, "enter");
    let (b, item) = (app.briefing().unwrap(), app.shown_item().unwrap());
    assert_eq!(b.reactions[item.index].market, "CSI 300 index");
}

/// A library of 200 briefings of three commitments and three events each: more rows than a
/// page of ids (`store::board::PAGE`), so moving through a view reads pages as it goes.
fn numbered_library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..200 {
        std::fs::write(dir.path().join(format!("n-{n:04}.toml")), common::numbered(n)).unwrap();
    }
    dir
}

/// The tracker's rows in an order, as `brief commitments` derives them from the files.
fn tracked_in(dir: &std::path::Path, sort: brief::across::tracker::Sort) -> Vec<(String, String)> {
    let loaded = brief::Library::load(&[dir.to_path_buf()]);
    let mut all: Vec<brief::across::tracker::Tracked> =
        loaded.library.briefings().iter().flat_map(|b| brief::across::tracker::of(b, &brief::across::file_below(dir, &b.path))).collect();
    brief::across::tracker::sort(&mut all, sort);
    all.into_iter().map(|t| (t.at.briefing, t.at.item)).collect()
}

#[test]
fn moving_through_a_view_of_many_pages_reads_the_rows_of_the_page_it_reaches() {
    use brief::across::tracker::Sort;
    let dir = numbered_library();
    let mut app = app_on(dir.path(), Config::default(), 100, 30);
    press(&mut app, "C");
    assert_eq!(board(&app).len(), 600);
    for sort in [Sort::Due, Sort::Status, Sort::Briefing] {
        let expected = tracked_in(dir.path(), sort);
        let at = |app: &brief::tui::App| {
            let b = board(app);
            let t = b.tracked(b.cursor.selected).expect("the selected row is read");
            (t.at.briefing.clone(), t.at.item.clone())
        };
        assert_eq!(at(&app), expected[0], "{sort:?}");
        // The end: a page read from the far end of the index.
        press(&mut app, "G");
        assert_eq!(board(&app).cursor.selected, 599);
        assert_eq!(at(&app), expected[599], "{sort:?}");
        press(&mut app, "k k k");
        assert_eq!(at(&app), expected[596], "{sort:?}");
        // Back to the top, then a page at a time across the pages' seams.
        press(&mut app, "g");
        for _ in 0..40 {
            press(&mut app, "pagedown");
            let i = board(&app).cursor.selected;
            assert_eq!(at(&app), expected[i], "{sort:?} row {i}");
        }
        assert!(board(&app).cursor.selected > 256, "past the first page: {}", board(&app).cursor.selected);
        press(&mut app, "g S");
    }
}
