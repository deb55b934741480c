//! What minutes-lint may do to the machine it runs on (README, "Security"): the server runs no
//! programs, opens no network connections and writes no file (fixes go back to the client as
//! workspace edits); the CLI writes only the drafts it was asked to fix; config discovery reads
//! only `minutes-lint.toml`, and no config key names a file to read.
//!
//! Checked twice: statically, by scanning the non-test code in src/ and the dependency list; and
//! dynamically, by running the binary under strace (when strace works here) and reading every
//! file it opened, renamed, removed or executed, and every socket it made.

mod support;

use serde_json::json;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};
use support::lsp_client::LspClient;
use tower_lsp::lsp_types::Url;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every `.rs` file under src/ with its non-test code (a trailing `#[cfg(test)] mod tests`,
/// test-only `tests.rs` files and whole test-only modules (`#![cfg(test)]`) cut off).
fn production_sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&Path::new(ROOT).join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).unwrap();
            if text.contains("#![cfg(test)]") {
                return (
                    path.strip_prefix(ROOT).unwrap().to_string_lossy().replace('\\', "/"),
                    String::new(),
                );
            }
            let code = match text.find("#[cfg(test)]\nmod tests") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            let name = path.strip_prefix(ROOT).unwrap().to_string_lossy().replace('\\', "/");
            (name, code)
        })
        .collect()
}

fn uses(pattern: &str) -> Vec<String> {
    production_sources()
        .into_iter()
        .filter(|(_, code)| code.contains(pattern))
        .map(|(name, _)| name)
        .collect()
}

#[test]
fn no_code_runs_programs_or_touches_the_network() {
    for pattern in [
        "process::Command",
        "Command::new",
        "std::net",
        "tokio::net",
        "tokio::process",
        "os::unix::net",
        "TcpStream",
        "TcpListener",
        "UdpSocket",
        "reqwest::",
        "hyper::",
        "ureq::",
        "curl::",
        "libc::",
    ] {
        assert_eq!(uses(pattern), Vec::<String>::new(), "{pattern} in non-test code");
    }
    // The only foreign functions: glibc's mallopt, to keep a large document's pages the
    // server's own, and malloc_trim, to give a closed document's memory back.
    let declared: Vec<(String, String)> = production_sources()
        .into_iter()
        .filter(|(_, code)| code.contains("extern \"C\""))
        .flat_map(|(name, code)| {
            code.split("extern \"C\" {")
                .skip(1)
                .map(|block| (name.clone(), block.split('}').next().unwrap_or("").trim().to_string()))
                .collect::<Vec<_>>()
        })
        .collect();
    let expected = [
        (
            "src/server/mod.rs",
            "fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;",
        ),
        ("src/server/store.rs", "fn malloc_trim(pad: usize) -> std::ffi::c_int;"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(n, f)| (n.to_string(), f.to_string())).collect();
    assert_eq!(declared, expected);
    let manifest = fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).unwrap();
    let dependencies = manifest.split("[dev-dependencies]").next().unwrap();
    let tokio = dependencies.lines().find(|l| l.starts_with("tokio")).unwrap();
    for feature in ["\"net\"", "\"process\"", "\"full\""] {
        assert!(!tokio.contains(feature), "tokio with {feature}: {tokio}");
    }
    let lock = fs::read_to_string(Path::new(ROOT).join("Cargo.lock")).unwrap();
    for crate_name in ["reqwest", "hyper", "ureq", "curl", "openssl", "native-tls", "rustls"] {
        assert!(
            !lock.contains(&format!("name = \"{crate_name}\"")),
            "{crate_name} in Cargo.lock"
        );
    }
}

#[test]
fn only_the_fix_writer_writes_files() {
    for pattern in [
        "fs::write",
        "File::create",
        "OpenOptions",
        "fs::rename",
        "fs::remove",
        "fs::create_dir",
        "fs::copy",
        "set_permissions",
        "tempfile",
        ".persist(",
    ] {
        let found = uses(pattern);
        assert!(
            found.iter().all(|f| f == "src/cli/write.rs"),
            "{pattern} outside the fix writer: {found:?}"
        );
    }
    // The server never calls it: its fixes are workspace edits.
    let server: Vec<String> = production_sources()
        .into_iter()
        .filter(|(name, code)| name.starts_with("src/server/") && code.contains("write_atomically"))
        .map(|(name, _)| name)
        .collect();
    assert_eq!(server, Vec::<String>::new());
}

