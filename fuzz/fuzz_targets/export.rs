//! Bytes to a briefing, and a loaded one exported in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let parsed = brief::load::parse_file(std::path::Path::new("fuzz.toml"), bytes);
    let Some((briefing, _)) = parsed.loaded else { return };
    let library = brief::Library::new(vec![briefing]);
    let Ok(picks) = brief::export::select(&library, &[], true, None) else { return };
    let doc = brief::export::build(&picks, &brief::export::Section::ALL);
    for format in [brief::config::ExportFormat::Markdown, brief::config::ExportFormat::Json, brief::config::ExportFormat::Text] {
        let _ = brief::export::render(&doc, format, 40);
    }
});
