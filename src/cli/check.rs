//! `minutes-lint check`: find the drafts, resolve their configs once per folder, read and lint
//! them in parallel, fix or diff them, print the findings in a stable order.
//!
//! [`run_check`] is the whole command as a library function (the binary, the tests and the
//! benchmark call it); [`check_files`] is the part without printing.

use super::args::{CheckArgs, OutputFormat};
use super::files::{describe_io, discover, is_word_name, no_drafts_message};
use super::output::{self, human, FileReport, Totals};
use super::write::{check_writable, write_atomically};
use crate::core::diagnostic::Severity;
use crate::core::fix::fix_all;
use crate::core::lint::{lint, lint_with_facts};
use crate::docx::{apply_fixes, read_docx, WordDraft};
use crate::workspace::{DocumentConfig, Resolver};
use rayon::prelude::*;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Everything `check` was asked to do.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    pub format: OutputFormat,
    pub fix: bool,
    pub unsafe_fixes: bool,
    pub diff: bool,
    pub fail_on: Severity,
    pub config: Option<PathBuf>,
    pub stdin_filename: Option<PathBuf>,
    pub quiet: bool,
    pub statistics: bool,
    /// Colour the human output (the binary decides from the terminal and NO_COLOR).
    pub color: bool,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            paths: Vec::new(),
            format: OutputFormat::Human,
            fix: false,
            unsafe_fixes: false,
            diff: false,
            fail_on: Severity::Warning,
            config: None,
            stdin_filename: None,
            quiet: false,
            statistics: false,
            color: false,
        }
    }
}

impl CheckOptions {
    pub fn from_args(args: CheckArgs, color: bool) -> Self {
        CheckOptions {
            paths: args.paths,
            format: args.format,
            fix: args.fix,
            unsafe_fixes: args.unsafe_fixes,
            diff: args.diff,
            fail_on: args.fail_on.severity(),
            config: args.config,
            stdin_filename: args.stdin_filename,
            quiet: args.quiet,
            statistics: args.statistics,
            color,
        }
    }

    fn fixing(&self) -> bool {
        self.fix || self.diff
    }
}

/// One draft to check: where it is and the config that applies.
#[derive(Debug)]
struct Source {
    /// The path as printed.
    display: String,
    /// The file, or `None` for standard input.
    file: Option<PathBuf>,
    /// The config, and the path relative to its folder (for `[per-file]` and the format).
    config: DocumentConfig,
    /// A plain `.txt` or `.docx` found by a folder walk: checked only if it reads as minutes.
    tentative: bool,
    /// A Word draft (`.docx`, by its name or `--stdin-filename`).
    word: bool,
}

/// A draft as read: text, or a Word document (its bytes and what was read from them).
#[derive(Clone)]
enum Draft {
    Text(String),
    Word(Vec<u8>, Box<WordDraft>),
}

/// A checked draft.
#[derive(Debug)]
pub struct Checked {
    /// What to print: findings (after fixing, when fixing) against the text they point into.
    pub report: FileReport,
    /// The file on disk (`None` for standard input).
    pub file: Option<PathBuf>,
    /// The text as read, when fixing changed it (for `--diff`).
    pub original: Option<String>,
    /// True when fixing changed the text (`report.text` is then the fixed text).
    pub changed: bool,
    /// The config file that applied, if any.
    pub config_file: Option<PathBuf>,
    /// For a Word draft with `--fix`/`--diff`: the document to write (written only when
    /// `changed`; `report.text` is then the fixed document's text, not what is written).
    pub word_bytes: Option<Vec<u8>>,
    /// Findings whose fix could not be written into a Word draft.
    pub not_fixable_in_word: Vec<String>,
}

/// The outcome of [`check_files`]: checked drafts sorted by path, and skipped entries.
#[derive(Debug, Default)]
pub struct CheckRun {
    pub checked: Vec<Checked>,
    /// Messages about entries skipped on purpose (symlink loops, FIFOs in folders).
    pub skipped: Vec<String>,
}

