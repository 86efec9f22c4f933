//! A briefing's citations (`cites`, with the place each names) and the findings of `brief
//! verify` it accepts (`accept`): the keys that tie an item to its sources.

use toml::de::DeValue;

use super::BriefingReader;
use crate::diag::Code;
use crate::load::reader::{self, Str, Table, Value};
use crate::load::refs::Expect;
use crate::model::{Accept, Citation};
use crate::text;

impl BriefingReader<'_, '_> {
    pub(super) fn accepts(&mut self, t: &Table<'_, '_>) -> Vec<Accept> {
        let Some(value) = t.get("accept") else { return Vec::new() };
        let example = "accept = [{ code = \"term-missing\", what = \"Washington\", reason = \"…\" }]";
        let DeValue::Array(entries) = value.get_ref() else {
            reader::wrong_type(self.sink, "accept", value, "an array of accepted findings", &format!("write `{example}`"));
            return Vec::new();
        };
        let codes: Vec<&str> = crate::diag::Code::VERIFY.iter().filter(|c| c.acceptable()).map(|c| c.as_str()).collect();
        let mut out = Vec::new();
        for entry in entries.iter() {
            let DeValue::Table(table) = entry.get_ref() else {
                reader::wrong_type(self.sink, "accept", entry, "a table `{ code, what, reason }`", &format!("write `{example}`"));
                continue;
            };
            let e = Table { table, span: entry.span(), what: "this accepted finding" };
            e.check_keys(self.sink, crate::load::spec::ACCEPTED.names);
            let (code, what, reason) =
                (e.string(self.sink, "code", true), e.string(self.sink, "what", true), e.string(self.sink, "reason", true));
            let code = code.filter(|code| {
                let known = codes.contains(&code.value.as_str());
                if !known {
                    self.sink
                        .report(
                            Code::BadValue,
                            code.span.clone(),
                            format!("`{}` is not a finding of brief verify", text::visible(&code.value, false)),
                        )
                        .with_label("unknown finding")
                        .with_help(format!("`code` is one of {}", text::list_words(codes.iter().copied(), 8)));
                }
                known
            });
            if let (Some(code), Some(what), Some(reason)) = (code, what, reason) {
                out.push(Accept { code: code.value, what: what.value, reason: reason.value });
            }
        }
        out
    }

    pub(super) fn cites(&mut self, t: &Table<'_, '_>, from: &str) -> Vec<Citation> {
        let Some(value) = t.require(self.sink, "cites", "[\"source-id\"]") else { return Vec::new() };
        let DeValue::Array(entries) = value.get_ref() else {
            reader::wrong_type(
                self.sink,
                "cites",
                value,
                "an array of citations",
                "write `cites = [\"source-id\", { source = \"source-id\", at = \"2nd paragraph\" }]`",
            );
            return Vec::new();
        };
        if entries.iter().next().is_none() {
            self.sink
                .report(Code::EmptyCites, value.span(), format!("`cites` is empty: nothing says where {} comes from", t.what))
                .with_help("name at least one source that supports it, e.g. `cites = [\"source-id\"]`");
        }
        // Sized exactly: collecting would reserve room for four, and a large briefing holds a
        // list of citations per item.
        let mut cites = Vec::with_capacity(entries.len());
        cites.extend(entries.iter().filter_map(|entry| self.citation(entry, from)));
        cites
    }

    fn citation(&mut self, entry: &Value<'_>, from: &str) -> Option<Citation> {
        let source = match entry.get_ref() {
            DeValue::String(s) => Str { value: s.to_string(), span: entry.span() },
            DeValue::Table(table) => {
                let t = Table { table, span: entry.span(), what: "this citation" };
                t.check_keys(self.sink, crate::load::spec::CITATION.names);
                let at = t.string(self.sink, "at", false);
                // A blank place names nothing to check; leaving `at` out is how the whole
                // source is cited.
                if let Some(blank) = at.as_ref().filter(|at| at.value.trim().is_empty()) {
                    self.sink.report(Code::BadValue, blank.span.clone(), "`at` is empty".to_string()).with_help(
                        "name a place in the source (`4th paragraph`, a heading), or leave `at` out to cite the whole source".to_string(),
                    );
                }
                let at = at.map(|s| s.value);
                let source = t.string(self.sink, "source", true)?;
                self.push_ref("source", &source, Expect::Source, from);
                return Some(Citation { source: source.value, at });
            }
            _ => {
                reader::wrong_type(
                    self.sink,
                    "cites",
                    entry,
                    "a source id or `{ source = …, at = … }`",
                    "write a source id in quotes, or `{ source = \"source-id\", at = \"…\" }`",
                );
                return None;
            }
        };
        self.push_ref("cites", &source, Expect::Source, from);
        Some(Citation { source: source.value, at: None })
    }
}
