//! A briefing as search sees it: every searchable field folded and joined, the fields' own
//! text for snippets, and what the query's filters ask of each place. Matching needs nothing
//! else, so the store keeps it as bytes and a search of a thousand briefings parses none.

use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::model::{Briefing, Direction, ItemRef, Kind, Status};
use crate::search::fold::{fold, fold_into};
use crate::search::matcher::{Place, fields};
use crate::search::query::Query;

/// One place of a briefing: its header or an item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Group<'a> {
    pub place: Place,
    /// The id hits at this place report.
    #[serde(borrow)]
    pub id: Cow<'a, str>,
}

/// What the filters of a query (`side:`, `party:`, `status:`, `direction:`, `source:`) ask of
/// each place. Kept as bytes of their own inside [`Folded`] and read only for a query that
/// uses them: most do not, and reading them for every candidate was a third of a search.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets<'a> {
    /// One a place, as [`Folded::groups`].
    #[serde(borrow)]
    pub places: Vec<Facet<'a>>,
    #[serde(borrow)]
    pub cited: Vec<Cited<'a>>,
}

/// What the filters ask of one place.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Facet<'a> {
    /// An official's side, folded.
    #[serde(borrow)]
    pub side: Option<Cow<'a, str>>,
    /// A commitment's party, folded.
    #[serde(borrow)]
    pub party: Option<Cow<'a, str>>,
    pub status: Option<Status>,
    pub direction: Option<Direction>,
}

/// A source an item cites, for the `source:` filter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cited<'a> {
    /// The citing place, in [`Folded::groups`].
    pub group: u32,
    #[serde(borrow)]
    pub source: Cow<'a, str>,
    /// The source's outlet, folded.
    #[serde(borrow)]
    pub outlet: Option<Cow<'a, str>>,
}

/// One field inside a [`Folded`] blob.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Span {
    /// Its place, in [`Folded::groups`].
    pub group: u32,
    pub name: Name,
    pub weight: u8,
    /// Where its folded text is in [`Folded::blob`].
    pub range: Range<usize>,
    /// Where its text as written is in [`Folded::original`].
    pub text: Range<usize>,
}

/// A briefing's fields folded and joined, so a term is one substring scan per briefing. Made
/// from a briefing it owns its text; read from the store's bytes it borrows them, so a search
/// of a thousand briefings copies none of their text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Folded<'a> {
    #[serde(borrow)]
    pub briefing: Cow<'a, str>,
    #[serde(borrow)]
    pub title: Cow<'a, str>,
    pub date: Date,
    /// Its tags, folded.
    #[serde(borrow)]
    pub tags: Vec<Cow<'a, str>>,
    #[serde(borrow, deserialize_with = "text")]
    pub blob: Cow<'a, str>,
    /// The fields as written, one after the other; a field's text is checked as UTF-8 when a
    /// hit shows it, not every field of every candidate.
    #[serde(borrow, with = "serde_bytes")]
    pub original: Cow<'a, [u8]>,
    #[serde(borrow)]
    pub groups: Vec<Group<'a>>,
    pub spans: Vec<Span>,
    /// [`Facets`] as bytes.
    #[serde(borrow, with = "serde_bytes")]
    pub facets: Cow<'a, [u8]>,
}

/// Joins fields; never produced by folding typed text, so no match runs across two fields.
const SEPARATOR: &str = "\u{1}";

impl Folded<'static> {
    pub fn new(b: &Briefing) -> Folded<'static> {
        // Sized once: grown as they fill, the texts were copied again and again.
        let fields = fields(b);
        let length: usize = fields.iter().map(|(_, _, _, text)| text.len() + SEPARATOR.len()).sum();
        let mut blob = String::with_capacity(length + length / 16);
        let mut original = String::with_capacity(length);
        let mut groups: Vec<Group> = Vec::new();
        let mut spans: Vec<Span> = Vec::with_capacity(fields.len());
        let mut facets = Facets::default();
        for (place, name, weight, text) in fields {
            if groups.last().is_none_or(|g| g.place != place) {
                let group = groups.len() as u32;
                let (id, facet) = match place {
                    Place::Briefing => (b.id.clone(), Facet::default()),
                    Place::Item(item) => {
                        facets.cited.extend(sources(b, item).map(|(source, outlet)| Cited { group, source, outlet }));
                        (b.id_of(item).to_string(), facet_of(b, item))
                    }
                };
                groups.push(Group { place, id: Cow::Owned(id) });
                facets.places.push(facet);
            }
            let start = blob.len();
            fold_into(text, &mut blob);
            let at = original.len();
            original.push_str(text);
            spans.push(Span {
                group: (groups.len() - 1) as u32,
                name: Name(name),
                weight,
                range: start..blob.len(),
                text: at..original.len(),
            });
            blob.push_str(SEPARATOR);
        }
        Folded {
            briefing: Cow::Owned(b.id.clone()),
            title: Cow::Owned(b.title.clone()),
            date: b.date,
            tags: b.tags.iter().map(|t| Cow::Owned(fold(t))).collect(),
            blob: Cow::Owned(blob),
            original: Cow::Owned(original.into_bytes()),
            groups,
            spans,
            facets: Cow::Owned(postcard::to_allocvec(&facets).unwrap_or_default()),
        }
    }
}

