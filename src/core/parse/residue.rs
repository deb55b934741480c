//! Finding web-page residue: breadcrumbs, file icons, "view the full minutes text" links, website
//! controls and cookie banners, a language picker and media links, "Supporting documents:" / "Additional
//! documents:" headings left without their documents (or with the page's list of document
//! links), and a printed page's furniture from a PDF ("Page 3 of 12", a page number far to the
//! right on a line of its own, "This page is intentionally left blank").
//!
//! Each piece comes with the span its removal deletes, chosen so that the text reads cleanly
//! afterwards: a piece alone on its line takes the line and the blank lines after it (or, at the
//! end of the text, the blank lines before it); a piece at the end of a line takes the white
//! space before it; a piece inside a line takes the white space on one side only.

use super::numbers::item_number_at_start;
use super::{LineRole, RawBlock};
use crate::core::model::{Residue, ResidueKind};
use crate::core::text::{LineIndex, Span};
use regex::Regex;
use std::sync::OnceLock;

/// Every piece of residue in the text, in order.
pub fn find_residue(text: &str, lines: &LineIndex) -> Vec<Residue> {
    let mut found = Vec::new();
    let mut push = |kind: ResidueKind, span: Span| {
        found.push(Residue {
            kind,
            span,
            removal: removal_for(text, span),
        });
    };
    // Each pattern is built (a cost the first draft in a process pays) and run only when the
    // text holds the words that every match of it starts with or contains.
    let icons: Vec<Span> = if contains_ignore_ascii_case(text, "icon") {
        icon_pattern()
            .find_iter(text)
            .map(|m| trimmed(text, m.start(), m.end()))
            .collect()
    } else {
        Vec::new()
    };
    for &icon in &icons {
        push(ResidueKind::FileIcon, icon);
    }
    let view_links = contains_ignore_ascii_case(text, "view the");
    for m in view_links
        .then(|| view_full_text_pattern().find_iter(text))
        .into_iter()
        .flatten()
    {
        // The link usually follows an ellipsis marking where the web page cut the text; it goes
        // too. (Found by hand: an optional prefix in the pattern would slow the search down.)
        let mut start = m.start();
        let back = text[..start].trim_end_matches(is_space);
        if let Some(ellipsis) = ["...", "\u{2026}"].into_iter().find(|e| back.ends_with(e)) {
            start = back.len() - ellipsis.len();
        }
        // A full stop closing the link's line goes with it.
        let rest = &text[m.end()..];
        let end = match rest.strip_prefix('.') {
            Some(after) if after.trim_start_matches(is_space).starts_with(is_break) || after.trim().is_empty() => {
                m.end() + 1
            }
            _ => m.end(),
        };
        push(ResidueKind::ViewFullText, Span::new(start, end));
    }
    // Whole-line residue.
    let mut headings = Vec::new();
    for line in 0..lines.line_count() {
        let span = lines.line_span(text, line);
        let raw = span.slice(text);
        let content = raw
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .trim_end();
        if content.is_empty() || content.len() > 400 {
            continue;
        }
        let start = span.start
            + (raw.len()
                - raw
                    .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                    .len());
        let content_span = Span::new(start, start + content.len());
        let bare = content.trim_start_matches(['-', '*', '•', '·', '#', ' ', '\t', '\u{a0}']);
        if is_breadcrumb(bare) {
            push(ResidueKind::Breadcrumb, content_span);
        } else if is_page_furniture(bare)
            || (bare.len() != content.len() && is_page_furniture(content))
            || is_page_number(text, lines, line, raw, content)
        {
            push(ResidueKind::PageFurniture, content_span);
        } else if opens_like_page_chrome(bare) && page_chrome_pattern().is_match(bare) {
            push(ResidueKind::PageChrome, content_span);
        } else if ["supporting documents", "additional documents"]
            .iter()
            .any(|label| bare.trim_end_matches(':').trim_end().eq_ignore_ascii_case(label))
        {
            headings.push((line, content_span));
        } else if let Some(before) = content.strip_suffix("View directions") {
            // The link after the venue on a meeting page.
            if before.is_empty() || before.ends_with(|c: char| is_space(c) || c == '.') {
                let len = "View directions".len();
                push(
                    ResidueKind::PageChrome,
                    Span::new(content_span.end - len, content_span.end),
                );
            }
        }
    }
    for (line, heading) in headings {
        if let Some(span) = supporting_documents(text, lines, line, heading, &icons) {
            push(ResidueKind::SupportingDocuments, span);
        }
    }
    found.sort_by_key(|r| (r.span.start, r.span.end));
    // A documents heading's span holds its links' icons: keep the outer piece only. Otherwise
    // patterns cannot match inside one another, but keep the list free of overlaps regardless.
    found.dedup_by(|later, earlier| later.span.overlaps(earlier.span));
    found
}

