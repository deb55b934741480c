//! Finding dates in the text ("Monday 21st March, 2022", "Wed, 23 March 2022", "Tuesday 17 October").

use crate::core::text::Span;
use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use std::sync::OnceLock;

/// The months' names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date written in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// The whole mention, weekday included.
    pub span: Span,
    /// The weekday as written and where it is.
    pub weekday: Option<(Weekday, Span)>,
    pub day: u32,
    pub month: u32,
    /// None when the text gives no year ("Tuesday 17 October").
    pub year: Option<i32>,
}

impl DateMention {
    /// The calendar date, taking `default_year` when the mention has none; None for a date
    /// that does not exist (31 February) or when no year is known.
    pub fn date(&self, default_year: Option<i32>) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year.or(default_year)?, self.month, self.day)
    }
}

/// Every date mention in `text`, in order.
///
/// The patterns only find where mentions are; [`read_mention`] reads their parts, which is
/// several times faster than asking the regex engine for capture groups on every match.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    // Every date has a month name or a four-digit year, both cheap to find; the full patterns
    // run only on the lines that hold one, which keeps a long document fast.
    let mut found = Vec::new();
    let mut searched_to = 0;
    for m in candidate_pattern().find_iter(text) {
        if m.start() < searched_to {
            continue;
        }
        let start = memchr::memrchr2(b'\n', b'\r', &text.as_bytes()[..m.start()]).map_or(0, |i| i + 1);
        let end = memchr::memchr2(b'\n', b'\r', &text.as_bytes()[m.end()..]).map_or(text.len(), |i| m.end() + i);
        find_dates_in_line(text, Span::new(start, end), &mut found);
        searched_to = end;
    }
    found
}

fn candidate_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|19[0-9][0-9]|20[0-9][0-9]")
            .expect("valid")
    })
}

/// The dates in one line, appended to `found` in text order.
fn find_dates_in_line(text: &str, line: Span, found: &mut Vec<DateMention>) {
    let slice = line.slice(text);
    let first = found.len();
    let at = |m: regex::Match| Span::new(line.start + m.start(), line.start + m.end());
    found.extend(
        day_month_pattern()
            .find_iter(slice)
            .filter_map(|m| read_mention(text, at(m))),
    );
    // The day-first mentions are in text order, so overlaps are found by binary search.
    let day_first = found.len();
    for m in month_day_pattern().find_iter(slice) {
        let span = at(m);
        if overlaps_sorted(&found[first..day_first], span) {
            continue;
        }
        if let Some(mention) = read_mention(text, span).filter(|d| d.weekday.is_some()) {
            found.push(mention);
        }
    }
    // "12/09/2017", "Tuesday 12.09.2017": day first, as UK minutes write them.
    for m in numeric_pattern().find_iter(slice) {
        if let Some(mention) = read_mention(text, at(m)) {
            found.push(mention);
        }
    }
    found[first..].sort_by_key(|d| d.span.start);
}

/// Reads the weekday, day, month and year of a mention the patterns found.
fn read_mention(text: &str, span: Span) -> Option<DateMention> {
    let written = span.slice(text);
    let mut weekday = None;
    let mut day = None;
    let mut month = None;
    let mut year = None;
    let mut offset = 0;
    for piece in written.split(|c: char| c.is_whitespace() || c == ',') {
        let start = offset;
        offset += piece.len() + written[offset + piece.len()..].chars().next().map_or(0, char::len_utf8);
        let word = piece.trim_end_matches('.');
        if word.is_empty() {
            continue;
        }
        let first_digit = word.starts_with(|c: char| c.is_ascii_digit());
        if first_digit && word.contains(['/', '.']) {
            let mut parts = word.split(['/', '.']);
            day = parts.next().and_then(|d| d.parse::<u32>().ok());
            month = parts
                .next()
                .and_then(|m| m.parse::<u32>().ok())
                .filter(|m| (1..=12).contains(m));
            year = parts.next().and_then(|y| y.parse::<i32>().ok());
        } else if first_digit {
            let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            if digits.len() == 4 && day.is_some() {
                year = digits.parse::<i32>().ok();
            } else if day.is_none() {
                day = digits.parse::<u32>().ok();
            }
        } else if weekday.is_none() && day.is_none() && month.is_none() && is_weekday_word(word) {
            weekday =
                weekday_from_name(word).map(|w| (w, Span::new(span.start + start, span.start + start + word.len())));
        } else if month.is_none() {
            month = month_number(word);
        }
    }
    Some(DateMention {
        span,
        weekday,
        day: day?,
        month: month?,
        year,
    })
}

