//! One file per pane. Each draws from `&App` and never changes it.

pub mod board;
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
pub mod summary;
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
    /// Rows wrap to as many lines as their text takes (a briefing's focused pane), rather than
    /// being cut with "…".
    pub wrap: bool,
}

/// Columns a wrapped row's later lines are indented by, to start under its text: the gutter
/// and the at-a-glance marks before it.
pub fn wrap_indent(app: &App) -> usize {
    1 + 5 + usize::from(app.config.archive.is_some()) + usize::from(app.marks.seen.is_some())
}

/// A row as drawn: the gutter (`›` on the selected row), its matches highlighted.
fn with_gutter<'a>(app: &App, line: Line<'a>, selected: bool) -> Line<'a> {
    let mut spans = vec![Span::styled(if selected { "›" } else { " " }, app.styles.accent)];
    spans.extend(line.spans);
    highlight(app, Line::from(spans))
}

/// The first row a briefing's list pane shows in a pane `width` columns wide and `height` lines
/// high, as drawing finds it: rows wrap in the focused pane, so the selection shows whole.
pub fn list_offset(app: &App, b: &Briefing, pane: Pane, cursor: Cursor, width: usize, height: usize, focused: bool) -> usize {
    let items = Pane::items(pane, b);
    if !focused {
        return layout::visible_offset(cursor.offset, cursor.selected, items.len(), height);
    }
    let indent = wrap_indent(app);
    let mut height_of = |i: usize| crate::tui::rows::wrap(with_gutter(app, row(app, b, pane, items[i]), false), width, indent).len();
    crate::tui::rows::window(cursor.offset, cursor.selected, items.len(), height, &mut height_of)
}

/// The row of a briefing's list pane drawn `y` lines below the top of its rows, if any.
pub fn list_row_at(app: &App, b: &Briefing, pane: Pane, offset: usize, width: usize, y: usize, focused: bool) -> Option<usize> {
    let items = Pane::items(pane, b);
    if !focused {
        return Some(offset + y).filter(|i| *i < items.len());
    }
    let indent = wrap_indent(app);
    let mut top = 0;
    for (i, item) in items.iter().enumerate().skip(offset) {
        top += crate::tui::rows::wrap(with_gutter(app, row(app, b, pane, *item), false), width, indent).len();
        if y < top {
            return Some(i);
        }
    }
    None
}

/// The row of an item in its list pane.
pub fn row<'a>(app: &App, b: &'a Briefing, pane: Pane, item: ItemRef) -> Line<'a> {
    match pane {
        Pane::Officials => officials::row(app, b, item),
        Pane::Commitments => commitments::row(app, b, item),
        Pane::Reactions => reactions::row(app, b, item),
        Pane::Facts => facts::row(app, b, item),
        Pane::Sources => sources::row(app, b, item),
        Pane::Timeline | Pane::Detail | Pane::Summary => timeline::row(app, b, item),
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
    // With read marks kept: `+` new since the briefing was last read, `~` changed.
    if app.marks.seen.is_some() {
        marks.push(match app.marks.item_mark(b, item) {
            Some(mark) => Span::styled(mark.to_string(), s.warning),
            None => Span::raw(" "),
        });
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
    let area = crate::tui::motion::area(app);
    match overlay {
        Overlay::Help(_) => {
            let (rect, lines) = help::layout(app, area);
            // The box's border takes a row above and below.
            lines.len().saturating_sub(usize::from(rect.height.saturating_sub(2)))
        }
        Overlay::Errors(_) => errors::content(app, errors::text_width(area)).1.len().saturating_sub(1),
    }
}

/// Draws a scrollable overlay box: clears `rect`, frames it, and shows `lines` from `scroll`
/// (clamped so the last page stays full). When they do not all fit, a scrollbar on the frame
/// and a mark at its foot say where the view is and that more is below.
pub fn draw_overlay(app: &App, buf: &mut Buffer, rect: Rect, block: ratatui::widgets::Block<'_>, lines: Vec<Line<'_>>, scroll: usize) {
    use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};
    ratatui::widgets::Clear.render(rect, buf);
    let inner = block.inner(rect);
    let height = usize::from(inner.height);
    let len = lines.len();
    let scroll = scroll.min(len.saturating_sub(height));
    let block = if scroll + height < len {
        block.title_bottom(Line::styled(format!(" ↓ {} more ", len - scroll - height), app.styles.accent).left_aligned())
    } else {
        block
    };
    block.render(rect, buf);
    for (i, line) in lines.into_iter().skip(scroll).take(height).enumerate() {
        crate::tui::rows::fit(line, usize::from(inner.width)).render(Rect { y: inner.y + i as u16, height: 1, ..inner }, buf);
    }
    if len > height {
        let mut state = ScrollbarState::new(len.saturating_sub(height)).position(scroll).viewport_content_length(height);
        let track = rect.inner(ratatui::layout::Margin::new(0, 1));
        Scrollbar::new(ScrollbarOrientation::VerticalRight).begin_symbol(None).end_symbol(None).render(track, buf, &mut state);
    }
}

