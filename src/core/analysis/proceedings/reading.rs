//! Reading the blocks of a draft for the proceedings: one pass over the blocks, a cheap search
//! for the words proceedings are written with, and a close reading of the sentences that hold
//! them.

use super::parties::{read_after, read_before, Party, PartyKind};
use super::times::{closing_in, opening_in, times_in, Opening};
use super::{
    Count, Declaration, Exclusion, InterestKind, Motion, Movement, MovementKind, Outcome, Proceedings, RecordedList,
    Scope, Side, Speech, Vote,
};
use crate::core::analysis::people::PeopleAnalysis;
use crate::core::model::{BlockKind, Minutes, Person};
use crate::core::text::Span;
use aho_corasick::{AhoCorasick, Input, MatchKind};
use regex::Regex;
use std::sync::OnceLock;

macro_rules! pattern {
    ($name:ident, $re:expr) => {
        fn $name() -> &'static Regex {
            static PATTERN: OnceLock<Regex> = OnceLock::new();
            // ASCII word boundaries: the same on these words, and they let the fast engines run.
            PATTERN.get_or_init(|| Regex::new(&$re.replace(r"\b", r"(?-u:\b)")).unwrap())
        }
    };
}

pattern!(
    role_word,
    r"(?i)\b(proposed|moved|proposer|proposal of|motion of|nominated|approved|seconded|seconder|2nd|motion|prop)\b"
);
pattern!(
    number_word,
    r"(?i)^(?:[0-9]{1,3}|none|no|nil|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)$"
);
pattern!(
    count_before_side,
    r"(?i)\b([0-9]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|no|none)\s+(?:votes?\s+|members?\s+|councillors?\s+)?(?:were\s+|voted\s+|voting\s+)?(in\s+favou?r|for|against|abstentions?|abstained|abstaining|abstain)\b"
);
pattern!(
    side_before_count,
    r"(?i)\b(in\s+favou?r|for|against|abstentions?|abstained|abstain)\s*(?:[:=–-]\s*|\s)([0-9]{1,3})\b"
);
pattern!(
    by_votes,
    r"(?i)\b(?:by\s+)?([0-9]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+votes?,?\s+to\s+([0-9]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|nil|none)\b"
);
pattern!(
    unanimous,
    r"(?i)\bunanimous(?:ly)?\b|\ball\s+in\s+favou?r\b|\bnem\.?\s*con\.?\b|\bwithout\s+dissent\b"
);
pattern!(carried_word, r"(?i)\b(carried|passed|agreed|approved|adopted)\b");
pattern!(
    lost_word,
    r"(?i)\b(lost|fell|defeated|rejected|not\s+carried|not\s+agreed|not\s+approved)\b"
);
pattern!(
    movement_word,
    r"(?i)\b(?:(left|leave|leaves|withdrew|departed)|(arrived|arrives|joined)|(returned|rejoined|re-joined|re-entered|came\s+back))\b"
);
pattern!(
    speech_word,
    r"\b(said|asked|stated|queried|questioned|commented|spoke|replied)\b"
);
pattern!(declared_word, r"(?i)\b(declared|declares|registered|disclosed)\b");
pattern!(
    item_ref,
    r"(?i)\b(?:agenda\s+)?(?:items?|minutes?)\s+(?:no\.?\s*|number\s+)?([A-Z]{0,4}[0-9./]*[0-9][a-z]?)\b"
);
pattern!(
    exclusion_word,
    r"(?i)\b(?:press|public)\s+(?:and\s+(?:the\s+)?(?:press|public)\s+)?(?:be|were|are|was|being|is)\s+(?:now\s+)?excluded\b|\bexclu(?:de|ded|ding|sion\s+of)\s+(?:the\s+)?(?:members\s+of\s+(?:the\s+)?)?(?:press|public)\b|\b(?:closed|private)\s+session\b|\bin\s+camera\b"
);
pattern!(
    paragraph_ref,
    r"(?i)\bparagraphs?\s+([0-9]{1,2}(?:\s*(?:,|and|&|or|-|–)\s*[0-9]{1,2})*)"
);
pattern!(
    private_title,
    r"(?i)\b(?:exempt|confidential|part\s+(?:ii|2|b)\b|closed\s+session|in\s+private|private\s+session|in\s+camera)"
);

pattern!(
    another_day,
    r"(?i)\b(?:resumed|reconvened|adjourned)\b[^.\n]{0,60}?\b(?:on|until|till|to)\s+(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
);

/// What a trigger word may start: bits of [`MOTION`], [`VOTE`] and the rest.
const MOTION: u8 = 1;
const VOTE: u8 = 2;
const MOVEMENT: u8 = 4;
const DECLARATION: u8 = 8;
const EXCLUSION: u8 = 16;
const SPEECH: u8 = 32;
const TIME: u8 = 64;

/// The words that make a sentence worth reading closely, by how they start (ASCII letters
/// compared in lower case), with what they may start.
const TRIGGERS: &[(&str, u8)] = &[
    ("second", MOTION),
    ("2nd", MOTION),
    ("prop", MOTION),
    ("moved", MOTION),
    ("motion", MOTION),
    ("nominat", MOTION),
    ("vote", VOTE),
    ("voting", VOTE),
    ("favour", VOTE),
    ("favor", VOTE),
    ("against", VOTE),
    ("abst", VOTE),
    ("unanim", VOTE),
    ("nem", VOTE),
    ("carried", VOTE),
    ("arriv", MOVEMENT),
    ("joined", MOVEMENT),
    ("left", MOVEMENT),
    ("leave", MOVEMENT),
    ("withdr", MOVEMENT),
    ("depart", MOVEMENT),
    ("return", MOVEMENT | EXCLUSION),
    ("rejoin", MOVEMENT | EXCLUSION),
    ("re-join", MOVEMENT | EXCLUSION),
    ("re-enter", MOVEMENT | EXCLUSION),
    ("came", MOVEMENT),
    ("declar", DECLARATION),
    ("regist", DECLARATION),
    ("disclos", DECLARATION),
    ("exclu", EXCLUSION),
    ("admit", EXCLUSION),
    ("readmit", EXCLUSION),
    ("re-admit", EXCLUSION),
    ("private", EXCLUSION),
    ("camera", EXCLUSION),
    ("clos", TIME | EXCLUSION),
    ("ended", TIME),
    ("conclu", TIME),
    ("finish", TIME),
    ("termin", TIME),
    ("commenc", TIME),
    ("resum", TIME),
    ("reconven", TIME),
    ("adjourn", TIME),
    ("opened", TIME),
    ("started", TIME),
    ("began", TIME),
    ("said", SPEECH),
    ("asked", SPEECH),
    ("stated", SPEECH),
    ("queried", SPEECH),
    ("questioned", SPEECH),
    ("commented", SPEECH),
    ("spoke", SPEECH),
    ("replied", SPEECH),
];

/// All the triggers in one automaton, compared in ASCII lower case; where several start at the
/// same place, the first listed wins ("came" before "camera"), as the list's order says.
fn trigger_finder() -> &'static AhoCorasick {
    static FINDER: OnceLock<AhoCorasick> = OnceLock::new();
    FINDER.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(TRIGGERS.iter().map(|(word, _)| word))
            .expect("the trigger words build an automaton")
    })
}

/// The trigger words in `span` that start a word (an ASCII letter or digit after anything
/// else): their offsets and what each may start. The search resumes one byte after each match,
/// so that a match inside a word ("unsaid") or across a hyphen ("re-joined") hides no word start
/// after it.
fn triggers_in(text: &str, span: Span) -> Vec<(usize, u8)> {
    let bytes = span.slice(text).as_bytes();
    let finder = trigger_finder();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = finder.find(Input::new(bytes).range(from..)) {
        let i = found.start();
        from = i + 1;
        if i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        let kinds = confirm(bytes, i, TRIGGERS[found.pattern().as_usize()].1);
        if kinds != 0 {
            out.push((span.start + i, kinds));
        }
    }
    out
}

