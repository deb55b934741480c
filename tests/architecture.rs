//! Keeps the boundary DESIGN.md draws: the core (parse, model, rules, fixes, config) knows
//! nothing of LSP, tokio, ropey, files or the terminal; only `cli`, `server` and `workspace` do.
//!
//! The check parses each file with `syn` and reads every `use` tree, every path and every macro
//! name outside `#[cfg(test)]` code, so `use std::{fs}` or a call to `::std::fs::read` is caught
//! as surely as `use std::fs;`.

use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// Paths the shipped core may not name, by prefix.
const FORBIDDEN_IN_CORE: &[&str] = &[
    "crate::server",
    "crate::cli",
    "crate::workspace",
    "std::fs",
    "std::io",
    "std::process",
    "std::env",
    "std::net",
    "std::thread",
    "tower_lsp",
    "tower_service",
    "tokio",
    "futures",
    "ropey",
    "anstream",
    "annotate_snippets",
    "clap",
    "rayon",
    "ignore",
    "tempfile",
    "similar",
    "crate::docx",
    "zip",
    "quick_xml",
];

/// Macros that print to the terminal.
const FORBIDDEN_MACROS: &[&str] = &["println", "eprintln", "print", "eprint", "dbg"];

/// Every path a file names outside test code: `use` trees flattened, paths joined with `::`,
/// macros as `name!`.
#[derive(Default)]
struct Names {
    found: Vec<String>,
    /// Also read `#[cfg(test)]` code.
    with_tests: bool,
}

fn is_test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.meta
                .require_list()
                .is_ok_and(|l| l.tokens.to_string().contains("test"))
    })
}

fn flatten(tree: &syn::UseTree, prefix: &str, out: &mut Vec<String>) {
    let join = |name: &str| {
        if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}::{name}")
        }
    };
    match tree {
        syn::UseTree::Path(p) => flatten(&p.tree, &join(&p.ident.to_string()), out),
        syn::UseTree::Name(n) => out.push(join(&n.ident.to_string())),
        syn::UseTree::Rename(r) => out.push(join(&r.ident.to_string())),
        syn::UseTree::Glob(_) => out.push(join("*")),
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| flatten(t, prefix, out)),
    }
}

impl<'ast> Visit<'ast> for Names {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        let attrs = match item {
            syn::Item::Mod(m) => &m.attrs,
            syn::Item::Fn(f) => &f.attrs,
            syn::Item::Impl(i) => &i.attrs,
            syn::Item::Use(u) => &u.attrs,
            syn::Item::Struct(s) => &s.attrs,
            syn::Item::Enum(e) => &e.attrs,
            syn::Item::Const(c) => &c.attrs,
            syn::Item::Static(s) => &s.attrs,
            _ => return syn::visit::visit_item(self, item),
        };
        if self.with_tests || !is_test_only(attrs) {
            syn::visit::visit_item(self, item);
        }
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        flatten(&item.tree, "", &mut self.found);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        let joined: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        self.found.push(joined.join("::"));
        syn::visit::visit_path(self, path);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if let Some(last) = mac.path.segments.last() {
            self.found.push(format!("{}!", last.ident));
        }
        syn::visit::visit_macro(self, mac);
    }
}

