//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

/// Every process a test starts is killed after this long, so a hang fails instead of blocking.
pub const DEADLINE: Duration = Duration::from_secs(20);

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The real `brief` binary, run from the repository root with a deadline, no config lookup
/// outside the repository, and no colour.
pub fn brief() -> Command {
    let mut cmd = Command::cargo_bin("brief").expect("the brief binary is built");
    cmd.current_dir(root()).timeout(DEADLINE).env("NO_COLOR", "1").env("XDG_CONFIG_HOME", root().join("target/no-xdg-config"));
    cmd
}

/// `../shared`, the material beside the checkout. A test that needs it skips when it is absent
/// (a user's fresh clone), except under `CI=true`, where its absence is a failure.
pub fn shared() -> Option<PathBuf> {
    let dir = root().join("../shared");
    if dir.is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{} is missing; under CI=true the tests that read it must run", dir.display());
    }
    eprintln!("skipped: {} is not beside this checkout", dir.display());
    None
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A path relative to the repository root, as the binary prints it when given that way.
pub fn rel(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).display().to_string()
}

pub mod pty;
pub mod reader;
