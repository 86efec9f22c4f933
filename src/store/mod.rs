//! The store: a SQLite cache of a briefings folder — which files it holds and what each one's
//! words are — so a command can answer without reading every file. It lives in the XDG cache
//! folder (`~/.cache/brief/`), never in the briefings folder, and can be deleted at any time:
//! it is rebuilt from the files, which stay the only source of truth. A store that cannot be
//! used as it is (corrupt, truncated, another program's file, another format) is set aside
//! and built anew; it is never an error the user must fix. Terminal-free.

pub mod board;
pub mod fresh;
pub mod list;
pub mod views;
pub mod walk;
pub mod words;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

/// The layout of the tables below, and the rules files were read by (10: ids of at most 100
/// characters; 11–16: the views' rows, who an official is in each appearance, weak spots
/// counted, what a reader is shown of each as a number; 21: views counted and paged); a store of another format is rebuilt.
pub const FORMAT: i64 = 21;
/// `PRAGMA application_id`: marks a SQLite file as a brief store ("brif").
const APPLICATION_ID: i64 = 0x6272_6966;
/// How long a process waits for another one writing the same store.
const BUSY_MS: u64 = 10_000;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    device INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    seen_ns INTEGER NOT NULL,
    loaded INTEGER NOT NULL
);
-- Apart from the catalog, whose rows every freshness pass reads and keeps small.
CREATE TABLE IF NOT EXISTS file_words (file INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE, words BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS words (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE, files BLOB NOT NULL);
-- Files added to a word since its list was last made whole: one list a pass.
CREATE TABLE IF NOT EXISTS word_adds (word INTEGER NOT NULL REFERENCES words(id), files BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS word_adds_by_word ON word_adds(word);
-- What the library list shows of a file that loaded, and where its id is written (for the
-- check that two files do not share one).
CREATE TABLE IF NOT EXISTS briefings (
    file INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    date TEXT NOT NULL,
    title TEXT NOT NULL,
    counts TEXT NOT NULL,
    fingerprint INTEGER NOT NULL,
    id_line INTEGER NOT NULL,
    id_column INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS briefings_by_date ON briefings(date DESC, id);
-- A briefing as loaded (JSON), so a search matches it without parsing its file again; kept
-- while its file fails (`files.loaded` is then 0) as the last version that loaded.
CREATE TABLE IF NOT EXISTS bodies (file INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE, json TEXT NOT NULL);
-- The briefing as search sees it (`Folded::encode`): its own table, so a search reads its pages
-- alone and not a body's first.
CREATE TABLE IF NOT EXISTS searchable (file INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE, folded BLOB NOT NULL);
-- Every diagnostic of a file that has any, errors and warnings, as JSON.
CREATE TABLE IF NOT EXISTS diagnostics (file INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE, json TEXT NOT NULL);
-- Where each official appears: the briefing (its date, id and file), the official's place
-- among its officials and its label there, so an official's detail links to every briefing
-- without opening them. Kept in official and date order, so one official's thousands of
-- appearances are read from a few pages, not a page each.
CREATE TABLE IF NOT EXISTS appearances (
    official TEXT NOT NULL,
    date TEXT NOT NULL,
    briefing TEXT NOT NULL,
    file INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    path BLOB NOT NULL,
    item INTEGER NOT NULL,
    label TEXT NOT NULL,
    who BLOB NOT NULL,
    PRIMARY KEY (official, date, briefing, file, item)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS appearances_by_file ON appearances(file);
-- How many files list each official, kept as files come and go (counting a common official's
-- rows in a large library took a keystroke's worth of milliseconds).
-- The rows each briefing gives the views across the library (`store::views`): its
-- commitments and events, postcard bytes, with the columns the views filter and order by. A
-- table with row ids: the reader's tracker keeps the ids of a filtered, ordered view and reads
-- the rows on screen by them.
CREATE TABLE IF NOT EXISTS views (
    view INTEGER NOT NULL,
    file INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    item INTEGER NOT NULL,
    key TEXT NOT NULL,
    day TEXT NOT NULL,
    briefing TEXT NOT NULL,
    status INTEGER,
    due TEXT,
    party TEXT,
    tags TEXT NOT NULL,
    figure INTEGER,
    unit TEXT,
    row BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS views_by_file ON views(file);
-- The views' own order (the tracker by due date, the timeline by date, reactions by briefing),
-- with what the tracker's chart counts: picking a view reads an index alone, nothing sorted.
CREATE INDEX IF NOT EXISTS views_in_order ON views(view, key, day DESC, briefing, item, status);
-- The tracker's other orders (by status, by briefing), so a page of either is read from an
-- index, not sorted first (sorting 100,000 commitments took 60-80 ms).
CREATE INDEX IF NOT EXISTS views_by_status ON views(status, key, day DESC, briefing, item) WHERE view = 1;
CREATE INDEX IF NOT EXISTS views_by_day ON views(day DESC, briefing, item) WHERE view = 1;
-- Reactions by unit and move: the largest of a unit is one look.
CREATE INDEX IF NOT EXISTS views_units ON views(unit, figure) WHERE view = 3;
-- How many rows each view has of each status (the tracker), month (the timeline) or unit
-- (reactions), kept as files come and go (`views::bucket`), so a view opened whole counts
-- nothing.
CREATE TABLE IF NOT EXISTS view_counts (view INTEGER NOT NULL, bucket TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (view, bucket)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS official_counts (official TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
";

/// An open store for one briefings folder.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    location: Location,
}

/// Where a store is, for another connection to it (a search off the reader's loop).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    /// A database in memory shared by name within the process.
    Memory(String),
}

/// Where the store of `folder` lives: the XDG cache folder, a file per briefings folder named
/// after it and a hash of its absolute path. None when there is no home to put it in.
pub fn location(folder: &Path) -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    location_in(&etcetera::choose_base_strategy().ok()?.cache_dir(), folder)
}

/// Where the store of `folder` lives under the cache folder `cache`.
pub fn location_in(cache: &Path, folder: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(folder).ok()?;
    let canonical = std::fs::canonicalize(&absolute).unwrap_or(absolute);
    let name: String = canonical
        .file_name()
        .map(|n| n.to_string_lossy().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').take(40).collect())
        .unwrap_or_default();
    let hash = crate::text::stable_hash(canonical.as_os_str().as_encoded_bytes());
    Some(cache.join("brief").join(format!("{name}-{hash:016x}.sqlite")))
}

impl Store {
    /// Opens the store of `folder` in the cache folder, making it if need be.
    pub fn open(folder: &Path) -> Result<Store, String> {
        let path = location(folder).ok_or("no cache folder: HOME is not set")?;
        Store::open_at(&path, folder)
    }

    /// Opens (or makes) the store of `folder` under the cache folder `cache`.
    pub fn open_in(cache: &Path, folder: &Path) -> Result<Store, String> {
        let path = location_in(cache, folder).ok_or_else(|| format!("no place for the store of {}", crate::text::path(folder)))?;
        Store::open_at(&path, folder)
    }

    /// Opens (or makes) the store at `path` for `folder`. One that cannot be used as it is
    /// is set aside as `….broken` and made anew.
    pub fn open_at(path: &Path, folder: &Path) -> Result<Store, String> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot make the cache folder {}: {e}", crate::text::path(dir)))?;
        }
        match Store::try_open(path, folder) {
            Ok(store) => Ok(store),
            Err(why) => {
                tracing::warn!("store {} set aside: {why}", path.display());
                set_aside(path);
                Store::try_open(path, folder).map_err(|e| format!("cannot make the store {}: {e}", crate::text::path(path)))
            }
        }
    }

    /// A store in memory, for `--no-cache`: the same tables, made from the files and gone with
    /// the process; the cache folder is never touched.
    pub fn in_memory(folder: &Path) -> Result<Store, String> {
        static MADE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = MADE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        // Named and shared, so a search on another thread can open it too; it goes with the
        // last connection.
        let uri = format!("file:brief-{}-{n}?mode=memory&cache=shared", std::process::id());
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&uri, flags).map_err(|e| e.to_string())?;
        let mut store = Store::set_up(conn, Path::new(":memory:"), folder)?;
        store.location = Location::Memory(uri);
        Ok(store)
    }

    /// Another connection to a store, for reading only.
    pub fn reader(location: &Location) -> Result<Store, String> {
        let sql = |e: rusqlite::Error| e.to_string();
        let (conn, path) = match location {
            Location::File(path) => {
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                (Connection::open_with_flags(path, flags).map_err(sql)?, path.clone())
            }
            Location::Memory(uri) => {
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let conn = Connection::open_with_flags(uri, flags).map_err(sql)?;
                // A shared database in memory locks tables, not the file: without this, a read
                // while the reader writes would fail at once instead of waiting.
                conn.pragma_update(None, "read_uncommitted", true).map_err(sql)?;
                (conn, PathBuf::from(":memory:"))
            }
        };
        conn.busy_timeout(std::time::Duration::from_millis(BUSY_MS)).map_err(sql)?;
        Ok(Store { conn, path, location: location.clone() })
    }

    pub fn location(&self) -> &Location {
        &self.location
    }

    /// Changes when another connection (another `brief`) commits to the store.
    pub fn data_version(&self) -> i64 {
        self.conn.query_row("PRAGMA data_version", [], |r| r.get(0)).unwrap_or(0)
    }

    fn try_open(path: &Path, folder: &Path) -> Result<Store, String> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| e.to_string())?;
        Store::set_up(conn, path, folder)
    }

    fn set_up(conn: Connection, path: &Path, folder: &Path) -> Result<Store, String> {
        // The wait first: switching to WAL takes a lock another process may hold.
        conn.busy_timeout(std::time::Duration::from_millis(BUSY_MS)).map_err(|e| e.to_string())?;
        let sql = |e: rusqlite::Error| e.to_string();
        let (app, version): (i64, i64) =
            conn.query_row("SELECT * FROM pragma_application_id, pragma_user_version", [], |r| Ok((r.get(0)?, r.get(1)?))).map_err(sql)?;
        let empty: bool = conn.query_row("SELECT count(*) = 0 FROM sqlite_schema", [], |r| r.get(0)).map_err(sql)?;
        if !empty && app != APPLICATION_ID {
            return Err("not a brief store".into());
        }
        if !empty && version != FORMAT {
            return Err(format!("format {version}, not {FORMAT}"));
        }
        if empty {
            // A briefing as search sees it (14 KB on average) fits in one page of 16 KB: a
            // search reads each candidate from one page, not a chain of four (lithium on
            // 10,000 briefings: 36 → 31 ms). Larger pages made every write of a word list
            // costlier for no faster search.
            conn.pragma_update(None, "page_size", 16384).map_err(sql)?;
        }
        conn.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
        conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;").map_err(sql)?;
        let folder_text = std::path::absolute(folder).map(|p| p.display().to_string()).unwrap_or_default();
        if empty {
            // Two processes may both find it empty: the schema is idempotent, and the second
            // waits for the first's transaction.
            let setup = format!(
                "BEGIN IMMEDIATE; {SCHEMA} PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {FORMAT}; \
                 INSERT OR IGNORE INTO meta VALUES ('folder', ?1); COMMIT;"
            );
            conn.execute_batch(&setup.replace("?1", &quote(&folder_text))).map_err(sql)?;
        }
        // A quick read of every table, so a truncated file fails here, not in the middle of work.
        conn.query_row("SELECT (SELECT count(*) FROM files) + (SELECT count(*) FROM words)", [], |r| r.get::<_, i64>(0)).map_err(sql)?;
        Ok(Store { conn, path: path.to_path_buf(), location: Location::File(path.to_path_buf()) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn conn(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// For reads, which need no exclusive borrow: the reader asks while drawing.
    pub(crate) fn reads(&self) -> &Connection {
        &self.conn
    }
}

/// A SQL string literal.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Moves a store that cannot be used out of the way, with its journal files; the one set
/// aside before it goes.
fn set_aside(path: &Path) {
    let aside = path.with_extension("sqlite.broken");
    let _ = std::fs::rename(path, &aside);
    for suffix in ["-wal", "-shm"] {
        let mut journal = path.as_os_str().to_owned();
        journal.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(journal));
    }
}
