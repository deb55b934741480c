//! Helpers shared by the core's unit tests: the shared corpus, running one rule, and random
//! texts for checking a fast scan against its plain definition.
//!
//! A rule's unit tests run it one way only, [`Rule::findings`]: through the linter (parse,
//! suppressions, severities, findings sorted by position) with every other rule switched off.
//! What every rule needs beyond its own cases (its fixtures, the seed drafts and the examples
//! giving exactly their recorded findings, fixes settling) is checked for all rules at once by
//! `tests/rule_fixtures.rs`, so no rule repeats it.
#![cfg(test)]

use crate::core::config::{Config, RuleLevel};
use crate::core::diagnostic::Diagnostic;
use crate::core::lint::{lint, lint_with_facts};
use crate::core::rules::{Rule, RULES};
use crate::core::word::WordFacts;

/// A draft from `../shared/corpus/`.
pub fn corpus(name: &str) -> String {
    let path = format!("{}/../shared/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

impl Rule {
    /// This rule's findings on `text` with the default config.
    pub fn findings(&self, text: &str) -> Vec<Diagnostic> {
        self.findings_with(text, &Config::default(), None)
    }

    /// This rule's findings on `text` with `config`, for a draft at `path` (`.md` is Markdown).
    pub fn findings_with(&self, text: &str, config: &Config, path: Option<&str>) -> Vec<Diagnostic> {
        lint(text, &self.alone(config), path).diagnostics
    }

    /// The text each of this rule's findings on `text` points at, with the default config.
    pub fn flagged(&self, text: &str) -> Vec<String> {
        self.flagged_with(text, &Config::default())
    }

    /// The text each of this rule's findings on `text` points at, with `config`.
    pub fn flagged_with(&self, text: &str, config: &Config) -> Vec<String> {
        let findings = self.findings_with(text, config, None);
        findings.iter().map(|d| d.span.slice(text).to_string()).collect()
    }

    /// This rule's findings on a Word draft: its text and what Word says beyond it.
    pub fn findings_in_word(&self, text: &str, facts: &WordFacts) -> Vec<Diagnostic> {
        lint_with_facts(text, &self.alone(&Config::default()), None, Some(facts)).diagnostics
    }

    /// `config` with every other rule switched off.
    fn alone(&self, config: &Config) -> Config {
        let mut alone = config.clone();
        for rule in RULES.iter().filter(|r| r.name != self.name) {
            alone.rules.insert(rule.name.to_string(), RuleLevel::Off);
        }
        alone
    }
}

/// `count` reproducible random texts, each made of fewer than `max_parts` of `parts` picked by
/// an xorshift sequence starting at `seed`: inputs for checking a fast scan against its plain
/// definition.
pub fn random_texts<'p>(
    parts: &'p [&'p str],
    max_parts: u64,
    seed: u64,
    count: usize,
) -> impl Iterator<Item = String> + 'p {
    let mut seed = seed;
    (0..count).map(move |_| {
        let mut text = String::new();
        for _ in 0..(seed % max_parts) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(parts[(seed % parts.len() as u64) as usize]);
        }
        text
    })
}
