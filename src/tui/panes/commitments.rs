//! The Commitments pane: what each side agreed, offered or demanded, its status and deadline.

use ratatui::text::{Line, Span};

use crate::model::{Briefing, ItemRef};
use crate::text::visible;
use crate::tui::app::App;

pub fn row<'a>(app: &App, b: &'a Briefing, item: ItemRef) -> Line<'a> {
    let c = &b.commitments[item.index];
    let mut spans = super::marks(app, b, item);
    spans.push(Span::styled(format!("{:<9}", c.status.as_str()), app.styles.status(c.status)));
    spans.push(Span::styled(format!("{} ", visible(&c.party, false)), app.styles.accent));
    if let Some(due) = &c.due {
        spans.push(Span::styled(format!("[due {}] ", visible(&due.to_string(), false)), app.styles.muted));
    }
    spans.push(Span::raw(visible(&c.text, false)));
    Line::from(spans)
}
