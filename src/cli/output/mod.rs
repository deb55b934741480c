//! Printing findings: human (compiler-like), JSON, SARIF 2.1.0, GitHub workflow commands and a
//! self-contained HTML page.
//!
//! Every format reads the same [`FileReport`]s and converts byte offsets to 1-based lines and
//! columns counted in Unicode characters (a leading byte-order mark is not counted: editors hide
//! it) through [`FileReport::position`].

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;

use crate::core::diagnostic::{Applicability, Diagnostic};
use crate::core::text::{ColumnUnit, LineIndex};

/// One checked draft, ready to print.
#[derive(Debug)]
pub struct FileReport {
    /// The path as printed (as the user named it, or found under a folder they named).
    pub path: String,
    /// The text the diagnostics' spans point into (the fixed text after `--fix`).
    pub text: String,
    pub lines: LineIndex,
    pub diagnostics: Vec<Diagnostic>,
    /// Fixes applied by `--fix`, or that `--diff` would apply.
    pub fixed: usize,
    /// The same, per rule.
    pub fixed_by_rule: Vec<(&'static str, usize)>,
}

impl FileReport {
    pub fn new(path: impl Into<String>, text: String, diagnostics: Vec<Diagnostic>) -> Self {
        let lines = LineIndex::new(&text);
        FileReport {
            path: path.into(),
            text,
            lines,
            diagnostics,
            fixed: 0,
            fixed_by_rule: Vec::new(),
        }
    }

    /// The 1-based line and column (in characters, end-exclusive for ends) of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let at = self.lines.to_line_col(&self.text, offset, ColumnUnit::Char);
        let bom = at.line == 0 && at.col > 0 && self.text.starts_with('\u{feff}');
        Position {
            line: at.line as usize + 1,
            column: at.col as usize + 1 - usize::from(bom),
        }
    }
}

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Counts behind the one-line summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub problems: usize,
    /// Files with at least one finding.
    pub files_with_problems: usize,
    pub files_checked: usize,
    /// Findings `--fix` would resolve (with `--unsafe-fixes` given, unsafe ones too).
    pub fixable: usize,
    /// Findings only `--unsafe-fixes` would resolve.
    pub unsafe_fixable: usize,
    /// Fixes applied (or, with `--diff`, that would be).
    pub fixed: usize,
    pub files_fixed: usize,
}

impl Totals {
    pub fn of(reports: &[FileReport], unsafe_fixes: bool) -> Totals {
        let mut totals = Totals {
            files_checked: reports.len(),
            ..Totals::default()
        };
        for report in reports {
            if !report.diagnostics.is_empty() {
                totals.files_with_problems += 1;
            }
            if report.fixed > 0 {
                totals.files_fixed += 1;
                totals.fixed += report.fixed;
            }
            for diagnostic in &report.diagnostics {
                totals.problems += 1;
                match best_fix(diagnostic) {
                    Some(Applicability::Safe) => totals.fixable += 1,
                    Some(Applicability::Unsafe) if unsafe_fixes => totals.fixable += 1,
                    Some(Applicability::Unsafe) => totals.unsafe_fixable += 1,
                    None => {}
                }
            }
        }
        totals
    }
}

