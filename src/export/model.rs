//! The summary an export shows, before any format: sections in order, every claim with its
//! citations as source numbers and its corroboration. Sources are numbered in the order of
//! their first citation across the whole document, as Markdown renderers number footnotes.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::model::{Briefing, ItemRef, Kind};

/// The version of the export's shape; JSON exports name it.
pub const SCHEMA_VERSION: u32 = 1;

/// The sections an export may hold, in their order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Summary,
    Facts,
    Officials,
    Commitments,
    Reactions,
    Discrepancies,
    Timeline,
    Sources,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::Summary,
        Section::Facts,
        Section::Officials,
        Section::Commitments,
        Section::Reactions,
        Section::Discrepancies,
        Section::Timeline,
        Section::Sources,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Facts => "facts",
            Section::Officials => "officials",
            Section::Commitments => "commitments",
            Section::Reactions => "reactions",
            Section::Discrepancies => "discrepancies",
            Section::Timeline => "timeline",
            Section::Sources => "sources",
        }
    }

    /// Parses `officials,commitments,…`.
    pub fn parse_list(list: &str) -> Result<Vec<Section>, String> {
        list.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|word| {
                Section::ALL.into_iter().find(|s| s.name() == word).ok_or_else(|| {
                    let names: Vec<&str> = Section::ALL.iter().map(|s| s.name()).collect();
                    format!("`{word}` is not a section; sections are {}", crate::text::list_words(names, 8))
                })
            })
            .collect()
    }
}

/// Something a source says: the text, the numbers of the sources it cites, and how many
/// distinct sources back it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub text: String,
    pub cites: Vec<usize>,
    pub corroboration: usize,
    pub single_source: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub id: String,
    pub topic: Option<String>,
    pub claim: Claim,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Official {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    /// What they said or did; the claim text is the name when the file has no notes.
    pub claim: Claim,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    pub side: String,
    pub officials: Vec<Official>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    pub id: String,
    pub status: String,
    pub open: bool,
    pub due: Option<String>,
    /// What it is traded for: the texts of those commitments.
    pub in_return_for: Vec<String>,
    /// Names of the officials who announced it.
    pub announced_by: Vec<String>,
    pub claim: Claim,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub party: String,
    pub commitments: Vec<Commitment>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reaction {
    pub id: String,
    pub market: String,
    pub direction: Option<String>,
    #[serde(rename = "move")]
    pub movement: Option<String>,
    /// What it responds to, each as a one-line label.
    pub responds_to: Vec<String>,
    /// The note; the claim text is the market when the file has no note.
    pub claim: Claim,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discrepancy {
    pub id: String,
    /// What it is about, as a one-line label.
    pub about: String,
    pub claim: Claim,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub date: String,
    pub claim: Claim,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub number: usize,
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub kind: String,
    /// How many items of the briefing cite it.
    pub items_resting_on_it: usize,
}

/// One briefing's part of an export; sections left out are empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub title: String,
    pub date: Date,
    pub end_date: Option<Date>,
    pub place: Option<String>,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub facts: Vec<Fact>,
    pub officials: Vec<Side>,
    pub commitments: Vec<Party>,
    pub reactions: Vec<Reaction>,
    pub discrepancies: Vec<Discrepancy>,
    pub timeline: Vec<Event>,
    pub sources: Vec<Source>,
}

/// A whole export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub schema: String,
    pub version: u32,
    pub sections: Vec<String>,
    pub briefings: Vec<Summary>,
}

/// What to export from one briefing: everything, or only some items (a search's hits) and
/// whether its header matched.
#[derive(Clone, Debug, Default)]
pub struct Pick {
    pub items: Option<HashSet<ItemRef>>,
    pub header: bool,
}

/// Source numbers, given in the order of first citation across the whole document.
struct Numbers {
    next: usize,
    /// For the briefing being summarized: each source's number, 0 until it is cited.
    of: Vec<usize>,
}

impl Numbers {
    /// The numbers of an item's citations, giving new ones to sources cited for the first time.
    fn claim(&mut self, b: &Briefing, item: ItemRef, text: &str) -> Claim {
        let mut cites = Vec::new();
        // A claim may cite thousands of sources: each number once, found in a set, not the list.
        let mut seen = hashbrown::HashSet::new();
        for c in b.cites_of(item) {
            let Some(source) = b.lookup(&c.source) else { continue };
            let number = &mut self.of[source.index];
            if *number == 0 {
                self.next += 1;
                *number = self.next;
            }
            if seen.insert(*number) {
                cites.push(*number);
            }
        }
        let corroboration = b.corroboration(item);
        Claim { text: text.to_string(), cites, corroboration, single_source: corroboration == 1 }
    }
}

/// Each id of a list once, in order: an item's label is written at each reference, and a list
/// naming one long commitment thousands of times would write its text as often.
fn once(ids: &[String]) -> impl Iterator<Item = &String> {
    let mut seen = hashbrown::HashSet::new();
    ids.iter().filter(move |id| seen.insert(id.as_str()))
}

/// Groups items by a label in the order labels first appear.
fn grouped<T>(items: Vec<(String, T)>) -> Vec<(String, Vec<T>)> {
    let mut groups: Vec<(String, Vec<T>)> = Vec::new();
    // Each label's group by its place: a briefing may give every official a side of its own.
    let mut place: hashbrown::HashMap<String, usize> = hashbrown::HashMap::new();
    for (key, item) in items {
        match place.get(&key) {
            Some(&at) => groups[at].1.push(item),
            None => {
                place.insert(key.clone(), groups.len());
                groups.push((key, vec![item]));
            }
        }
    }
    groups
}