/// Finds, reads and lints (and, with `--fix`/`--diff`, fixes in memory) every draft. Any error
/// (missing file, unreadable folder, bad config, invalid UTF-8) fails the whole run before
/// anything is written; all errors are returned, not just the first.
pub fn check_files(options: &CheckOptions, stdin: Option<&mut dyn Read>) -> Result<CheckRun, Vec<String>> {
    let mut errors = Vec::new();
    // `--stdin-filename` without paths means standard input, as in other linters.
    let stdin_only = options.paths.is_empty() && options.stdin_filename.is_some();
    let wants_stdin = stdin_only || options.paths.iter().any(|p| p.as_os_str() == "-");
    let file_paths: Vec<PathBuf> = if stdin_only {
        Vec::new()
    } else if options.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        options.paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect()
    };
    let mut discovery = if file_paths.is_empty() {
        Default::default()
    } else {
        discover(&file_paths)
    };
    errors.append(&mut discovery.errors);

    // Configs: the one given, or one lookup per folder (not per file), by the resolver the
    // server uses too.
    let mut resolver = match &options.config {
        Some(file) => match Resolver::with_file(file) {
            Ok(resolver) => resolver,
            Err(e) => return Err(vec![e.to_string()]),
        },
        None => Resolver::new(),
    };
    let mut config_errors: Vec<String> = Vec::new();
    let mut resolve = |document: &Path| -> Option<DocumentConfig> {
        match resolver.resolve(document) {
            Ok(resolved) => Some(resolved),
            Err(e) => {
                let message = e.to_string();
                if !config_errors.contains(&message) {
                    config_errors.push(message);
                }
                None
            }
        }
    };

    let mut sources = Vec::with_capacity(discovery.files.len() + 1);
    for file in &discovery.files {
        if let Some(config) = resolve(file) {
            sources.push(Source {
                display: display_path(file),
                file: Some(file.clone()),
                config,
                tentative: discovery.tentative.contains(file),
                word: is_word_name(file),
            });
        }
    }
    let mut stdin_text: Option<Draft> = None;
    if wants_stdin {
        let name = options.stdin_filename.clone().unwrap_or_else(|| PathBuf::from("-"));
        let lookup = if options.stdin_filename.is_some() {
            name.clone()
        } else {
            PathBuf::from("stdin")
        };
        if let Some(config) = resolve(&lookup) {
            let display = display_path(&name);
            let word = options.stdin_filename.as_deref().is_some_and(is_word_name);
            let mut bytes = Vec::new();
            match stdin.map(|s| s.read_to_end(&mut bytes)) {
                Some(Ok(_)) => match read_bytes(bytes, &display, word) {
                    Ok(read) => stdin_text = Some(read),
                    Err(e) => errors.push(e),
                },
                Some(Err(e)) => errors.push(format!("{display}: cannot read standard input: {e}")),
                None => errors.push(format!("{display}: no standard input to read")),
            }
            sources.push(Source {
                display,
                file: None,
                config,
                tentative: false,
                word,
            });
        }
    }
    errors.append(&mut config_errors);
    if !errors.is_empty() {
        return Err(errors);
    }

    // Read and lint in parallel; each file is read once.
    // Each draft: checked, or (`Err(is_word)`) a walked candidate that does not read as minutes.
    let check_source = |source: Source| -> Result<Result<Checked, bool>, String> {
        let read = match &source.file {
            Some(file) => read_draft(file, &source.display, source.word)?,
            None => match stdin_text.clone() {
                Some(draft) => draft,
                None => Draft::Text(String::new()),
            },
        };
        let text = match &read {
            Draft::Text(text) => text.as_str(),
            Draft::Word(_, draft) => draft.text.as_str(),
        };
        if source.tentative && !reads_as_minutes(text) {
            return Ok(Err(source.word));
        }
        Ok(Ok(match read {
            Draft::Text(text) => check_one(source, text, options),
            Draft::Word(bytes, draft) => check_word(source, bytes, *draft, options)?,
        }))
    };
    // One draft (a pre-commit hook, an editor's save) is checked on this thread: starting the
    // thread pool would cost more than the draft.
    let results: Vec<Result<Result<Checked, bool>, String>> = if sources.len() == 1 {
        sources.into_iter().map(check_source).collect()
    } else {
        sources.into_par_iter().map(check_source).collect()
    };
    let mut checked = Vec::with_capacity(results.len());
    let (mut not_minutes, mut word_not_minutes) = (0, 0);
    for result in results {
        match result {
            Ok(Ok(c)) => checked.push(c),
            Ok(Err(false)) => not_minutes += 1,
            Ok(Err(true)) => word_not_minutes += 1,
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Finding nothing to check is not a pass: a wrong path or an empty folder would otherwise
    // read as clean minutes.
    if checked.is_empty() {
        return Err(vec![no_drafts_message(&file_paths, not_minutes, word_not_minutes)]);
    }
    checked.sort_by(|a, b| a.report.path.cmp(&b.report.path));
    Ok(CheckRun {
        checked,
        skipped: discovery.skipped,
    })
}

/// True when a plain `.txt` holds minutes: numbered items, an attendance list or an agenda item.
fn reads_as_minutes(text: &str) -> bool {
    let minutes = crate::core::parse::parse(text);
    minutes.shape == crate::core::model::Shape::SingleItem
        || !minutes.items.is_empty()
        || !minutes.attendance.is_empty()
}

impl Checked {
    /// A draft checked and not (yet) changed.
    fn unchanged(report: FileReport, file: Option<PathBuf>, config_file: Option<PathBuf>) -> Checked {
        Checked {
            report,
            file,
            original: None,
            changed: false,
            config_file,
            word_bytes: None,
            not_fixable_in_word: Vec::new(),
        }
    }
}

fn check_one(source: Source, text: String, options: &CheckOptions) -> Checked {
    let config = &source.config.config;
    let config_file = source.config.file.clone();
    let relative = Some(source.config.relative_path.as_str());
    if options.fixing() {
        let outcome = fix_all(&text, config, relative, options.unsafe_fixes);
        let changed = outcome.text != text;
        let fixed = outcome.total_applied();
        let mut report = FileReport::new(source.display, outcome.text, outcome.remaining);
        if changed {
            report.fixed = fixed;
            report.fixed_by_rule = outcome.applied;
        }
        Checked {
            original: changed.then_some(text),
            changed,
            ..Checked::unchanged(report, source.file, config_file)
        }
    } else {
        let linted = lint(&text, config, relative);
        let report = FileReport {
            path: source.display,
            text,
            lines: linted.lines,
            diagnostics: linted.diagnostics,
            fixed: 0,
            fixed_by_rule: Vec::new(),
        };
        Checked::unchanged(report, source.file, config_file)
    }
}

/// Checks a Word draft; with `--fix`/`--diff`, applies the fixes that lie inside one run of
/// text (one pass) and reports the findings on the fixed document.
fn check_word(source: Source, bytes: Vec<u8>, draft: WordDraft, options: &CheckOptions) -> Result<Checked, String> {
    let config = &source.config.config;
    let relative = Some(source.config.relative_path.as_str());
    let linted = lint_with_facts(&draft.text, config, relative, Some(&draft.facts));
    let report = FileReport {
        path: source.display.clone(),
        text: String::new(),
        lines: linted.lines,
        diagnostics: linted.diagnostics,
        fixed: 0,
        fixed_by_rule: Vec::new(),
    };
    let mut checked = Checked::unchanged(report, source.file, source.config.file.clone());
    if !options.fixing() {
        checked.report.text = draft.text;
        return Ok(checked);
    }
    let outcome = apply_fixes(&bytes, &draft, &checked.report.diagnostics, options.unsafe_fixes)
        .map_err(|e| format!("{}: {e}. Nothing was written", source.display))?;
    let lines = crate::core::text::LineIndex::new(&draft.text);
    checked.not_fixable_in_word = outcome
        .not_fixable
        .iter()
        .map(|d| {
            let at = lines.to_line_col(&draft.text, d.span.start, crate::core::text::ColumnUnit::Char);
            format!(
                "{}:{}:{}: {} (not fixable in Word)",
                source.display,
                at.line + 1,
                at.col + 1,
                d.rule
            )
        })
        .collect();
    if !outcome.changed {
        // Standard input with --fix gets the document back unchanged.
        checked.report.text = draft.text;
        checked.word_bytes = Some(outcome.bytes);
        return Ok(checked);
    }
    let fixed = read_docx(&outcome.bytes).map_err(|e| format!("{}: {e}. Nothing was written", source.display))?;
    let relinted = lint_with_facts(&fixed.text, config, relative, Some(&fixed.facts));
    let applied: usize = outcome.applied.iter().map(|(_, n)| n).sum();
    checked.report = FileReport::new(source.display, fixed.text, relinted.diagnostics);
    checked.report.fixed = applied;
    checked.report.fixed_by_rule = outcome.applied;
    checked.original = Some(draft.text);
    checked.changed = true;
    checked.word_bytes = Some(outcome.bytes);
    Ok(checked)
}

/// Reads a draft from disk: text, or a Word document when `word`.
fn read_draft(file: &Path, display: &str, word: bool) -> Result<Draft, String> {
    if !word {
        return read_text(file, display).map(Draft::Text);
    }
    let bytes = std::fs::read(file).map_err(|e| format!("{display}: cannot read: {}", describe_io(&e)))?;
    read_bytes(bytes, display, true)
}

/// Reads a draft from its bytes.
fn read_bytes(bytes: Vec<u8>, display: &str, word: bool) -> Result<Draft, String> {
    if word {
        let draft = read_docx(&bytes).map_err(|e| format!("{display}: {e}. Nothing was checked or written"))?;
        return Ok(Draft::Word(bytes, Box::new(draft)));
    }
    String::from_utf8(bytes)
        .map(Draft::Text)
        .map_err(|e| utf8_error(display, &e))
}

fn read_text(file: &Path, display: &str) -> Result<String, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{display}: cannot read: {}", describe_io(&e)))?;
    String::from_utf8(bytes).map_err(|e| utf8_error(display, &e))
}

