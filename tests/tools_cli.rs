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
    // No log can be made (the state folder is a file): nothing said of it, the run goes on.
    let mut cmd = brief();
    cmd.env("XDG_STATE_HOME", &file).env("XDG_CACHE_HOME", &file).arg("list");
    let output = cmd.output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "", "nothing about the log on stderr (in the reader, it would land on the screen)");
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
    // From the files alone with --no-cache, and nothing for a folder that is not one — no
    // store made for either.
    let cache = tempfile::tempdir().unwrap();
    let ask = |words: &[&str]| {
        let mut cmd = brief();
        cmd.env("COMPLETE", "fish").env("XDG_CACHE_HOME", cache.path()).arg("--").args(words);
        stdout(&cmd.output().unwrap()).lines().map(|l| l.split('\t').next().unwrap_or_default().to_string()).collect::<Vec<_>>()
    };
    assert_eq!(ask(&["brief", "--no-cache", "--dir=tests/fixtures/across", "official", "he-"]), ["he-lifeng"]);
    assert_eq!(ask(&["brief", "--dir", "/nonexistent", "open", "l"]), Vec::<String>::new());
    assert_eq!(ask(&["brief", "--dir", "Cargo.toml", "open", "l"]), Vec::<String>::new());
    assert!(!cache.path().join("brief").exists(), "no store made");
}

#[test]
fn each_shell_gets_a_script_and_bash_completes_an_id_through_it() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = brief().args(["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}: {}", stderr(&output));
        assert!(stdout(&output).contains("COMPLETE"), "{shell}: the script calls brief back:\n{}", stdout(&output));
    }
    // Started by a relative path: the script calls the program by its absolute one.
    if let Ok(relative) = std::path::Path::new(env!("CARGO_BIN_EXE_brief")).strip_prefix(common::root()) {
        let mut sh = assert_cmd::Command::new("sh");
        common::isolated(&mut sh).args(["-c", &format!("./{} completions fish", relative.display())]);
        let script = stdout(&sh.output().unwrap());
        assert!(script.contains(&format!("COMPLETE=fish {}", env!("CARGO_BIN_EXE_brief"))), "{script}");
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

/// `brief new` in a folder of its own.
fn new_in(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    brief().arg("--dir").arg(dir).arg("new").args(args).output().unwrap()
}

#[test]
fn brief_new_writes_a_template_that_checks_clean_and_names_every_key() {
    let dir = tempfile::tempdir().unwrap();
    let output = new_in(dir.path(), &["geneva-talks", "--title", "Geneva talks pause the tariff war", "--date", "2025-05-12"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let path = dir.path().join("geneva-talks.toml");
    assert_eq!(stdout(&output).trim(), path.display().to_string());
    let text = std::fs::read_to_string(&path).unwrap();
    // As written: an empty briefing, with no problem at all.
    let check = brief().arg("--dir").arg(dir.path()).args(["check", "--deny-warnings"]).output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}\n{text}", stderr(&check));
    assert!(stderr(&check).contains("checked 1 file: no problems"), "{}", stderr(&check));
    let loaded = brief::Library::load(&[dir.path().to_path_buf()]);
    let b = &loaded.library.briefings()[0];
    assert_eq!(
        (b.id.as_str(), b.title.as_str(), b.date.to_string().as_str()),
        ("geneva-talks", "Geneva talks pause the tariff war", "2025-05-12")
    );
    // One example of each table, every key with what it means.
    for table in brief::load::spec::ITEMS {
        assert!(text.contains(&format!("\n# [[{}]]\n", table.name)), "[[{}]] in\n{text}", table.name);
        for key in table.keys {
            assert!(text.contains(&format!("# {} = {}\n", key.name, key.example)), "{} of [[{}]]", key.name, table.name);
        }
    }
    // Every example uncommented: a whole briefing, which loads (with the warnings of one whose
    // related briefing and saved copy are not there).
    let uncommented: String = text
        .lines()
        .map(|l| if l.starts_with("# ") && (l.contains(" = ") || l.starts_with("# [[")) && !l.starts_with("# (") { &l[2..] } else { l })
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, &uncommented).unwrap();
    let check = brief().arg("--dir").arg(dir.path()).arg("check").output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}\n{uncommented}", stderr(&check));
    // Outside a checkout, editors find the schema in the data folder.
    let schema = text.lines().next().unwrap().strip_prefix("#:schema ").expect("a #:schema comment first");
    assert_eq!(std::fs::read_to_string(schema).unwrap(), brief::load::schema::text());
}

