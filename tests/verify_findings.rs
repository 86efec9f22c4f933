//! Claims checked against saved copies of the articles they cite: a figure the cited place
//! does not hold is found, and the same claim citing the right place is clean (no false
//! positive). Needs the articles in `../shared/sources`.

mod common;

use std::path::Path;

use brief::archive::findings::{Elsewhere, Finding, check};
use brief::archive::{Article, Term};

fn copies(b: &brief::Briefing) -> brief::archive::Copies {
    let dir = common::shared().join("sources");
    b.sources
        .iter()
        .filter_map(|s| {
            let file = s.archive.as_ref()?;
            Some((s.id.clone(), std::rc::Rc::new(Article::parse(&std::fs::read_to_string(dir.join(file)).ok()?))))
        })
        .collect()
}

fn briefing(cites: &str) -> brief::Briefing {
    let text = format!(
        "title = \"T\"\ndate = 2025-06-09\nsummary = \"s\"\n\n\
         [[source]]\nid = \"econotimes\"\ntitle = \"E\"\narchive = \"002_1a66d12ec2e3693a.txt\"\n\n\
         [[source]]\nid = \"trade-truce\"\ntitle = \"T\"\narchive = \"004_977204834aefcaf6.txt\"\n\n\
         [[commitment]]\nid = \"cut\"\ntext = \"Both sides cut tariffs by 115 percentage points.\"\nparty = \"US\"\nstatus = \"agreed\"\ncites = [{cites}]\n"
    );
    let parsed = brief::load::parse_file(Path::new("t.toml"), text.as_bytes());
    parsed.loaded.unwrap_or_else(|| panic!("{:?}", parsed.diagnostics)).0
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn the_115_point_cut_is_in_the_truce_report_s_deal_overview_not_in_econotimes_5th_paragraph() {
    let right = briefing("{ source = \"trade-truce\", at = \"Bilateral Deal Overview\" }, \"econotimes\"");
    assert_eq!(check(&right, &copies(&right)), [], "citing the place that holds the figure is clean");

    let wrong = briefing("{ source = \"econotimes\", at = \"5th paragraph\" }, \"trade-truce\"");
    let wrong_only = briefing("{ source = \"econotimes\", at = \"5th paragraph\" }");
    assert_eq!(check(&wrong, &copies(&wrong)), [], "the truce report, cited whole, holds it");
    let found = check(&wrong_only, &copies(&wrong_only));
    let figure = Term::Figure { number: "115".into(), unit: Some("percentage point".into()) };
    assert!(
        found
            .iter()
            .any(|(_, f)| *f == Finding::TermMissing { term: figure.clone(), elsewhere: Elsewhere::OtherSource("trade-truce".into()) }),
        "{found:?}"
    );
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn the_curated_library_has_every_place_figure_and_name_where_it_cites_them() {
    let library = brief::Library::load(&[common::root().join("briefings")]).library;
    let mut variants = Vec::new();
    for b in library.briefings() {
        for (item, finding) in check(b, &copies(b)) {
            match finding {
                // The articles themselves spell some names two ways: reported, not missing.
                Finding::Variant { term, found } => variants.push(format!("{} {}: {term} as {found}", b.id, b.id_of(item))),
                other => panic!("{} `{}`: {other:?}", b.id, b.id_of(item)),
            }
        }
    }
    assert_eq!(variants, ["london-talks ev-framework: Li Chenggang as Li Changgang"]);
}

/// A briefing of one fact citing `cites`, with every article saved.
fn fact(text: &str, cites: &str) -> brief::Briefing {
    let sources = [
        ("chip-talks-explainer", "000_2c67a94568d47a5a.txt"),
        ("tech-terrain", "001_18db89e8e39fbc6a.txt"),
        ("econotimes", "002_1a66d12ec2e3693a.txt"),
        ("london-second-day", "003_830a910271ded696.txt"),
        ("trade-truce", "004_977204834aefcaf6.txt"),
    ];
    let mut toml = String::from("title = \"T\"\ndate = 2025-06-09\nsummary = \"s\"\n\n");
    for (id, file) in sources {
        toml += &format!("[[source]]\nid = \"{id}\"\ntitle = \"{id}\"\narchive = \"{file}\"\n\n");
    }
    toml += &format!("[[fact]]\nid = \"f\"\ntext = \"{text}\"\ncites = [{cites}]\n");
    let parsed = brief::load::parse_file(Path::new("t.toml"), toml.as_bytes());
    parsed.loaded.unwrap_or_else(|| panic!("{:?}", parsed.diagnostics)).0
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn copied_words_are_found_and_own_words_are_not() {
    let copied = fact(
        "Lutnick added that progress had been made on resolving issues related to rare earth minerals.",
        "{ source = \"econotimes\", at = \"2nd paragraph\" }",
    );
    let found = check(&copied, &copies(&copied));
    assert!(found.iter().any(|(_, f)| matches!(f, Finding::Copied { source, .. } if source == "econotimes")), "{found:?}");
    let own = fact("Lutnick reported progress on rare-earth minerals.", "{ source = \"econotimes\", at = \"2nd paragraph\" }");
    assert_eq!(check(&own, &copies(&own)), []);
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn a_missed_corroboration_is_noted_and_not_once_the_source_is_cited() {
    let text = "China controls more than 70% of global neodymium and praseodymium processing.";
    let one = fact(text, "\"tech-terrain\"");
    let found = check(&one, &copies(&one));
    let notes: Vec<&Finding> = found.iter().map(|(_, f)| f).filter(|f| matches!(f, Finding::Corroboration { .. })).collect();
    assert!(
        notes.iter().any(|f| matches!(f, Finding::Corroboration { source, .. } if source == "trade-truce")),
        "the truce report holds every term: {found:?}"
    );
    assert!(notes.iter().all(|f| f.is_note()));
    let both = fact(text, "{ source = \"trade-truce\", at = \"Geopolitical and Strategic Implications\" }");
    assert!(!check(&both, &copies(&both)).iter().any(|(_, f)| matches!(f, Finding::Corroboration { .. })));
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn a_missing_place_is_reported_once_not_again_as_every_term_it_would_have_held() {
    let lost = briefing("{ source = \"trade-truce\", at = \"40th paragraph\" }");
    let found = check(&lost, &copies(&lost));
    assert!(matches!(found.as_slice(), [(_, Finding::PlaceMissing { citation: 0, .. })]), "{found:?}");

    // With another place that is there, the terms are still checked against it.
    let half = briefing("{ source = \"trade-truce\", at = \"40th paragraph\" }, { source = \"econotimes\", at = \"5th paragraph\" }");
    let found = check(&half, &copies(&half));
    assert!(found.iter().any(|(_, f)| matches!(f, Finding::PlaceMissing { .. })), "{found:?}");
    assert!(found.iter().any(|(_, f)| matches!(f, Finding::TermMissing { .. })), "{found:?}");
}
