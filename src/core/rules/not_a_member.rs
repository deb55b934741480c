//! With `[committee] members` configured, someone listed as a voting member present who is
//! neither a member nor a named substitute.
//!
//! A name in the present list that is not on the committee is a slip in the list (a visiting
//! member who belongs under "Also present", an officer without a role written) or a substitute
//! who should be named as one. Names are compared as people are: the same surname, and initials
//! or first names that fit ("A Brook" in the config matches "Cllr Alan Brook" and "Councillor
//! Brook"). Officers written with their role ("Mrs J Pope (Clerk)") and the "also present" and
//! "in attendance" lists are not voting members and are not checked. Silent without
//! `[committee] members`.
//!
//! ## Example
//!
//! ```text
//! # minutes-lint.toml: [committee] members = ["P Ames", "R Lowe", "S Kerr"]
//! Present: Cllr P Ames (Chair), Cllr R Lowe, Cllr T Gale
//! ```
//!
//! reports "Cllr T Gale is listed as present but is neither a member nor a named substitute".
//!
//! ## Fix
//!
//! None: move the name to the right list, or add the person to `[committee] substitutes`.

use crate::core::analysis::proceedings::{matches_any, split_name};
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::model::AttendanceKind;
use crate::core::rules::{Context, Group, Rule};

pub(crate) const RULE: Rule = Rule {
    name: "not-a-member",
    default_severity: Severity::Info,
    group: Group::Proceedings,
    source: include_str!("not_a_member.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let committee = &ctx.config.committee;
    if committee.members.is_empty() {
        return;
    }
    let people = ctx.people();
    let proceedings = ctx.proceedings();
    let names: Vec<(Option<String>, String)> = committee
        .members
        .iter()
        .chain(&committee.substitutes)
        .filter_map(|n| split_name(n))
        .collect();
    for &person in &proceedings.voting_members {
        if matches_any(ctx.text, people, person, &names) {
            continue;
        }
        let Some(mention) = people
            .mentions_of(&people.people[person])
            .find(|m| m.kind() == Some(AttendanceKind::Present))
        else {
            continue;
        };
        let name = mention.span.slice(ctx.text);
        out.push(Diagnostic::new(
                RULE.name,
            mention.span,
            format!("{name} is listed as present but is neither a member nor a named substitute in [committee]"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Config;
    
    fn found(text: &str, members: &[&str], substitutes: &[&str]) -> Vec<String> {
        let mut config = Config::default();
        config.committee.members = members.iter().map(|s| s.to_string()).collect();
        config.committee.substitutes = substitutes.iter().map(|s| s.to_string()).collect();
        RULE.flagged_with(text, &config)
    }

    const TEXT: &str = "Minutes of the meeting held on 4 March 2025\n\nPresent: Cllr P Ames (Chair), Cllr R Lowe, Cllr T Gale\nIn attendance: Mrs J Pope (Clerk), Cllr V Moss\n\n1. Minutes\nApproved.\n";

    #[test]
    fn present_names_outside_the_committee() {
        assert_eq!(found(TEXT, &["P Ames", "R Lowe", "S Kerr"], &[]), vec!["Cllr T Gale"]);
        assert!(found(TEXT, &["P Ames", "R Lowe", "S Kerr"], &["Cllr T Gale"]).is_empty());
        assert!(found(TEXT, &[], &[]).is_empty(), "silent without members");
        // Initials that do not fit are another person.
        assert_eq!(found(TEXT, &["P Ames", "J Lowe", "T Gale"], &[]), vec!["Cllr R Lowe"]);
    }
}
