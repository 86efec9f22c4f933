//! The Sources pane: what the briefing rests on, and how many items rest on each source.

use ratatui::text::{Line, Span};

use crate::model::{Briefing, ItemRef};
use crate::tui::app::App;

pub fn row<'a>(app: &App, b: &'a Briefing, item: ItemRef) -> Line<'a> {
    let citing = b.links.citing(item.index).len();
    Line::from(vec![Span::styled(format!("{citing:>3}← "), app.styles.muted), Span::raw(b.label(item))])
}
