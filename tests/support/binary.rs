//! Which build of the binary heavy tests run: the release build when it is at least as new as
//! every source file (a 50–100 MB input takes minutes unoptimised), else the one cargo built.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::SystemTime;

fn newest(dir: &Path, newest_seen: &mut SystemTime) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            newest(&path, newest_seen);
        } else if let Ok(modified) = entry.metadata().and_then(|m| m.modified()) {
            *newest_seen = (*newest_seen).max(modified);
        }
    }
}

/// An optimised, up-to-date binary, when there is one.
pub fn optimised_binary() -> Option<PathBuf> {
    let cargo_built = PathBuf::from(env!("CARGO_BIN_EXE_minutes-lint"));
    if !cfg!(debug_assertions) {
        return Some(cargo_built);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let release = cargo_built.parent()?.parent()?.join("release/minutes-lint");
    let built = std::fs::metadata(&release).and_then(|m| m.modified()).ok()?;
    let mut sources = SystemTime::UNIX_EPOCH;
    newest(&root.join("src"), &mut sources);
    for file in ["Cargo.toml", "Cargo.lock"] {
        if let Ok(m) = std::fs::metadata(root.join(file)).and_then(|m| m.modified()) {
            sources = sources.max(m);
        }
    }
    (built >= sources).then_some(release)
}
