//! What changed in a briefing since its reader last read it: a briefing read is remembered as
//! what each of its items said then (a snapshot), and compared item by item, by kind and id,
//! with the briefing as it is now — items added, removed, and changed field by field (a
//! commitment's status `pending → agreed`, a reaction's figure, a citation added). Terminal-free.

use serde::{Deserialize, Serialize};

use crate::model::{Briefing, ItemRef, Kind, Status};

/// An item as it was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeenItem {
    pub kind: Kind,
    pub id: String,
    /// What it says (its label: a source's outlet and title, an official's name and role…).
    pub text: String,
    pub status: Option<Status>,
    /// A commitment's due date or a reaction's figure.
    pub figure: Option<String>,
    /// The ids of the sources it cites, each once, in order.
    pub sources: Vec<String>,
}

/// A briefing as it was read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub title: String,
    pub items: Vec<SeenItem>,
}

impl Snapshot {
    pub fn of(b: &Briefing) -> Snapshot {
        let items = b
            .items()
            .map(|item| {
                let mut sources: Vec<String> = Vec::new();
                for c in b.cites_of(item) {
                    if !sources.contains(&c.source) {
                        sources.push(c.source.clone());
                    }
                }
                let (status, figure) = match item.kind {
                    Kind::Commitment => {
                        let c = &b.commitments[item.index];
                        (Some(c.status), c.due.as_ref().map(|d| d.to_string()))
                    }
                    Kind::Reaction => (None, b.reactions[item.index].movement.clone()),
                    _ => (None, None),
                };
                SeenItem { kind: item.kind, id: b.id_of(item).to_string(), text: b.label(item), status, figure, sources }
            })
            .collect();
        Snapshot { title: b.title.clone(), items }
    }

    /// A number that changes when anything a reader is shown of the briefing changes.
    pub fn fingerprint(&self) -> i64 {
        crate::text::stable_hash(&postcard::to_stdvec(self).unwrap_or_default()) as i64
    }

    pub fn encode(&self) -> Vec<u8> {
        postcard::to_stdvec(self).unwrap_or_default()
    }

    pub fn decode(bytes: &[u8]) -> Option<Snapshot> {
        postcard::from_bytes(bytes).ok()
    }
}

/// One field of an item, before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Field {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

/// An item changed since it was read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Changed {
    pub kind: Kind,
    pub id: String,
    pub fields: Vec<Field>,
}

/// What changed in a briefing since it was read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// Items there now that were not then: kind and id.
    pub added: Vec<(Kind, String)>,
    /// Items there then that are not now, as they were.
    pub removed: Vec<SeenItem>,
    pub changed: Vec<Changed>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    /// Whether an item is new since the briefing was read.
    pub fn is_added(&self, kind: Kind, id: &str) -> bool {
        self.added.iter().any(|(k, i)| *k == kind && i == id)
    }

    /// How an item changed, if it did.
    pub fn of(&self, kind: Kind, id: &str) -> Option<&Changed> {
        self.changed.iter().find(|c| c.kind == kind && c.id == id)
    }

    /// In a few words: "+2 items, 1 status changed, 1 changed, 1 removed".
    pub fn summary(&self) -> String {
        let statuses = self.changed.iter().filter(|c| c.fields.iter().any(|f| f.field == "status")).count();
        let others = self.changed.len() - statuses;
        let mut parts = Vec::new();
        if !self.added.is_empty() {
            parts.push(format!("+{}", crate::text::counted(self.added.len(), "item", "items")));
        }
        if statuses > 0 {
            parts.push(format!("{statuses} status changed"));
        }
        if others > 0 {
            parts.push(format!("{others} changed"));
        }
        if !self.removed.is_empty() {
            parts.push(format!("{} removed", self.removed.len()));
        }
        parts.join(", ")
    }
}

/// Whether an item's id is the positional name the loader gives an item written without one
/// (`event#3`): such a name moves when an item is inserted before it.
fn positional(id: &str) -> bool {
    id.contains('#')
}

/// What an item is known by when it has no id to go by: everything it says, or its text.
type Key<'a> = (Kind, &'a str, Option<Status>, Option<&'a str>, &'a [String]);

