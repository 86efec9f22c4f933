//! `brief changes`: what changed since a briefing was last read, from read marks kept in the
//! state folder — apart from the cache, keyed by briefing id, written whole or not at all.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{brief, stderr, stdout};
use serde_json::Value;

fn library() -> tempfile::TempDir {
    common::across_library()
}

fn command(dir: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = brief();
    cmd.env("XDG_CACHE_HOME", dir.join("cache"))
        .env("XDG_STATE_HOME", dir.join("state"))
        .arg("--dir")
        .arg(dir.join("briefings"))
        .args(args);
    cmd
}

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    command(dir, args).output().unwrap()
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join("briefings").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_status_change_an_added_reaction_and_a_removed_fact_are_told_item_by_item() {
    let lib = library();
    let first = run(lib.path(), &["changes"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(stdout(&first), "london-talks  new: 9 items\ngeneva-talks  new: 11 items\n");
    assert_eq!(run(lib.path(), &["changes", "--mark-read"]).status.code(), Some(0));
    let nothing = run(lib.path(), &["changes"]);
    assert_eq!((nothing.status.code(), stdout(&nothing)), (Some(1), String::new()), "all read");

    edit(lib.path(), "london.toml", "status = \"disputed\"", "status = \"agreed\"");
    edit(
        lib.path(),
        "london.toml",
        "[[event]]",
        "[[reaction]]\nid = \"futures\"\nmarket = \"S&P 500 futures\"\nmove = \"+0.4%\"\ncites = [\"weekly\"]\n\n[[event]]",
    );
    edit(
        lib.path(),
        "geneva.toml",
        "[[fact]]\nid = \"pause-length\"\ntext = \"The pause runs for ninety days.\"\ncites = [\"wire\"]\n",
        "",
    );
    let output = run(lib.path(), &["changes", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let told: Vec<Value> = serde_json::from_str(&stdout(&output)).unwrap();
    let london = told.iter().find(|t| t["briefing"] == "london-talks").unwrap();
    assert_eq!(london["state"], "changed");
    assert_eq!(london["summary"], "+1 item, 1 status changed");
    assert_eq!(london["added"][0]["id"], "futures");
    assert_eq!(london["changed"][0]["id"], "us-chip-easing");
    assert_eq!(london["changed"][0]["fields"][0], serde_json::json!({ "field": "status", "before": "disputed", "after": "agreed" }));
    let geneva = told.iter().find(|t| t["briefing"] == "geneva-talks").unwrap();
    assert_eq!(geneva["summary"], "1 removed");
    assert_eq!(geneva["removed"][0]["id"], "pause-length");
    assert_eq!(geneva["removed"][0]["text"], "The pause runs for ninety days.");

    let text = stdout(&run(lib.path(), &["changes", "london-talks"]));
    assert_eq!(
        text,
        "london-talks  changed: +1 item, 1 status changed\n  + reaction futures: S&P 500 futures +0.4%\n  ~ commitment us-chip-easing: status disputed → agreed\n"
    );
    // --mark-read marks what it printed, and only that.
    assert_eq!(run(lib.path(), &["changes", "london-talks", "--mark-read"]).status.code(), Some(0));
    let left = stdout(&run(lib.path(), &["changes"]));
    assert!(left.starts_with("geneva-talks  changed: 1 removed"), "{left}");
    // The files alone answer the same.
    assert_eq!(stdout(&run(lib.path(), &["--no-cache", "changes"])), left);
}

#[test]
fn read_marks_survive_deleting_the_cache_and_follow_a_renamed_file() {
    let lib = library();
    assert_eq!(run(lib.path(), &["changes", "--mark-read"]).status.code(), Some(0));
    std::fs::remove_dir_all(lib.path().join("cache")).unwrap();
    let after = run(lib.path(), &["changes"]);
    assert_eq!((after.status.code(), stdout(&after)), (Some(1), String::new()), "{}", stderr(&after));
    assert!(lib.path().join("cache/brief").is_dir(), "the store was made again");
    assert!(lib.path().join("state/brief/read.sqlite").is_file(), "the marks are in the state folder");
    std::fs::create_dir(lib.path().join("briefings/moved")).unwrap();
    std::fs::rename(lib.path().join("briefings/london.toml"), lib.path().join("briefings/moved/london-renamed.toml")).unwrap();
    let renamed = run(lib.path(), &["changes"]);
    assert_eq!((renamed.status.code(), stdout(&renamed)), (Some(1), String::new()), "read state follows the id");
}

#[test]
fn a_file_that_is_not_brief_s_marks_is_named_and_left_alone() {
    let lib = library();
    let marks = lib.path().join("state/brief/read.sqlite");
    std::fs::create_dir_all(marks.parent().unwrap()).unwrap();
    let conn = rusqlite::Connection::open(&marks).unwrap();
    conn.execute_batch("CREATE TABLE mine (x); INSERT INTO mine VALUES (42);").unwrap();
    drop(conn);
    let output = run(lib.path(), &["changes"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("is not brief's read marks"), "{}", stderr(&output));
    let conn = rusqlite::Connection::open(&marks).unwrap();
    assert_eq!(conn.query_row("SELECT x FROM mine", [], |r| r.get::<_, i64>(0)).unwrap(), 42, "untouched");
}

#[test]
fn a_writer_killed_part_way_leaves_the_marks_whole() {
    let lib = library();
    let briefing = |i: usize| {
        format!(
            "id = \"b{i:03}\"\ntitle = \"Briefing {i}\"\ndate = 2025-01-01\nsummary = \"s\"\n\n[[source]]\nid = \"s\"\ntitle = \"S\"\n\n[[fact]]\nid = \"f\"\ntext = \"Fact {i}.\"\ncites = [\"s\"]\n"
        )
    };
    for i in 0..300 {
        std::fs::write(lib.path().join(format!("briefings/b{i:03}.toml")), briefing(i)).unwrap();
    }
    assert_eq!(run(lib.path(), &["changes", "--mark-read"]).status.code(), Some(0));
    for i in 0..300 {
        std::fs::write(lib.path().join(format!("briefings/b{i:03}.toml")), briefing(i).replace("Fact", "Changed fact")).unwrap();
    }
    for delay in [5, 15, 30, 60, 120, 250] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("brief"))
            .envs(common::isolation())
            .env("XDG_CACHE_HOME", lib.path().join("cache"))
            .env("XDG_STATE_HOME", lib.path().join("state"))
            .args(["--dir", lib.path().join("briefings").to_str().unwrap(), "changes", "--mark-read"])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let output = command(lib.path(), &["changes", "--json"]).timeout(common::DEADLINE).output().unwrap();
        let told: Vec<Value> = serde_json::from_str(&stdout(&output)).unwrap_or_default();
        let changed = told.iter().filter(|t| t["briefing"].as_str().unwrap().starts_with('b')).count();
        assert!(changed == 0 || changed == 300, "after {delay} ms: {changed} of 300 marked: a torn write");
        if changed == 0 {
            // The writer finished: start over for the next delay.
            for i in 0..300 {
                let again = if delay % 2 == 0 { briefing(i).replace("Fact", "Fact again") } else { briefing(i) };
                std::fs::write(lib.path().join(format!("briefings/b{i:03}.toml")), again).unwrap();
            }
        }
    }
}
