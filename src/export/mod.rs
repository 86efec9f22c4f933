//! Exporting a summary — Markdown with footnoted citations, JSON, plain text — and writing it
//! safely. Terminal-free: the command line and the reader both call it.

pub mod markdown;
pub mod model;
pub mod text;
pub mod write;

pub use model::{Document, Pick, Section, build};

use crate::model::ItemRef;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::config::ExportFormat;
use crate::library::Library;
use crate::model::Briefing;
use crate::search::{self, Index, Place};

/// The document in a format; the same document always gives the same bytes.
pub fn render(doc: &Document, format: ExportFormat, width: usize) -> String {
    match format {
        ExportFormat::Markdown => markdown::render(doc),
        ExportFormat::Text => text::render(doc, width),
        ExportFormat::Json => {
            let mut json = crate::text::json(doc);
            json.push('\n');
            json
        }
    }
}

/// How many sources back a claim, in words: `single source`, `3 sources`.
pub fn corroboration(n: usize) -> String {
    match n {
        0 => "no source".into(),
        1 => "single source".into(),
        n => format!("{n} sources"),
    }
}

/// An item's text as a clause inside another sentence (what a commitment is traded for, what a
/// reaction answers): its closing full stop dropped, so the sentence it joins ends once. A stop
/// that ends an abbreviation ("U.S.") or an ellipsis stays.
pub fn clause(text: &str) -> &str {
    let text = text.trim_end();
    let last_word = text.rsplit(' ').next().unwrap_or(text);
    match text.strip_suffix('.') {
        Some(cut) if !cut.ends_with('.') && !last_word[..last_word.len() - 1].contains('.') => cut,
        _ => text,
    }
}

/// Text ending a sentence: a full stop added unless it ends with one already, or with `?`, `!`
/// or `…`.
pub fn stop(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '?', '!', '…']) { text.to_string() } else { format!("{text}.") }
}

/// How many items rest on a source, in words.
pub fn resting(n: usize) -> String {
    if n == 1 { "1 item rests on it".into() } else { format!("{n} items rest on it") }
}

/// One official across the library: in every briefing that lists them, the official and the
/// commitments they announced, in library order; None when no briefing lists them.
pub fn select_official<'a>(library: &'a Library, official: &str) -> Option<Vec<(&'a Briefing, Pick)>> {
    let picks: Vec<(&Briefing, Pick)> = library
        .briefings()
        .iter()
        .filter_map(|b| {
            let index = b.officials.iter().position(|o| o.id == official)?;
            let mut items = HashSet::from([ItemRef { kind: crate::model::Kind::Official, index }]);
            for (i, c) in b.commitments.iter().enumerate() {
                if c.announced_by.iter().any(|a| a == official) {
                    items.insert(ItemRef { kind: crate::model::Kind::Commitment, index: i });
                }
            }
            Some((b, Pick { items: Some(items), header: false }))
        })
        .collect();
    (!picks.is_empty()).then_some(picks)
}

/// The briefings and items a request selects, in library order.
pub fn select<'a>(library: &'a Library, ids: &[String], all: bool, query: Option<&str>) -> Result<Vec<(&'a Briefing, Pick)>, String> {
    if let Some(query) = query {
        let q = search::parse(query).map_err(|e| format!("bad query: {e}"))?;
        let hits = Index::build(library).search(library, &q);
        let mut picks: HashMap<&str, Pick> = HashMap::new();
        for hit in &hits {
            let pick = picks
                .entry(library.get(&hit.briefing).map_or("", |b| b.id.as_str()))
                .or_insert_with(|| Pick { items: Some(HashSet::new()), header: false });
            match hit.place {
                Place::Briefing => pick.header = true,
                Place::Item(item) => {
                    pick.items.get_or_insert_with(HashSet::new).insert(item);
                }
            }
        }
        return Ok(library.briefings().iter().filter_map(|b| picks.remove(b.id.as_str()).map(|p| (b, p))).collect());
    }
    if all {
        return Ok(library.briefings().iter().map(|b| (b, Pick::default())).collect());
    }
    if ids.is_empty() {
        return Err("name a briefing id, or use --all or --query QUERY".into());
    }
    ids.iter()
        .map(|id| {
            library.get(id).map(|b| (b, Pick::default())).ok_or_else(|| {
                let known: Vec<&str> = library.briefings().iter().map(|b| b.id.as_str()).collect();
                format!("no briefing `{}`; known: {}", crate::text::visible(id, false), crate::text::list_words(known, 10))
            })
        })
        .collect()
}

/// Writes a document into `folder` under a name no file has yet (`stem.md`, `stem-2.md`, …),
/// creating the folder if needed; returns the path written.
pub fn write_new(folder: &Path, stem: &str, format: ExportFormat, text: &str) -> Result<PathBuf, write::WriteError> {
    std::fs::create_dir_all(folder).map_err(|e| write::WriteError::Io(folder.to_path_buf(), e))?;
    // A name taken between choosing it and writing is passed over for the next one.
    let mut last = None;
    for _ in 0..100 {
        let path = write::fresh_name(folder, stem, format.word());
        match write::write(&path, text, false) {
            Ok(()) => return Ok(path),
            Err(write::WriteError::Exists(taken)) => last = Some(taken),
            Err(err) => return Err(err),
        }
    }
    Err(write::WriteError::Exists(last.unwrap_or_else(|| folder.to_path_buf())))
}
