//! The passage view in the reader: a citation's saved copy opened at the place it cites, the
//! claim's figures and names marked, `n` and `N` between them. Also asks for the briefing on
//! screen to be checked against its saved copies, for the marks and the detail.

use std::path::PathBuf;

use crate::archive::passage::passage;
use crate::archive::{Article, Term, Verdict, findings, terms};
use crate::model::{Briefing, ItemRef, Kind};
use crate::tui::app::{App, Checked, Cited, Pane, Reading, Screen};
use crate::tui::detail;
use crate::tui::motion::area;
use crate::tui::panes;
use crate::tui::update::{Effect, navigate};

/// A saved copy to read for the passage view: the loop reads `path` and answers with the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub cited: Cited,
    pub path: PathBuf,
    /// The copy changed on disk: read it again in the view that is open, at the same place,
    /// instead of opening a new view.
    pub reopen: bool,
}

/// `p`: the citation selected in the detail, else the first citation of the item shown whose
/// source has a saved copy; on a source, its whole copy.
pub fn open(app: &mut App) -> Option<Effect> {
    if matches!(app.screen, Screen::Passage(_)) {
        let back = app.key_hint(&crate::action::Action::Back);
        app.set_status(format!("This is the saved copy; {back} returns to the citation"), false);
        return None;
    }
    let Some(b) = app.briefing() else {
        app.set_status("Open a briefing and select a citation to read its passage", false);
        return None;
    };
    let Some(item) = app.shown_item() else {
        app.set_status("Select an item with a citation to read its passage", false);
        return None;
    };
    let Some(folder) = app.config.archive.clone() else {
        app.set_status("No archive folder: set `archive` in config.toml or pass --archive DIR to read saved copies", true);
        return None;
    };
    let (citation, source) = match in_question(app, b, item) {
        Ok(found) => found,
        Err(why) => {
            app.set_status(why, false);
            return None;
        }
    };
    let s = &b.sources[source.index];
    let Some(file) = s.archive.clone() else {
        let id = s.id.clone();
        app.set_status(format!("Source `{id}` names no saved copy (`archive = \"FILE\"`)"), false);
        return None;
    };
    let at = citation.and_then(|n| b.cites_of(item).get(n)).and_then(|c| c.at.clone());
    let terms = claim_terms(b, item);
    let path = folder.join(&file);
    let cited = Cited { briefing: b.id.clone(), item, source: s.id.clone(), file, citation, at, terms };
    let request = Request { cited, path, reopen: false };
    Some(Effect::ReadPassage(Box::new(request)))
}

/// The figures and names of an item's claim; none for a source, which is read whole.
fn claim_terms(b: &Briefing, item: ItemRef) -> Vec<Term> {
    if item.kind == Kind::Source { Vec::new() } else { terms(&findings::claim(b, item)) }
}

/// Which citation `p` means, as its number among the item's citations (none for a source read
/// whole), and the source it cites.
fn in_question(app: &App, b: &Briefing, item: ItemRef) -> Result<(Option<usize>, ItemRef), String> {
    if item.kind == Kind::Source {
        return Ok((None, item));
    }
    let cites = b.cites_of(item);
    let view = app.view().ok_or_else(String::new)?;
    if view.focus == Pane::Detail {
        let lines = detail::detail(&app.live, b, item);
        let selected = lines.iter().filter(|l| l.link.is_some()).nth(view.cursor(Pane::Detail).selected);
        if let Some(n) = selected.and_then(|l| l.citation) {
            let source = b.lookup(&cites[n].source).ok_or_else(String::new)?;
            return Ok((Some(n), source));
        }
        if let Some(target) = selected.and_then(|l| l.link.as_ref()).filter(|t| t.item.kind == Kind::Source && t.briefing == b.id) {
            return Ok((None, target.item));
        }
    }
    let archived = |c: &crate::model::Citation| b.lookup(&c.source).filter(|s| b.sources[s.index].archive.is_some());
    match cites.iter().enumerate().find_map(|(n, c)| archived(c).map(|s| (Some(n), s))) {
        Some(found) => Ok(found),
        None if cites.is_empty() => Err(format!("`{}` cites no source", b.id_of(item))),
        None => Err(format!("No source `{}` cites has a saved copy (`archive = \"FILE\"`)", b.id_of(item))),
    }
}

