//! Saved copies of the articles a briefing cites, and where a citation's place is in them:
//! what `brief verify` checks claims against. Terminal-free.

pub mod article;
pub mod findings;
pub mod passage;
pub mod place;
pub mod terms;

pub use article::{Article, Block, Role};
pub use place::{Missing, Place, resolve};
pub use terms::{Term, holds, terms};

use std::path::Path;

use crate::diag::Code;
use crate::load::ParsedFile;

/// Warns, in each file's own report, about every saved copy a source names that is not a
/// readable regular file in `folder`.
pub fn check_copies(folder: &Path, parsed: &mut [ParsedFile]) {
    for file in parsed.iter_mut() {
        let Some((_, facts)) = &file.loaded else { continue };
        for (name, anchor) in &facts.archives {
            let path = folder.join(name);
            if crate::load::read_bytes(&path).is_ok() {
                continue;
            }
            let shown = crate::text::visible(name, false);
            let mut d = anchor.report(&file.path, Code::MissingArchive, format!("no saved copy `{shown}` in the archive folder"));
            d.with_label("not in the archive folder").with_help(format!(
                "the archive folder is {}; save the article there under this name, or correct the name",
                crate::text::path(folder)
            ));
            file.diagnostics.push(d);
        }
    }
}