/// Keeps of a trigger's kinds those its whole word and its neighbourhood bear out, so that
/// "property", "spoke against the plan" or "the closing date" cost nothing more.
fn confirm(bytes: &[u8], i: usize, kinds: u8) -> u8 {
    let mut end = i;
    while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'-') {
        end += 1;
    }
    // The word in lower case, on the stack: this runs for every trigger-like word.
    let mut buffer = [0u8; 16];
    let length = (end - i).min(16);
    for (slot, byte) in buffer.iter_mut().zip(&bytes[i..i + length]) {
        *slot = byte.to_ascii_lowercase();
    }
    let word = std::str::from_utf8(&buffer[..length])
        .unwrap_or("")
        .trim_end_matches('-');
    let mut keep = 0;
    let near = |before: usize, after: usize| {
        let lo = i.saturating_sub(before);
        let hi = (end + after).min(bytes.len());
        &bytes[lo..hi]
    };
    let digit_near = |before: usize, after: usize| near(before, after).iter().any(u8::is_ascii_digit);
    if kinds & MOTION != 0
        && matches!(
            word,
            "seconded"
                | "seconder"
                | "2nd"
                | "prop"
                | "proposed"
                | "proposer"
                | "proposal"
                | "moved"
                | "motion"
                | "nominated"
        )
    {
        keep |= MOTION;
    }
    if kinds & VOTE != 0 {
        // "For (3): …", "| Against | … |", "There voted for:": the side of a recorded vote.
        let next = bytes[end..].iter().find(|b| **b != b' ').copied();
        let line_start = bytes[..i]
            .iter()
            .rev()
            .find(|b| **b != b' ' && **b != b'\t')
            .map_or(true, |b| matches!(b, b'\n' | b'|'));
        let heading = line_start && matches!(next, Some(b':' | b'(' | b'|' | b'-') | None) || next == Some(0xE2);
        let all_in = i >= 7 && bytes[i - 7..i].eq_ignore_ascii_case(b"all in ");
        let strong = word.starts_with("unanim") || word == "nem" || heading || all_in || word == "voted";
        let counted = digit_near(40, 40) || {
            let window = near(24, 24);
            NUMBER_WORDS
                .iter()
                .any(|n| window.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n.as_bytes())))
        };
        if strong || counted {
            keep |= VOTE;
        }
    }
    if kinds & MOVEMENT != 0
        && matches!(
            word,
            "left"
                | "leave"
                | "leaves"
                | "withdrew"
                | "departed"
                | "arrived"
                | "arrives"
                | "joined"
                | "returned"
                | "rejoined"
                | "re-joined"
                | "re-entered"
                | "came"
        )
    {
        keep |= MOVEMENT;
    }
    if kinds & DECLARATION != 0 && matches!(word, "declared" | "declares" | "registered" | "disclosed") {
        keep |= DECLARATION;
    }
    if kinds & EXCLUSION != 0
        && (word.starts_with("exclu")
            || word.contains("admit")
            || matches!(
                word,
                "returned" | "rejoined" | "re-joined" | "re-entered" | "private" | "camera" | "closed"
            ))
    {
        keep |= EXCLUSION;
    }
    if kinds & TIME != 0
        && matches!(
            word,
            "closed"
                | "close"
                | "closes"
                | "ended"
                | "concluded"
                | "finished"
                | "terminated"
                | "commenced"
                | "commencing"
                | "opened"
                | "started"
                | "starting"
                | "began"
                | "resumed"
                | "reconvened"
                | "adjourned"
        )
        && digit_near(0, 60)
    {
        keep |= TIME;
    }
    if kinds & SPEECH != 0 && i >= 3 && bytes[i - 1] == b' ' {
        // Straight after a name: "Councillor Lowe asked".
        let mut w = i - 1;
        while w > 0 && (bytes[w - 1].is_ascii_alphabetic() || bytes[w - 1] >= 0x80 || bytes[w - 1] == b'\'') {
            w -= 1;
        }
        if w < i - 1 && (bytes[w].is_ascii_uppercase() || bytes[w] >= 0x80) {
            keep |= SPEECH;
        }
    }
    keep
}

/// Numbers written in words, as votes are counted ("by seven votes to two", "none against").
const NUMBER_WORDS: &[&str] = &[
    "one ", "two ", "three ", "four ", "five ", "six ", "seven ", "eight ", "nine ", "ten ", "eleven ", "twelve ",
    "none ", "no ", "nil",
];

/// Abbreviations after which a full stop ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "Cllr", "Cllrs", "Mr", "Mrs", "Ms", "Dr", "No", "St", "Rev", "Revd", "Prof", "approx", "Co", "Nos", "para", "cf",
    "eg", "ie", "vs", "etc", "Sec", "Para", "Ref",
];

/// The sentences of `span`: ends at ".", "!" or "?" followed by white space, except after an
/// abbreviation or an initial.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let slice = span.slice(text);
    let bytes = slice.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr3_iter(b'.', b'!', b'?', bytes) {
        if i < start {
            continue;
        }
        let b = bytes[i];
        if i + 1 == bytes.len() || bytes[i + 1].is_ascii_whitespace() {
            let mut w = i;
            while w > 0 && bytes[w - 1].is_ascii_alphabetic() {
                w -= 1;
            }
            let word = &slice[w..i];
            let initial = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
            if b != b'.' || !(initial || ABBREVIATIONS.contains(&word)) {
                out.push(span.sub(start..i + 1));
                start = i + 1;
                while start < bytes.len() && bytes[start].is_ascii_whitespace() {
                    start += 1;
                }
            }
        }
    }
    if start < bytes.len() {
        out.push(span.sub(start..bytes.len()));
    }
    out
}

/// The last (or first) `len` bytes or so of `s`, in lower case.
fn lower_window(s: &str, len: usize, tail: bool) -> String {
    let mut cut = if tail {
        s.len().saturating_sub(len)
    } else {
        s.len().min(len)
    };
    while !s.is_char_boundary(cut) {
        if tail {
            cut += 1;
        } else {
            cut -= 1;
        }
    }
    if tail { &s[cut..] } else { &s[..cut] }.to_ascii_lowercase()
}

/// A number written in figures or words.
fn number_value(word: &str) -> Option<u32> {
    if !number_word().is_match(word) {
        return None;
    }
    if let Ok(n) = word.parse() {
        return Some(n);
    }
    let words = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let lower = word.to_ascii_lowercase();
    if matches!(lower.as_str(), "none" | "no" | "nil") {
        return Some(0);
    }
    words.iter().position(|w| *w == lower).map(|n| n as u32)
}

fn side_of(word: &str) -> Option<Side> {
    let lower = word.to_ascii_lowercase();
    if lower == "for" || lower.starts_with("in") {
        Some(Side::For)
    } else if lower == "against" {
        Some(Side::Against)
    } else if lower.starts_with("abst") {
        Some(Side::Abstain)
    } else {
        None
    }
}

/// The titled names in a sentence, with the person each names (when only one), taken from the
/// people analysis (which has read every titled name once) rather than read again.
fn titled_in(text: &str, span: Span, people: &PeopleAnalysis) -> Vec<(Person, Option<usize>)> {
    let from = people.mentions.partition_point(|m| m.span.start < span.start);
    let mut out = Vec::new();
    for m in people.mentions[from..].iter().take_while(|m| m.span.start < span.end) {
        if m.surname.end > span.end || m.title.is_none() {
            continue;
        }
        let list = m
            .title
            .is_some_and(|t| matches!(t.slice(text).trim_end_matches('.'), "Councillors" | "Cllrs"));
        let group = if list { m.title.unwrap_or(m.span) } else { m.span };
        let person = Person {
            span: m.span,
            title: m.title,
            given: m.given,
            surname: m.surname,
            role: None,
            chair: m.chair,
            vice_chair: m.vice_chair,
            group,
        };
        let index = Some(m.person).filter(|&i| people.people.get(i).is_some_and(|e| !e.ambiguous));
        out.push((person, index));
    }
    out
}

/// The item whose number (or agenda number) is written `number`, when exactly one is.
pub(super) fn resolve_item(text: &str, minutes: &Minutes, number: &str) -> Option<usize> {
    let want = number.trim_end_matches(['.', ')']);
    let mut found = None;
    for (i, item) in minutes.items.iter().enumerate() {
        let own = item
            .number
            .as_ref()
            .map(|n| {
                n.as_str(text)
                    .trim_end_matches(['.', ')'])
                    .trim_start_matches(['(', '#'])
            })
            .unwrap_or("");
        let agenda = item.agenda_ref.map(|r| r.slice(text)).unwrap_or("");
        let agenda_number = agenda
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '.' && c != '/')
            .find(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            .map(|w| w.trim_end_matches('.'));
        if own.eq_ignore_ascii_case(want) || agenda_number == Some(want) {
            if found.is_some() {
                return None;
            }
            found = Some(i);
        }
    }
    found
}

