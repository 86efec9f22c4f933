//! The reader ends with its terminal. crossterm's event source retries reads on a hung-up
//! terminal forever (crossterm#793), so the loop may never get to look at a signal flag: two
//! threads of our own see to it that the process ends anyway.
//!
//! - A hang-up of the terminal (window closed, ssh dropped, `tmux kill-session`) ends the
//!   process at once with 129, restoring nothing: there is nothing left to restore.
//! - SIGHUP, SIGTERM and SIGINT ask the loop to stop (it looks every 100 ms); if it has not
//!   ended within [`GRACE`], the terminal is restored from here and the process ends with the
//!   conventional status, 128 plus the signal's number.

use std::io;
use std::os::fd::AsFd;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, poll};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::tui::terminal;

/// How long the loop has to end by itself after a signal; with its 100 ms wait, well within
/// the second a person or a supervisor allows.
const GRACE: Duration = Duration::from_millis(500);

/// The status for a hang-up of the terminal, as if SIGHUP had ended the process.
pub const HANGUP: i32 = 128 + SIGHUP;

/// Set once the reader should end: the exit status it should end with.
#[derive(Clone, Default)]
pub struct Lifeline(Arc<AtomicI32>);

impl Lifeline {
    /// Starts watching signals and the terminal on standard input.
    pub fn start() -> io::Result<Lifeline> {
        let lifeline = Lifeline::default();
        let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT])?;
        let flag = lifeline.clone();
        std::thread::Builder::new().name("signals".into()).spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let status = 128 + signal;
                flag.0.store(status, Ordering::SeqCst);
                std::thread::sleep(GRACE);
                terminal::restore();
                std::process::exit(status);
            }
        })?;
        std::thread::Builder::new().name("hangup".into()).spawn(wait_for_hangup)?;
        Ok(lifeline)
    }

    /// The status to exit with, once a signal has asked the reader to end.
    pub fn ended(&self) -> Option<i32> {
        Some(self.0.load(Ordering::SeqCst)).filter(|s| *s != 0)
    }
}

/// Blocks until the terminal behind standard input hangs up, then ends the process. Polling
/// for no event at all still reports a hang-up or an error, and uses no CPU until then.
fn wait_for_hangup() {
    let stdin = io::stdin();
    let fd = stdin.as_fd();
    let mut fds = [PollFd::new(&fd, PollFlags::empty())];
    loop {
        match poll(&mut fds, None) {
            Ok(_) if fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) => break,
            Ok(_) | Err(rustix::io::Errno::INTR) => continue,
            // Polling itself failed: nothing to watch with, and no reason to end the reader.
            Err(err) => {
                tracing::warn!("cannot watch the terminal for a hang-up: {err}");
                return;
            }
        }
    }
    tracing::info!("the terminal hung up; ending");
    std::process::exit(HANGUP);
}
