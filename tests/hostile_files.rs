//! Hostile files through the `minutes-lint` binary: empty, huge, binary, UTF-16, every kind of
//! line ending under `--fix`, read-only folders, FIFOs and symlink loops named on the command line,
//! and a fix interrupted between writing and renaming. (tests/cli.rs already covers invalid UTF-8
//! in a folder, a read-only file, CRLF with a BOM, and a FIFO and a symlink loop inside a folder.)

mod support;

use assert_cmd::Command;
use minutes_lint::core::rules::RULES;
use minutes_lint::{Config, Severity};
use predicates::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn bin() -> Command {
    let mut cmd = Command::cargo_bin("minutes-lint").unwrap();
    cmd.env("NO_COLOR", "1").timeout(Duration::from_secs(60));
    cmd
}

fn corpus(name: &str) -> String {
    let path = format!("{}/../shared/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(&path)
        .or_else(|_| fs::read_to_string(format!("/work/shared/corpus/{name}")))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A whole meeting with a wrong weekday (26 April 2022 was a Tuesday), as lines without endings.
const LINES: &[&str] = &[
    "Minutes of the Children and Young People Scrutiny Panel",
    "Monday 26 April 2022 4.00 pm",
    "",
    "Present: Councillor Smith (Chair), Councillor Jones",
    "Apologies: Councillor Brown",
    "",
    "21/47 Declarations of Interest",
    "There were no declarations of interest.",
    "",
    "21/48 Ofsted Monitoring Visit",
    "The Panel considered the report.",
    "RESOLVED – That the report be noted.",
];

/// Only weekday-mismatch on, so `--fix --unsafe-fixes` changes exactly one word.
fn weekday_only() -> String {
    let mut toml = String::from("[rules]\n");
    for rule in RULES.iter().filter(|r| r.name != "weekday-mismatch") {
        toml.push_str(&format!("{} = \"off\"\n", rule.name));
    }
    toml
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, contents).unwrap();
    path
}

fn expected_exit(text: &str, name: &str) -> i32 {
    let findings = minutes_lint::lint(text, &Config::default(), Some(name)).diagnostics;
    i32::from(findings.iter().any(|d| d.severity >= Severity::Warning))
}

/// Every entry in `dir` but the ones named: a temporary file left behind shows up here.
fn others(dir: &Path, expected: &[&str]) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !expected.contains(&n.as_str()))
        .collect()
}

#[test]
fn an_empty_file_is_checked_and_fixed_without_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.minutes", "");
    let code = expected_exit("", "empty.minutes");
    bin()
        .current_dir(dir.path())
        .args(["check", "empty.minutes"])
        .assert()
        .code(code);
    bin()
        .current_dir(dir.path())
        .args(["check", "empty.minutes", "--fix", "--unsafe-fixes", "--format", "json"])
        .assert()
        .code(code)
        .stdout(predicate::str::starts_with("["));
    assert_eq!(fs::read(&path).unwrap(), b"");
    assert_eq!(others(dir.path(), &["empty.minutes"]), Vec::<String>::new());
}

fn paste_residue_count(stats: &serde_json::Value) -> u64 {
    stats
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["rule"] == "paste-residue")
        .map_or(0, |row| row["count"].as_u64().unwrap())
}

