//! Rows that can be read: a styled line cut to a width with "…" where it was cut, or wrapped to
//! several rows; and where a list of rows of different heights starts so its selection shows.
//! Used by drawing, `update` and the mouse alike, so a click lands on the row drawn there.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// The characters of a line with their styles: the unit both cutting and wrapping work in.
fn cells(line: &Line<'_>) -> Vec<(char, Style)> {
    line.spans.iter().flat_map(|span| span.content.chars().map(move |c| (c, line.style.patch(span.style)))).collect()
}

/// Spans again from styled characters, one span per run of a style.
fn spans(cells: &[(char, Style)]) -> Line<'static> {
    let mut out: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style = None;
    for &(c, s) in cells {
        if style.is_some_and(|st| st != s) {
            out.push(Span::styled(std::mem::take(&mut text), style.unwrap_or_default()));
        }
        style = Some(s);
        text.push(c);
    }
    if let Some(style) = style {
        out.push(Span::styled(text, style));
    }
    Line::from(out)
}

/// The line as it is, its text owned; trailing spaces dropped as wrapping drops them.
fn owned(line: Line<'_>) -> Line<'static> {
    let style = line.style;
    let spans: Vec<Span<'static>> = line.spans.into_iter().map(|s| Span::styled(s.content.into_owned(), s.style)).collect();
    Line::from(spans).style(style)
}

fn width_of(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The line's width in columns.
pub fn width(line: &Line<'_>) -> usize {
    line.width()
}

/// A line cut to `width` columns, ending with "…" (in the style of what it replaces) where it
/// was cut; a line that fits is returned as it is.
pub fn fit(line: Line<'_>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return owned(line);
    }
    let cells = cells(&line);
    if cells.iter().map(|(c, _)| width_of(*c)).sum::<usize>() <= width {
        return spans(&cells);
    }
    let mut kept = Vec::new();
    let mut used = 0;
    for &(c, s) in &cells {
        let w = width_of(c);
        if used + w + 1 > width {
            break;
        }
        used += w;
        kept.push((c, s));
    }
    // A cut that already ends with "…" (a snippet's) is not marked twice.
    if width > 0 && kept.last().is_none_or(|(c, _)| *c != '…') {
        let style = cells.get(kept.len()).map_or(Style::new(), |(_, s)| *s);
        kept.push(('…', style));
    }
    spans(&kept)
}

/// A line wrapped to rows of `width` columns at spaces (a word longer than a row is broken),
/// the rows after the first indented by `indent` columns.
pub fn wrap(line: Line<'_>, width: usize, indent: usize) -> Vec<Line<'static>> {
    if line.width() <= width {
        return vec![owned(line)];
    }
    let cells = cells(&line);
    let width = width.max(indent + 8);
    // Words: runs of characters up to and including the spaces after them.
    let mut words: Vec<&[(char, Style)]> = Vec::new();
    let mut start = 0;
    for i in 0..cells.len() {
        let ends = cells[i].0 == ' ' && cells.get(i + 1).is_none_or(|(c, _)| *c != ' ');
        if ends || i + 1 == cells.len() {
            words.push(&cells[start..=i]);
            start = i + 1;
        }
    }
    let mut rows: Vec<Vec<(char, Style)>> = vec![Vec::new()];
    let mut used = 0;
    for word in words {
        let visible: usize = word.iter().rev().skip_while(|(c, _)| *c == ' ').map(|(c, _)| width_of(*c)).sum();
        let fresh = rows.len() > 1 && used == indent || rows.len() == 1 && used == 0;
        if used + visible > width && !fresh {
            rows.push(vec![(' ', Style::new()); indent]);
            used = indent;
        }
        for &(c, s) in word {
            let w = width_of(c);
            // A word wider than a whole row is broken where the row ends.
            if used + w > width && c != ' ' {
                rows.push(vec![(' ', Style::new()); indent]);
                used = indent;
            }
            if let Some(row) = rows.last_mut() {
                row.push((c, s));
            }
            used += w;
        }
    }
    rows.iter()
        .map(|row| {
            let end = row.iter().rposition(|(c, _)| *c != ' ').map_or(0, |i| i + 1);
            spans(&row[..end])
        })
        .collect()
}

/// A wrapped row in at most `room` lines: when it needs more, its last line shown takes the rest
/// of it, cut with "…".
pub fn at_most(mut lines: Vec<Line<'static>>, room: usize, width: usize) -> Vec<Line<'static>> {
    if lines.len() <= room || room == 0 {
        lines.truncate(room);
        return lines;
    }
    let rest = lines.split_off(room - 1);
    let mut joined: Vec<Span<'static>> = Vec::new();
    for (n, line) in rest.into_iter().enumerate() {
        let mut spans = line.spans.into_iter();
        if n > 0 {
            // A later line's indent goes; one space joins it to the line before.
            if let Some(first) = spans.next() {
                joined.push(Span::raw(" "));
                joined.push(Span::styled(first.content.trim_start().to_string(), first.style));
            }
        }
        joined.extend(spans);
    }
    lines.push(fit(Line::from(joined), width));
    lines
}

/// The first row of a list whose rows take `heights` lines, shown in `height` lines, so that
/// `selected` shows whole (or from its top, when it is taller than the pane), starting from the
/// `stored` first row: the list scrolls only as far as it must, and, when `heights` reach the
/// list's end, leaves no empty lines below its last row that rows above could fill.
pub fn offset(stored: usize, selected: usize, heights: &[usize], height: usize, at_end: bool) -> usize {
    let len = heights.len();
    if len == 0 || height == 0 {
        return 0;
    }
    let selected = selected.min(len - 1);
    let mut offset = stored.min(len - 1).min(selected);
    while offset < selected && heights[offset..=selected].iter().sum::<usize>() > height {
        offset += 1;
    }
    while at_end && offset > 0 && heights[offset - 1..].iter().sum::<usize>() <= height {
        offset -= 1;
    }
    offset
}

/// Where a list of `len` rows starts when its rows take the lines `height_of` gives, as
/// [`offset`] finds it; only the rows that can share the pane with the selection are measured,
/// so a list of 40,000 rows costs what one of a pane's height does.
pub fn window(stored: usize, selected: usize, len: usize, height: usize, height_of: &mut dyn FnMut(usize) -> usize) -> usize {
    if len == 0 {
        return 0;
    }
    let selected = selected.min(len - 1);
    let lo = selected.saturating_sub(height);
    let hi = (selected + height + 1).min(len);
    let heights: Vec<usize> = (lo..hi).map(|i| height_of(i).max(1)).collect();
    lo + offset(stored.max(lo) - lo, selected - lo, &heights, height, hi == len)
}

/// The row drawn at line `y` of a list starting at `offset`, if any.
pub fn at(offset: usize, heights: &[usize], y: usize) -> Option<usize> {
    let mut top = 0;
    for (i, h) in heights.iter().enumerate().skip(offset) {
        if y < top + h {
            return Some(i);
        }
        top += h;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line<'_>) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_and_keeps_styles() {
        let bold = Style::new().bold();
        let line = Line::from(vec![Span::styled("pending ", bold), Span::raw("China resumes rare-earth exports")]);
        let cut = fit(line.clone(), 20);
        assert_eq!(text(&cut), "pending China resum…");
        assert_eq!(cut.spans[0].style, bold);
        assert_eq!(cut.width(), 20);
        assert_eq!(text(&fit(line.clone(), 60)), "pending China resumes rare-earth exports");
        assert_eq!(text(&fit(Line::raw("稀土出口管制"), 7)), "稀土出…");
    }

    #[test]
    fn wrap_breaks_at_spaces_indents_and_loses_nothing() {
        let line =
            Line::from(vec![Span::raw("› 2   "), Span::raw("The US eases some of its export restrictions on chips and chip technology")]);
        let rows = wrap(line, 30, 6);
        let shown: Vec<String> = rows.iter().map(text).collect();
        assert_eq!(shown, ["› 2   The US eases some of its", "      export restrictions on", "      chips and chip", "      technology"]);
        assert!(rows.iter().all(|r| r.width() <= 30));
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(words(&shown.join(" ")), words("› 2 The US eases some of its export restrictions on chips and chip technology"));
        let long = wrap(Line::raw(format!("id {}", "x".repeat(50))), 20, 2);
        assert!(long.iter().all(|r| r.width() <= 20), "{:?}", long.iter().map(text).collect::<Vec<_>>());
    }

    #[test]
    fn a_row_taller_than_its_room_ends_with_an_ellipsis() {
        let rows = wrap(Line::raw("one two three four five six seven eight nine ten eleven twelve"), 12, 2);
        assert!(rows.len() > 3);
        let shown = at_most(rows.clone(), 3, 12);
        assert_eq!(shown.len(), 3);
        assert_eq!(text(&shown[0]), text(&rows[0]));
        assert!(text(&shown[2]).ends_with('…') && shown[2].width() <= 12, "{:?}", text(&shown[2]));
        assert_eq!(at_most(rows.clone(), 10, 12), rows);
    }

    #[test]
    fn offsets_keep_the_selection_whole_and_scroll_no_further_than_needed() {
        let heights = [1, 3, 1, 2, 4, 1];
        assert_eq!(offset(0, 0, &heights, 5, true), 0);
        assert_eq!(offset(0, 2, &heights, 5, true), 0, "rows 0-2 take 5 lines");
        assert_eq!(offset(0, 3, &heights, 5, true), 2);
        assert_eq!(offset(2, 1, &heights, 5, true), 1);
        assert_eq!(offset(0, 4, &heights, 3, true), 4, "taller than the pane: from its top");
        assert_eq!(offset(5, 5, &heights, 10, true), 2, "no empty lines below the last row");
        // Measuring only the rows around the selection gives the same answer.
        for stored in 0..6 {
            for selected in 0..6 {
                for height in 1..12 {
                    let whole = offset(stored, selected, &heights, height, true);
                    assert_eq!(window(stored, selected, 6, height, &mut |i| heights[i]), whole, "{stored} {selected} {height}");
                }
            }
        }
        assert_eq!(at(1, &heights, 0), Some(1));
        assert_eq!(at(1, &heights, 3), Some(2));
        assert_eq!(at(1, &heights, 11), None);
    }
}
