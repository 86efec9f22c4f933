//! What `brief` offers beside reading: its version with the formats it reads, a man page,
//! shell completions (briefing ids completed from the library), `brief new`, `brief check
//! --watch`, and a log file written only when there is something to log. Each through the
//! binary.

mod common;

use common::{brief, stderr, stdout};

#[test]
fn version_names_the_briefing_format_and_the_store_format_it_reads() {
    let output = brief().arg("--version").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let expected = format!(
        "brief {} (briefing format {}, store format {})\n",
        env!("CARGO_PKG_VERSION"),
        brief::load::FORMAT_VERSION,
        brief::store::FORMAT
    );
    assert_eq!(stdout(&output), expected);
}

#[test]
fn the_log_file_is_made_only_when_something_is_logged() {
    let state = tempfile::tempdir().unwrap();
    let log = state.path().join("brief/brief.log");
    let run = |cache: &std::path::Path| {
        let mut cmd = brief();
        cmd.env("XDG_STATE_HOME", state.path()).env("XDG_CACHE_HOME", cache).args(["list"]);
        let output = cmd.output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    };
    let cache = tempfile::tempdir().unwrap();
    run(cache.path());
    assert!(!log.exists(), "nothing logged, no log file");
    // A cache folder that is a file: the store cannot be opened, which is logged, and the
    // list is answered from the files.
    let file = cache.path().join("not-a-folder");
    std::fs::write(&file, "").unwrap();
    run(&file);
    let logged = std::fs::read_to_string(&log).expect("a log file once something is logged");
    assert!(logged.contains("WARN"), "{logged}");
}
