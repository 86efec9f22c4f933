//! Whatever bytes a file holds, the loader answers with diagnostics, never a panic, and every
//! diagnostic points inside the file it names.

use std::path::Path;

use brief::diag::Diagnostic;
use brief::library::Library;
use brief::load::{ParsedFile, parse_file};
use proptest::prelude::*;

const LONDON: &str = include_str!("../briefings/london-talks.toml");
const RARE_EARTHS: &str = include_str!("../briefings/background/rare-earth-supply.toml");

/// The position lies on a line of `bytes` and at most one column past that line's end.
fn assert_inside(bytes: &[u8], d: &Diagnostic) {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(d.line >= 1 && d.line <= lines.len(), "line {} outside 1..={}: {d:?}", d.line, lines.len());
    let chars = lines[d.line - 1].chars().count();
    assert!(d.column >= 1 && d.column <= chars + 1, "column {} outside 1..={}: {d:?}", d.column, chars + 1);
    assert!(d.column - 1 + d.width <= chars + 1, "mark runs past the line: {d:?}");
    assert!(!d.source_line.chars().any(|c| c.is_control() && c != '\t'), "raw control character in {d:?}");
}

fn check_file(bytes: &[u8]) -> ParsedFile {
    let parsed = parse_file(Path::new("edited.toml"), bytes);
    for d in &parsed.diagnostics {
        assert_inside(bytes, d);
    }
    assert_eq!(parsed.loaded.is_some(), !parsed.diagnostics.iter().any(Diagnostic::is_error));
    parsed
}

/// One edit: delete a range, insert text, or duplicate a line.
#[derive(Clone, Debug)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    DuplicateLine(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let noise = prop::sample::select(vec![
        "\"",
        "'",
        "[",
        "]",
        "[[",
        "]]",
        "{",
        "}",
        "=",
        ",",
        "\n",
        "#",
        "\\",
        "\"\"\"",
        "x",
        "id = \"dup\"",
        "é",
        "何立峰",
        "\u{1b}[2J",
        "\u{202e}",
        "\r",
        "\t",
        "0x",
        "2025-13-45",
        "cites = []",
        "[[source]]\nid = \"s\"",
        "related = [\"nowhere\"]",
    ]);
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Edit::Delete(at, len)),
        (any::<usize>(), noise).prop_map(|(at, s)| Edit::Insert(at, s.to_string())),
        any::<usize>().prop_map(Edit::DuplicateLine),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for e in edits {
        match e {
            Edit::Delete(at, len) if !bytes.is_empty() => {
                let start = at % bytes.len();
                let end = (start + len).min(bytes.len());
                bytes.drain(start..end);
            }
            Edit::Insert(at, s) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, s.bytes());
            }
            Edit::DuplicateLine(n) => {
                let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
                let line = lines[n % lines.len()].to_vec();
                let mut out = Vec::new();
                for (i, l) in lines.iter().enumerate() {
                    out.extend_from_slice(l);
                    out.push(b'\n');
                    if i == n % lines.len() {
                        out.extend_from_slice(&line);
                        out.push(b'\n');
                    }
                }
                bytes = out;
            }
            Edit::Delete(..) => {}
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        check_file(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(?s).{0,400}") {
        check_file(text.as_bytes());
    }

    #[test]
    fn edited_briefings_never_panic(edits in prop::collection::vec(edit(), 1..6)) {
        let bytes = apply(LONDON, &edits);
        let edited = check_file(&bytes);
        // The library checks across files also keep positions inside each file.
        let other = parse_file(Path::new("rare-earth-supply.toml"), RARE_EARTHS.as_bytes());
        let loaded = Library::from_parsed(vec![edited, other]);
        for file in &loaded.files {
            let source = if file.path == Path::new("edited.toml") { bytes.as_slice() } else { RARE_EARTHS.as_bytes() };
            for d in &file.diagnostics {
                assert_inside(source, d);
            }
        }
    }
}

#[test]
fn the_unedited_briefing_loads_clean() {
    let parsed = check_file(LONDON.as_bytes());
    assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
}
