//! Matching a query against one briefing: which items (or the briefing itself) it finds, in
//! which field, how well, and the snippet that shows it.

use std::ops::Range;
use std::sync::Arc;

use memchr::memmem;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::model::{Briefing, ItemRef, Kind};
use crate::search::fold::{fold_with_map, is_whole_word};
pub use crate::search::folded::Folded;
use crate::search::query::{Query, Scope, Term};

/// What a hit is: the briefing's own header, or one of its items.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Place {
    Briefing,
    Item(ItemRef),
}

impl Place {
    pub fn scope(self) -> Scope {
        match self {
            Place::Briefing => Scope::Briefing,
            Place::Item(item) => Scope::Item(item.kind),
        }
    }
}

/// Fields in a name, title or market rank above body text.
const NAME: u8 = 2;
const BODY: u8 = 1;

/// Every searchable field of a briefing, place by place: (place, field name, weight, text).
pub fn fields(b: &Briefing) -> Vec<(Place, &'static str, u8, &str)> {
    let mut out = Vec::new();
    for place in std::iter::once(Place::Briefing).chain(b.items().map(Place::Item)) {
        out.extend(place_fields(b, place).into_iter().map(|(name, weight, text)| (place, name, weight, text)));
    }
    out
}

/// The searchable fields of one place, in order: (field name, weight, text). Empty fields are
/// left out.
pub fn place_fields(b: &Briefing, place: Place) -> Vec<(&'static str, u8, &str)> {
    let mut out: Vec<(&'static str, u8, &str)> = Vec::new();
    let mut add = |name, weight, text| push(&mut out, name, weight, text);
    let Place::Item(item) = place else {
        add("title", NAME, Some(&b.title));
        add("summary", BODY, Some(&b.summary));
        add("place", BODY, b.place.as_deref());
        for tag in &b.tags {
            add("tags", BODY, Some(tag));
        }
        return out;
    };
    if !b.has(item) {
        return out;
    }
    let i = item.index;
    match item.kind {
        Kind::Source => {
            let s = &b.sources[i];
            add("title", NAME, Some(&s.title));
            add("outlet", BODY, s.outlet.as_deref());
            for point in &s.points {
                add("points", BODY, Some(point));
            }
        }
        Kind::Official => {
            let o = &b.officials[i];
            add("name", NAME, Some(&o.name));
            add("role", BODY, o.role.as_deref());
            add("side", BODY, o.side.as_deref());
            add("notes", BODY, o.notes.as_deref());
        }
        Kind::Commitment => {
            let c = &b.commitments[i];
            add("text", BODY, Some(&c.text));
            add("party", BODY, Some(&c.party));
            add("status", BODY, Some(c.status.as_str()));
            if let Some(crate::date::Due::Text(due)) = &c.due {
                add("due", BODY, Some(due));
            }
        }
        Kind::Reaction => {
            let r = &b.reactions[i];
            add("market", NAME, Some(&r.market));
            add("move", BODY, r.movement.as_deref());
            add("direction", BODY, r.direction.map(|d| d.as_str()));
            add("note", BODY, r.note.as_deref());
        }
        Kind::Fact => {
            add("text", BODY, Some(&b.facts[i].text));
            add("topic", BODY, b.facts[i].topic.as_deref());
        }
        Kind::Event => add("text", BODY, Some(&b.events[i].text)),
        Kind::Discrepancy => add("text", BODY, Some(&b.discrepancies[i].text)),
    }
    out
}

fn push<'b>(out: &mut Vec<(&'static str, u8, &'b str)>, name: &'static str, weight: u8, text: Option<&'b str>) {
    if let Some(text) = text.filter(|t| !t.is_empty()) {
        out.push((name, weight, text));
    }
}

/// A place the query found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub briefing: Arc<str>,
    pub date: Date,
    pub place: Place,
    /// The item's id (positional for unnamed items), or the briefing id for the header.
    pub item: Arc<str>,
    /// The best matching field, its index among [`fields`] and among its place's fields
    /// ([`place_fields`]), and its weight.
    pub field: &'static str,
    pub field_index: usize,
    pub place_field: usize,
    pub weight: u8,
    /// How many terms match there as whole words.
    pub whole: u8,
    /// The place's position in its briefing, for a stable order.
    pub order: usize,
}

/// Terms beyond this many are not tracked separately (queries are typed by hand).
pub const MAX_TERMS: usize = 64;

