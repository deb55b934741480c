//! A "Present" list that does not say who chaired the meeting.
//!
//! Minutes record who presided: it tells readers whose rulings and casting vote applied, and
//! the chair signs the minutes as a correct record at the next meeting. A chair can be marked
//! in many ways: "Councillor Stone – in the Chair", "Cllr A Porter (Chair)", "Councillor Smith,
//! Chairman", "Chair Cllr Smith", "Jo Smith — *Chair*", a vice-chair presiding, a mayor, a line
//! such as "Chair: Councillor Smith" above the list, or a sentence such as "JS chaired the
//! meeting" before the items; any of these is enough. A list written without a "Present"
//! heading (lines of "Cllr" names under the meeting line) is checked too. Drafts without an attendance list (a single agenda item, or a web page
//! that lists attendance elsewhere) are not checked.
//!
//! ## Example
//!
//! ```text
//! Present:
//!
//! Councillors Alijah, Collins, Lovecy, Reid and Taylor
//! ```
//!
//! reports "the Present list names no chair" on "Present:".
//!
//! ## Fix
//!
//! None: only the clerk knows who was in the chair.

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::model::AttendanceKind;
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;
use regex::Regex;
use std::sync::OnceLock;


pub(crate) const RULE: Rule = Rule {
    name: "missing-chair",
    default_severity: Severity::Info,
    group: Group::People,
    source: include_str!("missing_chair.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let minutes = ctx.minutes;
    let present: Vec<_> = minutes
        .attendance
        .iter()
        .filter(|s| s.kind == AttendanceKind::Present && !s.people.is_empty())
        .collect();
    let Some(first) = present.first() else { return };
    if present.iter().any(|s| s.people.iter().any(|p| p.chair || p.vice_chair)) {
        return;
    }
    // A chair written in a way the name reader does not know, in a list or above it (but not in
    // the apologies: a chair who sent apologies did not preside).
    let first_item = minutes.items.first().map_or(ctx.text.len(), |i| i.span.start);
    let mut elsewhere: Vec<Span> = minutes
        .attendance
        .iter()
        .filter(|s| matches!(s.kind, AttendanceKind::Apologies | AttendanceKind::Absent))
        .map(|s| s.span)
        .collect();
    elsewhere.sort_unstable();
    let in_elsewhere = |span: Span| {
        let i = elsewhere.partition_point(|s| s.start < span.end);
        elsewhere[..i].iter().rev().take(4).any(|s| s.overlaps(span))
    };
    let mut places: Vec<Span> = present.iter().map(|s| s.span).collect();
    places.extend(
        minutes
            .blocks
            .iter()
            .take_while(|b| b.span.start < first_item)
            .filter(|b| !in_elsewhere(b.span))
            .map(|b| b.content),
    );
    if places.iter().any(|s| names_a_chair(s.slice(ctx.text))) {
        return;
    }
    // "Present: Councillors Reid and Taylor" on one line: point at "Present:" only.
    let heading_text = first.heading.slice(ctx.text);
    let heading = match heading_text.find(':') {
        Some(colon) if colon + 1 < heading_text.len() => {
            Span::new(first.heading.start, first.heading.start + colon + 1)
        }
        _ => first.heading,
    };
    out.push(Diagnostic::new(
        RULE.name,
        heading,
        "the Present list names no chair; mark who presided, e.g. \"Councillor Stone – in the Chair\" or \"(Chair)\"",
    ));
}

fn names_a_chair(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:chair|chairman|chairwoman|chairperson|chaired|presiding|presided|convener|convenor|lord mayor|mayor)\b|\bin the chair\b")
            .expect("valid")
    });
    re.is_match(text)
}

#[cfg(test)]
mod tests {
    use crate::core::diagnostic::Diagnostic;

    fn check(text: &str) -> Vec<Diagnostic> {
        super::RULE.findings(text)
    }


    #[test]
    fn a_list_without_a_chair_is_reported_on_its_heading() {
        let text = "Planning Committee\n\nPresent:\n\nCouncillors Alijah, Collins, Lovecy, Reid and Taylor\n\n1. Budget\n\nRESOLVED – noted.\n";
        let found = check(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(text), "Present:");
        assert!(found[0].fixes.is_empty());
        let text = "PRESENT: Councillors Alijah and Reid\n\n1. Budget\n";
        let found = check(text);
        assert_eq!(found[0].span.slice(text), "PRESENT:");
    }

    #[test]
    fn chairs_written_many_ways_are_found() {
        for list in [
            "Councillor Stone – in the Chair Councillors Alijah and Reid",
            "Cllr Mr A H Porter (Chair)\nCllr B Smith",
            "Councillor Smith, Chairman, Councillor Jones",
            "Councillor Smith (Vice-Chair, in the Chair), Councillor Jones",
            "Councillor Smith in the Chair; Councillors Jones and Reid",
            "Jane Smith (Chair)\nTom Brown",
        ] {
            let text = format!("Present:\n\n{list}\n\n1. Budget\n\nRESOLVED – noted.\n");
            assert!(check(&text).is_empty(), "{list}");
        }
        let text = "Chair: Councillor Smith\n\nPresent:\n\nCouncillors Jones and Reid\n\n1. Budget\n";
        assert!(check(text).is_empty());
        // A chair who sent apologies did not preside.
        let text = "Present:\n\nCouncillors Jones and Reid\n\nApologies:\n\nCouncillor Smith (Chair)\n\n1. Budget\n";
        assert_eq!(check(text).len(), 1);
    }

    #[test]
    fn no_list_or_an_unreadable_list_is_not_reported() {
        assert!(check("1. Budget\n\nRESOLVED – noted.\n").is_empty());
        assert!(check("Present:\n\nsee the attached sheet\n").is_empty());
        assert!(check("").is_empty());
    }
}
