//! A soak: the reader driven through 100,000 random actions — keys, typed and pasted text,
//! clicks, the wheel, resizes — over the curated library while its files are edited, broken,
//! renamed, deleted and made again underneath it. Nothing panics, and memory stays flat.
//! Every input goes through the reader's own input path; effects that leave the process (the
//! editor, the browser, an export) are not run, but reloads are, as the loop runs them.

mod common;

use std::path::{Path, PathBuf};

use brief::action::Action;
use brief::config::{Config, KeyMap};
use brief::tui::{App, Effect};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

const STEPS: usize = 100_000;

/// A small deterministic generator (xorshift64*), so a failure can be run again.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Resident memory of this process, in bytes.
fn resident() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    statm.split_whitespace().nth(1).unwrap().parse::<usize>().unwrap() * 4096
}

fn briefing_files(dir: &Path) -> Vec<PathBuf> {
    brief::load::discover(&[dir.to_path_buf()]).0
}

/// Changes the library under the reader, as a person or a sync tool would, and lets the reader
/// take the change in the way its loop does.
fn mutate(app: &mut App, dir: &Path, rng: &mut Rng, step: usize) {
    let files = briefing_files(dir);
    let mut changed: Vec<PathBuf> = Vec::new();
    match (rng.below(5), files.is_empty()) {
        (_, true) | (0, _) => {
            let path = dir.join(format!("new-{step}.toml"));
            std::fs::write(&path, format!("title = \"Made at step {step}\"\ndate = 2025-01-01\nsummary = \"s\"\n")).unwrap();
            changed.push(path);
        }
        (1, false) => {
            let path = &files[rng.below(files.len())];
            let text = std::fs::read_to_string(path).unwrap_or_default();
            std::fs::write(path, text.replacen("title = \"", &format!("title = \"Step {step}: "), 1)).unwrap();
            changed.push(path.clone());
        }
        (2, false) => {
            let path = &files[rng.below(files.len())];
            std::fs::write(path, "title = \"broken\n").unwrap();
            changed.push(path.clone());
        }
        (3, false) => {
            let from = files[rng.below(files.len())].clone();
            let to = from.with_file_name(format!("renamed-{step}.toml"));
            std::fs::rename(&from, &to).unwrap();
            changed.extend([from, to]);
        }
        _ => {
            let path = files[rng.below(files.len())].clone();
            std::fs::remove_file(&path).unwrap();
            changed.push(path);
        }
    }
    if let Some(effect) = brief::tui::update(app, Action::FilesChanged(changed)) {
        reload(app, effect);
    }
}

/// Runs a reload effect as the loop does; other effects leave the process and are skipped.
fn reload(app: &mut App, effect: Effect) {
    if let Effect::Reload(paths) = effect
        && let Some((parsed, gone)) = app.live.reread(paths)
    {
        brief::tui::update(app, Action::Reloaded(parsed, gone));
    }
}

fn random_event(rng: &mut Rng, bound: &[Event], size: (u16, u16)) -> Event {
    let (w, h) = (u16::try_from(size.0 as usize + 2).unwrap(), size.1 + 2);
    let at = |rng: &mut Rng| ((rng.below(w as usize)) as u16, (rng.below(h as usize)) as u16);
    match rng.below(100) {
        0..70 => bound[rng.below(bound.len())].clone(),
        70..80 => {
            let c = char::from_u32(rng.below(0x3000) as u32).filter(|c| !c.is_control()).unwrap_or('x');
            Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
        }
        80..83 => Event::Key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
        83..86 => {
            let words = ["rare ", "earth ", "lutnick ", "kind:reaction ", "\"lancaster house\" ", "-tariff ", "何立峰 "];
            Event::Paste((0..rng.below(20)).map(|_| words[rng.below(words.len())]).collect())
        }
        86..92 => {
            let (x, y) = at(rng);
            Event::Mouse(MouseEvent { kind: MouseEventKind::Down(MouseButton::Left), column: x, row: y, modifiers: KeyModifiers::NONE })
        }
        92..98 => {
            let (x, y) = at(rng);
            let kind = if rng.below(2) == 0 { MouseEventKind::ScrollDown } else { MouseEventKind::ScrollUp };
            Event::Mouse(MouseEvent { kind, column: x, row: y, modifiers: KeyModifiers::NONE })
        }
        _ => Event::Resize(1 + rng.below(220) as u16, 1 + rng.below(70) as u16),
    }
}

#[test]
fn a_hundred_thousand_random_actions_over_a_changing_library() {
    let dir = tempfile::tempdir().unwrap();
    let copied = std::process::Command::new("cp").arg("-r").arg(common::root().join("briefings")).arg(dir.path()).status().unwrap();
    assert!(copied.success());
    let library = dir.path().join("briefings");
    let mut config = Config::default();
    // Exports, were one run, would go here rather than into the checkout.
    config.export.folder = dir.path().join("exports");
    let mut app = common::reader::app_on(&library, config, 120, 40);
    let keys = KeyMap::default();
    let bound: Vec<Event> =
        Action::BINDABLE.iter().flat_map(|a| keys.keys(a).map(|c| Event::Key(common::reader::key_event(*c))).collect::<Vec<_>>()).collect();
    let mut rng = Rng(0x5eed_b01d_face_cafe);
    let mut baseline = 0;
    for step in 0..STEPS {
        let event = random_event(&mut rng, &bound, app.size);
        for effect in common::reader::event(&mut app, &event) {
            reload(&mut app, effect);
        }
        app.quit = false;
        if step % 1000 == 999 {
            mutate(&mut app, &library, &mut rng, step);
        }
        if step % 20 == 0 {
            common::reader::screen(&app);
        }
        if step == STEPS / 5 {
            baseline = resident();
        }
    }
    let end = resident();
    eprintln!("resident memory after {} steps: {} KB; after {STEPS}: {} KB", STEPS / 5, baseline / 1024, end / 1024);
    assert!(end < baseline + 32 * 1024 * 1024, "memory grew from {} KB to {} KB", baseline / 1024, end / 1024);
}