/// Which item of `before` each item of `now` is, by index. Items with ids on both sides are
/// paired by id. An item without one (events, and any item whose id was left out or newly
/// written) is paired first with one that says the same in every field, then with one of the
/// same text, then with the most alike of those left of its kind (half its words shared at
/// least): an event inserted above others is one item added, not every event below it
/// changed, and a sentence reworded is a change. Hashed, so a briefing of thousands of events
/// compares in a pass; only the few left at the end are compared pairwise.
fn paired(before: &Snapshot, now: &Snapshot) -> Vec<Option<usize>> {
    let mut taken = vec![false; before.items.len()];
    let mut pairs: Vec<Option<usize>> = vec![None; now.items.len()];
    let by_id: hashbrown::HashMap<(Kind, &str), usize> =
        before.items.iter().enumerate().filter(|(_, i)| !positional(&i.id)).map(|(n, i)| ((i.kind, i.id.as_str()), n)).collect();
    for (n, item) in now.items.iter().enumerate().filter(|(_, i)| !positional(&i.id)) {
        if let Some(&was) = by_id.get(&(item.kind, item.id.as_str())) {
            (pairs[n], taken[was]) = (Some(was), true);
        }
    }
    // Two items with written ids are the same item only by id.
    let may_pair = |a: &SeenItem, b: &SeenItem| positional(&a.id) || positional(&b.id);
    fn whole(i: &SeenItem) -> Key<'_> {
        (i.kind, i.text.as_str(), i.status, i.figure.as_deref(), i.sources.as_slice())
    }
    fn text(i: &SeenItem) -> Key<'_> {
        (i.kind, i.text.as_str(), None, None, &[])
    }
    let keys: [for<'a> fn(&'a SeenItem) -> Key<'a>; 2] = [whole, text];
    for key in keys {
        let mut free: hashbrown::HashMap<Key<'_>, std::collections::VecDeque<usize>> = hashbrown::HashMap::new();
        for (m, was) in before.items.iter().enumerate().filter(|(m, _)| !taken[*m]) {
            free.entry(key(was)).or_default().push_back(m);
        }
        for (n, item) in now.items.iter().enumerate() {
            if pairs[n].is_some() {
                continue;
            }
            let Some(queue) = free.get_mut(&key(item)) else { continue };
            if let Some(at) = queue.iter().position(|m| may_pair(&before.items[*m], item)) {
                let m = queue.remove(at).unwrap_or_default();
                (pairs[n], taken[m]) = (Some(m), true);
            }
        }
    }
    // The few left: the most alike of the same kind.
    let left_now: Vec<usize> = (0..now.items.len()).filter(|n| pairs[*n].is_none()).collect();
    let left_before: Vec<usize> = (0..before.items.len()).filter(|m| !taken[*m]).collect();
    if left_now.len() * left_before.len() <= 40_000 {
        for n in left_now {
            let item = &now.items[n];
            let best = left_before
                .iter()
                .filter(|m| !taken[**m] && before.items[**m].kind == item.kind && may_pair(&before.items[**m], item))
                .map(|m| (alike(&before.items[*m].text, &item.text), *m))
                .filter(|(score, _)| *score >= 0.5)
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
            if let Some((_, m)) = best {
                (pairs[n], taken[m]) = (Some(m), true);
            }
        }
    }
    pairs
}

/// How alike two texts are: the share of their words in common (Dice's coefficient over
/// lowercase words), 0 to 1.
fn alike(a: &str, b: &str) -> f64 {
    let words = |t: &str| -> hashbrown::HashSet<String> {
        t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * a.intersection(&b).count() as f64 / (a.len() + b.len()) as f64
}

/// What changed from `before` (as read) to `now`.
pub fn diff(before: &Snapshot, now: &Snapshot) -> Changes {
    let pairs = paired(before, now);
    let mut changes = Changes::default();
    for (item, was) in now.items.iter().zip(&pairs) {
        let Some(was) = was.map(|m| &before.items[m]) else {
            changes.added.push((item.kind, item.id.clone()));
            continue;
        };
        let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_string());
        let mut fields = Vec::new();
        if was.status != item.status {
            let s = |s: Option<Status>| s.map_or("—".to_string(), |s| s.to_string());
            fields.push(Field { field: "status", before: s(was.status), after: s(item.status) });
        }
        if was.figure != item.figure {
            let field = if item.kind == Kind::Commitment { "due" } else { "move" };
            fields.push(Field { field, before: shown(&was.figure), after: shown(&item.figure) });
        }
        if was.text != item.text {
            fields.push(Field { field: "text", before: was.text.clone(), after: item.text.clone() });
        }
        if was.sources != item.sources {
            fields.push(Field { field: "sources", before: was.sources.join(", "), after: item.sources.join(", ") });
        }
        if !fields.is_empty() {
            changes.changed.push(Changed { kind: item.kind, id: item.id.clone(), fields });
        }
    }
    let kept: hashbrown::HashSet<usize> = pairs.iter().flatten().copied().collect();
    changes.removed = before.items.iter().enumerate().filter(|(m, _)| !kept.contains(m)).map(|(_, i)| i.clone()).collect();
    changes
}

