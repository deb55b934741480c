//! The parser: text in, [`Minutes`] out, for any text. Lines are grouped into blocks, blocks are
//! given roles (header, attendance, item heading, decision…), and roles are assembled into items.

mod line_words;
mod numbers;
mod outcomes;
pub mod people;
mod residue;

pub use numbers::{item_number_at_start, split_number, NumberedLine};

use crate::core::dates::find_dates;
use crate::core::model::*;
use crate::core::suppress::find_suppressions;
use crate::core::text::{LineIndex, Span};
use crate::core::vocabulary::Vocabulary;
use line_words::LineWords;
use regex::Regex;
use std::sync::OnceLock;

/// Parses a draft with the built-in vocabulary, guessing plain text or Markdown from its content.
pub fn parse(text: &str) -> Minutes {
    parse_with(text, &Vocabulary::default(), None)
}

/// Parses a draft. `format` comes from the file name when there is one; `None` guesses.
pub fn parse_with(text: &str, vocabulary: &Vocabulary, format: Option<Format>) -> Minutes {
    parse_indexed(text, &LineIndex::new(text), vocabulary, format)
}

/// [`parse_with`] for a caller that already has the text's line index.
pub fn parse_indexed(text: &str, lines: &LineIndex, vocabulary: &Vocabulary, format: Option<Format>) -> Minutes {
    let format = format.unwrap_or_else(|| guess_format(text));
    let content_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let raw = raw_lines(text, lines, format, content_start);
    let blocks = group_blocks(text, &raw, &LineWords::new(vocabulary));
    let mut minutes = Minutes {
        format,
        content_start,
        newline: dominant_newline(text, lines),
        residue: residue::find_residue(text, lines),
        dates: find_dates(text),
        ..Minutes::default()
    };
    if format == Format::Markdown {
        minutes.suppressions = find_suppressions(text, lines);
    }
    Assembler::new(text, vocabulary, &mut minutes).run(blocks);
    minutes.opaque.extend(find_opaque(text));
    minutes.opaque.extend(minutes.suppressions.comments.iter().copied());
    minutes.opaque.sort();
    minutes
}

/// Markdown for `.md` names, plain text otherwise.
pub fn format_for_path(path: &str) -> Format {
    if path.to_ascii_lowercase().ends_with(".md") {
        Format::Markdown
    } else {
        Format::PlainText
    }
}

fn guess_format(text: &str) -> Format {
    let markdown = text.lines().take(400).any(|l| {
        let t = l.trim_start();
        (t.starts_with('#') && t.trim_start_matches('#').starts_with(' ')) || t.starts_with("<!--")
    });
    if markdown {
        Format::Markdown
    } else {
        Format::PlainText
    }
}

/// The most common line break. Every line after the first starts right after its break, so the
/// line index names them all without another pass over the text.
fn dominant_newline(text: &str, lines: &LineIndex) -> &'static str {
    let bytes = text.as_bytes();
    let (mut crlf, mut lf, mut cr) = (0usize, 0usize, 0usize);
    for line in 1..lines.line_count() {
        let start = lines.line_start(line);
        match start.checked_sub(1).and_then(|i| bytes.get(i)) {
            Some(b'\n') if start >= 2 && bytes.get(start - 2) == Some(&b'\r') => crlf += 1,
            Some(b'\n') => lf += 1,
            Some(b'\r') => cr += 1,
            _ => {}
        }
    }
    if crlf > lf && crlf >= cr {
        "\r\n"
    } else if cr > lf {
        "\r"
    } else {
        "\n"
    }
}

/// One line with its decoration measured.
#[derive(Clone, Debug)]
struct RawLine {
    /// The line's number in the text's [`LineIndex`].
    number: usize,
    span: Span,
    content: Span,
    list: bool,
    heading: Option<u8>,
    comment: bool,
    /// Bytes of white space before the line's text.
    indent: usize,
}

fn raw_lines(text: &str, lines: &LineIndex, format: Format, content_start: usize) -> Vec<RawLine> {
    let mut out = Vec::with_capacity(lines.line_count());
    let mut in_comment = false;
    for i in 0..lines.line_count() {
        let mut span = lines.line_span(text, i);
        span.start = span.start.max(content_start).min(span.end);
        let line = span.slice(text);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let mut start = span.start + lead;
        let end = span.start + line.trim_end().len();
        let mut heading = None;
        let mut list = false;
        let comment = in_comment || trimmed.starts_with("<!--");
        if comment {
            in_comment = !trimmed.contains("-->");
        } else {
            let body = &text[start..end];
            if format == Format::Markdown {
                let hashes = body.len() - body.trim_start_matches('#').len();
                if (1..=6).contains(&hashes) && body[hashes..].starts_with([' ', '\t']) {
                    heading = Some(hashes as u8);
                    start += hashes;
                }
                let body = &text[start..end];
                if let Some(rest) = body.strip_prefix('>') {
                    start += body.len() - rest.len();
                }
            }
            let body = &text[start..end];
            if let Some(marker) = list_marker(body, format) {
                list = true;
                start += marker;
            }
        }
        let mut content = Span::new(start, end);
        content = trim_span(text, content);
        if format == Format::Markdown && !comment {
            content = strip_emphasis(text, content);
            if heading.is_some() {
                let c = content.slice(text);
                let no_hashes = c.trim_end_matches('#').trim_end();
                content.end = content.start + no_hashes.len();
            }
        }
        out.push(RawLine {
            number: i,
            span: Span::new(span.start + lead, end),
            content,
            list,
            heading,
            comment,
            indent: lead,
        });
    }
    out
}

/// The byte length of a list marker and the white space after it ("- ", "·\u{a0}\u{a0}", "* ").
fn list_marker(body: &str, format: Format) -> Option<usize> {
    let first = body.chars().next()?;
    let markers: &[char] = match format {
        Format::Markdown => &['-', '*', '+', '•', '·', '▪', '◦', '‣', '●'],
        Format::PlainText => &['-', '•', '·', '▪', '◦', '‣', '●', '*', 'o'],
    };
    if !markers.contains(&first) {
        return None;
    }
    let rest = &body[first.len_utf8()..];
    let gap = rest.len() - rest.trim_start().len();
    if gap == 0 && !rest.is_empty() {
        return None;
    }
    Some(first.len_utf8() + gap)
}

