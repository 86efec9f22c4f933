//! Finding every briefing file below a folder with what its metadata says, the first half of a
//! freshness pass, and the order the store keeps paths in.

use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::load;

/// What a file's metadata says of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Stat {
    pub size: i64,
    pub mtime_ns: i64,
    pub ctime_ns: i64,
    pub inode: i64,
    pub device: i64,
}

impl Stat {
    pub fn of(meta: &std::fs::Metadata) -> Stat {
        let ns = |s: i64, n: i64| s.saturating_mul(1_000_000_000).saturating_add(n);
        Stat {
            size: meta.len() as i64,
            mtime_ns: ns(meta.mtime(), meta.mtime_nsec()),
            ctime_ns: ns(meta.ctime(), meta.ctime_nsec()),
            inode: meta.ino() as i64,
            device: meta.dev() as i64,
        }
    }
}

/// Every briefing file below `dir` as `load::discover` finds them — `*.toml`, hidden entries
/// skipped, linked folders followed once, depth first in the folder's own order (so a folder
/// reached two ways is named as the scan names it) — with each one's metadata, read through its
/// folder on every core, and kept by its path below `dir` as bytes, in path order.
pub(super) fn walk(dir: &Path) -> (Vec<(Vec<u8>, Stat)>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut seen = std::collections::HashSet::new();
    walk_folder(dir, Vec::new(), &mut files, &mut problems, &mut seen);
    files.sort_unstable_by(|a, b| path_order(&a.0, &b.0));
    (files, problems)
}

/// The order of paths as `Path` compares them, component by component: `a/b.toml` before
/// `a-x.toml`, where bytes would put `-` before `/`.
pub fn path_order(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    // The same as comparing component by component, with `/` taken as the lowest byte (no
    // name holds a NUL), and a third of the time.
    let low = |c: u8| if c == b'/' { 0 } else { c };
    match a.iter().zip(b).position(|(x, y)| x != y) {
        Some(i) => low(a[i]).cmp(&low(b[i])),
        None => a.len().cmp(&b.len()),
    }
}

fn walk_folder(
    folder: &Path,
    rel: Vec<u8>,
    files: &mut Vec<(Vec<u8>, Stat)>,
    problems: &mut Vec<Diagnostic>,
    seen: &mut std::collections::HashSet<(u64, u64)>,
) {
    // A linked folder leading back to an ancestor would never end.
    let Ok(meta) = std::fs::metadata(folder) else { return };
    if !seen.insert((meta.dev(), meta.ino())) {
        return;
    }
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(err) => {
            let shown = crate::text::path(folder);
            problems.push(load::io_diagnostic(folder, format!("cannot read folder {shown}: {err}"), "check the folder's permissions"));
            return;
        }
    };
    // Each entry's metadata through its folder, on every core: looking names up is most of
    // what a freshness pass costs. Kept as what it says of the entry, not the whole metadata:
    // a hundred thousand of those held 17 MB at once.
    // A few thousand entries at a time: a folder of a hundred thousand held them all at once.
    let mut entries = entries.flatten().filter(|e| !e.file_name().as_bytes().starts_with(b"."));
    loop {
        let chunk: Vec<std::fs::DirEntry> = entries.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let kinds: Vec<Entry> = chunk
            .par_iter()
            .map(|entry| {
                let meta = match entry.file_type() {
                    // A link's target's metadata, by its path.
                    Ok(t) if t.is_symlink() => std::fs::metadata(entry.path()),
                    _ => entry.metadata(),
                };
                match meta {
                    Ok(meta) if meta.is_dir() => Entry::Folder,
                    Ok(meta) => Entry::File(Stat::of(&meta)),
                    Err(_) => Entry::Unknown,
                }
            })
            .collect();
        for (entry, kind) in chunk.iter().zip(kinds) {
            let name = entry.file_name();
            let mut below = rel.clone();
            if !below.is_empty() {
                below.push(b'/');
            }
            below.extend_from_slice(name.as_bytes());
            let briefing = name.as_bytes().ends_with(b".toml");
            match kind {
                Entry::Folder => walk_folder(&entry.path(), below, files, problems, seen),
                Entry::File(stat) if briefing => files.push((below, stat)),
                Entry::File(_) => {}
                // A link to nowhere named like a briefing is a briefing that cannot be read.
                Entry::Unknown if briefing => {
                    let path = entry.path();
                    if let Err(why) = load::read_bytes(&path) {
                        problems.push(load::io_diagnostic(&path, why.message(""), why.help));
                    }
                }
                Entry::Unknown => {}
            }
        }
    }
}

/// Entries of a folder looked at together.
const CHUNK: usize = 4096;

/// What the walk needs of a folder's entry.
enum Entry {
    Folder,
    /// Anything else that could be looked at: a file, or a device or FIFO named like one (read,
    /// it is then named as what it is).
    File(Stat),
    /// Its metadata could not be read (a link to nowhere).
    Unknown,
}

#[cfg(test)]
mod tests {
    use super::path_order;

    #[test]
    fn paths_order_as_their_components_do() {
        let paths = ["a-x.toml", "a/b.toml", "a", "ab/c.toml", "a/c/d.toml", "a/c.toml", "b.toml", "a/b/c.toml", "é.toml", "a.toml"];
        for x in paths {
            for y in paths {
                let by_components = std::path::Path::new(x).cmp(std::path::Path::new(y));
                assert_eq!(path_order(x.as_bytes(), y.as_bytes()), by_components, "{x} vs {y}");
            }
        }
    }
}
