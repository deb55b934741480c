//! `--format human`: like a compiler. A header `path:line:col: severity[rule] message`, the
//! source lines with the span underlined (annotate-snippets), the fix on offer, and a summary.

use super::{best_fix, FileReport};
use crate::core::diagnostic::{Applicability, Diagnostic, Severity};
use crate::core::text::{floor_char_boundary, Span};
use annotate_snippets::renderer::{AnsiColor, Style};
use annotate_snippets::{Level, Renderer, Snippet};
use std::fmt::Write as _;
use std::io::{self, Write};

/// Options for human output.
#[derive(Clone, Copy, Debug, Default)]
pub struct HumanOptions {
    /// Emit ANSI colours (the caller decides: a terminal without NO_COLOR).
    pub color: bool,
    /// Leave out the fix hints.
    pub quiet: bool,
    /// `--unsafe-fixes` was given: unsafe fixes are "available".
    pub unsafe_fixes: bool,
}

fn level(severity: Severity) -> Level {
    match severity {
        Severity::Error => Level::Error,
        Severity::Warning => Level::Warning,
        Severity::Info => Level::Info,
    }
}

fn severity_style(severity: Severity) -> Style {
    let color = match severity {
        Severity::Error => AnsiColor::BrightRed,
        Severity::Warning => AnsiColor::BrightYellow,
        Severity::Info => AnsiColor::BrightBlue,
    };
    Style::new().fg_color(Some(color.into())).bold()
}

/// Renders every finding of one file.
pub fn render_file(report: &FileReport, options: HumanOptions) -> String {
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        render_diagnostic(report, diagnostic, options, &mut out);
    }
    out
}

/// How much of a line around a span is handed to the renderer, each side. It shows less (the
/// terminal's width) and marks the cut with "..."; handing it the whole of a long line would cost
/// the line's length for every finding on it.
const CONTEXT: usize = 1024;

/// The lines a span covers, as one snippet: (source, its first 1-based line, span within it).
/// Spans that end in a line break, run past the text or split a character are clamped, and a
/// long first or last line is cut to [`CONTEXT`] bytes around the span.
fn window(report: &FileReport, span: Span) -> (&str, usize, std::ops::Range<usize>) {
    let text = &report.text;
    let start = floor_char_boundary(text, span.start);
    let end = floor_char_boundary(text, span.end).max(start);
    // A span that ends just after a line break ends on the line before.
    let last = if end > start { end - 1 } else { start };
    let first_line = report.lines.line_of(start);
    let last_line = report.lines.line_of(last);
    let line_from = report.lines.line_start(first_line);
    let line_to = report.lines.line_span(text, last_line).end.max(line_from);
    let start = start.min(line_to);
    let end = end.clamp(start, line_to);
    let from = floor_char_boundary(text, start.saturating_sub(CONTEXT).max(line_from));
    let mut to = (end + CONTEXT).min(line_to);
    while !text.is_char_boundary(to) {
        to += 1;
    }
    (&text[from..to], first_line + 1, (start - from)..(end - from))
}

fn render_diagnostic(report: &FileReport, d: &Diagnostic, options: HumanOptions, out: &mut String) {
    let at = report.position(d.span.start);
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let (bold, sev_style) = if options.color {
        (Style::new().bold(), severity_style(d.severity))
    } else {
        (Style::new(), Style::new())
    };
    let _ = writeln!(
        out,
        "{bold}{}:{}:{}:{bold:#} {sev_style}{}[{}]{sev_style:#} {}",
        report.path,
        at.line,
        at.column,
        d.severity.as_str(),
        d.rule,
        d.message
    );
    let (source, line_start, mut range) = window(report, d.span);
    // The BOM is invisible in an editor: leave it out of the printed line.
    let source = if line_start == 1 && source.starts_with('\u{feff}') {
        range = range.start.saturating_sub(3)..range.end.saturating_sub(3);
        &source[3..]
    } else {
        source
    };
    let fix_hint = fix_hint(d, options);
    let mut message = level(d.severity).title("").snippet(
        Snippet::source(source)
            .line_start(line_start)
            .fold(true)
            .annotation(level(d.severity).span(range)),
    );
    for related in d
        .related
        .iter()
        .filter(|r| report.lines.line_of(r.span.start) + 1 != line_start)
    {
        let (source, line, range) = window(report, related.span);
        message = message.snippet(
            Snippet::source(source)
                .line_start(line)
                .fold(true)
                .annotation(Level::Note.span(range).label(&related.message)),
        );
    }
    if let Some(hint) = &fix_hint {
        message = message.footer(Level::Help.title(hint));
    }
    let rendered = renderer.render(message).to_string();
    // The renderer's own title line is replaced by the header above.
    let body = rendered.split_once('\n').map_or("", |(_, rest)| rest);
    out.push_str(body);
    out.push_str("\n\n");
}

fn fix_hint(d: &Diagnostic, options: HumanOptions) -> Option<String> {
    if options.quiet {
        return None;
    }
    let fix = match best_fix(d)? {
        Applicability::Safe => d.fixes.iter().find(|f| f.applicability == Applicability::Safe)?,
        Applicability::Unsafe => d.fixes.iter().find(|f| !f.edits.is_empty())?,
    };
    Some(match fix.applicability {
        Applicability::Safe => format!("fix available: {}", fix.title),
        Applicability::Unsafe if options.unsafe_fixes => format!("fix available: {}", fix.title),
        Applicability::Unsafe => format!("unsafe fix available (--unsafe-fixes): {}", fix.title),
    })
}

