//! Drawing a view across the library: its title with the filter and order, its chart (the
//! tracker's commitments by status as one bar, the timeline's events by month as a strip with
//! the selected event marked), its rows, the selected row's item, and the filter line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Sparkline, Widget};

use crate::across::tracker::Tracked;
use crate::model::Status;
use crate::tui::app::{App, Pane};
use crate::tui::board::{Board, Shows, sort_name};
use crate::tui::layout::{self, BoardLayout};
use crate::tui::panes::{ListCtx, draw_rows};

/// Rows of the chart above the list.
fn chart_rows(board: &Board) -> u16 {
    match board.shows {
        Shows::Tracker => 2,
        Shows::Timeline => 3,
        Shows::Official => 2,
        Shows::Weak | Shows::Unread | Shows::Reactions => 1,
    }
}

pub fn board_layout(area: Rect, board: &Board) -> BoardLayout {
    layout::board(area, chart_rows(board))
}

/// Rows the list shows at once.
pub fn list_height(area: Rect, board: &Board) -> usize {
    usize::from(layout::inner(board_layout(area, board).list, true).height)
}

/// Each status's mark in the bar: the bar reads without colour too.
fn mark(status: Status) -> char {
    match status {
        Status::Proposed => '░',
        Status::Agreed => '▒',
        Status::Pending => '▓',
        Status::InForce => '█',
        Status::Disputed => '╳',
        Status::Withdrawn => '·',
    }
}

pub fn render(app: &App, board: &Board, area: Rect, buf: &mut Buffer) {
    let l = board_layout(area, board);
    let s = &app.styles;
    let mut title = match &board.person {
        Some(p) => format!(
            "{} ({}) · in {}",
            p.appeared.last().map_or("", |a| a.name.as_str()),
            p.id,
            crate::text::counted(board.len(), "briefing", "briefings")
        ),
        None => format!("{} · {}", board.shows.title(), crate::text::counted(board.len(), "row", "rows")),
    };
    if board.shows == Shows::Tracker {
        title.push_str(&format!(" · by {}", sort_name(board.sort)));
    }
    if !board.filter.is_empty() {
        title.push_str(&format!(" · {}", board.filter));
    }
    crate::tui::rows::fit(Line::styled(crate::text::visible(&title, false), s.accent), usize::from(l.title.width)).render(l.title, buf);
    match board.shows {
        Shows::Tracker => status_bar(app, board, l.chart, buf),
        Shows::Timeline => strip(app, board, l.chart, buf),
        Shows::Official => person_head(app, board, l.chart, buf),
        Shows::Weak => weak_head(app, l.chart, buf),
        Shows::Reactions => {
            let scale: Vec<String> = board
                .picked
                .largest
                .iter()
                .map(|(unit, m)| format!("{}{}", *m as f64 / 1000.0, crate::text::visible(unit, false)))
                .collect();
            let said = format!(
                "Each move as a bar beside the largest of its unit in the library (a whole bar: {}): up █, down ▒",
                if scale.is_empty() { "none reported".to_string() } else { scale.join(", ") }
            );
            crate::tui::rows::fit(Line::styled(said, s.muted), usize::from(l.chart.width)).render(l.chart, buf);
        }
        Shows::Unread => {
            let said = "The library, only what is new (●) or changed (◆) since last read — f shows it all again";
            crate::tui::rows::fit(Line::styled(said, s.muted), usize::from(l.chart.width)).render(l.chart, buf);
        }
    }
    let name = match board.shows {
        Shows::Tracker => "Commitments",
        Shows::Timeline => "Events",
        Shows::Official => "Briefings that list them",
        Shows::Weak => "Weak spots",
        Shows::Unread => "Briefings",
        Shows::Reactions => "Reactions",
    };
    match app.live.at(0) {
        Some(first) if !board.is_empty() => {
            let cx = ListCtx { app, b: first, pane: Pane::Officials, cursor: board.cursor, focused: true, wide: true, wrap: false };
            draw_rows(buf, l.list, name.into(), board.len(), &mut |i| row(app, board, i), &cx);
        }
        _ => {
            let block = layout::pane_block(true).border_style(s.muted).title(format!(" {name} "));
            let inner = block.inner(l.list);
            block.render(l.list, buf);
            let said =
                if board.filter.is_empty() { "  Nothing in the library yet." } else { "  Nothing matches the filter: f changes it." };
            crate::tui::rows::fit(Line::styled(said, s.muted), usize::from(inner.width)).render(inner, buf);
        }
    }
    preview(app, board, l.preview, buf);
    filter_line(app, board, l.status, buf);
}

