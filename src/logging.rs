//! Logging to a file, never to the terminal (the reader owns the screen).
//!
//! The log is `$XDG_STATE_HOME/brief/brief.log` (`~/.local/state/brief/brief.log`); the level
//! comes from `BRIEF_LOG` (`error`, `warn`, `info`, `debug`, `trace`; default `warn`).

use std::fs::OpenOptions;
use std::sync::Mutex;

use tracing::Level;

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
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let Ok(file) = OpenOptions::new().create(true).append(true).open(dir.join("brief.log")) else { return };
    let _ = tracing_subscriber::fmt().with_max_level(level).with_ansi(false).with_writer(Mutex::new(file)).try_init();
}
