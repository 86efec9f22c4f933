//! Taking over the terminal and always giving it back: on quit, on error, on panic (the panic
//! message is printed after restoring), and while an editor runs.

use std::io::{self, BufWriter, Stdout, Write};

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::backend::Filling;

pub type Tui = Terminal<Filling<CrosstermBackend<BufWriter<Stdout>>>>;

/// Standard output buffered for a whole frame: the terminal then gets each frame in one
/// write, instead of in the kilobyte pieces standard output's own buffer sends, each of which
/// the terminal would show half-drawn.
fn frames() -> BufWriter<Stdout> {
    BufWriter::with_capacity(1 << 18, io::stdout())
}

/// Raw mode, the alternate screen and mouse reporting; a panic restores the terminal first.
pub fn init() -> io::Result<Tui> {
    install_panic_hook();
    enter()?;
    Terminal::new(Filling::on_terminal(CrosstermBackend::new(frames())))
}

fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste)
}

/// Gives the terminal back as it was. Safe to call more than once.
pub fn restore() {
    // Each step is attempted even if one fails: a half-restored terminal is worst of all.
    let mut out = io::stdout();
    let _ = execute!(out, DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen, crossterm::cursor::Show);
    let _ = disable_raw_mode();
    let _ = out.flush();
}

fn install_panic_hook() {
    let original = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        original(info);
    }));
}

/// Runs `f` with the terminal handed back (for an editor), then takes it over again.
pub fn suspended<T>(terminal: &mut Tui, f: impl FnOnce() -> T) -> io::Result<T> {
    restore();
    let result = f();
    enter()?;
    // A fresh terminal redraws everything on the next frame. `Terminal::clear` would first ask
    // the terminal where its cursor is, and not every terminal answers.
    execute!(io::stdout(), crossterm::terminal::Clear(crossterm::terminal::ClearType::All))?;
    *terminal = Terminal::new(Filling::on_terminal(CrosstermBackend::new(frames())))?;
    Ok(result)
}
