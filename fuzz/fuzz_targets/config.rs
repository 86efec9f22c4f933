//! Bytes to a configuration, or its diagnostics rendered.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Err(diagnostics) = brief::config::parse(std::path::Path::new("config.toml"), bytes) {
        for d in &diagnostics {
            let _ = brief::report::render(d, brief::report::Style { color: false });
        }
    }
});
