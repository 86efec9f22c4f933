//! The real binary in a pseudo-terminal, read back through a terminal emulator (vt100): what a
//! person would see. The master side can be closed, as a terminal window or ssh connection
//! goes away.

use std::io::{ErrorKind, Read, Write};
use std::os::fd::BorrowedFd;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::{DEADLINE, root};

/// A running program in a pseudo-terminal and the screen it has drawn so far.
pub struct Reader {
    pub child: Box<dyn Child + Send + Sync>,
    pub screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, as written.
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Option<Box<dyn Write + Send>>,
    master: Option<Box<dyn MasterPty + Send>>,
    closing: Arc<AtomicBool>,
    output: Option<JoinHandle<()>>,
}

impl Reader {
    /// `brief` with these arguments, from the repository root.
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Reader {
        Reader::start_with_env(args, cols, rows, &[])
    }

    pub fn start_with_env(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Reader {
        Reader::spawn(env!("CARGO_BIN_EXE_brief"), args, &root(), cols, rows, env)
    }

    /// `brief` run from another folder, as a user would from wherever they are.
    pub fn start_in(dir: &Path, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Reader {
        Reader::spawn(env!("CARGO_BIN_EXE_brief"), args, dir, cols, rows, env)
    }

    pub fn start_program(program: &str, args: &[&str], cols: u16, rows: u16) -> Reader {
        Reader::spawn(program, args, &root(), cols, rows, &[])
    }

    fn spawn(program: &str, args: &[&str], cwd: &Path, cols: u16, rows: u16, env: &[(&str, &str)]) -> Reader {
        let pty = native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        // A test that gives its own in `env` wins, being set after.
        for (key, value) in super::isolation() {
            cmd.env(key, value);
        }
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("the program starts");
        drop(pty.slave);
        // Non-blocking reads, so the reading thread can let go of its copy of the master when a
        // test closes the terminal: a thread blocked in read() would keep it open.
        let fd = pty.master.as_raw_fd().expect("a master file descriptor");
        // SAFETY: the master is open for the whole call.
        let borrowed = unsafe { BorrowedFd::borrow_raw(fd) };
        rustix::io::ioctl_fionbio(borrowed, true).expect("a non-blocking master");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let closing = Arc::new(AtomicBool::new(false));
        let mut output = pty.master.try_clone_reader().unwrap();
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (parser, stop, record) = (Arc::clone(&screen), Arc::clone(&closing), Arc::clone(&raw));
        let output = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while !stop.load(Ordering::SeqCst) {
                match output.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        parser.lock().unwrap().process(&buf[..n]);
                        record.lock().unwrap().extend_from_slice(&buf[..n]);
                    }
                    Err(e) if e.kind() == ErrorKind::WouldBlock => std::thread::sleep(Duration::from_millis(5)),
                    Err(e) if e.kind() == ErrorKind::Interrupted => {}
                    Err(_) => break,
                }
            }
        });
        let writer = pty.master.take_writer().unwrap();
        Reader { child, screen, raw, writer: Some(writer), master: Some(pty.master), closing, output: Some(output) }
    }

    pub fn text(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Every byte written so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a process id")
    }

    /// Waits until the screen shows `needle`; fails with the screen after the deadline.
    pub fn wait_for(&self, needle: &str) {
        let deadline = Instant::now() + DEADLINE;
        while Instant::now() < deadline {
            if self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen never showed “{needle}”:\n{}", self.text());
    }

    /// Waits until the screen no longer shows `needle`.
    pub fn wait_until_gone(&self, needle: &str) {
        let deadline = Instant::now() + DEADLINE;
        while Instant::now() < deadline {
            if !self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen kept showing “{needle}”:\n{}", self.text());
    }

    /// Types `bytes`. The master is non-blocking, so a long text that fills the terminal's
    /// input buffer is written as the program reads it.
    pub fn send(&mut self, bytes: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        let mut rest = bytes.as_bytes();
        let deadline = Instant::now() + DEADLINE;
        while !rest.is_empty() {
            match writer.write(rest) {
                Ok(n) => rest = &rest[n..],
                Err(e) if e.kind() == ErrorKind::WouldBlock && Instant::now() < deadline => std::thread::sleep(Duration::from_millis(2)),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => panic!("typing into the terminal: {e}"),
            }
        }
        let _ = writer.flush();
    }

    /// Closes every copy of the master side: to the program, its terminal has gone away.
    pub fn close_master(&mut self) {
        self.closing.store(true, Ordering::SeqCst);
        if let Some(output) = self.output.take() {
            output.join().unwrap();
        }
        self.writer = None;
        self.master = None;
    }

    /// Waits for the process to end and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        self.wait_exit_within(DEADLINE).unwrap_or_else(|| panic!("the program did not exit:\n{}", self.text()))
    }

    /// The exit code, if the process ends within `limit`.
    pub fn wait_exit_within(&mut self, limit: Duration) -> Option<u32> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reading thread take in the last bytes written before the exit.
                std::thread::sleep(Duration::from_millis(100));
                return Some(status.exit_code());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }

    /// The terminal is as the program found it: main screen, no mouse reporting, cursor shown.
    pub fn assert_terminal_restored(&self) {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse reporting left on");
        assert!(!screen.hide_cursor(), "cursor left hidden");
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        let _ = self.child.kill();
        self.closing.store(true, Ordering::SeqCst);
    }
}

/// CPU time a process has used so far, from `/proc`; readable until it is reaped.
pub fn cpu_time(pid: u32) -> Option<(Duration, char)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which may itself hold spaces: state, then utime and stime
    // as the 12th and 13th.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let state = fields.first()?.chars().next()?;
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // The kernel reports in USER_HZ, 100 on Linux.
    Some((Duration::from_millis(ticks * 10), state))
}
