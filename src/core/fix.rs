//! Applying fixes: choosing non-overlapping edits and re-linting until nothing is left to fix.

use crate::core::config::Config;
use crate::core::diagnostic::{Applicability, Diagnostic, Edit};
use crate::core::lint::lint;
use crate::core::text::Span;

/// How many lint-and-fix passes `fix_all` makes at most; fixes converge well before this.
pub const MAX_PASSES: usize = 8;

/// What fixing a text did.
#[derive(Debug)]
pub struct FixOutcome {
    /// The fixed text.
    pub text: String,
    /// How many fixes were applied, per rule name.
    pub applied: Vec<(&'static str, usize)>,
    /// The findings left after fixing.
    pub remaining: Vec<Diagnostic>,
}

impl FixOutcome {
    pub fn total_applied(&self) -> usize {
        self.applied.iter().map(|(_, n)| n).sum()
    }
}

/// Applies edits to a text. Edits must be sorted and must not overlap; any that does is skipped.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut cursor = 0;
    for edit in edits {
        let Span { start, end } = edit.span;
        if start < cursor || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&text[cursor..start]);
        out.push_str(&edit.new_text);
        cursor = end;
    }
    out.push_str(&text[cursor..]);
    out
}

/// Picks, for each diagnostic, its first fix of the allowed applicability, skipping any fix whose
/// edits would touch another chosen fix's. Returns the edits in order and the rules they fix.
pub fn choose_fixes(diagnostics: &[Diagnostic], include_unsafe: bool) -> (Vec<Edit>, Vec<&'static str>) {
    let mut chosen: Vec<Edit> = Vec::new();
    let mut rules = Vec::new();
    for diagnostic in diagnostics {
        let fix = diagnostic
            .fixes
            .iter()
            .find(|f| f.applicability == Applicability::Safe || include_unsafe);
        let Some(fix) = fix else { continue };
        if fix.edits.is_empty() {
            continue;
        }
        // The same fix offered by several diagnostics (a whole-document renumbering) counts once.
        if fix.edits.iter().all(|e| chosen.contains(e)) {
            continue;
        }
        let clashes = fix.edits.iter().any(|e| chosen.iter().any(|c| touches(c.span, e.span)));
        if clashes {
            continue;
        }
        chosen.extend(fix.edits.iter().cloned());
        rules.push(diagnostic.rule);
    }
    chosen.sort_by_key(|e| (e.span.start, e.span.end));
    (chosen, rules)
}

/// Lints and fixes repeatedly until no fix applies (or [`MAX_PASSES`] passes).
pub fn fix_all(text: &str, config: &Config, path: Option<&str>, include_unsafe: bool) -> FixOutcome {
    let mut current = text.to_string();
    let mut applied: Vec<(&'static str, usize)> = Vec::new();
    for _ in 0..MAX_PASSES {
        let linted = lint(&current, config, path);
        let (edits, rules) = choose_fixes(&linted.diagnostics, include_unsafe);
        if edits.is_empty() {
            return FixOutcome {
                text: current,
                applied,
                remaining: linted.diagnostics,
            };
        }
        for rule in rules {
            match applied.iter_mut().find(|(r, _)| *r == rule) {
                Some((_, n)) => *n += 1,
                None => applied.push((rule, 1)),
            }
        }
        current = apply_edits(&current, &edits);
    }
    let remaining = lint(&current, config, path).diagnostics;
    FixOutcome {
        text: current,
        applied,
        remaining,
    }
}

/// Two edits clash when they overlap, or when both insert at the same place (order unknown).
fn touches(a: Span, b: Span) -> bool {
    a.overlaps(b)
        || (a.start == b.start && (a.is_empty() || b.is_empty()))
        || (a.is_empty() && b.contains(a.start))
        || (b.is_empty() && a.contains(b.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_sorted_edits_and_skips_overlaps() {
        let text = "abcdef";
        let edits = vec![
            Edit::replace(Span::new(0, 1), "X"),
            Edit::replace(Span::new(0, 2), "Y"),
            Edit::insert(6, "!"),
        ];
        assert_eq!(apply_edits(text, &edits), "Xbcdef!");
    }

    #[test]
    fn never_splits_a_character() {
        let text = "é";
        assert_eq!(apply_edits(text, &[Edit::replace(Span::new(1, 2), "x")]), "é");
    }
}
