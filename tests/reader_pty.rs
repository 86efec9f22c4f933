//! The real binary in a pseudo-terminal, read back through a terminal emulator (vt100): what a
//! person would see, including that the terminal is given back.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use brief::Library;
use brief::tui::detail;
use common::pty::Reader;

/// The curated library, loaded in the test: expectations come from it, not from constants.
fn curated() -> Library {
    Library::load(&[common::root().join("briefings")]).library
}

#[test]
fn follow_a_citation_see_the_backlink_go_back_and_quit() {
    let lib = curated();
    let b = lib.get("london-talks").unwrap();
    let second = &b.commitments[1];
    let source = b.lookup(&second.cites[0].source).unwrap();
    let citing = b.links.citing(source.index);
    let first_backlink = b.label(citing[0]);
    let mut reader = Reader::start(&["open", "london-talks"], 160, 48);
    reader.wait_for("Market reactions");
    assert!(reader.screen.lock().unwrap().screen().alternate_screen(), "the reader draws on the alternate screen");
    reader.send("2");
    reader.wait_for("london-talks › Commitments");
    reader.send("j");
    reader.wait_for(&format!("2/{}", b.commitments.len()));
    reader.send("\r");
    reader.wait_for("Commitments › detail");
    // The first reference of a commitment's detail is its first citation.
    reader.send("\r");
    reader.wait_for(&format!("SOURCE  {}", b.sources[source.index].title.chars().take(30).collect::<String>()));
    reader.wait_for(&format!("Cited by ({})", citing.len()));
    // Its first reference is the first item citing it.
    let lines = detail::detail(&brief::live::Live::load(&common::root().join("briefings")), b, source);
    assert_eq!(detail::targets(&lines)[0].item, citing[0]);
    reader.wait_for(&format!("← {}", first_backlink.chars().take(30).collect::<String>()));
    reader.send("\x7f");
    reader.wait_for("Commitments › detail");
    reader.wait_for(&format!("COMMITMENT  {}", second.status));
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
    reader.assert_terminal_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut reader = Reader::start(&["open", "london-talks"], 80, 24);
    reader.wait_for("Officials");
    assert!(reader.screen.lock().unwrap().screen().alternate_screen(), "the reader took the terminal first");
    let pid = reader.pid();
    let status = std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap();
    assert!(status.success());
    assert_ne!(reader.wait_exit(), 0, "a signal is not a clean quit");
    reader.assert_terminal_restored();
}

#[test]
fn sighup_restores_the_terminal() {
    let mut reader = Reader::start(&[], 80, 24);
    reader.wait_for("Briefings");
    assert!(reader.screen.lock().unwrap().screen().alternate_screen(), "the reader took the terminal first");
    let pid = reader.pid();
    std::process::Command::new("kill").args(["-HUP", &pid.to_string()]).status().unwrap();
    assert_eq!(reader.wait_exit(), 129, "SIGHUP ends with 128 + 1");
    reader.assert_terminal_restored();
}

#[test]
fn an_edit_on_disk_shows_within_a_second_and_a_broken_one_keeps_the_last_good_version() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("london-talks.toml");
    std::fs::copy(common::root().join("briefings/london-talks.toml"), &file).unwrap();
    let dir_arg = dir.path().to_str().unwrap();
    let mut reader = Reader::start(&["--dir", dir_arg, "open", "london-talks"], 100, 30);
    reader.wait_for("US–China talks in London");
    reader.send("2j");
    let commitments = curated().get("london-talks").unwrap().commitments.len();
    reader.wait_for(&format!("2/{commitments}"));

    let text = std::fs::read_to_string(&file).unwrap();
    write_file(&file, &text.replace("US–China talks in London", "Revised: talks in London"));
    let started = Instant::now();
    reader.wait_for("Revised: talks in London");
    let took = started.elapsed();
    eprintln!("live reload: the edit showed after {took:?}");
    assert!(took < Duration::from_secs(1), "the edit took {took:?} to show");
    assert!(reader.text().contains(&format!("2/{commitments}")), "the selection is kept:\n{}", reader.text());

    write_file(&file, "title = \"unterminated\n");
    reader.wait_for("has errors; showing its last good version");
    assert!(reader.text().contains("Revised: talks in London"), "{}", reader.text());
    reader.send("E");
    reader.wait_for("Files that failed to load");
    reader.wait_for("[syntax]");
    // ESC and a key in one read are Alt+key to a terminal; a person types them apart.
    reader.send("\x1b");
    reader.wait_until_gone("Files that failed to load");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
    reader.assert_terminal_restored();
}