impl<'a> Folded<'a> {
    /// The bytes the store keeps.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// Read back from [`Folded::encode`]'s bytes, borrowing their text; None when they are not
    /// (a store damaged, or written by another build).
    pub fn decode(bytes: &'a [u8]) -> Option<Folded<'a>> {
        let folded: Folded = postcard::from_bytes(bytes).ok()?;
        // Ranges out of bounds would panic when sliced, and text no field covers would be
        // matched against nothing: such bytes are not trusted.
        folded.laid_out().then_some(folded)
    }

    /// Whether the fields are laid out as [`Folded::new`] lays them out: one after the other
    /// in both texts, each folded one followed by a separator, nothing after the last; each
    /// field's place the one before's or the next, every place with a field.
    fn laid_out(&self) -> bool {
        let (mut blob_at, mut text_at, mut place) = (0, 0, 0);
        for (i, s) in self.spans.iter().enumerate() {
            let in_order = if i == 0 { s.group == 0 } else { s.group == place || s.group == place + 1 };
            let after = s.range.end + SEPARATOR.len();
            if !in_order
                || s.range.start != blob_at
                || s.text.start != text_at
                || s.text.end < s.text.start
                || self.blob.get(s.range.clone()).is_none()
                || self.blob.get(s.range.end..after) != Some(SEPARATOR)
            {
                return false;
            }
            (blob_at, text_at, place) = (after, s.text.end, s.group);
        }
        let places = if self.spans.is_empty() { 0 } else { place as usize + 1 };
        blob_at == self.blob.len() && text_at == self.original.len() && places == self.groups.len()
    }

    /// A field's text as written ("" should the store's bytes not be text).
    pub fn text(&self, span: usize) -> &str {
        let bytes = self.spans.get(span).and_then(|s| self.original.get(s.text.clone())).unwrap_or_default();
        std::str::from_utf8(bytes).unwrap_or("")
    }

    /// What the filters ask of each place; None when the bytes do not read back.
    pub fn facets(&self) -> Option<Facets<'_>> {
        let facets: Facets = postcard::from_bytes(&self.facets).ok()?;
        let groups = self.groups.len();
        // In order of their places, as made: a place's citations are then found by halving.
        let ordered = facets.cited.is_sorted_by_key(|c| c.group);
        (ordered && facets.places.len() == groups && facets.cited.iter().all(|c| (c.group as usize) < groups)).then_some(facets)
    }

    /// Whether the briefing passes the query's date and tag filters.
    pub fn passes(&self, q: &Query) -> bool {
        let f = &q.filters;
        f.after.is_none_or(|d| self.date >= d)
            && f.before.is_none_or(|d| self.date <= d)
            && (f.tags.is_empty() || self.tags.iter().any(|t| f.tags.iter().any(|w| w == t)))
    }

    /// Whether a place passes the query's filters: its kind, and what `facets` says of it when
    /// the query asks more ([`needs_facets`]).
    pub fn place_passes(&self, facets: Option<&Facets>, group: u32, q: &Query) -> bool {
        let f = &q.filters;
        if !(f.kinds.is_empty() || f.kinds.contains(&self.groups[group as usize].place.scope())) {
            return false;
        }
        if !needs_facets(q) {
            return true;
        }
        let Some(x) = facets else { return false };
        let g = &x.places[group as usize];
        let folded_in = |wanted: &[String], value: &Option<Cow<str>>| value.as_deref().is_some_and(|v| wanted.iter().any(|w| w == v));
        (f.sides.is_empty() || folded_in(&f.sides, &g.side))
            && (f.parties.is_empty() || folded_in(&f.parties, &g.party))
            && (f.statuses.is_empty() || g.status.is_some_and(|s| f.statuses.contains(&s)))
            && (f.directions.is_empty() || g.direction.is_some_and(|d| f.directions.contains(&d)))
            && (f.sources.is_empty() || {
                // This place's citations alone: scanning all of them for each place took the
                // square of a briefing whose thousands of facts cite one source.
                let cited = &x.cited[x.cited.partition_point(|c| c.group < group)..x.cited.partition_point(|c| c.group <= group)];
                cited
                    .iter()
                    .any(|c| f.sources.iter().any(|w| *w == c.source || c.outlet.as_deref().is_some_and(|o| o.contains(w.as_str()))))
            })
    }
}