pub(super) fn read(text: &str, minutes: &Minutes, people: &PeopleAnalysis, out: &mut Proceedings) {
    if let Some(line) = minutes.header.meeting_line {
        out.opened = opening_in(text, line, Opening::MeetingLine);
    }
    let first_item = minutes.items.first().map_or(usize::MAX, |i| i.span.start);
    let mut pending: Option<(usize, usize)> = None; // (motion index, block index) awaiting a seconder
    let mut readmitted_after: Option<usize> = None;
    let mut private_from: Option<usize> = None;
    for (b, block) in minutes.blocks.iter().enumerate() {
        if matches!(block.kind, BlockKind::Comment | BlockKind::Residue) {
            continue;
        }
        let content = block.content;
        // The meeting line says when the meeting was held: its first time is the opening.
        if block.content.start < first_item && b < 12 && out.opened.is_none() && block.kind == BlockKind::MeetingLine {
            out.opened = opening_in(text, content, Opening::MeetingLine);
        }
        if block.kind == BlockKind::ItemHeading || block.kind == BlockKind::ItemTitle {
            if let Some(i) = block.item {
                let item = &minutes.items[i];
                if private_title().is_match(item.title.slice(text))
                    && !exclusion_word().is_match(item.title.slice(text))
                    && !out.private_items.iter().any(|p| p.0 == i)
                {
                    out.private_items.push((i, item.span.start));
                }
            }
        }
        let hits = triggers_in(text, content);
        if hits.is_empty() {
            continue;
        }
        let block_kinds = hits.iter().fold(0, |acc, h| acc | h.1);
        if block_kinds & TIME != 0 {
            // "commencing at 7pm" in the lines above the items; "The meeting commenced at …"
            // anywhere.
            let header = block.content.start < first_item && block.kind != BlockKind::Attendance;
            if out.opened.is_none() {
                let place = match (header, block.kind) {
                    (true, BlockKind::MeetingLine) => Opening::MeetingLine,
                    (true, _) => Opening::Header,
                    _ => Opening::Sentence,
                };
                out.opened = opening_in(text, content, place);
            }
            if let Some(found) = closing_in(text, content) {
                out.closed = Some(found);
            }
            if !out.adjourned_to_another_day && another_day().is_match(content.slice(text)) {
                out.adjourned_to_another_day = true;
            }
        }
        // Recorded votes are read from the block's lines.
        if block_kinds & VOTE != 0
            && matches!(
                block.kind,
                BlockKind::Paragraph | BlockKind::DecisionText | BlockKind::DecisionMarker | BlockKind::ItemHeading
            )
        {
            read_recorded(text, minutes, b, out);
        }
        if block.kind == BlockKind::AttendanceHeading || block.kind == BlockKind::Title {
            continue;
        }
        // The title of an item is its agenda wording, not what happened.
        let body_start = match (block.kind, block.item) {
            (BlockKind::ItemHeading | BlockKind::ItemTitle, Some(i)) => minutes.items[i].title.end.max(content.start),
            _ => content.start,
        };
        if body_start >= content.end {
            continue;
        }
        let body = Span::new(body_start, content.end);
        let mut next_hit = 0;
        for sentence in sentences(text, body) {
            while next_hit < hits.len() && hits[next_hit].0 < sentence.start {
                next_hit += 1;
            }
            let mut kinds = 0;
            while next_hit < hits.len() && hits[next_hit].0 < sentence.end {
                kinds |= hits[next_hit].1;
                next_hit += 1;
            }
            if kinds == 0 {
                continue;
            }
            let titled = if kinds & (MOTION | MOVEMENT | DECLARATION | SPEECH) != 0 {
                titled_in(text, sentence, people)
            } else {
                Vec::new()
            };
            let item = block.item;
            if block.kind != BlockKind::Attendance {
                if kinds & MOTION != 0 {
                    read_motion(text, sentence, item, &titled, b, &mut pending, out);
                }
                if kinds & VOTE != 0 {
                    read_vote(text, sentence, item, out);
                }
                if kinds & DECLARATION != 0 {
                    read_declaration(text, minutes, sentence, body.end, item, &titled, out);
                }
                if kinds & EXCLUSION != 0 {
                    read_exclusion(
                        text,
                        minutes,
                        sentence,
                        item,
                        out,
                        &mut private_from,
                        &mut readmitted_after,
                    );
                }
                if kinds & SPEECH != 0 {
                    read_speech(text, minutes, sentence, item, &titled, out);
                }
            }
            if kinds & MOVEMENT == 0 {
                continue;
            }
            let first_movement = out.movements.len();
            read_movement(text, minutes, sentence, item, &titled, out);
            // "declared an interest in item 4 and left the room for that item": the item declared.
            if let Some(d) = out
                .declarations
                .last()
                .filter(|d| d.span == sentence && !d.items.is_empty())
            {
                let items = d.items.clone();
                for m in &mut out.movements[first_movement..] {
                    if m.kind == MovementKind::Left && m.scope == Scope::ThisItem {
                        m.scope = Scope::Items(items.clone());
                    }
                }
            }
        }
    }
    if let Some(from) = private_from {
        let until = readmitted_after.filter(|&r| r > from).unwrap_or(usize::MAX);
        for (i, item) in minutes.items.iter().enumerate() {
            if item.span.end > from && item.span.start < until && !out.private_items.iter().any(|p| p.0 == i) {
                out.private_items.push((i, from.max(item.span.start)));
            }
        }
    }
    for entry in &mut out.private_items {
        if let Some(ex) = out.exclusions.iter().find(|e| e.item == Some(entry.0)) {
            entry.1 = entry.1.max(ex.span.end);
        }
    }
    out.private_items.sort_unstable();
    // A vote in the sentence of a motion belongs to it.
    for motion in &mut out.motions {
        motion.vote = out.votes.iter().position(|v| v.span.overlaps(motion.span));
    }
}

fn read_motion(
    text: &str,
    sentence: Span,
    item: Option<usize>,
    titled: &[(Person, Option<usize>)],
    block: usize,
    pending: &mut Option<(usize, usize)>,
    out: &mut Proceedings,
) {
    let s = sentence.slice(text);
    let mut roles: Vec<(bool, Party)> = Vec::new(); // (is seconder, party)
    let mut has_seconder_word = false;
    for m in role_word().find_iter(s) {
        let word = m.as_str().to_ascii_lowercase();
        let seconder = word.starts_with("second") || word == "2nd";
        has_seconder_word |= seconder;
        let at = sentence.start + m.end();
        let after = &s[m.end()..];
        if word == "prop"
            && !(after.starts_with(':')
                || after.starts_with(". ")
                || after.starts_with(" -")
                || after.starts_with(" –"))
        {
            continue;
        }
        if word == "motion" && !(after.starts_with(" (") || after.starts_with(" by") || after.starts_with('(')) {
            continue;
        }
        // "Motion by Cllr Odell: that …": the author of a motion on notice, who need not be there
        // to have it moved; only a mover when seconded in the same sentence and no one else moves.
        if word == "motion" && after.starts_with(" by") {
            let lower = s.to_ascii_lowercase();
            if !lower.contains("second") || lower.contains("moved") || lower.contains("proposed") {
                continue;
            }
        }
        if word == "approved"
            && !(after.starts_with(" by")
                || after.starts_with(" –")
                || after.starts_with(" -")
                || after.starts_with(':'))
        {
            continue;
        }
        let verb = matches!(word.as_str(), "proposed" | "moved" | "seconded" | "nominated");
        // "Cllr Frame proposed Cllr Moran as representative": a name just before the verb is
        // the one who proposed, and the name after it the one proposed. Not after "by" or a
        // colon, and not a name already taken for the role before ("Proposed Cllr Lowe seconded
        // Cllr Kerr").
        let lead = after.trim_start();
        let subject =
            if verb && !(lead.starts_with("by ") || lead.starts_with("By ") || lead.starts_with([':', '-', '–'])) {
                read_before(text, sentence.start, sentence.start + m.start(), titled)
                    .filter(|p| !roles.iter().any(|(_, q)| q.span == p.span))
            } else {
                None
            };
        // "proposed that …": a proposal, nobody named after it.
        let party = subject
            .or_else(|| read_after(text, at, sentence.end, titled))
            .or_else(|| {
                if verb {
                    read_before(text, sentence.start, sentence.start + m.start(), titled)
                } else {
                    None
                }
            });
        if let Some(party) = party {
            if !roles.iter().any(|(_, p)| p.span == party.span) {
                roles.push((seconder, party));
            }
        }
    }
    if roles.is_empty() {
        return;
    }
    // "Approved – AB Seconded – CD": "approved" only names a mover beside a seconder.
    if !has_seconder_word {
        let approved_only = role_word()
            .find_iter(s)
            .all(|m| m.as_str().eq_ignore_ascii_case("approved"));
        if approved_only {
            return;
        }
    }
    let amendment = s.to_ascii_lowercase().contains("amendment");
    let mut motions: Vec<Motion> = Vec::new();
    for (seconder, party) in roles {
        if seconder {
            match motions.last_mut() {
                Some(m) if m.seconder.is_none() => m.seconder = Some(party),
                _ => {
                    // A seconder alone: a mover on the line above ("Moved by …," / "Seconded by …").
                    if motions.is_empty() {
                        if let Some((index, at_block)) = *pending {
                            if block <= at_block + 3
                                && out.motions[index].item == item
                                && out.motions[index].seconder.is_none()
                            {
                                out.motions[index].seconder = Some(party);
                                out.motions[index].span = out.motions[index].span.join(sentence);
                                *pending = None;
                                continue;
                            }
                        }
                    }
                    motions.push(Motion {
                        span: sentence,
                        item,
                        amendment,
                        mover: None,
                        seconder: Some(party),
                        vote: None,
                    });
                }
            }
        } else {
            motions.push(Motion {
                span: sentence,
                item,
                amendment,
                mover: Some(party),
                seconder: None,
                vote: None,
            });
        }
    }
    for motion in motions {
        let waiting = motion.seconder.is_none();
        out.motions.push(motion);
        *pending = waiting.then(|| (out.motions.len() - 1, block));
    }
}

