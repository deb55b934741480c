//! Reading people's names: "Councillor Stone – in the Chair", "Councillors Alijah, Collins and
//! Reid", "Mrs B Kellner, Co-opted Member", "Cllr Mr A H Porter (Chair)", "Mr L Parker (Solicitor)",
//! "Chair Cllr. C Edwards", "Jo Kent — *Treasurer*", "Cllrs Ames, Lowe (Deputy Mayor) and Kerr";
//! and telling a line of an attendance list from prose written straight after it.

use crate::core::ascii_words::any_capital;
use crate::core::model::Person;
use crate::core::text::Span;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// Honorifics and titles that introduce a name.
pub const TITLES: &[&str] = &[
    "Councillors",
    "Councillor",
    "Cllrs",
    "Cllr",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Professor",
    "Prof",
    "Reverend",
    "Revd",
    "Rev",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Alderman",
];

/// True for the titles that name a councillor ("Councillor", "Cllr" and their plurals).
pub fn is_councillor_title(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "Councillor" | "Councillors" | "Cllr" | "Cllrs"
    )
}

/// Every titled name in `span` ("Councillor Taylor", "Mrs B Kellner"). With `roles`, a name's
/// role after a comma or in brackets is read too, as attendance lists write them.
pub fn scan_people(text: &str, span: Span, roles: bool) -> Vec<Person> {
    let Some(slice) = text.get(span.range()) else {
        return Vec::new();
    };
    let mut people = Vec::new();
    let mut resume = 0;
    for m in titles(slice) {
        if m.start < resume {
            continue;
        }
        let title_word = slice[m.clone()].trim_end_matches('.');
        let title = span.sub(m.clone());
        let mut at = m.end;
        if title_word == "Councillors" || title_word == "Cllrs" {
            let list_start = people.len();
            let mut breaks = false;
            while let Some(name) = read_name_in(slice, at, breaks) {
                breaks = true;
                let mut person = person_from(span, title, &name);
                at = name.end;
                at = read_chair(slice, at, &mut person);
                // "P Cowell (Deputy Mayor)": a role in brackets inside the list.
                if roles && !person.chair && !person.vice_chair {
                    let rest = &slice[at..];
                    if rest.starts_with(" (") || rest.starts_with('(') {
                        at = read_role(slice, at, span, &mut person);
                        at = read_chair(slice, at, &mut person);
                    }
                }
                let marked = at > name.end;
                people.push(person);
                let Some(next) = list_separator(slice, at) else {
                    // "Councillors D Lowe (Chair) R Ames, S Kerr": a chair marker ends its entry
                    // even without a comma.
                    if marked && slice[at..].starts_with(' ') && read_name(slice, at).is_some() {
                        continue;
                    }
                    break;
                };
                at = next;
            }
            let group = Span::new(title.start, span.start + at);
            for person in &mut people[list_start..] {
                person.group = group;
            }
        } else {
            // "Cllr Mr A H Porter": a second honorific after the first is part of the title.
            // (The pattern's first match in the rest starting at 1 is a match at 1: none at 0
            // can be followed by one at 1.)
            if let Some(second) = title_at(&slice[at..], 1) {
                at += second.end;
            }
            let Some(name) = read_name(slice, at) else {
                resume = at;
                continue;
            };
            let mut person = person_from(span, title, &name);
            at = read_chair(slice, name.end, &mut person);
            if roles && !person.chair && !person.vice_chair {
                read_chair_before(&slice[..m.start], &mut person);
            }
            if roles {
                at = read_role(slice, at, span, &mut person);
                // "Councillor J Smith (Leader) (Chair)": the chair marker may follow the role.
                if !person.chair && !person.vice_chair {
                    at = read_chair(slice, at, &mut person);
                }
            }
            // The whole entry: the name with its chair marker and role, which removing the
            // person removes.
            let entry_end = slice[..at].trim_end_matches(|c: char| c.is_whitespace()).len();
            person.group = Span::new(person.span.start, (span.start + entry_end).max(person.span.end));
            people.push(person);
        }
        resume = at;
    }
    people
}

