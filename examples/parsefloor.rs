//! How long the toml crate takes only to parse every file of a folder into its spanned table,
//! on both cores, with nothing checked: the floor under `brief check` (bench/store.sh).
use rayon::prelude::*;
fn main() {
    let dir = std::env::args().nth(1).expect("usage: parsefloor DIR");
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
            let ok = toml::de::DeTable::parse(&text).map(|t| t.get_ref().len()).unwrap_or(0);
            (text.len(), ok)
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!("{} files, {read} bytes, {parsed} keys: {:.1} ms", paths.len(), started.elapsed().as_secs_f64() * 1e3);
}
