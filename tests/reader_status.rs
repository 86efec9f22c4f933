//! The status line: what it says after an edit, and that passing news goes while errors stay.

mod common;

use brief::action::Action;
use brief::config::Config;
use brief::tui::{App, Effect, update};
use common::reader::{app_on, press, run};

fn status(app: &App) -> Option<&str> {
    app.status.as_ref().map(|s| s.text.as_str())
}

/// The curated library copied to a folder of its own, the London briefing open.
fn london() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let name = "london-talks.toml";
    std::fs::copy(common::root().join("briefings").join(name), dir.path().join(name)).unwrap();
    let mut app = app_on(dir.path(), Config::default(), 100, 30);
    press(&mut app, "enter");
    assert_eq!(app.briefing().unwrap().id, "london-talks");
    (dir, app)
}

#[test]
fn an_editor_that_changed_nothing_is_said_so() {
    let (dir, mut app) = london();
    let effects = press(&mut app, "e");
    let [Effect::Edit { path, .. }] = &effects[..] else { panic!("e asks for the editor: {effects:?}") };
    // The editor quits without saving: the loop reports the file as possibly changed.
    let effect = update(&mut app, Action::FilesChanged(vec![path.clone()]));
    run(&mut app, effect.into_iter().collect());
    assert_eq!(status(&app), Some("No changes to london-talks.toml"));

    let file = dir.path().join("london-talks.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("US–China talks in London", "Edited: talks in London")).unwrap();
    let effect = update(&mut app, Action::FilesChanged(vec![path.clone()]));
    run(&mut app, effect.into_iter().collect());
    assert_eq!(status(&app), Some("Reloaded london-talks.toml"));
    assert!(app.briefing().unwrap().title.starts_with("Edited: talks in London"));
}

#[test]
fn news_goes_after_a_few_seconds_and_errors_stay_until_a_key() {
    let (_dir, mut app) = london();
    update(&mut app, Action::Report("Exported to exports/london-talks.md".into(), false));
    for _ in 0..brief::tui::app::NEWS_SECONDS - 1 {
        update(&mut app, Action::Tick);
    }
    assert_eq!(status(&app), Some("Exported to exports/london-talks.md"), "still there just before");
    update(&mut app, Action::Tick);
    assert_eq!(status(&app), None, "gone once its seconds are up");

    update(&mut app, Action::Report("Could not export: disk full".into(), true));
    for _ in 0..3 * brief::tui::app::NEWS_SECONDS {
        update(&mut app, Action::Tick);
    }
    assert_eq!(status(&app), Some("Could not export: disk full"), "an error waits to be read");
    press(&mut app, "j");
    assert_eq!(status(&app), None, "a key puts it away");
}

/// With nothing to report, the status line shows the main keys of the place with the focus, as
/// the key map binds them.
#[test]
fn the_status_line_shows_the_keys_of_the_focused_place() {
    let last = |app: &App| common::reader::screen(app).lines().last().unwrap().to_string();
    let mut app = common::reader::app(160, 48);
    assert!(last(&app).starts_with("enter open · / search · tab preview"), "{}", last(&app));
    press(&mut app, "tab");
    assert!(last(&app).starts_with("j read on · enter open · h list"), "{}", last(&app));
    press(&mut app, "h G enter 2");
    assert!(last(&app).starts_with("enter detail · s summary · z zoom · y copy"), "{}", last(&app));
    press(&mut app, "0");
    assert!(last(&app).starts_with("enter follow · p passage · y copy · esc list"), "{}", last(&app));
    press(&mut app, "s");
    assert!(last(&app).starts_with("j read on · enter open related · esc panes"), "{}", last(&app));
    assert!(last(&app).contains("? keys · q quit"), "{}", last(&app));
    // A key map of one's own is what the hints say.
    let config = brief::config::parse(std::path::Path::new("config.toml"), b"[keys]\nfollow = [\"o\"]\nopen_url = [\"ctrl-o\"]\n").unwrap();
    let mut app = common::reader::app_on(std::path::Path::new("briefings"), config, 160, 48);
    assert!(last(&app).starts_with("o open"), "{}", last(&app));
    press(&mut app, "j");
    assert!(last(&app).starts_with("o open"), "{}", last(&app));
}
