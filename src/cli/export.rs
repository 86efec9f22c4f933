//! `brief export`: briefings (named, all, or the items a search finds) to Markdown, JSON or
//! text, on standard output or safely into a file.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::config::{Config, ExportFormat};
use crate::export::{self, Section};
use crate::library::Library;
use crate::output;
use crate::text;

/// What `brief export` was asked for.
pub struct Request {
    pub ids: Vec<String>,
    pub all: bool,
    pub query: Option<String>,
    pub official: Option<String>,
    pub only: Option<String>,
    pub format: Option<String>,
    pub out: Option<PathBuf>,
    pub force: bool,
    pub width: Option<usize>,
}

fn fail(code: u8, message: String) -> io::Result<ExitCode> {
    output::err(&format!("brief: {message}"))?;
    Ok(ExitCode::from(code))
}

pub fn run(dir: &Path, config: &Config, r: Request) -> io::Result<ExitCode> {
    let format = match r.format.as_deref() {
        None => config.export.format,
        Some(word) => match ExportFormat::parse(word) {
            Some(format) => format,
            None => return fail(2, format!("`{}` is not a format; use md, json or txt", text::visible(word, false))),
        },
    };
    let sections = match r.only.as_deref().map(Section::parse_list) {
        None => Section::ALL.to_vec(),
        Some(Ok(list)) if !list.is_empty() => list,
        Some(Ok(_)) => return fail(2, "--only needs at least one section".into()),
        Some(Err(message)) => return fail(2, message),
    };
    let loaded = Library::load(&[dir.to_path_buf()]);
    // What could not be read elsewhere in the library is named, and the export goes on.
    super::name_unloaded(&super::unloaded(&loaded.problems, &loaded.files))?;
    let picks = match &r.official {
        Some(id) => match export::select_official(&loaded.library, id) {
            Some(picks) => picks,
            None => return fail(1, format!("no briefing lists an official `{}`", text::short(id, 80))),
        },
        None => match export::select(&loaded.library, &r.ids, r.all, r.query.as_deref()) {
            Ok(picks) => picks,
            Err(message) => return fail(2, message),
        },
    };
    if picks.is_empty() {
        return fail(1, "nothing to export: the query found nothing".into());
    }
    let doc = export::build(&picks, &sections);
    let text = export::render(&doc, format, r.width.unwrap_or(config.export.width).max(20));
    match r.out.as_deref() {
        None => output::out(&text)?,
        Some(path) if path == Path::new("-") => output::out(&text)?,
        Some(path) => {
            if let Err(err) = export::write::write(path, &text, r.force) {
                return fail(1, err.to_string());
            }
            output::err(&format!("brief: wrote {}", text::path(path)))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
