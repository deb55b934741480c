//! An acronym spelled out twice with different long forms.
//!
//! One acronym should mean one thing in a set of minutes. Two different long forms usually mean a
//! slip ("LA – Local Area" then "Local Authority (LA)"), or two bodies sharing an acronym that
//! the reader cannot tell apart. Differences of case, hyphens, "&" against "and", apostrophes,
//! white space and a final plural do not count: "Anti-Social Behaviour (ASB)" and "anti-social
//! behaviour (ASB)" are the same definition. The finding sits on the later definition and points
//! at the first.
//!
//! ## Example
//!
//! ```text
//! The Local Authority (LA) reported.
//! Later, the Local Area (LA) partnership met.
//! ```
//!
//! ## Fix
//!
//! None: only a person can tell which long form is meant.

use crate::core::analysis::acronyms::normalise_long_form;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::rules::{Context, Group, Rule};
use std::collections::HashSet;


pub(crate) const RULE: Rule = Rule {
    name: "acronym-redefined",
    default_severity: Severity::Info,
    group: Group::Acronyms,
    source: include_str!("acronym_redefined.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for info in ctx.acronyms().iter() {
        let Some((first, rest)) = info.definitions.split_first() else {
            continue;
        };
        let first_long = first.long_text(ctx.text);
        let mut reported = HashSet::from([normalise_long_form(first_long)]);
        // Long forms written exactly as one already seen normalise the same, and most repeated
        // definitions are such copies: comparing the text is much cheaper than normalising it.
        let mut seen = HashSet::from([first_long]);
        for def in rest {
            let long = def.long_text(ctx.text);
            if long == first_long || !seen.insert(long) || !reported.insert(normalise_long_form(long)) {
                continue;
            }
            let line = ctx.lines.line_of(first.span.start) + 1;
            out.push(
                Diagnostic::new(
                    RULE.name,
                    def.span,
                    format!(
                        "`{}` is defined here as “{long}” but on line {line} as “{first_long}”",
                        info.name
                    ),
                )
                .with_related(
                    first.span,
                    format!("`{}` is first defined here as “{first_long}”", info.name),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<Diagnostic> {
        RULE.findings(text)
    }

    #[test]
    fn flags_a_second_different_long_form() {
        let text = "The Local Authority (LA) reported.\n\nLater the Local Area (LA) partnership met.\n";
        let found = run(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(text), "Local Area (LA)");
        assert_eq!(found[0].related[0].span.slice(text), "Local Authority (LA)");
        assert!(found[0].fixes.is_empty());
    }

    #[test]
    fn ignores_case_hyphens_ampersands_and_plurals() {
        let text = "Anti-Social Behaviour (ASB) fell.\nanti social behaviour (ASB) rose.\n\
            Children & Young People (CYP) met. CYP (children and young people) met.\n\
            A General Practitioner (GP) came. General Practitioners (GPs) came.\n";
        assert!(run(text).is_empty(), "{:?}", run(text));
    }

    #[test]
    fn reports_each_different_meaning_once() {
        let text = "Local Authority (LA). Local Area (LA). Local Area (LA). Learning Assistant (LA).\n";
        assert_eq!(run(text).len(), 2);
    }
}
