//! Running the rules over a draft: parse, check, apply configured severities and suppressions.

use crate::core::analysis::Analyses;
use crate::core::config::{Config, RuleLevel};
use crate::core::diagnostic::Diagnostic;
use crate::core::model::Minutes;
use crate::core::parse::{format_for_path, parse_indexed};
use crate::core::rules::{Context, RULES};
use crate::core::text::LineIndex;
use crate::core::word::WordFacts;

/// A linted draft: its model, its findings sorted by position, and the analyses the rules shared.
#[derive(Debug)]
pub struct Linted {
    pub minutes: Minutes,
    pub lines: LineIndex,
    pub diagnostics: Vec<Diagnostic>,
    pub analyses: Analyses,
}

/// Parses and lints `text`. `path` (relative to the config's folder) selects `[per-file]` ignores.
pub fn lint(text: &str, config: &Config, path: Option<&str>) -> Linted {
    lint_with_facts(text, config, path, None)
}

/// [`lint`] for a draft read from Word: `facts` (tracked changes, comments, properties) feed the
/// Word-only rules. With `None` it is exactly [`lint`].
pub fn lint_with_facts(text: &str, config: &Config, path: Option<&str>, facts: Option<&WordFacts>) -> Linted {
    let format = path.map(format_for_path);
    let lines = LineIndex::new(text);
    let minutes = parse_indexed(text, &lines, &config.vocabulary, format);
    let (diagnostics, analyses) = run_rules(text, &minutes, &lines, config, path, facts);
    Linted {
        minutes,
        lines,
        diagnostics,
        analyses,
    }
}

/// [`lint`] over a text whose line index the caller already holds (the language server builds one
/// with each edit and keeps it with the text): the model, the findings and the shared analyses.
pub fn lint_indexed(
    text: &str,
    lines: &LineIndex,
    config: &Config,
    path: Option<&str>,
) -> (Minutes, Vec<Diagnostic>, Analyses) {
    let minutes = parse_indexed(text, lines, &config.vocabulary, path.map(format_for_path));
    let (diagnostics, analyses) = run_rules(text, &minutes, lines, config, path, None);
    (minutes, diagnostics, analyses)
}

/// Runs every enabled rule over an already parsed draft.
pub fn check(text: &str, minutes: &Minutes, lines: &LineIndex, config: &Config, path: Option<&str>) -> Vec<Diagnostic> {
    run_rules(text, minutes, lines, config, path, None).0
}

/// The rules' findings, and the analyses they computed on the way.
fn run_rules(
    text: &str,
    minutes: &Minutes,
    lines: &LineIndex,
    config: &Config,
    path: Option<&str>,
    facts: Option<&WordFacts>,
) -> (Vec<Diagnostic>, Analyses) {
    let ctx = Context::new(text, minutes, config, lines).with_word(facts);
    let mut all = Vec::new();
    for rule in RULES {
        let RuleLevel::On(severity) = config.level(rule.name, rule.default_severity) else {
            continue;
        };
        if path.is_some_and(|p| config.ignored_for(p, rule.name))
            || minutes.suppressions.file.iter().any(|r| r == rule.name || r == "all")
        {
            continue;
        }
        let mut found = Vec::new();
        (rule.check)(&ctx, &mut found);
        for mut diagnostic in found {
            if minutes.suppressions.allows(rule.name, diagnostic.span.start) {
                continue;
            }
            diagnostic.rule = rule.name;
            diagnostic.severity = severity;
            all.push(diagnostic);
        }
    }
    all.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    (all, ctx.into_analyses())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_analyses_the_rules_computed_are_kept_for_whoever_comes_next() {
        let text = "Present: Councillor A Lowe (Chair), Councillor B Ames\n\n1. Budget\n\nThe LGA reported.\n";
        let linted = lint(text, &Config::default(), None);
        // The rules asked for both: the server's hover and completion take them from here.
        let acronyms = linted.analyses.acronyms.as_ref().expect("kept");
        assert!(acronyms.get("LGA").is_some());
        assert!(linted.analyses.people.is_some());
        // With no rule asking, neither is computed.
        let mut config = Config::default();
        for rule in RULES {
            config.rules.insert(rule.name.to_string(), RuleLevel::Off);
        }
        let linted = lint(text, &config, None);
        assert!(linted.analyses.acronyms.is_none() && linted.analyses.people.is_none());
    }
}