/// Whether a line of an attendance block reads as part of the list ("Councillor A Lee (Chair)",
/// "Jo Kent, Clerk to the Council", "3 members of the public") rather than as prose that
/// follows it without a blank line ("Councillor Lee thanked the outgoing chair for her work").
/// Lists are written in capitalised words; a line with three lower-case words or more, and
/// more of them than capitalised ones (or very many), is prose, and so is one with a word that
/// makes a sentence ("agreed", "was", "that") among two lower-case words or more. Words in
/// brackets are not counted. A line starting with a dotted number opens the items.
pub fn reads_as_list_line(line: &str) -> bool {
    /// Words that make a sentence of a line, where a list has none.
    const SENTENCE: &[&str] = &[
        "that",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "had",
        "has",
        "have",
        "will",
        "would",
        "agreed",
        "reported",
        "thanked",
        "asked",
        "said",
        "welcomed",
        "noted",
        "explained",
    ];
    // A numbered heading ("16.05.1 Election of Chair", "12/3 Minutes") starts the items.
    let first = line.split_whitespace().next().unwrap_or("");
    if first.starts_with(|c: char| c.is_ascii_digit()) {
        // "3 members of the public" is a head count; "16.05.1 Election of Chair" an item.
        return !first.trim_end_matches('.').contains(['.', '/']);
    }
    let (mut lower, mut upper, mut depth, mut verbs) = (0usize, 0usize, 0usize, 0usize);
    for word in line.split(|c: char| c.is_whitespace()) {
        let opened = word.matches('(').count();
        let closed = word.matches(')').count();
        let inside = depth > 0 || word.starts_with('(');
        depth = (depth + opened).saturating_sub(closed);
        if inside {
            continue;
        }
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        match word.chars().next() {
            Some(c) if c.is_lowercase() && word.chars().count() > 1 => {
                lower += 1;
                verbs += usize::from(SENTENCE.contains(&word));
            }
            Some(c) if c.is_uppercase() => upper += 1,
            _ => {}
        }
    }
    !((lower >= 3 && (lower > upper || lower >= 8)) || (verbs > 0 && lower >= 2))
}

/// Words that end a role, not a name: "Dog Warden", "Parish Clerk", "Area Manager".
const ROLE_WORDS: &[&str] = &[
    "Administrator",
    "Adviser",
    "Advisor",
    "Assistant",
    "Clerk",
    "Co-ordinator",
    "Coordinator",
    "Council",
    "Councillor",
    "Director",
    "Engineer",
    "Governor",
    "Manager",
    "Mayor",
    "Member",
    "Members",
    "Officer",
    "Planner",
    "Public",
    "Representative",
    "Secretary",
    "Solicitor",
    "Treasurer",
    "Warden",
];

/// Whether a piece of a list is a role ("Dog Warden", "Formartine Area Manager") rather than
/// a name: its last word names a job.
pub fn is_role(piece: &str) -> bool {
    let last = piece
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    ROLE_WORDS.contains(&last)
}

/// A name without a title on an attendance line of its own: "Jane Smith", "J Smith (Chair)",
/// "Liam Parker, Solicitor".
pub fn scan_bare_name(text: &str, line: Span) -> Option<Person> {
    let slice = text.get(line.range())?;
    let name = read_name(slice, 0)?;
    if name.tokens.len() < 2 && !slice[name.end..].trim_start().starts_with('(') {
        return None;
    }
    let mut person = Person {
        span: line.sub(name.start..name.end),
        title: None,
        given: name.given.map(|g| line.sub(g)),
        surname: line.sub(name.surname.clone()),
        role: None,
        chair: false,
        vice_chair: false,
        group: line,
    };
    let at = read_chair(slice, name.end, &mut person);
    let at = read_role(slice, at, line, &mut person);
    let left = slice[at..].trim().trim_matches(|c: char| c.is_ascii_punctuation());
    if left.is_empty() {
        return Some(person);
    }
    // "Mrs K Dale Parish Clerk": a role written straight after the name.
    let capitalised = left
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    if person.role.is_none() && capitalised && left.split_whitespace().count() <= 4 && is_role(left) {
        let start = at + slice[at..].find(left).unwrap_or(0);
        person.role = Some(line.sub(start..start + left.len()));
        return Some(person);
    }
    // Anything else left over means this line is prose, not a name.
    None
}

struct Name {
    start: usize,
    end: usize,
    given: Option<std::ops::Range<usize>>,
    surname: std::ops::Range<usize>,
    tokens: Vec<std::ops::Range<usize>>,
}

fn person_from(span: Span, title: Span, name: &Name) -> Person {
    Person {
        span: Span::new(title.start, span.start + name.end),
        title: Some(title),
        given: name.given.clone().map(|g| span.sub(g)),
        surname: span.sub(name.surname.clone()),
        role: None,
        chair: false,
        vice_chair: false,
        group: Span::default(),
    }
}

