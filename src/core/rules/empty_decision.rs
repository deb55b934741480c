//! A decision marker with nothing after it.
//!
//! A "Decision" line, "RESOLVED –" or "The Committee agreed:" promises the decision that
//! follows; when nothing follows (or only punctuation), the minutes record that something was
//! decided without saying what, which usually means the decision text was never pasted in. Words
//! that are a whole decision on their own ("NOTED", "AGREED", "The Panel noted") are not empty,
//! unless a colon or dash after them promises more. A marker that heads another marker straight
//! after it ("Decision:" over "RESOLVED that: …") is not empty: the second one holds the decision
//! (and is reported itself if it holds none). A placeholder left for later ("TBC",
//! "[to follow]", "XXX") counts as nothing.
//!
//! ## Example
//!
//! ```text
//! 21/50
//!
//! Budget Monitoring
//!
//! RESOLVED –
//!
//! 21/51
//! ```
//!
//! "RESOLVED –" is followed by the next item, not by a resolution.
//!
//! ## Fix
//!
//! None: only the clerk knows what was decided.

use crate::core::analysis::decisions::is_self_contained;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::model::{Decision, DecisionKind};
use crate::core::rules::{Context, Group, Rule};

pub(crate) const RULE: Rule = Rule {
    name: "empty-decision",
    default_severity: Severity::Warning,
    group: Group::Structure,
    source: include_str!("empty_decision.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for item in &ctx.minutes.items {
        for (index, decision) in item.decisions.iter().enumerate() {
            let heads_next = item
                .decisions
                .get(index + 1)
                .is_some_and(|next| heads_marker(ctx.text, decision, next));
            if !heads_next && is_empty(ctx.text, decision) {
                let marker = decision.marker.slice(ctx.text);
                let body = decision.body.map_or("", |b| b.slice(ctx.text)).trim();
                let message = if body.chars().any(char::is_alphanumeric) {
                    format!("\"{marker}\" is followed only by the placeholder \"{body}\": write what was decided")
                } else {
                    format!("\"{marker}\" is followed by no decision: write what was decided after it")
                };
                out.push(Diagnostic::new(RULE.name, decision.marker, message));
            }
        }
    }
}

/// "Decision:" on one line and "RESOLVED that:" on the next: the first heads the second, which
/// holds (or lacks) the decision itself.
fn heads_marker(text: &str, decision: &Decision, next: &Decision) -> bool {
    let end = decision
        .body
        .map_or(decision.marker.end, |b| b.end.max(decision.marker.end));
    next.kind == DecisionKind::Marker
        && text.get(end..next.marker.start).is_some_and(|gap| {
            gap.chars()
                .all(|c| c.is_whitespace() || matches!(c, '*' | '_' | '#' | ':'))
        })
}

/// True when a marker decision has no text after it and is not a decision on its own.
fn is_empty(text: &str, decision: &Decision) -> bool {
    if decision.kind != DecisionKind::Marker {
        return false;
    }
    let body = decision.body.map_or("", |b| b.slice(text));
    if body.chars().any(char::is_alphanumeric) && !is_placeholder(body) {
        return false;
    }
    !is_self_contained(text, decision)
}

/// "TBC", "[to follow]", "XXX": a clerk's note that the decision is still to be written.
fn is_placeholder(body: &str) -> bool {
    let trimmed = body.trim().trim_end_matches(['.', '!']).trim();
    let inner = trimmed
        .strip_prefix(['[', '(', '<'])
        .and_then(|t| t.strip_suffix([']', ')', '>']))
        .unwrap_or(trimmed)
        .trim();
    let lower = inner.to_lowercase();
    matches!(
        lower.as_str(),
        "tbc"
            | "tba"
            | "tbd"
            | "to follow"
            | "to be confirmed"
            | "to be added"
            | "to be agreed"
            | "decision to follow"
            | "decision to be added"
            | "xxx"
            | "xx"
            | "x"
            | "todo"
            | "placeholder"
    ) || (!lower.is_empty() && lower.chars().all(|c| c == 'x' || c == '?' || c == '.' || c == ' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<String> {
        RULE.flagged(text)
    }


    #[test]
    fn markers_followed_by_nothing_are_reported() {
        let text = "Panel\n\n12. Budget\n\nThe report was discussed.\n\nRESOLVED –\n\n13. Housing\n\nDecision\n";
        assert_eq!(run(text), ["RESOLVED –", "Decision"]);
    }

    #[test]
    fn punctuation_is_not_a_decision() {
        let text = "Panel\n\n12. Budget\n\nRESOLVED – .\n\n13. Housing\n\nRESOLVED – That the report be noted.\n";
        assert_eq!(run(text), ["RESOLVED – ."]);
    }

    #[test]
    fn placeholders_are_not_decisions() {
        let text = "Panel\n\n12. Budget\n\nRESOLVED – TBC\n\n13. Housing\n\nDecision\n\n[To follow]\n\n14. Parks\n\nRESOLVED – That XXX be approved.\n";
        assert_eq!(run(text), ["RESOLVED", "Decision"]);
    }

    #[test]
    fn noted_and_agreed_stand_alone() {
        let text = "Panel\n\n12. Budget\n\nA report.\n\nNOTED\n\n13. Housing\n\nA report.\n\nAGREED\n";
        assert!(run(text).is_empty(), "{:?}", run(text));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", "RESOLVED", "1. A\r\rRESOLVED –\r", "12. 😀\n\nDecision\n\n😀\n"] {
            let _ = run(text);
        }
    }
}
