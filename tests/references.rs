//! Every reference lands on the item whose id it writes, whatever unnamed items come before it:
//! in the loaded model, in the reader's detail and at-a-glance marks, and in every export format.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use brief::Briefing;
use brief::library::Library;
use brief::links::{self, RefKey};
use brief::model::{ItemRef, Kind};
use brief::tui::detail;
use common::{brief, stderr, stdout};
use proptest::prelude::*;

const FIXTURE: &str = "tests/fixtures/references";

fn library(dir: &Path) -> Library {
    let loaded = Library::load(&[dir.to_path_buf()]);
    let errors: Vec<_> = loaded.diagnostics().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    loaded.library
}

/// The item a written id names, found by walking every item: no index involved.
fn by_walk(b: &Briefing, id: &str) -> ItemRef {
    b.items().find(|item| b.id_of(*item) == id).unwrap_or_else(|| panic!("no item `{id}` in {}", b.id))
}

/// Every reference the file writes: (from, key, id), citations included as `cites`.
fn written(b: &Briefing) -> Vec<(ItemRef, &'static str, String)> {
    let mut out = Vec::new();
    for item in b.items() {
        for (key, id) in links::references_of(b, item) {
            out.push((item, key.as_str(), id.to_string()));
        }
        for c in b.cites_of(item) {
            out.push((item, "cites", c.source.clone()));
        }
    }
    out
}

/// The model: every written reference resolves to the item with that id, and the derived
/// back-references are exactly the inverse of the written ones.
fn assert_model_resolves(b: &Briefing) {
    for (from, key, id) in written(b) {
        let target = b.lookup(&id).unwrap_or_else(|| panic!("`{key} = {id}` does not resolve"));
        assert_eq!(b.id_of(target), id, "`{key}` of `{}` resolved to the wrong item", b.id_of(from));
        assert_eq!(target, by_walk(b, &id));
    }
    let mut expected: BTreeSet<(ItemRef, ItemRef, RefKey)> = BTreeSet::new();
    for item in b.items() {
        for (key, id) in links::references_of(b, item) {
            expected.insert((by_walk(b, id), item, key));
        }
    }
    let derived: BTreeSet<(ItemRef, ItemRef, RefKey)> =
        b.items().flat_map(|t| b.links.referrers_of(t).iter().map(move |(from, key)| (t, *from, *key))).collect();
    assert_eq!(derived, expected, "back-references are the inverse of the written references");
    for (index, source) in b.sources.iter().enumerate() {
        let citing: BTreeSet<ItemRef> = b.links.citing(index).iter().copied().collect();
        let expected: BTreeSet<ItemRef> = b.items().filter(|item| b.cites_of(*item).iter().any(|c| c.source == source.id)).collect();
        assert_eq!(citing, expected, "items citing `{}`", source.id);
    }
}

#[test]
fn the_model_resolves_every_reference_by_its_id() {
    let lib = library(Path::new(FIXTURE));
    let b = lib.get("unnamed-items").unwrap();
    // The fixture is what it says: unnamed items come before the named ones they precede.
    assert_eq!(b.events[0].id, "event#1");
    assert_eq!(b.discrepancies[0].id, "discrepancy#1");
    assert_model_resolves(b);
    // The case that was wrong: `ev-named-b` is the 5th event, with three unnamed ones before it.
    assert_eq!(b.lookup("ev-named-b"), Some(ItemRef { kind: Kind::Event, index: 4 }));
    assert_eq!(b.lookup("disc-named-b"), Some(ItemRef { kind: Kind::Discrepancy, index: 3 }));
}

#[test]
fn the_reader_detail_follows_and_backlinks_each_written_reference() {
    let lib = library(Path::new(FIXTURE));
    let live = brief::live::Live::load(Path::new(FIXTURE));
    let b = lib.get("unnamed-items").unwrap();
    for (from, key, id) in written(b) {
        let target = by_walk(b, &id);
        let lines = detail::detail(&live, b, from);
        let followed: Vec<&str> = detail::targets(&lines).iter().map(|t| b.id_of(t.item)).collect();
        assert!(followed.contains(&id.as_str()), "detail of `{}` offers {followed:?}, not `{key} = {id}`", b.id_of(from));
        let back = detail::detail(&live, b, target);
        let from_id = b.id_of(from);
        let backlinks: Vec<&str> = detail::targets(&back).iter().map(|t| b.id_of(t.item)).collect();
        assert!(backlinks.contains(&from_id), "detail of `{id}` lacks the backlink to `{from_id}`: {backlinks:?}");
    }
    // The at-a-glance mark `≠` sits on exactly the items a discrepancy is about.
    let disputed: BTreeSet<String> = b.discrepancies.iter().map(|d| d.about.clone()).collect();
    for item in b.items() {
        let (_, marked) = detail::glance(b, item);
        assert_eq!(marked, disputed.contains(b.id_of(item)), "the ≠ mark of `{}`", b.id_of(item));
    }
}

