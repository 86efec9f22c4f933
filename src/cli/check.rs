//! `brief check`: every problem of the given files or folder, like a compiler, or as JSON.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::library::{self, Checked, FileReport};
use crate::load;
use crate::output;
use crate::report::{JsonReport, Style, Summary};

/// The given paths (or the folder), checked as part of the library in `dir`.
/// With an archive folder, the saved copies the sources name are looked for there too.
pub fn run(dir: &Path, paths: &[PathBuf], archive: Option<&Path>, json: bool, deny_warnings: bool, style: Style) -> io::Result<ExitCode> {
    let Report { files, wanted, problems } = checked(dir, paths, archive);
    let reported = wanted.reported(&files);
    let summary = Summary::of(&reported, every(&problems, &reported));
    if json {
        let doc = JsonReport::new(&reported, &problems);
        output::out(&(crate::text::json(&doc) + "\n"))?;
    } else {
        super::print_diagnostics(every(&problems, &reported), style)?;
        output::err(&summary.sentence())?;
    }
    let failed = summary.errors > 0 || (deny_warnings && summary.warnings > 0);
    Ok(ExitCode::from(u8::from(failed)))
}

/// Every problem a check reports: the paths that could not be read, then each file's, in order.
pub fn every<'a>(
    problems: &'a [crate::diag::Diagnostic],
    reported: &[&'a FileReport],
) -> impl Iterator<Item = &'a crate::diag::Diagnostic> {
    problems.iter().chain(reported.iter().flat_map(|f| &f.diagnostics))
}

/// A check's outcome: every file's report, which of them were asked for, and the paths that
/// could not be read.
pub struct Report {
    pub files: Vec<FileReport>,
    pub wanted: Wanted,
    pub problems: Vec<crate::diag::Diagnostic>,
}

/// Which files a check reports: all of the folder's, or those of the paths given.
pub struct Wanted {
    whole: bool,
    paths: HashSet<PathBuf>,
}

impl Wanted {
    /// A path as the set knows it: as found for the whole folder, resolved otherwise.
    fn key(&self, p: &Path) -> PathBuf {
        if self.whole { p.to_path_buf() } else { std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()) }
    }

    pub fn reported<'a>(&self, files: &'a [FileReport]) -> Vec<&'a FileReport> {
        files.iter().filter(|f| self.paths.contains(&self.key(&f.path))).collect()
    }
}

/// Checks the given paths (or the folder) as part of the library in `dir`.
pub fn checked(dir: &Path, paths: &[PathBuf], archive: Option<&Path>) -> Report {
    let targets = if paths.is_empty() { vec![dir.to_path_buf()] } else { paths.to_vec() };
    let (target_files, problems) = load::discover(&targets);
    // The whole folder needs no telling its files apart from the context's: every one is
    // reported (ten thousand paths resolved three times each cost a fifth of a check).
    let mut wanted = Wanted { whole: paths.is_empty(), paths: HashSet::new() };
    wanted.paths = target_files.iter().map(|p| wanted.key(p)).collect();
    let mut files: Vec<(PathBuf, PathBuf)> = target_files.iter().map(|p| (wanted.key(p), p.clone())).collect();
    if !paths.is_empty() && dir.is_dir() {
        let (context, _) = load::discover(&[dir.to_path_buf()]);
        files.extend(context.into_iter().map(|p| (wanted.key(&p), p)).filter(|(k, _)| !wanted.paths.contains(k)));
    }
    // Path order decides which of two files with one id is kept.
    files.sort();
    let paths: Vec<PathBuf> = files.into_iter().map(|(_, path)| path).collect();
    let bar = super::progress::files(paths.len(), "Checking");
    // Only what the checks across files need is kept of each file, not its briefing.
    let mut checked = load::read_files_then(&paths, &|| bar.inc(1), |parsed| Checked::split(parsed).0);
    bar.finish_and_clear();
    if let Some(folder) = archive {
        crate::archive::check_copies(folder, &mut checked);
    }
    Report { files: library::check_across(checked), wanted, problems }
}
