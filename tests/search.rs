//! Search: matching and ranking on small libraries, and `brief search` through the binary on
//! the curated one.

mod common;

use std::path::Path;

use brief::Library;
use brief::search::{self, Index, Place};
use common::{brief, root, stderr, stdout};

/// A library from (file name, TOML) pairs.
fn library(files: &[(&str, &str)]) -> Library {
    let parsed = files.iter().map(|(name, text)| brief::load::parse_file(Path::new(name), text.as_bytes())).collect();
    let loaded = Library::from_parsed(parsed);
    assert!(loaded.diagnostics().all(|d| !d.is_error()), "{:?}", loaded.diagnostics().collect::<Vec<_>>());
    loaded.library
}

fn briefing(date: &str, body: &str) -> String {
    briefing_with(date, "", body)
}

/// A briefing with extra header lines.
fn briefing_with(date: &str, header: &str, body: &str) -> String {
    format!(
        "title = \"Talks of {date}\"\ndate = {date}\nsummary = \"Summary.\"\n{header}\n[[source]]\nid = \"wire\"\ntitle = \"Wire report\"\noutlet = \"Reuters\"\n\n{body}"
    )
}

/// (briefing, item id) of each hit, in rank order.
fn hits(lib: &Library, query: &str) -> Vec<(String, String)> {
    let q = search::parse(query).unwrap_or_else(|e| panic!("{query}: {e}"));
    Index::build(lib).search(lib, &q).into_iter().map(|h| (h.briefing.to_string(), h.item.to_string())).collect()
}

fn ids(lib: &Library, query: &str) -> Vec<String> {
    hits(lib, query).into_iter().map(|(_, item)| item).collect()
}

const PEOPLE: &str = r#"
[[official]]
id = "munoz"
name = "Ana Muñoz"
role = "Trade minister"
side = "Spain"
cites = ["wire"]

[[official]]
id = "he-lifeng"
name = "He Lifeng (何立峰)"
role = "Vice Premier"
side = "China"
cites = ["wire"]

[[commitment]]
id = "c1"
text = "China resumes rare-earth exports, including lithium compounds."
party = "China"
status = "pending"
cites = ["wire"]

[[reaction]]
id = "lithium-miners"
market = "Lithium miners"
move = "+0.8%"
direction = "up"
cites = ["wire"]
"#;

#[test]
fn case_accents_and_cjk() {
    let lib = library(&[("a.toml", &briefing("2025-06-09", PEOPLE))]);
    assert_eq!(ids(&lib, "munoz"), ["munoz"]);
    assert_eq!(ids(&lib, "MUÑOZ"), ["munoz"]);
    assert_eq!(ids(&lib, "he lifeng"), ["he-lifeng"]);
    assert_eq!(ids(&lib, "何立峰"), ["he-lifeng"]);
    assert_eq!(ids(&lib, "立峰"), ["he-lifeng"], "part of a CJK word");
}

#[test]
fn words_are_anded_phrases_kept_together_exclusions_drop() {
    let lib = library(&[("a.toml", &briefing("2025-06-09", PEOPLE))]);
    assert_eq!(ids(&lib, "vice premier"), ["he-lifeng"]);
    assert_eq!(ids(&lib, "premier minister"), Vec::<String>::new(), "no single item has both");
    assert_eq!(ids(&lib, "\"rare-earth exports\""), ["c1"]);
    assert_eq!(ids(&lib, "\"exports rare-earth\""), Vec::<String>::new());
    assert_eq!(ids(&lib, "lithium"), ["lithium-miners", "c1"]);
    assert_eq!(ids(&lib, "lithium -compounds"), ["lithium-miners"]);
    assert_eq!(ids(&lib, "0.8%"), ["lithium-miners"]);
}

#[test]
fn filters() {
    let lib =
        library(&[("a.toml", &briefing("2025-06-09", PEOPLE)), ("b.toml", &briefing_with("2024-01-05", "tags = [\"Energy\"]", PEOPLE))]);
    assert_eq!(ids(&lib, "kind:official side:china"), ["he-lifeng", "he-lifeng"]);
    assert_eq!(hits(&lib, "kind:official side:china after:2025-01-01"), [("a".to_string(), "he-lifeng".to_string())]);
    assert_eq!(hits(&lib, "kind:official side:china before:2024-12-31"), [("b".to_string(), "he-lifeng".to_string())]);
    assert_eq!(ids(&lib, "party:china status:pending after:2025-06-09 before:2025-06-09"), ["c1"]);
    assert_eq!(ids(&lib, "direction:up after:2025-01-01"), ["lithium-miners"]);
    assert_eq!(ids(&lib, "tag:energy kind:briefing"), ["b"]);
    assert_eq!(ids(&lib, "source:reuters kind:reaction"), ["lithium-miners", "lithium-miners"]);
    assert_eq!(ids(&lib, "source:wire kind:commitment after:2025-01-01"), ["c1"]);
    assert_eq!(ids(&lib, "source:nobody"), Vec::<String>::new());
    assert_eq!(ids(&lib, "kind:source wire after:2025-01-01"), ["wire"]);
}

