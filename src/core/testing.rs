//! Helpers shared by the core's unit tests: the shared corpus, and running one rule alone.
#![cfg(test)]

use crate::core::config::Config;
use crate::core::diagnostic::Diagnostic;
use crate::core::fix::{apply_edits, choose_fixes};
use crate::core::parse::parse;
use crate::core::rules::Context;
use crate::core::text::LineIndex;

/// A rule's check function.
pub type Check = fn(&Context, &mut Vec<Diagnostic>);

/// A draft from `../shared/corpus/`.
pub fn corpus(name: &str) -> String {
    let path = format!("{}/../shared/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// One rule's findings on `text` with the default config (the other rules are not run).
pub fn run_rule(check: Check, text: &str) -> Vec<Diagnostic> {
    run_rule_with(check, text, &Config::default())
}

/// The findings of the rule named `rule` when the whole linter runs with the default config
/// (severities and suppressions applied).
pub fn lint_rule(rule: &str, text: &str) -> Vec<Diagnostic> {
    crate::core::lint::lint(text, &Config::default(), None)
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == rule)
        .collect()
}

/// One rule's findings on `text` with `config`.
pub fn run_rule_with(check: Check, text: &str, config: &Config) -> Vec<Diagnostic> {
    let minutes = parse(text);
    let lines = LineIndex::new(text);
    let ctx = Context::new(text, &minutes, config, &lines);
    let mut out = Vec::new();
    check(&ctx, &mut out);
    out
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

/// Applying one rule's safe fixes to each corpus draft takes at most one pass and leaves none of
/// its findings, and a second run changes nothing.
pub fn assert_safe_fixes_converge_on_the_corpus(check: Check) {
    for name in [
        "middlesbrough-cyp-panel-2022-03-21.txt",
        "manchester-cyp-2021-item.txt",
        "manchester-ofsted-subgroup-2017-09-12.txt",
    ] {
        let text = corpus(name);
        let (fixed, passes) = fix_until_stable(check, &text);
        assert!(passes <= 1, "{name}: {passes} passes");
        assert!(run_rule(check, &fixed).is_empty(), "{name}");
        assert_eq!(
            fix_until_stable(check, &fixed),
            (fixed, 0),
            "{name}: a second pass changed the text"
        );
    }
}

/// Applies one rule's safe fixes until none is left: the text and the passes it took.
pub fn fix_until_stable(check: Check, text: &str) -> (String, usize) {
    let mut current = text.to_string();
    for pass in 0..8 {
        let (edits, _) = choose_fixes(&run_rule(check, &current), false);
        if edits.is_empty() {
            return (current, pass);
        }
        current = apply_edits(&current, &edits);
    }
    (current, 8)
}