fn row(app: &App, board: &Board, i: usize) -> Line<'static> {
    let s = &app.styles;
    let v = |t: &str| crate::text::visible(t, false);
    match board.shows {
        Shows::Tracker => {
            let Some(t) = board.tracked(i) else { return Line::styled("…", s.muted) };
            tracked(app, board, t)
        }
        Shows::Official => appeared(app, board, i),
        Shows::Unread => unread(app, board, i),
        Shows::Reactions => {
            let Some(r) = board.reacted(i) else { return Line::styled("…", s.muted) };
            reacted(app, board, r)
        }
        Shows::Weak => {
            let Some(w) = board.spot(i) else { return Line::styled("…", s.muted) };
            spot(app, w)
        }
        Shows::Timeline => {
            let Some(d) = board.dated(i) else { return Line::styled("…", s.muted) };
            let when = format!("{:<12}", format!("{}{}", d.when, if d.partial() { " ~" } else { "" }));
            Line::from(vec![
                Span::styled(when, if d.partial() { s.muted } else { Style::new() }),
                Span::raw(v(&d.text)),
                Span::styled(format!("  {}", v(&d.at.briefing)), s.muted),
            ])
        }
    }
}

fn tracked(app: &App, board: &Board, t: &Tracked) -> Line<'static> {
    let s = &app.styles;
    let v = |t: &str| crate::text::visible(t, false);
    let overdue = t.overdue(board.today);
    let due = t.due.as_ref().map_or_else(|| "—".to_string(), |d| crate::text::short(&d.to_string(), 14));
    let mut spans = vec![
        Span::styled(if overdue { "! " } else { "  " }, s.warning),
        Span::styled(format!("{:<14} ", v(&due)), if overdue { s.warning } else { s.muted }),
        Span::styled(format!("{:<9} ", t.status.as_str()), s.status(t.status)),
        Span::styled(format!("{:<width$} ", v(&crate::text::short(&t.party, 14)), width = board.party_width()), s.accent),
        Span::raw(v(&t.text)),
    ];
    if !t.traded_for.is_empty() {
        spans.push(Span::styled(" ⇄", s.muted));
    }
    spans.push(Span::styled(format!("  {}", v(&t.at.briefing)), s.muted));
    Line::from(spans)
}

/// The longest bar of the library's reactions, in columns.
const BAR: usize = 16;

/// A reaction: its direction and figure, a bar as long as its move beside the largest of its
/// unit, the market, the briefing.
fn reacted(app: &App, board: &Board, r: &crate::across::figure::Reacted) -> Line<'static> {
    let s = &app.styles;
    let v = |t: &str| crate::text::visible(t, false);
    let style = s.direction(r.direction);
    let largest = board.picked.largest.iter().find(|(u, _)| *u == r.unit).map_or(0, |(_, m)| *m);
    let bar = r.milli.map(|m| super::reactions::bar_of(m as f64, largest as f64, BAR)).unwrap_or_default();
    Line::from(vec![
        Span::styled(
            format!(
                "{} {:<8} {bar:<BAR$} ",
                crate::tui::style::arrow(r.direction),
                v(&crate::text::short(r.movement.as_deref().unwrap_or(""), 8))
            ),
            style,
        ),
        Span::raw(v(&r.market)),
        Span::styled(format!("  {}", v(&r.at.briefing)), s.muted),
    ])
}

/// A briefing new or changed since last read: which, its date, what changed, its title.
fn unread(app: &App, board: &Board, i: usize) -> Line<'static> {
    let s = &app.styles;
    let Some((r, b)) = board.briefing(i).and_then(|p| Some((app.live.rows().get(p)?, app.live.at(p)?))) else { return Line::raw("") };
    let mut spans = match app.marks.state(&r.id, r.fingerprint) {
        crate::tui::marks::State::Changed => vec![Span::styled("◆ ", s.warning)],
        _ => vec![Span::styled("● ", s.accent)],
    };
    spans.push(Span::styled(format!("{}  ", r.date), s.accent));
    if let Some(said) = app.marks.summary(b) {
        spans.push(Span::styled(format!("{said} · "), s.warning));
    }
    spans.push(Span::raw(crate::text::visible(&r.title, false)));
    Line::from(spans)
}

