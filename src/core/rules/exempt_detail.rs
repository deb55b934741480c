//! An item taken in private whose public minutes go beyond a short summary and the decision.
//!
//! Exempt business is minuted in the public minutes only briefly: what was considered and what
//! was decided, with the detail in a confidential annex. An item is taken in private when it
//! follows a resolution excluding the press and public (until they are readmitted), or when
//! its title marks it exempt, confidential, Part II, Part 2 or Part B, or taken in closed
//! session. The rule reports, at the first such detail, text outside the decision that runs to
//! more than `[committee] exempt-words` words (default 120), names a sum of money, or names a
//! private individual (a titled name in none of the attendance lists). It asks for a review
//! before publication; it does not judge the law. The private part ends when the public are
//! readmitted or invited to return, or the meeting returns to open session.
//!
//! ## Example
//!
//! ```text
//! 9. Exclusion of the press and public
//! RESOLVED – That the press and public be excluded under paragraph 1 of Part 1 of Schedule 12A.
//!
//! 10. Staffing matter
//! The committee considered a grievance from Mr Dale Hurst, who is seeking £4,500 …
//! ```
//!
//! reports "this item was taken in private, and its public minutes name a private individual",
//! at "Mr Dale Hurst".
//!
//! ## Fix
//!
//! None: move the detail to the confidential minute, keeping a summary and the decision.

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::model::BlockKind;
use crate::core::parse::people::scan_people;
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;
use regex::Regex;
use std::sync::OnceLock;

pub(crate) const RULE: Rule = Rule {
    name: "exempt-detail",
    default_severity: Severity::Warning,
    group: Group::Proceedings,
    source: include_str!("exempt_detail.rs"),
    check,
};

fn money() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| Regex::new(r"£\s?[0-9][0-9,]*(?:\.[0-9][0-9])?(?:\s?(?:k|m|million))?\b").unwrap())
}

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let proceedings = ctx.proceedings();
    let limit = ctx.config.committee.exempt_words;
    let people = ctx.people();
    for &(index, from) in &proceedings.private_items {
        let Some(item) = ctx.minutes.items.get(index) else {
            continue;
        };
        let mut words = 0usize;
        let mut details: Vec<(Span, String)> = Vec::new();
        for block in ctx.minutes.item_blocks(item) {
            if matches!(
                block.kind,
                BlockKind::DecisionMarker | BlockKind::DecisionText | BlockKind::Comment | BlockKind::Residue
            ) {
                continue;
            }
            let start = match block.kind {
                BlockKind::ItemHeading | BlockKind::ItemTitle => item.title.end.max(block.content.start),
                _ => block.content.start,
            }
            .max(from);
            if start >= block.content.end {
                continue;
            }
            let span = Span::new(start, block.content.end);
            let slice = span.slice(ctx.text);
            for (offset, word) in word_starts(slice) {
                let _ = word;
                words += 1;
                if words == limit + 1 {
                    details.push((
                        Span::new(span.start + offset, span.start + offset + word.len()),
                        format!("its public minutes run past {limit} words ([committee] exempt-words)"),
                    ));
                }
            }
            if let Some(m) = money().find(slice) {
                details.push((
                    span.sub(m.start()..m.end()),
                    "its public minutes give a sum of money".to_string(),
                ));
            }
            for person in scan_people(ctx.text, span, false) {
                let title = person
                    .title
                    .map(|t| t.slice(ctx.text).trim_end_matches('.'))
                    .unwrap_or("");
                if !matches!(title, "Mr" | "Mrs" | "Ms" | "Miss" | "Mx") {
                    continue;
                }
                let listed = people
                    .person_at(person.surname.start)
                    .is_some_and(|p| people.mentions_of(p).any(|m| m.in_attendance()));
                if !listed {
                    details.push((person.span, "its public minutes name a private individual".to_string()));
                }
            }
        }
        let Some((at, what)) = details.into_iter().min_by_key(|(s, _)| s.start) else {
            continue;
        };
        out.push(Diagnostic::new(
                RULE.name,
            at,
            format!("this item was taken in private, and {what}; review it before publication"),
        ));
    }
}

/// The words of a text with their byte offsets.
fn word_starts(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::*;
    
    const EXCLUDE: &str = "Minutes of the Cabinet held on 4 March 2025\n\nPresent: Cllr P Ames (Chair), Cllr R Lowe, Cllr S Kerr\n\n9. Exclusion of the press and public\nRESOLVED – That the press and public be excluded under paragraph 1 of Part 1 of Schedule 12A.\n\n";

    fn found(body: &str) -> Vec<String> {
        let text = format!("{EXCLUDE}{body}");
        RULE.flagged(&text)
    }

    #[test]
    fn names_and_sums_in_a_private_item() {
        assert_eq!(
            found("10. Staffing matter\nThe committee considered a grievance from Mr Dale Hurst about his pay.\n"),
            vec!["Mr Dale Hurst"]
        );
        assert_eq!(
            found("10. Depot lease\nThe tenant has offered £4,500 a year.\n"),
            vec!["£4,500"]
        );
        assert!(found("10. Depot lease\nThe committee considered the terms of the lease.\n\nRESOLVED – That the lease be granted at £4,500 a year.\n").is_empty());
    }

    #[test]
    fn too_many_words() {
        let long = "word ".repeat(130);
        assert_eq!(found(&format!("10. Depot lease\n{long}\n")), vec!["word"]);
        assert!(found("10. Depot lease\nThe terms were considered.\n").is_empty());
    }

    #[test]
    fn items_after_readmission_are_public() {
        let text = format!("{EXCLUDE}10. Depot lease\nThe terms were considered. The press and public were readmitted.\n\n11. Grants\nMr Dale Hurst asked for £200.\n");
        assert!(RULE.findings(&text).is_empty());
    }
}
