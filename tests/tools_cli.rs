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

/// What `brief` completes for a command line being typed, asked as fish's script asks it
/// (`COMPLETE=fish brief -- WORDS…`): each candidate a line, value and help split by a tab.
fn completed(words: &[&str]) -> Vec<String> {
    let output = brief().env("COMPLETE", "fish").arg("--").args(words).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output).lines().map(|l| l.split('\t').next().unwrap_or_default().to_string()).collect()
}

#[test]
fn completions_offer_commands_options_and_the_library_s_ids() {
    assert!(completed(&["brief", "com"]).contains(&"commitments".to_string()));
    assert!(completed(&["brief", "com"]).contains(&"completions".to_string()));
    assert_eq!(completed(&["brief", "open", "lon"]), ["london-talks"]);
    let all = completed(&["brief", "export", ""]);
    for id in ["london-talks", "chip-export-controls", "rare-earth-supply"] {
        assert!(all.contains(&id.to_string()), "{id} in {all:?}");
    }
    assert_eq!(completed(&["brief", "official", "he-"]), ["he-lifeng"]);
    assert_eq!(completed(&["brief", "export", "--official", "he-"]), ["he-lifeng"]);
    // Another library named on the line being completed: its ids.
    assert_eq!(completed(&["brief", "--dir", "tests/fixtures/across", "open", "gen"]), ["geneva-talks"]);
    assert_eq!(completed(&["brief", "completions", "po"]), ["powershell"]);
}

#[test]
fn each_shell_gets_a_script_and_bash_completes_an_id_through_it() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = brief().args(["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}: {}", stderr(&output));
        assert!(stdout(&output).contains("COMPLETE"), "{shell}: the script calls brief back:\n{}", stdout(&output));
    }
    let output = brief().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("bash, zsh, fish, powershell"), "{}", stderr(&output));
    // The bash script, sourced, completes `brief open lon` as bash would ask it to.
    let script = stdout(&brief().args(["completions", "bash"]).output().unwrap());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("brief.bash"), script).unwrap();
    let program = format!(
        "source {}; COMP_WORDS=(brief open lon); COMP_CWORD=2; COMP_LINE='brief open lon'; COMP_POINT=14; \
         _clap_complete_brief brief lon open; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        dir.path().join("brief.bash").display()
    );
    let mut bash = assert_cmd::Command::new("bash");
    common::isolated(&mut bash).args(["-c", &program]);
    let output = bash.output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output).trim(), "london-talks", "{}", stderr(&output));
}

#[test]
fn the_man_page_names_every_command_and_option() {
    let output = brief().arg("man").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let page = stdout(&output);
    assert!(page.contains(".TH brief 1"), "{page}");
    use clap::CommandFactory;
    let cli = brief::cli::Cli::command();
    for sub in cli.get_subcommands() {
        assert!(page.contains(&format!(".SS {}", sub.get_name())), "{} has a section", sub.get_name());
        for arg in sub.get_arguments().filter_map(|a| a.get_long()) {
            // roff escapes the dashes.
            assert!(page.contains(&format!("\\-\\-{}", arg.replace('-', "\\-"))), "--{arg} of {}", sub.get_name());
        }
    }
    for section in ["EXIT STATUS", "FILES", "ENVIRONMENT"] {
        assert!(page.contains(&format!(".SH \"{section}\"")) || page.contains(&format!(".SH {section}")), "{section}");
    }
}