/// A weak spot: why, where, what the item says, and what it rests on.
fn spot(app: &App, w: &crate::across::weak::Weak) -> Line<'static> {
    use crate::across::weak::Why;
    let s = &app.styles;
    let v = |t: &str| crate::text::visible(t, false);
    let why = w.reason();
    let style = match w.why {
        Why::Disagreement { .. } | Why::StatusDiffers { .. } => s.warning,
        _ => s.muted,
    };
    Line::from(vec![
        Span::styled(format!("{:<15}", w.why.word()), style),
        Span::styled(format!("{}  ", v(&w.at.briefing)), s.accent),
        Span::styled(format!("{}: ", w.kind), s.muted),
        Span::raw(v(&w.text)),
        Span::styled(format!("  — {}", v(&why)), s.muted),
    ])
}

/// Above the weak spots: how many of each sort the library has.
fn weak_head(app: &App, area: Rect, buf: &mut Buffer) {
    let (mut single, mut disputed, mut all) = (0, 0, 0);
    for r in app.live.rows() {
        let [a, sgl, d] = r.weak;
        (all, single, disputed) = (all + a, single + sgl, disputed + d);
    }
    let said = format!(
        "{} · {} · {} leaned on — f keeps one sort: single, disputed, leaned",
        crate::text::counted(single, "claim on one source or none", "claims on one source or none"),
        crate::text::counted(disputed, "disagreement", "disagreements"),
        crate::text::counted(all - single - disputed, "source", "sources"),
    );
    crate::tui::rows::fit(Line::styled(said, app.styles.muted), usize::from(area.width)).render(area, buf);
}

/// An official's appearance: the date, the briefing, the role there (marked when it changed
/// from the briefing before), the side, and the name when it is not the latest one.
fn appeared(app: &App, board: &Board, i: usize) -> Line<'static> {
    let s = &app.styles;
    let v = |t: &str| crate::text::visible(t, false);
    let Some(p) = &board.person else { return Line::raw("") };
    let Some(a) = p.appeared.get(i) else { return Line::raw("") };
    let latest = p.appeared.last().map_or("", |a| a.name.as_str());
    let mut spans = vec![Span::styled(format!("{}  ", a.date), s.muted), Span::styled(format!("{}  ", v(&a.briefing)), s.accent)];
    if let Some(role) = &a.role {
        spans.push(Span::raw(v(role)));
    }
    if p.role_changed(i) {
        spans.push(Span::styled(" (role changed)", s.warning));
    }
    if let Some(side) = &a.side {
        spans.push(Span::styled(format!(" · {}", v(side)), s.muted));
    }
    if a.name != latest {
        spans.push(Span::styled(format!(" · as {}", v(&a.name)), s.warning));
    }
    Line::from(spans)
}

/// Above an official's briefings: their roles over time, and a warning when the briefings name
/// them differently (as `brief check` warns).
fn person_head(app: &App, board: &Board, area: Rect, buf: &mut Buffer) {
    let s = &app.styles;
    let Some(p) = &board.person else { return };
    let width = usize::from(area.width);
    let mut roles: Vec<&str> = Vec::new();
    for a in &p.appeared {
        if let Some(role) = a.role.as_deref().filter(|r| roles.last() != Some(r)) {
            roles.push(role);
        }
    }
    let roles = if roles.is_empty() { "no role given".to_string() } else { format!("roles: {}", roles.join(" → ")) };
    crate::tui::rows::fit(Line::styled(crate::text::visible(&roles, false), s.muted), width).render(Rect { height: 1, ..area }, buf);
    let names = p.names();
    if names.len() > 1 && area.height > 1 {
        let said = format!("⚠ named differently across briefings: {}", names.join(" · "));
        crate::tui::rows::fit(Line::styled(crate::text::visible(&said, false), s.warning), width)
            .render(Rect { y: area.y + 1, height: 1, ..area }, buf);
    }
}

