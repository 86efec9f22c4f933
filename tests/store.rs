//! The store in the cache folder: `brief search` through it finds exactly what the scan of
//! every file finds; it sees every edit (twice within a second at the same size, a rename, an
//! addition, a deletion); a broken, foreign or outdated store is set aside and rebuilt; two
//! processes building it at once both succeed; `--no-cache` never touches it; and nothing is
//! ever written into the briefings folder.

mod common;

use std::path::{Path, PathBuf};

use common::{brief, stderr, stdout};

/// A cache folder and a library of its own for one test.
struct Setup {
    tmp: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir(tmp.path().join("lib")).unwrap();
        Setup { tmp }
    }

    fn lib(&self) -> PathBuf {
        self.tmp.path().join("lib")
    }

    fn cache(&self) -> PathBuf {
        self.tmp.path().join("cache")
    }

    /// `brief --dir LIB ARGS…` with this test's cache folder.
    fn run(&self, args: &[&str]) -> std::process::Output {
        brief().env("XDG_CACHE_HOME", self.cache()).arg("--dir").arg(self.lib()).args(args).output().unwrap()
    }

    /// The hits of a search through the store, through a store made in memory (`--no-cache`),
    /// and from a scan of the files with no store at all (its cache folder cannot be made):
    /// all three must agree.
    fn search(&self, query: &str) -> String {
        let stored = self.run(&["search", "--json", query]);
        let in_memory = self.run(&["--no-cache", "search", "--json", query]);
        let no_store = std::fs::File::create(self.tmp.path().join("not-a-folder")).map(|_| self.tmp.path().join("not-a-folder/cache"));
        let scanned = brief()
            .env("XDG_CACHE_HOME", no_store.unwrap())
            .arg("--dir")
            .arg(self.lib())
            .args(["search", "--json", query])
            .output()
            .unwrap();
        for (other, what) in [(&in_memory, "a store in memory"), (&scanned, "the scan of the files")] {
            assert_eq!(stdout(&stored), stdout(other), "{query}: the store and {what} disagree");
            assert_eq!(stored.status.code(), other.status.code(), "{query}: {what}");
        }
        stdout(&stored)
    }

    /// `n` small briefings, `b000.toml` on (as many digits as `n - 1` has).
    fn numbered(&self, n: usize) {
        let width = (n - 1).to_string().len();
        for i in 0..n {
            write(&self.lib().join(format!("b{i:0width$}.toml")), &briefing(&format!("B {i}"), &format!("Cobalt moved {i} times.")));
        }
    }

    /// The one store file in the cache folder.
    fn store(&self) -> PathBuf {
        let dir = self.cache().join("brief");
        let mut stores: Vec<PathBuf> =
            std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "sqlite")).collect();
        assert_eq!(stores.len(), 1, "{stores:?}");
        stores.pop().unwrap()
    }
}

fn briefing(title: &str, fact: &str) -> String {
    format!(
        "title = \"{title}\"\ndate = 2025-06-09\nsummary = \"s\"\n\n[[source]]\nid = \"s\"\ntitle = \"S\"\n\n\
         [[fact]]\nid = \"f\"\ntext = \"{fact}\"\ncites = [\"s\"]\n"
    )
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap();
}

#[test]
fn the_store_finds_what_the_scan_finds_on_the_curated_library() {
    let s = Setup::new();
    for entry in std::fs::read_dir(common::root().join("briefings")).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), s.lib().join(entry.file_name())).unwrap();
        }
    }
    let queries = [
        "lithium",
        "rare earth",
        "\"export controls\"",
        "kind:official -trump",
        "何立峰",
        "li",
        "side:china tariff",
        "zzz",
        "party:china status:agreed",
        "tag:semiconductors after:2025-06-01",
        "source:reuters kind:commitment",
        "direction:down",
        "before:2025-01-01",
    ];
    for query in queries {
        s.search(query);
    }
    assert!(s.store().is_file(), "the store is in the cache folder");
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn the_store_finds_what_the_scan_finds_on_a_generated_library() {
    let s = Setup::new();
    let made =
        std::process::Command::new("python3").arg(common::shared().join("tools/gen-corpus")).args(["120"]).arg(s.lib()).output().unwrap();
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    for &query in common::QUERIES {
        s.search(query);
    }
}