#[test]
fn brief_new_never_writes_over_a_file_and_refuses_a_bad_id_or_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("london-talks.toml");
    std::fs::write(&path, "# mine\n").unwrap();
    let output = new_in(dir.path(), &["london-talks"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("exists; `brief new` writes only new files"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "# mine\n");
    let output = new_in(dir.path(), &["London Talks"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("for example `london-talks`"), "{}", stderr(&output));
    let output = new_in(dir.path(), &["geneva", "--date", "12 May"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--date takes a day as YYYY-MM-DD, not `12 May`"), "{}", stderr(&output));
    let output = new_in(dir.path(), &["geneva", "--title", "  "]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--title is empty"), "{}", stderr(&output));
    // An id another file of the library holds, under another name: a second briefing of that
    // id would push one of them out of the library.
    std::fs::write(dir.path().join("other.toml"), "id = \"held\"\ntitle = \"A\"\ndate = 2025-06-09\nsummary = \"B\"\n").unwrap();
    let output = new_in(dir.path(), &["held"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("already has a briefing `held`") && stderr(&output).contains("other.toml"), "{}", stderr(&output));
    // Nothing else written: no new file, no temporary one left.
    let mut names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, ["london-talks.toml", "other.toml"]);
    // A new file is made as any file is: the umask decides, not 0600.
    let mut sh = assert_cmd::Command::new("sh");
    common::isolated(&mut sh).arg("-c").arg(format!(
        "umask 022; exec {} --dir {} new readable",
        env!("CARGO_BIN_EXE_brief"),
        dir.path().display()
    ));
    assert_eq!(sh.output().unwrap().status.code(), Some(0));
    let mode = std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(dir.path().join("readable.toml")).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o644);
}

#[test]
fn inside_a_checkout_brief_new_points_editors_at_its_schema() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("docs")).unwrap();
    std::fs::create_dir_all(dir.path().join("briefings")).unwrap();
    std::fs::write(dir.path().join("Cargo.toml"), "").unwrap();
    std::fs::write(dir.path().join("docs/briefing.schema.json"), brief::load::schema::text()).unwrap();
    let output = new_in(&dir.path().join("briefings"), &["geneva"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(dir.path().join("briefings/geneva.toml")).unwrap();
    assert!(text.starts_with("#:schema ../docs/briefing.schema.json\n"), "{text}");
}

#[test]
fn on_a_terminal_brief_new_opens_the_editor_then_checks_what_was_written() {
    let dir = tempfile::tempdir().unwrap();
    // An "editor" that misspells a key, as a curator might.
    let editor = dir.path().join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\nprintf 'colour = \"red\"\\n' >> \"$1\"\n").unwrap();
    std::fs::set_permissions(&editor, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    let editor = editor.display().to_string();
    let mut reader = common::pty::Reader::start_with_env(
        &["--dir", lib.to_str().unwrap(), "new", "geneva"],
        100,
        30,
        &[("VISUAL", editor.as_str()), ("EDITOR", "false")],
    );
    let status = reader.wait_exit();
    let screen = reader.text();
    assert!(std::fs::read_to_string(lib.join("geneva.toml")).unwrap().ends_with("colour = \"red\"\n"), "the editor ran");
    assert!(screen.contains("unknown key `colour`"), "{screen}");
    assert_eq!(status, 1, "{screen}");
}

/// What a running `brief check --watch` has written to stderr so far.
struct Watching {
    child: std::process::Child,
    said: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Watching {
    fn start(dir: &std::path::Path) -> Watching {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_brief"));
        cmd.current_dir(common::root()).envs(common::isolation()).arg("--dir").arg(dir).args(["check", "--watch"]);
        let mut child = cmd.stderr(std::process::Stdio::piped()).stdout(std::process::Stdio::null()).spawn().unwrap();
        let said = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let mut stderr = child.stderr.take().unwrap();
        let into = said.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = std::io::Read::read(&mut stderr, &mut buf) {
                if n == 0 {
                    break;
                }
                into.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Watching { child, said }
    }

    /// Waits until what it said since `from` holds `needle`; gives back all of it since then.
    fn wait_for(&self, from: usize, needle: &str) -> String {
        let deadline = std::time::Instant::now() + common::DEADLINE;
        loop {
            let said = self.said.lock().unwrap()[from..].to_string();
            if said.contains(needle) {
                return said;
            }
            assert!(std::time::Instant::now() < deadline, "no `{needle}` in:\n{said}");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    fn len(&self) -> usize {
        self.said.lock().unwrap().len()
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn check_watch_says_only_what_each_save_changed() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = common::root().join("tests/fixtures/across");
    std::fs::copy(fixture.join("geneva.toml"), dir.path().join("geneva.toml")).unwrap();
    std::fs::write(dir.path().join("london.toml"), "title = \"A\"\ndate = 2025-06-09\nsummary = \"B\"\n").unwrap();
    let watching = Watching::start(dir.path());
    let first = watching.wait_for(0, "watching");
    assert!(first.contains("checked 2 files: no problems"), "{first}");
    // A save that breaks a file: its new problem, in full.
    let at = watching.len();
    let geneva = std::fs::read_to_string(dir.path().join("geneva.toml")).unwrap();
    std::fs::write(dir.path().join("geneva.toml"), geneva.replace("status = \"agreed\"", "status = \"agred\"")).unwrap();
    let said = watching.wait_for(at, "1 error");
    assert!(said.contains("`agred` is not a valid `status`") && said.contains("geneva.toml:"), "{said}");
    // A save elsewhere that changes nothing said: nothing printed.
    let at = watching.len();
    let london = std::fs::read_to_string(dir.path().join("london.toml")).unwrap();
    std::fs::write(dir.path().join("london.toml"), format!("{london}\n# a comment\n")).unwrap();
    // The fix: the problem named as fixed, and the summary; nothing between said of the
    // comment.
    std::thread::sleep(std::time::Duration::from_millis(600));
    let quiet = watching.said.lock().unwrap()[at..].to_string();
    assert_eq!(quiet, "", "a save that changed no problem says nothing");
    std::fs::write(dir.path().join("geneva.toml"), &geneva).unwrap();
    let said = watching.wait_for(at, "no problems");
    assert!(said.contains("fixed: ") && said.contains("`agred` is not a valid `status`"), "{said}");
    assert!(!said.contains("error["), "the old problem is not written again in full:\n{said}");
}

#[test]
fn check_watch_keeps_up_with_bursts_a_folder_made_again_and_files_that_stop_loading() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir(&lib).unwrap();
    let fixture = common::root().join("tests/fixtures/across");
    std::fs::copy(fixture.join("geneva.toml"), lib.join("geneva.toml")).unwrap();
    let watching = Watching::start(&lib);
    watching.wait_for(0, "watching");
    // A burst of a hundred saves: one check, soon after the last.
    let at = watching.len();
    let started = std::time::Instant::now();
    for n in 0..100 {
        std::fs::write(lib.join(format!("b{n:03}.toml")), "title = \"A\"\ndate = 2025-06-09\nsummary = \"B\"\nplace = 7\n").unwrap();
    }
    let said = watching.wait_for(at, "100 errors");
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
    assert_eq!(said.matches("checked 101 files").count() + said.matches("in 101 files").count(), 1, "one check:\n{said}");
    // A file that stops loading: its other problems are not checked, not fixed.
    let at = watching.len();
    let london = std::fs::read_to_string(fixture.join("london.toml")).unwrap();
    std::fs::write(lib.join("london.toml"), &london).unwrap();
    watching.wait_for(at, "[name-mismatch]");
    let at = watching.len();
    std::fs::write(lib.join("london.toml"), format!("{london}\nstray\n")).unwrap();
    let said = watching.wait_for(at, "not checked while the file has errors");
    assert!(!said.contains("fixed:"), "{said}");
    // The folder deleted and made again: still watched.
    std::fs::remove_dir_all(&lib).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    std::fs::create_dir(&lib).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    let at = watching.len();
    std::fs::write(lib.join("new.toml"), "title = \"A\"\ndate = 2025-06-09\nsummary = \"B\"\ncolour = 1\n").unwrap();
    watching.wait_for(at, "unknown key `colour`");
}

#[test]
fn a_briefing_brief_new_writes_shows_in_an_open_reader() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::root().join("briefings/london-talks.toml"), dir.path().join("london-talks.toml")).unwrap();
    let mut reader = common::pty::Reader::start(&["--dir", dir.path().to_str().unwrap()], 120, 30);
    reader.wait_for("US–China talks in London");
    let output = new_in(dir.path(), &["geneva-talks", "--title", "Geneva talks pause the tariff war", "--date", "2025-05-12"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // The new briefing in the list, live, as the README says.
    reader.wait_for("Geneva talks pause the tariff war");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
    reader.assert_terminal_restored();
}
