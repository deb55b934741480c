//! Runs every rule fixture in `tests/fixtures/rules/` and checks the findings written in it.
//!
//! A fixture is a draft named after its rule (`RULE.txt`, `RULE.md`, `RULE.CASE.txt`) with each
//! expected finding written under the line it points at, on an annotation line:
//!
//! ```text
//! The Chair said that we would return to this at our next meeting.
//!                     ^^ first-person
//!                                                ^^^ first-person
//! ```
//!
//! - An annotation line is nothing but spaces, a run of `^` and a rule name. The carets stand
//!   under the characters the finding spans (columns counted in characters; a span running on
//!   to later lines is marked on its first line, to that line's end). The rule must exist, so a
//!   misspelt annotation fails instead of quietly becoming part of the draft.
//! - It points at the nearest line above it that is not an annotation, so several findings on one
//!   line take one annotation line each, and lines can be added to the draft without renumbering
//!   anything. Annotation lines are removed before the draft is linted.
//! - The fixture's own rule (its file stem), every rule an annotation names and every rule on a
//!   `rules: a, b` line are checked exactly: a finding without its annotation fails, so every
//!   case in the draft left unannotated is a case that must not fire.
//! - After the draft, an optional line `---- notes ----` starts the notes: comments (lines
//!   starting with `#`, saying what the fixture shows) and `rules:` lines.
//!
//! Every fixture is also fixed: the safe fixes must settle in one pass and remove what they fix,
//! and the unsafe fixes too must settle, leaving none of the checked rules' findings fixable.

use minutes_lint::core::config::Config;
use minutes_lint::core::fix::fix_all;
use minutes_lint::lint;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const NOTES: &str = "---- notes ----";

/// A finding as a fixture writes it: the rule, the 1-based line the span starts on, and the
/// span's columns on that line (0-based, in characters, end exclusive).
type Mark = (String, usize, usize, usize);

struct Fixture {
    path: PathBuf,
    draft: String,
    checked_rules: BTreeSet<String>,
    expected: BTreeSet<Mark>,
}

/// The column range and rule of an annotation line, or `None` for any other line.
fn annotation(line: &str) -> Option<(usize, usize, &str)> {
    let from = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[from..];
    let carets = rest.len() - rest.trim_start_matches('^').len();
    let rule = rest[carets..].strip_prefix(' ')?;
    let is_name = !rule.is_empty() && rule.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    (carets > 0 && is_name).then_some((from, from + carets, rule))
}

fn load(path: &Path) -> Fixture {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (annotated, notes) = match text.split_once(&format!("\n{NOTES}\n")) {
        Some((draft, notes)) => (format!("{draft}\n"), notes),
        None => (text.clone(), ""),
    };
    let name = path.file_name().unwrap().to_string_lossy();
    let stem = name.split('.').next().unwrap().to_string();
    let mut checked_rules = BTreeSet::from([stem]);
    let mut expected = BTreeSet::new();
    let mut draft = String::with_capacity(annotated.len());
    let mut line_no = 0;
    for line in annotated.split_inclusive('\n') {
        let Some((from, to, rule)) = annotation(line.trim_end_matches('\n')) else {
            draft.push_str(line);
            line_no += 1;
            continue;
        };
        assert!(line_no > 0, "{name}: an annotation before the first line: {line}");
        assert!(
            minutes_lint::core::rules::find(rule).is_some(),
            "{name}: an annotation names no rule: {line}"
        );
        checked_rules.insert(rule.to_string());
        expected.insert((rule.to_string(), line_no, from, to));
    }
    for line in notes
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let list = line
            .strip_prefix("rules:")
            .unwrap_or_else(|| panic!("{name}: a note that is neither `# …` nor `rules: …`: {line}"));
        checked_rules.extend(list.split(',').map(|r| r.trim().to_string()));
    }
    Fixture {
        path: path.to_path_buf(),
        draft,
        checked_rules,
        expected,
    }
}

/// Where `span` sits, as a fixture writes it.
fn mark(rule: &str, draft: &str, span: minutes_lint::Span) -> Mark {
    let line_start = draft[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = draft[span.start..].find('\n').map_or(draft.len(), |i| span.start + i);
    let line = draft[..line_start].matches('\n').count() + 1;
    let from = draft[line_start..span.start].chars().count();
    let to = from + draft[span.start..span.end.min(line_end)].chars().count();
    (rule.to_string(), line, from, to)
}

/// A mark shown as its line with the carets under it, for a failure message.
fn show(draft: &str, (rule, line, from, to): &Mark) -> String {
    let text = draft.lines().nth(line - 1).unwrap_or("");
    format!(
        "line {line}:\n{text}\n{}{} {rule}",
        " ".repeat(*from),
        "^".repeat(to.saturating_sub(*from).max(1))
    )
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
        let found: BTreeSet<Mark> = linted
            .diagnostics
            .iter()
            .filter(|d| fixture.checked_rules.contains(d.rule))
            .map(|d| mark(d.rule, &fixture.draft, d.span))
            .collect();
        for missing in fixture.expected.difference(&found) {
            failures.push(format!(
                "{name}: expected, not reported, {}",
                show(&fixture.draft, missing)
            ));
        }
        for extra in found.difference(&fixture.expected) {
            failures.push(format!(
                "{name}: reported, not expected, {}",
                show(&fixture.draft, extra)
            ));
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

/// Fixtures on which the unsafe fixes are known not to settle, each with why. The test below
/// fails when one of them settles, so that the list only ever shrinks.
const UNSAFE_FIXES_KNOWN_NOT_TO_SETTLE: &[(&str, &str)] = &[(
    "undefined-acronym.capitals.txt",
    "the long form inserted for NICE (its words include \"and\") is not then read as NICE's \
     definition, so each pass inserts it again",
)];

#[test]
fn unsafe_fixes_converge_and_leave_nothing_fixable() {
    for fixture in fixtures() {
        let name = file_name(&fixture);
        let config = Config::default();
        let once = fix_all(&fixture.draft, &config, Some(&name), true);
        let left: Vec<_> = once
            .remaining
            .iter()
            .filter(|d| fixture.checked_rules.contains(d.rule) && !d.fixes.is_empty())
            .map(|d| (d.rule, d.message.clone()))
            .collect();
        let twice = fix_all(&once.text, &config, Some(&name), true);
        let settles = left.is_empty() && once.text == twice.text;
        let known = UNSAFE_FIXES_KNOWN_NOT_TO_SETTLE.iter().any(|(n, _)| *n == name);
        assert!(
            settles || known,
            "{name}: still fixable after --unsafe-fixes ({left:?}) or a second pass changed the text"
        );
        assert!(
            !(settles && known),
            "{name} now settles: take it off UNSAFE_FIXES_KNOWN_NOT_TO_SETTLE"
        );
    }
}
