//! Tells the tests whether `../shared` (the articles, tools and test suites beside a checkout)
//! is there. A test that needs it is marked `#[cfg_attr(shared_absent, ignore = "…")]`, so a
//! fresh clone without it reports the test as ignored, with the reason, rather than passed.
//! Under `CI=true` the mark is never set: there the test runs, and fails on the missing folder.
//! The same for the TOML tools `taplo` and `tombi` on the PATH (`taplo_absent`, `tombi_absent`).

fn main() {
    println!("cargo::rustc-check-cfg=cfg(shared_absent)");
    println!("cargo::rerun-if-changed=../shared");
    println!("cargo::rerun-if-env-changed=CI");
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let present = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("../shared").is_dir();
    if !present && !ci {
        println!("cargo::rustc-cfg=shared_absent");
    }
    // The TOML tools the schema is tested with (`pip install taplo tombi`; CI installs them):
    // absent outside CI, their tests are ignored with the reason.
    println!("cargo::rerun-if-env-changed=PATH");
    for tool in ["taplo", "tombi"] {
        println!("cargo::rustc-check-cfg=cfg({tool}_absent)");
        let found = std::env::var_os("PATH").is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(tool).is_file()));
        if !found && !ci {
            println!("cargo::rustc-cfg={tool}_absent");
        }
    }
}
