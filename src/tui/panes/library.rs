//! The library: every briefing, newest first, and a preview of the selected one.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::model::Briefing;
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
        // Its weak spots, marked as the items' rows mark them: `!` rests on one source, `≠`
        // where sources disagree.
        let [_, single, disputed] = r.weak;
        let mark = |n: usize, m: &str| if n == 0 { "    ".to_string() } else { format!("{:>3}{m}", n.min(999)) };
        // New (`●`) or changed (`◆`) since last read.
        let state = match app.marks.state(&r.id, r.fingerprint) {
            crate::tui::marks::State::New => Span::styled("● ", s.accent),
            crate::tui::marks::State::Changed => Span::styled("◆ ", s.warning),
            crate::tui::marks::State::Read => Span::raw("  "),
        };
        let mut spans = vec![
            Span::styled(format!("{}  ", r.date), s.accent),
            Span::styled(format!("{counts} "), s.muted),
            Span::styled(format!("{}{}  ", mark(single, "!"), mark(disputed, "≠")), s.warning),
            Span::raw(visible(&r.title, false)),
        ];
        // Briefings with one title are told apart by their ids.
        if live.title_shared(&r.title) {
            spans.push(Span::styled(format!("  ({})", r.id), s.muted));
        }
        // With read marks kept, the state first.
        if app.marks.seen.is_some() {
            spans.insert(0, state);
        }
        // What changed, before the title, for a changed briefing on screen (its briefing is
        // read for it).
        if app.marks.state(&r.id, r.fingerprint) == crate::tui::marks::State::Changed
            && let Some(said) = live.at(i).and_then(|b| app.marks.summary(b))
        {
            let at = spans.len() - 1 - usize::from(live.title_shared(&r.title));
            spans.insert(at, Span::styled(format!("{said} · "), s.warning));
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
    let cx = ListCtx { app, b: first, pane: Pane::Officials, cursor, focused: app.preview.is_none(), wide: true, wrap: false };
    let marks = if app.marks.seen.is_some() { "● new ◆ changed, " } else { "" };
    let title = format!("Briefings · {marks}date, officials, commitments, reactions, facts, sources, single-source!, disputed≠, title");
    draw_rows(buf, l.list, title, live.len(), &mut |i| row(i), &cx);
    if let Some(b) = live.at(cursor.selected) {
        preview(app, b, l.preview, buf);
    }
}

fn preview(app: &App, b: &Briefing, area: Rect, buf: &mut Buffer) {
    let s = &app.styles;
    let focused = app.preview.is_some();
    let block = pane_block(true)
        .border_style(if focused { s.accent } else { s.muted })
        .title(Line::styled(format!(" {} ", b.id), if focused { s.accent } else { ratatui::style::Style::new() }));
    let inner = block.inner(area);
    block.render(area, buf);
    let rows = crate::tui::summary::rows(app, b, super::summary::text_width(inner), true);
    super::summary::draw(app, &rows, app.preview.unwrap_or_default(), focused, inner, buf);
}
