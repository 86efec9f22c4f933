//! Diagnostics: what is wrong, where (file, line, column) and what would be accepted.
//!
//! A diagnostic is self-contained: it carries its position and the offending line (made safe to
//! print), so it can be shown long after the file text is gone — by `brief check`, as JSON, or
//! in the reader's errors view.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::text;

/// How bad a problem is: an error keeps the file out of the library, a warning does not, and
/// a note (from `brief verify`) is something to consider, not a problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident;)*) => {
        /// The kind of a problem; its name is stable and appears in human and JSON output.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Code { $(#[serde(rename = $name)] $variant,)* }

        impl Code {
            /// Every code, in the order the format reference lists them.
            pub const ALL: &[Code] = &[$(Code::$variant,)*];

            /// The stable name, e.g. `unknown-key`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// Whether this kind of problem keeps the file from loading.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }
        }
    };
}

codes! {
    Io = "io", Error;
    Encoding = "encoding", Error;
    Syntax = "syntax", Error;
    MissingKey = "missing-key", Error;
    WrongType = "wrong-type", Error;
    UnknownKey = "unknown-key", Error;
    BadValue = "bad-value", Error;
    BadId = "bad-id", Error;
    DuplicateId = "duplicate-id", Error;
    BadReference = "bad-reference", Error;
    DuplicateBriefing = "duplicate-briefing", Error;
    EmptyCites = "empty-cites", Warning;
    UncitedSource = "uncited-source", Warning;
    UnknownRelated = "unknown-related", Warning;
    EndBeforeStart = "end-before-start", Warning;
    NameMismatch = "name-mismatch", Warning;
    MissingArchive = "missing-archive", Warning;
    PlaceMissing = "place-missing", Warning;
    TermMissing = "term-missing", Warning;
    CopiedWords = "copied-words", Warning;
    StaleAccept = "stale-accept", Warning;
    NameVariant = "name-variant", Note;
    MissedCorroboration = "missed-corroboration", Note;
}

impl Code {
    /// The codes `brief verify` reports, checking claims against saved copies; the others are
    /// `brief check`'s.
    pub const VERIFY: &[Code] =
        &[Code::PlaceMissing, Code::TermMissing, Code::CopiedWords, Code::NameVariant, Code::MissedCorroboration, Code::StaleAccept];

    /// The codes an `accept` may silence: every finding of `brief verify` but a stale accept.
    pub fn acceptable(self) -> bool {
        Code::VERIFY.contains(&self) && self != Code::StaleAccept
    }
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// How many characters of `source_line` the problem covers (0 for a point).
    pub width: usize,
    pub message: String,
    /// A short note shown under the marked text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// What would be accepted instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The offending line with control characters made visible; a long line is cut to a window
    /// around the problem, each cut marked with `…`.
    pub source_line: String,
    /// The 1-based column of `source_line` where the problem starts (`column`, less what was
    /// cut from the front). Not in `--json` output, where `column` says it; kept by the store.
    #[serde(skip_serializing, default)]
    pub quote_column: usize,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Where each line of a text starts, to turn byte offsets into line and column.
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
    /// The last position found, as a byte offset and its characters from its line's start:
    /// positions are mostly asked for in file order, and a line can be a whole file of inline
    /// tables, so a column is counted on from there rather than from the line's start.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)).collect();
        LineIndex { text, starts, last: std::cell::Cell::new((0, 0)) }
    }

    /// 1-based line and character column of a byte offset (clamped into the text).
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor(offset);
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let (last, counted) = self.last.get();
        let chars = if (start..=offset).contains(&last) {
            counted + self.text[last..offset].chars().count()
        } else {
            self.text[start..offset].chars().count()
        };
        self.last.set((offset, chars));
        (line + 1, chars + 1)
    }

    /// The byte offset where a 1-based line starts.
    fn line_start(&self, line: usize) -> usize {
        self.starts[line - 1]
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> &'t str {
        let start = self.starts[line - 1];
        match self.starts.get(line) {
            // Only a `\r` right before the `\n` is part of the line ending; a lone one is text.
            Some(&next) => self.text[start..next - 1].strip_suffix('\r').unwrap_or(&self.text[start..next - 1]),
            None => &self.text[start..],
        }
    }

    fn floor(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// Collects the diagnostics of one file, turning byte spans into positions as they come.
pub struct Sink<'t> {
    file: PathBuf,
    index: LineIndex<'t>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where the text being read starts in the file: a large file is parsed a piece at a
    /// time, and the parser's spans count from the start of its piece.
    base: usize,
}

