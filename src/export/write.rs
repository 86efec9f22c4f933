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
    /// The file system refused; the message says what and where.
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Exists(path) => write!(f, "{} exists; pass --force to replace it", crate::text::path(path)),
            WriteError::Io(path, err) => write!(f, "cannot write {}: {err}", crate::text::path(path)),
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes `text` to `path` through a temporary file in the same folder and a rename. An
/// existing file is replaced only when `force`; on any failure nothing is left behind.
pub fn write(path: &Path, text: &str, force: bool) -> Result<(), WriteError> {
    if !force && path.symlink_metadata().is_ok() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let staged = stage(folder, text).map_err(|e| WriteError::Io(path.to_path_buf(), e))?;
    finish(staged, path, force)
}

/// The text in a new temporary file in `folder`, synced to disk.
fn stage(folder: &Path, text: &str) -> io::Result<NamedTempFile> {
    // Readable as any new file is (0666 less the umask), not private as temporary files are.
    let mode = std::os::unix::fs::PermissionsExt::from_mode(0o666);
    let mut file = tempfile::Builder::new().prefix(".brief-export-").suffix(".tmp").permissions(mode).tempfile_in(folder)?;
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

    fn leftovers(folder: &Path) -> Vec<String> {
        let names = std::fs::read_dir(folder).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned());
        names.filter(|n| n.starts_with(".brief-export-")).collect()
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