fn trim_span(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    Span::new(span.start + lead, span.start + s.trim_end().len()).max_start()
}

trait MaxStart {
    fn max_start(self) -> Span;
}

impl MaxStart for Span {
    fn max_start(self) -> Span {
        Span::new(self.start, self.end.max(self.start))
    }
}

/// "**RESOLVED**" reads as "RESOLVED".
fn strip_emphasis(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    for mark in ["**", "__"] {
        if s.len() > 4 && s.starts_with(mark) && s.ends_with(mark) && !s[2..s.len() - 2].contains(mark) {
            return Span::new(span.start + 2, span.end - 2);
        }
    }
    span
}

/// What a line says about structure, judged from its content alone.
#[derive(Clone, Debug)]
enum LineRole {
    Item(NumberedLine),
    Attendance(AttendanceKind, Span),
    DecisionLine,
    DecisionOpening { marker: Span, rest: Span },
    MinutesMarker,
    AgendaItemLabel,
    Other,
}

impl LineRole {
    fn is_structural(&self) -> bool {
        !matches!(self, LineRole::Other)
    }
}

struct RawBlock {
    span: Span,
    content: Span,
    list: bool,
    heading: Option<u8>,
    comment: bool,
    role: LineRole,
    /// The first line's indentation.
    indent: usize,
}

/// A number alone far to the right of its line is a page number, not an item.
const PAGE_NUMBER_INDENT: usize = 20;

fn group_blocks(text: &str, raw: &[RawLine], words: &LineWords) -> Vec<RawBlock> {
    let mut blocks: Vec<RawBlock> = Vec::new();
    let mut previous_line: Option<usize> = None;
    for line in raw {
        let mut role = if line.comment {
            LineRole::Other
        } else {
            line_role(text, line.content, words)
        };
        if let LineRole::Item(numbered) = &role {
            if numbered.title.is_empty() && line.indent >= PAGE_NUMBER_INDENT {
                role = LineRole::Other;
            }
        }
        // Only blank lines are left out of `raw`: lines next to each other in the text have no
        // blank line between them.
        let adjacent = previous_line.is_some_and(|p| p + 1 == line.number);
        let joins = adjacent
            && !role.is_structural()
            && !line.list
            && line.heading.is_none()
            && !line.comment
            && blocks
                .last()
                .is_some_and(|b| !b.role.is_structural() && b.heading.is_none() && !b.comment);
        if joins {
            if let Some(block) = blocks.last_mut() {
                block.span.end = line.span.end;
                block.content.end = line.content.end;
            }
        } else {
            blocks.push(RawBlock {
                span: line.span,
                content: line.content,
                list: line.list,
                heading: line.heading,
                comment: line.comment,
                role,
                indent: line.indent,
            });
        }
        previous_line = Some(line.number);
    }
    blocks
}

fn line_role(text: &str, content: Span, words: &LineWords) -> LineRole {
    let vocabulary = words.vocabulary;
    let line = content.slice(text);
    // "**24/112 Apologies** – …" and "**1.** Budget": emphasis around the number.
    let lead = if line.starts_with("**") || line.starts_with("__") {
        2
    } else {
        0
    };
    if let Some(mut numbered) = item_number_at_start(&line[lead..], content.start + lead) {
        numbered.title = inline_title(text, numbered.title);
        return LineRole::Item(numbered);
    }
    let bare = line.trim_end_matches([':', '-', '–', '—', ' ', '.']).trim();
    if bare.eq_ignore_ascii_case("minutes") && line.trim_end().ends_with(':') {
        return LineRole::MinutesMarker;
    }
    if bare.eq_ignore_ascii_case("agenda item") {
        return LineRole::AgendaItemLabel;
    }
    if vocabulary.decision_lines.iter().any(|w| w == bare) {
        return LineRole::DecisionLine;
    }
    if let Some(role) = emphasised_decision(text, content, vocabulary) {
        return role;
    }
    if let Some((kind, rest)) = attendance_heading(text, content, words) {
        return LineRole::Attendance(kind, rest);
    }
    if let Some(marker_len) = decision_opening(line, words) {
        let after = &line[marker_len..];
        let skip = after.len()
            - after
                .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '–' | '—' | '-' | ','))
                .len();
        let rest = Span::new(content.start + marker_len + skip, content.end);
        return LineRole::DecisionOpening {
            marker: Span::new(content.start, content.start + marker_len),
            rest,
        };
    }
    LineRole::Other
}

/// The title of an item whose number starts a paragraph: without emphasis marks, and for an
/// inline item ("Apologies – apologies were received from …") only the words before the first
/// separator, when the line runs on into the minute itself.
fn inline_title(text: &str, title: Span) -> Span {
    let mut title = title;
    let slice = title.slice(text);
    for mark in ["**", "__"] {
        if let Some(rest) = slice.strip_prefix(mark) {
            title.start += mark.len();
            if let Some(close) = rest.find(mark) {
                title.end = title.start + close;
            }
            return trim_span(text, title);
        }
        if let Some(close) = slice.find(mark) {
            title.end = title.start + close;
            return trim_span(text, title);
        }
    }
    if slice.split_whitespace().nth(12).is_none() {
        return title;
    }
    let cut = [" – ", " — ", " - ", ": ", ". "]
        .iter()
        .filter_map(|sep| slice.find(sep))
        .min()
        .filter(|&at| slice[..at].split_whitespace().count() <= 12);
    match cut {
        Some(at) => trim_span(text, Span::new(title.start, title.start + at)),
        None => title,
    }
}

