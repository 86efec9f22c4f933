//! A library that follows its files as they change: a file that turns invalid keeps its last
//! good version in the library while its new diagnostics are reported.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::library::{FileReport, Library, Loaded};
use crate::load::{self, ParsedFile};

#[derive(Clone, Debug)]
struct FileState {
    /// The latest parse, whatever its outcome.
    current: ParsedFile,
    /// The last parse that loaded, kept only while the current one fails: while it loads, it
    /// is its own last good version, and a second copy of every briefing would double the
    /// reader's memory.
    last_good: Option<ParsedFile>,
}

/// The library of a folder, kept up to date file by file.
#[derive(Clone, Debug)]
pub struct Live {
    root: PathBuf,
    /// Every briefing file by path, and every path that could not be read (an unreadable
    /// folder, a link to nowhere) as a file that failed: counted, shown and reloaded alike.
    files: BTreeMap<PathBuf, FileState>,
    loaded: Loaded,
    /// How many files fail in their latest version: counted once per change, since the
    /// status line asks on every frame and counting walks every file.
    failed: usize,
}

/// Changed paths, sorted for a reload by [`Live::sort_changes`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Changes {
    /// Briefing files to read again.
    read: Vec<PathBuf>,
    /// Files and folders that are gone.
    gone: Vec<PathBuf>,
    /// Paths found but not readable (a folder without permission), as diagnostics.
    unreadable: Vec<Diagnostic>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.read.is_empty() && self.gone.is_empty() && self.unreadable.is_empty()
    }
}

/// What a reload changed, for the status line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Change {
    /// Files that were read again and load.
    pub reloaded: Vec<PathBuf>,
    /// Files that were read again and now fail (their last good version is kept, if any).
    pub failed: Vec<PathBuf>,
    /// Files that are gone.
    pub removed: Vec<PathBuf>,
}

impl Live {
    /// Loads every briefing under `root`.
    pub fn load(root: &Path) -> Live {
        let (paths, problems) = load::discover(&[root.to_path_buf()]);
        let mut parsed = load::read_files(&paths);
        parsed.extend(problems.into_iter().map(load::unreadable));
        Live::from_parsed(root, parsed)
    }

