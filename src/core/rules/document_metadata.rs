//! A Word draft whose Title property is left over from a template or from another meeting.
//!
//! Word keeps a document's properties (File > Info) when it is saved under a new name, so a draft
//! started from last month's minutes or from a template carries their title. Published as a
//! `.docx` or converted to PDF, that title is what search engines and screen readers announce.
//! Only Word drafts are checked, and only two plain cases: a template's placeholder title
//! ("Minutes template", "[Title]", "Click or tap here to enter text"), and a title naming a
//! committee, council, board or panel that the draft itself never mentions (words that only say
//! what kind of meeting it is, "Full Council", "Extraordinary Parish Council", name no body and
//! pass). The author and "last
//! saved by" are not judged: a clerk's colleague may well have saved it.
//!
//! ## Example
//!
//! A `.docx` whose text is the Planning Committee's minutes but whose Title property is
//! "Licensing Committee minutes 4 May" reports "the document's Title property names "Licensing
//! Committee", which this draft never mentions" at the start of the draft.
//!
//! ## Fix
//!
//! None: correct the title in File > Info > Properties.

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;


/// Words that end the name of a body ("Planning Committee").
const BODIES: &[&str] = &[
    "committee",
    "sub-committee",
    "subcommittee",
    "council",
    "board",
    "panel",
    "cabinet",
    "forum",
    "commission",
    "partnership",
];

pub(crate) const RULE: Rule = Rule {
    name: "document-metadata",
    default_severity: Severity::Info,
    group: Group::Word,
    source: include_str!("document_metadata.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(word) = ctx.word() else { return };
    let Some(title) = word
        .properties
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    else {
        return;
    };
    let at = ctx.minutes.header.title.unwrap_or_else(|| {
        let end = ctx.text.find('\n').unwrap_or(ctx.text.len());
        Span::new(0, end)
    });
    if is_placeholder(title) {
        out.push(Diagnostic::new(
            RULE.name,
            at,
            format!("the document's Title property is a template's placeholder (\"{title}\"): set it to this meeting's title"),
        ));
        return;
    }
    let text = ctx.text.to_lowercase();
    for name in body_names(title) {
        if !text.contains(&name.to_lowercase()) {
            out.push(Diagnostic::new(
                RULE.name,
                at,
                format!(
                    "the document's Title property (\"{title}\") names \"{name}\", which this draft never mentions: a title left over from another document?"
                ),
            ));
            return;
        }
    }
}

fn is_placeholder(title: &str) -> bool {
    let lower = title.to_lowercase();
    let bracketed =
        (title.starts_with('[') && title.ends_with(']')) || (title.starts_with('<') && title.ends_with('>'));
    bracketed
        || lower.split(|c: char| !c.is_alphanumeric()).any(|w| w == "template")
        || lower.starts_with("click or tap here")
        || lower.starts_with("click here to")
        || lower.starts_with("enter title")
        || lower.starts_with("insert title")
}

/// Words before a body word that say what kind of meeting or council it is, not which body.
const GENERIC: &[&str] = &[
    "full",
    "parish",
    "town",
    "district",
    "county",
    "city",
    "borough",
    "annual",
    "extraordinary",
    "special",
    "joint",
    "the",
    "draft",
    "community",
];

/// Names of bodies in a title: the body word with up to two capitalised words before it
/// ("Planning Committee", "Parks and Open Spaces Board" gives "Open Spaces Board").
fn body_names(title: &str) -> Vec<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let mut names = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase();
        if !BODIES.contains(&bare.as_str()) || i == 0 {
            continue;
        }
        let mut first = i;
        while first > 0 && i - first < 2 {
            let before = words[first - 1].trim_matches(|c: char| !c.is_alphanumeric());
            if before.chars().next().is_some_and(char::is_uppercase) && before.chars().all(char::is_alphabetic) {
                first -= 1;
            } else {
                break;
            }
        }
        // Generic words ("Full Council", "Extraordinary Parish Council") do not name a body.
        while first < i
            && GENERIC.contains(
                &words[first]
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .as_str(),
            )
        {
            first += 1;
        }
        if first < i {
            let name: Vec<&str> = words[first..=i]
                .iter()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
                .collect();
            names.push(name.join(" "));
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use crate::core::word::{DocumentProperties, WordFacts};

    const DRAFT: &str =
        "Planning Committee\nMinutes of the meeting held on Tuesday 3 March 2026\n\n1. Apologies\nNone.\n";

    fn findings(title: &str) -> Vec<String> {
        let facts = WordFacts {
            properties: DocumentProperties {
                title: Some(title.to_string()),
                ..DocumentProperties::default()
            },
            ..WordFacts::default()
        };
        super::RULE
            .findings_in_word(DRAFT, &facts)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn placeholders_and_other_bodies_are_reported() {
        assert_eq!(findings("Minutes template").len(), 1);
        assert_eq!(findings("[Title]").len(), 1);
        let other = findings("Licensing Committee minutes 4 May");
        assert_eq!(other.len(), 1);
        assert!(other[0].contains("\"Licensing Committee\""), "{other:?}");
    }

    #[test]
    fn titles_that_fit_the_draft_pass() {
        assert!(findings("Planning Committee minutes March 2026").is_empty());
        assert!(findings("Minutes").is_empty());
        assert!(findings("planning committee").is_empty());
        assert!(findings("Draft minutes for the committee").is_empty());
        assert!(
            findings("Full Council minutes").is_empty(),
            "a kind of meeting, not a body"
        );
        assert!(findings("Extraordinary Parish Council").is_empty());
    }
}
