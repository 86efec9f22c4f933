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

/// Which item of `before` each item of `now` is, by index. Items with ids are paired by id.
/// Items without (events, and any item whose id was left out) are paired first with one that
/// says the same in every field, then with one of the same text, and only then by their
/// place: an event inserted above others is one item added, not every event below it changed.
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
    type Same = dyn Fn(&SeenItem, &SeenItem) -> bool;
    let same: [&Same; 3] = [&|a, b| SeenItem { id: b.id.clone(), ..a.clone() } == *b, &|a, b| a.text == b.text, &|a, b| a.id == b.id];
    for same in same {
        for (n, item) in now.items.iter().enumerate() {
            if pairs[n].is_some() || !positional(&item.id) {
                continue;
            }
            let found = before
                .items
                .iter()
                .enumerate()
                .position(|(m, was)| !taken[m] && positional(&was.id) && was.kind == item.kind && same(was, item));
            if let Some(m) = found {
                (pairs[n], taken[m]) = (Some(m), true);
            }
        }
    }
    pairs
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
    }
}