fn utf8_error(display: &str, e: &std::string::FromUtf8Error) -> String {
    let bytes = e.as_bytes();
    // A UTF-16 byte-order mark (FF FE or FE FF): what Word and Notepad write as "Unicode".
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let order = if bytes[0] == 0xFF {
            "little-endian"
        } else {
            "big-endian"
        };
        return format!(
            "{display}: the file is UTF-16 ({order}, it starts with a UTF-16 byte-order mark); save the draft as UTF-8. Nothing was checked or written"
        );
    }
    format!(
        "{display}: not valid UTF-8 (invalid byte at offset {}); save the draft as UTF-8. Nothing was checked or written",
        e.utf8_error().valid_up_to()
    )
}

/// A path as printed: `/` separators on every platform, no leading `./`.
fn display_path(path: &Path) -> String {
    let shown = path.to_string_lossy().replace('\\', "/");
    match shown.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => shown,
    }
}

/// Runs `check` end to end: returns the exit code (0, 1 or 2).
pub fn run_check(options: &CheckOptions, stdin: &mut dyn Read, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match run_check_inner(options, stdin, out, err) {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(err, "minutes-lint: cannot write the output: {e}");
            2
        }
    }
}

fn run_check_inner(
    options: &CheckOptions,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<i32> {
    if options.statistics && !matches!(options.format, OutputFormat::Human | OutputFormat::Json) {
        writeln!(err, "minutes-lint: --statistics works with --format human or json")?;
        return Ok(2);
    }
    let run = match check_files(options, Some(stdin)) {
        Ok(run) => run,
        Err(errors) => {
            for e in errors {
                writeln!(err, "error: {e}")?;
            }
            return Ok(2);
        }
    };
    for message in &run.skipped {
        writeln!(err, "warning: {message}")?;
    }
    for message in run.checked.iter().flat_map(|c| &c.not_fixable_in_word) {
        writeln!(err, "warning: {message}")?;
    }

    // Standard input with --fix: the fixed text goes to stdout, the report to stderr.
    let stdin_fixed = options.fix && !options.diff && run.checked.iter().any(|c| c.file.is_none());

    if options.fix && !options.diff {
        let to_write: Vec<&Checked> = run.checked.iter().filter(|c| c.changed && c.file.is_some()).collect();
        let problems: Vec<String> = to_write
            .iter()
            .filter_map(|c| check_writable(c.file.as_deref()?).err())
            .collect();
        if !problems.is_empty() {
            for p in problems {
                writeln!(err, "error: {p}")?;
            }
            return Ok(2);
        }
        let mut failed = false;
        for c in to_write {
            let file = c.file.as_deref().expect("filtered above");
            let bytes = c.word_bytes.as_deref().unwrap_or(c.report.text.as_bytes());
            if let Err(e) = write_atomically(file, bytes) {
                writeln!(
                    err,
                    "error: {}: cannot write the fixed draft ({}); the original is unchanged",
                    c.report.path,
                    describe_io(&e)
                )?;
                failed = true;
            }
        }
        if failed {
            return Ok(2);
        }
    }

    let mut reports: Vec<FileReport> = Vec::with_capacity(run.checked.len());
    let mut originals: Vec<(Option<PathBuf>, Option<String>, bool)> = Vec::with_capacity(run.checked.len());
    let mut stdin_word: Option<Vec<u8>> = None;
    for c in run.checked {
        if c.file.is_none() {
            stdin_word = c.word_bytes;
        }
        originals.push((c.file, c.original, c.changed));
        reports.push(c.report);
    }
    let totals = Totals::of(&reports, options.unsafe_fixes);
    let failing = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= options.fail_on);

    if options.diff {
        let mut any_change = false;
        for (report, (_, original, _)) in reports.iter().zip(&originals) {
            let Some(original) = original else { continue };
            any_change = true;
            let diff = similar::TextDiff::from_lines(original.as_str(), report.text.as_str());
            let old = format!("a/{}", report.path);
            let new = format!("b/{}", report.path);
            let mut shown = diff.unified_diff().context_radius(3).header(&old, &new).to_string();
            if !shown.ends_with('\n') {
                shown.push_str("\n\\ No newline at end of file\n");
            }
            out.write_all(shown.as_bytes())?;
        }
        // The diff first, whole, so that a terminal showing both streams does not interleave them.
        flush_unless_closed(out)?;
        if !options.quiet {
            writeln!(err, "{}", output::summary_line(&totals, false, true))?;
        }
        return Ok(i32::from(any_change || failing));
    }

    if stdin_fixed {
        if let Some(bytes) = &stdin_word {
            out.write_all(bytes)?;
        } else if let Some((report, _)) = reports.iter().zip(&originals).find(|(_, (file, _, _))| file.is_none()) {
            out.write_all(report.text.as_bytes())?;
        }
        flush_unless_closed(out)?;
        write_findings(options, &reports, &totals, err)?;
    } else {
        write_findings(options, &reports, &totals, out)?;
    }
    Ok(i32::from(failing))
}

