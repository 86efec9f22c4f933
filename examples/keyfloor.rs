//! The floor under the reader's keystroke figures (bench/store.sh): the least a ratatui program
//! on crossterm can do for a key, a list of rows whose selection `j` moves, measured by
//! ptylat beside `less` and the reader in the same run. With `raw`, crossterm alone: a key read
//! and a few bytes written, no frame drawn.

use std::io::Write;

use crossterm::event::{self, Event, KeyCode};
use ratatui::style::Style;
use ratatui::widgets::{List, ListState};

fn main() -> std::io::Result<()> {
    let raw = std::env::args().nth(1).as_deref() == Some("raw");
    let mut terminal = ratatui::init();
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
                let list = List::new(rows.iter().map(String::as_str)).highlight_style(Style::new().reversed());
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
