//! The command line: parsing arguments and running `check` and `list`.

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config;
use crate::diag::Diagnostic;
use crate::library::{FileReport, Library, Loaded};
use crate::load;
use crate::model::Kind;
use crate::report::{self, JsonReport, Style, Summary};
use crate::text;

/// A terminal reader for curated news briefings.
#[derive(Debug, Parser)]
#[command(name = "brief", version, about, long_about = None)]
pub struct Cli {
    /// The briefings folder (default: `briefings` from the config file)
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Read settings from this file instead of ./config.toml or ~/.config/brief/config.toml
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

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
        ids: Vec<String>,
        /// Export every briefing of the library
        #[arg(long)]
        all: bool,
        /// Export the items a search finds, grouped by briefing (docs/search.md)
        #[arg(long, value_name = "QUERY")]
        query: Option<String>,
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
    /// Open the reader at one briefing
    Open {
        /// The briefing's id (see `brief list`)
        id: String,
    },
}

/// Runs the program; the exit status follows grep: 0 success, 1 problems found, 2 trouble.
pub fn main() -> ExitCode {
    let cli = Cli::parse_from(options_first(std::env::args_os().collect()));
    crate::logging::init();
    let style = Style { color: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) };
    let config = match config::load(cli.config.as_deref()) {
        Ok(config) => config,
        Err(diagnostics) => {
            print_diagnostics(&diagnostics, style);
            eprintln!("brief: the configuration has errors; fix them or pass --config with another file");
            return ExitCode::from(2);
        }
    };
    let dir = cli.dir.clone().unwrap_or_else(|| config.briefings.clone());
    // Every command that reads the folder says the same about a folder it cannot use, once.
    let reads_folder = !matches!(&cli.command, Some(Command::Check { paths, .. }) if !paths.is_empty());
    if reads_folder && let Err(message) = folder_ready(&dir) {
        eprintln!("brief: {message}");
        return ExitCode::from(2);
    }
    match cli.command {
        Some(Command::Check { paths, json, deny_warnings }) => check(&dir, &paths, json, deny_warnings, style),
        Some(Command::List) => list(&dir),
        Some(Command::Search { query, limit, json }) => crate::search_cli::run(&dir, &query.join(" "), limit, json),
        Some(Command::Export { ids, all, query, only, format, out, force, width }) => {
            crate::export_cli::run(&dir, &config, crate::export_cli::Request { ids, all, query, only, format, out, force, width })
        }
        Some(Command::Open { id }) => crate::tui::run(config, &dir, Some(&id)),
        None => crate::tui::run(config, &dir, None),
    }
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
    let global = |name: &str| cli.get_arguments().any(|a| a.is_global_set() && a.get_long().is_some_and(|l| name == format!("--{l}")));
    // The subcommand is the first argument that is neither an option nor a global option's value.
    let mut at = None;
    let mut i = 1;
    while i < args.len() {
        let arg = args[i].to_string_lossy();
        if global(&arg) {
            i += 2;
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

fn print_diagnostics<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>, style: Style) {
    let mut err = std::io::stderr().lock();
    for d in diagnostics {
        // A closed stderr leaves nobody to tell.
        let _ = writeln!(err, "{}", report::render(d, style));
    }
}

/// `brief check`: the given paths (or the folder), checked as part of the library in `dir`.
fn check(dir: &Path, paths: &[PathBuf], json: bool, deny_warnings: bool, style: Style) -> ExitCode {
    let targets = if paths.is_empty() { vec![dir.to_path_buf()] } else { paths.to_vec() };
    let (target_files, problems) = load::discover(&targets);
    let key = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let wanted: HashSet<PathBuf> = target_files.iter().map(|p| key(p)).collect();
    let mut files: Vec<(PathBuf, PathBuf)> = target_files.iter().map(|p| (key(p), p.clone())).collect();
    if !paths.is_empty() && dir.is_dir() {
        let (context, _) = load::discover(&[dir.to_path_buf()]);
        files.extend(context.into_iter().map(|p| (key(&p), p)).filter(|(k, _)| !wanted.contains(k)));
    }
    // Path order decides which of two files with one id is kept.
    files.sort();
    let paths: Vec<PathBuf> = files.into_iter().map(|(_, path)| path).collect();
    let loaded = Library::from_parsed(load::read_files(&paths));
    let reported: Vec<&FileReport> = loaded.files.iter().filter(|f| wanted.contains(&key(&f.path))).collect();
    let summary = Summary::of(&reported, problems.iter().chain(reported.iter().flat_map(|f| &f.diagnostics)));
    if json {
        let doc = JsonReport::new(&reported, &problems);
        let mut out = std::io::stdout().lock();
        let _ = serde_json::to_writer_pretty(&mut out, &doc).map(|_| writeln!(out));
    } else {
        print_diagnostics(problems.iter().chain(reported.iter().flat_map(|f| &f.diagnostics)), style);
        eprintln!("{}", summary.sentence());
    }
    let failed = summary.errors > 0 || (deny_warnings && summary.warnings > 0);
    ExitCode::from(u8::from(failed))
}

/// Whether the briefings folder can be read, or what to tell the user.
fn folder_ready(dir: &Path) -> Result<(), String> {
    let shown = text::visible(&dir.display().to_string(), false);
    let fix = "pass --dir DIR or set `briefings` in config.toml";
    match std::fs::metadata(dir) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Err(format!("no briefings folder at {shown}; {fix}")),
        Err(err) => Err(format!("cannot read the briefings folder {shown}: {err}")),
        Ok(meta) if !meta.is_dir() => Err(format!("{shown} is not a folder; {fix}")),
        Ok(_) => std::fs::read_dir(dir).map(drop).map_err(|err| format!("cannot read the briefings folder {shown}: {err}")),
    }
}

