//! Every write to standard output and standard error handles its error: a closed pipe ends
//! quietly with 141 (as SIGPIPE would), a full disk is a message where one can still be written
//! and a non-zero status — never a panic (101), never a silent success.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{DEADLINE, root};

fn brief() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brief"));
    cmd.current_dir(root()).envs(common::isolation());
    cmd
}

/// Waits for a child with the tests' deadline; kills it and fails past that.
fn wait(child: &mut std::process::Child) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("the process did not end");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Runs `brief ARGS` with standard output or error (`which`) a pipe that is closed after the
/// first bytes, as `| head -c 1` would.
fn closed_early(args: &[&str], stderr: bool) -> std::process::ExitStatus {
    let mut cmd = brief();
    cmd.args(args).stdin(Stdio::null());
    if stderr {
        cmd.stderr(Stdio::piped()).stdout(Stdio::null());
    } else {
        cmd.stdout(Stdio::piped()).stderr(Stdio::null());
    }
    let mut child = cmd.spawn().unwrap();
    let mut pipe: Box<dyn Read> = if stderr { Box::new(child.stderr.take().unwrap()) } else { Box::new(child.stdout.take().unwrap()) };
    let mut byte = [0u8; 1];
    let _ = pipe.read(&mut byte);
    drop(pipe);
    wait(&mut child)
}

#[test]
fn a_closed_pipe_ends_quietly_with_141() {
    // Far more output than a pipe holds (64 KB), so it is still being written when it closes.
    let many = tempfile::tempdir().unwrap();
    for i in 0..3000 {
        std::fs::write(many.path().join(format!("b{i}.toml")), "title = \"unterminated\n").unwrap();
    }
    let dir = many.path().to_str().unwrap();
    assert_eq!(closed_early(&["check", "--dir", dir], true).code(), Some(141), "check, stderr closed");
    assert_eq!(closed_early(&["check", "--dir", dir, "--json"], false).code(), Some(141), "check --json, stdout closed");
    let good = tempfile::tempdir().unwrap();
    for i in 0..300 {
        let summary = "A long summary. ".repeat(60);
        std::fs::write(good.path().join(format!("b{i}.toml")), format!("title = \"T{i}\"\ndate = 2025-01-01\nsummary = \"{summary}\"\n"))
            .unwrap();
    }
    let good = good.path().to_str().unwrap();
    assert_eq!(closed_early(&["export", "--all", "--format", "txt", "--dir", good], false).code(), Some(141), "export");
}

/// Runs `brief ARGS` with standard output, or error, on a full disk.
fn on_full_disk(args: &[&str], stderr: bool) -> std::process::Output {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
    let mut cmd = brief();
    cmd.args(args).stdin(Stdio::null());
    if stderr {
        cmd.stderr(full).stdout(Stdio::piped());
    } else {
        cmd.stdout(full).stderr(Stdio::piped());
    }
    let mut child = cmd.spawn().unwrap();
    let mut captured = Vec::new();
    let pipe: Option<&mut dyn Read> =
        if stderr { child.stdout.as_mut().map(|p| p as &mut dyn Read) } else { child.stderr.as_mut().map(|p| p as &mut dyn Read) };
    if let Some(pipe) = pipe {
        pipe.read_to_end(&mut captured).unwrap();
    }
    let status = wait(&mut child);
    std::process::Output { status, stdout: captured.clone(), stderr: captured }
}

#[test]
fn a_full_disk_is_an_error_with_a_message() {
    for args in [&["export", "--all"][..], &["list"], &["search", "rare"], &["search", "rare", "--json"], &["check", "--json"]] {
        let out = on_full_disk(args, false);
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {said}");
        assert!(said.contains("cannot write the output") && said.contains("No space left"), "{args:?}: {said}");
    }
    // With standard error full there is nobody to tell, but the status still says so.
    let out = on_full_disk(&["check", "tests/fixtures/invalid/syntax.toml"], true);
    assert_eq!(out.status.code(), Some(2), "check with stderr on a full disk");
}
