//! One lint of one document version, kept for the requests that follow (hover, symbols, …).

use crate::core::analysis::acronyms::AcronymAnalysis;
use crate::core::analysis::people::PeopleAnalysis;
use crate::core::config::Config;
use crate::core::lint::{lint, Linted};
use crate::core::text::ColumnUnit;
use crate::server::convert::{self, Lines};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, OnceLock};
use tower_lsp::lsp_types::{self as lsp, Url};

/// A linted version of a document. Its LSP diagnostics are built when needed rather than kept:
/// with their fixes as JSON in `data` they would cost far more memory than the lint itself.
#[derive(Debug)]
pub struct Analysis {
    pub uri: Url,
    pub version: i32,
    pub text: String,
    pub linted: Linted,
    pub config: Arc<Config>,
    pub path: Option<String>,
    pub unit: ColumnUnit,
    /// Built on the first request that needs them, only when no rule computed them in the lint.
    acronyms: OnceLock<AcronymAnalysis>,
    people: OnceLock<PeopleAnalysis>,
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

    pub fn lines(&self) -> Lines<'_> {
        Lines::new(&self.text, &self.linted.lines, self.unit)
    }

    /// The findings as LSP diagnostics, fixes in `data`, in the order of `linted.diagnostics`.
    pub fn diagnostics(&self) -> Vec<lsp::Diagnostic> {
        convert::diagnostics(&self.lines(), &self.uri, self.version, &self.linted.diagnostics)
    }
}

/// Lints a text and converts its findings. A panic in the core is caught and returned as an
/// error message; the server logs it and keeps serving.
pub fn analyse(
    uri: &Url,
    version: i32,
    text: String,
    config: Arc<Config>,
    path: Option<String>,
    unit: ColumnUnit,
) -> Result<Analysis, String> {
    let linted = catch_unwind(AssertUnwindSafe(|| lint(&text, &config, path.as_deref()))).map_err(panic_message)?;
    Ok(Analysis {
        uri: uri.clone(),
        version,
        text,
        linted,
        config,
        path,
        unit,
        acronyms: OnceLock::new(),
        people: OnceLock::new(),
    })
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
