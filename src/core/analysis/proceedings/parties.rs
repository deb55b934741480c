//! Who is named as taking part: a titled name ("Councillor Hussey", "Cllr. Johnston-Davis"),
//! initials standing for a person ("NO proposed and KA seconded", "Proposed (AH)"), a name
//! without a title ("Proposed: Jo Hartley"), or the chair ("proposed by the Chairman"), read just
//! after a word such as "seconded by" or just before one such as "seconded".

use crate::core::dates::MONTH_NAMES;
use crate::core::model::Person;
use crate::core::text::Span;

/// How a participant is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartyKind {
    /// With a title: "Councillor Lowe", "Mrs Kellner".
    Titled,
    /// Initials: "KA", "PWh", "(AH)".
    Code,
    /// A name without a title: "Jo Hartley".
    Bare,
    /// "the Chair", "the Chairman", "the Mayor".
    Chair,
}

/// Someone named as moving, seconding, voting, speaking, arriving or leaving.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Party {
    /// The name as written (with its title when it has one).
    pub span: Span,
    /// The surname, or the initials, or the whole bare name.
    pub key: Span,
    pub kind: PartyKind,
    /// Index into the people analysis's people, when the name can only mean one of them.
    pub person: Option<usize>,
}

/// Words that start no name written without a title.
const NOT_NAMES: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "All",
    "Any",
    "Each",
    "Every",
    "Council",
    "Committee",
    "Members",
    "Member",
    "Councillors",
    "Chair",
    "Chairman",
    "Chairperson",
    "Vice",
    "Mayor",
    "Clerk",
    "Parish",
    "Town",
    "Community",
    "Motion",
    "Resolved",
    "Seconded",
    "Proposed",
    "Moved",
    "Agreed",
    "Carried",
    "Approved",
    "Our",
    "Their",
    "His",
    "Her",
    "He",
    "She",
    "They",
    "We",
    "And",
    "But",
    "With",
    "By",
    "For",
    "Following",
    "Minutes",
    "Minute",
    "Item",
    "Items",
    "Agenda",
    "Planning",
    "Finance",
    "Cabinet",
    "Board",
    "Panel",
    "Group",
    "Secretary",
    "Treasurer",
    "Officer",
    "Officers",
    "Public",
    "Press",
    "Recommendation",
    "Amendment",
    "Report",
    "Unanimously",
    "Nominated",
    "Proposer",
    "Seconder",
    "On",
    "In",
    "At",
    "To",
    "Of",
    "As",
    "After",
    "Before",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Cllr",
    "Councillor",
    "Cllrs",
    "There",
    "Then",
    "Later",
    "Having",
    "Both",
    "Lord",
    "Lady",
    "Right",
    "Honourable",
    "Deputy",
    "Leader",
    "Executive",
    "Full",
    "Annual",
    "Meeting",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Yes",
    "No",
    "None",
];

/// Whether a capitalised word is never part of a name: a title, a day, a month, a word that
/// opens sentences.
fn is_not_a_name(word: &str) -> bool {
    NOT_NAMES.contains(&word) || MONTH_NAMES.contains(&word)
}

/// A titled person read as a mover or seconder, from the title to the surname; none for a
/// plural title ("Councillors Ames and Lowe" names two, not one mover).
fn titled_party(text: &str, person: &Person, index: Option<usize>) -> Option<Party> {
    if person
        .title
        .is_some_and(|t| matches!(t.slice(text).trim_end_matches('.'), "Councillors" | "Cllrs"))
    {
        return None;
    }
    let start = person
        .title
        .map_or(person.span.start, |t| t.start.min(person.span.start));
    Some(Party {
        span: Span::new(start, person.surname.end),
        key: person.surname,
        kind: PartyKind::Titled,
        person: index,
    })
}

/// Capitals that are words or bodies, not someone's initials.
const NOT_CODES: &[&str] = &[
    "AND", "THE", "FOR", "ALL", "BY", "OF", "TO", "IN", "ON", "AT", "IT", "THAT", "WAS", "PC", "CC", "TC", "DC", "CPC",
    "RESOLVED", "AGREED", "NB", "OR", "AM", "PM", "AGM", "APM", "UK", "NHS", "EGM", "BE", "WE", "US", "MOTION", "ITEM",
    "NOTE", "ACTION", "FOR", "TBC", "NA", "NIL",
];

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\'' || b == b'-' || b >= 0x80
}

