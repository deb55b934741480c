//! Finding and loading `minutes-lint.toml` for a document on disk (shared by the CLI and the
//! server; the pure reading of the file's text is `core::config`).

use crate::core::config::{Config, ConfigError, RuleLevel, CONFIG_FILE_NAME};
use std::collections::{BTreeMap, HashMap, HashSet};
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

/// The config for one document, as a lint needs it.
#[derive(Clone, Debug)]
pub struct DocumentConfig {
    /// The file's config with any overrides (the editor's settings) applied.
    pub config: Arc<Config>,
    /// The document's path relative to the config's folder, with `/` separators (the file name
    /// when no config file applies), for `[per-file]` and the format.
    pub relative_path: String,
    /// The config file in force, when there is one.
    pub file: Option<PathBuf>,
}

/// The one config resolver, for the CLI and the server alike: finds the nearest
/// `minutes-lint.toml` once per folder, loads each file once, applies overrides (the editor's
/// settings) once per file, and remembers the last good config of each file for a server that
/// must go on linting while the file is being edited. Only the callers differ: the CLI takes a
/// broken config as an error ([`Resolver::resolve`]), the server falls back to the last good one
/// ([`Resolver::resolve_or_last_good`]).
#[derive(Debug, Default)]
pub struct Resolver {
    /// `--config FILE`: used for every document instead of discovery.
    forced: Option<Arc<ResolvedConfig>>,
    /// The nearest config file for each folder looked up (None: there is none).
    nearest: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<PathBuf, Arc<ResolvedConfig>>,
    last_good: HashMap<PathBuf, Arc<ResolvedConfig>>,
    overrides: BTreeMap<String, RuleLevel>,
    /// Configs with the overrides applied, by config file (None: the defaults).
    effective: HashMap<Option<PathBuf>, Arc<Config>>,
    /// Error messages already handed out by [`Resolver::resolve_or_last_good`].
    reported: HashSet<String>,
    /// The defaults, for documents under no config file: built once, not once per document.
    defaults: Option<Arc<ResolvedConfig>>,
    /// The working directory, asked of the system once: relative paths are made absolute
    /// against it.
    cwd: Option<PathBuf>,
}

impl Resolver {
    pub fn new() -> Self {
        Resolver::default()
    }

    /// A resolver that uses one config file for every document (`--config FILE`).
    pub fn with_file(file: &Path) -> Result<Self, ConfigError> {
        let resolved = Arc::new(load_config_file(file)?);
        Ok(Resolver {
            forced: Some(resolved),
            ..Resolver::default()
        })
    }

    /// Replaces the rule levels laid over every file's config; true when they changed.
    pub fn set_overrides(&mut self, overrides: BTreeMap<String, RuleLevel>) -> bool {
        if overrides == self.overrides {
            return false;
        }
        self.overrides = overrides;
        self.effective.clear();
        true
    }

    /// Forgets what was read from disk (a config file was created, changed or removed). The last
    /// good configs are kept.
    pub fn files_changed(&mut self) {
        self.nearest.clear();
        self.loaded.clear();
        self.effective.clear();
        self.reported.clear();
    }

    /// The config for a document on disk; a broken config file is an error naming it.
    pub fn resolve(&mut self, document: &Path) -> Result<DocumentConfig, ConfigError> {
        let absolute = self.absolute(document);
        let resolved = self.resolved_for(&absolute)?;
        Ok(self.document_config(&absolute, &resolved))
    }

    /// The config for a document (None: not on disk). A broken config file gives way to its last
    /// good config (or the defaults); its error is returned the first time only, to be shown.
    pub fn resolve_or_last_good(&mut self, document: Option<&Path>) -> (DocumentConfig, Option<ConfigError>) {
        let Some(document) = document else {
            let defaults = Arc::new(ResolvedConfig::default());
            return (self.document_config(Path::new(""), &defaults), None);
        };
        let absolute = self.absolute(document);
        match self.resolved_for(&absolute) {
            Ok(resolved) => (self.document_config(&absolute, &resolved), None),
            Err(error) => {
                let file = self.nearest_file(&absolute);
                let fallback = file.and_then(|f| self.last_good.get(&f).cloned()).unwrap_or_default();
                let fresh = self.reported.insert(error.to_string());
                (self.document_config(&absolute, &fallback), fresh.then_some(error))
            }
        }
    }

    /// `document` made absolute, as [`std::path::absolute`] does, without asking the system for
    /// the working directory once per document.
    fn absolute(&mut self, document: &Path) -> PathBuf {
        if document.is_relative() && !document.as_os_str().is_empty() {
            if self.cwd.is_none() {
                self.cwd = std::env::current_dir().ok();
            }
            if let Some(cwd) = &self.cwd {
                if let Ok(absolute) = std::path::absolute(cwd.join(document)) {
                    return absolute;
                }
            }
        }
        std::path::absolute(document).unwrap_or_else(|_| document.to_path_buf())
    }

