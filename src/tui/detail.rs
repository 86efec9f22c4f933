//! What the detail pane says about an item: every field, its numbered citations, and every
//! cross-reference, each a line that can be followed.

use unicode_width::UnicodeWidthStr;

use crate::links::RefKey;
use crate::live::Live;
use crate::model::{Briefing, Direction, ItemRef, Kind, Status};
use crate::text::visible;
use crate::tui::style::arrow;

/// How a piece of text is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Text,
    Heading,
    Label,
    Muted,
    Warning,
    Status(Status),
    Direction(Option<Direction>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub role: Role,
}

/// Where following a line leads: an item of a briefing (this one or another).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub briefing: String,
    pub item: ItemRef,
}

/// One logical line; it wraps to the pane's width when drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub pieces: Vec<Piece>,
    pub link: Option<Target>,
    /// For a citation, its number among the item's citations (from 0): `p` reads its passage.
    pub citation: Option<usize>,
    /// Columns to indent the line and its continuations.
    pub indent: u16,
}

fn piece(text: impl Into<String>, role: Role) -> Piece {
    Piece { text: text.into(), role }
}

/// At a glance: distinct sources, and whether a discrepancy is about the item.
pub fn glance(b: &Briefing, item: ItemRef) -> (usize, bool) {
    let disputed = b.links.referrers_of(item).iter().any(|(_, key)| *key == RefKey::About);
    (b.corroboration(item), disputed)
}

struct Builder<'a> {
    lib: &'a Live,
    b: &'a Briefing,
    lines: Vec<Line>,
}

impl Builder<'_> {
    fn push(&mut self, pieces: Vec<Piece>) {
        self.lines.push(Line { pieces, link: None, citation: None, indent: 0 });
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.pieces.is_empty()) {
            self.push(Vec::new());
        }
    }

    fn field(&mut self, name: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.push(vec![piece(format!("{name:<10} "), Role::Label), piece(visible(value, false), Role::Text)]);
        }
    }

    fn text(&mut self, text: &str) {
        for paragraph in text.split("\n\n") {
            self.push(vec![piece(visible(&paragraph.replace('\n', " "), false), Role::Text)]);
        }
    }

    fn heading(&mut self, text: &str) {
        self.blank();
        self.push(vec![piece(text, Role::Heading)]);
    }

    /// A followable line to an item of `briefing`.
    fn link(&mut self, mark: &str, briefing: &Briefing, item: ItemRef) {
        self.link_to(mark, &briefing.id, item, &briefing.label(item));
    }

    /// A followable line to an item by its briefing's id and its label (as the store keeps it
    /// for another briefing); the briefing is named when it is not this one.
    fn link_to(&mut self, mark: &str, briefing: &str, item: ItemRef, label: &str) {
        let mut pieces = vec![piece(format!("{mark} "), Role::Muted)];
        if briefing != self.b.id {
            pieces.push(piece(format!("{briefing}: "), Role::Label));
        }
        pieces.push(piece(visible(label, false), Role::Text));
        self.lines.push(Line { pieces, link: Some(Target { briefing: briefing.to_string(), item }), citation: None, indent: 2 });
    }

    /// A section of links to the items that refer to `item` through `key`.
    fn referrers(&mut self, title: &str, item: ItemRef, key: RefKey, mark: &str) {
        let refs: Vec<ItemRef> = self.b.links.referrers_of(item).iter().filter(|(_, k)| *k == key).map(|(i, _)| *i).collect();
        if !refs.is_empty() {
            self.heading(&format!("{title} ({})", refs.len()));
            for r in refs {
                self.link(mark, self.b, r);
            }
        }
    }

    /// A section of links to the ids an item names.
    fn references(&mut self, title: &str, ids: &[String]) {
        if !ids.is_empty() {
            self.heading(title);
            for id in ids {
                if let Some(target) = self.b.lookup(id) {
                    self.link("→", self.b, target);
                }
            }
        }
    }

    fn corroboration(&mut self, item: ItemRef) {
        let n = self.b.corroboration(item);
        let (text, role) = match n {
            0 => ("no source cited".to_string(), Role::Warning),
            1 => ("1 source — single source".to_string(), Role::Warning),
            n => (format!("{n} distinct sources"), Role::Text),
        };
        self.push(vec![piece(format!("{:<10} ", "Sources"), Role::Label), piece(text, role)]);
    }

    /// The item's citations as numbered references to its sources.
    fn citations(&mut self, item: ItemRef) {
        let cites = self.b.cites_of(item);
        if cites.is_empty() {
            return;
        }
        self.heading("Citations");
        for (n, c) in cites.iter().enumerate() {
            let Some(source) = self.b.lookup(&c.source) else { continue };
            let mut pieces = vec![piece(format!("[{}] ", n + 1), Role::Label), piece(self.b.label(source), Role::Text)];
            if let Some(at) = &c.at {
                pieces.push(piece(format!(" · at {}", visible(at, false)), Role::Muted));
            }
            self.lines.push(Line {
                pieces,
                link: Some(Target { briefing: self.b.id.clone(), item: source }),
                citation: Some(n),
                indent: 2,
            });
        }
    }

    fn discussed(&mut self, item: ItemRef) {
        self.referrers("Reactions", item, RefKey::RespondsTo, "←");
        self.referrers("Where sources disagree", item, RefKey::About, "≠");
    }
}

