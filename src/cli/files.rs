//! Finding the drafts to check: explicit files, folders walked with the `ignore` crate.

use std::path::{Path, PathBuf};

/// The extensions a folder walk picks up (an explicit file is checked whatever its name).
pub const DRAFT_SUFFIXES: &[&str] = &[".minutes", ".minutes.txt", ".minutes.md"];

/// Plain `.txt` files a folder walk also picks up, but checks only when their text reads as
/// minutes (a README.txt or LICENSE.txt beside the drafts is left alone).
pub fn is_plain_text_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".txt") && name.len() > 4 && !is_draft_name(path)
}

/// A file read as a Word draft: a `.docx` (Word's `~$…docx` lock files are not drafts).
pub fn is_word_name(path: &Path) -> bool {
    crate::docx::is_docx_name(path)
}

/// True when a file name looks like a draft.
pub fn is_draft_name(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    let name = name.to_string_lossy().to_ascii_lowercase();
    DRAFT_SUFFIXES.iter().any(|s| name.ends_with(s) && name.len() > s.len())
}

/// What a walk found: the drafts, things skipped (with why) and hard errors.
#[derive(Debug, Default)]
pub struct Discovery {
    pub files: Vec<PathBuf>,
    /// Files among `files` found by a walk as plain `.txt` or `.docx`: checked only if they read
    /// as minutes.
    pub tentative: std::collections::HashSet<PathBuf>,
    /// Messages about entries skipped on purpose (symlink loops, FIFOs): printed, not fatal.
    pub skipped: Vec<String>,
    /// Errors that make the run fail with exit code 2 (missing file, unreadable folder).
    pub errors: Vec<String>,
}

/// Collects the drafts under `paths` (files are taken as they are, folders are walked).
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut found = Discovery::default();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => found.errors.push(format!("{}: {}", path.display(), describe_io(&e))),
            Ok(meta) if meta.is_dir() => walk(path, &mut found),
            Ok(meta) if meta.is_file() => found.files.push(path.clone()),
            Ok(_) => found.errors.push(format!(
                "{}: not a regular file (use `-` to read standard input)",
                path.display()
            )),
        }
    }
    // The same file named twice (`a.minutes` and `.`) is checked once, under its first name.
    let mut seen = std::collections::HashSet::new();
    found
        .files
        .retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    found
}

fn walk(dir: &Path, found: &mut Discovery) {
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(true)
        .require_git(false)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let Some(kind) = entry.file_type() else {
                    continue;
                };
                // Plain .txt and Word drafts are candidates: checked if their text reads as minutes.
                let plain_text = is_plain_text_name(entry.path()) || is_word_name(entry.path());
                if kind.is_dir() || !(is_draft_name(entry.path()) || plain_text) {
                    continue;
                }
                if kind.is_file() {
                    if plain_text {
                        found.tentative.insert(entry.path().to_path_buf());
                    }
                    found.files.push(entry.into_path());
                } else {
                    found
                        .skipped
                        .push(format!("{}: skipped: not a regular file", entry.path().display()));
                }
            }
            Err(err) => {
                if let Some(message) = loop_message(&err) {
                    found.skipped.push(message);
                } else if is_dangling_link(&err) {
                    found.skipped.push(format!("skipped: {err}"));
                } else {
                    found.errors.push(err.to_string());
                }
            }
        }
    }
}

/// A symlink loop, described, when `err` is one.
fn loop_message(err: &ignore::Error) -> Option<String> {
    match err {
        ignore::Error::Loop { ancestor, child } => Some(format!(
            "{}: skipped: symbolic link loop back to {}",
            child.display(),
            ancestor.display()
        )),
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => loop_message(err),
        ignore::Error::Partial(errs) => errs.iter().find_map(loop_message),
        _ => None,
    }
}

/// A link to nothing inside a folder is not the user's request: skip it with a message.
fn is_dangling_link(err: &ignore::Error) -> bool {
    let path = match err {
        ignore::Error::WithPath { path, .. } => Some(path.as_path()),
        ignore::Error::WithDepth { err, .. } => {
            return is_dangling_link(err);
        }
        _ => None,
    };
    path.is_some_and(|p| {
        p.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) && std::fs::metadata(p).is_err()
    })
}

