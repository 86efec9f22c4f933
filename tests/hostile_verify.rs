//! `brief verify` on briefings built to cost more than their size: tens of thousands of
//! findings, accepts, figures or citations. Each case took the square of its input before (the
//! figures are a release build's); the deadline catches a return of that.

mod common;

use std::path::Path;

use common::{brief, stderr};

const ARTICLE: &str = "A Headline\n\nThe first paragraph says something about trade.\n\nA Section Heading\n\nThe second paragraph.\n";

/// A library folder and an archive folder holding `art.txt` (`article`), with one briefing
/// citing it as `s`, then `items`.
fn case(article: &str, items: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("b")).unwrap();
    std::fs::create_dir_all(dir.path().join("a")).unwrap();
    std::fs::write(dir.path().join("a/art.txt"), article).unwrap();
    let head =
        "title = \"T\"\ndate = 2025-06-09\nsummary = \"S\"\nid = \"v\"\n\n[[source]]\nid = \"s\"\ntitle = \"t\"\narchive = \"art.txt\"\n\n";
    std::fs::write(dir.path().join("b/v.toml"), format!("{head}{items}")).unwrap();
    dir
}

/// `brief verify --json` over a case: its status and the codes of its findings.
fn verify(dir: &Path) -> (Option<i32>, Vec<String>) {
    let out = brief().args(["verify", "--json", "--dir"]).arg(dir.join("b")).arg("--archive").arg(dir.join("a")).output().unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| panic!("no report: {}", stderr(&out)));
    let codes = doc["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap_or("").to_string()).collect();
    (out.status.code(), codes)
}

#[test]
fn each_finding_is_placed_at_its_item_without_reading_the_file_from_the_top() {
    // 20,000 facts naming someone the copy does not: each finding found its item's header
    // line by walking the file from its first line (8.7 s).
    let items: String = (0..20_000).map(|i| format!("[[fact]]\nid = \"f{i}\"\ntext = \"said Zorblax\"\ncites = [\"s\"]\n")).collect();
    let dir = case(ARTICLE, &items);
    let (status, codes) = verify(dir.path());
    assert_eq!((status, codes.len()), (Some(1), 20_000));
    assert!(codes.iter().all(|c| c == "term-missing"));
}

#[test]
fn accepted_findings_are_looked_up_not_compared_with_every_accept() {
    // 80,000 facts each accepting its own finding (9.3 s), and one fact of 20,000 figures each
    // accepted (20 s): every finding read, and folded again, every accept of the briefing.
    let items: String = (0..80_000)
        .map(|i| format!("[[fact]]\nid = \"f{i}\"\ntext = \"said Zorblax\"\ncites = [\"s\"]\naccept = [{{ code = \"term-missing\", what = \"Zorblax\", reason = \"r\" }}]\n"))
        .collect();
    let dir = case(ARTICLE, &items);
    assert_eq!(verify(dir.path()), (Some(0), vec![]));

    let figures: Vec<String> = (1..=20_000).map(|i| i.to_string()).collect();
    let accepts: Vec<String> = (1..=20_000).map(|i| format!("{{ code = \"term-missing\", what = \"{i}\", reason = \"r\" }}")).collect();
    let items = format!("[[fact]]\nid = \"f\"\ntext = \"{}\"\ncites = [\"s\"]\naccept = [{}]\n", figures.join(" "), accepts.join(", "));
    let dir = case(ARTICLE, &items);
    assert_eq!(verify(dir.path()), (Some(0), vec![]));
}

#[test]
fn a_claim_of_eighty_thousand_figures_keeps_each_once_without_comparing_it_with_all() {
    // Each figure was kept once by scanning those found before it (7.8 s).
    let figures: Vec<String> = (1..=80_000).map(|i| i.to_string()).collect();
    let items = format!("[[fact]]\nid = \"f\"\ntext = \"{} 1 2 3\"\ncites = [\"s\"]\n", figures.join(" "));
    let dir = case(ARTICLE, &items);
    let (status, codes) = verify(dir.path());
    assert_eq!((status, codes.len()), (Some(1), 80_000), "each figure missing once, the repeats not again");
}

#[test]
fn a_copy_whose_headline_is_ten_megabytes_long_is_read_without_copying_it_for_each_line() {
    // Every line was compared with the headline and a full stop, built anew each time (a 2 MB
    // headline and 20,000 lines: 2.8 s; this is 15 times that).
    let article = format!("{}\n{}", "H".repeat(10_000_000), "A line.\n".repeat(60_000));
    let dir = case(&article, "[[fact]]\nid = \"f\"\ntext = \"x\"\ncites = [\"s\"]\n");
    assert_eq!(verify(dir.path()), (Some(0), vec![]));
}