/// Words that make a count in a sentence one of people other than the members voting.
const OTHERS_COUNTED: &[&str] = &[
    "resident",
    "public",
    "parishioner",
    "elector",
    "household",
    "questionnaire",
    "survey",
    "consultation",
    "respondent",
    "responses",
    "replied",
    "letters",
    "comments",
    "representations",
    "objections",
    "petition",
    "signator",
    "straw poll",
    "referendum",
    "ballot",
];

fn read_vote(text: &str, sentence: Span, item: Option<usize>, out: &mut Proceedings) {
    let s = sentence.slice(text);
    let lower = s.to_ascii_lowercase();
    let mut vote = Vote {
        span: sentence,
        item,
        ..Vote::default()
    };
    let voting_words = lower.contains("against")
        || lower.contains("abstain")
        || lower.contains("abstention")
        || lower.contains("vote")
        || lower.contains("voting");
    let mut found = false;
    // A number written in the sentence, as a count with its place in the document.
    let count = |value: u32, m: regex::Match| Count {
        value,
        span: sentence.sub(m.start()..m.end()),
    };
    // The first count read for a side stands.
    let set = |vote: &mut Vote, side: Side, count: Count| {
        let slot = match side {
            Side::For => &mut vote.for_count,
            Side::Against => &mut vote.against,
            Side::Abstain => &mut vote.abstain,
        };
        slot.get_or_insert(count);
    };
    if voting_words {
        for caps in count_before_side().captures_iter(s) {
            let (n, side_word) = (caps.get(1).unwrap(), caps.get(2).unwrap());
            let Some(value) = number_value(n.as_str()) else {
                continue;
            };
            let Some(side) = side_of(side_word.as_str()) else {
                continue;
            };
            // "5 for": only with a separator or another count after it ("£500 for repairs").
            if side == Side::For {
                let rest = s[side_word.end()..].trim_start();
                if !(rest.is_empty()
                    || rest.starts_with([',', ';', '.', ')', ':'])
                    || rest.starts_with("and ")
                    || rest.starts_with("with ")
                    || rest.starts_with("to ")
                    || rest.starts_with(|c: char| c.is_ascii_digit())
                    || rest.to_ascii_lowercase().starts_with("against"))
                {
                    continue;
                }
            }
            // A money sum or a quantity in front: "£5 for", "2.5 for".
            let before = s[..n.start()].chars().next_back();
            if matches!(before, Some('£' | '$' | '.' | '/' | '-')) {
                continue;
            }
            // "In favour 5 Against 1": the number after a side is that side's count.
            let lead = s[..n.start()]
                .trim_end()
                .trim_end_matches([':', '=', '–', '-'])
                .trim_end()
                .to_ascii_lowercase();
            if [
                "favour",
                "favor",
                "for",
                "against",
                "abstain",
                "abstained",
                "abstention",
                "abstentions",
            ]
            .iter()
            .any(|w| lead.ends_with(w))
            {
                continue;
            }
            set(&mut vote, side, count(value, n));
            found = true;
        }
        for caps in side_before_count().captures_iter(s) {
            let (side_word, n) = (caps.get(1).unwrap(), caps.get(2).unwrap());
            let Some(side) = side_of(side_word.as_str()) else {
                continue;
            };
            let between = &s[side_word.end()..n.start()];
            // "for 2 years": only "For: 5", "For – 5", or "In favour 5" followed by no word.
            let rest = s[n.end()..].trim_start();
            let separated = between.contains([':', '=', '–', '-']);
            if !separated
                && (side == Side::For && !side_word.as_str().to_ascii_lowercase().starts_with("in")
                    || rest.starts_with(|c: char| c.is_alphabetic())
                        && !rest.to_ascii_lowercase().starts_with("against")
                        && !rest.to_ascii_lowercase().starts_with("abst"))
            {
                continue;
            }
            let value: u32 = n.as_str().parse().unwrap_or(0);
            set(&mut vote, side, count(value, n));
            found = true;
        }
    }
    if let Some(caps) = by_votes().captures(s) {
        let (a, b) = (caps.get(1).unwrap(), caps.get(2).unwrap());
        if let (Some(x), Some(y)) = (number_value(a.as_str()), number_value(b.as_str())) {
            vote.by_votes = Some((count(x, a), count(y, b)));
            found = true;
        }
    }
    if let Some(m) = unanimous().find(s) {
        vote.unanimous = Some(sentence.sub(m.start()..m.end()));
        found = true;
    }
    if !found {
        return;
    }
    // Counts of residents, letters or replies ("a show of hands of the residents present", "of
    // the 96 households that replied, 71 were in favour"): not the members' vote.
    if OTHERS_COUNTED.iter().any(|w| lower.contains(w)) {
        return;
    }
    vote.casting = lower.contains("casting vote");
    let carried: Vec<_> = carried_word().find_iter(s).collect();
    // "lost", "fell" and "rejected" as a result, not "the lost signs", "the tree that fell", "the
    // rejected application": after "was", "motion" and the like, or before a stop or "by".
    let lost: Vec<_> = lost_word()
        .find_iter(s)
        .filter(|l| {
            let word = l.as_str().to_ascii_lowercase();
            if word.starts_with("not") {
                return true;
            }
            let before = lower[..l.start()].trim_end();
            let after = lower[l.end()..].trim_start();
            [
                "was",
                "were",
                "is",
                "be",
                "been",
                "motion",
                "amendment",
                "proposal",
                "recommendation",
                "therefore",
                "accordingly",
                "duly",
                "vote",
                "and",
            ]
            .iter()
            .any(|w| before.ends_with(w))
                || after.is_empty()
                || after.starts_with(['.', ',', ';', ':', '(', ')'])
                || after.starts_with("by ")
                || after.starts_with("with ")
        })
        .collect();
    // One outcome only: a sentence that records two votes ("the amendment was lost and the
    // motion carried") gives none.
    let two_motions = lower.contains("amendment") && (lower.contains("motion") || lower.contains("substantive"));
    if !two_motions {
        let carried_real: Vec<_> = carried
            .iter()
            .filter(|c| !lost.iter().any(|l| l.start() <= c.start() && c.end() <= l.end()))
            .collect();
        match (carried_real.first(), lost.first()) {
            (Some(c), None) => vote.outcome = Some((Outcome::Carried, sentence.sub(c.start()..c.end()))),
            (None, Some(l)) => vote.outcome = Some((Outcome::Lost, sentence.sub(l.start()..l.end()))),
            _ => {}
        }
    }
    if vote.outcome.is_none() && !two_motions {
        vote.outcome = outcome_after(text, sentence);
    }
    out.votes.push(vote);
}

/// The words a bare result is written in ("Carried.", "The motion was lost.", "Duly agreed").
const BARE_RESULT_WORDS: &[&str] = &[
    "the",
    "motion",
    "amendment",
    "proposal",
    "resolution",
    "was",
    "is",
    "therefore",
    "duly",
    "accordingly",
    "and",
    "so",
    "carried",
    "passed",
    "agreed",
    "approved",
    "adopted",
    "lost",
    "fell",
    "defeated",
    "rejected",
    "not",
];

/// A bare outcome on its own just after a vote: "Voting: 3 in favour, 1 against. Carried." or
/// "… 5 against.\nThe motion was lost." Only a short sentence with no number in it, on the same
/// or the next line, so that a later item's "agreed" is never taken.
fn outcome_after(text: &str, vote: Span) -> Option<(Outcome, Span)> {
    let rest = &text[vote.end..];
    let gap = rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
    if rest[..gap].matches('\n').count() > 1 {
        return None;
    }
    let start = vote.end + gap;
    let line = text[start..].lines().next().unwrap_or_default();
    let end = line.find(['.', ';', '!']).map_or(line.len(), |i| i + 1);
    let candidate = &line[..end];
    // Nothing but the result: "Agreed to defer." or "Carried, the Clerk to write." say more.
    let only_a_result = candidate
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_ascii_lowercase())
        .all(|w| BARE_RESULT_WORDS.contains(&w.as_str()));
    if candidate.split_whitespace().count() > 5 || !only_a_result {
        return None;
    }
    let carried = carried_word().find(candidate);
    let lost = lost_word().find(candidate);
    match (carried, lost) {
        (_, Some(l)) => Some((Outcome::Lost, Span::new(start + l.start(), start + l.end()))),
        (Some(c), None) => Some((Outcome::Carried, Span::new(start + c.start(), start + c.end()))),
        (None, None) => None,
    }
}

