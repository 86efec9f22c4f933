//! Every file the official TOML test suite (in `../shared/testdata/toml-test`) lists as invalid
//! for TOML 1.1.0 gets exit status 1 and a diagnostic with a line and column from `brief check`:
//! no panic, no hang (each run has a deadline).

mod common;

use common::{brief, stderr};

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn every_invalid_toml_test_file_is_refused_with_a_position() {
    let shared = common::shared();
    let suite = shared.join("testdata/toml-test/tests");
    let list = std::fs::read_to_string(suite.join("files-toml-1.1.0")).expect("the suite's file list");
    let invalid: Vec<&str> = list.lines().filter(|l| l.starts_with("invalid/") && l.ends_with(".toml")).collect();
    assert!(invalid.len() > 400, "expected the whole invalid set, found {}", invalid.len());
    let mut failures = Vec::new();
    for name in &invalid {
        let path = suite.join(name);
        let output = brief().args(["--dir", "target/no-such-library", "check"]).arg(&path).output().unwrap();
        let text = stderr(&output);
        let shown = path.display().to_string();
        // `path:LINE:COL]` as the diagnostic header prints it.
        let positioned = text.match_indices(&format!("{shown}:")).any(|(i, m)| {
            let rest = &text[i + m.len()..];
            let (line, rest) = rest.split_once(':').unwrap_or(("", ""));
            let col: String = rest.chars().take_while(char::is_ascii_digit).collect();
            line.parse::<usize>().is_ok_and(|l| l >= 1) && col.parse::<usize>().is_ok_and(|c| c >= 1)
        });
        if output.status.code() != Some(1) || !positioned || text.contains("panicked") {
            failures.push(format!("{name}: status {:?}\n{text}", output.status.code()));
        }
    }
    assert!(failures.is_empty(), "{} of {} files not refused cleanly:\n{}", failures.len(), invalid.len(), failures.join("\n"));
}
