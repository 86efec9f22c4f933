//! The fuzz targets' short equivalents, run on every test: the query parser (and the search it
//! drives), the config loader and the three exporters on random input never panic. (The loader
//! has its own in `loader_properties.rs`; the long, coverage-guided runs are `fuzz/run.sh`.)

use std::path::Path;

use brief::config::ExportFormat;
use proptest::prelude::*;

fn library() -> brief::Library {
    let text = "title = \"Talks\"\ndate = 2025-06-09\nsummary = \"Rare earths and chips; Muñoz met 何立峰.\"\n\n\
        [[source]]\nid = \"s\"\ntitle = \"Wire\"\noutlet = \"Reuters\"\n\n\
        [[fact]]\nid = \"f\"\ntext = \"Lithium demand grows 12%.\"\ncites = [\"s\"]\n";
    brief::Library::from_parsed(vec![brief::load::parse_file(Path::new("a.toml"), text.as_bytes())]).library
}

/// A briefing with random text in its fields (TOML-escaped), so exports see anything.
fn briefing(title: &str, text: &str, url: &str) -> String {
    let q = |s: &str| {
        s.chars()
            .map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' { c.to_string() } else { format!("\\u{:04X}", c as u32) })
            .collect::<String>()
    };
    format!(
        "title = \"{}\"\ndate = 2025-06-09\nsummary = \"{}\"\n\n[[source]]\nid = \"s\"\ntitle = \"{}\"\nurl = \"{}\"\n\n\
         [[commitment]]\nid = \"c\"\ntext = \"{}\"\nparty = \"{}\"\nstatus = \"agreed\"\ndue = \"{}\"\ncites = [{{ source = \"s\", at = \"{}\" }}]\n\n\
         [[reaction]]\nid = \"r\"\nmarket = \"{}\"\nresponds_to = [\"c\"]\ncites = [\"s\"]\n",
        q(title),
        q(text),
        q(title),
        q(url),
        q(text),
        q(title),
        q(text),
        q(url),
        q(text)
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn queries_never_panic(text in "(?s).{0,120}") {
        if let Ok(q) = brief::search::parse(&text) {
            let lib = library();
            for hit in brief::search::Index::build(&lib).search(&lib, &q) {
                let b = lib.get(&hit.briefing).unwrap();
                brief::search::matcher::snippet(b, &hit, &q.terms, 40);
            }
        }
    }

    #[test]
    fn configs_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), text in "(?s)\\[keys\\].{0,200}") {
        let _ = brief::config::parse(Path::new("config.toml"), &bytes);
        let _ = brief::config::parse(Path::new("config.toml"), text.as_bytes());
    }

    #[test]
    fn exports_never_panic_and_say_nothing_raw(title in "(?s).{1,60}", text in "(?s).{1,200}", url in "(?s).{0,60}") {
        let parsed = brief::load::parse_file(Path::new("x.toml"), briefing(&title, &text, &url).as_bytes());
        let Some((b, _)) = parsed.loaded else { return Ok(()) };
        let lib = brief::Library::new(vec![b]);
        let picks = brief::export::select(&lib, &[], true, None).unwrap();
        let doc = brief::export::build(&picks, &brief::export::Section::ALL);
        for format in [ExportFormat::Markdown, ExportFormat::Json, ExportFormat::Text] {
            let out = brief::export::render(&doc, format, 30);
            prop_assert!(!out.chars().any(|c| c == '\u{1b}' || brief::text::is_invisible_control(c)), "{format:?}: {}", out.escape_debug());
        }
    }
}
