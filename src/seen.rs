//! What the user has read, briefing by briefing: the snapshot of each briefing as it was last
//! read (`across::changes`), so what changed since can be shown. This is user state, not
//! cache: a SQLite file of its own in the XDG state folder (`read.sqlite`), never in the
//! briefings folder nor in the store, so deleting the cache loses none of it. Keyed by the
//! briefing's id, so a file renamed or moved keeps its marks. Every write is one transaction:
//! a writer killed part way leaves the marks as they were before it or after it, never torn.
//! Terminal-free.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

use crate::across::changes::Snapshot;

/// `PRAGMA application_id`: marks a SQLite file as brief's read marks ("brrd").
const APPLICATION_ID: i64 = 0x6272_7264;

/// The read marks' file in the state folder.
pub fn location() -> Option<PathBuf> {
    Some(crate::state::folder()?.join("read.sqlite"))
}

/// The read marks.
pub struct Seen {
    conn: Connection,
}

impl Seen {
    /// Opens the marks in the state folder, making the file if need be.
    pub fn open_default() -> Result<Seen, String> {
        let path = location().ok_or("no state folder: HOME is not set")?;
        Seen::open(&path)
    }

    /// Opens (or makes) the marks at `path`. A file that is not brief's marks is never
    /// overwritten: it is an error to name, not a cache to rebuild.
    pub fn open(path: &Path) -> Result<Seen, String> {
        let shown = crate::text::path(path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot make the state folder {}: {e}", crate::text::path(dir)))?;
        }
        if path.exists() && !path.is_file() {
            return Err(format!("{shown} is not a file"));
        }
        let conn = Connection::open(path).map_err(|e| format!("cannot open the read marks {shown}: {e}"))?;
        let sql = |e: rusqlite::Error| format!("cannot read the read marks {shown}: {e}");
        conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(sql)?;
        let id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(sql)?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).map_err(sql)?;
        if id != APPLICATION_ID && tables > 0 {
            return Err(format!("{shown} is not brief's read marks (another program's file?); move it away to start afresh"));
        }
        conn.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID).map_err(sql)?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS seen (
                briefing TEXT PRIMARY KEY,
                fingerprint INTEGER NOT NULL,
                read_at INTEGER NOT NULL,
                snapshot BLOB NOT NULL
            ) WITHOUT ROWID;",
        )
        .map_err(sql)?;
        Ok(Seen { conn })
    }

    /// The fingerprint of every briefing read, by id.
    pub fn fingerprints(&self) -> rusqlite::Result<HashMap<String, i64>> {
        let mut stmt = self.conn.prepare_cached("SELECT briefing, fingerprint FROM seen")?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect()
    }

    /// The briefing as it was last read.
    pub fn snapshot(&self, briefing: &str) -> rusqlite::Result<Option<Snapshot>> {
        let bytes: Option<Vec<u8>> =
            self.conn.prepare_cached("SELECT snapshot FROM seen WHERE briefing = ?1")?.query_row([briefing], |r| r.get(0)).optional()?;
        Ok(bytes.and_then(|b| Snapshot::decode(&b)))
    }

    /// Marks briefings read as they are now, all in one transaction.
    pub fn mark<'a>(&mut self, read: impl IntoIterator<Item = (&'a str, &'a Snapshot)>) -> rusqlite::Result<()> {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
        let tx = self.conn.transaction()?;
        {
            let mut put = tx.prepare_cached(
                "INSERT INTO seen (briefing, fingerprint, read_at, snapshot) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT(briefing) DO UPDATE SET fingerprint = excluded.fingerprint, read_at = excluded.read_at, snapshot = excluded.snapshot",
            )?;
            for (id, snapshot) in read {
                put.execute(params![id, snapshot.fingerprint(), now, snapshot.encode()])?;
            }
        }
        tx.commit()
    }

    /// Marks a briefing unread: it shows as new again.
    pub fn forget(&mut self, briefing: &str) -> rusqlite::Result<()> {
        self.conn.execute("DELETE FROM seen WHERE briefing = ?1", [briefing]).map(drop)
    }
}
