//! `brief verify`: every claim checked against saved copies of the articles it cites, reported
//! like a compiler (or as JSON): places that are not there, figures and names the cited places
//! do not hold, copied words; notes for spelling variants and missed corroborations. Exit 0
//! with nothing but notes, 1 with findings, 2 when it could not run.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::archive::findings::Finding;
use crate::archive::{self, Place, resolve};
use crate::diag::{Anchor, Code, Diagnostic};
use crate::library::Library;
use crate::model::{Briefing, ItemRef};
use crate::output;
use crate::report::{self, Style};
use crate::text;

/// A finding as the JSON report gives it (docs/verify.md).
#[derive(Serialize)]
struct JsonFinding<'a> {
    #[serde(flatten)]
    diagnostic: &'a Diagnostic,
    briefing: &'a str,
    item: &'a str,
}

/// A saved copy that could not be read, so the citations of its source were not checked.
#[derive(Serialize)]
struct Unread {
    briefing: String,
    source: String,
    why: String,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: &'static str,
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    /// Briefing files that could not be loaded, so none of their claims was checked.
    unloaded: Vec<String>,
    unread: Vec<Unread>,
    summary: Counts,
}

#[derive(Clone, Copy, Serialize, Default)]
struct Counts {
    briefings: usize,
    findings: usize,
    notes: usize,
    /// Findings the curator accepts in the file, with a reason: not reported.
    silenced: usize,
    /// Briefings and saved copies that could not be read: what they hold was not checked,
    /// and the run fails.
    unchecked: usize,
}

pub fn run(dir: &Path, archive: Option<&Path>, json: bool, explain: bool, style: Style) -> io::Result<ExitCode> {
    let Some(folder) = archive else {
        output::err("brief: verify needs the folder of saved copies: set `archive` in config.toml or pass --archive DIR")?;
        return Ok(ExitCode::from(2));
    };
    if !folder.is_dir() {
        output::err(&format!("brief: no archive folder at {}; pass --archive DIR or set `archive` in config.toml", text::path(folder)))?;
        return Ok(ExitCode::from(2));
    }
    let loaded = Library::load(&[dir.to_path_buf()]);
    // What could not be checked at all is said, and makes the run fail: silence is not a pass.
    let unloaded = super::unloaded(&loaded.problems, &loaded.files);
    super::name_unloaded(&unloaded)?;
    let unloaded_files: Vec<String> = unloaded.iter().map(|d| text::path(&d.file)).collect();
    let mut unread: Vec<Unread> = Vec::new();
    let mut found: Vec<(&Briefing, ItemRef, Diagnostic)> = Vec::new();
    let mut counts = Counts { briefings: loaded.library.len(), ..Counts::default() };
    for b in loaded.library.briefings() {
        let (copies, unreadable) = archive::saved_copies(b, folder);
        for (source, why) in &unreadable {
            output::err(&format!("brief: {}: the saved copy of `{source}` cannot be read, so its citations are not checked: {why}", b.id))?;
            unread.push(Unread { briefing: b.id.clone(), source: source.clone(), why: text::visible(why, false) });
        }
        if explain {
            explain_places(b, &copies, folder)?;
        }
        let verdict = archive::verdict(b, &copies, unreadable);
        let text = std::fs::read_to_string(&b.path).unwrap_or_default();
        // Split once: each finding quotes its item's header line, found by number.
        let lines: Vec<&str> = text.lines().collect();
        counts.silenced += verdict.silenced;
        for (item, finding) in &verdict.open {
            if finding.is_note() {
                counts.notes += 1
            } else {
                counts.findings += 1
            }
            found.push((b, *item, diagnostic(b, *item, finding, &lines)));
        }
        for &i in &verdict.stale {
            let (item, accept) = &b.accepted[i];
            counts.findings += 1;
            found.push((b, *item, stale(b, *item, accept, &lines)));
        }
    }
    counts.unchecked = unloaded_files.len() + unread.len();
    if json {
        let findings = found.iter().map(|(b, item, d)| JsonFinding { diagnostic: d, briefing: &b.id, item: b.id_of(*item) }).collect();
        let doc = JsonReport { schema: "brief-verify", version: 1, findings, unloaded: unloaded_files, unread, summary: counts };
        output::out(&(text::json(&doc) + "\n"))?;
    } else {
        for (_, _, d) in &found {
            output::err(&report::render(d, style))?;
        }
        let what = crate::text::counted;
        // What could not be read is in the summary too: "0 findings" alone would read as a pass.
        let unchecked = match (unloaded_files.len(), unread.len()) {
            (0, 0) => String::new(),
            (files, 0) => format!("; not checked: {}", what(files, "briefing file", "briefing files")),
            (0, copies) => format!("; not checked: {} that could not be read", what(copies, "saved copy", "saved copies")),
            (files, copies) => format!(
                "; not checked: {} and {} that could not be read",
                what(files, "briefing file", "briefing files"),
                what(copies, "saved copy", "saved copies")
            ),
        };
        output::err(&format!(
            "verified {}: {}, {} and {} silenced{unchecked}",
            what(counts.briefings, "briefing", "briefings"),
            what(counts.findings, "finding", "findings"),
            what(counts.notes, "note", "notes"),
            counts.silenced
        ))?;
    }
    Ok(ExitCode::from(u8::from(counts.findings > 0 || counts.unchecked > 0)))
}

