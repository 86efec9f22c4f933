//! `brief list`: one line per briefing, newest first.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use crate::library::{Library, Loaded};
use crate::model::Kind;
use crate::output;
use crate::text;

/// Every file or folder that could not be read or loaded is named on stderr with the reason,
/// and makes the status 1.
pub fn run(dir: &Path) -> io::Result<ExitCode> {
    let loaded: Loaded = Library::load(&[dir.to_path_buf()]);
    output::out(&lines(&loaded.library))?;
    let failed = super::unloaded(&loaded.problems, &loaded.files);
    if loaded.library.is_empty() && failed.is_empty() {
        output::err(&format!("brief: no briefings in {}", text::path(dir)))?;
    }
    super::name_unloaded(&failed)?;
    Ok(ExitCode::from(u8::from(!failed.is_empty())))
}

/// The table: a header, then one row per briefing.
pub fn lines(library: &Library) -> String {
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
