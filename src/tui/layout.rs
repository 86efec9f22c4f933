//! Where everything goes on screen. Pure functions of the size and state, used by drawing and by
//! mouse hit-testing alike, so a click lands on the row that was drawn there.

use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::widgets::{Block, Borders};

use crate::model::Briefing;
use crate::tui::app::{Pane, View};

/// Below this the reader shows "terminal too small" instead of a cramped screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Panes side by side from this size on; below it they become tabs.
const WIDE_WIDTH: u16 = 120;
const WIDE_HEIGHT: u16 = 32;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub fn is_wide(area: Rect) -> bool {
    area.width >= WIDE_WIDTH && area.height >= WIDE_HEIGHT
}

/// The frame of a pane: full borders when there is room, a top rule when tabbed.
pub fn pane_block<'a>(wide: bool) -> Block<'a> {
    if wide { Block::bordered() } else { Block::new().borders(Borders::TOP) }
}

/// The rows inside a pane's frame.
pub fn inner(rect: Rect, wide: bool) -> Rect {
    pane_block(wide).inner(rect)
}

/// The briefing view's regions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefingLayout {
    pub wide: bool,
    pub header: Rect,
    pub summary: Rect,
    /// The tab bar, when panes are tabbed.
    pub tabs: Option<Rect>,
    /// The panes shown, each with its frame.
    pub panes: Vec<(Pane, Rect)>,
    pub status: Rect,
}

impl BriefingLayout {
    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).map(|(_, r)| *r)
    }

    /// The pane whose frame holds a point.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<(Pane, Rect)> {
        self.panes.iter().copied().find(|(_, r)| r.contains((column, row).into()))
    }
}

/// How many lines the summary gets: all of it up to a third of the height on a wide screen, two
/// lines when tabbed.
fn summary_height(b: &Briefing, width: u16, height: u16, wide: bool) -> u16 {
    if !wide {
        return 2;
    }
    // Laid out several times a key (by `update` and by drawing) for the same summary: the last
    // answer is kept, by the summary's hash and the size.
    thread_local! {
        static LAST: std::cell::Cell<(u64, usize, usize, usize)> = const { std::cell::Cell::new((0, 0, 0, 0)) };
    }
    let (width, cap) = (usize::from(width.max(1)), usize::from((height / 4).max(1)));
    let hash = crate::text::stable_hash(b.summary.as_bytes());
    let lines = match LAST.get() {
        (h, w, c, lines) if (h, w, c) == (hash, width, cap) => lines,
        _ => summary_lines(&b.summary, width, cap),
    };
    LAST.set((hash, width, cap, lines));
    lines as u16
}

/// The lines `summary` takes wrapped to `width`, at most `cap` and at least one. Asked on every
/// key, so a long summary is not wrapped whole to learn that it fills the cap: a line holds at
/// most `width` columns as textwrap counts them and only spaces are dropped at a break, so a
/// paragraph whose other characters take `w` columns takes at least `w / width` lines, and one
/// that long fills what is left unwrapped.
fn summary_lines(summary: &str, width: usize, cap: usize) -> usize {
    let mut lines = 0;
    for paragraph in summary.split("\n\n") {
        let columns: usize = paragraph.split_whitespace().map(textwrap::core::display_width).sum();
        if lines + columns / width >= cap {
            return cap;
        }
        lines += textwrap::wrap(&paragraph.replace('\n', " "), width).len() + 1;
        if lines > cap {
            return cap;
        }
    }
    lines.saturating_sub(1).clamp(1, cap)
}

