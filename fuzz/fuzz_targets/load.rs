//! Bytes to a briefing and its diagnostics, each rendered as the user would see it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let parsed = brief::load::parse_file(std::path::Path::new("fuzz.toml"), bytes);
    for d in &parsed.diagnostics {
        let _ = brief::report::render(d, brief::report::Style { color: false });
        let _ = brief::report::one_line(d);
    }
    let _ = brief::text::json(&parsed.diagnostics);
});
