//! The views across the library on the command line — `brief commitments`, `brief timeline`,
//! `brief weak`, `brief official` — over `tests/fixtures/across/` (an official in two
//! briefings with two roles and two spellings), from the store and from the files alike.

mod common;

use std::path::Path;

use common::{brief, stderr, stdout};
use serde_json::Value;

fn library() -> tempfile::TempDir {
    common::across_library()
}

/// `brief --dir DIR/briefings ARGS`, its store in DIR/cache.
fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    let briefings = dir.join("briefings");
    brief().env("XDG_CACHE_HOME", dir.join("cache")).arg("--dir").arg(briefings).args(args).output().unwrap()
}

fn json(output: &std::process::Output) -> Vec<Value> {
    serde_json::from_str::<Vec<Value>>(&stdout(output)).unwrap_or_else(|e| panic!("{e}: {}", stdout(output)))
}

fn ids(rows: &[Value], key: &str) -> Vec<String> {
    rows.iter().map(|r| r[key].as_str().unwrap().to_string()).collect()
}

#[test]
fn commitments_come_soonest_due_first_with_the_overdue_marked() {
    let lib = library();
    let output = run(lib.path(), &["commitments", "--today", "2025-09-01", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let rows = json(&output);
    // Dated by day, then due in words, then undated.
    assert_eq!(
        ids(&rows, "id"),
        ["cn-suspend-countermeasures", "joint-framework", "us-tariff-pause", "cn-rare-earth-licences", "us-chip-easing"]
    );
    let overdue: Vec<bool> = rows.iter().map(|r| r["overdue"].as_bool().unwrap()).collect();
    // In force is not overdue; proposed and agreed past their day are.
    assert_eq!(overdue, [false, true, true, false, false]);
    let licences = &rows[3];
    assert_eq!(licences["due"], "within 90 days");
    assert_eq!(licences["due_kind"], "text");
    assert_eq!(licences["traded_for"][0]["id"], "us-tariff-pause");
    assert_eq!(licences["traded_for"][0]["text"], "The US pauses its added tariffs for ninety days.");
    assert_eq!(licences["announced_by"][0], "Li Chenggang");
    assert_eq!(licences["briefing"], "geneva-talks");
    assert_eq!(licences["file"], "geneva.toml");
    assert_eq!(rows[1]["sources"], 2);

    let text = stdout(&run(lib.path(), &["commitments", "--today", "2025-09-01"]));
    let line = text.lines().find(|l| l.contains("joint-framework")).unwrap();
    assert!(line.starts_with("2025-07-09 overdue"), "{text}");
    assert!(text.lines().find(|l| l.contains("cn-rare-earth-licences")).unwrap().ends_with("[for: us-tariff-pause]"), "{text}");
}

#[test]
fn overdue_open_party_and_status_filter_and_nothing_listed_is_status_1() {
    let lib = library();
    let listed = |args: &[&str]| {
        let output = run(lib.path(), &[&["commitments", "--today", "2025-09-01", "--json"], args].concat());
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
        ids(&json(&output), "id")
    };
    assert_eq!(listed(&["--overdue"]), ["joint-framework", "us-tariff-pause"]);
    assert_eq!(listed(&["--open", "--sort", "status"]), ["joint-framework", "us-tariff-pause", "cn-rare-earth-licences", "us-chip-easing"]);
    // A word of a joint party's label finds it.
    assert_eq!(listed(&["--party", "us"]), ["joint-framework", "us-tariff-pause", "us-chip-easing"]);
    assert_eq!(listed(&["--status", "pending,disputed"]), ["cn-rare-earth-licences", "us-chip-easing"]);
    assert_eq!(listed(&["--tag", "GENEVA"]), ["cn-suspend-countermeasures", "us-tariff-pause", "cn-rare-earth-licences"]);
    assert_eq!(listed(&["--due-after", "2025-06-01", "--due-before", "2025-07-31"]), ["joint-framework"]);
    assert_eq!(
        listed(&["--sort", "briefing"]),
        ["joint-framework", "us-chip-easing", "us-tariff-pause", "cn-rare-earth-licences", "cn-suspend-countermeasures"]
    );

    let none = run(lib.path(), &["commitments", "--overdue", "--today", "2025-01-01"]);
    assert_eq!(none.status.code(), Some(1), "{}", stderr(&none));
    assert_eq!(stdout(&none), "");

    let bad = run(lib.path(), &["commitments", "--status", "done"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("--status takes one of proposed, agreed, pending, in-force, disputed, withdrawn, not `done`"),
        "{}",
        stderr(&bad)
    );
    let bad = run(lib.path(), &["commitments", "--today", "yesterday"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--today takes a day as YYYY-MM-DD, not `yesterday`"), "{}", stderr(&bad));
}

#[test]
fn the_timeline_merges_events_by_date_with_partial_dates_first_and_marked() {
    let lib = library();
    let output = run(lib.path(), &["timeline", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let rows = json(&output);
    assert_eq!(ids(&rows, "date"), ["2025", "2025-05", "2025-05-12", "2025-06-09"]);
    let partial: Vec<bool> = rows.iter().map(|r| r["partial"].as_bool().unwrap()).collect();
    assert_eq!(partial, [true, true, false, false]);
    assert_eq!(ids(&rows, "briefing"), ["london-talks", "geneva-talks", "geneva-talks", "london-talks"]);
    // The year reaches into June; May does not.
    let after = json(&run(lib.path(), &["timeline", "--after", "2025-06-01", "--json"]));
    assert_eq!(ids(&after, "date"), ["2025", "2025-06-09"]);
    let before = json(&run(lib.path(), &["timeline", "--before", "2025-05-01", "--json"]));
    assert_eq!(ids(&before, "date"), ["2025", "2025-05"]);
    let text = stdout(&run(lib.path(), &["timeline"]));
    assert!(text.starts_with("2025 ~ "), "{text}");
    assert!(text.contains("2025-05-12    geneva-talks/event#2  The Geneva talks end with a joint statement."), "{text}");
    let none = run(lib.path(), &["timeline", "--after", "2026-01-01"]);
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn weak_spots_name_single_sources_disagreements_disputed_statuses_and_leaned_on_sources() {
    let lib = library();
    let output = run(lib.path(), &["weak", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let rows = json(&output);
    let has = |weakness: &str, briefing: &str, id: &str| {
        rows.iter().any(|r| r["weakness"] == weakness && r["briefing"] == briefing && r["id"] == id)
    };
    assert!(has("single-source", "geneva-talks", "pause-length"));
    assert!(has("single-source", "london-talks", "stocks"));
    assert!(!has("single-source", "geneva-talks", "us-tariff-pause"), "two sources is not one");
    assert!(has("disagreement", "london-talks", "discrepancy#1"));
    assert!(has("status-differs", "geneva-talks", "cn-rare-earth-licences"), "a disagreement about a commitment");
    assert!(has("status-differs", "london-talks", "us-chip-easing"), "a disputed status");
    let leaned = rows.iter().find(|r| r["weakness"] == "leaned-on").unwrap();
    assert_eq!((leaned["id"].as_str(), leaned["claims"].as_u64()), (Some("wire"), Some(4)));
    // Newest briefing first.
    assert_eq!(rows[0]["briefing"], "london-talks");

    let one = json(&run(lib.path(), &["weak", "geneva-talks", "--json"]));
    assert!(!one.is_empty() && one.iter().all(|r| r["briefing"] == "geneva-talks"));
    let text = stdout(&run(lib.path(), &["weak"]));
    assert!(text.contains("leaned-on       geneva-talks/wire"), "{text}");
    assert!(text.contains("(only Daily on London)"), "{text}");
}

#[test]
fn an_official_s_page_follows_them_across_briefings_with_role_and_name_changes() {
    let lib = library();
    let output = run(lib.path(), &["official", "li-chenggang", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(page["names"], serde_json::json!(["Li Chenggang", "Li Changgang"]));
    let appearances = page["appearances"].as_array().unwrap();
    assert_eq!(appearances.iter().map(|a| a["at"]["briefing"].as_str().unwrap()).collect::<Vec<_>>(), ["geneva-talks", "london-talks"]);
    assert_eq!(appearances[0]["role_changed"], false);
    assert_eq!(appearances[1]["role_changed"], true);
    assert_eq!(appearances[0]["announced"][0]["id"], "cn-rare-earth-licences");
    assert_eq!(appearances[1]["sources"], serde_json::json!(["Daily on London"]));

    let text = stdout(&run(lib.path(), &["official", "li-chenggang"]));
    assert!(text.starts_with("Li Changgang (li-chenggang) — in 2 briefings\n"), "{text}");
    assert!(text.contains("warning: named differently across briefings: Li Chenggang · Li Changgang"), "{text}");
    assert!(text.contains("Vice Minister of Commerce (role changed) · China"), "{text}");

    let unknown = run(lib.path(), &["official", "li-chengang"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(stderr(&unknown).contains("no briefing lists an official `li-chengang`; did you mean `li-chenggang`?"), "{}", stderr(&unknown));
}

#[test]
fn the_store_and_the_files_answer_the_same_and_a_failed_file_is_named() {
    let lib = library();
    std::fs::write(lib.path().join("briefings/broken.toml"), "title = \"Broken\"\ndate = 2025-01-03\nsummary = \"Unclosed\n").unwrap();
    for args in [
        &["commitments", "--today", "2025-09-01", "--json"][..],
        &["commitments", "--today", "2025-09-01"],
        &["timeline"],
        &["weak", "--json"],
        &["official", "li-chenggang", "--json"],
        &["official", "he-lifeng"],
    ] {
        let stored = run(lib.path(), args);
        let again = run(lib.path(), args);
        let files = run(lib.path(), &[&["--no-cache"], args].concat());
        assert_eq!(stored.status.code(), Some(0), "{args:?}: {}", stderr(&stored));
        assert_eq!(stdout(&stored), stdout(&files), "{args:?}");
        assert_eq!(stdout(&again), stdout(&files), "{args:?}");
        for output in [&stored, &files] {
            assert!(stderr(output).contains("broken.toml:3:"), "{args:?}: {}", stderr(output));
        }
    }
    assert!(lib.path().join("cache/brief").is_dir(), "the store was used");
}

#[test]
fn an_edit_shows_in_the_next_answer_from_the_store() {
    let lib = library();
    let file = lib.path().join("briefings/london.toml");
    let before = json(&run(lib.path(), &["commitments", "--status", "disputed", "--json"]));
    assert_eq!(ids(&before, "id"), ["us-chip-easing"]);
    let text = std::fs::read_to_string(&file).unwrap().replace("status = \"disputed\"", "status = \"agreed\"");
    std::fs::write(&file, text).unwrap();
    let after = run(lib.path(), &["commitments", "--status", "disputed", "--json"]);
    assert_eq!(after.status.code(), Some(1), "{}", stdout(&after));
    let weak = json(&run(lib.path(), &["weak", "--json"]));
    assert!(!weak.iter().any(|r| r["weakness"] == "status-differs" && r["id"] == "us-chip-easing"));
}

#[test]
fn text_from_the_files_never_reaches_the_terminal_as_control_characters() {
    let lib = library();
    let file = lib.path().join("briefings/london.toml");
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("Both sides settle", "Both \\u001b[2J sides settle")
        .replace("Talks open in London.", "Talks \\u009b31m open.")
        .replace("Calls the talks positive.", "Calls \\u001b]52;c;aGk=\\u0007 positive.")
        .replace("title = \"Daily on London\"", "title = \"Daily \\u001b[5m\"");
    std::fs::write(&file, text).unwrap();
    for args in [
        &["commitments"][..],
        &["commitments", "--json"],
        &["timeline"],
        &["timeline", "--json"],
        &["weak"],
        &["weak", "--json"],
        &["official", "li-chenggang"],
        &["official", "li-chenggang", "--json"],
    ] {
        let output = run(lib.path(), args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
        let out = stdout(&output);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{9b}') && !out.contains('\u{7}'), "{args:?}: {out:?}");
    }
}

#[test]
fn a_row_of_the_store_that_cannot_be_read_is_never_left_out() {
    let lib = library();
    let args = ["commitments", "--json"];
    let files = stdout(&run(lib.path(), &[&["--no-cache"][..], &args].concat()));
    assert_eq!(stdout(&run(lib.path(), &args)), files);
    let store = std::fs::read_dir(lib.path().join("cache/brief"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "sqlite"))
        .unwrap();
    let conn = rusqlite::Connection::open(&store).unwrap();
    let n = conn
        .execute("UPDATE views SET row = x'ffffffff' WHERE view = 1 AND key = (SELECT min(key) FROM views WHERE view = 1)", [])
        .unwrap();
    assert!(n >= 1);
    drop(conn);
    let output = run(lib.path(), &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), files);
}

#[test]
fn an_official_exports_as_a_section_of_every_briefing_that_lists_them() {
    let lib = library();
    let output = run(lib.path(), &["export", "--official", "li-chenggang", "--format", "md"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let md = stdout(&output);
    let (london, geneva) = (md.find("# London talks weigh").unwrap(), md.find("# Geneva talks pause").unwrap());
    assert!(london < geneva, "library order, newest first");
    assert!(md.contains("- **Li Changgang**, Vice Minister of Commerce — Calls the talks positive. [^1]"), "{md}");
    assert!(md.contains("- **Li Chenggang**, Assistant Minister of Commerce"), "{md}");
    assert!(md.contains("| China issues rare-earth export licences faster. | pending |"), "what they announced: {md}");
    assert!(!md.contains("The US pauses its added tariffs for ninety days. |"), "what they did not announce is left out: {md}");
    assert!(!md.contains("He Lifeng"), "other officials are left out");
    let json = run(lib.path(), &["export", "--official", "li-chenggang", "--format", "json"]);
    assert_eq!(json.status.code(), Some(0));
    serde_json::from_str::<Value>(&stdout(&json)).unwrap();
    let unknown = run(lib.path(), &["export", "--official", "nobody"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(stderr(&unknown).contains("no briefing lists an official `nobody`"), "{}", stderr(&unknown));
}