fn icon_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:pdf|docx?|xlsx?|pptx?|rtf|odt|csv)[\s\u{a0}]+icon[\s\u{a0}]+(?:pdf|docx?|xlsx?|pptx?|rtf|odt|csv)[\s\u{a0}]+[0-9.,]+[\s\u{a0}]*[KMG]B\b")
            .expect("valid")
    })
}

fn view_full_text_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\bview the (?:full (?:minutes|decision|text)(?: text)? for|background to|reasons why) item[\s\u{a0}]+[\w/.\-]*\w(?:\s+is restricted)?")
            .expect("valid")
    })
}

/// Website controls and cookie notices, as a whole line (after any list or heading marker).
fn page_chrome_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?ix)^(?:
                skip\ to\ (?:the\ )?(?:main\ )?(?:content|navigation)
              | (?:print|share|email|e-mail|bookmark)\ this\ page
              | (?:back|return|go)\ to\ (?:the\ )?top(?:\ of\ (?:the\ )?page)?
              | top\ of\ (?:the\ )?page
              | (?:contact|about)\ us | follow\ us(?:\ on\ (?:facebook|twitter|x|instagram|linkedin|youtube))?
              | (?:accept|reject)\ (?:all\ )?(?:additional\ |optional\ |analytics\ |non-essential\ )?cookies
              | (?:manage|set)\ cookies | cookie\ (?:settings|preferences|policy)
              | (?:we|this\ (?:web\ ?)?site)\ uses?\ (?:some\ |essential\ |necessary\ |analytics\ )?cookies\b.*
              | share\ (?:on|via)\ (?:facebook|twitter|x|linkedin|whatsapp|e-?mail)
              | (?:select|choose|change)\ (?:your\ )?language
              | (?:link:\ *)?click\ here\ to\ (?:view|watch|see|listen\ to|play)\ (?:the\ )?(?:live\ )?(?:recording|broadcast|webcast|meeting|video|stream)\b[^.]*
              | view\ (?:the\ )?(?:recorded\ vote|voting\ record|webcast|recording)(?:\ for\ (?:this\ )?item[\s\u{a0}]*[\w/.\-]*)?
              | export\ (?:to\ )?(?:pdf|word|excel|csv|calendar|ical)
            )[\s.!↑^]*$",
        )
        .expect("valid")
    })
}

/// Whether `text` holds `needle` (ASCII, lower case) in any ASCII case.
fn contains_ignore_ascii_case(text: &str, needle: &str) -> bool {
    let (bytes, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), bytes).any(|at| {
        bytes
            .get(at..at + needle.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(needle))
    })
}

/// Whether a line starts with one of the words every alternative of [`page_chrome_pattern`]
/// starts with (so that most drafts never build it). The words have no letter whose Unicode
/// case folding goes beyond ASCII other than "k" and "s", whose other forms (the Kelvin sign,
/// the long s) minutes never hold.
fn opens_like_page_chrome(line: &str) -> bool {
    let word = line
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .take(9)
        .map(|b| b.to_ascii_lowercase());
    let mut first = [0u8; 9];
    let mut len = 0;
    for (slot, b) in first.iter_mut().zip(word) {
        *slot = b;
        len += 1;
    }
    matches!(
        &first[..len],
        b"skip"
            | b"print"
            | b"share"
            | b"email"
            | b"e"
            | b"bookmark"
            | b"back"
            | b"return"
            | b"go"
            | b"top"
            | b"contact"
            | b"about"
            | b"follow"
            | b"accept"
            | b"reject"
            | b"manage"
            | b"set"
            | b"cookie"
            | b"we"
            | b"this"
            | b"select"
            | b"choose"
            | b"change"
            | b"link"
            | b"click"
            | b"view"
            | b"export"
    )
}

