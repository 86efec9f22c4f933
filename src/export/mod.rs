//! Exporting a summary — Markdown with footnoted citations, JSON, plain text — and writing it
//! safely. Terminal-free: the command line and the reader both call it.

pub mod markdown;
pub mod model;
pub mod text;
pub mod write;

pub use model::{Document, Pick, Section, build};

use crate::config::ExportFormat;

/// The document in a format; the same document always gives the same bytes.
pub fn render(doc: &Document, format: ExportFormat, width: usize) -> String {
    match format {
        ExportFormat::Markdown => markdown::render(doc),
        ExportFormat::Text => text::render(doc, width),
        ExportFormat::Json => {
            let mut json = serde_json::to_string_pretty(doc).expect("the export model always serializes");
            json.push('\n');
            json
        }
    }
}

/// The file extension of a format.
pub fn extension(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Markdown => "md",
        ExportFormat::Json => "json",
        ExportFormat::Text => "txt",
    }
}