/// Draws a framed list of rows with its selection, scrolled so the selection shows.
pub fn draw_list(buf: &mut Buffer, area: Rect, title: String, rows: Vec<Line<'_>>, cx: &ListCtx<'_>) {
    // A row may be asked for twice: once to measure it, once to draw it.
    draw_rows(buf, area, title, rows.len(), &mut |i| rows[i].clone(), cx);
}

/// [`draw_list`] for long lists: only the rows on screen are made, by `row(index)`. A row wider
/// than the pane ends with "…" where it is cut; with `wrap`, it takes as many lines as it needs.
pub fn draw_rows<'a>(buf: &mut Buffer, area: Rect, title: String, len: usize, row: &mut dyn FnMut(usize) -> Line<'a>, cx: &ListCtx<'_>) {
    let s = &cx.app.styles;
    let border = if cx.focused { s.accent } else { s.muted };
    let count = if len == 0 { String::new() } else { format!(" {}/{} ", cx.cursor.selected.min(len - 1) + 1, len) };
    // The title gives way to the count, with "…" where it is cut; two columns stay for the
    // frame's corners and one between them.
    let room = usize::from(area.width).saturating_sub(3 + count.chars().count());
    let title = crate::tui::rows::fit(Line::styled(format!(" {title} "), if cx.focused { s.accent } else { Style::new() }), room);
    let block = pane_block(cx.wide).border_style(border).title(title).title(Line::styled(count, s.muted).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    if len == 0 {
        crate::tui::rows::fit(Line::styled("  (none)", s.muted), usize::from(inner.width)).render(inner, buf);
        return;
    }
    let (width, height) = (usize::from(inner.width), usize::from(inner.height));
    let indent = wrap_indent(cx.app);
    // Each row is made once: measured to find where the list starts, then drawn from there.
    let mut made: std::collections::HashMap<usize, Vec<Line<'static>>> = std::collections::HashMap::new();
    let mut drawn = |i: usize| -> Vec<Line<'static>> {
        made.entry(i)
            .or_insert_with(|| {
                let line = with_gutter(cx.app, row(i), i == cx.cursor.selected);
                if cx.wrap { crate::tui::rows::wrap(line, width, indent) } else { vec![crate::tui::rows::fit(line, width)] }
            })
            .clone()
    };
    let offset = if cx.wrap {
        crate::tui::rows::window(cx.cursor.offset, cx.cursor.selected, len, height, &mut |i| drawn(i).len())
    } else {
        layout::visible_offset(cx.cursor.offset, cx.cursor.selected, len, height)
    };
    let mut y = 0;
    for i in offset..len {
        if y >= height {
            break;
        }
        let selected = i == cx.cursor.selected;
        for line in crate::tui::rows::at_most(drawn(i), height - y, width) {
            let rect = Rect { y: inner.y + y as u16, height: 1, ..inner };
            if selected && cx.focused {
                buf.set_style(rect, s.selection);
                line.patch_style(s.selection).render(rect, buf);
            } else {
                line.render(rect, buf);
            }
            y += 1;
        }
    }
}
