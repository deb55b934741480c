//! `--format json`: one array; the element shape is a contract (DESIGN §5), pinned by a test.

use super::{FileReport, Position};
use crate::core::diagnostic::Diagnostic;
use crate::core::text::Span;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    range: JsonRange,
    fixes: Vec<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonRange {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    applicability: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    range: JsonRange,
    new_text: &'a str,
}

fn range(report: &FileReport, span: Span) -> JsonRange {
    JsonRange {
        start: report.position(span.start),
        end: report.position(span.end),
    }
}

fn element<'a>(report: &'a FileReport, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        path: &report.path,
        rule: d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        range: range(report, d.span),
        fixes: d
            .fixes
            .iter()
            .map(|f| JsonFix {
                title: &f.title,
                applicability: f.applicability.as_str(),
                edits: f
                    .edits
                    .iter()
                    .map(|e| JsonEdit {
                        range: range(report, e.span),
                        new_text: &e.new_text,
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Writes every finding of every report as one JSON array (pretty-printed, newline-terminated).
pub fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let all: Vec<JsonDiagnostic> = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| element(r, d)))
        .collect();
    serde_json::to_writer_pretty(&mut *out, &all)?;
    writeln!(out)
}

/// `--statistics` as JSON: `[{"rule", "severity", "count", "fixable"}]`.
pub fn write_statistics(rows: &[super::human::StatRow], out: &mut dyn Write) -> io::Result<()> {
    let values: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| serde_json::json!({"rule": r.rule, "severity": r.severity.as_str(), "count": r.count, "fixable": r.fixable}))
        .collect();
    serde_json::to_writer_pretty(&mut *out, &values)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::tests::sample;
    use serde_json::json;

    #[test]
    fn the_json_shape_is_pinned() {
        let mut out = Vec::new();
        write(&[sample()], &mut out).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let expected = json!([
            {
                "path": "drafts/panel.minutes",
                "rule": "weekday-mismatch",
                "severity": "error",
                "message": "26 April 2022 was a Tuesday, not a Monday",
                "range": {"start": {"line": 2, "column": 1}, "end": {"line": 2, "column": 7}},
                "fixes": [{
                    "title": "Change “Monday” to “Tuesday”",
                    "applicability": "safe",
                    "edits": [{"range": {"start": {"line": 2, "column": 1}, "end": {"line": 2, "column": 7}}, "new_text": "Tuesday"}]
                }]
            },
            {
                "path": "drafts/panel.minutes",
                "rule": "title-style",
                "severity": "info",
                "message": "an \"odd\", spot: here\nnext",
                "range": {"start": {"line": 2, "column": 27}, "end": {"line": 2, "column": 28}},
                "fixes": []
            },
            {
                "path": "drafts/panel.minutes",
                "rule": "paste-residue",
                "severity": "warning",
                "message": "breadcrumb trail pasted from a web page",
                "range": {"start": {"line": 3, "column": 1}, "end": {"line": 3, "column": 23}},
                "fixes": [{
                    "title": "Remove the breadcrumb",
                    "applicability": "unsafe",
                    "edits": [{"range": {"start": {"line": 3, "column": 1}, "end": {"line": 4, "column": 1}}, "new_text": ""}]
                }]
            }
        ]);
        assert_eq!(value, expected);
    }

    #[test]
    fn no_findings_is_an_empty_array() {
        let mut out = Vec::new();
        write(&[], &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap().trim(), "[]");
    }
}
