//! One briefing file: from bytes to a checked [`Briefing`] and every diagnostic the file deserves.

use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::reader::{self, Str, Table, Value};
use super::refs::{self, Expect, Ref};
use super::spec;
use crate::date::{Due, PartialDate};
use crate::diag::{Anchor, Code, Diagnostic, Sink};
use crate::model::*;
use crate::text;

mod citations;

/// The keys the top of a file may hold: its own and the item tables' (`spec`).
static TOP_KEYS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| spec::top_names().collect());

/// What a file says that only the whole library can check: its id, its `related` ids and the
/// names it gives officials.
#[derive(Clone, Debug, PartialEq)]
pub struct LibraryFacts {
    pub id_anchor: Anchor,
    pub related: Vec<(String, Anchor)>,
    pub official_names: Vec<(String, String, Anchor)>,
}

/// The outcome of reading one file.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedFile {
    pub path: PathBuf,
    /// Present when the file has no error; warnings may still be in `diagnostics`.
    pub loaded: Option<(Briefing, LibraryFacts)>,
    pub diagnostics: Vec<Diagnostic>,
    /// The saved copies its sources name, with where each is written: known even when the
    /// file has other errors (not after a syntax error), so every problem is said at once.
    pub archives: Vec<(String, Anchor)>,
}

/// The longest an id may be, in characters: an id is written in every list row, search hit,
/// reference and export line that names its item, so one of thousands of characters would
/// multiply every output that names it (docs/format.md).
pub const MAX_ID_CHARS: usize = 100;

/// True for ids of the form `[a-z0-9][a-z0-9-]*`, at most [`MAX_ID_CHARS`] long.
pub fn is_valid_id(id: &str) -> bool {
    id.len() <= MAX_ID_CHARS && has_id_characters(id)
}

/// Whether `id` is written as ids are, whatever its length.
fn has_id_characters(id: &str) -> bool {
    let mut bytes = id.bytes();
    matches!(bytes.next(), Some(b'a'..=b'z' | b'0'..=b'9')) && bytes.all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'))
}

/// A valid id made from arbitrary text, to suggest in place of a bad one.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.get(..MAX_ID_CHARS).unwrap_or(&out).trim_end_matches('-').to_string();
    if out.is_empty() { "briefing".into() } else { out }
}

/// Reads one briefing file. Never panics; every problem becomes a diagnostic.
pub fn parse_file(path: &Path, bytes: &[u8]) -> ParsedFile {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let lossy = String::from_utf8_lossy(bytes);
            let mut sink = Sink::new(path, &lossy);
            let at = err.valid_up_to();
            sink.report(Code::Encoding, at..at + err.error_len().unwrap_or(1), "the file is not valid UTF-8")
                .with_label("this byte cannot start or continue a UTF-8 character")
                .with_help("save the file as UTF-8 (TOML files must be UTF-8)");
            return ParsedFile { path: path.to_path_buf(), loaded: None, diagnostics: sink.diagnostics, archives: Vec::new() };
        }
    };
    // A byte-order mark is no part of the text: counted, it would shift every column of line 1.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut sink = Sink::new(path, text);
    let (loaded, archives) = parse_pieces(&mut sink, path, text, super::pieces::PIECE_BYTES);
    ParsedFile { path: path.to_path_buf(), loaded, diagnostics: sink.diagnostics, archives }
}

/// A file read: the briefing and what the library's checks need when it has no error, and the
/// saved copies its sources name either way.
type Read = (Option<(Briefing, LibraryFacts)>, Vec<(String, Anchor)>);

