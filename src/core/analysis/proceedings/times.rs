//! Clock times as minutes write them ("7.30pm", "7:30 p.m.", "19:30", "20.15", "7pm",
//! "17:25hrs"), and the meeting's opening and closing times.
//!
//! A time written without am or pm may be morning or evening ("closed at 8.40" of an evening
//! meeting): it keeps both readings, and a check only calls two times impossible when no reading
//! of either makes them possible.

use crate::core::text::Span;
use regex::Regex;
use std::sync::OnceLock;

/// A time of day as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClockTime {
    /// Minutes after midnight of the reading as written (hours 1–12 without am/pm read as am).
    pub minutes: u16,
    /// True when the text fixes the time (am, pm, noon, or a 24-hour hour of 13 or more, or 0).
    pub fixed: bool,
}

impl ClockTime {
    /// The readings this time allows, in minutes after midnight.
    pub fn readings(self) -> [u16; 2] {
        if self.fixed || self.minutes >= 12 * 60 {
            [self.minutes, self.minutes]
        } else {
            [self.minutes, self.minutes + 12 * 60]
        }
    }

    /// True when some reading of `self` is at or after some reading of `other`.
    pub fn can_be_at_or_after(self, other: ClockTime) -> bool {
        let (a, b) = (self.readings(), other.readings());
        a.iter().any(|x| b.iter().any(|y| x >= y))
    }

    /// The time as "7.30 pm" for messages (the evening reading of an unfixed time).
    pub fn display(self) -> String {
        let minutes = self.minutes;
        let (h, m) = (minutes / 60, minutes % 60);
        let (h12, suffix) = match h {
            0 => (12, "am"),
            1..=11 => (h, if self.fixed { "am" } else { "" }),
            12 => (12, "pm"),
            _ => (h - 12, "pm"),
        };
        let mut out = format!("{h12}.{m:02}");
        if !suffix.is_empty() {
            out.push(' ');
            out.push_str(suffix);
        }
        out
    }
}

fn time_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)(2[0-3]|[01]?[0-9])(?:([.:])([0-5][0-9]))?(?:\s?(a\.\s?m(?-u:\b)\.?|am(?-u:\b)|p\.\s?m(?-u:\b)\.?|pm(?-u:\b)|hrs(?-u:\b)|hours(?-u:\b)|noon(?-u:\b)))?",
        )
        .unwrap()
    })
}

/// Every clock time in `span`, in order, with its span.
pub fn times_in(text: &str, span: Span) -> Vec<(ClockTime, Span)> {
    let Some(slice) = text.get(span.range()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for caps in time_pattern().captures_iter(slice) {
        let whole = caps.get(0).unwrap();
        // Not part of a longer number or a date: "12.03.2021", "£7.50", "25/07".
        let before = slice[..whole.start()].chars().next_back();
        let after = slice[whole.end()..].chars().next();
        if matches!(before, Some('£' | '$' | '€' | '/' | '.' | ':' | ',' | '-'))
            || before.is_some_and(|c| c.is_ascii_digit())
            || matches!(after, Some('/' | '%'))
            || after.is_some_and(|c| c.is_ascii_digit())
            || (matches!(after, Some('.' | ':')) && slice[whole.end() + 1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            continue;
        }
        let hour: u16 = caps[1].parse().unwrap_or(99);
        let minute: u16 = caps.get(3).map_or(0, |m| m.as_str().parse().unwrap_or(99));
        let suffix = caps.get(4).map(|m| m.as_str().to_ascii_lowercase());
        let separated = caps.get(2).is_some();
        if hour > 23 || minute > 59 {
            continue;
        }
        let mut minutes = hour * 60 + minute;
        let fixed = match suffix.as_deref() {
            Some(s) if s.starts_with('a') => {
                if hour > 12 {
                    continue;
                }
                if hour == 12 {
                    minutes -= 12 * 60;
                }
                true
            }
            Some(s) if s.starts_with('p') => {
                if hour < 12 {
                    minutes += 12 * 60;
                }
                true
            }
            Some("noon") => {
                if hour != 12 {
                    continue;
                }
                true
            }
            Some(_) => {
                // "17:25hrs", "1930 hours": a 24-hour clock.
                if !separated {
                    continue;
                }
                true
            }
            None => {
                // A bare "8" or "2019" is no time; "20.15" and "8.40" are, when the words
                // around say so (the callers only look where a time is expected).
                if !separated {
                    continue;
                }
                hour >= 13 || hour == 0
            }
        };
        out.push((ClockTime { minutes, fixed }, span.sub(whole.start()..whole.end())));
    }
    out
}

fn opening_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:meeting\s+(?:was\s+)?(?:opened|commenced|started|began|begun|convened)|(?:opened|commenced|started|began)\s+the\s+meeting)(?-u:\b)\s*(?:at|:)?\s*(?:approximately\s+|approx\.?\s+)?$",
        )
        .unwrap()
    })
}

fn header_opening_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)(?:commencing|commenced|starting|started|beginning)(?-u:\b)\s*(?:at|:)?\s*(?:approximately\s+|approx\.?\s+)?$").unwrap()
    })
}

fn closing_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:meeting\s+(?:was\s+)?(?:closed|ended|concluded|finished|terminated|closes|ends)|(?:closed|ended|concluded)\s+the\s+meeting|(?:brought|declared)\s+the\s+meeting\s+(?:to\s+a\s+)?(?:close|closed|an\s+end)|close\s+of\s+(?:the\s+)?meeting)(?-u:\b)\s*(?:at|:|-|–)?\s*(?:approximately\s+|approx\.?\s+)?$",
        )
        .unwrap()
    })
}

