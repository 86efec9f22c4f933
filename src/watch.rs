//! Watching the briefings folder, so edits show in the reader as they are saved, and `brief
//! check --watch` checks them again. Terminal-free.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// A running watcher: dropping it stops watching.
pub struct Watch {
    _watcher: RecommendedWatcher,
    /// Changed paths, in the form the library knows its files by (under the folder as given).
    pub changes: Receiver<PathBuf>,
    /// Sub-folders that could not be watched.
    pub skipped: usize,
}

/// Editors' hidden temporary files, and files that are not briefings, change nothing. A folder,
/// or a path that is gone, may hold briefings: the reload decides.
fn may_matter(path: &Path) -> bool {
    !hidden(path) && (path.extension().is_some_and(|e| e == "toml") || !path.is_file())
}

fn hidden(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// Rewrites a path the watcher reports (absolute, often with symlinks resolved) under the
/// folder as it was given, which is how the library names its files.
fn as_given(path: PathBuf, dir: &Path, prefixes: &[PathBuf]) -> PathBuf {
    prefixes.iter().find_map(|prefix| path.strip_prefix(prefix).ok().map(|rest| dir.join(rest))).unwrap_or(path)
}

/// Which folder `dir` is now, as the file system knows it: a folder deleted and made again,
/// or a link pointed elsewhere, is another folder to watch.
pub fn identity(dir: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(dir).ok().map(|m| (m.dev(), m.ino()))
}

/// Starts watching `dir` and everything below it. A sub-folder that cannot be watched (no
/// permission) does not stop the rest: the others are watched one by one, and `skipped` says
/// how many were left out.
pub fn start(dir: &Path) -> notify::Result<Watch> {
    watch(dir, may_matter)
}

/// Starts watching the folder of saved copies: any file in it may be a copy a source names.
pub fn start_copies(dir: &Path) -> notify::Result<Watch> {
    watch(dir, |path| !hidden(path))
}

/// Starts watching the briefings in `dir` itself, not in the folders below it: the folder of
/// one file given to `brief check --watch`.
pub fn start_flat(dir: &Path) -> notify::Result<Watch> {
    let (mut watcher, changes) = watcher(dir, may_matter)?;
    watcher.watch(dir, RecursiveMode::NonRecursive)?;
    Ok(Watch { _watcher: watcher, changes, skipped: 0 })
}

/// A watcher that sends the paths of `dir`'s events that may matter, as given.
fn watcher(dir: &Path, may_matter: fn(&Path) -> bool) -> notify::Result<(RecommendedWatcher, Receiver<PathBuf>)> {
    let (tx, changes) = channel();
    let given = dir.to_path_buf();
    // The forms a reported path may take: resolved, absolute as given, or as given.
    let mut prefixes: Vec<PathBuf> = [std::fs::canonicalize(dir).ok(), std::path::absolute(dir).ok()].into_iter().flatten().collect();
    prefixes.dedup();
    let watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in event.paths.into_iter().map(|p| as_given(p, &given, &prefixes)).filter(|p| may_matter(p)) {
            // The reader has gone when the channel is closed; nothing left to tell.
            let _ = tx.send(path);
        }
    })?;
    Ok((watcher, changes))
}

fn watch(dir: &Path, may_matter: fn(&Path) -> bool) -> notify::Result<Watch> {
    let (mut watcher, changes) = watcher(dir, may_matter)?;
    let mut skipped = 0;
    if watcher.watch(dir, RecursiveMode::Recursive).is_err() {
        // Some folder below cannot be watched: watch each one that can.
        watcher.watch(dir, RecursiveMode::NonRecursive)?;
        let mut folders = vec![dir.to_path_buf()];
        while let Some(folder) = folders.pop() {
            let Ok(entries) = std::fs::read_dir(&folder) else { continue };
            for entry in entries.flatten() {
                let path = entry.path();
                if !entry.file_type().is_ok_and(|t| t.is_dir()) || entry.file_name().to_string_lossy().starts_with('.') {
                    continue;
                }
                match watcher.watch(&path, RecursiveMode::NonRecursive) {
                    Ok(()) => folders.push(path),
                    Err(_) => skipped += 1,
                }
            }
        }
    }
    Ok(Watch { _watcher: watcher, changes, skipped })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reported_paths_come_back_under_the_folder_as_given() {
        let prefixes = [PathBuf::from("/home/a/real"), PathBuf::from("/home/a/link")];
        let dir = Path::new("link");
        assert_eq!(as_given("/home/a/real/x.toml".into(), dir, &prefixes), Path::new("link/x.toml"));
        assert_eq!(as_given("/home/a/link/sub/x.toml".into(), dir, &prefixes), Path::new("link/sub/x.toml"));
        assert_eq!(as_given("/elsewhere/x.toml".into(), dir, &prefixes), Path::new("/elsewhere/x.toml"));
    }
}
