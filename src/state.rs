//! What the reader keeps of its user's doing, which is not cache: it lives in the XDG state
//! folder (`$XDG_STATE_HOME/brief`, `~/.local/state/brief`), apart from the store, so deleting
//! the cache loses none of it. Today the search history. Terminal-free.

use std::path::{Path, PathBuf};

/// How many queries the history keeps; the oldest go first.
pub const HISTORY: usize = 500;

/// The state folder, where the platform has one (the data folder where it has not).
pub fn folder() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.state_dir().unwrap_or_else(|| strategy.data_dir()).join("brief"))
}

/// The file of queries searched in the reader, one a line, oldest first.
pub fn search_history() -> Option<PathBuf> {
    Some(folder()?.join("search-history"))
}

/// The queries in a history file, oldest first; none when it is missing or unreadable (a
/// history is a convenience, never a reason not to start).
pub fn read_history(path: &Path) -> Vec<String> {
    let Ok(bytes) = std::fs::read(path) else { return Vec::new() };
    let mut history = Vec::new();
    for line in String::from_utf8_lossy(&bytes).lines() {
        push(&mut history, line, HISTORY);
    }
    history
}

/// Puts a query last in a history, once, keeping the newest `keep`. A blank query is not kept,
/// and a line break in one is a space: the file has a query a line.
pub fn push(history: &mut Vec<String>, query: &str, keep: usize) {
    let query = query.replace(['\n', '\r'], " ");
    let query = query.trim();
    if query.is_empty() {
        return;
    }
    history.retain(|q| q != query);
    history.push(query.to_string());
    let over = history.len().saturating_sub(keep);
    history.drain(..over);
}

/// Adds a query to the history file. The file is read again first, so two readers open at once
/// both keep their queries, and written through a temporary file and a rename, so a crash
/// leaves the old history whole; only a regular file is ever replaced.
pub fn remember(path: &Path, query: &str, keep: usize) -> Result<(), crate::export::write::WriteError> {
    let mut history = read_history(path);
    push(&mut history, query, keep);
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|e| crate::export::write::WriteError::Io(folder.to_path_buf(), e))?;
    }
    let mut text = history.join("\n");
    text.push('\n');
    crate::export::write::write(path, &text, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_kept_once_newest_last_and_the_oldest_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deeper/search-history");
        assert!(read_history(&path).is_empty(), "no file yet");
        for q in ["lithium", "greer", "lithium", "  ", "kind:official\nbessent"] {
            remember(&path, q, 3).unwrap();
        }
        assert_eq!(read_history(&path), ["greer", "lithium", "kind:official bessent"]);
        remember(&path, "yttrium", 3).unwrap();
        assert_eq!(read_history(&path), ["lithium", "kind:official bessent", "yttrium"]);
    }

    #[test]
    fn never_replaces_what_is_not_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("search-history");
        std::fs::create_dir(&path).unwrap();
        assert!(remember(&path, "lithium", 3).is_err());
        assert!(path.is_dir(), "the folder in its place is left alone");
    }
}
