//! Keeps the boundary DESIGN.md draws: the core (parse, model, rules, fixes, config) knows
//! nothing of LSP, tokio, ropey, files or the terminal; only `cli`, `server` and `workspace` do.

use std::path::Path;

const FORBIDDEN_IN_CORE: &[&str] = &[
    "tower_lsp",
    "tokio",
    "ropey",
    "std::fs",
    "std::io",
    "std::process",
    "std::env",
    "std::net",
    "println!",
    "eprintln!",
    "print!(",
    "anstream",
    "clap",
    "rayon",
    "ignore::",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_core_does_no_io_and_knows_no_protocol() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    assert!(files.len() > 10, "the core should hold the parser, model and rules");
    let mut violations = Vec::new();
    // `tests.rs` files are test modules (`#[cfg(test)] mod tests;`).
    for file in files.into_iter().filter(|f| !f.ends_with("tests.rs")) {
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests may read the shared corpus from disk; the shipped code may not.
        // A module that is test-only as a whole (`#![cfg(test)]`) is not shipped at all.
        if text.contains("#![cfg(test)]") {
            continue;
        }
        let shipped = text.split("#[cfg(test)]").next().unwrap_or("");
        for word in FORBIDDEN_IN_CORE {
            if shipped.contains(word) {
                violations.push(format!("{} uses {word}", file.display()));
            }
        }
    }
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn every_module_says_what_it_holds() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let undocumented: Vec<String> = files
        .iter()
        .filter(|f| !std::fs::read_to_string(f).unwrap().trim_start().starts_with("//!"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(undocumented.is_empty(), "modules without a //! line: {undocumented:?}");
}
