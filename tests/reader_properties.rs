//! Random key sequences, typed text, clicks and resizes at random sizes from 1x1 to 300x100
//! never panic the reader, in `update` or in drawing. Every step is a terminal event sent
//! through the reader's own input path, so the search line gets typed text as it would.

mod common;

use brief::action::Action;
use brief::config::KeyMap;
use brief::tui::Effect;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use proptest::prelude::*;

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE })
}

fn step(width: u16, height: u16) -> impl Strategy<Value = Event> {
    let keys = KeyMap::default();
    let bound: Vec<Event> =
        Action::BINDABLE.iter().flat_map(|a| keys.keys(a).map(|c| Event::Key(common::reader::key_event(*c))).collect::<Vec<_>>()).collect();
    let at = move || (0..width + 2, 0..height + 2);
    prop_oneof![
        6 => prop::sample::select(bound),
        2 => any::<char>().prop_map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
        1 => Just(Event::Key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE))),
        1 => at().prop_map(|(x, y)| mouse(MouseEventKind::Down(MouseButton::Left), x, y)),
        1 => at().prop_map(|(x, y)| mouse(MouseEventKind::ScrollDown, x, y)),
        1 => at().prop_map(|(x, y)| mouse(MouseEventKind::ScrollUp, x, y)),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

fn case() -> impl Strategy<Value = (u16, u16, Vec<Event>)> {
    (1u16..=300, 1u16..=100).prop_flat_map(|(w, h)| (Just(w), Just(h), prop::collection::vec(step(w, h), 1..40)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_events_at_random_sizes_never_panic((width, height, events) in case()) {
        let mut app = common::reader::app(width, height);
        for event in events {
            for effect in common::reader::event(&mut app, &event) {
                if let Effect::Reload(paths) = effect {
                    let parsed = paths.iter().map(|p| brief::load::read_file(p)).collect();
                    brief::tui::update(&mut app, Action::Reloaded(parsed, Vec::new()));
                }
            }
            // Quitting only sets a flag; keep going to exercise more states.
            app.quit = false;
            common::reader::screen(&app);
        }
    }
}
