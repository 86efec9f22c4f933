//! The saved articles read as a person reads them (docs/verify.md): paragraphs counted as the
//! page shows them, menus, captions and comment forms left out, sections running from their
//! heading to the next. Pinned on the five articles the curated library rests on.

mod common;

use brief::archive::{Article, Missing, Place, Role, resolve};

fn article(name: &str) -> Article {
    let path = common::shared().join("sources").join(name);
    Article::parse(&std::fs::read_to_string(path).unwrap())
}

fn starts(article: &Article, at: &str) -> Vec<String> {
    let blocks = resolve(article, &Place::parse(at)).unwrap_or_else(|e| panic!("{at}: {e:?}"));
    blocks.iter().map(|b| b.text.chars().take(40).collect()).collect()
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn econotimes_paragraphs_skip_the_menus_and_the_caption() {
    let a = article("002_1a66d12ec2e3693a.txt");
    assert!(starts(&a, "1st paragraph")[0].starts_with("The U.S. and China have reached a prelim"));
    assert!(starts(&a, "5th paragraph")[0].starts_with("This breakthrough follows a May agreemen"));
    assert!(starts(&a, "last paragraph")[0].starts_with("Rare earth elements are critical"));
    assert_eq!(a.paragraphs().count(), 6);
    let furniture: Vec<&str> = a.blocks.iter().filter(|b| b.role == Role::Furniture).map(|b| b.text.as_str()).collect();
    assert!(furniture.iter().any(|t| t.contains("Source: Sgt. Mikki Sprenkle")), "the caption is not a paragraph");
    assert!(furniture.contains(&"Menu") && furniture.iter().any(|t| t.contains("Market Data")), "{furniture:?}");
    assert_eq!(resolve(&a, &Place::parse("9th paragraph")).unwrap_err(), Missing::Paragraph { n: 9, count: 6 });
    // Written as paragraphs but no paragraph number: the hint is the count, not the headings.
    for at in ["0th paragraph", "99999999999999999999999th paragraph", "fortieth paragraph"] {
        assert_eq!(resolve(&a, &Place::parse(at)).unwrap_err(), Missing::Numbering { count: 6 }, "{at}");
    }
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn the_truce_report_first_paragraph_and_its_deal_overview() {
    let a = article("004_977204834aefcaf6.txt");
    assert!(starts(&a, "1st paragraph")[0].starts_with("After two days of marathon negotiations"));
    let overview = starts(&a, "Bilateral Deal Overview");
    assert_eq!(overview.len(), 5, "the heading, its paragraph and three bullet lines: {overview:#?}");
    assert!(overview[2].starts_with("- Tariff Reductions"));
    assert!(overview[3].starts_with("- Rare Earth Exports"));
    assert!(overview[4].starts_with("- Semiconductor Controls"));
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn the_explainer_section_runs_to_the_next_heading_and_a_heading_may_be_given_by_its_start() {
    let a = article("000_2c67a94568d47a5a.txt");
    let section = starts(&a, "Rare-Earth Mineral Negotiations");
    assert!(section[0].starts_with("Rare-Earth Mineral Negotiations: What"));
    let bullets: Vec<&String> = section.iter().filter(|t| t.starts_with('•')).collect();
    assert_eq!(bullets.len(), 3, "{section:#?}");
    assert!(section.last().unwrap().starts_with("If successful, this could ease"));
    assert!(!section.iter().any(|t| t.starts_with("Semiconductor Supply Chain")), "ends at the next heading");
    assert!(starts(&a, "1st paragraph")[0].starts_with("In 2025, technology has become"));
    assert!(!a.paragraphs().any(|b| b.text.contains("Please enter your comment")), "the comment form is not a paragraph");
    let Err(Missing::Heading { headings }) = resolve(&a, &Place::parse("Rare Earth Talks")) else { panic!("no such heading") };
    assert!(headings.iter().any(|h| h.starts_with("Why Are These Chip Talks")), "the hint lists the headings");
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn every_place_the_curated_library_cites_is_in_its_article() {
    let files = [
        ("chip-talks-explainer", "000_2c67a94568d47a5a.txt"),
        ("tech-terrain", "001_18db89e8e39fbc6a.txt"),
        ("econotimes", "002_1a66d12ec2e3693a.txt"),
        ("london-second-day", "003_830a910271ded696.txt"),
        ("trade-truce", "004_977204834aefcaf6.txt"),
    ];
    let library = brief::Library::load(&[common::root().join("briefings")]).library;
    let mut checked = 0;
    for b in library.briefings() {
        for item in b.items() {
            for c in b.cites_of(item) {
                let (Some(at), Some((_, file))) = (&c.at, files.iter().find(|(id, _)| *id == c.source)) else { continue };
                let saved = article(file);
                let blocks = resolve(&saved, &Place::parse(at));
                assert!(
                    blocks.as_ref().is_ok_and(|b| !b.is_empty()),
                    "{} `{}` cites {} at {at:?}: {blocks:?}",
                    b.id,
                    b.id_of(item),
                    c.source
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 150, "{checked} places checked");
}
