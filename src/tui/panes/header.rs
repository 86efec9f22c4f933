//! The briefing's header: title, dates, place, tags and related briefings. The summary below it
//! is a document of its own (`panes::summary`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::model::Briefing;
use crate::text::visible;
use crate::tui::app::App;

pub fn render(app: &App, b: &Briefing, area: Rect, buf: &mut Buffer) {
    let s = &app.styles;
    let mut facts = vec![Span::styled(b.date.to_string(), s.accent)];
    if let Some(end) = b.end_date {
        facts.push(Span::styled(format!(" – {end}"), s.accent));
    }
    if let Some(place) = &b.place {
        facts.push(Span::raw(format!(" · {}", visible(place, false))));
    }
    if !b.tags.is_empty() {
        let tags: Vec<String> = b.tags.iter().map(|t| format!("#{}", visible(t, false))).collect();
        facts.push(Span::styled(format!(" · {}", tags.join(" ")), s.muted));
    }
    if !b.related.is_empty() {
        facts.push(Span::styled(format!(" · related: {}", b.related.join(", ")), s.muted));
    }
    let mut title = vec![Span::styled(visible(&b.title, false), s.accent)];
    if let Some(path) = app.showing_stale() {
        title.push(Span::styled(format!("  (last good version: {} has errors)", crate::text::path(path)), s.error));
    }
    let width = usize::from(area.width);
    let lines = vec![crate::tui::rows::fit(Line::from(title), width), crate::tui::rows::fit(Line::from(facts), width)];
    Paragraph::new(lines).render(area, buf);
}