/// Whether `word` is one of the weekday spellings the patterns accept (not "the" or "of").
fn is_weekday_word(word: &str) -> bool {
    word.len() >= 3 && weekday_from_name(word).is_some() && month_number(word).is_none()
}

/// The English name of a weekday, written as the text wrote it: full or abbreviated.
pub fn weekday_name(day: Weekday, abbreviated: bool) -> &'static str {
    let (full, short) = match day {
        Weekday::Mon => ("Monday", "Mon"),
        Weekday::Tue => ("Tuesday", "Tue"),
        Weekday::Wed => ("Wednesday", "Wed"),
        Weekday::Thu => ("Thursday", "Thu"),
        Weekday::Fri => ("Friday", "Fri"),
        Weekday::Sat => ("Saturday", "Sat"),
        Weekday::Sun => ("Sunday", "Sun"),
    };
    if abbreviated {
        short
    } else {
        full
    }
}

/// The weekday of a calendar date.
pub fn weekday_of(date: NaiveDate) -> Weekday {
    date.weekday()
}

const WEEKDAY: &str = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun|MON|TUES|TUE|WED|THURS|THUR|THU|FRI|SAT|SUN)\.?";
const MONTH: &str = r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)(?-u:\b)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)(?-u:\b)\.?)";

fn day_month_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = format!(
            r"(?-u:\b)(?:{WEEKDAY},?\s+(?:the\s+)?)?(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+(?P<year>(?:19|20)[0-9][0-9])(?-u:\b))?"
        );
        Regex::new(&pattern).expect("date pattern is valid")
    })
}

/// True when `span` overlaps a mention in `sorted` (ordered by start, not overlapping).
fn overlaps_sorted(sorted: &[DateMention], span: Span) -> bool {
    let i = sorted.partition_point(|d| d.span.end <= span.start);
    sorted.get(i).is_some_and(|d| d.span.overlaps(span))
}

fn numeric_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = format!(
            r"(?-u:\b)(?:{WEEKDAY},?\s+)?(?P<day>[0-3]?[0-9])[/.](?P<month>[01]?[0-9])[/.](?P<year>(?:19|20)[0-9][0-9])(?-u:\b)"
        );
        Regex::new(&pattern).expect("date pattern is valid")
    })
}

fn month_day_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let pattern = format!(
            r"(?-u:\b){WEEKDAY},?\s+{MONTH}\s+(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>(?:19|20)[0-9][0-9])(?-u:\b))?"
        );
        Regex::new(&pattern).expect("date pattern is valid")
    })
}

fn weekday_from_name(name: &str) -> Option<Weekday> {
    let key = name.trim_end_matches('.').get(..3)?;
    let days = [
        ("mon", Weekday::Mon),
        ("tue", Weekday::Tue),
        ("wed", Weekday::Wed),
        ("thu", Weekday::Thu),
        ("fri", Weekday::Fri),
        ("sat", Weekday::Sat),
        ("sun", Weekday::Sun),
    ];
    days.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, d)| *d)
}

