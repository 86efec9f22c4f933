//! The passage view: the source and the claim on top, the saved copy's text wrapped below with
//! the cited place marked in the gutter and the claim's figures and names highlighted.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthChar;

use crate::action::Action;
use crate::archive::Role;
use crate::archive::passage::Passage;
use crate::tui::app::{App, Reading};

/// Columns of the gutter that marks the cited place.
const GUTTER: u16 = 2;
/// The claim shows in at most this many rows; the rest is in the detail.
const CLAIM_ROWS: usize = 3;

/// Where everything goes.
pub struct Layout {
    pub header: Rect,
    pub claim: Rect,
    pub frame: Rect,
    /// The row that says the cited place is not there, when it is not.
    pub banner: Option<Rect>,
    /// The article's text, right of the gutter.
    pub text: Rect,
    pub status: Rect,
}

pub fn layout(app: &App, r: &Reading, area: Rect) -> Layout {
    let row = |y: u16, height: u16| Rect { y, height, ..area };
    let header = row(area.y, 1.min(area.height));
    let claim_rows = claim(app, r).map_or(0, |text| wrap(&text, usize::from(area.width.saturating_sub(8))).len().min(CLAIM_ROWS));
    let claim = row(header.bottom(), (claim_rows as u16).min(area.height.saturating_sub(4)));
    let status = row(area.bottom().saturating_sub(1), 1);
    let frame = row(claim.bottom(), status.y.saturating_sub(claim.bottom()));
    let inner = Block::bordered().inner(frame);
    // The warning wraps, up to three rows, so the places the copy does have can be read.
    let banner =
        banner(r).map(|text| Rect { height: (wrap(&text, usize::from(inner.width)).len().min(3) as u16).min(inner.height), ..inner });
    let below = banner.map_or(inner.y, |b| b.bottom());
    let text = Rect {
        x: inner.x + GUTTER,
        y: below,
        // A column free on the right, so text does not touch the border.
        width: inner.width.saturating_sub(GUTTER + 1),
        height: inner.bottom().saturating_sub(below),
    };
    Layout { header, claim, frame, banner, text, status }
}

/// The claim read against the copy; none when a source is read whole.
fn claim(app: &App, r: &Reading) -> Option<String> {
    let b = app.live.get(&r.cited.briefing)?;
    let text = crate::archive::findings::claim(b, r.cited.item);
    (!text.trim().is_empty()).then(|| crate::text::visible(&text.split_whitespace().collect::<Vec<_>>().join(" "), false))
}

/// One screen row: a piece of an article line, or a blank row between blocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The index of the passage line.
    pub line: usize,
    pub chars: Range<usize>,
    pub bytes: Range<usize>,
    pub blank: bool,
}

/// The passage wrapped to `width` columns, a blank row between blocks.
pub fn rows(passage: &Passage, width: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    for (i, line) in passage.lines.iter().enumerate() {
        if i > 0 {
            rows.push(Row { line: i, chars: 0..0, bytes: 0..0, blank: true });
        }
        rows.extend(wrap(&line.text, width).into_iter().map(|cut| Row { line: i, chars: cut.chars, bytes: cut.bytes, blank: false }));
    }
    rows
}

/// The rows of a reading at `width`: those kept when wrapped to it, else wrapped now.
pub fn rows_at(r: &Reading, width: usize) -> std::borrow::Cow<'_, [Row]> {
    if r.wrapped.0 == width { std::borrow::Cow::Borrowed(&r.wrapped.1) } else { std::borrow::Cow::Owned(rows(&r.passage, width)) }
}

/// The first row of a line.
pub fn row_of(rows: &[Row], line: usize) -> usize {
    rows.iter().position(|r| r.line == line && !r.blank).unwrap_or(0)
}

/// The row that shows character `at` of a line.
pub fn row_at(rows: &[Row], line: usize, at: usize) -> usize {
    rows.iter().position(|r| r.line == line && !r.blank && r.chars.end > at).unwrap_or_else(|| row_of(rows, line))
}

/// A row's piece of a line, as characters (where terms are counted) and as bytes (to slice
/// the text without walking it from the start: a saved line may run to megabytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cut {
    pub chars: Range<usize>,
    pub bytes: Range<usize>,
}

/// Greedy word wrap by display width; a word wider than a row is cut. One pass over the text,
/// each word measured before it is placed.
fn wrap(text: &str, width: usize) -> Vec<Cut> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let (mut row_c, mut row_b, mut used) = (0, 0, 0);
    let (mut c, mut b) = (0, 0);
    while b < text.len() {
        let (mut end_c, mut end_b, mut word) = (c, b, 0);
        for ch in text[b..].chars().take_while(|ch| *ch != ' ') {
            (end_c, end_b, word) = (end_c + 1, end_b + ch.len_utf8(), word + ch.width().unwrap_or(0));
        }
        if used + word > width && used > 0 {
            rows.push(Cut { chars: row_c..c, bytes: row_b..b });
            (row_c, row_b, used) = (c, b, 0);
        }
        if word > width {
            let (mut k_c, mut k_b) = (c, b);
            for ch in text[b..end_b].chars() {
                let w = ch.width().unwrap_or(0);
                if used + w > width && used > 0 {
                    rows.push(Cut { chars: row_c..k_c, bytes: row_b..k_b });
                    (row_c, row_b, used) = (k_c, k_b, 0);
                }
                (used, k_c, k_b) = (used + w, k_c + 1, k_b + ch.len_utf8());
            }
        } else {
            used += word;
        }
        (c, b) = (end_c, end_b);
        // The spaces after a word stay on its row, past the edge if need be.
        while text.as_bytes().get(b) == Some(&b' ') {
            (c, b, used) = (c + 1, b + 1, used + 1);
        }
    }
    rows.push(Cut { chars: row_c..c, bytes: row_b..b });
    rows
}