/// Whether a line is a printed page's furniture; the pattern is asked only when the line opens
/// as every alternative of it does ("page ", "(this page ", "printed on ", a dash and a digit).
fn is_page_furniture(line: &str) -> bool {
    let unbracketed = line.strip_prefix('(').unwrap_or(line);
    let opens = ["page ", "this page ", "printed on ", "printed at "]
        .iter()
        .any(|opening| strip_prefix_ignore_case(unbracketed, opening).is_some())
        || line
            .strip_prefix(['-', '–'])
            .map(|rest| rest.strip_prefix(' ').unwrap_or(rest))
            .is_some_and(|rest| rest.starts_with(char::is_numeric));
    opens && page_furniture_pattern().is_match(line)
}

/// A printed page's running text on a line of its own: "Page 3 of 12", "Page 3", "- 3 -",
/// "This page is intentionally left blank", "Printed on 4 March 2025 at 10:12".
fn page_furniture_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?ix)^(?:
                page\ +[0-9]{1,4}(?:\ *(?:of|/)\ *[0-9]{1,4})?
              | [-–]\ ?[0-9]{1,4}\ ?[-–]
              | \(?(?:this\ )?page\ (?:is\ |has\ been\ )?(?:intentionally|deliberately)\ left\ blank\)?
              | printed\ (?:on|at)\ [^a-z]*[0-9][^a-z]*(?:\ (?:at|on)\ [^a-z]*[0-9][^a-z]*)?
            )\.?$",
        )
        .expect("valid")
    })
}

/// A page number laid out by a PDF's text extraction: a number of up to four digits, alone on a
/// line indented far to the right (where no table cell or list number sits), with blank lines
/// around it.
fn is_page_number(text: &str, lines: &LineIndex, line: usize, raw: &str, content: &str) -> bool {
    if content.len() > 4 || !content.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let indent = raw.chars().take_while(|c| *c == ' ' || *c == '\u{a0}').count();
    let blank = |l: usize| lines.line_span(text, l).slice(text).trim().is_empty();
    indent >= 40 && (line == 0 || blank(line - 1)) && (line + 1 >= lines.line_count() || blank(line + 1))
}

/// "Home > Council and Democracy > Meetings" (with ">", "›" or "»"), or with "/" or "|" when
/// there are at least two steps, optionally after "You are here:".
fn is_breadcrumb(line: &str) -> bool {
    let line = strip_prefix_ignore_case(line, "you are here")
        .map_or(line, |rest| rest.trim_start_matches([':', ' ', '\u{a0}']));
    let Some(rest) = line.strip_prefix("Home") else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    let Some(separator) = rest.chars().next() else {
        return false;
    };
    if !matches!(separator, '>' | '›' | '»' | '/' | '|') {
        return false;
    }
    let steps: Vec<&str> = rest.split(separator).skip(1).map(str::trim).collect();
    let enough = if matches!(separator, '/' | '|') {
        steps.len() >= 2
    } else {
        !steps.is_empty()
    };
    // Every step is a link's name: not empty, and not a sentence.
    enough
        && steps
            .iter()
            .all(|s| !s.is_empty() && s.len() <= 160 && !s.contains(". "))
}

fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}

/// A "Supporting documents:" or "Additional documents:" heading on line `line` is residue when
/// what follows it is the web page's list of document links (each line with its "pdf icon PDF
/// 284 KB" label, taken too), the item's "Minutes:", the start of the next item ("21/50",
/// "CYP/OSG/17/14 …", "Item 5", "1772." alone on its line), or nothing at all.
fn supporting_documents(text: &str, lines: &LineIndex, line: usize, heading: Span, icons: &[Span]) -> Option<Span> {
    let mut end = heading.end;
    for next in line + 1..lines.line_count() {
        let span = lines.line_span(text, next);
        let content = span.slice(text).trim();
        if content.is_empty() {
            continue;
        }
        let first_icon = icons.partition_point(|i| i.start < span.start);
        let has_icon = icons.get(first_icon).is_some_and(|i| i.end <= span.end);
        if has_icon {
            end = span.start + span.slice(text).trim_end().len();
            continue;
        }
        if end > heading.end {
            break;
        }
        // Not followed by document links: only "Minutes:" or the next item's number makes it
        // residue ("1. Report of the Director" would be the list of documents, typed out).
        if content.trim_end_matches(':').eq_ignore_ascii_case("minutes") && content.ends_with(':') {
            return Some(heading);
        }
        let lead = span.slice(text).len() - span.slice(text).trim_start().len();
        let numbered = item_number_at_start(content, span.start + lead);
        return numbered.filter(|n| !n.plain || n.title.is_empty()).map(|_| heading);
    }
    Some(Span::new(heading.start, end))
}

