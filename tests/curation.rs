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

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn every_source_names_its_saved_copy_and_the_copies_are_there() {
    let shared = common::shared();
    let library = brief::Library::load(&[root().join("briefings")]).library;
    for b in library.briefings() {
        for s in &b.sources {
            assert!(s.archive.is_some(), "{} `{}` names no saved copy", b.id, s.id);
        }
    }
    let out =
        common::brief().args(["check", "--deny-warnings", "--archive"]).arg(shared.join("sources")).arg("briefings").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