fn export(dir: &str, id: &str, format: &str) -> String {
    let out = brief().args(["--dir", dir, "export", id, "--format", format, "--width", "400"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

/// The line of an export that holds `needle`.
fn line_with<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines().find(|l| l.contains(needle)).unwrap_or_else(|| panic!("no line with {needle:?} in\n{text}"))
}

#[test]
fn every_export_format_names_the_item_each_reference_writes() {
    let lib = library(Path::new(FIXTURE));
    let b = lib.get("unnamed-items").unwrap();
    let json: serde_json::Value = serde_json::from_str(&export(FIXTURE, "unnamed-items", "json")).unwrap();
    let exported = &json["briefings"][0];
    let (md, txt) = (export(FIXTURE, "unnamed-items", "md"), export(FIXTURE, "unnamed-items", "txt"));
    for r in &b.reactions {
        let labels: Vec<String> = r.responds_to.iter().map(|id| b.label(by_walk(b, id))).collect();
        let row = exported["reactions"].as_array().unwrap().iter().find(|x| x["id"] == r.id.as_str()).unwrap();
        assert_eq!(row["responds_to"], serde_json::json!(labels), "JSON `responds_to` of `{}`", r.id);
        // Each text joins the sentence as a clause, without its own closing stop.
        let clauses: Vec<&str> = labels.iter().map(|l| l.strip_suffix('.').unwrap_or(l)).collect();
        let expect = format!("(in response to: {})", clauses.join("; "));
        assert!(line_with(&md, &format!("**{}**", r.market)).contains(&expect), "Markdown, `{}`", r.id);
        assert!(line_with(&txt, &format!("- {} (", r.market)).contains(&expect), "text, `{}`", r.id);
    }
    for d in &b.discrepancies {
        let about = b.label(by_walk(b, &d.about));
        let row = exported["discrepancies"].as_array().unwrap().iter().find(|x| x["id"] == d.id.as_str()).unwrap();
        assert_eq!(row["about"], about.as_str(), "JSON `about` of `{}`", d.id);
        let md_line = format!("- About *{about}*: {} [", d.text);
        assert!(md.lines().any(|l| l.starts_with(&md_line)), "Markdown, `{}`: no line starts {md_line:?}\n{md}", d.id);
        let txt_line = format!("  - About {about}: {} [", d.text);
        assert!(txt.lines().any(|l| l.starts_with(&txt_line)), "text, `{}`: no line starts {txt_line:?}\n{txt}", d.id);
    }
    for c in &b.commitments {
        let traded: Vec<String> = c.in_return_for.iter().map(|id| b.label(by_walk(b, id))).collect();
        let party = exported["commitments"].as_array().unwrap().iter().find(|p| p["party"] == c.party.as_str()).unwrap();
        let row = party["commitments"].as_array().unwrap().iter().find(|x| x["id"] == c.id.as_str()).unwrap();
        assert_eq!(row["in_return_for"], serde_json::json!(traded), "JSON `in_return_for` of `{}`", c.id);
        let names: Vec<&str> = c.announced_by.iter().map(|id| b.officials[by_walk(b, id).index].name.as_str()).collect();
        assert_eq!(row["announced_by"], serde_json::json!(names), "JSON `announced_by` of `{}`", c.id);
    }
}

#[test]
fn the_economists_respond_to_the_opening_of_the_london_talks() {
    let lib = library(Path::new("briefings"));
    let b = lib.get("london-talks").unwrap();
    assert_model_resolves(b);
    let opening = b.label(by_walk(b, "ev-talks-open"));
    assert!(opening.starts_with("2025-06-09"), "{opening}");
    let economists = b.reactions.iter().find(|r| r.id == "economists").unwrap();
    assert_eq!(economists.responds_to, ["ev-talks-open"]);
    // The reader's detail offers the opening of the talks to follow.
    let lines = detail::detail(&brief::live::Live::load(Path::new("briefings")), b, by_walk(b, "economists"));
    let followed: Vec<&str> = detail::targets(&lines).iter().map(|t| b.id_of(t.item)).collect();
    assert!(followed.contains(&"ev-talks-open"), "{followed:?}");
    let shown: String = lines.iter().flat_map(|l| l.pieces.iter().map(|p| p.text.as_str())).collect();
    let opening_text = &b.events[by_walk(b, "ev-talks-open").index].text;
    assert!(shown.contains(opening_text.as_str()), "{shown}");
    let json: serde_json::Value = serde_json::from_str(&export("briefings", "london-talks", "json")).unwrap();
    let row = json["briefings"][0]["reactions"].as_array().unwrap().iter().find(|r| r["id"] == "economists").unwrap().clone();
    assert_eq!(row["responds_to"], serde_json::json!([opening]));
    for format in ["md", "txt"] {
        let text = export("briefings", "london-talks", format);
        assert!(line_with(&text, "Economists and industry analysts").contains(&opening), "{format}");
    }
}

/// One generated item: a kind, whether it has an id, and what it refers to (by position among
/// the named items, resolved when the file is written).
#[derive(Clone, Debug)]
struct Gen {
    kind: Kind,
    named: bool,
    refs: Vec<usize>,
}

fn gen_item() -> impl Strategy<Value = Gen> {
    let kinds = prop::sample::select(vec![Kind::Event, Kind::Discrepancy, Kind::Reaction, Kind::Fact, Kind::Commitment]);
    (kinds, any::<bool>(), prop::collection::vec(any::<usize>(), 1..4)).prop_map(|(kind, named, refs)| Gen {
        kind,
        // Only events and discrepancies may go without an id.
        named: named || !matches!(kind, Kind::Event | Kind::Discrepancy),
        refs,
    })
}

/// A briefing file with the generated items in the generated order.
fn write(items: &[Gen]) -> String {
    let mut out = String::from("title = \"Generated\"\ndate = 2025-01-01\nsummary = \"s\"\n\n");
    out += "[[source]]\nid = \"s0\"\ntitle = \"S0\"\n\n[[source]]\nid = \"s1\"\ntitle = \"S1\"\n\n";
    out += "[[official]]\nid = \"o0\"\nname = \"O0\"\ncites = [\"s0\"]\n\n";
    let id = |i: usize| format!("{}-{i}", items[i].kind);
    let named: Vec<usize> = (0..items.len()).filter(|i| items[*i].named).collect();
    let pick = |r: usize, ok: &dyn Fn(&Gen) -> bool, not: usize| {
        let pool: Vec<&usize> = named.iter().filter(|i| ok(&items[**i]) && **i != not).collect();
        (!pool.is_empty()).then(|| id(*pool[r % pool.len()]))
    };
    for (i, g) in items.iter().enumerate() {
        out += &format!("[[{}]]\n", g.kind);
        if g.named {
            out += &format!("id = \"{}\"\n", id(i));
        }
        let cite = format!("cites = [\"s{}\"]\n", i % 2);
        out += &match g.kind {
            Kind::Event => format!("date = 2025-01-01\ntext = \"e{i}\"\n{cite}"),
            Kind::Fact => format!("text = \"f{i}\"\n{cite}"),
            Kind::Discrepancy => {
                let about = pick(g.refs[0], &|_| true, usize::MAX).unwrap_or_else(|| "s1".into());
                format!("about = \"{about}\"\ntext = \"d{i}\"\ncites = [\"s0\", \"s1\"]\n")
            }
            Kind::Reaction => {
                let to: BTreeSet<String> = g.refs.iter().filter_map(|r| pick(*r, &|_| true, usize::MAX)).collect();
                let to: Vec<String> = to.into_iter().map(|t| format!("\"{t}\"")).collect();
                format!("market = \"m{i}\"\nresponds_to = [{}]\n{cite}", to.join(", "))
            }
            Kind::Commitment => {
                let traded: BTreeSet<String> = g.refs.iter().filter_map(|r| pick(*r, &|x| x.kind == Kind::Commitment, i)).collect();
                let traded: Vec<String> = traded.into_iter().map(|t| format!("\"{t}\"")).collect();
                format!(
                    "text = \"c{i}\"\nparty = \"US\"\nstatus = \"agreed\"\nin_return_for = [{}]\nannounced_by = [\"o0\"]\n{cite}",
                    traded.join(", ")
                )
            }
            Kind::Source | Kind::Official => unreachable!("not generated"),
        };
        out += "\n";
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn generated_briefings_resolve_every_reference_by_id(items in prop::collection::vec(gen_item(), 1..24)) {
        let text = write(&items);
        let parsed = brief::load::parse_file(Path::new("generated.toml"), text.as_bytes());
        let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
        prop_assert!(errors.is_empty(), "{errors:?}\n{text}");
        let b = parsed.loaded.expect("loads").0;
        assert_model_resolves(&b);
    }
}
