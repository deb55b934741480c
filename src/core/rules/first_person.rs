//! First-person words ("we", "our", "us", "I", "my", "me") in the minutes' own voice.
//!
//! Minutes are reported speech: they say what the meeting did and what each speaker said, in
//! the third person ("The Chair said that the Panel would…", "Members asked…"). A "we" or an
//! "I" left over from a speaker's notes or from dictation reads as the clerk speaking, and the
//! reader cannot tell who is meant. The rule reads the minutes' own narrative: "It was agreed
//! that we would…", "Our Secretary reported…", reported speech that kept its first person ("The
//! Clerk said that we had…"), and an officer's report pasted into an item in its own voice ("We
//! have completed the survey and our team will…").
//!
//! Words inside quotation marks are a speaker's own words and pass, whether quoted with “…”,
//! "…", ‘…’ or '…', or set out as a Markdown block quotation (`> …`); an apostrophe, as in
//! "Member’s", neither opens nor closes a quotation. So do names that merely contain the words ("Our Manchester Strategy", "We Love Manchester": a
//! capital that does not start a sentence, or a capitalised word after it), words in capitals
//! ("US", "ME"), the letter I as a roman numeral ("Part I", "Schedule I", "Grade I listed",
//! "(I)", "Parts I and II") or an initial ("Councillor I Ali"), and anything in a URL, an
//! e-mail address, residue or a Markdown comment. Only prose and decision text are read: item
//! titles, headings (a line set wholly in bold or italics counts as one) and attendance lists
//! name things rather than speak. The text under an inline item's title line is prose.
//!
//! Text in someone else's voice passes too: what follows a line introducing a statement,
//! letter, e-mail or report ("Councillor Shaw reported:", "… sent an e-mail stating:", or a
//! speaker's name or role on a line of its own after a mention of a statement being read out),
//! to the end of its item or the next decision; and an item titled as one person's report or
//! address ("Chair's Report", "Report of the Mayor") that is written in that person's own words,
//! as its "I" or "my" shows. A Markdown block quotation that holds the minutes' own narrative
//! ("It was AGREED …", "… reported that …") is the draft indented by a converter, and is read.
//! "Our" with a capital before an office ("Our Chair", "Our MP") is the pronoun, not a name;
//! "my" before "not" or "be" is a slip for "may".
//!
//! ## Example
//!
//! ```text
//! The Chair said that we would return to the matter at our next meeting.
//! ```
//!
//! "we" and "our": the minutes should say who, e.g. "the Panel would return to the matter at
//! its next meeting".
//!
//! ## Fix
//!
//! None. Turning a sentence into reported speech means knowing who "we" or "I" is (the
//! Committee, the Council, officers, a named speaker) and usually changing the verbs and
//! possessives around it too, so a person has to rewrite it. In Markdown, a line that really
//! must keep the first person (a quotation set out without quotation marks) can be marked with
//! `<!-- minutes-lint: allow first-person -->` on the line before.

use crate::core::analysis::opaque::Opaque;
use crate::core::ascii_words::any_word_start;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::model::{Block, BlockKind, Format, Minutes};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;
use regex::Regex;
use std::sync::OnceLock;