/// The most briefings an official's detail links to.
const ALSO_IN: usize = 50;

/// The detail of one item.
pub fn detail(lib: &Live, b: &Briefing, item: ItemRef) -> Vec<Line> {
    let mut d = Builder { lib, b, lines: Vec::new() };
    let kind = item.kind.as_str().to_uppercase();
    match item.kind {
        Kind::Official => {
            let o = &b.officials[item.index];
            d.push(vec![piece(format!("{kind}  "), Role::Muted), piece(visible(&o.name, false), Role::Heading)]);
            d.field("Role", o.role.as_deref());
            d.field("Side", o.side.as_deref());
            d.corroboration(item);
            if let Some(notes) = &o.notes {
                d.blank();
                d.text(notes);
            }
            d.citations(item);
            d.referrers("Announced", item, RefKey::AnnouncedBy, "←");
            let appearing = d.lib.appearances(&o.id);
            let elsewhere: Vec<_> = appearing.newest.iter().filter(|other| other.briefing != b.id).collect();
            // This briefing is counted among them, unless it is shown in its last good version
            // (its file fails now, and the store holds nothing of it).
            let here = usize::from(!d.lib.is_stale(&b.path));
            let total = appearing.total.saturating_sub(here).max(elsewhere.len());
            if total > 0 {
                d.heading(&format!("Also in ({total})"));
                // The newest: an official of a large library may be in thousands of briefings,
                // and the detail is drawn on every frame.
                for other in elsewhere.iter().take(ALSO_IN) {
                    d.link_to("→", &other.briefing, other.item, &other.label);
                }
                let shown = elsewhere.len().min(ALSO_IN);
                if total > shown {
                    d.push(vec![piece(format!("  … and {} older", total - shown), Role::Muted)]);
                }
            }
        }
        Kind::Commitment => {
            let c = &b.commitments[item.index];
            d.push(vec![piece(format!("{kind}  "), Role::Muted), piece(c.status.as_str(), Role::Status(c.status))]);
            d.text(&c.text);
            d.blank();
            d.field("Party", Some(&c.party));
            d.push(vec![piece(format!("{:<10} ", "Status"), Role::Label), piece(c.status.as_str(), Role::Status(c.status))]);
            d.field("Due", c.due.as_ref().map(|due| due.to_string()).as_deref());
            d.corroboration(item);
            d.citations(item);
            d.references("Traded for", &c.in_return_for);
            d.referrers("Traded against it", item, RefKey::InReturnFor, "←");
            d.references("Announced by", &c.announced_by);
        }
        Kind::Reaction => {
            let r = &b.reactions[item.index];
            d.push(vec![piece(format!("{kind}  "), Role::Muted), piece(visible(&r.market, false), Role::Heading)]);
            if r.movement.is_some() || r.direction.is_some() {
                let figure = r.movement.as_deref().map(|m| visible(m, false)).unwrap_or_default();
                let direction = r.direction.map_or(String::new(), |dir| format!(" ({dir})"));
                let movement = format!("{} {figure}{direction}", arrow(r.direction));
                d.push(vec![piece(format!("{:<10} ", "Move"), Role::Label), piece(movement, Role::Direction(r.direction))]);
            }
            d.field("When", r.when.map(|w| w.to_string()).as_deref());
            d.corroboration(item);
            if let Some(note) = &r.note {
                d.blank();
                d.text(note);
            }
            d.citations(item);
            d.references("Responds to", &r.responds_to);
        }
        Kind::Fact => {
            let f = &b.facts[item.index];
            d.push(vec![piece(format!("{kind}  "), Role::Muted), piece(visible(f.topic.as_deref().unwrap_or(""), false), Role::Heading)]);
            d.text(&f.text);
            d.blank();
            d.corroboration(item);
            d.citations(item);
        }
        Kind::Event => {
            let e = &b.events[item.index];
            d.push(vec![piece(format!("{kind}  "), Role::Muted), piece(e.date.to_string(), Role::Heading)]);
            d.text(&e.text);
            d.blank();
            d.corroboration(item);
            d.citations(item);
        }
        Kind::Discrepancy => {
            let x = &b.discrepancies[item.index];
            d.push(vec![piece(format!("{kind}  "), Role::Muted), piece("where sources disagree", Role::Warning)]);
            d.text(&x.text);
            d.blank();
            d.corroboration(item);
            d.citations(item);
            d.references("About", std::slice::from_ref(&x.about));
        }
        Kind::Source => {
            let s = &b.sources[item.index];
            d.push(vec![piece(format!("{kind}  "), Role::Muted), piece(visible(&s.title, false), Role::Heading)]);
            d.field("Outlet", s.outlet.as_deref());
            d.field("Published", s.published.map(|p| p.to_string()).as_deref());
            d.field("URL", s.url.as_deref());
            d.field("Kind", Some(s.kind.as_str()));
            if !s.points.is_empty() {
                d.heading("Points");
                for point in &s.points {
                    d.lines.push(Line {
                        pieces: vec![piece("• ", Role::Muted), piece(visible(point, false), Role::Text)],
                        link: None,
                        citation: None,
                        indent: 2,
                    });
                }
            }
            let citing = b.links.citing(item.index);
            d.heading(&format!("Cited by ({})", citing.len()));
            for &c in citing {
                d.link("←", b, c);
            }
        }
    }
    d.discussed(item);
    d.lines
}