#[test]
fn places_are_found_among_headings_folded_once() {
    // 8,000 facts each citing another of a copy's 8,000 headings: each place was looked for by
    // folding every block from the top (16,000: 35 s).
    let n = 8_000;
    let article = format!("A Headline\n{}", (0..n).map(|i| format!("Heading number {i}\nA paragraph.\n")).collect::<String>());
    let items: String = (0..n)
        .map(|i| format!("[[fact]]\nid = \"f{i}\"\ntext = \"x\"\ncites = [{{ source = \"s\", at = \"Heading number {i}\" }}]\n"))
        .collect();
    let dir = case(&article, &items);
    assert_eq!(verify(dir.path()), (Some(0), vec![]));
}

#[test]
fn places_missing_from_a_copy_of_thousands_of_headings_share_their_list() {
    // 4,000 facts citing a heading a copy of 4,000 headings lacks: each finding held every
    // heading of the copy, and its hint shortened each again (887 MB, 3.7 s).
    let n = 6_000;
    let article = format!("A Headline\n{}", (0..n).map(|i| format!("Heading number {i}\n")).collect::<String>());
    let items: String =
        (0..n).map(|i| format!("[[fact]]\nid = \"f{i}\"\ntext = \"x\"\ncites = [{{ source = \"s\", at = \"Nowhere\" }}]\n")).collect();
    let dir = case(&article, &items);
    // With 1 GB of address space: the lists alone would take twice that.
    let (status, err) = verify_within(dir.path(), 1_000_000);
    assert_eq!(status, Some(1), "{}", &err[err.len().saturating_sub(2000)..]);
    assert!(err.contains(&format!("verified 1 briefing: {n} findings")), "{}", &err[err.len().saturating_sub(500)..]);
}

#[test]
fn copied_words_are_looked_up_once_among_all_copies() {
    // 20,000 sources with a saved copy and 20,000 claims of twelve words: each claim was checked
    // for copied words against every copy in turn (9.7 s). One claim copies ten words of `s`.
    let n = 20_000;
    let copied = "the ministers agreed in london to restore the flow of magnets";
    let article = format!("A Headline\n\nThe first paragraph.\n\nOfficials said {copied} and chips.\n");
    let sources: String = (1..n).map(|i| format!("[[source]]\nid = \"s{i}\"\ntitle = \"t\"\narchive = \"other.txt\"\n")).collect();
    let mut facts: String = (0..n)
        .map(|i| {
            format!(
                "[[fact]]\nid = \"f{i}\"\ntext = \"one two three four five six seven eight nine ten eleven twelve\"\ncites = [\"s{}\"]\n",
                1 + i % (n - 1)
            )
        })
        .collect();
    facts.push_str(&format!("[[fact]]\nid = \"copy\"\ntext = \"Reports say {copied}.\"\ncites = [\"s1\"]\n"));
    let dir = case(&article, &(sources + &facts));
    std::fs::write(dir.path().join("a/other.txt"), "Other\n\nNothing in common here.\n").unwrap();
    assert_eq!(verify(dir.path()), (Some(1), vec!["copied-words".to_string()]));
}

/// `brief verify` over a case with `kb` kilobytes of address space: its status and standard error.
fn verify_within(dir: &Path, kb: usize) -> (Option<i32>, String) {
    let out = common::brief_within(kb).args(["verify", "--dir"]).arg(dir.join("b")).arg("--archive").arg(dir.join("a")).output().unwrap();
    (out.status.code(), stderr(&out))
}

#[test]
fn a_name_no_copy_holds_is_looked_for_only_in_copies_holding_its_first_word() {
    // 3,000 sources with a copy and 3,000 claims each naming someone no copy names: each name
    // was looked for in every copy, and remembered in each (2,000 of each: 759 MB, 5.7 s).
    let n = 3_000;
    let sources: String = (1..n).map(|i| format!("[[source]]\nid = \"s{i}\"\ntitle = \"t\"\narchive = \"art.txt\"\n")).collect();
    let facts: String = (0..n)
        .map(|i| {
            let cites = if i == 0 { "s".to_string() } else { format!("s{i}") };
            format!("[[fact]]\nid = \"f{i}\"\ntext = \"met Zq{i}\"\ncites = [\"{cites}\"]\naccept = [{{ code = \"term-missing\", what = \"Zq{i}\", reason = \"r\" }}]\n")
        })
        .collect();
    let dir = case(ARTICLE, &(sources + &facts));
    let (status, err) = verify_within(dir.path(), 1_000_000);
    assert_eq!(status, Some(0), "{}", &err[err.len().saturating_sub(1000)..]);
    assert!(err.contains(&format!("{n} silenced")), "{err}");
}