/// Builds the export of some briefings, each with what to take from it, keeping `sections`.
pub fn build(picks: &[(&Briefing, Pick)], sections: &[Section]) -> Document {
    let mut numbers = Numbers { next: 0, of: Vec::new() };
    let briefings = picks.iter().map(|(b, pick)| summarize(b, pick, sections, &mut numbers)).collect();
    Document {
        schema: "brief-export".into(),
        version: SCHEMA_VERSION,
        sections: sections.iter().map(|s| s.name().to_string()).collect(),
        briefings,
    }
}

fn summarize(b: &Briefing, pick: &Pick, sections: &[Section], n: &mut Numbers) -> Summary {
    n.of = vec![0; b.sources.len()];
    let wanted = |s: Section| sections.contains(&s);
    let taken = |item: ItemRef| pick.items.as_ref().is_none_or(|set| set.contains(&item));
    let items = |kind: Kind| (0..b.count(kind)).map(move |index| ItemRef { kind, index }).filter(move |i| taken(*i));
    let mut s = Summary {
        id: b.id.clone(),
        title: b.title.clone(),
        date: b.date,
        end_date: b.end_date,
        place: b.place.clone(),
        tags: b.tags.clone(),
        summary: (wanted(Section::Summary) && (pick.items.is_none() || pick.header)).then(|| b.summary.trim().to_string()),
        facts: Vec::new(),
        officials: Vec::new(),
        commitments: Vec::new(),
        reactions: Vec::new(),
        discrepancies: Vec::new(),
        timeline: Vec::new(),
        sources: Vec::new(),
    };
    if wanted(Section::Facts) {
        s.facts = items(Kind::Fact)
            .map(|i| {
                let f = &b.facts[i.index];
                Fact { id: f.id.clone(), topic: f.topic.clone(), claim: n.claim(b, i, &f.text) }
            })
            .collect();
    }
    if wanted(Section::Officials) {
        let list = items(Kind::Official)
            .map(|i| {
                let o = &b.officials[i.index];
                let side = o.side.clone().unwrap_or_else(|| "Other".into());
                let text = o.notes.clone().unwrap_or_else(|| o.name.clone());
                (side, Official { id: o.id.clone(), name: o.name.clone(), role: o.role.clone(), claim: n.claim(b, i, &text) })
            })
            .collect();
        s.officials = grouped(list).into_iter().map(|(side, officials)| Side { side, officials }).collect();
    }
    if wanted(Section::Commitments) {
        let label_of = |id: &String| b.lookup(id).map(|r| b.label(r)).unwrap_or_else(|| id.clone());
        let mut ordered: Vec<ItemRef> = items(Kind::Commitment).collect();
        // Open ones (proposed, agreed, pending, disputed) first; otherwise the file's order.
        ordered.sort_by_key(|i| !b.commitments[i.index].status.is_open());
        let list = ordered
            .into_iter()
            .map(|i| {
                let c = &b.commitments[i.index];
                let commitment = Commitment {
                    id: c.id.clone(),
                    status: c.status.as_str().into(),
                    open: c.status.is_open(),
                    due: c.due.as_ref().map(ToString::to_string),
                    in_return_for: once(&c.in_return_for).map(label_of).collect(),
                    announced_by: once(&c.announced_by)
                        .map(|id| b.lookup(id).map(|o| b.officials[o.index].name.clone()).unwrap_or_else(|| id.clone()))
                        .collect(),
                    claim: n.claim(b, i, &c.text),
                };
                (c.party.clone(), commitment)
            })
            .collect();
        s.commitments = grouped(list).into_iter().map(|(party, commitments)| Party { party, commitments }).collect();
    }
    if wanted(Section::Reactions) {
        s.reactions = items(Kind::Reaction)
            .map(|i| {
                let r = &b.reactions[i.index];
                Reaction {
                    id: r.id.clone(),
                    market: r.market.clone(),
                    direction: r.direction.map(|d| d.as_str().into()),
                    movement: r.movement.clone(),
                    responds_to: once(&r.responds_to).filter_map(|id| b.lookup(id)).map(|t| b.label(t)).collect(),
                    claim: n.claim(b, i, r.note.as_deref().unwrap_or(&r.market)),
                }
            })
            .collect();
    }
    if wanted(Section::Discrepancies) {
        s.discrepancies = items(Kind::Discrepancy)
            .map(|i| {
                let d = &b.discrepancies[i.index];
                let about = b.lookup(&d.about).map(|t| b.label(t)).unwrap_or_else(|| d.about.clone());
                Discrepancy { id: d.id.clone(), about, claim: n.claim(b, i, &d.text) }
            })
            .collect();
    }
    if wanted(Section::Timeline) {
        let mut events: Vec<ItemRef> = items(Kind::Event).collect();
        events.sort_by_key(|e| b.events[e.index].date);
        s.timeline = events
            .into_iter()
            .map(|i| {
                let e = &b.events[i.index];
                Event { id: e.id.clone(), date: e.date.to_string(), claim: n.claim(b, i, &e.text) }
            })
            .collect();
    }
    if wanted(Section::Sources) {
        let mut cited: Vec<(usize, usize)> = n.of.iter().enumerate().filter(|(_, num)| **num > 0).map(|(i, num)| (*num, i)).collect();
        cited.sort();
        s.sources = cited
            .into_iter()
            .map(|(number, i)| {
                let src = &b.sources[i];
                Source {
                    number,
                    id: src.id.clone(),
                    title: src.title.clone(),
                    outlet: src.outlet.clone(),
                    published: src.published.map(|p| p.to_string()),
                    url: src.url.clone(),
                    kind: src.kind.as_str().into(),
                    items_resting_on_it: b.links.citing(i).len(),
                }
            })
            .collect();
    }
    s
}
