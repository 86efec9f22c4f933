//! The command line: parsing arguments, one file per subcommand, and what they share. Every
//! command writes through [`crate::output`] and returns its write errors, so a closed pipe or a
//! full disk is an exit status, never a panic.

mod across;
mod changes;
mod check;
mod commitments;
mod completions;
mod export;
mod list;
mod man;
mod new;
mod official;
mod progress;
mod search;
mod timeline;
mod verify;
mod watch;
mod weak;

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use clap_complete::engine::ArgValueCompleter;

use crate::config;
use crate::diag::Diagnostic;
use crate::library::FileReport;
use crate::output;
use crate::report::{self, Style};
use crate::text;

/// What `brief --version` says: the program's version, the briefing format it reads and the
/// store format it keeps.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (briefing format 1, store format 21)");

/// A terminal reader for curated news briefings.
#[derive(Debug, Parser)]
// The versions it reads, beside its own: a test holds them to `load::FORMAT_VERSION` and
// `store::FORMAT`.
#[command(name = "brief", version = VERSION, about, long_about = None)]
pub struct Cli {
    /// The briefings folder (default: `briefings` from the config file)
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Read settings from this file instead of ./config.toml or ~/.config/brief/config.toml
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// The folder of saved copies of the sources (default: `archive` from the config file)
    #[arg(long, global = true, value_name = "DIR")]
    pub archive: Option<PathBuf>,

