//! The library: every briefing of a folder, the checks that span files, and what is derived
//! across them (where each official appears).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diag::{Anchor, Code, Diagnostic};
use crate::load::{self, LibraryFacts, ParsedFile};
use crate::model::Briefing;
use crate::text;

/// The loaded briefings, newest first, with their indexes.
#[derive(Clone, Debug, Default)]
pub struct Library {
    briefings: Vec<Briefing>,
    by_id: HashMap<String, usize>,
    appearances: HashMap<String, Vec<usize>>,
}

/// What became of one file.
#[derive(Clone, Debug)]
pub struct FileReport {
    pub path: PathBuf,
    /// The id of the briefing it gave, when it loaded.
    pub briefing: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A library together with the report of every file that was read for it, in path order.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub library: Library,
    pub files: Vec<FileReport>,
    /// Paths that could not be read at all (a missing folder, say).
    pub problems: Vec<Diagnostic>,
}

impl Loaded {
    /// Every diagnostic, file by file in path order.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.problems.iter().chain(self.files.iter().flat_map(|f| &f.diagnostics))
    }
}

impl Library {
    /// Finds, reads and checks every briefing under `paths`.
    pub fn load(paths: &[PathBuf]) -> Loaded {
        let started = std::time::Instant::now();
        let (files, problems) = load::discover(paths);
        let mut loaded = Library::from_parsed(load::read_files(&files));
        loaded.problems = problems;
        tracing::info!(
            files = loaded.files.len(),
            briefings = loaded.library.len(),
            diagnostics = loaded.diagnostics().count(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "library loaded from {paths:?}"
        );
        loaded
    }

    /// Builds the library from parsed files given in path order, with the checks that span
    /// files (see [`check_across`]).
    pub fn from_parsed(parsed: Vec<ParsedFile>) -> Loaded {
        let (checked, briefings): (Vec<Checked>, Vec<Option<Briefing>>) = parsed.into_iter().map(Checked::split).unzip();
        let files = check_across(checked);
        // A briefing whose id an earlier file took is reported, not kept.
        let kept = files.iter().zip(briefings).filter(|(file, _)| file.briefing.is_some()).filter_map(|(_, b)| b);
        Loaded { library: Library::new(kept.collect()), files, problems: Vec::new() }
    }

    /// A library of already checked briefings.
    pub fn new(mut briefings: Vec<Briefing>) -> Library {
        briefings.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
        let by_id = briefings.iter().enumerate().map(|(i, b)| (b.id.clone(), i)).collect();
        let mut appearances: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, b) in briefings.iter().enumerate() {
            for o in &b.officials {
                let list = appearances.entry(o.id.clone()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Library { briefings, by_id, appearances }
    }

    /// The briefings, newest first (ties by id).
    pub fn briefings(&self) -> &[Briefing] {
        &self.briefings
    }

    pub fn get(&self, id: &str) -> Option<&Briefing> {
        self.by_id.get(id).map(|&i| &self.briefings[i])
    }

    /// The position of a briefing in [`Library::briefings`].
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Every briefing that lists the official, newest first.
    pub fn appearances(&self, official_id: &str) -> impl Iterator<Item = &Briefing> {
        self.appearances.get(official_id).into_iter().flatten().map(|&i| &self.briefings[i])
    }

    pub fn is_empty(&self) -> bool {
        self.briefings.is_empty()
    }

    pub fn len(&self) -> usize {
        self.briefings.len()
    }
}

/// A file as the checks across files see it: where it is, its own diagnostics, the saved
/// copies it names, and when it loaded, its id and what else those checks need. `brief check`
/// keeps only this of each file, not the briefing, which takes ten times the memory to build
/// and then to free.
#[derive(Clone, Debug)]
pub struct Checked {
    pub path: PathBuf,
    pub loaded: Option<(String, LibraryFacts)>,
    pub diagnostics: Vec<Diagnostic>,
    pub archives: Vec<(String, Anchor)>,
}

impl Checked {
    /// A parsed file as the checks across files see it, and its briefing when it loaded.
    pub fn split(file: ParsedFile) -> (Checked, Option<Briefing>) {
        let ParsedFile { path, loaded, diagnostics, archives } = file;
        let (loaded, briefing) = match loaded {
            Some((briefing, facts)) => (Some((briefing.id.clone(), facts)), Some(briefing)),
            None => (None, None),
        };
        (Checked { path, loaded, diagnostics, archives }, briefing)
    }
}

/// The report of each file, given in path order, with the checks that span files: the first of
/// two files with one id wins, `related` ids must exist, an official keeps one name.
pub fn check_across(checked: Vec<Checked>) -> Vec<FileReport> {
    let mut files = Vec::with_capacity(checked.len());
    let mut accepted: Vec<(usize, String, LibraryFacts)> = Vec::new();
    let mut first_path: HashMap<String, usize> = HashMap::new();
    for Checked { path, loaded, mut diagnostics, .. } in checked {
        let mut id = None;
        if let Some((briefing, facts)) = loaded {
            if let Some(&first) = first_path.get(&briefing) {
                let first: &FileReport = &files[first];
                let mut d = facts.id_anchor.report(
                    &path,
                    Code::DuplicateBriefing,
                    format!("briefing id `{briefing}` is already used by {}", crate::text::path(&first.path)),
                );
                d.with_label("same id as another file")
                    .with_help("briefing ids are unique in a library: give this file its own `id` (the first file in path order is kept)");
                diagnostics.push(d);
            } else {
                first_path.insert(briefing.clone(), files.len());
                id = Some(briefing.clone());
                accepted.push((files.len(), briefing, facts));
            }
        }
        files.push(FileReport { path, briefing: id, diagnostics });
    }
    let across = {
        let accepted: Vec<(&Path, &str, &LibraryFacts)> =
            accepted.iter().map(|(file, id, facts)| (files[*file].path.as_path(), id.as_str(), facts)).collect();
        cross_file_warnings(&accepted)
    };
    for (file, d) in across {
        files[accepted[file].0].diagnostics.push(d);
    }
    for file in &mut files {
        file.diagnostics.sort_by_key(|d| (d.line, d.column));
    }
    files
}

/// Warnings that need the whole library: unknown `related` ids and officials whose name differs
/// from the one the first file (in path order) gives them. Each names its file by its place in
/// `accepted`.
fn cross_file_warnings(accepted: &[(&Path, &str, &LibraryFacts)]) -> Vec<(usize, Diagnostic)> {
    let mut ids: Vec<&str> = accepted.iter().map(|(_, id, _)| *id).collect();
    ids.sort_unstable();
    let mut out = Vec::new();
    let mut names: HashMap<&str, (&str, &Path)> = HashMap::new();
    // A folder that is part of a library can miss thousands of related briefings; the same
    // missing id is guessed at once, and all the guesses together have a bound.
    let guesser = text::Guesser::new(text::Guesser::LIBRARY);
    let mut guesses: HashMap<&str, Option<&str>> = HashMap::new();
    for (file, &(path, own_id, facts)) in accepted.iter().enumerate() {
        let own = ids.partition_point(|other| *other < own_id)..ids.partition_point(|other| *other <= own_id);
        let others = || ids.iter().copied().filter(|other| *other != own_id);
        for (id, anchor) in &facts.related {
            if ids.binary_search(&id.as_str()).is_err() {
                let mut d = anchor.report(path, Code::UnknownRelated, format!("related briefing `{id}` is not in the library"));
                d.with_label("no briefing has this id");
                let near = match *guesses.entry(id).or_insert_with(|| guesser.closest(id, ids.iter().copied())) {
                    Some(near) if near == own_id => guesser.closest(id, others()),
                    near => near,
                };
                let list = text::list_words_of(others(), ids.len() - own.len(), 10);
                match near {
                    Some(near) => d.with_help(format!("did you mean `{near}`? Briefings: {list}")),
                    None => d.with_help(format!("briefings in the library: {list}")),
                };
                out.push((file, d));
            }
        }
        for (id, name, anchor) in &facts.official_names {
            match names.get(id.as_str()) {
                Some((first, first_path)) if first != name => {
                    let mut d = anchor.report(
                        path,
                        Code::NameMismatch,
                        format!(
                            "official `{id}` is named “{}” here but “{}” in {}",
                            // Names are short; one that is not would be quoted in every file.
                            text::short(name, 80),
                            text::short(first, 80),
                            crate::text::path(first_path)
                        ),
                    );
                    d.with_label("different name for the same id").with_help(
                        "the same person keeps one id and one name in every briefing: use one spelling, and record the other in `notes` or a [[discrepancy]]",
                    );
                    out.push((file, d));
                }
                Some(_) => {}
                None => {
                    names.insert(id, (name, path));
                }
            }
        }
    }
    out
}
