//! What the server needs to know about acronyms and people at a position.
//!
//! These are small local scans over the model and the text. Each function is the single place
//! to switch to the shared analyses (`core::analysis::acronyms::AcronymAnalysis`,
//! `core::analysis::people::PeopleAnalysis`) once they land: hover, completion and definition
//! call only these.

use crate::core::config::Config;
use crate::core::glossary::Glossary;
use crate::core::model::{AttendanceKind, Minutes, Person};
use crate::core::text::Span;
use std::collections::BTreeMap;

/// The word (letters, digits, `'`) around a byte offset.
pub fn word_at(text: &str, offset: usize) -> Option<Span> {
    let offset = crate::core::text::floor_char_boundary(text, offset.min(text.len()));
    let is_word = |c: char| c.is_alphanumeric();
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word(*c))
        .last()
        .map(|(i, _)| i)
        .unwrap_or(offset);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !is_word(*c))
        .map(|(i, _)| offset + i)
        .unwrap_or(text.len());
    (end > start).then(|| Span::new(start, end))
}

/// Two or more capitals, letters only, allowing mixed case ("DfE", "PfA") and a plural ("GPs").
pub fn is_acronym(word: &str) -> bool {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let len = word.chars().count();
    first_upper && upper >= 2 && (2..=12).contains(&len) && word.chars().all(char::is_alphabetic) && upper * 2 >= len
}

/// The acronym without a plural "s" ("GPs" → "GP").
pub fn singular(acronym: &str) -> &str {
    match acronym.strip_suffix('s') {
        Some(rest) if is_acronym(rest) => rest,
        _ => acronym,
    }
}

/// A place in the document that defines an acronym, and its long form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    /// The acronym (or the glossary entry's acronym) at the definition.
    pub span: Span,
    pub long_form: String,
}

const STOP_WORDS: &[&str] = &["and", "of", "for", "the", "&", "in", "to", "on"];

/// Definitions of `acronym` written in the document: glossary lists ("CHC – Continuing Health
/// Care"), "Full Name (ABC)" and "ABC (Full Name)". Should switch to `AcronymAnalysis`.
pub fn definitions_in_document(text: &str, minutes: &Minutes, acronym: &str) -> Vec<Definition> {
    let mut found = Vec::new();
    for entry in &minutes.glossary {
        if entry.acronym.slice(text) == acronym {
            found.push(Definition {
                span: entry.acronym,
                long_form: entry.long_form.slice(text).trim().to_string(),
            });
        }
    }
    let needle = format!("({acronym})");
    for (at, _) in text.match_indices(&needle) {
        if let Some(long_form) = long_form_before(&text[..at], acronym) {
            found.push(Definition {
                span: Span::new(at + 1, at + 1 + acronym.len()),
                long_form,
            });
        }
    }
    for (at, _) in text.match_indices(acronym) {
        let before_ok = text[..at].chars().next_back().map_or(true, |c| !c.is_alphanumeric());
        let rest = &text[at + acronym.len()..];
        if !before_ok || !rest.starts_with(" (") {
            continue;
        }
        let inner = &rest[2..];
        let Some(close) = inner.find(')') else {
            continue;
        };
        let long = &inner[..close];
        if initials_match(long, acronym) {
            found.push(Definition {
                span: Span::new(at, at + acronym.len()),
                long_form: long.trim().to_string(),
            });
        }
    }
    found.sort_by_key(|d| d.span.start);
    found.dedup_by_key(|d| d.span);
    found
}

fn initials_match(phrase: &str, acronym: &str) -> bool {
    long_form_before(phrase, acronym).is_some_and(|l| l.len() + 1 >= phrase.trim().len())
}

/// The words just before `before`'s end whose initials spell `acronym` (skipping small words).
fn long_form_before(before: &str, acronym: &str) -> Option<String> {
    let letters: Vec<char> = singular(acronym).chars().flat_map(char::to_lowercase).collect();
    let trimmed = before.trim_end();
    let mut want = letters.len();
    let mut start = None;
    let mut cursor = trimmed.len();
    for (count, word) in trimmed.rsplit(|c: char| c.is_whitespace()).enumerate() {
        if count > 16 || want == 0 {
            break;
        }
        let word_start = cursor - word.len();
        cursor = word_start.saturating_sub(1);
        if word.is_empty() {
            continue;
        }
        let clean = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        let first = clean.chars().next().map(|c| c.to_lowercase().next().unwrap_or(c));
        if first == Some(letters[want - 1]) {
            want -= 1;
            start = Some(word_start);
        } else if STOP_WORDS.contains(&clean.to_lowercase().as_str()) && start.is_some() {
            continue;
        } else {
            return None;
        }
    }
    let start = start?;
    (want == 0).then(|| {
        trimmed[start..]
            .trim_matches(|c: char| c.is_whitespace() || c == '(' || c == '-')
            .to_string()
    })
}

