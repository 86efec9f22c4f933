//! The Key facts pane: the background figures, then where sources disagree.

use ratatui::text::{Line, Span};

use crate::model::{Briefing, ItemRef, Kind};
use crate::text::visible;
use crate::tui::app::App;

pub fn row<'a>(app: &App, b: &'a Briefing, item: ItemRef) -> Line<'a> {
    let mut spans = super::marks(app, b, item);
    match item.kind {
        Kind::Discrepancy => {
            spans.push(Span::styled("disagree: ", app.styles.warning));
            spans.push(Span::raw(visible(&b.discrepancies[item.index].text, false)));
        }
        _ => spans.push(Span::raw(visible(&b.facts[item.index].text, false))),
    }
    Line::from(spans)
}