#[test]
fn config_discovery_reads_only_minutes_lint_toml() {
    assert_eq!(minutes_lint::core::config::CONFIG_FILE_NAME, "minutes-lint.toml");
    let readers: Vec<String> = ["fs::read", "read_to_string", "File::open", "read_dir"]
        .into_iter()
        .flat_map(uses)
        .collect();
    for file in &readers {
        assert!(
            [
                "src/cli/check.rs",   // the drafts found or named
                "src/cli/outline.rs", // the one draft named
                "src/workspace.rs",   // minutes-lint.toml
                "src/server/mod.rs",  // minutes-lint.toml, to edit it for a code action
                "src/cli/write.rs",   // the draft's folder, to sync the rename
            ]
            .contains(&file.as_str()),
            "{file} reads files"
        );
    }
    let workspace = &production_sources()
        .into_iter()
        .find(|(n, _)| n == "src/workspace.rs")
        .unwrap()
        .1;
    assert!(workspace.contains(".map(|d| d.join(CONFIG_FILE_NAME))"));
    let server = &production_sources()
        .into_iter()
        .find(|(n, _)| n == "src/server/mod.rs")
        .unwrap()
        .1;
    assert_eq!(
        server.matches("std::fs::").count(),
        1,
        "the server reads one file: the config"
    );
}

#[test]
fn no_config_key_can_name_a_file_to_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.minutes"), "Minutes\n").unwrap();
    for key in ["include", "extends", "import", "glossary-file"] {
        fs::write(
            dir.path().join("minutes-lint.toml"),
            format!("{key} = \"/etc/passwd\"\n"),
        )
        .unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_minutes-lint"))
            .current_dir(dir.path())
            .args(["check", "a.minutes"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{key}: {stderr}");
        assert!(stderr.contains(key) && !stderr.contains("root:"), "{key}: {stderr}");
    }
}

// ---------------------------------------------------------------- under strace

fn strace_works() -> bool {
    let ok = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=execve", "-o", "/dev/null", "true"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        // In CI the traced checks must run (.ci/run installs strace); locally they are skipped.
        assert!(
            std::env::var_os("CI").is_none(),
            "strace is missing or not permitted in CI: .ci/run installs it"
        );
        eprintln!("note: strace is missing or not permitted; the traced checks are skipped");
    }
    ok
}

const TRACED: &str = "execve,open,openat,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,socket,connect";

/// One traced system call: its name, its first quoted path, the rest of the line.
#[derive(Debug)]
struct Call {
    name: String,
    path: Option<String>,
    line: String,
    failed: bool,
}

fn calls(trace: &Path) -> Vec<Call> {
    fs::read_to_string(trace)
        .unwrap()
        .lines()
        .filter_map(|line| {
            let rest = line.split_once(' ').map_or(line, |(_, r)| r).trim_start();
            let name = rest.split('(').next()?.to_string();
            let path = rest.split('"').nth(1).map(str::to_string);
            Some(Call {
                name,
                path,
                failed: line.contains(") = -1"),
                line: line.to_string(),
            })
        })
        .collect()
}

fn is_system(path: &str) -> bool {
    ["/lib", "/usr/lib", "/lib64", "/etc/ld.so", "/proc/", "/sys/", "/dev/"]
        .iter()
        .any(|p| path.starts_with(p))
}

/// Files the `ignore` crate reads when walking a folder, as git does.
fn is_ignore_file(path: &str) -> bool {
    let name = Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    [".gitignore", ".ignore", "exclude", ".gitconfig", "gitconfig", "ignore"].contains(&name.as_str())
}

fn writes(call: &Call) -> bool {
    matches!(call.name.as_str(), "open" | "openat")
        && ["O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC"]
            .iter()
            .any(|f| call.line.contains(f))
}