    /// Builds from files already parsed (in any order).
    pub fn from_parsed(root: &Path, parsed: Vec<ParsedFile>) -> Live {
        let files = parsed.into_iter().map(|p| (p.path.clone(), FileState { current: p, last_good: None })).collect();
        let mut live = Live { root: root.to_path_buf(), files, loaded: Loaded::default(), failed: 0 };
        live.rebuild();
        live
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn library(&self) -> &Library {
        &self.loaded.library
    }

    /// Every file with an error in its latest version, with those diagnostics (and its
    /// warnings), in path order. A file listed here may still be readable in its last good
    /// version.
    pub fn failures(&self) -> Vec<FileReport> {
        self.loaded
            .files
            .iter()
            .filter_map(|report| {
                let diagnostics = self.current_diagnostics(report);
                diagnostics.iter().any(Diagnostic::is_error).then(|| FileReport {
                    path: report.path.clone(),
                    briefing: report.briefing.clone(),
                    diagnostics: diagnostics.to_vec(),
                })
            })
            .collect()
    }

    /// How many files [`Live::failures`] lists, without copying their reports (the status line
    /// asks on every frame).
    pub fn failure_count(&self) -> usize {
        self.failed
    }

    /// A file's diagnostics as of its latest version: the library was built from the last good
    /// one when the latest failed.
    fn current_diagnostics<'a>(&'a self, report: &'a FileReport) -> &'a [Diagnostic] {
        match self.files.get(&report.path) {
            Some(state) if state.current.loaded.is_none() => &state.current.diagnostics,
            _ => &report.diagnostics,
        }
    }

    /// Whether a file's latest version failed while an older one is still shown.
    pub fn is_stale(&self, path: &Path) -> bool {
        self.files.get(path).is_some_and(|s| s.current.loaded.is_none() && s.last_good.is_some())
    }

    /// Sorts paths reported as changed into briefing files to read again, paths that are gone,
    /// and paths that cannot be read. A folder stands for what is below it, so a renamed or
    /// deleted folder takes its files along; paths that hold no briefing are dropped.
    fn sort_changes(&self, paths: Vec<PathBuf>) -> Changes {
        let mut c = Changes::default();
        for path in paths {
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    let (now, problems) = load::discover(std::slice::from_ref(&path));
                    let stays = |f: &PathBuf| now.contains(f) || problems.iter().any(|p| &p.file == f);
                    c.gone.extend(self.files.keys().filter(|f| f.starts_with(&path) && !stays(f)).cloned());
                    c.read.extend(now);
                    c.unreadable.extend(problems);
                }
                Ok(_) if path.extension().is_some_and(|e| e == "toml") => c.read.push(path),
                Ok(_) => {}
                // A link to nowhere named like a briefing is a briefing that cannot be read.
                Err(_) if path.symlink_metadata().is_ok() && path.extension().is_some_and(|e| e == "toml") => c.read.push(path),
                Err(_) => c.gone.extend(self.files.keys().filter(|f| f.starts_with(&path)).cloned()),
            }
        }
        c.read.sort();
        c.read.dedup();
        c.gone.sort();
        c.gone.dedup();
        c
    }

    /// Reads what changed: the new parses (paths that cannot be read among them, as failures)
    /// and the paths that are gone, for [`Live::apply`]; `None` when nothing that matters
    /// changed.
    pub fn reread(&self, paths: Vec<PathBuf>) -> Option<(Vec<ParsedFile>, Vec<PathBuf>)> {
        let changes = self.sort_changes(paths);
        if changes.is_empty() {
            return None;
        }
        let mut parsed = load::read_files(&changes.read);
        parsed.extend(changes.unreadable.into_iter().map(load::unreadable));
        Some((parsed, changes.gone))
    }

    /// Takes in new parses of changed files and the paths that disappeared.
    pub fn apply(&mut self, parsed: Vec<ParsedFile>, removed: Vec<PathBuf>) -> Change {
        let mut change = Change::default();
        for path in removed {
            if self.files.remove(&path).is_some() {
                change.removed.push(path);
            }
        }
        for p in parsed {
            let ok = p.loaded.is_some();
            if ok { &mut change.reloaded } else { &mut change.failed }.push(p.path.clone());
            let previous = self.files.remove(&p.path).and_then(|s| if s.current.loaded.is_some() { Some(s.current) } else { s.last_good });
            let last_good = if ok { None } else { previous };
            self.files.insert(p.path.clone(), FileState { current: p, last_good });
        }
        self.rebuild();
        change
    }

    fn rebuild(&mut self) {
        let shown: Vec<ParsedFile> = self.files.values().map(|s| s.last_good.clone().unwrap_or_else(|| s.current.clone())).collect();
        self.loaded = Library::from_parsed(shown);
        self.failed = self.loaded.files.iter().filter(|r| self.current_diagnostics(r).iter().any(Diagnostic::is_error)).count();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(path: &str, text: &str) -> ParsedFile {
        load::parse_file(Path::new(path), text.as_bytes())
    }

    const GOOD: &str = "title = \"Good\"\ndate = 2025-01-01\nsummary = \"s\"\n";

    #[test]
    fn a_broken_edit_keeps_the_last_good_version_readable() {
        let mut live = Live::from_parsed(Path::new("lib"), vec![parse("lib/a.toml", GOOD)]);
        assert_eq!(live.library().get("a").map(|b| b.title.as_str()), Some("Good"));

        let change = live.apply(vec![parse("lib/a.toml", "title = \"Broken\ndate = 2025-01-01\n")], Vec::new());
        assert_eq!(change.failed, [PathBuf::from("lib/a.toml")]);
        assert_eq!(live.library().get("a").map(|b| b.title.as_str()), Some("Good"), "last good version still shown");
        assert!(live.is_stale(Path::new("lib/a.toml")));
        let failures = live.failures();
        assert_eq!((failures.len(), live.failure_count()), (1, 1));
        assert!(failures[0].diagnostics[0].message.contains("string"), "{:?}", failures[0].diagnostics);

        live.apply(vec![parse("lib/a.toml", &GOOD.replace("Good", "Fixed"))], Vec::new());
        assert_eq!(live.library().get("a").map(|b| b.title.as_str()), Some("Fixed"));
        assert!(live.failures().is_empty());
        assert!(!live.is_stale(Path::new("lib/a.toml")));

        // Broken twice in a row: the last version that loaded stays, not an older one.
        for _ in 0..2 {
            live.apply(vec![parse("lib/a.toml", "title = \"Broken\n")], Vec::new());
            assert_eq!(live.library().get("a").map(|b| b.title.as_str()), Some("Fixed"));
            assert!(live.is_stale(Path::new("lib/a.toml")));
        }
    }

    #[test]
    fn removed_and_new_files() {
        let mut live = Live::from_parsed(Path::new("lib"), vec![parse("lib/a.toml", GOOD)]);
        let change = live.apply(vec![parse("lib/b.toml", GOOD)], vec![PathBuf::from("lib/a.toml")]);
        assert_eq!(change.removed, [PathBuf::from("lib/a.toml")]);
        assert!(live.library().get("a").is_none());
        assert!(live.library().get("b").is_some());
    }

    #[test]
    fn a_file_that_never_loaded_is_a_failure() {
        let live = Live::from_parsed(Path::new("lib"), vec![parse("lib/bad.toml", "x = ")]);
        assert!(live.library().is_empty());
        assert_eq!(live.failures().len(), 1);
        assert!(!live.is_stale(Path::new("lib/bad.toml")));
    }
}