    /// Work from the files alone: neither read nor write the store in the cache folder
    #[arg(long, global = true)]
    pub no_cache: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check briefing files and report every problem, like a compiler
    Check {
        /// Files or folders to check (default: the briefings folder). `related` ids resolve
        /// against the briefings folder plus these paths.
        paths: Vec<PathBuf>,
        /// Print the report as JSON on standard output (shape: docs/check-json.md)
        #[arg(long)]
        json: bool,
        /// Exit with status 1 on warnings too
        #[arg(long)]
        deny_warnings: bool,
        /// Check again on every save, printing only the problems that are new or gone (Ctrl-C stops)
        #[arg(long, conflicts_with = "json")]
        watch: bool,
    },
    /// List the briefings of the library, newest first
    List,
    /// Search every briefing for words, phrases and filters (see docs/search.md)
    Search {
        /// Words (all must match), "quoted phrases", -excluded words, and filters such as
        /// kind:reaction, side:US, status:pending, source:econotimes, after:2025-01-01
        #[arg(required = true, allow_hyphen_values = true)]
        query: Vec<String>,
        /// Print at most this many hits (the best ranked)
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Print the hits as a JSON array (shape: docs/search.md)
        #[arg(long)]
        json: bool,
    },
    /// Export a summary: Markdown with footnoted citations, JSON or plain text
    Export {
        /// Ids of the briefings to export (see `brief list`)
        #[arg(add = ArgValueCompleter::new(completions::briefing_ids))]
        ids: Vec<String>,
        /// Export every briefing of the library
        #[arg(long)]
        all: bool,
        /// Export the items a search finds, grouped by briefing (docs/search.md)
        #[arg(long, value_name = "QUERY")]
        query: Option<String>,
        /// Export one official across the library: in every briefing that lists them, the
        /// official and the commitments they announced, with their citations
        #[arg(long, value_name = "ID", add = ArgValueCompleter::new(completions::official_ids))]
        official: Option<String>,
        /// Only these sections: summary,facts,officials,commitments,reactions,discrepancies,timeline,sources
        #[arg(long, value_name = "SECTIONS")]
        only: Option<String>,
        /// md (default from the config), json or txt
        #[arg(long, value_name = "FORMAT")]
        format: Option<String>,
        /// Write to this file instead of standard output (`-` is standard output)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace the --out file if it exists
        #[arg(long)]
        force: bool,
        /// Line width of plain text, in display columns (default from the config: 80)
        #[arg(long, value_name = "COLUMNS")]
        width: Option<usize>,
    },
    /// Check every claim against saved copies of the articles it cites (docs/verify.md)
    Verify {
        /// Print the findings as JSON on standard output (shape: docs/verify.md)
        #[arg(long)]
        json: bool,
        /// Also print, for every citation, the lines of the saved copy its place resolves to
        #[arg(long)]
        explain: bool,
    },
    /// Every commitment of the library: status, due date, what it is traded for (docs/views.md)
    Commitments {
        /// Only open commitments: proposed, agreed, pending or disputed
        #[arg(long)]
        open: bool,
        /// Only overdue ones: open, and due on a day already past
        #[arg(long)]
        overdue: bool,
        /// Only this party's (a side label or a word of one: `US` also finds "US and China"); repeatable
        #[arg(long, value_name = "PARTY")]
        party: Vec<String>,
        /// Only these statuses (proposed, agreed, pending, in-force, disputed, withdrawn); repeatable or comma-separated
        #[arg(long, value_name = "STATUS")]
        status: Vec<String>,
        /// Only commitments of briefings with this tag; repeatable
        #[arg(long, value_name = "TAG")]
        tag: Vec<String>,
        /// Only those due on or after this day (YYYY-MM-DD)
        #[arg(long, value_name = "DAY")]
        due_after: Option<String>,
        /// Only those due on or before this day (YYYY-MM-DD)
        #[arg(long, value_name = "DAY")]
        due_before: Option<String>,
        /// Order: due (soonest first, the default), status, or briefing (newest first)
        #[arg(long, value_name = "ORDER")]
        sort: Option<String>,
        /// Count as overdue what is due before this day instead of today (YYYY-MM-DD)
        #[arg(long, value_name = "DAY")]
        today: Option<String>,
        /// Print a JSON array (shape: docs/views.md)
        #[arg(long)]
        json: bool,
    },
    /// Every event of the library on one timeline, by date (docs/views.md)
    Timeline {
        /// Only events on or after this day (YYYY-MM-DD; a month or year that reaches it counts)
        #[arg(long, value_name = "DAY")]
        after: Option<String>,
        /// Only events on or before this day (YYYY-MM-DD)
        #[arg(long, value_name = "DAY")]
        before: Option<String>,
        /// Only events of briefings with this tag; repeatable
        #[arg(long, value_name = "TAG")]
        tag: Vec<String>,
        /// Print a JSON array (shape: docs/views.md)
        #[arg(long)]
        json: bool,
    },
    /// What to double-check before quoting: single-source claims, disagreements, disputed statuses (docs/views.md)
    Weak {
        /// Only these briefings (default: all)
        #[arg(add = ArgValueCompleter::new(completions::briefing_ids))]
        ids: Vec<String>,
        /// Print a JSON array (shape: docs/views.md)
        #[arg(long)]
        json: bool,
    },
    /// One official across the library: every briefing that lists them, role, commitments, sources
    Official {
        /// The official's id, as the briefings write it
        #[arg(add = ArgValueCompleter::new(completions::official_ids))]
        id: String,
        /// Print the page as JSON (shape: docs/views.md)
        #[arg(long)]
        json: bool,
    },
    /// What changed in each briefing since it was last read; briefings never read are new (docs/views.md)
    Changes {
        /// Only these briefings (default: all)
        #[arg(add = ArgValueCompleter::new(completions::briefing_ids))]
        ids: Vec<String>,
        /// Print a JSON array (shape: docs/views.md)
        #[arg(long)]
        json: bool,
        /// Mark what is printed as read
        #[arg(long)]
        mark_read: bool,
    },
    /// Open the reader at one briefing
    Open {
        /// The briefing's id (see `brief list`)
        #[arg(add = ArgValueCompleter::new(completions::briefing_ids))]
        id: String,
    },
    /// Print the shell's completion script: `source <(brief completions bash)` (zsh alike),
    /// `brief completions fish | source`; briefing and official ids are completed from the library
    Completions {
        /// bash, zsh, fish, powershell or elvish
        #[arg(value_parser = completions::SHELLS)]
        shell: String,
    },
    /// Write a new briefing into the briefings folder from a commented template, and open it in
    /// $VISUAL or $EDITOR when on a terminal; never over an existing file
    New {
        /// The briefing's id, which names the file: lowercase letters, digits and dashes
        id: String,
        /// Its headline (default: from the id)
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        /// Its day, YYYY-MM-DD (default: today)
        #[arg(long, value_name = "DAY")]
        date: Option<String>,
    },
    /// Print the manual page (roff): `brief man > brief.1`, or `brief man | man -l -`
    Man,
}

