//! The `minutes-lint` binary end to end: real files in temporary folders, real exit codes.
//!
//! Tests that need a specific rule's findings compare the binary's output with what the library's
//! `lint` returns for the same draft, or pin a rule's finding (weekday-mismatch) directly.

use assert_cmd::Command;
use minutes_lint::core::rules::RULES;
use minutes_lint::{Config, Severity};
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn bin() -> Command {
    let mut cmd = Command::cargo_bin("minutes-lint").unwrap();
    cmd.env("NO_COLOR", "1").timeout(Duration::from_secs(60));
    cmd
}

fn corpus(name: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let fallback = Path::new("/work/shared/corpus");
    fs::read_to_string(dir.join(name))
        .or_else(|_| fs::read_to_string(fallback.join(name)))
        .unwrap_or_else(|_| DRAFT.to_string())
}

/// A small whole-meeting draft with a wrong weekday (26 April 2022 was a Tuesday) and pasted
/// breadcrumbs.
const DRAFT: &str = "Minutes of the Children and Young People Scrutiny Panel\n\
Monday 26 April 2022 4.00 pm\n\
\n\
Home > Council and Democracy > Minutes\n\
\n\
Present: Councillor Smith (Chair), Councillor Jones\n\
Apologies: Councillor Brown\n\
\n\
21/47 Declarations of Interest\n\
There were no declarations of interest.\n\
\n\
21/48 Ofsted Monitoring Visit\n\
The Panel considered the report.\n\
RESOLVED – That the report be noted.\n";

/// A config that switches every rule off, so a run is clean whatever the rules do.
fn all_off() -> String {
    let mut toml = String::from("[rules]\n");
    for rule in RULES {
        toml.push_str(&format!("{} = \"off\"\n", rule.name));
    }
    toml
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, contents).unwrap();
    path
}

/// The findings the library reports for `text` under the default config.
fn library_findings(text: &str, name: &str) -> Vec<minutes_lint::Diagnostic> {
    minutes_lint::lint(text, &Config::default(), Some(name)).diagnostics
}

fn expected_exit(findings: &[minutes_lint::Diagnostic], fail_on: Severity) -> i32 {
    i32::from(findings.iter().any(|d| d.severity >= fail_on))
}

// ---------------------------------------------------------------- exit codes

#[test]
fn a_clean_run_exits_0_and_says_so() {
    let dir = temp();
    write(dir.path(), "minutes-lint.toml", all_off());
    write(dir.path(), "a.minutes", DRAFT);
    bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No problems found in 1 file."));
}

