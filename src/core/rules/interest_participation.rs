//! A member who declared a disclosable pecuniary or prejudicial interest in an item is recorded
//! taking part in it, or the minutes never record them leaving.
//!
//! Under the codes of conduct, a member with a disclosable pecuniary interest (or, where the
//! code still uses it, a prejudicial one) takes no part in the item and leaves the room unless
//! a dispensation allows otherwise; the minutes are the evidence that they did. The rule reads
//! each declaration ("Councillor Kerr declared a pecuniary interest in item 7 as the applicant";
//! "Councillors Ames and Lowe declared a prejudicial interest in agenda item 5") for who, which
//! kind and which items, then looks in those items for the member moving, seconding, speaking or
//! voting by name, and for any record of them leaving ("left the room for this item",
//! "withdrew", "took no part", "did not vote", a departure in the declaration itself).
//! Personal, other registrable and non-pecuniary interests need no departure and are not
//! checked; nor is a declaration that mentions a dispensation, nor one whose item cannot be
//! found in the draft.
//!
//! A dispensation may also be recorded in the sentence after the declaration or in the item
//! ("spoke under her dispensation"). A member who speaks as the public may ("under the public
//! speaking procedure", "as a resident") or before being recorded leaving the item is not
//! reported for that speech, only for moving, seconding or voting. "Not a disclosable pecuniary
//! interest" is not a pecuniary interest, and "She did not take part" in the next sentence, or
//! "was not present for this item" in the item, records the member taking no part.
//!
//! ## Example
//!
//! ```text
//! 1. Declarations of interest
//! Cllr Kerr declared a pecuniary interest in item 4 as the applicant.
//! …
//! 4. Planning
//! The council raised no objection.
//! ```
//!
//! reports "Cllr Kerr declared a pecuniary interest in item 4, but the minutes do not record
//! them leaving", at the declaration; had Cllr Kerr seconded the response, it would point there.
//!
//! ## Fix
//!
//! When nothing records them leaving, an unsafe fix inserts "Cllr Kerr left the meeting for this
//! item." at the start of the item, naming them as the declaration does: only the clerk knows
//! whether they left, so it is never applied by `--fix`.

use crate::core::analysis::proceedings::{
    sentences, Declaration, InterestKind, MovementKind, Party, PartyKind, Proceedings, Role, Scope,
};
use crate::core::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::core::model::BlockKind;
use crate::core::rules::{Context, Group, Rule};
use crate::core::text::Span;

pub(crate) const RULE: Rule = Rule {
    name: "interest-participation",
    default_severity: Severity::Warning,
    group: Group::Proceedings,
    source: include_str!("interest_participation.rs"),
    check,
};

/// Words that record someone leaving or taking no part.
const LEFT_WORDS: &[&str] = &[
    "left",
    "leave",
    "withdr",
    "recuse",
    "no part",
    "not take part",
    "not taking part",
    "not participate",
    "refrain",
    "not vote",
    "abstained from",
    "out of the room",
    "outside the room",
    "excused",
    "retired",
    "absent",
    "not present",
    "not in the room",
    "remained outside",
    "stepped out",
];

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let proceedings = ctx.proceedings();
    for d in &proceedings.declarations {
        if !matches!(d.kind, InterestKind::Pecuniary | InterestKind::Prejudicial) || d.dispensation {
            continue;
        }
        let kind = match d.kind {
            InterestKind::Pecuniary => "a pecuniary",
            _ => "a prejudicial",
        };
        let who = d.party.span.slice(ctx.text);
        for &item in &d.items {
            let Some(it) = ctx.minutes.items.get(item) else {
                continue;
            };
            let number = it.number.as_ref().map_or(String::from("this item"), |n| {
                format!("item {}", n.as_str(ctx.text).trim_end_matches(['.', ')']))
            });
            // "Cllr Varley spoke under her dispensation": granted, and recorded in the item.
            if item_says(ctx, it, &d.party, &["dispensation"]) {
                continue;
            }
            let taking_part = participation_in(ctx, proceedings, &d.party, item)
                .filter(|(role, at)| *role != Role::Spoke || !speech_allowed(ctx, proceedings, &d.party, item, *at));
            if let Some((role, at)) = taking_part {
                let doing = match role {
                    Role::Moved => "moving",
                    Role::Seconded => "seconding",
                    Role::Spoke => "speaking",
                };
                out.push(
                    Diagnostic::new(
                RULE.name,
                        at,
                        format!("{who} declared {kind} interest in {number} but is recorded {doing} in it; check the declaration or the record"),
                    )
                    .with_related(d.span, "the declaration"),
                );
                continue;
            }
            if let Some((at, voted)) = recorded_vote_in(ctx, proceedings, &d.party, item) {
                let _ = voted;
                out.push(
                    Diagnostic::new(
                RULE.name,
                        at,
                        format!("{who} declared {kind} interest in {number} but is recorded voting on it"),
                    )
                    .with_related(d.span, "the declaration"),
                );
                continue;
            }
            if d.left || left_for(ctx, proceedings, d, item) {
                continue;
            }
            let mut diagnostic = Diagnostic::new(
                RULE.name,
                d.party.span,
                format!("{who} declared {kind} interest in {number}, but the minutes do not record them leaving or taking no part"),
            );
            if let Some(fix) = leaving_fix(ctx, d, item) {
                diagnostic = diagnostic.with_fix(fix);
            }
            out.push(diagnostic);
        }
    }
}

