//! Reading briefing files: finding them, parsing each one on its own, reporting what is wrong.

pub mod briefing;
pub mod reader;
mod refs;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub use briefing::{LibraryFacts, ParsedFile, is_valid_id, parse_file, slug};

use crate::diag::{Anchor, Code, Diagnostic};

/// A problem with a path itself (missing, unreadable), anchored at its start.
pub fn io_diagnostic(path: &Path, message: String, help: &str) -> Diagnostic {
    let anchor = Anchor { line: 1, column: 1, width: 0, source_line: String::new() };
    let mut d = anchor.report(path, Code::Io, message);
    d.with_help(help);
    d
}

/// Every `*.toml` file below `paths` (folders are read recursively, hidden entries skipped), in
/// path order, each once. A file named directly is taken whatever its extension. Paths that
/// cannot be read are returned as diagnostics.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut seen_dirs = HashSet::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut files, &mut problems, &mut seen_dirs),
            Ok(_) => files.push(path.clone()),
            Err(err) => problems.push(io_diagnostic(
                path,
                format!("cannot read {}: {err}", path.display()),
                "check the path: brief reads `*.toml` files and folders of them",
            )),
        }
    }
    files.sort();
    files.dedup();
    (files, problems)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<Diagnostic>, seen: &mut HashSet<PathBuf>) {
    // Following a symlinked folder back to an ancestor would never end.
    if !seen.insert(std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            problems.push(io_diagnostic(dir, format!("cannot read folder {}: {err}", dir.display()), "check the folder's permissions"));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let briefing = path.extension().is_some_and(|e| e == "toml");
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, files, problems, seen),
            Ok(_) if briefing => files.push(path),
            Ok(_) => {}
            // A link to nowhere named like a briefing is a briefing that cannot be read.
            Err(err) if briefing => problems.push(io_diagnostic(
                &path,
                format!("cannot read {}: {err}", crate::text::visible(&path.display().to_string(), false)),
                "the file is gone or a link points nowhere",
            )),
            Err(_) => {}
        }
    }
}

/// Reads and parses files in parallel, keeping their order.
pub fn read_files(paths: &[PathBuf]) -> Vec<ParsedFile> {
    use rayon::prelude::*;
    paths.par_iter().map(|path| read_file(path)).collect()
}

/// Reads and parses one file; an unreadable file becomes a diagnostic.
pub fn read_file(path: &Path) -> ParsedFile {
    match std::fs::read(path) {
        Ok(bytes) => parse_file(path, &bytes),
        Err(err) => ParsedFile {
            path: path.to_path_buf(),
            loaded: None,
            diagnostics: vec![io_diagnostic(
                path,
                format!("cannot read {}: {err}", path.display()),
                "check that the file exists and is readable",
            )],
        },
    }
}
