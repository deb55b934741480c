//! The rules: one file each, registered in [`RULES`].
//!
//! A rule file starts with `//!` documentation (what it checks, why, an example, whether its fix
//! is safe); that text is what `minutes-lint rule NAME` prints and what the README lists, so
//! there is one place to write it. Adding a rule means: a new file here, one row in [`RULES`],
//! and a fixture in `tests/fixtures/rules/`.

use crate::core::analysis::acronyms::AcronymAnalysis;
use crate::core::analysis::people::PeopleAnalysis;
use crate::core::analysis::proceedings::Proceedings;
use crate::core::analysis::Analyses;
use crate::core::config::Config;
use crate::core::diagnostic::{Diagnostic, Severity};
use crate::core::glossary::Glossary;
use crate::core::model::Minutes;
use crate::core::text::LineIndex;
use crate::core::word::WordFacts;
use std::cell::OnceCell;

mod absent_participant;
mod acronym_defined_late;
mod acronym_redefined;
mod broken_paragraph;
mod dangling_reference;
mod document_metadata;
mod empty_decision;
mod exclusion_grounds;
mod exempt_detail;
mod first_person;
mod interest_participation;
mod item_number_sequence;
mod meeting_times;
mod missing_chair;
mod missing_decision;
mod missing_section;
mod name_variant;
mod not_a_member;
mod paste_residue;
mod present_and_apologies;
mod quorum;
mod review_comments;
mod self_seconded;
mod title_style;
mod tracked_changes;
mod undefined_acronym;
mod unread_structure;
mod unrecorded_absence;
mod vote_arithmetic;
mod weekday_mismatch;

/// A registered rule.
#[derive(Debug)]
pub struct Rule {
    /// The kebab-case name used in config, output and suppressions.
    pub name: &'static str,
    pub default_severity: Severity,
    /// What the rule is about, for grouping in listings.
    pub group: &'static str,
    /// The rule's source file; its leading `//!` lines are the documentation.
    source: &'static str,
    pub check: fn(&Context, &mut Vec<Diagnostic>),
}

impl Rule {
    /// The rule's documentation (Markdown), from its file's `//!` comment.
    pub fn doc(&self) -> String {
        let mut lines = Vec::new();
        for line in self.source.lines() {
            let Some(rest) = line.strip_prefix("//!") else { break };
            lines.push(rest.strip_prefix(' ').unwrap_or(rest));
        }
        lines.join("\n").trim().to_string()
    }

    /// The first sentence of the documentation's `## Fix` section.
    pub fn fix_summary(&self) -> String {
        let doc = self.doc();
        let section = doc.split("## Fix").nth(1).unwrap_or("");
        first_sentence(&first_paragraph(section))
    }

    /// The documentation's first paragraph, without a leading "`rule-name`:" label.
    pub fn summary(&self) -> String {
        let paragraph = first_paragraph(&self.doc());
        let label = format!("`{}`:", self.name);
        let text = paragraph.strip_prefix(&label).unwrap_or(&paragraph).trim();
        let mut chars = text.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// The first paragraph of some Markdown, its lines joined (list markers and headings skipped).
fn first_paragraph(markdown: &str) -> String {
    markdown
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty() || l.starts_with('#'))
        .take_while(|l| !l.is_empty())
        .map(|l| l.trim_start_matches("- "))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text up to and including the first full stop that ends a sentence.
fn first_sentence(text: &str) -> String {
    match text.find(". ") {
        Some(end) => text[..=end].to_string(),
        None => text.to_string(),
    }
}

macro_rules! rule {
    ($module:ident, $name:literal, $severity:ident, $group:literal) => {
        Rule {
            name: $name,
            default_severity: Severity::$severity,
            group: $group,
            source: include_str!(concat!(stringify!($module), ".rs")),
            check: $module::check,
        }
    };
}

/// Every rule, in the order the README and `minutes-lint rule` list them.
pub static RULES: &[Rule] = &[
    rule!(item_number_sequence, "item-number-sequence", Warning, "structure"),
    rule!(missing_decision, "missing-decision", Warning, "structure"),
    rule!(empty_decision, "empty-decision", Warning, "structure"),
    rule!(missing_section, "missing-section", Info, "structure"),
    rule!(unread_structure, "unread-structure", Info, "structure"),
    rule!(present_and_apologies, "present-and-apologies", Error, "people"),
    rule!(missing_chair, "missing-chair", Info, "people"),
    rule!(name_variant, "name-variant", Warning, "people"),
    rule!(title_style, "title-style", Info, "people"),
    rule!(undefined_acronym, "undefined-acronym", Warning, "acronyms"),
    rule!(acronym_defined_late, "acronym-defined-late", Warning, "acronyms"),
    rule!(acronym_redefined, "acronym-redefined", Info, "acronyms"),
    rule!(absent_participant, "absent-participant", Error, "proceedings"),
    rule!(self_seconded, "self-seconded", Error, "proceedings"),
    rule!(vote_arithmetic, "vote-arithmetic", Error, "proceedings"),
    rule!(interest_participation, "interest-participation", Warning, "proceedings"),
    rule!(dangling_reference, "dangling-reference", Warning, "proceedings"),
    rule!(exclusion_grounds, "exclusion-grounds", Warning, "proceedings"),
    rule!(exempt_detail, "exempt-detail", Warning, "proceedings"),
    rule!(quorum, "quorum", Error, "proceedings"),
    rule!(meeting_times, "meeting-times", Warning, "proceedings"),
    rule!(not_a_member, "not-a-member", Info, "proceedings"),
    rule!(unrecorded_absence, "unrecorded-absence", Info, "proceedings"),
    rule!(weekday_mismatch, "weekday-mismatch", Error, "dates"),
    rule!(paste_residue, "paste-residue", Warning, "text"),
    rule!(broken_paragraph, "broken-paragraph", Warning, "text"),
    rule!(first_person, "first-person", Warning, "text"),
    rule!(tracked_changes, "tracked-changes", Error, "word"),
    rule!(review_comments, "review-comments", Error, "word"),
    rule!(document_metadata, "document-metadata", Info, "word"),
];

/// The README's rule list: a Markdown table of every rule, built from [`RULES`].
pub fn rules_markdown() -> String {
    let mut out = String::from("| rule | default | what it checks | fix |\n|---|---|---|---|\n");
    for rule in RULES {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            rule.name,
            rule.default_severity.as_str(),
            rule.summary().replace('|', "\\|"),
            rule.fix_summary().replace('|', "\\|")
        ));
    }
    out
}

