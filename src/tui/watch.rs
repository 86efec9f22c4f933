//! Watching the briefings folder, so edits show in the reader as they are saved.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// A running watcher: dropping it stops watching.
pub struct Watch {
    _watcher: RecommendedWatcher,
    pub changes: Receiver<PathBuf>,
}

/// Briefing files only: editors' temporary and backup files are not briefings.
fn is_briefing(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml") && !path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

pub fn start(dir: &Path) -> notify::Result<Watch> {
    let (tx, changes) = channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in event.paths.into_iter().filter(|p| is_briefing(p)) {
            // The reader has gone when the channel is closed; nothing left to tell.
            let _ = tx.send(path);
        }
    })?;
    watcher.watch(dir, RecursiveMode::Recursive)?;
    Ok(Watch { _watcher: watcher, changes })
}