#[test]
fn every_change_to_the_folder_is_seen() {
    let s = Setup::new();
    let a = s.lib().join("a.toml");
    write(&a, &briefing("A", "Cobalt moved."));
    assert!(s.search("cobalt").contains("\"a\""));
    // Edited twice within one second, the same size, the modification time put back: the
    // store still sees the second edit.
    let before = std::fs::metadata(&a).unwrap();
    write(&a, &briefing("A", "Nickel moved."));
    let times = rustix::fs::Timestamps {
        last_access: rustix::fs::Timespec { tv_sec: 0, tv_nsec: 0 },
        last_modification: rustix::fs::Timespec {
            tv_sec: std::os::unix::fs::MetadataExt::mtime(&before),
            tv_nsec: std::os::unix::fs::MetadataExt::mtime_nsec(&before),
        },
    };
    rustix::fs::utimensat(rustix::fs::CWD, &a, &times, rustix::fs::AtFlags::empty()).unwrap();
    assert_eq!(std::fs::metadata(&a).unwrap().len(), before.len());
    assert!(s.search("nickel").contains("\"a\""), "the second edit is seen");
    assert_eq!(s.run(&["search", "cobalt"]).status.code(), Some(1), "and the first is gone");
    // Added, renamed over another, deleted.
    let b = s.lib().join("b.toml");
    write(&b, &briefing("B", "Tungsten moved."));
    assert!(s.search("tungsten").contains("\"b\""));
    std::fs::rename(&b, &a).unwrap();
    assert!(s.search("tungsten").contains("\"a\""), "a file replaced by a rename is read anew");
    assert_eq!(s.run(&["search", "nickel"]).status.code(), Some(1));
    std::fs::remove_file(&a).unwrap();
    assert_eq!(s.run(&["search", "tungsten"]).status.code(), Some(1), "a deleted file is gone");
}

/// A way to spoil a store file.
type Damage = Box<dyn Fn(&Path)>;

#[test]
fn a_broken_foreign_or_outdated_store_is_set_aside_and_rebuilt() {
    let s = Setup::new();
    write(&s.lib().join("a.toml"), &briefing("A", "Cobalt moved."));
    s.search("cobalt");
    let store = s.store();
    let size = std::fs::metadata(&store).unwrap().len();
    let damages: [(&str, Damage); 3] = [
        ("truncated", Box::new(move |p: &Path| std::fs::OpenOptions::new().write(true).open(p).unwrap().set_len(size / 3).unwrap())),
        ("not SQLite", Box::new(|p: &Path| write(p, "this is not a database, just a text file in its place\n"))),
        (
            "another format",
            Box::new(|p: &Path| {
                let conn = rusqlite::Connection::open(p).unwrap();
                conn.pragma_update(None, "user_version", 99).unwrap();
            }),
        ),
    ];
    for (what, damage) in damages {
        damage(&store);
        let out = s.run(&["search", "cobalt"]);
        assert_eq!(out.status.code(), Some(0), "{what}: {}", stderr(&out));
        assert!(stdout(&out).contains("Cobalt moved"), "{what}");
        assert!(stderr(&out).is_empty(), "{what}: nothing for the user to fix: {}", stderr(&out));
        let conn = rusqlite::Connection::open(&store).unwrap();
        let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!((ok.as_str(), version), ("ok", brief::store::FORMAT), "{what}: rebuilt");
        assert!(store.with_extension("sqlite.broken").exists(), "{what}: the old one is set aside");
    }
}

