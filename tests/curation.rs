//! The curated library keeps the curation rules a program can check (docs/format.md): no
//! briefing shares a run of ten words with the articles it is curated from (their own
//! headlines excepted). That it checks clean, warnings included, is in `library_cli.rs`.

mod common;

use common::{DEADLINE, root, stderr, stdout};

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn no_briefing_copies_ten_words_from_an_article() {
    let shared = common::shared();
    let (files, _) = brief::load::discover(&[root().join("briefings")]);
    assert!(files.len() >= 3);
    let out = assert_cmd::Command::new("python3")
        .arg(shared.join("tools/copied-text"))
        .arg(shared.join("sources"))
        .args(&files)
        .timeout(DEADLINE)
        .output()
        .expect("python3 runs the copied-text tool");
    assert!(out.status.success(), "runs of ten words shared with an article:\n{}{}", stdout(&out), stderr(&out));
}
