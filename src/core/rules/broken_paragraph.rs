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
//! "none."), one ending in a bare number (a table row, a telephone number in a footer), a next
//! paragraph with no sentence end anywhere in it (more likely an entry of a list written without
//! markers), and one that opens with a list label ("a)", "ii.") or a name written with an inner
//! capital ("iPad"). Two blocks separated by a single line break are one wrapped paragraph, not
//! a broken one. A sentence broken over a printed page, with the page's number or "Page 3 of 12"
//! between its halves, is found too. Paragraphs laid out by a PDF keep their line breaks, so the
//! next paragraph may end on an open line as long as a sentence ends somewhere inside it.
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
//! single space; a page number or footer line between them goes too (it is residue, which
//! `paste-residue` removes anyway). Nothing else changes.

use crate::core::analysis::opaque::Opaque;
use crate::core::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::core::model::{Block, BlockKind, Minutes, ResidueKind};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;

pub(crate) const RULE: Rule = Rule {
    name: "broken-paragraph",
    default_severity: Severity::Warning,
    group: Group::Text,
    source: include_str!("broken_paragraph.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let text = ctx.text;
    let minutes = ctx.minutes;
    // Asked in order of position, so the whole check stays linear.
    let mut opaque = Opaque::new(minutes);
    let blocks = &minutes.blocks;
    for (index, first) in blocks.iter().enumerate() {
        // A printed page's number or footer between the two halves is skipped: the sentence ran
        // on over the page break.
        let mut next_index = index + 1;
        let mut furniture = None;
        if let Some(between) = blocks.get(next_index).filter(|b| is_page_furniture(minutes, b)) {
            furniture = Some(between.span);
            next_index += 1;
        }
        let Some(next) = blocks.get(next_index) else {
            break;
        };
        if !is_prose(minutes, first) || !is_prose(minutes, next) || first.item != next.item {
            continue;
        }
        // Only plain paragraphs: no emphasis or quote marker around the text that a join would eat.
        if first.content.end != first.span.end || next.content.start != next.span.start {
            continue;
        }
        let gap = Span::new(first.span.end, next.span.start);
        let blank = |s: Span| s.slice(text).chars().all(char::is_whitespace);
        let gap_is_blank = match furniture {
            Some(f) => blank(Span::new(gap.start, f.start)) && blank(Span::new(f.end, gap.end)),
            None => blank(gap),
        };
        if gap.is_empty() || !gap_is_blank {
            continue;
        }
        // One line break is a wrapped line, not a paragraph break: the parser may start a new
        // block at a line that opens a decision ("It was agreed …") though the sentence runs on.
        if furniture.is_none() && line_breaks(gap.slice(text)) < 2 {
            continue;
        }
        let before = first.content.slice(text);
        let after = next.content.slice(text);
        if !ends_open(before)
            || !starts_in_lower_case(after)
            || before.split_whitespace().nth(2).is_none()
            || !holds_a_sentence_end(after)
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
            Diagnostic::new(RULE.name, last_word, message)
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

/// The paragraph ends in a word or a comma: a sentence left open. A paragraph ending in a bare
/// number is more likely a table row, a telephone number or an address in a page's footer.
fn ends_open(paragraph: &str) -> bool {
    let last_word = paragraph.rsplit(char::is_whitespace).next().unwrap_or("");
    !last_word.chars().all(|c| c.is_ascii_digit())
        && paragraph
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == ',')
}

/// The paragraph ends a sentence somewhere: at its end, or at a line or sentence break inside it
/// (text laid out by a PDF keeps its line breaks, and an action column may follow the full
/// stop). One with no sentence end at all is more likely an entry of a list written without
/// markers ("staffing levels", "budget pressures") than the rest of a sentence.
fn holds_a_sentence_end(paragraph: &str) -> bool {
    let closers = ['\u{201d}', '\u{2019}', '"', '\'', ')', ']', '*', '_'];
    let end = paragraph.trim_end_matches(closers);
    if end.ends_with(['.', '!', '?', ':', ';', '\u{2026}']) {
        return true;
    }
    // A full stop (or the like) followed by white space, not inside a number or abbreviation
    // run such as "e.g." (a letter or digit right after it).
    let bytes = paragraph.as_bytes();
    bytes.windows(2).enumerate().any(|(at, pair)| {
        matches!(pair[0], b'.' | b'!' | b'?' | b';')
            && pair[1].is_ascii_whitespace()
            && at > 0
            && bytes[at - 1].is_ascii_alphanumeric()
    })
}

/// A residue block that is a printed page's number or footer.
fn is_page_furniture(minutes: &Minutes, block: &Block) -> bool {
    if block.kind != BlockKind::Residue {
        return false;
    }
    // The residue is sorted by position: look only at the pieces starting inside the block.
    let residue = &minutes.residue;
    let from = residue.partition_point(|r| r.span.start < block.span.start);
    residue[from..]
        .iter()
        .take_while(|r| r.span.start < block.span.end)
        .any(|r| r.kind == ResidueKind::PageFurniture)
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

/// How many line breaks (`\n`, `\r\n` or `\r`) a gap holds.
fn line_breaks(gap: &str) -> usize {
    gap.matches('\n').count() + gap.matches('\r').count() - gap.matches("\r\n").count()
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

    fn findings(text: &str) -> Vec<Diagnostic> {
        RULE.findings(text)
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
    fn a_wrapped_line_is_not_a_break() {
        let text = "1. Play area\n\nThe Clerk said the repairs would be\nIt was agreed that the Clerk would report back to\nthe next meeting in May.\n";
        assert!(findings(text).is_empty(), "{:?}", words(text));
    }

    #[test]
    fn breaks_over_a_printed_page_are_found_and_joined() {
        let page = " ".repeat(60) + "17";
        let text = format!(
            "1. Hall\n\nThe committee had asked for quotes from\n\n{page}\n\n\nthree builders. Two had replied.\n"
        );
        assert_eq!(words(&text), ["from"]);
        assert_eq!(
            fixed(&text),
            "1. Hall\n\nThe committee had asked for quotes from three builders. Two had replied.\n"
        );
        let text =
            "1. Hall\n\nThe committee had asked for quotes from\nPage 2 of 3\nthree builders. Two had replied.\n";
        assert_eq!(words(text), ["from"]);
    }

    #[test]
    fn pdf_laid_out_paragraphs_and_numbers() {
        // The next paragraph ends on an open line (an action column), but a sentence ends inside.
        let text = "1. Kiosks\n\nIt was agreed that the Clerk would write to support the\n\nretention of the kiosks.        JS\nNext the Chair spoke\n";
        assert_eq!(words(text), ["the"]);
        // A bare number at the end: a telephone number or a table row, not an open sentence.
        let text = "1. Clerk\n\nThe Clerk can be reached on 01234 567 890\n\nduring office hours. Thanks were given.\n";
        assert!(findings(text).is_empty(), "{:?}", words(text));
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