pub(crate) const RULE: Rule = Rule {
    name: "first-person",
    default_severity: Severity::Warning,
    group: Group::Text,
    source: include_str!("first_person.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let minutes = ctx.minutes;
    let text = ctx.text;
    let markdown = minutes.format == Format::Markdown;
    let mut opaque = Opaque::new(minutes);
    // Each pronoun found, with the block it is in; kept back until the blocks that speak in
    // someone else's voice are known.
    let mut found: Vec<(usize, Span, Person)> = Vec::new();
    for (index, block) in minutes.blocks.iter().enumerate() {
        // A Markdown block quotation ("> …") is someone's own words, unless the draft merely
        // indents its own narrative that way (a converter's doing): then it reads as minutes.
        let quoted = markdown && block.span.slice(text).starts_with('>') && !is_narrative(block.content.slice(text));
        if quoted {
            continue;
        }
        if let Some(span) = prose_span(text, minutes, block) {
            scan(text, minutes, span, &mut opaque, &mut |span, person| {
                found.push((index, span, person))
            });
        }
    }
    if found.is_empty() {
        return;
    }
    let voiced = voiced_blocks(text, minutes, &found);
    for (index, span, person) in found {
        let introduced = minutes
            .blocks
            .get(index)
            .is_some_and(|block| introduced_within(text, block.content, span.start));
        if !voiced.get(index).copied().unwrap_or(false) && !introduced {
            out.push(Diagnostic::new(RULE.name, span, message(span.slice(text), person)));
        }
    }
}

/// The part of a block read as prose: paragraphs and decision text whole, and an item's
/// heading block from the end of its title on (an inline item: "12.3 Footpaths The Clerk said
/// that we …", or a title line with the minute under it and no blank line between).
fn prose_span(text: &str, minutes: &Minutes, block: &Block) -> Option<Span> {
    if block.heading.is_some() {
        return None;
    }
    match block.kind {
        BlockKind::Paragraph | BlockKind::DecisionText | BlockKind::DecisionMarker => {
            (!is_emphasised_heading(block.span.slice(text))).then_some(block.content)
        }
        BlockKind::ItemHeading | BlockKind::ItemTitle => {
            let item = minutes.items.get(block.item?)?;
            let title = item.title;
            if title.is_empty() || !block.content.contains(title.start) {
                return None;
            }
            // "8  Village plan: A steering group has met and …", "25/084 Footpaths – The Clerk
            // said that …": a title, a colon or dash, then the minute itself as a sentence of
            // several words, on the title's own line.
            if let Some(start) = item.inline_minute(text).filter(|&s| s < block.content.end) {
                return Some(Span::new(start, block.content.end));
            }
            if title.end >= block.content.end {
                return None;
            }
            // Only what follows the title's own line: the rest of a title line may still be
            // the title as the parser could not tell where it ends.
            let rest = &text[title.end..block.content.end];
            let next_line = rest.find(['\n', '\r'])?;
            let start = title.end + next_line;
            let start =
                start + (text[start..block.content.end].len() - text[start..block.content.end].trim_start().len());
            (start < block.content.end).then(|| Span::new(start, block.content.end))
        }
        _ => None,
    }
}

/// A paragraph set wholly in bold or italics with no closing full stop, after an optional list
/// label: a sub-heading written with emphasis ("b) **Plans for our autumn meeting**").
fn is_emphasised_heading(paragraph: &str) -> bool {
    let mut rest = paragraph.trim();
    // A list label: "a)", "b\)", "(ii)", "3.".
    if let Some((label, after)) = rest.split_once(char::is_whitespace) {
        let bare = label
            .trim_start_matches('(')
            .trim_end_matches(')')
            .trim_end_matches('.')
            .trim_end_matches('\\');
        if !bare.is_empty()
            && bare.len() <= 4
            && bare.chars().all(|c| c.is_ascii_alphanumeric())
            && label.len() > bare.len()
        {
            rest = after.trim_start();
        }
    }
    let marks = ["***", "**", "__", "*", "_"];
    let Some(mark) = marks.iter().find(|m| rest.starts_with(**m)) else {
        return false;
    };
    let inner = rest[mark.len()..].trim_end();
    let Some(inner) = inner.strip_suffix(mark) else {
        return false;
    };
    !inner.contains(mark) && !inner.trim_end().ends_with(['.', '?', '!'])
}

/// Markers of a minute's own narrative: a decision in the third person or a reporting frame.
/// A Markdown block quotation holding one is the draft's own text indented, not a quotation.
fn is_narrative(paragraph: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)\b(?:
                (?i:it\ was\ (?:also\ |further\ |then\ |therefore\ |unanimously\ )?(?:agreed|noted|resolved|decided|reported|suggested|proposed|felt))
              | AGREED | RESOLVED
              | (?i:the\ (?:meeting|committee|council|panel)\ (?:agreed|noted|resolved|was\ told))
              | (?:reported|advised|explained|confirmed|indicated|stressed|noted|informed\ \w+)\ (?:that|on)
            )\b",
        )
        .expect("valid")
    })
    .is_match(paragraph)
}

/// Blocks that speak in someone else's voice, so that their first person is theirs, not the
/// minutes': the text after a line introducing a statement, letter or report ("Councillor Shaw
/// reported:", "… an e-mail stating:", a speaker's name or role on a line of its own after a
/// mention of a statement), to the end of its item or the next decision; and an item titled as
/// one person's report or address ("Chair's Report", "Report of the Mayor") that is written in
/// that person's own words, which its "I" and "my" show.
fn voiced_blocks(text: &str, minutes: &Minutes, found: &[(usize, Span, Person)]) -> Vec<bool> {
    let blocks = &minutes.blocks;
    let mut voiced = vec![false; blocks.len()];
    // Introduced text.
    // The item the introduced text is in, and how many more blocks it may run to outside items.
    let mut open: Option<(Option<usize>, usize)> = None;
    for (index, block) in blocks.iter().enumerate() {
        match open {
            Some((item, left))
                if item == block.item
                    && left > 0
                    && block.kind != BlockKind::DecisionMarker
                    && block.heading.is_none()
                    && !is_emphasised_heading(block.span.slice(text)) =>
            {
                voiced[index] = true;
                open = Some((item, if item.is_some() { left } else { left - 1 }));
                continue;
            }
            _ => open = None,
        }
        if introduces(text, blocks, index) {
            open = Some((block.item, 6));
        }
    }
    // Items in one speaker's own words.
    for (item_index, item) in minutes.items.iter().enumerate() {
        if !is_speakers_report(item.title.slice(text)) {
            continue;
        }
        let in_item = |index: usize| blocks.get(index).is_some_and(|b| b.item == Some(item_index));
        let own_words = found
            .iter()
            .any(|&(index, _, person)| person == Person::Singular && in_item(index));
        if own_words {
            for index in item.blocks.clone() {
                if let Some(v) = voiced.get_mut(index) {
                    *v = true;
                }
            }
        }
    }
    voiced
}