/// The word starting at `at` (letters, digits, apostrophes, hyphens and non-ASCII letters).
fn word_at(s: &str, at: usize) -> &str {
    let bytes = s.as_bytes();
    let mut end = at;
    while end < bytes.len() && is_word_byte(bytes[end]) {
        end += 1;
    }
    while end > at && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(at..end).unwrap_or("")
}

/// The word ending at `end`.
fn word_before(s: &str, end: usize) -> (usize, &str) {
    let bytes = s.as_bytes();
    let mut start = end;
    while start > 0 && is_word_byte(bytes[start - 1]) {
        start -= 1;
    }
    while start < end && !s.is_char_boundary(start) {
        start += 1;
    }
    (start, s.get(start..end).unwrap_or(""))
}

/// Initials standing for a person: two to four ASCII letters, the first two capitals, at most
/// one lower-case letter after them ("KA", "JRO", "PWh", "MCa").
pub fn is_code(word: &str) -> bool {
    let b = word.as_bytes();
    if !(2..=4).contains(&b.len()) || !b.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    if !b[0].is_ascii_uppercase() || !b[1].is_ascii_uppercase() {
        return false;
    }
    let lower = b.iter().filter(|c| c.is_ascii_lowercase()).count();
    if lower > 1 || (lower == 1 && !b[b.len() - 1].is_ascii_lowercase()) {
        return false;
    }
    !NOT_CODES.contains(&word)
}

/// A capitalised word of a name ("Hartley", "O'Neill", "McFadzean") or an initial ("J", "J.").
fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    if !first.is_uppercase() {
        return false;
    }
    let rest: Vec<char> = chars.collect();
    if rest.is_empty() {
        return true;
    }
    // Not all capitals: "SBC", "CDC".
    rest.iter().any(|c| c.is_lowercase())
        && rest
            .iter()
            .all(|c| c.is_alphabetic() || *c == '\'' || *c == '’' || *c == '-')
}

