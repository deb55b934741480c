//! Fewer voting members in the room than the quorum.
//!
//! Business done without a quorum is not validly done, and the minutes are the evidence of who
//! was there. With `[committee] quorum` set in `minutes-lint.toml`, the rule counts the voting
//! members in the room at the start of each item: those in the present list (not officers, "also
//! present" members or visitors), less those recorded leaving (for the item, or for good), plus
//! those recorded arriving. It reports the first item taken without a quorum. Silent when no
//! quorum is configured or the draft has no present list, when the present list holds names
//! the reader cannot read, and at a meeting of the electors.
//!
//! ## Example
//!
//! ```text
//! # minutes-lint.toml: [committee] quorum = 3
//! Present: Cllr P Ames (Chair), Cllr R Lowe, Cllr S Kerr
//!
//! 4. Planning
//! Cllr Kerr left the meeting at 8.40pm.
//!
//! 5. Finance
//! ```
//!
//! reports "only 2 voting members were in the room for item 5; the quorum is 3", at the 5.
//!
//! ## Fix
//!
//! None: the clerk must check the record, and whether the business stands.

use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::model::BlockKind;
use crate::core::rules::{Context, Group, Rule};

pub(crate) const RULE: Rule = Rule {
    name: "quorum",
    default_severity: Severity::Error,
    group: Group::Proceedings,
    source: include_str!("quorum.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(quorum) = ctx.config.committee.quorum else {
        return;
    };
    let proceedings = ctx.proceedings();
    if !proceedings.has_present_list() {
        return;
    }
    for item in &ctx.minutes.items {
        // Counted where the item's text starts: a departure "for this item" written first counts.
        let body = ctx
            .minutes
            .item_blocks(item)
            .iter()
            .find(|b| !matches!(b.kind, BlockKind::ItemHeading | BlockKind::ItemTitle))
            .map_or(item.span.start, |b| b.content.start);
        let Some(count) = proceedings.voting_count_at(body) else {
            return;
        };
        if (count as u32) < quorum {
            let at = item.number.as_ref().map_or(item.title, |n| n.span);
            let name = item.number.as_ref().map_or("this item".to_string(), |n| {
                format!("item {}", n.as_str(ctx.text).trim_end_matches(['.', ')']))
            });
            out.push(Diagnostic::new(
                RULE.name,
                at,
                format!("only {count} voting members were in the room for {name}; the quorum is {quorum}"),
            ));
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Config;
    
    fn found(text: &str, quorum: Option<u32>) -> Vec<String> {
        let mut config = Config::default();
        config.committee.quorum = quorum;
        RULE.flagged_with(text, &config)
    }

    const TEXT: &str = "Minutes of the meeting held on 4 March 2025\n\nPresent: Cllr P Ames (Chair), Cllr R Lowe, Cllr S Kerr\nIn attendance: Mrs J Pope (Clerk)\n\n4. Planning\nCllr Kerr left the meeting at 8.40pm.\n\n5. Finance\nThe accounts were noted.\n\n6. Close\nThe meeting closed at 9pm.\n";

    #[test]
    fn the_first_item_without_a_quorum() {
        assert_eq!(found(TEXT, Some(3)), vec!["5"]);
        assert!(found(TEXT, Some(2)).is_empty());
        assert!(found(TEXT, None).is_empty(), "silent without a configured quorum");
    }
}