/// Splits the parser's blocks so that every line that is wholly residue ("Home > Meetings",
/// "Print this page", a dangling "Supporting documents:") is a block of its own, marked `true`.
/// A line joined to the one before it is never structural, so the pieces after a residue line
/// are plain text; the first piece keeps the block's role and decoration.
pub(super) fn split_residue_lines(text: &str, blocks: Vec<RawBlock>, residue: &[Residue]) -> Vec<(RawBlock, bool)> {
    let mut out = Vec::with_capacity(blocks.len());
    let mut next = 0;
    for block in blocks {
        while residue.get(next).is_some_and(|r| r.span.end <= block.span.start) {
            next += 1;
        }
        let touched = residue
            .get(next..)
            .unwrap_or(&[])
            .iter()
            .take_while(|r| r.span.start < block.span.end)
            .any(|r| r.span.overlaps(block.span));
        if block.comment || !touched {
            out.push((block, false));
            continue;
        }
        // The block's lines, each trimmed, and whether each is wholly residue.
        let mut lines: Vec<(Span, bool)> = Vec::new();
        let mut at = block.span.start;
        let mut line_next = next;
        for piece in block.span.slice(text).split_inclusive(['\n', '\r']) {
            let line = Span::new(at, at + piece.len());
            at = line.end;
            let raw = line.slice(text);
            let lead = raw.len() - raw.trim_start().len();
            let trimmed = Span::new(line.start + lead, line.start + raw.trim_end().len().max(lead));
            if trimmed.is_empty() {
                continue;
            }
            let bare = trimmed.slice(text);
            let bare = bare.trim_start_matches(['-', '*', '•', '·', '#', ' ', '\t', '\u{a0}']);
            let bare = Span::new(trimmed.end - bare.len(), trimmed.end);
            // Lines come in order: skip, for good, residue ending before this line.
            while residue.get(line_next).is_some_and(|r| r.span.end <= bare.start) {
                line_next += 1;
            }
            let whole = residue
                .get(line_next..)
                .unwrap_or(&[])
                .iter()
                .take_while(|r| r.span.start <= bare.start)
                .any(|r| r.span.covers(bare));
            lines.push((trimmed, whole));
        }
        if !lines.iter().any(|&(_, whole)| whole) {
            out.push((block, false));
            continue;
        }
        let mut first = true;
        let mut start = 0;
        while start < lines.len() {
            let kind = lines[start].1;
            let mut end = start + 1;
            while end < lines.len() && lines[end].1 == kind && !kind {
                end += 1;
            }
            let span = Span::new(lines[start].0.start, lines[end - 1].0.end);
            let piece = if first {
                RawBlock {
                    span: Span::new(block.span.start, span.end),
                    content: Span::new(block.content.start.min(span.end), span.end),
                    list: block.list,
                    heading: block.heading,
                    comment: false,
                    role: block.role.clone(),
                    indent: block.indent,
                }
            } else {
                RawBlock {
                    span,
                    content: span,
                    list: false,
                    heading: None,
                    comment: false,
                    role: LineRole::Other,
                    indent: 0,
                }
            };
            out.push((piece, kind));
            first = false;
            start = end;
        }
    }
    out
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2007}'
}

fn is_break(c: char) -> bool {
    c == '\n' || c == '\r'
}