    /// The config file (loaded) that applies to an absolute document path.
    fn resolved_for(&mut self, absolute: &Path) -> Result<Arc<ResolvedConfig>, ConfigError> {
        if let Some(forced) = &self.forced {
            return Ok(forced.clone());
        }
        let Some(file) = self.nearest_file(absolute) else {
            return Ok(self.defaults.get_or_insert_with(Arc::default).clone());
        };
        if let Some(found) = self.loaded.get(&file) {
            return Ok(found.clone());
        }
        let resolved = Arc::new(load_config_file(&file)?);
        self.loaded.insert(file.clone(), resolved.clone());
        self.last_good.insert(file, resolved.clone());
        Ok(resolved)
    }

    /// The nearest config file above a document, looked up once per folder.
    fn nearest_file(&mut self, absolute: &Path) -> Option<PathBuf> {
        let dir = absolute.parent().unwrap_or(Path::new("."));
        if let Some(found) = self.nearest.get(dir) {
            return found.clone();
        }
        let found = find_config_file(dir);
        self.nearest.insert(dir.to_path_buf(), found.clone());
        found
    }

    fn document_config(&mut self, absolute: &Path, resolved: &Arc<ResolvedConfig>) -> DocumentConfig {
        let relative_path = if resolved.file.is_some() {
            resolved.relative_path(absolute)
        } else {
            absolute
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        let key = resolved.file.clone();
        let config = match self.effective.get(&key) {
            Some(found) => found.clone(),
            None => {
                let mut config = resolved.config.clone();
                for (name, level) in &self.overrides {
                    config.rules.insert(name.clone(), *level);
                }
                let config = Arc::new(config);
                self.effective.insert(key, config.clone());
                config
            }
        };
        DocumentConfig {
            config,
            relative_path,
            file: resolved.file.clone(),
        }
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
        let mut resolver = Resolver::new();
        let doc = nested.join("draft.minutes");
        let resolved = resolver.resolve(&doc).unwrap();
        assert!(resolved.file.is_some());
        assert_eq!(resolved.relative_path, "a/b/draft.minutes");
        assert_eq!(resolved.config.rules.get("first-person"), Some(&RuleLevel::Off));
    }

    #[test]
    fn a_broken_config_names_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(CONFIG_FILE_NAME);
        std::fs::write(&file, "[rules\n").unwrap();
        let err = Resolver::new().resolve(&dir.path().join("x.minutes")).unwrap_err();
        assert!(err.to_string().contains(CONFIG_FILE_NAME), "{err}");
        assert_eq!(err.line, Some(1));
    }

    #[test]
    fn overrides_lie_over_the_file_and_a_broken_file_keeps_its_last_good_config() {
        use crate::core::diagnostic::Severity;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(CONFIG_FILE_NAME);
        std::fs::write(&file, "[rules]\nfirst-person = \"error\"\ntitle-style = \"off\"\n").unwrap();
        let doc = dir.path().join("a.minutes");
        let mut resolver = Resolver::new();
        let (first, error) = resolver.resolve_or_last_good(Some(&doc));
        assert!(error.is_none());
        assert_eq!(
            first.config.rules.get("first-person"),
            Some(&RuleLevel::On(Severity::Error))
        );
        assert!(resolver.set_overrides(BTreeMap::from([("first-person".to_string(), RuleLevel::Off)])));
        assert!(!resolver.set_overrides(BTreeMap::from([("first-person".to_string(), RuleLevel::Off)])));
        let (over, _) = resolver.resolve_or_last_good(Some(&doc));
        assert_eq!(over.config.rules.get("first-person"), Some(&RuleLevel::Off));
        assert_eq!(over.relative_path, "a.minutes");

        std::fs::write(&file, "[rules\n").unwrap();
        resolver.files_changed();
        assert!(
            resolver.resolve(&doc).is_err(),
            "the CLI's way: a broken file is an error"
        );
        let (kept, error) = resolver.resolve_or_last_good(Some(&doc));
        assert!(error.expect("reported").to_string().contains("minutes-lint.toml:1"));
        assert_eq!(
            kept.config.rules.get("title-style"),
            Some(&RuleLevel::Off),
            "last good file"
        );
        assert_eq!(
            kept.config.rules.get("first-person"),
            Some(&RuleLevel::Off),
            "overrides still on"
        );
        assert!(resolver.resolve_or_last_good(Some(&doc)).1.is_none(), "reported once");
    }

    #[test]
    fn a_forced_file_serves_every_document_and_no_file_means_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("shared.toml");
        std::fs::write(&file, "[rules]\nfirst-person = \"off\"\n").unwrap();
        let mut forced = Resolver::with_file(&file).unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let got = forced.resolve(&elsewhere.path().join("b.minutes")).unwrap();
        assert_eq!(got.config.rules.get("first-person"), Some(&RuleLevel::Off));
        let plain = Resolver::new().resolve(&elsewhere.path().join("c.minutes.md")).unwrap();
        assert!(plain.file.is_none());
        assert_eq!(plain.relative_path, "c.minutes.md");
        assert!(Resolver::with_file(&dir.path().join("missing.toml")).is_err());
    }
}
