//! A weekday that does not match its date, or a date that cannot exist.
//!
//! Meeting dates are copied from calendars, agendas and earlier minutes, and a weekday copied
//! with the wrong date ("Monday 26 April 2022" when 26 April 2022 was a Tuesday) tells readers
//! two different things; the published record must not. A date written without a year
//! ("Tuesday 17 October") takes the meeting's year; when the weekday fits the year after (a
//! December meeting naming "Tuesday 10 January", a table of next year's meetings) or the year
//! before (January minutes naming the December meeting before), it is accepted, since the year
//! is then only a guess and only a weekday certainly wrong is reported. A date that
//! cannot exist ("31 February 2022") is reported too.
//!
//! ## Example
//!
//! ```text
//! The next meeting will be held on Monday 26 April 2022 at 4.00pm.
//! ```
//!
//! 26 April 2022 was a Tuesday. "Tuesday, 26 April 2022" and "Wed, 23 March 2022" pass.
//!
//! ## Fix
//!
//! Unsafe: replace the weekday with the one the date falls on, written the same way (full or
//! abbreviated, same capitalisation). It is unsafe because the date, not the weekday, may be
//! the mistake, so a person should check which one. Impossible dates have no fix.

use crate::core::dates::{weekday_name, weekday_of, DateMention, MONTH_NAMES};
use crate::core::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::core::rules::{Context, Group, Rule};
use chrono::{NaiveDate, Weekday};

pub(crate) const RULE: Rule = Rule {
    name: "weekday-mismatch",
    default_severity: Severity::Error,
    group: Group::Dates,
    source: include_str!("weekday_mismatch.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let meeting_year = ctx.minutes.meeting_year();
    let meeting_month = ctx.minutes.header.date.as_ref().map(|d| d.month);
    for mention in &ctx.minutes.dates {
        check_mention(ctx, mention, meeting_year, meeting_month, out);
    }
}

fn check_mention(
    ctx: &Context,
    mention: &DateMention,
    meeting_year: Option<i32>,
    meeting_month: Option<u32>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(year) = mention.year.or(meeting_year) else {
        // No year anywhere: nothing to check a weekday against, but a day the month never has
        // ("30 February") is wrong in every year.
        if (1..=31).contains(&mention.day) && mention.day > max_days(mention.month, 2000) {
            out.push(impossible(mention, None));
        }
        return;
    };
    let Some(date) = NaiveDate::from_ymd_opt(year, mention.month, mention.day) else {
        // Day 0 or above 31 is not a date written by mistake but something else ("0 March").
        // A year-less "29 February" may mean a leap year other than the meeting's: only a day
        // no year has is reported then.
        let impossible_anyway = mention.year.is_some() || mention.day > max_days(mention.month, 2000);
        if (1..=31).contains(&mention.day) && (1..=12).contains(&mention.month) && impossible_anyway {
            out.push(impossible(mention, mention.year));
        }
        return;
    };
    let Some((written, weekday_span)) = mention.weekday else {
        return;
    };
    let actual = weekday_of(date);
    if actual == written {
        return;
    }
    if mention.year.is_none() && fits_neighbouring_year(mention, year, meeting_month, written) {
        return;
    }
    let as_written = weekday_span.slice(ctx.text);
    if as_written.is_empty() {
        return;
    }
    let replacement = same_form(as_written, actual);
    let date_text = describe(mention.day, mention.month, mention.year.map(|_| year));
    let tense = if mention.year.is_some() {
        "falls"
    } else {
        "falls (in the meeting's year)"
    };
    let message = format!(
        "{date_text} {tense} on a {}, not a {}",
        weekday_name(actual, false),
        weekday_name(written, false)
    );
    let fix = Fix::unsafe_(
        format!("Change \"{as_written}\" to \"{replacement}\""),
        vec![Edit::replace(weekday_span, replacement)],
    );
    out.push(Diagnostic::new(RULE.name, mention.span, message).with_fix(fix));
}

/// A year-less date is only as certain as the year it is given: minutes name the last meeting
/// of the year before ("held on Tuesday 5 December" in January minutes), the next meetings of
/// the year after, and sometimes take their own year from a line about another meeting. A
/// weekday that fits the year before or after the meeting's is accepted.
fn fits_neighbouring_year(mention: &DateMention, year: i32, _meeting_month: Option<u32>, written: Weekday) -> bool {
    [-1, 1].into_iter().any(|delta| {
        year.checked_add(delta)
            .and_then(|y| NaiveDate::from_ymd_opt(y, mention.month, mention.day))
            .is_some_and(|d| weekday_of(d) == written)
    })
}

fn impossible(mention: &DateMention, year: Option<i32>) -> Diagnostic {
    let month = month_name(mention.month);
    let days = max_days(mention.month, year.unwrap_or(2000));
    let message = match year {
        Some(y) => format!(
            "{} is not a date: {month} {y} has {days} days",
            describe(mention.day, mention.month, year)
        ),
        None => format!(
            "{} is not a date: {month} has {days} days at most",
            describe(mention.day, mention.month, year)
        ),
    };
    Diagnostic::new(RULE.name, mention.span, message)
}

fn describe(day: u32, month: u32, year: Option<i32>) -> String {
    match year {
        Some(y) => format!("{day} {} {y}", month_name(month)),
        None => format!("{day} {}", month_name(month)),
    }
}

fn month_name(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| MONTH_NAMES.get(i as usize))
        .copied()
        .unwrap_or("?")
}

