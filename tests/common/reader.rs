//! Driving the reader's `App` without a terminal: key strings in, screens out.

use std::path::Path;

use brief::action::Action;
use brief::config::Config;
use brief::keys::{Key, KeyChord};
use brief::live::Live;
use brief::tui::{App, Effect, update};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
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

/// Presses keys given as space-separated chords (`2 j enter ctrl-o`), each as the terminal
/// event it would be, through the reader's own input path: while the search line is being
/// edited, plain characters are text there too. Returns the effects asked for.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for spec in keys.split_whitespace() {
        let chord = KeyChord::parse(spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
        effects.extend(event(app, &Event::Key(key_event(chord))));
    }
    effects
}

/// Sends one terminal event through the reader's input path. A search it asks for is run at
/// once, as the loop's search thread would, and its hits taken through `update`.
pub fn event(app: &mut App, event: &Event) -> Vec<Effect> {
    let typing = brief::tui::search::typing(app);
    match brief::tui::input::action(event, &app.config.keys, typing) {
        Some(action) => {
            let effect = update(app, action);
            searched(app, effect).into_iter().collect()
        }
        None => Vec::new(),
    }
}

/// Runs a search effect as the search thread does, feeding its hits back; other effects are
/// returned.
pub fn searched(app: &mut App, mut effect: Option<Effect>) -> Option<Effect> {
    while let Some(Effect::Search { number, input }) = effect {
        let searcher = app.live.searcher();
        let store = brief::store::Store::reader(&searcher.location).expect("a second connection to the store");
        let found = brief::tui::jobs::search(&store, &searcher, number, &input, &|| false).expect("a search of a valid query");
        effect = update(app, found);
    }
    effect
}

/// The key event a terminal sends for a chord; an upper-case letter comes with Shift, as
/// terminals send it.
pub fn key_event(chord: KeyChord) -> KeyEvent {
    let code = match chord.key {
        Key::Char(c) => KeyCode::Char(c),
        Key::Enter => KeyCode::Enter,
        Key::Esc => KeyCode::Esc,
        Key::Tab => KeyCode::Tab,
        Key::BackTab => KeyCode::BackTab,
        Key::Backspace => KeyCode::Backspace,
        Key::Delete => KeyCode::Delete,
        Key::Insert => KeyCode::Insert,
        Key::Home => KeyCode::Home,
        Key::End => KeyCode::End,
        Key::PageUp => KeyCode::PageUp,
        Key::PageDown => KeyCode::PageDown,
        Key::Up => KeyCode::Up,
        Key::Down => KeyCode::Down,
        Key::Left => KeyCode::Left,
        Key::Right => KeyCode::Right,
        Key::F(n) => KeyCode::F(n),
    };
    let mut modifiers = KeyModifiers::NONE;
    let upper = matches!(chord.key, Key::Char(c) if c.is_uppercase());
    modifiers.set(KeyModifiers::SHIFT, chord.shift || upper || chord.key == Key::BackTab);
    modifiers.set(KeyModifiers::CONTROL, chord.ctrl);
    modifiers.set(KeyModifiers::ALT, chord.alt);
    KeyEvent::new(code, modifiers)
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

/// Types text as a person would, one key event per character, through the input path.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let modifiers = if c.is_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE };
        event(app, &Event::Key(KeyEvent::new(KeyCode::Char(c), modifiers)));
    }
}

/// Runs the effects that only read — a saved copy for the passage view, a check against the
/// saved copies, files read again — as the loop does (the check here on this thread), feeding
/// each answer back through `update`. Returns the other effects, unrun.
pub fn run(app: &mut App, effects: Vec<Effect>) -> Vec<Effect> {
    let mut pending = effects;
    let mut rest = Vec::new();
    while let Some(effect) = pending.pop() {
        let answer = match effect {
            Effect::ReadPassage(request) => brief::tui::jobs::read_passage(*request),
            Effect::Reload(paths) => match app.live.reread(paths) {
                Some((parsed, gone)) => Action::Reloaded(parsed, gone),
                None => continue,
            },
            Effect::Check { briefing, folder, request } => {
                let b = app.live.get(&briefing).expect("a check of a loaded briefing").clone();
                brief::tui::jobs::check(&b, &folder, request)
            }
            Effect::Search { .. } => {
                pending.extend(searched(app, Some(effect)));
                continue;
            }
            other => {
                rest.push(other);
                continue;
            }
        };
        pending.extend(update(app, answer));
    }
    rest
}

/// Presses keys and runs the reading effects they ask for (see [`run`]).
pub fn press_run(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut rest = Vec::new();
    for key in keys.split_whitespace() {
        let effects = press(app, key);
        rest.extend(run(app, effects));
    }
    rest
}