/// "**RESOLVED** that:" and "__Decision__: …" in Markdown.
fn emphasised_decision(text: &str, content: Span, vocabulary: &Vocabulary) -> Option<LineRole> {
    let line = content.slice(text);
    let mark = ["**", "__"].into_iter().find(|m| line.starts_with(m))?;
    let close = line[2..].find(mark)? + 2;
    let inner = line[2..close].trim_end_matches([':', ' ']);
    let known =
        vocabulary.decision_lines.iter().any(|w| w == inner) || vocabulary.decision_openings.iter().any(|w| w == inner);
    if !known {
        return None;
    }
    let after = &line[close + 2..];
    let skip = after.len()
        - after
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '–' | '—' | '-' | ','))
            .len();
    let rest = Span::new(content.start + close + 2 + skip, content.end);
    let marker = Span::new(content.start + 2, content.start + 2 + inner.len());
    Some(LineRole::DecisionOpening { marker, rest })
}

fn attendance_heading(text: &str, content: Span, words: &LineWords) -> Option<(AttendanceKind, Span)> {
    let whole = content.slice(text);
    // "**Present**: Jo Kent, …": the heading word in bold, the names after it.
    let mark = ["**", "__"].into_iter().find(|m| whole.starts_with(m));
    let line = mark.map_or(whole, |m| &whole[m.len()..]);
    for (word, kind) in words.attendance_headings(line) {
        let Some(head) = line.get(..word.len()) else { continue };
        if !head.eq_ignore_ascii_case(word) {
            continue;
        }
        let mut after = &line[word.len()..];
        if let Some(mark) = mark {
            let Some(rest) = after.strip_prefix(mark) else {
                continue;
            };
            after = rest;
        }
        // "Committee Members Present:", "Members absent:", "Present (16 May):": a qualifier
        // between the heading and its list, which may say which list it is.
        let kind = &match *kind {
            AttendanceKind::Present => {
                let (rest, qualified) = without_qualifier(after);
                after = rest;
                qualified
            }
            other => other,
        };
        let word_len = whole.len() - after.len();
        let opens_list = after.is_empty()
            // "PRESENT         Jo Kent   JK": a table's first column.
            || after.starts_with("  ")
            || after.starts_with('\t')
            || after.starts_with([':', '–', '—'])
            || after.starts_with(" -")
            || after.starts_with(" –")
            || (*kind == AttendanceKind::Apologies && after.starts_with(" for absence"))
            || (*kind == AttendanceKind::Apologies && after.starts_with(" were received"))
            || (*kind == AttendanceKind::Apologies && after.starts_with(" received"))
            || names_follow(*kind, after);
        if !opens_list {
            continue;
        }
        let skip = after.len()
            - after
                .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '–' | '—' | '-'))
                .len();
        return Some((*kind, Span::new(content.start + word_len + skip, content.end)));
    }
    None
}

/// What follows a "present" heading once a qualifier is passed, and which list the heading then
/// opens: the word "present" or "absent" after a heading that names who ("Committee Members
/// Present", "Members absent"), then a short bracketed note with a number in it, such as a date
/// or an item ("Present (16 May)", "(for item 4)").
fn without_qualifier(after: &str) -> (&str, AttendanceKind) {
    let mut rest = after;
    let mut kind = AttendanceKind::Present;
    for (word, qualified) in [
        (" present", AttendanceKind::Present),
        (" absent", AttendanceKind::Absent),
    ] {
        let Some(head) = rest.get(..word.len()) else { continue };
        let next = rest[word.len()..].chars().next();
        if head.eq_ignore_ascii_case(word) && !next.is_some_and(char::is_alphanumeric) {
            rest = &rest[word.len()..];
            kind = qualified;
            break;
        }
    }
    let Some(inner) = rest.trim_start_matches(' ').strip_prefix('(') else {
        return (rest, kind);
    };
    match inner.find(')') {
        Some(close)
            if close <= 30
                && inner[..close].contains(|c: char| c.is_ascii_digit())
                && !inner[..close].contains(['\n', ':', '(']) =>
        {
            (&inner[close + 1..], kind)
        }
        _ => (rest, kind),
    }
}

/// "Apologies Annie Kerr, Cllrs Lowe and Ames", "Present Councillor Ames": a heading written
/// without its colon, straight before the names. After "Apologies" any capitalised word will
/// do (no sentence starts "Apologies Annie"); after the others, only a title.
fn names_follow(kind: AttendanceKind, after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word = rest.split_whitespace().next().unwrap_or("");
    match kind {
        AttendanceKind::Apologies => {
            word.starts_with(|c: char| c.is_uppercase())
                && word.chars().skip(1).all(|c| c.is_lowercase() || matches!(c, '\'' | '’' | '-' | '.'))
                && !matches!(word, "For" | "Received" | "Were" | "Was" | "And" | "To")
                // "Apologies To receive apologies for absence": an agenda title, not names.
                && people::reads_as_list_line(rest)
        }
        _ => people::is_councillor_title(word) || matches!(word, "Mr" | "Mrs" | "Ms" | "Miss" | "Dr"),
    }
}

/// The length of a decision opening at the start of `line` ("RESOLVED –", "The Panel agreed:").
fn decision_opening(line: &str, words: &LineWords) -> Option<usize> {
    words
        .decision_openings(line)
        .filter(|opening| line.starts_with(opening.as_str()))
        .filter(|opening| {
            let after = &line[opening.len()..];
            let shouting = opening.chars().any(char::is_alphabetic) && !opening.chars().any(char::is_lowercase);
            after.is_empty()
                || opening.ends_with([':', '–', '-'])
                || after.starts_with([':', '–', '—', '-', ','])
                || after.starts_with(" –")
                || after.starts_with(" -")
                || (shouting && after.starts_with(' '))
                || [
                    " that",
                    " to ",
                    " unanimously",
                    " as follows",
                    " the following",
                    " on ",
                    " by ",
                ]
                .iter()
                .any(|w| after.starts_with(w))
        })
        .map(|opening| opening.len())
        .max()
}

