//! Driving the reader's `App` without a terminal: key strings in, screens out.

use std::path::Path;

use brief::action::Action;
use brief::config::Config;
use brief::keys::KeyChord;
use brief::live::Live;
use brief::tui::{App, Effect, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::root;

/// The reader on a folder, at a size.
pub fn app_on(dir: &Path, config: Config, width: u16, height: u16) -> App {
    let mut app = App::new(Live::load(dir), config, true);
    update(&mut app, Action::Resize(width, height));
    app
}

/// The reader on the curated library, named relative to the repository root (where cargo runs
/// integration tests) so screens do not depend on where the checkout is.
pub fn app(width: u16, height: u16) -> App {
    assert_eq!(std::env::current_dir().unwrap(), root(), "tests run from the repository root");
    app_on(Path::new("briefings"), Config::default(), width, height)
}

/// Presses keys given as space-separated chords (`2 j enter ctrl-o`), through the key map,
/// returning the effects asked for.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for spec in keys.split_whitespace() {
        let chord = KeyChord::parse(spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
        if let Some(action) = app.config.keys.action(&chord) {
            effects.extend(update(app, action));
        }
    }
    effects
}

/// The screen as text, one line per row.
pub fn screen(app: &App) -> String {
    let (width, height) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| frame.render_widget(app, frame.area())).unwrap();
    let buffer = terminal.backend().buffer();
    (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect::<String>().trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Types text into the search line, one character at a time.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Input(c));
    }
}
