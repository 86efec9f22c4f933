//! `brief completions SHELL`: the shell's completion script. The script asks `brief` itself for
//! each completion (clap_complete's `COMPLETE=shell brief -- …` protocol), so options always
//! match the program, and briefing and official ids come from the library as it is now: from
//! the store, kept up to date as `brief list` keeps it.

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::{Path, PathBuf};
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
    // The program as it was started: by name, found on the PATH; by a path, that file, made
    // absolute so the script works from any folder.
    let started = std::env::args_os().next().unwrap_or_else(|| OsString::from("brief"));
    let program = if Path::new(&started).components().count() > 1 {
        std::env::current_exe().map(PathBuf::into_os_string).unwrap_or(started)
    } else {
        started
    };
    let mut script = Vec::new();
    completer.write_registration("COMPLETE", "brief", "brief", &program.to_string_lossy(), &mut script)?;
    output::out(&String::from_utf8_lossy(&script))?;
    Ok(ExitCode::SUCCESS)
}

/// The value of a global option on the command line being completed (`--dir D`, `--dir=D`).
fn option(args: &[OsString], name: &str) -> Option<PathBuf> {
    let with = format!("{name}=");
    args.iter().enumerate().find_map(|(i, arg)| match arg.to_str() {
        Some(a) if a == name => args.get(i + 1).map(PathBuf::from),
        Some(a) => a.strip_prefix(&with).map(PathBuf::from),
        None => None,
    })
}

/// The briefings folder of the command line being completed — its `--dir`, else the config's
/// — and whether the store may be used; none when it is not a folder (nothing is completed,
/// and no store is made for it).
fn folder() -> Option<(PathBuf, bool)> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let dir = match option(&args, "--dir") {
        Some(dir) => dir,
        None => crate::config::load(option(&args, "--config").as_deref()).ok()?.briefings,
    };
    let cache = !args.iter().any(|a| a == "--no-cache");
    dir.is_dir().then_some((dir, cache))
}

/// What completes ids: the library's briefings (id and title) as `brief list` lists them, and
/// its official ids.
struct Known {
    briefings: Vec<(String, String)>,
    officials: Vec<String>,
}

fn library() -> Option<Known> {
    let (dir, cache) = folder()?;
    // Not `list::stored`: its progress bar would draw over the line being completed.
    if cache
        && let Ok(mut store) = crate::store::Store::open(&dir)
        && let Ok(fresh) = store.refresh(&dir)
        && let Ok(listing) = store.listing(&dir, &fresh)
    {
        let officials = store.official_ids().unwrap_or_default();
        return Some(Known { briefings: listing.rows.into_iter().map(|r| (r.id, r.title)).collect(), officials });
    }
    let loaded = crate::library::Library::load(&[dir]);
    let briefings = loaded.library.briefings();
    let mut officials: Vec<String> = briefings.iter().flat_map(|b| b.officials.iter().map(|o| o.id.clone())).collect();
    officials.sort();
    officials.dedup();
    Some(Known { briefings: briefings.iter().map(|b| (b.id.clone(), b.title.clone())).collect(), officials })
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
    let Some(known) = library() else { return Vec::new() };
    starting(current, known.briefings.into_iter().map(|(id, title)| (id, Some(title))))
}

/// Official ids.
pub fn official_ids(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(known) = library() else { return Vec::new() };
    starting(current, known.officials.into_iter().map(|id| (id, None)))
}
