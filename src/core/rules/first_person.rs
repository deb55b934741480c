//! First-person words ("we", "our", "us", "I", "my", "me") in the minutes' own voice.
//!
//! Minutes are reported speech: they say what the meeting did and what each speaker said, in
//! the third person ("The Chair said that the Panel would…", "Members asked…"). A "we" or an
//! "I" left over from a speaker's notes or from dictation reads as the clerk speaking, and the
//! reader cannot tell who is meant.
//!
//! Words inside quotation marks are a speaker's own words and pass, whether quoted with “…”,
//! "…", ‘…’ or '…', or set out as a Markdown block quotation (`> …`); an apostrophe, as in
//! "Member’s", neither opens nor closes a quotation. So do names that merely contain the words ("Our Manchester Strategy", "We Love Manchester": a
//! capital that does not start a sentence, or a capitalised word after it), words in capitals
//! ("US", "ME"), the letter I as a roman numeral ("Part I", "Schedule I", "Grade I listed",
//! "(I)", "Parts I and II") or an initial ("Councillor I Ali"), and anything in a URL, an
//! e-mail address, residue or a Markdown comment. Only prose and decision text are read: item
//! titles, headings and attendance lists name things rather than speak.
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

use crate::core::ascii_words::any_word_start;
use crate::core::diagnostic::Diagnostic;
use crate::core::model::{Block, BlockKind, Format, Minutes, Residue};
use crate::core::rules::Context;
use crate::core::text::Span;

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let minutes = ctx.minutes;
    let mut opaque = Opaque::new(minutes);
    for block in &minutes.blocks {
        // A Markdown block quotation ("> …") is someone's own words.
        let quoted = minutes.format == Format::Markdown && block.span.slice(ctx.text).starts_with('>');
        if is_prose(block) && !quoted {
            scan(ctx.text, minutes, block.content, &mut opaque, out);
        }
    }
}

/// Spans that are not prose (URLs, comments, residue), asked about in increasing order of
/// position so that a long text with many of them stays linear.
pub(super) struct Opaque<'m> {
    opaque: &'m [Span],
    next_opaque: usize,
    residue: &'m [Residue],
    next_residue: usize,
}

impl<'m> Opaque<'m> {
    pub(super) fn new(minutes: &'m Minutes) -> Self {
        Opaque {
            opaque: &minutes.opaque,
            next_opaque: 0,
            residue: &minutes.residue,
            next_residue: 0,
        }
    }

    /// Whether `span` overlaps an opaque span; `span.start` must not go back between calls.
    pub(super) fn overlaps(&mut self, span: Span) -> bool {
        hit(self.opaque, |s| *s, &mut self.next_opaque, span)
            || hit(self.residue, |r| r.span, &mut self.next_residue, span)
    }
}

/// Whether `span` overlaps one of `items` (sorted by start), from `*next` on; spans ending
/// before `span` starts are skipped for good, since later questions start no earlier.
fn hit<T>(items: &[T], key: impl Fn(&T) -> Span, next: &mut usize, span: Span) -> bool {
    while items.get(*next).is_some_and(|item| key(item).end <= span.start) {
        *next += 1;
    }
    items
        .get(*next..)
        .unwrap_or(&[])
        .iter()
        .map(key)
        .take_while(|s| s.start < span.end)
        .any(|s| s.overlaps(span))
}

fn is_prose(block: &Block) -> bool {
    block.heading.is_none()
        && matches!(
            block.kind,
            BlockKind::Paragraph | BlockKind::DecisionText | BlockKind::DecisionMarker
        )
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

fn scan(text: &str, minutes: &Minutes, content: Span, opaque: &mut Opaque, out: &mut Vec<Diagnostic>) {
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
                    out.push(Diagnostic::new("first-person", span, message(span.slice(text), kind)));
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
        if !sentence_start || next_word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
    }
    Some(person)
}

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
    use crate::core::lint::lint;

    use crate::core::testing::corpus;

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

    /// This rule's findings alone (the linter's other rules are not run).
    fn run_rule(text: &str) -> Vec<Diagnostic> {
        crate::core::testing::run_rule(check, text)
    }

    /// With a path, through the linter (which applies suppressions); without, this rule alone.
    fn words_in(text: &str, path: Option<&str>) -> Vec<String> {
        let found = match path {
            Some(_) => lint(text, &Config::default(), path).diagnostics,
            None => run_rule(text),
        };
        found
            .into_iter()
            .filter(|d| d.rule == "first-person")
            .map(|d| d.span.slice(text).to_string())
            .collect()
    }

    /// The first-person words found in one paragraph of an item.
    fn words(paragraph: &str) -> Vec<String> {
        words_in(&format!("1. Budget\n\n{paragraph}\n"), None)
    }

    #[test]
    fn corpus_has_none() {
        for name in [
            "middlesbrough-cyp-panel-2022-03-21.txt",
            "manchester-cyp-2021-item.txt",
            "manchester-ofsted-subgroup-2017-09-12.txt",
        ] {
            assert!(words_in(&corpus(name), None).is_empty(), "{name}");
        }
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
