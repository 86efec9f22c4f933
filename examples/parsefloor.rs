//! How long the toml crate takes only to parse every file of a folder into its spanned table,
//! on both cores, with nothing checked: the floor under `brief check` (bench/store.sh). With
//! `events`, toml_parser alone: tokens and parse events, no table built and no string decoded —
//! what a loader reading events instead of the table could get down to.
use rayon::prelude::*;
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: parsefloor DIR [events]");
    let events = args.next().as_deref() == Some("events");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let started = std::time::Instant::now();
    let (read, parsed): (usize, usize) = paths
        .par_iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            let parsed = if events {
                let tokens = toml_parser::Source::new(&text).lex().into_vec();
                let mut count = 0usize;
                let mut receiver = |_: toml_parser::parser::Event| count += 1;
                toml_parser::parser::parse_document(&tokens, &mut receiver, &mut ());
                count
            } else {
                toml::de::DeTable::parse(&text).map(|t| t.get_ref().len()).unwrap_or(0)
            };
            (text.len(), parsed)
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let what = if events { "events" } else { "keys" };
    println!("{} files, {read} bytes, {parsed} {what}: {:.1} ms", paths.len(), started.elapsed().as_secs_f64() * 1e3);
}