/// Whether block `index` introduces someone's own words below it: a paragraph ending in a colon
/// that names a speaker's act or a document ("Councillor Shaw reported:", "the letter read as
/// follows:", "an e-mail stating:"), or a short line naming a speaker ("Chief Executive") right
/// after a paragraph that mentions a statement, letter or speech.
fn introduces(text: &str, blocks: &[Block], index: usize) -> bool {
    static MENTION: OnceLock<Regex> = OnceLock::new();
    let Some(block) = blocks.get(index) else {
        return false;
    };
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::DecisionText) || block.heading.is_some() {
        return false;
    }
    let paragraph = block.content.slice(text).trim_end();
    let colon = speaker_act();
    if paragraph.ends_with(':') || paragraph.ends_with(":-") {
        // "It was agreed that:" introduces the decision, in the minutes' own voice.
        return colon.is_match(paragraph) && !decides(paragraph);
    }
    // A speaker's label: a few capitalised words with no closing punctuation.
    // Six words are enough to tell: a label has five at most.
    let words: Vec<&str> = paragraph.split_whitespace().take(6).collect();
    let label = (1..=5).contains(&words.len())
        && !paragraph.ends_with(['.', ',', ';', '?', '!'])
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || matches!(*w, "of" | "for" | "and" | "the"));
    if !label {
        return false;
    }
    let mention = MENTION.get_or_init(|| {
        Regex::new(r"(?i)\b(?:statements?|letters?|e-?mails?|speech|read(?:ing)?\ out|on\ behalf\ of)\b")
            .expect("valid")
    });
    index
        .checked_sub(1)
        .and_then(|i| blocks.get(i))
        .is_some_and(|before| before.item == block.item && mention.is_match(before.content.slice(text)))
}

/// Whether a line of the block before `at` introduces someone's own words and ends the line
/// with a colon ("Ms Hale reported:" with her report on the lines under it).
fn introduced_within(text: &str, content: Span, at: usize) -> bool {
    let Some(head) = text.get(content.start..at) else {
        return false;
    };
    // The last line break before `at` that follows a colon.
    let mut rest = head;
    while let Some(colon) = rest.rfind(':') {
        let after = &rest[colon + 1..];
        let line_ends = after
            .trim_start_matches([' ', '\t', '-', '\u{a0}'])
            .starts_with(['\n', '\r']);
        let line_start = rest[..colon].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        if line_ends {
            // What follows starts afresh (a capital, a quotation mark, a list marker), not the
            // rest of a sentence that wrapped after its colon.
            let next = head[colon + 1..]
                .trim_start_matches(|c: char| c.is_whitespace() || c == '>')
                .chars()
                .next();
            let fresh = next.is_some_and(|c| !c.is_lowercase());
            let line = &rest[line_start..=colon];
            return fresh && speaker_act().is_match(line) && !decides(line);
        }
        rest = &rest[..line_start.min(colon)];
        if line_start == 0 {
            break;
        }
    }
    false
}

/// Words that name a speaker's act or a document of their own, in a line leading into it.
fn speaker_act() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:stat(?:ed|ing|es|ement)|report(?:ed|s|ing)?|sa(?:id|ys)|wr(?:ote|ites|itten)|read(?:s|ing)?|as\ follows|letter|e-?mail|message|speech|address(?:ed)?)\b")
            .expect("valid")
    })
}

/// A paragraph leading into a decision: "It was agreed that:", "RESOLVED:".
fn decides(paragraph: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)\b(?:agreed|resolved|decided|recommended|approved)\b").expect("valid"))
        .is_match(paragraph)
}

