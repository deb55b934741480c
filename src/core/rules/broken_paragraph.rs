//! A sentence split across two paragraphs.
//!
//! One paragraph stops without closing punctuation and the next carries on in lower case. Text
//! copied from a PDF or a web page often keeps its hard line breaks, and a clerk tidying the
//! blank lines can end up with a sentence cut in two; published like that, the minutes read as
//! two broken paragraphs.
//!
//! The rule looks only at ordinary prose and decision text in the same item: list entries,
//! headings, item titles, attendance lists and markers are left alone. So is a paragraph of
//! fewer than three words (a sub-heading such as "Financial implications" followed by
//! "none."), a next paragraph that does not end a sentence either (more likely an entry of a
//! list written without markers), and one that opens with a list label ("a)", "ii.") or a name
//! written with an inner capital ("iPad").
//!
//! ## Example
//!
//! ```text
//! The Executive Member for Children's Services commented that the three previous
//!
//! monitoring visits had been much more positive …
//! ```
//!
//! The finding is on "previous", the last word before the break.
//!
//! ## Fix
//!
//! Safe: join the two paragraphs, replacing the line breaks and blank lines between them with a
//! single space. Nothing else changes.

use crate::core::diagnostic::{Diagnostic, Edit, Fix};
use crate::core::model::{Block, BlockKind, Minutes};
use crate::core::rules::first_person::Opaque;
use crate::core::rules::Context;
use crate::core::text::Span;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let text = ctx.text;
    let minutes = ctx.minutes;
    // Asked in order of position, so the whole check stays linear.
    let mut opaque = Opaque::new(minutes);
    for pair in minutes.blocks.windows(2) {
        let (first, next) = (&pair[0], &pair[1]);
        if !is_prose(minutes, first) || !is_prose(minutes, next) || first.item != next.item {
            continue;
        }
        // Only plain paragraphs: no emphasis or quote marker around the text that a join would eat.
        if first.content.end != first.span.end || next.content.start != next.span.start {
            continue;
        }
        let gap = Span::new(first.span.end, next.span.start);
        if gap.is_empty() || !gap.slice(text).chars().all(char::is_whitespace) {
            continue;
        }
        let before = first.content.slice(text);
        let after = next.content.slice(text);
        if !ends_open(before)
            || !starts_in_lower_case(after)
            || before.split_whitespace().nth(2).is_none()
            || !ends_closed(after)
        {
            continue;
        }
        let last_word = last_word(text, first.content);
        let next_word = first_word(text, next.content);
        if opaque.overlaps(last_word) || opaque.overlaps(next_word) {
            continue;
        }
        let message = format!(
            "This paragraph stops at \u{201c}{}\u{201d} without closing punctuation and the next one carries on in lower case (\u{201c}{}\u{201d}): one sentence split by a line break",
            last_word.slice(text),
            next_word.slice(text),
        );
        out.push(
            Diagnostic::new("broken-paragraph", last_word, message)
                .with_related(next_word, "the sentence carries on here")
                .with_fix(Fix::safe("Join the two paragraphs", vec![Edit::replace(gap, " ")])),
        );
    }
}

/// Ordinary prose or decision text, not a list entry, heading or structural line.
fn is_prose(minutes: &Minutes, block: &Block) -> bool {
    if block.list || block.heading.is_some() || block.content.is_empty() {
        return false;
    }
    match block.kind {
        BlockKind::Paragraph | BlockKind::DecisionText => true,
        // "RESOLVED – That the report be" with its text on the same line.
        BlockKind::DecisionMarker => block.item.and_then(|i| minutes.items.get(i)).is_some_and(|item| {
            item.decisions
                .iter()
                .any(|d| block.content.covers(d.marker) && d.body.is_some_and(|b| block.content.contains(b.start)))
        }),
        _ => false,
    }
}

/// The paragraph ends in a word, a number or a comma: a sentence left open.
fn ends_open(paragraph: &str) -> bool {
    paragraph
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',')
}

/// The paragraph ends a sentence. One that does not either is more likely an entry of a list
/// written without markers ("staffing levels", "budget pressures") than the rest of a sentence.
fn ends_closed(paragraph: &str) -> bool {
    let end = paragraph.trim_end_matches(['\u{201d}', '\u{2019}', '"', '\'', ')', ']', '*', '_']);
    end.ends_with(['.', '!', '?', ':', ';', '\u{2026}'])
}

