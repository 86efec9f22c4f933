//! Writing an export without ever leaving half a file or losing one: the text goes to a new
//! temporary file beside the target, which is then renamed over it.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// Why an export could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The target exists and overwriting was not asked for.
    Exists(PathBuf),
    /// The target is not a regular file (a device, a folder, a FIFO): never replaced.
    NotAFile(PathBuf, &'static str),
    /// The file system refused; the message says what and where.
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Exists(path) => write!(f, "{} exists; pass --force to replace it", crate::text::path(path)),
            WriteError::NotAFile(path, kind) => {
                write!(f, "{} is {kind}; an export replaces only a regular file, even with --force", crate::text::path(path))
            }
            WriteError::Io(path, err) => write!(f, "cannot write {}: {err}", crate::text::path(path)),
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes `text` to `path` through a temporary file in the same folder and a rename. An
/// existing file is replaced only when `force`; on any failure nothing is left behind.
pub fn write(path: &Path, text: &str, force: bool) -> Result<(), WriteError> {
    if let Ok(meta) = path.symlink_metadata() {
        let t = meta.file_type();
        // Only a file of one's own is ever replaced: never a device (run as root, a rename
        // would turn /dev/null into a file), a folder, a FIFO or a socket.
        if !(t.is_file() || t.is_symlink()) {
            return Err(WriteError::NotAFile(path.to_path_buf(), crate::load::file_kind(&meta)));
        }
        if !force {
            return Err(WriteError::Exists(path.to_path_buf()));
        }
    }
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    sweep(folder);
    let staged = stage(folder, text).map_err(|e| WriteError::Io(path.to_path_buf(), e))?;
    finish(staged, path, force)
}

/// The start of every temporary file an export writes; the process id follows, so a later
/// run can tell the leftovers of a killed export from the work of one still running.
const TEMPORARY: &str = ".brief-export-";

/// Removes what killed exports left in `folder`: temporary files whose process is gone.
fn sweep(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(TEMPORARY)) else { continue };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else { continue };
        let alive = Path::new("/proc").join(pid.to_string()).exists();
        if !alive && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The text in a new temporary file in `folder`, synced to disk.
fn stage(folder: &Path, text: &str) -> io::Result<NamedTempFile> {
    // Readable as any new file is (0666 less the umask), not private as temporary files are.
    let mode = std::os::unix::fs::PermissionsExt::from_mode(0o666);
    let prefix = format!("{TEMPORARY}{}-", std::process::id());
    let mut file = tempfile::Builder::new().prefix(&prefix).suffix(".tmp").permissions(mode).tempfile_in(folder)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    Ok(file)
}

/// Puts the staged file at `path`. Without `force` the rename refuses to replace anything,
/// even a file that appeared after the name was chosen. A failure removes the temporary file.
fn finish(staged: NamedTempFile, path: &Path, force: bool) -> Result<(), WriteError> {
    let persisted = if force { staged.persist(path) } else { staged.persist_noclobber(path) };
    persisted.map(drop).map_err(|e| match e.error.kind() {
        io::ErrorKind::AlreadyExists if !force => WriteError::Exists(path.to_path_buf()),
        _ => WriteError::Io(path.to_path_buf(), e.error),
    })
}

/// `folder/stem.ext`, or `stem-2.ext`, `stem-3.ext`… if taken: the reader never overwrites.
pub fn fresh_name(folder: &Path, stem: &str, ext: &str) -> PathBuf {
    let first = folder.join(format!("{stem}.{ext}"));
    if !first.exists() {
        return first;
    }
    (2..).map(|n| folder.join(format!("{stem}-{n}.{ext}"))).find(|p| !p.exists()).expect("some number is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_of_a_killed_export_are_swept_and_a_running_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        // No process has a number this high (Linux caps them at 2^22).
        std::fs::write(dir.path().join(format!("{TEMPORARY}99999999-abc.tmp")), "half").unwrap();
        let mine = dir.path().join(format!("{TEMPORARY}{}-def.tmp", std::process::id()));
        std::fs::write(&mine, "in progress").unwrap();
        write(&dir.path().join("out.md"), "done", false).unwrap();
        assert_eq!(leftovers(dir.path()), [mine.file_name().unwrap().to_string_lossy()]);
    }

    #[test]
    fn devices_folders_and_fifos_are_never_replaced() {
        use rustix::fs::{CWD, FileType, Mode, mknodat};
        let dir = tempfile::tempdir().unwrap();
        // Our own nodes, never the system's: a regression must not turn /dev/null into a file.
        let fifo = dir.path().join("fifo.md");
        mknodat(CWD, &fifo, FileType::Fifo, Mode::from_raw_mode(0o644), 0).unwrap();
        let mut targets = vec![fifo, dir.path().to_path_buf()];
        let null = dir.path().join("null.md");
        // A device node can only be made as root; as a user the FIFO and the folder stand in.
        if mknodat(CWD, &null, FileType::CharacterDevice, Mode::from_raw_mode(0o666), rustix::fs::makedev(1, 3)).is_ok() {
            targets.push(null);
        }
        for path in &targets {
            assert!(matches!(write(path, "x", true), Err(WriteError::NotAFile(..))), "{} was replaced", path.display());
            assert!(!path.symlink_metadata().unwrap().file_type().is_file(), "{} is still what it was", path.display());
        }
        // A dangling link is neither followed nor replaced without --force.
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(dir.path().join("target.md"), &link).unwrap();
        assert!(matches!(write(&link, "x", false), Err(WriteError::Exists(_))));
        assert!(!dir.path().join("target.md").exists(), "the link was not followed");
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink(), "the link is still a link");
    }

    fn leftovers(folder: &Path) -> Vec<String> {
        let names = std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned());
        names.filter(|n| n.starts_with(TEMPORARY)).collect()
    }

    #[test]
    fn a_file_that_appears_after_the_check_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.md");
        let staged = stage(dir.path(), "new").unwrap();
        // Another program writes the name between the check and the rename.
        std::fs::write(&target, "theirs").unwrap();
        assert!(matches!(finish(staged, &target, false), Err(WriteError::Exists(_))));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "theirs");
        assert_eq!(leftovers(dir.path()), Vec::<String>::new(), "the temporary file is removed");
        let staged = stage(dir.path(), "new").unwrap();
        finish(staged, &target, true).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new", "--force replaces");
        let mode = std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&target).unwrap().permissions());
        assert_eq!(mode & 0o044, 0o044, "an export is readable like any new file, not private: {mode:o}");
    }
}