/// An item title naming one person's report, update or address: "Chair's Report", "Mayor's
/// Announcements", "Report of the Clerk", "Address by the Leader".
fn is_speakers_report(title: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?ix)
              \w(?:'s|’s|s'|s’)\ +(?:\w+\ +)?(?:report|update|address|statement|announcements?|remarks|welcome|introduction|review)\b
            | \b(?:report|update|address|statement|announcements?|remarks)\ +(?:of|from|by)\ +(?:the\ )?(?:chair|chairman|chairwoman|chairperson|mayor|clerk|leader|president|convener|convenor|head|director|chief|councillor|cllr|treasurer|secretary|ward)",
        )
        .expect("valid")
    })
    .is_match(title)
}

/// Which quotations are open at a point in a paragraph.
#[derive(Default)]
struct Quotes {
    curly_double: u32,
    straight_double: bool,
    curly_single: bool,
    straight_single: bool,
    code: bool,
}

impl Quotes {
    fn open(&self) -> bool {
        self.curly_double > 0 || self.straight_double || self.curly_single || self.straight_single || self.code
    }

    /// Updates the state for a quotation mark between `before` and `after`.
    fn update(&mut self, c: char, before: Option<char>, after: Option<char>, markdown: bool) {
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        match c {
            '\u{201c}' | '\u{201e}' => self.curly_double += 1,
            '\u{201d}' => self.curly_double = self.curly_double.saturating_sub(1),
            '"' => self.straight_double = !self.straight_double,
            // ‘ opens unless it stands for missing digits ("‘90s").
            '\u{2018}' if !after.is_some_and(|c| c.is_ascii_digit()) => self.curly_single = true,
            // ’ between letters is an apostrophe ("Member’s"); otherwise it closes.
            '\u{2019}' if self.curly_single && !word(after) => self.curly_single = false,
            '\'' if !self.straight_single && !word(before) && word(after) => self.straight_single = true,
            '\'' if self.straight_single && !word(after) => self.straight_single = false,
            '`' if markdown => self.code = !self.code,
            _ => {}
        }
    }
}

/// A word: a run of letters and digits, with any combining marks.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

fn scan(text: &str, minutes: &Minutes, content: Span, opaque: &mut Opaque, found: &mut impl FnMut(Span, Person)) {
    let slice = content.slice(text);
    if slice.is_empty() || !may_hold_pronoun(slice) {
        return;
    }
    let markdown = minutes.format == Format::Markdown;
    let mut quotes = Quotes::default();
    // A paragraph that closes a quotation it never opened continues one from the paragraph
    // before: it is quoted from its start.
    // (Single-character searches: they are fast, where a set of characters is decoded one by one.)
    if let Some(close) = slice.find('\u{201d}') {
        let head = &slice[..close];
        if !head.contains('\u{201c}') && !head.contains('\u{201e}') {
            quotes.curly_double = 1;
        }
    }
    let mut previous_word: &str = "";
    let mut before: Option<char> = None;
    let bytes = slice.as_bytes();
    let mut i = 0;
    // Byte by byte with an ASCII fast path; characters are decoded only outside ASCII.
    while i < bytes.len() {
        let b = bytes[i];
        let c = if b.is_ascii() {
            b as char
        } else {
            slice[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER)
        };
        if c == '<' && markdown && slice[i..].starts_with("<!--") {
            // A comment inside the paragraph is not published: skip to its end.
            i = slice[i + 4..].find("-->").map_or(slice.len(), |at| i + 4 + at + 3);
            before = Some('>');
            continue;
        }
        if !is_word_char(c) {
            if matches!(
                c,
                '"' | '\'' | '`' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2018}' | '\u{2019}'
            ) {
                let after = slice[i + c.len_utf8()..].chars().next();
                quotes.update(c, before, after, markdown);
            }
            before = Some(c);
            i += c.len_utf8();
            continue;
        }
        // A word starts here; find its end.
        let start = i;
        i += c.len_utf8();
        while i < bytes.len() {
            if bytes[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            if bytes[i].is_ascii() {
                break;
            }
            match slice[i..].chars().next() {
                Some(d) if is_word_char(d) => i += d.len_utf8(),
                _ => break,
            }
        }
        let end = i;
        let word = &slice[start..end];
        // Every pronoun looked for starts with w, o, u, m or i, in either case.
        let may_be_pronoun = word.len() <= 9 && matches!(bytes[start] | 0x20, b'w' | b'o' | b'u' | b'm' | b'i');
        if may_be_pronoun && !quotes.open() {
            if let Some(kind) = pronoun(slice, start, end, previous_word) {
                let mut span = content.sub(start..end);
                if word == "I" {
                    span = with_contraction(text, span);
                }
                if !opaque.overlaps(span) {
                    found(span, kind);
                }
            }
        }
        previous_word = word;
        before = word.chars().next_back();
    }
}

