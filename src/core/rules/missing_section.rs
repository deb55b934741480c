//! Minutes of a meeting lacking its date, attendance, declarations or next meeting.
//!
//! Minutes are the legal record of a meeting. Readers look for when it was held, who was
//! present, whether anyone declared an interest (a nil return is still recorded) and when the
//! body meets next. Each check can be switched off in `minutes-lint.toml` (`[sections]` with
//! `meeting-date`, `attendance`, `declarations`, `next-meeting`). Drafts of a single agenda item,
//! or with only one numbered item, are not checked, and a text that stops mid-sentence (an
//! excerpt cut short) is not asked for the next meeting, which it would have given at its end.
//! Each missing section is one finding, placed on the document's title.
//!
//! What counts as present: a date on the meeting line or in the header; a "Present:" list (or
//! "Members present", "In attendance" and the like, or any attendance list naming people); an item about declarations or a sentence about declaring
//! interests; an item about the next meeting or a sentence such as "The next meeting will be
//! held on …".
//!
//! ## Example
//!
//! ```text
//! Children and Young People's Social Care and Services Scrutiny Panel - Monday 21st March, 2022
//!
//! 21/47
//! Declarations of Interest
//! …
//! ```
//!
//! The draft has a date, declarations and the next meeting, but no list of who was present.
//!
//! ## Fix
//!
//! None: the clerk has to supply the section.

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::model::{AttendanceKind, BlockKind, Procedural, Shape};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;
use memchr::memmem;
use regex::Regex;
use std::sync::OnceLock;

