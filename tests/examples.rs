//! The shipped examples: between them every rule fires, and the clean one has no finding.

use minutes_lint::core::rules::RULES;
use minutes_lint::{lint, Config};
use std::collections::BTreeSet;
use std::path::Path;

fn examples() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut found: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().contains(".minutes")))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    found.sort();
    found
}

#[test]
fn every_rule_fires_in_some_example() {
    let mut fired = BTreeSet::new();
    for (name, text) in examples() {
        for d in lint(&text, &Config::default(), Some(&name)).diagnostics {
            fired.insert(d.rule);
        }
    }
    // The Word-only rules read facts a text example cannot carry: tests/word.rs makes them fire
    // on .docx files generated in the test (no binary examples are committed).
    // The rules that read `[committee]` in minutes-lint.toml are silent without it, as the
    // examples are linted here: their unit tests configure a committee.
    const NEED_A_COMMITTEE: &[&str] = &["quorum", "not-a-member", "unrecorded-absence"];
    let missing: Vec<&str> = RULES
        .iter()
        .filter(|r| r.group != minutes_lint::core::rules::Group::Word)
        .filter(|r| !NEED_A_COMMITTEE.contains(&r.name))
        .map(|r| r.name)
        .filter(|n| !fired.contains(n))
        .collect();
    assert!(missing.is_empty(), "no example makes these rules fire: {missing:?}");
}

#[test]
fn the_clean_example_is_clean() {
    let (name, text) = examples()
        .into_iter()
        .find(|(n, _)| n.starts_with("finance-committee"))
        .unwrap();
    let found = lint(&text, &Config::default(), Some(&name)).diagnostics;
    assert!(found.is_empty(), "{found:#?}");
}
