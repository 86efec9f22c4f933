//! The Market reactions pane: which way each market or analyst moved, with the figure, and a
//! bar as long as the move beside the others of its unit — up drawn `█`, down `▒`, so the two
//! read apart without colour too.

use ratatui::text::{Line, Span};

use crate::across::figure;
use crate::model::{Briefing, ItemRef};
use crate::text::visible;
use crate::tui::app::App;
use crate::tui::style::arrow;

/// The longest bar, in columns.
const BAR: usize = 8;

pub fn row<'a>(app: &App, b: &'a Briefing, item: ItemRef) -> Line<'a> {
    let r = &b.reactions[item.index];
    let style = app.styles.direction(r.direction);
    let mut spans = super::marks(app, b, item);
    spans.push(Span::styled(format!("{} {:<6} ", arrow(r.direction), visible(r.movement.as_deref().unwrap_or(""), false)), style));
    if let Some(bar) = bar(b, item) {
        spans.push(Span::styled(bar, style));
    }
    spans.push(Span::raw(visible(&r.market, false)));
    Line::from(spans)
}

/// The reaction's bar, padded to the longest: scaled to the largest move of the same unit in
/// the briefing. None when no reaction of the briefing reports a figure.
fn bar(b: &Briefing, item: ItemRef) -> Option<String> {
    let figures: Vec<Option<figure::Figure>> =
        b.reactions.iter().map(|r| r.movement.as_deref().and_then(|m| figure::of(m, r.direction))).collect();
    if figures.iter().all(Option::is_none) {
        return None;
    }
    let Some(f) = &figures[item.index] else { return Some(" ".repeat(BAR + 1)) };
    let max = figures.iter().flatten().filter(|o| o.unit == f.unit).map(|o| o.value.abs()).fold(0.0, f64::max);
    Some(format!("{:<BAR$} ", bar_of(f.value, max, BAR)))
}

/// A move's bar, at most `width` columns, as long as the move beside `largest` (at least a
/// column for any move): up `█`, down `▒`.
pub fn bar_of(value: f64, largest: f64, width: usize) -> String {
    if largest <= 0.0 {
        return String::new();
    }
    let cells = ((value.abs() / largest) * width as f64).round().max(1.0) as usize;
    (if value < 0.0 { "▒" } else { "█" }).repeat(cells.min(width))
}