/// The tracker's chart: the commitments the filter keeps as one bar, a stretch per status
/// (each with its own mark, so it reads without colour), and the counts beneath.
fn status_bar(app: &App, board: &Board, area: Rect, buf: &mut Buffer) {
    let s = &app.styles;
    let counts = &board.picked.statuses;
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    if total == 0 || area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    // Each status that has any gets a column at least; the rest is shared by count.
    let mut spans = Vec::new();
    let mut used = 0;
    for (i, (status, n)) in counts.iter().enumerate() {
        let cells =
            if i + 1 == counts.len() { width.saturating_sub(used) } else { (n * width / total).max(1).min(width.saturating_sub(used)) };
        used += cells;
        spans.push(Span::styled(mark(*status).to_string().repeat(cells), s.status(*status)));
    }
    Line::from(spans).render(Rect { height: 1, ..area }, buf);
    let legend: Vec<Span> = counts
        .iter()
        .flat_map(|(status, n)| [Span::styled(format!("{} ", mark(*status)), s.status(*status)), Span::raw(format!("{status} {n}   "))])
        .collect();
    if area.height > 1 {
        crate::tui::rows::fit(Line::from(legend), width).render(Rect { y: area.y + 1, height: 1, ..area }, buf);
    }
}

/// The timeline's chart: events per month across the range the filter keeps, two rows high
/// (months grouped when there are more than columns), the first and last month named, and a
/// mark under the selected event's month.
fn strip(app: &App, board: &Board, area: Rect, buf: &mut Buffer) {
    let s = &app.styles;
    let months = &board.picked.months;
    if months.is_empty() || area.height < 3 {
        return;
    }
    let first = format!("{:04}-{:02}", months[0].0.0, months[0].0.1);
    let last = months.last().map(|((y, m), _)| format!("{y:04}-{m:02}")).unwrap_or_default();
    let labels = first.len() + 1;
    let columns = usize::from(area.width).saturating_sub(labels * 2).max(1);
    let per = months.len().div_ceil(columns);
    let data: Vec<u64> = months.chunks(per).map(|c| c.iter().map(|(_, n)| *n as u64).sum()).collect();
    let graph = Rect { x: area.x + labels as u16, width: data.len() as u16, height: 2, ..area };
    Sparkline::default().data(&data).style(s.accent).render(graph, buf);
    Line::styled(first, s.muted).render(Rect { y: area.y + 1, width: labels as u16, ..area }, buf);
    Line::styled(last, s.muted).render(Rect { x: graph.x + graph.width + 1, y: area.y + 1, width: labels as u16, ..area }, buf);
    let selected = board.dated(board.cursor.selected);
    if let Some(month) = selected.and_then(|d| board.picked.month_index(d.when.year, d.when.month.unwrap_or(1))) {
        let column = month / per;
        let at = Rect { x: graph.x + column as u16, y: area.y + 2, width: 1, height: 1 };
        Line::styled("▲", s.accent).render(at, buf);
        // The selected event's date as written: a year stays a year.
        let when = selected.map(|d| d.when.to_string()).unwrap_or_default();
        let said = format!(" {when}");
        let room = area.x + area.width;
        let x = (at.x + 1).min(room.saturating_sub(said.chars().count() as u16)).max(area.x);
        if x > at.x {
            Line::styled(said, s.muted).render(Rect { x, y: area.y + 2, width: room - x, height: 1 }, buf);
        }
    }
}

/// The selected row's item as its detail pane would show it.
fn preview(app: &App, board: &Board, area: Rect, buf: &mut Buffer) {
    use crate::tui::panes::results::{briefing_lines, item_lines, preview_box};
    if let Some(b) = board.briefing(board.cursor.selected).and_then(|p| app.live.at(p)) {
        return preview_box(app, b.id.clone(), briefing_lines(app, b), area, buf);
    }
    let Some(target) = board.target(board.cursor.selected) else { return preview_box(app, String::new(), Vec::new(), area, buf) };
    let lines = app.live.get(&target.briefing).map(|b| item_lines(app, b, target.item, area)).unwrap_or_default();
    preview_box(app, target.briefing, lines, area, buf);
}

/// The filter line while it is edited (or why what is typed is not a filter); the status line
/// otherwise.
fn filter_line(app: &App, board: &Board, area: Rect, buf: &mut Buffer) {
    let s = &app.styles;
    let Some(field) = &board.editing else { return crate::tui::panes::status::render(app, area, buf) };
    let mut spans = vec![Span::styled("filter: ", s.accent)];
    spans.extend(crate::tui::panes::results::editing(app, field, usize::from(area.width).saturating_sub(40).max(12)));
    match &board.error {
        Some(why) => spans.push(Span::styled(format!("   {}", crate::text::visible(why, false)), s.error)),
        None => spans.push(Span::styled("   enter applies · esc keeps the filter", s.muted)),
    }
    crate::tui::rows::fit(Line::from(spans), usize::from(area.width)).render(area, buf);
}
