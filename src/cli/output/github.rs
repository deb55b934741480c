//! `--format github`: GitHub Actions workflow commands, one annotation per finding.
//!
//! `::warning file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::message`, escaped as
//! the runner expects: `%`, CR and LF in the message; additionally `:` and `,` in properties.

use super::FileReport;
use crate::core::diagnostic::Severity;
use std::io::{self, Write};

/// Escapes a command's data (the message).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a command property (file, title).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

pub fn write(reports: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for report in reports {
        for d in &report.diagnostics {
            let start = report.position(d.span.start);
            let end = report.position(d.span.end);
            writeln!(
                out,
                "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                command(d.severity),
                escape_property(&report.path),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(d.rule),
                escape_data(&d.message)
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::tests::sample;

    #[test]
    fn one_escaped_command_per_finding() {
        let mut out = Vec::new();
        write(&[sample()], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            vec![
                "::error file=drafts/panel.minutes,line=2,col=1,endLine=2,endColumn=7,title=weekday-mismatch::26 April 2022 was a Tuesday, not a Monday",
                "::notice file=drafts/panel.minutes,line=2,col=27,endLine=2,endColumn=28,title=title-style::an \"odd\", spot: here%0Anext",
                "::warning file=drafts/panel.minutes,line=3,col=1,endLine=3,endColumn=23,title=paste-residue::breadcrumb trail pasted from a web page",
            ]
        );
    }

    #[test]
    fn properties_escape_commas_and_colons() {
        assert_eq!(escape_property("a,b:c%d\r\n"), "a%2Cb%3Ac%25d%0D%0A");
        assert_eq!(escape_data("a,b:c%d"), "a,b:c%25d");
    }
}
