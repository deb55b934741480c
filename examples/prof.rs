//! Profiling aid: parses and lints the file named on the command line once.
fn main() {
    let path = std::env::args().nth(1).expect("a draft to parse");
    let text = std::fs::read_to_string(path).expect("readable draft");
    let config = minutes_lint::Config::default();
    let linted = minutes_lint::lint(&text, &config, Some("draft.minutes"));
    eprintln!("{} diagnostics", linted.diagnostics.len());
}
