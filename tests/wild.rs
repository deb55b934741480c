//! The judged-corpus test: every warning and error the tool raises on the real published minutes
//! in `../shared/corpus/wild` has a verdict written by hand in `tests/wild/judgments/RULE.tsv`.
//!
//! It fails when a finding has no verdict, when a finding judged false and since fixed comes
//! back, when a finding judged true (or a known false alarm) stops being raised, when a safe fix
//! has no verdict or is judged wrong, and when the figures fall below the targets of the issue on
//! reading real minutes. It prints precision per rule, false findings per 10 KB, the known misses
//! caught and the items read, so a run shows where the tool stands.
//!
//! Files (tab-separated, a header line first, one file per rule so that each rule's rows live
//! together):
//! - `judgments/RULE.tsv`: `file line column verdict reason`; verdict `true` (a real defect),
//!   `false` (a false alarm still raised) or `fixed` (a false alarm no longer raised).
//! - `misses/RULE.tsv`: `file line what`: a real defect the rule should report on that line.
//! - `safe-fixes/RULE.tsv`: `file line column verdict reason`: the safe fix of the finding
//!   there (of any severity, since `--fix` applies them all), `true` when applying it
//!   unattended is right.
//! - `numbered.tsv`: `file`: the drafts that have numbered items, judged by reading them.
//!
//! The corpus text is read in place and never copied into the repository.

use minutes_lint::core::diagnostic::{Applicability, Severity};
use minutes_lint::core::text::ColumnUnit;
use minutes_lint::{lint, Config};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A finding's key: file, line, column (1-based, columns in characters) and rule.
type Key = (String, usize, usize, String);

/// The targets of the issue on reading real minutes.
const MIN_PRECISION: f64 = 0.95;
const MAX_FALSE_PER_10KB: f64 = 0.5;
const MIN_MISSES_CAUGHT: f64 = 0.80;
const MIN_ITEMS_READ: f64 = 0.95;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn corpus_dir() -> PathBuf {
    root().join("../shared/corpus/wild")
}

/// The corpus drafts, by file name.
fn corpus() -> BTreeMap<String, String> {
    let dir = corpus_dir();
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the wild corpus is read in place from {}: {e}", dir.display()));
    let mut drafts = BTreeMap::new();
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.contains(".minutes") {
            drafts.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
    assert!(
        drafts.len() >= 100,
        "expected over a hundred corpus drafts, found {}",
        drafts.len()
    );
    drafts
}

/// What the tool says about one finding.
struct Finding {
    severity: Severity,
    /// Printed beside an unjudged finding, to help whoever judges it.
    message: String,
}

struct Run {
    /// Warnings and errors.
    findings: BTreeMap<Key, Finding>,
    /// Findings of any severity with a safe fix, with their messages.
    safe_fixes: BTreeMap<Key, String>,
    /// Drafts in which the reader found at least one numbered item.
    with_items: BTreeSet<String>,
    /// Drafts given an `unread-structure` finding.
    unread: BTreeSet<String>,
    bytes: usize,
}

fn run(corpus: &BTreeMap<String, String>) -> Run {
    let config = Config::default();
    let mut out = Run {
        findings: BTreeMap::new(),
        safe_fixes: BTreeMap::new(),
        with_items: BTreeSet::new(),
        unread: BTreeSet::new(),
        bytes: 0,
    };
    for (name, text) in corpus {
        out.bytes += text.len();
        let linted = lint(text, &config, Some(name));
        if linted.minutes.items.iter().any(|item| item.number.is_some()) {
            out.with_items.insert(name.clone());
        }
        for d in &linted.diagnostics {
            if d.rule == "unread-structure" {
                out.unread.insert(name.clone());
            }
            let at = linted.lines.to_line_col(text, d.span.start, ColumnUnit::Char);
            let bom = at.line == 0 && at.col > 0 && text.starts_with('\u{feff}');
            let key = (
                name.clone(),
                at.line as usize + 1,
                at.col as usize + 1 - usize::from(bom),
                d.rule.to_string(),
            );
            // `--fix` applies safe fixes whatever the finding's severity, so every one is judged.
            if d.fixes.iter().any(|f| f.applicability == Applicability::Safe) {
                out.safe_fixes.insert(key.clone(), d.message.clone());
            }
            if d.severity != Severity::Info {
                let finding = Finding {
                    severity: d.severity,
                    message: d.message.clone(),
                };
                out.findings.insert(key, finding);
            }
        }
    }
    out
}

/// The rows of every `DIR/RULE.tsv`, as (rule, fields, where) with the header line checked.
fn rows(dir: &str, header: &str) -> Vec<(String, Vec<String>, String)> {
    let dir = root().join("tests/wild").join(dir);
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    paths.sort();
    for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "tsv")) {
        let rule = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let lines = after_header(&path, &text, header);
        let columns = header.split('\t').count();
        for (n, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let fields: Vec<String> = line.split('\t').map(|f| f.trim().to_string()).collect();
            let at = format!("{}:{}", path.display(), n + 2);
            assert_eq!(fields.len(), columns, "{at}: expected {columns} tab-separated fields");
            assert!(fields.iter().all(|f| !f.is_empty()), "{at}: an empty field");
            out.push((rule.clone(), fields, at));
        }
    }
    out
}

