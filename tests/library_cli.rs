//! `brief list` and `brief check` over whole folders, and what the library derives.

mod common;

use std::path::PathBuf;

use brief::Library;
use brief::links::RefKey;
use brief::model::{ItemRef, Kind};
use common::{brief, root, stderr, stdout};

fn curated() -> brief::Loaded {
    Library::load(&[root().join("briefings")])
}

#[test]
fn the_curated_library_checks_clean_without_warnings() {
    let output = brief().args(["check", "briefings/", "--deny-warnings"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("checked 3 files: no problems"), "{}", stderr(&output));
}

#[test]
fn list_shows_the_curated_briefings_newest_first() {
    let output = brief().arg("list").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let out = stdout(&output);
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert!(rows.len() >= 3, "{out}");
    let dates: Vec<&str> = rows.iter().map(|r| &r[..10]).collect();
    assert!(dates.iter().all(|d| brief::date::Date::parse(d).is_some()), "{out}");
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first: {dates:?}");
    let london = rows.iter().find(|r| r.contains("london-talks")).expect("the London briefing is listed");
    // date, id, officials, commitments, reactions, facts, sources, title
    let cells: Vec<&str> = london.split_whitespace().collect();
    // Counted from the file's own table headers, not by the loader.
    let file = std::fs::read_to_string(root().join("briefings/london-talks.toml")).unwrap();
    let count = |kind: &str| file.lines().filter(|l| l.trim() == format!("[[{kind}]]")).count().to_string();
    let expected = ["official", "commitment", "reaction", "fact", "source"].map(count);
    assert_eq!(&cells[..2], ["2025-06-09", "london-talks"], "{london}");
    assert_eq!(&cells[2..7], expected, "{london}");
    assert!(london.contains("US–China talks in London"));
}

#[test]
fn without_a_terminal_the_reader_says_so_and_exits_2() {
    for args in [vec![], vec!["open", "london-talks"]] {
        let output = brief().args(&args).write_stdin("").output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains("the reader needs a terminal"), "{}", stderr(&output));
        assert!(stdout(&output).is_empty(), "nothing drawn on a pipe");
    }
}

#[test]
fn a_bad_file_does_not_hide_the_good_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.toml"), "title = \"Good\"\ndate = 2025-01-02\nsummary = \"Fine.\"\n").unwrap();
    std::fs::write(dir.path().join("bad.toml"), "title = \"Bad\"\ndate = 2025-01-03\nsummary = \"Broken\n").unwrap();
    let dir_arg = dir.path().to_str().unwrap();

    let list = brief().args(["list", "--dir", dir_arg]).output().unwrap();
    assert_eq!(list.status.code(), Some(1), "a partial listing says so in its status");
    assert!(stdout(&list).contains("good"), "{}", stdout(&list));
    assert!(!stdout(&list).contains("Bad"), "{}", stdout(&list));
    assert!(stderr(&list).contains("bad.toml") && stderr(&list).contains("brief check"), "{}", stderr(&list));

    let check = brief().args(["check", "--dir", dir_arg]).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    let bad = dir.path().join("bad.toml");
    assert!(stderr(&check).contains(&format!("{}:3:18", bad.display())), "{}", stderr(&check));
    assert!(!stderr(&check).contains("good.toml"), "{}", stderr(&check));
}

#[test]
fn check_of_one_file_resolves_related_against_the_library_folder() {
    // Alone, london-talks names two briefings that are not there; with the folder they are.
    let alone = brief().args(["--dir", "target/no-such-library", "check", "briefings/london-talks.toml"]).output().unwrap();
    assert_eq!(alone.status.code(), Some(0));
    assert_eq!(stderr(&alone).matches("[unknown-related]").count(), 2, "{}", stderr(&alone));
    let with_library = brief().args(["check", "briefings/london-talks.toml"]).output().unwrap();
    assert!(stderr(&with_library).contains("checked 1 file: no problems"), "{}", stderr(&with_library));
}

