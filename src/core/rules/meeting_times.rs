//! Times that cannot all be true: the meeting closing before it opened, someone arriving or
//! leaving before the meeting opened or after it closed, or returning before they left.
//!
//! The opening time is read from the meeting line ("held on … at 7.30pm") or a sentence such as
//! "The meeting commenced at 7.02 pm"; the closing time from "The meeting closed at 9.20pm",
//! "Meeting Closed 8.35pm", "The Chairman brought the meeting to a close at 8.40pm". A time
//! without am or pm keeps both readings ("closed at 8.40" after a 7pm start is fine), so only
//! times that no reading makes possible are reported. Times of other things (the next meeting,
//! an event) are not read.
//!
//! A meeting adjourned to or resumed on another day is not checked (its times are of two days),
//! an evening meeting may close after midnight, and an arrival written above the items or in a
//! public forum held before the opening is early, not impossible.
//!
//! ## Example
//!
//! ```text
//! Minutes of the meeting held on 4 March 2025 at 7.30pm
//! …
//! The meeting closed at 6.45pm.
//! ```
//!
//! reports "the meeting is recorded closing at 6.45 pm, before it opened at 7.30 pm", at the
//! closing time.
//!
//! ## Fix
//!
//! None: which of the two times is wrong is for the clerk to say.

use crate::core::analysis::proceedings::{ClockTime, MovementKind};
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;