/// Whether `slice` has a pronoun as a whole word: a quick pass that lets most paragraphs skip
/// the character-by-character reading with its quotation state. Every word the reading flags is
/// all ASCII letters with no letter, digit or mark on either side, so it is a run of ASCII
/// letters and digits here too; where this is looser ("_we", "éwe") the reading decides.
fn may_hold_pronoun(slice: &str) -> bool {
    let bytes = slice.as_bytes();
    any_word_start(bytes, |at| {
        // Most words do not even start like a pronoun: a quick test before the full one.
        let first = bytes.get(at).map_or(0, |b| b | 0x20);
        matches!(first, b'w' | b'o' | b'u' | b'm' | b'i') && bytes.get(at..).is_some_and(starts_with_pronoun)
    })
}

/// Whether the ASCII word at the start of `rest` is a pronoun: "I", or one of the others in any
/// case, with no letter or digit after it. (Kept out of line: the quick test before it is what
/// runs for every word.)
#[inline(never)]
fn starts_with_pronoun(rest: &[u8]) -> bool {
    let ends_at = |len: usize| rest.get(len).map_or(rest.len() == len, |b| !b.is_ascii_alphanumeric());
    let is = |word: &[u8]| {
        rest.get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
            && ends_at(word.len())
    };
    match rest.first().map(|b| b | 0x20) {
        Some(b'w') => is(b"we"),
        Some(b'o') => is(b"our") || is(b"ours") || is(b"ourselves"),
        Some(b'u') => is(b"us"),
        Some(b'm') => is(b"my") || is(b"me") || is(b"myself"),
        Some(b'i') => rest.first() == Some(&b'I') && ends_at(1),
        _ => false,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Person {
    Singular,
    Plural,
}

/// Whether the word at `start..end` of `slice` is a first-person pronoun in the minutes' voice.
fn pronoun(slice: &str, start: usize, end: usize, previous_word: &str) -> Option<Person> {
    let word = &slice[start..end];
    let person = if word == "I" {
        Person::Singular
    } else if ["we", "our", "ours", "us", "ourselves"]
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p))
    {
        Person::Plural
    } else if ["my", "me", "myself"].iter().any(|p| word.eq_ignore_ascii_case(p)) {
        Person::Singular
    } else {
        return None;
    };
    let char_before = slice[..start].chars().next_back();
    let char_after = slice[end..].chars().next();
    // Part of a compound, a handle or a path: "me-too", "@us", "us/them".
    let joined = |c: Option<char>| c.is_some_and(|c| matches!(c, '-' | '/' | '@' | '#' | '_' | '&' | '.' | '\\'));
    if joined(char_before) || (joined(char_after) && char_after != Some('.')) {
        return None;
    }
    let next_word = next_word(slice, end);
    // "this my not be needed": a slip for "may", not a possessive.
    if word.eq_ignore_ascii_case("my") && ["not", "be", "been", "have", "also", "well"].contains(&next_word) {
        return None;
    }
    if word == "I" {
        return singular_i(slice, end, previous_word, next_word, char_before, char_after).then_some(Person::Singular);
    }
    let mut letters = word.chars();
    let first_upper = letters.next().is_some_and(char::is_uppercase);
    if first_upper && letters.clone().any(char::is_uppercase) {
        // "US", "ME", "WE": an acronym or a heading in capitals.
        return None;
    }
    if first_upper {
        // A capital inside a sentence, or one followed by another capitalised word, is a name:
        // "the Our Manchester Strategy", "We Love Manchester".
        let sentence_start = slice[..start].trim_end().chars().next_back().map_or(true, |c| {
            matches!(
                c,
                '.' | '!'
                    | '?'
                    | ':'
                    | ';'
                    | '('
                    | '['
                    | '\u{2013}'
                    | '\u{2014}'
                    | '-'
                    | '\u{201c}'
                    | '"'
                    | '\u{2018}'
                    | '\''
            )
        });
        // But "Our Chair", "Our Secretary", "Our MP" are the body's office-holders, not a name.
        let office = OFFICES.iter().any(|o| next_word.eq_ignore_ascii_case(o));
        if !office && (!sentence_start || next_word.chars().next().is_some_and(char::is_uppercase)) {
            return None;
        }
    }
    Some(person)
}

/// Offices a body speaks of as its own ("our Chair", "our MP"): after a capitalised "Our" they
/// make it the pronoun, where another capitalised word would make it part of a name ("Our Place").
const OFFICES: &[&str] = &[
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "vice",
    "secretary",
    "treasurer",
    "clerk",
    "mayor",
    "president",
    "convener",
    "convenor",
    "councillor",
    "councillors",
    "mp",
    "msp",
    "mep",
    "mps",
    "msps",
];

