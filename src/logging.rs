//! Logging to a file, never to the terminal (the reader owns the screen).
//!
//! The log is `$XDG_STATE_HOME/brief/brief.log` (`~/.local/state/brief/brief.log`); the level
//! comes from `BRIEF_LOG` (`error`, `warn`, `info`, `debug`, `trace`; default `warn`). The file
//! (and its folder) is made by the first line logged, so a run with nothing to say leaves none.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Mutex;

use tracing::Level;
use tracing_subscriber::fmt::MakeWriter;

/// Starts logging; without a writable log file the program runs on unlogged.
pub fn init() {
    let level = match std::env::var("BRIEF_LOG").unwrap_or_default().to_ascii_lowercase().as_str() {
        "error" => Level::ERROR,
        "info" => Level::INFO,
        "debug" => Level::DEBUG,
        "trace" => Level::TRACE,
        _ => Level::WARN,
    };
    use etcetera::BaseStrategy;
    let Ok(strategy) = etcetera::choose_base_strategy() else { return };
    let dir = strategy.state_dir().unwrap_or_else(|| strategy.cache_dir()).join("brief");
    let log = Log { path: dir.join("brief.log"), file: Mutex::new(Opened::NotYet) };
    let _ = tracing_subscriber::fmt().with_max_level(level).with_ansi(false).with_writer(log).try_init();
}

/// The log file, opened when first written to.
struct Log {
    path: PathBuf,
    file: Mutex<Opened>,
}

#[derive(Default)]
enum Opened {
    #[default]
    NotYet,
    Open(File),
    /// It could not be made: the program runs on unlogged, as it did before it had a log.
    Failed,
}

impl Log {
    /// Writes a line, or drops it when there is no log to write to: an error here would be
    /// written to stderr by the subscriber, over the reader's screen.
    fn write_line(&self, buf: &[u8]) -> io::Result<usize> {
        let mut file = self.file.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if matches!(*file, Opened::NotYet) {
            let made = self.path.parent().map_or(Ok(()), std::fs::create_dir_all);
            *file = match made.and_then(|()| OpenOptions::new().create(true).append(true).open(&self.path)) {
                Ok(f) => Opened::Open(f),
                Err(_) => Opened::Failed,
            };
        }
        if let Opened::Open(f) = &mut *file {
            let _ = f.write_all(buf);
        }
        Ok(buf.len())
    }
}

/// One line being logged.
pub struct Line<'a>(&'a Log);

impl Write for Line<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write_line(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Log {
    type Writer = Line<'a>;

    fn make_writer(&'a self) -> Line<'a> {
        Line(self)
    }
}
