//! `brief official ID`: one official across the library — every briefing that lists them,
//! oldest first, with their role and side there (a change of role marked), what they said or
//! did, the commitments they announced and the sources behind it.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use crate::across::file_below;
use crate::across::official::{self, Page};
use crate::library::Library;
use crate::output;
use crate::text;

pub fn run(dir: &Path, cache: bool, id: &str, json: bool) -> io::Result<ExitCode> {
    let (page, known, failed) = match cache.then(|| stored(dir, id)).flatten() {
        Some(found) => found,
        None => {
            let loaded = Library::load(&[dir.to_path_buf()]);
            let failed = super::unloaded_lines(&loaded);
            let briefings = loaded.library.briefings();
            let page = official::page(id, briefings, |b| file_below(dir, &b.path));
            let mut known: Vec<String> = briefings.iter().flat_map(|b| b.officials.iter().map(|o| o.id.clone())).collect();
            known.sort_unstable();
            known.dedup();
            (page, known, failed)
        }
    };
    let Some(page) = page else {
        let guess = text::Guesser::new(text::Guesser::FILE).closest(id, known.iter().map(String::as_str));
        let hint = guess.map(|g| format!("; did you mean `{}`?", text::visible(g, false))).unwrap_or_default();
        output::err(&format!("brief: no briefing lists an official `{}`{hint}", text::short(id, 80)))?;
        super::name_failed(&failed)?;
        return Ok(ExitCode::from(1));
    };
    if json {
        output::out(&(text::json(&page) + "\n"))?;
    } else {
        output::out(&lines(&page))?;
    }
    super::name_failed(&failed)?;
    Ok(ExitCode::SUCCESS)
}

/// The page from the store: the briefings that list the official, read back from it; the ids
/// it knows; the files that failed. None when the store cannot be used.
fn stored(dir: &Path, id: &str) -> Option<(Option<Page>, Vec<String>, Vec<String>)> {
    let (mut store, fresh) = super::progress::fresh_store(dir)?;
    let found = (|| {
        let listing = store.listing(dir, &fresh)?;
        let mut briefings = Vec::new();
        for a in store.appearances(dir, id, None)? {
            // A file whose id an earlier file took is not in the library.
            if listing.rows.iter().any(|r| r.path == a.path && r.id == a.briefing)
                && let Some(b) = store.body(dir, &a.path)?
            {
                briefings.push(b);
            }
        }
        let page = official::page(id, &briefings, |b| file_below(dir, &b.path));
        let failed = super::failed_lines(&listing.failed);
        Ok::<_, rusqlite::Error>((page, store.official_ids()?, failed))
    })();
    found.map_err(|e| tracing::warn!("answering from the files: {e}")).ok()
}

fn lines(page: &Page) -> String {
    let v = |s: &str| text::visible(s, false);
    let latest = page.appearances.last().map_or("", |a| a.name.as_str());
    let mut out = format!("{} ({}) — in {}\n", v(latest), v(&page.id), text::counted(page.appearances.len(), "briefing", "briefings"));
    if page.names.len() > 1 {
        let names: Vec<String> = page.names.iter().map(|n| v(n)).collect();
        out.push_str(&format!("warning: named differently across briefings: {}\n", names.join(" · ")));
    }
    if page.roles.len() > 1 {
        let roles: Vec<String> = page.roles.iter().map(|r| v(r)).collect();
        out.push_str(&format!("roles over time: {}\n", roles.join(" → ")));
    }
    for a in &page.appearances {
        let mut what: Vec<String> = Vec::new();
        if a.name != latest {
            what.push(format!("as {}", v(&a.name)));
        }
        if let Some(role) = &a.role {
            what.push(if a.role_changed { format!("{} (role changed)", v(role)) } else { v(role) });
        }
        if let Some(side) = &a.side {
            what.push(v(side));
        }
        out.push_str(&format!("\n{}  {}  {}\n", a.at.date, v(&a.at.briefing), v(&a.title)));
        if !what.is_empty() {
            out.push_str(&format!("  {}\n", what.join(" · ")));
        }
        if let Some(notes) = &a.notes {
            out.push_str(&format!("  {}\n", v(notes)));
        }
        for c in &a.announced {
            out.push_str(&format!("  announced {} ({}): {}\n", v(&c.id), c.status, v(&c.text)));
        }
        let sources = if a.sources.is_empty() { "no source".to_string() } else { v(&a.sources.join("; ")) };
        out.push_str(&format!("  sources: {sources}\n"));
    }
    out
}
