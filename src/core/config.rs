//! `minutes-lint.toml`: reading it (pure: text in, [`Config`] or a located error out).
//!
//! Finding the file on disk is the edges' job (`crate::workspace`).

use crate::core::diagnostic::Severity;
use crate::core::model::{AttendanceKind, Procedural};
use crate::core::vocabulary::Vocabulary;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use toml::Spanned;

/// The name of the config file looked for beside and above each draft.
pub const CONFIG_FILE_NAME: &str = "minutes-lint.toml";

/// A rule's configured level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleLevel {
    Off,
    On(Severity),
}

impl RuleLevel {
    /// The words a rule level is written with, in the config, the editors' settings and the VS
    /// Code extension's schema (`editors/vscode/package.json`, checked by a test).
    pub const WORDS: [&'static str; 4] = ["off", "info", "warning", "error"];

    /// The one parse of a rule level: exactly one of [`RuleLevel::WORDS`].
    pub fn parse(word: &str) -> Option<RuleLevel> {
        match word {
            "off" => Some(RuleLevel::Off),
            other => Severity::parse(other).map(RuleLevel::On),
        }
    }
}

/// Which sections `missing-section` asks a whole-meeting draft for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequiredSections {
    pub meeting_date: bool,
    pub attendance: bool,
    pub declarations: bool,
    pub next_meeting: bool,
}

impl Default for RequiredSections {
    fn default() -> Self {
        RequiredSections {
            meeting_date: true,
            attendance: true,
            declarations: true,
            next_meeting: true,
        }
    }
}

/// "Councillor" or "Cllr", the title style a council prefers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CouncillorStyle {
    Councillor,
    Cllr,
}

/// The body whose minutes these are (`[committee]`): optional, and the rules that need it are
/// silent without it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Committee {
    /// Members as written in the minutes ("A Brook", "Cllr C Dunn").
    pub members: Vec<String>,
    /// Named substitutes, who may sit and vote in a member's place.
    pub substitutes: Vec<String>,
    /// Voting members needed in the room for business to be done.
    pub quorum: Option<u32>,
    /// Words an item taken in private may run to in the public minutes.
    pub exempt_words: usize,
}

impl Default for Committee {
    fn default() -> Self {
        Committee {
            members: Vec::new(),
            substitutes: Vec::new(),
            quorum: None,
            exempt_words: 120,
        }
    }
}

/// Rules switched off for files matching a glob (relative to the config file's folder).
#[derive(Clone, Debug)]
pub struct PerFileIgnore {
    pub pattern: String,
    pub matcher: globset::GlobMatcher,
    pub rules: Vec<String>,
}

/// Everything the engine can be told.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Level per rule name; rules not listed keep their default severity.
    pub rules: BTreeMap<String, RuleLevel>,
    /// Acronyms that never need spelling out (added to the built-in known list).
    pub known_acronyms: Vec<String>,
    /// Long forms for acronyms; an acronym in it counts as defined.
    pub glossary: BTreeMap<String, String>,
    pub councillor_style: Option<CouncillorStyle>,
    pub decision_template: Option<String>,
    pub sections: RequiredSections,
    pub vocabulary: Vocabulary,
    pub per_file: Vec<PerFileIgnore>,
    pub committee: Committee,
}

