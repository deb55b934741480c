//! Finding web-page residue: breadcrumbs, file icons, "view the full minutes text" links, a
//! trailing "Supporting documents:".

use crate::core::model::{Residue, ResidueKind};
use crate::core::text::{LineIndex, Span};
use regex::Regex;
use std::sync::OnceLock;

/// Every piece of residue in the text, in order.
pub fn find_residue(text: &str, lines: &LineIndex) -> Vec<Residue> {
    let mut found = Vec::new();
    for m in icon_pattern().find_iter(text) {
        let start = back_over_spaces(text, m.start());
        found.push(Residue {
            kind: ResidueKind::FileIcon,
            span: trimmed(text, m.start(), m.end()),
            removal: Span::new(start, m.end()),
        });
    }
    for m in view_full_text_pattern().find_iter(text) {
        let start = back_over_spaces(text, m.start());
        found.push(Residue {
            kind: ResidueKind::ViewFullText,
            span: trimmed(text, m.start(), m.end()),
            removal: Span::new(start, m.end()),
        });
    }
    for line in 0..lines.line_count() {
        let span = lines.line_span(text, line);
        let content = span.slice(text).trim();
        if content.is_empty() {
            continue;
        }
        if breadcrumb_pattern().is_match(content) {
            let start = span.start + (span.slice(text).len() - span.slice(text).trim_start().len());
            found.push(Residue {
                kind: ResidueKind::Breadcrumb,
                span: Span::new(start, start + content.len()),
                removal: Span::new(span.start, lines.line_start(line + 1)),
            });
        }
    }
    if let Some(trailing) = trailing_supporting_documents(text) {
        found.push(trailing);
    }
    found.sort_by_key(|r| r.span.start);
    found
}

fn icon_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:pdf|docx?|xlsx?|pptx?|rtf|odt)[\s\u{a0}]+icon[\s\u{a0}]+(?:pdf|docx?|xlsx?|pptx?|rtf|odt)[\s\u{a0}]+[\d.,]+[\s\u{a0}]*[KMG]B\b")
            .expect("valid")
    })
}

fn view_full_text_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?:(?:\.\.\.|…)[\s\u{a0}]*)?\bview the full (?:minutes|decision|text)(?: text)? for item[\s\u{a0}]+[\w/.\-]*\w")
            .expect("valid")
    })
}

fn breadcrumb_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:You are here:?\s*)?Home\s*[>›»/]\s*[^>›»]+(?:[>›»]\s*[^>›»]+)+$").expect("valid")
    })
}

/// "Supporting documents:" with nothing but white space after it.
fn trailing_supporting_documents(text: &str) -> Option<Residue> {
    let trimmed_end = text.trim_end();
    let label = ["Supporting documents:", "Supporting documents", "Supporting Documents:", "Supporting Documents"]
        .into_iter()
        .find(|l| trimmed_end.ends_with(l))?;
    let start = trimmed_end.len() - label.len();
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    if !text[line_start..start].trim().is_empty() {
        return None;
    }
    // Removing it also removes the blank lines before it, so the text ends where the minutes do.
    let removal_start = text[..line_start].trim_end().len();
    Some(Residue {
        kind: ResidueKind::SupportingDocuments,
        span: Span::new(start, trimmed_end.len()),
        removal: Span::new(removal_start, trimmed_end.len()),
    })
}

fn back_over_spaces(text: &str, mut at: usize) -> usize {
    while let Some(c) = text[..at].chars().next_back() {
        if c == ' ' || c == '\u{a0}' || c == '\t' {
            at -= c.len_utf8();
        } else {
            break;
        }
    }
    at
}

fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    Span::new(start + lead, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(ResidueKind, String)> {
        find_residue(text, &LineIndex::new(text))
            .into_iter()
            .map(|r| (r.kind, r.span.slice(text).to_string()))
            .collect()
    }

    #[test]
    fn finds_each_kind() {
        let text = "Home > Council and Democracy > Meetings\nMinutes pdf icon PDF 284 KB\nmore \u{a0}...\u{a0} view the full minutes text for item 21/49\n\nSupporting documents:";
        let found = kinds(text);
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(found[0].0, ResidueKind::Breadcrumb);
        assert_eq!(found[1], (ResidueKind::FileIcon, "pdf icon PDF 284 KB".into()));
        assert_eq!(found[2].0, ResidueKind::ViewFullText);
        assert!(found[2].1.ends_with("item 21/49"));
        assert_eq!(found[3].0, ResidueKind::SupportingDocuments);
    }

    #[test]
    fn supporting_documents_mid_text_is_not_residue() {
        assert!(kinds("Supporting documents: the report was attached.\nMore.").is_empty());
    }
}