fn find_opaque(text: &str) -> Vec<Span> {
    static URL: OnceLock<Regex> = OnceLock::new();
    let url = URL.get_or_init(|| Regex::new(r"https?://\S+|www\.\S+").expect("valid"));
    let mut spans: Vec<Span> = url.find_iter(text).map(|m| Span::new(m.start(), m.end())).collect();
    // E-mail addresses, found from their '@' outwards (a regex over every word is too slow).
    let local = |c: char| c.is_alphanumeric() || matches!(c, '.' | '+' | '-' | '_');
    let domain = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-');
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| local(c))
            .last()
            .map_or(at, |(i, _)| i);
        let end = at
            + 1
            + text[at + 1..]
                .char_indices()
                .take_while(|&(_, c)| domain(c))
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
        let address = &text[start..end];
        if start < at && address[at - start + 1..].contains('.') {
            spans.push(Span::new(start, end.min(text.len())));
        }
    }
    spans
}

/// Builds the model from blocks, one block at a time.
struct Assembler<'a> {
    text: &'a str,
    vocabulary: &'a Vocabulary,
    minutes: &'a mut Minutes,
    item: Option<usize>,
    section: Option<usize>,
    expect_title: bool,
    decision_open: bool,
    numbered_list_next: Option<u64>,
    /// The indentation of the numbered list being read inside the current item.
    numbered_list_indent: usize,
    previous_content: Option<Span>,
    previous_was_marker: bool,
    /// The indentation of the current item's heading line.
    item_indent: usize,
    /// The previous block was the current item's heading, with its title on the same line.
    heading_just_read: bool,
    outcomes: outcomes::Outcomes,
}

/// What a numbered line is, given the item it comes in.
enum Numbered {
    /// A new item.
    Item,
    /// A sub-paragraph of the current item ("5.2" under item 5).
    SubItem,
    /// A numbered list entry or paragraph inside the current item.
    Content,
}

impl<'a> Assembler<'a> {
    fn new(text: &'a str, vocabulary: &'a Vocabulary, minutes: &'a mut Minutes) -> Self {
        Assembler {
            text,
            vocabulary,
            minutes,
            item: None,
            section: None,
            expect_title: false,
            decision_open: false,
            numbered_list_next: None,
            numbered_list_indent: 0,
            previous_content: None,
            previous_was_marker: false,
            item_indent: 0,
            heading_just_read: false,
            outcomes: outcomes::Outcomes::default(),
        }
    }

    fn run(mut self, blocks: Vec<RawBlock>) {
        // Lines that are wholly web-page residue become blocks of their own, set aside below.
        let blocks = residue::split_residue_lines(self.text, blocks, &self.minutes.residue);
        let single = blocks
            .iter()
            .find(|(b, residue)| !b.comment && !residue)
            .is_some_and(|(b, _)| matches!(b.role, LineRole::AgendaItemLabel));
        if single {
            self.minutes.shape = Shape::SingleItem;
        }
        for (block, residue) in blocks {
            if residue {
                // Residue belongs to no structure: it neither titles, nor ends, nor opens anything.
                self.push(block, BlockKind::Residue);
                continue;
            }
            let kind = if block.comment {
                BlockKind::Comment
            } else if single {
                self.single_item_block(&block)
            } else {
                self.meeting_block(&block)
            };
            self.previous_was_marker = kind == BlockKind::DecisionMarker;
            self.heading_just_read = kind == BlockKind::ItemHeading && !self.expect_title;
            if kind != BlockKind::Comment {
                self.previous_content = Some(block.content);
            }
            self.push(block, kind);
        }
        self.find_glossary_lists();
        self.fill_header_date();
    }

    fn push(&mut self, block: RawBlock, kind: BlockKind) {
        let index = self.minutes.blocks.len();
        if let Some(item) = self.item.and_then(|i| self.minutes.items.get_mut(i)) {
            item.blocks.end = index + 1;
            item.span.end = block.span.end;
        }
        if let Some(section) = self.section.and_then(|s| self.minutes.attendance.get_mut(s)) {
            if kind == BlockKind::Attendance {
                section.span.end = block.span.end;
            }
        }
        self.minutes.blocks.push(Block {
            span: block.span,
            content: block.content,
            kind,
            list: block.list,
            heading: block.heading,
            item: self.item,
        });
    }

    fn single_item_block(&mut self, block: &RawBlock) -> BlockKind {
        if matches!(block.role, LineRole::AgendaItemLabel) && self.item.is_none() {
            return BlockKind::AgendaItemLabel;
        }
        if self.item.is_none() {
            self.open_item(None, block.content, block.span.start);
            return BlockKind::ItemTitle;
        }
        if let LineRole::Item(numbered) = &block.role {
            self.single_item_paragraph(numbered);
        }
        self.item_block(block)
    }

    /// "22.1 Council considered …": the single item's paragraphs carry its minute number (22);
    /// the first one gives the item that number, and each is a sub-item.
    fn single_item_paragraph(&mut self, numbered: &NumberedLine) {
        if numbered.number.shape() != "#.#" {
            return;
        }
        let Some(NumberPart::Number { span, .. }) = numbered.number.parts.first().cloned() else {
            return;
        };
        let whole = split_number(span.slice(self.text), span.start);
        let text = self.text;
        let sub = SubItem {
            number: numbered.number.clone(),
            title: numbered.title,
        };
        self.minutes.opaque.push(numbered.number.span);
        if let Some(item) = self.current_item_mut() {
            let same = item.number.as_ref().map(|n| n.as_str(text)) == Some(whole.as_str(text));
            if item.number.is_none() {
                item.number = Some(whole);
            } else if !same {
                return;
            }
            item.sub_items.push(sub);
        }
    }