/// The participant named at `at` (after white space, "by", a colon, a dash or a bracket), within
/// `limit`. `titled` are the titled names the sentence holds, with their people-analysis indices.
pub fn read_after(text: &str, at: usize, limit: usize, titled: &[(Person, Option<usize>)]) -> Option<Party> {
    let s = text.get(..limit)?;
    let mut pos = at;
    let mut connected = false;
    loop {
        let rest = s.get(pos..)?;
        let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\t', '\n', '\r', ':', '–', '—', '-', '(']);
        let next = pos + (rest.len() - trimmed.len());
        connected |= rest.len() - trimmed.len() > rest.len() - rest.trim_start().len();
        if trimmed.starts_with("by ") || trimmed.starts_with("by\u{a0}") || trimmed.starts_with("By ") {
            pos = next + 3;
            connected = true;
            continue;
        }
        pos = next;
        break;
    }
    if let Some((person, index)) = titled
        .iter()
        .find(|(p, _)| p.span.start == pos || p.title.is_some_and(|t| t.start == pos))
    {
        return titled_party(text, person, *index);
    }
    let rest = s.get(pos..)?;
    for chair in [
        "the Chairman",
        "the Chairwoman",
        "the Chairperson",
        "the Chair",
        "the Mayor",
        "the Town Mayor",
    ] {
        if let Some(after) = rest.strip_prefix(chair) {
            if !after.starts_with(|c: char| c.is_alphanumeric()) && !after.starts_with(" of") {
                let span = Span::new(pos, pos + chair.len());
                return Some(Party {
                    span,
                    key: span,
                    kind: PartyKind::Chair,
                    person: None,
                });
            }
        }
    }
    let word = word_at(s, pos);
    if is_code(word) {
        let span = Span::new(pos, pos + word.len());
        return Some(Party {
            span,
            key: span,
            kind: PartyKind::Code,
            person: None,
        });
    }
    // A bare name: two or three capitalised words, the first not a common word.
    let mut end = pos;
    let mut words = 0;
    let mut cursor = pos;
    loop {
        let w = word_at(s, cursor);
        let w_trim = w.trim_end_matches(['\'', '-']);
        if w_trim.is_empty() || !is_name_word(w_trim) || (words == 0 && is_not_a_name(w_trim)) {
            break;
        }
        if words > 0 && is_not_a_name(w_trim) {
            break;
        }
        words += 1;
        end = cursor + w_trim.len();
        cursor = end;
        if s[cursor..].starts_with('.') {
            cursor += 1;
        }
        if !s[cursor..].starts_with(' ') || words == 3 {
            break;
        }
        cursor += 1;
    }
    let last = word_before(s, end).1;
    // "proposed Housing Developments": a bare name needs "by", a colon or a dash before it.
    if words >= 2 && last.chars().count() >= 2 && connected {
        let span = Span::new(pos, end);
        return Some(Party {
            span,
            key: span,
            kind: PartyKind::Bare,
            person: None,
        });
    }
    None
}

/// The participant whose name ends at `end` (before white space, a comma or a bracketed code),
/// starting no earlier than `floor`.
pub fn read_before(text: &str, floor: usize, end: usize, titled: &[(Person, Option<usize>)]) -> Option<Party> {
    let s = text.get(..end)?;
    let trimmed = s.trim_end_matches([' ', '\u{a0}', '\t', '\n', '\r']);
    let mut stop = trimmed.len();
    // "NO (Chair) proposed": a bracket after the name.
    if trimmed.ends_with(')') {
        if let Some(open) = trimmed.rfind('(') {
            if stop - open <= 30 && open > floor {
                stop = trimmed[..open].trim_end().len();
            }
        }
    }
    if stop <= floor {
        return None;
    }
    if let Some((person, index)) = titled.iter().find(|(p, _)| p.surname.end == stop) {
        return titled_party(text, person, *index);
    }
    let (start, word) = word_before(s, stop);
    if start < floor {
        return None;
    }
    if is_code(word) {
        let span = Span::new(start, stop);
        return Some(Party {
            span,
            key: span,
            kind: PartyKind::Code,
            person: None,
        });
    }
    if !is_name_word(word) || word.chars().count() < 2 || is_not_a_name(word) {
        return None;
    }
    // One or two more capitalised words before it, and no capitalised word before those.
    let mut first = start;
    let mut words = 1;
    while words < 3 {
        let before = &s[..first];
        let Some(space) = before.strip_suffix(' ') else { break };
        let (w_start, w) = word_before(space, space.len());
        let w = w.trim_end_matches('.');
        if w.is_empty() || w_start < floor || !is_name_word(w) || is_not_a_name(w) {
            break;
        }
        first = w_start;
        words += 1;
    }
    if words < 2 {
        return None;
    }
    let span = Span::new(first, stop);
    Some(Party {
        span,
        key: span,
        kind: PartyKind::Bare,
        person: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::people::scan_people;

    fn titled(s: &str) -> Vec<(Person, Option<usize>)> {
        scan_people(s, Span::new(0, s.len()), false)
            .into_iter()
            .map(|p| (p, None))
            .collect()
    }

    fn after(s: &str, word: &str) -> Option<String> {
        let at = s.find(word).unwrap() + word.len();
        read_after(s, at, s.len(), &titled(s)).map(|p| p.span.slice(s).to_string())
    }

    fn before(s: &str, word: &str) -> Option<String> {
        let at = s.find(word).unwrap();
        read_before(s, 0, at, &titled(s)).map(|p| p.span.slice(s).to_string())
    }

    #[test]
    fn reads_names_after_the_word() {
        assert_eq!(
            after("proposed by Cllr. Ames, seconded", "proposed").as_deref(),
            Some("Cllr. Ames")
        );
        assert_eq!(
            after("Proposed: Jo Hartley, seconded", "Proposed").as_deref(),
            Some("Jo Hartley")
        );
        assert_eq!(after("Proposed (AH) & Seconded", "Proposed").as_deref(), Some("AH"));
        assert_eq!(after("Proposed RT 2nd", "Proposed").as_deref(), Some("RT"));
        assert_eq!(
            after("moved by the Chairman and", "moved").as_deref(),
            Some("the Chairman")
        );
        assert_eq!(after("It was proposed that the", "proposed"), None);
        assert_eq!(after("the proposed development", "proposed"), None);
        assert_eq!(after("seconded by the Parish Council", "seconded"), None);
    }

    #[test]
    fn reads_names_before_the_word() {
        assert_eq!(
            before("Councillor Lowe moved and", " moved").as_deref(),
            Some("Councillor Lowe")
        );
        assert_eq!(before("Then KA seconded", " seconded").as_deref(), Some("KA"));
        assert_eq!(
            before("Jo Hartley proposed", " proposed").as_deref(),
            Some("Jo Hartley")
        );
        assert_eq!(before("The Chair proposed", " proposed"), None);
        assert_eq!(before("It was proposed", " proposed"), None);
    }
}