/// Two parties that are the same person: one resolved person, or the same initials.
fn same(ctx: &Context, a: &Party, b: &Party) -> bool {
    match (a.person, b.person) {
        (Some(x), Some(y)) => x == y,
        _ => a.kind == PartyKind::Code && b.kind == PartyKind::Code && a.span.slice(ctx.text) == b.span.slice(ctx.text),
    }
}

fn participation_in(ctx: &Context, p: &Proceedings, party: &Party, item: usize) -> Option<(Role, Span)> {
    p.participations()
        .into_iter()
        .find(|(_, q, i)| *i == Some(item) && same(ctx, party, q))
        .map(|(role, q, _)| (role, q.span))
}

fn recorded_vote_in(ctx: &Context, p: &Proceedings, party: &Party, item: usize) -> Option<(Span, bool)> {
    p.votes_in(item)
        .flat_map(|v| v.recorded.iter())
        .filter(|l| l.side != crate::core::analysis::proceedings::Side::Abstain)
        .flat_map(|l| l.names.iter())
        .find(|n| same(ctx, party, n))
        .map(|n| (n.span, true))
}

/// Words that say a member with an interest spoke as the code allows: as the public may, before
/// leaving.
const ALLOWED_SPEECH: &[&str] = &[
    "public speaking",
    "member of the public",
    "members of the public",
    "as a resident",
    "as a neighbour",
    "as a local resident",
    "representations",
    "public participation",
    "dispensation",
];

/// A speech the code allows: the item says the member spoke as the public may, or records them
/// leaving after it.
fn speech_allowed(ctx: &Context, p: &Proceedings, party: &Party, item: usize, at: Span) -> bool {
    let Some(it) = ctx.minutes.items.get(item) else {
        return false;
    };
    if item_says(ctx, it, party, ALLOWED_SPEECH) {
        return true;
    }
    p.movements.iter().any(|m| {
        m.kind == MovementKind::Left && same(ctx, party, &m.party) && m.verb.start > at.start && m.verb.start < it.span.end
    })
}

/// A sentence of the item naming the member (by surname or initials) holds one of `words`.
fn item_says(ctx: &Context, it: &crate::core::model::Item, party: &Party, words: &[&str]) -> bool {
    let key = party.key.slice(ctx.text);
    ctx.minutes.item_blocks(it).iter().any(|b| {
        sentences(ctx.text, b.content).into_iter().any(|sentence| {
            let sentence = sentence.slice(ctx.text);
            sentence.contains(key) && {
                let lower = sentence.to_lowercase();
                words.iter().any(|w| lower.contains(w))
            }
        })
    })
}