/// What in `source` breaks the core's boundary.
fn violations(source: &str) -> Result<Vec<String>, syn::Error> {
    let file = syn::parse_file(source)?;
    if is_test_only(&file.attrs) {
        return Ok(Vec::new());
    }
    let mut names = Names::default();
    names.visit_file(&file);
    let mut out: Vec<String> = names
        .found
        .into_iter()
        .filter(|name| {
            FORBIDDEN_IN_CORE
                .iter()
                .any(|f| name == f || name.starts_with(&format!("{f}::")))
                || FORBIDDEN_MACROS.iter().any(|m| name == &format!("{m}!"))
        })
        .collect();
    out.sort();
    out.dedup();
    Ok(out)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
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
    let mut problems = Vec::new();
    // `tests.rs` files are test modules (`#[cfg(test)] mod tests;`).
    for file in files.into_iter().filter(|f| !f.ends_with("tests.rs")) {
        let text = std::fs::read_to_string(&file).unwrap();
        match violations(&text) {
            Ok(found) => problems.extend(found.into_iter().map(|v| format!("{} uses {v}", file.display()))),
            Err(e) => problems.push(format!("{} does not parse: {e}", file.display())),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_check_sees_through_groups_renames_paths_and_macros() {
    for source in [
        "use std::{fs};",
        "use std::{collections::HashMap, io::Write as _};",
        "fn f() { let _ = ::std::fs::read(\"x\"); }",
        "use crate::server::Backend;",
        "use tokio::sync::Mutex;",
        "fn f() { println!(\"x\"); }",
        "pub use ropey::*;",
    ] {
        assert!(!violations(source).unwrap().is_empty(), "not caught: {source}");
    }
    for source in [
        "use std::collections::HashMap; use crate::core::text::Span;",
        "#[cfg(test)] mod tests { use std::fs; }",
        "#![cfg(test)]\nuse std::fs;",
        "fn ignored_word() -> &'static str { \"std::fs\" }",
    ] {
        assert_eq!(
            violations(source).unwrap(),
            Vec::<String>::new(),
            "wrongly caught: {source}"
        );
    }
}

/// Every path `source` names outside test code.
fn names_in(source: &str) -> Vec<String> {
    let mut names = Names::default();
    names.visit_file(&syn::parse_file(source).unwrap());
    names.found
}

#[test]
fn the_config_knows_nothing_of_rules_or_analyses() {
    // config -> rules -> analysis -> config was an import circle; the config now takes the rule
    // names it validates against from its caller.
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core/config.rs")).unwrap();
    let bad: Vec<String> = names_in(&source)
        .into_iter()
        .filter(|n| {
            [
                "crate::core::rules",
                "crate::core::analysis",
                "super::rules",
                "super::analysis",
            ]
            .iter()
            .any(|p| n.starts_with(p))
        })
        .collect();
    assert!(bad.is_empty(), "src/core/config.rs names {bad:?}");
}

/// The rule modules `source` (the file of rule `own`) names, test code included: any path
/// through `crate::core::rules::NAME` or `super::NAME` where NAME is another rule's module.
fn rule_imports(source: &str, own: &str, rules: &[String]) -> Vec<String> {
    let mut names = Names {
        with_tests: true,
        ..Names::default()
    };
    names.visit_file(&syn::parse_file(source).unwrap());
    let mut out: Vec<String> = names
        .found
        .into_iter()
        .filter(|name| {
            let mut rest = name.strip_prefix("crate::core::rules::").unwrap_or(name);
            while let Some(after) = rest.strip_prefix("super::") {
                rest = after;
            }
            let module = rest.split("::").next().unwrap_or("");
            module != own && rules.iter().any(|r| r == module)
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn no_rule_imports_another_rule() {
    // What two rules share lives in the model or in `core::analysis`, so that a rule can be
    // read, changed or removed alone.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core/rules");
    let mut files = Vec::new();
    rust_files(&dir, &mut files);
    let module = |f: &PathBuf| f.file_stem().unwrap().to_string_lossy().to_string();
    let rules: Vec<String> = files.iter().map(module).filter(|m| m != "mod").collect();
    assert!(rules.len() > 10, "src/core/rules should hold the rules");
    let mut problems = Vec::new();
    for file in files.iter().filter(|f| module(f) != "mod") {
        let text = std::fs::read_to_string(file).unwrap();
        for name in rule_imports(&text, &module(file), &rules) {
            problems.push(format!("{} names {name}", file.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_rule_import_check_sees_uses_paths_and_test_code() {
    let rules = ["first_person".to_string(), "empty_decision".to_string()];
    for source in [
        "use crate::core::rules::first_person::Opaque;",
        "use crate::core::rules::{Context, empty_decision::is_empty};",
        "fn f() { crate::core::rules::first_person::check; }",
        "#[cfg(test)] mod tests { use super::super::first_person; }",
        "#[cfg(test)] mod tests { fn f() { super::first_person::x(); } }",
    ] {
        assert!(
            !rule_imports(source, "missing_decision", &rules).is_empty(),
            "not caught: {source}"
        );
    }
    for source in [
        "use crate::core::rules::{Context, Group, Rule};",
        "#[cfg(test)] mod tests { use super::*; }",
        "use crate::core::rules::find;",
    ] {
        assert!(
            rule_imports(source, "first_person", &rules).is_empty(),
            "wrongly caught: {source}"
        );
    }
    // A rule naming its own module is not an import of another.
    assert!(rule_imports("use crate::core::rules::first_person::RULE;", "first_person", &rules).is_empty());
}

#[test]
fn every_module_says_what_it_holds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "tests", "benches"] {
        rust_files(&root.join(dir), &mut files);
    }
    let undocumented: Vec<String> = files
        .iter()
        .filter(|f| !std::fs::read_to_string(f).unwrap().trim_start().starts_with("//!"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(undocumented.is_empty(), "modules without a //! line: {undocumented:?}");
}

/// The raw string literals (`r"…"`, `r#"…"#`) of a source text, in order.
fn raw_strings(source: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("r\"").into_iter().chain(rest.find("r#\"")).min() {
        let hashes = rest[at + 1..].bytes().take_while(|&b| b == b'#').count();
        let open = at + 2 + hashes;
        let close = format!("\"{}", "#".repeat(hashes));
        let Some(len) = rest[open..].find(&close) else { break };
        out.push(&rest[open..open + len]);
        rest = &rest[open + len + close.len()..];
    }
    out
}

#[test]
fn the_cores_patterns_spell_digits_in_ascii() {
    // Unicode `\d` compiles to dozens of ranges at every use: a tenth of what the first draft of
    // a run cost before these became `[0-9]`. Minutes number things in ASCII, and only ASCII
    // digits parse as numbers, so nothing is lost.
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core"), &mut files);
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.ends_with("tests.rs")) {
        let source = std::fs::read_to_string(file).unwrap();
        // Test code may hold Unicode reference patterns on purpose.
        let shipped = source.split("#[cfg(test)]").next().unwrap_or_default();
        for literal in raw_strings(shipped) {
            if literal.contains(r"\d") {
                found.push(format!("{}: {literal}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "write [0-9] for \\d:\n{}", found.join("\n"));
    // The scanner itself finds what it should.
    assert_eq!(
        raw_strings(r####"let a = r"\d+"; let b = r#"x"y"#;"####),
        [r"\d+", r#"x"y"#]
    );
}
