//! `brief completions SHELL`: the shell's completion script. The script asks `brief` itself for
//! each completion (clap_complete's `COMPLETE=shell brief -- …` protocol), so options always
//! match the program, and briefing and official ids come from the library as it is now: from
//! the store, kept up to date as `brief list` keeps it.

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use clap_complete::engine::CompletionCandidate;
use clap_complete::env::Shells;

use crate::output;

/// The shells a script can be written for.
pub const SHELLS: [&str; 5] = ["bash", "zsh", "fish", "powershell", "elvish"];

/// Answers a completion request when the shell's script made one (`COMPLETE` is set), and
/// exits; otherwise returns at once.
pub fn answer() {
    clap_complete::CompleteEnv::with_factory(<super::Cli as clap::CommandFactory>::command).complete();
}

/// Writes the script that registers completions for `shell`.
pub fn run(shell: &str) -> io::Result<ExitCode> {
    let shells = Shells::builtins();
    let Some(completer) = shells.completer(shell) else {
        output::err(&format!("brief: no completions for `{shell}`: one of {}", SHELLS.join(", ")))?;
        return Ok(ExitCode::from(2));
    };
    // The program as it was started, so a `brief` outside the PATH completes too.
    let program = std::env::args_os().next().unwrap_or_else(|| OsString::from("brief"));
    let mut script = Vec::new();
    completer.write_registration("COMPLETE", "brief", "brief", &program.to_string_lossy(), &mut script)?;
    output::out(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::SUCCESS)
}

/// The briefings folder of the command line being completed: its `--dir`, else the config's.
fn folder() -> PathBuf {
    let args: Vec<OsString> = std::env::args_os().collect();
    for (i, arg) in args.iter().enumerate() {
        if arg == "--dir"
            && let Some(dir) = args.get(i + 1)
        {
            return PathBuf::from(dir);
        }
        if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--dir=")) {
            return PathBuf::from(dir);
        }
    }
    let config = args.iter().position(|a| a == "--config").and_then(|i| args.get(i + 1)).map(PathBuf::from);
    crate::config::load(config.as_deref()).map(|c| c.briefings).unwrap_or_else(|_| PathBuf::from("briefings"))
}

/// The store, up to date with the folder; none when it cannot be used (nothing is completed).
fn store(dir: &std::path::Path) -> Option<(crate::store::Store, crate::store::fresh::Fresh)> {
    let mut store = crate::store::Store::open(dir).ok()?;
    let fresh = store.refresh(dir).ok()?;
    Some((store, fresh))
}

/// Those of `values` that start with what is typed.
fn starting(current: &OsStr, values: impl IntoIterator<Item = (String, Option<String>)>) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    values
        .into_iter()
        .filter(|(value, _)| value.starts_with(typed.as_ref()))
        .map(|(value, help)| {
            let help = help.map(|h| crate::text::visible(&h, false).into());
            CompletionCandidate::new(value).help(help)
        })
        .collect()
}

/// Briefing ids, each with its title.
pub fn briefing_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let dir = folder();
    let Some((mut store, fresh)) = store(&dir) else { return Vec::new() };
    let rows = store.listing(&dir, &fresh).map(|l| l.rows).unwrap_or_default();
    starting(current, rows.into_iter().map(|r| (r.id, Some(r.title))))
}

/// Official ids.
pub fn official_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let dir = folder();
    let Some((store, _)) = store(&dir) else { return Vec::new() };
    starting(current, store.official_ids().unwrap_or_default().into_iter().map(|id| (id, None)))
}
