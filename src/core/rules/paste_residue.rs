//! Web-page residue pasted into the draft along with the minutes.
//!
//! Minutes are often copied out of the council's own website, and the copy brings the page with
//! it: the breadcrumb trail ("Home > Council and Democracy > Meetings"), the label of a document
//! link ("pdf icon PDF 284 KB"), the link that stands in for text the page cut short ("… view the
//! full minutes text for item 21/49") and its kin ("View the background to item 5"), website
//! controls ("Skip to main content", "Print this page", "Back to top", "Share on Facebook",
//! "Select your language", "Export to calendar"), a cookie banner, media links ("Click here to
//! view the recording of this item", "View the recorded vote"), and the "Supporting documents:" or "Additional documents:" heading, with the page's
//! list of document links under it or left dangling at the end of an item. Text copied out of
//! a PDF brings the printed page's furniture instead: "Page 3 of 12" or "- 3 -" on a line of its
//! own, a page number set far to the right with blank lines around it, "This page is
//! intentionally left blank", "Printed on 4 March 2025". None of it belongs in the published
//! minutes.
//!
//! Each shape is recognised only as a whole line (but for the document-link labels and "view the
//! full minutes text" links), so a sentence that mentions a page, an agenda or a recording is
//! never taken for residue.
//!
//! A "view the full minutes text" link also means the words before it are only the start of
//! the minute: the rest was on another page and was not copied. The finding says so, because
//! removing the link does not bring the missing text back.
//!
//! ## Example
//!
//! ```text
//! 21/48
//!
//! Minutes of the Previous Meeting held on 21 February 2022 pdf icon PDF 284 KB
//! ```
//!
//! "pdf icon PDF 284 KB" is the label of the web page's link to the document, not part of the
//! item's title.
//!
//! ## Fix
//!
//! Safe: remove the residue. The removal takes the white space around it too, so that no double
//! space or trailing space is left; a piece that had a line to itself goes with its line and the
//! blank lines after it, and one at the very end of the text goes with the blank lines before
//! it, so the draft still ends where the minutes do.

use crate::core::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::core::model::{BlockKind, Residue, ResidueKind};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;

