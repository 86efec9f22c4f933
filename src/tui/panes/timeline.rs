//! The Timeline pane: events by date, partial dates before the days they cover.

use ratatui::text::{Line, Span};

use crate::model::{Briefing, ItemRef};
use crate::text::visible;
use crate::tui::app::App;

pub fn row<'a>(app: &App, b: &'a Briefing, item: ItemRef) -> Line<'a> {
    let e = &b.events[item.index];
    let mut spans = super::marks(app, b, item);
    spans.push(Span::styled(format!("{:<10} ", e.date.to_string()), app.styles.accent));
    spans.push(Span::raw(visible(&e.text, false)));
    Line::from(spans)
}