/// A query made ready to run over many briefings: each term's searcher built once.
pub struct Prepared<'q> {
    pub query: &'q Query,
    terms: Vec<memmem::Finder<'q>>,
    excluded: Vec<memmem::Finder<'q>>,
}

impl<'q> Prepared<'q> {
    pub fn new(query: &'q Query) -> Prepared<'q> {
        let finder = |t: &'q Term| memmem::Finder::new(t.text.as_bytes());
        Prepared {
            query,
            terms: query.terms.iter().take(MAX_TERMS).map(finder).collect(),
            excluded: query.excluded.iter().map(finder).collect(),
        }
    }
}

/// Everything the query finds in one briefing, in place order.
pub fn match_briefing(folded: &Folded, q: &Query) -> Vec<Hit> {
    match_prepared(folded, &Prepared::new(q))
}

/// [`match_briefing`] with the query's searchers built once for many briefings.
pub fn match_prepared(folded: &Folded, prepared: &Prepared<'_>) -> Vec<Hit> {
    let q = prepared.query;
    if !folded.passes(q) {
        return Vec::new();
    }
    let n = folded.spans.len();
    // No field, no hit (and nothing below may look for a field that is not there).
    if n == 0 {
        return Vec::new();
    }
    let mut masks = Masks::new(n);
    let span_of = |pos: usize| folded.spans.partition_point(|s| s.range.end < pos).min(n.saturating_sub(1));
    for (t, finder) in prepared.terms.iter().enumerate() {
        for pos in finder.find_iter(folded.blob.as_bytes()) {
            let s = span_of(pos);
            let end = pos + finder.needle().len();
            if n == 0 || end > folded.spans[s].range.end {
                continue;
            }
            masks.set(s, t, is_whole_word(&folded.blob, pos, end));
        }
    }
    for finder in &prepared.excluded {
        for pos in finder.find_iter(folded.blob.as_bytes()) {
            masks.excluded[span_of(pos)] = true;
        }
    }
    aggregate(folded, q, &masks)
}

/// Per field of a briefing: which terms match there (a bit each), which match as whole words,
/// and whether an excluded term occurs.
pub struct Masks {
    pub matched: Vec<u64>,
    pub whole: Vec<u64>,
    pub excluded: Vec<bool>,
}

impl Masks {
    pub fn new(fields: usize) -> Masks {
        Masks { matched: vec![0; fields], whole: vec![0; fields], excluded: vec![false; fields] }
    }