#[test]
fn the_cli_reads_only_drafts_configs_and_ignore_files_and_writes_only_the_fixed_draft() {
    if !strace_works() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    let outside = dir.path().join("outside");
    fs::create_dir_all(project.join("sub")).unwrap();
    fs::create_dir_all(&outside).unwrap();
    // A config whose values look like paths outside the project: they are data, never opened.
    fs::write(
        project.join("minutes-lint.toml"),
        "[acronyms]\nknown = [\"../outside/secret.minutes\", \"/etc/passwd\"]\n\n[per-file]\n\"../outside/**\" = [\"first-person\"]\n",
    )
    .unwrap();
    let draft = "Minutes\nMonday 26 April 2022\n\nHome > Council and Democracy > Minutes\n\n1. Apologies\n\nNone.\n";
    fs::write(project.join("sub/a.minutes"), draft).unwrap();
    fs::write(project.join("b.minutes"), draft).unwrap();
    fs::write(outside.join("secret.minutes"), draft).unwrap();
    fs::write(outside.join("named.minutes"), "Minutes\n").unwrap();
    let trace = dir.path().join("trace");
    let status = Command::new("strace")
        .args(["-f", "-qq", "-e"])
        .arg(format!("trace={TRACED}"))
        .arg("-o")
        .arg(&trace)
        .arg(env!("CARGO_BIN_EXE_minutes-lint"))
        .args(["check", "sub", "../outside/named.minutes", "--fix", "--unsafe-fixes"])
        .current_dir(&project)
        .output()
        .unwrap();
    assert!(
        status.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let calls = calls(&trace);
    let absolute = |p: &str| -> PathBuf {
        let p = Path::new(p);
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            project.join(p)
        }
    };
    let fixed = project.join("sub/a.minutes");
    for call in &calls {
        let Some(path) = &call.path else {
            assert!(!matches!(call.name.as_str(), "socket" | "connect"), "{}", call.line);
            continue;
        };
        match call.name.as_str() {
            "execve" => assert!(path.ends_with("minutes-lint"), "runs a program: {}", call.line),
            "socket" | "connect" => panic!("network: {}", call.line),
            "open" | "openat" if writes(call) => {
                let file = absolute(path);
                assert!(
                    file.parent() == Some(&project.join("sub"))
                        && file
                            .file_name()
                            .unwrap()
                            .to_string_lossy()
                            .starts_with(".minutes-lint-"),
                    "writes {}: {}",
                    file.display(),
                    call.line
                );
            }
            "open" | "openat" if !call.failed => {
                let file = absolute(path);
                let allowed = is_system(path)
                    || is_ignore_file(path)
                    || file.starts_with(&project)
                    || file == project.join("../outside/named.minutes")
                    || file.ends_with("minutes-lint.toml");
                assert!(allowed, "reads {}: {}", file.display(), call.line);
                assert!(!path.contains("secret") && !path.contains("passwd"), "{}", call.line);
            }
            "rename" | "renameat" | "renameat2" => {
                let target = call.line.split('"').nth(3).map(absolute);
                assert_eq!(
                    target.as_ref(),
                    Some(&fixed),
                    "renames onto something else: {}",
                    call.line
                );
            }
            "unlink" | "unlinkat" | "mkdir" | "mkdirat" => {
                let file = absolute(path);
                assert!(
                    file.file_name()
                        .unwrap()
                        .to_string_lossy()
                        .starts_with(".minutes-lint-"),
                    "{}",
                    call.line
                );
            }
            _ => {}
        }
    }
    assert!(
        calls.iter().any(|c| c.name.starts_with("rename")),
        "the fix was written"
    );
    assert_ne!(fs::read_to_string(&fixed).unwrap(), draft);
    assert_eq!(
        fs::read_to_string(project.join("b.minutes")).unwrap(),
        draft,
        "not asked to fix"
    );
    assert_eq!(fs::read_to_string(outside.join("named.minutes")).unwrap(), "Minutes\n");
}

/// Every file under `dir` with its bytes and modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(snapshot(&path));
        } else {
            let meta = fs::metadata(&path).unwrap();
            out.insert(path.clone(), (fs::read(&path).unwrap(), meta.modified().unwrap()));
        }
    }
    out
}

