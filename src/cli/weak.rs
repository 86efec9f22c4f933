//! `brief weak`: what to double-check before quoting — claims on one source or none,
//! disagreements between sources, commitments whose status the sources report differently,
//! and sources many claims lean on alone; newest briefing first.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::across::weak::{Weak, Why};
use crate::date::Date;
use crate::model::Kind;
use crate::text;

/// `ids`: only these briefings (all when empty).
pub fn run(dir: &Path, cache: bool, ids: &[String], json: bool) -> io::Result<ExitCode> {
    let (mut rows, failed) = super::across::derived(dir, cache, |b, file| {
        if ids.is_empty() || ids.contains(&b.id) { crate::across::weak::of(b, file) } else { Vec::new() }
    });
    // Stable: each briefing's rows keep the order they were written in.
    rows.sort_by(|a, b| b.at.date.cmp(&a.at.date).then_with(|| a.at.briefing.cmp(&b.at.briefing)));
    super::across::print(&rows, json.then_some(Json::of), lines, &failed)
}

/// What a row says after the item: why it is weak, and, for a disagreement, the sources that
/// disagree.
fn said(w: &Weak) -> String {
    let sources = if w.sources.is_empty() { "no source".to_string() } else { w.sources.join("; ") };
    match &w.why {
        Why::SingleSource => format!("only {sources}"),
        Why::Disagreement { .. } => format!("{} — {sources}", w.reason()),
        Why::StatusDiffers { how, .. } if !how.is_empty() => format!("{} — {sources}", w.reason()),
        _ => w.reason(),
    }
}

fn lines(rows: &[Weak]) -> String {
    let item_w = rows.iter().map(|w| w.at.briefing.chars().count() + 1 + w.at.item.chars().count()).max().unwrap_or(0).min(48);
    let mut out = String::new();
    for w in rows {
        out.push_str(&format!(
            "{:<14}  {:<item_w$}  {}: {} ({})\n",
            w.why.word(),
            text::visible(&format!("{}/{}", w.at.briefing, w.at.item), false),
            w.kind,
            text::visible(&text::short(&w.text, 120), false),
            text::visible(&said(w), false),
        ));
    }
    out
}

/// A weak spot in `--json` (docs/views.md).
#[derive(Serialize)]
struct Json<'a> {
    weakness: &'static str,
    briefing: &'a str,
    date: Date,
    file: &'a str,
    line: usize,
    kind: Kind,
    id: &'a str,
    text: &'a str,
    sources: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    about: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<crate::model::Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    how: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<usize>,
}

impl<'a> Json<'a> {
    fn of(w: &'a Weak) -> Json<'a> {
        let mut json = Json {
            weakness: w.why.word(),
            briefing: &w.at.briefing,
            date: w.at.date,
            file: &w.at.file,
            line: w.at.line,
            kind: w.kind,
            id: &w.at.item,
            text: &w.text,
            sources: &w.sources,
            about: None,
            status: None,
            how: None,
            claims: None,
        };
        match &w.why {
            Why::Disagreement { about } => json.about = Some(about),
            Why::StatusDiffers { status, how } => (json.status, json.how) = (Some(*status), Some(how.as_str())),
            Why::LeanedOn { claims } => json.claims = Some(*claims),
            Why::SingleSource | Why::Uncited => {}
        }
        json
    }
}