/// Recorded votes: "For: Councillors Ames, Lowe and Kerr (3)", a table row "| For | names | 3 |",
/// or a line "There voted for the motion:" with the names in the next block.
fn read_recorded(text: &str, minutes: &Minutes, b: usize, out: &mut Proceedings) {
    let block = &minutes.blocks[b];
    let content = block.content;
    let slice = content.slice(text);
    let mut offset = 0;
    for line in slice.split_inclusive('\n') {
        let line_span = content.sub(offset..offset + line.trim_end().len());
        offset += line.len();
        let l = line_span.slice(text);
        if let Some(list) = recorded_line(text, minutes, b, line_span, l) {
            push_recorded(out, list, block.item, line_span);
        }
    }
}

fn push_recorded(out: &mut Proceedings, list: RecordedList, item: Option<usize>, span: Span) {
    // Lists of one vote follow each other; a side already taken starts another vote.
    let joins = out.votes.last().is_some_and(|v| {
        !v.recorded.is_empty()
            && v.item == item
            && span.start.saturating_sub(v.span.end) < 600
            && !v.recorded.iter().any(|l| l.side == list.side)
    });
    if joins {
        let v = out.votes.last_mut().unwrap();
        v.span = v.span.join(span);
        v.recorded.push(list);
    } else {
        out.votes.push(Vote {
            span,
            item,
            recorded: vec![list],
            ..Vote::default()
        });
    }
}

fn recorded_line(text: &str, minutes: &Minutes, b: usize, line: Span, l: &str) -> Option<RecordedList> {
    let trimmed = l.trim_start();
    let lead = line.start + (l.len() - trimmed.len());
    // A table row.
    if let Some(row) = trimmed.strip_prefix('|') {
        let cells: Vec<&str> = row.split('|').collect();
        if cells.len() < 3 {
            return None;
        }
        let side = table_side(cells[0].trim())?;
        let names_start = lead + 1 + cells[0].len() + 1;
        let names_cell = cells[1];
        let names_span = Span::new(names_start, names_start + names_cell.len());
        let names = name_list(text, names_span)?;
        let count_cell = cells[2].trim();
        let count = count_cell.parse::<u32>().ok().map(|value| {
            let at = names_span.end + 1 + cells[2].find(count_cell).unwrap_or(0);
            Count {
                value,
                span: Span::new(at, at + count_cell.len()),
            }
        });
        return Some(RecordedList {
            side,
            heading: Span::new(lead, lead + 1 + cells[0].len()),
            names,
            count,
        });
    }
    // "For (3): names", "Against – names", "Abstained: names".
    let lower = trimmed.to_ascii_lowercase();
    let side_words: &[(&str, Side)] = &[
        ("in favour", Side::For),
        ("for", Side::For),
        ("against", Side::Against),
        ("abstentions", Side::Abstain),
        ("abstention", Side::Abstain),
        ("abstained", Side::Abstain),
        ("abstaining", Side::Abstain),
        ("abstain", Side::Abstain),
    ];
    for &(word, side) in side_words {
        if !lower.starts_with(word) {
            continue;
        }
        let mut rest_at = word.len();
        let rest = &trimmed[rest_at..];
        let mut count = None;
        let r = rest.trim_start();
        rest_at += rest.len() - r.len();
        let mut r2 = r;
        if let Some(inner) = r.strip_prefix('(') {
            let close = inner.find(')')?;
            let n = inner[..close].trim();
            let value: u32 = n.parse().ok()?;
            let at = lead + rest_at + 1 + inner.find(n).unwrap_or(0);
            count = Some(Count {
                value,
                span: Span::new(at, at + n.len()),
            });
            r2 = &inner[close + 1..];
            rest_at += 2 + close;
            let t = r2.trim_start();
            rest_at += r2.len() - t.len();
            r2 = t;
        }
        let sep = r2.chars().next()?;
        if !matches!(sep, ':' | '–' | '-' | '—') {
            return None;
        }
        let names_from = lead + rest_at + sep.len_utf8();
        if names_from >= line.end {
            // "There voted for:" style heading with the names on the next block.
            return None;
        }
        let names_span = Span::new(names_from, line.end);
        let (names, trailing) = name_list_with_count(text, names_span)?;
        let count = count.or(trailing);
        return Some(RecordedList {
            side,
            heading: Span::new(lead, lead + word.len()),
            names,
            count,
        });
    }
    // "There voted for …:" with the names in the next block.
    if (lower.starts_with("there voted") || lower.starts_with("there abstained") || lower.starts_with("those voting"))
        && trimmed.trim_end().ends_with(':')
    {
        let side = if lower.contains("against") {
            Side::Against
        } else if lower.contains("abstain") {
            Side::Abstain
        } else if lower.contains(" for") || lower.contains("favour") {
            Side::For
        } else {
            return None;
        };
        let next = minutes.blocks.get(b + 1)?;
        if next.item != minutes.blocks[b].item {
            return None;
        }
        let (names, count) = name_list_with_count(text, next.content)?;
        return Some(RecordedList {
            side,
            heading: Span::new(lead, line.end),
            names,
            count,
        });
    }
    None
}

fn table_side(cell: &str) -> Option<Side> {
    match cell.to_ascii_lowercase().as_str() {
        "for" | "in favour" | "in favor" => Some(Side::For),
        "against" => Some(Side::Against),
        "abstain" | "abstained" | "abstention" | "abstentions" => Some(Side::Abstain),
        _ => None,
    }
}

/// A list of names with a number after it ("…, Walsh ........ 24", "… and Kerr (3)").
fn name_list_with_count(text: &str, span: Span) -> Option<(Vec<Party>, Option<Count>)> {
    let s = span.slice(text);
    let trimmed = s.trim_end();
    let digits = trimmed.len() - trimmed.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let mut names_end = trimmed.len();
    let mut count = None;
    if digits > 0 && digits <= 3 {
        let before = &trimmed[..trimmed.len() - digits];
        let b = before.trim_end();
        if b.ends_with(['.', '…', '|']) || before.ends_with("  ") || b.ends_with('(') {
            let value: u32 = trimmed[trimmed.len() - digits..].parse().ok()?;
            let at = span.start + trimmed.len() - digits;
            count = Some(Count {
                value,
                span: Span::new(at, at + digits),
            });
            names_end = b.trim_end_matches(['.', '…', '|', '(', ' ']).len();
        }
    } else if trimmed.ends_with(')') {
        if let Some(open) = trimmed.rfind('(') {
            let inner = &trimmed[open + 1..trimmed.len() - 1];
            if let Ok(value) = inner.trim().parse::<u32>() {
                let at = span.start + open + 1 + inner.find(inner.trim()).unwrap_or(0);
                count = Some(Count {
                    value,
                    span: Span::new(at, at + inner.trim().len()),
                });
                names_end = trimmed[..open].trim_end().len();
            }
        }
    }
    let names = name_list(text, Span::new(span.start, span.start + names_end))?;
    Some((names, count))
}

/// Names separated by commas and "and": every piece must read as a name, else nothing.
fn name_list(text: &str, span: Span) -> Option<Vec<Party>> {
    let s = span.slice(text);
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    if matches!(lower.trim_end_matches('.'), "none" | "nil" | "-" | "–" | "0" | "n/a") || t.is_empty() {
        return Some(Vec::new());
    }
    let mut names = Vec::new();
    let mut at = span.start + (s.len() - s.trim_start().len());
    // Pieces: split at ",", ";", " and ", " & ".
    let mut rest = t;
    let mut first = true;
    while !rest.is_empty() {
        let cut = [", ", "; ", " and ", " & ", ","]
            .iter()
            .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
            .min();
        let (piece, advance) = match cut {
            Some((i, len)) => (&rest[..i], i + len),
            None => (rest, rest.len()),
        };
        let mut p = piece.trim();
        let lead = piece.len() - piece.trim_start().len();
        let mut p_start = at + lead;
        if first {
            for title in ["Councillors ", "Cllrs. ", "Cllrs ", "Councillor ", "Cllr. ", "Cllr "] {
                if let Some(r) = p.strip_prefix(title) {
                    p_start += title.len();
                    p = r;
                    break;
                }
            }
        }
        first = false;
        if !reads_as_name(p) {
            return None;
        }
        let key_start = p.rfind(' ').map_or(0, |i| i + 1);
        let span = Span::new(p_start, p_start + p.len());
        names.push(Party {
            span,
            key: Span::new(p_start + key_start, p_start + p.len()),
            kind: PartyKind::Titled,
            person: None,
        });
        at += advance;
        rest = &rest[advance..];
    }
    Some(names)
}

