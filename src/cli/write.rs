//! Writing fixed drafts back: atomically, keeping permissions, never half a file.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a file cannot be written, found before anything is written.
pub fn check_writable(path: &Path) -> Result<(), String> {
    let target = resolve(path);
    let meta = fs::metadata(&target).map_err(|e| format!("{}: {}", path.display(), super::files::describe_io(&e)))?;
    if meta.permissions().readonly() {
        return Err(format!("{}: the file is read-only; no fix was written", path.display()));
    }
    let dir = parent_dir(&target);
    let dir_meta = fs::metadata(&dir).map_err(|e| format!("{}: {}", dir.display(), super::files::describe_io(&e)))?;
    if dir_meta.permissions().readonly() {
        return Err(format!(
            "{}: its folder is read-only, so it cannot be replaced atomically; no fix was written",
            path.display()
        ));
    }
    Ok(())
}

/// A symbolic link is written through: its target is replaced, the link is kept.
fn resolve(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Replaces `path`'s contents with `bytes`: a temporary file in the same folder, written and
/// synced, given the original's permissions, then renamed over the original. On any error the
/// original is untouched and the temporary file is removed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, bytes, |_| Ok(()))
}

/// [`write_atomically`] with `before_rename` called on the written temporary file just before it
/// replaces the original: tests use it to interrupt the write at its most delicate point.
pub fn write_atomically_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let target = resolve(path);
    let permissions = fs::metadata(&target)?.permissions();
    let dir = parent_dir(&target);
    let mut temp = tempfile::Builder::new()
        .prefix(".minutes-lint-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    temp.write_all(bytes)?;
    temp.as_file().set_permissions(permissions)?;
    temp.as_file().sync_all()?;
    before_rename(temp.path())?;
    temp.persist(&target).map_err(|e| e.error)?;
    // Make the rename itself durable where the platform allows syncing a folder.
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::diagnostic::Edit;
    use crate::core::fix::apply_edits;
    use crate::core::text::Span;

    #[test]
    fn keeps_bom_crlf_and_everything_outside_the_edit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.minutes");
        let original = "\u{feff}Minutes\r\nMonday 26 April 2022\r\nlast line without break";
        fs::write(&path, original).unwrap();
        let at = original.find("Monday").unwrap();
        let fixed = apply_edits(original, &[Edit::replace(Span::new(at, at + 6), "Tuesday")]);
        write_atomically(&path, fixed.as_bytes()).unwrap();
        let bytes = fs::read(&path).unwrap();
        assert_eq!(
            bytes,
            "\u{feff}Minutes\r\nTuesday 26 April 2022\r\nlast line without break".as_bytes()
        );
        assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_writes_through_symlinks() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.minutes");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.minutes");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    }

    #[test]
    fn a_read_only_file_is_refused_before_writing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.minutes");
        fs::write(&path, "old").unwrap();
        let mut perms = fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms).unwrap();
        let err = check_writable(&path).unwrap_err();
        assert!(err.contains("read-only") && err.contains("draft.minutes"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), b"old");
    }
}
