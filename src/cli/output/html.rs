//! `--format html`: one self-contained page for a reviewer who does not read terminals (a
//! monitoring officer, a committee manager), meant to be kept as a CI artifact or printed.
//!
//! The page has a summary (findings per rule and per draft, by severity), then one section per
//! draft: each finding with its line(s) of text and the span highlighted, the message, the rule
//! and its severity, and the suggested fix shown as the line before and after, with whether
//! `--fix` applies it on its own (safe) or it needs a person's review (unsafe).
//!
//! Self-contained: no scripts at all, one inline style sheet, no fonts, images or links to
//! anywhere else, and a Content-Security-Policy that forbids loading anything. Every piece of
//! text that comes from a draft, a path or a message is escaped, so a draft holding markup shows
//! it as text. Control characters and bidirectional overrides in a draft are shown as visible
//! marks, so that what the reviewer reads is what the draft holds. Print CSS: black on white,
//! each draft starts a new page, a finding is not split across pages.

use super::{best_fix, FileReport, Totals};
use crate::core::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::core::rules;
use crate::core::text::{floor_char_boundary, Span};
use std::fmt::Write as _;
use std::io::{self, Write};

/// Options for the page.
#[derive(Clone, Copy, Debug, Default)]
pub struct HtmlOptions {
    /// `--unsafe-fixes` was given: unsafe fixes are counted as fixable.
    pub unsafe_fixes: bool,
    /// `--fix` was given: the findings are what remains after fixing.
    pub fixing: bool,
}

/// How many bytes of a long line are shown each side of a span.
const CONTEXT: usize = 240;
/// At most this many lines of a long span are shown (the first and last half).
const MAX_SPAN_LINES: usize = 8;

/// Escapes text for an element's content or a quoted attribute, and makes invisible or
/// reordering characters visible.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(text, &mut out);
    out
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            // C0 controls (and DEL) as the Unicode control pictures: ␀, ␛, ␡.
            '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            // Bidirectional embeddings, overrides and isolates, and the byte-order mark, named.
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{feff}' => {
                let _ = write!(out, "<span class=\"ctl\">[U+{:04X}]</span>", c as u32);
            }
            _ => out.push(c),
        }
    }
}

fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Note",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Findings by severity: [errors, warnings, infos].
fn counts<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> [usize; 3] {
    let mut by = [0; 3];
    for d in diagnostics {
        by[severity_index(d.severity)] += 1;
    }
    by
}

fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

const STYLE: &str = r#"
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a;
  background: #fff; margin: 0 auto; padding: 1.5rem; max-width: 62rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid #444; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.meta { color: #555; margin: 0 0 1rem; }