/// The most applicable fix a diagnostic offers: safe beats unsafe.
pub fn best_fix(diagnostic: &Diagnostic) -> Option<Applicability> {
    let kinds = diagnostic
        .fixes
        .iter()
        .filter(|f| !f.edits.is_empty())
        .map(|f| f.applicability);
    let mut best = None;
    for kind in kinds {
        if kind == Applicability::Safe {
            return Some(kind);
        }
        best = Some(kind);
    }
    best
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The one-line summary: "Found 5 problems (2 fixable with --fix, 1 more with --unsafe-fixes) in 3 files."
pub fn summary_line(totals: &Totals, fixing: bool, diff: bool) -> String {
    let mut parts = Vec::new();
    if fixing && totals.fixed > 0 {
        parts.push(format!(
            "Fixed {} in {}.",
            plural(totals.fixed, "problem", "problems"),
            plural(totals.files_fixed, "file", "files")
        ));
    }
    if diff && totals.fixed > 0 {
        parts.push(format!(
            "Would fix {} in {}.",
            plural(totals.fixed, "problem", "problems"),
            plural(totals.files_fixed, "file", "files")
        ));
    }
    if totals.problems == 0 {
        let what = if fixing && totals.fixed > 0 {
            "No problems remain"
        } else {
            "No problems found"
        };
        parts.push(format!("{what} in {}.", plural(totals.files_checked, "file", "files")));
    } else {
        let mut hints = Vec::new();
        if !fixing && !diff && totals.fixable > 0 {
            hints.push(format!("{} fixable with --fix", totals.fixable));
        }
        if totals.unsafe_fixable > 0 {
            let more = if hints.is_empty() { "fixable " } else { "more " };
            hints.push(format!("{} {more}with --unsafe-fixes", totals.unsafe_fixable));
        }
        let hints = if hints.is_empty() {
            String::new()
        } else {
            format!(" ({})", hints.join(", "))
        };
        let verb = if fixing && totals.fixed > 0 {
            "remaining"
        } else if diff && totals.fixed > 0 {
            "would remain"
        } else {
            ""
        };
        let problems = plural(totals.problems, "problem", "problems");
        let found = if verb.is_empty() {
            format!("Found {problems}")
        } else {
            format!("{problems} {verb}")
        };
        parts.push(format!(
            "{found}{hints} in {}.",
            plural(totals.files_with_problems, "file", "files")
        ));
    }
    parts.join(" ")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::diagnostic::{Edit, Fix, Severity};
    use crate::core::text::Span;

    /// A draft with a wrong weekday (line 2) and a breadcrumb (line 3), and the findings a rule
    /// would report, built by hand so the formatters are tested whatever the rules do.
    pub fn sample() -> FileReport {
        let text = "Minutes of the Panel\r\nMonday 26 April 2022 – Café\r\nHome > Council > Panel\r\n".to_string();
        let monday = text.find("Monday").unwrap();
        let crumb = text.find("Home").unwrap();
        let crumb_end = text[crumb..].find('\r').unwrap() + crumb;
        let weekday = Diagnostic {
            severity: Severity::Error,
            ..Diagnostic::new(
                "weekday-mismatch",
                Span::new(monday, monday + 6),
                "26 April 2022 was a Tuesday, not a Monday",
            )
        }
        .with_fix(Fix::safe(
            "Change “Monday” to “Tuesday”",
            vec![Edit::replace(Span::new(monday, monday + 6), "Tuesday")],
        ));
        let residue = Diagnostic::new(
            "paste-residue",
            Span::new(crumb, crumb_end),
            "breadcrumb trail pasted from a web page",
        )
        .with_fix(Fix::unsafe_(
            "Remove the breadcrumb",
            vec![Edit::delete(Span::new(crumb, crumb_end + 2))],
        ));
        let mut info = Diagnostic::new(
            "title-style",
            Span::new(text.find("Café").unwrap() + 3, text.find("Café").unwrap() + 5),
            "an \"odd\", spot: here\nnext",
        );
        info.severity = Severity::Info;
        FileReport::new("drafts/panel.minutes", text, vec![weekday, info, residue])
    }

    #[test]
    fn positions_are_one_based_chars_and_skip_a_bom() {
        let report = sample();
        let cafe = report.text.find("é").unwrap();
        assert_eq!(report.position(cafe), Position { line: 2, column: 27 });
        let bom = FileReport::new("x", "\u{feff}ab\ncd".into(), vec![]);
        assert_eq!(bom.position(4), Position { line: 1, column: 2 });
        assert_eq!(bom.position(6), Position { line: 2, column: 1 });
    }

    #[test]
    fn summary_counts_fixable_and_unsafe_findings() {
        let totals = Totals::of(&[sample()], false);
        assert_eq!(totals.problems, 3);
        assert_eq!(totals.fixable, 1);
        assert_eq!(totals.unsafe_fixable, 1);
        assert_eq!(
            summary_line(&totals, false, false),
            "Found 3 problems (1 fixable with --fix, 1 more with --unsafe-fixes) in 1 file."
        );
        let with_unsafe = Totals::of(&[sample()], true);
        assert_eq!(
            summary_line(&with_unsafe, false, false),
            "Found 3 problems (2 fixable with --fix) in 1 file."
        );
        let clean = Totals {
            files_checked: 2,
            ..Totals::default()
        };
        assert_eq!(summary_line(&clean, false, false), "No problems found in 2 files.");
    }
}
