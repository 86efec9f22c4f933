//! Live reload in the real binary, however the folder was named: relative, absolute, through a
//! symlink, or by the default config. Edits, additions, renames and deletions all show, and
//! nothing is reported as failing that did not fail.

mod common;

use std::path::Path;

use common::pty::Reader;

/// A folder as a user has it: `config.toml` naming `briefings`, and the curated briefings.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), "briefings = \"briefings\"\n").unwrap();
    let copied = std::process::Command::new("cp").arg("-r").arg(common::root().join("briefings")).arg(dir.path()).status().unwrap();
    assert!(copied.success());
    dir
}

/// Writes as editors do: a temporary file renamed over the old one.
fn save(path: &Path, text: &str) {
    let tmp = path.with_extension("toml.tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

const NEW: &str = "title = \"A briefing added while reading\"\ndate = 2030-01-01\nsummary = \"Added.\"\n";

/// Edits, adds, renames and deletes files in `briefings` under a reader showing the library.
fn exercise(mut reader: Reader, briefings: &Path) {
    reader.wait_for("3 briefings");
    reader.wait_for("US–China talks in London");
    let london = briefings.join("london-talks.toml");
    let text = std::fs::read_to_string(&london).unwrap();
    save(&london, &text.replace("US–China talks in London", "Edited: talks in London"));
    reader.wait_for("Edited: talks in London");

    let added = briefings.join("added.toml");
    save(&added, NEW);
    reader.wait_for("A briefing added while reading");
    reader.wait_for("4 briefings");

    let renamed = briefings.join("renamed.toml");
    std::fs::rename(&added, &renamed).unwrap();
    reader.wait_for("renamed.toml");
    let screen = reader.text();
    assert!(screen.contains("4 briefings"), "the renamed file is one briefing, not two:\n{screen}");

    std::fs::remove_file(&renamed).unwrap();
    reader.wait_until_gone("A briefing added while reading");
    reader.wait_for("3 briefings");

    // A folder renamed takes its briefings along: they are neither lost nor doubled.
    std::fs::rename(briefings.join("background"), briefings.join("moved")).unwrap();
    let chips = briefings.join("moved/chip-export-controls.toml");
    let text = std::fs::read_to_string(&chips).unwrap();
    save(&chips, &text.replace("Background: US chip export controls", "Moved: US chip export controls"));
    reader.wait_for("Moved: US chip export controls");
    reader.wait_for("3 briefings");
    let screen = reader.text();
    assert!(screen.contains("Edited: talks in London"), "{screen}");
    for wrong in ["failed", "errors", "duplicate"] {
        assert!(!screen.contains(wrong), "nothing failed, yet the screen says “{wrong}”:\n{screen}");
    }
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}

#[test]
fn the_default_config_from_the_folder_it_names() {
    let dir = workspace();
    exercise(Reader::start_in(dir.path(), &[], 100, 30, &[]), &dir.path().join("briefings"));
}

#[test]
fn a_relative_dir() {
    let dir = workspace();
    std::fs::remove_file(dir.path().join("config.toml")).unwrap();
    exercise(Reader::start_in(dir.path(), &["--dir", "briefings"], 100, 30, &[]), &dir.path().join("briefings"));
}

#[test]
fn a_relative_dir_with_dots() {
    let dir = workspace();
    std::fs::create_dir(dir.path().join("elsewhere")).unwrap();
    exercise(Reader::start_in(&dir.path().join("elsewhere"), &["--dir", "../briefings/."], 100, 30, &[]), &dir.path().join("briefings"));
}

#[test]
fn an_absolute_dir() {
    let dir = workspace();
    let briefings = dir.path().join("briefings");
    exercise(Reader::start_in(dir.path(), &["--dir", briefings.to_str().unwrap()], 100, 30, &[]), &briefings);
}

#[test]
fn a_dir_through_a_symlink() {
    let dir = workspace();
    std::os::unix::fs::symlink("briefings", dir.path().join("link")).unwrap();
    exercise(Reader::start_in(dir.path(), &["--dir", "link"], 100, 30, &[]), &dir.path().join("briefings"));
}

#[test]
fn a_folder_deleted_and_made_again_is_watched_again() {
    let dir = workspace();
    let briefings = dir.path().join("briefings");
    let mut reader = Reader::start_in(dir.path(), &[], 100, 30, &[]);
    reader.wait_for("3 briefings");
    std::fs::rename(&briefings, dir.path().join("old")).unwrap();
    std::fs::create_dir(&briefings).unwrap();
    std::fs::write(briefings.join("fresh.toml"), NEW).unwrap();
    reader.wait_for("A briefing added while reading");
    reader.wait_for("1 briefing ·");
    // And edits in the new folder are seen as they happen.
    save(&briefings.join("fresh.toml"), &NEW.replace("added while reading", "edited in the new folder"));
    reader.wait_for("A briefing edited in the new folder");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}

#[test]
fn a_symlink_pointed_elsewhere_shows_the_other_folder() {
    let dir = workspace();
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("fresh.toml"), NEW).unwrap();
    let link = dir.path().join("link");
    std::os::unix::fs::symlink("briefings", &link).unwrap();
    let mut reader = Reader::start_in(dir.path(), &["--dir", "link"], 100, 30, &[]);
    reader.wait_for("3 briefings");
    let tmp = dir.path().join("link.tmp");
    std::os::unix::fs::symlink("other", &tmp).unwrap();
    std::fs::rename(&tmp, &link).unwrap();
    reader.wait_for("A briefing added while reading");
    reader.wait_for("1 briefing ·");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}

#[test]
fn a_sub_folder_it_may_not_read_does_not_turn_live_reload_off() {
    use std::os::unix::fs::PermissionsExt;
    let dir = workspace();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let briefings = dir.path().join("briefings");
    let locked = briefings.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let brief = env!("CARGO_BIN_EXE_brief");
    let dir_arg = briefings.to_str().unwrap();
    let home = dir.path().to_str().unwrap();
    let mut reader = if rustix::process::geteuid().is_root() {
        let (cache, state) = (format!("XDG_CACHE_HOME={home}/.cache"), format!("XDG_STATE_HOME={home}/.state"));
        let args = [
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
            "env",
            &format!("HOME={home}"),
            &cache,
            &state,
            brief,
            "--dir",
            dir_arg,
        ];
        Reader::start_program("setpriv", &args, 100, 30)
    } else {
        Reader::start_in(dir.path(), &["--dir", dir_arg], 100, 30, &[])
    };
    reader.wait_for("3 briefings");
    reader.wait_for("Live reload skips 1 folder it may not read");
    let london = briefings.join("london-talks.toml");
    let text = std::fs::read_to_string(&london).unwrap();
    save(&london, &text.replace("US–China talks in London", "Edited: talks in London"));
    reader.wait_for("Edited: talks in London");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}

/// A saved copy edited under the reader: the briefing on screen is checked against it again,
/// and its `?` mark follows.
#[test]
fn a_saved_copy_saved_anew_is_checked_again() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, copies) = (dir.path().join("lib"), dir.path().join("copies"));
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::create_dir_all(&copies).unwrap();
    std::fs::write(copies.join("c.txt"), "# Headline\n\nOfficials met on Monday.\n").unwrap();
    std::fs::write(
        lib.join("b.toml"),
        "title = \"Copies\"\ndate = 2025-06-09\nsummary = \"s\"\n\n[[source]]\nid = \"s\"\ntitle = \"S\"\narchive = \"c.txt\"\n\n\
         [[commitment]]\nid = \"cut\"\ntext = \"Tariffs fell by 115 percentage points.\"\nparty = \"US\"\nstatus = \"agreed\"\ncites = [\"s\"]\n",
    )
    .unwrap();
    let (l, c) = (lib.to_str().unwrap(), copies.to_str().unwrap());
    let mut reader = Reader::start(&["--dir", l, "--archive", c, "open", "b"], 160, 48);
    reader.wait_for("Saved copies  1 finding");
    let tmp = copies.join("c.txt.new");
    std::fs::write(&tmp, "# Headline\n\nTariffs fell 115 percentage points on Monday.\n").unwrap();
    std::fs::rename(&tmp, copies.join("c.txt")).unwrap();
    reader.wait_for("Saved copies  nothing found");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}