/// Parses `text` a piece of about `piece` bytes at a time (see [`super::pieces`]), so that no
/// more than one piece's TOML tree is ever held: the tree takes about thirty times the text.
pub(crate) fn parse_pieces(sink: &mut Sink, path: &Path, text: &str, piece: usize) -> Read {
    let mut b = BriefingReader { sink, refs: Vec::new(), ids: Vec::new(), archives: Vec::new() };
    let mut read: Option<(Briefing, Header)> = None;
    let (mut official_names, mut counts) = (Vec::new(), [0usize; 7]);
    let mut syntax = false;
    // The first piece's keys: a later piece's are looked up here, each once.
    let mut before: hashbrown::HashSet<String> = hashbrown::HashSet::new();
    for range in super::pieces::split(text, piece) {
        b.sink.set_base(range.start);
        let (root, errors) = DeTable::parse_recoverable(&text[range.clone()]);
        // Deep nesting gives the same error once per level: say it once.
        let mut said = std::collections::HashSet::new();
        for err in &errors {
            let span = err.span().unwrap_or(0..0);
            let message = err.message().trim_end().to_string();
            if said.insert((span.clone(), message.clone())) {
                b.sink.report(Code::Syntax, span, message).with_label("TOML syntax");
            }
        }
        // After a syntax error, later pieces are only checked for syntax: a recovered tree
        // would only add follow-on noise.
        syntax |= !errors.is_empty();
        if syntax {
            continue;
        }
        let root = root.into_inner();
        let known = b.sink.diagnostics.len();
        root.iter().for_each(|(_, v)| reader::check_numbers(b.sink, v));
        if b.sink.diagnostics.len() > known {
            syntax = true;
            continue;
        }
        match &mut read {
            None => {
                let (mut briefing, header) = b.header(path, &root);
                b.items(&root, &mut briefing, &mut official_names, &mut counts);
                before = root.iter().map(|(k, _)| k.get_ref().to_string()).collect();
                read = Some((briefing, header));
            }
            Some((briefing, _)) => {
                // A later piece holds only `[[item]]` tables; a key the first piece already
                // defined is defined twice, as TOML itself would say of the whole file.
                for (key, _) in root.iter().filter(|(k, _)| before.contains(k.get_ref().as_ref()) && Kind::parse(k.get_ref()).is_none()) {
                    b.sink
                        .report(Code::Syntax, key.span(), format!("duplicate key `{}`", text::visible(key.get_ref(), false)))
                        .with_label("TOML syntax");
                }
                Table { table: &root, span: 0..0, what: "the briefing" }.check_keys(b.sink, &TOP_KEYS);
                b.items(&root, briefing, &mut official_names, &mut counts);
            }
        }
    }
    b.sink.set_base(0);
    if syntax {
        return (None, Vec::new());
    }
    let BriefingReader { refs, ids, archives, .. } = b;
    let index = refs::check(sink, &ids, &refs);
    let Some((mut briefing, header)) = read else { return (None, archives) };
    if sink.has_errors() {
        return (None, archives);
    }
    refs::warn_uncited(sink, &briefing, &ids);
    debug_assert!(index.iter().all(|(id, (_, item))| briefing.id_of(*item) == *id), "the check's index names the loaded items");
    // The lookup index comes from the loaded items themselves, positional names included: they
    // join it only now, so no reference written in the file could have resolved to one.
    briefing.finish();
    (Some((briefing, LibraryFacts { id_anchor: header.id_anchor, related: header.related, official_names })), archives)
}

/// What the header of a briefing gives the library's checks.
struct Header {
    id_anchor: Anchor,
    related: Vec<(String, Anchor)>,
}

struct BriefingReader<'s, 't> {
    sink: &'s mut Sink<'t>,
    refs: Vec<Ref>,
    /// Every written id with the item it names, in file order. The position counts every
    /// item of the kind, named or not, so it is the item's index in the briefing.
    ids: Vec<(Str, ItemRef)>,
    archives: Vec<(String, Anchor)>,
}

impl BriefingReader<'_, '_> {
    /// The briefing's own keys, from the first piece of the file, with no items yet.
    fn header(&mut self, path: &Path, root: &DeTable<'_>) -> (Briefing, Header) {
        let top = Table { table: root, span: 0..0, what: "the briefing" };
        top.check_keys(self.sink, &TOP_KEYS);
        let title = top.string(self.sink, "title", true);
        let date = top.date(self.sink, "date", true);
        let summary = top.string(self.sink, "summary", true);
        let end_date = top.date(self.sink, "end_date", false);
        if let (Some(start), Some(end)) = (date, end_date)
            && end < start
        {
            let span = top.get("end_date").map(Spanned::span).unwrap_or(0..0);
            self.sink
                .report(Code::EndBeforeStart, span, format!("`end_date` {end} is before `date` {start}"))
                .with_help("`date` is the first day and `end_date` the last; swap them or fix the typo");
        }
        let place = top.string(self.sink, "place", false).map(|s| s.value);
        let tags = top.strings(self.sink, "tags").into_iter().map(|s| s.value).collect();
        let (id, id_anchor) = self.briefing_id(path, &top);
        let related = top.strings(self.sink, "related");
        for r in &related {
            if !is_valid_id(&r.value) {
                self.bad_id(r, "briefing id");
            }
        }

        let briefing = Briefing {
            id,
            path: path.to_path_buf(),
            title: title.map(|s| s.value).unwrap_or_default(),
            date: date.unwrap_or(crate::date::Date { year: 0, month: 1, day: 1 }),
            end_date,
            place,
            summary: summary.map(|s| s.value).unwrap_or_default(),
            tags,
            related: related.iter().map(|r| r.value.clone()).collect(),
            sources: Vec::new(),
            officials: Vec::new(),
            commitments: Vec::new(),
            reactions: Vec::new(),
            facts: Vec::new(),
            events: Vec::new(),
            discrepancies: Vec::new(),
            accepted: Vec::new(),
            links: Default::default(),
            ids: Default::default(),
        };
        let header = Header { id_anchor, related: related.into_iter().map(|r| (r.value, self.sink.anchor(r.span))).collect() };
        (briefing, header)
    }

