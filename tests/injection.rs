//! No byte from a file can drive a terminal. Every text field of every item kind, the file's
//! name, its folder and the config's paths carry escape sequences (a screen clear, an OSC 52
//! clipboard write), a C1 control, bidi and zero-width characters and DEL; every output — the
//! reader in a pseudo-terminal (raw bytes from the master), `list`, `check` (human and JSON),
//! `search` (terminal, piped, JSON) and the three export formats — must carry none of them raw.
//! A saved copy of a source carries them too, through `brief verify` and the passage view.

mod common;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use common::pty::Reader;
use common::{brief, stderr, stdout};

/// The payload, as TOML escapes: ESC [2J, an OSC 52 write ended by BEL, CSI as the C1 byte,
/// a right-to-left override, a zero-width space and DEL.
const PAYLOAD: &str = r"hostile\u001b[2J\u001b]52;c;aGk=\u0007\u009b31m\u202eevil\u200bz\u007f";

/// What no output may hold raw, as `(name, text)`.
fn forbidden() -> Vec<(&'static str, String)> {
    vec![
        ("a screen clear", "\u{1b}[2J".into()),
        ("an OSC 52 write", "\u{1b}]52".into()),
        ("BEL", "\u{7}".into()),
        ("the C1 CSI", "\u{9b}".into()),
        ("a bidi override", "\u{202e}".into()),
        ("a zero-width space", "\u{200b}".into()),
        ("DEL", "\u{7f}".into()),
    ]
}

fn assert_clean(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for (name, raw) in forbidden() {
        assert!(!text.contains(&raw), "{what} carries {name} raw:\n{}", text.escape_debug());
    }
}

/// Outputs that are not a terminal may not hold any ESC at all.
fn assert_plain(what: &str, bytes: &[u8]) {
    assert_clean(what, bytes);
    assert!(!bytes.contains(&0x1b), "{what} carries a raw ESC:\n{}", String::from_utf8_lossy(bytes).escape_debug());
}

fn hostile_briefing(id: &str) -> String {
    let p = PAYLOAD;
    format!(
        r#"id = "{id}"
title = "Title {p}"
date = 2025-06-09
summary = "Summary {p}"
place = "Place {p}"
tags = ["tag-{p}"]

[[source]]
id = "src"
title = "Source {p}"
outlet = "Outlet {p}"
url = "https://example.com/{p}"
points = ["Point {p}"]

[[source]]
id = "local"
title = "A local file {p}"
url = "file:///etc/passwd{p}"

[[official]]
id = "off"
name = "Name {p}"
role = "Role {p}"
side = "Side {p}"
notes = "Notes {p}"
cites = [{{ source = "src", at = "At {p}" }}]

[[commitment]]
id = "com"
text = "Commitment {p}"
party = "Party {p}"
status = "pending"
due = "Due {p}"
announced_by = ["off"]
cites = ["src"]

[[reaction]]
id = "rea"
market = "Market {p}"
move = "+1% {p}"
direction = "up"
note = "Note {p}"
responds_to = ["com"]
cites = ["src"]

[[fact]]
id = "fac"
text = "Fact {p}"
topic = "Topic {p}"
cites = ["src", "local"]

[[event]]
date = 2025-06-09
text = "Event {p}"
cites = ["src"]

[[discrepancy]]
about = "com"
text = "Discrepancy {p}"
cites = ["src"]
"#
    )
}

/// A library in a folder with a hostile name: a hostile briefing under a hostile file name, a
/// broken one quoting the payload, and a config naming the folder and an export folder.
struct Library {
    _tmp: tempfile::TempDir,
    config: PathBuf,
}

