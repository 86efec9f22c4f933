//! `brief changes`: what changed in each briefing since it was last read — in the reader or
//! with `--mark-read` here — item by item; briefings never read are new. Read marks live in the
//! state folder (`crate::seen`), apart from the cache.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::across::changes::{self, Changes, SeenItem, Snapshot};
use crate::library::Library;
use crate::model::{Briefing, Kind};
use crate::output;
use crate::seen::Seen;
use crate::store::list::Row;
use crate::text;

/// A briefing with something to tell.
struct Told {
    row: Row,
    now: Snapshot,
    /// None when it was never read.
    changes: Option<Changes>,
}

pub fn run(dir: &Path, cache: bool, ids: &[String], json: bool, mark_read: bool) -> io::Result<ExitCode> {
    let mut seen = match Seen::open_default() {
        Ok(seen) => seen,
        Err(why) => {
            output::err(&format!("brief: {why}"))?;
            return Ok(ExitCode::from(2));
        }
    };
    let read = seen.fingerprints().unwrap_or_default();
    // Only briefings whose fingerprint differs from the one read are opened.
    let wanted = |row: &Row| (ids.is_empty() || ids.contains(&row.id)) && read.get(&row.id) != Some(&row.fingerprint);
    let (found, failed) = match cache.then(|| stored(dir, &wanted)).flatten() {
        Some(found) => found,
        None => {
            let loaded = Library::load(&[dir.to_path_buf()]);
            let failed = super::unloaded_lines(&loaded);
            let found = loaded.library.briefings().iter().map(|b| (Row::of(b), b.clone())).filter(|(row, _)| wanted(row)).collect();
            (found, failed)
        }
    };
    let mut told = Vec::new();
    for (row, b) in found {
        let now = Snapshot::of(&b);
        let changes = seen.snapshot(&row.id).ok().flatten().map(|before| changes::diff(&before, &now));
        // A fingerprint can differ with nothing a reader sees changed (a new build's): quiet.
        if changes.as_ref().is_some_and(Changes::is_empty) {
            continue;
        }
        told.push(Told { row, now, changes });
    }
    if json {
        let json: Vec<Json> = told.iter().map(Json::of).collect();
        output::out(&(text::json(&json) + "\n"))?;
    } else {
        output::out(&lines(&told))?;
    }
    super::name_failed(&failed)?;
    if mark_read && let Err(why) = seen.mark(told.iter().map(|t| (t.row.id.as_str(), &t.now))) {
        output::err(&format!("brief: the read marks could not be written: {why}"))?;
        return Ok(ExitCode::from(2));
    }
    Ok(super::across::status(!told.is_empty()))
}

/// The briefings `wanted` keeps, newest first, from the store; None when it cannot be used.
type Found = (Vec<(Row, Briefing)>, Vec<String>);

fn stored(dir: &Path, wanted: &dyn Fn(&Row) -> bool) -> Option<Found> {
    let (mut store, fresh) = super::progress::fresh_store(dir)?;
    let listing = store.listing(dir, &fresh).ok()?;
    let mut found = Vec::new();
    for row in listing.rows.into_iter().filter(|r| wanted(r)) {
        if let Some(b) = store.body(dir, &row.path).ok()? {
            found.push((row, b));
        }
    }
    let failed = super::failed_lines(&listing.failed);
    Some((found, failed))
}

fn lines(told: &[Told]) -> String {
    let v = |s: &str| text::visible(s, false);
    let mut out = String::new();
    for t in told {
        let Some(changes) = &t.changes else {
            out.push_str(&format!("{}  new: {}\n", v(&t.row.id), text::counted(t.now.items.len(), "item", "items")));
            continue;
        };
        out.push_str(&format!("{}  changed: {}\n", v(&t.row.id), changes.summary()));
        let text_of = |kind: Kind, id: &str| t.now.items.iter().find(|i| i.kind == kind && i.id == id).map_or("", |i| i.text.as_str());
        for (kind, id) in &changes.added {
            out.push_str(&format!("  + {kind} {}: {}\n", v(id), v(&text::short(text_of(*kind, id), 100))));
        }
        for c in &changes.changed {
            let fields: Vec<String> =
                c.fields.iter().map(|f| format!("{} {} → {}", f.field, text::short(&f.before, 60), text::short(&f.after, 60))).collect();
            out.push_str(&format!("  ~ {} {}: {}\n", c.kind, v(&c.id), v(&fields.join("; "))));
        }
        for r in &changes.removed {
            out.push_str(&format!("  - {} {}: {}\n", r.kind, v(&r.id), v(&text::short(&r.text, 100))));
        }
    }
    out
}

/// A briefing in `--json` (docs/views.md).
#[derive(Serialize)]
struct Json<'a> {
    briefing: &'a str,
    title: &'a str,
    date: &'a str,
    /// `new` (never read) or `changed`.
    state: &'static str,
    summary: String,
    added: Vec<JsonItem<'a>>,
    changed: Vec<&'a changes::Changed>,
    removed: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    kind: Kind,
    id: &'a str,
    text: &'a str,
}

impl<'a> JsonItem<'a> {
    fn of(i: &'a SeenItem) -> JsonItem<'a> {
        JsonItem { kind: i.kind, id: &i.id, text: &i.text }
    }
}

impl<'a> Json<'a> {
    fn of(t: &'a Told) -> Json<'a> {
        let (state, summary, added, changed, removed) = match &t.changes {
            None => (
                "new",
                text::counted(t.now.items.len(), "item", "items"),
                t.now.items.iter().map(JsonItem::of).collect(),
                Vec::new(),
                Vec::new(),
            ),
            Some(c) => (
                "changed",
                c.summary(),
                t.now.items.iter().filter(|i| c.is_added(i.kind, &i.id)).map(JsonItem::of).collect(),
                c.changed.iter().collect(),
                c.removed.iter().map(JsonItem::of).collect(),
            ),
        };
        Json { briefing: &t.row.id, title: &t.row.title, date: &t.row.date, state, summary, added, changed, removed }
    }
}
