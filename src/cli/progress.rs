//! A progress bar on standard error while many files are read: only on a terminal, never when
//! piped or under `CI=true`, and gone once the work is done.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Below this many files the work is over before a bar would be read.
const AT_LEAST: usize = 200;

/// A bar for `total` files, or a hidden one.
pub fn files(total: usize, what: &str) -> ProgressBar {
    use std::io::IsTerminal;
    let shown = total >= AT_LEAST && std::io::stderr().is_terminal() && std::env::var("CI").map_or(true, |ci| ci != "true");
    let bar =
        ProgressBar::with_draw_target(Some(total as u64), if shown { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() });
    if let Ok(style) = ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} files ({eta} left)") {
        bar.set_style(style);
    }
    bar.set_message(what.to_string());
    bar
}

/// The store of `dir`, brought up to date with it (with a bar while many files are read, as
/// on a first build); None, with the reason in the log, when it cannot be used: the command
/// then answers from the files, the same.
pub fn fresh_store(dir: &std::path::Path) -> Option<(crate::store::Store, crate::store::fresh::Fresh)> {
    fresh_store_reading(dir, |_| Ok(())).map(|(store, fresh, _)| (store, fresh))
}

/// [`fresh_store`], with `early` read from the store while the folder is walked: given back
/// when the pass wrote nothing, so it is still true (see `Store::refresh_reading`).
pub fn fresh_store_reading<T>(
    dir: &std::path::Path,
    early: impl FnOnce(&crate::store::Store) -> rusqlite::Result<T>,
) -> Option<(crate::store::Store, crate::store::fresh::Fresh, Option<T>)> {
    let warn = |why: &dyn std::fmt::Display| tracing::warn!("answering from the files: {why}");
    let mut store = crate::store::Store::open(dir).map_err(|why| warn(&why)).ok()?;
    let bar = std::sync::OnceLock::new();
    let fresh = store.refresh_reading(
        dir,
        &|done, total| {
            bar.get_or_init(|| files(total, "Indexing")).set_position(done as u64);
        },
        early,
    );
    if let Some(bar) = bar.get() {
        bar.finish_and_clear();
    }
    let (fresh, early) = fresh.map_err(|why| warn(&why)).ok()?;
    Some((store, fresh, early))
}