fn number(field: &str, at: &str) -> usize {
    field
        .parse()
        .unwrap_or_else(|_| panic!("{at}: {field:?} is not a number"))
}

/// Verdicts keyed by finding, from `judgments/` or `safe-fixes/`.
fn verdicts(dir: &str, corpus: &BTreeMap<String, String>) -> BTreeMap<Key, (String, String)> {
    let mut out = BTreeMap::new();
    for (rule, f, at) in rows(dir, "file\tline\tcolumn\tverdict\treason") {
        assert!(corpus.contains_key(&f[0]), "{at}: no corpus draft {}", f[0]);
        assert!(
            ["true", "false", "fixed"].contains(&f[3].as_str()),
            "{at}: the verdict must be true, false or fixed, not {}",
            f[3]
        );
        let key = (f[0].clone(), number(&f[1], &at), number(&f[2], &at), rule);
        let previous = out.insert(key, (f[3].clone(), at.clone()));
        assert!(previous.is_none(), "{at}: the same finding is judged twice");
    }
    out
}

fn row(key: &Key) -> String {
    format!("{}\t{}\t{}\t?\t?", key.0, key.1, key.2)
}

/// Compares the findings with their verdicts; returns the problems, one a line.
fn compare(what: &str, raised: &BTreeMap<&Key, &str>, judged: &BTreeMap<Key, (String, String)>, problems: &mut String) {
    for (key, message) in raised {
        match judged.get(*key).map(|(v, at)| (v.as_str(), at)) {
            None => writeln!(
                problems,
                "{what} not judged, in {}.tsv: {}\t# {message}",
                key.3,
                row(key)
            )
            .unwrap(),
            Some(("fixed", at)) => writeln!(problems, "{at}: {what} judged false and fixed is back").unwrap(),
            Some(_) => {}
        }
    }
    for (key, (verdict, at)) in judged {
        if verdict != "fixed" && !raised.contains_key(key) {
            let hint = if verdict == "false" {
                " (if fixed, mark it `fixed`)"
            } else {
                ""
            };
            writeln!(problems, "{at}: {what} judged {verdict} is no longer raised{hint}").unwrap();
        }
    }
}

#[test]
fn every_finding_on_the_wild_corpus_is_judged_and_the_targets_hold() {
    let corpus = corpus();
    let run = run(&corpus);
    let judged = verdicts("judgments", &corpus);
    let safe_judged = verdicts("safe-fixes", &corpus);
    let mut problems = String::new();

    let raised: BTreeMap<&Key, &str> = run.findings.iter().map(|(k, f)| (k, f.message.as_str())).collect();
    compare("finding", &raised, &judged, &mut problems);
    let safe: BTreeMap<&Key, &str> = run.safe_fixes.iter().map(|(k, m)| (k, m.as_str())).collect();
    compare("safe fix", &safe, &safe_judged, &mut problems);
    for (key, (verdict, at)) in &safe_judged {
        if verdict == "false" && safe.contains_key(key) {
            writeln!(problems, "{at}: a safe fix judged wrong is still offered as safe").unwrap();
        }
    }

    let mut report = String::new();
    precision(&run, &judged, &mut report, &mut problems);
    misses(&run, &corpus, &mut report, &mut problems);
    items_read(&run, &corpus, &mut report, &mut problems);
    println!("{report}");
    assert!(
        problems.is_empty(),
        "the judged corpus disagrees with the tool:\n{problems}"
    );
}

