//! `brief man`: the manual page, in roff, from the same definitions as `--help` (clap_mangen),
//! every command on the one page with its options, then what `--help` cannot say: exit
//! statuses, files, environment. `brief man > brief.1`, or `brief man | man -l -`.

use std::io;
use std::process::ExitCode;

use clap::CommandFactory;
use roff::{Roff, bold, italic, roman};

use crate::output;

pub fn run() -> io::Result<ExitCode> {
    output::out(&page()?)?;
    Ok(ExitCode::SUCCESS)
}

/// The page.
pub fn page() -> io::Result<String> {
    let cli = super::Cli::command();
    let man = clap_mangen::Man::new(cli.clone()).date(env!("CARGO_PKG_VERSION")).manual("brief manual");
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    for sub in cli.get_subcommands() {
        let name = sub.get_name();
        let mut usage = vec![bold(format!("brief {name}"))];
        for arg in sub.get_arguments().filter(|a| !a.is_global_set() && !a.is_hide_set()) {
            usage.push(roman(" "));
            usage.push(match arg.get_long() {
                Some(long) if arg.get_action().takes_values() => {
                    roman(format!("[--{long} {}]", arg.get_value_names().and_then(|v| v.first()).map_or("VALUE", |v| v.as_str())))
                }
                Some(long) => roman(format!("[--{long}]")),
                None => italic(arg.get_value_names().and_then(|v| v.first()).map_or(arg.get_id().as_str(), |v| v.as_str()).to_string()),
            });
        }
        roff.control("SS", [name]);
        roff.text(usage);
        roff.control("PP", [] as [&str; 0]);
        roff.text([roman(sub.get_about().map(|a| a.to_string()).unwrap_or_default())]);
        for arg in sub.get_arguments().filter(|a| !a.is_global_set() && !a.is_hide_set()) {
            let what = match (arg.get_long(), arg.get_short()) {
                (Some(long), Some(short)) => format!("-{short}, --{long}"),
                (Some(long), None) => format!("--{long}"),
                _ => arg.get_value_names().and_then(|v| v.first()).map_or(arg.get_id().to_string(), |v| v.to_string()),
            };
            roff.control("TP", [] as [&str; 0]);
            roff.text([bold(what)]);
            roff.text([roman(arg.get_help().map(|h| h.to_string()).unwrap_or_default())]);
        }
    }
    roff.control("SH", ["EXIT STATUS"]);
    roff.text([roman(
        "0 when all went well (a search or a view that lists something); 1 when problems were found (errors, or warnings under --deny-warnings), nothing matched, or brief new found its file already there; 2 when brief could not do what was asked (a missing folder, a bad option or id, no terminal for the reader).",
    )]);
    roff.control("SH", ["FILES"]);
    for (file, what) in [
        (
            "./config.toml, ~/.config/brief/config.toml",
            "settings: the briefings folder, colours, keys, export defaults (--config to name another)",
        ),
        ("~/.cache/brief/", "the store: a cache of the library, rebuilt from the files whenever it is missing or stale"),
        ("~/.local/state/brief/", "read marks, search history and the log (brief.log, made only when something is logged)"),
        (
            "~/.local/share/brief/briefing.schema.json",
            "the format's JSON Schema, kept for editors by brief new when the briefings folder is not in a checkout of brief",
        ),
    ] {
        roff.control("TP", [] as [&str; 0]);
        roff.text([bold(file)]);
        roff.text([roman(what)]);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    for (var, what) in [
        ("NO_COLOR", "when set and not empty, no colour"),
        ("BRIEF_LOG", "the log's level: error, warn (the default), info, debug or trace"),
        ("EDITOR, VISUAL", "the editor e (in the reader) and brief new open"),
        ("XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_STATE_HOME, XDG_DATA_HOME", "where the folders above are"),
        ("COMPLETE", "set by the completion scripts of brief completions when they ask brief for candidates"),
    ] {
        roff.control("TP", [] as [&str; 0]);
        roff.text([bold(var)]);
        roff.text([roman(what)]);
    }
    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman(
        "README.md, docs/format.md (the briefing format), docs/search.md, docs/views.md, docs/verify.md in the source; brief --help and brief COMMAND --help.",
    )]);
    out.extend(roff.render().into_bytes());
    man.render_version_section(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}
