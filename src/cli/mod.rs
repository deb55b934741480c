//! The command line: `minutes-lint check`, `rule`, `outline`, `server`.
//!
//! - [`args`]: the grammar (clap);
//! - [`files`]: finding drafts in folders;
//! - [`check`]: the check runner, also a library function ([`check::run_check`]);
//! - [`output`]: human, JSON, SARIF and GitHub formats;
//! - [`write`]: writing fixed drafts atomically;
//! - [`rule`]: listing and explaining rules;
//! - [`outline`]: the structure of a draft as read.

pub mod args;
pub mod check;
pub mod files;
pub mod outline;
pub mod output;
pub mod rule;
pub mod write;

pub use check::{check_files, run_check, CheckOptions, CheckRun};

use args::{Cli, Command};
use clap::Parser;
use std::io::{self, BufWriter, Write};

/// Runs the command line with the process's arguments; returns the exit code.
pub fn main() -> i32 {
    run(std::env::args_os())
}

/// Runs the command line with these arguments (the first is the program name).
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    match cli.command {
        Command::Server => crate::server::run(),
        Command::Rule { name } => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            let code = rule::run_rule(name.as_deref(), &mut out, &mut io::stderr()).unwrap_or(2);
            let _ = out.flush();
            code
        }
        Command::Outline { file, format } => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            let code = outline::run_outline(&file, format, &mut out, &mut io::stderr()).unwrap_or(2);
            let _ = out.flush();
            code
        }
        Command::Check(args) => {
            let stdout = io::stdout();
            let color = anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never;
            let options = CheckOptions::from_args(args, color);
            let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
            let code = run_check(&options, &mut io::stdin().lock(), &mut out, &mut io::stderr());
            match out.flush() {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    eprintln!("minutes-lint: cannot write the output: {e}");
                    2
                }
                _ => code,
            }
        }
    }
}
