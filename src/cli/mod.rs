//! The command line: `minutes-lint check`, `rule`, `server`.

/// Runs the command line with the process's arguments; returns the exit code.
pub fn main() -> i32 {
    // Minimal dispatch until the real argument parser lands; it calls the same entry point.
    if std::env::args().nth(1).as_deref() == Some("server") {
        return crate::server::run();
    }
    0
}
