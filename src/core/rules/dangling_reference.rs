//! A reference to an item or minute of this meeting that is not there.
//!
//! "Minute 31 refers" when the items run 12–27, or a declaration "in item 9" of an eight-item
//! meeting: the reader cannot follow the reference, and usually a number was mistyped or the
//! items were renumbered after it was written. A reference is to this meeting when it has the
//! shape of this meeting's numbers (the same scheme, the same year or committee prefix) and its
//! sentence does not point elsewhere ("of the previous meeting", "held on …", "minutes of …").
//! Only numbers past the last item are reported: numbers below the first item may be earlier
//! meetings' minutes, and a gap in the items is `item-number-sequence`'s business. An agenda
//! number ("agenda item 9") is checked against the items' agenda numbers when the draft gives
//! them. The draft must look complete (a closing time, or a last item such as the date of the
//! next meeting or the close): an excerpt's references may point past where it stops.
//! Items of another list ("item 12 of the risk register") and agenda items withdrawn, deferred
//! or not taken are not this meeting's items.
//!
//! ## Example
//!
//! ```text
//! 2. Declarations of interest
//! Cllr Kerr declared a personal interest in item 9.
//! … (items 3 to 8)
//! The meeting closed at 9.10pm.
//! ```
//!
//! reports "item 9 is not in these minutes: the items run 1–8", at "item 9".
//!
//! ## Fix
//!
//! When exactly one of this meeting's numbers is one keystroke away ("Minute 31" where 21
//! exists), an unsafe fix changes the reference to it; otherwise the message says what to check.

use crate::core::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::core::model::{BlockKind, Item, ItemNumber, NumberPart, Procedural, Shape};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;
use regex::Regex;
use std::sync::OnceLock;

pub(crate) const RULE: Rule = Rule {
    name: "dangling-reference",
    default_severity: Severity::Warning,
    group: Group::Proceedings,
    source: include_str!("dangling_reference.rs"),
    check,
};

fn reference() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)(agenda\s+)?(minute|item)\s+(?:no\.?\s*|number\s+)?((?:[A-Z]{1,4}[\s/]?)?[0-9][0-9./]*[0-9]|[0-9])(?-u:\b)")
            .unwrap()
    })
}

/// Words that send a reference to another meeting or another document.
const ELSEWHERE: &[&str] = &[
    "previous",
    "last meeting",
    "held on",
    "earlier meeting",
    "of the meeting",
    "meeting of",
    "minutes of",
    "last month",
    "prior",
    "next meeting",
    "future",
    "report",
    "appendix",
    "cabinet",
    "committee minute",
    "council minute",
    "agenda for",
    "annual",
    "meeting on",
    "last year",
    "of the council",
    "policy",
    "schedule",
    "on the list",
    "of the plan",
    "paragraph",
    "appendix",
    // Items of another list ("item 12 of the risk register"), or of the agenda not taken.
    "register",
    "the list",
    "withdrawn",
    "deferred",
    "postponed",
    "not taken",
    "not considered",
    "carried forward",
];

/// Words before "item" that make it an item of another list.
const NOT_THIS_LIST: &[&str] = &[
    "action",
    "budget",
    "line",
    "schedule",
    "appendix",
    "report",
    "plan",
    "cost",
    "expenditure",
    "invoice",
    "work",
    "works",
    "planning",
    "stock",
    "capital",
    "revenue",
    "menu",
    "news",
    "agenda's",
    "inventory",
    "asset",
];

/// A number split into the text before its last number and that number: "21/47" → ("21/", 47).
fn split_last(number: &str) -> Option<(String, u64)> {
    let trimmed = number.trim_end_matches(['.', ')']).trim_start_matches('(');
    let digits = trimmed.len() - trimmed.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 6 {
        return None;
    }
    let (prefix, value) = trimmed.split_at(trimmed.len() - digits);
    Some((prefix.to_ascii_uppercase().replace(' ', ""), value.parse().ok()?))
}