/// What checking the item against its sources' saved copies found, for the end of its detail:
/// nothing when no archive folder is set or no source it cites has a copy.
/// What changed in an item since its briefing was last read, above its detail: `New since
/// last read`, or each field `before → after`.
pub fn since_read(changes: Option<&crate::across::changes::Changes>, b: &Briefing, item: ItemRef) -> Vec<Line> {
    let Some(changes) = changes else { return Vec::new() };
    let id = b.id_of(item);
    let line = |pieces: Vec<Piece>, indent: u16| Line { pieces, link: None, citation: None, indent };
    if changes.is_added(item.kind, id) {
        return vec![line(vec![piece("+ New since last read", Role::Warning)], 0), line(Vec::new(), 0)];
    }
    let Some(changed) = changes.of(item.kind, id) else { return Vec::new() };
    let mut d = vec![line(vec![piece("~ Changed since last read", Role::Warning)], 0)];
    for f in &changed.fields {
        d.push(line(
            vec![
                piece(format!("{:<10} ", f.field), Role::Label),
                piece(visible(&f.before, false), Role::Muted),
                piece(" → ", Role::Warning),
                piece(visible(&f.after, false), Role::Text),
            ],
            2,
        ));
    }
    d.push(line(Vec::new(), 0));
    d
}