/// Long forms for an acronym, best first, each with where it comes from. Should switch to
/// `AcronymAnalysis` for the document's own definitions.
pub fn long_forms(text: &str, minutes: &Minutes, config: &Config, acronym: &str) -> Vec<(String, &'static str)> {
    let key = singular(acronym);
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let mut push = |long: String, origin: &'static str| {
        if !long.is_empty() && !out.iter().any(|(l, _)| l.eq_ignore_ascii_case(&long)) {
            out.push((long, origin));
        }
    };
    for d in definitions_in_document(text, minutes, key) {
        push(d.long_form, "defined in this document");
    }
    if let Some(long) = config.glossary.get(key) {
        push(long.clone(), "from minutes-lint.toml");
    }
    for meaning in Glossary::builtin().meanings(key) {
        push(meaning.long_form.clone(), "from the built-in glossary");
    }
    out
}

/// Every acronym used in the document with its first long form found. Should switch to
/// `AcronymAnalysis`.
pub fn document_acronyms(text: &str, minutes: &Minutes) -> BTreeMap<String, Option<String>> {
    let mut out = BTreeMap::new();
    for entry in &minutes.glossary {
        out.insert(
            entry.acronym.slice(text).to_string(),
            Some(entry.long_form.slice(text).trim().to_string()),
        );
    }
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if is_acronym(word) && !out.contains_key(singular(word)) && out.len() < 2000 {
            out.insert(singular(word).to_string(), None);
        }
    }
    out
}

/// Whole-word occurrences of an acronym (and its plural).
pub fn occurrences(text: &str, acronym: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices(acronym) {
        let before = text[..at].chars().next_back();
        let after_text = &text[at + acronym.len()..];
        let mut end = at + acronym.len();
        let mut after = after_text.chars().next();
        if after == Some('s') {
            end += 1;
            after = after_text.chars().nth(1);
        }
        if before.map_or(true, |c| !c.is_alphanumeric()) && after.map_or(true, |c| !c.is_alphanumeric()) {
            out.push(Span::new(at, end));
        }
    }
    out
}

/// A person in the attendance lists, with every list they are in.
#[derive(Clone, Debug)]
pub struct Attendee<'m> {
    pub person: &'m Person,
    pub kinds: Vec<AttendanceKind>,
}

/// Everyone in the attendance lists, one entry per surname. Should switch to `PeopleAnalysis`.
pub fn attendees<'m>(text: &str, minutes: &'m Minutes) -> Vec<Attendee<'m>> {
    let mut out: Vec<Attendee<'m>> = Vec::new();
    for section in &minutes.attendance {
        for person in &section.people {
            let surname = person.surname.slice(text);
            match out.iter_mut().find(|a| a.person.surname.slice(text) == surname) {
                Some(a) => {
                    if !a.kinds.contains(&section.kind) {
                        a.kinds.push(section.kind);
                    }
                }
                None => out.push(Attendee {
                    person,
                    kinds: vec![section.kind],
                }),
            }
        }
    }
    out
}

/// Describes an attendee's status: "present (Chair)", "present and sent apologies".
pub fn status(attendee: &Attendee<'_>) -> String {
    let mut words: Vec<&str> = attendee.kinds.iter().map(|k| k.label()).collect();
    words.dedup();
    let mut s = words.join(" and ");
    if attendee.person.chair {
        s.push_str(" (Chair)");
    } else if attendee.person.vice_chair {
        s.push_str(" (Vice-Chair)");
    }
    s
}

/// The attendee named at `offset`: a listed person, or a surname mentioned anywhere in the text.
/// Should switch to `PeopleAnalysis`.
pub fn attendee_at<'m>(text: &str, minutes: &'m Minutes, offset: usize) -> Option<(Span, Attendee<'m>)> {
    let all = attendees(text, minutes);
    for section in &minutes.attendance {
        for person in &section.people {
            if person.span.contains(offset) {
                let surname = person.surname.slice(text);
                let found = all.iter().find(|a| a.person.surname.slice(text) == surname)?;
                return Some((person.span, found.clone()));
            }
        }
    }
    let word = word_at(text, offset)?;
    let found = all
        .into_iter()
        .find(|a| a.person.surname.slice(text) == word.slice(text))?;
    Some((word, found))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse;

    #[test]
    fn recognises_acronyms() {
        for yes in ["NHS", "DfE", "PfA", "GPs", "CAMHS"] {
            assert!(is_acronym(yes), "{yes}");
        }
        for no in ["The", "I", "A1", "Hello"] {
            assert!(!is_acronym(no), "{no}");
        }
        assert_eq!(singular("GPs"), "GP");
    }

    #[test]
    fn finds_definitions_both_ways() {
        let text =
            "The Department for Education (DfE) said. Later the DfE agreed.\nCCG (Clinical Commissioning Group) too.";
        let m = parse(text);
        let d = definitions_in_document(text, &m, "DfE");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].long_form, "Department for Education");
        let d = definitions_in_document(text, &m, "CCG");
        assert_eq!(d[0].long_form, "Clinical Commissioning Group");
        assert_eq!(occurrences(text, "DfE").len(), 2);
    }
}