#[test]
fn two_processes_building_the_store_at_once_both_succeed() {
    let s = Setup::new();
    // More files than one transaction writes, so each process writes words the other has
    // written since it began.
    for i in 0..2500 {
        write(&s.lib().join(format!("b{i:04}.toml")), &briefing(&format!("B {i}"), &format!("Cobalt moved {i} times.")));
    }
    let spawn = || {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("brief"))
            .envs(common::isolation())
            .env("XDG_CACHE_HOME", s.cache())
            .env("XDG_STATE_HOME", s.cache())
            .arg("--dir")
            .arg(s.lib())
            .args(["search", "--json", "cobalt"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    // Both at once, each waited for on a thread of its own and killed past the deadline.
    let (tx, rx) = std::sync::mpsc::channel();
    let mut pids = Vec::new();
    for child in [spawn(), spawn()] {
        pids.push(child.id());
        let tx = tx.clone();
        std::thread::spawn(move || tx.send(child.wait_with_output().unwrap()));
    }
    let mut outputs = Vec::new();
    for _ in 0..2 {
        match rx.recv_timeout(common::DEADLINE) {
            Ok(out) => outputs.push(out),
            Err(_) => {
                for pid in &pids {
                    let _ = std::process::Command::new("kill").arg("-9").arg(pid.to_string()).status();
                }
                panic!("a search building the store did not end within {:?}", common::DEADLINE);
            }
        }
    }
    let (a, b) = (&outputs[0], &outputs[1]);
    assert_eq!((a.status.code(), b.status.code()), (Some(0), Some(0)), "{}\n{}", stderr(a), stderr(b));
    assert_eq!(stdout(a), stdout(b));
    assert_eq!(stdout(a).matches("\"briefing\"").count(), 2500);
    // Both answered from the store: neither gave up on it for the files.
    let log = std::fs::read_to_string(s.cache().join("brief/brief.log")).unwrap_or_default();
    assert!(!log.contains("answering from the files"), "{log}");
    let conn = rusqlite::Connection::open(s.store()).unwrap();
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    let files: i64 = conn.query_row("SELECT count(*) FROM files", [], |r| r.get(0)).unwrap();
    assert_eq!((ok.as_str(), files), ("ok", 2500));
}

#[test]
fn no_cache_never_touches_the_store_and_nothing_is_written_beside_the_briefings() {
    let s = Setup::new();
    write(&s.lib().join("a.toml"), &briefing("A", "Cobalt moved."));
    let out = s.run(&["--no-cache", "search", "cobalt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!s.cache().exists(), "--no-cache made no cache folder");
    s.search("cobalt");
    let names: Vec<String> = std::fs::read_dir(s.lib()).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["a.toml"], "nothing but the briefing in its folder");
}

/// `brief list` through the store and from the files alone: the same table, the same names
/// of what failed, in the same order, the same status.
fn same_list(s: &Setup) -> String {
    let stored = s.run(&["list"]);
    let loaded = s.run(&["--no-cache", "list"]);
    assert_eq!(stdout(&stored), stdout(&loaded), "the list");
    assert_eq!(stderr(&stored), stderr(&loaded), "what failed");
    assert_eq!(stored.status.code(), loaded.status.code());
    stdout(&stored) + &stderr(&stored)
}

#[test]
fn the_list_from_the_store_is_the_list_from_the_files() {
    let s = Setup::new();
    for entry in std::fs::read_dir(common::root().join("briefings")).unwrap().flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), s.lib().join(entry.file_name())).unwrap();
        }
    }
    same_list(&s);
    // Failures of every kind, in folders and out: a duplicate id (the first in path order is
    // kept), a file with an error, a FIFO named like a briefing, a link to nowhere.
    std::fs::create_dir(s.lib().join("sub")).unwrap();
    write(&s.lib().join("sub/b.toml"), &format!("id = \"dup\"\n{}", briefing("B", "Cobalt.")));
    write(&s.lib().join("a.toml"), &format!("id = \"dup\"\n{}", briefing("A", "Nickel.")));
    write(&s.lib().join("sub/broken.toml"), "title = \"T\"\ndate = 2025-13-40\nsummary = \"s\"\n");
    rustix::fs::mknodat(rustix::fs::CWD, s.lib().join("pipe.toml"), rustix::fs::FileType::Fifo, rustix::fs::Mode::from_raw_mode(0o644), 0)
        .unwrap();
    std::os::unix::fs::symlink(s.lib().join("nowhere"), s.lib().join("link.toml")).unwrap();
    let out = same_list(&s);
    assert!(out.contains("briefing id `dup` is already used by"), "{out}");
    assert!(out.contains("pipe.toml") && out.contains("link.toml") && out.contains("broken.toml"), "{out}");
    // A change after the store was made shows at once.
    std::fs::remove_file(s.lib().join("a.toml")).unwrap();
    let out = same_list(&s);
    assert!(!out.contains("already used"), "{out}");
}