fn item_key(text: &str, number: &ItemNumber) -> Option<(String, u64)> {
    // Only simple numbers: "12.", "21/47", "C 10/034"; not "5.1" sub-numbering shapes.
    if number
        .parts
        .iter()
        .filter(|p| matches!(p, NumberPart::Number { .. }))
        .count()
        > 3
    {
        return None;
    }
    split_last(number.as_str(text))
}

fn looks_complete(ctx: &Context) -> bool {
    if ctx.proceedings().closed.is_some() {
        return true;
    }
    ctx.minutes.items.last().is_some_and(|last: &Item| {
        let title = last.title.slice(ctx.text).to_lowercase();
        last.procedural == Some(Procedural::NextMeeting) || title.contains("close") || title.contains("next meeting")
    })
}

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let minutes = ctx.minutes;
    if minutes.shape != Shape::Meeting || minutes.items.len() < 3 || !looks_complete(ctx) {
        return;
    }
    let keys: Vec<(String, u64)> = minutes
        .items
        .iter()
        .filter_map(|i| i.number.as_ref())
        .filter_map(|n| item_key(ctx.text, n))
        .collect();
    if keys.len() < 3 {
        return;
    }
    // One prefix for the whole run of items, or nothing is compared.
    let prefix = keys[0].0.clone();
    if keys.iter().any(|(p, _)| *p != prefix) {
        return;
    }
    let values: Vec<u64> = keys.iter().map(|k| k.1).collect();
    // The first and last numbers as written ("TC/25/071"), for the message.
    let written: Vec<&str> = minutes
        .items
        .iter()
        .filter_map(|i| i.number.as_ref())
        .filter(|n| item_key(ctx.text, n).is_some())
        .map(|n| n.as_str(ctx.text).trim_end_matches(['.', ')']))
        .collect();
    let lowest = values.iter().enumerate().min_by_key(|(_, v)| **v).map_or("", |(i, _)| written.get(i).copied().unwrap_or(""));
    let highest = values.iter().enumerate().max_by_key(|(_, v)| **v).map_or("", |(i, _)| written.get(i).copied().unwrap_or(""));
    let (first, last) = (values[0], *values.iter().max().unwrap_or(&0));
    let agenda: Vec<u64> = minutes
        .items
        .iter()
        .filter_map(|i| i.agenda_ref)
        .filter_map(|r| {
            r.slice(ctx.text)
                .split(|c: char| !c.is_ascii_digit())
                .find(|w| !w.is_empty())
                .and_then(|w| w.parse().ok())
        })
        .collect();
    let opaque = minutes.merged_opaque();
    for block in &minutes.blocks {
        if block.item.is_none()
            || matches!(
                block.kind,
                BlockKind::ItemHeading | BlockKind::ItemTitle | BlockKind::Comment | BlockKind::Residue
            )
        {
            continue;
        }
        let slice = block.content.slice(ctx.text);
        // A cheap look for the two words first.
        if !["tem ", "TEM ", "inute", "INUTE"].iter().any(|w| slice.contains(w)) {
            continue;
        }
        for caps in reference().captures_iter(slice) {
            let whole = caps.get(0).unwrap();
            let number = caps.get(3).unwrap();
            let span = block.content.sub(number.start()..number.end());
            if opaque.iter().any(|o| o.overlaps(span)) {
                continue;
            }
            // Not "minute 5.3 of …", "item 7/2019", or a date after the number.
            let after = &slice[number.end()..];
            if after.starts_with(['/', '.']) && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            if points_elsewhere(slice, whole.start(), whole.end()) {
                continue;
            }
            // "action item 9", "budget item 12": items of another list.
            let word_before = slice[..whole.start()]
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if NOT_THIS_LIST.contains(&word_before.as_str()) {
                continue;
            }
            let Some((ref_prefix, value)) = split_last(number.as_str()) else {
                continue;
            };
            let is_agenda = caps.get(1).is_some();
            let (pool, low, high): (&[u64], u64, u64) = if is_agenda && !agenda.is_empty() {
                (
                    &agenda,
                    *agenda.iter().min().unwrap_or(&0),
                    *agenda.iter().max().unwrap_or(&0),
                )
            } else {
                if ref_prefix != prefix {
                    continue;
                }
                (&values, first, last)
            };
            if value <= high || value > high + 20 || value < low {
                continue;
            }
            let word = caps.get(2).unwrap().as_str().to_lowercase();
            let at = block.content.sub(whole.start()..whole.end());
            let mut diagnostic = Diagnostic::new(
                RULE.name,
                at,
                if is_agenda && !agenda.is_empty() {
                    format!(
                        "{word} {} is not in these minutes: the agenda items run {low}–{high}; check the number",
                        number.as_str()
                    )
                } else {
                    format!(
                        "{word} {} is not in these minutes: the items run {lowest}–{highest}; check the number",
                        number.as_str()
                    )
                },
            );
            if let Some(fix) = typo_fix(number.as_str(), &ref_prefix, pool, span) {
                diagnostic = diagnostic.with_fix(fix);
            }
            out.push(diagnostic);
        }
    }
}

