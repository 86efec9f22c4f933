//! The command line tells the truth about partial failures: what could not be read is named
//! with the reason, everything else is still listed or searched, and a missing folder gets one
//! message and one exit status from every command and from the reader.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use assert_cmd::Command;
use common::{brief, stderr, stdout};

const GOOD: &str = "title = \"Good rare earths\"\ndate = 2025-01-02\nsummary = \"Rare earths, fine.\"\n";

/// `brief` as an unprivileged user, so that permissions apply even when the tests run as root.
fn brief_unprivileged() -> Command {
    let root_user = rustix::process::geteuid().is_root();
    let mut cmd = if root_user {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]).arg(env!("CARGO_BIN_EXE_brief"));
        cmd
    } else {
        Command::new(env!("CARGO_BIN_EXE_brief"))
    };
    common::isolated(&mut cmd);
    cmd
}

/// A library with a good briefing, a broken one, a file and a folder nobody may read, and a
/// dangling link named like a briefing.
fn damaged_library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::write(path.join("good.toml"), GOOD).unwrap();
    std::fs::write(path.join("broken.toml"), "title = \"Broken rare earths\"\ndate = 2025-01-03\nsummary = \"Rare\n").unwrap();
    std::fs::write(path.join("secret.toml"), GOOD.replace("Good", "Secret")).unwrap();
    std::fs::set_permissions(path.join("secret.toml"), std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::create_dir(path.join("locked")).unwrap();
    std::fs::write(path.join("locked/inside.toml"), GOOD.replace("Good", "Inside")).unwrap();
    std::fs::set_permissions(path.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    std::os::unix::fs::symlink("nowhere.toml", path.join("dangling.toml")).unwrap();
    dir
}

fn assert_names_each_failure(err: &str, dir: &Path) {
    for (name, reason) in [
        ("broken.toml", "3:16: invalid basic string"),
        ("secret.toml", "ermission denied"),
        ("locked", "ermission denied"),
        ("dangling.toml", "link to nowhere.toml, which does not exist"),
    ] {
        let line = err.lines().find(|l| l.contains(&dir.join(name).display().to_string()));
        let line = line.unwrap_or_else(|| panic!("{name} is not named:\n{err}"));
        assert!(line.contains(reason), "{name} without its reason ({reason}): {line}");
    }
}

#[test]
fn list_lists_what_it_can_read_and_names_what_it_cannot() {
    let dir = damaged_library();
    let out = brief_unprivileged().args(["list", "--dir", dir.path().to_str().unwrap()]).output().unwrap();
    assert!(stdout(&out).contains("Good rare earths"), "the readable briefing is listed:\n{}", stdout(&out));
    assert_names_each_failure(&stderr(&out), dir.path());
    assert_eq!(out.status.code(), Some(1), "a partial listing is not a success");
}

#[test]
fn search_names_every_file_it_could_not_read_or_parse() {
    let dir = damaged_library();
    let out = brief_unprivileged().args(["search", "rare", "--dir", dir.path().to_str().unwrap()]).output().unwrap();
    assert!(stdout(&out).contains("good"), "the readable briefing is searched:\n{}{}", stdout(&out), stderr(&out));
    assert_names_each_failure(&stderr(&out), dir.path());
    assert_eq!(out.status.code(), Some(0), "hits were found");
}

#[test]
fn a_missing_folder_gets_one_message_and_one_status_everywhere() {
    let missing = "target/no-such-library";
    let runs: [&[&str]; 6] = [&["list"], &["search", "rare"], &["export", "--all"], &["check"], &["open", "london-talks"], &[]];
    for args in runs {
        let out = brief().args(["--dir", missing]).args(args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?} says it once:\n{err}");
        assert!(err.contains(&format!("no briefings folder at {missing}")), "{args:?}: {err}");
    }
}

#[test]
fn every_option_of_search_is_an_option_after_the_query_too() {
    use clap::CommandFactory;
    let cli = brief::cli::Cli::command();
    let search = cli.find_subcommand("search").unwrap();
    let globals: Vec<&clap::Arg> = cli.get_arguments().filter(|a| a.is_global_set()).collect();
    for arg in search.get_arguments().chain(globals) {
        let Some(long) = arg.get_long() else { continue };
        let takes_value = arg.get_action().takes_values();
        let mut args = vec!["brief", "search", "lithium"];
        let flag = format!("--{long}");
        args.push(&flag);
        if takes_value {
            args.push("5");
        }
        let moved = brief::cli::options_first(args.iter().map(Into::into).collect());
        let dashes = moved.iter().position(|a| a == "--").expect("the query follows --");
        let query: Vec<_> = moved[dashes + 1..].iter().map(|a| a.to_string_lossy().into_owned()).collect();
        assert_eq!(query, ["lithium"], "`{flag}` after the query became query text: {moved:?}");
    }
}

#[test]
fn export_goes_on_past_what_it_cannot_read_and_names_it() {
    let dir = damaged_library();
    let out = brief_unprivileged().args(["export", "good", "--format", "txt", "--dir", dir.path().to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Good rare earths"), "{}", stdout(&out));
    assert_names_each_failure(&stderr(&out), dir.path());
}