#[test]
fn the_server_changes_no_file_and_returns_fixes_as_workspace_edits() {
    let traced = strace_works();
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("workspace");
    fs::create_dir_all(workspace.join("sub")).unwrap();
    fs::write(
        workspace.join("minutes-lint.toml"),
        "[rules]\nfirst-person = \"warning\"\n",
    )
    .unwrap();
    let text = "Cabinet\n\nMinutes of the meeting held on Monday 26 April 2022\n\nHome > Council and Democracy > Minutes\n\n1. Partners\n\nThe QZX attended. I thought it went well.\n\nRESOLVED – That the report be noted.\n";
    let draft = workspace.join("sub/draft.minutes");
    fs::write(&draft, text).unwrap();
    let before = snapshot(&workspace);
    std::thread::sleep(Duration::from_millis(20));

    let trace = dir.path().join("trace");
    let mut client = if traced {
        let mut command = Command::new("strace");
        command
            .args(["-f", "-qq", "-e"])
            .arg(format!("trace={TRACED}"))
            .arg("-o")
            .arg(&trace)
            .arg(env!("CARGO_BIN_EXE_minutes-lint"))
            .arg("server");
        LspClient::start_command(command)
    } else {
        LspClient::start()
    };
    let root = Url::from_directory_path(&workspace).unwrap();
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": root, "capabilities": {"workspace": {"configuration": true, "didChangeWatchedFiles": {"dynamicRegistration": true}}}, "workspaceFolders": [{"uri": root, "name": "w"}]}),
    );
    client.notify("initialized", json!({}));
    let uri = Url::from_file_path(&draft).unwrap().to_string();
    client.open(&uri, 1, text);
    client.diagnostics(&uri, 1);
    client.change(
        &uri,
        2,
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "The "}]),
    );
    let diagnostics = client.diagnostics(&uri, 2);
    assert!(!diagnostics.is_empty());
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 12, "character": 0}});
    let mut edits = 0;
    for only in [json!(["quickfix"]), json!(["source.fixAll.minutes-lint"])] {
        let actions = client.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": whole, "context": {"diagnostics": diagnostics, "only": only}}),
        );
        for action in actions.as_array().unwrap() {
            assert!(action.get("command").is_none(), "no commands to run: {action}");
            let edit = &action["edit"];
            assert!(edit.is_object(), "every fix is a workspace edit: {action}");
            edits += 1;
        }
    }
    assert!(edits >= 2, "quick fixes and fix-all were offered");
    client.notify("textDocument/didSave", json!({"textDocument": {"uri": uri}}));
    let config_uri = Url::from_file_path(workspace.join("minutes-lint.toml"))
        .unwrap()
        .to_string();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    for method in ["textDocument/documentSymbol", "textDocument/foldingRange"] {
        client.request(method, json!({"textDocument": {"uri": uri}}));
    }
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    assert_eq!(client.shutdown(), Some(0), "clean exit");
    assert_eq!(
        snapshot(&workspace),
        before,
        "the workspace is byte for byte and time for time as it was"
    );

    if traced {
        for call in calls(&trace) {
            match call.name.as_str() {
                "execve" => assert!(
                    call.path.as_deref().is_some_and(|p| p.ends_with("minutes-lint")),
                    "runs a program: {}",
                    call.line
                ),
                "socket" | "connect" => panic!("network: {}", call.line),
                "open" | "openat" if writes(&call) => {
                    assert!(
                        call.path.as_deref().is_some_and(|p| p.starts_with("/dev/")),
                        "writes: {}",
                        call.line
                    )
                }
                "open" | "openat" if !call.failed => {
                    let path = call.path.unwrap_or_default();
                    assert!(
                        is_system(&path) || path.ends_with("minutes-lint.toml"),
                        "reads: {}",
                        call.line
                    );
                }
                "rename" | "renameat" | "renameat2" | "unlink" | "unlinkat" | "mkdir" | "mkdirat" | "creat" => {
                    panic!("changes the file system: {}", call.line)
                }
                _ => {}
            }
        }
    }
}