/// A 100 MB draft (a real meeting, repeated) finishes with a finding count that scales with the
/// copies. Unoptimised, 100 MB takes over a minute here: the 100 MB run goes through the release
/// binary when it is up to date (`cargo build --release`), else the debug binary checks 20 MB.
#[test]
fn a_huge_draft_finishes_with_findings_in_proportion() {
    let (binary, size) = match support::binary::optimised_binary() {
        Some(release) => (release, 100 << 20),
        None => (PathBuf::from(env!("CARGO_BIN_EXE_minutes-lint")), 20 << 20),
    };
    let one = corpus("middlesbrough-cyp-panel-2022-03-21.txt");
    let per_copy = minutes_lint::lint(&one, &Config::default(), Some("one.minutes"))
        .diagnostics
        .iter()
        .filter(|d| d.rule == "paste-residue")
        .count() as u64;
    assert!(per_copy > 0, "the meeting has pasted breadcrumbs");
    let copies = size / one.len() + 1;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.minutes");
    fs::write(&path, one.repeat(copies)).unwrap();
    let started = Instant::now();
    let output = std::process::Command::new(&binary)
        .current_dir(dir.path())
        .args(["check", "huge.minutes", "--statistics", "--format", "json"])
        .output()
        .unwrap();
    eprintln!(
        "{} MB through {} in {:?}",
        (copies * one.len()) >> 20,
        binary.display(),
        started.elapsed()
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stats: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        paste_residue_count(&stats),
        per_copy * copies as u64,
        "every copy's breadcrumbs are found, once each: {stats}"
    );
    let total: u64 = stats
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .sum();
    let lines = one.lines().count() * copies;
    assert!(total < lines as u64, "{total} findings for {lines} lines");
}

#[test]
fn nul_bytes_are_text_and_get_findings() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{}\0\0\0\n\0binary\0junk\0\n", LINES.join("\n"));
    let path = write(dir.path(), "nul.minutes", &text);
    bin()
        .current_dir(dir.path())
        .args(["check", "nul.minutes"])
        .assert()
        .code(expected_exit(&text, "nul.minutes"))
        .stdout(predicate::str::contains("weekday-mismatch"));
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn random_bytes_named_explicitly_exit_2_naming_the_file_and_stay_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut bytes: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect();
    bytes[10] = 0xFF; // Never valid UTF-8, whatever the generator gives.
    let path = write(dir.path(), "random.bin", &bytes);
    bin()
        .current_dir(dir.path())
        .args(["check", "random.bin", "--fix", "--unsafe-fixes"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("random.bin").and(predicate::str::contains("not valid UTF-8")));
    assert_eq!(fs::read(&path).unwrap(), bytes);
    assert_eq!(others(dir.path(), &["random.bin"]), Vec::<String>::new());
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_with_a_bom_is_named_as_utf16_with_advice_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = LINES.join("\r\n");
    for (name, little) in [("le.minutes", true), ("be.minutes", false)] {
        let bytes = utf16(&text, little);
        let path = write(dir.path(), name, &bytes);
        let order = if little { "little-endian" } else { "big-endian" };
        bin()
            .current_dir(dir.path())
            .args(["check", name, "--fix", "--unsafe-fixes"])
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(
                predicate::str::contains(format!("{name}: the file is UTF-16 ({order}"))
                    .and(predicate::str::contains("save the draft as UTF-8")),
            );
        assert_eq!(fs::read(&path).unwrap(), bytes);
    }
    bin()
        .args(["check", "-", "--stdin-filename", "pasted.minutes"])
        .write_stdin(utf16(&text, true))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pasted.minutes: the file is UTF-16"));
}

/// `--fix` with only weekday-mismatch on: the output is the input with one word changed, every
/// line ending and the BOM byte for byte as they were.
fn fix_keeps_endings(endings: &[&str], bom: bool) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "minutes-lint.toml", weekday_only());
    let mut text = String::from(if bom { "\u{feff}" } else { "" });
    for (i, line) in LINES.iter().enumerate() {
        text.push_str(line);
        text.push_str(endings[i % endings.len()]);
    }
    let path = write(dir.path(), "a.minutes", &text);
    bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--fix", "--unsafe-fixes"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("fixed 1 × weekday-mismatch"));
    let expected = text.replacen("Monday 26 April", "Tuesday 26 April", 1);
    assert_ne!(expected, text);
    assert_eq!(
        fs::read(&path).unwrap(),
        expected.as_bytes(),
        "endings {endings:?}, bom {bom}"
    );
    assert_eq!(
        others(dir.path(), &["a.minutes", "minutes-lint.toml"]),
        Vec::<String>::new()
    );
}

