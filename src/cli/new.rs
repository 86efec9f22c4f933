//! `brief new ID [--title T] [--date D]`: a new briefing in the briefings folder, from the
//! template (`load::template`), then open in `$VISUAL`/`$EDITOR` when on a terminal. The one
//! command that writes into the briefings folder, and only a new file: it is written beside its
//! place and linked there only if nothing is, so an existing briefing is never replaced, not
//! even by two `brief new` racing.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::date::Date;
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
    match write_new(&path, &text) {
        Ok(()) => {}
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
            output::err(&format!(
                "brief: {} exists; `brief new` writes only new files (open it with `brief open {id}`)",
                crate::text::path(&path)
            ))?;
            return Ok(ExitCode::from(1));
        }
        Err(err) => {
            output::err(&format!("brief: cannot write {}: {err}", crate::text::path(&path)))?;
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
    if cache
        && let Some((mut store, fresh)) = super::progress::fresh_store(dir)
        && let Ok(listing) = store.listing(dir, &fresh)
    {
        return listing.rows.into_iter().find(|r| r.id == id).map(|r| r.path);
    }
    let loaded = crate::library::Library::load(&[dir.to_path_buf()]);
    loaded.library.briefings().iter().find(|b| b.id == id).map(|b| b.path.clone())
}

/// "london-talks" → "London talks": a title to start from.
fn titled(id: &str) -> String {
    let words = id.replace('-', " ");
    let mut chars = words.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The file written whole beside its place, then linked into it only if no file is there.
fn write_new(path: &Path, text: &str) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    // Made as any new file is, for the umask to decide who may read it (not 0600).
    let mode = std::os::unix::fs::PermissionsExt::from_mode(0o666);
    let mut file = tempfile::Builder::new().prefix(".brief-new-").suffix(".tmp").permissions(mode).tempfile_in(dir)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist_noclobber(path).map(drop).map_err(|e| e.error)
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
    // Only a regular file (or nothing) is replaced.
    if std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_file()) {
        return None;
    }
    let mut file = tempfile::NamedTempFile::new_in(&dir).ok()?;
    file.write_all(text.as_bytes()).ok()?;
    file.persist(&path).ok()?;
    Some(path)
}

/// Opens the new file in the user's editor (`$VISUAL`, else `$EDITOR`, an empty one as unset,
/// else vi).
fn edit(path: &Path) -> io::Result<()> {
    let set = |var: &str| std::env::var(var).ok().filter(|v| !v.trim().is_empty());
    let editor = set("VISUAL").or_else(|| set("EDITOR")).unwrap_or_else(|| "vi".into());
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi").to_string();
    match std::process::Command::new(&program).args(words).arg(path).status() {
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