/// Runs the program; the exit status follows grep: 0 success, 1 problems found, 2 trouble.
pub fn main() -> ExitCode {
    completions::answer();
    let cli = Cli::parse_from(options_first(std::env::args_os().collect()));
    crate::logging::init();
    let style = Style { color: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) };
    let result = (|| {
        let mut config = match config::load(cli.config.as_deref()) {
            Ok(config) => config,
            Err(diagnostics) => {
                print_diagnostics(&diagnostics, style)?;
                output::err("brief: the configuration has errors; fix them or pass --config with another file")?;
                return Ok(ExitCode::from(2));
            }
        };
        let dir = cli.dir.clone().unwrap_or_else(|| config.briefings.clone());
        if let Some(archive) = &cli.archive {
            config.archive = Some(archive.clone());
        }
        // Every command that reads the folder says the same about a folder it cannot use, once.
        let reads_folder = match &cli.command {
            Some(Command::Check { paths, .. }) => paths.is_empty(),
            Some(Command::Completions { .. } | Command::Man) => false,
            _ => true,
        };
        if reads_folder && let Err(message) = folder_ready(&dir) {
            output::err(&format!("brief: {message}"))?;
            return Ok(ExitCode::from(2));
        }
        match cli.command {
            Some(Command::Check { paths, watch: true, .. }) => watch::run(&dir, &paths, config.archive.as_deref(), style),
            Some(Command::Check { paths, json, deny_warnings, .. }) => {
                check::run(&dir, &paths, config.archive.as_deref(), json, deny_warnings, style)
            }
            Some(Command::List) => list::run(&dir, !cli.no_cache),
            Some(Command::Verify { json, explain }) => verify::run(&dir, config.archive.as_deref(), json, explain, style),
            Some(Command::Search { query, limit, json }) => search::run(&dir, &query.join(" "), limit, json, !cli.no_cache),
            Some(Command::Export { ids, all, query, official, only, format, out, force, width }) => {
                export::run(&dir, &config, export::Request { ids, all, query, official, only, format, out, force, width })
            }
            Some(Command::Commitments { open, overdue, party, status, tag, due_after, due_before, sort, today, json }) => {
                let request = commitments::Request { open, overdue, party, status, tag, due_after, due_before, sort, today, json };
                commitments::run(&dir, !cli.no_cache, request)
            }
            Some(Command::Timeline { after, before, tag, json }) => {
                timeline::run(&dir, !cli.no_cache, after.as_deref(), before.as_deref(), tag, json)
            }
            Some(Command::Weak { ids, json }) => weak::run(&dir, !cli.no_cache, &ids, json),
            Some(Command::Official { id, json }) => official::run(&dir, !cli.no_cache, &id, json),
            Some(Command::Changes { ids, json, mark_read }) => changes::run(&dir, !cli.no_cache, &ids, json, mark_read),
            Some(Command::Completions { shell }) => completions::run(&shell),
            Some(Command::Man) => man::run(),
            Some(Command::New { id, title, date }) => new::run(&dir, new::Request { id, title, date }, !cli.no_cache, style),
            Some(Command::Open { id }) => Ok(crate::tui::run(config, &dir, Some(&id), !cli.no_cache)),
            None => Ok(crate::tui::run(config, &dir, None, !cli.no_cache)),
        }
    })();
    output::finish(result)
}