/// The item a change names in a briefing, when it is still there.
pub fn item_of(b: &Briefing, kind: Kind, id: &str) -> Option<ItemRef> {
    b.lookup(id).filter(|i| i.kind == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(kind: Kind, id: &str, text: &str, status: Option<Status>) -> SeenItem {
        SeenItem { kind, id: id.into(), text: text.into(), status, figure: None, sources: vec!["a".into()] }
    }

    #[test]
    fn added_removed_and_changed_items_are_told_apart() {
        let before = Snapshot {
            title: "T".into(),
            items: vec![
                item(Kind::Commitment, "c", "Cut tariffs.", Some(Status::Pending)),
                item(Kind::Fact, "f", "A fact.", None),
                item(Kind::Fact, "g", "Another.", None),
            ],
        };
        let mut now = before.clone();
        now.items[0].status = Some(Status::Agreed);
        now.items.remove(1);
        now.items[1].sources.push("b".into());
        now.items.push(SeenItem { figure: Some("+0.8%".into()), ..item(Kind::Reaction, "r", "CSI 300", None) });
        let d = diff(&before, &now);
        assert_eq!(d.added, [(Kind::Reaction, "r".to_string())]);
        assert_eq!(d.removed.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["f"]);
        assert_eq!(d.changed[0].fields, [Field { field: "status", before: "pending".into(), after: "agreed".into() }]);
        assert_eq!(d.changed[1].fields, [Field { field: "sources", before: "a".into(), after: "a, b".into() }]);
        assert_eq!(d.summary(), "+1 item, 1 status changed, 1 changed, 1 removed");
        assert!(diff(&now, &now).is_empty());
        assert_ne!(before.fingerprint(), now.fingerprint());
        assert_eq!(Snapshot::decode(&now.encode()), Some(now));
    }

    #[test]
    fn an_item_without_an_id_inserted_above_others_is_one_added_not_every_one_below_changed() {
        let event = |n: usize, text: &str| item(Kind::Event, &format!("event#{n}"), text, None);
        let before = Snapshot { title: "T".into(), items: vec![event(1, "Talks open."), event(2, "Talks close.")] };
        // One inserted first: the others' positional names move by one.
        let now =
            Snapshot { title: "T".into(), items: vec![event(1, "Officials arrive."), event(2, "Talks open."), event(3, "Talks close.")] };
        let d = diff(&before, &now);
        assert_eq!(d.added, [(Kind::Event, "event#1".to_string())]);
        assert!(d.changed.is_empty() && d.removed.is_empty(), "{d:?}");
        // One of them cites another source, and one is reworded in place: changed, each.
        let mut edited = now.clone();
        edited.items[2].sources.push("b".into());
        edited.items[1].text = "Talks open in London.".into();
        let d = diff(&now, &edited);
        assert!(d.added.is_empty() && d.removed.is_empty(), "{d:?}");
        let fields: Vec<(&str, &str)> = d.changed.iter().map(|c| (c.id.as_str(), c.fields[0].field)).collect();
        assert_eq!(fields, [("event#2", "text"), ("event#3", "sources")]);
        // One removed from the middle: that one, and nothing else.
        let mut fewer = now.clone();
        fewer.items.remove(1);
        fewer.items[1].id = "event#2".into();
        let d = diff(&now, &fewer);
        assert_eq!(d.removed.iter().map(|i| i.text.as_str()).collect::<Vec<_>>(), ["Talks open."]);
        assert!(d.added.is_empty() && d.changed.is_empty(), "{d:?}");
        // One inserted above another that is reworded: the new one added, the other changed.
        let before = Snapshot { title: "T".into(), items: vec![event(1, "Talks open"), event(2, "Talks close")] };
        let now = Snapshot {
            title: "T".into(),
            items: vec![event(1, "Officials arrive"), event(2, "Talks open in London"), event(3, "Talks close")],
        };
        let d = diff(&before, &now);
        assert_eq!(d.added, [(Kind::Event, "event#1".to_string())], "{d:?}");
        assert_eq!(d.changed.len(), 1, "{d:?}");
        assert_eq!((d.changed[0].id.as_str(), d.changed[0].fields[0].after.as_str()), ("event#2", "Talks open in London"));
        assert!(d.removed.is_empty(), "{d:?}");
        // An id written for an event that had none: the same event, unchanged.
        let mut named = before.clone();
        named.items[0].id = "talks-open".into();
        assert!(diff(&before, &named).is_empty(), "{:?}", diff(&before, &named));
        // Thousands of events, all reworded: each one changed or added, none lost.
        let many = |word: &str| Snapshot { title: "T".into(), items: (1..=5_000).map(|n| event(n, &format!("{word} {n}"))).collect() };
        let d = diff(&many("Event"), &many("Moment"));
        assert_eq!(d.changed.len() + d.added.len(), 5_000);
        assert_eq!(d.removed.len(), d.added.len());
    }
}
