//! What a finding says, in words: the same sentence for `brief verify` and the reader's
//! detail pane. Text from files is made safe to show here.

use super::findings::{Elsewhere, Finding};
use super::place::Missing;
use crate::model::{Briefing, ItemRef};
use crate::text;

impl Finding {
    /// One sentence naming the item, the term or place, and the source.
    pub fn message(&self, b: &Briefing, item: ItemRef) -> String {
        let id = b.id_of(item);
        match self {
            Finding::PlaceMissing { citation, .. } => {
                let cited = b.cites_of(item).get(*citation).map_or(String::new(), |c| match &c.at {
                    Some(at) => format!("`{}` at {}", c.source, text::visible(at, false)),
                    None => format!("`{}`", c.source),
                });
                format!("`{id}` cites {cited}, a place its saved copy does not have")
            }
            Finding::TermMissing { term, .. } => format!("`{}` is in no place `{id}` cites", text::visible(&term.to_string(), false)),
            Finding::Copied { source, words } => {
                format!("`{id}` shares ten words in a row with `{source}`: “{}”", text::visible(words, false))
            }
            Finding::Variant { term, found } => format!(
                "`{id}` writes “{}”; the cited place spells it “{}”",
                text::visible(&term.to_string(), false),
                text::visible(found, false)
            ),
            Finding::Corroboration { source, place } => {
                format!("`{source}` also holds every figure and name of `{id}` ({place}) but is not cited")
            }
        }
    }

    /// What would set it right, or where to look.
    pub fn hint(&self) -> String {
        match self {
            Finding::PlaceMissing { missing, .. } => missing_hint(missing),
            Finding::TermMissing { elsewhere, .. } => match elsewhere {
                Elsewhere::Nowhere => "no saved copy holds it: correct the claim, or cite where it comes from".to_string(),
                Elsewhere::OtherPlace { source, place } => format!("`{source}` has it {place}, not where it is cited"),
                Elsewhere::OtherSource(source) => format!("only in another source: `{source}`; cite it, or correct the claim"),
            },
            Finding::Copied { .. } => "write it in your own words; names, figures and headlines may carry over".to_string(),
            Finding::Variant { .. } => "the articles spell this name differently; a discrepancy can record it".to_string(),
            Finding::Corroboration { .. } => "cite it too: corroboration is a figure the reader shows".to_string(),
        }
    }
}

/// The places a saved copy does have, for a place it does not.
pub fn missing_hint(missing: &Missing) -> String {
    match missing {
        Missing::Paragraph { count: 1, .. } => "the saved copy has 1 paragraph".to_string(),
        Missing::Paragraph { count, .. } => format!("the saved copy has {count} paragraphs"),
        Missing::Numbering { count } => {
            format!("paragraphs are counted `1st paragraph`, `2nd`, … or `last paragraph`; the saved copy has {count}")
        }
        Missing::Heading { headings } if headings.is_empty() => {
            "the saved copy has no headings; a place is a heading or paragraphs (`3rd paragraph`)".to_string()
        }
        Missing::Heading { headings } => {
            // Only the headings shown are shortened: a copy may have thousands.
            let shown: Vec<String> = headings.iter().take(12).map(|h| text::short(h, 60)).collect();
            format!("its headings: {}", text::list_words_of(shown.iter().map(String::as_str), headings.len(), 12))
        }
    }
}
