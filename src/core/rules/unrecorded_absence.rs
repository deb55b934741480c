//! With `[committee] members` configured, a member who is neither listed present nor recorded
//! as sending apologies or absent.
//!
//! The minutes should account for every member: present, apologies, or absent without them. A
//! member in none of the lists is usually a name left out of the present list or an apology not
//! recorded. Names are compared as people are (surname, and initials or first names that fit);
//! a member recorded arriving late counts as present. Silent without `[committee] members`, or
//! when the draft has no present list.
//!
//! ## Example
//!
//! ```text
//! # minutes-lint.toml: [committee] members = ["P Ames", "R Lowe", "S Kerr"]
//! Present: Cllr P Ames (Chair), Cllr R Lowe
//! ```
//!
//! reports "S Kerr, a member in [committee], is neither listed present nor recorded as sending
//! apologies", at the present list's heading.
//!
//! ## Fix
//!
//! None: add the member to the right list.

use crate::core::analysis::people::{fold_surname, given_compatible};
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::model::{AttendanceKind, Shape};
use crate::core::analysis::proceedings::split_name;
use crate::core::rules::{Context, Group, Rule};

pub(crate) const RULE: Rule = Rule {
    name: "unrecorded-absence",
    default_severity: Severity::Info,
    group: Group::Proceedings,
    source: include_str!("unrecorded_absence.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let committee = &ctx.config.committee;
    if committee.members.is_empty() || ctx.minutes.shape != Shape::Meeting {
        return;
    }
    let Some(present) = ctx
        .minutes
        .attendance
        .iter()
        .find(|s| s.kind == AttendanceKind::Present)
    else {
        return;
    };
    let people = ctx.people();
    if !ctx.proceedings().has_present_list() {
        return;
    }
    for member in &committee.members {
        let Some((given, surname)) = split_name(member) else {
            continue;
        };
        let key = fold_surname(&surname);
        let accounted = people.mentions.iter().any(|m| {
            m.kind().is_some()
                && !m.uncertain
                && fold_surname(m.surname.slice(ctx.text)) == key
                && given_compatible(m.given.map(|g| g.slice(ctx.text)), given.as_deref())
        });
        if accounted {
            continue;
        }
        out.push(Diagnostic::new(
                RULE.name,
            present.heading,
            format!("{member}, a member in [committee], is neither listed present nor recorded as sending apologies or absent"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Config;
    
    fn found(text: &str, members: &[&str]) -> Vec<String> {
        let mut config = Config::default();
        config.committee.members = members.iter().map(|s| s.to_string()).collect();
        RULE.findings_with(text, &config, None)
            .iter()
            .map(|d| d.message.clone())
            .collect()
    }

    const TEXT: &str = "Minutes of the meeting held on 4 March 2025\n\nPresent: Cllr P Ames (Chair), Cllr R Lowe\nApologies: Cllr D Fenn\n\n1. Minutes\nApproved.\n";

    #[test]
    fn members_in_no_list() {
        let found = found(TEXT, &["P Ames", "R Lowe", "D Fenn", "S Kerr"]);
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("S Kerr"), "{found:?}");
        assert!(super::tests::found(TEXT, &[]).is_empty());
    }
}