fn library() -> Library {
    let tmp = tempfile::tempdir().unwrap();
    let evil = OsStr::from_bytes(b"lib\x1b[2J\xc2\x9b\xe2\x80\xae");
    let dir = tmp.path().join(evil);
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join(OsStr::from_bytes(b"good\x1b]52;c;aGk=\x07.toml")), hostile_briefing("good")).unwrap();
    std::fs::write(dir.join(OsStr::from_bytes(b"bad\xe2\x80\x8b.toml")), format!("title = \"{PAYLOAD}\"\nbogus = \"{PAYLOAD}\"\n"))
        .unwrap();
    let config = tmp.path().join(OsStr::from_bytes(b"config\x1b[2J.toml"));
    let exports = tmp.path().join(OsStr::from_bytes(b"out\xc2\x9b"));
    // A TOML basic string of the path, every unusual character as an escape.
    let quoted = |p: &Path| {
        p.to_str()
            .unwrap()
            .chars()
            .map(|c| if c.is_ascii_graphic() || c == ' ' { c.to_string() } else { format!("\\u{:04X}", c as u32) })
            .collect::<String>()
    };
    std::fs::write(&config, format!("briefings = \"{}\"\n[export]\nfolder = \"{}\"\n", quoted(&dir), quoted(&exports))).unwrap();
    Library { _tmp: tmp, config }
}

fn run(lib: &Library, args: &[&str]) -> std::process::Output {
    brief().arg("--config").arg(&lib.config).args(args).output().unwrap()
}

#[test]
fn the_command_line_prints_nothing_raw() {
    let lib = library();
    for args in [
        &["list"][..],
        &["check"],
        &["check", "--json"],
        &["search", "hostile"],
        &["search", "hostile", "--json"],
        &["search", "nothing-matches-this"],
        &["export", "good", "--format", "md"],
        &["export", "good", "--format", "json"],
        &["export", "good", "--format", "txt"],
        &["export", "unknown\u{1b}[2J"],
        &["open", "unknown\u{1b}[2J"],
    ] {
        let out = run(&lib, args);
        assert_plain(&format!("{args:?} stdout"), &out.stdout);
        assert_plain(&format!("{args:?} stderr"), &out.stderr);
    }
    // The hostile text did reach every output, made safe: it was not simply dropped.
    assert!(stdout(&run(&lib, &["search", "hostile"])).contains("hostile␛[2J"));
    assert!(
        stdout(&run(&lib, &["export", "good", "--format", "md"]))
            .contains("<https://example.com/hostile%1B[2J%1B]52;c;aGk=%07%C2%9B31m%E2%80%AEevil%E2%80%8Bz%7F>")
    );
    assert!(stdout(&run(&lib, &["export", "good", "--format", "json"])).contains("\\u009b31m\\u202eevil\\u200bz\\u007f"));
    assert!(stderr(&run(&lib, &["check"])).contains("bad"), "the broken file is reported");
    // The JSON is still the same text once parsed.
    let json: serde_json::Value = serde_json::from_str(&stdout(&run(&lib, &["export", "good", "--format", "json"]))).unwrap();
    assert!(json["briefings"][0]["title"].as_str().unwrap().contains("\u{202e}evil"));
}

#[test]
fn search_on_a_terminal_highlights_but_passes_nothing_raw() {
    let lib = library();
    let config = lib.config.to_str().unwrap().to_string();
    // An empty NO_COLOR leaves colour on.
    let mut reader = Reader::start_with_env(&["--config", &config, "search", "hostile"], 200, 40, &[("NO_COLOR", "")]);
    reader.wait_exit();
    let raw = reader.raw();
    assert!(raw.windows(2).any(|w| w == b"\x1b["), "colour on a terminal");
    assert_clean("search on a terminal", &raw);
}

#[test]
fn the_reader_draws_the_payload_without_obeying_it() {
    let lib = library();
    let config = lib.config.to_str().unwrap().to_string();
    let mut reader = Reader::start(&["--config", &config, "open", "good"], 200, 50);
    reader.wait_for("Title hostile");
    // Every pane and the detail of each kind, then the errors view and a search.
    for keys in ["1", "\r", "\x1b", "2", "\r", "\x1b", "3", "\r", "\x1b", "4", "j", "\r", "\x1b", "5", "\r", "\x1b", "6", "\r", "\x1b"] {
        reader.send(keys);
        std::thread::sleep(std::time::Duration::from_millis(30));
    }
    reader.send("E");
    reader.wait_for("Files that failed to load");
    reader.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(50));
    reader.send("5");
    std::thread::sleep(std::time::Duration::from_millis(50));
    reader.send("j");
    std::thread::sleep(std::time::Duration::from_millis(50));
    reader.send("o");
    reader.wait_for("Not opening");
    // The export folder's name is hostile too, and the status line names it.
    reader.send("x");
    reader.wait_for("Exported to");
    reader.send("/hostile");
    reader.wait_for("hits");
    let raw = reader.raw();
    assert_clean("the reader", &raw);
    assert!(reader.screen.lock().unwrap().screen().alternate_screen(), "nothing switched the screen");
    reader.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(50));
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}

