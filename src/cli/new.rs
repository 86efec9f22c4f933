//! `brief new ID [--title T] [--date D]`: a new briefing in the briefings folder, from the
//! template (`load::template`), then open in `$VISUAL`/`$EDITOR` when on a terminal. The one
//! command that writes into the briefings folder, and only a new file: through the exports' own
//! writer (`export::write`), beside its place and linked there only if nothing is, so an
//! existing briefing is never replaced, not even by two `brief new` racing.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::date::Date;
use crate::export::write::WriteError;
use crate::load::briefing::{MAX_ID_CHARS, is_valid_id, slug};
use crate::output;

pub struct Request {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
}

pub fn run(dir: &Path, request: Request, cache: bool, style: crate::report::Style) -> io::Result<ExitCode> {
    let Request { id, title, date } = request;
    if !is_valid_id(&id) {
        let why = if id.chars().count() > MAX_ID_CHARS { format!("longer than {MAX_ID_CHARS} characters") } else { "not an id".into() };
        let suggestion = slug(&id);
        output::err(&format!(
            "brief: `{}` is {why}: an id is lowercase letters, digits and dashes ([a-z0-9][a-z0-9-]*), for example `{}`",
            crate::text::visible(&crate::text::short(&id, 80), false),
            crate::text::short(&suggestion, 80)
        ))?;
        return Ok(ExitCode::from(2));
    }
    let date = match date.as_deref().map(|d| Date::parse(d).ok_or(d)) {
        None => Date::today(),
        Some(Ok(date)) => date,
        Some(Err(d)) => {
            output::err(&format!("brief: --date takes a day as YYYY-MM-DD, not `{}`", crate::text::visible(d, false)))?;
            return Ok(ExitCode::from(2));
        }
    };
    let title = match title {
        Some(t) if t.trim().is_empty() => {
            output::err("brief: --title is empty: a briefing's title says what it is about (leave --title out for one made from the id)")?;
            return Ok(ExitCode::from(2));
        }
        Some(t) => t,
        None => titled(&id),
    };
    // A second file of an id the library has would push one of the two out of it.
    if let Some(holder) = holder(dir, &id, cache) {
        output::err(&format!("brief: the library already has a briefing `{id}`, in {}; choose another id", crate::text::path(&holder)))?;
        return Ok(ExitCode::from(2));
    }
    let path = dir.join(format!("{id}.toml"));
    let text = crate::load::template::briefing(&id, &title, date, schema_for(dir).as_deref());
    // Through a temporary file linked into place only where nothing is: never over a file.
    match crate::export::write::write(&path, &text, false) {
        Ok(()) => {}
        Err(WriteError::Exists(_) | WriteError::NotAFile(..)) => {
            output::err(&format!(
                "brief: {} exists; `brief new` writes only new files (open it with `brief open {id}`)",
                crate::text::path(&path)
            ))?;
            return Ok(ExitCode::from(1));
        }
        Err(err) => {
            output::err(&format!("brief: {err}"))?;
            return Ok(ExitCode::from(2));
        }
    }
    output::out(&format!("{}\n", crate::text::path(&path)))?;
    if io::stdin().is_terminal() && io::stdout().is_terminal() {
        edit(&path)?;
        // What the curator wrote, checked as part of the library.
        return super::check::run(dir, &[path], None, false, false, style);
    }
    Ok(ExitCode::SUCCESS)
}

/// The file of the library's briefing of this id, if it has one: from the store, or from the
/// files with `--no-cache` or when the store cannot be used.
fn holder(dir: &Path, id: &str, cache: bool) -> Option<PathBuf> {
    let rows = match if cache { super::list::stored(dir) } else { None } {
        Some(listing) => listing.rows,
        None => super::list::rows(&crate::library::Library::load(&[dir.to_path_buf()]).library),
    };
    rows.into_iter().find(|r| r.id == id).map(|r| r.path)
}

/// "london-talks" → "London talks": a title to start from.
fn titled(id: &str) -> String {
    let words = id.replace('-', " ");
    let mut chars = words.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Where editors find the format's schema, as the `#:schema` comment names it: the project's
/// `docs/briefing.schema.json` when the folder is inside a checkout (a path relative to the
/// folder, so the file reads the same on every machine); else a copy the program keeps in its
/// data folder.
fn schema_for(dir: &Path) -> Option<String> {
    let dir = std::fs::canonicalize(dir).ok()?;
    for (up, ancestor) in dir.ancestors().enumerate().take(4) {
        if ancestor.join("docs/briefing.schema.json").is_file() && ancestor.join("Cargo.toml").is_file() {
            return Some(format!("{}docs/briefing.schema.json", "../".repeat(up)));
        }
    }
    // A comment is one line: a path that is not plain text is left out.
    kept_schema().map(|p| p.display().to_string()).filter(|p| !p.chars().any(char::is_control))
}

/// The schema written into `$XDG_DATA_HOME/brief/` (kept current: a program of another format
/// version writes its own), through a temporary file; none when that cannot be done.
fn kept_schema() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let dir = etcetera::choose_base_strategy().ok()?.data_dir().join("brief");
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join("briefing.schema.json");
    let text = crate::load::schema::text();
    if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
        return Some(path);
    }
    // Only a regular file (or nothing) is replaced, not even a link; through a temporary file.
    if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
        return None;
    }
    crate::export::write::write(&path, &text, true).ok()?;
    Some(path)
}

/// Opens the new file in the user's editor (`config::editor`, as the reader's `e` does).
fn edit(path: &Path) -> io::Result<()> {
    let (program, args) = crate::config::editor();
    match std::process::Command::new(&program).args(args).arg(path).status() {
        Err(err) => {
            output::err(&format!("brief: could not start the editor `{program}` ({err}); the file is written, edit it as you like"))?
        }
        Ok(status) if !status.success() => {
            output::err(&format!("brief: the editor `{program}` ended with {status}; the file is kept as it is"))?
        }
        Ok(_) => {}
    }
    Ok(())
}