/// `brief list`: one line per loaded briefing, newest first. Every file or folder that could not
/// be read or loaded is named on stderr with the reason, and makes the status 1.
fn list(dir: &Path) -> ExitCode {
    let loaded: Loaded = Library::load(&[dir.to_path_buf()]);
    let mut out = std::io::stdout().lock();
    let _ = write!(out, "{}", list_lines(&loaded.library));
    let failed = unloaded(&loaded.problems, &loaded.files);
    if loaded.library.is_empty() && failed.is_empty() {
        eprintln!("brief: no briefings in {}", text::visible(&dir.display().to_string(), false));
    }
    name_unloaded(&failed);
    ExitCode::from(u8::from(!failed.is_empty()))
}

/// What could not be read or loaded: paths that could not be read, and for each file that did
/// not load, its first error.
pub fn unloaded<'a>(problems: &'a [Diagnostic], files: &'a [FileReport]) -> Vec<&'a Diagnostic> {
    let first_errors = files.iter().filter(|f| f.briefing.is_none()).filter_map(|f| f.diagnostics.iter().find(|d| d.is_error()));
    problems.iter().chain(first_errors).collect()
}

/// Names on stderr, one per line with the reason, what could not be read or loaded.
pub fn name_unloaded(failed: &[&Diagnostic]) {
    if failed.is_empty() {
        return;
    }
    let what = if failed.len() == 1 { "1 file or folder".to_string() } else { format!("{} files or folders", failed.len()) };
    eprintln!("brief: {what} could not be read or loaded (`brief check` shows why):");
    for d in failed {
        eprintln!("  {}", report::one_line(d));
    }
}

/// The table `brief list` prints: a header, then one row per briefing.
pub fn list_lines(library: &Library) -> String {
    let id_width = library.briefings().iter().map(|b| b.id.chars().count()).max().unwrap_or(0).max(2);
    let mut out = format!("{:<10}  {:<id_width$}  OFFICIALS  COMMITMENTS  REACTIONS  FACTS  SOURCES  TITLE\n", "DATE", "ID");
    for b in library.briefings() {
        out.push_str(&format!(
            "{}  {:<id_width$}  {:>9}  {:>11}  {:>9}  {:>5}  {:>7}  {}\n",
            b.date,
            b.id,
            b.count(Kind::Official),
            b.count(Kind::Commitment),
            b.count(Kind::Reaction),
            b.count(Kind::Fact),
            b.count(Kind::Source),
            text::visible(&b.title, false),
        ));
    }
    out
}