/// The paragraph starts with a lower-case word that is not a list label or an inner-capital name.
fn starts_in_lower_case(paragraph: &str) -> bool {
    let word: &str = paragraph.split(|c: char| c.is_whitespace()).next().unwrap_or("");
    let Some(first) = word.chars().next() else {
        return false;
    };
    if !first.is_lowercase() {
        return false;
    }
    let letters: String = word.chars().take_while(|c| c.is_alphabetic()).collect();
    // "a)", "ii.", "iv)": a list label.
    let label_end = word[letters.len()..].chars().next();
    if matches!(label_end, Some('.' | ')'))
        && (letters.chars().count() == 1 || letters.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
        && word.len() == letters.len() + 1
    {
        return false;
    }
    // "iPad", "eBay", "iOS": a name, which may start a sentence.
    if word.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    // "none", "n/a", "nil": an answer under a sub-heading, not a continuation.
    let bare = paragraph.trim_end_matches(['.', ' ']);
    !["none", "n/a", "nil", "tbc", "tba", "none to report", "not applicable"]
        .iter()
        .any(|answer| bare.eq_ignore_ascii_case(answer))
}

/// The last word of a span (after its last white space).
fn last_word(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let start = slice
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    Span::new(span.start + start, span.end)
}

/// The first word of a span (up to its first white space).
fn first_word(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let end = slice.find(char::is_whitespace).unwrap_or(slice.len());
    Span::new(span.start, span.start + end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fix::apply_edits;

    use crate::core::testing::corpus;

    /// This rule's findings alone (the linter's other rules are not run).
    fn run_rule(text: &str) -> Vec<Diagnostic> {
        crate::core::testing::run_rule(check, text)
    }

    /// Applies this rule's safe fixes until none is left: the text and the passes it took.
    fn findings(text: &str) -> Vec<Diagnostic> {
        run_rule(text)
    }

    fn words(text: &str) -> Vec<String> {
        findings(text).iter().map(|d| d.span.slice(text).to_string()).collect()
    }

    fn fixed(text: &str) -> String {
        let mut edits: Vec<Edit> = findings(text)
            .into_iter()
            .flat_map(|d| d.fixes[0].edits.clone())
            .collect();
        edits.sort_by_key(|e| e.span.start);
        apply_edits(text, &edits)
    }

    #[test]
    fn manchester_ofsted_has_exactly_two() {
        let text = corpus("manchester-ofsted-subgroup-2017-09-12.txt");
        let found = findings(&text);
        assert_eq!(words(&text), ["previous", "from"]);
        assert!(
            found[0].message.contains("\u{201c}monitoring\u{201d}"),
            "{}",
            found[0].message
        );
        let clean = fixed(&text);
        assert!(clean.contains("the three previous monitoring visits had been"));
        assert!(clean.contains("this had fallen from five. In regards"));
        assert!(findings(&clean).is_empty());
    }

    #[test]
    fn middlesbrough_and_manchester_cyp_have_none() {
        assert!(findings(&corpus("middlesbrough-cyp-panel-2022-03-21.txt")).is_empty());
        assert!(findings(&corpus("manchester-cyp-2021-item.txt")).is_empty());
    }

    #[test]
    fn safe_fixes_converge_on_the_corpus() {
        crate::core::testing::assert_safe_fixes_converge_on_the_corpus(check);
    }

    #[test]
    fn joins_across_blank_and_non_breaking_lines_with_crlf() {
        let text =
            "1. Budget\r\n\r\nThe Chair said that the budget had been\r\n\u{a0}\r\n\r\nagreed by the Cabinet.\r\n";
        assert_eq!(words(text), ["been"]);
        assert_eq!(
            fixed(text),
            "1. Budget\r\n\r\nThe Chair said that the budget had been agreed by the Cabinet.\r\n"
        );
    }

    #[test]
    fn a_comma_leaves_the_sentence_open() {
        let text = "1. Budget\n\nThe Chair said that, in her view,\n\nthe budget was sound.\n";
        assert_eq!(words(text), ["view,"]);
    }

    #[test]
    fn closed_paragraphs_lists_and_headings_do_not_fire() {
        for text in [
            // Closing punctuation.
            "1. Budget\n\nThe Chair said the budget was sound.\n\nthe Panel agreed.\n",
            "1. Budget\n\nThe following were noted:\n\nthe deficit and the reserves.\n",
            "1. Budget\n\nThe following were noted:-\n\nthe deficit and the reserves.\n",
            // The next paragraph starts in upper case.
            "1. Budget\n\nThe Chair said the budget was sound\n\nThe Panel agreed.\n",
            // List entries.
            "1. Budget\n\nPartners were:-\n\n·  Police – as above.\n\n·  schools/education – vital partners\n\n·  community and voluntary sector\n",
            "1. Budget\n\nThe partners included the police and\n\n- schools and colleges.\n",
            // A sub-heading and its answer.
            "1. Budget\n\nFinancial implications\n\nnone\n",
            "1. Budget\n\nLegal and financial implications\n\nn/a\n",
            // List labels and names with an inner capital.
            "1. Budget\n\nThe Panel agreed the following three points\n\na) the budget be noted.\n",
            "1. Budget\n\nThe Panel agreed the following three points\n\nii. the budget be noted.\n",
            "1. Budget\n\nMembers were given new tablets by the Council\n\niPads were issued in June.\n",
            // A list written without markers.
            "1. Budget\n\nThe Panel noted the following risks\n\nstaffing levels in the service\n\nbudget pressures\n",
            // Different items.
            "1. Budget\n\nThe Panel considered the budget\n\n2. Next meeting\n\nnext meeting to be arranged.\n",
            // A URL at the break.
            "1. Budget\n\nThe report was published at the address below\n\nwww.example.gov.uk/budget was the address.\n",
        ] {
            assert!(findings(text).is_empty(), "{text:?}: {:?}", words(text));
        }
    }

    #[test]
    fn decision_text_breaks_are_found() {
        let text = "1. Budget\n\nRESOLVED – That the budget be\n\napproved as presented.\n";
        assert_eq!(words(text), ["be"]);
        let text = "1. Budget\n\nDecision\n\nTo endorse the steps taken within the\n\naction plan.\n";
        assert_eq!(words(text), ["the"]);
    }

    #[test]
    fn markdown_headings_and_emphasis_are_left_alone() {
        let text = "## 1. Budget\n\n**The Chair said that the budget was**\n\nagreed by all.\n";
        assert!(findings(text).is_empty());
        let text = "## 1. Budget\n\n### Background to the budget\n\nthe Panel was told.\n";
        assert!(findings(text).is_empty());
    }

    #[test]
    fn never_panics() {
        let long = "a".repeat(1_000_000);
        for text in [
            "",
            "\u{feff}",
            "1. X\n\nThe words and é\u{301}\n\né\u{301} more\n",
            "1. X\r\rthe end of it\r\rmore 😀 text\r",
            long.as_str(),
        ] {
            let _ = fixed(text);
        }
    }
}