/// "R H Adams", "Mrs L Kaufman", "Dale-Gough", "A S Wright", "O'Neill".
fn reads_as_name(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || piece.len() > 48 {
        return false;
    }
    words.iter().all(|w| {
        let w = w.trim_end_matches('.');
        let mut chars = w.chars();
        let Some(first) = chars.next() else { return false };
        first.is_uppercase() && chars.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
    }) && words.last().is_some_and(|w| w.chars().count() >= 2)
}

/// The subject of a verb: the names (or initials) just before it, with only a few words such as
/// "then" or a clause "having declared an interest" between.
fn subjects_before(text: &str, sentence: Span, verb_start: usize, titled: &[(Person, Option<usize>)]) -> Vec<Party> {
    // Names in the sentence before the verb, nearest first.
    let mut found: Vec<Party> = Vec::new();
    let mut gap_from = verb_start;
    let before: Vec<&(Person, Option<usize>)> = titled.iter().filter(|(p, _)| p.surname.end <= verb_start).collect();
    if let Some((last, _)) = before.last() {
        let group = last.group;
        for (p, index) in before.iter().rev() {
            if p.group != group && p.surname.end != last.surname.end {
                // Names of one list share a group; separate names must be joined by "and".
                let between = text
                    .get(p.surname.end..found.last().map_or(verb_start, |f| f.span.start))
                    .unwrap_or("");
                let between = between.trim();
                if !(between == "and" || between == "&" || between == ",") {
                    break;
                }
            }
            let list = p
                .title
                .is_some_and(|t| matches!(t.slice(text).trim_end_matches('.'), "Councillors" | "Cllrs"));
            let start = if list { p.name_span().start } else { p.span.start };
            found.push(Party {
                span: Span::new(start, p.surname.end),
                key: p.surname,
                kind: PartyKind::Titled,
                person: *index,
            });
        }
        gap_from = last.surname.end;
    } else if let Some(party) = read_before(text, sentence.start, verb_start, titled) {
        if party.kind == PartyKind::Code || party.kind == PartyKind::Bare {
            gap_from = party.span.end;
            found.push(party);
            // "AS and NS left".
            let before_first = text.get(sentence.start..party.span.start).unwrap_or("");
            if let Some(stripped) = before_first
                .trim_end()
                .strip_suffix(" and")
                .or_else(|| before_first.trim_end().strip_suffix(" &"))
            {
                if let Some(other) = read_before(text, sentence.start, sentence.start + stripped.len(), titled) {
                    if other.kind == party.kind {
                        found.push(other);
                    }
                }
            }
        }
    }
    if found.is_empty() {
        return found;
    }
    let gap = text.get(gap_from..verb_start).unwrap_or("").trim();
    let gap_lower = gap.to_ascii_lowercase();
    // "Councillor Lowe (Chair)": a bracket after the name.
    let gap_lower = if gap_lower.starts_with('(') {
        gap_lower
            .find(')')
            .map_or(gap_lower.clone(), |i| gap_lower[i + 1..].trim().to_string())
    } else {
        gap_lower
    };
    const FILLER: &[&str] = &[
        "then",
        "had",
        "has",
        "subsequently",
        "later",
        "duly",
        "also",
        "briefly",
        "temporarily",
        "both",
        "then,",
        "immediately",
        "",
        "having",
        "and",
        "was",
        "were",
    ];
    let filler = gap_lower
        .split_whitespace()
        .all(|w| FILLER.contains(&w.trim_matches(',')));
    let clause = gap_lower.len() <= 220
        && (gap_lower.starts_with("declared")
            || gap_lower.starts_with(", having")
            || gap_lower.starts_with(", who")
            || gap_lower.starts_with("who")
            || gap_lower.starts_with("having"))
        && (gap_lower.ends_with(" and") || gap_lower.ends_with(','));
    if (filler && gap_lower.len() <= 30) || clause {
        // Not the object of another verb: "the Chair thanked Councillor Lowe, who left".
        let lead = text
            .get(sentence.start..found.last().map_or(sentence.start, |f| f.span.start))
            .unwrap_or("");
        let lead_lower = lead.trim().to_ascii_lowercase();
        if lead_lower.ends_with("thanked")
            || lead_lower.ends_with("asked")
            || lead_lower.ends_with("invited")
            || lead_lower.ends_with("by")
            || lead_lower.ends_with("to")
            || lead_lower.ends_with("from")
            || lead_lower.ends_with("with")
            || lead_lower.ends_with("of")
        {
            return Vec::new();
        }
        found
    } else {
        Vec::new()
    }
}

fn read_movement(
    text: &str,
    minutes: &Minutes,
    sentence: Span,
    item: Option<usize>,
    titled: &[(Person, Option<usize>)],
    out: &mut Proceedings,
) {
    let s = sentence.slice(text);
    // "… left the meeting before the vote at the last meeting": another meeting's comings and goings.
    let lower = s.to_ascii_lowercase();
    if [
        "last meeting",
        "previous meeting",
        "meeting held on",
        "meeting on ",
        "last month",
        "last year",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return;
    }
    let mut last: Option<(Vec<Party>, usize)> = None;
    for caps in movement_word().captures_iter(s) {
        let m = caps.get(0).unwrap();
        let kind = if caps.get(1).is_some() {
            MovementKind::Left
        } else if caps.get(2).is_some() {
            MovementKind::Arrived
        } else {
            MovementKind::Returned
        };
        let before = lower_window(&s[..m.start()], 24, true);
        let before = before.trim_end();
        if before.ends_with("not")
            || before.ends_with("to")
            || before.ends_with("should")
            || before.ends_with("may")
            || before.ends_with("must")
            || before.ends_with("might")
            || before.ends_with("could")
            || before.ends_with("can")
            || before.ends_with("n't")
        {
            continue;
        }
        let after = lower_window(&s[m.end()..], 200, false);
        let after_t = after.trim_start();
        let place = |a: &str| {
            let a = a.strip_prefix("the ").unwrap_or(a);
            [
                "meeting",
                "room",
                "chamber",
                "council chamber",
                "hall",
                "call",
                "virtual meeting",
                "remote meeting",
                "zoom",
                "building",
                "table",
                "session",
                "debate",
                "discussion",
            ]
            .iter()
            .any(|p| a.starts_with(p))
        };
        let word = m.as_str().to_ascii_lowercase();
        let ok = match kind {
            MovementKind::Left => {
                if word == "withdrew" {
                    after_t.starts_with("from the meeting")
                        || after_t.starts_with("from the room")
                        || after_t.starts_with("from the chamber")
                        || after_t.is_empty()
                        || after_t.starts_with(['.', ',', ';'])
                } else {
                    place(after_t)
                        || ["at ", "during ", "before ", "after ", "early", "shortly", "prior "]
                            .iter()
                            .any(|w| after_t.starts_with(w))
                        || after_t.is_empty()
                        || after_t.starts_with(['.', ',', ';'])
                }
            }
            MovementKind::Arrived => {
                if word == "joined" {
                    place(after_t)
                        || after_t.starts_with("at ")
                        || after_t.starts_with("remotely")
                        || after_t.starts_with("during ")
                } else {
                    after_t.is_empty()
                        || after_t.starts_with(['.', ',', ';', '('])
                        || [
                            "at ", "during ", "late", "in time", "shortly", "after ", "before ", "and ",
                        ]
                        .iter()
                        .any(|w| after_t.starts_with(w))
                }
            }
            MovementKind::Returned => {
                (after_t.starts_with("to ") && place(&after_t[3..]))
                    || place(after_t) && word != "returned"
                    || after_t.is_empty()
                    || after_t.starts_with(['.', ',', ';'])
                    || ["at ", "during ", "for ", "and "]
                        .iter()
                        .any(|w| after_t.starts_with(w))
            }
        };
        if !ok {
            continue;
        }
        let verb = sentence.sub(m.start()..m.end());
        let mut subjects = subjects_before(text, sentence, verb.start, titled);
        // "Cllr Kay left the room … and returned for item 4": the subject of the verb before,
        // when no other name stands between and "and" joins the two.
        if subjects.is_empty() {
            if let Some((previous, end)) = &last {
                let between = text.get(*end..verb.start).unwrap_or("");
                if between.contains(" and ")
                    && !titled
                        .iter()
                        .any(|(p, _)| p.span.start >= *end && p.span.end <= verb.start)
                {
                    subjects = previous.clone();
                }
            }
        }
        if subjects.is_empty() {
            continue;
        }
        last = Some((subjects.clone(), verb.end));
        let time = times_in(text, sentence).into_iter().find(|(_, at)| {
            let b = text.get(sentence.start..at.start).unwrap_or("").to_ascii_lowercase();
            let b = b.trim_end();
            b.ends_with(" at")
                || b.ends_with("approximately")
                || b.ends_with("approx.")
                || b.ends_with("at approx")
                || b == "at"
        });
        let scope = if kind == MovementKind::Left {
            leave_scope(text, minutes, &after, item)
        } else {
            Scope::Rest
        };
        for party in subjects {
            out.movements.push(Movement {
                party,
                kind,
                verb,
                span: sentence,
                item,
                time,
                scope: scope.clone(),
            });
        }
    }
}

