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
    let log = Log { path: dir.join("brief.log"), file: Mutex::new(None) };
    let _ = tracing_subscriber::fmt().with_max_level(level).with_ansi(false).with_writer(log).try_init();
}

/// The log file, opened when first written to.
struct Log {
    path: PathBuf,
    file: Mutex<Option<File>>,
}

impl Log {
    fn write_line(&self, buf: &[u8]) -> io::Result<usize> {
        let mut file = self.file.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if file.is_none() {
            if let Some(dir) = self.path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            *file = Some(OpenOptions::new().create(true).append(true).open(&self.path)?);
        }
        match file.as_mut() {
            Some(f) => f.write(buf),
            None => Ok(buf.len()),
        }
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
