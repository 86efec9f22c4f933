//! The briefing format's tables and keys, declared once: the loader checks a file's keys
//! against these lists (`Table::check_keys`), `brief new` writes its template from their
//! examples, and the JSON Schema editors validate with (`docs/briefing.schema.json`, see
//! [`crate::load::schema`]) is generated from them. A test holds the loader's required keys and
//! types to what is declared here, key by key (tests/schema.rs).

use crate::model::{Direction, SourceKind, Status};

/// What a key holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// A string (a required one may not be blank).
    Text,
    /// A string that may not be blank even where the key is optional.
    Place,
    /// A TOML date, `2025-06-09`, not in quotes.
    Date,
    /// A TOML date, or a text in quotes (`"within 90 days"`).
    DateOrText,
    /// A TOML date, or `"YYYY-MM"` / `"YYYY"` in quotes.
    PartialDate,
    /// An id: `[a-z0-9][a-z0-9-]*`, at most 100 characters.
    Id,
    /// An array of strings.
    Texts,
    /// An array of ids.
    Ids,
    /// One of a list of words.
    Word(&'static [&'static str]),
    /// An array of citations: a source id, or `{ source, at }`.
    Citations,
    /// An array of accepted `brief verify` findings, `{ code, what, reason }`.
    Accepts,
    /// The code of a `brief verify` finding a curator may accept.
    Finding,
}

/// A key of a table.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    pub name: &'static str,
    pub ty: Type,
    pub required: bool,
    /// What it means, as editors show it on hover.
    pub doc: &'static str,
    /// A value, as TOML, for the template of `brief new` and the tests.
    pub example: &'static str,
}

/// A table: the top level, or an item table such as `[[source]]`.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    /// The item kind (`source`), or empty for the top level.
    pub name: &'static str,
    pub doc: &'static str,
    pub keys: &'static [Key],
    /// The keys' names, in the same order, for the loader's check.
    pub names: &'static [&'static str],
}

macro_rules! table {
    ($name:literal, $doc:literal, [$($entry:tt),* $(,)?]) => {
        Table { name: $name, doc: $doc, keys: &[$(table!(@key $entry)),*], names: &[$(table!(@name $entry)),*] }
    };
    (@key ($key:literal, $ty:expr, $required:literal, $doc:literal, $example:literal)) => {
        Key { name: $key, ty: $ty, required: $required, doc: $doc, example: $example }
    };
    (@key $shared:ident) => { $shared };
    (@name ($key:literal, $($rest:tt)*)) => { $key };
    (@name $shared:ident) => { $shared.name };
}

/// `cites`, as most item tables have it.
const CITES: Key = Key {
    name: "cites",
    ty: Type::Citations,
    required: true,
    doc: "The sources that say so: source ids, or `{ source = \"id\", at = \"4th paragraph\" }`.",
    example: "[\"wire-report\"]",
};

/// `accept`, which every item table but `[[source]]` has.
const ACCEPT: Key = Key {
    name: "accept",
    ty: Type::Accepts,
    required: false,
    doc: "`brief verify` findings you have looked at and accept, each with its code, what it is about and a reason (docs/verify.md).",
    example: "[{ code = \"term-missing\", what = \"Washington\", reason = \"the article says 'the US side'\" }]",
};

