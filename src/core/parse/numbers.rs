//! Recognising item numbers at the start of a line, in every shape councils use.

use crate::core::dates::MONTH_NAMES;
use crate::core::model::{ItemNumber, NumberPart};
use crate::core::text::Span;
use regex::{Regex, RegexSet};
use std::sync::OnceLock;

/// An item number found at the start of a line, with the title that follows it on that line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberedLine {
    pub number: ItemNumber,
    /// The rest of the line after the number and its punctuation (may be empty).
    pub title: Span,
    /// The number is a plain counter ("12.", "12"): the shape that numbered lists share.
    pub plain: bool,
    /// A plain number followed by a whole sentence or more: an inline item ("4. Allotment: the
    /// tenant asked …") or a numbered paragraph; the parser decides from the sequence.
    pub long: bool,
}

/// Reads an item number at the start of `line` (already stripped of decoration), whose first
/// byte is at `offset` in the document.
pub fn item_number_at_start(line: &str, offset: usize) -> Option<NumberedLine> {
    if !may_start_with_number(line) {
        return None;
    }
    // One pass tells which patterns match; only those are asked for their groups, in order.
    for index in pattern_set().matches(line).iter() {
        let Some(caps) = pattern(index).captures(line) else {
            continue;
        };
        let (Some(num), Some(rest)) = (caps.name("num"), caps.name("rest")) else {
            continue;
        };
        let rest_text = rest.as_str();
        // "No. 5 Church Lane" is an address, "Pl.204" a minute.
        if index == ABBREVIATED && num.as_str().starts_with("No") {
            continue;
        }
        if is_year_range(num.as_str()) {
            continue;
        }
        // "21/02/2022" is a date, "21/47" an item; "21.5%" or "2.5 hours" are not items.
        let decimal = rest_text.starts_with('.') && rest_text[1..].starts_with(|c: char| c.is_ascii_digit());
        if decimal || rest_text.starts_with(['/', '%', ',']) || rest_text.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let plain = index == PATTERNS.len() - 1;
        let title = title_after(line, rest.start());
        let title_text = &line[title.clone()];
        if !title_text.is_empty() && !looks_like_title(title_text) {
            continue;
        }
        // "10/06/01" is a date unless a wide gap sets the title apart, as minute references are.
        if index == DATE_LIKE && !(rest_text.starts_with("  ") || rest_text.starts_with('\t') || title_text.is_empty())
        {
            continue;
        }
        if plain && is_plain_number_false_positive(num.as_str(), title_text, line) {
            continue;
        }
        let long = plain && title_text.split_whitespace().count() > 20;
        let number = split_number(num.as_str(), offset + num.start());
        return Some(NumberedLine {
            number,
            title: Span::new(offset + title.start, offset + title.end),
            plain,
            long,
        });
    }
    None
}