pub fn briefing(area: Rect, b: &Briefing, view: &View) -> BriefingLayout {
    let wide = is_wide(area);
    let zoomed_summary = view.zoomed && view.focus == Pane::Summary;
    let mut summary = summary_height(b, area.width.saturating_sub(3), area.height, wide);
    // The summary in focus gets half the screen to be read in.
    if view.focus == Pane::Summary {
        summary = summary.max(area.height.saturating_sub(3) / 2);
    }
    let summary = if zoomed_summary {
        Constraint::Fill(1)
    } else if view.zoomed {
        Constraint::Length(0)
    } else {
        Constraint::Length(summary)
    };
    let tabs = u16::from(!wide && !view.zoomed);
    let body = if zoomed_summary { Constraint::Length(0) } else { Constraint::Fill(1) };
    let [header, summary, tab_bar, body, status] =
        Layout::vertical([Constraint::Length(2), summary, Constraint::Length(tabs), body, Constraint::Length(1)]).areas(area);
    let header = header.inner(Margin::new(1, 0));
    let summary = summary.inner(Margin::new(1, 0));
    if view.zoomed {
        // The focused pane alone, framed, in all the room there is.
        let panes = if zoomed_summary { Vec::new() } else { vec![(view.focus, body)] };
        return BriefingLayout { wide: true, header, summary, tabs: None, panes, status };
    }
    if wide {
        // The detail gets half the width while it has the focus, a third otherwise.
        let grid_share = if view.focus == Pane::Detail { 50 } else { 66 };
        let [grid, detail] = Layout::horizontal([Constraint::Percentage(grid_share), Constraint::Fill(1)]).areas(body);
        let empty = |row: &[Pane]| row.iter().all(|p| p.len(b) == 0);
        let (top_row, bottom_row) = (&Pane::LISTS[..3], &Pane::LISTS[3..]);
        // A row of empty panes takes the lines that say so; the other row the rest.
        let heights = match (empty(top_row), empty(bottom_row)) {
            (true, false) => [Constraint::Length(EMPTY_ROW), Constraint::Fill(1)],
            (false, true) => [Constraint::Fill(1), Constraint::Length(EMPTY_ROW)],
            // The row with the focused pane is the taller one.
            _ if Pane::LISTS[3..].contains(&view.focus) => [Constraint::Percentage(40), Constraint::Fill(1)],
            _ => [Constraint::Percentage(60), Constraint::Fill(1)],
        };
        let [top, bottom] = Layout::vertical(heights).areas(grid);
        let columns = |r: Rect, row: &[Pane]| -> [Rect; 3] { Layout::horizontal(widths(row, b, view.focus)).areas(r) };
        let [a, b2, c] = columns(top, top_row);
        let [d, e, f] = columns(bottom, bottom_row);
        let panes = vec![
            (Pane::Officials, a),
            (Pane::Commitments, b2),
            (Pane::Reactions, c),
            (Pane::Facts, d),
            (Pane::Sources, e),
            (Pane::Timeline, f),
            (Pane::Detail, detail),
        ];
        return BriefingLayout { wide, header, summary, tabs: None, panes, status };
    }
    let list = if matches!(view.focus, Pane::Detail | Pane::Summary) { view.shown } else { view.focus };
    // The list and the detail share the height; the one with the focus has the larger part.
    let list_share = if view.focus == Pane::Detail { 35 } else { 55 };
    let [top, bottom] = Layout::vertical([Constraint::Percentage(list_share), Constraint::Fill(1)]).areas(body);
    BriefingLayout { wide, header, summary, tabs: Some(tab_bar), panes: vec![(list, top), (Pane::Detail, bottom)], status }
}

/// Lines a row of empty panes takes: its frame and "(none)".
const EMPTY_ROW: u16 = 3;
/// Columns an empty pane takes beside full ones: enough for its title and "(none)".
const EMPTY_WIDTH: u16 = 16;

/// The widths of a row of three list panes: the focused one two shares, an empty one only
/// what it needs to say it is empty, the others one share each.
fn widths(row: &[Pane], b: &Briefing, focus: Pane) -> [Constraint; 3] {
    let all_empty = row.iter().all(|p| p.len(b) == 0);
    let mut out = [Constraint::Fill(1); 3];
    for (slot, pane) in out.iter_mut().zip(row) {
        *slot = match (*pane == focus, pane.len(b) == 0) {
            (true, _) => Constraint::Fill(2),
            (false, true) if !all_empty => Constraint::Length(EMPTY_WIDTH),
            _ => Constraint::Fill(1),
        };
    }
    out
}

/// The tab labels and the columns each covers, for drawing and for clicks. `labels` are each
/// tab's key and name. When the names do not all fit, the other tabs show their keys alone, so
/// every tab and the active one's name are always there.
pub fn tabs(area: Rect, labels: &[(Pane, String, &str)], active: Pane) -> Vec<(Pane, String, std::ops::Range<u16>)> {
    let full = |(_, key, name): &(Pane, String, &str)| if key.is_empty() { name.to_string() } else { format!("{key} {name}") };
    let width = |label: &str| unicode_width::UnicodeWidthStr::width(label) as u16;
    let whole: u16 = labels.iter().map(|l| width(&full(l)) + 3).sum();
    let texts: Vec<(Pane, String)> = labels
        .iter()
        .map(|l| {
            let short = whole > area.width && l.0 != active && !l.1.is_empty();
            (l.0, if short { l.1.clone() } else { full(l) })
        })
        .collect();
    let mut x = area.x + 1;
    let mut out = Vec::new();
    for (pane, label) in texts {
        let w = width(&label);
        if x + w > area.right() {
            break;
        }
        out.push((pane, label, x..x + w));
        x += w + if whole > area.width { 2 } else { 3 };
    }
    out
}

/// The library screen's regions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryLayout {
    pub wide: bool,
    pub title: Rect,
    pub list: Rect,
    pub preview: Rect,
    pub status: Rect,
}

