//! The library: every briefing, newest first, and a preview of the selected one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::model::{Briefing, Kind};
use crate::text::visible;
use crate::tui::app::{App, Cursor, Pane};
use crate::tui::layout::{self, pane_block};
use crate::tui::panes::{ListCtx, draw_rows};

pub fn render(app: &App, cursor: Cursor, area: Rect, buf: &mut Buffer) {
    let l = layout::library(area);
    let s = &app.styles;
    let live = &app.live;
    let count = crate::text::counted(live.len(), "briefing", "briefings");
    let title = format!("brief · {count} · {}", crate::text::path(app.live.root()));
    Line::from(vec![Span::styled(title, s.accent)]).render(l.title, buf);
    // Only the rows on screen are made: the library may hold ten thousand briefings.
    // From the rows kept in memory: no briefing is read for the list.
    let row = |i: usize| {
        let r = &live.rows()[i];
        let counts = r.counts.map(|n| format!("{n:>3}")).join(" ");
        let mut spans = vec![
            Span::styled(format!("{}  ", r.date), s.accent),
            Span::styled(format!("{counts}  "), s.muted),
            Span::raw(visible(&r.title, false)),
        ];
        // Briefings with one title are told apart by their ids.
        if live.title_shared(&r.title) {
            spans.push(Span::styled(format!("  ({})", r.id), s.muted));
        }
        Line::from(spans)
    };
    let Some(first) = live.at(0) else {
        let block = pane_block(true).title(" Briefings ");
        let inner = block.inner(l.list);
        block.render(l.list, buf);
        Paragraph::new(format!("No briefings in {}.", crate::text::path(app.live.root()))).style(s.muted).render(inner, buf);
        return;
    };
    let cx = ListCtx { app, b: first, pane: Pane::Officials, cursor, focused: true, wide: true, wrap: false };
    let title = "Briefings · date, officials, commitments, reactions, facts, sources, title".to_string();
    draw_rows(buf, l.list, title, live.len(), &mut |i| row(i), &cx);
    if let Some(b) = live.at(cursor.selected) {
        preview(app, b, l.preview, buf);
    }
}

fn preview(app: &App, b: &Briefing, area: Rect, buf: &mut Buffer) {
    let s = &app.styles;
    let block = pane_block(true).border_style(s.muted).title(format!(" {} ", b.id));
    let inner = block.inner(area);
    block.render(area, buf);
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
    if !b.tags.is_empty() {
        lines.push(Line::styled(b.tags.iter().map(|t| format!("#{}", visible(t, false))).collect::<Vec<_>>().join(" "), s.muted));
    }
    if !b.related.is_empty() {
        lines.push(Line::styled(format!("related: {}", b.related.join(", ")), s.muted));
    }
    lines.push(Line::raw(""));
    for paragraph in b.summary.trim().split("\n\n") {
        lines.push(Line::raw(visible(&paragraph.replace('\n', " "), false)));
        lines.push(Line::raw(""));
    }
    Paragraph::new(lines).wrap(Wrap { trim: true }).render(inner, buf);
}
