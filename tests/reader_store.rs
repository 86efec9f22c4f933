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
    // SAFETY: this test binary holds this one test.
    unsafe { std::env::set_var("XDG_CACHE_HOME", &cache) };
    let mut live = Live::load_telling(&lib, true, &|_, _| {});
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