fn leave_scope(text: &str, minutes: &Minutes, after: &str, item: Option<usize>) -> Scope {
    let mut cut = after.len().min(160);
    while !after.is_char_boundary(cut) {
        cut -= 1;
    }
    let window = &after[..cut];
    // "left the room … and returned for item 4": the item after the return is not the absence.
    let window = ["return", "rejoin", "re-join", "came back", "re-enter"]
        .iter()
        .filter_map(|w| window.find(w))
        .min()
        .map_or(window, |i| &window[..i]);
    if let Some(caps) = item_ref().captures(window) {
        let whole = caps.get(0).unwrap();
        let lead = window[..whole.start()].trim_end();
        if let Some(i) = resolve_item(text, minutes, &caps[1]) {
            if lead.ends_with("during") {
                return Scope::AfterItem(i);
            }
            if lead.ends_with("for") || lead.ends_with("before") || lead.ends_with("duration of") {
                return Scope::Items(vec![i]);
            }
        }
    }
    let item_words = [
        "this item",
        "that item",
        "the item",
        "the following item",
        "the next item",
        "this application",
        "the application",
        "this matter",
        "that matter",
        "the discussion",
        "the debate",
        "the vote",
        "the duration",
        "consideration of",
        "discussion of",
        "this part",
        "the consideration",
    ];
    if item.is_some() && item_words.iter().any(|w| window.contains(w)) {
        return Scope::ThisItem;
    }
    Scope::Rest
}

fn read_speech(
    text: &str,
    minutes: &Minutes,
    sentence: Span,
    item: Option<usize>,
    titled: &[(Person, Option<usize>)],
    out: &mut Proceedings,
) {
    if titled.is_empty() {
        return;
    }
    let s = sentence.slice(text);
    // The apologies item passes on what absent members asked: not speech in the room.
    if item
        .and_then(|i| minutes.items.get(i))
        .is_some_and(|it| it.title.slice(text).to_ascii_lowercase().contains("apolog"))
    {
        return;
    }
    let mut written_words: Option<bool> = None;
    for m in speech_word().find_iter(s) {
        let at = sentence.start + m.start();
        // Only a titled name directly before the verb: "Councillor Lowe asked".
        let Some((p, index)) = titled.iter().find(|(p, _)| {
            text.get(p.surname.end..at)
                .is_some_and(|gap| gap == " " || gap == " then " || gap == " also ")
        }) else {
            continue;
        };
        if p.title
            .is_some_and(|t| matches!(t.slice(text).trim_end_matches('.'), "Councillors" | "Cllrs"))
        {
            continue;
        }
        // "The Chairman noted that Cllr Lamb said …": reported by someone else.
        let name_start = p.title.map_or(p.span.start, |t| t.start.min(p.span.start));
        let lead = text
            .get(sentence.start..name_start)
            .unwrap_or("")
            .trim_end()
            .to_ascii_lowercase();
        if lead.ends_with("that") || lead.ends_with("whom") || lead.ends_with("as") || lead.ends_with("how") {
            continue;
        }
        // Words of something written or passed on, not said in the room.
        let written = *written_words.get_or_insert_with(|| {
            let lower = s.to_ascii_lowercase();
            NOT_IN_THE_ROOM.iter().any(|w| lower.contains(w))
        });
        if written {
            return;
        }
        let start = p.title.map_or(p.span.start, |t| t.start.min(p.span.start));
        out.speeches.push(Speech {
            party: Party {
                span: Span::new(start, p.surname.end),
                key: p.surname,
                kind: PartyKind::Titled,
                person: *index,
            },
            verb: sentence.sub(m.start()..m.end()),
            item,
        });
    }
}

/// Words that make a sentence about someone's words not speech in the room.
const NOT_IN_THE_ROOM: &[&str] = &[
    "email",
    "e-mail",
    "letter",
    "written",
    "in writing",
    "sent",
    "absence",
    "apolog",
    "submitted",
    "via ",
    "behalf",
    "report",
    "unable to attend",
    "not present",
    "before the meeting",
    "prior to the meeting",
    "ahead of the meeting",
    "in advance",
    "comments",
    "message",
    "relayed",
    "passed on",
    "read out",
    "circulated",
    "previous meeting",
    "last meeting",
    "had said",
    "had asked",
    "by phone",
    "by telephone",
];

fn read_declaration(
    text: &str,
    minutes: &Minutes,
    sentence: Span,
    body_end: usize,
    item: Option<usize>,
    titled: &[(Person, Option<usize>)],
    out: &mut Proceedings,
) {
    let s = sentence.slice(text);
    let lower = s.to_ascii_lowercase();
    // "declared a DPI in item 9": the initials stand for the interest.
    if !lower.contains("interest") && !s.contains("DPI") {
        return;
    }
    let Some(m) = declared_word().find(s) else { return };
    let verb_start = sentence.start + m.start();
    let subjects = subjects_before(text, sentence, verb_start, titled);
    if subjects.is_empty() {
        return;
    }
    let after = &lower[m.end()..];
    // Every mention of the word denied in its clause: "not a pecuniary", "which was not a
    // disclosable pecuniary interest", "non-prejudicial".
    let negated = |word: &str| negated_everywhere(after, word);
    let kind = if after.contains("prejudicial") && !negated("prejudicial") {
        InterestKind::Prejudicial
    } else if ((after.contains("pecuniary") && !negated("pecuniary")) || (after.contains("dpi") && !negated("dpi")))
        && !after.contains("other pecuniary")
    {
        InterestKind::Pecuniary
    } else if after.contains("personal")
        || after.contains("non-pecuniary")
        || after.contains("non pecuniary")
        || after.contains("other")
        || after.contains("affected")
        || after.contains("registrable")
        || after.contains("non-registrable")
    {
        InterestKind::Other
    } else {
        InterestKind::Unspecified
    };
    let mut items = Vec::new();
    let mut refs = Vec::new();
    for caps in item_ref().captures_iter(&s[m.end()..]) {
        let whole = caps.get(0).unwrap();
        refs.push(sentence.sub(m.end() + whole.start()..m.end() + whole.end()));
        if let Some(i) = resolve_item(text, minutes, &caps[1]) {
            if !items.contains(&i) {
                items.push(i);
            }
        }
    }
    // "in this item", "in this application": the item the declaration is made in.
    if let Some(current) = item.filter(|_| {
        items.is_empty()
            && refs.is_empty()
            && (after.contains("this item") || after.contains("this application") || after.contains("this matter"))
    }) {
        items.push(current);
    }
    // "… in item 7. A dispensation to speak had been granted.": the next sentence of the block.
    let next = sentences(text, Span::new(sentence.end, body_end.max(sentence.end)))
        .first()
        .map_or("", |n| n.slice(text).trim_start());
    let dispensation = lower.contains("dispensation")
        || (next.to_ascii_lowercase().contains("dispensation") && !declared_word().is_match(next));
    // "… in item 6. She did not take part in the vote.": the next sentence, about no one else.
    let next_lower = next.to_ascii_lowercase();
    let next_about_them = ["he ", "she ", "they ", "the member", "the councillor", "both "]
        .iter()
        .any(|w| next_lower.starts_with(w))
        && !declared_word().is_match(next);
    let left = LEFT_WORDS.iter().any(|w| lower.contains(w))
        || (next_about_them && LEFT_WORDS.iter().any(|w| next_lower.contains(w)));
    for party in subjects {
        out.declarations.push(Declaration {
            party,
            kind,
            span: sentence,
            in_item: item,
            items: items.clone(),
            refs: refs.clone(),
            left,
            dispensation,
        });
    }
}

/// True when `word` occurs in `lower` and each occurrence is denied in its own clause ("not",
/// "non", "no" or "nor" in the words before it, back to a comma, semicolon or bracket).
fn negated_everywhere(lower: &str, word: &str) -> bool {
    let mut any = false;
    for (i, _) in lower.match_indices(word) {
        any = true;
        let mut from = i.saturating_sub(40);
        while !lower.is_char_boundary(from) {
            from += 1;
        }
        let before = &lower[from..i];
        let clause = before.rsplit([',', ';', '(', ')']).next().unwrap_or(before);
        let denied = clause
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
            .any(|w| matches!(w, "not" | "non" | "no" | "nor" | "isn't" | "wasn't"));
        if !denied {
            return false;
        }
    }
    any
}

