//! The Market reactions pane: which way each market or analyst moved, with the figure.

use ratatui::text::{Line, Span};

use crate::model::{Briefing, ItemRef};
use crate::text::visible;
use crate::tui::app::App;
use crate::tui::style::arrow;

pub fn row<'a>(app: &App, b: &'a Briefing, item: ItemRef) -> Line<'a> {
    let r = &b.reactions[item.index];
    let style = app.styles.direction(r.direction);
    let mut spans = super::marks(app, b, item);
    spans.push(Span::styled(format!("{} {:<6} ", arrow(r.direction), visible(r.movement.as_deref().unwrap_or(""), false)), style));
    spans.push(Span::raw(visible(&r.market, false)));
    Line::from(spans)
}
