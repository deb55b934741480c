//! Someone recorded moving, seconding or speaking in an item when the minutes say they were not
//! in the room at that point.
//!
//! The published minutes are the record of who took part in each decision. A mover who had sent
//! apologies, a seconder who had left the meeting earlier (and is not recorded coming back), or a
//! councillor who spoke before the minutes record them arriving means that one of the two
//! records is wrong. The rule follows the attendance lists, then every arrival, departure and
//! return in the text ("Councillor Lowe left the meeting at 8.15 pm", "left the room for this
//! item", "returned", "joined the meeting during item 5"), against the items in order.
//!
//! Only names that can mean one person are followed: a titled name ("Councillor Lowe"), initials
//! that fit exactly one listed person ("RT" for "Ruth Tanner"), or a name written in full. A
//! name in no attendance list is only reported when it moved or seconded, the draft has a
//! present list, and no listed name is spelled like it (that is `name-variant`'s business).
//! Sentences about written submissions ("in an email", "a report from") are not speech. Votes in
//! a recorded vote are checked by `vote-arithmetic`.
//!
//! Where the text could mean someone else did it, the rule stays silent: in "Cllr Frame proposed
//! Cllr Moran as representative" the proposer is Frame and Moran the nominee; "Motion by Cllr
//! Odell: …" names the author of a motion on notice, not who moved it; what the apologies item
//! passes on ("Cllr Lamb asked that …") and speech reported by another ("noted that Cllr Lamb
//! said") are not speech in the room; one subject serves two joined verbs ("left the room … and
//! returned for item 4"). A present list with names it cannot read ("Councillors: Abbas,
//! Bright, …") does not make anyone unlisted.
//!
//! ## Example
//!
//! ```text
//! Present: Cllr P Ames (Chair), Cllr R Lowe, Cllr S Kerr
//! Apologies: Cllr D Fenn
//!
//! 4. Play area
//! Proposed by Cllr Fenn, seconded by Cllr Lowe, that the quote be accepted.
//! ```
//!
//! reports "Cllr Fenn is recorded moving this, but sent apologies", at "Cllr Fenn".
//!
//! ## Fix
//!
//! None: only the clerk knows whether the attendance or the participation is wrong. The message
//! says which record to check.

use crate::core::analysis::proceedings::{PartyKind, Role, Whereabouts};
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::model::Shape;
use crate::core::rules::{Context, Group, Rule};