/// The top level of a briefing (its item tables are in [`ITEMS`]).
pub const TOP: Table = table!(
    "",
    "A briefing: one event or topic, who took part, what each side committed to, how markets reacted, and which sources say so.",
    [
        ("title", Type::Text, true, "Headline of the briefing, in your own words.", "\"US and China agree a framework in London\""),
        (
            "date",
            Type::Date,
            true,
            "The day of the event (the first day if it spans several); for a background briefing, the day it was last brought up to date. A TOML date, not in quotes.",
            "2025-06-09"
        ),
        (
            "summary",
            Type::Text,
            true,
            "Overview in your own words. A blank line separates paragraphs; a single newline is a soft wrap.",
            "\"What happened, who agreed to what, and what is still open.\""
        ),
        (
            "id",
            Type::Id,
            false,
            "The briefing's id, unique in the library: [a-z0-9][a-z0-9-]*, at most 100 characters. Defaults to the file's name without `.toml`.",
            "\"london-talks\""
        ),
        ("end_date", Type::Date, false, "The last day, for an event spanning several days. A TOML date, on or after `date`.", "2025-06-10"),
        ("place", Type::Text, false, "Where it happened.", "\"London\""),
        ("tags", Type::Texts, false, "Free labels; search filters on them (`tag:trade`).", "[\"trade\", \"rare-earths\"]"),
        ("related", Type::Ids, false, "Ids of other briefings of the library on the same story.", "[\"geneva-talks\"]"),
    ]
);

/// The item tables, each an array of tables (`[[source]]`), in the format's order.
pub const ITEMS: &[Table] = &[SOURCE, OFFICIAL, COMMITMENT, REACTION, FACT, EVENT, DISCREPANCY];

pub const SOURCE: Table = table!(
    "source",
    "A source the briefing rests on: an article, a statement, an analysis.",
    [
        ("id", Type::Id, true, "The source's id, unique among the briefing's items; citations name it.", "\"wire-report\""),
        ("title", Type::Text, true, "The source's own headline.", "\"Headline of the article\""),
        ("outlet", Type::Text, false, "Publisher, where known.", "\"Reuters\""),
        ("published", Type::Date, false, "Day of publication, where known. A TOML date.", "2025-06-10"),
        ("url", Type::Text, false, "Where it can be read; never invented.", "\"https://example.com/article\""),
        ("kind", Type::Word(SourceKind::WORDS), false, "What kind of source it is (default `news`).", "\"news\""),
        ("points", Type::Texts, false, "What this source reports, in your own words.", "[\"Both sides agree a framework.\"]"),
        (
            "archive",
            Type::Text,
            false,
            "File name of your saved plain-text copy in the archive folder; `brief verify` checks claims against it.",
            "\"001_wire-report.txt\""
        ),
    ]
);
pub const OFFICIAL: Table = table!(
    "official",
    "A person at the table or speaking for a party.",
    [
        ("id", Type::Id, true, "The person's id: the same person keeps the same id (and name) in every briefing.", "\"he-lifeng\""),
        ("name", Type::Text, true, "Their name, as the library writes it everywhere.", "\"He Lifeng\""),
        ("role", Type::Text, false, "Office held at the time.", "\"Vice Premier\""),
        ("side", Type::Text, false, "The party they speak for, e.g. `US`, `China`.", "\"China\""),
        ("notes", Type::Text, false, "What they said or did, in your own words.", "\"Led the Chinese delegation.\""),
        CITES,
        ACCEPT,
    ]
);
pub const COMMITMENT: Table = table!(
    "commitment",
    "What a party agreed, offered or demanded.",
    [
        ("id", Type::Id, true, "The commitment's id, unique among the briefing's items.", "\"cn-rare-earth-licences\""),
        (
            "text",
            Type::Text,
            true,
            "The commitment in one or two sentences, your own words.",
            "\"China approves rare-earth export licences faster.\""
        ),
        ("party", Type::Text, true, "Who commits: a side label.", "\"China\""),
        ("status", Type::Word(Status::WORDS), true, "Where it stands.", "\"agreed\""),
        ("due", Type::DateOrText, false, "Deadline: a TOML date, or a text in quotes such as \"within 30 days\".", "\"within 90 days\""),
        ("in_return_for", Type::Ids, false, "Ids of other commitments of this briefing this one is traded against.", "[]"),
        ("announced_by", Type::Ids, false, "Ids of officials of this briefing who announced or confirmed it.", "[\"he-lifeng\"]"),
        CITES,
        ACCEPT,
    ]
);
pub const REACTION: Table = table!(
    "reaction",
    "A market's or an analyst's reaction (analysts and banks are reactions, not officials).",
    [
        ("id", Type::Id, true, "The reaction's id, unique among the briefing's items.", "\"csi-300\""),
        ("market", Type::Text, true, "Index, instrument, sector, analyst or house.", "\"CSI 300\""),
        ("move", Type::Text, false, "The move as reported, e.g. \"+0.8%\".", "\"+0.8%\""),
        ("direction", Type::Word(Direction::WORDS), false, "Which way it went.", "\"up\""),
        ("when", Type::Date, false, "The day of the move. A TOML date.", "2025-06-11"),
        ("note", Type::Text, false, "Your own words on it.", "\"Chip makers led the gains.\""),
        ("responds_to", Type::Ids, false, "Ids of the items (not sources) this reaction is attributed to.", "[\"cn-rare-earth-licences\"]"),
        CITES,
        ACCEPT,
    ]
);
pub const FACT: Table = table!(
    "fact",
    "A key fact or figure: the background a reader needs.",
    [
        ("id", Type::Id, true, "The fact's id, unique among the briefing's items.", "\"supply-share\""),
        ("text", Type::Text, true, "The fact, in your own words.", "\"China refines most of the world's rare earths.\""),
        ("topic", Type::Text, false, "A label to group facts by.", "\"supply\""),
        CITES,
        ACCEPT,
    ]
);
pub const EVENT: Table = table!(
    "event",
    "A dated moment on the briefing's timeline.",
    [
        ("id", Type::Id, false, "An id, if something refers to it; without one it is named by its place (`event#3`).", "\"talks-open\""),
        (
            "date",
            Type::PartialDate,
            true,
            "A TOML date, or \"YYYY-MM\" or \"YYYY\" in quotes when only the month or year is known.",
            "2025-06-09"
        ),
        ("text", Type::Text, true, "What happened, in your own words.", "\"Talks open in London.\""),
        CITES,
        ACCEPT,
    ]
);
pub const DISCREPANCY: Table = table!(
    "discrepancy",
    "Where sources disagree.",
    [
        (
            "id",
            Type::Id,
            false,
            "An id, if something refers to it; without one it is named by its place (`discrepancy#1`).",
            "\"licence-pace\""
        ),
        ("about", Type::Id, true, "The id of the item or source the sources disagree about.", "\"cn-rare-earth-licences\""),
        ("text", Type::Text, true, "What differs, in your own words.", "\"One report has licences flowing, another still pending.\""),
        ("cites", Type::Citations, true, "The sources that disagree (normally two or more).", "[\"wire-report\"]"),
        ACCEPT,
    ]
);

