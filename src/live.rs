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
    /// The last parse that loaded, kept while the current one fails.
    last_good: Option<ParsedFile>,
}

/// The library of a folder, kept up to date file by file.
#[derive(Clone, Debug)]
pub struct Live {
    root: PathBuf,
    files: BTreeMap<PathBuf, FileState>,
    problems: Vec<Diagnostic>,
    loaded: Loaded,
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
        Live::from_parsed(root, load::read_files(&paths), problems)
    }

    /// Builds from files already parsed (in any order).
    pub fn from_parsed(root: &Path, parsed: Vec<ParsedFile>, problems: Vec<Diagnostic>) -> Live {
        let files = parsed
            .into_iter()
            .map(|p| {
                let last_good = p.loaded.is_some().then(|| p.clone());
                (p.path.clone(), FileState { current: p, last_good })
            })
            .collect();
        let mut live = Live { root: root.to_path_buf(), files, problems, loaded: Loaded::default() };
        live.rebuild();
        live
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn library(&self) -> &Library {
        &self.loaded.library
    }

    /// Paths that could not be read at all (a missing folder).
    pub fn problems(&self) -> &[Diagnostic] {
        &self.problems
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
        self.loaded.files.iter().filter(|r| self.current_diagnostics(r).iter().any(Diagnostic::is_error)).count()
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

    /// Sorts paths reported as changed into briefing files to read again and files that are
    /// gone. A folder stands for the briefings below it, so a renamed or deleted folder takes
    /// its files along; paths that hold no briefing are dropped.
    pub fn sort_changes(&self, paths: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<PathBuf>) {
        let (mut read, mut gone) = (Vec::new(), Vec::new());
        for path in paths {
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    let (now, _) = load::discover(std::slice::from_ref(&path));
                    gone.extend(self.files.keys().filter(|f| f.starts_with(&path) && !now.contains(f)).cloned());
                    read.extend(now);
                }
                Ok(_) if path.extension().is_some_and(|e| e == "toml") => read.push(path),
                Ok(_) => {}
                Err(_) => gone.extend(self.files.keys().filter(|f| f.starts_with(&path)).cloned()),
            }
        }
        read.sort();
        read.dedup();
        gone.sort();
        gone.dedup();
        (read, gone)
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
            let previous = self.files.remove(&p.path).and_then(|s| s.last_good);
            let last_good = if ok { Some(p.clone()) } else { previous };
            self.files.insert(p.path.clone(), FileState { current: p, last_good });
        }
        self.rebuild();
        change
    }

    fn rebuild(&mut self) {
        let shown: Vec<ParsedFile> = self.files.values().map(|s| s.last_good.clone().unwrap_or_else(|| s.current.clone())).collect();
        self.loaded = Library::from_parsed(shown);
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
        let mut live = Live::from_parsed(Path::new("lib"), vec![parse("lib/a.toml", GOOD)], Vec::new());
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
    }

    #[test]
    fn removed_and_new_files() {
        let mut live = Live::from_parsed(Path::new("lib"), vec![parse("lib/a.toml", GOOD)], Vec::new());
        let change = live.apply(vec![parse("lib/b.toml", GOOD)], vec![PathBuf::from("lib/a.toml")]);
        assert_eq!(change.removed, [PathBuf::from("lib/a.toml")]);
        assert!(live.library().get("a").is_none());
        assert!(live.library().get("b").is_some());
    }

    #[test]
    fn a_file_that_never_loaded_is_a_failure() {
        let live = Live::from_parsed(Path::new("lib"), vec![parse("lib/bad.toml", "x = ")], Vec::new());
        assert!(live.library().is_empty());
        assert_eq!(live.failures().len(), 1);
        assert!(!live.is_stale(Path::new("lib/bad.toml")));
    }
}
