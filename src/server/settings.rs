//! Which config applies to a document: `minutes-lint.toml` (found per document, multi-root)
//! with the client's settings (section `minutes-lint`) merged over it. A broken file keeps the
//! last good config for that file in force.

use crate::core::config::{Config, ConfigError, RuleLevel, CONFIG_FILE_NAME};
use crate::core::rules;
use crate::workspace::Resolver;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Settings sent by the client under `minutes-lint`, e.g. `{"rules": {"first-person": "off"}}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClientSettings {
    pub rules: BTreeMap<String, RuleLevel>,
}

impl ClientSettings {
    /// Reads settings; returns them and a message for every entry that was not understood.
    pub fn from_json(value: &Value) -> (ClientSettings, Vec<String>) {
        let mut settings = ClientSettings::default();
        let mut problems = Vec::new();
        // Accept both the section itself and an object holding it.
        let value = value.get("minutes-lint").unwrap_or(value);
        if let Some(rules) = value.get("rules").and_then(Value::as_object) {
            for (name, level) in rules {
                if rules::find(name).is_none() {
                    problems.push(format!("settings: unknown rule `{name}` in minutes-lint.rules"));
                    continue;
                }
                let Some(word) = level.as_str() else {
                    problems.push(format!("settings: rule `{name}` needs a string level"));
                    continue;
                };
                let Some(level) = RuleLevel::parse(word) else {
                    problems.push(format!(
                        "settings: rule `{name}` has level `{word}`; use off, info, warning or error"
                    ));
                    continue;
                };
                settings.rules.insert(name.clone(), level);
            }
        }
        (settings, problems)
    }
}

/// The config for one document.
#[derive(Clone, Debug)]
pub struct DocumentConfig {
    pub config: Arc<Config>,
    /// The document's path relative to the config's folder, for `[per-file]` and the format.
    pub relative_path: Option<String>,
    /// The config file in force, when there is one.
    pub file: Option<PathBuf>,
}

/// All config state of the server: the shared [`Resolver`] (which falls back to a file's last
/// good config while it is broken) with the client's settings as its overrides.
#[derive(Debug, Default)]
pub struct ConfigState {
    resolver: Resolver,
    settings: ClientSettings,
}

impl ConfigState {
    /// Replaces the client settings; true when they changed.
    pub fn set_settings(&mut self, settings: ClientSettings) -> bool {
        if settings == self.settings {
            return false;
        }
        self.resolver.set_overrides(settings.rules.clone());
        self.settings = settings;
        true
    }

    /// Forgets what was read from disk (a config file changed). Last good configs are kept.
    pub fn files_changed(&mut self) {
        self.resolver.files_changed();
    }

    /// The config for a document at `path` (None for an unsaved document). The error, when a
    /// config file is broken, is returned once per distinct message, to be shown to the user.
    pub fn for_document(&mut self, path: Option<&Path>) -> (DocumentConfig, Option<ConfigError>) {
        let (resolved, error) = self.resolver.resolve_or_last_good(path);
        let config = DocumentConfig {
            config: resolved.config,
            relative_path: path.map(|_| resolved.relative_path),
            file: resolved.file,
        };
        (config, error)
    }
}

/// True when a path names a config file.
pub fn is_config_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == CONFIG_FILE_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::diagnostic::Severity;
    use serde_json::json;

    #[test]
    fn client_settings_override_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE_NAME), "[rules]\nfirst-person = \"error\"\n").unwrap();
        let mut state = ConfigState::default();
        let doc = dir.path().join("a.minutes");
        let (c, e) = state.for_document(Some(&doc));
        assert!(e.is_none());
        assert_eq!(
            c.config.rules.get("first-person"),
            Some(&RuleLevel::On(Severity::Error))
        );
        let (s, problems) = ClientSettings::from_json(&json!({"rules": {"first-person": "off", "nope": "off"}}));
        assert_eq!(problems.len(), 1);
        assert!(state.set_settings(s));
        let (c, _) = state.for_document(Some(&doc));
        assert_eq!(c.config.rules.get("first-person"), Some(&RuleLevel::Off));
        assert_eq!(c.relative_path.as_deref(), Some("a.minutes"));
    }

    #[test]
    fn a_broken_file_keeps_the_last_good_config() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(CONFIG_FILE_NAME);
        std::fs::write(&file, "[rules]\nfirst-person = \"off\"\n").unwrap();
        let mut state = ConfigState::default();
        let doc = dir.path().join("a.minutes");
        state.for_document(Some(&doc));
        std::fs::write(&file, "[rules\n").unwrap();
        state.files_changed();
        let (c, e) = state.for_document(Some(&doc));
        let e = e.expect("error reported");
        assert!(e.to_string().contains("minutes-lint.toml:1"), "{e}");
        assert_eq!(c.config.rules.get("first-person"), Some(&RuleLevel::Off));
        // Reported once.
        assert!(state.for_document(Some(&doc)).1.is_none());
    }
}