/// What the warning row says when the cited place is not in the copy.
fn banner(r: &Reading) -> Option<String> {
    let missing = r.passage.missing.as_ref()?;
    let at = r.cited.at.as_deref().map(|a| crate::text::visible(a, false)).unwrap_or_default();
    Some(format!("“{at}” is not in this saved copy ({}); shown from the top", crate::archive::message::missing_hint(missing)))
}

pub fn render(app: &App, r: &Reading, area: Rect, buf: &mut Buffer) {
    let s = &app.styles;
    let l = layout(app, r, area);
    let b = app.live.get(&r.cited.briefing);
    let title = b.and_then(|b| b.lookup(&r.cited.source)).zip(b).map_or(r.cited.source.clone(), |(s, b)| b.label(s));
    let place = match (&r.cited.at, r.cited.citation) {
        (Some(at), Some(n)) => format!("[{}] at {}", n + 1, crate::text::visible(at, false)),
        (None, Some(n)) => format!("[{}] the whole article", n + 1),
        _ => "the whole article".to_string(),
    };
    // The place first: a long title gives way, cut with "…".
    let lead = format!("Saved copy · {place} · ");
    let room = usize::from(area.width).saturating_sub(unicode_width::UnicodeWidthStr::width(lead.as_str()));
    Line::from(vec![
        Span::styled(lead, s.muted),
        Span::styled(crate::text::fit(&crate::text::visible(&title, false), room), s.accent.add_modifier(Modifier::BOLD)),
    ])
    .render(l.header, buf);
    if let Some(text) = claim(app, r) {
        let width = usize::from(l.claim.width.saturating_sub(8));
        let ranges = wrap(&text, width);
        for (i, cut) in ranges.iter().take(usize::from(l.claim.height)).enumerate() {
            let label = if i == 0 { format!("{:<8}", "Claim") } else { " ".repeat(8) };
            let mut piece = text[cut.bytes.clone()].to_string();
            if i + 1 == usize::from(l.claim.height) && ranges.len() > i + 1 {
                piece = format!("{}…", piece.trim_end());
            }
            let rect = Rect { y: l.claim.y + i as u16, height: 1, ..l.claim };
            Line::from(vec![Span::styled(label, s.muted), Span::raw(piece)]).render(rect, buf);
        }
    }
    let rows = rows_at(r, usize::from(l.text.width));
    let height = usize::from(l.text.height);
    let position =
        if rows.len() <= height { "all".to_string() } else { format!("{}%", (r.top + height).min(rows.len()) * 100 / rows.len()) };
    let keys =
        format!(" {} {} terms · {} back ", app.key_hint(&Action::NextHit), app.key_hint(&Action::PrevHit), app.key_hint(&Action::Back));
    let block = Block::bordered()
        .border_style(s.accent)
        .title(Line::styled(format!(" {} ", crate::text::visible(&r.cited.file, false)), s.muted))
        .title(Line::styled(format!(" {position} "), s.muted).right_aligned())
        .title_bottom(Line::styled(keys, s.muted).right_aligned());
    block.render(l.frame, buf);
    if let (Some(rect), Some(text)) = (l.banner, banner(r)) {
        let cuts = wrap(&text, usize::from(rect.width));
        for (i, cut) in cuts.iter().take(usize::from(rect.height)).enumerate() {
            let mut piece = text[cut.bytes.clone()].to_string();
            if i + 1 == usize::from(rect.height) && cuts.len() > i + 1 {
                piece = format!("{}…", piece.trim_end());
            }
            Line::styled(piece, s.warning).render(Rect { y: rect.y + i as u16, height: 1, ..rect }, buf);
        }
    }
    let found = r.passage.occurrences();
    let current = r.hit.and_then(|h| found.get(h)).copied();
    for (i, row) in rows.iter().skip(r.top).take(height).enumerate() {
        let y = l.text.y + i as u16;
        if row.blank {
            continue;
        }
        let line = &r.passage.lines[row.line];
        if line.marked {
            Span::styled("▌", s.accent).render(Rect { x: l.text.x - GUTTER, y, width: 1, height: 1 }, buf);
        }
        let base = match line.role {
            Role::Headline => s.accent.add_modifier(Modifier::BOLD),
            Role::Heading => s.accent,
            _ => Style::new(),
        };
        // Only this row's slice of the line is walked, character by character, each in the
        // style of the term it falls in, if any.
        let first = line.terms.partition_point(|t| t.end <= row.chars.start);
        let mut terms = line.terms[first..].iter().peekable();
        let mut spans: Vec<Span> = Vec::new();
        let mut piece = String::new();
        let mut style = base;
        for (k, ch) in line.text[row.bytes.clone()].chars().enumerate() {
            let at = row.chars.start + k;
            while terms.peek().is_some_and(|t| t.end <= at) {
                terms.next();
            }
            let here = match terms.peek() {
                Some(t) if t.start <= at && current == Some((row.line, t.start)) => s.selection,
                Some(t) if t.start <= at => base.patch(s.highlight),
                _ => base,
            };
            if here != style && !piece.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut piece), style));
            }
            style = here;
            piece.push(ch);
        }
        spans.push(Span::styled(piece, style));
        Line::from(spans).render(Rect { y, height: 1, ..l.text }, buf);
    }
    super::status::render(app, l.status, buf);
}