/// The minutes record the member leaving for the item, or taking no part in it.
fn left_for(ctx: &Context, p: &Proceedings, d: &Declaration, item: usize) -> bool {
    let Some(it) = ctx.minutes.items.get(item) else {
        return true;
    };
    let moved = p.movements.iter().any(|m| {
        m.kind == MovementKind::Left
            && same(ctx, &d.party, &m.party)
            && match &m.scope {
                Scope::Items(items) => items.contains(&item),
                Scope::ThisItem => m.item == Some(item) || m.item == d.in_item,
                Scope::Rest | Scope::AfterItem(_) => m.verb.start <= it.span.end,
            }
    });
    if moved {
        return true;
    }
    // A sentence in the item naming them (or no one: "He left the room") with a word of leaving,
    // or one in the declaration's paragraph naming them.
    let key = d.party.key.slice(ctx.text);
    let names_them = |sentence: &str| sentence.contains(key);
    let item_says = ctx.minutes.item_blocks(it).iter().any(|b| {
        sentences(ctx.text, b.content).into_iter().any(|sentence| {
            let sentence = sentence.slice(ctx.text);
            let lower = sentence.to_lowercase();
            let names_someone = ["Cllr", "Councillor", "Mr ", "Mrs ", "Ms ", "Miss "]
                .iter()
                .any(|t| sentence.contains(t));
            let unnamed = !names_someone
                && (["he ", "she ", "they ", "the member", "the councillor", "both "]
                    .iter()
                    .any(|p| lower.trim_start().starts_with(p))
                    || lower.contains("interest")
                    || lower.contains("member concerned")
                    || lower.contains("members concerned"));
            (names_them(sentence) || unnamed) && LEFT_WORDS.iter().any(|w| lower.contains(w))
        })
    });
    if item_says {
        return true;
    }
    crate::core::analysis::people::block_at(ctx.minutes, d.span.start).is_some_and(|b| {
        sentences(ctx.text, b.content).into_iter().any(|sentence| {
            let sentence = sentence.slice(ctx.text);
            let lower = sentence.to_lowercase();
            names_them(sentence) && LEFT_WORDS.iter().any(|w| lower.contains(w))
        })
    })
}

fn leaving_fix(ctx: &Context, d: &Declaration, item: usize) -> Option<Fix> {
    let it = ctx.minutes.items.get(item)?;
    let blocks = ctx.minutes.item_blocks(it);
    let heading = blocks
        .iter()
        .take_while(|b| matches!(b.kind, BlockKind::ItemHeading | BlockKind::ItemTitle))
        .last()?;
    let name = d.party.span.slice(ctx.text);
    let nl = ctx.newline();
    let sentence = format!("{name} left the meeting for this item.");
    Some(Fix::unsafe_(
        format!("Record that {name} left the meeting for this item"),
        vec![Edit::insert(heading.span.end, format!("{nl}{nl}{sentence}"))],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    
    const HEAD: &str =
        "Minutes of the meeting held on 4 March 2025\n\nPresent: Cllr P Ames (Chair), Cllr R Lowe, Cllr S Kerr\n\n";

    fn found(body: &str) -> Vec<String> {
        let text = format!("{HEAD}{body}");
        RULE.flagged(&text)
    }

    #[test]
    fn taking_part_or_never_leaving() {
        let decl =
            "1. Declarations of interest\nCllr Kerr declared a pecuniary interest in item 2 as the applicant.\n\n";
        assert_eq!(
            found(&format!(
                "{decl}2. Planning\nNo objection. Proposed Cllr Kerr, seconded Cllr Lowe.\n"
            )),
            vec!["Cllr Kerr"]
        );
        assert_eq!(
            found(&format!("{decl}2. Planning\nNo objection was raised.\n")),
            vec!["Cllr Kerr"]
        );
        assert!(found(&format!(
            "{decl}2. Planning\nCllr Kerr left the room. No objection was raised.\n"
        ))
        .is_empty());
        assert!(found(&format!(
            "{decl}2. Planning\nHaving declared an interest, Cllr Kerr took no part in the discussion.\n"
        ))
        .is_empty());
    }

    #[test]
    fn other_interests_and_dispensations_pass() {
        assert!(found("1. Declarations of interest\nCllr Kerr declared a personal interest in item 2.\n\n2. Planning\nNo objection.\n").is_empty());
        assert!(found("1. Declarations of interest\nCllr Kerr declared a pecuniary interest in item 2 and holds a dispensation.\n\n2. Planning\nNo objection.\n").is_empty());
        assert!(found("1. Declarations of interest\nCllr Kerr declared a pecuniary interest in item 2 and left the meeting for that item.\n\n2. Planning\nNo objection.\n").is_empty());
    }

    #[test]
    fn the_fix_records_the_departure_at_the_item() {
        let text = format!("{HEAD}1. Declarations of interest\nCllr Kerr declared a pecuniary interest in item 2.\n\n2. Planning\nNo objection was raised.\n");
        let found = RULE.findings(&text);
        let fix = &found[0].fixes[0];
        assert_eq!(fix.applicability, crate::core::diagnostic::Applicability::Unsafe);
        let fixed = crate::core::fix::apply_edits(&text, &fix.edits);
        assert!(
            fixed.contains("2. Planning\n\nCllr Kerr left the meeting for this item.\nNo objection"),
            "{fixed}"
        );
    }
}
