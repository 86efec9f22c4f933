//! What leaves the reader: a source's URL opened in a browser (`o`), an item or a URL copied to
//! the clipboard (`y`, `Y`). The choices are made in `update`; the loop runs the effects with the
//! functions at the end of this file.

use std::io::Write;
use std::time::{Duration, Instant};

use crate::model::{Briefing, ItemRef, Kind};
use crate::tui::app::{App, Pane, Screen};
use crate::tui::detail;
use crate::tui::update::Effect;

/// The most text copied at once: terminals cap what an OSC 52 sequence may carry (xterm at
/// about 100,000 bytes of base64).
const COPY_MAX: usize = 74_000;

/// The source `o` and `Y` are about: the citation selected in the detail, or the source selected.
fn source_in_question(app: &App) -> Option<ItemRef> {
    let view = app.view()?;
    let b = app.briefing()?;
    if view.focus == Pane::Detail {
        let lines = detail::detail(&app.live, b, app.shown_item()?);
        let target = detail::targets(&lines).get(view.cursor(Pane::Detail).selected).map(|t| (*t).clone());
        if let Some(t) = target.filter(|t| t.briefing == b.id && t.item.kind == Kind::Source) {
            return Some(t.item);
        }
    }
    app.shown_item().filter(|i| i.kind == Kind::Source)
}

/// The URL of the source in question, or why there is none to use (said in the status line).
fn source_url(app: &mut App, doing: &str, done: &str) -> Option<String> {
    let Some(item) = source_in_question(app) else {
        app.set_status(format!("Select a source (or a citation of one) to {doing} its URL"), false);
        return None;
    };
    let source = &app.briefing()?.sources[item.index];
    match &source.url {
        Some(url) if opens(url) => Some(url.clone()),
        Some(url) => {
            // A briefing is text from anyone: `file:`, `javascript:` or a custom scheme could run
            // or reveal something on this machine.
            let shown = crate::text::url(url);
            app.set_status(format!("Not {doing}ing {shown}: only http, https and mailto links are {done}"), true);
            None
        }
        None => {
            let id = source.id.clone();
            app.set_status(format!("Source `{id}` has no URL"), false);
            None
        }
    }
}

/// Whether a URL is of a scheme the reader hands to a browser or the clipboard.
pub fn opens(url: &str) -> bool {
    let scheme = url.split_once(':').map(|(scheme, _)| scheme.to_ascii_lowercase());
    matches!(scheme.as_deref(), Some("http" | "https" | "mailto"))
}

/// `o`: the selected source's URL, for the browser.
pub fn open_url(app: &mut App) -> Option<Effect> {
    source_url(app, "open", "opened").map(Effect::OpenUrl)
}

/// `Y`: the selected source's URL, for the clipboard.
pub fn copy_url(app: &mut App) -> Option<Effect> {
    let url = source_url(app, "copy", "copied")?;
    Some(Effect::Copy { what: crate::text::url(&url), text: url })
}

/// `y`: the item selected (or the hit, or the briefing in the library) as text, with its
/// citations and the URLs of the sources it cites.
pub fn copy_item(app: &mut App) -> Option<Effect> {
    let picked = match &app.screen {
        Screen::Briefing(_) => app.briefing().zip(app.shown_item()).map(|(b, item)| (b.id.clone(), Some(item))),
        Screen::Results(cursor) => app.search.as_ref().and_then(|s| s.hits().get(cursor.selected)).map(|hit| {
            let item = match hit.place {
                crate::search::Place::Item(item) => Some(item),
                crate::search::Place::Briefing => None,
            };
            (hit.briefing.to_string(), item)
        }),
        Screen::Library(cursor) => app.live.at(cursor.selected).map(|b| (b.id.clone(), None)),
        Screen::Passage(r) => Some((r.cited.briefing.clone(), Some(r.cited.item))),
        Screen::Board(board) => board.target(board.cursor.selected).map(|t| (t.briefing, Some(t.item))),
    };
    let Some(b) = picked.as_ref().and_then(|(id, _)| app.live.get(id)) else {
        app.set_status("Nothing selected to copy", false);
        return None;
    };
    let (text, what) = match picked.and_then(|(_, item)| item).filter(|item| b.has(*item)) {
        Some(item) => (item_text(app, b, item), format!("{} `{}`", item.kind, b.id_of(item))),
        None => (briefing_text(b), format!("briefing `{}`", b.id)),
    };
    if text.len() > COPY_MAX {
        app.set_status(format!("Not copied: {what} is {} KB as text, more than a terminal takes at once", text.len() / 1024), true);
        return None;
    }
    Some(Effect::Copy { text, what })
}

/// An item as the detail shows it, in plain text, under its briefing's title, with the URLs of
/// the sources it cites.
fn item_text(app: &App, b: &Briefing, item: ItemRef) -> String {
    let lines = detail::detail(&app.live, b, item);
    let mut out = format!("{} ({}, {})\n\n", b.title, b.id, b.date);
    for line in &lines {
        out.push_str(&" ".repeat(usize::from(line.indent)));
        for piece in &line.pieces {
            out.push_str(&piece.text);
        }
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }
    let cited: Vec<&crate::model::Source> = detail::targets(&lines)
        .into_iter()
        .filter(|t| t.briefing == b.id && t.item.kind == Kind::Source)
        .map(|t| &b.sources[t.item.index])
        .collect();
    let urls: Vec<String> =
        cited.iter().filter_map(|s| s.url.as_deref().filter(|u| opens(u)).map(|u| format!("  {} — {u}", s.title))).collect();
    if !urls.is_empty() {
        out.push_str("\nLinks\n");
        for url in dedup(urls) {
            out.push_str(&url);
            out.push('\n');
        }
    }
    out
}