/// The saved copy was read (or not): opens it at the cited place.
pub fn opened(app: &mut App, request: Request, text: Result<String, String>) {
    let text = match text {
        Ok(text) => text,
        Err(why) => {
            app.set_status(format!("Could not read the saved copy `{}`: {why}", request.cited.file), true);
            return;
        }
    };
    let article = std::rc::Rc::new(Article::parse(&text));
    let passage = passage(&article, request.cited.at.as_deref(), &request.cited.terms);
    let missing = passage.missing.is_some();
    if request.reopen {
        // The copy changed under the open view: the new text, the same place, the same line
        // at the top where it is still there.
        if let Screen::Passage(r) = &mut app.screen
            && r.cited.file == request.cited.file
        {
            let line = r.wrapped.1.get(r.top).and_then(|row| r.passage.lines.get(row.line)).map(|l| l.number);
            (r.article, r.passage, r.hit, r.wrapped) = (article, passage, None, (0, Vec::new()));
            rewrap(app);
            if let Screen::Passage(r) = &mut app.screen {
                let at = line.and_then(|n| r.passage.lines.iter().position(|l| l.number >= n)).unwrap_or(0);
                r.top = panes::passage::row_of(&r.wrapped.1, at);
            }
            clamp(app);
            app.set_status(format!("Read `{}` again: it changed", request.cited.file), false);
        }
        return;
    }
    let reading = Reading { cited: request.cited, article, passage, top: 0, wrapped: (0, Vec::new()), hit: None };
    navigate(app, Screen::Passage(Box::new(reading)));
    to_place(app);
    if missing {
        app.set_status("The cited place is not in the saved copy: showing it from the top", true);
    }
}

/// Scrolls so the cited place is in view, a row of what leads up to it above.
fn to_place(app: &mut App) {
    rewrap(app);
    if let Screen::Passage(r) = &mut app.screen {
        r.top = panes::passage::row_of(&r.wrapped.1, r.passage.start).saturating_sub(1);
    }
    clamp(app);
}

/// After the briefing was read again: the citation's place and the claim's terms as the file
/// now has them. A citation that is gone leaves the copy open whole.
pub fn refresh(app: &mut App) {
    let Screen::Passage(r) = &app.screen else { return };
    let Some(b) = app.live.get(&r.cited.briefing) else { return };
    let cites = b.cites_of(r.cited.item);
    let citation = match r.cited.citation {
        Some(n) if cites.get(n).is_some_and(|c| c.source == r.cited.source) => Some(n),
        Some(_) => cites.iter().position(|c| c.source == r.cited.source),
        None => None,
    };
    let at = citation.and_then(|n| cites[n].at.clone());
    let terms = claim_terms(b, r.cited.item);
    if (citation, &at, &terms) == (r.cited.citation, &r.cited.at, &r.cited.terms) {
        return;
    }
    let moved = at != r.cited.at;
    let Screen::Passage(r) = &mut app.screen else { return };
    r.passage = passage(&r.article, at.as_deref(), &terms);
    (r.cited.citation, r.cited.at, r.cited.terms, r.hit) = (citation, at, terms, None);
    r.wrapped = (0, Vec::new());
    if moved {
        to_place(app);
    } else {
        clamp(app);
    }
}

/// Saved copies changed on disk: every briefing is checked again as it comes on screen, and an
/// open copy that changed is read again.
pub fn copies_changed(app: &mut App, paths: &[PathBuf]) -> Option<Effect> {
    app.checked.clear();
    let folder = app.config.archive.clone()?;
    let Screen::Passage(r) = &app.screen else { return None };
    let path = folder.join(&r.cited.file);
    if !paths.contains(&path) {
        return None;
    }
    let request = Request { cited: r.cited.clone(), path, reopen: true };
    Some(Effect::ReadPassage(Box::new(request)))
}

/// Columns the article's text wraps to.
fn text_width(app: &App) -> usize {
    match &app.screen {
        Screen::Passage(r) => usize::from(panes::passage::layout(app, r, area(app)).text.width),
        _ => 1,
    }
}

