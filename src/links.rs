//! Back-references inside one briefing, derived on load: for every source the items citing it,
//! for every item the items that refer to it.

use serde::Serialize;

use crate::model::{Briefing, ItemRef, Kind};

/// The keys through which one item refers to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefKey {
    InReturnFor,
    AnnouncedBy,
    RespondsTo,
    About,
}

impl RefKey {
    pub fn as_str(self) -> &'static str {
        match self {
            RefKey::InReturnFor => "in_return_for",
            RefKey::AnnouncedBy => "announced_by",
            RefKey::RespondsTo => "responds_to",
            RefKey::About => "about",
        }
    }
}

/// Who points at whom, in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    /// Indexed like `Briefing::sources`: the items citing each source, each item once.
    pub cited_by: Vec<Vec<ItemRef>>,
    /// For each item referred to, the referring items and the key they use.
    pub referrers: hashbrown::HashMap<ItemRef, Vec<(ItemRef, RefKey)>>,
}

impl Links {
    /// The items that refer to `item` (not counting citations).
    pub fn referrers_of(&self, item: ItemRef) -> &[(ItemRef, RefKey)] {
        self.referrers.get(&item).map_or(&[], Vec::as_slice)
    }

    /// The items citing a source.
    pub fn citing(&self, source_index: usize) -> &[ItemRef] {
        self.cited_by.get(source_index).map_or(&[], Vec::as_slice)
    }
}

/// The outgoing references of an item, by key. Citations are not included.
pub fn references_of(b: &Briefing, item: ItemRef) -> Vec<(RefKey, &str)> {
    let (pairs, about): (&[(RefKey, &[String])], Option<&str>) = match item.kind {
        Kind::Commitment => {
            let c = &b.commitments[item.index];
            (&[(RefKey::InReturnFor, &c.in_return_for), (RefKey::AnnouncedBy, &c.announced_by)], None)
        }
        Kind::Reaction => (&[(RefKey::RespondsTo, &b.reactions[item.index].responds_to)], None),
        Kind::Discrepancy => (&[], Some(&b.discrepancies[item.index].about)),
        _ => (&[], None),
    };
    let mut out: Vec<(RefKey, &str)> = pairs.iter().flat_map(|(key, ids)| ids.iter().map(move |id| (*key, id.as_str()))).collect();
    out.extend(about.map(|id| (RefKey::About, id)));
    out
}

/// Derives the links of a briefing whose references have all been checked to resolve.
pub fn derive(b: &Briefing) -> Links {
    let mut links = Links { cited_by: vec![Vec::new(); b.sources.len()], referrers: hashbrown::HashMap::new() };
    for item in b.items() {
        for citation in b.cites_of(item) {
            if let Some(source) = b.lookup(&citation.source).filter(|s| s.kind == Kind::Source) {
                let citing = &mut links.cited_by[source.index];
                if citing.last() != Some(&item) {
                    citing.push(item);
                }
            }
        }
        for (key, id) in references_of(b, item) {
            if let Some(target) = b.lookup(id) {
                links.referrers.entry(target).or_default().push((item, key));
            }
        }
    }
    links
}
