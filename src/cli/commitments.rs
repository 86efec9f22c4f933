//! `brief commitments`: the commitment tracker on the command line — every commitment of the
//! library with its status and due date, filtered and ordered; overdue ones marked.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::across::tracker::{self, Filter, Sort, Tracked};
use crate::date::{Date, Due};
use crate::model::Status;
use crate::output;
use crate::store::views::View;
use crate::text;

/// What was asked on the command line.
#[derive(Debug, Default)]
pub struct Request {
    pub open: bool,
    pub overdue: bool,
    pub party: Vec<String>,
    pub status: Vec<String>,
    pub tag: Vec<String>,
    pub due_after: Option<String>,
    pub due_before: Option<String>,
    pub sort: Option<String>,
    pub today: Option<String>,
    pub json: bool,
}

pub fn run(dir: &Path, cache: bool, request: Request) -> io::Result<ExitCode> {
    let (filter, by, today) = match parse(&request) {
        Ok(parsed) => parsed,
        Err(why) => {
            output::err(&format!("brief: {why}"))?;
            return Ok(ExitCode::from(2));
        }
    };
    let (mut rows, failed) = super::across::rows(dir, cache, View::Commitments, |r| r.commitments);
    // Only JSON says what a commitment is traded for in words: looked up before the filter.
    let texts = if request.json { tracker::texts(&rows) } else { hashbrown::HashMap::new() };
    rows.retain(|t| filter.keeps(t, today));
    tracker::sort(&mut rows, by);
    if request.json {
        let json: Vec<Json> = rows.iter().map(|t| Json::of(t, today, &texts)).collect();
        output::out(&(text::json(&json) + "\n"))?;
    } else {
        output::out(&lines(&rows, today))?;
    }
    super::name_failed(&failed)?;
    Ok(super::across::status(!rows.is_empty()))
}

fn parse(r: &Request) -> Result<(Filter, Sort, Date), String> {
    let statuses = r
        .status
        .iter()
        .flat_map(|s| s.split(','))
        .map(|s| {
            Status::parse(s.trim())
                .ok_or_else(|| format!("--status takes one of {}, not `{}`", Status::WORDS.join(", "), text::short(s, 40)))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let by = match r.sort.as_deref() {
        None => Sort::Due,
        Some(word) => {
            Sort::parse(word).ok_or_else(|| format!("--sort takes one of {}, not `{}`", Sort::WORDS.join(", "), text::short(word, 40)))?
        }
    };
    let today = super::across::date("--today", r.today.as_deref())?.unwrap_or_else(Date::today);
    let filter = Filter {
        open: r.open,
        overdue: r.overdue,
        parties: r.party.clone(),
        statuses,
        tags: r.tag.clone(),
        due_from: super::across::date("--due-after", r.due_after.as_deref())?,
        due_to: super::across::date("--due-before", r.due_before.as_deref())?,
    };
    Ok((filter, by, today))
}

/// The table: a header, then a row per commitment; nothing when there are none.
fn lines(rows: &[Tracked], today: Date) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let due = |t: &Tracked| {
        let due = t.due.as_ref().map_or_else(|| "-".to_string(), |d| text::short(&d.to_string(), 24));
        if t.overdue(today) { format!("{due} overdue") } else { due }
    };
    let width = |f: &dyn Fn(&Tracked) -> usize, min: usize| rows.iter().map(f).max().unwrap_or(0).clamp(min, 48);
    let due_w = width(&|t| due(t).chars().count(), 3);
    let party_w = width(&|t| t.party.chars().count(), 5);
    let item_w = width(&|t| t.at.briefing.chars().count() + 1 + t.at.item.chars().count(), 4);
    let mut out = format!("{:<due_w$}  {:<9}  {:<party_w$}  SOURCES  {:<item_w$}  TEXT\n", "DUE", "STATUS", "PARTY", "ITEM");
    for t in rows {
        let mut line = text::visible(&t.text, false);
        if !t.traded_for.is_empty() {
            line.push_str(&format!(" [for: {}]", text::visible(&t.traded_for.join(", "), false)));
        }
        out.push_str(&format!(
            "{:<due_w$}  {:<9}  {:<party_w$}  {:>7}  {:<item_w$}  {line}\n",
            text::visible(&due(t), false),
            t.status.as_str(),
            text::visible(&t.party, false),
            t.sources,
            text::visible(&format!("{}/{}", t.at.briefing, t.at.item), false),
        ));
    }
    out
}

/// A commitment in `--json` (docs/views.md).
#[derive(Serialize)]
struct Json<'a> {
    briefing: &'a str,
    date: Date,
    file: &'a str,
    line: usize,
    id: &'a str,
    party: &'a str,
    status: Status,
    due: Option<String>,
    due_kind: Option<&'static str>,
    overdue: bool,
    text: &'a str,
    traded_for: Vec<Traded<'a>>,
    announced_by: &'a [String],
    sources: usize,
    tags: &'a [String],
}

#[derive(Serialize)]
struct Traded<'a> {
    id: &'a str,
    text: &'a str,
}

impl<'a> Json<'a> {
    fn of(t: &'a Tracked, today: Date, texts: &'a hashbrown::HashMap<(String, String), String>) -> Json<'a> {
        Json {
            briefing: &t.at.briefing,
            date: t.at.date,
            file: &t.at.file,
            line: t.at.line,
            id: &t.at.item,
            party: &t.party,
            status: t.status,
            due: t.due.as_ref().map(|d| d.to_string()),
            due_kind: t.due.as_ref().map(|d| if matches!(d, Due::Date(_)) { "date" } else { "text" }),
            overdue: t.overdue(today),
            text: &t.text,
            traded_for: t
                .traded_for
                .iter()
                .map(|id| Traded { id, text: texts.get(&(t.at.briefing.clone(), id.clone())).map_or("", String::as_str) })
                .collect(),
            announced_by: &t.announced_by,
            sources: t.sources,
            tags: &t.tags,
        }
    }
}