/// What the store keeps of a briefing reads back as the briefing loaded from its file, the
/// curator's accepts included; the files that fail come with the diagnostics loading gives
/// them; and an official's appearances across the library are the loaded library's.
#[test]
fn a_briefing_kept_in_the_store_reads_back_as_it_was_loaded() {
    let tmp = tempfile::tempdir().unwrap();
    let folders = ["briefings", "tests/fixtures/references", "tests/fixtures/invalid/name-mismatch", "tests/fixtures/invalid"];
    for (n, folder) in folders.iter().enumerate() {
        let dir = common::root().join(folder);
        let loaded = brief::Library::load(std::slice::from_ref(&dir));
        let mut store = brief::store::Store::open_at(&tmp.path().join(format!("{n}.sqlite")), &dir).unwrap();
        let fresh = store.refresh(&dir).unwrap();
        let listing = store.listing(&dir, &fresh).unwrap();
        let ids: Vec<&str> = listing.rows.iter().map(|r| r.id.as_str()).collect();
        let expected: Vec<&str> = loaded.library.briefings().iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, expected, "{folder}");
        for (row, b) in listing.rows.iter().zip(loaded.library.briefings()) {
            assert_eq!(row.path, b.path, "{folder}");
            let back = store.body(&dir, &row.path).unwrap().unwrap_or_else(|| panic!("{}: no body", b.id));
            assert_eq!(&back, b, "{}", b.id);
            for o in &b.officials {
                let stored: Vec<(String, String)> =
                    store.appearances(&dir, &o.id, None).unwrap().into_iter().map(|a| (a.briefing, a.label)).collect();
                let known: Vec<(String, String)> =
                    loaded.library.appearances(&o.id).map(|other| (other.id.clone(), other.label(other.lookup(&o.id).unwrap()))).collect();
                assert_eq!(stored, known, "{}", o.id);
            }
        }
        // The files that failed, with every diagnostic loading gives them (the warnings that
        // need the whole library aside: they are `brief check`'s).
        let failed: Vec<(PathBuf, Vec<brief::diag::Diagnostic>)> = listing.failed.into_iter().map(|f| (f.path, f.diagnostics)).collect();
        let cross = [brief::diag::Code::UnknownRelated, brief::diag::Code::NameMismatch];
        let expected: Vec<(PathBuf, Vec<brief::diag::Diagnostic>)> = loaded
            .files
            .iter()
            .filter(|f| f.diagnostics.iter().any(|d| d.is_error()))
            .map(|f| (f.path.clone(), f.diagnostics.iter().filter(|d| !cross.contains(&d.code)).cloned().collect()))
            .collect();
        assert_eq!(failed.len(), expected.len(), "{folder}");
        for ((path, got), (want_path, want)) in failed.iter().zip(&expected) {
            assert_eq!(path, want_path);
            // The store's duplicate-id error quotes no line: the rest is the same.
            let strip = |ds: &[brief::diag::Diagnostic]| -> Vec<(brief::diag::Code, usize, usize, String)> {
                ds.iter().map(|d| (d.code, d.line, d.column, d.message.clone())).collect()
            };
            assert_eq!(strip(got), strip(want), "{}", path.display());
            for (g, w) in got.iter().zip(want) {
                if g.code != brief::diag::Code::DuplicateBriefing {
                    assert_eq!(g, w, "{}", path.display());
                }
            }
        }
    }
}

