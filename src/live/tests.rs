//! `Live` over a folder of its own: last good versions, files coming and going, what is read
//! and let go, appearances and searches as the list shows them.

use super::*;

const GOOD: &str = "title = \"Good\"\ndate = 2025-01-01\nsummary = \"s\"\n";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn title(live: &Live, id: &str) -> Option<String> {
    live.get(id).map(|b| b.title.clone())
}

#[test]
fn a_broken_edit_keeps_the_last_good_version_readable() {
    let tmp = tempfile::tempdir().unwrap();
    let a = write(tmp.path(), "a.toml", GOOD);
    let mut live = Live::load(tmp.path());
    assert_eq!(title(&live, "a").as_deref(), Some("Good"));

    write(tmp.path(), "a.toml", "title = \"Broken\ndate = 2025-01-01\n");
    let change = live.apply(vec![load::read_file(&a)], Vec::new());
    assert_eq!(change.failed, std::slice::from_ref(&a));
    assert_eq!(title(&live, "a").as_deref(), Some("Good"), "last good version still shown");
    assert!(live.is_stale(&a));
    assert_eq!(live.failure_count(), 1);
    assert!(live.failures()[0].diagnostics[0].message.contains("string"), "{:?}", live.failures());

    write(tmp.path(), "a.toml", &GOOD.replace("Good", "Fixed"));
    live.apply(vec![load::read_file(&a)], Vec::new());
    assert_eq!(title(&live, "a").as_deref(), Some("Fixed"));
    assert!(live.failures().is_empty());
    assert!(!live.is_stale(&a));

    // Broken twice in a row: the last version that loaded stays, not an older one.
    for _ in 0..2 {
        write(tmp.path(), "a.toml", "title = \"Broken\n");
        live.apply(vec![load::read_file(&a)], Vec::new());
        assert_eq!(title(&live, "a").as_deref(), Some("Fixed"));
        assert!(live.is_stale(&a));
    }
    // Gone while broken: its last good version goes with it.
    std::fs::remove_file(&a).unwrap();
    let change = live.apply(Vec::new(), vec![a.clone()]);
    assert_eq!(change.removed, std::slice::from_ref(&a));
    assert!(live.get("a").is_none() && live.failures().is_empty() && !live.is_stale(&a));
}

#[test]
fn removed_and_new_files() {
    let tmp = tempfile::tempdir().unwrap();
    let a = write(tmp.path(), "a.toml", GOOD);
    let mut live = Live::load(tmp.path());
    std::fs::remove_file(&a).unwrap();
    let b = write(tmp.path(), "b.toml", GOOD);
    let change = live.apply(vec![load::read_file(&b)], vec![a.clone()]);
    assert_eq!(change.removed, [a]);
    assert!(live.get("a").is_none());
    assert!(live.get("b").is_some());
    assert_eq!(live.rows().iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["b"]);
}

#[test]
fn a_file_that_never_loaded_is_a_failure() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = write(tmp.path(), "bad.toml", "x = ");
    let live = Live::load(tmp.path());
    assert!(live.is_empty());
    assert_eq!(live.failures().len(), 1);
    assert!(!live.is_stale(&bad));
}

/// Briefings read for drawing are let go once many are, and read again when asked for.
#[test]
fn briefings_read_are_let_go_and_read_again() {
    let tmp = tempfile::tempdir().unwrap();
    for i in 0..KEPT + 2 {
        write(tmp.path(), &format!("b{i:03}.toml"), &GOOD.replace("Good", &format!("Good {i}")));
    }
    let mut live = Live::load(tmp.path());
    for i in 0..KEPT + 2 {
        assert_eq!(title(&live, &format!("b{i:03}")), Some(format!("Good {i}")));
    }
    live.trim();
    assert_eq!(live.opened.len(), 0);
    assert_eq!(title(&live, "b000").as_deref(), Some("Good 0"));
}

fn official_briefing(id: &str, title: &str) -> String {
    format!(
        "id = \"{id}\"\ntitle = \"{title}\"\ndate = 2025-01-01\nsummary = \"s\"\n\n[[source]]\nid = \"s\"\ntitle = \"S\"\n\n\
         [[official]]\nid = \"lutnick\"\nname = \"Howard Lutnick\"\ncites = [\"s\"]\n"
    )
}