/// Whether a query filters on what [`Facets`] hold.
pub fn needs_facets(q: &Query) -> bool {
    let f = &q.filters;
    !(f.sides.is_empty() && f.parties.is_empty() && f.statuses.is_empty() && f.directions.is_empty() && f.sources.is_empty())
}

/// What the filters ask of an item, read off its briefing.
fn facet_of(b: &Briefing, item: ItemRef) -> Facet<'static> {
    let i = item.index;
    let mut g = Facet::default();
    match item.kind {
        Kind::Official => g.side = b.officials[i].side.as_deref().map(|s| Cow::Owned(fold(s))),
        Kind::Commitment => {
            g.party = Some(Cow::Owned(fold(&b.commitments[i].party)));
            g.status = Some(b.commitments[i].status);
        }
        Kind::Reaction => g.direction = b.reactions[i].direction,
        _ => {}
    }
    g
}

/// A long text lent from the bytes, checked as UTF-8 by SIMD: the standard check of every
/// candidate's text took a tenth of a search.
fn text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Cow<'de, str>, D::Error> {
    let bytes = <&'de [u8]>::deserialize(d)?;
    simdutf8::basic::from_utf8(bytes).map(Cow::Borrowed).map_err(|_| serde::de::Error::custom("not UTF-8"))
}

/// The sources an item cites: id, and outlet folded.
fn sources(b: &Briefing, item: ItemRef) -> impl Iterator<Item = (Cow<'static, str>, Option<Cow<'static, str>>)> + '_ {
    b.cites_of(item).iter().filter_map(|c| b.lookup(&c.source)).filter(|s| s.kind == Kind::Source).map(|s| {
        let source = &b.sources[s.index];
        (Cow::Owned(source.id.clone()), source.outlet.as_deref().map(|o| Cow::Owned(fold(o))))
    })
}

/// A field's name, kept as one byte: its place among the names [`fields`] gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name(pub &'static str);

const NAMES: &[&str] = &[
    "title",
    "summary",
    "place",
    "tags",
    "outlet",
    "points",
    "name",
    "role",
    "side",
    "notes",
    "text",
    "party",
    "status",
    "due",
    "market",
    "move",
    "direction",
    "note",
    "topic",
];

impl Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let at = NAMES.iter().position(|n| *n == self.0).ok_or_else(|| serde::ser::Error::custom(format!("no field {}", self.0)))?;
        s.serialize_u8(at as u8)
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Name, D::Error> {
        let at = u8::deserialize(d)?;
        NAMES.get(usize::from(at)).map(|n| Name(n)).ok_or_else(|| serde::de::Error::custom(format!("no field {at}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_briefing_reads_back_from_the_bytes_the_store_keeps() {
        let text = include_bytes!("../../briefings/london-talks.toml");
        let b = crate::load::parse_file(std::path::Path::new("london-talks.toml"), text).loaded.expect("the briefing loads").0;
        let folded = Folded::new(&b);
        let bytes = folded.encode();
        assert!(folded.spans.len() > 10 && !bytes.is_empty());
        assert_eq!(Folded::decode(&bytes), Some(folded));
        // Cut short, or a range past its text: refused, never a panic later.
        assert_eq!(Folded::decode(&bytes[..bytes.len() / 2]), None);
    }

    fn london() -> Folded<'static> {
        let text = include_bytes!("../../briefings/london-talks.toml");
        Folded::new(&crate::load::parse_file(std::path::Path::new("london-talks.toml"), text).loaded.expect("the briefing loads").0)
    }

    #[test]
    fn bytes_not_laid_out_as_folding_a_briefing_lays_them_out_are_refused() {
        let good = london();
        let refused = |change: &dyn Fn(&mut Folded<'static>), what: &str| {
            let mut bad = good.clone();
            change(&mut bad);
            assert_eq!(Folded::decode(&bad.encode()), None, "{what}");
        };
        refused(&|f| f.spans.clear(), "text no field covers");
        refused(&|f| f.spans[1].range.start += 1, "a gap between two fields");
        refused(&|f| f.spans[3].text.start -= 1, "fields as written that overlap");
        refused(&|f| f.spans.swap(1, 2), "fields out of order");
        refused(&|f| f.spans[0].group = 1, "a field before its place's first");
        let last = good.spans.len() - 1;
        refused(&|f| f.spans[last].group += 1, "a place out of range");
        refused(&|f| f.blob.to_mut().push('x'), "text after the last field");
    }

    #[test]
    fn an_empty_briefing_as_search_sees_it_matches_nothing_and_never_panics() {
        let mut f = london();
        f.spans.clear();
        f.groups.clear();
        f.blob = Cow::Borrowed("lithium");
        for query in ["kind:fact -lithium", "lithium", "source:x"] {
            assert!(crate::search::matcher::match_briefing(&f, &crate::search::parse(query).unwrap()).is_empty(), "{query}");
        }
    }
}