pub fn library(area: Rect) -> LibraryLayout {
    let wide = is_wide(area);
    let [title, body, status] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let [list, preview] = if wide {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(50), Constraint::Fill(1)]).areas(body)
    };
    LibraryLayout { wide, title: title.inner(Margin::new(1, 0)), list, preview, status }
}

/// A board's regions: its title, the chart above its rows, the rows, the selected row's
/// item, and the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardLayout {
    pub wide: bool,
    pub title: Rect,
    pub chart: Rect,
    pub list: Rect,
    pub preview: Rect,
    pub status: Rect,
}

/// Where a board goes, with `chart` rows for its chart.
pub fn board(area: Rect, chart: u16) -> BoardLayout {
    let l = library(area);
    let [chart_rect, body] = Layout::vertical([Constraint::Length(chart), Constraint::Fill(1)]).areas(l.list.union(l.preview));
    let [list, preview] = if l.wide {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(body)
    } else {
        Layout::vertical([Constraint::Percentage(50), Constraint::Fill(1)]).areas(body)
    };
    BoardLayout { wide: l.wide, title: l.title, chart: chart_rect.inner(Margin::new(1, 0)), list, preview, status: l.status }
}

/// A box centred in `area`, at most `width` by `height`, leaving a margin.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width.saturating_sub(4)).max(1.min(area.width));
    let height = height.min(area.height.saturating_sub(2)).max(1.min(area.height));
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

/// The first row to show so that `selected` is visible in `height` rows, starting from the
/// `stored` offset: the list scrolls only as far as it must.
pub fn visible_offset(stored: usize, selected: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    let mut offset = stored.min(len - height);
    if selected < offset {
        offset = selected;
    } else if selected >= offset + height {
        offset = selected + 1 - height;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_scroll_only_as_far_as_needed() {
        assert_eq!(visible_offset(0, 3, 10, 5), 0);
        assert_eq!(visible_offset(0, 7, 10, 5), 3);
        assert_eq!(visible_offset(3, 4, 10, 5), 3);
        assert_eq!(visible_offset(3, 1, 10, 5), 1);
        assert_eq!(visible_offset(9, 9, 10, 5), 5);
        assert_eq!(visible_offset(4, 0, 3, 5), 0);
        assert_eq!(visible_offset(4, 0, 3, 0), 0);
    }

    #[test]
    fn a_summary_cut_short_takes_the_lines_wrapping_it_whole_would_give() {
        let whole = |summary: &str, width: usize, cap: usize| -> usize {
            let lines: usize = summary.split("\n\n").map(|p| textwrap::wrap(&p.replace('\n', " "), width).len() + 1).sum();
            lines.saturating_sub(1).min(cap).max(1)
        };
        let words = ["rare", "earth", "magnets", "稀土", "export", "controls", "a", "supercalifragilistic", "e\u{301}"];
        let mut seed = 7u32;
        // What textwrap counts otherwise than a terminal does, or drops at a break.
        for summary in [
            "\u{26a0}\u{fe0f} ".repeat(400),
            format!("{}{}", "word ".repeat(20), "\t".repeat(1000)),
            format!("{}{}", "a".repeat(100), format!("{}{}", " ".repeat(300), "b".repeat(100)).repeat(6)),
            "\u{1b}[31mred\u{1b}[0m ".repeat(300),
        ] {
            for (width, cap) in [(118, 8), (40, 30), (10, 50)] {
                assert_eq!(summary_lines(&summary, width, cap), whole(&summary, width, cap), "{summary:?} at {width}, cap {cap}");
            }
        }
        for _ in 0..400 {
            let mut summary = String::new();
            let count = (seed % 120) as usize;
            for i in 0..count {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                summary.push_str(words[(seed >> 16) as usize % words.len()]);
                summary.push_str(match (seed >> 8) % 17 {
                    0 => "\n\n",
                    1 => "\n",
                    _ if i % 3 == 0 => "  ",
                    _ => " ",
                });
            }
            for (width, cap) in [(1, 1), (5, 3), (20, 2), (38, 10), (78, 5), (158, 12)] {
                assert_eq!(summary_lines(&summary, width, cap), whole(&summary, width, cap), "{summary:?} at {width}, cap {cap}");
            }
        }
    }

    #[test]
    fn centred_boxes_fit_any_area() {
        for (w, h) in [(0, 0), (1, 1), (3, 2), (80, 24)] {
            let area = Rect::new(0, 0, w, h);
            let r = centered(area, 70, 20);
            assert!(r.right() <= area.right() && r.bottom() <= area.bottom(), "{r:?} in {area:?}");
        }
    }
}
