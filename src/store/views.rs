//! The rows of the views across the library (`crate::across`) as the store keeps them: each
//! briefing's commitments, events and weak spots, written when its file is read, so a view
//! reads rows and opens no briefing.

use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use hashbrown::HashSet;
use rusqlite::params;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Store;
use super::fresh::Fresh;
use super::list::Listing;
use crate::across::Rows;

/// A view whose rows the store keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Commitments = 1,
    Events = 2,
    Weak = 3,
}

/// A row to write: the view, the key that orders its rows, and the row's bytes.
pub type Written = (i64, String, Vec<u8>);

fn encode<T: Serialize>(row: &T) -> Vec<u8> {
    postcard::to_stdvec(row).unwrap_or_default()
}

/// What a briefing's rows are written as.
pub fn written(rows: &Rows) -> Vec<Written> {
    let mut out = Vec::with_capacity(rows.commitments.len() + rows.events.len() + rows.weak.len());
    out.extend(rows.commitments.iter().map(|t| (View::Commitments as i64, t.due_key(), encode(t))));
    out.extend(rows.events.iter().map(|d| (View::Events as i64, d.key(), encode(d))));
    out.extend(rows.weak.iter().map(|w| (View::Weak as i64, String::new(), encode(w))));
    out
}

impl Store {
    /// Every row of a view from the briefings of the library as `brief list` shows it (a file
    /// that fails, or whose id an earlier file took, gives none), in the order of the view's
    /// key; and the list, whose failures the caller names.
    pub fn view<T: DeserializeOwned>(&mut self, dir: &Path, fresh: &Fresh, view: View) -> rusqlite::Result<(Vec<T>, Listing)> {
        let listing = self.listing(dir, fresh)?;
        let listed: HashSet<Vec<u8>> =
            listing.rows.iter().map(|r| r.path.strip_prefix(dir).unwrap_or(&r.path).as_os_str().as_bytes().to_vec()).collect();
        let mut stmt = self.reads().prepare_cached(
            "SELECT f.path, v.row FROM views v JOIN files f ON f.id = v.file WHERE v.view = ?1 AND f.loaded = 1 \
             ORDER BY v.key, v.file, v.item",
        )?;
        let mut rows = Vec::new();
        let mut found = stmt.query(params![view as i64])?;
        while let Some(r) = found.next()? {
            if !listed.contains(r.get_ref(0)?.as_bytes()?) {
                continue;
            }
            match postcard::from_bytes::<T>(r.get_ref(1)?.as_bytes()?) {
                Ok(row) => rows.push(row),
                Err(why) => tracing::warn!("a row of the store could not be read: {why}"),
            }
        }
        drop(found);
        drop(stmt);
        drop(listed);
        Ok((rows, listing))
    }
}

impl Store {
    /// Every official id some briefing lists, for a guess at a mistyped one.
    pub fn official_ids(&self) -> rusqlite::Result<Vec<String>> {
        let mut stmt = self.reads().prepare_cached("SELECT official FROM official_counts WHERE n > 0 ORDER BY official")?;
        stmt.query_map([], |r| r.get(0))?.collect()
    }
}
