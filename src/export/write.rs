//! Writing an export without ever leaving half a file or losing one: the text goes to a new
//! temporary file beside the target, which is then renamed over it.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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
            WriteError::Exists(path) => write!(f, "{} exists; pass --force to replace it", path.display()),
            WriteError::Io(path, err) => write!(f, "cannot write {}: {err}", path.display()),
        }
    }
}

impl std::error::Error for WriteError {}

/// Writes `text` to `path` through a temporary file in the same folder and a rename. An
/// existing file is replaced only when `force`; on any failure nothing is left behind.
pub fn write(path: &Path, text: &str, force: bool) -> Result<(), WriteError> {
    if !force && path.exists() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    let (tmp, mut file) = temporary(folder, &name).map_err(|e| WriteError::Io(path.to_path_buf(), e))?;
    let written = file.write_all(text.as_bytes()).and_then(|_| file.sync_all());
    drop(file);
    let renamed = written.and_then(|_| {
        if !force && path.exists() {
            return Err(io::Error::new(io::ErrorKind::AlreadyExists, "appeared while writing"));
        }
        std::fs::rename(&tmp, path)
    });
    renamed.map_err(|e| {
        // The temporary file is ours; a failed export leaves nothing.
        let _ = std::fs::remove_file(&tmp);
        WriteError::Io(path.to_path_buf(), e)
    })
}

/// A new, exclusively created temporary file in `folder`.
fn temporary(folder: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    for attempt in 0..100u32 {
        let tmp = folder.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "no free temporary name"))
}

/// `folder/stem.ext`, or `stem-2.ext`, `stem-3.ext`… if taken: the reader never overwrites.
pub fn fresh_name(folder: &Path, stem: &str, ext: &str) -> PathBuf {
    let first = folder.join(format!("{stem}.{ext}"));
    if !first.exists() {
        return first;
    }
    (2..).map(|n| folder.join(format!("{stem}-{n}.{ext}"))).find(|p| !p.exists()).expect("some number is free")
}
