//! Runs every rule fixture in `tests/fixtures/rules/` and checks its inline expectations.
//!
//! A fixture is a draft, then a line `---- expect ----`, then one line per finding:
//! `RULE LINE "TEXT"`: rule RULE reports a span starting on LINE (1-based) whose text is TEXT.
//! The fixture's own rule (its file stem) and any rule named on a `rules: a, b` line are
//! checked exactly: a finding not listed fails, so every case in the draft that is not listed
//! is a case that must not fire. Lines starting with `#` are comments.

use minutes_lint::core::config::Config;
use minutes_lint::core::fix::fix_all;
use minutes_lint::lint;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const MARKER: &str = "---- expect ----";

struct Fixture {
    path: PathBuf,
    draft: String,
    checked_rules: BTreeSet<String>,
    expected: BTreeSet<(String, usize, String)>,
}

fn load(path: &Path) -> Fixture {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (draft, expectations) = text
        .split_once(&format!("\n{MARKER}\n"))
        .unwrap_or_else(|| panic!("{}: no `{MARKER}` line", path.display()));
    let name = path.file_name().unwrap().to_string_lossy();
    let stem = name.split('.').next().unwrap().to_string();
    let mut checked_rules = BTreeSet::from([stem]);
    let mut expected = BTreeSet::new();
    for line in expectations
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        if let Some(list) = line.strip_prefix("rules:") {
            checked_rules.extend(list.split(',').map(|r| r.trim().to_string()));
            continue;
        }
        let (rule, rest) = line
            .split_once(' ')
            .unwrap_or_else(|| panic!("{}: bad line {line}", path.display()));
        let (line_no, quoted) = rest.trim().split_once(' ').unwrap_or_else(|| panic!("bad line {line}"));
        let snippet = quoted.trim().trim_matches('"').to_string();
        let line_no: usize = line_no.parse().unwrap_or_else(|_| panic!("bad line number in {line}"));
        checked_rules.insert(rule.to_string());
        expected.insert((rule.to_string(), line_no, snippet));
    }
    Fixture {
        path: path.to_path_buf(),
        draft: format!("{draft}\n"),
        checked_rules,
        expected,
    }
}

fn fixtures() -> Vec<Fixture> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths.iter().map(|p| load(p)).collect()
}

fn file_name(f: &Fixture) -> String {
    f.path.file_name().unwrap().to_string_lossy().to_string()
}

#[test]
fn every_rule_has_a_fixture() {
    let fixtures = fixtures();
    for rule in minutes_lint::core::rules::RULES {
        assert!(
            fixtures
                .iter()
                .any(|f| file_name(f).split('.').next() == Some(rule.name)),
            "rule {} has no fixture in tests/fixtures/rules/",
            rule.name
        );
    }
}

#[test]
fn fixtures_report_exactly_their_expected_findings() {
    let mut failures = Vec::new();
    for fixture in fixtures() {
        let name = file_name(&fixture);
        let linted = lint(&fixture.draft, &Config::default(), Some(&name));
        let found: BTreeSet<(String, usize, String)> = linted
            .diagnostics
            .iter()
            .filter(|d| fixture.checked_rules.contains(d.rule))
            .map(|d| {
                let line = linted.lines.line_of(d.span.start) + 1;
                (d.rule.to_string(), line, d.span.slice(&fixture.draft).to_string())
            })
            .collect();
        for missing in fixture.expected.difference(&found) {
            failures.push(format!(
                "{name}: expected {} {} {:?} was not reported",
                missing.0, missing.1, missing.2
            ));
        }
        for extra in found.difference(&fixture.expected) {
            failures.push(format!("{name}: unexpected {} {} {:?}", extra.0, extra.1, extra.2));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn safe_fixes_converge_and_remove_what_they_fix() {
    for fixture in fixtures() {
        let name = file_name(&fixture);
        let config = Config::default();
        let once = fix_all(&fixture.draft, &config, Some(&name), false);
        let twice = fix_all(&once.text, &config, Some(&name), false);
        assert_eq!(
            twice.total_applied(),
            0,
            "{name}: a second --fix pass still changed the text"
        );
        assert_eq!(once.text, twice.text, "{name}: fixing did not converge");
        // Every finding that had a safe fix is gone.
        let before = lint(&fixture.draft, &config, Some(&name));
        let fixed_rules: BTreeSet<&str> = once.applied.iter().map(|(r, _)| *r).collect();
        for rule in fixed_rules {
            let had = before
                .diagnostics
                .iter()
                .filter(|d| {
                    d.rule == rule
                        && d.fixes
                            .iter()
                            .any(|f| f.applicability == minutes_lint::Applicability::Safe)
                })
                .count();
            let left = once
                .remaining
                .iter()
                .filter(|d| {
                    d.rule == rule
                        && d.fixes
                            .iter()
                            .any(|f| f.applicability == minutes_lint::Applicability::Safe)
                })
                .count();
            assert!(
                left < had || had == 0,
                "{name}: {rule} still reports {left} fixable findings after --fix"
            );
        }
    }
}
