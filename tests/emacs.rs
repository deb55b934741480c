//! Runs `tests/editors/emacs_e2e.el` in a real Emacs (Debian's emacs-nox with elpa-eglot) in
//! batch mode against the built server. Fails in CI when Emacs is missing (`.ci/run` installs
//! it); skipped locally with a printed reason.

use std::path::Path;
use std::process::Command;

/// `-Q` skips Debian's start-up files, so the packaged Eglot (elpa-eglot) is put on the load
/// path by hand.
const SITE_PACKAGES: &str = "(progn (let ((default-directory \"/usr/share/emacs/site-lisp/elpa/\")) \
     (when (file-directory-p default-directory) (normal-top-level-add-subdirs-to-load-path))) \
     (require 'cl-lib))";

#[test]
fn emacs_eglot_shows_the_diagnostics() {
    let emacs_works = Command::new("emacs")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !emacs_works {
        assert!(
            std::env::var_os("CI").is_none(),
            "emacs is missing in CI: .ci/run installs emacs-nox and elpa-eglot"
        );
        eprintln!("skipping: no emacs on PATH (apt-get install emacs-nox elpa-eglot)");
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().unwrap();
    let draft =
        std::fs::read_to_string(repo.join("../shared/corpus/manchester-ofsted-subgroup-2017-09-12.txt")).unwrap();
    std::fs::write(work.path().join("ofsted.minutes"), draft).unwrap();
    let report = work.path().join("report.txt");
    let status = Command::new("timeout")
        .args(["120", "emacs", "--batch", "-Q", "--eval", SITE_PACKAGES, "-l"])
        .arg(repo.join("tests/editors/emacs_e2e.el"))
        .env("MINUTES_LINT_REPO", repo)
        .env("MINUTES_LINT_BIN", env!("CARGO_BIN_EXE_minutes-lint"))
        .env("MINUTES_LINT_WORK", work.path())
        .env("MINUTES_LINT_REPORT", &report)
        .current_dir(work.path())
        .status()
        .expect("emacs starts");
    let log = std::fs::read_to_string(&report).unwrap_or_else(|_| "(no report written)".into());
    assert!(status.success(), "Emacs test failed:\n{log}");
    eprintln!("{log}");
    assert!(log.contains("all passed"), "{log}");
}