pub(crate) const RULE: Rule = Rule {
    name: "missing-section",
    default_severity: Severity::Info,
    group: Group::Structure,
    source: include_str!("missing_section.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let minutes = ctx.minutes;
    // One item is a draft of that item or an excerpt, not a meeting's whole record.
    if minutes.shape != Shape::Meeting || minutes.items.len() < 2 {
        return;
    }
    let wanted = &ctx.config.sections;
    let span = place(ctx);
    let has_item = |p: Procedural| minutes.items.iter().any(|i| i.procedural == Some(p));
    let mut missing: Vec<&str> = Vec::new();
    if wanted.meeting_date && minutes.header.date.is_none() {
        missing.push("no meeting date: add a line such as \"Minutes of the meeting held on 12 September 2017\"");
    }
    let attendance = minutes.attendance.iter().any(|a| {
        matches!(
            a.kind,
            AttendanceKind::Present | AttendanceKind::AlsoPresent | AttendanceKind::InAttendance
        ) || !a.people.is_empty()
    });
    if wanted.attendance && !attendance {
        missing.push("no attendance list: add \"Present:\" followed by the members who attended");
    }
    if wanted.declarations && !has_item(Procedural::Declarations) && !mentions_declarations(ctx.text) {
        missing.push(
            "no declarations of interest: record them, or that none were made, in an item such as \"Declarations of Interest\"",
        );
    }
    if wanted.next_meeting && !has_item(Procedural::NextMeeting) && !cut_short(ctx) && !mentions_next_meeting(ctx.text)
    {
        missing.push("no date of the next meeting: add an item such as \"Date of Next Meeting\"");
    }
    for message in missing {
        out.push(Diagnostic::new(RULE.name, span, message));
    }
}

/// A text that stops in the middle of a sentence (its last paragraph ends in a small letter or
/// a comma) is an excerpt cut short: the next meeting, given at the end, was cut off with it.
fn cut_short(ctx: &Context) -> bool {
    let Some(last) = ctx
        .minutes
        .blocks
        .iter()
        .rev()
        .find(|b| !matches!(b.kind, BlockKind::Comment | BlockKind::Residue) && !b.content.is_empty())
    else {
        return false;
    };
    let ends = last.content.slice(ctx.text).trim_end().chars().next_back();
    matches!(
        last.kind,
        BlockKind::Paragraph | BlockKind::DecisionText | BlockKind::Attendance
    ) && ends.is_some_and(|c| c.is_lowercase() || c == ',')
}

/// The document's title, else its first block, else its start.
fn place(ctx: &Context) -> Span {
    if let Some(title) = ctx.minutes.header.title.filter(|t| !t.is_empty()) {
        return title;
    }
    ctx.minutes
        .blocks
        .iter()
        .find(|b| b.kind != BlockKind::Comment && !b.content.is_empty())
        .map(|b| b.content)
        .unwrap_or(Span::empty(ctx.minutes.content_start))
}

/// Whether `haystack` contains any of `needles` (lower-case ASCII), in any case. Used to rule out
/// the patterns below cheaply: every match of them holds certain words, and none of those words'
/// letters has a case variant outside ASCII (as "k" and "s" do), so an ASCII search is exact.
/// The text is lower-cased a block at a time into a buffer that `memmem` searches, which is much
/// faster on a long draft than checking every place a needle's letter occurs.
fn contains_any_ascii_ci(haystack: &str, needles: &[&str]) -> bool {
    const BLOCK: usize = 32 * 1024;
    let finders: Vec<memmem::Finder> = needles.iter().map(|n| memmem::Finder::new(n.as_bytes())).collect();
    // Consecutive blocks overlap so that a needle across a boundary is whole in one of them.
    let overlap = needles.iter().map(|n| n.len()).max().unwrap_or(0).saturating_sub(1);
    let bytes = haystack.as_bytes();
    let mut folded = Vec::with_capacity(BLOCK + overlap);
    let mut start: usize = 0;
    loop {
        let end = start.saturating_add(BLOCK + overlap).min(bytes.len());
        folded.clear();
        folded.extend(
            bytes
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .map(u8::to_ascii_lowercase),
        );
        if finders.iter().any(|f| f.find(&folded).is_some()) {
            return true;
        }
        if end == bytes.len() {
            return false;
        }
        start += BLOCK;
    }
}

fn mentions_declarations(text: &str) -> bool {
    contains_any_ascii_ci(text, &["intere", "declaration"]) && declarations_pattern().is_match(text)
}

/// Whether the text gives the next meeting. Every alternative holds "meeting" and "next" or
/// "future".
fn mentions_next_meeting(text: &str) -> bool {
    contains_any_ascii_ci(text, &["next", "future"])
        && contains_any_ascii_ci(text, &["meeting"])
        && next_meeting_pattern().is_match(text)
}

fn declarations_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)(?-u:\b)declar(?:ation|ations|ed|e|es|ing)(?-u:\b)[^.\n\r]{0,60}?(?-u:\b)interests?(?-u:\b)",
            r"|(?-u:\b)interests?(?-u:\b)[^.\n\r]{0,40}?(?-u:\b)(?:declared|disclosed)(?-u:\b)",
            r"|(?-u:\b)(?:disclosable\s+)?pecuniary\s+interests?(?-u:\b)",
            r"|(?-u:\b)no\s+(?:declarations?|interests?)(?-u:\b)",
        ))
        .expect("declarations pattern is valid")
    })
}

