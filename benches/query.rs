//! What one keystroke of search costs in the reader: a query over the loaded library, through
//! the index. Prints p50 and p95 per query.
//!
//! Usage: cargo bench --bench query -- CORPUS_DIR [ROUNDS]
//! (a corpus from `../shared/tools/gen-corpus 10000 DIR`; the target is p95 ≤ 10 ms)

use std::path::PathBuf;
use std::time::{Duration, Instant};

use brief::Library;
use brief::search::{Index, parse};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench query -- CORPUS_DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(50);
    let started = Instant::now();
    let loaded = Library::load(std::slice::from_ref(&dir));
    let load = started.elapsed();
    let started = Instant::now();
    let index = Index::build(&loaded.library);
    println!("{} briefings loaded in {load:.2?}, indexed in {:.2?}", loaded.library.len(), started.elapsed());
    println!("{:<22} {:>7} {:>10} {:>10} {:>10}", "query", "hits", "p50", "p95", "max");
    for query in std::env::var("BRIEF_QUERIES").map(|q| q.split(",").map(String::from).collect::<Vec<_>>()).unwrap_or_else(|_| {
        ["yttrium", "molybdenum", "lithium", "lithium tariff", "\"rare earth\"", "kind:reaction direction:up"].map(String::from).to_vec()
    }) {
        let query = query.as_str();
        let q = parse(query).expect("a valid query");
        let mut times = Vec::with_capacity(rounds);
        let mut hits = 0;
        for _ in 0..rounds {
            let t = Instant::now();
            hits = std::hint::black_box(index.search(&loaded.library, &q)).len();
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "{query:<22} {hits:>7} {:>10.2?} {:>10.2?} {:>10.2?}",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times[times.len() - 1]
        );
    }
}
