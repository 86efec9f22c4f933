//! Reading briefing files: finding them, parsing each one on its own, reporting what is wrong.

/// The version of the briefing format (`docs/format.md`) this program reads.
pub const FORMAT_VERSION: u32 = 1;

pub mod briefing;
mod pieces;
pub mod reader;
mod refs;
pub mod schema;
pub mod spec;
pub mod template;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

pub use briefing::{LibraryFacts, ParsedFile, is_valid_id, parse_file, slug};

use crate::diag::{Anchor, Code, Diagnostic};

/// A problem with a path itself (missing, unreadable), anchored at its start.
pub fn io_diagnostic(path: &Path, message: String, help: &str) -> Diagnostic {
    let anchor = Anchor { line: 1, column: 1, width: 0, source_line: String::new(), quote_column: 1 };
    let mut d = anchor.report(path, Code::Io, message);
    d.with_help(help);
    d
}

/// A path that could not be read, as a file that failed to load with that one diagnostic.
pub fn unreadable(problem: Diagnostic) -> ParsedFile {
    ParsedFile { path: problem.file.clone(), loaded: None, diagnostics: vec![problem], archives: Vec::new() }
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
                format!("cannot read {}: {err}", crate::text::path(path)),
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
            problems.push(io_diagnostic(
                dir,
                format!("cannot read folder {}: {err}", crate::text::path(dir)),
                "check the folder's permissions",
            ));
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
            Err(_) if briefing => {
                if let Err(why) = read_bytes(&path) {
                    problems.push(io_diagnostic(&path, why.message(""), why.help));
                }
            }
            Err(_) => {}
        }
    }
}

/// Reads and parses files in parallel, keeping their order.
pub fn read_files(paths: &[PathBuf]) -> Vec<ParsedFile> {
    read_files_telling(paths, &|| {})
}

/// [`read_files`], calling `done` as each file is read (for a progress bar).
pub fn read_files_telling(paths: &[PathBuf], done: &(dyn Fn() + Sync)) -> Vec<ParsedFile> {
    read_files_then(paths, done, |parsed| parsed)
}

/// [`read_files_telling`], keeping only what `keep` makes of each file, on the thread that read
/// it: what is not kept is freed while the other files are still being read.
pub fn read_files_then<T: Send>(paths: &[PathBuf], done: &(dyn Fn() + Sync), keep: impl Fn(ParsedFile) -> T + Sync) -> Vec<T> {
    use rayon::prelude::*;
    paths
        .par_iter()
        .map(|path| {
            let kept = keep(read_file(path));
            done();
            kept
        })
        .collect()
}

/// The largest briefing file read, in bytes. A hand-written briefing is a few dozen kilobytes;
/// past this, a file is a mistake (a log, a dump, a link to `/dev/zero`), refused before it can
/// take the machine's memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why a file could not be read, and what would be accepted.
#[derive(Debug)]
pub struct Unreadable {
    /// The file, made safe to print.
    shown: String,
    /// What is wrong: an error from the system, or what the file is instead.
    problem: Problem,
    pub help: &'static str,
}

#[derive(Debug)]
enum Problem {
    Io(std::io::Error),
    /// A symbolic link whose target does not exist.
    Dangling(PathBuf),
    NotRegular(&'static str),
    TooLarge,
}

impl Unreadable {
    /// The message, naming the file as `what` (`"config"` for the config file).
    pub fn message(&self, what: &str) -> String {
        let what = if what.is_empty() { String::new() } else { format!("{what} ") };
        let shown = &self.shown;
        match &self.problem {
            Problem::Io(err) => format!("cannot read {what}{shown}: {err}"),
            Problem::Dangling(target) => {
                let target = crate::text::path(target);
                format!("cannot read {what}{shown}: it is a link to {target}, which does not exist")
            }
            Problem::NotRegular(kind) => format!("{what}{shown} is {kind}, not a regular file"),
            Problem::TooLarge => format!("{what}{shown} is larger than {} MiB, the most a file may be", MAX_FILE_BYTES / (1024 * 1024)),
        }
    }
}

/// The bytes of a regular file of at most [`MAX_FILE_BYTES`]. Anything else — a FIFO, a device,
/// a socket, a folder — is refused without reading, and opening never waits: a FIFO with no
/// writer would otherwise block forever.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Unreadable> {
    read_with_metadata(path).map(|(bytes, _)| bytes)
}

/// [`read_with_metadata`], short of reading: whether the file could be read, and why not.
pub fn readable(path: &Path) -> Result<(), Unreadable> {
    open_checked(path).map(|_| ())
}

/// [`read_bytes`], with the metadata of the very file read (taken before reading it): a path
/// looked up again might by then name another file.
pub fn read_with_metadata(path: &Path) -> Result<(Vec<u8>, std::fs::Metadata), Unreadable> {
    use std::io::Read;
    let (file, meta) = open_checked(path)?;
    let shown = crate::text::path(path);
    let fail = |problem, help| Unreadable { shown: shown.clone(), problem, help };
    let cannot = |err: std::io::Error| fail(Problem::Io(err), "check that the file exists and is readable");
    let too_large = || fail(Problem::TooLarge, "split it into several briefings, or check that it is a briefing at all");
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow while it is read: never take more than the limit.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(cannot)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok((bytes, meta))
}

/// The file opened without waiting, with its metadata, when it is a regular file within the
/// limit.
fn open_checked(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), Unreadable> {
    use std::os::unix::fs::OpenOptionsExt;
    let shown = crate::text::path(path);
    let fail = |problem, help| Unreadable { shown: shown.clone(), problem, help };
    let cannot = |err: std::io::Error| match std::fs::read_link(path) {
        Ok(target) if err.kind() == std::io::ErrorKind::NotFound => {
            fail(Problem::Dangling(target), "point the link at a briefing, or remove it")
        }
        _ => fail(Problem::Io(err), "check that the file exists and is readable"),
    };
    let too_large = || fail(Problem::TooLarge, "split it into several briefings, or check that it is a briefing at all");
    let flags = rustix::fs::OFlags::NONBLOCK.bits() as i32;
    let file = std::fs::OpenOptions::new().read(true).custom_flags(flags).open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if !meta.is_file() {
        let help = "only regular files are read; remove it, or rename it so it does not end in .toml";
        return Err(fail(Problem::NotRegular(file_kind(&meta)), help));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok((file, meta))
}

/// What sort of file system entry `meta` describes, for messages.
pub fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    match () {
        _ if t.is_dir() => "a folder",
        _ if t.is_fifo() => "a FIFO (named pipe)",
        _ if t.is_char_device() => "a character device",
        _ if t.is_block_device() => "a block device",
        _ if t.is_socket() => "a socket",
        _ => "not a regular file",
    }
}

/// Reads and parses one file; an unreadable file becomes a diagnostic.
pub fn read_file(path: &Path) -> ParsedFile {
    match read_bytes(path) {
        Ok(bytes) => parse_file(path, &bytes),
        Err(why) => ParsedFile {
            path: path.to_path_buf(),
            loaded: None,
            diagnostics: vec![io_diagnostic(path, why.message(""), why.help)],
            archives: Vec::new(),
        },
    }
}