/// Reads "A H Porter", "Stone", "Mary O’Neill-Smith" starting at `at` (after one space).
fn read_name(slice: &str, at: usize) -> Option<Name> {
    read_name_in(slice, at, false)
}

/// A title word that is someone's surname: "Lord" or "Lady" after a given name and ending the
/// name ("Cllr Bev Lord (Chair)"), not the start of a title ("Cllr Ann Lee Lord Mayor").
fn surname_like_title(tokens: &[std::ops::Range<usize>], slice: &str, pos: usize, token: &str) -> bool {
    if tokens.is_empty() || !matches!(token, "Lord" | "Lady") {
        return false;
    }
    let after = &slice[pos + token.len()..];
    let next = after.strip_prefix(' ').unwrap_or("");
    !next.starts_with(|c: char| c.is_uppercase())
}

/// [`read_name`], where `breaks` lets the name start on the next line, as the names of a list
/// run on after a comma ("M Dyer,\nL Emery"); a title at the end of a line ("Co-option of
/// Councillor") is not followed by a name on the next.
fn read_name_in(slice: &str, at: usize, breaks: bool) -> Option<Name> {
    let rest = slice.get(at..)?;
    let skipped = if breaks {
        rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\n', '\r']).len()
    } else {
        rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len()
    };
    if skipped == 0 && at != 0 {
        return None;
    }
    let mut pos = at + skipped;
    let mut tokens = Vec::new();
    while tokens.len() < 5 {
        let Some(token) = name_token(&slice[pos..]) else {
            break;
        };
        if is_not_a_name(token) || (is_title_word(token) && !surname_like_title(&tokens, slice, pos, token)) {
            break;
        }
        // A full stop belongs to an initial ("A."), not to a surname ending a sentence.
        let len = if token.ends_with('.') && token.chars().count() > 2 {
            token.len() - 1
        } else {
            token.len()
        };
        // A possessive is not part of the name: "Mr Thomas' report", "Councillor Hale’s motion".
        let len = without_possessive(&token[..len]).len();
        tokens.push(pos..pos + len);
        pos += len;
        let after = &slice[pos..];
        let gap = after.len() - after.trim_start_matches(' ').len();
        if gap != 1 {
            break;
        }
        let next = &after[gap..];
        if !next.starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        pos += gap;
    }
    // A trailing space may have been consumed before a non-name word.
    let last = tokens.last()?.clone();
    let surname_token = &slice[last.clone()];
    if surname_token.trim_end_matches('.').chars().count() < 2 {
        return None;
    }
    let given = (tokens.len() > 1).then(|| tokens[0].start..tokens[tokens.len() - 2].end);
    Some(Name {
        start: tokens[0].start,
        end: last.end,
        given,
        surname: last,
        tokens,
    })
}

/// "Thomas'" and "Hale’s" without the possessive ending; a name of one letter and an
/// apostrophe ("O'") is left as it is.
fn without_possessive(token: &str) -> &str {
    let stem = token
        .strip_suffix("'s")
        .or_else(|| token.strip_suffix("’s"))
        .unwrap_or(token)
        .trim_end_matches(['\'', '’']);
    if stem.chars().count() >= 2 {
        stem
    } else {
        token
    }
}

/// "Chair Cllr. C Edwards", "Chairman: Councillor Lee", "Vice Chairman Cllr Ng": a chair named
/// before the name, as lists written one person to a line put it. Marks the person and returns
/// true when `before` (the text up to the title) ends with such a label.
fn read_chair_before(before: &str, person: &mut Person) -> bool {
    let label = before.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '–' | '—' | '-' | '|'));
    let Some(word) = label.rsplit(|c: char| !c.is_alphabetic()).next() else {
        return false;
    };
    if !matches!(
        word.to_ascii_lowercase().as_str(),
        "chair" | "chairman" | "chairwoman" | "chairperson"
    ) {
        return false;
    }
    let rest = label[..label.len() - word.len()].trim_end_matches([' ', '-', '\u{a0}']);
    // The label must start its line or follow the end of the entry before it.
    let vice = rest.to_ascii_lowercase().ends_with("vice");
    let rest = if vice {
        rest[..rest.len() - 4].trim_end_matches([' ', '\u{a0}'])
    } else {
        rest
    };
    if !(rest.is_empty() || rest.ends_with(['\n', ',', ';', ')', '|'])) {
        return false;
    }
    if vice {
        person.vice_chair = true;
    } else {
        person.chair = true;
    }
    true
}

