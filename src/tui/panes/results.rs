//! The search results: one row per hit — briefing › kind › item, the field, a snippet with the
//! matches highlighted — a preview of the selected hit, and the search line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::model::Briefing;
use crate::search::matcher::{Snippet, snippet};
use crate::search::{Hit, Place};
use crate::tui::app::{App, Cursor, Pane};
use crate::tui::detail;
use crate::tui::layout::{self, pane_block};
use crate::tui::panes::{ListCtx, draw_rows, highlight};

/// The snippet as spans, its matches in the highlight style.
fn marked(app: &App, s: &Snippet) -> Vec<Span<'static>> {
    let chars: Vec<char> = s.text.chars().collect();
    let mut spans = Vec::new();
    let mut at = 0;
    for m in &s.marks {
        spans.push(Span::raw(chars[at..m.start].iter().collect::<String>()));
        spans.push(Span::styled(chars[m.start..m.end].iter().collect::<String>(), app.styles.highlight));
        at = m.end;
    }
    spans.push(Span::raw(chars[at..].iter().collect::<String>()));
    spans
}

fn row(app: &App, hit: &Hit, width: usize) -> Line<'static> {
    let s = &app.styles;
    let Some(b) = app.live.get(&hit.briefing) else { return Line::raw(hit.item.to_string()) };
    let terms = app.search.as_ref().map_or(&[][..], |s| s.terms.as_slice());
    let place = match hit.place {
        Place::Briefing => format!("{} › briefing", hit.briefing),
        Place::Item(item) => format!("{} › {} › {}", hit.briefing, item.kind, hit.item),
    };
    let used = place.chars().count() + hit.field.len() + 5;
    let mut spans = vec![Span::styled(place, s.accent), Span::styled(format!("  {}: ", hit.field), s.muted)];
    spans.extend(marked(app, &snippet(b, hit, terms, width.saturating_sub(used).max(20))));
    Line::from(spans)
}

pub fn render(app: &App, cursor: Cursor, area: Rect, buf: &mut Buffer) {
    let l = layout::library(area);
    let s = &app.styles;
    let Some(search) = &app.search else { return };
    let hits = search.hits();
    let title = match &search.outcome {
        Ok(_) if search.terms.is_empty() && !search.input().trim().is_empty() && search.input().trim().chars().count() == 1 => {
            "Keep typing".to_string()
        }
        Ok(_) if search.pending.is_some() => "Searching…".to_string(),
        Ok(h) if h.is_empty() && !search.input().trim().is_empty() => {
            format!("No hits for “{}”", crate::text::visible(search.input(), false))
        }
        Ok(h) => crate::text::counted(h.len(), "hit", "hits"),
        Err(_) => "Not a query yet".to_string(),
    };
    Line::styled(format!("Search · {title}"), s.accent).render(l.title, buf);
    let width = usize::from(layout::inner(l.list, true).width);
    match app.live.at(0) {
        Some(first) if !hits.is_empty() => {
            // The selected hit in the selection colour even while typing: ctrl-n and ctrl-p move it.
            let cx = ListCtx { app, b: first, pane: Pane::Officials, cursor, focused: true, wide: true, wrap: false };
            draw_rows(buf, l.list, "Results".into(), hits.len(), &mut |i| row(app, &hits[i], width), &cx);
        }
        _ => {
            let block = pane_block(true).border_style(s.muted).title(" Results ");
            let inner = block.inner(l.list);
            block.render(l.list, buf);
            let text = match &search.outcome {
                Err(err) => Line::styled(format!("  {}", err.message), s.error),
                Ok(_) if search.input().trim().chars().count() == 1 && app.live.len() >= crate::tui::search::BROAD => {
                    Line::styled("  Keep typing: one letter matches most of a library this size.", s.muted)
                }
                Ok(_) if search.pending.is_some() => Line::styled("  Searching…", s.muted),
                Ok(_) if search.input().trim().is_empty() => {
                    Line::styled("  Type words, \"phrases\", -exclusions or filters such as kind:reaction — see docs/search.md", s.muted)
                }
                Ok(_) => Line::styled(format!("  No hits for “{}”.", crate::text::visible(search.input(), false)), s.warning),
            };
            Paragraph::new(text).wrap(Wrap { trim: false }).render(inner, buf);
        }
    }
    if let Some(hit) = hits.get(cursor.selected) {
        preview(app, hit, l.preview, buf);
    }
    search_line(app, l.status, buf);
}

fn preview(app: &App, hit: &Hit, area: Rect, buf: &mut Buffer) {
    let Some(b) = app.live.get(&hit.briefing) else { return preview_box(app, hit.briefing.to_string(), Vec::new(), area, buf) };
    let lines = match hit.place {
        Place::Item(item) => item_lines(app, b, item, area),
        Place::Briefing => briefing_lines(app, b),
    };
    preview_box(app, hit.briefing.to_string(), lines, area, buf);
}