/// A config file that cannot be used, with where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The file's path as the caller named it.
    pub origin: String,
    /// 1-based line and column of the problem, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(col)) => write!(f, "{}:{}:{}: {}", self.origin, line, col, self.message),
            (Some(line), None) => write!(f, "{}:{}: {}", self.origin, line, self.message),
            _ => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads a config from its TOML text; `origin` names the file in error messages, and
    /// `known_rules` are the rule names `[rules]` and `[per-file]` may use (the config knows
    /// nothing of the rules themselves).
    pub fn from_toml(text: &str, origin: &str, known_rules: &[&str]) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map(|s| line_col(text, s.start)).unzip();
            ConfigError {
                origin: origin.to_string(),
                line,
                column,
                message: format!(
                    "{}; see `minutes-lint --help` or the README's Configuration section",
                    e.message().trim_end()
                ),
            }
        })?;
        raw.into_config(text, origin, known_rules)
    }

    /// The level of the rule called `name`: the configured one, else its `default` severity.
    pub fn level(&self, name: &str, default: Severity) -> RuleLevel {
        self.rules.get(name).copied().unwrap_or(RuleLevel::On(default))
    }

    /// True when `rule` is switched off for `path` (relative to the config's folder).
    pub fn ignored_for(&self, path: &str, rule: &str) -> bool {
        self.per_file
            .iter()
            .any(|p| p.matcher.is_match(path) && p.rules.iter().any(|r| r == rule || r == "all"))
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..crate::core::text::floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    acronyms: RawAcronyms,
    #[serde(default)]
    style: RawStyle,
    #[serde(default)]
    sections: RawSections,
    #[serde(default)]
    vocabulary: RawVocabulary,
    #[serde(default, rename = "per-file")]
    per_file: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    #[serde(default)]
    committee: RawCommittee,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCommittee {
    #[serde(default)]
    members: Vec<String>,
    #[serde(default)]
    substitutes: Vec<String>,
    quorum: Option<Spanned<i64>>,
    exempt_words: Option<Spanned<i64>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawAcronyms {
    #[serde(default)]
    known: Vec<String>,
    #[serde(default)]
    glossary: BTreeMap<String, String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawStyle {
    councillor: Option<Spanned<String>>,
    decision_template: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
struct RawSections {
    meeting_date: bool,
    attendance: bool,
    declarations: bool,
    next_meeting: bool,
}

impl Default for RawSections {
    fn default() -> Self {
        let d = RequiredSections::default();
        RawSections {
            meeting_date: d.meeting_date,
            attendance: d.attendance,
            declarations: d.declarations,
            next_meeting: d.next_meeting,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawVocabulary {
    #[serde(default)]
    decision_lines: Vec<String>,
    #[serde(default)]
    decision_openings: Vec<String>,
    #[serde(default)]
    outcome_phrases: Vec<String>,
    #[serde(default)]
    present_headings: Vec<String>,
    #[serde(default)]
    apologies_headings: Vec<String>,
    #[serde(default)]
    in_attendance_headings: Vec<String>,
    #[serde(default)]
    procedural_titles: Vec<String>,
}

impl RawConfig {
    fn into_config(self, text: &str, origin: &str, known_rules: &[&str]) -> Result<Config, ConfigError> {
        let error_at = |offset: usize, message: String| {
            let (line, column) = line_col(text, offset);
            ConfigError {
                origin: origin.to_string(),
                line: Some(line),
                column: Some(column),
                message,
            }
        };
        let mut config = Config::default();
        for (name, level) in self.rules {
            if !known_rules.contains(&name.get_ref().as_str()) {
                return Err(error_at(
                    name.span().start,
                    format!(
                        "unknown rule `{}` in [rules]; `minutes-lint rule` lists the rules",
                        name.get_ref()
                    ),
                ));
            }
            let Some(parsed) = RuleLevel::parse(level.get_ref()) else {
                return Err(error_at(
                    level.span().start,
                    format!(
                        "rule `{}` has level `{}`; use \"off\", \"info\", \"warning\" or \"error\"",
                        name.get_ref(),
                        level.get_ref()
                    ),
                ));
            };
            config.rules.insert(name.into_inner(), parsed);
        }
        config.known_acronyms = self.acronyms.known;
        config.glossary = self.acronyms.glossary;
        if let Some(style) = self.style.councillor {
            config.councillor_style = Some(match style.get_ref().as_str() {
                "Councillor" => CouncillorStyle::Councillor,
                "Cllr" => CouncillorStyle::Cllr,
                other => {
                    return Err(error_at(
                        style.span().start,
                        format!("[style] councillor is `{other}`; use \"Councillor\" or \"Cllr\""),
                    ))
                }
            });
        }
        config.decision_template = self.style.decision_template;
        let s = self.sections;
        config.sections = RequiredSections {
            meeting_date: s.meeting_date,
            attendance: s.attendance,
            declarations: s.declarations,
            next_meeting: s.next_meeting,
        };
        extend_vocabulary(&mut config.vocabulary, self.vocabulary);
        let committee = self.committee;
        config.committee.members = committee.members;
        config.committee.substitutes = committee.substitutes;
        if let Some(quorum) = committee.quorum {
            let value = u32::try_from(*quorum.get_ref())
                .ok()
                .filter(|&q| q >= 1)
                .ok_or_else(|| {
                    error_at(
                        quorum.span().start,
                        format!(
                            "[committee] quorum is {}; use a whole number of 1 or more",
                            quorum.get_ref()
                        ),
                    )
                })?;
            config.committee.quorum = Some(value);
        }
        if let Some(words) = committee.exempt_words {
            let value = usize::try_from(*words.get_ref()).ok().ok_or_else(|| {
                error_at(
                    words.span().start,
                    format!(
                        "[committee] exempt-words is {}; use a whole number of 0 or more",
                        words.get_ref()
                    ),
                )
            })?;
            config.committee.exempt_words = value;
        }
        for (pattern, rule_names) in self.per_file {
            let glob = globset::Glob::new(pattern.get_ref()).map_err(|e| {
                error_at(
                    pattern.span().start,
                    format!("bad glob `{}` in [per-file]: {e}", pattern.get_ref()),
                )
            })?;
            let mut names = Vec::new();
            for rule in rule_names {
                if rule.get_ref() != "all" && !known_rules.contains(&rule.get_ref().as_str()) {
                    return Err(error_at(
                        rule.span().start,
                        format!(
                            "unknown rule `{}` in [per-file]; `minutes-lint rule` lists the rules",
                            rule.get_ref()
                        ),
                    ));
                }
                names.push(rule.into_inner());
            }
            config.per_file.push(PerFileIgnore {
                pattern: pattern.get_ref().clone(),
                matcher: glob.compile_matcher(),
                rules: names,
            });
        }
        Ok(config)
    }
}

fn extend_vocabulary(vocabulary: &mut Vocabulary, raw: RawVocabulary) {
    vocabulary.decision_lines.extend(raw.decision_lines);
    vocabulary.decision_openings.extend(raw.decision_openings);
    for phrase in raw.outcome_phrases {
        vocabulary.add_outcome_phrase(phrase);
    }
    let headings = [
        (raw.present_headings, AttendanceKind::Present),
        (raw.apologies_headings, AttendanceKind::Apologies),
        (raw.in_attendance_headings, AttendanceKind::InAttendance),
    ];
    for (words, kind) in headings {
        // Configured headings go first so that a longer house-style heading wins over a built-in prefix.
        for word in words.into_iter().rev() {
            vocabulary.attendance_headings.insert(0, (word, kind));
        }
    }
    for title in raw.procedural_titles {
        vocabulary.add_procedural_title(&title, Procedural::Urgent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rule names for these tests; the real list comes from the rule table.
    const KNOWN: &[&str] = &["first-person", "missing-section", "title-style"];

    #[test]
    fn reads_the_design_sketch() {
        let text = r#"
[rules]
missing-section = "off"
title-style = "warning"

[acronyms]
known = ["NHS", "UK", "Ofsted"]
[acronyms.glossary]
SEND = "special educational needs and disabilities"

[style]
councillor = "Councillor"
decision-template = "RESOLVED – That the report be noted."
"#;
        let config = Config::from_toml(text, "minutes-lint.toml", KNOWN).unwrap();
        assert_eq!(config.rules.get("missing-section"), Some(&RuleLevel::Off));
        assert_eq!(config.rules.get("title-style"), Some(&RuleLevel::On(Severity::Warning)));
        assert_eq!(config.known_acronyms, vec!["NHS", "UK", "Ofsted"]);
        assert_eq!(config.councillor_style, Some(CouncillorStyle::Councillor));
        assert!(config.glossary.contains_key("SEND"));
    }

    #[test]
    fn unknown_keys_name_file_line_and_key() {
        let err = Config::from_toml("[style]\ncolour = \"red\"\n", "x/minutes-lint.toml", KNOWN).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("colour"), "{}", err.message);
        assert!(err.to_string().starts_with("x/minutes-lint.toml:2:"), "{err}");
    }

    #[test]
    fn unknown_rules_and_levels_are_errors() {
        let err = Config::from_toml("[rules]\nno-such-rule = \"off\"\n", "c.toml", KNOWN).unwrap_err();
        assert!(err.message.contains("no-such-rule"));
        assert_eq!(err.line, Some(2));
        let err = Config::from_toml("[rules]\nfirst-person = \"loud\"\n", "c.toml", KNOWN).unwrap_err();
        assert!(err.message.contains("loud"));
    }

    #[test]
    fn wrong_types_are_errors() {
        let err = Config::from_toml("[acronyms]\nknown = \"NHS\"\n", "c.toml", KNOWN).unwrap_err();
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn reads_the_committee() {
        let text = "[committee]\nmembers = [\"A Brook\", \"C Dunn\", \"E Frost\"]\nsubstitutes = [\"A Patel\"]\nquorum = 3\nexempt-words = 80\n";
        let config = Config::from_toml(text, "c.toml", KNOWN).unwrap();
        assert_eq!(config.committee.members, vec!["A Brook", "C Dunn", "E Frost"]);
        assert_eq!(config.committee.substitutes, vec!["A Patel"]);
        assert_eq!(config.committee.quorum, Some(3));
        assert_eq!(config.committee.exempt_words, 80);
        let defaults = Config::from_toml("", "c.toml", KNOWN).unwrap();
        assert_eq!(defaults.committee.quorum, None);
        assert_eq!(defaults.committee.exempt_words, 120);
    }

    #[test]
    fn committee_mistakes_name_the_line() {
        let err = Config::from_toml("[committee]\nquorum = 0\n", "c.toml", KNOWN).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("quorum"), "{}", err.message);
        let err = Config::from_toml("[committee]\n\nchair = \"A Brook\"\n", "c.toml", KNOWN).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("chair"), "{}", err.message);
    }

    #[test]
    fn per_file_ignores_match_globs() {
        let config = Config::from_toml("[per-file]\n\"old/**\" = [\"first-person\"]\n", "c.toml", KNOWN).unwrap();
        assert!(config.ignored_for("old/2019/a.txt", "first-person"));
        assert!(!config.ignored_for("new/a.txt", "first-person"));
    }
}
