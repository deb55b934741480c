//! `--format sarif`: a SARIF 2.1.0 log with one run, validated against the OASIS schema in the
//! tests (`tests/data/sarif-schema-2.1.0.json`).

use super::FileReport;
use crate::core::diagnostic::Severity;
use crate::core::rules::RULES;
use crate::core::text::Span;
use serde_json::{json, Value};
use std::io::{self, Write};

pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
pub const INFORMATION_URI: &str = "https://github.com/minutes-lint/minutes-lint";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: `/` separators, reserved and non-ASCII bytes
/// percent-encoded. Absolute paths become `file://` URIs.
pub fn path_to_uri(path: &str) -> String {
    let normal = path.replace('\\', "/");
    let trimmed = normal.strip_prefix("./").unwrap_or(&normal);
    let mut out = String::with_capacity(trimmed.len());
    let absolute = trimmed.starts_with('/');
    if absolute {
        out.push_str("file://");
    }
    for byte in trimmed.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn region(report: &FileReport, span: Span) -> Value {
    let start = report.position(span.start);
    let end = report.position(span.end);
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

/// The rule descriptors, in table order (results point into this list by `ruleIndex`).
fn rules() -> Vec<Value> {
    RULES
        .iter()
        .map(|rule| {
            let doc = rule.doc();
            json!({
                "id": rule.name,
                "name": rule.name,
                "shortDescription": {"text": rule.summary()},
                "fullDescription": {"text": doc},
                "help": {"text": doc, "markdown": doc},
                "defaultConfiguration": {"level": level(rule.default_severity)},
                "properties": {"tags": [rule.group.as_str()]},
            })
        })
        .collect()
}

/// Builds the whole SARIF log.
pub fn log(reports: &[FileReport]) -> Value {
    let mut results = Vec::new();
    for report in reports {
        let uri = path_to_uri(&report.path);
        for d in &report.diagnostics {
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": region(report, d.span),
                    }
                }],
            });
            if let Some(index) = RULES.iter().position(|r| r.name == d.rule) {
                result["ruleIndex"] = json!(index);
            }
            if !d.related.is_empty() {
                result["relatedLocations"] = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| {
                        json!({
                            "id": i,
                            "message": {"text": r.message},
                            "physicalLocation": {"artifactLocation": {"uri": uri}, "region": region(report, r.span)},
                        })
                    })
                    .collect();
            }
            let fixes: Vec<Value> = d
                .fixes
                .iter()
                .filter(|f| !f.edits.is_empty())
                .map(|f| {
                    json!({
                        "description": {"text": f.title},
                        "artifactChanges": [{
                            "artifactLocation": {"uri": uri},
                            "replacements": f.edits.iter().map(|e| json!({
                                "deletedRegion": region(report, e.span),
                                "insertedContent": {"text": e.new_text},
                            })).collect::<Vec<_>>(),
                        }],
                        "properties": {"applicability": f.applicability.as_str()},
                    })
                })
                .collect();
            if !fixes.is_empty() {
                result["fixes"] = Value::Array(fixes);
            }
            results.push(result);
        }
    }
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "minutes-lint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": rules(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

pub fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &log(reports))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::tests::sample;

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(
            path_to_uri("./drafts/my draft#1.minutes"),
            "drafts/my%20draft%231.minutes"
        );
        assert_eq!(path_to_uri("/tmp/é.minutes"), "file:///tmp/%C3%A9.minutes");
    }

    #[test]
    fn results_carry_rule_level_region_and_fixes() {
        let log = log(&[sample()]);
        let run = &log["runs"][0];
        assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), RULES.len());
        let first = &run["results"][0];
        assert_eq!(first["ruleId"], "weekday-mismatch");
        assert_eq!(first["level"], "error");
        let region = &first["locations"][0]["physicalLocation"]["region"];
        assert_eq!(
            (region["startLine"].as_u64(), region["endColumn"].as_u64()),
            (Some(2), Some(7))
        );
        let replacement = &first["fixes"][0]["artifactChanges"][0]["replacements"][0];
        assert_eq!(replacement["insertedContent"]["text"], "Tuesday");
        assert_eq!(run["results"][1]["level"], "note");
    }
}
