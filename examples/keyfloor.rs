//! The floor under the reader's keystroke figures (bench/store.sh): the least a ratatui program
//! on crossterm can do for a key, a list of rows whose selection `j` moves, measured by
//! ptylat beside `less` and the reader in the same run. With `raw`, crossterm alone: a key read
//! and a few bytes written, no frame drawn. With `screen`, every `j` shows other rows on the whole
//! screen, as `]` does when it opens the next briefing: the least a new screen costs.

use std::io::Write;

use crossterm::event::{self, Event, KeyCode};
use ratatui::style::Style;
use ratatui::widgets::{List, ListState};

fn main() -> std::io::Result<()> {
    let mode = std::env::args().nth(1);
    let raw = mode.as_deref() == Some("raw");
    let screen = mode.as_deref() == Some("screen");
    // As ratatui::init, but the size asked once: its default viewport asks before every frame,
    // and crossterm opens `/dev/tty` anew for each answer, which is not part of a floor.
    let terminal = ratatui::init();
    let size = terminal.size()?;
    let mut terminal = ratatui::Terminal::with_options(
        ratatui::backend::CrosstermBackend::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout())),
        ratatui::TerminalOptions { viewport: ratatui::Viewport::Fixed(size.into()) },
    )?;
    let rows: Vec<String> = (0..300)
        .map(|i| format!("2025-06-{:02}  briefing {i:04} on rare earths and chips   3 officials  4 commitments", i % 30 + 1))
        .collect();
    let mut state = ListState::default().with_selected(Some(0));
    let mut keys = 0u32;
    loop {
        if raw {
            let mut out = std::io::stdout().lock();
            write!(out, "\x1b[1;1Hkeys {keys}")?;
            out.flush()?;
        } else {
            terminal.draw(|frame| {
                // A new screen starts its rows elsewhere in the list, so no row is left as it was.
                let first = if screen { keys as usize * 41 % 200 } else { 0 };
                let list = List::new(rows[first..].iter().map(String::as_str)).highlight_style(Style::new().reversed());
                frame.render_stateful_widget(list, frame.area(), &mut state);
            })?;
        }
        if let Event::Key(key) = event::read()? {
            match key.code {
                KeyCode::Char('q') => break,
                KeyCode::Char('j') => {
                    state.select_next();
                    keys += 1;
                }
                _ => {}
            }
        }
    }
    ratatui::restore();
    Ok(())
}