fn read_chair(slice: &str, at: usize, person: &mut Person) -> usize {
    static CHAIR: OnceLock<Regex> = OnceLock::new();
    static VICE: OnceLock<Regex> = OnceLock::new();
    let chair = CHAIR.get_or_init(|| {
        Regex::new(r"^[\s\u{a0}]*(?:[–—-][\s\u{a0}]*[Ii]n the Chair|\((?:[Ii]n the )?(?:Chair|Chairman|Chairwoman|Chairperson)\)|,[\s\u{a0}]*(?:the )?(?:Chair|Chairman|Chairwoman|Chairperson)\b|[–—][\s\u{a0}]*[*_]{0,2}(?:Chair|Chairman|Chairwoman|Chairperson)(?:[*_]{1,2}|\b))")
            .expect("valid")
    });
    let vice = VICE.get_or_init(|| {
        Regex::new(r"^[\s\u{a0}]*(?:\(Vice[- ]?(?:Chair|Chairman|Chairwoman|Chairperson)\)|,[\s\u{a0}]*Vice[- ]?(?:Chair|Chairman|Chairwoman|Chairperson)\b|[–—-][\s\u{a0}]*[*_]{0,2}Vice[- ]?(?:Chair|Chairman|Chairwoman|Chairperson)(?:[*_]{1,2}|\b))")
            .expect("valid")
    });
    let rest = &slice[at..];
    // Both patterns need a dash, a bracket or a comma after the white space.
    if !rest.trim_start().starts_with(['–', '—', '-', '(', ',']) {
        return at;
    }
    if let Some(m) = vice.find(rest) {
        person.vice_chair = true;
        return at + m.end();
    }
    if let Some(m) = chair.find(rest) {
        person.chair = true;
        return at + m.end();
    }
    at
}

/// Reads a role after a comma (up to the next titled name or the end) or in brackets.
fn read_role(slice: &str, at: usize, span: Span, person: &mut Person) -> usize {
    let rest = &slice[at..];
    if let Some(inner) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('(')) {
        if let Some(close) = inner.find(')') {
            let start = at + (rest.len() - inner.len());
            person.role = Some(span.sub(start..start + close));
            return start + close + 1;
        }
        return at;
    }
    // "Paul Ingram — *Treasurer*": a role after a long dash, to the end of the line.
    let dashed = rest.trim_start_matches([' ', '\u{a0}']);
    if let Some(after_dash) = dashed.strip_prefix(['—', '–']) {
        let start = at + (rest.len() - after_dash.len());
        let line_end = after_dash.find('\n').unwrap_or(after_dash.len());
        let role = &after_dash[..line_end];
        let inner = role.trim().trim_matches(['*', '_']).trim();
        if inner.starts_with(|c: char| c.is_uppercase()) && title_from(role, 0).is_none() {
            let lead = role.find(inner).unwrap_or(0);
            person.role = Some(span.sub(start + lead..start + lead + inner.len()));
            return start + line_end;
        }
        return at;
    }
    let Some(after_comma) = rest.strip_prefix(',') else {
        return at;
    };
    let start = at + 1 + (after_comma.len() - after_comma.trim_start().len());
    let tail = &slice[start..];
    // ", Councillor B Jones": the next name, not a role.
    if title_at(tail, 0).is_some() {
        return at;
    }
    let end = title_from(tail, 0).map_or(tail.len(), |m| m.start);
    let role = tail[..end].trim_end().trim_end_matches([',', '.', ';']);
    if role.is_empty() || !role.starts_with(|c: char| c.is_uppercase()) {
        return at;
    }
    person.role = Some(span.sub(start..start + role.len()));
    start + end
}

/// After a name in a list: ", " or " and " or " & " followed by another name.
fn list_separator(slice: &str, at: usize) -> Option<usize> {
    static SEP: OnceLock<Regex> = OnceLock::new();
    let sep = SEP.get_or_init(|| Regex::new(r"^(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)").expect("valid"));
    let m = sep.find(&slice[at..])?;
    let next = at + m.end();
    slice[next..]
        .starts_with(|c: char| c.is_uppercase())
        .then_some(next - 1)
}

/// The title words in `hay`, in order, as the pattern `\b(?:TITLES)\b\.?` (Unicode word
/// boundaries) finds them: matches do not overlap, so each search starts where the last ended.
fn titles(hay: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let found = title_from(hay, from)?;
        from = found.end;
        Some(found)
    })
}

