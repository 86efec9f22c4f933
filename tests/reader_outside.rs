//! What leaves the reader, in the real binary: `y` and `Y` put text on the clipboard through the
//! terminal (OSC 52), `o` hands a URL to `$BROWSER`.

mod common;

use std::time::{Duration, Instant};

use base64::Engine;
use common::pty::Reader;

/// Every text an OSC 52 sequence in the output put on the clipboard.
fn copied(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    text.split("\x1b]52;c;")
        .skip(1)
        .filter_map(|rest| rest.split_once('\x07'))
        .map(|(body, _)| String::from_utf8(base64::engine::general_purpose::STANDARD.decode(body).unwrap()).unwrap())
        .collect()
}

fn wait_until(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(started.elapsed() < limit, "waited {limit:?} for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The London briefing in a folder of its own, its first source given a URL (the curated
/// library names none: its articles are saved copies).
fn london_with_url() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::root().join("briefings/london-talks.toml")).unwrap();
    let text =
        text.replacen("id = \"chip-talks-explainer\"\n", "id = \"chip-talks-explainer\"\nurl = \"https://example.com/chip-talks\"\n", 1);
    std::fs::write(dir.path().join("london-talks.toml"), text).unwrap();
    (dir, "https://example.com/chip-talks".into())
}

#[test]
fn y_copies_the_selected_item_with_its_citations_and_big_y_a_source_url() {
    let (dir, url) = london_with_url();
    let lib = brief::Library::load(&[dir.path().to_path_buf()]).library;
    let b = lib.get("london-talks").unwrap();
    // The first commitment citing the source with the URL.
    let commitment = b.commitments.iter().position(|c| c.cites.iter().any(|c| c.source == "chip-talks-explainer")).unwrap();
    let dir_arg = dir.path().to_str().unwrap();
    let mut reader = Reader::start(&["--dir", dir_arg, "open", "london-talks"], 160, 48);
    reader.wait_for("Market reactions");
    reader.send("2");
    reader.wait_for("london-talks › Commitments");
    reader.send(&"j".repeat(commitment));
    reader.wait_for(&format!("{}/{}", commitment + 1, b.commitments.len()));
    reader.send("y");
    reader.wait_for("Copied commitment");
    let texts = copied(&reader.raw());
    assert_eq!(texts.len(), 1, "one copy");
    let text = &texts[0];
    assert!(text.starts_with(&format!("{} (london-talks, ", b.title)), "{text}");
    let words = b.commitments[commitment].text.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    assert!(text.contains(&words), "{text}");
    assert!(text.contains("Citations"), "{text}");
    assert!(text.contains(&url), "the cited source's URL: {text}");

    // Y on a source: its URL alone.
    reader.send("5");
    reader.wait_for("london-talks › Sources");
    reader.send("Y");
    reader.wait_for("Copied http");
    let texts = copied(&reader.raw());
    assert_eq!(texts.len(), 2);
    assert_eq!(texts[1], url);
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}

#[test]
fn o_hands_the_url_to_browser_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("opened.txt");
    let script = dir.path().join("browser.sh");
    std::fs::write(&script, format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\n", log.display())).unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let (library, url) = london_with_url();
    let dir_arg = library.path().to_str().unwrap();
    let browser = format!("{} --new-tab %s", script.display());
    let mut reader = Reader::start_with_env(&["--dir", dir_arg, "open", "london-talks"], 160, 48, &[("BROWSER", &browser)]);
    reader.wait_for("Market reactions");
    reader.send("5");
    reader.wait_for("london-talks › Sources");
    reader.send("o");
    reader.wait_for("Opened http");
    reader.wait_for("with ");
    wait_until("the browser to be run", Duration::from_secs(10), || log.exists());
    assert_eq!(std::fs::read_to_string(&log).unwrap(), format!("--new-tab\n{url}\n"));

    // A browser that fails is said in words, not as a Rust value.
    drop(reader);
    let mut reader = Reader::start_with_env(&["--dir", dir_arg, "open", "london-talks"], 160, 48, &[("BROWSER", "false")]);
    reader.wait_for("Market reactions");
    reader.send("5");
    reader.wait_for("london-talks › Sources");
    reader.send("o");
    reader.wait_for("$BROWSER `false` failed (exit status 1)");
    assert!(!reader.text().contains("ExitStatus"));
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}
