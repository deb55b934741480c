//! One version of one document, immutable: a [`Snapshot`] (its text, line index and config, made
//! by the store when the version arrives) and its [`Analysis`] (the core's lint with its shared
//! analyses), computed at most once per snapshot by whichever needs it first (the lint task or a
//! request) and read by every feature.

use crate::core::analysis::acronyms::AcronymAnalysis;
use crate::core::analysis::people::PeopleAnalysis;
use crate::core::analysis::proceedings::Proceedings;
use crate::core::analysis::Analyses;
use crate::core::config::Config;
use crate::core::diagnostic::Diagnostic;
use crate::core::lint::lint_indexed;
use crate::core::model::Minutes;
use crate::core::text::{ColumnUnit, LineIndex};
use crate::server::convert::{self, Lines};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, OnceLock};
use tower_lsp::lsp_types::{self as lsp, Url};

/// One version of a document as the store handed it out. Text and line index are shared with
/// the store (and with the next snapshot when only the config changed), never copied.
#[derive(Debug)]
pub struct Snapshot {
    pub uri: Url,
    pub version: i32,
    pub text: Arc<String>,
    pub index: Arc<LineIndex>,
    pub unit: ColumnUnit,
    pub config: Arc<Config>,
    /// The document's path relative to its config's folder, for `[per-file]` and the format.
    pub path: Option<String>,
    analysis: OnceLock<Result<Analysis, String>>,
}

impl Snapshot {
    pub fn new(
        uri: Url,
        version: i32,
        text: Arc<String>,
        index: Arc<LineIndex>,
        unit: ColumnUnit,
        config: Arc<Config>,
        path: Option<String>,
    ) -> Self {
        Snapshot {
            uri,
            version,
            text,
            index,
            unit,
            config,
            path,
            analysis: OnceLock::new(),
        }
    }

    /// Whether the analysis was made (or tried) already.
    pub fn is_analysed(&self) -> bool {
        self.analysis.get().is_some()
    }

    /// Position conversion for this version's text.
    pub fn lines(&self) -> Lines<'_> {
        Lines::new(&self.text, &self.index, self.unit)
    }

    /// The lint of this version, computed on the first call (which blocks: call it off the async
    /// runtime's threads) and shared by every later one. A panic in the core is caught and kept
    /// as its message, so a version that panics is not linted again.
    pub fn analysis(&self) -> Result<&Analysis, &str> {
        self.analysis
            .get_or_init(|| {
                catch_unwind(AssertUnwindSafe(|| {
                    lint_indexed(&self.text, &self.index, &self.config, self.path.as_deref())
                }))
                .map_err(panic_message)
                .map(|(minutes, diagnostics, analyses)| Analysis {
                    uri: self.uri.clone(),
                    version: self.version,
                    text: self.text.clone(),
                    unit: self.unit,
                    config: self.config.clone(),
                    path: self.path.clone(),
                    linted: Linted {
                        minutes,
                        lines: self.index.clone(),
                        diagnostics,
                        analyses,
                    },
                    acronyms: OnceLock::new(),
                    people: OnceLock::new(),
                    proceedings: OnceLock::new(),
                })
            })
            .as_ref()
            .map_err(String::as_str)
    }
}

/// The core's lint of one version, over the snapshot's own line index.
#[derive(Debug)]
pub struct Linted {
    pub minutes: Minutes,
    pub lines: Arc<LineIndex>,
    pub diagnostics: Vec<Diagnostic>,
    pub analyses: Analyses,
}

/// A linted version of a document, what every feature reads. LSP diagnostics and fix edits are
/// built from it when needed, never kept.
#[derive(Debug)]
pub struct Analysis {
    pub uri: Url,
    pub version: i32,
    pub text: Arc<String>,
    pub unit: ColumnUnit,
    pub config: Arc<Config>,
    pub path: Option<String>,
    pub linted: Linted,
    /// Built on the first request that needs them, only when no rule computed them in the lint.
    acronyms: OnceLock<AcronymAnalysis>,
    people: OnceLock<PeopleAnalysis>,
    proceedings: OnceLock<Proceedings>,
}

impl Analysis {
    /// The acronyms of this version: the rules' own analysis, or built now when no rule ran it.
    pub fn acronyms(&self) -> &AcronymAnalysis {
        if let Some(shared) = &self.linted.analyses.acronyms {
            return shared;
        }
        self.acronyms
            .get_or_init(|| AcronymAnalysis::new(&self.text, &self.linted.minutes, &self.config))
    }

    /// The people of this version: the rules' own analysis, or built now when no rule ran it.
    pub fn people(&self) -> &PeopleAnalysis {
        if let Some(shared) = &self.linted.analyses.people {
            return shared;
        }
        self.people
            .get_or_init(|| PeopleAnalysis::new(&self.text, &self.linted.minutes))
    }

    /// The proceedings of this version: the rules' own, or read now when no rule read them.
    pub fn proceedings(&self) -> &Proceedings {
        if let Some(shared) = &self.linted.analyses.proceedings {
            return shared;
        }
        self.proceedings
            .get_or_init(|| Proceedings::new(&self.text, &self.linted.minutes, self.people()))
    }

    pub fn lines(&self) -> Lines<'_> {
        Lines::new(&self.text, &self.linted.lines, self.unit)
    }

    /// The findings as LSP diagnostics, in the order of `linted.diagnostics`.
    pub fn diagnostics(&self) -> Vec<lsp::Diagnostic> {
        convert::diagnostics(&self.lines(), &self.uri, &self.linted.diagnostics)
    }
}

/// A snapshot whose analysis is known to exist: it reads as that [`Analysis`] and can be moved
/// to the thread that runs a feature.
#[derive(Clone, Debug)]
pub struct Analysed(Arc<Snapshot>);

impl Analysed {
    /// Analyses the snapshot (blocking; see [`Snapshot::analysis`]).
    pub fn new(snapshot: Arc<Snapshot>) -> Result<Self, String> {
        snapshot.analysis().map_err(str::to_string)?;
        Ok(Analysed(snapshot))
    }

    pub fn snapshot(&self) -> &Arc<Snapshot> {
        &self.0
    }
}

impl std::ops::Deref for Analysed {
    type Target = Analysis;

    fn deref(&self) -> &Analysis {
        match self.0.analysis.get() {
            Some(Ok(analysis)) => analysis,
            _ => unreachable!("an Analysed snapshot was analysed when it was made"),
        }
    }
}

/// Lints a text on its own (tests and benches): a snapshot of it, analysed.
pub fn analyse(
    uri: &Url,
    version: i32,
    text: String,
    config: Arc<Config>,
    path: Option<String>,
    unit: ColumnUnit,
) -> Result<Analysed, String> {
    let index = Arc::new(LineIndex::new(&text));
    let snapshot = Snapshot::new(uri.clone(), version, Arc::new(text), index, unit, config, path);
    Analysed::new(Arc::new(snapshot))
}

/// The message of a caught panic.
pub fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}
