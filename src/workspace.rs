//! Finding and loading `minutes-lint.toml` for a document on disk (shared by the CLI and the
//! server; the pure reading of the file's text is `core::config`).

use crate::core::config::{Config, ConfigError, CONFIG_FILE_NAME};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A config with where it came from.
#[derive(Debug, Default)]
pub struct ResolvedConfig {
    pub config: Config,
    /// The config file, when one was found.
    pub file: Option<PathBuf>,
    /// The folder `[per-file]` globs are relative to: the config file's folder.
    pub root: Option<PathBuf>,
}

impl ResolvedConfig {
    /// A document's path relative to the config's folder, with `/` separators, for `[per-file]`.
    pub fn relative_path(&self, document: &Path) -> String {
        let relative = self
            .root
            .as_deref()
            .and_then(|root| document.strip_prefix(root).ok())
            .unwrap_or(document);
        relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// The nearest `minutes-lint.toml` in `dir` or its ancestors.
pub fn find_config_file(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Reads and parses one config file; the error names the file.
pub fn load_config_file(path: &Path) -> Result<ResolvedConfig, ConfigError> {
    let origin = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        origin: origin.clone(),
        line: None,
        column: None,
        message: format!("cannot read the config file: {e}"),
    })?;
    let config = Config::from_toml(&text, &origin, &crate::core::rules::names())?;
    Ok(ResolvedConfig {
        config,
        file: Some(path.to_path_buf()),
        root: path.parent().map(Path::to_path_buf),
    })
}

/// Configs by folder, so that a thousand drafts in one folder read its config once.
#[derive(Debug, Default)]
pub struct ConfigCache {
    by_file: HashMap<PathBuf, Arc<ResolvedConfig>>,
    default: Arc<ResolvedConfig>,
}

impl ConfigCache {
    pub fn new() -> Self {
        ConfigCache::default()
    }

    /// The config that applies to a document: the nearest `minutes-lint.toml` above it, or the
    /// defaults when there is none.
    pub fn for_document(&mut self, document: &Path) -> Result<Arc<ResolvedConfig>, ConfigError> {
        let absolute = std::path::absolute(document).unwrap_or_else(|_| document.to_path_buf());
        let dir = absolute.parent().unwrap_or(Path::new("."));
        match find_config_file(dir) {
            Some(file) => self.load(&file),
            None => Ok(self.default.clone()),
        }
    }

    /// Loads a config file once and keeps it.
    pub fn load(&mut self, file: &Path) -> Result<Arc<ResolvedConfig>, ConfigError> {
        if let Some(found) = self.by_file.get(file) {
            return Ok(found.clone());
        }
        let resolved = Arc::new(load_config_file(file)?);
        self.by_file.insert(file.to_path_buf(), resolved.clone());
        Ok(resolved)
    }

    /// Forgets every loaded config (after a config file changed on disk).
    pub fn clear(&mut self) {
        self.by_file.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_nearest_config_and_makes_paths_relative() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE_NAME), "[rules]\nfirst-person = \"off\"\n").unwrap();
        let mut cache = ConfigCache::new();
        let doc = nested.join("draft.minutes");
        let resolved = cache.for_document(&doc).unwrap();
        assert!(resolved.file.is_some());
        assert_eq!(
            resolved.relative_path(&std::path::absolute(&doc).unwrap()),
            "a/b/draft.minutes"
        );
    }

    #[test]
    fn a_broken_config_names_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(CONFIG_FILE_NAME);
        std::fs::write(&file, "[rules\n").unwrap();
        let err = ConfigCache::new()
            .for_document(&dir.path().join("x.minutes"))
            .unwrap_err();
        assert!(err.to_string().contains(CONFIG_FILE_NAME), "{err}");
        assert_eq!(err.line, Some(1));
    }
}