    fn meeting_block(&mut self, block: &RawBlock) -> BlockKind {
        if let LineRole::Item(numbered) = &block.role {
            if self.is_minute_number_of_heading(numbered) {
                // "1. Election of Chair" then "01/22" on the next line: the minute's own
                // reference under its agenda heading, not another item.
                self.minutes.opaque.push(numbered.number.span);
                return BlockKind::ItemTitle;
            }
            let role = if self.is_list_under_heading_item(block, numbered) {
                Numbered::Content
            } else {
                self.classify(numbered, block.indent)
            };
            match role {
                Numbered::Item => {
                    self.section = None;
                    self.numbered_list_next = None;
                    self.item_indent = block.indent;
                    let title = numbered.title;
                    self.open_item(Some(numbered.number.clone()), title, block.span.start);
                    self.minutes.opaque.push(numbered.number.span);
                    self.expect_title = title.is_empty();
                    // "25/081 Apologies – Apologies were received from Cllr Lowe": an inline
                    // apologies item names the absent in its own line.
                    if self.current_item_is(Procedural::Apologies) && !title.is_empty() {
                        let inline = Span::new(numbered.number.span.end, block.content.end);
                        self.add_item_apologies(inline, block.span);
                    }
                    return BlockKind::ItemHeading;
                }
                Numbered::SubItem => {
                    let sub = SubItem {
                        number: numbered.number.clone(),
                        title: numbered.title,
                    };
                    self.minutes.opaque.push(numbered.number.span);
                    if let Some(item) = self.current_item_mut() {
                        item.sub_items.push(sub);
                    }
                }
                Numbered::Content => {}
            }
        }
        if self.expect_title {
            if let LineRole::Attendance(..) = block.role {
                // A ModernGov item: the number alone, then "Apologies for Absence" as its title.
                self.expect_title = false;
                self.set_title(block.content);
                return BlockKind::ItemTitle;
            }
        }
        if let LineRole::Attendance(kind, rest) = block.role {
            if self.item.is_none() || self.current_item_is(Procedural::Apologies) {
                self.open_section(kind, block.content, block.span);
                if !rest.is_empty() {
                    self.add_people(rest, true);
                }
                return BlockKind::AttendanceHeading;
            }
        }
        if self.item.is_some() {
            return self.item_block(block);
        }
        self.header_block(block)
    }

    /// In Markdown whose items are headings ("## 12. Budget"), a plain numbered line that is not
    /// a heading ("1. The Chair welcomed …") is a list entry of the current item.
    fn is_list_under_heading_item(&self, block: &RawBlock, numbered: &NumberedLine) -> bool {
        if self.minutes.format != Format::Markdown || block.heading.is_some() || !numbered.plain {
            return false;
        }
        self.item
            .and_then(|i| self.minutes.items.get(i))
            .and_then(|item| self.minutes.blocks.get(item.blocks.start))
            .is_some_and(|first| first.heading.is_some())
    }

    /// A bare number right after an item heading that has its title, in another shape.
    fn is_minute_number_of_heading(&self, numbered: &NumberedLine) -> bool {
        self.heading_just_read
            && numbered.title.is_empty()
            && self
                .item
                .and_then(|i| self.minutes.items.get(i))
                .and_then(|item| item.number.as_ref())
                .is_some_and(|n| n.shape() != numbered.number.shape())
    }

    /// Whether a numbered line opens a new item, is a sub-paragraph of the current one ("5.2"
    /// under 5), or is a numbered list entry or paragraph inside it.
    fn classify(&mut self, numbered: &NumberedLine, indent: usize) -> Numbered {
        let numbers = numbered.number.numbers();
        let value = numbers.last().copied().unwrap_or(0);
        let Some(current) = self.item.and_then(|i| self.minutes.items.get(i)) else {
            // A long numbered paragraph opens the first item only as its first number.
            return if numbered.long && value > 1 {
                Numbered::Content
            } else {
                Numbered::Item
            };
        };
        let shape = numbered.number.shape();
        let current_shape = current.number.as_ref().map(ItemNumber::shape);
        let current_numbers = current.number.as_ref().map(ItemNumber::numbers).unwrap_or_default();
        // "33.1" under item 33, and "5.2" under an item numbered "5.1" (no heading for 5 itself).
        if shape == "#.#" && numbers.len() == 2 {
            let under_whole = current_shape.as_deref() == Some("#") && current_numbers.first() == numbers.first();
            let under_first = current_shape.as_deref() == Some("#.#")
                && current_numbers.first() == numbers.first()
                && current_numbers.get(1).is_some_and(|&sub| sub <= 1 && sub < value);
            if under_whole || under_first {
                return Numbered::SubItem;
            }
        }
        // "25/065.1" under minute 25/065: the item's own number and one more part.
        if current_shape.as_deref().is_some_and(|s| shape == format!("{s}.#"))
            && numbers.len() == current_numbers.len() + 1
            && numbers[..current_numbers.len()] == current_numbers[..]
        {
            return Numbered::SubItem;
        }
        // "5.1.2" under item 5 or 5.1.
        if numbers.len() == 3
            && matches!(current_shape.as_deref(), Some("#" | "#.#"))
            && current_numbers.first() == numbers.first()
        {
            return Numbered::SubItem;
        }
        // A table row ("08.18.08   Grass cutting – quotes   Done   NO"): its columns are set
        // apart by wide gaps, as no item title is.
        let title = numbered.title.slice(self.text);
        if title.contains("   ") || title.contains('\t') || title.contains(" | ") {
            return Numbered::Content;
        }
        let current_value = current_numbers.last().copied().unwrap_or(0);
        let established = current_shape.as_deref().is_some_and(|s| {
            self.minutes
                .items
                .iter()
                .rev()
                .take(2)
                .filter(|i| i.number.as_ref().is_some_and(|n| n.shape() == s))
                .count()
                == 2
        });
        if established && current_shape.as_deref() != Some(shape.as_str()) && !numbered.plain {
            // Another shape among established items: a date ("31.03.24") or a long line is
            // content; a short title may open a second scheme, which the rule then reports.
            let date_like = numbers.len() == 3
                && numbers[0] <= 31
                && (1..=12).contains(&numbers[1])
                && numbered.number.as_str(self.text).len() == 8;
            if date_like || title.split_whitespace().count() > 10 {
                return Numbered::Content;
            }
        }
        if !numbered.plain {
            // "07.17.02" among items "11.17.#": a reference to another meeting's minute (in
            // matters arising or an action log), unless it stands where the next item would.
            // The counter is the last part ("11.17.#") or the first ("#/21").
            if current_shape.as_deref() == Some(shape.as_str())
                && numbers.len() >= 2
                && numbers.len() == current_numbers.len()
            {
                let n = numbers.len();
                let same_prefix = numbers[..n - 1] == current_numbers[..n - 1];
                let same_suffix = numbers[1..] == current_numbers[1..];
                if !same_prefix && !same_suffix && value != current_value + 1 {
                    return Numbered::Content;
                }
                // A number already passed, opening a sentence rather than a heading: an action
                // log or matters arising citing an earlier minute of this meeting.
                let (counter, current_counter) = if same_prefix {
                    (value, current_value)
                } else {
                    (numbers[0], current_numbers[0])
                };
                if (same_prefix || same_suffix) && counter <= current_counter && title.split_whitespace().count() > 8 {
                    return Numbered::Content;
                }
            }
            return Numbered::Item;
        }
        // Plain numbers among items numbered "16.11.#" or "21/47" are lists inside an item.
        if established && current_shape.as_deref() != Some("#") {
            self.numbered_list_next = Some(value + 1);
            return Numbered::Content;
        }
        let after_colon = self
            .previous_content
            .is_some_and(|c| c.slice(self.text).trim_end().ends_with([':', '-']));
        let opens_list = self.previous_was_marker || after_colon;
        // A list goes on at its own indentation: "4." back at the items' margin after a list
        // "1. 2. 3." indented under item 3 is item 4.
        let continues_list = self.numbered_list_next == Some(value) && indent >= self.numbered_list_indent;
        let current_plain = current_shape.as_deref() == Some(shape.as_str());
        // A bare number no higher than the current item's, alone on its line: a stray figure
        // (a page or column number), not an item without a title.
        if current_plain && numbered.title.is_empty() && value <= current_value {
            return Numbered::Content;
        }
        let deeper = indent >= self.item_indent + 3;
        let next_item = current_plain && value == current_value + 1;
        let near = current_plain && value > current_value && value <= current_value + 3;
        let content = continues_list
            || (value == 1 && opens_list)
            || (!current_plain && value < 50 && opens_list)
            || (!current_plain && numbered.long)
            || (current_plain && value < current_value && self.numbered_list_next.is_some())
            // A list restarting at 1 inside item 5.
            || (current_plain && value == 1 && current_value >= 2)
            || (current_plain && !next_item && (after_colon || deeper))
            || (current_plain && !near && numbered.long);
        if content {
            self.numbered_list_next = Some(value + 1);
            self.numbered_list_indent = indent;
            // An indented numbered heading under an item ("   2. **Treasurer**"): a sub-item.
            let short = !numbered.title.is_empty() && title.split_whitespace().count() <= 10;
            if deeper && short && !numbered.long {
                return Numbered::SubItem;
            }
            return Numbered::Content;
        }
        Numbered::Item
    }