/// A saved copy whose headline, heading and paragraphs carry the payload raw, and a briefing
/// whose claims cite it: one at a place it has, one at a heading it lacks (whose finding
/// quotes the copy's headings).
fn archived_library() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let raw = "\u{1b}[2J\u{1b}]52;c;aGk=\u{7}\u{9b}31m\u{202e}evil\u{200b}z\u{7f}";
    std::fs::create_dir_all(tmp.path().join("briefings")).unwrap();
    std::fs::create_dir_all(tmp.path().join("copies")).unwrap();
    std::fs::write(
        tmp.path().join("copies/copy.txt"),
        format!(
            "# Headline {raw}\n\nTariffs fell by 115 percentage points {raw} in Geneva.\n\n## Heading {raw}\n\nLutnick spoke {raw} later.\n"
        ),
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("briefings/one.toml"),
        "title = \"One\"\ndate = 2025-06-09\nsummary = \"s\"\n\n\
         [[source]]\nid = \"src\"\ntitle = \"Copy\"\narchive = \"copy.txt\"\n\n\
         [[commitment]]\nid = \"cut\"\ntext = \"Tariffs fell by 115 percentage points in Geneva.\"\nparty = \"US\"\nstatus = \"agreed\"\n\
         cites = [{ source = \"src\", at = \"1st paragraph\" }]\n\n\
         [[commitment]]\nid = \"gone\"\ntext = \"Lutnick spoke.\"\nparty = \"US\"\nstatus = \"agreed\"\n\
         cites = [{ source = \"src\", at = \"No Such Heading\" }]\n",
    )
    .unwrap();
    tmp
}

#[test]
fn a_hostile_saved_copy_reaches_no_terminal_raw() {
    let tmp = archived_library();
    let (dir, copies) = (tmp.path().join("briefings"), tmp.path().join("copies"));
    let args = |extra: &[&str]| {
        let mut all = vec!["--dir".to_string(), dir.to_str().unwrap().into(), "--archive".into(), copies.to_str().unwrap().into()];
        all.extend(extra.iter().map(|s| s.to_string()));
        all
    };
    for extra in [&["verify"][..], &["verify", "--json"], &["verify", "--explain"]] {
        let out = brief().args(args(extra)).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "the heading that is not there is a finding");
        assert_plain(&format!("brief {extra:?} (stdout)"), &out.stdout);
        assert_plain(&format!("brief {extra:?} (stderr)"), &out.stderr);
        assert!(stderr(&out).contains("Heading ␛[2J") || stdout(&out).contains("place-missing"), "{}", stderr(&out));
    }
    let all = args(&["open", "one"]);
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    let mut reader = Reader::start(&all, 160, 48);
    reader.wait_for("Commitments");
    // The passage of each claim, its terms stepped through, then the finding in the detail.
    for keys in ["2", "p"] {
        reader.send(keys);
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    reader.wait_for("Saved copy");
    reader.wait_for("Headline ␛[2J");
    for keys in ["n", "n", "G", "\x7f", "j", "p"] {
        reader.send(keys);
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    reader.wait_for("is not in this saved copy");
    reader.send("\x7f");
    reader.send("0");
    reader.send("G");
    reader.wait_for("Saved copies  1 finding");
    reader.wait_for("␛[2J␛]52;c;aGk=␇");
    let raw = reader.raw();
    assert_clean("the passage view", &raw);
    assert!(reader.screen.lock().unwrap().screen().alternate_screen(), "nothing switched the screen");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}
