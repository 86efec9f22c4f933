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
}

/// A row to write: the view, the key that orders its rows, and the row's bytes.
pub type Written = (i64, String, Vec<u8>);

fn encode<T: Serialize>(row: &T) -> Vec<u8> {
    postcard::to_stdvec(row).unwrap_or_default()
}

/// What a briefing's rows are written as.
pub fn written(rows: &Rows) -> Vec<Written> {
    let mut out = Vec::with_capacity(rows.commitments.len() + rows.events.len());
    out.extend(rows.commitments.iter().map(|t| (View::Commitments as i64, t.due_key(), encode(t))));
    out.extend(rows.events.iter().map(|d| (View::Events as i64, d.key(), encode(d))));
    out
}

impl Store {
    /// Every row of a view from the briefings of the library as `brief list` shows it (a file
    /// that fails, or whose id an earlier file took, gives none), in the order of the view's
    /// key; and the list, whose failures the caller names.
    pub fn view<T: DeserializeOwned + crate::across::Placed>(
        &mut self,
        dir: &Path,
        fresh: &Fresh,
        view: View,
    ) -> rusqlite::Result<(Vec<T>, Listing)> {
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
            let bytes = r.get_ref(1)?.as_bytes()?;
            match postcard::from_bytes::<T>(bytes) {
                Ok(mut row) => {
                    // Kept once, in the catalog, not in every row.
                    row.at_mut().file = String::from_utf8_lossy(r.get_ref(0)?.as_bytes()?).into_owned();
                    rows.push(row)
                }
                // Never a row left out: the command answers from the files instead.
                Err(why) => return Err(rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Blob, Box::new(why))),
            }
        }
        drop(found);
        drop(stmt);
        drop(listed);
        Ok((rows, listing))
    }
}

impl Store {
    /// Calls `each` with every briefing of the library as `brief list` shows it, newest first,
    /// one at a time (a library's briefings would not all fit in memory at once); gives back
    /// the list, whose failures the caller names.
    pub fn each_briefing(&mut self, dir: &Path, fresh: &Fresh, mut each: impl FnMut(crate::model::Briefing)) -> rusqlite::Result<Listing> {
        let listing = self.listing(dir, fresh)?;
        for row in &listing.rows {
            if let Some(b) = self.body(dir, &row.path)? {
                each(b);
            }
        }
        Ok(listing)
    }

    /// Every official id some briefing lists, for a guess at a mistyped one.
    pub fn official_ids(&self) -> rusqlite::Result<Vec<String>> {
        let mut stmt = self.reads().prepare_cached("SELECT official FROM official_counts WHERE n > 0 ORDER BY official")?;
        stmt.query_map([], |r| r.get(0))?.collect()
    }
}
