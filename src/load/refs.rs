//! Ids and references inside one briefing: every id unique whatever its kind, every reference
//! naming an item of the kind its key allows.

use super::reader::Str;
use crate::diag::{Code, Sink};
use crate::model::{Briefing, ItemRef, Kind};
use crate::text;

/// What a reference key may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    Source,
    Official,
    Commitment,
    /// Any item but a source (`responds_to`).
    NotSource,
    /// Any item or source (`about`).
    Any,
}

impl Expect {
    fn allows(self, kind: Kind) -> bool {
        match self {
            Expect::Source => kind == Kind::Source,
            Expect::Official => kind == Kind::Official,
            Expect::Commitment => kind == Kind::Commitment,
            Expect::NotSource => kind != Kind::Source,
            Expect::Any => true,
        }
    }

    /// What the briefing lacks when nothing may be named.
    fn none_left(self) -> &'static str {
        match self {
            Expect::Source => "this briefing has no [[source]]",
            Expect::Official => "this briefing has no [[official]]",
            Expect::Commitment => "this briefing has no other [[commitment]]",
            Expect::NotSource => "this briefing has no item besides its sources",
            Expect::Any => "this briefing has no other item",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Expect::Source => "a [[source]]",
            Expect::Official => "an [[official]]",
            Expect::Commitment => "another [[commitment]]",
            Expect::NotSource => "an item that is not a source",
            Expect::Any => "an item or a source",
        }
    }
}

/// One reference written in the file.
#[derive(Clone, Debug)]
pub struct Ref {
    pub key: &'static str,
    pub id: Str,
    pub expect: Expect,
    /// The id of the item holding the reference.
    pub from: std::rc::Rc<str>,
}

/// The items of a briefing by the ids written for them, as [`check`] finds them: each id with
/// where it is first written and the item it names there.
pub type Index<'a> = hashbrown::HashMap<&'a str, &'a (Str, ItemRef)>;

/// Reports duplicate ids and references that do not resolve; returns the id index.
pub fn check<'a>(sink: &mut Sink, ids: &'a [(Str, ItemRef)], refs: &[Ref]) -> Index<'a> {
    let mut index = Index::with_capacity(ids.len());
    for written in ids {
        let (id, _) = written;
        match index.entry(id.value.as_str()) {
            hashbrown::hash_map::Entry::Occupied(first) => {
                // The first one's line is worked out only for a duplicate's message.
                let (first, first_item) = first.get();
                let line = sink.line(first.span.start);
                sink.report(Code::DuplicateId, id.span.clone(), format!("duplicate id `{}`", id.value))
                    .with_label(format!("already the id of the [[{}]] on line {line}", first_item.kind))
                    .with_help("ids are unique within a briefing whatever the item's kind: rename one of them");
            }
            hashbrown::hash_map::Entry::Vacant(slot) => {
                slot.insert(written);
            }
        }
    }
    // What each kind of reference may name, listed once: a file with thousands of broken
    // references would otherwise list (and sort) its items again for each.
    let mut known: [Option<Vec<&str>>; 5] = Default::default();
    let guesser = text::Guesser::new(text::Guesser::FILE);
    for r in refs {
        let list = known[r.expect as usize].get_or_insert_with(|| {
            let mut ids: Vec<&str> = index.iter().filter(|(_, (_, item))| r.expect.allows(item.kind)).map(|(id, _)| *id).collect();
            ids.sort_unstable();
            ids
        });
        check_ref(sink, r, &index, list, &guesser);
    }
    index
}

/// Reports `r` if it names no item, or one its key does not allow. `known` is every id `r`'s
/// key may name, sorted; the item holding `r` is among them when its kind fits.
fn check_ref(sink: &mut Sink, r: &Ref, index: &Index, known: &[&str], guesser: &text::Guesser) {
    let shown = text::visible(&r.id.value, false);
    let (message, label) = match index.get(r.id.value.as_str()).map(|(_, item)| item) {
        None => (
            format!("`{}` names `{shown}`, but no item of this briefing has that id", r.key),
            format!("expected the id of {}", r.expect.describe()),
        ),
        Some(item) if !r.expect.allows(item.kind) => (
            format!("`{}` must name {}, but `{shown}` is a [[{}]]", r.key, r.expect.describe(), item.kind),
            "wrong kind of item".to_string(),
        ),
        Some(_) if r.key == "in_return_for" && *r.id.value == *r.from => {
            (format!("commitment `{shown}` cannot be traded for itself"), "names the commitment it is in".to_string())
        }
        Some(_) => return,
    };
    let candidates = || known.iter().copied().filter(|id| **id != *r.from);
    let count = known.len() - usize::from(known.binary_search(&&*r.from).is_ok());
    let known =
        if count == 0 { r.expect.none_left().to_string() } else { format!("known: {}", text::list_words_of(candidates(), count, 12)) };
    // Only an id that names nothing is a likely typo; one naming the wrong kind was meant.
    let guess = if index.contains_key(r.id.value.as_str()) { None } else { guesser.closest(&r.id.value, candidates()) };
    let help = match guess {
        Some(near) => format!("did you mean `{near}`? {known}"),
        None => known,
    };
    sink.report(Code::BadReference, r.id.span.clone(), message).with_label(label).with_help(help);
}

/// Warns about sources that no item cites.
pub fn warn_uncited(sink: &mut Sink, b: &Briefing, ids: &[(Str, ItemRef)]) {
    let cited: hashbrown::HashSet<&str> = b.items().flat_map(|item| b.cites_of(item)).map(|c| c.source.as_str()).collect();
    for (id, item) in ids {
        if item.kind == Kind::Source && !cited.contains(id.value.as_str()) {
            sink.report(Code::UncitedSource, id.span.clone(), format!("source `{}` is never cited", id.value))
                .with_label("nothing rests on this source")
                .with_help("cite it from the items it supports, or remove it");
        }
    }
}