/// Days in a month (29 for February in a leap year); 31 for a month number out of range.
fn max_days(month: u32, year: i32) -> u32 {
    let first = NaiveDate::from_ymd_opt(year, month, 1);
    let next = if month == 12 {
        year.checked_add(1).and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
    } else {
        NaiveDate::from_ymd_opt(year, month.saturating_add(1), 1)
    };
    match (first, next) {
        (Some(a), Some(b)) => u32::try_from((b - a).num_days()).unwrap_or(31),
        _ => 31,
    }
}

/// The weekday's name in the form `written` uses: full or abbreviated, and its capitalisation.
fn same_form(written: &str, day: Weekday) -> String {
    let full = weekday_name(day, false);
    let abbreviated = written.chars().count() < full.len().min(6) && !is_full_name(written);
    let name = if abbreviated {
        // "Tues"/"Thurs" style keeps four or five letters where the target has such a form.
        match (written.chars().count(), day) {
            (4, Weekday::Tue) => "Tues",
            (4, Weekday::Thu) => "Thur",
            (5, Weekday::Thu) => "Thurs",
            _ => weekday_name(day, true),
        }
    } else {
        full
    };
    let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        name.to_uppercase()
    } else if letters.first().is_some_and(|c| c.is_lowercase()) {
        name.to_lowercase()
    } else {
        name.to_string()
    }
}

fn is_full_name(written: &str) -> bool {
    let lower = written.to_lowercase();
    [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ]
    .iter()
    .any(|d| weekday_name(*d, false).eq_ignore_ascii_case(&lower))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<Diagnostic> {
        RULE.findings(text)
    }


    #[test]
    fn right_weekdays_pass() {
        assert!(run("Meeting on Tuesday, 26 April 2022 and Wed, 23 March 2022.\n").is_empty());
        assert!(run("Panel - Monday 21st March, 2022 4.00 pm\n").is_empty());
    }

    #[test]
    fn wrong_weekday_is_reported_with_a_fix_in_the_same_form() {
        let text = "The next meeting is on Monday 26 April 2022.\n";
        let found = run(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(text), "Monday 26 April 2022");
        assert!(found[0].message.contains("Tuesday"), "{}", found[0].message);
        let fix = &found[0].fixes[0];
        assert_eq!(fix.applicability, crate::core::diagnostic::Applicability::Unsafe);
        assert_eq!(fix.edits[0].new_text, "Tuesday");
        assert_eq!(fix.edits[0].span.slice(text), "Monday");
    }

    #[test]
    fn abbreviations_and_capitals_are_kept() {
        assert_eq!(same_form("Mon", Weekday::Wed), "Wed");
        assert_eq!(same_form("MONDAY", Weekday::Wed), "WEDNESDAY");
        assert_eq!(same_form("Tues", Weekday::Thu), "Thur");
        assert_eq!(same_form("Thurs", Weekday::Tue), "Tue");
        assert_eq!(same_form("Friday", Weekday::Sun), "Sunday");
        let text = "MONDAY 26 APRIL 2022\n";
        assert_eq!(run(text)[0].fixes[0].edits[0].new_text, "TUESDAY");
        let text = "Held Thu, 23 March 2022.\n";
        let found = run(text);
        assert_eq!(found[0].fixes[0].edits[0].new_text, "Wed");
    }

    #[test]
    fn dates_without_a_year_take_the_meetings_year() {
        let text = "Minutes of the meeting held on 12 September 2017\n\nThe next meeting is Tuesday 17 October.\n";
        assert!(run(text).is_empty());
        // 17 October was a Tuesday in 2017, a Monday in 2016 and a Wednesday in 2018: a Friday
        // fits no year near the meeting's.
        let text = "Minutes of the meeting held on 12 September 2017\n\nThe next meeting is Friday 17 October.\n";
        let found = run(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(text), "Friday 17 October");
    }

    #[test]
    fn a_january_date_in_december_minutes_may_mean_next_year() {
        // 10 January 2023 was a Tuesday; in 2022 it was a Monday.
        let text = "Minutes of the meeting held on 12 December 2022\n\nThe next meeting is Tuesday 10 January.\n";
        assert!(run(text).is_empty());
        // A table of next year's meetings in a spring meeting: 23 July 2026 is a Thursday.
        let text = "Minutes of the meeting held on 14 May 2025\n\nNext meetings: Thurs 23 July, Thurs 17 Sept.\n";
        assert!(run(text).is_empty());
        // January minutes naming the December meeting before: 3 December 2024 was a Tuesday.
        let text =
            "Minutes of the meeting held on 7 January 2025\n\nThe minutes of Tuesday 3rd December were approved.\n";
        assert!(run(text).is_empty());
    }

    #[test]
    fn impossible_dates_are_reported_without_a_fix() {
        let text = "The report of 31 February 2022 was noted.\n";
        let found = run(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("28 days"), "{}", found[0].message);
        assert!(found[0].fixes.is_empty());
        assert!(run("On 29 February 2024 it rained.\n").is_empty());
        assert_eq!(run("On 30 February it rained.\n").len(), 1);
        assert!(run("In 0 March nothing.\n").is_empty());
        let text =
            "Minutes of the meeting held on 12 September 2023\n\nOn 29 February it rained; on 30 February it snowed.\n";
        let found = run(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(text), "30 February");
        assert_eq!(
            found[0].message,
            "30 February is not a date: February has 29 days at most"
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "\r",
            "Monday 31 😀 March",
            "Monday 26 April 99999999999999999999",
            "Mon 0 Jan 2022\r\n",
        ] {
            let _ = run(text);
        }
    }
}
