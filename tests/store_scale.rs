//! The store at 10,000 briefings answers as the files do: the library list, and searches of
//! rare, common and frequent words, phrases and filters, each compared with `--no-cache`
//! (the list made from the files, the search a scan of them). A test binary of its own, so
//! its builds of the store (a debug build takes tens of seconds) have the cores to themselves
//! and hold up no other test's deadline.

mod common;

use std::time::Duration;

use common::{brief, stderr, stdout};

/// A debug build of a store of 10,000 briefings takes 15–40 s on two cores.
const LONG: Duration = Duration::from_secs(300);

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn ten_thousand_briefings_answer_from_the_store_as_from_the_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, cache) = (tmp.path().join("lib"), tmp.path().join("cache"));
    let made = std::process::Command::new("python3")
        .arg(common::shared().join("tools/gen-corpus"))
        .args(["10000"])
        .arg(&lib)
        .args(["--seed", "7"])
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let run = |args: &[&str]| brief().timeout(LONG).env("XDG_CACHE_HOME", &cache).arg("--dir").arg(&lib).args(args).output().unwrap();

    // The first run builds the store; the list from it is the list from the files.
    let stored = run(&["list"]);
    let loaded = run(&["--no-cache", "list"]);
    assert!(stored.status.success(), "{}", stderr(&stored));
    assert_eq!(stdout(&stored).lines().count(), 1 + 10_000, "a heading, then a line a briefing");
    assert_eq!(stdout(&stored), stdout(&loaded), "the list from the store is the list from the files");
    assert_eq!(stderr(&stored), stderr(&loaded));

    for query in ["yttrium", "molybdenum", "lithium", "\"rare earth\"", "kind:official side:china", "status:pending export", "zzz"] {
        let stored = run(&["search", "--json", query]);
        let scanned = run(&["--no-cache", "search", "--json", query]);
        assert_eq!(stdout(&stored), stdout(&scanned), "{query}: the store and the scan disagree");
        assert_eq!(stored.status.code(), scanned.status.code(), "{query}");
    }
    let found = run(&["search", "lithium"]);
    assert!(stdout(&found).lines().count() > 1000, "a frequent word is found in a thousand briefings or more");
}
