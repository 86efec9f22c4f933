//! One file per pane. Each draws from `&App` and never changes it.

pub mod commitments;
pub mod detail;
pub mod errors;
pub mod facts;
pub mod header;
pub mod help;
pub mod library;
pub mod officials;
pub mod passage;
pub mod reactions;
pub mod results;
pub mod sources;
pub mod status;
pub mod tabs;
pub mod timeline;
pub mod too_small;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::model::{Briefing, ItemRef};
use crate::tui::app::{App, Cursor, Overlay, Pane};
use crate::tui::detail::glance;
use crate::tui::layout::{self, pane_block};

/// What a list pane needs to draw itself.
pub struct ListCtx<'a> {
    pub app: &'a App,
    pub b: &'a Briefing,
    pub pane: Pane,
    pub cursor: Cursor,
    pub focused: bool,
    pub wide: bool,
}

/// The row of an item in its list pane.
pub fn row<'a>(app: &App, b: &'a Briefing, pane: Pane, item: ItemRef) -> Line<'a> {
    match pane {
        Pane::Officials => officials::row(app, b, item),
        Pane::Commitments => commitments::row(app, b, item),
        Pane::Reactions => reactions::row(app, b, item),
        Pane::Facts => facts::row(app, b, item),
        Pane::Sources => sources::row(app, b, item),
        Pane::Timeline | Pane::Detail => timeline::row(app, b, item),
    }
}

/// The at-a-glance marks before a row: distinct sources, `!` on a single source, `≠` when a
/// discrepancy is about the item; with an archive folder set, `?` when checking it against the
/// saved copies found something open (not a note).
pub fn marks(app: &App, b: &Briefing, item: ItemRef) -> Vec<Span<'static>> {
    let (sources, disputed) = glance(b, item);
    let s = &app.styles;
    let mut marks = vec![
        Span::styled(format!("{sources:>2}"), s.muted),
        if sources <= 1 { Span::styled("!", s.warning) } else { Span::raw(" ") },
        if disputed { Span::styled("≠", s.warning) } else { Span::raw(" ") },
    ];
    if app.config.archive.is_some() {
        let open = app.verdict(&b.id).is_some_and(|v| v.marks(b, item));
        marks.push(if open { Span::styled("?", s.warning) } else { Span::raw(" ") });
    }
    marks.push(Span::raw(" "));
    marks
}

/// The line with the open search's matches highlighted (unchanged when no search is open).
pub fn highlight<'a>(app: &App, line: Line<'a>) -> Line<'a> {
    let Some(search) = app.search.as_ref().filter(|s| !s.terms.is_empty()) else { return line };
    let mut spans = Vec::new();
    for span in line.spans {
        let text = span.content.to_string();
        let found = crate::search::matcher::matches(&text, &search.terms);
        if found.is_empty() {
            spans.push(span);
            continue;
        }
        let mut at = 0;
        for r in found {
            if r.start < at {
                continue;
            }
            spans.push(Span::styled(text[at..r.start].to_string(), span.style));
            spans.push(Span::styled(text[r.clone()].to_string(), span.style.patch(app.styles.highlight)));
            at = r.end;
        }
        spans.push(Span::styled(text[at..].to_string(), span.style));
    }
    Line::from(spans).style(line.style)
}

/// The last value an overlay's number can take: for the help, how far it scrolls until its last
/// line is at the bottom of its box; for the errors view, its last diagnostic.
pub fn overlay_max(app: &App, overlay: Overlay) -> usize {
    match overlay {
        Overlay::Help(_) => {
            let len = help::lines(app).len();
            let rect = help::area(crate::tui::motion::area(app), len);
            // The box's border takes a row above and below.
            len.saturating_sub(usize::from(rect.height.saturating_sub(2)))
        }
        Overlay::Errors(_) => errors::content(app).1.len().saturating_sub(1),
    }
}

/// Draws a scrollable overlay box: clears `rect`, frames it, and shows `lines` from `scroll`
/// (clamped so the last page stays full).
pub fn draw_overlay(buf: &mut Buffer, rect: Rect, block: ratatui::widgets::Block<'_>, lines: Vec<Line<'_>>, scroll: usize) {
    ratatui::widgets::Clear.render(rect, buf);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
    for (i, line) in lines.into_iter().skip(scroll).take(usize::from(inner.height)).enumerate() {
        line.render(Rect { y: inner.y + i as u16, height: 1, ..inner }, buf);
    }
}

/// Draws a framed list of rows with its selection, scrolled so the selection shows.
pub fn draw_list(buf: &mut Buffer, area: Rect, title: String, rows: Vec<Line<'_>>, cx: &ListCtx<'_>) {
    let len = rows.len();
    let mut rows = rows.into_iter().map(Some).collect::<Vec<_>>();
    draw_rows(buf, area, title, len, &mut |i| rows[i].take().unwrap_or_default(), cx);
}

/// [`draw_list`] for long lists: only the rows on screen are made, by `row(index)`.
pub fn draw_rows<'a>(buf: &mut Buffer, area: Rect, title: String, len: usize, row: &mut dyn FnMut(usize) -> Line<'a>, cx: &ListCtx<'_>) {
    let s = &cx.app.styles;
    let border = if cx.focused { s.accent } else { s.muted };
    let count = if len == 0 { String::new() } else { format!(" {}/{} ", cx.cursor.selected.min(len - 1) + 1, len) };
    let block = pane_block(cx.wide)
        .border_style(border)
        .title(Line::styled(format!(" {title} "), if cx.focused { s.accent } else { Style::new() }))
        .title(Line::styled(count, s.muted).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    if len == 0 {
        Line::styled("  (none)", s.muted).render(inner, buf);
        return;
    }
    let height = usize::from(inner.height);
    let offset = layout::visible_offset(cx.cursor.offset, cx.cursor.selected, len, height);
    for i in offset..(offset + height).min(len) {
        let line = row(i);
        let y = inner.y + (i - offset) as u16;
        let rect = Rect { y, height: 1, ..inner };
        let selected = i == cx.cursor.selected;
        let gutter = if selected { "›" } else { " " };
        let mut spans = vec![Span::styled(gutter, s.accent)];
        spans.extend(line.spans);
        let line = highlight(cx.app, Line::from(spans));
        if selected && cx.focused {
            buf.set_style(rect, s.selection);
            line.patch_style(s.selection).render(rect, buf);
        } else {
            line.render(rect, buf);
        }
    }
}
