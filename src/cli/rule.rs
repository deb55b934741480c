//! `minutes-lint rule [NAME]`: list the rules, or print one rule's documentation.

use crate::core::rules::{find, RULES};
use std::io::{self, Write};

/// Runs the command; returns the exit code.
pub fn run_rule(name: Option<&str>, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<i32> {
    let Some(name) = name else {
        let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
        for rule in RULES {
            writeln!(
                out,
                "{:<width$}  {:<7}  {}",
                rule.name,
                rule.default_severity.as_str(),
                rule.summary()
            )?;
        }
        return Ok(0);
    };
    match find(name) {
        Some(rule) => {
            writeln!(
                out,
                "{} (default: {}, {})\n",
                rule.name,
                rule.default_severity.as_str(),
                rule.group.as_str()
            )?;
            writeln!(out, "{}", rule.doc())?;
            Ok(0)
        }
        None => {
            let suggestion = RULES
                .iter()
                .map(|r| (strsim::levenshtein(r.name, name), r.name))
                .filter(|(d, _)| *d <= 3)
                .min()
                .map(|(_, n)| format!(" (did you mean `{n}`?)"))
                .unwrap_or_default();
            writeln!(
                err,
                "error: unknown rule `{name}`{suggestion}; `minutes-lint rule` lists them"
            )?;
            Ok(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_rule_and_suggests_a_near_name() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run_rule(None, &mut out, &mut err).unwrap(), 0);
        let listing = String::from_utf8(out).unwrap();
        assert_eq!(listing.lines().count(), RULES.len());
        let (mut out, mut err) = (Vec::new(), Vec::new());
        assert_eq!(run_rule(Some("paste-residu"), &mut out, &mut err).unwrap(), 2);
        let message = String::from_utf8(err).unwrap();
        assert!(message.contains("did you mean `paste-residue`"), "{message}");
    }
}
