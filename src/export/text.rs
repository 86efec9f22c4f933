//! Plain text: wrapped at a width measured in display columns (CJK characters are two wide), with
//! citations as `[n]`.

use std::fmt::Write;

use textwrap::Options;

use super::model::{Claim, Document, Summary};
use crate::text::visible;

fn cited(claim: &Claim) -> String {
    let refs: String = claim.cites.iter().map(|n| format!("[{n}]")).collect();
    let mark = format!(" ({})", super::corroboration(claim.corroboration));
    format!("{refs}{mark}")
}

/// Wraps `text` at `width`, the first line after `first`, the rest indented by `rest`.
fn wrap(out: &mut String, text: &str, width: usize, first: &str, rest: &str) {
    let flat = visible(&text.replace(['\n', '\r'], " "), false);
    let options = Options::new(width.max(first.len() + 8)).initial_indent(first).subsequent_indent(rest).break_words(true);
    for line in textwrap::wrap(&flat, options) {
        out.push_str(line.trim_end());
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
            wrap(out, &format!("{} {}", f.claim.text, cited(&f.claim)), width, "  - ", "    ");
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
                wrap(out, &format!("{}{role}{notes} {}", o.name, cited(&o.claim)), width, "    - ", "      ");
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
                    let _ = write!(line, " Due: {due}.");
                }
                if !c.in_return_for.is_empty() {
                    let _ = write!(line, " In return for: {}.", c.in_return_for.join("; "));
                }
                if !c.announced_by.is_empty() {
                    let _ = write!(line, " Announced by {}.", c.announced_by.join(", "));
                }
                wrap(out, &format!("{line} {}", cited(&c.claim)), width, "    - ", "      ");
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
                let _ = write!(line, " (in response to: {})", r.responds_to.join("; "));
            }
            wrap(out, &format!("{line} {}", cited(&r.claim)), width, "  - ", "    ");
        }
        out.push('\n');
    }
    if !s.discrepancies.is_empty() {
        heading(out, "Where sources disagree");
        for d in &s.discrepancies {
            wrap(out, &format!("About {}: {} {}", d.about, d.claim.text, cited(&d.claim)), width, "  - ", "    ");
        }
        out.push('\n');
    }
    if !s.timeline.is_empty() {
        heading(out, "Timeline");
        for e in &s.timeline {
            wrap(out, &format!("{} — {} {}", e.date, e.claim.text, cited(&e.claim)), width, "  - ", "    ");
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