pub fn findings(checked: Option<&crate::tui::app::Checked>, b: &Briefing, item: ItemRef) -> Vec<Line> {
    use crate::tui::app::Checked;
    let cited: Vec<&str> =
        if item.kind == Kind::Source { vec![b.id_of(item)] } else { b.cites_of(item).iter().map(|c| c.source.as_str()).collect() };
    let archived = |id: &str| b.lookup(id).is_some_and(|s| s.kind == Kind::Source && b.sources[s.index].archive.is_some());
    let Some(checked) = checked.filter(|_| cited.iter().any(|id| archived(id))) else { return Vec::new() };
    let mut d = Vec::new();
    let mut line = |pieces: Vec<Piece>, indent: u16| d.push(Line { pieces, link: None, citation: None, indent });
    line(Vec::new(), 0);
    let verdict = match checked {
        Checked::Pending(_) => {
            line(vec![piece("Saved copies", Role::Heading), piece("  checking…", Role::Muted)], 0);
            return d;
        }
        Checked::Done(verdict) => verdict,
    };
    let found: Vec<&crate::archive::findings::Finding> = verdict.open.iter().filter(|(i, _)| *i == item).map(|(_, f)| f).collect();
    let accepted = b.accepted.iter().filter(|(i, _)| *i == item).count();
    let summary = match (found.len(), accepted) {
        _ if verdict.unchecked(b, item) => "  not all checked: a saved copy cannot be read".to_string(),
        (0, 0) => "  nothing found".to_string(),
        (0, n) => format!("  nothing open; {n} accepted by the curator"),
        (1, _) => "  1 finding".to_string(),
        (n, _) => format!("  {n} findings"),
    };
    line(vec![piece("Saved copies", Role::Heading), piece(summary, Role::Muted)], 0);
    for (source, why) in verdict.unreadable.iter().filter(|(s, _)| cited.contains(&s.as_str())) {
        line(vec![piece(format!("? the saved copy of `{source}` cannot be read: {}", visible(why, false)), Role::Warning)], 2);
    }
    for f in found {
        let (mark, role) = if f.is_note() { ("·", Role::Muted) } else { ("?", Role::Warning) };
        line(vec![piece(format!("{mark} "), role), piece(f.message(b, item), Role::Text)], 2);
        line(vec![piece(f.hint(), Role::Muted)], 4);
    }
    d
}

/// One screen row of wrapped detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub pieces: Vec<Piece>,
    /// Which link (counting link lines from 0) this row belongs to.
    pub link: Option<usize>,
}

/// Wraps lines at word boundaries to `width` display columns; continuations are indented two
/// columns more than their line.
pub fn wrap(lines: &[Line], width: u16) -> Vec<Row> {
    let width = usize::from(width.max(4));
    let mut rows = Vec::new();
    let mut links = 0;
    for line in lines {
        let link = line.link.as_ref().map(|_| {
            links += 1;
            links - 1
        });
        let mut row = Row { pieces: Vec::new(), link };
        let mut used = usize::from(line.indent);
        if line.indent > 0 {
            row.pieces.push(piece(" ".repeat(used), Role::Text));
        }
        for p in &line.pieces {
            // A word wider than a whole row (a URL, a long id) is split where rows end, so the
            // pane never cuts it silently.
            let room = width.saturating_sub(usize::from(line.indent) + 2).max(1);
            for word in p.text.split_inclusive(' ').flat_map(|w| split_wide(w, room)) {
                let w = word.width();
                if used + w.min(width) > width && used > usize::from(line.indent) + 2 {
                    rows.push(std::mem::replace(&mut row, Row { pieces: Vec::new(), link }));
                    used = usize::from(line.indent) + 2;
                    row.pieces.push(piece(" ".repeat(used), Role::Text));
                }
                used += w;
                match row.pieces.last_mut() {
                    Some(last) if last.role == p.role => last.text.push_str(word),
                    _ => row.pieces.push(piece(word, p.role)),
                }
            }
        }
        rows.push(row);
    }
    rows
}

/// A word in pieces of at most `room` columns (one piece when it fits).
fn split_wide(word: &str, room: usize) -> Vec<&str> {
    if word.width() <= room {
        return vec![word];
    }
    let mut pieces = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (i, c) in word.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > room && i > start {
            pieces.push(&word[start..i]);
            (start, used) = (i, 0);
        }
        used += w;
    }
    pieces.push(&word[start..]);
    pieces
}

/// The targets of a detail's links, in order.
pub fn targets(lines: &[Line]) -> Vec<&Target> {
    lines.iter().filter_map(|l| l.link.as_ref()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_wider_than_the_pane_is_split_not_cut() {
        let url = format!("https://example.com/{}", "a".repeat(120));
        let lines = [Line { pieces: vec![piece(format!("See {url} for more"), Role::Text)], link: None, citation: None, indent: 2 }];
        let rows = wrap(&lines, 40);
        let text = |r: &Row| r.pieces.iter().map(|p| p.text.as_str()).collect::<String>();
        assert!(rows.iter().all(|r| text(r).width() <= 40), "{:?}", rows.iter().map(text).collect::<Vec<_>>());
        let squeezed = |s: &str| s.split_whitespace().collect::<String>();
        let joined: String = rows.iter().map(|r| squeezed(&text(r))).collect();
        assert_eq!(joined, squeezed(&format!("See {url} for more")), "nothing is lost");
    }
}