/// `brief search` takes `-word` to exclude a word, so its query must accept values that start
/// with `-`; clap then takes every later argument as query. The options written after the query
/// (`brief search lithium --limit 5`) are moved before it, where clap sees them as options.
/// After `--`, everything is query.
pub fn options_first(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    use clap::CommandFactory;
    let cli = Cli::command();
    let Some(search) = cli.find_subcommand("search") else { return args };
    // The options `search` accepts, its own and the global ones, and whether each takes a
    // value: from the clap definition, so a new option can never turn into query text.
    let mut options: Vec<(String, bool)> = Vec::new();
    for arg in search.get_arguments().chain(cli.get_arguments().filter(|a| a.is_global_set())) {
        let takes_value = arg.get_action().takes_values();
        options.extend(arg.get_long_and_visible_aliases().into_iter().flatten().map(|l| (format!("--{l}"), takes_value)));
        options.extend(arg.get_short_and_visible_aliases().into_iter().flatten().map(|c| (format!("-{c}"), takes_value)));
    }
    options.extend([("--help".to_string(), false), ("-h".to_string(), false)]);
    let option = |name: &str| options.iter().find(|(o, _)| o == name).map(|(_, takes_value)| *takes_value);
    // A global option before the subcommand, and whether it takes a value (`--dir DIR`) or is
    // a flag (`--no-cache`).
    let global = |name: &str| {
        cli.get_arguments()
            .find(|a| a.is_global_set() && a.get_long().is_some_and(|l| name == format!("--{l}")))
            .map(|a| a.get_action().takes_values())
    };
    // The subcommand is the first argument that is neither an option nor a global option's value.
    let mut at = None;
    let mut i = 1;
    while i < args.len() {
        let arg = args[i].to_string_lossy();
        if let Some(takes_value) = global(&arg) {
            i += if takes_value { 2 } else { 1 };
            continue;
        }
        if !arg.starts_with('-') {
            at = (arg == "search").then_some(i);
            break;
        }
        i += 1;
    }
    let Some(at) = at else { return args };
    let (mut head, tail) = (args[..=at].to_vec(), &args[at + 1..]);
    let mut query = Vec::new();
    let mut rest = tail.iter();
    while let Some(arg) = rest.next() {
        let text = arg.to_string_lossy();
        if text == "--" {
            query.extend(rest.by_ref().cloned());
            continue;
        }
        let (name, inline_value) = match text.split_once('=') {
            Some((name, _)) => (name, true),
            None => (text.as_ref(), false),
        };
        match option(name) {
            Some(true) if !inline_value => {
                head.push(arg.clone());
                head.extend(rest.next().cloned());
            }
            Some(_) => head.push(arg.clone()),
            None => query.push(arg.clone()),
        }
    }
    head.push("--".into());
    head.extend(query);
    head
}

/// Every diagnostic, rendered like a compiler's, on standard error.
fn print_diagnostics<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>, style: Style) -> io::Result<()> {
    for d in diagnostics {
        output::err(&report::render(d, style))?;
    }
    Ok(())
}

/// Whether the briefings folder can be read, or what to tell the user.
fn folder_ready(dir: &Path) -> Result<(), String> {
    let shown = text::path(dir);
    let fix = "pass --dir DIR or set `briefings` in config.toml";
    match std::fs::metadata(dir) {
        Err(err) if err.kind() == io::ErrorKind::NotFound => Err(format!("no briefings folder at {shown}; {fix}")),
        Err(err) => Err(format!("cannot read the briefings folder {shown}: {err}")),
        Ok(meta) if !meta.is_dir() => Err(format!("{shown} is not a folder; {fix}")),
        Ok(_) => std::fs::read_dir(dir).map(drop).map_err(|err| format!("cannot read the briefings folder {shown}: {err}")),
    }
}

/// What could not be read or loaded: paths that could not be read, and for each file that did
/// not load, its first error.
fn unloaded<'a>(problems: &'a [Diagnostic], files: &'a [FileReport]) -> Vec<&'a Diagnostic> {
    let first_errors = files.iter().filter(|f| f.briefing.is_none()).filter_map(|f| f.diagnostics.iter().find(|d| d.is_error()));
    problems.iter().chain(first_errors).collect()
}

/// What could not be read or loaded in a loaded folder, a line each (`file:line:col: why`).
fn unloaded_lines(loaded: &crate::library::Loaded) -> Vec<String> {
    unloaded(&loaded.problems, &loaded.files).into_iter().map(report::one_line).collect()
}

/// The files of a list from the store that failed, a line each by their first error.
fn failed_lines(failed: &[FileReport]) -> Vec<String> {
    failed.iter().filter_map(|r| r.diagnostics.iter().find(|d| d.is_error())).map(report::one_line).collect()
}

/// Names on stderr, one per line with the reason, what could not be read or loaded.
fn name_unloaded(failed: &[&Diagnostic]) -> io::Result<()> {
    name_failed(&failed.iter().map(|d| report::one_line(d)).collect::<Vec<_>>())
}

/// [`name_unloaded`] for lines already made (`file:line:col: why`).
fn name_failed(failed: &[String]) -> io::Result<()> {
    if failed.is_empty() {
        return Ok(());
    }
    let what = if failed.len() == 1 { "1 file or folder".to_string() } else { format!("{} files or folders", failed.len()) };
    output::err(&format!("brief: {what} could not be read or loaded (`brief check` shows why):"))?;
    for line in failed {
        output::err(&format!("  {line}"))?;
    }
    Ok(())
}
