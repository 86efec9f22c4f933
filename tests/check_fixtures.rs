//! Every error and warning the format lists, and every reference key, has a fixture in
//! `tests/fixtures/invalid/`; each is run through the real binary. A fixture states what it
//! expects in comment lines: `# expect: CODE LINE:COL phrase | phrase …`, each phrase a piece
//! of the message or hint that must appear; `# args: …` gives options the check runs with.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{brief, rel, root, stderr, stdout};

struct Expect {
    file: PathBuf,
    code: String,
    line: usize,
    column: usize,
    phrases: Vec<String>,
}

fn expectations(path: &Path) -> Vec<Expect> {
    let bytes = std::fs::read(path).unwrap();
    String::from_utf8_lossy(&bytes)
        .lines()
        .filter_map(|l| l.strip_prefix("# expect: "))
        .map(|rest| {
            let mut words = rest.splitn(3, ' ');
            let code = words.next().unwrap().to_string();
            let (line, column) = words.next().unwrap().split_once(':').unwrap();
            let phrases = words.next().unwrap_or("").split(" | ").map(str::to_string).collect();
            Expect { file: path.to_path_buf(), code, line: line.parse().unwrap(), column: column.parse().unwrap(), phrases }
        })
        .collect()
}

/// A fixture: a file checked alone, or a folder checked as a library of its own.
fn cases() -> Vec<(PathBuf, Vec<Expect>)> {
    let dir = root().join("tests/fixtures/invalid");
    let mut cases = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let expects = if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()).collect();
            files.sort();
            files.iter().flat_map(|f| expectations(f)).collect()
        } else {
            expectations(&path)
        };
        assert!(!expects.is_empty(), "{} states no expectation", path.display());
        cases.push((path, expects));
    }
    cases
}

fn run_check(case: &Path, extra: &[&str]) -> std::process::Output {
    let mut cmd = brief();
    if case.is_dir() {
        cmd.args(["--dir", &rel(case), "check"]);
    } else {
        // No library around a lone file: `--dir` names a folder that does not exist.
        cmd.args(["--dir", "target/no-such-library", "check", &rel(case)]);
    }
    // Options a fixture asks for, such as the archive folder its sources name copies in.
    let file = if case.is_dir() { None } else { std::fs::read_to_string(case).ok() };
    let asked: Vec<String> = file
        .iter()
        .flat_map(|t| {
            t.lines().filter_map(|l| l.strip_prefix("# args: ")).flat_map(|a| a.split_whitespace().map(str::to_string)).collect::<Vec<_>>()
        })
        .collect();
    cmd.args(asked).args(extra).output().unwrap()
}

#[test]
fn every_fixture_gets_exactly_its_diagnostics_through_the_binary() {
    for (case, expects) in cases() {
        let has_error = expects.iter().any(|e| !is_warning(&e.code));
        let human = run_check(&case, &[]);
        let text = stderr(&human);
        assert_eq!(human.status.code(), Some(if has_error { 1 } else { 0 }), "{}:\n{text}", case.display());
        assert!(!text.contains("panicked"), "{text}");
        for e in &expects {
            let place = format!("{}:{}:{}", rel(&e.file), e.line, e.column);
            assert!(text.contains(&place), "{}: expected `{place}` in:\n{text}", case.display());
            assert!(text.contains(&format!("[{}]", e.code)), "{}: expected code {} in:\n{text}", case.display(), e.code);
            for phrase in &e.phrases {
                assert!(text.contains(phrase.as_str()), "{}: expected “{phrase}” in:\n{text}", case.display());
            }
        }

        let json = run_check(&case, &["--json"]);
        let doc: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("--json prints JSON");
        let got: BTreeSet<(String, String, u64, u64)> = doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    rel(Path::new(d["file"].as_str().unwrap())),
                    d["code"].as_str().unwrap().to_string(),
                    d["line"].as_u64().unwrap(),
                    d["column"].as_u64().unwrap(),
                )
            })
            .collect();
        let want: BTreeSet<(String, String, u64, u64)> =
            expects.iter().map(|e| (rel(&e.file), e.code.clone(), e.line as u64, e.column as u64)).collect();
        assert_eq!(got, want, "{}: the JSON report lists exactly the expected diagnostics", case.display());

        if !has_error {
            let denied = run_check(&case, &["--deny-warnings"]);
            assert_eq!(denied.status.code(), Some(1), "{}: --deny-warnings fails on warnings", case.display());
        }
    }
}

fn is_warning(code: &str) -> bool {
    brief::diag::Code::ALL.iter().any(|c| c.as_str() == code && c.severity() == brief::diag::Severity::Warning)
}

#[test]
fn fixtures_cover_every_code_and_every_reference_key() {
    let cases = cases();
    assert!(cases.len() >= 16, "at least 16 fixtures, found {}", cases.len());
    let codes: BTreeSet<String> = cases.iter().flat_map(|(_, e)| e.iter().map(|e| e.code.clone())).collect();
    for code in brief::diag::Code::ALL {
        if *code != brief::diag::Code::Io && !brief::diag::Code::VERIFY.contains(code) {
            assert!(codes.contains(code.as_str()), "no fixture for `{}`", code.as_str());
        }
    }
    let all_text: String = cases.iter().flat_map(|(_, e)| e.iter().flat_map(|e| e.phrases.clone())).collect::<Vec<_>>().join("\n");
    for key in ["`cites`", "`source`", "`announced_by`", "`in_return_for`", "`responds_to`", "`about`", "related briefing"] {
        assert!(all_text.contains(key), "no fixture for the reference key {key}");
    }
}

#[test]
fn rendered_diagnostic_looks_like_a_compiler_s() {
    let output = run_check(&root().join("tests/fixtures/invalid/bad-value-status.toml"), &[]);
    insta::assert_snapshot!(stderr(&output));
}

#[test]
fn control_characters_in_a_quoted_line_are_shown_not_sent() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("escape.toml");
    std::fs::write(&file, "title = \"x\"\ndate = 2025-06-09\nsummary = \"x\"\n\u{1b}[2J\u{202e} = 1\n").unwrap();
    let output = brief().args(["--dir", "target/no-such-library", "check"]).arg(&file).output().unwrap();
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(!text.contains('\u{1b}') && !text.contains('\u{202e}'), "raw control characters reached the terminal:\n{text:?}");
    assert!(text.contains('␛'), "{text}");
}
