//! The Officials pane: who was at the table, and for which side.

use ratatui::text::{Line, Span};

use crate::model::{Briefing, ItemRef};
use crate::text::visible;
use crate::tui::app::App;

pub fn row<'a>(app: &App, b: &'a Briefing, item: ItemRef) -> Line<'a> {
    let o = &b.officials[item.index];
    let mut spans = super::marks(app, b, item);
    spans.push(Span::raw(visible(&o.name, false)));
    if let Some(side) = &o.side {
        spans.push(Span::styled(format!(" ({})", visible(side, false)), app.styles.muted));
    }
    if let Some(role) = &o.role {
        spans.push(Span::styled(format!(" · {}", visible(role, false)), app.styles.muted));
    }
    Line::from(spans)
}