/// On a terminal, a first build of a large library and `brief check` show a bar while files
/// are read, and clear it; under `CI=true` (or piped, as every other test here runs them) there
/// is none.
#[test]
fn a_first_build_on_a_terminal_shows_a_progress_bar_and_clears_it() {
    let s = Setup::new();
    s.numbered(400);
    let (lib, cache) = (s.lib(), s.cache());
    for (ci, shown) in [("false", true), ("true", false)] {
        let _ = std::fs::remove_dir_all(&cache);
        let mut run = common::pty::Reader::start_with_env(
            &["--dir", lib.to_str().unwrap(), "list"],
            120,
            30,
            &[("CI", ci), ("XDG_CACHE_HOME", cache.to_str().unwrap())],
        );
        assert_eq!(run.wait_exit(), 0);
        let raw = String::from_utf8_lossy(&run.raw()).into_owned();
        assert_eq!(raw.contains("Indexing"), shown, "CI={ci}: {}", raw.escape_debug());
        assert!(raw.contains("b399"), "the list itself");
        // `brief check` reads every file too, with its own bar.
        let mut run = common::pty::Reader::start_with_env(&["--dir", lib.to_str().unwrap(), "check"], 120, 30, &[("CI", ci)]);
        assert_eq!(run.wait_exit(), 0);
        let raw = String::from_utf8_lossy(&run.raw()).into_owned();
        assert_eq!(raw.contains("Checking"), shown, "CI={ci}: {}", raw.escape_debug());
    }
}

/// Cases an attack on the store found where it answered otherwise than the files: each must
/// now give the same output both ways.
#[test]
fn paths_links_escapes_and_odd_files_give_the_same_answers_both_ways() {
    let s = Setup::new();
    let lib = s.lib();
    // Two files with one id, where bytes and paths order differently (`-` before `/`).
    std::fs::create_dir(lib.join("a")).unwrap();
    write(&lib.join("a-x.toml"), &format!("id = \"dup\"\n{}", briefing("From a-x", "China cobalt.")));
    write(&lib.join("a/b.toml"), &format!("id = \"dup\"\n{}", briefing("From a/b", "China cobalt.")));
    // A folder reached through a link, holding a broken file: named as the scan names it.
    std::fs::create_dir(lib.join("real")).unwrap();
    std::os::unix::fs::symlink("real", lib.join("alias")).unwrap();
    write(&lib.join("real/bad.toml"), "title = \"T\"\ndate = 2025-06-09\nsummary = \"China\"\nbogus = = 1\n");
    // A broken file whose words only its escapes spell.
    write(&lib.join("esc.toml"), "title = \"Talks with Mu\\u00f1oz\"\ndate = 2025-06-09\nsummary = \"s\"\nx = = 1\n");
    // A FIFO named like a briefing, after the others in path order.
    rustix::fs::mknodat(rustix::fs::CWD, lib.join("zz.toml"), rustix::fs::FileType::Fifo, rustix::fs::Mode::from_raw_mode(0o644), 0)
        .unwrap();
    let list = same_list(&s);
    assert!(list.contains("From a/b"), "the first in path order is kept: {list}");
    for query in ["china", "cobalt", "munoz", "s"] {
        s.search(query);
        let stored = s.run(&["search", query]);
        let scanned = s.run(&["--no-cache", "search", query]);
        assert_eq!(stderr(&stored), stderr(&scanned), "{query}: the same files named, in the same order");
    }
    assert!(stderr(&s.run(&["search", "munoz"])).contains("esc.toml"), "the escaped file's error is named");
}

#[test]
fn a_file_dated_in_the_future_is_not_read_again_on_every_run() {
    let s = Setup::new();
    let a = s.lib().join("a.toml");
    write(&a, &briefing("A", "Cobalt."));
    let later = rustix::fs::Timespec { tv_sec: 4_000_000_000, tv_nsec: 0 };
    rustix::fs::utimensat(
        rustix::fs::CWD,
        &a,
        &rustix::fs::Timestamps { last_access: later, last_modification: later },
        rustix::fs::AtFlags::empty(),
    )
    .unwrap();
    let mut store = brief::store::Store::open_at(&s.cache().join("s.sqlite"), &s.lib()).unwrap();
    assert_eq!(store.refresh(&s.lib()).unwrap().read, 1);
    // Its change time is now; once that is past a tick, the file is settled.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let again = store.refresh(&s.lib()).unwrap();
    let third = store.refresh(&s.lib()).unwrap();
    assert_eq!((again.read, third.read), (0, 0), "not read again");
    assert_eq!((third.unchanged, third.rehashed), (1, 0), "nor hashed again: {third:?}");
}

