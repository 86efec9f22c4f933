//! Text to a search query, and the query run over a small library.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn library() -> &'static brief::Library {
    static LIBRARY: OnceLock<brief::Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let text = "title = \"Talks\"\ndate = 2025-06-09\nsummary = \"Rare earths and chips; Muñoz met 何立峰.\"\n\n\
            [[source]]\nid = \"s\"\ntitle = \"Wire\"\noutlet = \"Reuters\"\n\n\
            [[fact]]\nid = \"f\"\ntext = \"Lithium demand grows 12%.\"\ncites = [\"s\"]\n";
        brief::Library::from_parsed(vec![brief::load::parse_file(std::path::Path::new("a.toml"), text.as_bytes())]).library
    })
}

fuzz_target!(|text: &str| {
    if let Ok(q) = brief::search::parse(text) {
        let lib = library();
        let hits = brief::search::Index::build(lib).search(lib, &q);
        for hit in &hits {
            if let Some(b) = lib.get(&hit.briefing) {
                let _ = brief::search::matcher::snippet(b, hit, &q.terms, 80);
            }
        }
    }
});
