//! Exports: snapshots of the London briefing in every format, the Markdown parsed back, the JSON
//! checked against its schema and round-tripped, text widths, and safe writing.

mod common;

use std::path::Path;

use common::{brief, root, stderr, stdout};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

fn export(args: &[&str]) -> std::process::Output {
    brief().arg("export").args(args).output().unwrap()
}

fn london(format: &str) -> String {
    let out = export(&["london-talks", "--format", format]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn snapshots_of_the_london_briefing() {
    insta::assert_snapshot!("london_md", london("md"));
    insta::assert_snapshot!("london_json", london("json"));
    insta::assert_snapshot!("london_txt", london("txt"));
}

#[test]
fn output_is_deterministic() {
    for format in ["md", "json", "txt"] {
        assert_eq!(london(format), london(format), "{format}");
    }
    let all = |f: &str| stdout(&export(&["--all", "--format", f]));
    assert_eq!(all("md"), all("md"));
}

#[test]
fn markdown_parses_back_with_sections_a_row_per_commitment_and_matching_footnotes() {
    let md = london("md");
    let mut headings = Vec::new();
    let mut in_heading = None;
    let mut text = String::new();
    let mut table_rows = 0;
    let (mut in_head, mut references, mut definitions) = (false, Vec::new(), Vec::new());
    for event in Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_FOOTNOTES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                in_heading = Some(level);
                text.clear();
            }
            Event::End(TagEnd::Heading(_)) => headings.push((in_heading.take().unwrap(), text.clone())),
            Event::Text(t) if in_heading.is_some() => text.push_str(&t),
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) if !in_head => table_rows += 1,
            Event::FootnoteReference(label) => references.push(label.to_string()),
            Event::Start(Tag::FootnoteDefinition(label)) => definitions.push(label.to_string()),
            _ => {}
        }
    }
    let h2: Vec<&str> = headings.iter().filter(|(l, _)| *l == HeadingLevel::H2).map(|(_, t)| t.as_str()).collect();
    assert_eq!(h2, ["Key facts", "Who", "What was committed", "Market reactions", "Where sources disagree", "Timeline", "Sources"]);
    let title = brief::Library::load(&[root().join("briefings")]).library.get("london-talks").unwrap().title.clone();
    assert_eq!(headings[0], (HeadingLevel::H1, title));
    let commitments = brief::Library::load(&[root().join("briefings")]).library.get("london-talks").unwrap().commitments.len();
    assert_eq!(table_rows, commitments, "one table row per commitment");
    for r in &references {
        assert!(definitions.contains(r), "footnote [^{r}] has no definition");
    }
    for d in &definitions {
        assert!(references.contains(d), "footnote definition [^{d}] is never used");
    }
    // Numbered by first use, as renderers number them.
    let mut first_use: Vec<&String> = Vec::new();
    for r in &references {
        if !first_use.contains(&r) {
            first_use.push(r);
        }
    }
    let expected: Vec<String> = (1..=first_use.len()).map(|n| n.to_string()).collect();
    assert_eq!(first_use.into_iter().cloned().collect::<Vec<_>>(), expected);
    assert_eq!(definitions, expected, "sources listed in the order of their first citation");
}

#[test]
fn json_follows_its_schema_and_round_trips() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("docs/export-schema.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    for args in [vec!["london-talks"], vec!["--all"], vec!["--query", "kind:reaction"], vec!["--all", "--only", "facts,sources"]] {
        let out = export(&[args.as_slice(), &["--format", "json"]].concat());
        let text = stdout(&out);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> = validator.iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
        assert_eq!(value["version"], 1);
        let doc: brief::export::Document = serde_json::from_str(&text).unwrap();
        assert_eq!(serde_json::to_string_pretty(&doc).unwrap() + "\n", text, "{args:?} round-trips");
    }
}

fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

#[test]
fn text_lines_fit_the_width_even_with_cjk() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cjk.toml"),
        "title = \"中美伦敦经贸磋商：稀土出口与芯片出口管制的交换，双方同意框架待两国元首批准\"\ndate = 2025-06-09\n\
         summary = \"何立峰副总理与美方代表在伦敦兰卡斯特宫举行会谈。双方就稀土和芯片问题达成原则共识，框架需两国元首批准后生效。—— 评论认为这是重要进展。\"\n\n\
         [[source]]\nid = \"xinhua\"\ntitle = \"中美经贸磋商机制首次会议在伦敦举行，双方就落实日内瓦共识的框架达成原则一致\"\noutlet = \"新华社\"\n\n\
         [[fact]]\nid = \"f\"\ntext = \"中国控制全球超过百分之六十的稀土供应，以及超过百分之七十的钕和镨加工能力。\"\ncites = [\"xinhua\"]\n",
    )
    .unwrap();
    for width in [40usize, 80] {
        for (dir_arg, id) in [(dir.path().to_str().unwrap(), "cjk"), ("briefings", "london-talks")] {
            let out = brief().args(["--dir", dir_arg, "export", id, "--format", "txt", "--width", &width.to_string()]).output().unwrap();
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            let text = stdout(&out);
            assert!(text.contains(if id == "cjk" { "何立峰" } else { "Lutnick" }));
            for line in text.lines() {
                assert!(display_width(line) <= width, "{id} at {width}: {} columns: {line}", display_width(line));
            }
        }
    }
}

