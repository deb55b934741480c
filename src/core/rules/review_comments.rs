//! Review comments left in a Word draft.
//!
//! Comments are how reviewers query a draft ("is this the right figure?"). Published with the
//! minutes they show the internal discussion, and a comment still open usually means a question
//! nobody has answered. Only Word drafts (`.docx`) are checked: each comment in the document is
//! reported at the text it is anchored to, with its author and its first words.
//!
//! ## Example
//!
//! A `.docx` with a comment "Check the sum with finance" by Deputy Clerk on "£750" reports
//! "a review comment is still in the draft: "Check the sum with finance" (Deputy Clerk)" there.
//!
//! ## Fix
//!
//! None: resolve the query, then delete the comment (Review > Delete in Word).

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;


pub(crate) const RULE: Rule = Rule {
    name: "review-comments",
    default_severity: Severity::Error,
    group: Group::Word,
    source: include_str!("review_comments.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(word) = ctx.word() else { return };
    let len = ctx.text.len();
    for comment in &word.comments {
        let start = comment.span.start.min(len);
        let end = comment.span.end.clamp(start, len);
        let text = comment.text.trim();
        let short: String = text.chars().take(60).collect();
        let quoted = if text.is_empty() {
            String::new()
        } else if short.len() < text.len() {
            format!(": \"{short}…\"")
        } else {
            format!(": \"{short}\"")
        };
        let author = comment
            .author
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|a| format!(" ({a})"))
            .unwrap_or_default();
        out.push(Diagnostic::new(
            RULE.name,
            Span::new(start, end),
            format!("a review comment is still in the draft{quoted}{author}"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::core::text::Span;
    use crate::core::word::{ReviewComment, WordFacts};

    #[test]
    fn each_comment_is_reported_at_its_anchor() {
        let text = "Minutes of the Parks Committee\nThe grant of £750 was approved.";
        let at = text.find("£750").unwrap();
        let facts = WordFacts {
            comments: vec![ReviewComment {
                author: Some("Deputy Clerk".to_string()),
                text: "Check the sum with finance".to_string(),
                span: Span::new(at, at + "£750".len()),
            }],
            ..WordFacts::default()
        };
        let found = super::RULE.findings_in_word(text, &facts);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "a review comment is still in the draft: \"Check the sum with finance\" (Deputy Clerk)"
        );
        assert_eq!(found[0].span.start, at);
        assert!(super::RULE.findings(text).is_empty());
    }
}
