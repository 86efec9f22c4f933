//! The help overlay: the keys of the active key map grouped by where they work, the search
//! line's keys, the row marks and colours explained, and the mouse. Sized to its content and
//! the terminal, wrapped, scrolled like any list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

use crate::action::Action;
use crate::model::{Direction, Status};
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::rows;
use crate::tui::style::arrow;

/// Where each key works, and the actions listed there, in the order a new reader needs them.
const GROUPS: &[(&str, &[Action])] = &[
    ("Everywhere", &[Action::Help, Action::Quit, Action::Search, Action::Back, Action::Forward, Action::Errors, Action::Close]),
    (
        "Lists (the library, a briefing's panes, search results)",
        &[
            Action::Down,
            Action::Up,
            Action::Top,
            Action::Bottom,
            Action::HalfPageDown,
            Action::HalfPageUp,
            Action::PageDown,
            Action::PageUp,
            Action::Follow,
            Action::NextHit,
            Action::PrevHit,
        ],
    ),
    (
        "The library",
        &[Action::NextPane, Action::FocusRight, Action::FocusLeft, Action::FocusSummary, Action::Export, Action::Copy, Action::MarkRead],
    ),
    (
        "A briefing",
        &[
            Action::FocusOfficials,
            Action::FocusCommitments,
            Action::FocusReactions,
            Action::FocusFacts,
            Action::FocusSources,
            Action::FocusTimeline,
            Action::FocusDetail,
            Action::FocusSummary,
            Action::FocusLeft,
            Action::FocusRight,
            Action::NextPane,
            Action::PrevPane,
            Action::Zoom,
            Action::PrevBriefing,
            Action::NextBriefing,
            Action::Copy,
            Action::Edit,
            Action::Export,
            Action::Traded,
            Action::MarkRead,
        ],
    ),
    ("The detail and citations", &[Action::Follow, Action::OpenUrl, Action::CopyUrl, Action::Passage]),
    (
        "Across the library",
        &[
            Action::Tracker,
            Action::Timeline,
            Action::Reactions,
            Action::Official,
            Action::Weak,
            Action::Filter,
            Action::Sort,
            Action::Traded,
            Action::Edit,
        ],
    ),
];

/// The search line's keys: fixed, as a shell's line.
const LINE_KEYS: &[(&str, &str)] = &[
    ("← → ctrl-b ctrl-f", "a character left or right"),
    ("alt-b alt-f", "a word left or right"),
    ("home end ctrl-a ctrl-e", "the start or end of the line"),
    ("ctrl-w ctrl-u ctrl-k alt-d", "delete a word back, to the start, to the end, a word ahead"),
    ("↑ ↓", "earlier and later searches (kept across runs)"),
    ("ctrl-n ctrl-p tab", "move through the results; tab hands them the keys"),
];

/// A line of a key and what it does: the keys in a column as wide as the widest, the text
/// wrapping under itself.
fn entry(keys: &str, what: &str, column: usize, width: usize, key_style: Style) -> Vec<Line<'static>> {
    let line = Line::from(vec![Span::styled(format!("  {keys:<column$}  "), key_style), Span::raw(what.to_string())]);
    rows::wrap(line, width, column + 4)
}

fn heading(text: &str, app: &App) -> Line<'static> {
    Line::styled(text.to_string(), app.styles.accent.add_modifier(ratatui::style::Modifier::UNDERLINED))
}