/// What `--fix` changed, one line per file: `a.minutes: fixed 2 × weekday-mismatch, 1 × paste-residue`.
pub fn fixed_lines(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports.iter().filter(|r| r.fixed > 0) {
        let rules: Vec<String> = report
            .fixed_by_rule
            .iter()
            .map(|(rule, n)| format!("{n} × {rule}"))
            .collect();
        let _ = writeln!(out, "{}: fixed {}", report.path, rules.join(", "));
    }
    out
}

/// One row of `--statistics`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatRow {
    pub rule: &'static str,
    pub severity: Severity,
    pub count: usize,
    pub fixable: usize,
}

/// Counts findings per rule, most frequent first (then by name).
pub fn statistics(reports: &[FileReport]) -> Vec<StatRow> {
    let mut rows: Vec<StatRow> = Vec::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        let fixable = usize::from(best_fix(d) == Some(Applicability::Safe));
        match rows.iter_mut().find(|r| r.rule == d.rule) {
            Some(row) => {
                row.count += 1;
                row.fixable += fixable;
                row.severity = row.severity.max(d.severity);
            }
            None => rows.push(StatRow {
                rule: d.rule,
                severity: d.severity,
                count: 1,
                fixable,
            }),
        }
    }
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    rows
}

pub fn write_statistics(rows: &[StatRow], out: &mut dyn Write) -> io::Result<()> {
    let width = rows.iter().map(|r| r.rule.len()).max().unwrap_or(0);
    for row in rows {
        let fixable = if row.fixable > 0 {
            format!("  ({} fixable)", row.fixable)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{:>6}  {:<width$}  {}{}",
            row.count,
            row.rule,
            row.severity.as_str(),
            fixable
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::tests::sample;

    #[test]
    fn renders_header_source_underline_and_fix() {
        let text = render_file(&sample(), HumanOptions::default());
        println!("{text}");
        assert!(
            text.starts_with(
                "drafts/panel.minutes:2:1: error[weekday-mismatch] 26 April 2022 was a Tuesday, not a Monday\n"
            ),
            "{text}"
        );
        assert!(text.contains("2 | Monday 26 April 2022 – Café\n"), "{text}");
        assert!(text.contains("  | ^^^^^^"), "{text}");
        assert!(text.contains("fix available: Change “Monday” to “Tuesday”"), "{text}");
        assert!(
            text.contains("unsafe fix available (--unsafe-fixes): Remove the breadcrumb"),
            "{text}"
        );
        assert!(!text.contains('\u{1b}'), "no colour unless asked");
        let coloured = render_file(
            &sample(),
            HumanOptions {
                color: true,
                ..HumanOptions::default()
            },
        );
        assert!(coloured.contains('\u{1b}'));
    }

    #[test]
    fn a_million_character_line_is_cut_down() {
        let mut text = "a".repeat(1_000_000);
        text.push_str(" Monday");
        let at = text.len() - 6;
        let report = FileReport::new(
            "big.minutes",
            text,
            vec![Diagnostic::new("weekday-mismatch", Span::new(at, at + 6), "x")],
        );
        let rendered = render_file(&report, HumanOptions::default());
        assert!(rendered.len() < 2_000, "{} bytes", rendered.len());
        assert!(rendered.contains("Monday"));
    }

    #[test]
    fn a_finding_on_a_long_line_is_rendered_from_its_own_stretch() {
        // Rendering from the whole line would cost its length for each of its findings.
        let text = "ABC met é. ".repeat(100_000);
        let at = 12 * 50_000; // "ABC" of the 50,001st repeat
        let report = FileReport::new("long.minutes", text, Vec::new());
        let (source, line, range) = window(&report, Span::new(at, at + 3));
        assert_eq!(line, 1);
        assert!(source.len() <= 2 * CONTEXT + 3 + 4, "{} bytes", source.len());
        assert_eq!(&source[range], "ABC");
        // Near the line's start nothing is cut before the span.
        let (source, _, range) = window(&report, Span::new(0, 3));
        assert_eq!(range, 0..3);
        assert!(source.len() <= CONTEXT + 3 + 4);
    }

    #[test]
    fn statistics_count_per_rule() {
        let rows = statistics(&[sample(), sample()]);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].count, 2);
        let weekday = rows.iter().find(|r| r.rule == "weekday-mismatch").unwrap();
        assert_eq!(weekday.fixable, 2);
    }
}

#[cfg(test)]
mod robustness {
    use super::*;

    /// Every span over a text with tabs, emoji, combining marks, CRLF, a lone CR, a BOM and no
    /// final newline renders without panicking, and every format converts it.
    #[test]
    fn any_span_renders() {
        let text = "\u{feff}a\tb 😀 e\u{301}\r\nCRLF line\rlone CR\n\nlast";
        let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for &start in &boundaries {
            for &end in boundaries.iter().filter(|&&e| e >= start) {
                let d = Diagnostic::new("first-person", Span::new(start, end), "m");
                let report = FileReport::new("x.minutes", text.to_string(), vec![d]);
                let rendered = render_file(&report, HumanOptions::default());
                assert!(rendered.starts_with("x.minutes:"), "{rendered}");
                let mut sink = Vec::new();
                crate::cli::output::json::write(std::slice::from_ref(&report), &mut sink).unwrap();
                crate::cli::output::github::write(std::slice::from_ref(&report), &mut sink).unwrap();
                let _ = crate::cli::output::sarif::log(std::slice::from_ref(&report));
            }
        }
        // Spans past the end (a rule bug) are clamped, not a panic.
        let d = Diagnostic::new("first-person", Span::new(3, 999), "m");
        let report = FileReport::new("x.minutes", "abc".to_string(), vec![d]);
        assert!(render_file(&report, HumanOptions::default()).contains("x.minutes:1:4"));
    }
}
