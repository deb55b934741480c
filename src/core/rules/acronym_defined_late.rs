//! An acronym used before the place in the text that spells it out.
//!
//! A reader meets the acronym first and only learns what it means later, if they read that far.
//! The rule looks at definitions written in the prose ("Local Government Association (LGA)",
//! "LGA (Local Government Association)", "an ICS – Integrated Care System"). A definition in a
//! glossary list ("CHC – Continuing Health Care" opening a line) or in the config's glossary
//! counts for the whole document, wherever it stands, and well-known acronyms never need one. An
//! acronym never spelled out at all is `undefined-acronym` instead.
//!
//! ## Example
//!
//! ```text
//! The LGA had been invited to present.
//! Caroline O'Neill of the Local Government Association (LGA) then spoke.
//! ```
//!
//! `LGA` is used on the first line and defined on the second.
//!
//! ## Fix
//!
//! Safe: moves the definition to the first use. The first use becomes "Local Government
//! Association (LGA)" and the later definition keeps only what reads naturally there: the long
//! form alone for "Long Form (ABC)", the acronym alone for "ABC (Long Form)" or "ABC – Long
//! Form". When the later definition cannot be shortened cleanly (its brackets hold more than the
//! long form), it is left as written.

use crate::core::analysis::acronyms::{spell_out_edit, spelled_out};
use crate::core::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::core::rules::{Context, Group, Rule};


pub(crate) const RULE: Rule = Rule {
    name: "acronym-defined-late",
    default_severity: Severity::Warning,
    group: Group::Acronyms,
    source: include_str!("acronym_defined_late.rs"),
    check,
};

pub fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for info in ctx.acronyms().iter() {
        if info.exempt() || info.defined_everywhere() {
            continue;
        }
        let Some(def) = info.definitions.first() else {
            continue;
        };
        let first = info.first_use();
        if first.start >= def.acronym.start || def.span.covers(first) {
            continue;
        }
        let name = info.name.as_str();
        let long = def.long_text(ctx.text);
        let line = ctx.lines.line_of(def.span.start) + 1;
        let new_text = spelled_out(ctx.text, first, long);
        let mut edits = vec![spell_out_edit(ctx.text, first, long)];
        if let Some(removal) = def.removal {
            if !removal.overlaps(first) {
                edits.push(Edit::delete(removal));
            }
        }
        out.push(
            Diagnostic::new(
                RULE.name,
                first,
                format!("`{name}` is used here before it is spelled out on line {line}; define it at its first use"),
            )
            .with_related(def.span, format!("`{name}` is defined here"))
            .with_fix(Fix::safe(format!("Move the definition here: “{new_text}”"), edits)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::Config;
    use crate::core::fix::{apply_edits, fix_all};

    fn run(text: &str) -> Vec<Diagnostic> {
        RULE.findings(text)
    }

    fn fixed(text: &str) -> String {
        let found = run(text);
        assert_eq!(found.len(), 1, "{found:?}");
        apply_edits(text, &found[0].fixes[0].edits)
    }

    #[test]
    fn flags_a_use_before_a_prose_definition() {
        let text = "The LGA had been invited.\n\nMs O'Neill of the Local Government Association (LGA) spoke. The LGA agreed.\n";
        let found = run(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(text), "LGA");
        assert_eq!(found[0].span.start, 4);
        assert_eq!(
            found[0].related[0].span.slice(text),
            "Local Government Association (LGA)"
        );
    }

    #[test]
    fn moves_each_kind_of_definition() {
        assert_eq!(
            fixed("The LGA met.\nThe Local Government Association (LGA) spoke.\n"),
            "The Local Government Association (LGA) met.\nThe Local Government Association spoke.\n"
        );
        assert_eq!(
            fixed("The LGA met.\nThe LGA (Local Government Association) spoke.\n"),
            "The Local Government Association (LGA) met.\nThe LGA spoke.\n"
        );
        assert_eq!(
            fixed("An ICS met.\nIt is an ICS – Integrated Care System.\n"),
            "An Integrated Care System (ICS) met.\nIt is an ICS.\n"
        );
        assert_eq!(
            fixed("ASB rose.\nWork on anti-social behaviour (ASB) continues.\n"),
            "Anti-social behaviour (ASB) rose.\nWork on anti-social behaviour continues.\n"
        );
    }

    #[test]
    fn glossary_entries_known_and_defined_first_are_not_late() {
        let glossary = "The CCG met.\n\n· CCG (Clinical Commissioning Group – soon to change) – partners.\n";
        assert!(run(glossary).is_empty());
        let known = "The NHS met.\nThe National Health Service (NHS) spoke.\n";
        assert!(run(known).is_empty());
        let first = "The Local Government Association (LGA) met.\nThe LGA spoke.\n";
        assert!(run(first).is_empty());
    }

    #[test]
    fn fix_converges_without_new_findings() {
        let text = "The LGA met. The LGA (Local Government Association) spoke.\nThe ASB plan: anti-social behaviour (ASB) work.\n";
        let config = Config::default();
        let once = fix_all(text, &config, None, false);
        assert!(
            once.remaining.iter().all(|d| !d.rule.contains("acronym")),
            "{:?}",
            once.remaining
        );
        let twice = fix_all(&once.text, &config, None, false);
        assert_eq!(twice.total_applied(), 0);
        assert_eq!(twice.text, once.text);
    }
}