/// The item's table header, where its findings are reported.
fn header(b: &Briefing, item: ItemRef, lines: &[&str]) -> Anchor {
    let line = b.line_of(item);
    let header = lines.get(line.saturating_sub(1)).copied().unwrap_or_default();
    Anchor { line, column: 1, width: header.chars().count(), source_line: text::visible(header, false), quote_column: 1 }
}

/// An accept that matched no finding of its item.
fn stale(b: &Briefing, item: ItemRef, accept: &crate::model::Accept, lines: &[&str]) -> Diagnostic {
    let message = format!(
        "`{}` accepts a `{}` finding about `{}` that brief verify no longer finds",
        b.id_of(item),
        text::visible(&accept.code, false),
        text::visible(&accept.what, false)
    );
    let mut d = header(b, item, lines).report(&b.path, Code::StaleAccept, message);
    d.with_help("remove the accept: left in place it would silence the next such finding unseen".to_string());
    d
}

/// A finding as a diagnostic at the item's table header.
fn diagnostic(b: &Briefing, item: ItemRef, finding: &Finding, lines: &[&str]) -> Diagnostic {
    let code = finding.code();
    let what = text::visible(&finding.what(b, item), false);
    let help = format!(
        "{}; or, checked and accepted, silence it with `accept = [{{ code = \"{}\", what = \"{what}\", reason = \"…\" }}]`",
        finding.hint(),
        code.as_str()
    );
    let mut d = header(b, item, lines).report(&b.path, code, finding.message(b, item));
    d.with_help(help);
    d
}

/// `--explain`: for every citation, the lines of the saved copy its place resolves to.
fn explain_places(b: &Briefing, copies: &crate::archive::Copies, folder: &Path) -> io::Result<()> {
    for item in b.items() {
        for (n, c) in b.cites_of(item).iter().enumerate() {
            let Some(article) = copies.get(&c.source) else { continue };
            let source = b.lookup(&c.source).filter(|s| s.kind == crate::model::Kind::Source).map(|s| &b.sources[s.index]);
            let file = source.and_then(|s| s.archive.as_deref()).unwrap_or("");
            let at = c.at.as_deref().map_or("the whole article".to_string(), |at| text::visible(at, false));
            let lines = match c.at.as_deref().map(Place::parse) {
                None => "all of it".to_string(),
                Some(place) => match resolve(article, &place) {
                    Ok(blocks) => {
                        let numbers: Vec<String> = blocks.iter().map(|b| b.line.to_string()).collect();
                        format!("lines {}", numbers.join(", "))
                    }
                    Err(_) => "nothing (the place is not there)".to_string(),
                },
            };
            let path = text::path(&folder.join(file));
            output::out(&format!("{} {} [{}] {} at {at}: {path} {lines}\n", b.id, b.id_of(item), n + 1, c.source))?;
        }
    }
    Ok(())
}