/// Where an opening time is looked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// A sentence such as "The meeting commenced at 7.02 pm", anywhere.
    Sentence,
    /// Above the items: also "commencing at 6.30 pm", "starting at 7pm".
    Header,
    /// The meeting line: its first time ("… held on … at 7.30pm", "Monday 20 May 2019 7.00 pm").
    MeetingLine,
}

/// The opening time written in `span`.
pub fn opening_in(text: &str, span: Span, place: Opening) -> Option<(ClockTime, Span)> {
    let slice = span.slice(text);
    for (time, at) in times_in(text, span) {
        let before = &slice[..at.start - span.start];
        let tail = tail_of(before);
        if opening_pattern().is_match(tail) || (place != Opening::Sentence && header_opening_pattern().is_match(tail)) {
            return Some((time, at));
        }
        if place == Opening::MeetingLine {
            let lower = tail.to_ascii_lowercase();
            // "from 7pm until 9pm": the first; never a time after "until" or "to".
            if lower.trim_end().ends_with("until") || lower.trim_end().ends_with(" to") {
                continue;
            }
            return Some((time, at));
        }
    }
    None
}

/// The closing time written in `span` ("The meeting closed at 9.20pm", "Meeting Closed 8.35pm",
/// "The Chairman brought the meeting to a close at 8.40pm").
pub fn closing_in(text: &str, span: Span) -> Option<(ClockTime, Span)> {
    let slice = span.slice(text);
    times_in(text, span).into_iter().find(|(_, at)| {
        let before = &slice[..at.start - span.start];
        closing_pattern().is_match(tail_of(before))
    })
}

/// The last 80 bytes or so of `before`, cut at a character boundary.
fn tail_of(before: &str) -> &str {
    let mut from = before.len().saturating_sub(80);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    &before[from..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(s: &str) -> Vec<(u16, bool)> {
        times_in(s, Span::new(0, s.len()))
            .into_iter()
            .map(|(t, _)| (t.minutes, t.fixed))
            .collect()
    }

    #[test]
    fn reads_the_ways_times_are_written() {
        assert_eq!(times("at 7.30pm"), vec![(19 * 60 + 30, true)]);
        assert_eq!(times("at 7:30 p.m. sharp"), vec![(19 * 60 + 30, true)]);
        let s = "closed at 9.05pm.";
        assert_eq!(times_in(s, Span::new(0, s.len()))[0].1.slice(s), "9.05pm");
        assert_eq!(times("closed 20.15"), vec![(20 * 60 + 15, true)]);
        assert_eq!(times("closed at 8.40"), vec![(8 * 60 + 40, false)]);
        assert_eq!(times("from 7pm"), vec![(19 * 60, true)]);
        assert_eq!(times("at 17:25hrs"), vec![(17 * 60 + 25, true)]);
        assert_eq!(times("at 10.00am"), vec![(10 * 60, true)]);
        assert_eq!(times("at 12 noon"), vec![(12 * 60, true)]);
    }

    #[test]
    fn sums_dates_and_plain_numbers_are_no_times() {
        assert!(times("cost £7.50 in 2019").is_empty());
        assert!(times("on 12.03.2021 item 8").is_empty());
    }

    #[test]
    fn an_unfixed_time_keeps_both_readings() {
        let opened = ClockTime {
            minutes: 19 * 60,
            fixed: true,
        };
        let closed = ClockTime {
            minutes: 8 * 60 + 40,
            fixed: false,
        };
        assert!(closed.can_be_at_or_after(opened));
        let morning = ClockTime {
            minutes: 8 * 60 + 40,
            fixed: true,
        };
        assert!(!morning.can_be_at_or_after(opened));
    }

    #[test]
    fn finds_opening_and_closing_sentences() {
        let s = "The meeting commenced at 7.02 pm after a short delay.";
        assert_eq!(
            opening_in(s, Span::new(0, s.len()), Opening::Sentence)
                .unwrap()
                .0
                .minutes,
            19 * 60 + 2
        );
        let s = "Roadworks commenced at 8am on Monday.";
        assert!(opening_in(s, Span::new(0, s.len()), Opening::Sentence).is_none());
        assert!(opening_in(s, Span::new(0, s.len()), Opening::Header).is_some());
        let s = "The meeting adjourned at 8.10pm and resumed at 8.20pm. The public session closed at 7.15pm.";
        assert!(closing_in(s, Span::new(0, s.len())).is_none());
        let s = "There being no further business the Chair closed the meeting at 9.05pm.";
        assert_eq!(closing_in(s, Span::new(0, s.len())).unwrap().0.minutes, 21 * 60 + 5);
        let s = "Meeting Closed 8.35pm";
        assert!(closing_in(s, Span::new(0, s.len())).is_some());
        let s = "The next meeting will be held at 7.30pm on 4 May.";
        assert!(closing_in(s, Span::new(0, s.len())).is_none());
        assert!(opening_in(s, Span::new(0, s.len()), Opening::Sentence).is_none());
        let s = "Held on Tuesday 3 May from 7pm until 9pm";
        assert_eq!(
            opening_in(s, Span::new(0, s.len()), Opening::MeetingLine)
                .unwrap()
                .0
                .minutes,
            19 * 60
        );
    }
}
