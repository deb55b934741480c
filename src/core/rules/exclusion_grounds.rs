//! A resolution to exclude the press and public that cites no grounds, or cites a paragraph of
//! Schedule 12A that does not exist.
//!
//! A principal council may only exclude the public from an item of exempt business by a
//! resolution that says which paragraph of Schedule 12A to the Local Government Act 1972 the
//! information falls under: paragraphs 1–7 of Part 1 in England, 12–18 of Part 4 in Wales.
//! Parish, town and community councils exclude under the Public Bodies (Admission to Meetings)
//! Act 1960, stating the reason. The rule finds the resolution ("RESOLVED – That the press and
//! public be excluded …", "It was agreed to exclude the public", "resolved to go into closed
//! session"), not the agenda's wording ("To resolve to exclude …"), and looks in the resolution
//! and its item for a paragraph of the schedule, the 1960 Act, or a stated reason
//! ("confidential", "staffing", "commercially sensitive", "on the grounds that …").
//! A Scottish resolution under Schedule 7A to the 1973 Act (paragraphs 1–15) and a licensing
//! hearing's exclusion under regulation 14 of the Hearings Regulations cite grounds; their
//! paragraph numbers are not checked against Schedule 12A's.
//!
//! ## Example
//!
//! ```text
//! 9. Exclusion of the press and public
//! RESOLVED – That the press and public be excluded for the following item.
//! ```
//!
//! reports that the resolution cites no paragraph of Schedule 12A and no other grounds. A
//! resolution citing "paragraph 9 of Part 1 of Schedule 12A" is reported at the "9".
//!
//! ## Fix
//!
//! None: the right paragraph depends on the information. The message names the paragraphs
//! that exist.

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::rules::{Context, Group, Rule};

pub(crate) const RULE: Rule = Rule {
    name: "exclusion-grounds",
    default_severity: Severity::Warning,
    group: Group::Proceedings,
    source: include_str!("exclusion_grounds.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut seen_items = Vec::new();
    for ex in &ctx.proceedings().exclusions {
        // One finding per item: its grounds are read from the whole item.
        if ex.item.is_some() {
            if seen_items.contains(&ex.item) {
                continue;
            }
            seen_items.push(ex.item);
        }
        if !ex.grounds {
            out.push(Diagnostic::new(
                RULE.name,
                ex.span,
                "this resolution excludes the press and public without citing grounds: name the paragraph of Schedule 12A to the Local Government Act 1972 (1–7 of Part 1 in England, 12–18 of Part 4 in Wales), or the reason under the 1960 Act",
            ));
            continue;
        }
        let mut reported = Vec::new();
        for paragraph in &ex.paragraphs {
            let valid = match ex.part {
                Some(1) => (1..=7).contains(&paragraph.value),
                Some(4) => (12..=18).contains(&paragraph.value),
                _ => (1..=7).contains(&paragraph.value) || (12..=18).contains(&paragraph.value),
            };
            if valid || reported.contains(&paragraph.value) {
                continue;
            }
            reported.push(paragraph.value);
            let which = match ex.part {
                Some(1) => "Part 1 of Schedule 12A has paragraphs 1–7",
                Some(4) => "Part 4 of Schedule 12A has paragraphs 12–18",
                _ => "Schedule 12A's exempt categories are paragraphs 1–7 (England) and 12–18 (Wales)",
            };
            out.push(Diagnostic::new(
                RULE.name,
                paragraph.span,
                format!("paragraph {} does not exist here: {which}", paragraph.value),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    
    fn found(body: &str) -> Vec<String> {
        let text = format!("Minutes of the Cabinet held on 4 March 2025\n\n{body}");
        RULE.flagged(&text)
    }

    #[test]
    fn no_grounds_or_a_paragraph_that_does_not_exist() {
        assert_eq!(
            found("9. Exclusion of the press and public\nRESOLVED – That the press and public be excluded for the following item.\n").len(),
            1
        );
        assert_eq!(
            found("9. Exclusion of the press and public\nRESOLVED – That the press and public be excluded for the following item, as it involves exempt information under paragraph 9 of Part 1 of Schedule 12A.\n"),
            vec!["9"]
        );
        assert!(found("9. Exclusion of the press and public\nRESOLVED – That the press and public be excluded under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.\n").is_empty());
        assert!(found("9. Exclusion of the public\nIt was resolved to exclude the public under the Public Bodies (Admission to Meetings) Act 1960 owing to the confidential nature of the business.\n").is_empty());
    }

    #[test]
    fn the_agenda_wording_is_no_resolution() {
        assert!(found(
            "9. To resolve to exclude the press and public for the next item\nThere was no exempt business.\n"
        )
        .is_empty());
    }
}
