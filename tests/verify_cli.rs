//! `brief verify` through the binary: the curated library is clean but for its one note; a
//! wrong citation is a finding at the item's line, with where the term really is; JSON has the
//! documented shape; `--explain` gives the lines each place resolves to; without an archive
//! folder it says so and exits 2. Needs the articles in `../shared/sources`.

mod common;

use common::{brief, root, stderr, stdout};

fn archive() -> String {
    common::shared().join("sources").to_str().unwrap().to_string()
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn the_curated_library_verifies_with_one_note() {
    let out = brief().args(["verify", "--archive", &archive()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    // The one note, the Li Chenggang/Changgang spelling, is accepted in the file with a reason.
    assert!(err.contains("verified 3 briefings: 0 findings, 0 notes and 1 silenced"), "{err}");
}

/// A library of one briefing whose commitment cites `cites`.
fn library(cites: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cut.toml"),
        format!(
            "title = \"T\"\ndate = 2025-06-09\nsummary = \"s\"\n\n\
             [[source]]\nid = \"econotimes\"\ntitle = \"E\"\narchive = \"002_1a66d12ec2e3693a.txt\"\n\n\
             [[source]]\nid = \"trade-truce\"\ntitle = \"T\"\narchive = \"004_977204834aefcaf6.txt\"\n\n\
             [[commitment]]\nid = \"cut\"\ntext = \"Both sides cut tariffs by 115 percentage points.\"\nparty = \"US\"\nstatus = \"agreed\"\ncites = [{cites}]\n"
        ),
    )
    .unwrap();
    dir
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn a_figure_cited_to_the_wrong_place_is_a_finding_at_the_item() {
    let dir = library("{ source = \"econotimes\", at = \"5th paragraph\" }, { source = \"econotimes\", at = \"9th paragraph\" }");
    let d = dir.path().to_str().unwrap();
    let out = brief().args(["verify", "--dir", d, "--archive", &archive()]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let file = dir.path().join("cut.toml");
    let line = std::fs::read_to_string(&file).unwrap().lines().position(|l| l == "[[commitment]]").unwrap() + 1;
    assert!(err.contains(&format!("{}:{line}:1", file.display())), "at the item's header:\n{err}");
    assert!(err.contains("[term-missing]") && err.contains("`115 percentage point` is in no place `cut` cites"), "{err}");
    assert!(err.contains("only in another source: `trade-truce`"), "{err}");
    assert!(err.contains("[place-missing]") && err.contains("the saved copy has 6 paragraphs"), "{err}");

    let clean = library("{ source = \"trade-truce\", at = \"Bilateral Deal Overview\" }");
    let out = brief().args(["verify", "--dir", clean.path().to_str().unwrap(), "--archive", &archive()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "the right place is clean: {}", stderr(&out));
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn json_findings_have_the_documented_shape() {
    let dir = library("{ source = \"econotimes\", at = \"5th paragraph\" }");
    let out = brief().args(["verify", "--json", "--dir", dir.path().to_str().unwrap(), "--archive", &archive()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["schema"], "brief-verify");
    let finding = doc["findings"].as_array().unwrap().iter().find(|f| f["code"] == "term-missing").expect("a term-missing finding");
    assert_eq!(
        (finding["briefing"].as_str(), finding["item"].as_str(), finding["severity"].as_str()),
        (Some("cut"), Some("cut"), Some("warning"))
    );
    assert_eq!(doc["summary"]["findings"], 1);
    let docs = std::fs::read_to_string(root().join("docs/verify.md")).unwrap();
    let objects = [&doc, finding, &doc["summary"]];
    for key in objects.iter().flat_map(|o| o.as_object().unwrap().keys()) {
        assert!(docs.contains(&format!("`{key}`")), "docs/verify.md does not document `{key}`");
    }
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn explain_gives_the_lines_each_place_resolves_to() {
    let dir = library("{ source = \"econotimes\", at = \"5th paragraph\" }");
    let out = brief().args(["verify", "--explain", "--dir", dir.path().to_str().unwrap(), "--archive", &archive()]).output().unwrap();
    let article = std::fs::read_to_string(common::shared().join("sources/002_1a66d12ec2e3693a.txt")).unwrap();
    let line = article.lines().position(|l| l.starts_with("This breakthrough follows a May agreement")).unwrap() + 1;
    assert!(stdout(&out).contains("cut cut [1] econotimes at 5th paragraph: "), "{}", stdout(&out));
    assert!(stdout(&out).trim_end().ends_with(&format!("lines {line}")), "{}", stdout(&out));
}

#[test]
fn without_an_archive_folder_it_says_how_to_set_one() {
    let out = brief().arg("verify").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("set `archive` in config.toml or pass --archive DIR"), "{}", stderr(&out));
}

#[test]
#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]
fn a_finding_accepted_in_the_file_with_a_reason_is_silenced() {
    let dir = library("{ source = \"econotimes\", at = \"5th paragraph\" }");
    let file = dir.path().join("cut.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let accept = "accept = [{ code = \"term-missing\", what = \"115 percentage point\", reason = \"checked by hand\" }]\n";
    std::fs::write(&file, format!("{text}{accept}")).unwrap();
    let out = brief().args(["verify", "--dir", dir.path().to_str().unwrap(), "--archive", &archive()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("0 findings,") && err.contains("and 1 silenced") && !err.contains("[term-missing]"), "{err}");

    // Once the claim is corrected the accept silences nothing; left in place it would hide the
    // next such finding unseen, so it is reported until removed.
    let both = accept.replace("}]", "}, { code = \"term-missing\", what = \"Washington\", reason = \"checked by hand\" }]");
    std::fs::write(&file, format!("{text}{both}")).unwrap();
    let out = brief().args(["verify", "--dir", dir.path().to_str().unwrap(), "--archive", &archive()]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("[stale-accept]") && err.contains("`Washington`") && err.contains("and 1 silenced"), "{err}");

    // An accept must name a finding of brief verify, and say why.
    std::fs::write(&file, format!("{text}accept = [{{ code = \"typo\", what = \"x\", reason = \"\" }}]\n")).unwrap();
    let out = brief().args(["check", "--dir", dir.path().to_str().unwrap()]).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("`typo` is not a finding of brief verify") && err.contains("term-missing"), "{err}");
}

/// A library and an archive of its own, in one temporary folder.
fn own(briefing: &str, copies: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lib")).unwrap();
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    std::fs::write(dir.path().join("lib/b.toml"), briefing).unwrap();
    for (name, text) in copies {
        std::fs::write(dir.path().join("archive").join(name), text).unwrap();
    }
    dir
}

fn verify_own(dir: &tempfile::TempDir) -> std::process::Output {
    let d = dir.path();
    brief().arg("verify").arg("--dir").arg(d.join("lib")).arg("--archive").arg(d.join("archive")).output().unwrap()
}

const HEAD: &str = "title = \"T\"\ndate = 2025-06-09\nsummary = \"s\"\n\n";

#[test]
fn an_archive_name_cannot_lead_outside_the_archive_folder() {
    for name in ["../secret.txt", "/etc/passwd", "a/../../x.txt"] {
        let dir = own(
            &format!(
                "{HEAD}[[source]]\nid = \"s\"\ntitle = \"S\"\narchive = \"{name}\"\n\n[[fact]]\nid = \"f\"\ntext = \"A fact.\"\ncites = [\"s\"]\n"
            ),
            &[],
        );
        let out = verify_own(&dir);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains("not a file name inside the archive folder"), "{name}: {err}");
        assert!(!err.contains("root:"), "nothing of the file is read: {err}");
    }
}

#[test]
fn text_from_a_saved_copy_never_reaches_the_terminal_raw() {
    let copy = "Headline Of The Copy\n\n\u{1b}]0;pwned\u{7} Heading \u{202e}evil\n\nThe paragraph holds 115 percentage points.\n";
    let briefing = format!(
        "{HEAD}[[source]]\nid = \"s\"\ntitle = \"S\"\narchive = \"c.txt\"\n\n\
         [[fact]]\nid = \"f\"\ntext = \"A cut of 115 percentage points and Lutnick.\"\ncites = [{{ source = \"s\", at = \"No Such Heading\" }}]\n\n\
         [[fact]]\nid = \"g\"\ntext = \"A cut of 115 percentage points.\"\ncites = [{{ source = \"s\", at = \"1st paragraph\" }}, {{ source = \"s\", at = \"2nd paragraph\" }}]\n"
    );
    let dir = own(&briefing, &[("c.txt", copy)]);
    for extra in [&[][..], &["--json"], &["--explain"]] {
        let d = dir.path();
        let out =
            brief().arg("verify").args(extra).arg("--dir").arg(d.join("lib")).arg("--archive").arg(d.join("archive")).output().unwrap();
        let all = [out.stdout.clone(), out.stderr.clone()].concat();
        let text = String::from_utf8_lossy(&all);
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'), "{extra:?}: {}", text.escape_debug());
        assert!(out.status.code() == Some(1), "{extra:?}: findings: {text}");
    }
}

#[test]
fn a_copy_that_cannot_be_read_fails_the_run_and_says_why() {
    let dir = own(
        &format!(
            "{HEAD}[[source]]\nid = \"s\"\ntitle = \"S\"\narchive = \"c.txt\"\n\n[[fact]]\nid = \"f\"\ntext = \"A fact.\"\ncites = [\"s\"]\n"
        ),
        &[],
    );
    rustix::fs::mknodat(
        rustix::fs::CWD,
        dir.path().join("archive/c.txt"),
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
    let out = verify_own(&dir);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("the saved copy of `s` cannot be read") && err.contains("FIFO"), "{err}");
    // The summary says it too: "0 findings" alone would read as a pass. So does the JSON.
    assert!(err.contains("0 findings, 0 notes and 0 silenced; not checked: 1 saved copy that could not be read"), "{err}");
    let d = dir.path();
    let out = brief().arg("verify").arg("--json").arg("--dir").arg(d.join("lib")).arg("--archive").arg(d.join("archive")).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["summary"]["unchecked"], 1, "{doc}");
    assert_eq!(doc["unread"][0]["source"], "s", "{doc}");
    assert!(doc["unread"][0]["why"].as_str().unwrap().contains("FIFO"), "{doc}");
    assert_eq!(doc["unloaded"], serde_json::json!([]));
}

#[test]
fn an_initialism_is_named_without_its_dots_and_accepted_written_either_way() {
    let copy = "# Headline\n\nThe talks went on in London.\n";
    let fact = |accept: &str| {
        format!(
            "{HEAD}[[source]]\nid = \"s\"\ntitle = \"S\"\narchive = \"c.txt\"\n\n\
             [[fact]]\nid = \"f\"\ntext = \"The U.S. side met in London.\"\ncites = [\"s\"]\n{accept}"
        )
    };
    let out = verify_own(&own(&fact(""), &[("c.txt", copy)]));
    let err = stderr(&out);
    assert!(err.contains("`US` is in no place `f` cites"), "{err}");
    assert!(err.contains("what = \"US\""), "{err}");
    for written in ["US", "U.S.", "u.s"] {
        let accept = format!("accept = [{{ code = \"term-missing\", what = \"{written}\", reason = \"r\" }}]\n");
        let out = verify_own(&own(&fact(&accept), &[("c.txt", copy)]));
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{written}: {err}");
        assert!(err.contains("0 findings, 0 notes and 1 silenced"), "{written}: {err}");
    }
}

#[test]
fn brief_check_names_a_missing_copy_even_when_the_file_has_other_errors() {
    let dir = own(
        &format!(
            "{HEAD}[[source]]\nid = \"s\"\ntitle = \"S\"\narchive = \"gone.txt\"\n\n\
             [[source]]\nid = \"t\"\ntitle = \"T\"\narchive = \"../outside.txt\"\n\n\
             [[fact]]\nid = \"f\"\ntext = \"A fact.\"\ncites = [\"s\", \"t\"]\n"
        ),
        &[],
    );
    let d = dir.path();
    let out = brief().arg("check").arg("--dir").arg(d.join("lib")).arg("--archive").arg(d.join("archive")).output().unwrap();
    let err = stderr(&out);
    assert!(err.contains("not a file name inside the archive folder"), "the error: {err}");
    assert!(err.contains("no saved copy `gone.txt` in the archive folder"), "and the warning, in the same run: {err}");
}