/// What to say when a run found no draft at all under `paths` (folders walked, nothing kept):
/// which paths, what names were looked for, and what to do. `not_minutes` counts the plain `.txt`
/// files that were read but did not read as minutes.
pub fn no_drafts_message(paths: &[PathBuf], not_minutes: usize, word_not_minutes: usize) -> String {
    let shown: Vec<String> = paths
        .iter()
        .map(|p| {
            let p = p.to_string_lossy().replace('\\', "/");
            if p == "." {
                "the current folder (.)".to_string()
            } else {
                p
            }
        })
        .collect();
    let suffixes: Vec<String> = DRAFT_SUFFIXES.iter().map(|s| format!("`{s}`")).collect();
    let txt = match not_minutes {
        0 => String::new(),
        1 => "; 1 `.txt` file was read but does not read as minutes".to_string(),
        n => format!("; {n} `.txt` files were read but do not read as minutes"),
    };
    let docx = match word_not_minutes {
        0 => String::new(),
        1 => "; 1 `.docx` file was read but does not read as minutes".to_string(),
        n => format!("; {n} `.docx` files were read but do not read as minutes"),
    };
    format!(
        "no drafts found in {}: nothing was checked. Folders are searched for files ending {} \
         (and plain `.txt` and Word `.docx` files that read as minutes), leaving out what .gitignore excludes{txt}{docx}. \
         Check the path, rename the drafts to end in `.minutes.txt` (or `.minutes.md`), or name a \
         file directly: a file named on the command line is checked whatever its name.",
        shown.join(", "),
        suffixes.join(", ")
    )
}

/// An I/O error in words a clerk understands.
pub fn describe_io(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_names() {
        for yes in ["a.minutes", "b.MINUTES.txt", "dir/c.minutes.md"] {
            assert!(is_draft_name(Path::new(yes)), "{yes}");
        }
        for no in ["a.txt", "notes.md", ".minutes", "minutes", "a.minutes.doc"] {
            assert!(!is_draft_name(Path::new(no)), "{no}");
        }
        assert!(is_plain_text_name(Path::new("cabinet-2022.txt")));
        assert!(!is_plain_text_name(Path::new("a.minutes.txt")));
        assert!(!is_plain_text_name(Path::new(".txt")));
    }

    #[test]
    fn walks_folders_for_drafts_only_and_honours_gitignore() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("a.minutes"), "x").unwrap();
        std::fs::write(root.join("sub/b.minutes.md"), "x").unwrap();
        std::fs::write(root.join("notes.txt"), "x").unwrap();
        std::fs::write(root.join("readme.md"), "x").unwrap();
        std::fs::write(root.join("old.minutes"), "x").unwrap();
        std::fs::write(root.join("sub/Parish Council.docx"), "x").unwrap();
        std::fs::write(root.join("sub/~$rish Council.docx"), "x").unwrap();
        std::fs::write(root.join(".gitignore"), "old.minutes\n").unwrap();
        let found = discover(&[root.to_path_buf()]);
        assert!(found.errors.is_empty(), "{:?}", found.errors);
        assert_eq!(
            found.files,
            vec![
                root.join("a.minutes"),
                root.join("notes.txt"),
                root.join("sub/Parish Council.docx"),
                root.join("sub/b.minutes.md")
            ]
        );
        assert!(found.tentative.contains(&root.join("sub/Parish Council.docx")));
        // A plain .txt is only a candidate: it is checked if its text reads as minutes.
        assert!(found.tentative.contains(&root.join("notes.txt")));
        assert!(!found.tentative.contains(&root.join("a.minutes")));
    }

    #[cfg(unix)]
    #[test]
    fn skips_symlink_loops_and_fifos_without_hanging() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::write(root.join("sub/a.minutes"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
        let fifo = root.join("pipe.minutes");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(status.success());
        let found = discover(&[root.to_path_buf()]);
        assert!(found.errors.is_empty(), "{:?}", found.errors);
        assert_eq!(found.files, vec![root.join("sub/a.minutes")]);
        assert!(found.skipped.iter().any(|m| m.contains("loop")), "{:?}", found.skipped);
        assert!(
            found.skipped.iter().any(|m| m.contains("pipe.minutes")),
            "{:?}",
            found.skipped
        );
    }

    #[test]
    fn a_missing_path_is_an_error_naming_it() {
        let found = discover(&[PathBuf::from("/definitely/not/here.minutes")]);
        assert_eq!(found.errors.len(), 1);
        assert!(found.errors[0].contains("/definitely/not/here.minutes"));
    }
}