/// "I" as the pronoun, not a roman numeral or an initial.
fn singular_i(
    slice: &str,
    end: usize,
    previous_word: &str,
    next_word: &str,
    char_before: Option<char>,
    char_after: Option<char>,
) -> bool {
    // "(I)", "I)", "I." as a label, "I:" as a heading.
    if char_before == Some('(') || matches!(char_after, Some(')' | ']' | ':')) {
        return false;
    }
    if char_after == Some('.') && slice[end + 1..].chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let previous = previous_word.to_ascii_lowercase();
    // "Part I", "Schedule I", "Grade I listed": nouns that take a roman numeral in any case.
    const NUMBERED: &[&str] = &[
        "part",
        "parts",
        "schedule",
        "schedules",
        "appendix",
        "appendices",
        "annex",
        "annexe",
        "phase",
        "phases",
        "stage",
        "stages",
        "chapter",
        "article",
        "volume",
        "tier",
        "type",
        "class",
        "grade",
        "category",
        "war",
    ];
    // "Section I", "Option I", "Elizabeth I", but "the area I represent", "the option I
    // prefer": these take a numeral only when capitalised.
    const NUMBERED_CAPITALISED: &[&str] = &[
        "section",
        "level",
        "table",
        "figure",
        "book",
        "item",
        "items",
        "option",
        "options",
        "round",
        "step",
        "unit",
        "block",
        "model",
        "mark",
        "page",
        "paragraph",
        "para",
        "act",
        "title",
        "division",
        "zone",
        "band",
        "area",
        "site",
        "lot",
        "plan",
        "programme",
        "wave",
        "year",
        "elizabeth",
        "james",
        "charles",
        "george",
        "henry",
        "edward",
        "william",
        "mary",
        "victoria",
        "john",
        "richard",
    ];
    let capitalised = previous_word.chars().next().is_some_and(char::is_uppercase);
    if NUMBERED.contains(&previous.as_str()) || (capitalised && NUMBERED_CAPITALISED.contains(&previous.as_str())) {
        return false;
    }
    // "Councillor I Ali", "Mrs I. Jones".
    const TITLES: &[&str] = &[
        "councillor",
        "councillors",
        "cllr",
        "cllrs",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "revd",
        "reverend",
        "canon",
        "father",
    ];
    if TITLES.contains(&previous.as_str()) {
        return false;
    }
    // "Parts I and II", "I–III", "II and I".
    let roman = |w: &str| w.len() >= 2 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    if roman(previous_word) || roman(next_word) {
        return false;
    }
    // An initial before a surname, or a capitalised heading: "I Ali", "PART I".
    if next_word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let shouting = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
    !(shouting(previous_word) || shouting(next_word))
}

/// The word after `at`, skipping white space and a few joining marks ("I and II", "I–III").
fn next_word(slice: &str, at: usize) -> &str {
    let rest = &slice[at..];
    let rest =
        rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | '-' | '\u{2013}' | '/' | '&'));
    let rest = rest
        .strip_prefix("and ")
        .or_else(|| rest.strip_prefix("or "))
        .unwrap_or(rest);
    let end = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    &rest[..end]
}

/// "I" with a following "’m", "'ve", "’d", "'ll".
fn with_contraction(text: &str, span: Span) -> Span {
    let rest = text.get(span.end..).unwrap_or("");
    for apostrophe in ['\u{2019}', '\''] {
        if let Some(after) = rest.strip_prefix(apostrophe) {
            let letters = after.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(after.len());
            if (1..=2).contains(&letters) {
                return Span::new(span.start, span.end + apostrophe.len_utf8() + letters);
            }
        }
    }
    span
}

