//! One lint of one document version, kept for the requests that follow (hover, symbols, …).

use crate::core::config::Config;
use crate::core::lint::{lint, Linted};
use crate::core::text::ColumnUnit;
use crate::server::convert::{self, Lines};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;
use tower_lsp::lsp_types::{self as lsp, Url};

/// A linted version of a document with its LSP diagnostics.
#[derive(Debug)]
pub struct Analysis {
    pub version: i32,
    pub text: String,
    pub linted: Linted,
    pub config: Arc<Config>,
    pub path: Option<String>,
    pub unit: ColumnUnit,
    pub diagnostics: Vec<lsp::Diagnostic>,
}

impl Analysis {
    pub fn lines(&self) -> Lines<'_> {
        Lines::new(&self.text, &self.linted.lines, self.unit)
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
    let linted = catch_unwind(AssertUnwindSafe(|| lint(&text, &config, path.as_deref())))
        .map_err(panic_message)?;
    let diagnostics = convert::diagnostics(
        &Lines::new(&text, &linted.lines, unit),
        uri,
        version,
        &linted.diagnostics,
    );
    Ok(Analysis {
        version,
        text,
        linted,
        config,
        path,
        unit,
        diagnostics,
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
