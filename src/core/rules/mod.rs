//! The rules: one file each, registered in [`RULES`] by one line of the `registry!` list.
//!
//! A rule file starts with `//!` documentation (its first sentence says what the rule finds; then
//! why, an `## Example`, and a `## Fix` section saying whether its fix is safe) and declares
//! itself once in a `pub(crate) const RULE: Rule` (name, default severity, group, its own source
//! for the documentation, its check function). Everything else (the README's rule table,
//! `minutes-lint rule`, hover text, SARIF, the editor's settings schema) is derived from that.
//! Adding a rule means: a new file here, one line in `registry!` below, and a fixture in
//! `tests/fixtures/rules/`. No rule imports another: what two rules share lives in the model or
//! in `crate::core::analysis`.

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

/// A registered rule.
#[derive(Debug)]
pub struct Rule {
    /// The kebab-case name used in config, output and suppressions.
    pub name: &'static str,
    pub default_severity: Severity,
    /// What the rule is about, for grouping in listings.
    pub group: Group,
    /// The rule's source file (`include_str!` of itself); its leading `//!` lines are the
    /// documentation.
    pub(crate) source: &'static str,
    pub check: fn(&Context, &mut Vec<Diagnostic>),
}

/// What a rule is about, for grouping in listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Structure,
    People,
    Acronyms,
    Dates,
    Text,
    Word,
    Proceedings,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Structure => "structure",
            Group::People => "people",
            Group::Acronyms => "acronyms",
            Group::Dates => "dates",
            Group::Text => "text",
            Group::Word => "word",
            Group::Proceedings => "proceedings",
        }
    }
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

    /// The documentation's first paragraph: what the rule finds.
    pub fn summary(&self) -> String {
        first_paragraph(&self.doc())
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

/// Declares every rule module and lists its `RULE` in [`RULES`], in the order given: one line
/// per rule.
macro_rules! registry {
    ($($module:ident,)*) => {
        $(mod $module;)*

        /// Every rule, in the order the README and `minutes-lint rule` list them.
        pub static RULES: &[Rule] = &[$($module::RULE,)*];
    };
}

registry! {
    item_number_sequence,
    missing_decision,
    empty_decision,
    missing_section,
    unread_structure,
    present_and_apologies,
    missing_chair,
    name_variant,
    title_style,
    undefined_acronym,
    acronym_defined_late,
    acronym_redefined,
    absent_participant,
    self_seconded,
    vote_arithmetic,
    interest_participation,
    dangling_reference,
    exclusion_grounds,
    exempt_detail,
    quorum,
    meeting_times,
    not_a_member,
    unrecorded_absence,
    weekday_mismatch,
    paste_residue,
    broken_paragraph,
    first_person,
    tracked_changes,
    review_comments,
    document_metadata,
}

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

    #[test]
    fn every_rule_declares_itself_in_its_own_file() {
        for rule in RULES {
            // The module is the name in snake case, and the source read for the documentation is
            // that module's own file (not a neighbour's, copied with its `RULE`).
            let module = rule.name.replace('-', "_");
            let declaration = format!("name: \"{}\",", rule.name);
            assert!(
                rule.source.contains(&declaration),
                "{}: source is not its file",
                rule.name
            );
            assert!(
                rule.source.contains(&format!("include_str!(\"{module}.rs\")")),
                "{} should live in {module}.rs",
                rule.name
            );
        }
    }

    #[test]
    fn every_rule_doc_opens_the_same_way() {
        // One sentence saying what is found, capitalised, with no "`rule-name`:" label (the
        // name is shown beside it wherever the summary is used).
        for rule in RULES {
            let doc = rule.doc();
            let first = doc.chars().next().unwrap();
            assert!(
                first.is_uppercase() || first == '"',
                "{}: documentation should open with a capitalised sentence: {doc:.40}",
                rule.name
            );
            assert!(!doc.starts_with('`'), "{}", rule.name);
            assert!(rule.summary().ends_with('.'), "{}: {}", rule.name, rule.summary());
        }
    }
}
