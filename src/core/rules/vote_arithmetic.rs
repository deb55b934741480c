//! Votes that cannot be right.
//!
//! - more votes cast (for, against and abstaining) than voting members in the room at that
//!   point, counted from the present list, less those who had left, plus those who had arrived;
//! - a recorded vote whose number does not match the names listed ("For (5): …" with four
//!   names), or that names one person twice;
//! - a recorded vote naming someone who sent apologies or had left the meeting;
//! - a result that contradicts the count: "carried" with more votes against than for (and no
//!   casting vote), "lost" with more for; "carried by 2 votes to 7";
//! - "unanimously" with votes recorded against.
//!
//! Counts are read in the ways minutes write them: "carried by 7 votes to 2 with 1 abstention",
//! "5 for, 2 against", "For: 5, Against: 2", "unanimously", "nem con", recorded votes in lines
//! ("For (3): Councillors …", "There voted for …:" with the names below) or in tables
//! ("| For | names | 3 |"). A sentence recording two votes (an amendment and the motion) gives
//! no result to compare. Visitors, officers and "also present" members are not voting members;
//! without a present list no count is compared with the room.
//!
//! Nor is it compared when the present list holds names the reader cannot read ("Councillors:
//! Abbas, Bright, …"), at a meeting of the electors (an annual parish or town meeting), or for
//! counts of other people: a show of hands of residents, survey replies, letters or comments.
//! "Lost", "fell" and "rejected" are a result only as one ("the motion was lost", "lost by 2
//! votes to 4"), not describing a thing ("the lost signs"); in "In favour 4 Against 1" each
//! number belongs to the side before it.
//!
//! ## Example
//!
//! ```text
//! Present: Cllr P Ames (Chair), Cllr R Lowe, Cllr S Kerr
//!
//! 3. Play area
//! The motion was carried, 2 for and 3 against.
//! ```
//!
//! reports that the motion is recorded as carried with more votes against than for, and that
//! five votes were cast with three voting members in the room.
//!
//! ## Fix
//!
//! None: the right figures are in the clerk's notes, not in the text.

use crate::core::analysis::proceedings::{Outcome, Side, Vote, Whereabouts};
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::rules::{Context, Group, Rule};