pub(crate) const RULE: Rule = Rule {
    name: "absent-participant",
    default_severity: Severity::Error,
    group: Group::Proceedings,
    source: include_str!("absent_participant.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let proceedings = ctx.proceedings();
    let people = ctx.people();
    for (role, party, _) in proceedings.participations() {
        let Some(person) = party.person else { continue };
        let name = party.span.slice(ctx.text);
        let doing = match role {
            Role::Moved => "moving this",
            Role::Seconded => "seconding this",
            Role::Spoke => "speaking here",
        };
        let message = match proceedings.whereabouts(person, party.span.start) {
            Whereabouts::SentApologies => format!(
                "{name} is recorded {doing}, but is listed as sending apologies; check the apologies or the name"
            ),
            Whereabouts::Left(verb) => {
                let line = ctx.lines.line_of(verb.start) + 1;
                format!(
                    "{name} is recorded {doing}, but had left the meeting (line {line}) and is not recorded returning"
                )
            }
            Whereabouts::NotYetArrived(verb) => {
                let line = ctx.lines.line_of(verb.start) + 1;
                format!("{name} is recorded {doing}, but is only recorded arriving later (line {line})")
            }
            Whereabouts::NotListed => {
                if role == Role::Spoke
                    || party.kind != PartyKind::Titled
                    || ctx.minutes.shape != Shape::Meeting
                    || !proceedings.has_present_list()
                    || !is_councillor(ctx.text, party.span.slice(ctx.text))
                    || spelled_like_a_listed_name(ctx, party.key.slice(ctx.text))
                {
                    continue;
                }
                format!("{name} is recorded {doing}, but is in none of the attendance lists; add them to the present list or check the name")
            }
            Whereabouts::InRoom | Whereabouts::Unknown => continue,
        };
        let _ = people;
        out.push(Diagnostic::new(RULE.name, party.span, message));
    }
}

fn is_councillor(text: &str, written: &str) -> bool {
    let _ = text;
    let first = written.split_whitespace().next().unwrap_or("").trim_end_matches('.');
    crate::core::parse::people::is_councillor_title(first)
}

/// A listed surname within two edits of this one ("Smyth" for "Smith"): a spelling to settle,
/// not an absence.
fn spelled_like_a_listed_name(ctx: &Context, surname: &str) -> bool {
    let folded = crate::core::analysis::people::fold_surname(surname);
    ctx.people().mentions.iter().filter(|m| m.kind().is_some()).any(|m| {
        let listed = crate::core::analysis::people::fold_surname(m.surname.slice(ctx.text));
        strsim::levenshtein(&listed, &folded) <= 2
    }) || ctx
        .minutes
        .attendance
        .iter()
        .any(|s| s.span.slice(ctx.text).contains(surname))
        // Written above the items in a way not read as a list ("Cllr Hale joined the meeting").
        || ctx
            .text
            .get(..ctx.minutes.items.first().map_or(0, |i| i.span.start))
            .is_some_and(|head| head.contains(surname))
}

#[cfg(test)]
mod tests {
    use super::*;
    
    const HEAD: &str = "Minutes of the meeting held on 4 March 2025 at 7.30pm\n\nPresent: Cllr P Ames (Chair), Cllr R Lowe, Cllr S Kerr\nApologies: Cllr D Fenn\n\n";

    fn found(body: &str) -> Vec<String> {
        let text = format!("{HEAD}{body}");
        RULE.flagged(&text)
    }

    #[test]
    fn apologies_departures_and_late_arrivals() {
        assert_eq!(
            found("1. Play area\nProposed by Cllr Fenn, seconded by Cllr Lowe.\n"),
            vec!["Cllr Fenn"]
        );
        assert_eq!(
            found("1. Play area\nCllr Kerr left the meeting at 8.00pm.\n\n2. Bus shelter\nCllr Kerr moved and Cllr Ames seconded the quote.\n"),
            vec!["Cllr Kerr"]
        );
        assert_eq!(
            found("1. Play area\nCllr Kerr left the meeting.\n\n2. Bus shelter\nCllr Kerr returned at 8.20pm. Cllr Kerr moved and Cllr Ames seconded the quote.\n"),
            Vec::<String>::new()
        );
        assert_eq!(
            found("1. Play area\nCllr Kerr asked about the fence.\n\n2. Bus shelter\nCllr Kerr arrived at 8.10pm.\n"),
            vec!["Cllr Kerr"]
        );
    }

    #[test]
    fn a_departure_for_one_item_ends_with_it() {
        assert_eq!(
            found("1. Planning\nCllr Kerr left the room for this item. Cllr Kerr seconded the response.\n\n2. Grants\nProposed Cllr Kerr, seconded Cllr Lowe.\n"),
            vec!["Cllr Kerr"]
        );
    }

    #[test]
    fn names_in_no_list_only_when_clearly_a_member() {
        assert_eq!(
            found("1. Grants\nProposed by Cllr Gale, seconded by Cllr Lowe.\n"),
            vec!["Cllr Gale"]
        );
        // Spelled like a listed name: name-variant's business.
        assert!(found("1. Grants\nProposed by Cllr Low, seconded by Cllr Ames.\n").is_empty());
        // Speaking without being listed: a visiting member, not reported.
        assert!(found("1. Grants\nCllr Gale asked about the grant.\n").is_empty());
    }

    #[test]
    fn written_submissions_are_not_speech() {
        assert!(found("1. Roads\nCllr Fenn said in an email that the road was closed.\n").is_empty());
    }
}