/// An item as its detail pane says it, for a preview box in `area` (none when the briefing
/// has no such item).
pub fn item_lines(app: &App, b: &Briefing, item: crate::model::ItemRef, area: Rect) -> Vec<Line<'static>> {
    if !b.has(item) {
        return Vec::new();
    }
    detail::wrap(&detail::detail(&app.live, b, item), layout::inner(area, true).width)
        .into_iter()
        .map(|r| highlight(app, Line::from(r.pieces.into_iter().map(|p| Span::raw(p.text)).collect::<Vec<_>>())))
        .collect()
}

/// A briefing's title and summary, for a preview box.
pub fn briefing_lines(app: &App, b: &Briefing) -> Vec<Line<'static>> {
    [b.title.as_str(), "", b.summary.as_str()]
        .iter()
        .map(|t| highlight(app, Line::raw(crate::text::visible(&t.replace('\n', " "), false))))
        .collect()
}

/// A box titled `title` showing `lines` wrapped to its width; when they do not fit, the last
/// row says how many more there are and that enter opens the item.
pub fn preview_box(app: &App, title: String, lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    let block = pane_block(true).border_style(app.styles.muted).title(format!(" {} ", crate::text::visible(&title, false)));
    let inner = block.inner(area);
    block.render(area, buf);
    // Wrapped here, so a preview longer than its room can say so on its last line.
    let width = usize::from(inner.width);
    let mut rows: Vec<Line> = lines.into_iter().flat_map(|l| crate::tui::rows::wrap(l, width, 0)).collect();
    let height = usize::from(inner.height);
    if rows.len() > height && height > 0 {
        let more = rows.len() - (height - 1);
        rows.truncate(height - 1);
        let open = app.key_hint(&crate::action::Action::Follow);
        rows.push(Line::styled(format!("↓ {more} more lines: {open} opens it"), app.styles.muted));
    }
    for (i, row) in rows.into_iter().enumerate() {
        row.render(Rect { y: inner.y + i as u16, height: 1, ..inner }, buf);
    }
}

/// The search line in place of the status line: `/query` with the cursor while typing (the
/// query in the selection colour while it is selected whole), what just happened otherwise.
fn search_line(app: &App, area: Rect, buf: &mut Buffer) {
    let s = &app.styles;
    let Some(search) = &app.search else { return };
    let mut spans = vec![Span::styled("/", s.accent)];
    if search.editing {
        let hint = "   enter opens · tab results · ↑ earlier · esc closes";
        let room = usize::from(area.width).saturating_sub(1 + hint.chars().count()).max(12);
        spans.extend(editing(app, &search.line, room));
        spans.push(Span::styled(hint, s.muted));
    } else {
        spans.push(Span::raw(crate::text::visible(search.input(), false)));
        if let Some(status) = &app.status {
            // What just happened (an export, a hit number) matters more than the key hints.
            spans.push(Span::styled(format!("   {}", status.text), if status.error { s.error } else { s.accent }));
        } else {
            let key = app.key_hint(&crate::action::Action::Search);
            spans.push(Span::styled(format!("   {key} edits · enter opens · esc closes"), s.muted));
        }
    }
    if let Err(err) = &search.outcome {
        spans.push(Span::styled(format!("   {err}"), s.error));
    }
    crate::tui::rows::fit(Line::from(spans), usize::from(area.width)).render(area, buf);
}

/// The line being edited in `room` columns: the cursor a reversed cell, kept in view by
/// cutting the text on either side with "…".
pub fn editing(app: &App, line: &crate::tui::line::Field, room: usize) -> Vec<Span<'static>> {
    use unicode_width::UnicodeWidthStr;
    let s = &app.styles;
    let text = line.text();
    if line.selected() {
        // The cell after the text stays for the cursor, as when it is not selected.
        let shown = crate::text::fit(&crate::text::visible(text, false), room.saturating_sub(1));
        return vec![Span::styled(shown, s.selection), Span::raw(" ")];
    }
    let before = crate::text::visible(&text[..line.cursor()], false);
    let mut rest = text[line.cursor()..].chars();
    let under = rest.next().map_or_else(|| " ".to_string(), |c| crate::text::visible(&c.to_string(), false));
    let after = crate::text::visible(rest.as_str(), false);
    // What follows the cursor gets at most a third of the room; what comes before, the rest.
    let after_room = room.saturating_sub(before.width() + under.width()).max(room / 3);
    let after = crate::text::fit(&after, after_room);
    let before_room = room.saturating_sub(under.width() + after.width());
    let before = crate::text::fit_end(&before, before_room);
    vec![Span::raw(before), Span::styled(under, Style::new().add_modifier(ratatui::style::Modifier::REVERSED)), Span::raw(after)]
}