pub(crate) const RULE: Rule = Rule {
    name: "paste-residue",
    default_severity: Severity::Warning,
    group: Group::Text,
    source: include_str!("paste_residue.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let comments = &ctx.minutes.suppressions.comments;
    for residue in &ctx.minutes.residue {
        if residue.span.is_empty() || !residue.removal.covers(residue.span) {
            continue;
        }
        // Text quoted in a Markdown comment is not published.
        if in_comment(ctx, residue) || comments.iter().any(|c| c.overlaps(residue.span)) {
            continue;
        }
        let (message, title) = describe(ctx.text, residue);
        out.push(
            Diagnostic::new(RULE.name, first_line(ctx.text, residue.span), message)
                .with_fix(Fix::safe(title, vec![Edit::delete(residue.removal)])),
        );
    }
}

/// Whether the residue sits in a Markdown comment block (`<!-- … -->`).
fn in_comment(ctx: &Context, residue: &Residue) -> bool {
    let blocks = &ctx.minutes.blocks;
    // Blocks are in order: find the last one starting at or before the residue.
    let after = blocks.partition_point(|b| b.span.start <= residue.span.start);
    after
        .checked_sub(1)
        .and_then(|i| blocks.get(i))
        .is_some_and(|b| b.kind == BlockKind::Comment && b.span.overlaps(residue.span))
}

/// The message and the fix's title for one piece of residue.
fn describe(text: &str, residue: &Residue) -> (String, &'static str) {
    let quoted = quote(residue.span.slice(text));
    match residue.kind {
        ResidueKind::Breadcrumb => (
            format!("Web-page breadcrumb trail pasted with the minutes: {quoted}"),
            "Remove the breadcrumb trail",
        ),
        ResidueKind::FileIcon => (
            format!("Label of a web-page document link pasted with the minutes: {quoted}"),
            "Remove the link label",
        ),
        ResidueKind::ViewFullText if quoted.to_lowercase().contains("full") => (
            format!(
                "Web-page link pasted with the minutes: {quoted}; the text before it was cut short by the web page, so the rest of the minute is missing"
            ),
            "Remove the link text",
        ),
        ResidueKind::ViewFullText => (
            format!("Web-page link pasted with the minutes: {quoted}"),
            "Remove the link text",
        ),
        ResidueKind::SupportingDocuments => {
            let heading = quote(first_line(text, residue.span).slice(text));
            let message = if residue.span.slice(text).contains(['\n', '\r']) {
                format!("Web-page heading {heading} pasted with the page's list of document links under it")
            } else if residue.removal.end >= text.trim_end().len() {
                format!("Web-page heading {heading} left at the end of the minutes with nothing under it")
            } else {
                format!("Web-page heading {heading} left with nothing under it")
            };
            (message, "Remove the web-page heading")
        }
        ResidueKind::PageChrome => (
            format!("Website control or notice pasted with the minutes: {quoted}"),
            "Remove the website text",
        ),
        ResidueKind::PageFurniture => (
            format!("Page header or footer of a printed document pasted with the minutes: {quoted}"),
            "Remove the page header or footer",
        ),
    }
}

/// The part of a span on its first line: where a finding over several lines is shown.
fn first_line(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let end = slice
        .bytes()
        .position(|b| b == b'\n' || b == b'\r')
        .unwrap_or(slice.len());
    let line = slice[..end].trim_end();
    Span::new(span.start, span.start + line.len())
}

/// The residue in curly quotes, shortened to about 60 characters and with non-breaking spaces
/// shown as spaces.
fn quote(residue: &str) -> String {
    // Built in place: this runs for every piece of residue, which a long pasted page has
    // thousands of.
    let mut quoted = String::with_capacity(residue.len().min(250) + 8);
    quoted.push('\u{201c}');
    let mut chars = 0;
    let mut any_word = false;
    let mut cut = false;
    for word in residue.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        let word_chars = word.chars().count();
        if chars + word_chars > 60 {
            cut = true;
            break;
        }
        if any_word {
            quoted.push(' ');
            chars += 1;
        }
        quoted.push_str(word);
        chars += word_chars;
        any_word = true;
    }
    if cut || !any_word && !residue.trim().is_empty() {
        if !any_word {
            quoted.extend(
                residue
                    .chars()
                    .take(60)
                    .map(|c| if c.is_whitespace() { ' ' } else { c }),
            );
        }
        quoted.push('…');
    }
    quoted.push('\u{201d}');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fix::apply_edits;

    use crate::core::testing::corpus;

    /// This rule's findings alone (the linter's other rules are not run).
    fn quote_as_before(residue: &str) -> String {
        // Only the first 60 or so characters are read: a long residue (a whole pasted line) must
        // not make each finding cost its length. Splitting at any white space is splitting at the
        // spaces it is shown as.
        let mut words = residue.split(char::is_whitespace).filter(|w| !w.is_empty());
        let mut short = String::new();
        let mut cut = false;
        for word in words.by_ref() {
            if short.chars().count() + word.chars().count() > 60 {
                cut = true;
                break;
            }
            if !short.is_empty() {
                short.push(' ');
            }
            short.push_str(word);
        }
        if cut || short.is_empty() && !residue.trim().is_empty() {
            if short.is_empty() {
                short = residue
                    .chars()
                    .take(60)
                    .map(|c| if c.is_whitespace() { ' ' } else { c })
                    .collect();
            }
            short.push('…');
        }
        format!("\u{201c}{short}\u{201d}")
    }

    #[test]
    fn quotes_as_before() {
        let parts = [
            "pdf",
            " ",
            "\u{a0}",
            "icon",
            "PDF",
            "129",
            "KB",
            "\n",
            "é",
            "a-very-long-word-indeed-that-goes-on",
            "😀",
            "\t",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let mut residue = String::new();
            for _ in 0..(seed % 30) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                residue.push_str(parts[(seed % parts.len() as u64) as usize]);
            }
            assert_eq!(quote(&residue), quote_as_before(&residue), "{residue:?}");
        }
    }

    fn findings(text: &str) -> Vec<Diagnostic> {
        RULE.findings(text)
    }

    /// The text with this rule's fixes applied.
    fn fixed(text: &str) -> String {
        let mut edits: Vec<Edit> = findings(text)
            .into_iter()
            .flat_map(|d| d.fixes[0].edits.clone())
            .collect();
        edits.sort_by_key(|e| e.span.start);
        apply_edits(text, &edits)
    }

    #[test]
    fn middlesbrough_icons_and_view_full_text_links() {
        let text = corpus("middlesbrough-cyp-panel-2022-03-21.txt");
        let found = findings(&text);
        let spans: Vec<String> = found
            .iter()
            .map(|d| d.span.slice(&text).replace('\u{a0}', " "))
            .collect();
        assert_eq!(
            spans,
            [
                "pdf icon PDF 284 KB",
                "...  view the full minutes text for item 21/49",
                "pdf icon PDF 129 KB",
                "...  view the full minutes text for item 21/50",
            ]
        );
        assert!(found[1].message.contains("cut short"), "{}", found[1].message);
        let clean = fixed(&text);
        assert!(clean.contains("held on 21 February 2022\n\nMinutes:"));
        assert!(clean.contains("Update - Children's Services Improvement Programme\n\nThe Executive"));
        assert!(clean.contains("engage with those partners\n\n21/50"));
        assert!(clean.contains("(Sometimes issues\n\n21/51"));
        assert!(!clean.contains("view the full"));
        assert!(!clean.contains(" \n") && !clean.contains("\u{a0}\n\n21/5"));
        assert!(findings(&clean).is_empty());
    }

    #[test]
    fn manchester_cyp_trailing_supporting_documents() {
        let text = corpus("manchester-cyp-2021-item.txt");
        let found = findings(&text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(&text), "Supporting documents:");
        let clean = fixed(&text);
        assert!(
            clean.ends_with("To note the discussion and the issues raised."),
            "{:?}",
            &clean[clean.len() - 60..]
        );
        assert!(findings(&clean).is_empty());
    }

    #[test]
    fn breadcrumbs_and_page_chrome_at_the_top() {
        let text = "Home > Council and Democracy > Meetings\n\nSkip to main content\n\nPlanning Committee\n\nMinutes of the meeting held on 4 March 2025\n\nBack to top\n";
        let found = findings(text);
        assert_eq!(found.len(), 3);
        assert!(found[0].message.contains("breadcrumb"));
        assert_eq!(
            fixed(text),
            "Planning Committee\n\nMinutes of the meeting held on 4 March 2025\n"
        );
        // The breadcrumb is not taken for the committee's name.
        let m = crate::core::parse::parse(text);
        assert_eq!(m.header.title.map(|t| t.slice(text)), Some("Planning Committee"));
    }

    #[test]
    fn residue_in_markdown_comments_is_left_alone() {
        let text = "# Panel\n\n<!-- pasted from: Report pdf icon PDF 284 KB -->\n\n<!--\nHome > Council > Meetings\n-->\n\n## 1. Budget\n\nReport pdf icon PDF 12 KB\n";
        let found = findings(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].span.slice(text), "pdf icon PDF 12 KB");
    }

    #[test]
    fn supporting_documents_with_their_links() {
        let text = "21/49\n\nBudget\n\nNoted.\n\nSupporting documents:\n\nReport of the Director pdf icon PDF 284 KB\n\nAppendix A pdf icon PDF 12 KB\n\n21/50\n\nNext\n\nRESOLVED – noted.\n\nSupporting documents:\n\n21/51\n\nLast\n";
        let found = findings(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].span.slice(text), "Supporting documents:");
        assert!(found[0].message.contains("document links"), "{}", found[0].message);
        assert!(found[1].message.contains("nothing under it"), "{}", found[1].message);
        assert_eq!(
            fixed(text),
            "21/49\n\nBudget\n\nNoted.\n\n21/50\n\nNext\n\nRESOLVED – noted.\n\n21/51\n\nLast\n"
        );
    }

    #[test]
    fn quotes_are_short_and_flat() {
        assert_eq!(quote("pdf\u{a0}icon PDF 284 KB"), "\u{201c}pdf icon PDF 284 KB\u{201d}");
        let long = "Home > ".to_string() + &"Council and Democracy > ".repeat(10);
        assert!(quote(&long).ends_with("…\u{201d}"));
        assert!(quote(&"x".repeat(100)).chars().count() < 70);
    }

    #[test]
    fn never_panics() {
        let long = "😀".repeat(100_000) + " pdf icon PDF 1 KB";
        for text in [
            "",
            "\u{feff}Supporting documents",
            "a\rpdf icon PDF 1 KB\r",
            "Home > \u{301}",
            long.as_str(),
        ] {
            let _ = fixed(text);
        }
    }
}

