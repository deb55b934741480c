//! Byte spans ⇄ LSP ranges (through the core's one [`LineIndex`]) and core diagnostics → LSP.

use crate::core::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::core::text::{ColumnUnit, LineCol, LineIndex, Span};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use tower_lsp::lsp_types::{
    self as lsp, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position, Range, TextEdit,
    Url,
};

/// The name diagnostics carry as their `source`.
pub const SOURCE: &str = "minutes-lint";

/// A text and its line index: everything needed to convert positions both ways.
#[derive(Clone, Copy)]
pub struct Lines<'a> {
    pub text: &'a str,
    pub index: &'a LineIndex,
    pub unit: ColumnUnit,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str, index: &'a LineIndex, unit: ColumnUnit) -> Self {
        Lines { text, index, unit }
    }

    pub fn position(&self, offset: usize) -> Position {
        let lc = self.index.to_line_col(self.text, offset, self.unit);
        Position::new(lc.line, lc.col)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end.max(span.start)))
    }

    /// A byte offset for an LSP position; the flag says whether it had to be clamped.
    pub fn offset(&self, pos: Position) -> (usize, bool) {
        self.index.to_offset(
            self.text,
            LineCol {
                line: pos.line,
                col: pos.character,
            },
            self.unit,
        )
    }

    /// A byte span for an LSP range (reversed ranges are put in order); the flag says whether
    /// anything was clamped or reversed.
    pub fn span(&self, range: Range) -> (Span, bool) {
        let (a, c1) = self.offset(range.start);
        let (b, c2) = self.offset(range.end);
        if b < a {
            (Span::new(b, a), true)
        } else {
            (Span::new(a, b), c1 || c2)
        }
    }
}

/// A fix as a published diagnostic's `data` names it: its title and whether `--fix` would apply
/// it. The edits are not sent with every publication; a code action makes them from the
/// snapshot's own findings when asked.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct FixSummary {
    pub title: String,
    pub safe: bool,
}

/// What a published diagnostic's `data` holds (only when it has fixes).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct DiagnosticData {
    pub fixes: Vec<FixSummary>,
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// A fix's edits in LSP positions.
pub fn fix_edits(lines: &Lines<'_>, fix: &Fix) -> Vec<TextEdit> {
    fix.edits
        .iter()
        .map(|e| TextEdit::new(lines.range(e.span), e.new_text.clone()))
        .collect()
}

/// Converts one core diagnostic to its LSP form.
pub fn diagnostic(lines: &Lines<'_>, uri: &Url, d: &Diagnostic) -> lsp::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .map(|r| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), lines.range(r.span)),
            message: r.message.clone(),
        })
        .collect();
    let data = (!d.fixes.is_empty()).then(|| {
        let fixes: Vec<Value> = d
            .fixes
            .iter()
            .map(|f| json!({"title": f.title, "safe": f.applicability == Applicability::Safe}))
            .collect();
        json!({ "fixes": fixes })
    });
    lsp::Diagnostic {
        range: lines.range(d.span),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.to_string())),
        code_description: None,
        source: Some(SOURCE.to_string()),
        message: d.message.clone(),
        related_information: if related.is_empty() { None } else { Some(related) },
        tags: None,
        data,
    }
}

/// Converts all of a document's diagnostics.
pub fn diagnostics(lines: &Lines<'_>, uri: &Url, all: &[Diagnostic]) -> Vec<lsp::Diagnostic> {
    all.iter().map(|d| diagnostic(lines, uri, d)).collect()
}

/// The smallest single edit turning `old` into `new`: common prefix and suffix kept, on character
/// boundaries. None when the texts are equal.
pub fn minimal_edit(old: &str, new: &str) -> Option<(Span, String)> {
    if old == new {
        return None;
    }
    let mut prefix = old
        .as_bytes()
        .iter()
        .zip(new.as_bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = (old.len() - prefix).min(new.len() - prefix);
    let mut suffix = old
        .as_bytes()
        .iter()
        .rev()
        .zip(new.as_bytes().iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    // Do not split a CRLF pair: an LSP position cannot sit between "\r" and "\n".
    let mut start = prefix;
    while start > 0 && old.as_bytes()[start - 1] == b'\r' && old.as_bytes().get(start) == Some(&b'\n') {
        start -= 1;
    }
    let mut old_end = old.len() - suffix;
    let mut new_end = new.len() - suffix;
    while old_end < old.len() && old_end > 0 && old.as_bytes()[old_end - 1] == b'\r' && old.as_bytes()[old_end] == b'\n'
    {
        old_end += 1;
        new_end += 1;
    }
    let new_start = start;
    let replacement = new.get(new_start..new_end.max(new_start)).unwrap_or("").to_string();
    Some((Span::new(start, old_end), replacement))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::diagnostic::Edit;
    use crate::core::fix::apply_edits;

    #[test]
    fn minimal_edit_round_trips() {
        for (a, b) in [
            ("abc", "abXc"),
            ("héllo", "hello"),
            ("a\r\nb", "a\nb"),
            ("x😀y", "x😁y"),
            ("", "new"),
            ("same", "same"),
            ("aaaa", "aa"),
            ("a\r\n", "a\r\nb\r\n"),
        ] {
            match minimal_edit(a, b) {
                None => assert_eq!(a, b),
                Some((span, text)) => assert_eq!(apply_edits(a, &[Edit::replace(span, text)]), b, "{a:?} -> {b:?}"),
            }
        }
    }

    #[test]
    fn ranges_use_the_negotiated_unit() {
        let text = "😀é\nx";
        let index = LineIndex::new(text);
        let utf16 = Lines::new(text, &index, ColumnUnit::Utf16);
        assert_eq!(utf16.position(text.find('é').unwrap()), Position::new(0, 2));
        let utf8 = Lines::new(text, &index, ColumnUnit::Utf8);
        assert_eq!(utf8.position(text.find('é').unwrap()), Position::new(0, 4));
        assert_eq!(utf8.offset(Position::new(0, 4)), (4, false));
    }
}