    /// Term `term` matches in field `field`, as a whole word or not.
    pub fn set(&mut self, field: usize, term: usize, whole: bool) {
        if term < MAX_TERMS {
            self.matched[field] |= 1 << term;
            if whole {
                self.whole[field] |= 1 << term;
            }
        }
    }
}

/// The hits of a briefing, place by place, given which fields each term matched.
pub fn aggregate(folded: &Folded, q: &Query, masks: &Masks) -> Vec<Hit> {
    if !folded.passes(q) {
        return Vec::new();
    }
    let n = folded.spans.len();
    let (matched, whole, excluded) = (&masks.matched, &masks.whole, &masks.excluded);
    let all = if q.terms.is_empty() { 0 } else { u64::MAX >> (64 - q.terms.len().min(MAX_TERMS)) };
    let facets = crate::search::folded::needs_facets(q).then(|| folded.facets()).flatten();
    let mut hits = Vec::new();
    let mut start = 0;
    let mut order = 0;
    while start < n {
        let at = folded.spans[start].group;
        let end = start + folded.spans[start..].iter().take_while(|s| s.group == at).count();
        let group = start..end;
        start = end;
        order += 1;
        let place = &folded.groups[at as usize];
        if group.clone().any(|i| excluded[i]) || !folded.place_passes(facets.as_ref(), at, q) {
            continue;
        }
        if group.clone().fold(0, |acc, i| acc | matched[i]) & all != all {
            continue;
        }
        // The best field: heavier first, then more whole-word matches, then more terms.
        let best = group
            .clone()
            .filter(|&i| all == 0 || matched[i] != 0)
            .max_by_key(|&i| (folded.spans[i].weight, whole[i].count_ones(), matched[i].count_ones(), std::cmp::Reverse(i)))
            .unwrap_or(group.start);
        hits.push(Hit {
            briefing: Arc::from(&*folded.briefing),
            item: Arc::from(&*place.id),
            date: folded.date,
            place: place.place,
            field: folded.spans[best].name.0,
            field_index: best,
            place_field: best - group.start,
            weight: folded.spans[best].weight,
            whole: whole[best].count_ones() as u8,
            order,
        });
    }
    hits
}

/// Orders hits: names, titles and markets first, whole words before partial matches, newer
/// briefings first, then library and file order.
pub fn rank(hits: &mut [Hit]) {
    hits.sort_by(compare);
}

/// The ranking order of two hits.
pub fn compare(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    (b.weight, b.whole, b.date).cmp(&(a.weight, a.whole, a.date)).then_with(|| a.briefing.cmp(&b.briefing)).then(a.order.cmp(&b.order))
}

/// A piece of a field to show, with the matches marked (character ranges into `text`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

/// The matched field of a hit, as [`snippet`] cuts it, from the folded briefing alone.
pub fn snippet_of(folded: &Folded, hit: &Hit, terms: &[Term], width: usize) -> Snippet {
    highlight(folded.text(hit.field_index), terms, width)
}

/// The matched field of a hit, cut to about `width` characters around the first match, with
/// every term marked. Control characters are made visible, one for one.
pub fn snippet(b: &Briefing, hit: &Hit, terms: &[Term], width: usize) -> Snippet {
    // Only the hit's own place: a briefing of many items would cost a walk of all of them per hit.
    let text = place_fields(b, hit.place).get(hit.place_field).map(|f| f.2).unwrap_or("");
    highlight(text, terms, width)
}

/// Where `terms` match in `text`, as byte ranges of `text`, in order.
pub fn matches(text: &str, terms: &[Term]) -> Vec<Range<usize>> {
    let (folded, map) = fold_with_map(text);
    let mut ranges: Vec<Range<usize>> = terms
        .iter()
        .filter(|t| !t.text.is_empty())
        .flat_map(|t| memmem::find_iter(folded.as_bytes(), t.text.as_bytes()).map(|p| map[p]..map[p + t.text.len()]).collect::<Vec<_>>())
        .collect();
    ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    ranges
}

/// `text` cut to about `width` characters around the first match of `terms`, matches marked.
pub fn highlight(text: &str, terms: &[Term], width: usize) -> Snippet {
    let flat: String = crate::text::visible(&text.replace(['\n', '\r'], " "), false);
    let ranges = matches(&flat, terms);
    let chars_before = |byte: usize| flat[..byte].chars().count();
    let total = flat.chars().count();
    let first = ranges.first().map_or(0, |r| chars_before(r.start));
    let start = if total <= width { 0 } else { first.saturating_sub(width / 4).min(total.saturating_sub(width)) };
    let end = (start + width).min(total);
    let mut out: String = flat.chars().skip(start).take(end - start).collect();
    let mut shift = 0;
    if start > 0 {
        out.insert(0, '…');
        shift = 1;
    }
    if end < total {
        out.push('…');
    }
    let mut marks: Vec<Range<usize>> = Vec::new();
    // Ranges come in order of their starts: characters are counted on from the last one, and
    // those starting past the window end the walk. Counting each from the field's start took
    // the square of a field that holds the word a hundred thousand times.
    let (mut byte, mut counted) = (0, 0);
    for r in ranges {
        counted += flat[byte..r.start].chars().count();
        byte = r.start;
        let (s, e) = (counted, counted + flat[r.start..r.end].chars().count());
        if s >= end {
            break;
        }
        if e <= start {
            continue;
        }
        let mark = s.max(start) - start + shift..e.min(end) - start + shift;
        match marks.last_mut() {
            Some(last) if mark.start <= last.end => last.end = last.end.max(mark.end),
            _ => marks.push(mark),
        }
    }
    Snippet { text: out, marks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    #[test]
    fn snippets_cut_around_the_match_and_mark_it() {
        let terms = parse("muñoz").unwrap().terms;
        let s = highlight("Señor Muñoz said so", &terms, 80);
        assert_eq!(s.text, "Señor Muñoz said so");
        assert_eq!(s.marks, vec![6..11]);
        let long = format!("{} lithium {}", "x ".repeat(100), "y ".repeat(100));
        let s = highlight(&long, &parse("lithium").unwrap().terms, 40);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'), "{}", s.text);
        let marked: String = s.text.chars().skip(s.marks[0].start).take(s.marks[0].len()).collect();
        assert_eq!(marked, "lithium");
    }
}