fn points_elsewhere(block: &str, start: usize, end: usize) -> bool {
    let from = block[..start].rfind(". ").map_or(0, |i| i + 2);
    let to = block[end..].find(". ").map_or(block.len(), |i| end + i);
    let sentence = block[from..to].to_lowercase();
    ELSEWHERE.iter().any(|w| sentence.contains(w))
}

/// The one existing number a keystroke away from the one written.
fn typo_fix(written: &str, prefix: &str, pool: &[u64], span: Span) -> Option<Fix> {
    let digits =
        &written[written.len() - (written.len() - written.trim_end_matches(|c: char| c.is_ascii_digit()).len())..];
    let near: Vec<u64> = pool
        .iter()
        .copied()
        .filter(|v| strsim::levenshtein(&v.to_string(), digits) == 1)
        .collect();
    let [only] = near.as_slice() else { return None };
    let replacement = format!("{}{only}", &written[..written.len() - digits.len()]);
    let _ = prefix;
    Some(Fix::unsafe_(
        format!("Change the reference to {replacement}"),
        vec![Edit::replace(span, replacement)],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    
    fn draft(items: std::ops::RangeInclusive<u32>, body: &str) -> String {
        let mut text = String::from("Minutes of the meeting held on 4 March 2025\n\n");
        for n in items {
            text.push_str(&format!("{n}. Business {n}\n"));
            if n == 13 {
                text.push_str(body);
            }
            text.push_str("Noted.\n\n");
        }
        text.push_str("The meeting closed at 9.10pm.\n");
        text
    }

    fn found(text: &str) -> Vec<String> {
        RULE.flagged(text)
    }

    #[test]
    fn references_past_the_last_item() {
        assert_eq!(found(&draft(12..=27, "Minute 31 refers.\n")), vec!["Minute 31"]);
        assert!(found(&draft(12..=27, "Minute 21 refers.\n")).is_empty());
        // Below the first item: an earlier meeting's minute.
        assert!(found(&draft(12..=27, "Minute 8 refers.\n")).is_empty());
        assert!(found(&draft(12..=27, "See minute 31 of the previous meeting.\n")).is_empty());
    }

    #[test]
    fn the_typo_fix_takes_the_one_near_number() {
        let text = draft(12..=27, "Minute 31 refers.\n");
        let found = RULE.findings(&text);
        assert_eq!(found[0].fixes[0].title, "Change the reference to 21");
    }

    #[test]
    fn an_excerpt_is_not_judged() {
        let text = draft(12..=27, "Minute 31 refers.\n").replace("The meeting closed at 9.10pm.\n", "");
        assert!(found(&text).is_empty());
    }
}