/// Prints precision per rule and false findings per 10 KB, and checks them against the targets.
fn precision(run: &Run, judged: &BTreeMap<Key, (String, String)>, report: &mut String, problems: &mut String) {
    let mut per_rule: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut false_errors = 0;
    for (key, finding) in &run.findings {
        let entry = per_rule.entry(key.3.as_str()).or_default();
        match judged.get(key).map(|(v, _)| v.as_str()) {
            Some("true") => entry.0 += 1,
            Some("false") => {
                entry.1 += 1;
                if finding.severity == Severity::Error {
                    false_errors += 1;
                }
            }
            _ => {}
        }
    }
    writeln!(report, "rule                    true  false  precision").unwrap();
    let mut total_false = 0;
    for (rule, (t, f)) in &per_rule {
        total_false += f;
        let p = *t as f64 / (*t + *f).max(1) as f64;
        writeln!(report, "{rule:<22} {t:>5} {f:>6}  {:>8.1}%", p * 100.0).unwrap();
        if p < MIN_PRECISION && t + f > 0 {
            writeln!(problems, "{rule}: precision {:.1}% is below the target", p * 100.0).unwrap();
        }
    }
    let per_10kb = total_false as f64 / (run.bytes as f64 / 10_240.0);
    writeln!(
        report,
        "false findings: {total_false} in {} KB, {per_10kb:.2} per 10 KB",
        run.bytes / 1024
    )
    .unwrap();
    if per_10kb > MAX_FALSE_PER_10KB {
        writeln!(problems, "{per_10kb:.2} false findings per 10 KB is above the target").unwrap();
    }
    if false_errors > 0 {
        writeln!(problems, "{false_errors} false errors: the target is none").unwrap();
    }
}

/// Checks the known misses: real defects each rule should report on a given line.
fn misses(run: &Run, corpus: &BTreeMap<String, String>, report: &mut String, problems: &mut String) {
    let lines_with: BTreeSet<(&str, usize, &str)> = run
        .findings
        .keys()
        .map(|(f, l, _, r)| (f.as_str(), *l, r.as_str()))
        .collect();
    let rows = rows("misses", "file\tline\twhat");
    let mut caught = 0;
    for (rule, f, at) in &rows {
        assert!(corpus.contains_key(&f[0]), "{at}: no corpus draft {}", f[0]);
        if lines_with.contains(&(f[0].as_str(), number(&f[1], at), rule.as_str())) {
            caught += 1;
        } else {
            writeln!(report, "missed: {at}: {} ({rule})", f[2]).unwrap();
        }
    }
    let share = caught as f64 / rows.len().max(1) as f64;
    writeln!(
        report,
        "known misses caught: {caught} of {} ({:.0}%)",
        rows.len(),
        share * 100.0
    )
    .unwrap();
    if !rows.is_empty() && share < MIN_MISSES_CAUGHT {
        writeln!(problems, "only {caught} of {} known misses caught", rows.len()).unwrap();
    }
}

/// Checks that the reader finds items in the drafts that have them, or says it could not.
fn items_read(run: &Run, corpus: &BTreeMap<String, String>, report: &mut String, problems: &mut String) {
    let numbered: Vec<String> = rows_plain("numbered.tsv", "file");
    let mut read = 0;
    for file in &numbered {
        assert!(corpus.contains_key(file), "numbered.tsv: no corpus draft {file}");
        if run.with_items.contains(file) {
            read += 1;
        } else if !run.unread.contains(file) {
            writeln!(problems, "{file}: no items read and no unread-structure finding").unwrap();
        }
    }
    let share = read as f64 / numbered.len().max(1) as f64;
    writeln!(
        report,
        "items read in {read} of {} numbered drafts ({:.0}%)",
        numbered.len(),
        share * 100.0
    )
    .unwrap();
    if share < MIN_ITEMS_READ {
        writeln!(
            problems,
            "items read in only {read} of {} numbered drafts",
            numbered.len()
        )
        .unwrap();
    }
}

/// The first field of each row of a one-file table in `tests/wild`.
fn rows_plain(name: &str, header: &str) -> Vec<String> {
    let path = root().join("tests/wild").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    after_header(&path, &text, header)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap().trim().to_string())
        .collect()
}

/// The lines of a table after its header line, which must be `header`.
fn after_header<'t>(path: &Path, text: &'t str, header: &str) -> std::str::Lines<'t> {
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(header),
        "{}: the first line must be the header",
        path.display()
    );
    lines
}