/// A cheap test that rules out most prose lines before the patterns run: every item number's
/// first word holds a digit, is "Item"/"Minute"/"Agenda", or is a short code before a number.
fn may_start_with_number(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let Some(first) = words.next() else { return false };
    if first.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    if matches!(
        first,
        "Item" | "ITEM" | "Minute" | "MINUTE" | "Agenda" | "AGENDA" | "Cofnod" | "COFNOD"
    ) {
        return true;
    }
    first.len() <= 4
        && first.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.')
        && first.starts_with(|c: char| c.is_ascii_uppercase())
        && words
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// The index in [`patterns`] of an abbreviation before a number ("Pl.204").
const ABBREVIATED: usize = 5;
/// The index in [`patterns`] of the three-part slashed number that could be a date.
const DATE_LIKE: usize = 6;

/// The item number shapes, tried in this order: the first that matches and passes the checks
/// after it wins.
const PATTERNS: [&str; 14] = [
    // Cofnod 65/Minute 65: a bilingual label, read as its English half
    r"^(?:Cofnod|COFNOD)\s+[0-9]{1,5}\s*/\s*(?P<num>(?:Minute|MINUTE)\s+[0-9]{1,5}[a-z]?)(?P<rest>.*)$",
    // Item 12, Minute 12, Agenda Item 4
    r"^(?P<num>(?:Agenda [Ii]tem|AGENDA ITEM|Item|ITEM|Minute|MINUTE)\s+[0-9]{1,5}[a-z]?)(?P<rest>.*)$",
    // CYP/OSG/17/13, EX/23/004, Fin/112/11-12
    r"^(?P<num>[A-Z][A-Za-z]{0,5}(?:/[A-Z]{1,6})*/[0-9]{1,4}/[0-9]{1,5}(?:-[0-9]{2})?)(?P<rest>.*)$",
    // AM119: a ModernGov code and number alone on a line, the title on the next
    r"^(?P<num>[A-Z]{1,4}[0-9]{2,5})(?P<rest>)$",
    // CB20/15, C 10/034, K112/24, LIC31/19
    r"^(?P<num>[A-Z]{1,4} ?[0-9]{1,4}/[0-9]{1,5})(?P<rest>.*)$",
    // Pl.204, Min. 12
    r"^(?P<num>[A-Z][a-z]{0,3}\. ?[0-9]{1,5})(?P<rest>(?:[.:)]?(?:\s.*)?)?)$",
    // 10/06/01 (year/month/number), only with a wide gap after it
    r"^(?P<num>[0-9]{2}/[0-9]{2}/[0-9]{2,3})(?P<rest>(?:\s.*)?)$",
    // 14.08/19 (number.sub/year)
    r"^(?P<num>[0-9]{1,3}\.[0-9]{1,3}/[0-9]{2})(?P<rest>.*)$",
    // 25/065.1: a sub-paragraph of minute 25/065
    r"^(?P<num>[0-9]{1,5}/[0-9]{1,5}\.[0-9]{1,3})(?P<rest>(?:[.:)]?\s.*)?)$",
    // 21/47, 77/21
    r"^(?P<num>[0-9]{1,5}/[0-9]{1,5})(?P<rest>.*)$",
    // 2019-03_2. (year-month_number)
    r"^(?P<num>[0-9]{4}-[0-9]{2}_[0-9]{1,3})(?P<rest>(?:\\?[.:)]?(?:\s.*)?)?)$",
    // 19.03.1, 16.3.10 (year.month.number)
    r"^(?P<num>[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,3})(?P<rest>(?:\\?[.:)]?(?:\s.*)?)?)$",
    // 21.44 (year.number); sub-paragraphs are told apart by the parser
    r"^(?P<num>[0-9]{1,4}\.[0-9]{1,3})(?P<rest>(?:\\?[.:)]?(?:\*\*|__)?(?:\s.*)?)?)$",
    // 12.  84.  1772.  12)  12  1\. (a Markdown converter's escaped dot)
    r"^(?P<num>[0-9]{1,5})(?P<rest>(?:\\?[.)]?(?:\*\*|__)?\s.*|\\?[.)](?:\*\*|__)?|\\?\.[A-Z][A-Za-z'’]+(?:\s.*)?)?)$",
];

/// All the patterns at once, to learn in one pass which of them match a line.
fn pattern_set() -> &'static RegexSet {
    static SET: OnceLock<RegexSet> = OnceLock::new();
    SET.get_or_init(|| RegexSet::new(PATTERNS).expect("item number patterns are valid"))
}

/// One pattern, with its groups; built on first use, since a draft uses only a few shapes.
fn pattern(index: usize) -> &'static Regex {
    static RES: [OnceLock<Regex>; PATTERNS.len()] = [const { OnceLock::new() }; PATTERNS.len()];
    RES[index].get_or_init(|| Regex::new(PATTERNS[index]).expect("item number pattern is valid"))
}

/// The title's range within the line: after the number's punctuation and white space.
fn title_after(line: &str, from: usize) -> std::ops::Range<usize> {
    let rest = &line[from..];
    let trimmed = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ':' | ')' | '–' | '—' | '-' | '\\' | '*' | '_')
    });
    let start = line.len() - trimmed.len();
    let end = start + trimmed.trim_end().len();
    start..end
}

fn looks_like_title(title: &str) -> bool {
    let first = title.chars().next().unwrap_or(' ');
    first.is_uppercase() || first.is_ascii_digit() || matches!(first, '(' | '"' | '“' | '‘' | '\'' | '*' | '_')
}

/// Words that, after a bare number, count people or votes rather than title an item.
const COUNTED: &[&str] = &[
    "member",
    "members",
    "for",
    "against",
    "abstention",
    "abstentions",
    "abstained",
    "vote",
    "votes",
    "resident",
    "residents",
    "parishioner",
    "parishioners",
    "people",
    "person",
    "persons",
    "visitor",
    "visitors",
    "councillor",
    "councillors",
    "cllrs",
];

/// "12 September 2017", "2019 Inspection findings", "10 Downing Street": numbers that start a
/// line without being item numbers.
fn is_plain_number_false_positive(num: &str, title: &str, line: &str) -> bool {
    let after_number = &line[num.len()..];
    let has_punctuation = after_number.starts_with(['.', ')', '\\']);
    let first_word = title.split_whitespace().next().unwrap_or("");
    let word = first_word.trim_end_matches([',', '.']);
    if MONTH_NAMES
        .iter()
        .any(|m| word == *m || (word.len() >= 3 && m.starts_with(word)))
    {
        return true;
    }
    if !has_punctuation {
        // "1 Member of the public", "5 For, 0 Against": a count of people or votes, not a
        // heading ("12 MEMBERS' ALLOWANCES", "7 Councillors Reports").
        let counted = word.to_ascii_lowercase();
        let heading = word.chars().all(|c| !c.is_lowercase()) || word.contains(['\'', '’']);
        let next_lower = title
            .split_whitespace()
            .nth(1)
            .map_or(true, |w| w.starts_with(|c: char| c.is_lowercase()));
        if COUNTED.contains(&counted.as_str()) && !heading && (next_lower || first_word.ends_with(',')) {
            return true;
        }
        let value: u64 = num.parse().unwrap_or(0);
        // A bare year or a quantity ("24 hours") without the dot is prose, not a number.
        if (1900..=2100).contains(&value) || title.is_empty() && num.len() > 3 {
            return true;
        }
    }
    false
}

