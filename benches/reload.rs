//! What one saved file costs the reader's live reload on a large library: the file is parsed
//! again and the library rebuilt from every file's kept parse (the requirement: an edit shows
//! within a second).
//!
//! Usage: cargo bench --bench reload -- CORPUS_DIR

fn main() {
    let Some(dir) = std::env::args().skip(1).find(|a| a != "--bench").map(std::path::PathBuf::from) else {
        eprintln!("usage: cargo bench --bench reload -- CORPUS_DIR");
        std::process::exit(2);
    };
    let started = std::time::Instant::now();
    let mut live = brief::live::Live::load(&dir);
    println!("{} briefings loaded in {:.2?}", live.len(), started.elapsed());
    let Some(path) = live.at(0).map(|b| b.path.clone()) else { return };
    for _ in 0..3 {
        let started = std::time::Instant::now();
        let parsed = brief::load::read_file(&path);
        live.apply(vec![parsed], Vec::new());
        println!("one file read again and the library rebuilt in {:.2?}", started.elapsed());
    }
}
