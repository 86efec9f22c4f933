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
    match cli.command {
        Some(Command::Check { paths, json, deny_warnings }) => check(&dir, &paths, json, deny_warnings, style),
        Some(Command::List) => list(&dir, style),
        Some(Command::Search { query, limit, json }) => crate::search_cli::run(&dir, &query.join(" "), limit, json, style),
        Some(Command::Export { ids, all, query, only, format, out, force, width }) => {
            crate::export_cli::run(&dir, &config, crate::export_cli::Request { ids, all, query, only, format, out, force, width })
        }
        Some(Command::Open { id }) => crate::tui::run(config, &dir, Some(&id), style),
        None => crate::tui::run(config, &dir, None, style),
    }
}

/// `brief search` takes `-word` to exclude a word, so its query must accept values that start
/// with `-`; clap then takes every later argument as query. The options written after the query
/// (`brief search lithium --limit 5`) are moved before it, where clap sees them as options.
/// After `--`, everything is query.
pub fn options_first(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    // The subcommand is the first argument that is neither an option nor a global option's value.
    let mut at = None;
    let mut i = 1;
    while i < args.len() {
        let arg = args[i].to_string_lossy();
        if arg == "--dir" || arg == "--config" {
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
        let name = text.split('=').next().unwrap_or("");
        match name {
            "--" => {
                query.extend(rest.by_ref().cloned());
            }
            "--limit" | "--dir" | "--config" if !text.contains('=') => {
                head.push(arg.clone());
                head.extend(rest.next().cloned());
            }
            "--limit" | "--dir" | "--config" | "--json" | "--help" | "-h" => head.push(arg.clone()),
            _ => query.push(arg.clone()),
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
    let problems: Vec<Diagnostic> = problems.into_iter().map(|d| explain_missing_folder(d, dir, paths.is_empty())).collect();
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

fn explain_missing_folder(mut d: Diagnostic, dir: &Path, is_default: bool) -> Diagnostic {
    if is_default && d.file == dir {
        d.message = format!("no briefings folder at {}", dir.display());
        d.help = Some("pass --dir DIR, or set `briefings = \"…\"` in config.toml".into());
    }
    d
}

/// `brief list`: one line per loaded briefing, newest first; files that failed are named on
/// stderr so nothing silently disappears.
fn list(dir: &Path, style: Style) -> ExitCode {
    let loaded: Loaded = Library::load(&[dir.to_path_buf()]);
    if !loaded.problems.is_empty() {
        let problems: Vec<Diagnostic> = loaded.problems.into_iter().map(|d| explain_missing_folder(d, dir, true)).collect();
        print_diagnostics(&problems, style);
        return ExitCode::from(1);
    }
    let mut out = std::io::stdout().lock();
    let _ = write!(out, "{}", list_lines(&loaded.library));
    let failed: Vec<&FileReport> = loaded.files.iter().filter(|f| f.briefing.is_none()).collect();
    if loaded.library.is_empty() && failed.is_empty() {
        eprintln!("brief: no briefings in {}", dir.display());
    }
    if !failed.is_empty() {
        eprintln!("brief: {} could not be loaded (run `brief check` to see why):", plural(failed.len(), "file"));
        for f in failed {
            eprintln!("  {}", f.path.display());
        }
    }
    ExitCode::SUCCESS
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
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