/// What removing `span` deletes so that the text reads cleanly afterwards.
pub(crate) fn removal_for(text: &str, span: Span) -> Span {
    // Brackets holding nothing but the residue go with it.
    let span = if text[..span.start].ends_with('(') && text[span.end..].starts_with(')') {
        Span::new(span.start - 1, span.end + 1)
    } else {
        span
    };
    let mut before = text[..span.start].trim_end_matches(is_space).len();
    let after = span.end + (text[span.end..].len() - text[span.end..].trim_start_matches(is_space).len());
    let head = &text[..before];
    let mut at_line_start = head.is_empty() || head == "\u{feff}" || head.ends_with(is_break);
    let at_line_end = after == text.len() || text[after..].starts_with(is_break);
    if !at_line_start && at_line_end {
        // A list entry holding nothing but the residue ("·  pdf icon PDF 1 KB") goes whole.
        let line_start = head.rfind(is_break).map_or(0, |i| i + 1);
        let prefix = text[line_start..before].trim_matches(|c: char| is_space(c) || c == '\u{feff}');
        if matches!(prefix, "-" | "*" | "+" | "•" | "·" | "▪" | "◦" | "‣" | "●") {
            before = line_start + (text[line_start..].len() - text[line_start..].trim_start_matches('\u{feff}').len());
            at_line_start = true;
        }
    }
    match (at_line_start, at_line_end) {
        (true, true) => {
            let rest = &text[after..];
            let trimmed = rest.trim_start();
            if trimmed.is_empty() {
                // Nothing follows: take the blank lines before, keep the text's final line break.
                let previous = text[..before].trim_end().len();
                if previous == 0 || &text[..previous] == "\u{feff}" {
                    return Span::new(before, text.len());
                }
                return Span::new(previous, after);
            }
            // Take the line, its break and the blank lines after it, up to the next line's start.
            let next_content = text.len() - trimmed.len();
            let next_line = text[..next_content].rfind(is_break).map_or(next_content, |i| i + 1);
            Span::new(before, next_line.max(after))
        }
        (false, true) => Span::new(before, after),
        (true, false) => Span::new(span.start, after),
        (false, false) if before < span.start => Span::new(before, span.end),
        (false, false) => Span::new(span.start, after),
    }
}

fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    Span::new(start + lead, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(ResidueKind, String)> {
        find_residue(text, &LineIndex::new(text))
            .into_iter()
            .map(|r| (r.kind, r.span.slice(text).to_string()))
            .collect()
    }

    /// The text with every residue removed.
    fn cleaned(text: &str) -> String {
        let mut out = text.to_string();
        for r in find_residue(text, &LineIndex::new(text)).iter().rev() {
            out.replace_range(r.removal.range(), "");
        }
        out
    }

    #[test]
    fn finds_each_kind() {
        let text = "Home > Council and Democracy > Meetings\nMinutes pdf icon PDF 284 KB\nmore \u{a0}...\u{a0} view the full minutes text for item 21/49\n\nSupporting documents:";
        let found = kinds(text);
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(found[0].0, ResidueKind::Breadcrumb);
        assert_eq!(found[1], (ResidueKind::FileIcon, "pdf icon PDF 284 KB".into()));
        assert_eq!(found[2].0, ResidueKind::ViewFullText);
        assert!(found[2].1.ends_with("item 21/49"));
        assert_eq!(found[3].0, ResidueKind::SupportingDocuments);
        assert_eq!(cleaned(text), "Minutes\nmore");
    }

    #[test]
    fn supporting_documents_mid_text_is_not_residue() {
        assert!(kinds("Supporting documents: the report was attached.\nMore.").is_empty());
        assert!(kinds("The Supporting documents\n").is_empty());
    }

    #[test]
    fn supporting_documents_before_the_next_item_or_over_links() {
        let text = "21/49\n\nBudget\n\nNoted.\n\nSupporting documents:\n\n21/50\n\nNext\n";
        assert_eq!(cleaned(text), "21/49\n\nBudget\n\nNoted.\n\n21/50\n\nNext\n");
        let text = "21/49\n\nBudget\n\nNoted.\n\nSupporting documents:\n\nReport of the Director pdf icon PDF 284 KB\n\nAppendix A pdf icon PDF 12 KB\n\n21/50\n\nNext\n";
        let found = kinds(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, ResidueKind::SupportingDocuments);
        assert_eq!(cleaned(text), "21/49\n\nBudget\n\nNoted.\n\n21/50\n\nNext\n");
        // Followed by prose or a numbered list, it stays.
        assert!(kinds("Supporting documents:\n\nThe report was attached.\n").is_empty());
        assert!(kinds("Supporting documents:\n\n1. Report of the Director\n").is_empty());
    }

    #[test]
    fn moderngov_additional_documents_and_directions() {
        let text = "Venue: County Hall, Worcester. View directions\n\n1772.\n\nApologies\n\nTo receive apologies.\n\nAdditional documents:\n\nMinutes:\n\nNone.\n\nAdditional documents:\n\n1773.\n\nChairman\n";
        let found = kinds(text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0], (ResidueKind::PageChrome, "View directions".into()));
        assert_eq!(
            cleaned(text),
            "Venue: County Hall, Worcester.\n\n1772.\n\nApologies\n\nTo receive apologies.\n\nMinutes:\n\nNone.\n\n1773.\n\nChairman\n"
        );
        assert!(kinds("Members asked for directions. View directions here.\n").is_empty());
        assert!(kinds("Additional documents:\n\n1. The annual report.\n").is_empty());
    }

    #[test]
    fn trailing_supporting_documents_in_any_case() {
        assert_eq!(cleaned("Noted.\n\n\u{a0}\n\nSUPPORTING DOCUMENTS\n"), "Noted.\n");
        assert_eq!(cleaned("Noted.\r\n\r\nSupporting documents:\r\n"), "Noted.\r\n");
        assert_eq!(cleaned("Supporting documents:"), "");
    }

    #[test]
    fn removal_keeps_lines_clean() {
        assert_eq!(cleaned("Report pdf icon PDF 12 KB\n\nNext"), "Report\n\nNext");
        assert_eq!(cleaned("pdf icon PDF 12 KB Report\n"), "Report\n");
        assert_eq!(cleaned("Report pdf icon PDF 12 KB and annex.\n"), "Report and annex.\n");
        assert_eq!(cleaned("A.\n\nPrint this page\n\nB.\n"), "A.\n\nB.\n");
        assert_eq!(cleaned("Skip to main content\n\nA.\n"), "A.\n");
        assert_eq!(cleaned("\u{feff}Home > Meetings\r\nA.\r\n"), "\u{feff}A.\r\n");
        assert_eq!(cleaned("A.\n\nBack to top\n"), "A.\n");
        assert_eq!(cleaned("A.\rBack to top\rB."), "A.\rB.");
        assert_eq!(cleaned("A.\n\n·\u{a0} pdf icon PDF 1 KB\n\nB.\n"), "A.\n\nB.\n");
        assert_eq!(cleaned("A.\n\n- pdf icon PDF 1 KB Report\n"), "A.\n\n- Report\n");
    }

    #[test]
    fn other_moderngov_links() {
        let text = "Report noted.\n\nView the background to item 5.\n\nView the reasons why item 6 is restricted\n";
        let found = kinds(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0],
            (ResidueKind::ViewFullText, "View the background to item 5.".into())
        );
        assert_eq!(found[1].1, "View the reasons why item 6 is restricted");
        assert_eq!(
            cleaned("Report noted.\n\nView the background to item 5\n"),
            "Report noted.\n"
        );
        assert_eq!(
            cleaned("Report noted.\n\nView the background to item 5.\n\nNext.\n"),
            "Report noted.\n\nNext.\n"
        );
        assert_eq!(
            cleaned("See item 5 (view the background to item 5). Next.\n"),
            "See item 5. Next.\n"
        );
    }

    #[test]
    fn page_chrome_and_breadcrumbs() {
        let text = "You are here: Home > Meetings\n- Print this page\nWe use cookies to make this website work.\nBack to top ↑\nHome / Council / Minutes\nContact us\nFollow us on Twitter\n";
        let found = kinds(text);
        assert_eq!(found.len(), 7, "{found:?}");
        assert_eq!(found[0].0, ResidueKind::Breadcrumb);
        assert_eq!(found[1], (ResidueKind::PageChrome, "- Print this page".into()));
        assert_eq!(found[4].0, ResidueKind::Breadcrumb);
    }

    #[test]
    fn printed_page_furniture() {
        let text = "The hall fees were noted.\nPage 2 of 5\n\n- 3 -\n\nThis page is intentionally left blank\n\nPrinted on 03/12/2025 at 10:15\n\nThe end.\n";
        let found = kinds(text);
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found.iter().all(|(k, _)| *k == ResidueKind::PageFurniture));
        assert_eq!(cleaned(text), "The hall fees were noted.\nThe end.\n");
        // A page number set far to the right with blank lines around it; not a table cell.
        let number = format!("donations of\n\n{}118\n\n\nfood were made.\n", " ".repeat(60));
        assert_eq!(kinds(&number), [(ResidueKind::PageFurniture, "118".to_string())]);
        let cell = format!("Salary to March\n{}2025\n\nNext.\n", " ".repeat(10));
        assert!(kinds(&cell).is_empty());
        for prose in [
            "See page 2 of the report.",
            "Page 2 of the report was amended.",
            "Printed on recycled paper.",
            "1 - 2 - 3",
        ] {
            assert!(kinds(&format!("Intro.\n\n{prose}\n")).is_empty(), "{prose}");
        }
    }

    #[test]
    fn language_pickers_media_links_and_sharing() {
        let text = "Select your language\n\n1.\n\nApologies\n\nClick here to view the recording of this item on YouTube\n\nLink: CLICK HERE TO WATCH THE MEETING\n\nView the recorded vote for this item 4\n\nShare on Facebook\n\nExport to calendar\n\nNone.\n";
        let found = kinds(text);
        assert_eq!(found.len(), 6, "{found:?}");
        assert!(found.iter().all(|(k, _)| *k == ResidueKind::PageChrome));
        assert_eq!(cleaned(text), "1.\n\nApologies\n\nNone.\n");
        for prose in [
            "Items",
            "Agenda and minutes were circulated in advance.",
            "Click here to view was written on the old poster.",
            "Members were asked to share on social media.",
        ] {
            assert!(kinds(&format!("Intro.\n\n{prose}\nMore.\n")).is_empty(), "{prose}");
        }
    }

    #[test]
    fn prose_that_only_looks_like_residue_is_kept() {
        for text in [
            "Home > 50% of the budget was spent. The rest > was saved.",
            "Home / school transport was discussed.",
            "We use cookies",
            "Members asked officers to print this page of the report.",
            "The Chair asked whether the back to top button worked.",
            "Home working continued.",
            "Members asked residents to contact us via the website.",
            "view the full minutes",
            "Members asked to view the background to the item before deciding.",
        ] {
            let found = kinds(&format!("Intro.\n\n{text}\n"));
            if text == "We use cookies" {
                assert_eq!(found.len(), 1, "{text}");
            } else {
                assert!(found.is_empty(), "{text}: {found:?}");
            }
        }
    }

    #[test]
    fn residue_lines_are_blocks_of_their_own() {
        use crate::core::model::BlockKind;
        let text = "Home > Council > Meetings\nPlanning Committee\nSkip to main content\n\n1. Budget\n\nThe report was noted.\nBack to top\n";
        let m = crate::core::parse::parse(text);
        let kinds: Vec<(BlockKind, &str)> = m.blocks.iter().map(|b| (b.kind, b.content.slice(text))).collect();
        assert_eq!(
            m.header.title.map(|t| t.slice(text)),
            Some("Planning Committee"),
            "{kinds:?}"
        );
        let residue: Vec<&str> = kinds
            .iter()
            .filter(|(k, _)| *k == BlockKind::Residue)
            .map(|(_, t)| *t)
            .collect();
        assert_eq!(
            residue,
            ["Home > Council > Meetings", "Skip to main content", "Back to top"]
        );
        assert!(
            kinds.contains(&(BlockKind::Paragraph, "The report was noted.")),
            "{kinds:?}"
        );
    }

    #[test]
    fn residue_before_a_single_item_draft() {
        use crate::core::model::Shape;
        let text = "Home > Council > Meetings\nSkip to main content\n\nAgenda item\n\nBudget\n\nMinutes:\n\nNoted.\n- pdf icon PDF 1 KB\nMore.\n";
        let m = crate::core::parse::parse(text);
        assert_eq!(m.shape, Shape::SingleItem);
        assert_eq!(m.items[0].title.slice(text), "Budget");
        let spans: Vec<&str> = m.blocks.iter().map(|b| b.span.slice(text)).collect();
        assert!(
            spans.contains(&"- pdf icon PDF 1 KB") && spans.contains(&"More."),
            "{spans:?}"
        );
        for block in &m.blocks {
            assert!(block.span.covers(block.content), "{block:?}");
        }
    }

    #[test]
    fn many_adjacent_residue_lines_each_become_a_block() {
        let text = "Print this page\n".repeat(5_000) + "The end.\n";
        let m = crate::core::parse::parse(&text);
        assert_eq!(m.residue.len(), 5_000);
        assert_eq!(m.blocks.len(), 5_001);
        assert_eq!(m.blocks[5_000].content.slice(&text), "The end.");
    }

    #[test]
    fn never_panics_on_awkward_text() {
        let long = "é".repeat(100_000);
        for text in [
            "",
            "\u{feff}",
            "\r",
            "\n\n",
            "😀 pdf icon PDF 1 KB",
            "Home >",
            "Home > ",
            "Supporting documents:\u{301}",
            long.as_str(),
        ] {
            let found = find_residue(text, &LineIndex::new(text));
            for r in found {
                assert!(text.is_char_boundary(r.removal.start) && text.is_char_boundary(r.removal.end));
                assert!(r.removal.covers(r.span));
            }
        }
    }
}