#[test]
fn ranking_name_over_body_whole_over_partial_newer_first() {
    let older = briefing("2024-03-01", "[[fact]]\nid = \"f-old\"\ntext = \"Lithium demand grows.\"\ncites = [\"wire\"]\n");
    let newer = briefing(
        "2025-03-01",
        "[[fact]]\nid = \"f-new\"\ntext = \"Lithium demand grows.\"\ncites = [\"wire\"]\n\n\
         [[fact]]\nid = \"f-partial\"\ntext = \"Lithiumlike salts.\"\ncites = [\"wire\"]\n\n\
         [[reaction]]\nid = \"r\"\nmarket = \"Lithium index\"\ncites = [\"wire\"]\n",
    );
    let lib = library(&[("old.toml", &older), ("new.toml", &newer)]);
    assert_eq!(ids(&lib, "lithium"), ["r", "f-new", "f-old", "f-partial"]);
    // Stable: the order does not depend on the order the files were read in.
    let reversed = library(&[("new.toml", &newer), ("old.toml", &older)]);
    assert_eq!(ids(&reversed, "lithium"), ["r", "f-new", "f-old", "f-partial"]);
}

#[test]
fn the_header_is_searchable_as_kind_briefing() {
    let lib = library(&[("a.toml", &briefing_with("2025-06-09", "place = \"Lancaster House\"", ""))]);
    let q = search::parse("lancaster").unwrap();
    let found = Index::build(&lib).search(&lib, &q);
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].place, found[0].field), (Place::Briefing, "place"));
}

fn run(args: &[&str]) -> std::process::Output {
    brief().arg("search").args(args).output().unwrap()
}

#[test]
fn cli_finds_a_name() {
    let out = run(&["Lutnick"]);
    assert_eq!(out.status.code(), Some(0));
    let first = stdout(&out).lines().next().unwrap().to_string();
    assert_eq!(first, "london-talks\tofficial\thoward-lutnick\tHoward Lutnick", "a name outranks body text");
    assert!(!stdout(&out).contains('\x1b'), "plain when piped");
}

#[test]
fn cli_finds_a_figure_a_filter_and_a_phrase() {
    let out = stdout(&run(&["0.8%"]));
    assert!(out.contains("london-talks\treaction\tcsi-300\t+0.8%"), "{out}");
    let out = stdout(&run(&["kind:reaction"]));
    let reactions: usize = Library::load(&[root().join("briefings")]).library.briefings().iter().map(|b| b.reactions.len()).sum();
    assert_eq!(out.lines().count(), reactions, "every reaction of the library:\n{out}");
    assert!(out.lines().all(|l| l.split('\t').nth(1) == Some("reaction")), "{out}");
    let out = stdout(&run(&["\"Lancaster House\""]));
    assert!(out.lines().next().unwrap().starts_with("london-talks\tbriefing\t-\t"), "{out}");
    let out = stdout(&run(&["he", "lifeng", "--limit", "1"]));
    assert_eq!(out, "london-talks\tofficial\the-lifeng\tHe Lifeng\n");
}

#[test]
fn options_may_follow_the_query() {
    let args = |v: &[&str]| v.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
    assert_eq!(
        brief::cli::options_first(args(&["brief", "search", "he", "-tariff", "--limit", "3", "lifeng", "--json", "--", "--limit"])),
        args(&["brief", "search", "--limit", "3", "--json", "--", "he", "-tariff", "lifeng", "--limit"])
    );
    // A folder or query word named "search" is not the subcommand.
    let untouched = args(&["brief", "--dir", "search", "list"]);
    assert_eq!(brief::cli::options_first(untouched.clone()), untouched);
    assert_eq!(
        brief::cli::options_first(args(&["brief", "--dir", "lib", "search", "search", "--json"])),
        args(&["brief", "--dir", "lib", "search", "--json", "--", "search"])
    );
    // A global flag before the subcommand takes no value: what follows is still the command.
    assert_eq!(
        brief::cli::options_first(args(&["brief", "--no-cache", "search", "lithium", "--limit", "1"])),
        args(&["brief", "--no-cache", "search", "--limit", "1", "--", "lithium"])
    );
    let out = run(&["-tariff", "lithium", "--json"]);
    assert!(stdout(&out).trim_start().starts_with('['), "{}", stdout(&out));
}