    /// The items of one piece of the file (the whole file, unless it is large): each array of
    /// tables of a kind, numbered on from the items of that kind before it.
    fn items(
        &mut self,
        root: &DeTable<'_>,
        briefing: &mut Briefing,
        official_names: &mut Vec<(String, String, Anchor)>,
        counts: &mut [usize; 7],
    ) {
        for (key, value) in root.iter() {
            let Some(kind) = Kind::parse(key.get_ref()) else { continue };
            let what = format!("this [[{kind}]]");
            let count = &mut counts[kind as usize];
            for (table, span) in reader::array_of_tables(self.sink, kind.as_str(), value) {
                let t = Table { table, span, what: &what };
                let line = self.sink.line(t.span.start);
                let at = ItemRef { kind, index: *count };
                *count += 1;
                if kind != Kind::Source {
                    let accepted = self.accepts(&t);
                    briefing.accepted.extend(accepted.into_iter().map(|a| (at, a)));
                }
                // An item missing what it needs is left out; its diagnostics say why.
                match kind {
                    Kind::Source => briefing.sources.extend(self.source(&t, at, line)),
                    Kind::Official => {
                        if let Some((o, anchor)) = self.official(&t, at, line) {
                            official_names.push((o.id.clone(), o.name.clone(), anchor));
                            briefing.officials.push(o);
                        }
                    }
                    Kind::Commitment => briefing.commitments.extend(self.commitment(&t, at, line)),
                    Kind::Reaction => briefing.reactions.extend(self.reaction(&t, at, line)),
                    Kind::Fact => briefing.facts.extend(self.fact(&t, at, line)),
                    Kind::Event => briefing.events.extend(self.event(&t, at, line)),
                    Kind::Discrepancy => briefing.discrepancies.extend(self.discrepancy(&t, at, line)),
                }
            }
        }
    }

    /// The `brief verify` findings an item accepts, each with its code, what it is about and a
    /// reason.
    /// A reference written in the file, kept with its place in the whole file: it is checked
    /// once every piece is read.
    fn push_ref(&mut self, key: &'static str, id: &Str, expect: Expect, from: &str) {
        let id = Str { value: id.value.clone(), span: self.sink.absolute(id.span.clone()) };
        // The references of one item come together: they share one copy of its id, which may
        // be as long as the file.
        let from = match self.refs.last() {
            Some(last) if *last.from == *from => last.from.clone(),
            _ => std::rc::Rc::from(from),
        };
        self.refs.push(Ref { key, id, expect, from });
    }

    /// The briefing's id: written, or the file stem.
    fn briefing_id(&mut self, path: &Path, top: &Table<'_, '_>) -> (String, Anchor) {
        if let Some(id) = top.string(self.sink, "id", false) {
            if !is_valid_id(&id.value) {
                self.bad_id(&id, "briefing id");
            }
            return (id.value, self.sink.anchor(id.span));
        }
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if !is_valid_id(&stem) {
            self.sink
                .report(Code::BadId, 0..0, format!("the file name gives the briefing id `{}`, which is not a valid id", text::short(&stem, 80)))
                .with_help(format!(
                    "ids are lowercase letters, digits and `-`, starting with a letter or digit, at most {MAX_ID_CHARS} long: rename the file to `{}.toml` or add `id = \"{}\"`",
                    slug(&stem),
                    slug(&stem)
                ));
        }
        (stem, self.sink.anchor(0..0))
    }

    fn bad_id(&mut self, id: &Str, what: &str) {
        let shown = text::short(&id.value, 80);
        if has_id_characters(&id.value) {
            let length = id.value.len();
            self.sink
                .report(Code::BadId, id.span.clone(), format!("{what} `{shown}` is {length} characters long"))
                .with_label(format!("at most {MAX_ID_CHARS} characters"))
                .with_help(format!("shorten it, for example to `{}`", slug(&id.value)));
            return;
        }
        self.sink
            .report(Code::BadId, id.span.clone(), format!("`{shown}` is not a valid {what}"))
            .with_label("lowercase letters, digits and `-` only")
            .with_help(format!("ids match [a-z0-9][a-z0-9-]*, for example `{}`", slug(&id.value)));
    }

