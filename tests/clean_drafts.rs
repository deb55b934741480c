//! Drafts in house styles the wild corpus does not have, written for this project. They stand in
//! for the real minutes the tool has not seen.
//!
//! - `tests/fixtures/clean/`: each records its meeting without a defect, so any warning or error
//!   on them is a false alarm, and the reader must find every numbered item.
//! - `tests/fixtures/defects/`: defects planted in an otherwise clean draft; each must be found,
//!   and nothing else may be reported.

use minutes_lint::core::diagnostic::{Diagnostic, Severity};
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

/// The findings `keep` selects in a draft, one line each: "name:line: rule message".
fn findings(name: &str, text: &str, keep: impl Fn(&Diagnostic) -> bool) -> Vec<String> {
    let linted = lint(text, &Config::default(), Some(name));
    linted
        .diagnostics
        .iter()
        .filter(|d| keep(d))
        .map(|d| {
            format!(
                "{name}:{}: {} {}",
                linted.lines.line_of(d.span.start) + 1,
                d.rule,
                d.message
            )
        })
        .collect()
}

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
        problems.extend(findings(name, &read(name), |d| d.severity != Severity::Info));
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

/// The planted defects: rule and the lines where a finding for it may start (a clash between two
/// lists may be reported at either).
const PLANTED: &[(&str, &[usize])] = &[
    ("present-and-apologies", &[5, 8]),
    ("first-person", &[14]),
    ("item-number-sequence", &[16]),
    ("name-variant", &[5, 16]),
    ("undefined-acronym", &[18]),
    ("weekday-mismatch", &[20]),
];

#[test]
fn planted_defects_in_an_unseen_style_are_all_found_and_nothing_else() {
    let name = "parish-planted-defects.minutes.txt";
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/defects")
        .join(name);
    let text = std::fs::read_to_string(path).unwrap();
    let linted = lint(&text, &Config::default(), Some(name));
    let found: Vec<(&str, usize, &str)> = linted
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| (d.rule, linted.lines.line_of(d.span.start) + 1, d.message.as_str()))
        .collect();
    let mut problems = Vec::new();
    for (rule, lines) in PLANTED {
        if !found.iter().any(|(r, l, _)| r == rule && lines.contains(l)) {
            problems.push(format!("missed: {rule} on line {lines:?}"));
        }
    }
    for (rule, line, message) in &found {
        if !PLANTED.iter().any(|(r, lines)| r == rule && lines.contains(line)) {
            problems.push(format!("false alarm: {name}:{line}: {rule} {message}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Drafts of whole meetings written to try the proceedings rules (`tests/fixtures/proceedings-clean/`):
/// late arrivals who then vote, members leaving for an item and coming back, substitutes,
/// co-opted and ward members, recorded votes in lines and tables, casting votes, meetings
/// adjourned to another day, exclusions under Scottish and licensing law, members speaking as
/// the public before leaving. Each records its meeting correctly, so any finding of a
/// proceedings rule on them is a false alarm.
#[test]
fn proceedings_rules_stay_silent_on_correct_meetings() {
    use minutes_lint::core::rules::{Group, RULES};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/proceedings-clean");
    let proceedings: Vec<&str> = RULES
        .iter()
        .filter(|r| r.group == Group::Proceedings)
        .map(|r| r.name)
        .collect();
    assert!(proceedings.len() >= 11, "{proceedings:?}");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert!(names.len() >= 15, "expected the drafts in {}", dir.display());
    let mut problems = Vec::new();
    for name in &names {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        problems.extend(findings(name, &text, |d| proceedings.contains(&d.rule)));
    }
    assert!(
        problems.is_empty(),
        "false alarms on correct meetings:\n{}",
        problems.join("\n")
    );
}
