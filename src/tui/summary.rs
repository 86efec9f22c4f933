//! A briefing's summary as a document to read: where and when, tags, the summary's paragraphs,
//! and its related briefings, each a line that can be followed. The briefing's Summary pane and
//! the library's preview both show it, wrapped to their width and read with a cursor line.

use ratatui::text::{Line, Span};

use crate::model::{Briefing, Kind};
use crate::text::visible;
use crate::tui::app::{App, Cursor, Pane, Screen, View};
use crate::tui::rows;

/// One row of the document as drawn: its text, and the briefing it leads to, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub line: Line<'static>,
    pub link: Option<String>,
}

/// What the library's preview says above the summary: title, when and where, the counts.
fn preview_head(app: &App, b: &Briefing) -> Vec<Line<'static>> {
    let s = &app.styles;
    let mut when = b.date.to_string();
    if let Some(end) = b.end_date {
        when.push_str(&format!(" – {end}"));
    }
    if let Some(place) = &b.place {
        when.push_str(&format!(" · {}", visible(place, false)));
    }
    let counts = [
        (Kind::Official, "official", "officials"),
        (Kind::Commitment, "commitment", "commitments"),
        (Kind::Reaction, "reaction", "reactions"),
        (Kind::Fact, "fact", "facts"),
        (Kind::Source, "source", "sources"),
        (Kind::Event, "event", "events"),
        (Kind::Discrepancy, "discrepancy", "discrepancies"),
    ]
    .iter()
    .map(|(kind, one, many)| crate::text::counted(b.count(*kind), one, many))
    .collect::<Vec<_>>()
    .join(" · ");
    let mut lines = vec![Line::styled(visible(&b.title, false), s.accent), Line::raw(when), Line::styled(counts, s.muted)];
    // What to double-check before quoting it, before it is opened.
    let (single, disputed) = crate::across::weak::counts(&crate::across::weak::of(b, ""));
    if single + disputed > 0 {
        let weak = format!(
            "{} · {} — {} lists the library's",
            crate::text::counted(single, "claim on one source or none", "claims on one source or none"),
            crate::text::counted(disputed, "disagreement", "disagreements"),
            app.key_hint(&crate::action::Action::Weak),
        );
        lines.push(Line::styled(weak, s.warning));
    }
    if !b.tags.is_empty() {
        lines.push(Line::styled(b.tags.iter().map(|t| format!("#{}", visible(t, false))).collect::<Vec<_>>().join(" "), s.muted));
    }
    lines.push(Line::raw(""));
    lines
}

/// The document's rows wrapped to `width` columns: in the library's preview (`preview`) with
/// its head of title, dates and counts; in a briefing, the summary alone (its header is above).
/// Asked for several times a key (to move, to draw) of the same briefing: the last answer is
/// kept, by what it is made of.
pub fn rows(app: &App, b: &Briefing, width: usize, preview: bool) -> std::rc::Rc<Vec<Row>> {
    thread_local! {
        static LAST: std::cell::RefCell<(u64, std::rc::Rc<Vec<Row>>)> = std::cell::RefCell::default();
    }
    let mut key = format!("{}\u{0}{}\u{0}{}\u{0}{width}\u{0}{preview}\u{0}{:?}", b.id, b.title, b.summary, app.styles);
    for id in &b.related {
        let title = app.live.position(id).and_then(|at| app.live.rows().get(at)).map_or("", |r| r.title.as_str());
        key.push_str(&format!("\u{0}{id}\u{0}{title}"));
    }
    if preview {
        key.push_str(&format!("{:?}{:?}{:?}{:?}", b.date, b.end_date, b.place, b.tags));
        key.push_str(&format!(
            "{:?}",
            [
                b.officials.len(),
                b.commitments.len(),
                b.reactions.len(),
                b.facts.len(),
                b.sources.len(),
                b.events.len(),
                b.discrepancies.len()
            ]
        ));
    }
    let hash = crate::text::stable_hash(key.as_bytes());
    if let Some(rows) = LAST.with_borrow(|(h, rows)| (*h == hash).then(|| rows.clone())) {
        return rows;
    }
    let rows = std::rc::Rc::new(build(app, b, width, preview));
    LAST.set((hash, rows.clone()));
    rows
}

fn build(app: &App, b: &Briefing, width: usize, preview: bool) -> Vec<Row> {
    let s = &app.styles;
    let mut out = Vec::new();
    let mut push = |line: Line<'static>, link: Option<String>, indent: usize| {
        for line in rows::wrap(line, width, indent) {
            out.push(Row { line, link: link.clone() });
        }
    };
    if preview {
        for line in preview_head(app, b) {
            push(line, None, 0);
        }
    }
    let paragraphs: Vec<&str> = b.summary.trim().split("\n\n").collect();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if i > 0 {
            push(Line::raw(""), None, 0);
        }
        push(Line::raw(visible(&paragraph.replace('\n', " "), false)), None, 0);
    }
    if !b.related.is_empty() {
        push(Line::raw(""), None, 0);
        push(Line::styled(format!("Related briefings ({})", b.related.len()), s.accent), None, 0);
        for id in &b.related {
            let shown = visible(id, false);
            match app.live.position(id).and_then(|at| app.live.rows().get(at)) {
                Some(row) => {
                    let line = Line::from(vec![
                        Span::styled("→ ", s.muted),
                        Span::styled(format!("{shown}  "), s.muted),
                        Span::raw(visible(&row.title, false)),
                    ]);
                    push(line, Some(id.clone()), 2);
                }
                None => push(Line::styled(format!("→ {shown}  (not in the library)"), s.muted), None, 2),
            }
        }
    }
    out
}

/// The row to start drawing from so that the cursor row shows, starting from `stored`.
pub fn offset(stored: usize, selected: usize, len: usize, height: usize) -> usize {
    crate::tui::layout::visible_offset(stored, selected, len, height)
}

/// `s`: the briefing's summary takes the focus (in the library, the preview does).
pub fn focus(app: &mut App) {
    match &mut app.screen {
        Screen::Briefing(view) => view.focus = Pane::Summary,
        Screen::Library(_) => app.preview = Some(Cursor::default()),
        Screen::Results(_) | Screen::Passage(_) | Screen::Board(_) => {
            app.set_status("The summary is in a briefing: open one with enter", false)
        }
    }
}

/// Enter on a summary document: its row's related briefing opens; in the library, a row that
/// leads nowhere opens the briefing previewed.
pub fn follow(app: &mut App) {
    let Some((rows, _)) = crate::tui::motion::document(app) else { return };
    let selected = match &app.screen {
        Screen::Library(_) => app.preview.map_or(0, |c| c.selected),
        Screen::Briefing(view) => view.cursor(Pane::Summary).selected,
        _ => return,
    };
    let target = rows.get(selected).and_then(|r| r.link.clone());
    let id = match (&app.screen, target) {
        (_, Some(id)) => id,
        (Screen::Library(cursor), None) => match app.live.at(cursor.selected) {
            Some(b) => b.id.clone(),
            None => return,
        },
        _ => {
            app.set_status("Nothing to follow on this line: the related briefings are at the end", false);
            return;
        }
    };
    match app.live.get(&id) {
        Some(b) => {
            let view = View::opening(b);
            crate::tui::update::navigate(app, Screen::Briefing(view));
        }
        None => app.set_status(format!("`{}` is not in the library", visible(&id, false)), true),
    }
}