#[test]
fn only_and_query_select_what_is_exported() {
    let md = stdout(&export(&["london-talks", "--only", "officials,sources"]));
    assert!(md.contains("## Who") && md.contains("## Sources"));
    assert!(!md.contains("## Key facts") && !md.contains("## Timeline") && !md.contains("Two days of talks"));
    let md = stdout(&export(&["--query", "Lutnick", "--format", "md"]));
    assert!(md.contains("**Howard Lutnick**"), "{md}");
    assert!(!md.contains("**He Lifeng**"), "only the items the search found");
    let out = export(&["--only", "people", "london-talks"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("`people` is not a section"), "{}", stderr(&out));
    let out = export(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("name a briefing id, or use --all or --query"));
    let out = export(&["london"]);
    assert!(stderr(&out).contains("no briefing `london`"));
}

#[test]
fn an_existing_file_is_not_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("summary.md");
    std::fs::write(&target, "my notes").unwrap();
    let out = export(&["london-talks", "--out", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("exists; pass --force"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "my notes", "the file is unchanged");
    let out = export(&["london-talks", "--out", target.to_str().unwrap(), "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&target).unwrap().starts_with("# US–China talks"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file is left");
}

#[test]
fn an_impossible_path_fails_cleanly_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("plain-file");
    std::fs::write(&not_a_folder, "x").unwrap();
    let target = not_a_folder.join("summary.md");
    let out = export(&["london-talks", "--out", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("cannot write {}", target.display())), "{}", stderr(&out));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, [std::ffi::OsString::from("plain-file")]);
    assert_eq!(std::fs::read_to_string(&not_a_folder).unwrap(), "x");
}

#[test]
fn fresh_names_never_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let first = brief::export::write::fresh_name(dir.path(), "london-talks", "md");
    assert_eq!(first, dir.path().join("london-talks.md"));
    std::fs::write(&first, "x").unwrap();
    assert_eq!(brief::export::write::fresh_name(dir.path(), "london-talks", "md"), dir.path().join("london-talks-2.md"));
    let _ = Path::new("");
}

/// Texts joined into a sentence keep one stop each: no "up..", no "approval.; Chinese", and a
/// line of plain text never starts with a claim's citations or breaks inside them.
#[test]
fn joined_texts_keep_their_punctuation_and_citations_stay_whole() {
    for width in ["40", "60", "80"] {
        let txt = stdout(&export(&["--all", "--format", "txt", "--width", width]));
        let md = stdout(&export(&["--all", "--format", "md"]));
        for (format, out) in [("txt", &txt), ("md", &md)] {
            for bad in ["..", ".;", "?.", "!."] {
                let found: Vec<&str> = out.lines().filter(|l| l.contains(bad) && !l.contains("http")).collect();
                assert!(found.is_empty(), "{format} at {width}: `{bad}` in {found:#?}");
            }
        }
        assert!(!txt.contains(['\u{fffd}', '\u{2060}', '\u{a0}']), "what holds citations together is not written out");
        let torn: Vec<&str> = txt.lines().filter(|line| torn_citation(line)).collect();
        assert!(torn.is_empty(), "citations cut from their claim or torn apart at {width}: {torn:#?}");
    }
}

/// A line that starts with a claim's citations (`[5][2] (2 sources)`), or where the
/// corroboration after them is broken (`(single` / `source)`). A source's own line in the list
/// of sources starts with its number too, but no corroboration follows it.
fn torn_citation(line: &str) -> bool {
    let t = line.trim_start();
    let after_refs = {
        let mut rest = t;
        while let Some(r) = rest.strip_prefix('[').and_then(|r| r.split_once(']')).filter(|(n, _)| n.parse::<u32>().is_ok()) {
            rest = r.1;
        }
        (rest.len() < t.len()).then_some(rest)
    };
    let corroboration = |s: &str| s.starts_with(" (single source)") || s.starts_with(" (no source)") || s.contains(" sources)");
    after_refs.is_some_and(|rest| rest.is_empty() || corroboration(rest))
        || t.ends_with("(single")
        || t.ends_with("(no")
        || t.split(' ').next_back().is_some_and(|w| w.strip_prefix('(').is_some_and(|n| n.parse::<u32>().is_ok()))
        || t.starts_with("source)")
        || t.starts_with("sources)")
}
