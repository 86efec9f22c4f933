//! Plain text: wrapped at a width measured in display columns (CJK characters are two wide), with
//! citations as `[n]`.

use std::fmt::Write;

use textwrap::Options;

use super::model::{Claim, Document, Summary};
use crate::text::visible;

/// A claim's citations and corroboration, to follow its text: joined to the text's last word
/// and to each other by no-break spaces, so wrapping never starts a line with them or breaks
/// inside them.
fn cited(claim: &Claim) -> String {
    let refs = claim.cites.iter().map(|n| format!("[{n}]")).collect::<Vec<_>>().join(JOINER);
    let mark = format!("({})", super::corroboration(claim.corroboration)).replace(' ', NBSP);
    format!("{NBSP}{refs}{NBSP}{mark}")
}

/// Holds words together through wrapping; written out as a plain space.
const NBSP: &str = "\u{a0}";
/// Holds `[1][2]` together (Unicode lets a line break between `]` and `[`); written out as
/// nothing.
const JOINER: &str = "\u{2060}";

/// Wraps `text` at `width`, the first line after `first`, the rest indented by `rest`.
fn wrap(out: &mut String, text: &str, width: usize, first: &str, rest: &str) {
    wrap_cited(out, text, "", width, first, rest);
}

/// [`wrap`] for a claim's text followed by its citations (from [`cited`], which holds them
/// together with characters that only this function may put in: the claim's text is made
/// visible, every invisible character in it shown, before they are added).
fn wrap_cited(out: &mut String, text: &str, citations: &str, width: usize, first: &str, rest: &str) {
    let flat = visible(&text.replace(['\n', '\r'], " "), false);
    // A claim that ends in a line break (a multi-line string) would leave a space before its
    // citations, where a line could break.
    let flat = format!("{}{citations}", if citations.is_empty() { &flat } else { flat.trim_end() });
    let options = Options::new(width.max(first.len() + 8)).initial_indent(first).subsequent_indent(rest).break_words(true);
    for line in textwrap::wrap(&flat, options) {
        out.push_str(&line.trim_end().replace(NBSP, " ").replace(JOINER, ""));
        out.push('\n');
    }
}

pub fn render(doc: &Document, width: usize) -> String {
    let mut out = String::new();
    for (i, s) in doc.briefings.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(&"=".repeat(width.min(72)));
            out.push_str("\n\n");
        }
        briefing(&mut out, s, width);
    }
    out
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "{}\n", title.to_uppercase());
}

fn briefing(out: &mut String, s: &Summary, width: usize) {
    wrap(out, &s.title, width, "", "");
    let mut when = s.date.to_string();
    if let Some(end) = s.end_date {
        let _ = write!(when, " – {end}");
    }
    if let Some(place) = &s.place {
        let _ = write!(when, " · {place}");
    }
    wrap(out, &when, width, "", "");
    out.push('\n');
    if let Some(summary) = &s.summary {
        for paragraph in summary.split("\n\n") {
            wrap(out, paragraph.trim(), width, "", "");
            out.push('\n');
        }
    }
    if !s.facts.is_empty() {
        heading(out, "Key facts");
        for f in &s.facts {
            wrap_cited(out, &f.claim.text, &cited(&f.claim), width, "  - ", "    ");
        }
        out.push('\n');
    }
    if !s.officials.is_empty() {
        heading(out, "Who");
        for side in &s.officials {
            wrap(out, &side.side, width, "  ", "  ");
            for o in &side.officials {
                let role = o.role.as_deref().map(|r| format!(", {r}")).unwrap_or_default();
                let notes = if o.claim.text == o.name { String::new() } else { format!(" — {}", o.claim.text) };
                wrap_cited(out, &format!("{}{role}{notes}", o.name), &cited(&o.claim), width, "    - ", "      ");
            }
        }
        out.push('\n');
    }
    if !s.commitments.is_empty() {
        heading(out, "What was committed");
        for party in &s.commitments {
            wrap(out, &party.party, width, "  ", "  ");
            for c in &party.commitments {
                let mut line = format!("[{}] {}", c.status, c.claim.text);
                if let Some(due) = &c.due {
                    let _ = write!(line, " Due: {}", super::stop(due));
                }
                if !c.in_return_for.is_empty() {
                    let clauses: Vec<&str> = c.in_return_for.iter().map(|t| super::clause(t)).collect();
                    let _ = write!(line, " In return for: {}", super::stop(&clauses.join("; ")));
                }
                if !c.announced_by.is_empty() {
                    let _ = write!(line, " Announced by {}.", c.announced_by.join(", "));
                }
                wrap_cited(out, &line, &cited(&c.claim), width, "    - ", "      ");
            }
        }
        out.push('\n');
    }
    if !s.reactions.is_empty() {
        heading(out, "Market reactions");
        for r in &s.reactions {
            let mut line = r.market.clone();
            for part in [&r.direction, &r.movement].into_iter().flatten() {
                let _ = write!(line, " {part}");
            }
            if r.claim.text != r.market {
                let _ = write!(line, " — {}", r.claim.text);
            }
            if !r.responds_to.is_empty() {
                let clauses: Vec<&str> = r.responds_to.iter().map(|t| super::clause(t)).collect();
                let _ = write!(line, " (in response to: {})", clauses.join("; "));
            }
            wrap_cited(out, &line, &cited(&r.claim), width, "  - ", "    ");
        }
        out.push('\n');
    }
    if !s.discrepancies.is_empty() {
        heading(out, "Where sources disagree");
        for d in &s.discrepancies {
            wrap_cited(out, &format!("About {}: {}", d.about, d.claim.text), &cited(&d.claim), width, "  - ", "    ");
        }
        out.push('\n');
    }
    if !s.timeline.is_empty() {
        heading(out, "Timeline");
        for e in &s.timeline {
            wrap_cited(out, &format!("{} — {}", e.date, e.claim.text), &cited(&e.claim), width, "  - ", "    ");
        }
        out.push('\n');
    }
    if !s.sources.is_empty() {
        heading(out, "Sources");
        for src in &s.sources {
            let mut line = src.title.clone();
            for part in [&src.outlet, &src.published, &src.url].into_iter().flatten() {
                let _ = write!(line, ", {part}");
            }
            let items = super::resting(src.items_resting_on_it);
            let number = format!("  [{}] ", src.number);
            let rest = " ".repeat(number.len());
            wrap(out, &format!("{line} ({}). {items}.", src.kind), width, &number, &rest);
        }
    }
}