fn next_meeting_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)(?-u:\b)next\s+meeting(?-u:\b)[^.\n\r]{0,100}?(?-u:\b)(?:will|would|shall|is\s+to|to)\s+(?:now\s+)?(?:be\s+held|take\s+place|be\s+on)(?-u:\b)",
            r"|(?-u:\b)next\s+meeting(?-u:\b)[^.\n\r]{0,100}?(?-u:\b)(?:is|was|has\s+been|had\s+been)\s+(?:re-?)?(?:scheduled|arranged|fixed|set)(?-u:\b)",
            r"|(?-u:\b)next\s+meeting\s+(?:is|will\s+be)\s+(?:on|at)(?-u:\b)",
            r"|(?-u:\b)(?:date|time|dates|times|details)\s+(?:and\s+(?:time|times|venue)\s+)?of\s+(?:the\s+)?(?:next|future)\s+meetings?(?-u:\b)",
        ))
        .expect("next meeting pattern is valid")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Config;

    fn run_with(text: &str, config: &Config) -> Vec<Diagnostic> {
        RULE.findings_with(text, config, None)
    }

    fn run(text: &str) -> Vec<Diagnostic> {
        run_with(text, &Config::default())
    }

    fn topics(found: &[Diagnostic]) -> Vec<&str> {
        found
            .iter()
            .map(|d| d.message.split(':').next().unwrap_or(""))
            .collect()
    }

    use crate::core::testing::corpus;

    #[test]
    fn prefilters_agree_with_the_patterns() {
        for text in [
            "",
            "No declarations were made.",
            "NO DECLARATIONS",
            "Declarations of Interest",
            "Councillor Smith declared an INTEREST in item 4.",
            "Interests declared: none",
            "disclosable pecuniary interest",
            "The next meeting will be held on 4 May.",
            "NEXT MEETING IS ON Monday",
            "Date of future meetings",
            "Dates and times of the Next meetings",
            "the meeting was held; nothing next",
            "interesting declarative text",
            "xnext meeting is on",
            "Interest",
            "declaration",
        ] {
            assert_eq!(
                mentions_declarations(text),
                declarations_pattern().is_match(text),
                "{text:?}"
            );
            assert_eq!(
                mentions_next_meeting(text),
                next_meeting_pattern().is_match(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn middlesbrough_lacks_only_attendance() {
        let text = corpus("middlesbrough-cyp-panel-2022-03-21.txt");
        let found = run(&text);
        assert_eq!(topics(&found), ["no attendance list"]);
        assert!(found[0]
            .span
            .slice(&text)
            .starts_with("Children and Young People's Social Care"));
    }

    #[test]
    fn ofsted_lacks_declarations_and_next_meeting() {
        let text = corpus("manchester-ofsted-subgroup-2017-09-12.txt");
        let found = run(&text);
        assert_eq!(
            topics(&found),
            ["no declarations of interest", "no date of the next meeting"]
        );
        assert_eq!(
            found[0].span.slice(&text),
            "Children and Young People Scrutiny Committee - Ofsted Subgroup"
        );
    }

    #[test]
    fn single_item_drafts_are_not_checked() {
        assert!(run(&corpus("manchester-cyp-2021-item.txt")).is_empty());
    }

    #[test]
    fn a_complete_draft_passes_and_sentences_count() {
        let text = "Planning Committee\n\nMinutes of the meeting held on 12 September 2017\n\nPresent:\n\nCouncillor Stone (Chair)\n\n1. Budget\n\nCouncillor Stone declared a personal interest in this item.\n\nRESOLVED – That the report be noted.\n\nThe next meeting will be held on 10 October 2017.\n";
        assert!(run(text).is_empty(), "{:?}", run(text));
    }

    #[test]
    fn a_numeric_date_in_the_header_counts() {
        let text = "Planning Committee\n\nDate: 12/09/2017\n\nPresent:\n\nCouncillor Stone (Chair)\n\n1. Declarations of Interest\n\nNone.\n\n2. Date of Next Meeting\n\n10/10/2017\n";
        assert!(run(text).is_empty(), "{:?}", run(text));
    }

    #[test]
    fn other_ways_of_recording_declarations_and_the_next_meeting() {
        let text = "Planning Committee\n\nMinutes of the meeting held on 12 September 2017\n\nPresent:\n\nCouncillor Stone (Chair)\n\n1. Budget\n\nNo declarations were made.\n\nRESOLVED – That the report be noted.\n\nThe next meeting is on 10 October 2017.\n";
        assert!(run(text).is_empty(), "{:?}", run(text));
    }

    #[test]
    fn everything_missing_gives_four_findings_and_config_switches_them_off() {
        let text = "Planning Committee\n\n1. Budget\n\nRESOLVED – That the report be noted.\n\n2. Housing\n\nNOTED\n";
        assert_eq!(run(text).len(), 4);
        let mut config = Config::default();
        config.sections.meeting_date = false;
        config.sections.declarations = false;
        let found = run_with(text, &config);
        assert_eq!(topics(&found), ["no attendance list", "no date of the next meeting"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", "1. A\r\r2. B\r", "😀\n\n12. 😀\n"] {
            let _ = run(text);
        }
    }
}
