//! The reader's store in the cache folder, written by another `brief` process while the
//! reader runs (its watch has not reported the change yet).

mod common;

use brief::live::Live;

const GOOD: &str = "title = \"Alpha\"\ndate = 2025-01-01\nsummary = \"s\"\n";

/// Another `brief` run refreshes the shared store after a.toml broke: the store drops a's body,
/// and when the reader's own event for a.toml comes there is no last good version to keep.
#[test]
fn another_process_refreshing_the_store_keeps_the_reader_right() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, cache) = (tmp.path().join("lib"), tmp.path().join("cache"));
    std::fs::create_dir(&lib).unwrap();
    let a = lib.join("a.toml");
    std::fs::write(&a, GOOD).unwrap();
    let mut live = Live::load_in(&lib, &cache);
    assert!(cache.join("brief").is_dir(), "the reader uses the store in the cache folder");
    assert_eq!(live.len(), 1);
    std::fs::write(&a, "title = \"Broken\n").unwrap();
    // `brief search` in another terminal brings the shared store up to date.
    let other = common::brief().env("XDG_CACHE_HOME", &cache).arg("--dir").arg(&lib).args(["search", "alpha"]).output().unwrap();
    assert!(other.status.code().is_some());
    // The row is still listed, but the briefing can no longer be read.
    assert_eq!(live.len(), 1);
    assert_eq!(live.at(0).map(|b| b.title.clone()).as_deref(), Some("Alpha"), "a listed row that cannot be opened");
    live.apply(vec![brief::load::read_file(&a)], Vec::new());
    assert_eq!(live.get("a").map(|b| b.title.clone()).as_deref(), Some("Alpha"), "the last good version is kept");
}

/// A store damaged so that a search hit names an item its briefing does not have (the kept
/// copy of a briefing as search sees it disagrees with the kept briefing): the results, their
/// preview and opening the hit go on without it, never a panic.
#[test]
fn a_hit_naming_an_item_its_briefing_lacks_is_shown_without_it() {
    use brief::search::Place;
    use brief::search::folded::Folded;
    let tmp = tempfile::tempdir().unwrap();
    let text = "title = \"Alpha\"\ndate = 2025-01-01\nsummary = \"s\"\n\n[[source]]\nid = \"s\"\ntitle = \"S\"\n\n\
                [[fact]]\nid = \"f\"\ntext = \"Lithium moved.\"\ncites = [\"s\"]\n";
    std::fs::write(tmp.path().join("a.toml"), text).unwrap();
    let mut app = common::reader::app_on(tmp.path(), brief::config::Config::default(), 100, 30);
    let brief::store::Location::Memory(uri) = app.live.searcher().location else { panic!("the store is made in memory") };
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_URI;
    let conn = rusqlite::Connection::open_with_flags(&uri, flags).unwrap();
    let bytes: Vec<u8> = conn.query_row("SELECT folded FROM searchable", [], |r| r.get(0)).unwrap();
    let mut folded = Folded::decode(&bytes).unwrap().clone();
    for group in &mut folded.groups {
        if let Place::Item(item) = &mut group.place {
            item.index += 50;
        }
    }
    conn.execute("UPDATE searchable SET folded = ?1", [folded.encode()]).unwrap();

    common::reader::press(&mut app, "/");
    common::reader::type_text(&mut app, "lithium");
    let asked = brief::tui::update(&mut app, brief::action::Action::Paste(String::new()));
    common::reader::searched(&mut app, asked);
    let hits = app.search.as_ref().unwrap().hits().to_vec();
    assert!(hits.iter().any(|h| matches!(h.place, Place::Item(i) if i.index >= 50)), "the damaged hit is found: {hits:?}");
    let shown = common::reader::screen(&app);
    assert!(shown.contains("a › fact"), "{shown}");
    common::reader::press_run(&mut app, "enter");
    assert!(common::reader::screen(&app).contains("Alpha"), "the hit's briefing is open");
}