    /// The item's id: required ones are reported when absent; optional ones get `kind#position`.
    fn item_id(&mut self, t: &Table<'_, '_>, item: ItemRef, optional: bool) -> String {
        let id = match t.string(self.sink, "id", !optional) {
            Some(id) => id,
            None if optional => return format!("{}#{}", item.kind, item.index + 1),
            None => return String::new(),
        };
        if is_valid_id(&id.value) {
            self.ids.push((Str { value: id.value.clone(), span: self.sink.absolute(id.span.clone()) }, item));
        } else {
            self.bad_id(&id, "id");
        }
        id.value
    }

    fn id_refs(&mut self, t: &Table<'_, '_>, key: &'static str, expect: Expect, from: &str) -> Vec<String> {
        let ids = t.strings(self.sink, key);
        for id in &ids {
            self.push_ref(key, id, expect, from);
        }
        ids.into_iter().map(|s| s.value).collect()
    }

    fn source(&mut self, t: &Table<'_, '_>, at: ItemRef, line: usize) -> Option<Source> {
        t.check_keys(self.sink, spec::SOURCE.names);
        let id = self.item_id(t, at, false);
        let archive = t.string(self.sink, "archive", false).filter(|file| {
            // A name inside the archive folder: never a way to read any other file.
            let inside = crate::archive::inside_folder(&file.value);
            if !inside {
                self.sink
                    .report(Code::BadValue, file.span.clone(), format!("`{}` is not a file name inside the archive folder", text::visible(&file.value, false)))
                    .with_label("leads outside the archive folder")
                    .with_help("name the saved copy by its file name in the archive folder, e.g. `archive = \"002_econotimes.txt\"`; no `..` and no absolute path");
            }
            inside
        });
        if let Some(file) = &archive {
            self.archives.push((file.value.clone(), self.sink.anchor(file.span.clone())));
        }
        Some(Source {
            archive: archive.map(|s| s.value),
            title: t.string(self.sink, "title", true)?.value,
            outlet: t.string(self.sink, "outlet", false).map(|s| s.value),
            published: t.date(self.sink, "published", false),
            url: t.string(self.sink, "url", false).map(|s| s.value),
            kind: t.keyword(self.sink, "kind", false, SourceKind::WORDS, SourceKind::parse).unwrap_or(SourceKind::News),
            points: t.strings(self.sink, "points").into_iter().map(|s| s.value).collect(),
            id,
            line,
        })
    }

    fn official(&mut self, t: &Table<'_, '_>, at: ItemRef, line: usize) -> Option<(Official, Anchor)> {
        t.check_keys(self.sink, spec::OFFICIAL.names);
        let id = self.item_id(t, at, false);
        let name = t.string(self.sink, "name", true);
        let official = Official {
            role: t.string(self.sink, "role", false).map(|s| s.value),
            side: t.string(self.sink, "side", false).map(|s| s.value),
            notes: t.string(self.sink, "notes", false).map(|s| s.value),
            cites: self.cites(t, &id),
            name: String::new(),
            id,
            line,
        };
        let name = name?;
        let anchor = self.sink.anchor(name.span);
        Some((Official { name: name.value, ..official }, anchor))
    }

    fn commitment(&mut self, t: &Table<'_, '_>, at: ItemRef, line: usize) -> Option<Commitment> {
        t.check_keys(self.sink, spec::COMMITMENT.names);
        let id = self.item_id(t, at, false);
        let text = t.string(self.sink, "text", true);
        let party = t.string(self.sink, "party", true);
        let status = t.keyword(self.sink, "status", true, Status::WORDS, Status::parse);
        let due = t.get("due").and_then(|value| match value.get_ref() {
            DeValue::String(s) => Some(Due::Text(s.to_string())),
            other => reader::as_date(other).map(Due::Date).or_else(|| {
                reader::wrong_date(self.sink, "due", value, "a date or a text", ", or a text in quotes: `due = \"within 30 days\"`");
                None
            }),
        });
        let in_return_for = self.id_refs(t, "in_return_for", Expect::Commitment, &id);
        let announced_by = self.id_refs(t, "announced_by", Expect::Official, &id);
        let cites = self.cites(t, &id);
        Some(Commitment { text: text?.value, party: party?.value, status: status?, due, in_return_for, announced_by, cites, id, line })
    }

