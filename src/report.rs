//! Showing diagnostics: compiler-style for people (through miette), JSON for machines.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::library::FileReport;

/// How to draw human output.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
}

/// One diagnostic as miette sees it. Its source is only the offending line, already made safe
/// to print, so what miette draws and the line and column it prints are ours: miette itself
/// counts columns in bytes, the format counts characters.
struct Shown<'a> {
    d: &'a Diagnostic,
    line: LineSource<'a>,
}

struct LineSource<'a> {
    name: String,
    number: usize,
    text: &'a str,
    /// Characters cut from the front of a long line, so the column printed is the real one.
    shift: usize,
}

impl SourceCode for LineSource<'_> {
    fn read_span<'a>(&'a self, span: &SourceSpan, _before: usize, _after: usize) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        if span.offset() + span.len() > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let column = self.text[..span.offset()].chars().count() + self.shift;
        let whole = SourceSpan::from((0, self.text.len()));
        Ok(Box::new(MietteSpanContents::new_named(self.name.clone(), self.text.as_bytes(), whole, self.number - 1, column, 1)))
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The code goes after the message: miette would print it on a line of its own.
        write!(f, "{} [{}]", self.d.message, self.d.code.as_str())
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.d.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        // A problem with the path itself (unreadable, missing) has no line to show.
        (self.d.code != crate::diag::Code::Io).then_some(&self.line as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.d.code == crate::diag::Code::Io {
            return None;
        }
        let text = &self.d.source_line;
        let byte_at = |chars: usize| text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i);
        let start = byte_at(self.d.quote_column.saturating_sub(1));
        let end = byte_at(self.d.quote_column.saturating_sub(1) + self.d.width);
        let label = LabeledSpan::new_primary_with_span(self.d.label.clone(), (start, end - start));
        Some(Box::new(std::iter::once(label)))
    }
}

/// A diagnostic on one line, as lists of what could not be loaded show it: the place and the
/// message, or the message alone for a path that could not be read (it names the path).
pub fn one_line(d: &Diagnostic) -> String {
    if d.code == crate::diag::Code::Io {
        return d.message.clone();
    }
    let file = crate::text::path(&d.file);
    format!("{file}:{}:{}: {}", d.line, d.column, d.message)
}

/// Renders one diagnostic the way a compiler would: message, `file:line:col`, the line, a mark
/// under the problem, and the hint.
pub fn render(d: &Diagnostic, style: Style) -> String {
    let theme = if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_links(false).with_wrap_lines(false).with_context_lines(0);
    let shift = d.column.saturating_sub(d.quote_column);
    let name = crate::text::path(&d.file);
    let shown = Shown { d, line: LineSource { name, number: d.line, text: &d.source_line, shift } };
    let mut out = String::new();
    // Writing into a String cannot fail; a miette bug would only lose the snippet.
    if handler.render_report(&mut out, &shown).is_err() {
        out = format!("{}: {}:{}:{}: {}\n", d.severity_word(), crate::text::path(&d.file), d.line, d.column, d.message);
    }
    out
}

impl Diagnostic {
    fn severity_word(&self) -> &'static str {
        match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// Counts of a check run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub loaded: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of<'a>(files: &[&FileReport], diagnostics: impl Iterator<Item = &'a Diagnostic>) -> Summary {
        let mut summary =
            Summary { files: files.len(), loaded: files.iter().filter(|f| f.briefing.is_some()).count(), ..Summary::default() };
        for d in diagnostics {
            match d.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Note => {}
            }
        }
        summary
    }

    /// `2 errors and 1 warning in 3 files (1 not loaded)`, or `3 files, no problems`.
    pub fn sentence(&self) -> String {
        let plural = |n: usize, word: &str| crate::text::counted(n, word, &format!("{word}s"));
        let files = plural(self.files, "file");
        if self.errors == 0 && self.warnings == 0 {
            return format!("checked {files}: no problems");
        }
        let not_loaded = self.files - self.loaded;
        let suffix = if not_loaded > 0 { format!(" ({not_loaded} not loaded)") } else { String::new() };
        format!("{} and {} in {files}{suffix}", plural(self.errors, "error"), plural(self.warnings, "warning"))
    }
}

/// The JSON document `brief check --json` prints (shape documented in docs/check-json.md).
#[derive(Serialize)]
pub struct JsonReport<'a> {
    pub version: u32,
    pub files: Vec<JsonFile<'a>>,
    pub diagnostics: Vec<&'a Diagnostic>,
    pub summary: Summary,
}

#[derive(Serialize)]
pub struct JsonFile<'a> {
    pub path: String,
    pub loaded: bool,
    pub briefing: Option<&'a str>,
    pub errors: usize,
    pub warnings: usize,
}

impl<'a> JsonReport<'a> {
    pub fn new(files: &[&'a FileReport], problems: &'a [Diagnostic]) -> JsonReport<'a> {
        let diagnostics: Vec<&Diagnostic> = problems.iter().chain(files.iter().flat_map(|f| &f.diagnostics)).collect();
        let summary = Summary::of(files, diagnostics.iter().copied());
        let files = files
            .iter()
            .map(|f| JsonFile {
                path: f.path.display().to_string(),
                loaded: f.briefing.is_some(),
                briefing: f.briefing.as_deref(),
                errors: f.diagnostics.iter().filter(|d| d.is_error()).count(),
                warnings: f.diagnostics.iter().filter(|d| !d.is_error()).count(),
            })
            .collect();
        JsonReport { version: 1, files, diagnostics, summary }
    }
}
