//! The reader: a terminal front end over the library. State lives in [`App`] and changes only
//! in [`update`]; drawing borrows it; effects come back as values that the loop runs.

pub mod app;
pub mod backend;
pub mod board;
pub mod detail;
pub mod draw;
pub mod history;
pub mod input;
pub mod jobs;
pub mod layout;
pub mod lifeline;
pub mod line;
pub mod loading;
pub mod marks;
pub mod motion;
pub mod outside;
pub mod panes;
pub mod passage;
pub mod pointer;
pub mod reload;
pub mod rows;
pub mod search;
pub mod style;
pub mod summary;
pub mod terminal;
pub mod update;
pub mod weak;

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use crossterm::event;

pub use app::App;
pub use update::{Effect, update};

use crate::action::Action;
use crate::config::Config;
use crate::watch;
use lifeline::Lifeline;
use terminal::Tui;

/// How the reader ended.
pub(crate) enum Exit {
    Quit,
    /// SIGTERM, SIGHUP or SIGINT arrived: the status to end with.
    Signal(i32),
}

/// Opens the reader on the library in `dir`, at briefing `open` if given; through the store in
/// the cache folder when `cached`, from the files alone when not.
pub fn run(config: Config, dir: &Path, open: Option<&str>, cached: bool) -> ExitCode {
    if !(io::stdin().is_terminal() && io::stdout().is_terminal()) {
        crate::output::note("the reader needs a terminal on standard input and output; in scripts use `brief list` or `brief check`");
        return ExitCode::from(2);
    }
    let lifeline = match Lifeline::start() {
        Ok(lifeline) => lifeline,
        Err(err) => {
            crate::output::note(&format!("cannot watch for signals: {err}"));
            return ExitCode::from(1);
        }
    };
    // The terminal first, so a large library shows it is loading instead of a blank screen,
    // and keys typed meanwhile wait for the reader instead of echoing.
    let mut terminal = match terminal::init() {
        Ok(terminal) => terminal,
        Err(err) => {
            terminal::restore();
            crate::output::note(&format!("cannot set up the terminal: {err}"));
            return ExitCode::from(1);
        }
    };
    let live = match loading::load(&mut terminal, &config, dir, cached, &lifeline) {
        Ok(Ok(live)) => live,
        Ok(Err(exit)) => {
            terminal::restore();
            return exit_code(Ok(exit));
        }
        Err(err) => {
            terminal::restore();
            return exit_code(Err(err));
        }
    };
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut app = App::new(live, config, color);
    let history = crate::state::search_history();
    app.searched = history.as_deref().map(crate::state::read_history).unwrap_or_default();
    // Read marks are a convenience: a reader without them still reads (the log says why).
    match crate::seen::Seen::open_default() {
        Ok(seen) => app.marks = marks::Marks::open(seen),
        Err(why) => tracing::warn!("read marks are off: {why}"),
    }
    if let Some(id) = open
        && !app.open(id)
    {
        terminal::restore();
        let known: Vec<&str> = app.live.rows().iter().map(|r| r.id.as_str()).collect();
        crate::output::note(&format!(
            "no briefing `{}` in {}; known: {}",
            crate::text::visible(id, false),
            crate::text::path(dir),
            crate::text::list_words(known, 10)
        ));
        return ExitCode::from(2);
    }
    // The watch is set up on a thread of its own once the library is on screen: registering a
    // large folder takes a while, and the first frame need not wait for it.
    let watching = {
        let dir = dir.to_path_buf();
        std::thread::spawn(move || watch::start(&dir))
    };
    let result = event_loop(&mut terminal, &mut app, watching, dir, &lifeline);
    terminal::restore();
    exit_code(result)
}

fn exit_code(result: io::Result<Exit>) -> ExitCode {
    match result {
        Ok(Exit::Quit) => ExitCode::SUCCESS,
        Ok(Exit::Signal(status)) => ExitCode::from(u8::try_from(status).unwrap_or(1)),
        Err(err) => {
            crate::output::note(&err.to_string());
            ExitCode::from(1)
        }
    }
}

/// Watches the folder, saying in the status line what cannot be watched.
fn start_watch(app: &mut App, dir: &Path) -> Option<watch::Watch> {
    watching_status(app, watch::start(dir))
}

/// The watch, if it started, with what it cannot watch said in the status line.
fn watching_status(app: &mut App, started: notify::Result<watch::Watch>) -> Option<watch::Watch> {
    match started {
        Ok(watch) => {
            if watch.skipped > 0 {
                let folders = if watch.skipped == 1 { "1 folder".to_string() } else { format!("{} folders", watch.skipped) };
                app.set_status(format!("Live reload skips {folders} it may not read"), true);
            }
            Some(watch)
        }
        Err(err) => {
            let why = crate::text::visible(&err.to_string(), false);
            app.set_status(format!("Live reload is off: {why}"), true);
            None
        }
    }
}

