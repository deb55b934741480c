//! One person recorded as both moving and seconding the same motion.
//!
//! A motion needs a mover and a different seconder; minutes that give one name for both have
//! a slip in one of them, and the record of who supported the decision is wrong. Read in every
//! way minutes write it: "Proposed Cllr Ames, seconded Cllr Ames", "moved by … seconded by …",
//! "KA proposed and KA seconded", "Prop: RT 2nd: RT", "Proposed by Jo Hale; Seconded by Jo Hale",
//! a mover on one line and the seconder on the next. Two names are the same person when they
//! resolve to one listed person, or are written identically and the draft names only one person
//! that way (two councillors called Smith keep "Cllr Smith … Cllr Smith" silent).
//!
//! ## Example
//!
//! ```text
//! The minutes were approved. Proposed Cllr Lowe, seconded Cllr Lowe.
//! ```
//!
//! reports "Cllr Lowe is recorded as both moving and seconding this motion", at the seconder.
//!
//! ## Fix
//!
//! None: the minutes do not say who really seconded. Check the notes of the meeting.

use crate::core::analysis::people::fold_surname;
use crate::core::analysis::proceedings::{Party, PartyKind};
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::rules::{Context, Group, Rule};

pub(crate) const RULE: Rule = Rule {
    name: "self-seconded",
    default_severity: Severity::Error,
    group: Group::Proceedings,
    source: include_str!("self_seconded.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let people = ctx.people();
    for motion in &ctx.proceedings().motions {
        let (Some(mover), Some(seconder)) = (motion.mover, motion.seconder) else {
            continue;
        };
        if !same(ctx, &mover, &seconder) {
            continue;
        }
        let _ = people;
        let name = seconder.span.slice(ctx.text);
        out.push(
            Diagnostic::new(
                RULE.name,
                seconder.span,
                format!("{name} is recorded as both moving and seconding this motion; check who seconded it"),
            )
            .with_related(mover.span, "recorded as the mover"),
        );
    }
}

fn same(ctx: &Context, a: &Party, b: &Party) -> bool {
    if let (Some(x), Some(y)) = (a.person, b.person) {
        return x == y;
    }
    if a.kind != b.kind || a.kind == PartyKind::Chair {
        return false;
    }
    let (ta, tb) = (a.span.slice(ctx.text), b.span.slice(ctx.text));
    if normalise(ta) != normalise(tb) {
        return false;
    }
    match a.kind {
        // "Cllr Smith" twice: one person only when the draft names a single Smith.
        PartyKind::Titled => {
            let key = fold_surname(a.key.slice(ctx.text));
            ctx.people().people.iter().filter(|p| p.key == key).count() == 1
        }
        _ => true,
    }
}

fn normalise(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.trim_end_matches('.'))
        .map(|w| match w {
            "Councillor" => "Cllr",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    
    fn found(text: &str) -> Vec<String> {
        RULE.flagged(text)
    }

    #[test]
    fn one_name_for_both_roles() {
        let head = "Present: Cllr P Ames, Cllr R Lowe, Cllr S Kerr\n\n1. Minutes\n";
        assert_eq!(
            found(&format!("{head}Approved. Proposed Cllr Lowe, seconded Cllr Lowe.\n")),
            vec!["Cllr Lowe"]
        );
        assert_eq!(
            found(&format!(
                "{head}Approved. Proposed by Councillor Lowe and seconded by Cllr. Lowe.\n"
            )),
            vec!["Cllr. Lowe"]
        );
        assert_eq!(
            found(&format!("{head}Approved. RL proposed and RL seconded.\n")),
            vec!["RL"]
        );
        assert!(found(&format!("{head}Approved. Proposed Cllr Lowe, seconded Cllr Kerr.\n")).is_empty());
    }

    #[test]
    fn two_people_of_one_surname_stay_silent() {
        let text = "Present: Cllr J Smith, Cllr P Smith, Cllr R Lowe\n\n1. Minutes\nProposed Cllr Smith, seconded Cllr Smith.\n";
        assert!(found(text).is_empty());
    }
}