pub(crate) const RULE: Rule = Rule {
    name: "vote-arithmetic",
    default_severity: Severity::Error,
    group: Group::Proceedings,
    source: include_str!("vote_arithmetic.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let proceedings = ctx.proceedings();
    for vote in &proceedings.votes {
        result_against_count(ctx, vote, out);
        let before = out.len();
        recorded_lists(ctx, vote, out);
        // A named voter already reported as out of the room explains a count too high.
        if out[before..]
            .iter()
            .any(|d| d.message.contains(" is recorded voting, but "))
        {
            continue;
        }
        // More votes than voting members in the room (not when a list's count is already wrong).
        if vote
            .recorded
            .iter()
            .any(|l| l.count.is_some_and(|c| c.value as usize != l.names.len()))
        {
            continue;
        }
        let Some(total) = vote.total() else { continue };
        let Some(room) = proceedings.voting_count_at(vote.span.start) else {
            continue;
        };
        if total as usize > room && room > 0 {
            let at = [vote.for_count, vote.against, vote.abstain]
                .into_iter()
                .flatten()
                .map(|c| c.span)
                .min()
                .or(vote.by_votes.map(|(a, _)| a.span))
                .or_else(|| vote.recorded.iter().find_map(|l| l.count.map(|c| c.span)))
                .or_else(|| vote.recorded.first().map(|l| l.heading))
                .unwrap_or(vote.span);
            out.push(Diagnostic::new(
                RULE.name,
                at,
                format!(
                    "{total} votes are recorded here, but the attendance lists put only {room} voting members in the room; check the count or the attendance"
                ),
            ));
        }
    }
}

fn result_against_count(ctx: &Context, vote: &Vote, out: &mut Vec<Diagnostic>) {
    let _ = ctx;
    if let (Some(unanimous), Some(against)) = (vote.unanimous, vote.against) {
        let word = unanimous.slice(ctx.text).to_lowercase();
        if against.value > 0 && !word.contains("nem") {
            out.push(
                Diagnostic::new(
                RULE.name,
                    against.span,
                    format!("recorded as unanimous, yet {} voted against", against.value),
                )
                .with_related(unanimous, "recorded as unanimous"),
            );
            return;
        }
    }
    let Some((outcome, at)) = vote.outcome else { return };
    if vote.casting {
        return;
    }
    let (for_count, against) = (vote.side_count(Side::For), vote.side_count(Side::Against));
    if let (Some(f), Some(a)) = (for_count, against) {
        let wrong = match outcome {
            Outcome::Carried => a > f,
            Outcome::Lost => f > a,
        };
        if wrong {
            let said = match outcome {
                Outcome::Carried => "carried",
                Outcome::Lost => "lost",
            };
            out.push(Diagnostic::new(
                RULE.name,
                at,
                format!("recorded as {said} with {f} for and {a} against, and no casting vote; check the count or the result"),
            ));
        }
        return;
    }
    if let (Outcome::Carried, Some((x, y))) = (outcome, vote.by_votes) {
        if x.value < y.value {
            out.push(Diagnostic::new(
                RULE.name,
                x.span,
                format!(
                    "recorded as carried by {} votes to {}; the larger number comes first when a motion is carried",
                    x.value, y.value
                ),
            ));
        }
    }
}

fn recorded_lists(ctx: &Context, vote: &Vote, out: &mut Vec<Diagnostic>) {
    let proceedings = ctx.proceedings();
    let mut seen: Vec<(String, usize)> = Vec::new();
    for list in &vote.recorded {
        if let Some(count) = list.count {
            if count.value as usize != list.names.len() {
                out.push(Diagnostic::new(
                RULE.name,
                    count.span,
                    format!(
                        "the number here is {} but {} {} listed; check the count or the names",
                        count.value,
                        list.names.len(),
                        if list.names.len() == 1 { "name is" } else { "names are" }
                    ),
                ));
            }
        }
        for name in &list.names {
            let written: String = name
                .span
                .slice(ctx.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if let Some((_, first)) = seen.iter().find(|(w, _)| *w == written) {
                let line = ctx.lines.line_of(*first) + 1;
                out.push(Diagnostic::new(
                RULE.name,
                    name.span,
                    format!("{written} is named twice in this recorded vote (also line {line})"),
                ));
                continue;
            }
            seen.push((written.clone(), name.span.start));
            let Some(person) = name.person else { continue };
            let why = match proceedings.whereabouts(person, name.span.start) {
                Whereabouts::SentApologies => "is listed as sending apologies".to_string(),
                Whereabouts::Left(verb) => format!("had left the meeting (line {})", ctx.lines.line_of(verb.start) + 1),
                Whereabouts::NotYetArrived(verb) => {
                    format!(
                        "is only recorded arriving later (line {})",
                        ctx.lines.line_of(verb.start) + 1
                    )
                }
                _ => continue,
            };
            out.push(Diagnostic::new(
                RULE.name,
                name.span,
                format!("{written} is recorded voting, but {why}"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    
    const HEAD: &str = "Minutes of the meeting held on 4 March 2025\n\nPresent: Cllr P Ames (Chair), Cllr R Lowe, Cllr S Kerr\nApologies: Cllr D Fenn\n\n";

    fn found(body: &str) -> Vec<String> {
        let text = format!("{HEAD}{body}");
        RULE.flagged(&text)
    }

    #[test]
    fn results_that_contradict_counts() {
        assert_eq!(
            found("1. Play area\nThe motion was carried, 1 for and 2 against.\n"),
            vec!["carried"]
        );
        assert_eq!(
            found("1. Play area\nThe motion was lost, 2 for and 1 against.\n"),
            vec!["lost"]
        );
        assert!(
            found("1. Play area\nThe motion was carried on the Chair's casting vote, 1 for and 1 against.\n")
                .is_empty()
        );
        assert_eq!(found("1. Play area\nAgreed unanimously, with 1 against.\n"), vec!["1"]);
        assert!(found("1. Play area\nThe amendment was lost (1 for, 2 against) and the motion carried.\n").is_empty());
    }

    #[test]
    fn more_votes_than_members_in_the_room() {
        assert_eq!(found("1. Play area\nCarried by 3 votes to 1.\n"), vec!["3"]);
        assert!(found("1. Play area\nCarried by 2 votes to 1.\n").is_empty());
        // One left: three votes are too many.
        assert_eq!(
            found("1. Play area\nCllr Kerr left the meeting.\n\n2. Hall\n2 for, 1 against.\n"),
            vec!["2"]
        );
    }

    #[test]
    fn recorded_votes_checked_against_their_names() {
        assert_eq!(
            found("1. Play area\nFor (3): Councillors Ames and Lowe\nAgainst: Councillor Kerr\n"),
            vec!["3"]
        );
        assert_eq!(
            found("1. Play area\nFor: Councillors Ames and Fenn\nAgainst: Councillor Kerr\n"),
            vec!["Fenn"]
        );
        assert_eq!(
            found("1. Play area\nFor: Councillors Ames and Lowe\nAgainst: Councillor Lowe\n"),
            vec!["Lowe"]
        );
        assert!(found("1. Play area\nFor (2): Councillors Ames and Lowe\nAgainst: Councillor Kerr (1)\n").is_empty());
    }
}
