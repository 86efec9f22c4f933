//! The weak spots of the library, what an analyst double-checks before quoting: claims that
//! rest on a single source (or none), disagreements the curator recorded between sources,
//! commitments whose status the sources report differently, and sources that many claims lean
//! on alone.

use serde::{Deserialize, Serialize};

use super::{At, cited_titles};
use crate::model::{Briefing, ItemRef, Kind, Status};

/// A source leaned on alone by at least this many claims of its briefing is a weak spot itself:
/// if it is wrong, so are they.
pub const LEANED_ON: usize = 3;

/// Why a row is weak.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Why {
    /// The claim cites one source.
    SingleSource,
    /// The claim cites none (`brief check` warns of it too).
    Uncited,
    /// A recorded disagreement between sources, about the item named.
    Disagreement { about: String },
    /// A commitment whose status the sources report differently: its status is `disputed`, or
    /// a recorded disagreement is about it (`how` says what differs).
    StatusDiffers { status: Status, how: String },
    /// A source that this many claims rest on alone.
    LeanedOn { claims: usize },
}

impl Why {
    /// The word `brief weak` prints and `--json` writes.
    pub fn word(&self) -> &'static str {
        match self {
            Why::SingleSource => "single-source",
            Why::Uncited => "uncited",
            Why::Disagreement { .. } => "disagreement",
            Why::StatusDiffers { .. } => "status-differs",
            Why::LeanedOn { .. } => "leaned-on",
        }
    }
}

/// One weak spot: the item it is about, why, what the item says, and the sources it rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weak {
    pub at: At,
    pub kind: Kind,
    pub why: Why,
    pub text: String,
    /// The titles of the sources cited, each once.
    pub sources: Vec<String>,
}

impl Weak {
    /// Why it is weak, in a few words: `only SOURCE`, `about ITEM`, `status pending: HOW`.
    pub fn reason(&self) -> String {
        match &self.why {
            Why::SingleSource => format!("only {}", self.sources.join("; ")),
            Why::Uncited => "cites no source".to_string(),
            Why::Disagreement { about } => format!("about {about}"),
            Why::StatusDiffers { status, how } if how.is_empty() => format!("status {status}"),
            Why::StatusDiffers { status, how } => format!("status {status}: {how}"),
            Why::LeanedOn { claims } => format!("{claims} claims rest on it alone"),
        }
    }
}

/// The claims a briefing makes: every item but sources and disagreements.
const CLAIMS: [Kind; 5] = [Kind::Official, Kind::Commitment, Kind::Reaction, Kind::Fact, Kind::Event];

/// Every weak spot of a briefing: claims in the format's order, then disagreements, then
/// commitments reported differently, then sources leaned on.
pub fn of(b: &Briefing, file: &str) -> Vec<Weak> {
    let row = |item: ItemRef, why: Why| Weak {
        at: At::of(b, file, item),
        kind: item.kind,
        why,
        text: b.label(item),
        sources: cited_titles(b, item),
    };
    let mut out = Vec::new();
    let mut alone = vec![0usize; b.sources.len()];
    for item in b.items().filter(|i| CLAIMS.contains(&i.kind)) {
        match b.corroboration(item) {
            0 => out.push(row(item, Why::Uncited)),
            1 => {
                out.push(row(item, Why::SingleSource));
                let source = &b.cites_of(item)[0].source;
                if let Some(i) = b.sources.iter().position(|s| &s.id == source) {
                    alone[i] += 1;
                }
            }
            _ => {}
        }
    }
    let mut status_rows: Vec<(usize, Weak)> = Vec::new();
    for (index, d) in b.discrepancies.iter().enumerate() {
        let here = ItemRef { kind: Kind::Discrepancy, index };
        match b.lookup(&d.about) {
            Some(about) if about.kind == Kind::Commitment => {
                let c = &b.commitments[about.index];
                let mut w = row(about, Why::StatusDiffers { status: c.status, how: crate::text::visible(&d.text, false) });
                w.sources = cited_titles(b, here);
                status_rows.push((about.index, w));
            }
            about => out.push(row(here, Why::Disagreement { about: about.map(|a| b.label(a)).unwrap_or_else(|| d.about.clone()) })),
        }
    }
    for (index, c) in b.commitments.iter().enumerate() {
        if c.status == Status::Disputed && !status_rows.iter().any(|(i, _)| *i == index) {
            let item = ItemRef { kind: Kind::Commitment, index };
            status_rows.push((index, row(item, Why::StatusDiffers { status: c.status, how: String::new() })));
        }
    }
    status_rows.sort_by_key(|(i, _)| *i);
    out.extend(status_rows.into_iter().map(|(_, w)| w));
    for (index, n) in alone.into_iter().enumerate().filter(|(_, n)| *n >= LEANED_ON) {
        out.push(row(ItemRef { kind: Kind::Source, index }, Why::LeanedOn { claims: n }));
    }
    out
}

/// How many weak spots a briefing has — all, claims on one source or none, disagreements — as
/// [`of`] would list them, without making the rows (every file's first read counts them).
pub fn tally(b: &Briefing) -> [usize; 3] {
    let mut alone = vec![0usize; b.sources.len()];
    let mut single = 0;
    for item in b.items().filter(|i| CLAIMS.contains(&i.kind)) {
        match b.corroboration(item) {
            0 => single += 1,
            1 => {
                single += 1;
                if let Some(i) = b.sources.iter().position(|s| s.id == b.cites_of(item)[0].source) {
                    alone[i] += 1;
                }
            }
            _ => {}
        }
    }
    let about_commitment = |d: &crate::model::Discrepancy| b.lookup(&d.about).is_some_and(|a| a.kind == Kind::Commitment);
    let bare_disputes = b
        .commitments
        .iter()
        .filter(|c| c.status == Status::Disputed && !b.discrepancies.iter().any(|d| d.about == c.id && about_commitment(d)))
        .count();
    let disputed = b.discrepancies.len() + bare_disputes;
    let leaned = alone.iter().filter(|n| **n >= LEANED_ON).count();
    [single + disputed + leaned, single, disputed]
}

/// What the library list says of a briefing's weak spots: claims on one source or none, and
/// disagreements (between sources, or on a commitment's status).
pub fn counts(rows: &[Weak]) -> (usize, usize) {
    let single = rows.iter().filter(|w| matches!(w.why, Why::SingleSource | Why::Uncited)).count();
    let disputed = rows.iter().filter(|w| matches!(w.why, Why::Disagreement { .. } | Why::StatusDiffers { .. })).count();
    (single, disputed)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_tally_counts_what_the_rows_list() {
        for path in ["briefings/london-talks.toml", "tests/fixtures/across/geneva.toml", "tests/fixtures/across/london.toml"] {
            let loaded = crate::Library::load(&[std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)]);
            let b = &loaded.library.briefings()[0];
            let rows = super::of(b, "");
            let (single, disputed) = super::counts(&rows);
            assert_eq!(super::tally(b), [rows.len(), single, disputed], "{path}");
        }
    }
}
