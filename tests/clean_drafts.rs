//! Clean drafts in house styles the wild corpus does not have, written for this project: each
//! records its meeting without a defect, so any warning or error on them is a false alarm, and
//! the reader must find every numbered item. They stand in for the real minutes the tool has
//! not seen.

use minutes_lint::core::diagnostic::Severity;
use minutes_lint::{lint, Config};
use std::path::Path;

/// Each draft and the number of numbered items a reader sees in it (sub-items, lists inside
/// items and numbers in the prose are not items).
const DRAFTS: &[(&str, usize)] = &[
    ("planning-committee-moderngov.minutes.txt", 7),
    ("parish-inline-items.minutes.txt", 10),
    ("community-council-markdown.minutes.md", 9),
    ("town-council-welsh.minutes.txt", 6),
    ("county-council-running-numbers.minutes.txt", 6),
    ("town-council-attendance-table.minutes.md", 7),
];

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/clean")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn clean_drafts_in_unseen_house_styles_raise_no_warning_or_error() {
    let mut problems = Vec::new();
    for (name, _) in DRAFTS {
        let text = read(name);
        let linted = lint(&text, &Config::default(), Some(name));
        for d in linted.diagnostics.iter().filter(|d| d.severity != Severity::Info) {
            let line = linted.lines.line_of(d.span.start) + 1;
            problems.push(format!("{name}:{line}: {} {}", d.rule, d.message));
        }
    }
    assert!(
        problems.is_empty(),
        "false alarms on clean drafts:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_reader_finds_every_item_of_the_clean_drafts() {
    let mut problems = Vec::new();
    for (name, expected) in DRAFTS {
        let text = read(name);
        let minutes = lint(&text, &Config::default(), Some(name)).minutes;
        let numbered: Vec<&str> = minutes
            .items
            .iter()
            .filter_map(|i| i.number.as_ref().map(|n| n.as_str(&text)))
            .collect();
        if numbered.len() != *expected {
            problems.push(format!(
                "{name}: expected {expected} items, read {}: {numbered:?}",
                numbered.len()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_clean_draft_is_listed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clean");
    let on_disk = std::fs::read_dir(dir).unwrap().count();
    assert_eq!(
        on_disk,
        DRAFTS.len(),
        "a draft in tests/fixtures/clean is not in DRAFTS"
    );
}