#[test]
fn cli_miss_and_bad_query_follow_grep() {
    let out = run(&["dilithium"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("no hits for dilithium"));
    let out = run(&["lutnick", "statu:pending"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown filter `statu:` — did you mean `status:`?"), "{}", stderr(&out));
    let out = run(&["\"rare", "earth"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unclosed quote"), "{}", stderr(&out));
    let out = run(&["after:yesterday"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs a date like after:2025-06-09"), "{}", stderr(&out));
}

#[test]
fn cli_json_parses_back() {
    let out = run(&["Changgang", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let hits: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 3);
    let first = &hits[0];
    assert_eq!(first["briefing"], "london-talks");
    assert_eq!(first["date"], "2025-06-09");
    for key in ["title", "kind", "item", "field", "snippet", "marks"] {
        assert!(!first[key].is_null(), "{key} in {first}");
    }
    let snippet: Vec<char> = first["snippet"].as_str().unwrap().chars().collect();
    let mark = &first["marks"][0];
    let marked: String = snippet[mark[0].as_u64().unwrap() as usize..mark[1].as_u64().unwrap() as usize].iter().collect();
    assert_eq!(marked.to_lowercase(), "changgang");
    let docs = std::fs::read_to_string(common::root().join("docs/search.md")).unwrap();
    for key in first.as_object().unwrap().keys() {
        assert!(docs.contains(&format!("`{key}`")), "docs/search.md does not document `{key}`");
    }
}

#[test]
fn cli_and_index_agree() {
    let lib = Library::load(&[common::root().join("briefings")]).library;
    for query in ["rare earth", "kind:commitment status:pending", "\"export controls\" -china", "source:econotimes"] {
        let from_index: Vec<(String, String)> = hits(&lib, query);
        let out = run(&[query]);
        let from_cli: Vec<(String, String)> = stdout(&out)
            .lines()
            .map(|l| {
                let cells: Vec<&str> = l.split('\t').collect();
                let item = if cells[2] == "-" { cells[0] } else { cells[2] };
                (cells[0].to_string(), item.to_string())
            })
            .collect();
        assert_eq!(from_cli, from_index, "{query}");
        assert!(!from_index.is_empty(), "{query} finds something");
    }
}

#[test]
fn readme_search_example_is_current() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let start = readme.find("$ brief search lutnick --limit 2\n").unwrap() + "$ brief search lutnick --limit 2\n".len();
    let shown = &readme[start..start + readme[start..].find("```").unwrap()];
    assert_eq!(shown, stdout(&run(&["lutnick", "--limit", "2"])));
}

/// The reader's index and the command line's text scan are two ways to the same answer: on a
/// generated library (accents, CJK, punctuation) they give identical ranked hits.
#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn index_and_scan_agree_on_a_generated_library() {
    let shared = common::shared();
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("python3").arg(shared.join("tools/gen-corpus")).args(["60"]).arg(dir.path()).output().unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let lib = Library::load(&[dir.path().to_path_buf()]).library;
    assert_eq!(lib.len(), 60);
    let index = Index::build(&lib);
    let queries = common::QUERIES;
    for query in queries {
        let q = search::parse(query).unwrap_or_else(|e| panic!("{query}: {e}"));
        let key = |briefing: &str, item: &str, field: &str, weight: u8, whole: u8| format!("{briefing}/{item}/{field}/{weight}/{whole}");
        let from_index: Vec<String> =
            index.search(&lib, &q).iter().map(|h| key(&h.briefing, &h.item, h.field, h.weight, h.whole)).collect();
        let scan = search::scan::scan(dir.path(), &q, 80);
        let from_scan: Vec<String> =
            scan.found.iter().map(|f| key(&f.hit.briefing, &f.hit.item, f.hit.field, f.hit.weight, f.hit.whole)).collect();
        assert_eq!(from_index, from_scan, "{query}");
    }
}