#[test]
fn corroboration_is_looked_for_only_in_copies_holding_the_claim_s_terms() {
    // 8,000 claims with a figure, each checked against every place of 8,000 other copies
    // (8.3 s). The one copy holding the figure is still found for each claim not citing it.
    let n = 8_000;
    let held = "A Headline\n\nExports rose 5 percent in May.\n";
    let sources: String = (1..n).map(|i| format!("[[source]]\nid = \"s{i}\"\ntitle = \"t\"\narchive = \"art.txt\"\n")).collect();
    let facts: String = (1..n).map(|i| format!("[[fact]]\nid = \"f{i}\"\ntext = \"rose 5 percent\"\ncites = [\"s{i}\"]\n")).collect();
    let dir = case(held, &(sources + &facts));
    // `s` holds the figure; the others' copy does not.
    std::fs::write(dir.path().join("a/art.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("a/held.txt"), held).unwrap();
    let text = std::fs::read_to_string(dir.path().join("b/v.toml")).unwrap();
    std::fs::write(dir.path().join("b/v.toml"), text.replacen("archive = \"art.txt\"", "archive = \"held.txt\"", 1)).unwrap();
    let (status, codes) = verify(dir.path());
    assert_eq!(status, Some(1));
    assert_eq!(codes.iter().filter(|c| *c == "missed-corroboration").count(), n - 1, "each claim is told of `s`");
}

#[test]
fn names_missing_from_a_long_copy_cited_whole_are_not_looked_for_through_all_of_it() {
    // 2,000 claims each naming someone a copy of 20,000 paragraphs, cited whole, lacks: each
    // name was searched through the whole copy, then every word of it compared for a variant
    // (18 s). A name it does hold, spelled a little otherwise, is still found.
    let n = 2_000;
    let paragraph = "The delegation discussed tariffs and rare earth exports at length today in London.\n\n";
    let article = format!("A Headline\n\n{}Vice Premier He Lifeng spoke.\n", paragraph.repeat(10 * n));
    let mut facts: String = (0..n).map(|i| format!("[[fact]]\nid = \"f{i}\"\ntext = \"met Qz Name{i}\"\ncites = [\"s\"]\n")).collect();
    facts.push_str("[[fact]]\nid = \"variant\"\ntext = \"Officials met He Lifang\"\ncites = [\"s\"]\n");
    let dir = case(&article, &facts);
    let (status, codes) = verify(dir.path());
    assert_eq!(status, Some(1));
    assert_eq!(codes.iter().filter(|c| *c == "term-missing").count(), n);
    assert_eq!(codes.iter().filter(|c| *c == "name-variant").count(), 1, "He Lifang is He Lifeng");
}

#[test]
fn sources_naming_one_copy_share_its_reading() {
    // 80 sources naming one saved copy of a megabyte, cited together: the copy was read,
    // parsed and indexed once for each source (40 of them: 856 MB, 5.8 s).
    let paragraph = "The delegation discussed tariffs and rare earth exports at length today in London. ";
    let article = format!("A Headline\n\n{}", (0..12_000).map(|i| format!("{paragraph}{i}\n\n")).collect::<String>());
    let sources: String = (1..80).map(|i| format!("[[source]]\nid = \"s{i}\"\ntitle = \"t\"\narchive = \"art.txt\"\n")).collect();
    let cites: Vec<String> = (1..80).map(|i| format!("\"s{i}\"")).collect();
    let items =
        format!("{sources}[[fact]]\nid = \"f\"\ntext = \"Tariffs were discussed in London\"\ncites = [\"s\", {}]\n", cites.join(", "));
    let dir = case(&article, &items);
    let (status, err) = verify_within(dir.path(), 1_000_000);
    assert_eq!(status, Some(0), "{}", &err[err.len().saturating_sub(1000)..]);
    assert!(err.contains("verified 1 briefing: 0 findings"), "{err}");
}