/// a file that breaks while another file's change is being taken in is caught by
/// the full store pass in `apply`, which drops its body: its last good version is lost.
#[test]
fn a_file_broken_before_its_own_event_keeps_its_last_good_version() {
    let tmp = tempfile::tempdir().unwrap();
    let a = write(tmp.path(), "a.toml", GOOD);
    let b = write(tmp.path(), "b.toml", &GOOD.replace("Good", "Bee"));
    let mut live = Live::load(tmp.path());
    assert_eq!(title(&live, "a").as_deref(), Some("Good"));
    // b is saved (and reported), a is broken before the pass runs.
    write(tmp.path(), "b.toml", &GOOD.replace("Good", "Bee 2"));
    let parsed_b = load::read_file(&b);
    write(tmp.path(), "a.toml", "title = \"Broken\ndate = 2025-01-01\n");
    live.apply(vec![parsed_b], Vec::new());
    // Then a's own event comes.
    live.apply(vec![load::read_file(&a)], Vec::new());
    assert_eq!(title(&live, "a").as_deref(), Some("Good"), "the last good version of a is kept");
    assert!(live.is_stale(&a));
}

/// the reader's first pass once the watch is up (`Reloaded([], [])`) is a plain
/// refresh: a file broken between opening and the watch loses its last good version.
#[test]
fn a_file_broken_before_the_watch_starts_keeps_its_last_good_version() {
    let tmp = tempfile::tempdir().unwrap();
    let a = write(tmp.path(), "a.toml", GOOD);
    let mut live = Live::load(tmp.path());
    write(tmp.path(), "a.toml", "title = \"Broken\ndate = 2025-01-01\n");
    live.apply(Vec::new(), Vec::new());
    assert_eq!(title(&live, "a").as_deref(), Some("Good"), "the last good version of a is kept");
    assert!(live.is_stale(&a));
}

/// a stale last good version whose id another file now holds is not shown, yet
/// search still finds it: a hit under id `x` whose text `get("x")` does not have.
#[test]
fn a_last_good_version_not_shown_is_not_searched() {
    let tmp = tempfile::tempdir().unwrap();
    let a = write(tmp.path(), "a.toml", &official_briefing("x", "Alpha cobalt"));
    write(tmp.path(), "b.toml", &official_briefing("x", "Beta nickel"));
    let mut live = Live::load(tmp.path());
    assert_eq!(title(&live, "x").as_deref(), Some("Alpha cobalt"));
    write(tmp.path(), "a.toml", "title = \"Broken\n");
    live.apply(vec![load::read_file(&a)], Vec::new());
    let shown = title(&live, "x").unwrap();
    let q = crate::search::parse("cobalt").unwrap();
    let cobalt = live.search(&q);
    let q = crate::search::parse("nickel").unwrap();
    let nickel = live.search(&q);
    assert_eq!(live.len(), 1);
    assert!(cobalt.is_empty() || shown.contains("cobalt"), "a hit for cobalt under `x` ({} hits), but `x` shows “{shown}”", cobalt.len());
    assert!(!nickel.is_empty() || !shown.contains("nickel"));
}

/// an official's total appearances counts files whose id another file holds (not in
/// the library), while the newest list leaves them out.
#[test]
fn the_appearance_total_counts_only_the_library() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "a.toml", &official_briefing("x", "Alpha"));
    write(tmp.path(), "b.toml", &official_briefing("x", "Beta"));
    write(tmp.path(), "c.toml", &official_briefing("c", "Gamma"));
    let live = Live::load(tmp.path());
    assert_eq!(live.len(), 2);
    let appearing = live.appearances("lutnick");
    assert_eq!(appearing.newest.len(), 2);
    assert_eq!(appearing.total, 2, "b.toml is not in the library");
}

/// a briefing shown in its last good version lists its officials, but their
/// appearances elsewhere leave it out.
#[test]
fn appearances_include_a_briefing_shown_in_its_last_good_version() {
    let tmp = tempfile::tempdir().unwrap();
    let a = write(tmp.path(), "a.toml", &official_briefing("a", "Alpha"));
    write(tmp.path(), "c.toml", &official_briefing("c", "Gamma"));
    let mut live = Live::load(tmp.path());
    write(tmp.path(), "a.toml", "title = \"Broken\n");
    live.apply(vec![load::read_file(&a)], Vec::new());
    assert!(live.is_stale(&a) && live.get("a").is_some());
    let briefings: Vec<&str> = live.appearances("lutnick").newest.iter().map(|x| x.briefing.as_str()).collect();
    assert!(briefings.contains(&"a"), "a is in the library (its last good version), yet not among {briefings:?}");
}
