//! `--format json`: one array; the element shape is a contract (DESIGN §5), pinned by a test.

use super::{FileReport, Position};
use crate::core::diagnostic::Diagnostic;
use crate::core::text::Span;
use rayon::prelude::*;
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
///
/// The reports are rendered in parallel, each into its own buffer, and written in order: the
/// bytes are those `serde_json::to_writer_pretty` gives for the whole array (elements indented
/// by two spaces, separated by `,` and a new line), without one thread serialising every
/// finding of a large run while the other cores wait.
pub fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    // One report (one draft checked) is rendered on this thread, without the thread pool.
    let rendered: Vec<Vec<u8>> = if reports.len() == 1 {
        reports.iter().map(render).collect::<io::Result<_>>()?
    } else {
        reports.par_iter().map(render).collect::<io::Result<_>>()?
    };
    let mut first = true;
    out.write_all(b"[")?;
    for chunk in rendered.iter().filter(|c| !c.is_empty()) {
        out.write_all(if first { b"\n  " } else { b",\n  " })?;
        out.write_all(chunk)?;
        first = false;
    }
    out.write_all(if first { b"]\n" } else { b"\n]\n" })
}

/// One report's elements as they stand inside the pretty-printed array: each one's lines after
/// the first indented by two spaces (a new line inside a JSON string is escaped, so every new
/// line in the output is the formatter's), separated by `,` and a new line.
fn render(report: &FileReport) -> io::Result<Vec<u8>> {
    let mut buffer = Vec::new();
    let mut element_bytes = Vec::new();
    for (i, d) in report.diagnostics.iter().enumerate() {
        if i > 0 {
            buffer.extend_from_slice(b",\n  ");
        }
        element_bytes.clear();
        serde_json::to_writer_pretty(&mut element_bytes, &element(report, d))?;
        for line in element_bytes.split_inclusive(|&b| b == b'\n') {
            buffer.extend_from_slice(line);
            if line.ends_with(b"\n") {
                buffer.extend_from_slice(b"  ");
            }
        }
    }
    Ok(buffer)
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

    /// The reports rendered one by one give the bytes serde_json gives for the whole array.
    #[test]
    fn the_output_is_serde_json_pretty_printing_of_the_whole_array() {
        let empty = FileReport::new("empty.minutes", String::new(), Vec::new());
        for reports in [vec![], vec![sample()], vec![sample(), empty, sample()]] {
            let mut out = Vec::new();
            write(&reports, &mut out).unwrap();
            let all: Vec<JsonDiagnostic> = reports
                .iter()
                .flat_map(|r| r.diagnostics.iter().map(move |d| element(r, d)))
                .collect();
            let mut expected = serde_json::to_vec_pretty(&all).unwrap();
            expected.push(b'\n');
            assert_eq!(String::from_utf8(out).unwrap(), String::from_utf8(expected).unwrap());
        }
    }

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