/// The first title the pattern of [`titles`] matches at or after `from`. Every title starts
/// with an ASCII capital, so only those places are tried.
fn title_from(hay: &str, from: usize) -> Option<Range<usize>> {
    let bytes = hay.as_bytes();
    let mut found = None;
    any_capital(bytes.get(from..)?, |offset| {
        let start = from + offset;
        // Most capitals start no title, or stand inside a word ("RESOLVED"): quick tests first.
        let second = bytes.get(start + 1).copied().unwrap_or(0);
        let may_start = bytes
            .get(start)
            .is_some_and(|&first| TITLE_HEADS[usize::from(first)] & head_bit(second) != 0)
            && !start
                .checked_sub(1)
                .and_then(|i| bytes.get(i))
                .is_some_and(u8::is_ascii_alphanumeric);
        found = may_start.then(|| title_at(hay, start)).flatten();
        found.is_some()
    });
    found
}

/// The title the pattern of [`titles`] matches at `start`, with its full stop if one follows.
///
/// A title matches where it is the whole run of ASCII letters there (a letter after it would
/// leave no word boundary, and a shorter title is then followed by a letter too) with no word
/// character before it or after the run.
fn title_at(hay: &str, start: usize) -> Option<Range<usize>> {
    let bytes = hay.as_bytes();
    let shapes = TITLE_SHAPES[usize::from(*bytes.get(start)?)];
    let len = bytes
        .get(start..)?
        .iter()
        .take(16)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    // A run of 16 letters (the most read) is longer than any title, and past the mask's bits.
    if len >= 16 || shapes & (1 << len) == 0 {
        return None;
    }
    let run = hay.get(start..start + len)?;
    if !TITLES.contains(&run) || hay.get(..start)?.chars().next_back().is_some_and(is_regex_word) {
        return None;
    }
    let after = hay.get(start + len..)?;
    if after.chars().next().is_some_and(is_regex_word) {
        return None;
    }
    Some(start..start + len + usize::from(after.starts_with('.')))
}

/// For each first byte, the [`head_bit`]s of the second bytes of the titles that start with it.
const TITLE_HEADS: [u32; 256] = {
    let mut heads = [0u32; 256];
    let mut i = 0;
    while i < TITLES.len() {
        let title = TITLES[i].as_bytes();
        let second = if title.len() > 1 { title[1] } else { 0 };
        heads[title[0] as usize] |= head_bit(second);
        i += 1;
    }
    heads
};

/// One bit for each small letter, and one for any other byte.
const fn head_bit(byte: u8) -> u32 {
    match byte {
        b'a'..=b'z' => 1 << (byte - b'a'),
        _ => 1 << 26,
    }
}

/// For each first byte, a bit for each length of the titles that start with it: a quick test
/// that turns away most capitalised words before they are compared with the titles.
const TITLE_SHAPES: [u16; 256] = {
    let mut shapes = [0u16; 256];
    let mut i = 0;
    while i < TITLES.len() {
        let title = TITLES[i].as_bytes();
        shapes[title[0] as usize] |= 1 << title.len();
        i += 1;
    }
    shapes
};

/// Whether the regex crate's Unicode `\w` (and so `\b`) counts `c` as a word character.
fn is_regex_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    static WORD: OnceLock<Regex> = OnceLock::new();
    WORD.get_or_init(|| Regex::new(r"^\w$").expect("valid"))
        .is_match(c.encode_utf8(&mut [0; 4]))
}

/// The name token `rest` starts with, as the pattern `^\p{Lu}[\p{L}\p{M}'’\-]*\.?` reads it: a
/// capital, then letters, marks, apostrophes and hyphens, then perhaps a full stop.
fn name_token(rest: &str) -> Option<&str> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let bytes = rest.as_bytes();
    // An ASCII token ending at ASCII reads the same without the regex, which is most of them.
    if bytes.first().is_some_and(u8::is_ascii) {
        if !bytes.first().is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        let run = bytes
            .iter()
            .take_while(|b| b.is_ascii_alphabetic() || matches!(b, b'\'' | b'-'))
            .count();
        if bytes.get(run).map_or(true, u8::is_ascii) {
            let stop = bytes.get(run) == Some(&b'.');
            return rest.get(..run + usize::from(stop));
        }
    }
    let re = RE.get_or_init(|| Regex::new(r"^\p{Lu}[\p{L}\p{M}'’\-]*\.?").expect("valid"));
    re.find(rest).map(|m| m.as_str())
}

