//! What one keystroke costs the reader without a terminal: the action through `update`, then
//! a frame drawn into ratatui's `TestBackend`, over a library opened through the store. Prints
//! p50 and p95 per key, so the part of a keystroke's latency that is the reader's own can be
//! told from the terminal's.
//!
//! Usage: cargo bench --bench frame -- CORPUS_DIR [ROUNDS]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use brief::action::Action;
use brief::config::Config;
use brief::live::Live;
use brief::tui::{App, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench frame -- CORPUS_DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(200);
    let started = Instant::now();
    let live = Live::load_telling(&dir, true, &|_, _| {});
    println!("{} briefings opened in {:.2?}", live.len(), started.elapsed());
    let started = Instant::now();
    let watch = brief::watch::start(&dir);
    println!("watching the folder took {:.2?} ({})", started.elapsed(), if watch.is_ok() { "ok" } else { "failed" });
    let mut app = App::new(live, Config::default(), true);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    update(&mut app, Action::Resize(120, 40));
    let mut step = |name: &str, setup: &[Action], key: Action, back: Option<Action>| {
        for a in setup {
            update(&mut app, a.clone());
        }
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        let mut times = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let t = Instant::now();
            update(&mut app, key.clone());
            terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
            times.push(t.elapsed());
            if let Some(back) = &back {
                update(&mut app, back.clone());
            }
        }
        times.sort();
        println!(
            "{name:<24} p50 {:>10.2?} p95 {:>10.2?} max {:>10.2?}",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times[times.len() - 1]
        );
    };
    // As a reader goes: every key shows a briefing not read before, read from the store.
    step("library j, unread", &[], Action::Down, None);
    step("library k, back up", &[], Action::Up, None);
    // Each key is undone after it is timed, so every round draws a new frame: these two
    // briefings stay read, so the figures are drawing alone.
    step("library j", &[], Action::Down, Some(Action::Up));
    step("pane j", &[Action::Follow], Action::Down, Some(Action::Up));
    step("]", &[], Action::NextBriefing, Some(Action::PrevBriefing));
    step("] to a briefing unread", &[], Action::NextBriefing, None);
}