/// Flushes the output; a reader that has gone (`| head`) is no error here, so that the summary
/// and the exit code still follow.
fn flush_unless_closed(out: &mut dyn Write) -> io::Result<()> {
    match out.flush() {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn write_findings(
    options: &CheckOptions,
    reports: &[FileReport],
    totals: &Totals,
    out: &mut dyn Write,
) -> io::Result<()> {
    if options.statistics {
        let rows = human::statistics(reports);
        return match options.format {
            OutputFormat::Json => output::json::write_statistics(&rows, out),
            _ => {
                human::write_statistics(&rows, out)?;
                if !options.quiet {
                    writeln!(out, "{}", output::summary_line(totals, options.fix, false))?;
                }
                Ok(())
            }
        };
    }
    match options.format {
        OutputFormat::Human => {
            let human_options = human::HumanOptions {
                color: options.color,
                quiet: options.quiet,
                unsafe_fixes: options.unsafe_fixes,
            };
            let rendered: Vec<String> = reports
                .par_iter()
                .map(|r| human::render_file(r, human_options))
                .collect();
            for chunk in rendered {
                out.write_all(chunk.as_bytes())?;
            }
            if !options.quiet {
                out.write_all(human::fixed_lines(reports).as_bytes())?;
                let summary = output::summary_line(totals, options.fix, false);
                if options.color {
                    writeln!(out, "\x1b[1m{summary}\x1b[0m")?;
                } else {
                    writeln!(out, "{summary}")?;
                }
            }
            Ok(())
        }
        OutputFormat::Json => output::json::write(reports, out),
        OutputFormat::Sarif => output::sarif::write(reports, out),
        OutputFormat::Github => output::github::write(reports, out),
        OutputFormat::Html => output::html::write(
            reports,
            output::html::HtmlOptions {
                unsafe_fixes: options.unsafe_fixes,
                fixing: options.fix,
            },
            out,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::config::CONFIG_FILE_NAME;
    use std::fs;

    fn options(paths: Vec<PathBuf>) -> CheckOptions {
        CheckOptions {
            paths,
            ..CheckOptions::default()
        }
    }

    #[test]
    fn results_are_sorted_by_path_whatever_the_walk_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["c.minutes", "a.minutes", "b/z.minutes", "b/a.minutes.md"] {
            let path = dir.path().join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "Minutes\n").unwrap();
        }
        let run = check_files(
            &options(vec![dir.path().join("c.minutes"), dir.path().to_path_buf()]),
            None,
        )
        .unwrap();
        let names: Vec<String> = run
            .checked
            .iter()
            .map(|c| {
                c.report
                    .path
                    .rsplit_once(dir.path().file_name().unwrap().to_str().unwrap())
                    .unwrap()
                    .1
                    .to_string()
            })
            .collect();
        assert_eq!(names, ["/a.minutes", "/b/a.minutes.md", "/b/z.minutes", "/c.minutes"]);
    }

    #[test]
    fn every_error_is_reported_not_just_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad");
        fs::create_dir(&bad).unwrap();
        fs::write(bad.join(CONFIG_FILE_NAME), "[nonsense]\n").unwrap();
        fs::write(bad.join("a.minutes"), "x").unwrap();
        fs::write(dir.path().join("latin1.minutes"), b"Caf\xe9").unwrap();
        let errors = check_files(&options(vec![bad.clone(), dir.path().join("missing.minutes")]), None).unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("missing.minutes")));
        assert!(
            errors
                .iter()
                .any(|e| e.contains(CONFIG_FILE_NAME) && e.contains("nonsense")),
            "{errors:?}"
        );
        let errors = check_files(&options(vec![dir.path().join("latin1.minutes")]), None).unwrap_err();
        assert!(
            errors[0].contains("latin1.minutes") && errors[0].contains("offset 3"),
            "{errors:?}"
        );
    }

    #[test]
    fn finding_no_draft_is_an_error_not_an_empty_pass() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.md"), "Minutes\n").unwrap();
        let errors = check_files(&options(vec![dir.path().to_path_buf()]), None).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("no drafts found in "), "{errors:?}");
        assert!(errors[0].contains(".minutes.md"), "{errors:?}");
        // Standard input is a draft, whatever else was named.
        let stdin_too = options(vec![dir.path().to_path_buf(), PathBuf::from("-")]);
        let run = check_files(&stdin_too, Some(&mut "Minutes\n".as_bytes())).unwrap();
        assert_eq!(run.checked.len(), 1);
    }

    #[test]
    fn each_folder_gets_its_own_config() {
        let dir = tempfile::tempdir().unwrap();
        let strict = dir.path().join("strict");
        let relaxed = dir.path().join("relaxed");
        fs::create_dir_all(relaxed.join("deeper")).unwrap();
        fs::create_dir_all(&strict).unwrap();
        fs::write(relaxed.join(CONFIG_FILE_NAME), "[rules]\nfirst-person = \"off\"\n").unwrap();
        for folder in [&strict, &relaxed, &relaxed.join("deeper")] {
            for i in 0..3 {
                fs::write(folder.join(format!("{i}.minutes")), "Minutes\n").unwrap();
            }
        }
        let run = check_files(&options(vec![dir.path().to_path_buf()]), None).unwrap();
        assert_eq!(run.checked.len(), 9);
        for checked in &run.checked {
            let file = checked.file.as_ref().unwrap();
            if file.starts_with(&relaxed) {
                let config = checked.config_file.as_ref().expect("relaxed drafts use its config");
                assert!(
                    config.ends_with(Path::new("relaxed").join(CONFIG_FILE_NAME)),
                    "{config:?}"
                );
            } else {
                assert_eq!(checked.config_file, None, "{file:?}");
            }
        }
        // --config overrides discovery for every draft.
        let forced = CheckOptions {
            config: Some(relaxed.join(CONFIG_FILE_NAME)),
            ..options(vec![strict.clone()])
        };
        let run = check_files(&forced, None).unwrap();
        assert!(run.checked.iter().all(|c| c.config_file.is_some()));
    }

    #[test]
    fn run_check_writes_json_and_returns_the_exit_code() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.minutes"), "Minutes\n").unwrap();
        let opts = CheckOptions {
            format: OutputFormat::Json,
            ..options(vec![dir.path().join("a.minutes")])
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = run_check(&opts, &mut io::empty(), &mut out, &mut err);
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let findings = lint("Minutes\n", &crate::Config::default(), Some("a.minutes")).diagnostics;
        assert_eq!(value.as_array().unwrap().len(), findings.len());
        assert_eq!(
            code,
            i32::from(findings.iter().any(|d| d.severity >= Severity::Warning))
        );
        assert!(err.is_empty(), "{}", String::from_utf8_lossy(&err));
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let missing = options(vec![dir.path().join("nope.minutes")]);
        assert_eq!(run_check(&missing, &mut io::empty(), &mut out, &mut err), 2);
        assert!(out.is_empty());
        assert!(String::from_utf8_lossy(&err).contains("nope.minutes"));
    }
}
