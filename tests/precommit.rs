//! The hooks in `.pre-commit-hooks.yaml`, run by real pre-commit on a temporary git repository
//! holding a draft: `minutes-lint` fails with the finding, `minutes-lint-fix` fixes it.
//!
//! pre-commit comes from PyPI (`.ci/run` installs it into `~/.cache/minutes-lint/lint-venv`);
//! `MINUTES_LINT_PRE_COMMIT` names another. Without it the test fails in CI and is skipped locally
//! with a printed reason. The hooks are `language: system`: they run the `minutes-lint` on PATH,
//! here the binary cargo built, so nothing is downloaded or compiled.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn pre_commit() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("MINUTES_LINT_PRE_COMMIT") {
        return Some(PathBuf::from(path));
    }
    let home = std::env::var_os("HOME")?;
    let cached = Path::new(&home).join(".cache/minutes-lint/lint-venv/bin/pre-commit");
    cached.is_file().then_some(cached)
}

/// A short draft whose one warning is a pasted breadcrumb (a safe fix); the missing sections are
/// notes, which do not fail a check.
const DRAFT: &str = "Minutes of the Audit Panel\nFriday 3 March 2023\n\nHome > Council > Audit\n\n\
1. Minutes\nRESOLVED – That they be signed.\n";

struct Repo {
    dir: tempfile::TempDir,
    home: tempfile::TempDir,
    pre_commit: PathBuf,
}

impl Repo {
    fn git(&self, args: &[&str]) {
        let status = Command::new("git")
            .current_dir(self.dir.path())
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.home.path())
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    /// `pre-commit try-repo <this repository> HOOK --all-files`: (exit code, everything printed).
    fn try_hook(&self, hook: &str) -> (Option<i32>, String) {
        let bin_dir = Path::new(env!("CARGO_BIN_EXE_minutes-lint")).parent().unwrap();
        let mut path = vec![bin_dir.to_path_buf()];
        path.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
        let out = Command::new(&self.pre_commit)
            .current_dir(self.dir.path())
            .args([
                "try-repo",
                env!("CARGO_MANIFEST_DIR"),
                hook,
                "--all-files",
                "--color=never",
            ])
            .env("PATH", std::env::join_paths(path).unwrap())
            .env("PRE_COMMIT_HOME", self.home.path().join("pre-commit"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.home.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let printed = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code(), printed)
    }
}

#[test]
fn the_check_hook_fails_on_a_finding_and_the_fix_hook_fixes_it() {
    let Some(pre_commit) = pre_commit() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "pre-commit is missing in CI: .ci/run installs it with pip"
        );
        eprintln!("skipping: no pre-commit (pip install pre-commit, or set MINUTES_LINT_PRE_COMMIT)");
        return;
    };
    let repo = Repo {
        dir: tempfile::tempdir().unwrap(),
        home: tempfile::tempdir().unwrap(),
        pre_commit,
    };
    repo.git(&["init", "-q"]);
    repo.git(&["config", "user.email", "clerk@example.org"]);
    repo.git(&["config", "user.name", "Clerk"]);
    repo.git(&["config", "commit.gpgsign", "false"]);
    let draft = repo.dir.path().join("drafts/audit-2023-03.minutes");
    fs::create_dir_all(draft.parent().unwrap()).unwrap();
    fs::write(&draft, DRAFT).unwrap();
    // Not a draft's name: the hooks leave it alone (named directly, check would lint it).
    fs::write(repo.dir.path().join("notes.md"), DRAFT).unwrap();
    repo.git(&["add", "."]);

    let (code, printed) = repo.try_hook("minutes-lint");
    assert_eq!(code, Some(1), "{printed}");
    assert!(
        printed.contains("minutes-lint....") && printed.contains("Failed"),
        "{printed}"
    );
    assert!(
        printed.contains("drafts/audit-2023-03.minutes:4:1: warning[paste-residue]"),
        "{printed}"
    );
    assert!(!printed.contains("notes.md"), "{printed}");
    assert_eq!(
        fs::read_to_string(&draft).unwrap(),
        DRAFT,
        "the check hook changed the draft"
    );

    // The fix hook removes the breadcrumb: pre-commit fails the run because a file changed.
    let (code, printed) = repo.try_hook("minutes-lint-fix");
    assert_eq!(code, Some(1), "{printed}");
    assert!(printed.contains("files were modified by this hook"), "{printed}");
    assert_eq!(
        fs::read_to_string(&draft).unwrap(),
        DRAFT.replace("Home > Council > Audit\n\n", "")
    );
    assert_eq!(
        fs::read_to_string(repo.dir.path().join("notes.md")).unwrap(),
        DRAFT,
        "a file that is not a draft was changed"
    );

    // Staged again, both hooks pass (the notes left are not failures).
    repo.git(&["add", "."]);
    for hook in ["minutes-lint-fix", "minutes-lint"] {
        let (code, printed) = repo.try_hook(hook);
        assert_eq!(code, Some(0), "{hook}: {printed}");
        assert!(printed.contains("Passed"), "{printed}");
    }
}
