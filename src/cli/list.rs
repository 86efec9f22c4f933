//! `brief list`: one line per briefing, newest first — from the store once it is up to date
//! with the folder, or from the files alone (`--no-cache`).

use std::io;
use std::path::Path;
use std::process::ExitCode;

use crate::library::{Library, Loaded};
use crate::output;
use crate::store::list::Row;
use crate::text;

/// Every file or folder that could not be read or loaded is named on stderr with the reason,
/// and makes the status 1.
pub fn run(dir: &Path, cache: bool) -> io::Result<ExitCode> {
    let (rows, failed) = match if cache { stored(dir) } else { None } {
        Some(listing) => (listing.rows, super::failed_lines(&listing.failed)),
        None => {
            let loaded: Loaded = Library::load(&[dir.to_path_buf()]);
            let failed = super::unloaded_lines(&loaded);
            (rows(&loaded.library), failed)
        }
    };
    output::out(&lines(&rows))?;
    if rows.is_empty() && failed.is_empty() {
        output::err(&format!("brief: no briefings in {}", text::path(dir)))?;
    }
    super::name_failed(&failed)?;
    Ok(ExitCode::from(u8::from(!failed.is_empty())))
}

/// The list from the store; None when the store cannot be used (the files answer the same).
pub(super) fn stored(dir: &Path) -> Option<crate::store::list::Listing> {
    let (mut store, fresh) = super::progress::fresh_store(dir)?;
    store.listing(dir, &fresh).map_err(|e| tracing::warn!("answering from the files: {e}")).ok()
}

/// The rows of a loaded library, in its order.
pub fn rows(library: &Library) -> Vec<Row> {
    library.briefings().iter().map(Row::of).collect()
}

/// The widest the id column grows.
const ID_COLUMN: usize = 48;

/// The table: a header, then one row per briefing.
pub fn lines(rows: &[Row]) -> String {
    // Ids pad to the longest, up to a point: one id of a hundred thousand characters would pad
    // every row of the library to its length. A longer id runs past its column.
    let id_width = rows.iter().map(|r| r.id.chars().count()).max().unwrap_or(0).clamp(2, ID_COLUMN);
    let mut out = format!("{:<10}  {:<id_width$}  OFFICIALS  COMMITMENTS  REACTIONS  FACTS  SOURCES  TITLE\n", "DATE", "ID");
    for r in rows {
        let [officials, commitments, reactions, facts, sources] = r.counts;
        out.push_str(&format!(
            "{}  {:<id_width$}  {officials:>9}  {commitments:>11}  {reactions:>9}  {facts:>5}  {sources:>7}  {}\n",
            r.date,
            r.id,
            text::visible(&r.title, false),
        ));
    }
    out
}