    fn current_item_is(&self, procedural: Procedural) -> bool {
        self.item
            .and_then(|i| self.minutes.items.get(i))
            .is_some_and(|item| item.procedural == Some(procedural))
    }

    fn open_item(&mut self, number: Option<ItemNumber>, title: Span, start: usize) {
        let index = self.minutes.items.len();
        self.minutes.items.push(Item {
            span: Span::new(start, start),
            number,
            title: Span::empty(title.start),
            agenda_ref: None,
            blocks: self.minutes.blocks.len()..self.minutes.blocks.len(),
            minutes_marker: None,
            decisions: Vec::new(),
            procedural: None,
            sub_items: Vec::new(),
        });
        self.item = Some(index);
        self.decision_open = false;
        if !title.is_empty() {
            self.set_title(title);
        }
    }

    fn set_title(&mut self, title: Span) {
        let title = self.without_residue(title);
        let (title, agenda_ref) = split_agenda_ref(self.text, title);
        let procedural = self.vocabulary.procedural(title.slice(self.text));
        if let Some(item) = self.item.and_then(|i| self.minutes.items.get_mut(i)) {
            item.title = title;
            item.agenda_ref = agenda_ref;
            item.procedural = procedural;
        }
    }

    /// Cuts residue ("pdf icon PDF 284 KB") off the end of a title.
    fn without_residue(&self, span: Span) -> Span {
        let residue = &self.minutes.residue;
        let first = residue.partition_point(|r| r.span.end <= span.start);
        let cut = residue[first..]
            .iter()
            .take_while(|r| r.removal.start < span.end)
            .filter(|r| span.contains(r.removal.start) || span.contains(r.span.start))
            .map(|r| r.removal.start)
            .min()
            .unwrap_or(span.end);
        trim_span(self.text, Span::new(span.start, cut.max(span.start)))
    }

    fn item_block(&mut self, block: &RawBlock) -> BlockKind {
        if self.expect_title && !block.role.is_structural() {
            self.expect_title = false;
            self.set_title(block.content);
            return BlockKind::ItemTitle;
        }
        self.expect_title = false;
        match block.role {
            LineRole::MinutesMarker => {
                self.decision_open = false;
                if let Some(item) = self.current_item_mut() {
                    item.minutes_marker = Some(block.content);
                }
                BlockKind::MinutesMarker
            }
            LineRole::DecisionLine => {
                self.push_decision(block.content, None);
                BlockKind::DecisionMarker
            }
            LineRole::DecisionOpening { marker, rest } => {
                let body = (!rest.is_empty()).then_some(rest);
                self.push_decision(marker, body);
                BlockKind::DecisionMarker
            }
            _ => self.item_prose(block),
        }
    }

    fn item_prose(&mut self, block: &RawBlock) -> BlockKind {
        if self.current_item_is(Procedural::Apologies) {
            self.add_item_apologies(block.content, block.span);
        }
        if self.decision_open {
            if let Some(decision) = self.current_item_mut().and_then(|i| i.decisions.last_mut()) {
                decision.body = Some(decision.body.map_or(block.content, |b| b.join(block.content)));
            }
            return BlockKind::DecisionText;
        }
        self.find_outcomes(block.content);
        BlockKind::Paragraph
    }

