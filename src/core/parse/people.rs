//! Reading people's names: "Councillor Stone – in the Chair", "Councillors Alijah, Collins and
//! Reid", "Mrs B Kellner, Co-opted Member", "Cllr Mr A H Porter (Chair)", "Mr L Parker (Solicitor)".

use crate::core::model::Person;
use crate::core::text::Span;
use regex::Regex;
use std::sync::OnceLock;

/// Honorifics and titles that introduce a name.
pub const TITLES: &[&str] = &[
    "Councillors", "Councillor", "Cllrs", "Cllr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Professor", "Prof",
    "Reverend", "Revd", "Rev", "Sir", "Dame", "Lord", "Lady", "Baroness", "Alderman",
];

/// True for the titles that name a councillor ("Councillor", "Cllr" and their plurals).
pub fn is_councillor_title(word: &str) -> bool {
    matches!(word.trim_end_matches('.'), "Councillor" | "Councillors" | "Cllr" | "Cllrs")
}

/// Every titled name in `span` ("Councillor Taylor", "Mrs B Kellner"). With `roles`, a name's
/// role after a comma or in brackets is read too, as attendance lists write them.
pub fn scan_people(text: &str, span: Span, roles: bool) -> Vec<Person> {
    let Some(slice) = text.get(span.range()) else { return Vec::new() };
    let mut people = Vec::new();
    let mut resume = 0;
    for m in title_pattern().find_iter(slice) {
        if m.start() < resume {
            continue;
        }
        let title_word = m.as_str().trim_end_matches('.');
        let title = span.sub(m.start()..m.end());
        let mut at = m.end();
        if title_word == "Councillors" || title_word == "Cllrs" {
            let list_start = people.len();
            loop {
                let Some(name) = read_name(slice, at) else { break };
                let mut person = person_from(span, title, &name);
                at = name.end;
                at = read_chair(slice, at, &mut person);
                people.push(person);
                let Some(next) = list_separator(slice, at) else { break };
                at = next;
            }
            let group = Span::new(title.start, span.start + at);
            for person in &mut people[list_start..] {
                person.group = group;
            }
        } else {
            // "Cllr Mr A H Porter": a second honorific after the first is part of the title.
            if let Some(second) = title_pattern().find(&slice[at..]).filter(|s| s.start() == 1) {
                at += second.end();
            }
            let Some(name) = read_name(slice, at) else {
                resume = at;
                continue;
            };
            let mut person = person_from(span, title, &name);
            at = read_chair(slice, name.end, &mut person);
            if roles {
                at = read_role(slice, at, span, &mut person);
            }
            person.group = person.span;
            people.push(person);
        }
        resume = at;
    }
    people
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
    // Anything but punctuation left over means this line is prose, not a name.
    if slice[at..].trim().trim_matches(|c: char| c.is_ascii_punctuation()).is_empty() {
        Some(person)
    } else {
        None
    }
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
    let rest = slice.get(at..)?;
    let skipped = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    if skipped == 0 && at != 0 {
        return None;
    }
    let mut pos = at + skipped;
    let mut tokens = Vec::new();
    while tokens.len() < 5 {
        let Some(m) = name_token().find(&slice[pos..]) else { break };
        if m.start() != 0 || is_title_word(m.as_str()) || is_not_a_name(m.as_str()) {
            break;
        }
        // A full stop belongs to an initial ("A."), not to a surname ending a sentence.
        let token = m.as_str();
        let len = if token.ends_with('.') && token.chars().count() > 2 { m.end() - 1 } else { m.end() };
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

fn read_chair(slice: &str, at: usize, person: &mut Person) -> usize {
    static CHAIR: OnceLock<Regex> = OnceLock::new();
    static VICE: OnceLock<Regex> = OnceLock::new();
    let chair = CHAIR.get_or_init(|| {
        Regex::new(r"^[\s\u{a0}]*(?:[–—-][\s\u{a0}]*[Ii]n the Chair|\((?:[Ii]n the )?(?:Chair|Chairman|Chairwoman|Chairperson)\)|,[\s\u{a0}]*(?:the )?(?:Chair|Chairman|Chairwoman|Chairperson)\b)")
            .expect("valid")
    });
    let vice = VICE.get_or_init(|| {
        Regex::new(r"^[\s\u{a0}]*(?:\(Vice[- ]?(?:Chair|Chairman|Chairwoman|Chairperson)\)|,[\s\u{a0}]*Vice[- ]?(?:Chair|Chairman|Chairwoman|Chairperson)\b|[–—-][\s\u{a0}]*Vice[- ]?Chair\b)")
            .expect("valid")
    });
    let rest = &slice[at..];
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
    let Some(after_comma) = rest.strip_prefix(',') else { return at };
    let start = at + 1 + (after_comma.len() - after_comma.trim_start().len());
    let tail = &slice[start..];
    let end = title_pattern()
        .find_iter(tail)
        .map(|m| m.start())
        .find(|&i| i > 0)
        .unwrap_or(tail.len());
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
    slice[next..].starts_with(|c: char| c.is_uppercase()).then_some(next - 1)
}

fn title_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let alternatives = TITLES.join("|");
        Regex::new(&format!(r"\b(?:{alternatives})\b\.?")).expect("valid")
    })
}

fn name_token() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^\p{Lu}[\p{L}\p{M}'’\-]*\.?").expect("valid"))
}

fn is_title_word(token: &str) -> bool {
    TITLES.contains(&token.trim_end_matches('.'))
}

/// Capitalised words that follow a name without being part of it.
fn is_not_a_name(token: &str) -> bool {
    matches!(
        token,
        "Chair" | "Chairman" | "Executive" | "Member" | "Members" | "The" | "And" | "Co-opted" | "Vice-Chair" | "I" | "OBE" | "MBE" | "CBE"
    )
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
        assert_eq!(people[5].group.slice(text), "Councillors Alijah, Collins, Lovecy, Reid and Taylor");
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
    fn reads_bare_names_on_their_own_line() {
        let text = "Jane Smith (Chair)";
        let p = scan_bare_name(text, Span::new(0, text.len())).unwrap();
        assert!(p.chair);
        assert_eq!(p.surname.slice(text), "Smith");
        assert!(scan_bare_name("The meeting opened", Span::new(0, 18)).is_none());
    }
}
