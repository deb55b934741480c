//! The draft has structure the reader could not take in, so checks that
//! depend on it were skipped.
//!
//! A clean result must mean a clean draft, not an unread one. When paragraphs start with
//! numbers shaped like item numbers ("4. Planning", "Item 4", "21/47") but no numbered item was
//! read, the item checks (numbering, decisions) had nothing to check; when an attendance heading
//! ("Present:") is followed by no name the reader could take as a person (and no "None"), the
//! attendance checks had nothing to check. Each is said once per draft, at the first place it
//! shows, so the clerk can look at `minutes-lint outline` and at the layout. Drafts of a single
//! agenda item are not checked for numbered items.
//!
//! ## Example
//!
//! ```text
//! Present:
//!
//! | Member | Attended |
//! ```
//!
//! "An attendance heading with no names read: the attendance checks were skipped for it."
//!
//! ## Fix
//!
//! None: the layout is for the clerk to look at (`minutes-lint outline FILE` shows what was read).

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::model::{AttendanceSection, Shape};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// How many item-like numbers (with different values) make a numbered draft.
const ITEM_LIKE_LINES: usize = 3;

pub(crate) const RULE: Rule = Rule {
    name: "unread-structure",
    default_severity: Severity::Info,
    group: Group::Structure,
    source: include_str!("unread_structure.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let minutes = ctx.minutes;
    if minutes.shape == Shape::Meeting && !minutes.items.iter().any(|i| i.number.is_some()) {
        if let Some((first, count)) = item_like_lines(ctx.text) {
            out.push(Diagnostic::new(
                RULE.name,
                first,
                format!(
                    "{count} lines start with numbers shaped like item numbers, but no numbered item was read: \
                     the item checks were skipped (`minutes-lint outline` shows what was read)"
                ),
            ));
        }
    }
    if let Some(section) = minutes.attendance.iter().find(|s| unread_section(ctx.text, s)) {
        out.push(Diagnostic::new(
            RULE.name,
            section.heading,
            "an attendance heading with no names read: the attendance checks were skipped for it",
        ));
    }
}

/// The first line that starts like an item and how many there are, when there are enough.
fn item_like_lines(text: &str) -> Option<(Span, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?m)^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*|__)?(?:(?:Item|ITEM|Minute|MINUTE)[ \t]+)?(?P<num>[A-Z]{0,4}[0-9]{1,5}(?:[./][0-9]{1,4})?)(?:\\?[.):])?(?:\*\*|__)?[ \t]+(?:[A-Z]|\|)",
        )
        .expect("valid")
    });
    let mut first = None;
    let mut values = BTreeSet::new();
    for caps in re.captures_iter(text) {
        let Some(num) = caps.name("num") else {
            continue;
        };
        let value = num.as_str();
        // Years and long figures start prose ("2019 was …"), not items.
        if value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        values.insert(value.to_string());
        first.get_or_insert(Span::new(num.start(), num.end()));
    }
    let first = first?;
    (values.len() >= ITEM_LIKE_LINES).then_some((first, values.len()))
}

/// A section with nobody in it whose text does not say there was nobody.
fn unread_section(text: &str, section: &AttendanceSection) -> bool {
    if !section.people.is_empty() {
        return false;
    }
    // The section and the line after it ("Apologies:", a blank line, then "None").
    let after = text.get(section.span.end..).unwrap_or("");
    let next_line = after.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let said = format!("{} {next_line}", text.get(section.span.range()).unwrap_or("")).to_lowercase();
    let nobody = [
        "none",
        "nil",
        "no apologies",
        "n/a",
        "no-one",
        "no one",
        "nobody",
        "not applicable",
    ];
    let names_nothing = !said.contains(|c: char| c.is_alphabetic());
    !(nobody.iter().any(|w| said.contains(w)) || names_nothing && section.heading.is_empty())
}

#[cfg(test)]
mod tests {
    fn unread(text: &str) -> usize {
        super::RULE.findings(text).len()
    }

    #[test]
    fn says_when_numbered_items_were_not_read() {
        // Numbers in table cells: the shape of items, but no line the reader takes as one.
        let draft =
            "Parish Council\n\n| 1 | Apologies | None |\n\n| 2 | Minutes | Approved |\n\n| 3 | Budget | Noted |\n";
        let minutes = crate::core::parse::parse(draft);
        assert!(minutes.items.iter().all(|i| i.number.is_none()));
        assert_eq!(unread(draft), 0, "table cells are not item-like lines");
        // A code the reader does not know as an item scheme.
        let draft = "Parish Council\n\nPC1 Apologies\n\nNone.\n\nPC2 Minutes\n\nApproved.\n\nPC3 Budget\n\nNoted.\n";
        let minutes = crate::core::parse::parse(draft);
        assert!(minutes.items.iter().all(|i| i.number.is_none()));
        assert_eq!(unread(draft), 1);
        let one = "Parish Council\n\n(1) Apologies\n\nNone.\n";
        assert_eq!(unread(one), 0);
    }

    #[test]
    fn quiet_when_items_were_read() {
        let draft = "Parish Council\n\nPresent: Councillor Ann Booth (Chair)\n\n1. Apologies\n\nNone.\n\n2. Minutes\n\nApproved.\n\n3. Budget\n\nRESOLVED – That the budget be approved.\n";
        assert_eq!(unread(draft), 0);
    }

    #[test]
    fn says_when_an_attendance_heading_names_nobody() {
        let draft = "Parish Council\n\nPresent:\n\n| Member | Attended |\n\n1. Apologies\n\nNone.\n";
        assert_eq!(unread(draft), 1);
        let nobody = "Parish Council\n\nApologies: none\n\n1. Apologies\n\nNone.\n";
        assert_eq!(unread(nobody), 0);
    }
}