/// Takes each step on the library, then brings `kept` up to date and builds a store anew from
/// the folder as it is, and checks the two with the step's number.
fn each_against_anew(
    tmp: &Path,
    lib: &Path,
    kept: &mut brief::store::Store,
    steps: &[Box<dyn Fn() + '_>],
    check: impl Fn(&brief::store::Store, &brief::store::Store, usize),
) {
    for (n, step) in steps.iter().enumerate() {
        step();
        // Past the timestamp tick, so no row is racy and only what changed is read.
        std::thread::sleep(std::time::Duration::from_millis(20));
        kept.refresh(lib).unwrap();
        let mut anew = brief::store::Store::open_at(&tmp.join(format!("anew-{n}.sqlite")), lib).unwrap();
        anew.refresh(lib).unwrap();
        check(kept, &anew, n);
    }
}

/// A store kept up to date edit by edit holds the same word lists as one built anew from the
/// folder as it ends: an edit that drops words, one that adds them, a file deleted, one added,
/// one renamed over another, one broken and one mended.
#[test]
fn word_lists_kept_up_to_date_are_those_built_anew() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    for (name, fact) in [("a", "Cobalt and nickel moved."), ("b", "Nickel alone."), ("c", "Tungsten rose."), ("d", "Lithium fell.")] {
        write(&lib.join(format!("{name}.toml")), &briefing(name, fact));
    }
    let mut kept = brief::store::Store::open_at(&tmp.path().join("kept.sqlite"), &lib).unwrap();
    kept.refresh(&lib).unwrap();
    let steps: Vec<Box<dyn Fn()>> = vec![
        Box::new(|| write(&lib.join("a.toml"), &briefing("a", "Cobalt only."))),
        Box::new(|| write(&lib.join("b.toml"), &briefing("b", "Nickel, manganese and graphite."))),
        Box::new(|| std::fs::remove_file(lib.join("c.toml")).unwrap()),
        Box::new(|| write(&lib.join("e.toml"), &briefing("e", "Gallium and germanium."))),
        Box::new(|| std::fs::rename(lib.join("e.toml"), lib.join("d.toml")).unwrap()),
        Box::new(|| write(&lib.join("a.toml"), "title = \"Broken cobalt\n")),
        Box::new(|| write(&lib.join("a.toml"), &briefing("a", "Cobalt mended, antimony new."))),
    ];
    each_against_anew(tmp.path(), &lib, &mut kept, &steps, |kept, anew, n| {
        assert_eq!(kept.word_files().unwrap(), anew.word_files().unwrap(), "after step {n}");
    });
    // Files saved one by one add a list each to their common words, until those are made one
    // list again; some go again meanwhile.
    for i in 0..40 {
        write(&lib.join(format!("f{i:02}.toml")), &briefing(&format!("f{i}"), &format!("Cobalt and copper, batch {i}.")));
        if i % 7 == 6 {
            std::fs::remove_file(lib.join(format!("f{:02}.toml", i - 3))).unwrap();
        }
        kept.refresh(&lib).unwrap();
    }
    let mut anew = brief::store::Store::open_at(&tmp.path().join("anew-last.sqlite"), &lib).unwrap();
    anew.refresh(&lib).unwrap();
    assert_eq!(kept.word_files().unwrap(), anew.word_files().unwrap(), "after forty saves");
}

/// The reader goes through the store in the cache folder, and with `--no-cache` builds one in
/// memory and leaves the cache folder alone; either way nothing is written beside the briefings.
#[test]
fn the_reader_reads_through_the_store_and_no_cache_leaves_it_alone() {
    let s = Setup::new();
    write(&s.lib().join("a.toml"), &briefing("Cobalt talks", "Cobalt moved."));
    let (lib, cache) = (s.lib(), s.cache());
    for (flags, stored) in [(&["--no-cache"][..], false), (&[][..], true)] {
        let mut args = flags.to_vec();
        args.extend(["--dir", lib.to_str().unwrap()]);
        let mut reader = common::pty::Reader::start_with_env(&args, 100, 30, &[("XDG_CACHE_HOME", cache.to_str().unwrap())]);
        reader.wait_for("Cobalt talks");
        reader.send("q");
        assert_eq!(reader.wait_exit(), 0);
        assert_eq!(cache.join("brief").exists(), stored, "flags {flags:?}");
    }
    s.store();
    let names: Vec<String> = std::fs::read_dir(s.lib()).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["a.toml"], "nothing but the briefing in its folder");
}