    fn push_decision(&mut self, marker: Span, body: Option<Span>) {
        self.decision_open = true;
        if let Some(item) = self.current_item_mut() {
            item.decisions.push(Decision {
                kind: DecisionKind::Marker,
                marker,
                body,
            });
        }
    }

    fn find_outcomes(&mut self, content: Span) {
        let found = self.outcomes.in_block(self.text, self.vocabulary, content);
        if let Some(item) = self.current_item_mut() {
            for marker in found {
                item.decisions.push(Decision {
                    kind: DecisionKind::Outcome,
                    marker,
                    body: None,
                });
            }
        }
    }

    fn add_item_apologies(&mut self, content: Span, block_span: Span) {
        let people = people::scan_people(self.text, content, false);
        if people.is_empty() {
            return;
        }
        let heading = self.current_item_mut().map(|i| i.title).unwrap_or(content);
        let section = match self.section {
            Some(s) if self.minutes.attendance.get(s).is_some_and(|sec| sec.heading == heading) => s,
            _ => {
                self.minutes.attendance.push(AttendanceSection {
                    kind: AttendanceKind::Apologies,
                    heading,
                    span: block_span,
                    people: Vec::new(),
                });
                self.minutes.attendance.len() - 1
            }
        };
        self.section = Some(section);
        if let Some(sec) = self.minutes.attendance.get_mut(section) {
            sec.span.end = block_span.end;
            sec.people.extend(people);
        }
    }

    fn header_block(&mut self, block: &RawBlock) -> BlockKind {
        if self.section.is_some() {
            if is_list_label(block.content.slice(self.text)) {
                // "Councillors:", "Members of the public:": a label inside the list.
                return BlockKind::Attendance;
            }
            // Prose written straight after the list, without a blank line, is not part of it.
            let list = list_lines(self.text, block.content);
            if !list.is_empty() && self.add_people(list, true) {
                return BlockKind::Attendance;
            }
            self.section = None;
        }
        self.find_unlabelled_attendance(block);
        let content = block.content.slice(self.text);
        if field_pattern().is_match(content) {
            if content.to_ascii_lowercase().starts_with("venue") {
                self.minutes.header.venue = Some(block.content);
            }
            return BlockKind::Field;
        }
        let has_date = self.minutes.dates.iter().any(|d| block.content.covers(d.span));
        if self.minutes.header.title.is_none() && !is_generic_heading(content) {
            self.minutes.header.title = Some(block.content);
            if has_date {
                self.minutes.header.meeting_line = Some(block.content);
            }
            return BlockKind::Title;
        }
        if has_date && self.minutes.header.meeting_line.is_none() {
            self.minutes.header.meeting_line = Some(block.content);
            return BlockKind::MeetingLine;
        }
        BlockKind::Paragraph
    }

    /// Before the items, with no list read yet: a run of lines that each start with a title
    /// ("Cllr Marsh", "Cllr Mrs C Dale (Chair) Cllr P Venn") is the list of those present,
    /// written without a "Present" heading. The run must hold two names or more and nothing
    /// but names; it is closed at once, so nothing after it joins.
    fn find_unlabelled_attendance(&mut self, block: &RawBlock) {
        if self.item.is_some() || !self.minutes.attendance.is_empty() {
            return;
        }
        // Only at the top, after the title, the meeting line and short header lines: a roll of
        // names further down is a recorded vote or the like.
        // (A top is a few blocks long, which also keeps this check from growing with the text.)
        let at_top = self.minutes.blocks.len() <= 12
            && self.minutes.blocks.iter().all(|b| match b.kind {
                BlockKind::Title
                | BlockKind::MeetingLine
                | BlockKind::Field
                | BlockKind::Residue
                | BlockKind::Comment => true,
                BlockKind::Paragraph => {
                    b.content.len() < 80 || self.minutes.dates.iter().any(|d| b.content.covers(d.span))
                }
                _ => false,
            });
        if !at_top {
            return;
        }
        let content = block.content;
        let slice = content.slice(self.text);
        let mut offset = 0;
        let mut run: Option<Span> = None;
        for line in slice.split_inclusive('\n') {
            let span = trim_span(self.text, content.sub(offset..offset + line.len()));
            offset += line.len();
            let starts_titled = people::scan_people(self.text, span, true)
                .first()
                .is_some_and(|p| p.span.start == span.start);
            if starts_titled && people::reads_as_list_line(line) {
                run = Some(run.map_or(span, |r| r.join(span)));
            } else if run.is_some() {
                break;
            }
        }
        let Some(run) = run else { return };
        let people = people::scan_people(self.text, run, true);
        if people.len() < 2 {
            return;
        }
        // Nothing but the names, their chair markers and roles: "Councillor Lowe Moved,
        // Councillor Ames Seconded" is a sentence.
        let mut last = run.start;
        let mut leftover = String::new();
        for p in &people {
            if p.group.start >= last {
                leftover.push_str(Span::new(last, p.group.start).slice(self.text));
                last = p.group.end.max(p.span.end);
            }
        }
        leftover.push_str(Span::new(last.min(run.end), run.end).slice(self.text));
        let only_names = leftover
            .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
            .all(|w| w.is_empty() || w == "and" || w == "&");
        if !only_names {
            return;
        }
        // No heading was written: the list's first line stands for it.
        let first_line = run
            .slice(self.text)
            .find(['\n', '\r'])
            .map_or(run.end, |i| run.start + i);
        self.minutes.attendance.push(AttendanceSection {
            kind: AttendanceKind::Present,
            heading: Span::new(run.start, first_line),
            span: run,
            people,
        });
    }

    fn open_section(&mut self, kind: AttendanceKind, heading: Span, span: Span) {
        self.minutes.attendance.push(AttendanceSection {
            kind,
            heading,
            span,
            people: Vec::new(),
        });
        self.section = Some(self.minutes.attendance.len() - 1);
    }