fn month_number(name: &str) -> Option<u32> {
    let key = name.trim_end_matches('.').get(..3)?;
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| m.eq_ignore_ascii_case(key))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_uk_dates_with_and_without_weekday_and_year() {
        let text =
            "Monday 21st March, 2022 4.00 pm; Wed, 23 March 2022; Tuesday 17 October at 10:00am; 12 September 2017";
        let dates = find_dates(text);
        assert_eq!(dates.len(), 4);
        assert_eq!((dates[0].day, dates[0].month, dates[0].year), (21, 3, Some(2022)));
        assert_eq!(dates[0].weekday.map(|w| w.0), Some(Weekday::Mon));
        assert_eq!(dates[1].weekday.map(|w| w.0), Some(Weekday::Wed));
        assert_eq!(dates[2].year, None);
        assert!(dates[3].weekday.is_none());
        assert_eq!(dates[2].date(Some(2017)).map(weekday_of), Some(Weekday::Tue));
    }

    #[test]
    fn reads_month_first_dates() {
        let dates = find_dates("on Tuesday, April 26, 2022 at noon");
        assert_eq!(dates.len(), 1);
        assert_eq!((dates[0].day, dates[0].month, dates[0].year), (26, 4, Some(2022)));
    }

    #[test]
    fn impossible_dates_have_no_calendar_date() {
        let dates = find_dates("Monday 31 February 2022");
        assert_eq!(dates.len(), 1);
        assert_eq!(dates[0].date(None), None);
    }

    #[test]
    fn sentence_punctuation_and_word_parts_are_not_dates() {
        let dates = find_dates("The next meeting is Tuesday 17 October. It scored 12 Decibels, on 3 Marches.");
        assert_eq!(dates.len(), 1);
        assert_eq!(dates[0].span, Span::new(20, 38));
        let dates = find_dates("Held on 12 Oct. 2022 and 17 October, the day after.");
        assert_eq!(dates.len(), 2);
        assert_eq!(dates[0].year, Some(2022));
        assert_eq!(dates[1].year, None);
        assert_eq!(
            &"Held on 12 Oct. 2022 and 17 October, the day after."[dates[1].span.range()],
            "17 October"
        );
    }

    #[test]
    fn numeric_dates_are_day_first() {
        let dates = find_dates("Date: 12/09/2017; held Tuesday 26.04.2022; not 13/25/2022 or 21/47.");
        assert_eq!(dates.len(), 2);
        assert_eq!((dates[0].day, dates[0].month, dates[0].year), (12, 9, Some(2017)));
        assert_eq!(dates[1].weekday.map(|w| w.0), Some(Weekday::Tue));
        assert_eq!((dates[1].day, dates[1].month), (26, 4));
    }

    #[test]
    fn capitals_are_read_too() {
        let dates = find_dates("MONDAY 21 MARCH 2022 and WED 23 MAR 2022");
        assert_eq!(dates.len(), 2);
        assert_eq!(dates[0].weekday.map(|w| w.0), Some(Weekday::Mon));
        assert_eq!((dates[1].day, dates[1].month), (23, 3));
    }

    #[test]
    fn long_lines_of_other_scripts_are_quick() {
        let text = "é😀".repeat(100_000);
        assert!(find_dates(&text).is_empty());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        #[test]
        fn any_text_gives_sound_mentions(pieces in proptest::collection::vec(proptest::prop_oneof![
            proptest::prelude::Just("Monday"), proptest::prelude::Just("Tues."), proptest::prelude::Just("WED"),
            proptest::prelude::Just("21st"), proptest::prelude::Just("31"), proptest::prelude::Just("0"),
            proptest::prelude::Just("March"), proptest::prelude::Just("Sept."), proptest::prelude::Just("MAY"),
            proptest::prelude::Just("2022"), proptest::prelude::Just("/"), proptest::prelude::Just("."),
            proptest::prelude::Just(","), proptest::prelude::Just(" "), proptest::prelude::Just("\u{a0}"),
            proptest::prelude::Just("the"), proptest::prelude::Just("of"), proptest::prelude::Just("😀"),
            proptest::prelude::Just("\r\n"), proptest::prelude::Just("12/09/2017"),
        ], 0..40)) {
            let text = pieces.concat();
            for d in find_dates(&text) {
                proptest::prop_assert!(text.get(d.span.range()).is_some());
                if let Some((_, w)) = d.weekday {
                    proptest::prop_assert!(d.span.covers(w));
                    proptest::prop_assert!(text.get(w.range()).is_some());
                }
                proptest::prop_assert!((1..=12).contains(&d.month));
            }
        }
    }
}
