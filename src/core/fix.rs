//! Applying fixes: choosing non-overlapping edits and re-linting until nothing is left to fix.

use crate::core::config::Config;
use crate::core::diagnostic::{Applicability, Diagnostic, Edit};
use crate::core::lint::lint;
use crate::core::text::Span;
use std::collections::{BTreeSet, HashSet};

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

/// Applies edits to a text. Edits must be sorted and must not overlap; any that does, or that
/// is reversed, runs past the end or splits a character, is skipped.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut cursor = 0;
    for edit in edits {
        let Span { start, end } = edit.span;
        if start < cursor
            || end < start
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
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
///
/// Runs in O(n log n) in the number of edits: a long draft can have thousands of findings that
/// all carry the same whole-document fix (a renumbering) with thousands of edits each.
pub fn choose_fixes(diagnostics: &[Diagnostic], include_unsafe: bool) -> (Vec<Edit>, Vec<&'static str>) {
    let mut chosen: Vec<Edit> = Vec::new();
    let mut seen: HashSet<&Edit> = HashSet::new();
    // Every chosen span, ordered by (start, end).
    let mut taken: BTreeSet<(usize, usize)> = BTreeSet::new();
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
        if fix.edits.iter().all(|e| seen.contains(e)) {
            continue;
        }
        // A fix built without `Fix::new` might hold unsorted or clashing edits: skip it whole
        // rather than apply half of it.
        let consistent = fix.edits.windows(2).all(|w| {
            let (a, b) = (w[0].span, w[1].span);
            a.end <= b.start && !(a.is_empty() && b.is_empty() && a.start == b.start)
        });
        let valid = fix.edits.iter().all(|e| e.span.start <= e.span.end);
        if !consistent || !valid || fix.edits.iter().any(|e| clashes(&taken, e.span)) {
            continue;
        }
        for edit in &fix.edits {
            taken.insert((edit.span.start, edit.span.end));
        }
        chosen.extend(fix.edits.iter().cloned());
        seen.extend(fix.edits.iter());
        rules.push(diagnostic.rule);
    }
    chosen.sort_by_key(|e| (e.span.start, e.span.end));
    (chosen, rules)
}

/// Whether `span` touches any chosen span. Chosen spans are sorted and disjoint (an insertion
/// may share its place with a replacement that follows it, within one fix), so their ends rise
/// with their starts: only those starting at or before `span` and ending at or after its start,
/// and those starting inside it, can touch it.
fn clashes(taken: &BTreeSet<(usize, usize)>, span: Span) -> bool {
    let before = taken
        .range(..=(span.start, usize::MAX))
        .rev()
        .take_while(|&&(_, end)| end >= span.start)
        .any(|&(start, end)| touches(Span::new(start, end), span));
    before || (span.end > span.start + 1 && taken.range((span.start + 1, 0)..(span.end, 0)).next().is_some())
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

    fn diagnostic(edits: Vec<Edit>) -> Diagnostic {
        Diagnostic::new("r", Span::new(0, 0), "m").with_fix(crate::core::diagnostic::Fix::safe("f", edits))
    }

    #[test]
    fn chooses_fixes_that_do_not_touch() {
        let diagnostics = vec![
            diagnostic(vec![Edit::replace(Span::new(2, 5), "a")]),
            diagnostic(vec![Edit::replace(Span::new(4, 6), "b")]),
            diagnostic(vec![Edit::insert(2, "c")]),
            diagnostic(vec![Edit::insert(3, "d")]),
            diagnostic(vec![Edit::insert(5, "e"), Edit::replace(Span::new(0, 1), "f")]),
            diagnostic(vec![Edit::replace(Span::new(2, 5), "a")]),
            diagnostic(vec![Edit::replace(Span::new(1, 2), "g"), Edit::insert(9, "h")]),
        ];
        let (edits, rules) = choose_fixes(&diagnostics, false);
        let spans: Vec<(usize, usize)> = edits.iter().map(|e| (e.span.start, e.span.end)).collect();
        assert_eq!(spans, [(0, 1), (1, 2), (2, 5), (5, 5), (9, 9)]);
        assert_eq!(rules.len(), 3);
    }

    #[test]
    fn chooses_among_thousands_of_copies_of_one_fix_quickly() {
        let edits: Vec<Edit> = (0..20_000)
            .map(|i| Edit::replace(Span::new(i * 4, i * 4 + 2), "9"))
            .collect();
        let diagnostics: Vec<Diagnostic> = (0..50).map(|_| diagnostic(edits.clone())).collect();
        let (chosen, rules) = choose_fixes(&diagnostics, false);
        assert_eq!((chosen.len(), rules.len()), (20_000, 1));
    }

    #[test]
    fn skips_a_reversed_edit_instead_of_duplicating_text() {
        let edits = vec![Edit::replace(Span::new(4, 1), "X"), Edit::insert(6, "!")];
        assert_eq!(apply_edits("abcdef", &edits), "abcdef!");
    }

    #[test]
    fn never_splits_a_character() {
        let text = "é";
        assert_eq!(apply_edits(text, &[Edit::replace(Span::new(1, 2), "x")]), "é");
    }
}