/// A first start with no store shows how far the build has got, and quits when asked
/// meanwhile, without waiting for the build to end.
#[test]
fn a_first_start_shows_the_build_and_takes_quit_meanwhile() {
    let s = Setup::new();
    s.numbered(6000);
    let (lib, cache) = (s.lib(), s.cache());
    let mut reader =
        common::pty::Reader::start_with_env(&["--dir", lib.to_str().unwrap()], 100, 30, &[("XDG_CACHE_HOME", cache.to_str().unwrap())]);
    reader.wait_for("files read");
    assert!(reader.text().contains("Loading the briefings"), "{}", reader.text());
    let asked = std::time::Instant::now();
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
    assert!(asked.elapsed() < std::time::Duration::from_secs(2), "quit took {:?}", asked.elapsed());
}

/// a file that turns unreadable (here a FIFO in its place) loses its row, but its
/// number stays in the lists of every word it had: the kept store no longer matches one
/// built anew (and a later file given that number inherits those words as candidates).
#[test]
fn word_lists_forget_a_file_that_turns_unreadable() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    write(&lib.join("a.toml"), &briefing("a", "Nickel alone."));
    write(&lib.join("z.toml"), &briefing("z", "Cobalt only."));
    let mut kept = brief::store::Store::open_at(&tmp.path().join("kept.sqlite"), &lib).unwrap();
    kept.refresh(&lib).unwrap();
    std::fs::remove_file(lib.join("z.toml")).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(lib.join("z.toml")).status().unwrap().success());
    std::thread::sleep(std::time::Duration::from_millis(20));
    let fresh = kept.refresh(&lib).unwrap();
    assert_eq!(fresh.unreadable.len(), 1);
    let mut anew = brief::store::Store::open_at(&tmp.path().join("anew.sqlite"), &lib).unwrap();
    anew.refresh(&lib).unwrap();
    assert_eq!(kept.word_files().unwrap(), anew.word_files().unwrap(), "after z turned unreadable");
}

/// How many files list an official, kept as files come, change and go, is the count of a
/// store built anew.
#[test]
fn official_counts_kept_up_to_date_are_those_built_anew() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    let with = |id: &str, officials: &[&str]| {
        let mut text =
            format!("id = \"{id}\"\ntitle = \"T {id}\"\ndate = 2025-06-09\nsummary = \"s\"\n\n[[source]]\nid = \"s\"\ntitle = \"S\"\n");
        for o in officials {
            text.push_str(&format!("\n[[official]]\nid = \"{o}\"\nname = \"Name {o}\"\ncites = [\"s\"]\n"));
        }
        text
    };
    let count = |store: &brief::store::Store, o: &str| store.appearance_count(o).unwrap();
    let mut kept = brief::store::Store::open_at(&tmp.path().join("kept.sqlite"), &lib).unwrap();
    let steps: Vec<Box<dyn Fn()>> = vec![
        Box::new(|| write(&lib.join("a.toml"), &with("a", &["he-lifeng", "lutnick"]))),
        Box::new(|| write(&lib.join("b.toml"), &with("b", &["lutnick"]))),
        Box::new(|| write(&lib.join("a.toml"), &with("a", &["he-lifeng"]))),
        Box::new(|| write(&lib.join("b.toml"), "title = \"Broken\n")),
        Box::new(|| std::fs::remove_file(lib.join("a.toml")).unwrap()),
        Box::new(|| write(&lib.join("c.toml"), &with("c", &["lutnick", "greer"]))),
    ];
    each_against_anew(tmp.path(), &lib, &mut kept, &steps, |kept, anew, n| {
        for o in ["he-lifeng", "lutnick", "greer"] {
            assert_eq!(count(kept, o), count(anew, o), "{o} after step {n}");
            assert_eq!(count(anew, o), anew.appearances(&lib, o, None).unwrap().len(), "{o} after step {n}");
        }
    });
    assert_eq!((count(&kept, "lutnick"), count(&kept, "he-lifeng"), count(&kept, "greer")), (1, 0, 1));
}
