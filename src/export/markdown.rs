//! Markdown: CommonMark with GitHub's tables and footnotes. Citations are footnote references
//! (`[^3]`); the Sources section holds their definitions, numbered by first use.

use std::fmt::Write;

use super::model::{Claim, Document, Summary};
use crate::text::visible;

/// Text from a file, safe inside Markdown: control characters made visible, and the characters
/// that would start markup escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in visible(&text.replace(['\n', '\r'], " "), false).chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Footnote references and the corroboration mark after a claim.
fn cited(claim: &Claim) -> String {
    let refs: String = claim.cites.iter().map(|n| format!("[^{n}]")).collect();
    let mark = format!(" *({})*", super::corroboration(claim.corroboration));
    format!("{refs}{mark}")
}

pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for (i, s) in doc.briefings.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        briefing(&mut out, s);
    }
    out
}

fn briefing(out: &mut String, s: &Summary) {
    let _ = writeln!(out, "# {}\n", escape(&s.title));
    let mut when = s.date.to_string();
    if let Some(end) = s.end_date {
        let _ = write!(when, " – {end}");
    }
    if let Some(place) = &s.place {
        let _ = write!(when, " · {}", escape(place));
    }
    let _ = writeln!(out, "{when}\n");
    if let Some(summary) = &s.summary {
        for paragraph in summary.split("\n\n") {
            let _ = writeln!(out, "{}\n", escape(paragraph.trim()));
        }
    }
    if !s.facts.is_empty() {
        out.push_str("## Key facts\n\n");
        for f in &s.facts {
            let _ = writeln!(out, "- {} {}", escape(&f.claim.text), cited(&f.claim));
        }
        out.push('\n');
    }
    if !s.officials.is_empty() {
        out.push_str("## Who\n\n");
        for side in &s.officials {
            let _ = writeln!(out, "### {}\n", escape(&side.side));
            for o in &side.officials {
                let role = o.role.as_deref().map(|r| format!(", {}", escape(r))).unwrap_or_default();
                let notes = if o.claim.text == o.name { String::new() } else { format!(" — {}", escape(&o.claim.text)) };
                let _ = writeln!(out, "- **{}**{role}{notes} {}", escape(&o.name), cited(&o.claim));
            }
            out.push('\n');
        }
    }
    if !s.commitments.is_empty() {
        out.push_str("## What was committed\n\n");
        for party in &s.commitments {
            let _ = writeln!(out, "### {}\n", escape(&party.party));
            out.push_str("| Commitment | Status | Due | In return for | Announced by | Sources |\n|---|---|---|---|---|---|\n");
            for c in &party.commitments {
                let list = |items: &[String]| {
                    if items.is_empty() {
                        "—".to_string()
                    } else {
                        items.iter().map(|i| escape(super::clause(i))).collect::<Vec<_>>().join("; ")
                    }
                };
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} |",
                    escape(&c.claim.text),
                    c.status,
                    c.due.as_deref().map(escape).unwrap_or_else(|| "—".into()),
                    list(&c.in_return_for),
                    list(&c.announced_by),
                    cited(&c.claim).trim_start()
                );
            }
            out.push('\n');
        }
    }
    if !s.reactions.is_empty() {
        out.push_str("## Market reactions\n\n");
        for r in &s.reactions {
            let mut line = format!("- **{}**", escape(&r.market));
            if let Some(direction) = &r.direction {
                let _ = write!(line, " {direction}");
            }
            if let Some(m) = &r.movement {
                let _ = write!(line, " {}", escape(m));
            }
            if r.claim.text != r.market {
                let _ = write!(line, " — {}", escape(&r.claim.text));
            }
            if !r.responds_to.is_empty() {
                let _ = write!(
                    line,
                    " (in response to: {})",
                    r.responds_to.iter().map(|t| escape(super::clause(t))).collect::<Vec<_>>().join("; ")
                );
            }
            let _ = writeln!(out, "{line} {}", cited(&r.claim));
        }
        out.push('\n');
    }
    if !s.discrepancies.is_empty() {
        out.push_str("## Where sources disagree\n\n");
        for d in &s.discrepancies {
            let _ = writeln!(out, "- About *{}*: {} {}", escape(&d.about), escape(&d.claim.text), cited(&d.claim));
        }
        out.push('\n');
    }
    if !s.timeline.is_empty() {
        out.push_str("## Timeline\n\n");
        for e in &s.timeline {
            let _ = writeln!(out, "- **{}** — {} {}", e.date, escape(&e.claim.text), cited(&e.claim));
        }
        out.push('\n');
    }
    if !s.sources.is_empty() {
        out.push_str(
            "## Sources\n\nNumbered in the order of their first citation; each says how many items of the briefing rest on it.\n\n",
        );
        for src in &s.sources {
            let mut line = escape(&src.title);
            if let Some(outlet) = &src.outlet {
                let _ = write!(line, " — {}", escape(outlet));
            }
            if let Some(published) = &src.published {
                let _ = write!(line, ", {published}");
            }
            if let Some(url) = &src.url {
                let _ = write!(line, ", <{}>", crate::text::url(url));
            }
            let items = super::resting(src.items_resting_on_it);
            let _ = writeln!(out, "[^{}]: {line} ({}). {items}.", src.number, src.kind);
        }
        out.push('\n');
    }
}