    /// Adds the people named in `span` to the open section; false when it names nobody.
    fn add_people(&mut self, span: Span, roles: bool) -> bool {
        let mut people = people::scan_people(self.text, span, roles);
        if people.is_empty() {
            // A comma-separated list of bare names: "Jane Smith, Tom Brown and Ann Lee", before
            // one name with a role ("Jane Smith, Clerk"), which would take the rest as its role.
            people = self.bare_names(span);
        }
        if people.is_empty() {
            people.extend(people::scan_bare_name(self.text, span));
        }
        if people.is_empty() {
            return false;
        }
        if let Some(section) = self.section.and_then(|s| self.minutes.attendance.get_mut(s)) {
            section.people.extend(people);
            return true;
        }
        false
    }

    /// Every piece of a comma-separated list of bare names, or nothing when a piece is no name.
    fn bare_names(&self, span: Span) -> Vec<Person> {
        static CELL: OnceLock<Regex> = OnceLock::new();
        static CODE: OnceLock<Regex> = OnceLock::new();
        // Commas, and the gaps of a table's columns ("Jo Kent    JK    P").
        let cell = CELL.get_or_init(|| Regex::new(r"[,;\n\t|]|[ \u{a0}]{2,}").expect("valid"));
        // A column of initials or of P/A marks beside the names.
        let code = CODE.get_or_init(|| Regex::new(r"^\(?[A-Z]{1,4}\)?$").expect("valid"));
        let slice = span.slice(self.text);
        let mut people = Vec::new();
        let mut offset = 0;
        let mut pieces = Vec::new();
        let mut codes = 0;
        for m in cell.find_iter(slice) {
            pieces.push(offset..m.start());
            offset = m.end();
        }
        pieces.push(offset..slice.len());
        for piece in pieces {
            let piece_span = trim_span(self.text, span.sub(piece));
            if piece_span.is_empty() {
                continue;
            }
            if code.is_match(piece_span.slice(self.text)) {
                codes += 1;
                continue;
            }
            for part in split_and(self.text, piece_span) {
                match people::scan_bare_name(self.text, part) {
                    Some(p) if !people::is_role(part.slice(self.text)) => people.push(p),
                    _ => return Vec::new(),
                }
            }
        }
        // One bare name is read by itself, with its role; one beside its initials is a row.
        if people.len() < 2 && (people.is_empty() || codes == 0) {
            return Vec::new();
        }
        people
    }

    fn current_item_mut(&mut self) -> Option<&mut Item> {
        self.item.and_then(|i| self.minutes.items.get_mut(i))
    }

    fn find_glossary_lists(&mut self) {
        static RE: OnceLock<Regex> = OnceLock::new();
        let re = RE.get_or_init(|| {
            Regex::new(
                r"^(?P<acr>[A-Z][A-Za-z&]*[A-Z][A-Za-z]*)[\s\u{a0}]*(?:[–—:]|\s-\s|\()[\s\u{a0}]*(?P<long>[^–—():.]+)",
            )
            .expect("valid")
        });
        let mut entries = Vec::new();
        for block in &self.minutes.blocks {
            if !matches!(block.kind, BlockKind::Paragraph | BlockKind::DecisionText) {
                continue;
            }
            let content = block.content.slice(self.text);
            let Some(caps) = re.captures(content) else { continue };
            let (Some(acr), Some(long)) = (caps.name("acr"), caps.name("long")) else {
                continue;
            };
            let long_span = trim_span(self.text, block.content.sub(long.start()..long.end()));
            entries.push(GlossaryEntry {
                acronym: block.content.sub(acr.start()..acr.end()),
                long_form: long_span,
            });
        }
        self.minutes.glossary = entries;
    }

    fn fill_header_date(&mut self) {
        let header_end = self.minutes.items.first().map_or(self.text.len(), |i| i.span.start);
        let meeting_line = self.minutes.header.meeting_line;
        let date = self
            .minutes
            .dates
            .iter()
            .find(|d| meeting_line.is_some_and(|m| m.covers(d.span)))
            .or_else(|| {
                (self.minutes.shape == Shape::Meeting)
                    .then(|| self.minutes.dates.iter().find(|d| d.span.end <= header_end))
                    .flatten()
            })
            .cloned();
        self.minutes.header.date = date;
    }
}

/// The leading lines of an attendance block that read as list entries (see
/// [`people::reads_as_list_line`]); empty when the first line is prose.
fn list_lines(text: &str, content: Span) -> Span {
    let slice = content.slice(text);
    let mut end = 0;
    for line in slice.split_inclusive('\n') {
        if !people::reads_as_list_line(line) {
            break;
        }
        end += line.len();
    }
    trim_span(text, Span::new(content.start, content.start + end))
}

/// A short label ending in a colon inside an attendance list: "Councillors:", "Members of the
/// Public:", "Committee Members:".
fn is_list_label(content: &str) -> bool {
    let Some(label) = content.trim().strip_suffix(':') else {
        return false;
    };
    let words: Vec<&str> = label.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.first().is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\'')))
}

fn field_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:venue|contact|place|location|time|date|clerk|meeting|held at|webcast|to|from|copy)\s*:")
            .expect("valid")
    })
}

fn is_generic_heading(content: &str) -> bool {
    let lower = content.trim().to_lowercase();
    matches!(
        lower.as_str(),
        "agenda and minutes" | "minutes" | "agenda" | "draft minutes" | "items" | "no. item"
    )
}

/// Splits "84. Apologies (Item 1)" into the title and its agenda reference.
fn split_agenda_ref(text: &str, title: Span) -> (Span, Option<Span>) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(r"\s*\((?:[Aa]genda )?[Ii]tem\s+[0-9]+[a-z]?\)\s*$").expect("valid"));
    let slice = title.slice(text);
    match re.find(slice) {
        Some(m) => {
            let reference = trim_span(text, title.sub(m.start()..m.end()));
            (trim_span(text, title.sub(0..m.start())), Some(reference))
        }
        None => (title, None),
    }
}

fn split_and(text: &str, span: Span) -> Vec<Span> {
    let slice = span.slice(text);
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in slice.split(" and ") {
        out.push(trim_span(text, span.sub(offset..offset + piece.len())));
        offset += piece.len() + 5;
    }
    out
}

#[cfg(test)]
mod tests;