#[test]
fn check_json_has_the_documented_shape() {
    let output = brief().args(["check", "--json", "tests/fixtures/invalid/name-mismatch"]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["summary"]["files"], 2);
    assert_eq!(doc["summary"]["loaded"], 2);
    assert_eq!(doc["summary"]["warnings"], 1);
    let d = &doc["diagnostics"][0];
    for key in ["severity", "code", "file", "line", "column", "width", "message", "help", "source_line"] {
        assert!(!d[key].is_null(), "diagnostic lacks `{key}`: {d}");
    }
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["source_line"], "name = \"Li Changgang\"");
    // Every key the report emits is documented, as `key` or `parent[].key`.
    let docs = std::fs::read_to_string(root().join("docs/check-json.md")).unwrap();
    let objects = [&doc, &doc["files"][0], &doc["diagnostics"][0], &doc["summary"]];
    for key in objects.iter().flat_map(|o| o.as_object().unwrap().keys()) {
        assert!(docs.contains(&format!("`{key}`")) || docs.contains(&format!("[].{key}`")), "docs/check-json.md does not document `{key}`");
    }
}

#[test]
fn a_missing_folder_is_an_error_not_an_empty_library() {
    let output = brief().args(["list", "--dir", "target/no-such-library"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "the command could not run");
    assert!(stderr(&output).contains("no briefings folder at target/no-such-library"), "{}", stderr(&output));
}

#[test]
fn derived_corroboration_back_references_and_appearances() {
    let loaded = curated();
    assert!(loaded.diagnostics().next().is_none());
    let library = &loaded.library;
    let london = library.get("london-talks").unwrap();

    // Cited by EconoTimes, the truce report and the second-day report.
    let rare = london.lookup("cn-resume-rare-earths").unwrap();
    assert_eq!(london.corroboration(rare), 3);
    let nodes = london.lookup("node-sizes").unwrap();
    // The analysis, the truce report twice and the explainer: three sources.
    assert_eq!(london.corroboration(nodes), 3, "two citations of one source count once");

    // Traded-for works both ways through back-references.
    let chips = london.lookup("us-ease-chip-controls").unwrap();
    let referrers = london.links.referrers_of(chips);
    assert!(referrers.contains(&(rare, RefKey::InReturnFor)), "{referrers:?}");
    let santos = london.lookup("maria-santos").unwrap();
    assert!(london.links.referrers_of(london.lookup("us-mature-node-licences").unwrap()).contains(&(santos, RefKey::RespondsTo)));
    let li = london.lookup("li-chenggang").unwrap();
    let announced: Vec<ItemRef> =
        london.links.referrers_of(li).iter().filter(|(_, k)| *k == RefKey::AnnouncedBy).map(|(i, _)| *i).collect();
    assert_eq!(announced, [london.lookup("cn-framework-approval").unwrap()], "{announced:?}");

    // Every source's backlinks are exactly the items citing it.
    for (index, source) in london.sources.iter().enumerate() {
        let expected: Vec<ItemRef> = london.items().filter(|i| london.cites_of(*i).iter().any(|c| c.source == source.id)).collect();
        assert_eq!(london.links.citing(index), expected.as_slice(), "{}", source.id);
        assert!(!expected.is_empty());
    }
    assert_eq!(london.lookup("event#1").map(|i| i.kind), Some(Kind::Event), "unnamed items get positional names");

    let rare_background = library.get("rare-earth-supply").unwrap();
    assert!(rare_background.related.contains(&"london-talks".to_string()));
    let appearances: Vec<&str> = library.appearances("li-chenggang").map(|b| b.id.as_str()).collect();
    assert_eq!(appearances, ["london-talks"]);
}

#[test]
fn appearances_span_briefings() {
    let loaded = Library::load(&[root().join("tests/fixtures/invalid/name-mismatch")]);
    let ids: Vec<&str> = loaded.library.appearances("li-chenggang").map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["b-second", "a-first"], "newest first");
}