fn is_title_word(token: &str) -> bool {
    TITLES.contains(&token.trim_end_matches('.'))
}

/// Capitalised words that follow a name without being part of it, or follow a title without
/// being a name: "Councillor Call for Action", "Councillor Code of Conduct", "Councillor
/// Development Programme" and the like are procedures, not people.
const NOT_NAMES: &[&str] = &[
    "Chair",
    "Chairman",
    "Executive",
    "Member",
    "Members",
    "The",
    "And",
    "Co-opted",
    "Vice-Chair",
    "I",
    "OBE",
    "MBE",
    "CBE",
    "MP",
    "MSP",
    "MEP",
    "Mayor",
    "Mayoress",
    "Deputy",
    "Call",
    "Code",
    "Conduct",
    "Development",
    "Allowance",
    "Allowances",
    "Enquiry",
    "Enquiries",
    "Briefing",
    "Briefings",
    "Training",
    "Champions",
    "Surgery",
    "Surgeries",
    "Grants",
    "Induction",
    "Portal",
    "Services",
    "Support",
    "Forum",
    "Update",
    "Updates",
    "Question",
    "Questions",
    "Motion",
    "Motions",
    "Role",
    "Roles",
    "Panel",
    "Group",
    "Budget",
    "Scheme",
    "Engagement",
    "Report",
    "Reports",
    "Remuneration",
    "Vacancy",
    "Vacancies",
    "Attendance",
    "Register",
    "Interests",
    "Complaints",
    "Complaint",
    "Mentoring",
    "Workshop",
    "Workshops",
    "Network",
    "Involvement",
    "Information",
    "Handbook",
    "Bulletin",
    "Newsletter",
    "Learning",
    "Expenses",
    "Protocol",
    "Casework",
    "Community",
    "Agenda",
    "Item",
    "Items",
    "Nature",
    "Explanation",
    "Clerk",
    "Treasurer",
    "Secretary",
    "Parish",
    "Acting",
    "Locum",
];