fn dedup(mut lines: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    lines.retain(|l| seen.insert(l.clone()));
    lines
}

/// A briefing as the library's preview says it: title, date, place, summary.
fn briefing_text(b: &Briefing) -> String {
    let mut out = format!("{} ({}, {}", b.title, b.id, b.date);
    if let Some(place) = &b.place {
        out.push_str(&format!(", {place}"));
    }
    out.push_str(")\n\n");
    for paragraph in b.summary.trim().split("\n\n") {
        out.push_str(&paragraph.replace('\n', " "));
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The OSC 52 sequence that puts `text` on the clipboard of the terminal — the one the user sits
/// at, so it works over ssh. The text travels as base64: nothing in it reaches the terminal as
/// a control character.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!("\x1b]52;c;{}\x07", base64::engine::general_purpose::STANDARD.encode(text))
}

/// Writes the OSC 52 sequence to the terminal, between two frames.
pub fn copy(text: &str, what: &str) -> crate::action::Action {
    let mut out = std::io::stdout().lock();
    match out.write_all(osc52(text).as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => crate::action::Action::Report(format!("Copied {what} to the clipboard"), false),
        Err(err) => crate::action::Action::Report(format!("Could not copy: {err}"), true),
    }
}

/// How long a launcher may take to fail before it is taken to have started: a browser that
/// stays open is still running when this is up.
const LAUNCH_WAIT: Duration = Duration::from_millis(700);

/// Opens a URL with `$BROWSER` (`browser`: its entries separated by `:`, `%s` standing for the
/// URL where given) and then the system's opener; says in words what happened. Run off the
/// loop: a launcher is watched for a moment to see whether it fails.
pub fn open(url: &str, browser: Option<&str>) -> crate::action::Action {
    open_with(url, browser, open::commands(url))
}

/// [`open`] with the system's openers given.
fn open_with(url: &str, browser: Option<&str>, system: Vec<std::process::Command>) -> crate::action::Action {
    use crate::action::Action;
    let shown = crate::text::url(url);
    let mut failures = Vec::new();
    for entry in browser.unwrap_or("").split(':').filter(|e| !e.trim().is_empty()) {
        let mut words = entry.split_whitespace();
        let Some(program) = words.next() else { continue };
        let mut args: Vec<String> = words.map(|w| w.replace("%s", url)).collect();
        if !entry.contains("%s") {
            args.push(url.to_string());
        }
        let mut command = std::process::Command::new(program);
        command.args(&args);
        match launch(command) {
            Ok(()) => return Action::Report(format!("Opened {shown} with {}", crate::text::visible(program, false)), false),
            Err(why) => failures.push(format!("$BROWSER `{}` {why}", crate::text::visible(program, false))),
        }
    }
    for command in system {
        let program = command.get_program().to_string_lossy().into_owned();
        match launch(command) {
            Ok(()) => return Action::Report(format!("Opened {shown}"), false),
            Err(why) if why == NOT_FOUND => {}
            Err(why) => failures.push(format!("`{program}` {why}")),
        }
    }
    if failures.is_empty() {
        return Action::Report(format!("Could not open {shown}: no program to open links with — set $BROWSER, or install xdg-open"), true);
    }
    Action::Report(format!("Could not open {shown}: {}", failures.join("; ")), true)
}

const NOT_FOUND: &str = "was not found";

/// Starts a launcher with nothing of the terminal (its output would draw over the reader) and
/// watches it for [`LAUNCH_WAIT`]: still running or exited well is started; otherwise why not,
/// in words.
fn launch(mut command: std::process::Command) -> Result<(), String> {
    use std::process::Stdio;
    let mut child = match command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn() {
        Ok(child) => child,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Err(NOT_FOUND.into()),
        Err(err) => return Err(format!("could not start: {err}")),
    };
    let started = Instant::now();
    while started.elapsed() < LAUNCH_WAIT {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                return Err(match status.code() {
                    Some(code) => format!("failed (exit status {code})"),
                    None => "was stopped by a signal".into(),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(err) => return Err(format!("could not be watched: {err}")),
        }
    }
    // Still running: a browser in the foreground. Its exit is collected when it comes, so it
    // leaves no zombie behind.
    std::thread::spawn(move || child.wait());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_as_base64_only() {
        let seq = osc52("Li Chenggang \u{1b}[31m");
        assert!(seq.starts_with("\x1b]52;c;") && seq.ends_with('\x07'));
        let body = &seq["\x1b]52;c;".len()..seq.len() - 1];
        assert!(body.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)), "{body}");
    }

    #[test]
    fn a_browser_that_fails_or_is_missing_is_said_in_words() {
        let url = "https://example.com/a";
        let crate::action::Action::Report(text, error) = open_with(url, Some("false:/nonexistent/browser %s"), Vec::new()) else {
            panic!()
        };
        assert!(error, "{text}");
        assert!(text.contains("$BROWSER `false` failed (exit status 1)"), "{text}");
        assert!(text.contains("$BROWSER `/nonexistent/browser` was not found"), "{text}");
        assert!(!text.contains("ExitStatus") && !text.contains("unix_wait_status"), "{text}");

        let crate::action::Action::Report(text, _) = open_with(url, None, vec![std::process::Command::new("/nonexistent/xdg-open")]) else {
            panic!()
        };
        assert_eq!(text, "Could not open https://example.com/a: no program to open links with — set $BROWSER, or install xdg-open");
    }
}
