//! The language server.

/// Runs the language server over stdio; returns the exit code. (Placeholder until the server
/// lands.)
pub fn run() -> i32 {
    eprintln!("the language server is not built yet");
    2
}