fn event_loop(
    terminal: &mut Tui,
    app: &mut App,
    watching: std::thread::JoinHandle<notify::Result<watch::Watch>>,
    dir: &Path,
    lifeline: &Lifeline,
) -> io::Result<Exit> {
    let mut watching = Some(watching);
    let mut watch = None;
    let jobs = jobs::Jobs::default();
    // Saved copies change too (a curator saves a fresh one): what was checked against them is
    // checked again. Without the watch, nothing but live updates of copies is lost.
    let copies = app.config.archive.as_deref().and_then(|folder| watch::start_copies(folder).ok());
    let dispatch = |terminal: &mut Tui, app: &mut App, action: Action| dispatch(terminal, app, &jobs, action);
    let size = terminal.size()?;
    dispatch(terminal, app, Action::Resize(size.width, size.height))?;
    let mut dirty = true;
    let (mut looked, mut folder) = (std::time::Instant::now(), watch::identity(dir));
    loop {
        // Once the watch is up, the store is brought up to date once more: a file saved between
        // the library's opening and the watch's start is not missed.
        if watching.as_ref().is_some_and(|w| w.is_finished())
            && let Some(started) = watching.take()
        {
            let started = started.join().unwrap_or_else(|_| Err(notify::Error::generic("the watch could not be set up")));
            watch = watching_status(app, started);
            dispatch(terminal, app, Action::Reloaded(Vec::new(), Vec::new()))?;
            dirty = true;
        }
        // A folder deleted and made again, or a link pointed elsewhere, is another folder: its
        // old watch sees nothing, so it is watched anew and read again whole. A stat a second
        // is all it costs.
        if looked.elapsed() >= Duration::from_secs(1) {
            looked = std::time::Instant::now();
            let said = app.status.is_some();
            dispatch(terminal, app, Action::Tick)?;
            dirty |= said && app.status.is_none();
            let now = watch::identity(dir);
            if now != folder && now.is_some() {
                folder = now;
                watch = start_watch(app, dir);
                dispatch(terminal, app, Action::FilesChanged(vec![dir.to_path_buf()]))?;
                dirty = true;
            }
        }
        if dirty {
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
            dirty = false;
        }
        if app.quit {
            return Ok(Exit::Quit);
        }
        if let Some(status) = lifeline.ended() {
            return Ok(Exit::Signal(status));
        }
        // A short wait keeps signals and file changes prompt; keys wake it at once. While work
        // runs off the loop, its answer is looked for every few milliseconds.
        let wait = if jobs.running(app) { Duration::from_millis(4) } else { Duration::from_millis(25) };
        if event::poll(wait)? {
            for action in pending_actions(app)? {
                dispatch(terminal, app, action)?;
            }
            dirty = true;
        }
        if let Some(paths) = watch.as_ref().map(changed_paths).filter(|p| !p.is_empty()) {
            dispatch(terminal, app, Action::FilesChanged(paths))?;
            dirty = true;
        }
        if let Some(paths) = copies.as_ref().map(changed_paths).filter(|p| !p.is_empty()) {
            dispatch(terminal, app, Action::CopiesChanged(paths))?;
            dirty = true;
        }
        for answer in jobs.finished() {
            dispatch(terminal, app, answer)?;
            dirty = true;
        }
    }
}

/// Events that wait to be read, as actions. Characters typed ahead into the search line (a
/// paste without bracketed paste arrives as a key each) become one piece of text, searched
/// once instead of once per key. Any other action ends the batch, since it may change whether
/// keys are text; at most a few thousand events are taken at once, so a flood still lets the
/// screen and signals through.
fn pending_actions(app: &App) -> io::Result<Vec<Action>> {
    let typing = search::typing(app);
    let mut actions: Vec<Action> = Vec::new();
    for _ in 0..4096 {
        if let Some(action) = input::action(&event::read()?, &app.config.keys, typing) {
            let typed = match &action {
                Action::Input(c) => Some(c.to_string()),
                Action::Paste(text) => Some(text.clone()),
                _ => None,
            };
            match (actions.last_mut(), typed) {
                (Some(Action::Paste(text)), Some(more)) => text.push_str(&more),
                (_, Some(more)) => actions.push(Action::Paste(more)),
                (_, None) => {
                    actions.push(action);
                    break;
                }
            }
        }
        // Not a zero wait: crossterm's poll then skips the events it has already parsed.
        if !event::poll(Duration::from_micros(1))? {
            break;
        }
    }
    Ok(actions)
}

