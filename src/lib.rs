//! minutes-lint: understands drafts of committee minutes and reports what a careful reviewer would catch.
//!
//! The crate has a pure core ([`core`]) and edges that talk to the world: the command line
//! ([`cli`]), the language server ([`server`]) and the Word reader ([`docx`]). Only the edges know about files, terminals,
//! LSP, tokio or ropey; a test (`tests/architecture.rs`) keeps it that way.

pub mod cli;
pub mod core;
pub mod docx;
pub mod server;
pub mod workspace;

pub use crate::core::config::Config;
pub use crate::core::diagnostic::{Applicability, Diagnostic, Edit, Fix, Related, Severity};
pub use crate::core::lint::{lint, Linted};
pub use crate::core::model::Minutes;
pub use crate::core::parse::{parse, parse_with};
pub use crate::core::text::{LineIndex, Span};