/// The keys of a citation written as a table.
pub const CITATION: Table = table!(
    "citation",
    "A place in a source.",
    [
        ("source", Type::Id, true, "The id of a [[source]] of this briefing.", "\"wire-report\""),
        (
            "at",
            Type::Place,
            false,
            "Where in the source: a paragraph, a heading. Leave it out to cite the whole source.",
            "\"4th paragraph\""
        ),
    ]
);

/// The keys of an accepted `brief verify` finding.
pub const ACCEPTED: Table = table!(
    "accepted",
    "A `brief verify` finding the curator accepts.",
    [
        ("code", Type::Finding, true, "The finding's code, as `brief verify` prints it.", "\"term-missing\""),
        ("what", Type::Text, true, "What the finding is about, as `brief verify` names it.", "\"Washington\""),
        ("reason", Type::Text, true, "Why it is accepted.", "\"the article says 'the US side'\""),
    ]
);

/// The item table of a kind.
pub fn item(kind: &str) -> Option<&'static Table> {
    ITEMS.iter().find(|t| t.name == kind)
}

/// The top level's keys and the item tables, as the loader accepts them at the top of a file.
pub fn top_names() -> impl Iterator<Item = &'static str> {
    TOP.names.iter().copied().chain(ITEMS.iter().map(|t| t.name))
}
