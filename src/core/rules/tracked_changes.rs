//! Tracked changes in a Word draft not yet accepted or rejected.
//!
//! With Track Changes on, Word keeps every insertion, deletion and move until someone accepts or
//! rejects it. Published that way, the minutes carry the drafting history: the struck-out
//! wording, who changed it, and text a reader may take as part of the record. Only Word drafts
//! (`.docx`) are checked; the text the other rules read is the document as if every change were
//! accepted. One finding per paragraph, naming each change and its author.
//!
//! ## Example
//!
//! A `.docx` paragraph "The grant of ~~£500~~ £750 was approved." with the deletion and
//! insertion still tracked reports "2 tracked changes not yet accepted or rejected: deletion of
//! "£500" by Clerk, insertion of "£750" by Chair" on that paragraph.
//!
//! ## Fix
//!
//! None: accepting or rejecting each change is the clerk's decision (Review > Accept or Reject
//! in Word).

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;


pub(crate) const RULE: Rule = Rule {
    name: "tracked-changes",
    default_severity: Severity::Error,
    group: Group::Word,
    source: include_str!("tracked_changes.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(word) = ctx.word() else { return };
    let len = ctx.text.len();
    let mut i = 0;
    let changes = &word.tracked_changes;
    while i < changes.len() {
        let line = ctx.lines.line_of(changes[i].span.start.min(len));
        let mut j = i;
        while j < changes.len() && ctx.lines.line_of(changes[j].span.start.min(len)) == line {
            j += 1;
        }
        let group = &changes[i..j];
        let start = group.iter().map(|c| c.span.start).min().unwrap_or(0).min(len);
        let end = group.iter().map(|c| c.span.end).max().unwrap_or(0).clamp(start, len);
        let described: Vec<String> = group.iter().take(4).map(describe).collect();
        let more = if group.len() > 4 {
            format!(" and {} more", group.len() - 4)
        } else {
            String::new()
        };
        let count = if group.len() == 1 {
            "a tracked change".to_string()
        } else {
            format!("{} tracked changes", group.len())
        };
        out.push(Diagnostic::new(
            RULE.name,
            Span::new(start, end),
            format!("{count} not yet accepted or rejected: {}{more}", described.join(", ")),
        ));
        i = j;
    }
}

fn describe(change: &crate::core::word::TrackedChange) -> String {
    let mut out = change.kind.as_str().to_string();
    let text = change.text.trim();
    if !text.is_empty() {
        let short: String = text.chars().take(40).collect();
        let cut = if short.len() < text.len() { "…" } else { "" };
        out.push_str(&format!(" of \"{short}{cut}\""));
    }
    if let Some(author) = change.author.as_deref().filter(|a| !a.trim().is_empty()) {
        out.push_str(&format!(" by {}", author.trim()));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::core::text::Span;
    use crate::core::word::{ChangeKind, TrackedChange, WordFacts};

    fn change(kind: ChangeKind, span: Span, text: &str, author: &str) -> TrackedChange {
        TrackedChange {
            kind,
            author: Some(author.to_string()),
            span,
            text: text.to_string(),
        }
    }

    #[test]
    fn one_finding_per_paragraph_naming_each_change() {
        let text = "Minutes of the Parks Committee\nThe grant of £750 was approved.\nClose";
        let at = text.find("£750").unwrap();
        let facts = WordFacts {
            tracked_changes: vec![
                change(ChangeKind::Deletion, Span::empty(at), "£500", "Clerk"),
                change(ChangeKind::Insertion, Span::new(at, at + "£750".len()), "£750", "Chair"),
                change(
                    ChangeKind::Insertion,
                    Span::new(text.len() - 5, text.len()),
                    "Close",
                    "Clerk",
                ),
            ],
            ..WordFacts::default()
        };
        let found = super::RULE.findings_in_word(text, &facts);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0].message,
            "2 tracked changes not yet accepted or rejected: deletion of \"£500\" by Clerk, insertion of \"£750\" by Chair"
        );
        assert_eq!(found[0].span, Span::new(at, at + "£750".len()));
        assert_eq!(found[0].severity, crate::core::diagnostic::Severity::Error);
        // Text drafts have no Word facts: silent.
        assert!(super::RULE.findings(text).is_empty());
    }
}
