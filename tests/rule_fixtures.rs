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
//!
//! This file is the one place that checks what every rule needs, so that no rule repeats it:
//! besides the fixtures, the three seed drafts (`../shared/corpus/*.txt`, read in place) and the
//! shipped examples give exactly the findings recorded, by position only, in
//! `tests/fixtures/seeds-and-examples.tsv` (`MINUTES_LINT_BLESS=1` records them again once a
//! change has been checked), and their safe fixes settle in one pass too. A rule's unit tests
//! hold only its own cases, run through `Rule::findings` (`src/core/testing.rs`).

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
fn every_rule_file_is_registered_and_every_fixture_names_a_rule() {
    // A file Rust is never told about compiles to nothing: a rule file left out of `registry!`
    // would silently never run.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core/rules");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs") && !p.ends_with("mod.rs"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().replace('_', "-"))
        .collect();
    files.sort();
    let mut names: Vec<String> = minutes_lint::core::rules::RULES
        .iter()
        .map(|r| r.name.to_string())
        .collect();
    names.sort();
    assert_eq!(files, names, "src/core/rules/*.rs and the registry differ");
    for fixture in fixtures() {
        let name = file_name(&fixture);
        let stem = name.split('.').next().unwrap();
        assert!(
            minutes_lint::core::rules::find(stem).is_some(),
            "{name} is named after no rule"
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

/// The drafts every rule runs on besides the fixtures, as (label, file name, text): the three
/// seed drafts in `../shared/corpus/` (read in place) and the shipped examples.
fn seeds_and_examples() -> Vec<(String, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for (label, dir) in [
        ("seeds", root.join("../shared/corpus")),
        ("examples", root.join("examples")),
    ] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                if label == "seeds" {
                    name.ends_with(".txt")
                } else {
                    name.contains(".minutes")
                }
            })
            .collect();
        paths.sort();
        for path in paths {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((format!("{label}/{name}"), name, text));
        }
    }
    out
}

/// Where the findings on the seeds and examples are recorded: `file line column rule`, tab
/// separated, line and column 1-based (the column in characters), no text quoted from the drafts.
const RECORDED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds-and-examples.tsv");
const RECORDED_HEADER: &str = "file\tline\tcolumn\trule";

#[test]
fn seeds_and_examples_report_exactly_their_recorded_findings() {
    let drafts = seeds_and_examples();
    assert_eq!(
        drafts.iter().filter(|(l, _, _)| l.starts_with("seeds/")).count(),
        3,
        "the three seed drafts"
    );
    let mut rows = Vec::new();
    for (label, name, text) in &drafts {
        for d in lint(text, &Config::default(), Some(name)).diagnostics {
            let (rule, line, from, _) = mark(d.rule, text, d.span);
            rows.push((label.clone(), line, from + 1, rule));
        }
    }
    rows.sort();
    let found: Vec<String> = rows
        .iter()
        .map(|(label, line, column, rule)| format!("{label}\t{line}\t{column}\t{rule}"))
        .collect();
    let expected = format!("{RECORDED_HEADER}\n{}\n", found.join("\n"));
    let recorded = std::fs::read_to_string(RECORDED).unwrap_or_default();
    if recorded != expected {
        if std::env::var_os("MINUTES_LINT_BLESS").is_some() {
            std::fs::write(RECORDED, expected).unwrap();
            return;
        }
        let recorded: BTreeSet<&str> = recorded.lines().skip(1).collect();
        let found: BTreeSet<&str> = found.iter().map(String::as_str).collect();
        panic!(
            "the seeds and examples no longer give their recorded findings \
             (after checking each change, record them with MINUTES_LINT_BLESS=1 cargo test --test rule_fixtures)\n\
             new: {:#?}\ngone: {:#?}",
            found.difference(&recorded).collect::<Vec<_>>(),
            recorded.difference(&found).collect::<Vec<_>>()
        );
    }
}

/// Fixing `text` with the safe fixes takes one pass (a second changes nothing) and leaves none
/// of the fixed rules' safely fixable findings.
fn safe_fixes_settle(name: &str, text: &str) -> Result<(), String> {
    let config = Config::default();
    let once = fix_all(text, &config, Some(name), false);
    let twice = fix_all(&once.text, &config, Some(name), false);
    if twice.total_applied() != 0 || once.text != twice.text {
        return Err(format!("{name}: a second --fix pass still changed the text"));
    }
    let safe = |d: &&minutes_lint::Diagnostic| {
        d.fixes
            .iter()
            .any(|f| f.applicability == minutes_lint::Applicability::Safe)
    };
    let fixed_rules: BTreeSet<&str> = once.applied.iter().map(|(r, _)| *r).collect();
    let left: Vec<&str> = once
        .remaining
        .iter()
        .filter(safe)
        .filter(|d| fixed_rules.contains(d.rule))
        .map(|d| d.rule)
        .collect();
    if !left.is_empty() {
        return Err(format!("{name}: still safely fixable after --fix: {left:?}"));
    }
    Ok(())
}

#[test]
fn safe_fixes_settle_in_one_pass_on_fixtures_seeds_and_examples() {
    let mut failures = Vec::new();
    for fixture in fixtures() {
        failures.extend(safe_fixes_settle(&file_name(&fixture), &fixture.draft).err());
    }
    for (label, name, text) in seeds_and_examples() {
        failures.extend(safe_fixes_settle(&name, &text).err().map(|e| format!("{label}: {e}")));
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Fixtures on which the unsafe fixes are known not to settle, each with why. The test below
/// fails when one of them settles, so that the list only ever shrinks.
const UNSAFE_FIXES_KNOWN_NOT_TO_SETTLE: &[(&str, &str)] = &[];

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