/// Rows of text the view shows at once.
pub fn page(app: &App) -> usize {
    match &app.screen {
        Screen::Passage(r) => usize::from(panes::passage::layout(app, r, area(app)).text.height).max(1),
        _ => 1,
    }
}

/// Wraps the passage to the view's width, unless it is wrapped to it already.
fn rewrap(app: &mut App) {
    let width = text_width(app);
    if let Screen::Passage(r) = &mut app.screen
        && r.wrapped.0 != width
    {
        r.wrapped = (width, panes::passage::rows(&r.passage, width));
    }
}

/// Keeps the top row where the last page is still full.
fn clamp(app: &mut App) {
    rewrap(app);
    let height = page(app);
    if let Screen::Passage(r) = &mut app.screen {
        r.top = r.top.min(r.wrapped.1.len().saturating_sub(height));
    }
}

/// Scrolls by `delta` rows, clamped.
pub fn scroll(app: &mut App, delta: isize) {
    if let Screen::Passage(r) = &mut app.screen {
        r.top = r.top.saturating_add_signed(delta);
    }
    clamp(app);
}

/// `n` and `N`: the next or previous figure or name of the claim, wrapping around, scrolled
/// into view.
pub fn step(app: &mut App, forward: bool) {
    rewrap(app);
    let height = page(app);
    let Screen::Passage(r) = &mut app.screen else { return };
    let found = r.passage.occurrences();
    if found.is_empty() {
        let text = if r.cited.terms.is_empty() {
            "The claim names no figure or name to find"
        } else {
            "The saved copy holds none of the claim's figures and names"
        };
        app.set_status(text, false);
        return;
    }
    let rows = &r.wrapped.1;
    let row = |(line, start): (usize, usize)| panes::passage::row_at(rows, line, start);
    let next = match (r.hit, forward) {
        (Some(h), true) => (h + 1) % found.len(),
        (Some(h), false) => (h + found.len() - 1) % found.len(),
        (None, true) => found.iter().position(|o| row(*o) >= r.top).unwrap_or(0),
        (None, false) => found.iter().rposition(|o| row(*o) < r.top + height).unwrap_or(found.len() - 1),
    };
    let wrapped = r.hit.is_some_and(|h| if forward { next <= h } else { next >= h });
    r.hit = Some(next);
    let at = row(found[next]);
    if at < r.top || at >= r.top + height {
        // A third of the way down, so what leads up to it shows too.
        r.top = at.saturating_sub(height / 3);
    }
    let total = found.len();
    clamp(app);
    let place = if wrapped { if forward { " (from the top)" } else { " (from the bottom)" } } else { "" };
    app.set_status(format!("Term {} of {total}{place}", next + 1), false);
}

/// After a resize the same line stays at the top, wrapped anew.
pub fn resized(app: &mut App, before: (u16, u16)) {
    let Screen::Passage(r) = &app.screen else { return };
    let now = app.size;
    app.size = before;
    let line = panes::passage::rows_at(r, text_width(app)).get(r.top).map_or(0, |row| row.line);
    app.size = now;
    rewrap(app);
    if let Screen::Passage(r) = &mut app.screen {
        r.top = panes::passage::row_of(&r.wrapped.1, line);
    }
    clamp(app);
}

/// The check the briefing on screen still needs, when an archive folder is set: each briefing
/// is checked once, and again after its files change.
pub fn wanted_check(app: &mut App) -> Option<Effect> {
    let folder = app.config.archive.clone()?;
    let id = match &app.screen {
        Screen::Briefing(view) => view.id.clone(),
        Screen::Passage(r) => r.cited.briefing.clone(),
        Screen::Library(_) | Screen::Results(_) | Screen::Board(_) => return None,
    };
    if app.checked.contains_key(&id) || app.live.get(&id).is_none() {
        return None;
    }
    app.checks_asked += 1;
    app.checked.insert(id.clone(), Checked::Pending(app.checks_asked));
    Some(Effect::Check { briefing: id, folder, request: app.checks_asked })
}

/// A check came back: kept unless the briefing changed since it was asked for.
pub fn checked(app: &mut App, id: String, request: u64, verdict: Verdict) {
    if app.checked.get(&id) == Some(&Checked::Pending(request)) {
        app.checked.insert(id, Checked::Done(verdict));
    }
}