/// Writes as editors do: a temporary file renamed over the old one.
fn write_file(path: &Path, text: &str) {
    let tmp = path.with_extension("toml.tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn text_from_files_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // A title that would clear the screen and switch off the alternate screen if sent raw.
    std::fs::write(
        dir.path().join("hostile.toml"),
        "title = \"Hostile \\u001b[2J\\u001b[?1049l title\"\ndate = 2025-01-01\nsummary = \"bidi \\u202e reversed\"\n",
    )
    .unwrap();
    let mut reader = Reader::start(&["--dir", dir.path().to_str().unwrap()], 100, 30);
    reader.wait_for("Hostile ␛[2J␛[?1049l title");
    assert!(reader.screen.lock().unwrap().screen().alternate_screen(), "the escape sequence was not obeyed");
    reader.send("q");
    reader.wait_exit();
    reader.assert_terminal_restored();
}

#[test]
fn e_edits_the_file_at_the_item_and_comes_back_to_the_reloaded_briefing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("london-talks.toml");
    std::fs::copy(common::root().join("briefings/london-talks.toml"), &file).unwrap();
    // An "editor" that records how it was called and changes the title.
    let editor = dir.path().join("fake-editor");
    let args = dir.path().join("args.txt");
    std::fs::write(
        &editor,
        format!("#!/bin/sh\necho \"$@\" > '{}'\nsed -i 's/US–China talks in London/Edited in the editor/' \"$2\"\n", args.display()),
    )
    .unwrap();
    std::process::Command::new("chmod").arg("+x").arg(&editor).status().unwrap();

    let mut reader = Reader::start_with_env(
        &["--dir", dir.path().to_str().unwrap(), "open", "london-talks"],
        100,
        30,
        &[("EDITOR", editor.to_str().unwrap())],
    );
    reader.wait_for("US–China talks in London");
    reader.send("2jj");
    let lib = curated();
    let b = lib.get("london-talks").unwrap();
    reader.wait_for(&format!("3/{}", b.commitments.len()));
    reader.send("e");
    reader.wait_for("Edited in the editor");
    assert!(reader.screen.lock().unwrap().screen().alternate_screen(), "back in the reader after the editor");
    let called = std::fs::read_to_string(&args).unwrap();
    let line = std::fs::read_to_string(&file).unwrap().lines().position(|l| l == format!("id = \"{}\"", b.commitments[2].id)).unwrap();
    assert_eq!(called.trim(), format!("+{line} {}", file.display()), "the editor opens the file at the item's [[commitment]] line");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
    reader.assert_terminal_restored();
}

#[test]
fn open_with_an_unknown_id_names_the_known_ones() {
    let mut reader = Reader::start(&["open", "london"], 100, 30);
    assert_eq!(reader.wait_exit(), 2);
    let text = reader.text();
    assert!(text.contains("no briefing `london`") && text.contains("`london-talks`"), "{text}");
    reader.assert_terminal_restored();
}

#[test]
fn a_panic_restores_the_terminal_then_prints_its_message() {
    // Built by `cargo test` with the other examples, beside the test binaries.
    let example = std::env::current_exe().unwrap().parent().unwrap().parent().unwrap().join("examples/panic_in_reader");
    if !example.exists() {
        // `cargo test` builds examples; `cargo test --test reader_pty` alone does not.
        let built = assert_cmd::Command::new(env!("CARGO"))
            .args(["build", "--example", "panic_in_reader"])
            .current_dir(common::root())
            .timeout(Duration::from_secs(300))
            .output()
            .unwrap();
        assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    }
    let mut reader = Reader::start_program(example.to_str().unwrap(), &[], 80, 24);
    reader.wait_for("drawing before the panic");
    assert_ne!(reader.wait_exit(), 0);
    reader.assert_terminal_restored();
    let text = reader.text();
    assert!(text.contains("boom: a bug in the reader"), "the message shows on the restored screen:\n{text}");
    assert!(!text.contains("drawing before the panic"), "the reader's screen is gone:\n{text}");
}

#[test]
fn search_in_the_reader_jump_and_back() {
    let mut reader = Reader::start(&[], 100, 30);
    reader.wait_for("Briefings");
    reader.send("/");
    reader.wait_for("esc closes");
    reader.send("changgang");
    reader.wait_for("Search · 3 hits");
    reader.wait_for("london-talks › official › li-chenggang");
    // The second hit is the official (the three tie, and sources come first in a file); ctrl-n
    // moves through the results while typing.
    reader.send("\x0e");
    reader.wait_for("2/3");
    reader.send("\r");
    reader.wait_for("OFFICIAL  Li Chenggang");
    reader.send("\x7f");
    reader.wait_for("Search · 3 hits");
    reader.send("\x1b");
    reader.wait_until_gone("Search ·");
    reader.wait_for("Briefings");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
    reader.assert_terminal_restored();
}

/// The views across the library in the real binary: the tracker, the timeline, the weak spots,
/// the unread list, each opened and left with its key, then quit with the terminal given back.
#[test]
fn the_views_across_the_library_open_and_close_in_the_binary() {
    let state = tempfile::tempdir().unwrap();
    let state_dir = state.path().to_str().unwrap().to_string();
    let mut reader = Reader::start_with_env(&[], 120, 40, &[("XDG_STATE_HOME", state_dir.as_str())]);
    reader.wait_for("3 briefings");
    // Never read: every briefing is new.
    reader.wait_for("● 2025-06-09");
    reader.send("C");
    reader.wait_for("Commitments across the library · 15 rows");
    reader.wait_for("░ proposed 7");
    reader.send("T");
    reader.wait_for("Timeline of the library · 9 rows");
    reader.send("W");
    reader.wait_for("Weak spots of the library");
    reader.send("\x7f\x7f\x7f");
    reader.wait_for("3 briefings");
    reader.send("f");
    reader.wait_for("New and changed since last read · 3 rows");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
    reader.assert_terminal_restored();
    assert!(state.path().join("brief/read.sqlite").is_file(), "the read marks are in the state folder given");
}