fn is_not_a_name(token: &str) -> bool {
    static SORTED: OnceLock<Vec<&str>> = OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        let mut words = NOT_NAMES.to_vec();
        words.sort_unstable();
        words
    });
    sorted.binary_search(&token.trim_end_matches('.')).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, bool)> {
        scan_people(text, Span::new(0, text.len()), true)
            .iter()
            .map(|p| (p.surname.slice(text).to_string(), p.chair))
            .collect()
    }

    #[test]
    fn a_surname_that_is_also_a_title_ends_the_name() {
        let surnames = |text: &str| -> Vec<String> { names(text).into_iter().map(|(s, _)| s).collect() };
        assert_eq!(surnames("Cllr Bev Lord (Chair), Cllr Ann Lady"), ["Lord", "Lady"]);
        assert_eq!(
            names("Present: Councillor Jo Lord (Chair)")[0],
            ("Lord".to_string(), true)
        );
        // Followed by another capitalised word it is a title, as before.
        assert_eq!(surnames("Councillor Ann Lee Lord Mayor"), ["Lee"]);
        assert_eq!(surnames("Mrs Pat Hill and Lord Smith"), ["Hill", "Smith"]);
    }

    /// A capitalised run of 16 letters or more, starting like a title, is read as no title
    /// (it once overflowed the shape mask).
    #[test]
    fn a_long_run_of_letters_is_no_title() {
        for text in [
            "Councillorshipsxx Taylor",
            "Mrsxxxxxxxxxxxxxxxxxx Smith and Councillor Reid",
        ] {
            let found: Vec<String> = names(text).into_iter().map(|(surname, _)| surname).collect();
            let expected: Vec<&str> = if text.contains("Reid") { vec!["Reid"] } else { vec![] };
            assert_eq!(found, expected, "{text}");
        }
    }

    #[test]
    fn reads_a_chair_and_a_councillor_list() {
        let text = "Councillor Stone – in the Chair Councillors Alijah, Collins, Lovecy, Reid and Taylor";
        let found = names(text);
        assert_eq!(
            found,
            vec![
                ("Stone".into(), true),
                ("Alijah".into(), false),
                ("Collins".into(), false),
                ("Lovecy".into(), false),
                ("Reid".into(), false),
                ("Taylor".into(), false)
            ]
        );
        let people = scan_people(text, Span::new(0, text.len()), true);
        assert_eq!(
            people[5].group.slice(text),
            "Councillors Alijah, Collins, Lovecy, Reid and Taylor"
        );
    }

    #[test]
    fn a_chair_marker_ends_its_entry_without_a_comma() {
        let text = "Councillors D Lowe (Chair) R Ames, S Kerr and P Moss";
        let found = names(text);
        assert_eq!(
            found,
            vec![
                ("Lowe".into(), true),
                ("Ames".into(), false),
                ("Kerr".into(), false),
                ("Moss".into(), false)
            ]
        );
    }

    #[test]
    fn a_role_in_brackets_stays_inside_a_councillors_list() {
        let text = "Cllrs B Ames, P Lowe (Deputy Mayor), M Kerr (Town Mayor) and T Venn";
        let people = scan_people(text, Span::new(0, text.len()), true);
        let surnames: Vec<&str> = people.iter().map(|p| p.surname.slice(text)).collect();
        assert_eq!(surnames, ["Ames", "Lowe", "Kerr", "Venn"]);
        assert_eq!(people[1].role.unwrap().slice(text), "Deputy Mayor");
    }

    #[test]
    fn a_list_runs_over_a_line_break_but_a_title_at_a_line_end_takes_no_name() {
        let text = "Cllrs A Ames, M Dyer,\nL Emery and T Venn";
        let surnames: Vec<(String, bool)> = names(text);
        assert_eq!(surnames.len(), 4, "{surnames:?}");
        let text = "Co-option of Councillor\n   Kate Hollis was welcomed";
        assert!(names(text).is_empty());
    }

    #[test]
    fn reads_roles_and_double_titles() {
        let text = "Mrs B Kellner, Co-opted Member, Representative of the Diocese of Manchester Ms M Neall, Co-opted Member, Parent Governor Representative";
        let people = scan_people(text, Span::new(0, text.len()), true);
        assert_eq!(people.len(), 2);
        assert_eq!(people[0].given.unwrap().slice(text), "B");
        assert_eq!(
            people[0].role.unwrap().slice(text),
            "Co-opted Member, Representative of the Diocese of Manchester"
        );
        assert_eq!(people[1].surname.slice(text), "Neall");

        let text = "Cllr Mr A H Porter (Chair)";
        let people = scan_people(text, Span::new(0, text.len()), true);
        assert_eq!(people[0].surname.slice(text), "Porter");
        assert_eq!(people[0].given.unwrap().slice(text), "A H");
        assert!(people[0].chair);

        let text = "Councillor J Smith (Chair), Councillor B Jones, Executive Member";
        let people = scan_people(text, Span::new(0, text.len()), true);
        assert_eq!(people.len(), 2);
        assert!(people[0].role.is_none());
        assert_eq!(people[0].group.slice(text), "Councillor J Smith (Chair)");
        assert_eq!(people[1].role.unwrap().slice(text), "Executive Member");

        let text = "Councillor J Smith (Leader) (Chair)";
        let people = scan_people(text, Span::new(0, text.len()), true);
        assert!(people[0].chair);
        assert_eq!(people[0].role.unwrap().slice(text), "Leader");
        assert_eq!(people[0].group.slice(text), text);

        let text = "Mr L Parker (Solicitor)";
        let people = scan_people(text, Span::new(0, text.len()), true);
        assert_eq!(people[0].role.unwrap().slice(text), "Solicitor");
    }

    #[test]
    fn reads_names_in_prose_without_swallowing_words() {
        let text = "Executive Member Update – Councillor Hill, Executive Member for Culture.";
        let people = scan_people(text, Span::new(0, text.len()), false);
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].span.slice(text), "Councillor Hill");
    }

    #[test]
    fn procedures_named_after_councillors_are_not_people() {
        for text in [
            "a Councillor Call for Action was raised",
            "the Councillor Code of Conduct applies",
            "the Councillor Development Programme",
            "Councillor Allowances were reviewed",
        ] {
            assert!(scan_people(text, Span::new(0, text.len()), false).is_empty(), "{text}");
        }
    }

    #[test]
    fn titles_are_found_as_with_unicode_word_boundaries() {
        assert!(TITLES.iter().all(|t| t.starts_with(|c: char| c.is_ascii_uppercase())));
        let unicode = Regex::new(&format!(r"\b(?:{})\b\.?", TITLES.join("|"))).unwrap();
        let parts = [
            "Mr",
            "Mrs",
            "Cllr",
            "Cllrs",
            "Councillor",
            "s",
            ".",
            " ",
            "é",
            "_",
            "1",
            "\u{301}",
            "–",
            "😀",
            "Prof",
            "essor",
        ];
        for hay in crate::core::testing::random_texts(&parts, 10, 0x2545_f491_4f6c_dd1d, 20_000) {
            let expected: Vec<_> = unicode.find_iter(&hay).map(|m| m.range()).collect();
            assert_eq!(titles(&hay).collect::<Vec<_>>(), expected, "{hay:?}");
        }
    }

    #[test]
    fn name_tokens_are_read_as_the_pattern_reads_them() {
        let pattern = Regex::new(r"^\p{Lu}[\p{L}\p{M}'’\-]*\.?").unwrap();
        let parts = [
            "A", "b", "O", "’", "'", "-", ".", " ", "é", "É", "\u{301}", "1", "Neill", "ß", "İ", "😀", ",",
        ];
        for rest in crate::core::testing::random_texts(&parts, 8, 0x2545_f491_4f6c_dd1d, 20_000) {
            assert_eq!(name_token(&rest), pattern.find(&rest).map(|m| m.as_str()), "{rest:?}");
        }
    }

    #[test]
    fn list_lines_and_prose_are_told_apart() {
        for line in [
            "Councillor P Okafor (Chair), Councillor R Venn",
            "Dana Whitlow, Clerk to the Council",
            "Mrs T Ashby, Representative of the Allotment Society",
            "4 members of the public",
            "Cllr Q Ferris sent his apologies",
            "Councillor B Marsh (arrived at 7.40pm during the discussion of item five)",
        ] {
            assert!(reads_as_list_line(line), "{line}");
        }
        for line in [
            "All Councillors agreed that Councillor Ames be elected Chair.",
            "14.03.2 Declarations of Interest",
            "The Chair thanked Councillor Venn for her years of service to the village.",
            "Councillor Okafor reported that the play area had been repainted",
            "Mr Ferris asked about the footpath",
        ] {
            assert!(!reads_as_list_line(line), "{line}");
        }
    }

    #[test]
    fn a_possessive_is_not_part_of_the_surname() {
        for (text, surname) in [
            ("work by Mr Dale Haddon' team", "Haddon"),
            ("Councillor Pryce’s motion", "Pryce"),
            ("Councillor Pryce's motion", "Pryce"),
            ("Mrs O'Hara spoke", "O'Hara"),
        ] {
            let people = scan_people(text, Span::new(0, text.len()), false);
            assert_eq!(people[0].surname.slice(text), surname, "{text}");
        }
    }

    #[test]
    fn a_chair_named_before_the_name_is_the_chair() {
        let text = "Chair Cllr. P Okafor, Cllr. R Venn";
        let people = scan_people(text, Span::new(0, text.len()), true);
        assert!(people[0].chair);
        assert!(!people[1].chair);
        let text = "Chairman: Cllr Mrs Lowther Councillors: Mrs Dale";
        let people = scan_people(text, Span::new(0, text.len()), true);
        assert!(people[0].chair);
        let text = "Councillor Ames\nVice Chairman Cllr Ng";
        let people = scan_people(text, Span::new(0, text.len()), true);
        assert!(people[1].vice_chair && !people[1].chair);
        // In prose, "the Chair" before a name is a sentence, not a marker.
        let text = "Ames, then the Chair Cllr Ng spoke";
        let people = scan_people(text, Span::new(0, text.len()), true);
        assert!(!people[0].chair);
    }

    #[test]
    fn a_role_straight_after_a_bare_name() {
        let text = "Kay Dale Parish Clerk";
        let p = scan_bare_name(text, Span::new(0, text.len())).unwrap();
        assert_eq!(p.surname.slice(text), "Dale");
        assert_eq!(p.role.unwrap().slice(text), "Parish Clerk");
        let text = "Jo Kent Acting Clerk";
        let p = scan_bare_name(text, Span::new(0, text.len())).unwrap();
        assert_eq!(p.surname.slice(text), "Kent");
        assert!(scan_bare_name("Jo Kent went home", Span::new(0, 17)).is_none());
    }

    #[test]
    fn reads_bare_names_on_their_own_line() {
        let text = "Jane Smith (Chair)";
        let p = scan_bare_name(text, Span::new(0, text.len())).unwrap();
        assert!(p.chair);
        assert_eq!(p.surname.slice(text), "Smith");
        assert!(scan_bare_name("The meeting opened", Span::new(0, 18)).is_none());
    }
}