/// Every rule's name, for validating config that names rules.
pub fn names() -> Vec<&'static str> {
    RULES.iter().map(|r| r.name).collect()
}

/// The rule with this name.
pub fn find(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

/// What a rule sees: the text, its model and the config, plus analyses shared between rules
/// (computed on first use, once per lint).
pub struct Context<'a> {
    pub text: &'a str,
    pub minutes: &'a Minutes,
    pub config: &'a Config,
    pub lines: &'a LineIndex,
    /// What a Word draft says beyond its text (`None` for text drafts).
    word: Option<&'a WordFacts>,
    acronyms: OnceCell<AcronymAnalysis>,
    people: OnceCell<PeopleAnalysis>,
    proceedings: OnceCell<Proceedings>,
}

impl<'a> Context<'a> {
    pub fn new(text: &'a str, minutes: &'a Minutes, config: &'a Config, lines: &'a LineIndex) -> Self {
        Context {
            text,
            minutes,
            config,
            lines,
            word: None,
            acronyms: OnceCell::new(),
            people: OnceCell::new(),
            proceedings: OnceCell::new(),
        }
    }

    /// The same context for a Word draft, with its tracked changes, comments and properties.
    pub fn with_word(mut self, facts: Option<&'a WordFacts>) -> Self {
        self.word = facts;
        self
    }

    /// The Word draft's facts, or `None` for a text draft (the Word-only rules are then silent).
    pub fn word(&self) -> Option<&'a WordFacts> {
        self.word
    }

    /// Acronym uses and definitions across the whole document.
    pub fn acronyms(&self) -> &AcronymAnalysis {
        self.acronyms
            .get_or_init(|| AcronymAnalysis::new(self.text, self.minutes, self.config))
    }

    /// Every person named, grouped by who they are.
    pub fn people(&self) -> &PeopleAnalysis {
        self.people.get_or_init(|| PeopleAnalysis::new(self.text, self.minutes))
    }

    /// The meeting as it happened: motions, votes, movements, declarations, exclusions, times.
    pub fn proceedings(&self) -> &Proceedings {
        self.proceedings
            .get_or_init(|| Proceedings::new(self.text, self.minutes, self.people()))
    }

    pub fn glossary(&self) -> &'static Glossary {
        Glossary::builtin()
    }

    /// The analyses the rules computed, for whoever uses the lint's result next.
    pub fn into_analyses(self) -> Analyses {
        Analyses {
            acronyms: self.acronyms.into_inner(),
            people: self.people.into_inner(),
            proceedings: self.proceedings.into_inner(),
        }
    }

    /// The document's line ending, for fixes that insert lines.
    pub fn newline(&self) -> &'static str {
        self.minutes.newline
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented_and_named_once() {
        let mut names = std::collections::HashSet::new();
        for rule in RULES {
            assert!(names.insert(rule.name), "{} registered twice", rule.name);
            let doc = rule.doc();
            assert!(doc.len() > 80, "{} has no real documentation", rule.name);
            assert!(doc.contains("## Example"), "{} documents no example", rule.name);
            assert!(
                doc.contains("## Fix"),
                "{} does not say whether its fix is safe",
                rule.name
            );
            assert!(rule.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
    }
}