#[test]
fn fix_keeps_crlf_endings() {
    fix_keeps_endings(&["\r\n"], false);
}

#[test]
fn fix_keeps_cr_only_endings() {
    fix_keeps_endings(&["\r"], false);
}

#[test]
fn fix_keeps_mixed_endings_and_a_bom() {
    fix_keeps_endings(&["\n", "\r\n", "\r", "\r\n", "\n"], false);
    fix_keeps_endings(&["\r", "\n", "\r\n"], true);
}

#[cfg(unix)]
#[test]
fn fix_in_a_read_only_folder_exits_2_and_writes_nothing_anywhere() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "minutes-lint.toml", weekday_only());
    let text = LINES.join("\n");
    let writable = write(dir.path(), "a.minutes", &text);
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    let inside = write(&locked, "b.minutes", &text);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    let output = bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "locked/b.minutes", "--fix", "--unsafe-fixes"])
        .output()
        .unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("b.minutes") && stderr.contains("read-only"), "{stderr}");
    assert_eq!(fs::read_to_string(&inside).unwrap(), text);
    assert_eq!(
        fs::read_to_string(&writable).unwrap(),
        text,
        "all or nothing: the writable one too"
    );
    assert_eq!(others(&locked, &["b.minutes"]), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_symlink_loop_named_explicitly_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.minutes");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink("b.minutes", dir.path().join("a.minutes")).unwrap();
    std::os::unix::fs::symlink("a.minutes", dir.path().join("b.minutes")).unwrap();
    bin()
        .current_dir(dir.path())
        .args(["check", "pipe.minutes"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pipe.minutes: not a regular file"));
    bin()
        .current_dir(dir.path())
        .args(["check", "a.minutes", "--fix"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a.minutes"));
}

mod interrupted_write {
    use super::*;
    use minutes_lint::cli::write::{write_atomically, write_atomically_with};
    use std::io;

    const OLD: &[u8] = b"\xEF\xBB\xBFMinutes\r\nMonday 26 April 2022\r\n";
    const NEW: &[u8] = b"\xEF\xBB\xBFMinutes\r\nTuesday 26 April 2022\r\n";

    #[test]
    fn a_failure_between_writing_and_renaming_leaves_the_original_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "a.minutes", OLD);
        let mut seen = None;
        let err = write_atomically_with(&path, NEW, |temp| {
            // The new text is complete on disk, beside the original, not yet in its place.
            assert_eq!(temp.parent(), Some(dir.path()));
            assert_eq!(fs::read(temp).unwrap(), NEW);
            assert_eq!(fs::read(&path).unwrap(), OLD);
            seen = Some(temp.to_path_buf());
            Err(io::Error::other("interrupted"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "interrupted");
        assert!(!seen.unwrap().exists(), "the temporary file is removed");
        assert_eq!(fs::read(&path).unwrap(), OLD);
        assert_eq!(others(dir.path(), &["a.minutes"]), Vec::<String>::new());
    }

    #[test]
    fn a_panic_between_writing_and_renaming_leaves_the_original_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "a.minutes", OLD);
        let result = std::panic::catch_unwind(|| write_atomically_with(&path, NEW, |_| panic!("killed")));
        assert!(result.is_err());
        assert_eq!(fs::read(&path).unwrap(), OLD);
        assert_eq!(others(dir.path(), &["a.minutes"]), Vec::<String>::new());
    }

    #[test]
    fn a_rename_that_fails_leaves_the_target_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the draft should be: the rename itself fails (EISDIR).
        let target = dir.path().join("a.minutes");
        fs::create_dir(&target).unwrap();
        write(&target, "inside", OLD);
        assert!(write_atomically(&target, NEW).is_err());
        assert_eq!(fs::read(target.join("inside")).unwrap(), OLD);
        assert_eq!(others(dir.path(), &["a.minutes"]), Vec::<String>::new());
        assert_eq!(others(&target, &["inside"]), Vec::<String>::new());
    }
}