/// The help's lines at `width` columns.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let s = &app.styles;
    let keys_of = |action: &Action| -> String {
        let keys: Vec<String> = app.config.keys.keys(action).map(ToString::to_string).collect();
        if keys.is_empty() { "(unbound)".to_string() } else { keys.join(" ") }
    };
    let column = GROUPS
        .iter()
        .flat_map(|(_, actions)| actions.iter().map(|a| keys_of(a).width()))
        .chain(LINE_KEYS.iter().map(|(k, _)| k.width()))
        .max()
        .unwrap_or(0)
        .min(width / 2);
    let mut out = Vec::new();
    for (title, actions) in GROUPS {
        out.push(heading(title, app));
        for action in *actions {
            out.extend(entry(&keys_of(action), action.description(), column, width, s.accent));
        }
        out.push(Line::raw(""));
    }
    out.push(heading("The search line", app));
    for (keys, what) in LINE_KEYS {
        out.extend(entry(keys, what, column, width, s.accent));
    }
    out.push(Line::raw(""));
    out.push(heading("In an overlay (this help, the errors view)", app));
    let (down, up, top, bottom) =
        (app.key_hint(&Action::Down), app.key_hint(&Action::Up), app.key_hint(&Action::Top), app.key_hint(&Action::Bottom));
    let overlay_keys = [
        (format!("{down} {up}"), "scroll; in the errors view, mark the next or previous error"),
        (format!("{top} {bottom}"), "the top or the end"),
        (app.key_hint(&Action::Edit), "in the errors view: open the marked error's file at its line"),
        (format!("{} {}", app.key_hint(&Action::Close), app.key_hint(&Action::Help)), "close"),
    ];
    for (keys, what) in overlay_keys {
        out.extend(entry(&keys, what, column, width, s.accent));
    }
    out.push(Line::raw(""));
    out.push(heading("Row marks", app));
    let marks = [
        ("3", "how many distinct sources the item cites"),
        ("!", "one source or none: check before quoting"),
        ("≠", "the sources disagree about it (see Key facts)"),
        ("?", "its saved copies do not back it (with an archive folder; the detail says how)"),
        ("18←", "in Sources: how many items rest on the source"),
    ];
    for (mark, what) in marks {
        out.extend(entry(mark, what, column, width, s.warning));
    }
    let directions = [Some(Direction::Up), Some(Direction::Down), Some(Direction::Flat), Some(Direction::Volatile)];
    let arrows: Vec<&str> = directions.iter().map(|d| arrow(*d)).collect();
    out.extend(entry(&arrows.join(" "), "a market up, down, flat, volatile", column, width, s.accent));
    out.push(Line::raw(""));
    out.push(heading("Colours", app));
    let statuses = [Status::Proposed, Status::Pending, Status::Agreed, Status::InForce, Status::Disputed, Status::Withdrawn];
    let mut line = vec![Span::raw("  ")];
    for status in statuses {
        line.push(Span::styled(status.to_string(), s.status(status)));
        line.push(Span::raw("  "));
    }
    out.extend(rows::wrap(Line::from(line), width, 2));
    out.extend(rows::wrap(
        Line::from(vec![
            Span::raw("  "),
            Span::styled("match", s.highlight),
            Span::raw(" a search match   "),
            Span::styled("warning", s.warning),
            Span::raw(" a warning   "),
            Span::styled("error", s.error),
            Span::raw(" an error   "),
            Span::styled("selected", s.selection),
            Span::raw(" the selection"),
        ]),
        width,
        2,
    ));
    out.push(Line::raw(""));
    out.push(heading("The mouse", app));
    out.extend(rows::wrap(
        Line::raw("  A click focuses a pane and selects a row; a click on the selected reference follows it; the wheel scrolls the pane under the pointer."),
        width,
        2,
    ));
    out
}

/// The widest the help's lines would be unwrapped, for sizing its box.
fn natural_width(app: &App) -> usize {
    lines(app, 1000).iter().map(Line::width).max().unwrap_or(0)
}

/// Where the help is drawn in `area`, and its lines wrapped to fit it.
pub fn layout(app: &App, area: Rect) -> (Rect, Vec<Line<'static>>) {
    // Sized to what it holds, within the terminal; the lines wrap to the width it gets.
    let width = (natural_width(app) + 4).min(usize::from(area.width.saturating_sub(4))).min(100);
    let text = width.saturating_sub(3);
    let lines = lines(app, text);
    let rect = layout::centered(area, width as u16, u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    (rect, lines)
}

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let (rect, lines) = layout(app, area);
    let close = app.key_hint(&Action::Help);
    let block = Block::bordered()
        .border_style(app.styles.accent)
        .title(" Keys ")
        .title_bottom(Line::raw(format!(" {close} or esc closes ")).right_aligned());
    super::draw_overlay(app, buf, rect, block, lines, scroll);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bindable_action_is_in_a_group() {
        for action in Action::BINDABLE {
            assert!(GROUPS.iter().any(|(_, actions)| actions.contains(action)), "{action:?} is in no group of the help");
        }
    }
}
