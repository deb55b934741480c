//! The command line's grammar (clap).

use crate::core::diagnostic::Severity;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A linter and language server for the minutes of UK local-government committee meetings.
///
/// Exit codes: 0 no finding at or above --fail-on; 1 findings; 2 a usage, config or I/O error,
/// or no draft found to check.
#[derive(Debug, Parser)]
#[command(name = "minutes-lint", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check drafts (files or folders; `-` reads standard input) and report findings.
    Check(CheckArgs),
    /// Run the language server over stdio.
    Server,
    /// List the rules, or print one rule's documentation.
    Rule {
        /// The rule to explain (omit to list every rule).
        name: Option<String>,
    },
    /// Print the structure of a draft as read: header, attendance, items and decisions.
    Outline {
        /// The draft to read.
        file: PathBuf,
        /// Output format (`human` or `json`).
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
    },
}

/// How findings are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Like a compiler: the source line with the span underlined.
    #[default]
    Human,
    /// One JSON array (a stable shape other tools read).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// One self-contained HTML page (summary, each finding in context, suggested fixes), for a
    /// reviewer or to keep as a CI artifact.
    Html,
}

/// The lowest severity that makes the exit code 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    #[default]
    Warning,
    Info,
}

impl FailOn {
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

#[derive(Debug, Default, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check (folders are walked for `.minutes`, `.minutes.txt` and
    /// `.minutes.md` files, honouring .gitignore). `-` reads standard input. Default: `.`
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Apply safe fixes to the files (atomically; line endings and BOM are kept).
    #[arg(long)]
    pub fix: bool,
    /// Also apply (with --fix) or count as fixable the fixes that need a person's review.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change; writes nothing (even with --fix).
    /// Exits 1 when there is something to change or a finding at --fail-on remains.
    #[arg(long)]
    pub diff: bool,
    /// Exit with 1 when a finding at or above this severity remains.
    #[arg(long, value_enum, default_value_t)]
    pub fail_on: FailOn,
    /// Use this config file instead of discovering `minutes-lint.toml` beside each draft.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The name of the draft read from standard input (`-`): used in output, to pick the
    /// format (`.md` is Markdown) and to find its config.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Print only the findings: no summary, no fix hints.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print how many findings each rule produced instead of each finding.
    #[arg(long)]
    pub statistics: bool,
}