/// "2016/17", "2018/2019": a financial or school year, not a minute number.
fn is_year_range(num: &str) -> bool {
    let Some((first, second)) = num.split_once('/') else {
        return false;
    };
    let (Ok(year), Ok(next)) = (first.parse::<u32>(), second.parse::<u32>()) else {
        return false;
    };
    first.len() == 4
        && (1900..=2100).contains(&year)
        && ((second.len() == 2 && next == (year + 1) % 100) || (second.len() == 4 && next == year + 1))
}

/// Splits a number into text and numeric parts.
pub fn split_number(raw: &str, offset: usize) -> ItemNumber {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut digits_start: Option<usize> = None;
    let bytes = raw.as_bytes();
    for (i, ch) in raw.char_indices() {
        if ch.is_ascii_digit() {
            if digits_start.is_none() {
                if !text.is_empty() {
                    parts.push(NumberPart::Text(std::mem::take(&mut text)));
                }
                digits_start = Some(i);
            }
        } else {
            if let Some(start) = digits_start.take() {
                parts.push(number_part(raw, start, i, offset));
            }
            text.push(ch);
        }
    }
    if let Some(start) = digits_start {
        parts.push(number_part(raw, start, bytes.len(), offset));
    }
    if !text.is_empty() {
        parts.push(NumberPart::Text(text));
    }
    ItemNumber {
        span: Span::new(offset, offset + raw.len()),
        parts,
    }
}

fn number_part(raw: &str, start: usize, end: usize, offset: usize) -> NumberPart {
    let digits = &raw[start..end];
    NumberPart::Number {
        value: digits.parse().unwrap_or(u64::MAX),
        width: digits.len(),
        span: Span::new(offset + start, offset + end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_and_the_set_agree() {
        assert_eq!(pattern_set().len(), PATTERNS.len());
        for line in [
            "12. Minutes",
            "21/47 Budget",
            "Item 4 Planning",
            "AM119",
            "CB20/15 Licence",
            "19.03.1 Grants",
        ] {
            let from_set: Vec<usize> = pattern_set().matches(line).iter().collect();
            let one_by_one: Vec<usize> = (0..PATTERNS.len()).filter(|&i| pattern(i).is_match(line)).collect();
            assert_eq!(from_set, one_by_one, "{line}");
            assert!(!from_set.is_empty(), "{line}");
        }
    }

    fn shape(line: &str) -> Option<(String, String)> {
        item_number_at_start(line, 0).map(|n| (n.number.shape(), line[n.title.range()].to_string()))
    }

    #[test]
    fn recognises_the_shapes_councils_use() {
        assert_eq!(shape("21/47"), Some(("#/#".into(), "".into())));
        assert_eq!(
            shape("CYP/OSG/17/13 Ofsted Monitoring Visit"),
            Some(("CYP/OSG/#/#".into(), "Ofsted Monitoring Visit".into()))
        );
        assert_eq!(shape("12. Apologies"), Some(("#".into(), "Apologies".into())));
        assert_eq!(
            shape("84. Apologies (Item 1)"),
            Some(("#".into(), "Apologies (Item 1)".into()))
        );
        assert_eq!(shape("1772."), Some(("#".into(), "".into())));
        assert_eq!(shape("CB20/15 Budget"), Some(("CB#/#".into(), "Budget".into())));
        assert_eq!(shape("C 10/034 Planning"), Some(("C #/#".into(), "Planning".into())));
        assert_eq!(shape("EX/23/004 Housing"), Some(("EX/#/#".into(), "Housing".into())));
        assert_eq!(
            shape("21.44 Clerk's report"),
            Some(("#.#".into(), "Clerk's report".into()))
        );
        assert_eq!(shape("Item 12: Budget"), Some(("Item #".into(), "Budget".into())));
        assert_eq!(shape("Minute 12 Budget"), Some(("Minute #".into(), "Budget".into())));
    }

    #[test]
    fn rejects_dates_quantities_and_sentences() {
        assert_eq!(shape("21/02/2022 was the date"), None);
        assert_eq!(shape("12 September 2017"), None);
        assert_eq!(shape("2019 Inspection"), None);
        assert_eq!(shape("24 hours notice was given"), None);
        assert_eq!(shape("5,000 welcome payment"), None);
        assert_eq!(shape("2.5 hours were spent"), None);
        assert_eq!(shape("21/22 budget"), None);
    }

    #[test]
    fn keeps_zero_padding() {
        let n = item_number_at_start("EX/23/004 Housing", 0).unwrap().number;
        assert_eq!(n.numbers(), vec![23, 4]);
        assert!(matches!(n.parts.last(), Some(NumberPart::Number { width: 3, .. })));
    }
}