    fn reaction(&mut self, t: &Table<'_, '_>, at: ItemRef, line: usize) -> Option<Reaction> {
        t.check_keys(self.sink, spec::REACTION.names);
        let id = self.item_id(t, at, false);
        let market = t.string(self.sink, "market", true);
        Some(Reaction {
            movement: t.string(self.sink, "move", false).map(|s| s.value),
            direction: t.keyword(self.sink, "direction", false, Direction::WORDS, Direction::parse),
            when: t.date(self.sink, "when", false),
            note: t.string(self.sink, "note", false).map(|s| s.value),
            responds_to: self.id_refs(t, "responds_to", Expect::NotSource, &id),
            cites: self.cites(t, &id),
            market: market?.value,
            id,
            line,
        })
    }

    fn fact(&mut self, t: &Table<'_, '_>, at: ItemRef, line: usize) -> Option<Fact> {
        t.check_keys(self.sink, spec::FACT.names);
        let id = self.item_id(t, at, false);
        let text = t.string(self.sink, "text", true);
        let topic = t.string(self.sink, "topic", false).map(|s| s.value);
        let cites = self.cites(t, &id);
        Some(Fact { text: text?.value, topic, cites, id, line })
    }

    fn event(&mut self, t: &Table<'_, '_>, at: ItemRef, line: usize) -> Option<Event> {
        t.check_keys(self.sink, spec::EVENT.names);
        let id = self.item_id(t, at, true);
        let date = t.require(self.sink, "date", "2025-06-09").and_then(|value| self.event_date(value));
        let text = t.string(self.sink, "text", true);
        let cites = self.cites(t, &id);
        Some(Event { date: date?, text: text?.value, cites, id, line })
    }

    fn event_date(&mut self, value: &Value<'_>) -> Option<PartialDate> {
        if let Some(date) = reader::as_date(value.get_ref()) {
            return Some(date.into());
        }
        if let DeValue::String(s) = value.get_ref() {
            if let Some(partial) = PartialDate::parse(s) {
                return Some(partial);
            }
            if crate::date::Date::parse(s).is_none() {
                self.sink
                    .report(Code::BadValue, value.span(), format!("`{}` is not an event date", text::visible(s, false)))
                    .with_label("expected YYYY-MM or YYYY in quotes, or a date")
                    .with_help("write a day without quotes (`date = 2025-05-12`), or only the month or year in quotes (`date = \"2025-05\"`, `date = \"2025\"`)");
                return None;
            }
        }
        reader::wrong_date(
            self.sink,
            "date",
            value,
            "a date, or \"YYYY-MM\" or \"YYYY\"",
            ", or only the month or year in quotes: `date = \"2025-05\"`",
        );
        None
    }

    fn discrepancy(&mut self, t: &Table<'_, '_>, at: ItemRef, line: usize) -> Option<Discrepancy> {
        t.check_keys(self.sink, spec::DISCREPANCY.names);
        let id = self.item_id(t, at, true);
        let about = t.string(self.sink, "about", true);
        if let Some(about) = &about {
            self.push_ref("about", about, Expect::Any, &id);
        }
        let text = t.string(self.sink, "text", true);
        let cites = self.cites(t, &id);
        Some(Discrepancy { about: about?.value, text: text?.value, cites, id, line })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every diagnostic, in place order, and the briefing, of `bytes` read in pieces of `piece`.
    fn read(path: &Path, text: &str, piece: usize) -> (Vec<Diagnostic>, Option<Briefing>) {
        let mut sink = Sink::new(path, text);
        let (loaded, _) = parse_pieces(&mut sink, path, text, piece);
        let mut diagnostics = sink.diagnostics;
        diagnostics.sort_by(|a, b| (a.line, a.column, &a.message).cmp(&(b.line, b.column, &b.message)));
        (diagnostics, loaded.map(|(b, _)| b))
    }

    #[test]
    fn a_file_read_in_pieces_is_the_file_read_whole() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (files, _) = super::super::discover(&[root.join("briefings"), root.join("tests/fixtures")]);
        assert!(files.len() > 30);
        for path in files {
            let bytes = std::fs::read(&path).unwrap();
            let Ok(text) = std::str::from_utf8(&bytes) else { continue };
            let whole = read(&path, text, usize::MAX);
            if whole.0.iter().any(|d| d.code == Code::Syntax) {
                // Broken TOML: each piece reports its own syntax errors instead.
                assert!(read(&path, text, 1).0.iter().any(|d| d.code == Code::Syntax), "{}", path.display());
                continue;
            }
            assert_eq!(read(&path, text, 1), whole, "{}", path.display());
        }
    }
}
