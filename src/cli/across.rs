//! What the commands over the whole library share (`commitments`, `timeline`, `weak`): a
//! view's rows from the store once it is up to date with the folder, or from the files alone
//! (`--no-cache`, or a store that cannot be used), the same either way; and the date options.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::across::{self, Rows};
use crate::date::Date;
use crate::library::Library;
use crate::store::views::View;

/// A view's rows, in the store's order for it, and a line for each file that could not be
/// read or loaded (its rows are missing).
pub fn rows<T: DeserializeOwned + across::Placed>(dir: &Path, cache: bool, view: View, pick: fn(Rows) -> Vec<T>) -> (Vec<T>, Vec<String>) {
    let stored = cache.then(|| super::progress::fresh_store(dir)).flatten().and_then(|(mut store, fresh)| {
        store.view::<T>(dir, &fresh, view).map_err(|e| tracing::warn!("answering from the files: {e}")).ok()
    });
    if let Some((rows, listing)) = stored {
        let failed = super::failed_lines(&listing.failed);
        return (rows, failed);
    }
    let loaded = Library::load(&[dir.to_path_buf()]);
    let failed = super::unloaded_lines(&loaded);
    let rows = loaded.library.briefings().iter().flat_map(|b| pick(across::rows_of(b, &across::file_below(dir, &b.path)))).collect();
    (rows, failed)
}

/// A date option's value, or what to say about it.
pub fn date(option: &str, value: Option<&str>) -> Result<Option<Date>, String> {
    value
        .map(|v| Date::parse(v).ok_or_else(|| format!("{option} takes a day as YYYY-MM-DD, not `{}`", crate::text::short(v, 40))))
        .transpose()
}

/// The exit status of a listing command, as grep's: 0 when something was listed, 1 when
/// nothing was.
pub fn status(listed: bool) -> std::process::ExitCode {
    std::process::ExitCode::from(u8::from(!listed))
}

/// Rows derived from every briefing of the library, one briefing at a time: read back from
/// the store once it is up to date, or from the files; and the failures, as [`rows`].
pub fn derived<T>(dir: &Path, cache: bool, mut derive: impl FnMut(&crate::model::Briefing, &str) -> Vec<T>) -> (Vec<T>, Vec<String>) {
    let mut out = Vec::new();
    let stored = cache.then(|| super::progress::fresh_store(dir)).flatten().and_then(|(mut store, fresh)| {
        store
            .each_briefing(dir, &fresh, |b| out.extend(derive(&b, &across::file_below(dir, &b.path))))
            .map_err(|e| tracing::warn!("answering from the files: {e}"))
            .ok()
    });
    if let Some(listing) = stored {
        let failed = super::failed_lines(&listing.failed);
        return (out, failed);
    }
    out.clear();
    let loaded = Library::load(&[dir.to_path_buf()]);
    let failed = super::unloaded_lines(&loaded);
    out.extend(loaded.library.briefings().iter().flat_map(|b| derive(b, &across::file_below(dir, &b.path))));
    (out, failed)
}

/// Prints a view's rows — as JSON, or as `lines` makes them — names what failed, and gives the
/// status: 0 when something was listed, 1 when nothing was.
pub fn print<'r, T, J: serde::Serialize>(
    rows: &'r [T],
    json: Option<fn(&'r T) -> J>,
    lines: fn(&[T]) -> String,
    failed: &[String],
) -> std::io::Result<std::process::ExitCode> {
    match json {
        Some(of) => {
            let json: Vec<J> = rows.iter().map(of).collect();
            crate::output::out(&(crate::text::json(&json) + "\n"))?;
        }
        None => crate::output::out(&lines(rows))?,
    }
    super::name_failed(failed)?;
    Ok(status(!rows.is_empty()))
}