fn message(word: &str, person: Person) -> String {
    match person {
        Person::Plural => format!(
            "\u{201c}{word}\u{201d} is first person: minutes are reported speech, so say who is meant (\u{201c}the Committee\u{201d}, \u{201c}the Council\u{201d}, \u{201c}Members\u{201d})"
        ),
        Person::Singular => format!(
            "\u{201c}{word}\u{201d} is first person: minutes are reported speech, so name the speaker (\u{201c}the Chair\u{201d}, \u{201c}the Director\u{201d}) and use the third person"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Config;


    #[test]
    fn the_quick_pass_finds_every_pronoun_word() {
        let pronoun = |w: &str| {
            w == "I"
                || ["we", "our", "ours", "us", "ourselves", "my", "me", "myself"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
        };
        let naive = |s: &str| s.split(|c: char| !c.is_ascii_alphanumeric()).any(pronoun);
        let parts = [
            "we",
            "We",
            "I",
            "i",
            "our",
            "Ourselves",
            "mE",
            "us",
            "usual",
            "x",
            " ",
            "é",
            "_",
            "(",
            "–",
            "9",
            "myselfish",
        ];
        for text in crate::core::testing::random_texts(&parts, 12, 0x9e37_79b9_7f4a_7c15, 20_000) {
            assert_eq!(may_hold_pronoun(&text), naive(&text), "{text:?}");
        }
    }

    /// The words found, in a draft at `path` (`.md` is Markdown).
    fn words_in(text: &str, path: Option<&str>) -> Vec<String> {
        RULE.findings_with(text, &Config::default(), path)
            .into_iter()
            .map(|d| d.span.slice(text).to_string())
            .collect()
    }

    /// The first-person words found in one paragraph of an item.
    fn words(paragraph: &str) -> Vec<String> {
        words_in(&format!("1. Budget\n\n{paragraph}\n"), None)
    }

    #[test]
    fn finds_each_pronoun() {
        assert_eq!(
            words("The Chair said that we would return to it at our next meeting and asked us to note it."),
            ["we", "our", "us"]
        );
        assert_eq!(
            words("We agreed. Our view was clear. It was ours, for ourselves."),
            ["We", "Our", "ours", "ourselves"]
        );
        assert_eq!(
            words("The Director said I would report and my team would brief me myself."),
            ["I", "my", "me", "myself"]
        );
        assert_eq!(
            words("The Chair added that I’m pleased and I'll write."),
            ["I’m", "I'll"]
        );
        assert_eq!(
            words("She spoke about the area I represent and the option I prefer."),
            ["I", "I"]
        );
    }

    #[test]
    fn quotations_pass() {
        for paragraph in [
            "The Chair said “we will return to this at our next meeting”.",
            "The Chair said \"we will return to this\" and left.",
            "The Chair said ‘we will return to this’ and the Member’s view was noted.",
            "The Chair said 'we will return to this' and left.",
            "The Chair’s words were: “I think my team and the Member’s team agree.”",
        ] {
            assert!(words(paragraph).is_empty(), "{paragraph}: {:?}", words(paragraph));
        }
        // An apostrophe does not close the quotation early, and text after the quotation counts.
        assert_eq!(words("She said ‘the Member’s view is ours’ and we agreed."), ["we"]);
        assert_eq!(words("The Member’s view was that we should wait."), ["we"]);
    }

    #[test]
    fn a_quotation_carried_over_from_the_paragraph_before() {
        let text = "1. Budget\n\nThe Chair said: “We will act.\n\nWe will also report back.” The Panel agreed that we would.\n";
        assert_eq!(words_in(text, None), ["we"]);
    }

    #[test]
    fn names_capitals_and_numerals_pass() {
        for paragraph in [
            "The Our Manchester Strategy was noted.",
            "Our Manchester Strategy was noted.",
            "The report on the We Love Manchester campaign was noted.",
            "The US and ME/CFS services were discussed.",
            "THE PANEL SAID WE WOULD ACT.",
            "The report was exempt under Part I of Schedule 12A.",
            "Appendix I and Schedule I were noted; Phase I was complete.",
            "The Grade I listed building was discussed.",
            "Parts I and II of the report were noted.",
            "The options were (I) to defer and (II) to refuse.",
            "Councillor I Ali and Mrs I. Jones attended.",
            "I. Ali attended.",
            "See www.our-town.gov.uk/we/us for details or e-mail us@example.gov.uk today.",
            "The me-too approach was rejected.",
            "The World War I memorial was discussed.",
            "Option I was preferred to Option II; Section I applied.",
        ] {
            assert!(words(paragraph).is_empty(), "{paragraph}: {:?}", words(paragraph));
        }
    }

    #[test]
    fn only_prose_is_read() {
        let text = "1. What We Heard\n\nThe report was noted.\n\n2. Our Plan\n\nRESOLVED – That we note the report.\n\nDecision\n\nWe agreed the plan.\n";
        assert_eq!(words_in(text, None), ["we", "We"]);
    }

    #[test]
    fn markdown_comments_and_suppressions() {
        let text = "# Panel\n\n## 1. Budget\n\n> we will listen to our residents\n\nThe Panel agreed <!-- we said so --> the plan.\n\n<!-- we keep our notes here -->\n\n<!-- minutes-lint: allow first-person -->\nThe Chair read out: we are proud of our staff.\n\nThe Panel said we would return.\n\nThe `we` keyword is code.\n";
        assert_eq!(words_in(text, Some("draft.minutes.md")), ["we"]);
    }

    #[test]
    fn offices_after_a_capital_our_are_the_pronoun() {
        assert_eq!(
            words("Our Treasurer reported a balance. The letter went to Our MP and the Vice Chair."),
            ["Our", "Our"]
        );
        // A name stays a name.
        assert!(words("The Our Place project and the Love Our Park scheme were noted.").is_empty());
        assert_eq!(
            words("It was thought this my not be needed, though my view differed."),
            ["my"]
        );
    }

    #[test]
    fn emphasised_sub_headings_are_not_prose() {
        let text = "## 4. Business\n\nc) **Dates for our summer meetings**\n\n**Our plans for the year**\n\n**We agreed the plan.**\n";
        assert_eq!(words_in(text, None), ["We"]);
    }

    #[test]
    fn introduced_statements_and_reports_pass() {
        // A paragraph ending in a colon that names a speaker's act.
        let text = "1. Footpaths\n\nThe warden had sent an e-mail stating:\n\nWe have cleared the stiles and our volunteers will return in May.\n\n2. Finance\n\nIt was agreed that we would pay.\n";
        assert_eq!(words_in(text, None), ["we"]);
        // A speaker's role on a line of its own after a mention of a statement.
        let text = "1. Voting\n\nThe Mayor said the Town Clerk would read a statement.\n\nTown Clerk\n\nIt has come to my notice that I must correct the record.\n";
        assert!(words_in(text, None).is_empty());
        // Within one block: the line introducing the report, then the report.
        let text = "1. Woodland\n\nb) Woodland group\nMs Hale reported:\nIn March we planted forty trees.\n";
        assert!(words_in(text, None).is_empty());
        // A colon that only wraps a sentence does not introduce anything.
        let text = "1. Roads\n\nThe Trust had answered our letter sent in May:\nthe others had not. It was agreed that we chase them.\n";
        assert_eq!(words_in(text, None), ["our", "we"]);
        let text = "## 1. Roads\n\n> The Trust had answered our letter sent in May:\n> the others had not. It was AGREED that we chase them.\n";
        assert_eq!(words_in(text, Some("draft.minutes.md")), ["our", "we"]);
        // "It was agreed that:" introduces the decision, in the minutes' voice.
        let text = "1. Roads\n\nIt was agreed that:\n\nwe write to the County.\n";
        assert_eq!(words_in(text, None), ["we"]);
    }

    #[test]
    fn a_speakers_report_in_their_own_words_passes() {
        let text = "1. Chairman's Report\n\nFirst, I thank my colleagues. We have had a busy year and our grants grew.\n\n2. Treasurer's Report\n\nThe Treasurer reported that we had £400 in our account.\n";
        assert_eq!(words_in(text, None), ["we", "our"]);
        // A report summarised in the third person that slips into "we" is still found.
        let text = "1. Chairman's Report\n\nThe Chairman thanked members. We now have a handbook.\n";
        assert_eq!(words_in(text, None), ["We"]);
    }

    #[test]
    fn a_pasted_report_in_its_own_voice_is_found() {
        let text = "1. Highways update\n\nWe have completed the resurfacing of Mill Lane and our team will start on the bridge in June.\n";
        assert_eq!(words_in(text, None), ["We", "our"]);
    }

    #[test]
    fn inline_items_are_read_below_their_title_line() {
        let text = "Parish Council\n\n1. Matters arising\nThere was still no reply to our letter about the hall.\n\n2. Our Town in Bloom\nThe entry was agreed.\n\n8    Village plan: A steering group has met and we\n     are now registered with the scheme.\n\n9    Our plans: none\n";
        assert_eq!(words_in(text, None), ["our", "we"]);
    }

    #[test]
    fn an_inline_item_is_read_after_the_dash_or_colon_that_ends_its_title() {
        let text = "Parish Council\n\n14/03 Hedges – Cllr Moss said that we had written to the owner.\n\n14/04 Our Lady's Well – repairs\n\n14/05 Bins: The Clerk said we would order two more bins.\n";
        assert_eq!(words_in(text, None), ["we", "we"]);
    }

    #[test]
    fn block_quotations_of_the_minutes_own_narrative_are_read() {
        let text = "# Council\n\n## 1. Buses\n\n> A resident wrote: I rely on our last bus home.\n\n> It was AGREED that we write to the operator.\n";
        assert_eq!(words_in(text, Some("draft.minutes.md")), ["we"]);
    }

    #[test]
    fn never_panics() {
        let long = "we ".repeat(100_000);
        for paragraph in [
            "",
            "\u{201d}",
            "I",
            "I.",
            "I’",
            "'",
            "we\u{301} e\u{301}",
            "😀we😀 I😀",
            "\r\rI\r",
            long.as_str(),
        ] {
            let _ = words(paragraph);
        }
        assert_eq!(words(&long).len(), 100_000);
    }
}
