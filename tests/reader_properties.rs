//! Random key sequences, clicks and resizes at random sizes from 1x1 to 300x100 never panic the
//! reader, in `update` or in drawing.

mod common;

use brief::action::Action;
use brief::tui::{Effect, update};
use proptest::prelude::*;

fn step(width: u16, height: u16) -> impl Strategy<Value = Action> {
    let keyed = prop::sample::select(Action::BINDABLE.to_vec());
    prop_oneof![
        6 => keyed,
        1 => (0..width + 2, 0..height + 2).prop_map(|(x, y)| Action::Click(x, y)),
        1 => (0..width + 2, 0..height + 2).prop_map(|(x, y)| Action::ScrollDown(x, y)),
        1 => (0..width + 2, 0..height + 2).prop_map(|(x, y)| Action::ScrollUp(x, y)),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

fn case() -> impl Strategy<Value = (u16, u16, Vec<Action>)> {
    (1u16..=300, 1u16..=100).prop_flat_map(|(w, h)| (Just(w), Just(h), prop::collection::vec(step(w, h), 1..40)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_at_random_sizes_never_panic((width, height, actions) in case()) {
        let mut app = common::reader::app(width, height);
        for action in actions {
            if let Some(Effect::Reload(paths)) = update(&mut app, action) {
                let parsed = paths.iter().map(|p| brief::load::read_file(p)).collect();
                update(&mut app, Action::Reloaded(parsed, Vec::new()));
            }
            // Quitting only sets a flag; keep going to exercise more states.
            app.quit = false;
            common::reader::screen(&app);
        }
    }
}