/// Words that record someone leaving or taking no part.
pub(super) const LEFT_WORDS: &[&str] = &[
    "left the",
    "leave the",
    "left for",
    "withdr",
    "recuse",
    "took no part",
    "take no part",
    "taking no part",
    "did not take part",
    "not take part",
    "not taking part",
    "not participate",
    "not participating",
    "refrain",
    "did not vote",
    "not vote",
    "abstained from",
    "out of the room",
    "outside the room",
    "absent",
    "excused",
    "retired from",
    "not present",
    "not in the room",
    "remained outside",
    "stepped out",
];

fn read_exclusion(
    text: &str,
    minutes: &Minutes,
    sentence: Span,
    item: Option<usize>,
    out: &mut Proceedings,
    private_from: &mut Option<usize>,
    readmitted_after: &mut Option<usize>,
) {
    let s = sentence.slice(text);
    let lower = s.to_ascii_lowercase();
    let public = lower.contains("public") || lower.contains("press");
    // "The meeting returned to open session": the private part is over.
    let reopened = ["open session", "public session", "open meeting", "public part"]
        .iter()
        .any(|w| lower.contains(w))
        && [
            "return",
            "resum",
            "reopen",
            "re-open",
            "went back",
            "moved back",
            "came out",
        ]
        .iter()
        .any(|w| lower.contains(w));
    if reopened {
        if private_from.is_some() {
            *readmitted_after = Some(sentence.end);
        }
        return;
    }
    if public
        && [
            "readmitted",
            "re-admitted",
            "returned to the meeting",
            "rejoined",
            "re-joined",
            "invited back",
            "came back",
            "re-entered",
            "were readmitted",
            "invited to return",
            "invited back",
            "were admitted",
            "back into the meeting",
        ]
        .iter()
        .any(|w| lower.contains(w))
    {
        if private_from.is_some() {
            *readmitted_after = Some(sentence.end);
        }
        return;
    }
    let Some(ex) = exclusion_word().find(s) else { return };
    let session =
        ex.as_str().to_ascii_lowercase().contains("session") || ex.as_str().to_ascii_lowercase().contains("camera");
    if !(public || session) {
        return;
    }
    let decided = [
        "resolved",
        "agreed",
        "moved",
        "proposed",
        "carried",
        "voted",
        "be excluded",
        "were excluded",
        "was excluded",
        "went into",
        "go into",
        "decided",
    ]
    .iter()
    .any(|w| lower.contains(w));
    // "To resolve to exclude …": the agenda's wording.
    if !decided || lower.trim_start().starts_with("to resolve") || lower.trim_start().starts_with("to consider") {
        return;
    }
    // Where the grounds may be: the sentence, its block and the item's title and blocks.
    let region = match item.and_then(|i| minutes.items.get(i)) {
        Some(it) => it.span,
        None => sentence,
    };
    let r = region.slice(text);
    let r_lower = r.to_ascii_lowercase();
    // Scotland (Schedule 7A to the 1973 Act, paragraphs 1–15) and Northern Ireland number their
    // exempt categories otherwise: their paragraphs are grounds, not checked against 12A's.
    let other_schedule = !r_lower.contains("12a")
        && ["7a", "scotland", "northern ireland", "schedule 6"]
            .iter()
            .any(|w| r_lower.contains(w));
    let mut paragraphs = Vec::new();
    for caps in paragraph_ref().captures_iter(r).filter(|_| !other_schedule) {
        let list = caps.get(1).unwrap();
        // Only paragraphs of the schedule, not of a report: the schedule named near them.
        let tail_end = (list.end() + 120).min(r.len());
        let mut tail_end_b = tail_end;
        while !r.is_char_boundary(tail_end_b) {
            tail_end_b -= 1;
        }
        let near = r_lower[list.end()..tail_end_b].to_string();
        if !(near.contains("12a")
            || near.contains("schedule")
            || near.contains("part 1")
            || near.contains("part i ")
            || near.contains("part 4")
            || near.contains("exempt"))
        {
            continue;
        }
        let mut at = list.start();
        for piece in list.as_str().split(|c: char| !c.is_ascii_digit()) {
            let rel = list.as_str()[at - list.start()..].find(piece).map_or(at, |i| at + i);
            if let Ok(value) = piece.parse::<u32>() {
                paragraphs.push(Count {
                    value,
                    span: region.sub(rel..rel + piece.len()),
                });
            }
            at = rel + piece.len();
        }
    }
    let part = if r_lower.contains("part 4") || r_lower.contains("part iv") {
        Some(4)
    } else if r_lower.contains("part 1 of schedule")
        || r_lower.contains("part i of schedule")
        || r_lower.contains("part 1 of the schedule")
    {
        Some(1)
    } else {
        None
    };
    let grounds = !paragraphs.is_empty()
        || other_schedule
        || [
            "12a",
            "1960",
            "admission to meetings",
            "admissions to meetings",
            "confidential",
            "because",
            "by reason of",
            "due to",
            "on the grounds",
            "on the ground",
            "nature of",
            "exempt information",
            "commercial",
            "staffing",
            "personnel",
            "legal advice",
            "sensitive",
            "personal information",
            "prejudic",
            "section 100a",
            // A licensing hearing: regulation 14 of the Licensing Act 2003 (Hearings) Regulations.
            "regulation 14",
            "hearings) regulations",
            "public interest in",
        ]
        .iter()
        .any(|w| r_lower.contains(w));
    out.exclusions.push(Exclusion {
        span: sentence,
        item,
        paragraphs,
        part,
        grounds,
    });
    if private_from.is_none() {
        *private_from = Some(sentence.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// For each pair of first letters (27 × 27 slots, '2' and the like in the last), the triggers
    /// that start with it: most words are turned away after two bytes, the rest compared with one or
    /// two triggers.
    fn reference_pairs() -> &'static [Vec<u8>] {
        static TABLE: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
        TABLE.get_or_init(|| {
            let mut table = vec![Vec::new(); 27 * 27];
            for (index, (word, _)) in TRIGGERS.iter().enumerate() {
                let b = word.as_bytes();
                table[letter_slot(b[0]) * 27 + letter_slot(b[1])].push(index as u8);
            }
            table
        })
    }

    /// 0–25 for a letter of either case, 26 for anything else.
    fn letter_slot(b: u8) -> usize {
        let l = b.to_ascii_lowercase();
        if l.is_ascii_lowercase() {
            usize::from(l - b'a')
        } else {
            26
        }
    }

    /// The reading before the automaton: every word start looked up by its first two letters.
    fn word_by_word(text: &str, span: Span) -> Vec<(usize, u8)> {
        let bytes = span.slice(text).as_bytes();
        let table = reference_pairs();
        let mut out = Vec::new();
        crate::core::ascii_words::any_word_start(bytes, |i| {
            let Some(&second) = bytes.get(i + 1) else { return false };
            let candidates = &table[letter_slot(bytes[i]) * 27 + letter_slot(second)];
            if candidates.is_empty() {
                return false;
            }
            let rest = &bytes[i..bytes.len().min(i + 12)];
            if let Some((_, kinds)) = candidates
                .iter()
                .map(|&c| &TRIGGERS[usize::from(c)])
                .find(|(word, _)| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word.as_bytes()))
            {
                let kinds = confirm(bytes, i, *kinds);
                if kinds != 0 {
                    out.push((span.start + i, kinds));
                }
            }
            false
        });
        out
    }

    #[test]
    fn the_automaton_finds_what_a_word_by_word_reading_finds() {
        let drafts = [
            "Proposed by Cllr Ames, seconded by Cllr Lowe; carried unanimously.",
            "Cllr Hale re-joined the meeting at 8.05pm and Cllr Dunn re-admitted the public.",
            "The public were excluded and the meeting went into private session, in camera.",
            "PROPOSED: Cllr Kerr  2nd: Cllr Shaw. VOTING: 5 in favour, 2 against, 1 abstention.",
            "It was unsaid; the property was approved. Nominated and moved. The meeting closed at 9pm.",
            "Councillor Rae declared an interest, left the room and returned; she came back later.",
            "pre-vote, non-declaration, ex-councillor, self-nominated, mid-term leave-taking",
            "",
            "é-left café-said naïve-vote",
        ];
        for draft in drafts {
            let span = Span::new(0, draft.len());
            assert_eq!(triggers_in(draft, span), word_by_word(draft, span), "{draft}");
        }
        let inner = "xx Seconded by Cllr Ames xx";
        let span = Span::new(3, inner.len() - 3);
        assert_eq!(triggers_in(inner, span), word_by_word(inner, span));
        assert!(!triggers_in(inner, span).is_empty());
    }
}
