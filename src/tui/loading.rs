//! Opening the library behind a screen that answers: the store is brought up to date on a
//! thread of its own while the reader shows how far it has got (a first build reads every
//! file) and still takes the quit key and signals. A store that is already up to date opens
//! before the first frame would be worth drawing, and nothing flashes.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crossterm::event;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Gauge, Paragraph};

use super::Exit;
use super::lifeline::Lifeline;
use super::terminal::Tui;
use crate::action::Action;
use crate::config::Config;
use crate::live::Live;

/// How long an up-to-date store may take before the loading screen is drawn.
const QUIET: Duration = Duration::from_millis(150);

/// The library of `dir`, or how the reader ended while it loaded.
pub(crate) fn load(
    terminal: &mut Tui,
    config: &Config,
    dir: &Path,
    cached: bool,
    lifeline: &Lifeline,
) -> std::io::Result<Result<Live, Exit>> {
    let progress = Arc::new((AtomicUsize::new(0), AtomicUsize::new(0)));
    let (tx, rx) = std::sync::mpsc::channel();
    let (told, root) = (progress.clone(), dir.to_path_buf());
    std::thread::Builder::new().name("load".into()).spawn(move || {
        let live = Live::load_telling(&root, cached, &|done, total| {
            told.1.store(total, Ordering::Relaxed);
            told.0.fetch_max(done, Ordering::Relaxed);
        });
        let _ = tx.send(live);
    })?;
    let mut wait = QUIET;
    loop {
        match rx.recv_timeout(wait) {
            Ok(live) => return Ok(Ok(live)),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Err(std::io::Error::other("loading the library failed")),
        }
        wait = Duration::from_millis(50);
        let (done, total) = (progress.0.load(Ordering::Relaxed), progress.1.load(Ordering::Relaxed));
        terminal.draw(|frame| {
            let [title, gauge, hint] =
                Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Length(1)]).areas(frame.area());
            let text = format!("Loading the briefings in {}…", crate::text::path(dir));
            frame.render_widget(Paragraph::new(text), title);
            if total > 0 {
                let ratio = (done as f64 / total as f64).clamp(0.0, 1.0);
                let label = format!("{done} of {total} files read");
                let style = Style::default().add_modifier(Modifier::REVERSED);
                frame.render_widget(Gauge::default().ratio(ratio).label(label).gauge_style(style), gauge);
            }
            let quit = config.keys.keys(&Action::Quit).next().map_or_else(|| "ctrl-c".to_string(), |k| k.to_string());
            frame.render_widget(Paragraph::new(format!("{quit} quits")), hint);
        })?;
        if let Some(status) = lifeline.ended() {
            return Ok(Err(Exit::Signal(status)));
        }
        while event::poll(Duration::ZERO)? {
            let quits = matches!(super::input::action(&event::read()?, &config.keys, false), Some(Action::Quit));
            if quits {
                return Ok(Err(Exit::Quit));
            }
        }
    }
}
