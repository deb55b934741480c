//! The names every editor integration must agree on, defined once per language: the draft
//! suffixes (`cli::files::DRAFT_SUFFIXES`) and the fix-all code action kind
//! (`server::actions::FIX_ALL_KIND`). Each editor's copy is read from its own file and checked
//! against the Rust definition, so renaming one without the others fails here.

use minutes_lint::cli::files::DRAFT_SUFFIXES;
use minutes_lint::server::actions::FIX_ALL_KIND;
use std::path::Path;

fn read(relative: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).unwrap()
}

/// The suffixes as globs, sorted (the order an editor lists them in does not matter).
fn globs() -> Vec<String> {
    let mut globs: Vec<String> = DRAFT_SUFFIXES.iter().map(|s| format!("*{s}")).collect();
    globs.sort();
    globs
}

#[test]
fn vscode_knows_the_draft_suffixes_and_the_fix_all_kind() {
    let package: serde_json::Value = serde_json::from_str(&read("editors/vscode/package.json")).unwrap();
    let language = &package["contributes"]["languages"][0];
    assert_eq!(language["id"], "minutes");
    let mut patterns: Vec<String> = serde_json::from_value(language["filenamePatterns"].clone()).unwrap();
    patterns.sort();
    assert_eq!(patterns, globs());
    let on_save = &package["contributes"]["configurationDefaults"]["[minutes]"]["editor.codeActionsOnSave"];
    assert!(on_save.get(FIX_ALL_KIND).is_some(), "fix on save names {FIX_ALL_KIND}");
    // The extension builds the kind from VS Code's SourceFixAll ("source.fixAll") and our name.
    let (base, name) = FIX_ALL_KIND.rsplit_once('.').unwrap();
    assert_eq!(base, "source.fixAll");
    assert!(read("editors/vscode/src/extension.ts").contains(&format!("SourceFixAll.append(\"{name}\")")));
}

#[test]
fn helix_knows_the_draft_suffixes() {
    let config: toml::Value = toml::from_str(&read("editors/helix/languages.toml")).unwrap();
    let language = &config["language"][0];
    assert_eq!(language["name"].as_str(), Some("minutes"));
    let mut found: Vec<String> = language["file-types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["glob"].as_str().unwrap().to_string())
        .collect();
    found.sort();
    assert_eq!(found, globs());
}

#[test]
fn neovim_knows_the_draft_suffixes() {
    let lua = read("editors/nvim/ftdetect/minutes.lua");
    for suffix in DRAFT_SUFFIXES {
        let inner = suffix.trim_start_matches('.');
        let declared = if inner.contains('.') {
            // A Lua pattern: dots escaped with %.
            lua.contains(&format!("['.*%.{}'] = 'minutes'", inner.replace('.', "%.")))
        } else {
            lua.contains(&format!("extension = {{ {inner} = 'minutes' }}"))
        };
        assert!(declared, "ftdetect/minutes.lua does not declare {suffix}");
    }
}

/// The `auto-mode-alist` regexp of `minutes-lint.el`, translated from Emacs to Rust syntax.
fn emacs_mode_regex() -> regex::Regex {
    let el = read("editors/emacs/minutes-lint.el");
    let line = el
        .lines()
        .find(|l| l.contains("auto-mode-alist") && l.contains("minutes-mode"))
        .unwrap();
    let quoted = line.split('"').nth(1).unwrap();
    let emacs = quoted.replace("\\\\", "\\");
    let rust = emacs
        .replace("\\(", "(")
        .replace("\\)", ")")
        .replace("\\|", "|")
        .replace("\\'", "$");
    regex::Regex::new(&rust).unwrap()
}

#[test]
fn emacs_knows_the_draft_suffixes() {
    let mode = emacs_mode_regex();
    for suffix in DRAFT_SUFFIXES {
        assert!(mode.is_match(&format!("/drafts/cabinet{suffix}")), "{suffix}");
    }
    for other in ["/drafts/notes.txt", "/drafts/cabinet.minutes.doc", "/drafts/readme.md"] {
        assert!(!mode.is_match(other), "{other}");
    }
}
