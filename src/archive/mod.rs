//! Saved copies of the articles a briefing cites, and where a citation's place is in them:
//! what `brief verify` checks claims against. Terminal-free.

pub mod article;
pub mod findings;
mod indexed;
pub mod message;
pub mod passage;
pub mod place;
pub mod terms;

pub use article::{Article, Block, Role};
pub use place::{Missing, Place, resolve};
pub use terms::{Term, holds, terms};

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use crate::diag::Code;
use crate::library::Checked;
use crate::model::{Briefing, ItemRef};
use findings::Finding;

/// A briefing checked against its saved copies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Verdict {
    /// Findings the curator has not accepted, notes among them.
    pub open: Vec<(ItemRef, Finding)>,
    /// How many findings an `accept` silences.
    pub silenced: usize,
    /// Indexes into the briefing's `accepted` of accepts that silence nothing.
    pub stale: Vec<usize>,
    /// Sources whose saved copy could not be read, with why: their citations are unchecked.
    pub unreadable: Vec<(String, String)>,
}

impl Verdict {
    /// Whether an item cites a source whose saved copy could not be read: its claim is not
    /// checked against it.
    pub fn unchecked(&self, b: &Briefing, item: ItemRef) -> bool {
        let cited = |source: &str| {
            if item.kind == crate::model::Kind::Source {
                b.id_of(item) == source
            } else {
                b.cites_of(item).iter().any(|c| c.source == source)
            }
        };
        self.unreadable.iter().any(|(source, _)| cited(source))
    }

    /// Whether an item's row is marked: a finding open (not a note), or a copy it rests on
    /// unread — either way its saved copies do not back it.
    pub fn marks(&self, b: &Briefing, item: ItemRef) -> bool {
        self.open.iter().any(|(i, f)| *i == item && !f.is_note()) || self.unchecked(b, item)
    }
}

/// A briefing's saved copies by the id of the source naming each; sources naming one file
/// share its copy.
pub type Copies = HashMap<String, Rc<Article>>;

/// The saved copies a briefing's sources name, by source id, and the sources whose copy cannot
/// be read, with why.
pub fn saved_copies(b: &Briefing, folder: &Path) -> (Copies, Vec<(String, String)>) {
    let mut copies = HashMap::new();
    let mut unreadable = Vec::new();
    // Each file read and parsed once, however many sources name it: forty sources naming one
    // copy of a megabyte read it forty times.
    let mut read: HashMap<&str, Result<Rc<Article>, String>> = HashMap::new();
    for s in &b.sources {
        let Some(file) = &s.archive else { continue };
        let copy = read.entry(file.as_str()).or_insert_with(|| match crate::load::read_bytes(&folder.join(file)) {
            Ok(bytes) => Ok(Rc::new(Article::parse(&String::from_utf8_lossy(&bytes)))),
            Err(why) => Err(why.message("")),
        });
        match copy {
            Ok(article) => {
                copies.insert(s.id.clone(), article.clone());
            }
            Err(why) => unreadable.push((s.id.clone(), why.clone())),
        }
    }
    (copies, unreadable)
}

/// Checks a briefing against the copies read, setting aside what the curator accepts.
pub fn verdict(b: &Briefing, copies: &Copies, unreadable: Vec<(String, String)>) -> Verdict {
    let mut verdict = Verdict { unreadable, ..Verdict::default() };
    let mut used = vec![false; b.accepted.len()];
    let accepts = findings::Accepts::of(b);
    for (item, finding) in findings::check(b, copies) {
        match accepts.of_finding(b, item, &finding) {
            Some(i) => {
                used[i] = true;
                verdict.silenced += 1;
            }
            None => verdict.open.push((item, finding)),
        }
    }
    // An accept that silences nothing would hide the next such finding unseen. Where a copy
    // could not be read its findings are unknown, so nothing there is called stale.
    if verdict.unreadable.is_empty() {
        verdict.stale = used.iter().enumerate().filter(|(_, u)| !**u).map(|(i, _)| i).collect();
    }
    verdict
}

/// Reads a briefing's saved copies from `folder` and checks it against them.
pub fn verify(b: &Briefing, folder: &Path) -> Verdict {
    let (copies, unreadable) = saved_copies(b, folder);
    verdict(b, &copies, unreadable)
}

/// Whether an `archive` name stays inside the archive folder: relative, with no `..`, and not
/// empty.
pub fn inside_folder(name: &str) -> bool {
    let path = Path::new(name);
    !name.trim().is_empty() && !name.contains('\\') && path.components().all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Warns, in each file's own report, about every saved copy a source names that is not a
/// readable regular file in `folder`.
pub fn check_copies(folder: &Path, parsed: &mut [Checked]) {
    // Each copy opened once, not read, and what is wrong with it said once: thousands of
    // sources may name one copy of megabytes.
    let mut problem: HashMap<String, Option<String>> = HashMap::new();
    for file in parsed.iter_mut() {
        for (name, anchor) in &file.archives {
            let message = problem.entry(name.clone()).or_insert_with(|| {
                let path = folder.join(name);
                let why = crate::load::readable(&path).err()?;
                let shown = crate::text::visible(name, false);
                Some(if path.symlink_metadata().is_err() {
                    format!("no saved copy `{shown}` in the archive folder")
                } else {
                    format!("the saved copy `{shown}` cannot be read: {}", why.message(""))
                })
            });
            let Some(message) = message.clone() else { continue };
            let mut d = anchor.report(&file.path, Code::MissingArchive, message);
            d.with_label("not in the archive folder").with_help(format!(
                "the archive folder is {}; save the article there under this name, or correct the name",
                crate::text::path(folder)
            ));
            file.diagnostics.push(d);
        }
    }
}