impl<'t> Sink<'t> {
    pub fn new(file: &Path, text: &'t str) -> Self {
        Sink { file: file.to_path_buf(), index: LineIndex::new(text), diagnostics: Vec::new(), base: 0 }
    }

    /// Spans from now on count from byte `base` of the file.
    pub fn set_base(&mut self, base: usize) {
        self.base = base;
    }

    /// A span of the piece being read as a span of the whole file.
    pub fn absolute(&self, span: Range<usize>) -> Range<usize> {
        span.start + self.base..span.end + self.base
    }

    /// Records a problem covering the bytes `span` of the file.
    pub fn report(&mut self, code: Code, span: Range<usize>, message: impl Into<String>) -> &mut Diagnostic {
        let diagnostic = at_span(&self.file, &self.index, code, self.absolute(span), message.into());
        self.diagnostics.push(diagnostic);
        self.diagnostics.last_mut().expect("just pushed")
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Remembers a place for a diagnostic that may be made later, once other files are read.
    pub fn anchor(&self, span: Range<usize>) -> Anchor {
        Anchor::new(&self.index, self.absolute(span))
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.index.position(offset + self.base).0
    }

    pub fn file(&self) -> &Path {
        &self.file
    }
}

/// A position in a file, with the line it is on: enough to show a problem there later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub line: usize,
    pub column: usize,
    pub width: usize,
    pub source_line: String,
    pub quote_column: usize,
}

/// Characters of a quoted line kept on each side of a problem. A line is quoted whole up to
/// about twice this; a longer one (a 70,000-character summary, a 100,000-deep array) is cut.
pub const QUOTE_CONTEXT: usize = 80;

/// The part of `raw` to quote for a problem at byte `at` of it (1-based character `column`)
/// spanning `width` characters: the text made visible, the problem's column in it, and its
/// width in it. Only the window quoted is walked, never the whole line: a file of inline
/// tables on one line has a diagnostic for each.
fn quote(raw: &str, at: usize, column: usize, width: usize) -> (String, usize, usize) {
    if raw.chars().nth(2 * QUOTE_CONTEXT + 40).is_none() {
        return (text::visible(raw, false), column, width);
    }
    let mut at = at.min(raw.len());
    while !raw.is_char_boundary(at) {
        at -= 1;
    }
    let start = raw[..at].char_indices().rev().nth(QUOTE_CONTEXT - 1).map_or(0, |(i, _)| i);
    let before = raw[start..at].chars().count();
    let after = width.clamp(1, QUOTE_CONTEXT) + QUOTE_CONTEXT;
    let end = raw[at..].char_indices().nth(after).map_or(raw.len(), |(i, _)| at + i);
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < raw.len() { "…" } else { "" };
    let shown = format!("{lead}{}{tail}", text::visible(&raw[start..end], false));
    (shown, before + 1 + lead.chars().count(), width.min(raw[at..end].chars().count()))
}

impl Anchor {
    /// The anchor of the bytes `span` in a text whose lines `index` knows.
    pub fn new(index: &LineIndex<'_>, span: Range<usize>) -> Anchor {
        let (line, column) = index.position(span.start);
        let raw_line = index.line_text(line);
        let (end_line, end_column) = index.position(span.end.max(span.start));
        // A span running past its first line is marked to the end of that line only.
        let end_column = if end_line == line { end_column } else { index.position(index.line_start(line) + raw_line.len()).1 };
        let at = span.start.saturating_sub(index.line_start(line));
        let (source_line, quote_column, width) = quote(raw_line, at, column, end_column.saturating_sub(column));
        Anchor { line, column, width, source_line, quote_column }
    }

    /// A diagnostic at this place of `file`.
    pub fn report(&self, file: &Path, code: Code, message: String) -> Diagnostic {
        Diagnostic {
            severity: code.severity(),
            code,
            file: file.to_path_buf(),
            line: self.line,
            column: self.column,
            width: self.width,
            message,
            label: None,
            help: None,
            source_line: self.source_line.clone(),
            quote_column: self.quote_column,
        }
    }
}

/// Builds a diagnostic at a byte span of a file whose lines `index` knows.
pub fn at_span(file: &Path, index: &LineIndex<'_>, code: Code, span: Range<usize>, message: String) -> Diagnostic {
    Anchor::new(index, span).report(file, code, message)
}

