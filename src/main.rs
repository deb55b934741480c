//! The `minutes-lint` binary: everything is in the library's `cli` module.

fn main() {
    std::process::exit(minutes_lint::cli::main());
}
