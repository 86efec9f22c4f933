//! The reader ends with its terminal and with the signals that ask it to, whatever it is doing,
//! with the conventional statuses; the real binary in a pseudo-terminal.

mod common;

use std::time::{Duration, Instant};

use common::pty::{Reader, cpu_time};

/// Closes the terminal under a running reader and checks it ends at once, quietly.
fn assert_ends_when_the_terminal_goes(mut reader: Reader) {
    let pid = reader.pid();
    let (before, _) = cpu_time(pid).expect("the reader is running");
    let closed = Instant::now();
    reader.close_master();
    // Read the CPU time while the ended process is a zombie, before it is reaped.
    let mut after = None;
    while closed.elapsed() < Duration::from_secs(2) {
        match cpu_time(pid) {
            Some((used, 'Z')) => {
                after = Some(used);
                break;
            }
            Some(_) => std::thread::sleep(Duration::from_millis(10)),
            None => break,
        }
    }
    let status = reader.wait_exit_within(Duration::from_secs(2) - closed.elapsed().min(Duration::from_secs(2)));
    let took = closed.elapsed();
    assert!(status.is_some(), "the reader outlived its terminal by {took:?}");
    eprintln!("ended {took:?} after the terminal went, status {status:?}");
    assert_eq!(status, Some(129), "a hang-up ends the reader as SIGHUP would");
    if let Some(after) = after {
        let used = after.saturating_sub(before);
        assert!(used < Duration::from_millis(300), "the reader used {used:?} of CPU on its way out");
    }
}

#[test]
fn an_idle_reader_ends_within_two_seconds_of_its_terminal() {
    let reader = Reader::start(&["open", "london-talks"], 100, 30);
    reader.wait_for("Officials");
    assert_ends_when_the_terminal_goes(reader);
}

#[test]
fn a_reader_with_a_search_open_ends_with_its_terminal() {
    let mut reader = Reader::start(&[], 100, 30);
    reader.wait_for("Briefings");
    reader.send("/rare");
    reader.wait_for("hits");
    assert_ends_when_the_terminal_goes(reader);
}

#[test]
fn sigterm_after_the_terminal_is_gone_still_ends_it() {
    let mut reader = Reader::start(&[], 80, 24);
    reader.wait_for("Briefings");
    let pid = reader.pid();
    reader.close_master();
    // The reader may already be on its way out; the signal must not keep it.
    let _ = std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    let status = reader.wait_exit_within(Duration::from_secs(2));
    assert!(matches!(status, Some(129 | 143)), "status {status:?}");
}

/// Sends a signal and checks the reader ends within a second with `128 + n`, terminal restored.
fn assert_signal_ends_it(mut reader: Reader, signal: &str, status: u32) {
    let sent = Instant::now();
    let killed = std::process::Command::new("kill").args([&format!("-{signal}"), &reader.pid().to_string()]).status().unwrap();
    assert!(killed.success());
    let ended = reader.wait_exit_within(Duration::from_secs(2));
    let took = sent.elapsed().saturating_sub(Duration::from_millis(100));
    assert_eq!(ended, Some(status), "SIG{signal} ends with 128 + its number");
    assert!(took <= Duration::from_secs(1), "SIG{signal} took {took:?}");
    reader.assert_terminal_restored();
}

#[test]
fn sighup_sigterm_and_sigint_end_an_idle_reader_with_their_statuses() {
    for (signal, status) in [("HUP", 129), ("TERM", 143), ("INT", 130)] {
        let reader = Reader::start(&["open", "london-talks"], 80, 24);
        reader.wait_for("Officials");
        assert_signal_ends_it(reader, signal, status);
    }
}

#[test]
fn a_signal_ends_the_reader_while_its_loop_is_held_up() {
    // While an editor runs, the loop waits for it: the signal still ends the reader within a
    // second. (The editor, the user's own, is left to finish: it may hold unsaved work.)
    let dir = tempfile::tempdir().unwrap();
    let editor = dir.path().join("slow-editor");
    std::fs::write(&editor, "#!/bin/sh\nexec sleep 30\n").unwrap();
    std::process::Command::new("chmod").arg("+x").arg(&editor).status().unwrap();
    let mut reader = Reader::start_with_env(&["open", "london-talks"], 80, 24, &[("EDITOR", editor.to_str().unwrap())]);
    reader.wait_for("Officials");
    reader.send("e");
    reader.wait_until_gone("Officials");
    assert_signal_ends_it(reader, "TERM", 143);
    let _ = std::process::Command::new("pkill").args(["-f", editor.to_str().unwrap()]).status();
}

#[test]
fn a_long_paste_into_the_search_line_is_searched_once_and_the_reader_stays_responsive() {
    for bracketed in [false, true] {
        let mut reader = Reader::start(&[], 100, 30);
        reader.wait_for("Briefings");
        reader.send("/");
        reader.wait_for("esc closes");
        let text = "rare earth ".repeat(1000);
        if bracketed {
            reader.send(&format!("\x1b[200~{text}\x1b[201~"));
        } else {
            reader.send(&text);
        }
        // Typed ahead: the keys after the paste are answered as soon as the paste is in.
        reader.send("zz");
        reader.wait_for("earth zz");
        let sent = Instant::now();
        reader.send("\x1b");
        reader.wait_until_gone("Search ·");
        let took = sent.elapsed();
        eprintln!("bracketed {bracketed}: Esc answered {took:?} after a 11,000-character paste");
        reader.send("q");
        assert_eq!(reader.wait_exit(), 0);
        reader.assert_terminal_restored();
    }
}
