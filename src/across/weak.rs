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

/// What the library list says of a briefing's weak spots: claims on one source or none, and
/// disagreements (between sources, or on a commitment's status).
pub fn counts(rows: &[Weak]) -> (usize, usize) {
    let single = rows.iter().filter(|w| matches!(w.why, Why::SingleSource | Why::Uncited)).count();
    let disputed = rows.iter().filter(|w| matches!(w.why, Why::Disagreement { .. } | Why::StatusDiffers { .. })).count();
    (single, disputed)
}