impl Diagnostic {
    pub fn with_label(&mut self, label: impl Into<String>) -> &mut Self {
        self.label = Some(label.into());
        self
    }

    pub fn with_help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Quoting as it was first written, over the line's characters: the window walked from
    /// the problem must cut the same text.
    fn quote_by_chars(raw: &str, column: usize, width: usize) -> (String, usize, usize) {
        let chars: Vec<char> = raw.chars().collect();
        if chars.len() <= 2 * QUOTE_CONTEXT + 40 {
            return (text::visible(raw, false), column, width);
        }
        let at = column.saturating_sub(1).min(chars.len());
        let start = at.saturating_sub(QUOTE_CONTEXT);
        let end = (at + width.clamp(1, QUOTE_CONTEXT) + QUOTE_CONTEXT).min(chars.len());
        let kept: String = chars[start..end].iter().collect();
        let lead = if start > 0 { "…" } else { "" };
        let tail = if end < chars.len() { "…" } else { "" };
        (format!("{lead}{}{tail}", text::visible(&kept, false)), at - start + 1 + lead.chars().count(), width.min(end.saturating_sub(at)))
    }

    #[test]
    fn positions_and_quotes_in_any_order_are_those_counted_from_the_line_start() {
        let pieces = ["a", "é", "中", "\u{1b}", " ", "xyz"];
        for len in [10, 250, 1_000] {
            let line: String = (0..len).map(|i| pieces[(i * 7 + i / 3) % pieces.len()]).collect();
            let text = format!("first\n{line}\nlast\n");
            let index = LineIndex::new(&text);
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            // Forwards, backwards and jumping about: the cursor must never be trusted wrongly.
            let order = (0..starts.len()).chain((0..starts.len()).rev()).chain((0..starts.len()).map(|i| (i * 7919) % starts.len()));
            for k in order {
                let offset = starts[k];
                let line_no = text[..offset].matches('\n').count() + 1;
                let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
                let column = text[line_start..offset].chars().count() + 1;
                assert_eq!(index.position(offset), (line_no, column), "offset {offset}");
                let raw = index.line_text(line_no);
                for width in [0, 1, 5, 200] {
                    assert_eq!(
                        quote(raw, offset - line_start, column, width),
                        quote_by_chars(raw, column, width),
                        "offset {offset} width {width}"
                    );
                }
            }
        }
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "a = 1\nnamé = \"x\"\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(0), (1, 1));
        let eq = text.find(" = \"x").unwrap();
        assert_eq!(index.position(eq), (2, 5));
        assert_eq!(index.position(text.len()), (3, 1));
        assert_eq!(index.line_text(2), "namé = \"x\"");
        assert_eq!(index.line_text(3), "");
    }

    #[test]
    fn crlf_is_not_part_of_the_line() {
        let index = LineIndex::new("a\r\nb\r");
        assert_eq!(index.line_text(1), "a");
        assert_eq!(index.position(3), (2, 1));
        assert_eq!(index.line_text(2), "b\r");
    }

    #[test]
    fn spans_over_lines_are_cut_at_the_first() {
        let text = "x = \"\"\"\nabc\n\"\"\"\n";
        let index = LineIndex::new(text);
        let d = at_span(Path::new("f.toml"), &index, Code::Syntax, 4..text.len(), "m".into());
        assert_eq!((d.line, d.column, d.width), (1, 5, 3));
    }

    #[test]
    fn a_long_line_is_quoted_around_the_problem() {
        let text = format!("summary = \"{}\" x\n", "a".repeat(70_000));
        let index = LineIndex::new(&text);
        let at = text.find(" x").unwrap() + 1;
        let d = at_span(Path::new("f.toml"), &index, Code::Syntax, at..at + 1, "m".into());
        assert_eq!((d.line, d.column, d.width), (1, 70_014, 1));
        assert!(d.source_line.chars().count() <= 2 * QUOTE_CONTEXT + 3, "{}", d.source_line.len());
        assert!(d.source_line.starts_with('…'));
        assert_eq!(d.source_line.chars().nth(d.quote_column - 1), Some('x'), "the quote's column points at the problem");
    }

    #[test]
    fn quoted_lines_show_escapes() {
        let text = "title = \"\u{1b}[2J\"";
        let index = LineIndex::new(text);
        let d = at_span(Path::new("f.toml"), &index, Code::Syntax, 0..5, "m".into());
        assert!(d.source_line.contains('␛'));
        assert!(!d.source_line.contains('\u{1b}'));
    }
}
