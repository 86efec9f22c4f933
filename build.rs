//! Tells the tests whether `../shared` (the articles, tools and test suites beside a checkout)
//! is there. A test that needs it is marked `#[cfg_attr(shared_absent, ignore = "…")]`, so a
//! fresh clone without it reports the test as ignored, with the reason, rather than passed.
//! Under `CI=true` the mark is never set: there the test runs, and fails on the missing folder.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(shared_absent)");
    println!("cargo::rerun-if-changed=../shared");
    println!("cargo::rerun-if-env-changed=CI");
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let present = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("../shared").is_dir();
    if !present && !ci {
        println!("cargo::rustc-cfg=shared_absent");
    }
}
