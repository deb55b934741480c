//! The structure and date rules on the shared corpus, through the public `lint` entry point:
//! exactly the findings a reviewer expects, with the configured severities.

use minutes_lint::{lint, Config, Severity};

const MINE: [&str; 5] = [
    "item-number-sequence",
    "missing-decision",
    "empty-decision",
    "missing-section",
    "weekday-mismatch",
];

fn corpus(name: &str) -> String {
    let path = format!("{}/../shared/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// (rule, text of the span, message) for this worktree's rules.
fn findings(name: &str) -> Vec<(String, String, String, Severity)> {
    let text = corpus(name);
    let linted = lint(&text, &Config::default(), Some(name));
    linted
        .diagnostics
        .iter()
        .filter(|d| MINE.contains(&d.rule))
        .map(|d| {
            (
                d.rule.to_string(),
                d.span.slice(&text).to_string(),
                d.message.clone(),
                d.severity,
            )
        })
        .collect()
}

#[test]
fn middlesbrough() {
    let found = findings("middlesbrough-cyp-panel-2022-03-21.txt");
    let summary: Vec<(&str, &str)> = found.iter().map(|(r, s, _, _)| (r.as_str(), s.as_str())).collect();
    assert_eq!(
        summary,
        [
            (
                "missing-section",
                "Children and Young People's Social Care and Services Scrutiny Panel - Monday 21st March, 2022 4.00 pm"
            ),
            ("missing-decision", "21/49"),
            ("missing-decision", "21/50"),
        ]
    );
    assert!(found[0].2.starts_with("no attendance list"), "{}", found[0].2);
    assert_eq!(found[0].3, Severity::Info);
    assert_eq!(found[1].3, Severity::Warning);
}

#[test]
fn ofsted_subgroup() {
    let found = findings("manchester-ofsted-subgroup-2017-09-12.txt");
    let messages: Vec<&str> = found
        .iter()
        .map(|(r, _, m, _)| {
            assert_eq!(r, "missing-section");
            m.split(':').next().unwrap_or("")
        })
        .collect();
    assert_eq!(messages, ["no declarations of interest", "no date of the next meeting"]);
}

#[test]
fn single_item() {
    assert!(findings("manchester-cyp-2021-item.txt").is_empty());
}

#[test]
fn weekday_mismatch_is_an_error() {
    let text = "Cabinet - Monday 26 April 2022\n\nPresent:\n\nCouncillor Khan (Chair)\n";
    let linted = lint(text, &Config::default(), Some("x.txt"));
    let d = linted
        .diagnostics
        .iter()
        .find(|d| d.rule == "weekday-mismatch")
        .expect("reported");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.fixes[0].edits[0].new_text, "Tuesday");
}