table { border-collapse: collapse; margin: .4rem 0 1rem; }
th, td { border: 1px solid #bbb; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.path { overflow-wrap: anywhere; }
.badge { display: inline-block; font-size: .8rem; font-weight: 700; padding: 0 .45rem; border-radius: .25rem;
  border: 1px solid; margin-right: .4rem; white-space: nowrap; }
.sev-error .badge, .badge.sev-error { color: #8b0000; border-color: #8b0000; background: #fdecec; }
.sev-warning .badge, .badge.sev-warning { color: #6b4500; border-color: #9a6a00; background: #fff5d6; }
.sev-info .badge, .badge.sev-info { color: #0b4a7a; border-color: #0b4a7a; background: #e8f2fb; }
.finding { border: 1px solid #ccc; border-left: 6px solid #999; border-radius: .3rem; padding: .6rem .9rem;
  margin: .8rem 0; break-inside: avoid; page-break-inside: avoid; }
.finding.sev-error { border-left-color: #b00020; }
.finding.sev-warning { border-left-color: #c98a00; }
.finding.sev-info { border-left-color: #1f6fb2; }
.finding h4 { margin: 0 0 .3rem; font-size: 1rem; }
.message { white-space: pre-wrap; overflow-wrap: anywhere; }
.where { color: #555; margin: 0 0 .4rem; font-size: .9rem; }
code, pre { font-family: ui-monospace, "Cascadia Mono", Consolas, "DejaVu Sans Mono", monospace; font-size: .88rem; }
pre.context { background: #f7f7f7; border: 1px solid #ddd; padding: .4rem .6rem; margin: .3rem 0; white-space: pre-wrap;
  overflow-wrap: anywhere; }
.ln { display: inline-block; min-width: 3.2em; color: #777; user-select: none; }
.dim { color: #666; }
mark { background: #ffe08a; color: inherit; outline: 1px solid #c98a00; padding: 0 .05em; }
mark.empty::before { content: "\2038"; color: #b00020; font-weight: 700; }
.cut { color: #777; font-style: italic; }
.ctl { color: #b00020; font-size: .8em; }
.related { margin: .3rem 0 .3rem 1rem; font-size: .92rem; }
.fix { margin-top: .5rem; padding: .4rem .6rem; border: 1px dashed #999; border-radius: .3rem; }
.fix p { margin: 0 0 .3rem; }
.safe { color: #1b5e20; font-weight: 700; }
.unsafe { color: #8b0000; font-weight: 700; }
table.change { width: 100%; margin: .2rem 0 0; }
table.change th { width: 5.5rem; }
table.change td { font-family: ui-monospace, "Cascadia Mono", Consolas, "DejaVu Sans Mono", monospace; font-size: .88rem;
  white-space: pre-wrap; overflow-wrap: anywhere; }
del { background: #fbd3d3; text-decoration: line-through; }
ins { background: #d3f5d3; text-decoration: none; }
.clean { color: #1b5e20; }
footer { margin-top: 2rem; color: #666; font-size: .85rem; }
@media print {
  body { font-size: 10.5pt; max-width: none; padding: 0; color: #000; background: #fff; }
  a { color: inherit; text-decoration: none; }
  nav { display: none; }
  section.draft { break-before: page; page-break-before: always; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  pre.context, th { background: #fff; }
  .finding { border-left-width: 4px; }
  /* Browsers leave backgrounds out of print unless told: keep the highlights, and underline
     inserted text so that it still shows where they are dropped. */
  mark, del, ins, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  ins { text-decoration: underline; }
}
"#;

/// Writes the whole page.
pub fn write(reports: &[FileReport], options: HtmlOptions, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(reports, options).as_bytes())
}

/// The whole page as a string.
pub fn render(reports: &[FileReport], options: HtmlOptions) -> String {
    let totals = Totals::of(reports, options.unsafe_fixes);
    let all = counts(reports.iter().flat_map(|r| &r.diagnostics));
    let mut page = String::with_capacity(16 * 1024);
    let title = if totals.problems == 0 {
        format!(
            "minutes-lint: no problems in {}",
            plural(totals.files_checked, "draft", "drafts")
        )
    } else {
        format!(
            "minutes-lint: {} in {} of {}",
            plural(totals.problems, "finding", "findings"),
            totals.files_with_problems,
            plural(totals.files_checked, "draft", "drafts")
        )
    };
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"minutes-lint {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title)
    );
    page.push_str("<header>\n<h1>Report on the draft minutes</h1>\n");
    let _ = writeln!(
        page,
        "<p class=\"meta\" id=\"overview\">{} checked: {}, {}, {}.{}</p>",
        plural(totals.files_checked, "draft", "drafts"),
        plural(all[0], "error", "errors"),
        plural(all[1], "warning", "warnings"),
        plural(all[2], "note", "notes"),
        fix_overview(&totals, options)
    );
    page.push_str(
        "<p class=\"meta\">Errors are mistakes to correct before publication; warnings are likely \
         mistakes to look at; notes are suggestions. A <span class=\"safe\">safe</span> fix cannot \
         change what the minutes say and is applied by <code>minutes-lint check --fix</code>; a fix \
         that <span class=\"unsafe\">needs review</span> is applied only after a person has checked it.</p>\n",
    );
    page.push_str("</header>\n");

    write_summary(&mut page, reports);
    for (index, report) in reports.iter().enumerate() {
        if !report.diagnostics.is_empty() {
            write_draft(&mut page, index, report, options);
        }
    }
    let _ = writeln!(
        page,
        "<footer>Made by minutes-lint {}. The page loads nothing from elsewhere and runs no scripts.</footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION")
    );
    page
}

fn fix_overview(totals: &Totals, options: HtmlOptions) -> String {
    let mut parts = Vec::new();
    if options.fixing && totals.fixed > 0 {
        parts.push(format!(
            " {} already fixed by --fix in {}; what remains is listed below.",
            plural(totals.fixed, "problem was", "problems were"),
            plural(totals.files_fixed, "draft", "drafts")
        ));
    }
    if totals.fixable > 0 && !options.fixing {
        parts.push(format!(
            " {} a safe fix.",
            plural(totals.fixable, "finding has", "findings have")
        ));
    }
    if totals.unsafe_fixable > 0 {
        parts.push(format!(
            " {} a fix that needs review.",
            plural(totals.unsafe_fixable, "finding has", "findings have")
        ));
    }
    parts.concat()
}

fn severity_cells(page: &mut String, by: [usize; 3]) {
    for n in by {
        if n == 0 {
            page.push_str("<td class=\"n dim\">0</td>");
        } else {
            let _ = write!(page, "<td class=\"n\">{n}</td>");
        }
    }
}

fn write_summary(page: &mut String, reports: &[FileReport]) {
    page.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n");
    // Per rule, most findings first.
    let mut rules: Vec<(&'static str, [usize; 3])> = Vec::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        let at = match rules.iter().position(|(name, _)| *name == d.rule) {
            Some(at) => at,
            None => {
                rules.push((d.rule, [0; 3]));
                rules.len() - 1
            }
        };
        rules[at].1[severity_index(d.severity)] += 1;
    }
    rules.sort_by(|a, b| {
        let total = |c: &[usize; 3]| c.iter().sum::<usize>();
        total(&b.1).cmp(&total(&a.1)).then(a.0.cmp(b.0))
    });
    if rules.is_empty() {
        page.push_str("<p class=\"clean\">No findings in any draft.</p>\n");
    } else {
        page.push_str(
            "<h3>By rule</h3>\n<table class=\"by-rule\">\n<thead><tr><th>Rule</th><th>What it checks</th>\
             <th>Errors</th><th>Warnings</th><th>Notes</th></tr></thead>\n<tbody>\n",
        );
        for (rule, by) in &rules {
            let summary = rules::find(rule).map(|r| r.summary()).unwrap_or_default();
            let _ = write!(
                page,
                "<tr><td><code>{}</code></td><td>{}</td>",
                escape(rule),
                escape(&summary.replace('`', ""))
            );
            severity_cells(page, *by);
            page.push_str("</tr>\n");
        }
        page.push_str("</tbody>\n</table>\n");
    }
    page.push_str(
        "<h3>By draft</h3>\n<table class=\"by-draft\">\n<thead><tr><th>Draft</th><th>Errors</th>\
         <th>Warnings</th><th>Notes</th></tr></thead>\n<tbody>\n",
    );
    for (index, report) in reports.iter().enumerate() {
        let by = counts(&report.diagnostics);
        if report.diagnostics.is_empty() {
            let _ = write!(
                page,
                "<tr><td class=\"path\">{} <span class=\"clean\">(no findings)</span></td>",
                escape(&report.path)
            );
        } else {
            let _ = write!(
                page,
                "<tr><td class=\"path\"><a href=\"#draft-{}\">{}</a></td>",
                index + 1,
                escape(&report.path)
            );
        }
        severity_cells(page, by);
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

fn write_draft(page: &mut String, index: usize, report: &FileReport, options: HtmlOptions) {
    let by = counts(&report.diagnostics);
    let _ = writeln!(
        page,
        "<section class=\"draft\" id=\"draft-{}\">\n<h2>{}</h2>",
        index + 1,
        escape(&report.path)
    );
    let mut line = format!(
        "{}, {}, {}.",
        plural(by[0], "error", "errors"),
        plural(by[1], "warning", "warnings"),
        plural(by[2], "note", "notes")
    );
    if options.fixing && report.fixed > 0 {
        let _ = write!(
            line,
            " {} already fixed by --fix.",
            plural(report.fixed, "problem was", "problems were")
        );
    }
    let _ = writeln!(page, "<p class=\"meta\">{}</p>", escape(&line));
    // Most serious first, then in reading order.
    let mut order: Vec<&Diagnostic> = report.diagnostics.iter().collect();
    order.sort_by_key(|d| (std::cmp::Reverse(d.severity), d.span.start, d.span.end));
    for (n, d) in order.into_iter().enumerate() {
        write_finding(page, index, n, report, d, options);
    }
    page.push_str("</section>\n");
}

fn write_finding(page: &mut String, draft: usize, n: usize, report: &FileReport, d: &Diagnostic, options: HtmlOptions) {
    let sev = d.severity.as_str();
    let at = report.position(d.span.start);
    let _ = writeln!(
        page,
        "<article class=\"finding sev-{sev}\" id=\"draft-{}-finding-{}\">",
        draft + 1,
        n + 1
    );
    let _ = writeln!(
        page,
        "<h4><span class=\"badge\">{}</span><span class=\"message\">{}</span></h4>",
        severity_label(d.severity),
        escape(&d.message)
    );
    let _ = writeln!(
        page,
        "<p class=\"where\">Line {}, column {} &middot; rule <code>{}</code> &middot; {}</p>",
        at.line,
        at.column,
        escape(d.rule),
        sev
    );
    context(page, report, d.span);
    for related in &d.related {
        let at = report.position(related.span.start);
        let _ = writeln!(
            page,
            "<div class=\"related\"><p>Line {}: {}</p>",
            at.line,
            escape(&related.message)
        );
        context(page, report, related.span);
        page.push_str("</div>\n");
    }
    if let Some(fix) = shown_fix(d) {
        write_fix(page, report, fix, options);
    }
    page.push_str("</article>\n");
}

/// The fix to show: the safe one when there is one, else the first with edits.
fn shown_fix(d: &Diagnostic) -> Option<&Fix> {
    match best_fix(d)? {
        Applicability::Safe => d
            .fixes
            .iter()
            .find(|f| f.applicability == Applicability::Safe && !f.edits.is_empty()),
        Applicability::Unsafe => d.fixes.iter().find(|f| !f.edits.is_empty()),
    }
}

/// A span clamped to the text and to character boundaries.
fn clamp(text: &str, span: Span) -> (usize, usize) {
    let start = floor_char_boundary(text, span.start);
    let end = floor_char_boundary(text, span.end).max(start);
    (start, end)
}

/// The part of a line worth showing around `[from, to)`: at most [`CONTEXT`] bytes each side,
/// cut on character boundaries. Returns (start, end, cut before, cut after).
fn around(text: &str, line: Span, from: usize, to: usize) -> (usize, usize, bool, bool) {
    let start = floor_char_boundary(text, from.saturating_sub(CONTEXT).max(line.start));
    let mut end = (to + CONTEXT).min(line.end).max(start);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end, start > line.start, end < line.end)
}

/// The lines a span covers, with the span marked, as a `<pre>`.
fn context(page: &mut String, report: &FileReport, span: Span) {
    let text = &report.text;
    let (start, end) = clamp(text, span);
    // A span that ends just after a line break ends on the line before.
    let last = if end > start { end - 1 } else { start };
    let first_line = report.lines.line_of(start);
    let last_line = report.lines.line_of(last).max(first_line);
    page.push_str("<pre class=\"context\">");
    let count = last_line - first_line + 1;
    let mut line = first_line;
    while line <= last_line {
        if count > MAX_SPAN_LINES && line == first_line + MAX_SPAN_LINES / 2 {
            let skip = last_line + 1 - MAX_SPAN_LINES / 2 - line;
            let _ = writeln!(
                page,
                "<span class=\"ln\"></span><span class=\"cut\">[{} not shown]</span>",
                plural(skip, "more line", "more lines")
            );
            line += skip;
            continue;
        }
        let whole = report.lines.line_span(text, line);
        let mark_from = start.clamp(whole.start, whole.end);
        let mark_to = end.clamp(mark_from, whole.end);
        let (from, to, cut_before, cut_after) = around(text, whole, mark_from, mark_to);
        let _ = write!(page, "<span class=\"ln\">{}</span>", line + 1);
        if cut_before {
            page.push_str("<span class=\"cut\">…</span>");
        }
        escape_into(&text[from..mark_from.max(from)], page);
        if mark_to > mark_from {
            page.push_str("<mark>");
            escape_into(&text[mark_from..mark_to], page);
            page.push_str("</mark>");
        } else if line == first_line {
            // An empty span (something missing here): a caret where it belongs.
            page.push_str("<mark class=\"empty\" title=\"here\"></mark>");
        }
        escape_into(&text[mark_to.min(to)..to], page);
        if cut_after {
            page.push_str("<span class=\"cut\">…</span>");
        }
        page.push('\n');
        line += 1;
    }
    page.push_str("</pre>\n");
}

fn write_fix(page: &mut String, report: &FileReport, fix: &Fix, options: HtmlOptions) {
    let safety = match fix.applicability {
        Applicability::Safe => "<span class=\"safe\">safe</span>: <code>--fix</code> applies it on its own".to_string(),
        Applicability::Unsafe if options.unsafe_fixes => {
            "<span class=\"unsafe\">needs review</span>: applied with <code>--fix --unsafe-fixes</code>, \
             which was asked for"
                .to_string()
        }
        Applicability::Unsafe => "<span class=\"unsafe\">needs review</span>: a person should check it; \
                                  <code>--fix --unsafe-fixes</code> applies it"
            .to_string(),
    };
    let _ = writeln!(
        page,
        "<div class=\"fix\">\n<p>Suggested fix: <strong>{}</strong> ({safety}).</p>",
        escape(&fix.title)
    );
    let text = &report.text;
    let Some(extent) = fix.extent() else {
        page.push_str("</div>\n");
        return;
    };
    // Before and after: the whole lines the edits touch (cut around the edits when long).
    let (ext_start, ext_end) = clamp(text, extent);
    let first_line = report.lines.line_of(ext_start);
    let last_line = report
        .lines
        .line_of(ext_end.saturating_sub(1).max(ext_start))
        .max(first_line);
    let region_start = report.lines.line_span(text, first_line).start;
    let region_end = report.lines.line_span(text, last_line).end.max(ext_end.min(text.len()));
    let region_start = floor_char_boundary(text, ext_start.saturating_sub(CONTEXT).max(region_start));
    let mut region_end = (ext_end + CONTEXT).min(region_end).max(region_start);
    while !text.is_char_boundary(region_end) {
        region_end += 1;
    }
    let mut before = String::new();
    let mut after = String::new();
    let mut at = region_start;
    for edit in &fix.edits {
        let (s, e) = clamp(text, edit.span);
        if s < at || e > region_end {
            continue;
        }
        escape_into(&text[at..s], &mut before);
        escape_into(&text[at..s], &mut after);
        if e > s {
            before.push_str("<del>");
            escape_into(&visible_breaks(&text[s..e]), &mut before);
            before.push_str("</del>");
        }
        if !edit.new_text.is_empty() {
            after.push_str("<ins>");
            escape_into(&visible_breaks(&edit.new_text), &mut after);
            after.push_str("</ins>");
        }
        at = e;
    }
    escape_into(&text[at..region_end], &mut before);
    escape_into(&text[at..region_end], &mut after);
    if after.trim().is_empty() {
        after = "<span class=\"dim\">(the line is removed)</span>".to_string();
    }
    let _ = writeln!(
        page,
        "<table class=\"change\"><tr><th>Before</th><td>{before}</td></tr>\n<tr><th>After</th><td>{after}</td></tr></table>\n</div>"
    );
}

/// Line breaks a fix adds or removes, shown as a mark as well as a break.
fn visible_breaks(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\n', "\u{21b5}\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::tests::sample;
    use crate::core::diagnostic::Edit;

    fn page_of(report: FileReport) -> String {
        render(&[report], HtmlOptions::default())
    }

    #[test]
    fn escape_covers_markup_quotes_controls_and_bidi_overrides() {
        assert_eq!(
            escape("<script>alert(\"x\")</script> & 'y'"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\u{7f}"), "a\u{2400}b\u{241b}c\u{2421}");
        assert!(escape("abc\u{202e}def").contains("[U+202E]"));
        assert!(!escape("abc\u{202e}def").contains('\u{202e}'));
    }

    #[test]
    fn a_hostile_draft_shows_as_text_everywhere_on_the_page() {
        let text = "Minutes <script>alert(1)</script>\n\"><img src=x onerror=alert(1)>\n".to_string();
        let script = text.find("<script>").unwrap();
        let img = text.find("\"><img").unwrap();
        let d1 =
            Diagnostic::new("paste-residue", Span::new(script, script + 8), "markup <b>here</b>").with_fix(Fix::safe(
                "Remove <script>",
                vec![Edit::replace(Span::new(script, script + 8), "<i>")],
            ));
        let d2 = Diagnostic::new("title-style", Span::new(img, img + 30), "odd \"quote\"")
            .with_related(Span::new(0, 7), "see <u>");
        let report = FileReport::new("drafts/<evil>\"name.minutes", text, vec![d1, d2]);
        let page = page_of(report);
        for tag in ["<script", "<img", "<b>", "<i>", "<u>", "<evil>", "onerror=alert(1)>"] {
            assert!(!page.contains(tag), "{tag} is not escaped");
        }
        for shown in [
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
            "markup &lt;b&gt;here&lt;/b&gt;",
            "Remove &lt;script&gt;",
            "<ins>&lt;i&gt;</ins>",
            "drafts/&lt;evil&gt;&quot;name.minutes",
            "see &lt;u&gt;",
        ] {
            assert!(page.contains(shown), "{shown} missing");
        }
    }

    #[test]
    fn the_page_is_self_contained() {
        let page = page_of(sample());
        assert!(page.starts_with("<!DOCTYPE html>"));
        for outside in ["<script", "<link", "src=", "url(", "@import", "http://", "https://"] {
            assert!(!page.contains(outside), "{outside}");
        }
        assert!(page.contains("default-src 'none'"));
        assert!(page.contains("@media print"));
        assert!(page.ends_with("</html>\n"));
    }

    #[test]
    fn summary_counts_by_rule_and_by_draft() {
        let clean = FileReport::new("drafts/clean.minutes", "Minutes\n".into(), vec![]);
        let page = render(&[sample(), clean], HtmlOptions::default());
        assert!(page.contains("2 drafts checked: 1 error, 1 warning, 1 note."), "{page}");
        assert!(page.contains("1 finding has a safe fix. 1 finding has a fix that needs review."));
        // One row per rule that fired, with its counts in the error/warning/note columns.
        assert!(page.contains("<tr><td><code>weekday-mismatch</code></td><td>"));
        let row = page.split("<code>paste-residue</code>").nth(1).unwrap();
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(
            row.ends_with("<td class=\"n dim\">0</td><td class=\"n\">1</td><td class=\"n dim\">0</td>"),
            "{row}"
        );
        // The clean draft is listed in the summary, with no section of its own.
        assert!(page.contains("drafts/clean.minutes <span class=\"clean\">(no findings)</span>"));
        assert_eq!(page.matches("<section class=\"draft\"").count(), 1);
        assert_eq!(page.matches("<article class=\"finding").count(), 3);
    }

    #[test]
    fn findings_show_the_line_the_span_the_rule_and_the_fix() {
        let page = page_of(sample());
        // Errors first.
        let error = page.find("sev-error\" id=").unwrap();
        let warning = page.find("sev-warning\" id=").unwrap();
        let info = page.find("sev-info\" id=").unwrap();
        assert!(error < warning && warning < info);
        assert!(page.contains("<span class=\"ln\">2</span><mark>Monday</mark> 26 April 2022 – Café"));
        assert!(page.contains("Line 2, column 1 &middot; rule <code>weekday-mismatch</code>"));
        assert!(page.contains(
            "Suggested fix: <strong>Change “Monday” to “Tuesday”</strong> (<span class=\"safe\">safe</span>"
        ));
        assert!(page.contains("<th>Before</th><td><del>Monday</del> 26 April 2022 – Café</td>"));
        assert!(page.contains("<th>After</th><td><ins>Tuesday</ins> 26 April 2022 – Café</td>"));
        // The breadcrumb's fix deletes the line: unsafe, and said so.
        assert!(page.contains("<span class=\"unsafe\">needs review</span>"));
        assert!(page.contains("(the line is removed)"));
        // A message with a line break keeps it (pre-wrap), escaped.
        assert!(page.contains("an &quot;odd&quot;, spot: here\nnext"));
    }

    #[test]
    fn long_lines_and_long_spans_are_cut_and_empty_spans_get_a_caret() {
        let long = format!("{}TARGET{}\n", "a".repeat(5000), "b".repeat(5000));
        let at = long.find("TARGET").unwrap();
        let d = Diagnostic::new("title-style", Span::new(at, at + 6), "m");
        let page = page_of(FileReport::new("x.minutes", long, vec![d]));
        assert!(page.contains("<mark>TARGET</mark>"));
        assert!(page.len() < 12_000, "{}", page.len());
        assert_eq!(page.matches("<span class=\"cut\">…</span>").count(), 2);

        let many: String = (1..=30).map(|i| format!("line {i}\n")).collect();
        let d = Diagnostic::new("title-style", Span::new(0, many.len()), "m");
        let e = Diagnostic::new("title-style", Span::empty(3), "missing");
        let page = page_of(FileReport::new("x.minutes", many, vec![d, e]));
        assert!(page.contains("[22 more lines not shown]"), "{page}");
        assert!(page.contains("<span class=\"ln\">30</span>"));
        assert!(page.contains("lin<mark class=\"empty\" title=\"here\"></mark>e 1"));
    }

    /// Every span (and a fix replacing it) over a text with tabs, emoji, combining marks, CRLF, a
    /// lone CR, a BOM, markup and no final newline renders, with its tags balanced and nothing of
    /// the text left unescaped.
    #[test]
    fn any_span_and_fix_renders() {
        let text = "\u{feff}a\t<b> 😀 e\u{301}\r\nCRLF & line\rlone CR\n\nlast";
        let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for &start in &boundaries {
            for &end in boundaries.iter().filter(|&&e| e >= start) {
                let d = Diagnostic::new("first-person", Span::new(start, end), "m")
                    .with_fix(Fix::unsafe_("t", vec![Edit::replace(Span::new(start, end), "<x>")]));
                let page = page_of(FileReport::new("x.minutes", text.to_string(), vec![d]));
                assert!(!page.contains("<b>") && !page.contains("<x>"), "{start}..{end}");
                for tag in ["mark", "del", "ins", "pre", "table"] {
                    assert_eq!(
                        page.matches(&format!("<{tag}")).count(),
                        page.matches(&format!("</{tag}>")).count(),
                        "{tag} in {start}..{end}"
                    );
                }
            }
        }
    }

    #[test]
    fn spans_past_the_end_or_inside_a_character_do_not_panic() {
        let text = "Café\n".to_string();
        let d = Diagnostic::new("title-style", Span::new(4, 400), "m")
            .with_fix(Fix::safe("x", vec![Edit::replace(Span::new(4, 500), "e")]));
        let page = page_of(FileReport::new("x.minutes", text, vec![d]));
        assert!(page.contains("Caf<mark>é</mark>"), "{page}");
        let page = page_of(FileReport::new(
            "empty.minutes",
            String::new(),
            vec![Diagnostic::new("title-style", Span::new(0, 0), "m")],
        ));
        assert!(page.contains("<span class=\"ln\">1</span>"));
    }
}