#[test]
fn folders_are_read_recursively_in_path_order_toml_only() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("z/deeper");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::create_dir_all(dir.path().join(".hidden")).unwrap();
    let body = |t: &str| format!("title = \"{t}\"\ndate = 2025-01-01\nsummary = \"s\"\n");
    std::fs::write(nested.join("inner.toml"), body("Inner")).unwrap();
    std::fs::write(dir.path().join("a.toml"), body("A")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a briefing").unwrap();
    std::fs::write(dir.path().join(".hidden/secret.toml"), "broken = ").unwrap();
    let loaded = Library::load(&[dir.path().to_path_buf()]);
    let paths: Vec<PathBuf> = loaded.files.iter().map(|f| f.path.strip_prefix(dir.path()).unwrap().to_path_buf()).collect();
    assert_eq!(paths, [PathBuf::from("a.toml"), PathBuf::from("z/deeper/inner.toml")]);
    assert_eq!(loaded.library.len(), 2);
}

#[test]
fn architecture_md_has_a_line_for_every_module() {
    let doc = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let mut stack = vec![root().join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let name = path.strip_prefix(root()).unwrap().display().to_string();
                assert!(doc.contains(&format!("| `{name}` |")), "ARCHITECTURE.md has no line for {name}");
            }
        }
    }
}

/// The text block of the README that follows `$ COMMAND`.
fn readme_block(readme: &str, command: &str) -> String {
    let start = readme.find(&format!("$ {command}\n")).unwrap_or_else(|| panic!("README shows `{command}`")) + command.len() + 3;
    readme[start..].split("```").next().unwrap().to_string()
}

#[test]
fn readme_examples_are_what_the_binary_prints() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let list = brief().arg("list").output().unwrap();
    assert_eq!(readme_block(&readme, "brief list"), stdout(&list));
    let check = brief().args(["check", "tests/fixtures/invalid/bad-value-status.toml"]).output().unwrap();
    assert_eq!(readme_block(&readme, "brief check tests/fixtures/invalid/bad-value-status.toml"), stderr(&check));
    let commitments = brief().args(["commitments", "--open", "--party", "china"]).output().unwrap();
    assert_eq!(readme_block(&readme, "brief commitments --open --party china"), stdout(&commitments));
}

#[test]
fn a_related_id_with_a_typo_gets_a_guess_that_is_never_the_briefing_itself() {
    let dir = tempfile::tempdir().unwrap();
    let briefing =
        |id: &str, related: &str| format!("title = \"T\"\ndate = 2025-06-09\nsummary = \"s\"\nid = \"{id}\"\nrelated = [\"{related}\"]\n");
    std::fs::write(dir.path().join("a.toml"), briefing("geneva-talks", "london-talk")).unwrap();
    std::fs::write(dir.path().join("b.toml"), briefing("london-talks", "london-talk")).unwrap();
    std::fs::write(dir.path().join("c.toml"), briefing("london-talks-2", "geneva-talks")).unwrap();
    let out = brief().args(["check", "--json", "--dir", dir.path().to_str().unwrap()]).output().unwrap();
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let help = |file: &str| {
        let d = doc["diagnostics"].as_array().unwrap().iter().find(|d| d["file"].as_str().unwrap().ends_with(file)).unwrap();
        assert_eq!(d["code"], "unknown-related");
        d["help"].as_str().unwrap().to_string()
    };
    assert!(help("a.toml").starts_with("did you mean `london-talks`?"), "{}", help("a.toml"));
    assert!(help("b.toml").starts_with("did you mean `london-talks-2`?"), "{}", help("b.toml"));
    assert!(help("b.toml").ends_with("Briefings: `geneva-talks`, `london-talks-2`"), "its own id is not listed: {}", help("b.toml"));
}