/// Random drafts built from awkward pieces: the three text rules never panic, report spans on
/// character boundaries, and their safe fixes settle.
#[cfg(test)]
mod robustness {
    use crate::core::fix::apply_edits;
    use crate::core::rules::find;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "\u{a0}",
        " ",
        "\t",
        "\u{feff}",
        "we ",
        "I ",
        "I’m ",
        "our ",
        "us",
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "`",
        "(",
        ")",
        "...",
        "…",
        "the three previous",
        "monitoring.",
        "five.",
        "A Member",
        "21/49",
        "1. ",
        "RESOLVED – ",
        "Decision",
        "Minutes:",
        "- ",
        "· ",
        "# ",
        "## 12. Budget",
        "<!-- ",
        " -->",
        "<!-- minutes-lint: allow first-person -->",
        "Home > ",
        "Council > Meetings",
        "pdf icon PDF 284 KB",
        " view the full minutes text for item 21/49",
        "View the background to item 5.",
        "Print this page",
        "Supporting documents:",
        "😀",
        "e\u{301}",
        "Part I",
        "Councillor I Ali",
        "www.example.gov.uk/we",
        "x",
    ];

    fn findings(text: &str) -> Vec<crate::core::diagnostic::Diagnostic> {
        let mut out = Vec::new();
        for name in ["paste-residue", "broken-paragraph", "first-person"] {
            if let Some(rule) = find(name) {
                out.extend(rule.findings(text));
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn text_rules_hold_on_awkward_drafts(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..60)) {
            let mut text: String = pieces.concat();
            let minutes = crate::core::parse::parse(&text);
            for block in &minutes.blocks {
                prop_assert!(block.span.covers(block.content), "{block:?}");
                prop_assert!(text.is_char_boundary(block.span.start) && text.is_char_boundary(block.span.end));
            }
            let mut settled = false;
            for _ in 0..6 {
                let found = findings(&text);
                for d in &found {
                    prop_assert!(d.span.end <= text.len() && text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
                    for edit in d.fixes.iter().flat_map(|f| &f.edits) {
                        prop_assert!(text.is_char_boundary(edit.span.start) && text.is_char_boundary(edit.span.end));
                    }
                }
                let (edits, _) = crate::core::fix::choose_fixes(&found, false);
                if edits.is_empty() {
                    settled = true;
                    break;
                }
                text = apply_edits(&text, &edits);
            }
            prop_assert!(settled, "fixes did not settle: {text:?}");
        }
    }
}