/// Collects a burst of file events (an editor's save is several) into one set of paths.
fn changed_paths(watch: &watch::Watch) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = watch.changes.try_iter().collect();
    if !paths.is_empty() {
        std::thread::sleep(Duration::from_millis(15));
        paths.extend(watch.changes.try_iter());
    }
    paths.sort();
    paths.dedup();
    paths
}

/// Feeds an action to `update`, running the effects it returns until none is left.
fn dispatch(terminal: &mut Tui, app: &mut App, jobs: &jobs::Jobs, action: Action) -> io::Result<()> {
    let mut next = Some(action);
    while let Some(action) = next.take() {
        if let Some(effect) = update(app, action) {
            next = run_effect(terminal, app, jobs, effect)?;
        }
    }
    Ok(())
}

fn run_effect(terminal: &mut Tui, app: &mut App, jobs: &jobs::Jobs, effect: Effect) -> io::Result<Option<Action>> {
    Ok(Some(match effect {
        Effect::ReadPassage(request) => jobs::read_passage(*request),
        Effect::Check { briefing, folder, request } => {
            if let Some(b) = app.live.get(&briefing) {
                jobs.check(b.clone(), folder, request);
            }
            return Ok(None);
        }
        Effect::Export { briefing, query } => export(app, briefing, query),
        Effect::Search { number, input } => {
            jobs.search(number, input, app.live.searcher());
            return Ok(None);
        }
        Effect::OpenUrl(url) => {
            // Off the loop: a launcher is watched a moment to learn whether it failed.
            let browser = std::env::var("BROWSER").ok();
            jobs.spawn(move || outside::open(&url, browser.as_deref()));
            return Ok(None);
        }
        Effect::Copy { text, what } => outside::copy(&text, &what),
        Effect::Edit { path, line } => {
            let (program, args) = crate::config::editor();
            let status = terminal::suspended(terminal, || {
                std::process::Command::new(&program).args(&args).arg(format!("+{line}")).arg(&path).status()
            })?;
            match status {
                Ok(_) => Action::FilesChanged(vec![path]),
                Err(err) => Action::Report(format!("Could not start the editor `{program}`: {err}"), true),
            }
        }
        Effect::Remember(query) => match crate::state::search_history() {
            Some(path) => match crate::state::remember(&path, &query, crate::state::HISTORY) {
                Ok(()) => return Ok(None),
                Err(err) => Action::Report(format!("Could not keep the search in the history: {err}"), true),
            },
            None => return Ok(None),
        },
        Effect::MarkRead(..) | Effect::Forget(_) => match marks::write(app, &effect) {
            Ok(()) => return Ok(None),
            Err(why) => Action::Report(why, true),
        },
        Effect::Reload(paths) => match app.live.reread(paths) {
            Some((parsed, gone)) => Action::Reloaded(parsed, gone),
            None => return Ok(None),
        },
    }))
}

/// Writes an export for `x` and says where, or why not.
pub fn export(app: &App, briefing: Option<String>, query: Option<String>) -> Action {
    // Only the briefings the export may take are read: the one named, or those the store says
    // may match the query.
    let library = match (&briefing, &query) {
        (Some(id), _) => crate::library::Library::new(app.live.get(id).into_iter().cloned().collect()),
        (None, Some(q)) => match crate::search::parse(q) {
            Ok(q) => app.live.matching(&q),
            Err(err) => return Action::Report(format!("Could not export: {err}"), true),
        },
        (None, None) => crate::library::Library::default(),
    };
    let ids: Vec<String> = briefing.iter().cloned().collect();
    let picks = match crate::export::select(&library, &ids, false, query.as_deref()) {
        Ok(picks) => picks,
        Err(err) => return Action::Report(format!("Could not export: {err}"), true),
    };
    let settings = &app.config.export;
    let doc = crate::export::build(&picks, &crate::export::Section::ALL);
    let text = crate::export::render(&doc, settings.format, settings.width);
    let stem = match (&briefing, &query) {
        (Some(id), _) => id.clone(),
        (None, Some(q)) => format!("search-{}", crate::load::slug(q)),
        (None, None) => "export".into(),
    };
    match crate::export::write_new(&settings.folder, &stem, settings.format, &text) {
        Ok(path) => Action::Report(format!("Exported to {}", crate::text::path(&path)), false),
        Err(err) => Action::Report(format!("Could not export: {err}"), true),
    }
}