#[test]
fn no_paths_checks_the_current_folder_honouring_gitignore_and_draft_names() {
    let dir = temp();
    write(dir.path(), "minutes-lint.toml", all_off());
    write(dir.path(), "a.minutes", DRAFT);
    write(dir.path(), "sub/b.minutes.md", DRAFT);
    write(dir.path(), "sub/c.minutes.txt", DRAFT);
    write(dir.path(), "notes.txt", DRAFT);
    write(dir.path(), "readme.md", DRAFT);
    write(dir.path(), "old/d.minutes", DRAFT);
    write(dir.path(), ".gitignore", "old/\n");
    bin()
        .current_dir(dir.path())
        .arg("check")
        .assert()
        .code(0)
        // The three drafts, and notes.txt because its text reads as minutes; not readme.md.
        .stdout(predicate::str::contains("No problems found in 4 files."));
    // A .txt or .md named explicitly is checked too.
    bin()
        .current_dir(dir.path())
        .args(["check", "notes.txt", "readme.md", "sub"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No problems found in 4 files."));
}

#[test]
fn exit_code_follows_the_findings_and_fail_on() {
    let dir = temp();
    write(dir.path(), "a.minutes", DRAFT);
    let findings = library_findings(DRAFT, "a.minutes");
    for (flag, severity) in [
        ("error", Severity::Error),
        ("warning", Severity::Warning),
        ("info", Severity::Info),
    ] {
        bin()
            .current_dir(dir.path())
            .args(["check", "a.minutes", "--fail-on", flag])
            .assert()
            .code(expected_exit(&findings, severity));
    }
}

#[test]
fn a_wrong_weekday_exits_1() {
    let dir = temp();
    write(dir.path(), "a.minutes", DRAFT);
    bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--fail-on", "error"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("a.minutes:2:1: error[weekday-mismatch]"))
        .stdout(predicate::str::contains("2 | Monday 26 April 2022 4.00 pm"))
        .stdout(predicate::str::contains("^^^^^^"))
        .stdout(predicate::str::contains("unsafe fix available"))
        .stdout(predicate::str::is_match(r"Found \d+ problems? .*in 1 file\.").unwrap());
}

#[test]
fn colour_only_when_forced_and_never_with_no_color() {
    let dir = temp();
    write(dir.path(), "minutes-lint.toml", all_off());
    write(dir.path(), "a.minutes", DRAFT);
    let run = |no_color: bool| {
        let mut cmd = Command::cargo_bin("minutes-lint").unwrap();
        cmd.current_dir(dir.path())
            .env_remove("NO_COLOR")
            .env("CLICOLOR_FORCE", "1");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        cmd.args(["check", "a.minutes"]).output().unwrap().stdout
    };
    assert!(run(false).contains(&0x1b), "CLICOLOR_FORCE colours the output");
    assert!(!run(true).contains(&0x1b), "NO_COLOR wins");
    // Not a terminal and nothing forced: plain.
    let plain = bin()
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .args(["check", "a.minutes"])
        .output()
        .unwrap();
    assert!(!plain.stdout.contains(&0x1b));
}

#[test]
fn stdin_filename_alone_reads_standard_input() {
    let dir = temp();
    write(dir.path(), "minutes-lint.toml", all_off());
    bin()
        .current_dir(dir.path())
        .args(["check", "--stdin-filename", "x.minutes"])
        .write_stdin(DRAFT)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No problems found in 1 file."));
}

#[test]
fn a_usage_error_exits_2() {
    bin()
        .args(["check", "--format", "xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("xml"));
    bin().arg("frobnicate").assert().code(2);
}

#[test]
fn a_missing_file_exits_2_naming_it() {
    let dir = temp();
    bin()
        .current_dir(dir.path())
        .args(["check", "nowhere.minutes"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("nowhere.minutes"));
}

/// Runs `check ARGS` in `dir` and returns (exit code, stdout, stderr).
fn run_in(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = bin().current_dir(dir).args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_empty_folder_is_not_a_pass_it_exits_2_saying_what_was_looked_for() {
    let dir = temp();
    fs::create_dir(dir.path().join("drafts")).unwrap();
    for format in ["human", "json", "sarif", "github", "html"] {
        let (code, stdout, stderr) = run_in(dir.path(), &["check", "drafts", "--format", format]);
        assert_eq!(code, Some(2), "{format}: {stderr}");
        assert!(stdout.is_empty(), "{format}: nothing goes to stdout: {stdout}");
        assert!(stderr.contains("no drafts found in drafts"), "{stderr}");
        for suffix in [".minutes`", ".minutes.txt`", ".minutes.md`"] {
            assert!(stderr.contains(suffix), "{stderr}");
        }
        assert!(stderr.contains("name a file directly"), "{stderr}");
    }
    // No paths at all means the current folder, which says so too.
    let (code, _, stderr) = run_in(&dir.path().join("drafts"), &["check"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("the current folder (.)"), "{stderr}");
}

#[test]
fn a_folder_of_only_unsupported_files_exits_2_and_fix_writes_nothing() {
    let dir = temp();
    write(dir.path(), "agenda.pdf", "%PDF-1.4");
    write(dir.path(), "notes.md", DRAFT);
    write(dir.path(), "old.minutes.doc", DRAFT);
    write(
        dir.path(),
        "README.txt",
        "How we file the papers: by date, newest first.\n",
    );
    // A draft the .gitignore leaves out does not count either.
    write(dir.path(), "ignored.minutes", DRAFT);
    write(dir.path(), ".gitignore", "ignored.minutes\n");
    let before: Vec<(PathBuf, Vec<u8>)> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let bytes = fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    let (code, stdout, stderr) = run_in(dir.path(), &["check", ".", "--fix"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("no drafts found in the current folder"), "{stderr}");
    assert!(
        stderr.contains("1 `.txt` file was read but does not read as minutes"),
        "{stderr}"
    );
    assert!(stderr.contains(".gitignore"), "{stderr}");
    for (path, bytes) in before {
        assert_eq!(fs::read(&path).unwrap(), bytes, "{path:?} changed");
    }
    // Named directly, the same Markdown file is checked: that is what the message advises.
    let (code, _, stderr) = run_in(dir.path(), &["check", "notes.md"]);
    assert_ne!(code, Some(2), "{stderr}");
}

#[test]
fn a_wrong_path_and_an_empty_folder_both_exit_2_naming_them() {
    let dir = temp();
    fs::create_dir(dir.path().join("empty")).unwrap();
    let (code, stdout, stderr) = run_in(dir.path(), &["check", "drafts/2024", "empty"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stdout.is_empty());
    // The missing path is an error by itself; nothing is checked.
    assert!(stderr.contains("drafts/2024: no such file or folder"), "{stderr}");
    // A draft beside an empty folder is a normal run: the drafts that exist are checked.
    write(dir.path(), "minutes-lint.toml", all_off());
    write(dir.path(), "a.minutes", DRAFT);
    bin()
        .current_dir(dir.path())
        .args(["check", "empty", "a.minutes"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No problems found in 1 file."));
}

#[cfg(unix)]
#[test]
fn an_unreadable_folder_exits_2_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    write(&locked, "a.minutes", DRAFT);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let mut cmd = if fs::read_dir(&locked).is_ok() {
        // Running as root, which reads any folder: run the binary as `nobody` instead.
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(assert_cmd::cargo::cargo_bin("minutes-lint"));
        cmd
    } else {
        bin()
    };
    let output = cmd.current_dir(dir.path()).args(["check", "."]).output().unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("locked") && stderr.contains("ermission denied"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[cfg(unix)]
#[test]
fn a_fifo_and_a_symlink_loop_in_a_folder_are_skipped_without_hanging() {
    let dir = temp();
    write(dir.path(), "minutes-lint.toml", all_off());
    write(dir.path(), "sub/a.minutes", DRAFT);
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let fifo = dir.path().join("pipe.minutes");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    bin()
        .current_dir(dir.path())
        .args(["check", "."])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No problems found in 1 file."))
        .stderr(predicate::str::contains("pipe.minutes").and(predicate::str::contains("loop")));
}

// ---------------------------------------------------------------- config errors

#[test]
fn an_unknown_config_key_exits_2_naming_the_file_line_and_key() {
    let dir = temp();
    write(
        dir.path(),
        "minutes-lint.toml",
        "[rules]\nfirst-person = \"off\"\n\n[style]\ncolour = \"red\"\n",
    );
    write(dir.path(), "a.minutes", DRAFT);
    bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::is_match(r"minutes-lint\.toml:5:\d+: .*colour").unwrap());
}

#[test]
fn a_broken_config_given_with_config_exits_2_and_overrides_discovery() {
    let dir = temp();
    write(dir.path(), "minutes-lint.toml", all_off());
    write(dir.path(), "other.toml", "[rules\n");
    write(dir.path(), "a.minutes", DRAFT);
    bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--config", "other.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("other.toml:1:"));
    bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--config", "missing.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.toml"));
}

#[test]
fn a_config_given_with_config_is_used() {
    let dir = temp();
    write(dir.path(), "sub/minutes-lint.toml", "[rules\n");
    write(dir.path(), "quiet.toml", all_off());
    write(dir.path(), "sub/a.minutes", DRAFT);
    bin()
        .current_dir(dir.path())
        .args(["check", "sub", "--config", "quiet.toml"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No problems found in 1 file."));
}

// ---------------------------------------------------------------- invalid UTF-8

#[test]
fn invalid_utf8_exits_2_naming_the_file_and_writes_nothing() {
    let dir = temp();
    let mut bytes = b"Minutes\r\nMonday 26 April 2022\r\n".to_vec();
    bytes.extend_from_slice(b"Caf\xe9 \xff\xfe\r\n");
    let bad = write(dir.path(), "bad.minutes", &bytes);
    let good = write(dir.path(), "good.minutes", DRAFT);
    bin()
        .current_dir(dir.path())
        .args(["check", ".", "--fix", "--unsafe-fixes"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("bad.minutes").and(predicate::str::contains("UTF-8")));
    assert_eq!(fs::read(&bad).unwrap(), bytes);
    assert_eq!(
        fs::read_to_string(&good).unwrap(),
        DRAFT,
        "nothing is written when any file fails"
    );
}

// ---------------------------------------------------------------- formats

/// Every draft in a folder, the binary's JSON against the library's findings.
#[test]
fn json_output_matches_the_library_findings_with_1_based_char_columns() {
    let dir = temp();
    let drafts = [
        ("ofsted.minutes", corpus("manchester-ofsted-subgroup-2017-09-12.txt")),
        ("panel.minutes", corpus("middlesbrough-cyp-panel-2022-03-21.txt")),
        ("small.minutes.md", DRAFT.to_string()),
    ];
    for (name, text) in &drafts {
        write(dir.path(), name, text);
    }
    let output = bin()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "--fail-on", "info"])
        .output()
        .unwrap();
    let value: Value = serde_json::from_slice(&output.stdout).expect("stdout is one JSON document");
    let array = value.as_array().expect("one array");
    let mut expected_count = 0;
    let mut any = false;
    for (name, text) in &drafts {
        let findings = library_findings(text, name);
        any |= !findings.is_empty();
        let mine: Vec<&Value> = array.iter().filter(|e| e["path"] == *name).collect();
        assert_eq!(mine.len(), findings.len(), "{name}");
        expected_count += findings.len();
        let lines = minutes_lint::LineIndex::new(text);
        for (element, finding) in mine.iter().zip(&findings) {
            let keys: Vec<&str> = element.as_object().unwrap().keys().map(String::as_str).collect();
            let mut sorted = keys.clone();
            sorted.sort();
            assert_eq!(sorted, ["fixes", "message", "path", "range", "rule", "severity"]);
            assert_eq!(element["rule"], finding.rule);
            assert_eq!(element["severity"], finding.severity.as_str());
            assert_eq!(element["message"], finding.message.as_str());
            let at = lines.to_line_col(text, finding.span.start, minutes_lint::core::text::ColumnUnit::Char);
            assert_eq!(element["range"]["start"]["line"], at.line + 1);
            assert_eq!(element["range"]["start"]["column"], at.col + 1);
            assert_eq!(element["fixes"].as_array().unwrap().len(), finding.fixes.len());
        }
    }
    assert_eq!(array.len(), expected_count);
    assert_eq!(output.status.code(), Some(i32::from(any)));
}

fn sarif_validator() -> jsonschema::JSONSchema {
    let schema: Value = serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).unwrap();
    jsonschema::JSONSchema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .compile(&schema)
        .expect("the vendored SARIF schema compiles")
}

fn assert_valid_sarif(value: &Value) {
    let validator = sarif_validator();
    let messages: Vec<String> = match validator.validate(value) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.map(|e| format!("{e} at {}", e.instance_path)).collect(),
    };
    assert!(messages.is_empty(), "invalid SARIF:\n{}", messages.join("\n"));
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let dir = temp();
    write(
        dir.path(),
        "ofsted.minutes",
        corpus("manchester-ofsted-subgroup-2017-09-12.txt"),
    );
    write(dir.path(), "my panel.minutes", DRAFT);
    let output = bin()
        .current_dir(dir.path())
        .args(["check", "--format", "sarif"])
        .output()
        .unwrap();
    assert!(matches!(output.status.code(), Some(0 | 1)), "{output:?}");
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_valid_sarif(&value);
    let driver = &value["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "minutes-lint");
    assert_eq!(driver["rules"].as_array().unwrap().len(), RULES.len());
    let rule = &driver["rules"][0];
    assert_eq!(rule["id"], RULES[0].name);
    assert_eq!(rule["shortDescription"]["text"], RULES[0].summary());
    assert_eq!(rule["fullDescription"]["text"], RULES[0].doc());
    let results = value["runs"][0]["results"].as_array().unwrap();
    let expected = library_findings(&corpus("manchester-ofsted-subgroup-2017-09-12.txt"), "ofsted.minutes").len()
        + library_findings(DRAFT, "my panel.minutes").len();
    assert_eq!(results.len(), expected);
}

#[test]
fn sarif_with_results_and_fixes_is_valid_against_the_official_schema() {
    use minutes_lint::cli::output::{sarif, FileReport};
    use minutes_lint::core::text::Span;
    use minutes_lint::{Diagnostic, Edit, Fix};
    let text = "Minutes\nMonday 26 April 2022 – Café\n".to_string();
    let at = text.find("Monday").unwrap();
    let mut d = Diagnostic::new("weekday-mismatch", Span::new(at, at + 6), "26 April 2022 was a Tuesday")
        .with_fix(Fix::unsafe_(
            "Change to Tuesday",
            vec![Edit::replace(Span::new(at, at + 6), "Tuesday")],
        ))
        .with_fix(Fix::safe("Insert a comma", vec![Edit::insert(at + 6, ",")]))
        .with_related(Span::new(0, 7), "the meeting");
    d.severity = Severity::Error;
    let report = FileReport::new("drafts/my draft.minutes", text, vec![d]);
    let log = sarif::log(&[report]);
    assert_valid_sarif(&log);
    let result = &log["runs"][0]["results"][0];
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "drafts/my%20draft.minutes"
    );
    assert_eq!(result["fixes"].as_array().unwrap().len(), 2);
    // And the validator does reject a broken log, so the checks above mean something.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!sarif_validator().is_valid(&broken));
}

#[test]
fn github_output_is_one_workflow_command_per_finding() {
    let dir = temp();
    let text = corpus("manchester-ofsted-subgroup-2017-09-12.txt");
    write(dir.path(), "ofsted.minutes", &text);
    let output = bin()
        .current_dir(dir.path())
        .args(["check", "--format", "github"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let findings = library_findings(&text, "ofsted.minutes");
    assert_eq!(stdout.lines().count(), findings.len(), "{stdout}");
    let shape = regex::Regex::new(r"^::(error|warning|notice) file=ofsted\.minutes,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::[^\r\n]*$").unwrap();
    for (line, finding) in stdout.lines().zip(&findings) {
        assert!(shape.is_match(line), "{line}");
        assert!(line.contains(&format!("title={}::", finding.rule)), "{line}");
    }
    assert_eq!(output.status.code(), Some(expected_exit(&findings, Severity::Warning)));
}

#[test]
fn every_format_reports_a_wrong_weekday() {
    let dir = temp();
    write(dir.path(), "a.minutes", DRAFT);
    let json = bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--format", "json"])
        .output()
        .unwrap();
    let value: Value = serde_json::from_slice(&json.stdout).unwrap();
    let weekday = value
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["rule"] == "weekday-mismatch")
        .expect("reported");
    assert_eq!(weekday["range"]["start"], serde_json::json!({"line": 2, "column": 1}));
    assert_eq!(weekday["range"]["end"]["line"], 2);
    assert_eq!(weekday["fixes"][0]["edits"][0]["new_text"], "Tuesday");
    bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--format", "github"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::is_match(
                r"(?m)^::error file=a\.minutes,line=2,col=1,endLine=2,endColumn=\d+,title=weekday-mismatch::",
            )
            .unwrap(),
        );
    let sarif = bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--format", "sarif"])
        .output()
        .unwrap();
    let value: Value = serde_json::from_slice(&sarif.stdout).unwrap();
    assert_valid_sarif(&value);
    assert!(value["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["ruleId"] == "weekday-mismatch"));
    let html = bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--format", "html"])
        .output()
        .unwrap();
    assert_eq!(html.status.code(), Some(1));
    let page = String::from_utf8(html.stdout).unwrap();
    assert!(
        page.contains("Line 2, column 1 &middot; rule <code>weekday-mismatch</code> &middot; error"),
        "{page}"
    );
    assert!(page.contains("<del>Monday</del>") && page.contains("<ins>Tuesday</ins>"));
}

#[test]
fn html_after_fix_says_what_was_fixed_and_shows_what_remains() {
    let dir = temp();
    let draft = write(dir.path(), "a.minutes", DRAFT);
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--fix", "--format", "html"])
        .output()
        .unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    let fixed = fs::read_to_string(&draft).unwrap();
    assert_ne!(fixed, DRAFT, "the safe fixes were applied");
    let remaining = library_findings(&fixed, "a.minutes");
    assert_eq!(page.matches("<article class=\"finding").count(), remaining.len());
    assert!(page.contains("already fixed by --fix"), "{page}");
    assert_eq!(out.status.code(), Some(expected_exit(&remaining, Severity::Warning)));
}

#[test]
fn statistics_and_quiet() {
    let dir = temp();
    write(dir.path(), "minutes-lint.toml", all_off());
    write(dir.path(), "a.minutes", DRAFT);
    bin()
        .current_dir(dir.path())
        .args(["check", "--quiet"])
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty());
    bin()
        .current_dir(dir.path())
        .args(["check", "--statistics", "--format", "json"])
        .assert()
        .code(0)
        .stdout(predicate::str::diff("[]\n"));
    bin()
        .current_dir(dir.path())
        .args(["check", "--statistics", "--format", "sarif"])
        .assert()
        .code(2);
}

// ---------------------------------------------------------------- standard input

#[test]
fn stdin_uses_the_stdin_filename_for_output_format_and_config() {
    let dir = temp();
    write(dir.path(), "minutes-lint.toml", all_off());
    write(dir.path(), "broken/minutes-lint.toml", "[rules\n");
    bin()
        .current_dir(dir.path())
        .args(["check", "-", "--stdin-filename", "drafts/a.minutes.md"])
        .write_stdin(DRAFT)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No problems found in 1 file."));
    // The name decides which config applies: here a broken one, named in the error.
    bin()
        .current_dir(dir.path())
        .args(["check", "-", "--stdin-filename", "broken/a.minutes"])
        .write_stdin(DRAFT)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken/minutes-lint.toml"));
}

#[test]
fn stdin_findings_are_reported_under_the_stdin_filename() {
    let dir = temp();
    let output = bin()
        .current_dir(dir.path())
        .args(["check", "-", "--stdin-filename", "drafts/a.minutes", "--format", "json"])
        .write_stdin(DRAFT)
        .output()
        .unwrap();
    let value: Value = serde_json::from_slice(&output.stdout).unwrap();
    let findings = library_findings(DRAFT, "drafts/a.minutes");
    assert_eq!(value.as_array().unwrap().len(), findings.len());
    assert!(value
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["path"] == "drafts/a.minutes"));
    assert_eq!(output.status.code(), Some(expected_exit(&findings, Severity::Warning)));
}

#[test]
fn invalid_utf8_on_stdin_exits_2_naming_it() {
    bin()
        .args(["check", "-", "--stdin-filename", "pasted.minutes"])
        .write_stdin(&b"Caf\xe9\n"[..])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pasted.minutes").and(predicate::str::contains("UTF-8")));
}

// ---------------------------------------------------------------- --fix and --diff

fn crlf_bom(text: &str) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    bytes
}

/// Whatever `--fix --unsafe-fixes` writes is exactly what the library's fixer produces from the
/// same bytes (BOM and CRLF kept), and nothing is written when there is nothing to fix.
#[test]
fn fix_on_crlf_and_bom_files_writes_what_the_fixer_produces() {
    let dir = temp();
    let bytes = crlf_bom(DRAFT);
    let path = write(dir.path(), "a.minutes", &bytes);
    let text = String::from_utf8(bytes.clone()).unwrap();
    let expected = minutes_lint::core::fix::fix_all(&text, &Config::default(), Some("a.minutes"), true);
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    let remaining_exit = expected_exit(&expected.remaining, Severity::Warning);
    bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--fix", "--unsafe-fixes"])
        .assert()
        .code(remaining_exit);
    let after = fs::read(&path).unwrap();
    assert_eq!(after, expected.text.as_bytes());
    assert!(after.starts_with(b"\xEF\xBB\xBF"));
    assert!(
        !String::from_utf8(after).unwrap().replace("\r\n", "").contains('\n'),
        "every line ending is still CRLF"
    );
    if expected.total_applied() == 0 {
        assert_eq!(
            fs::metadata(&path).unwrap().modified().unwrap(),
            before,
            "an unchanged file is not rewritten"
        );
    }
}

#[test]
fn fix_corrects_the_weekday_keeping_bom_and_crlf_byte_for_byte() {
    let dir = temp();
    write(
        dir.path(),
        "minutes-lint.toml",
        "[rules]\nmissing-section = \"off\"\nmissing-decision = \"off\"\npaste-residue = \"off\"\n",
    );
    let bytes = crlf_bom(DRAFT);
    let path = write(dir.path(), "a.minutes", &bytes);
    bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--fix"])
        .assert()
        .stdout(predicate::str::contains("weekday-mismatch"));
    assert_eq!(fs::read(&path).unwrap(), bytes, "an unsafe fix needs --unsafe-fixes");
    bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--fix", "--unsafe-fixes"])
        .assert()
        .stdout(predicate::str::contains("a.minutes: fixed 1 × weekday-mismatch"))
        .stdout(predicate::str::contains("Fixed 1 problem in 1 file."));
    let expected = crlf_bom(&DRAFT.replace("Monday 26 April", "Tuesday 26 April"));
    let after = fs::read(&path).unwrap();
    assert_eq!(String::from_utf8_lossy(&after), String::from_utf8_lossy(&expected));
    assert_eq!(after, expected);
}

#[test]
fn fix_on_a_read_only_file_exits_2_and_leaves_it_intact() {
    let dir = temp();
    let path = write(dir.path(), "a.minutes", DRAFT);
    let mut perms = fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms).unwrap();
    bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--fix", "--unsafe-fixes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a.minutes").and(predicate::str::contains("read-only")));
    assert_eq!(fs::read_to_string(&path).unwrap(), DRAFT);
}

#[test]
fn diff_writes_nothing_and_shows_what_fix_would_change() {
    let dir = temp();
    let bytes = crlf_bom(DRAFT);
    let path = write(dir.path(), "a.minutes", &bytes);
    let text = String::from_utf8(bytes.clone()).unwrap();
    let expected = minutes_lint::core::fix::fix_all(&text, &Config::default(), Some("a.minutes"), true);
    let output = bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--diff", "--unsafe-fixes"])
        .output()
        .unwrap();
    assert_eq!(fs::read(&path).unwrap(), bytes, "--diff writes nothing");
    let stdout = String::from_utf8(output.stdout).unwrap();
    if expected.text == text {
        assert!(stdout.is_empty(), "{stdout}");
    } else {
        assert!(stdout.starts_with("--- a/a.minutes"), "{stdout}");
        let changed: Vec<&str> = stdout
            .lines()
            .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
            .collect();
        assert!(!changed.is_empty());
        for line in changed {
            assert!(expected.text.contains(&line[1..]), "{line}");
        }
    }
}

/// Runs `minutes-lint check a.minutes --diff --unsafe-fixes` on [`DRAFT`] in a bash command line
/// with `redirect` after it, for what only a shell shows: both streams on one pipe, a reader that
/// goes away.
fn diff_of_draft_through_bash(redirect: &str) -> std::process::Output {
    let dir = temp();
    write(dir.path(), "a.minutes", DRAFT);
    let exe = assert_cmd::cargo::cargo_bin("minutes-lint");
    std::process::Command::new("bash")
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .arg("-c")
        .arg(format!(
            "'{}' check a.minutes --diff --unsafe-fixes {redirect}",
            exe.display()
        ))
        .output()
        .unwrap()
}

/// With both streams on one terminal (here one pipe), the whole diff comes before the summary.
#[test]
fn diff_is_written_whole_before_the_summary() {
    let both = String::from_utf8(diff_of_draft_through_bash("2>&1").stdout).unwrap();
    let summary = both.find("Would fix").expect("a summary");
    assert!(both[..summary].ends_with('\n'), "{both}");
    assert!(both[summary..].lines().count() == 1, "{both}");
}

/// A reader that stops reading (`| head -c 0`) does not change the exit code of `--diff`.
#[test]
fn diff_into_a_closed_pipe_still_exits_1() {
    let output = diff_of_draft_through_bash("| head -c 0; echo \"status ${PIPESTATUS[0]}\"");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.trim(), "status 1", "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn diff_shows_the_weekday_fix() {
    let dir = temp();
    write(dir.path(), "minutes-lint.toml", "[rules]\npaste-residue = \"off\"\n");
    let path = write(dir.path(), "a.minutes", DRAFT);
    bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--diff", "--unsafe-fixes"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "-Monday 26 April 2022 4.00 pm\n+Tuesday 26 April 2022 4.00 pm\n",
        ));
    assert_eq!(fs::read_to_string(&path).unwrap(), DRAFT);
}

#[test]
fn stdin_fix_prints_the_fixed_text() {
    bin()
        .args([
            "check",
            "-",
            "--stdin-filename",
            "a.minutes",
            "--fix",
            "--unsafe-fixes",
            "--quiet",
        ])
        .write_stdin(DRAFT)
        .assert()
        .stdout(predicate::str::contains("Tuesday 26 April 2022 4.00 pm"));
}

// ---------------------------------------------------------------- rule, server

#[test]
fn rule_lists_every_rule_with_severity_and_summary() {
    let assert = bin().arg("rule").assert().code(0);
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert_eq!(stdout.lines().count(), RULES.len());
    for (line, rule) in stdout.lines().zip(RULES) {
        assert!(line.starts_with(rule.name), "{line}");
        assert!(line.contains(rule.default_severity.as_str()), "{line}");
        assert!(line.trim_end().ends_with(rule.summary().trim()), "{line}");
    }
}

#[test]
fn rule_name_prints_its_documentation() {
    let rule = minutes_lint::core::rules::find("paste-residue").unwrap();
    bin()
        .args(["rule", "paste-residue"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(rule.doc()));
}

#[test]
fn an_unknown_rule_exits_2_with_a_hint() {
    bin()
        .args(["rule", "no-such-rule"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("no-such-rule").and(predicate::str::contains("minutes-lint rule")));
}

#[test]
fn the_server_subcommand_exists() {
    bin()
        .args(["server", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("language server"));
}

#[test]
fn a_folder_walk_checks_plain_text_minutes_but_not_other_text_files() {
    let dir = temp();
    let corpus = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/manchester-ofsted-subgroup-2017-09-12.txt"
    );
    write(dir.path(), "ofsted.txt", fs::read_to_string(corpus).unwrap());
    write(
        dir.path(),
        "README.txt",
        "How we keep our notes: we write them up the same day.\n",
    );
    let out = bin()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    let found: Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(paths.iter().any(|p| p.ends_with("ofsted.txt")), "{paths:?}");
    assert!(!paths.iter().any(|p| p.ends_with("README.txt")), "{paths:?}");
    assert!(found
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["rule"] == "present-and-apologies"));
}
