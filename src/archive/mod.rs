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

/// Whether an `archive` name stays inside the archive folder: relative, with no `..`, and not
/// empty.
pub fn inside_folder(name: &str) -> bool {
    let path = Path::new(name);
    !name.trim().is_empty() && !name.contains('\\') && path.components().all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Warns, in each file's own report, about every saved copy a source names that is not a
/// readable regular file in `folder`.
pub fn check_copies(folder: &Path, parsed: &mut [ParsedFile]) {
    for file in parsed.iter_mut() {
        let Some((_, facts)) = &file.loaded else { continue };
        for (name, anchor) in &facts.archives {
            let path = folder.join(name);
            let Err(why) = crate::load::read_bytes(&path) else { continue };
            let shown = crate::text::visible(name, false);
            let message = if path.symlink_metadata().is_err() {
                format!("no saved copy `{shown}` in the archive folder")
            } else {
                format!("the saved copy `{shown}` cannot be read: {}", why.message(""))
            };
            let mut d = anchor.report(&file.path, Code::MissingArchive, message);
            d.with_label("not in the archive folder").with_help(format!(
                "the archive folder is {}; save the article there under this name, or correct the name",
                crate::text::path(folder)
            ));
            file.diagnostics.push(d);
        }
    }
}
