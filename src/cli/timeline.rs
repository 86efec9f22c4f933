//! `brief timeline`: every event of the library on one timeline, by date; partial dates
//! (`2025-05`, `2025`) before the days they hold, marked with `~`.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::across::timeline::{self, Dated, Filter};
use crate::date::{Date, PartialDate};
use crate::output;
use crate::store::views::View;
use crate::text;

pub fn run(dir: &Path, cache: bool, after: Option<&str>, before: Option<&str>, tags: Vec<String>, json: bool) -> io::Result<ExitCode> {
    let filter = match (super::across::date("--after", after), super::across::date("--before", before)) {
        (Ok(after), Ok(before)) => Filter { after, before, tags },
        (Err(why), _) | (_, Err(why)) => {
            output::err(&format!("brief: {why}"))?;
            return Ok(ExitCode::from(2));
        }
    };
    let (mut rows, failed) = super::across::rows(dir, cache, View::Events, |r| r.events);
    rows.retain(|d| filter.keeps(d));
    timeline::sort(&mut rows);
    super::across::print(&rows, json.then_some(Json::of), lines, &failed)
}

/// A row per event: its date (`~` after a partial one), where it comes from, what happened.
fn lines(rows: &[Dated]) -> String {
    let item_w = rows.iter().map(|d| d.at.briefing.chars().count() + 1 + d.at.item.chars().count()).max().unwrap_or(0).min(48);
    let mut out = String::new();
    for d in rows {
        let when = format!("{}{}", d.when, if d.partial() { " ~" } else { "" });
        out.push_str(&format!(
            "{when:<12}  {:<item_w$}  {}\n",
            text::visible(&format!("{}/{}", d.at.briefing, d.at.item), false),
            text::visible(&d.text, false)
        ));
    }
    out
}

/// An event in `--json` (docs/views.md).
#[derive(Serialize)]
struct Json<'a> {
    date: PartialDate,
    partial: bool,
    text: &'a str,
    briefing: &'a str,
    briefing_date: Date,
    file: &'a str,
    line: usize,
    id: &'a str,
    sources: usize,
}

impl<'a> Json<'a> {
    fn of(d: &'a Dated) -> Json<'a> {
        Json {
            date: d.when,
            partial: d.partial(),
            text: &d.text,
            briefing: &d.at.briefing,
            briefing_date: d.at.date,
            file: &d.at.file,
            line: d.at.line,
            id: &d.at.item,
            sources: d.sources,
        }
    }
}