pub(crate) const RULE: Rule = Rule {
    name: "meeting-times",
    default_severity: Severity::Warning,
    group: Group::Proceedings,
    source: include_str!("meeting_times.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let proceedings = ctx.proceedings();
    // Adjourned to another day: a close at 7.05 pm on the second day can follow a 7.30 pm start.
    if proceedings.adjourned_to_another_day {
        return;
    }
    let opened = proceedings.opened;
    let closed = proceedings
        .closed
        .filter(|c| opened.map_or(true, |o| c.1.start > o.1.start));
    // Closing in the small hours after an evening start: the close is of the next day, so no
    // time is compared with it.
    let closed = closed.filter(|(close, _)| opened.map_or(true, |(open, _)| !past_midnight(open, *close)));
    if let (Some((open, open_at)), Some((close, close_at))) = (opened, closed) {
        if !close.can_be_at_or_after(open) {
            out.push(
                Diagnostic::new(
                RULE.name,
                    close_at,
                    format!(
                        "the meeting is recorded closing at {}, before it opened at {}",
                        shown(ctx, close_at),
                        shown(ctx, open_at)
                    ),
                )
                .with_related(open_at, "the opening time"),
            );
            // With the meeting's own times in doubt, times inside it are not compared.
            return;
        }
    }
    let mut last_left: Vec<(usize, ClockTime, Span)> = Vec::new();
    for m in &proceedings.movements {
        let Some((time, at)) = m.time else { continue };
        let verb = match m.kind {
            MovementKind::Arrived => "arriving",
            MovementKind::Left => "leaving",
            MovementKind::Returned => "returning",
        };
        let who = m.party.span.slice(ctx.text);
        // Between an opening and a closing time: one reading must fit both.
        if let (Some((open, open_at)), Some((close, _))) = (opened, closed) {
            let fits = time.readings().iter().any(|&r| {
                let t = ClockTime {
                    minutes: r,
                    fixed: true,
                };
                t.can_be_at_or_after(open) && close.can_be_at_or_after(t)
            });
            if !fits && time.can_be_at_or_after(open) && close.can_be_at_or_after(time) {
                out.push(
                    Diagnostic::new(
                RULE.name,
                        at,
                        format!(
                            "{who} is recorded {verb} at {}, which is not between the meeting's opening at {} and its close",
                            shown(ctx, at),
                            shown(ctx, open_at)
                        ),
                    )
                    .with_related(open_at, "the opening time"),
                );
                continue;
            }
        }
        if let Some((open, open_at)) = opened {
            // An arrival before the start, written in no item or in a public forum held before
            // the meeting opened, is early rather than impossible.
            let before_items = m.kind == MovementKind::Arrived
                && match m.item.and_then(|i| ctx.minutes.items.get(i)) {
                    Some(it) => {
                        let title = it.title.slice(ctx.text).to_ascii_lowercase();
                        title.contains("public") || title.contains("forum") || title.contains("question")
                    }
                    None => ctx.minutes.items.first().is_some_and(|it| m.span.start < it.span.start),
                };
            if !time.can_be_at_or_after(open) && !before_items {
                out.push(
                    Diagnostic::new(
                RULE.name,
                        at,
                        format!(
                            "{who} is recorded {verb} at {}, before the meeting opened at {}",
                            shown(ctx, at),
                            shown(ctx, open_at)
                        ),
                    )
                    .with_related(open_at, "the opening time"),
                );
                continue;
            }
        }
        if let Some((close, close_at)) = closed {
            if !close.can_be_at_or_after(time) {
                out.push(
                    Diagnostic::new(
                RULE.name,
                        at,
                        format!(
                            "{who} is recorded {verb} at {}, after the meeting closed at {}",
                            shown(ctx, at),
                            shown(ctx, close_at)
                        ),
                    )
                    .with_related(close_at, "the closing time"),
                );
                continue;
            }
        }
        let Some(person) = m.party.person else { continue };
        match m.kind {
            MovementKind::Left => {
                last_left.retain(|(p, _, _)| *p != person);
                last_left.push((person, time, at));
            }
            MovementKind::Returned => {
                if let Some(&(_, left, left_at)) = last_left.iter().find(|(p, _, _)| *p == person) {
                    if !time.can_be_at_or_after(left) {
                        out.push(
                            Diagnostic::new(
                RULE.name,
                                at,
                                format!(
                                    "{who} is recorded returning at {}, before leaving at {}",
                                    shown(ctx, at),
                                    shown(ctx, left_at)
                                ),
                            )
                            .with_related(left_at, "the time of leaving"),
                        );
                    }
                }
            }
            MovementKind::Arrived => {}
        }
    }
}

/// An evening meeting closing in the small hours ("opened at 7.30pm … closed at 12.05am").
fn past_midnight(open: ClockTime, close: ClockTime) -> bool {
    open.readings().iter().any(|&o| o >= 17 * 60) && close.readings().iter().any(|&c| c < 3 * 60)
}

fn shown(ctx: &Context, span: Span) -> String {
    span.slice(ctx.text).trim().trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    
    fn found(text: &str) -> Vec<String> {
        RULE.flagged(text)
    }

    const HEAD: &str = "Minutes of the meeting held on 4 March 2025 at 7.30pm\n\nPresent: Cllr P Ames (Chair), Cllr R Lowe, Cllr S Kerr\n\n";

    #[test]
    fn closing_before_opening() {
        assert_eq!(
            found(&format!("{HEAD}1. Close\nThe meeting closed at 6.45pm.\n")),
            vec!["6.45pm"]
        );
        assert!(found(&format!("{HEAD}1. Close\nThe meeting closed at 9.05pm.\n")).is_empty());
        // No am or pm: an evening reading is possible.
        assert!(found(&format!("{HEAD}1. Close\nThe meeting closed at 8.40.\n")).is_empty());
        assert_eq!(
            found(&format!("{HEAD}1. Close\nThe meeting closed at 8.40am.\n")),
            vec!["8.40am"]
        );
    }

    #[test]
    fn movements_outside_the_meeting_or_out_of_order() {
        assert_eq!(
            found(&format!("{HEAD}1. Play area\nCllr Kerr left the meeting at 9.40pm.\n\n2. Close\nThe meeting closed at 9.05pm.\n")),
            vec!["9.40pm"]
        );
        assert_eq!(
            found(&format!(
                "{HEAD}1. Play area\nCllr Kerr left the meeting at 8.40pm.\n\n2. Hall\nCllr Kerr returned at 8.10pm.\n"
            )),
            vec!["8.10pm"]
        );
        assert!(found(&format!("{HEAD}1. Play area\nCllr Kerr arrived at 7.50pm.\n")).is_empty());
    }
}
