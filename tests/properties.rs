//! Property tests for the core's position arithmetic, edit application and parser ranges.
//!
//! Case counts are kept modest (the whole file runs in a few seconds); the fuzz targets in
//! `fuzz/` explore the same properties for longer.

#[path = "support/invariants.rs"]
mod invariants;

use minutes_lint::core::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use minutes_lint::core::fix::{apply_edits, choose_fixes};
use minutes_lint::core::text::{ColumnUnit, LineCol, LineIndex};
use minutes_lint::{parse, Span};
use proptest::prelude::*;

const UNITS: [ColumnUnit; 3] = [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Char];

/// Text made of pieces that stress line breaking and column counting: every line-ending kind,
/// astral characters (surrogate pairs in UTF-16), combining marks, a BOM, tabs, NUL, and
/// arbitrary Unicode.
fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\r\r\n\n".to_string()),
        Just("😀".to_string()),
        Just("e\u{301}".to_string()),
        Just("é".to_string()),
        Just("\u{feff}".to_string()),
        Just("\t".to_string()),
        Just("\0".to_string()),
        Just("\u{2028}".to_string()),
        "[a-z ]{0,6}",
        any::<char>().prop_map(String::from),
        ".{0,4}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

/// Char-boundary offsets of a text, including its end.
fn boundaries(text: &str) -> Vec<usize> {
    (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect()
}

/// True when `offset` sits between the `\r` and `\n` of a CRLF pair: not a position any client
/// can name.
fn inside_crlf(text: &str, offset: usize) -> bool {
    let b = text.as_bytes();
    offset > 0 && offset < b.len() && b[offset - 1] == b'\r' && b[offset] == b'\n'
}

fn config() -> ProptestConfig {
    // No failure files: a failure prints its minimal input, which goes into tests/regressions.rs.
    ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// byte → (line, UTF-16) → byte → (line, UTF-8) → byte → (line, char) → byte, for every
    /// boundary; the line found is the line whose span holds the offset.
    #[test]
    fn line_index_round_trips_in_every_unit(text in text_strategy()) {
        let index = LineIndex::new(&text);
        for offset in boundaries(&text) {
            let mut at = offset;
            if inside_crlf(&text, offset) {
                // The middle of a CRLF pair is reported as the end of its line.
                let lc = index.to_line_col(&text, offset, ColumnUnit::Utf8);
                prop_assert_eq!(index.to_offset(&text, lc, ColumnUnit::Utf8), (offset - 1, false));
                continue;
            }
            for unit in UNITS {
                let lc = index.to_line_col(&text, at, unit);
                let span = index.line_span(&text, lc.line as usize);
                prop_assert!(span.start <= at && at <= index.line_start(lc.line as usize + 1).min(text.len()));
                let (back, clamped) = index.to_offset(&text, lc, unit);
                prop_assert!(!clamped, "{:?} at {} ({:?}) clamped", unit, at, lc);
                prop_assert_eq!(back, at, "{:?} {:?}", unit, lc);
                at = back;
            }
        }
    }

    /// Line starts agree with a naive split at `\n`, `\r\n` and lone `\r` (and nothing else).
    #[test]
    fn line_index_breaks_where_lsp_does(text in text_strategy()) {
        let index = LineIndex::new(&text);
        let mut starts = vec![0];
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                starts.push(i + 2);
                i += 2;
                continue;
            }
            if b[i] == b'\n' || b[i] == b'\r' {
                starts.push(i + 1);
            }
            i += 1;
        }
        prop_assert_eq!(index.line_count(), starts.len());
        for (line, start) in starts.iter().enumerate() {
            prop_assert_eq!(index.line_start(line), *start);
            let content = index.line_span(&text, line).slice(&text);
            prop_assert!(!content.contains(['\n', '\r']), "line {} is {:?}", line, content);
        }
    }

    /// Any position, however wrong (past the last line, past the line's end, inside a surrogate
    /// pair or a UTF-8 sequence), clamps to a character boundary on that line (or the end), and
    /// is reported unclamped exactly when it names that offset.
    #[test]
    fn clamping_always_lands_on_a_boundary(
        text in text_strategy(),
        positions in prop::collection::vec((0u32..12, 0u32..40), 1..16),
        far in any::<(u32, u32)>(),
    ) {
        let index = LineIndex::new(&text);
        let far = LineCol { line: far.0, col: far.1 };
        for pos in positions.into_iter().map(|(line, col)| LineCol { line, col }).chain([far]) {
            for unit in UNITS {
                let (offset, clamped) = index.to_offset(&text, pos, unit);
                prop_assert!(offset <= text.len());
                prop_assert!(text.is_char_boundary(offset), "{:?} {:?} → {}", pos, unit, offset);
                prop_assert!(!inside_crlf(&text, offset));
                if (pos.line as usize) < index.line_count() {
                    let span = index.line_span(&text, pos.line as usize);
                    prop_assert!(span.start <= offset && offset <= span.end);
                } else {
                    prop_assert_eq!(offset, text.len());
                    prop_assert!(clamped);
                }
                let named = index.to_line_col(&text, offset, unit) == pos;
                prop_assert_eq!(!clamped, named, "{:?} {:?} → {} clamped={}", pos, unit, offset, clamped);
            }
        }
    }

    /// `to_line_col` accepts any offset (inside a character, past the end) and still answers
    /// with a position `to_offset` maps back to a boundary at or before it.
    #[test]
    fn any_offset_converts(text in text_strategy(), offsets in prop::collection::vec(0usize..200, 1..8)) {
        let index = LineIndex::new(&text);
        for offset in offsets {
            for unit in UNITS {
                let lc = index.to_line_col(&text, offset, unit);
                let (back, _) = index.to_offset(&text, lc, unit);
                prop_assert!(back <= offset.min(text.len()));
                prop_assert!(text.is_char_boundary(back));
            }
        }
    }

    /// Sorted, non-overlapping edits on boundaries are applied exactly as a naive reference
    /// applies them.
    #[test]
    fn apply_edits_matches_a_reference(
        text in text_strategy(),
        picks in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), "[a-z😀\n]{0,3}"), 0..8),
    ) {
        let cuts = boundaries(&text);
        let mut points: Vec<(usize, usize, String)> = picks
            .into_iter()
            .map(|(a, b, t)| {
                let (a, b) = (a.get(&cuts).to_owned(), b.get(&cuts).to_owned());
                (a.min(b), a.max(b), t)
            })
            .collect();
        points.sort();
        let mut edits = Vec::new();
        let mut cursor = 0;
        for (start, end, new_text) in points {
            if start >= cursor && !(start == end && edits.last().is_some_and(|e: &Edit| e.span == Span::empty(start))) {
                edits.push(Edit::replace(Span::new(start, end), new_text));
                cursor = end;
            }
        }
        prop_assert_eq!(apply_edits(&text, &edits), invariants::reference_apply(&text, &edits));
    }

    /// Arbitrary edits (overlapping, out of order, past the end, inside characters, reversed)
    /// never make `apply_edits` panic, and what it returns is valid text built only from
    /// the original text and the edits' replacement texts.
    #[test]
    fn apply_edits_survives_bad_edits(
        text in text_strategy(),
        raw in prop::collection::vec((0usize..64, 0usize..64, "[xy]{0,2}"), 0..8),
    ) {
        let edits: Vec<Edit> = raw.into_iter().map(|(s, e, t)| Edit::replace(Span::new(s, e), t)).collect();
        let out = apply_edits(&text, &edits);
        // Only whole edits are applied, and what is kept of the text is kept in order.
        let kept: String = out.chars().filter(|c| *c != 'x' && *c != 'y').collect();
        let original: String = text.chars().filter(|c| *c != 'x' && *c != 'y').collect();
        prop_assert!(is_subsequence(&kept, &original), "{:?} → {:?}", text, out);
    }

    /// `Fix::new` sorts its edits and never keeps two that overlap (or two insertions at one
    /// place), whatever a rule hands it.
    #[test]
    fn fix_new_keeps_no_overlaps(raw in prop::collection::vec((0usize..40, 0usize..6, "[ab]{0,2}"), 0..12)) {
        let edits: Vec<Edit> = raw.into_iter().map(|(s, len, t)| Edit::replace(Span::new(s, s + len), t)).collect();
        let fix = Fix::new("t", Applicability::Safe, edits.clone());
        let text = "x".repeat(64);
        prop_assert!(invariants::check_edits(&text, &fix.edits, "fix").is_ok(), "{:?}", fix.edits);
        for kept in &fix.edits {
            prop_assert!(edits.contains(kept));
        }
        // Something is kept whenever something was offered.
        prop_assert_eq!(fix.edits.is_empty(), edits.is_empty());
    }

    /// `choose_fixes` (indexed, O(n log n)) picks exactly what the straightforward quadratic
    /// scan it replaced picks, and what it picks never overlaps.
    #[test]
    fn choose_fixes_matches_the_quadratic_reference(
        fixes in prop::collection::vec(
            (any::<bool>(), prop::collection::vec((0usize..30, 0usize..4, "[ab]{0,1}"), 0..4)),
            0..12,
        ),
        include_unsafe in any::<bool>(),
    ) {
        let diagnostics: Vec<Diagnostic> = fixes
            .into_iter()
            .map(|(safe, edits)| {
                let edits = edits.into_iter().map(|(s, len, t)| Edit::replace(Span::new(s, s + len), t)).collect();
                let applicability = if safe { Applicability::Safe } else { Applicability::Unsafe };
                Diagnostic::new("rule", Span::new(0, 0), "m").with_fix(Fix::new("f", applicability, edits))
            })
            .collect();
        let (edits, rules) = choose_fixes(&diagnostics, include_unsafe);
        let (expected, expected_rules) = quadratic_choose(&diagnostics, include_unsafe);
        prop_assert_eq!(&edits, &expected);
        prop_assert_eq!(rules.len(), expected_rules);
        let text = "x".repeat(40);
        prop_assert!(invariants::check_edits(&text, &edits, "chosen").is_ok(), "{:?}", edits);
    }

    /// Parsing arbitrary text gives a model whose ranges all fit the text, on boundaries,
    /// blocks in order and not overlapping, items in order, people inside their sections.
    #[test]
    fn parse_ranges_nest_on_arbitrary_text(text in text_strategy()) {
        let minutes = parse(&text);
        if let Err(e) = invariants::check_model(&text, &minutes) {
            prop_assert!(false, "{}\n{:?}", e, text);
        }
    }

    /// The same on text built from the structure minutes have (items, attendance, decisions,
    /// Markdown decoration, residue), so the assembler's branches are reached.
    #[test]
    fn parse_ranges_nest_on_minutes_like_text(text in minutes_like_text()) {
        let minutes = parse(&text);
        if let Err(e) = invariants::check_model(&text, &minutes) {
            prop_assert!(false, "{}\n{:?}", e, text);
        }
    }
}

fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut it = haystack.chars();
    needle.chars().all(|c| it.any(|h| h == c))
}

/// Lines minutes are made of, joined by every kind of line ending.
fn minutes_like_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("Children and Young People Scrutiny Panel"),
        Just("Minutes of the meeting held on Monday 21 March 2022"),
        Just("Venue: Virtual"),
        Just("Agenda item"),
        Just("Present:"),
        Just("Present: Councillor S Newman (Chair), Cllr A Porter and Mrs B Kellner"),
        Just("Apologies:"),
        Just("Apologies for absence were received from Councillors Alijah, Collins and Reid"),
        Just("Councillor Zoë Ångström-😀 (Vice Chair)"),
        Just("Jane Smith, Tom Brown and Ann Lee"),
        Just("21/47"),
        Just("21/48 Declarations of Interest"),
        Just("CYP/OSG/17/13 Ofsted Monitoring Visit"),
        Just("84. Apologies (Item 1)"),
        Just("33.1 The Panel noted"),
        Just("1. first point"),
        Just("(a) a sub-paragraph"),
        Just("## 21/49 Minutes of the last meeting"),
        Just("# Heading"),
        Just("- a list entry"),
        Just("* **RESOLVED** that the report be noted"),
        Just("Minutes:"),
        Just("Decision"),
        Just("RESOLVED –"),
        Just("RESOLVED: That the report be noted."),
        Just("The Committee agreed:"),
        Just("NOTED"),
        Just("The minutes were submitted and approved as a correct record."),
        Just("Home > Council and Democracy > Meetings"),
        Just("pdf icon PDF 284 KB"),
        Just("Supporting documents:"),
        Just("<!-- minutes-lint: allow undefined-acronym -->"),
        Just("<!--"),
        Just("-->"),
        Just("SEND – special educational needs and disabilities"),
        Just("Contact clerk@example.gov.uk or see https://example.gov.uk/x"),
        Just("the three previous"),
        Just("\u{a0}"),
        Just("\u{feff}Title"),
        Just(""),
        Just("   "),
    ];
    let ending = prop_oneof![Just("\n"), Just("\r\n"), Just("\r"), Just("\n\n")];
    prop::collection::vec((line, ending, ".{0,3}"), 0..30).prop_map(|lines| {
        let mut out = String::new();
        for (l, e, noise) in lines {
            out.push_str(l);
            if noise.starts_with('z') {
                out.push_str(&noise);
            }
            out.push_str(e);
        }
        out
    })
}

/// The fix chooser as it was first written: linear scans over everything chosen so far.
fn quadratic_choose(diagnostics: &[Diagnostic], include_unsafe: bool) -> (Vec<Edit>, usize) {
    fn touches(a: Span, b: Span) -> bool {
        a.overlaps(b)
            || (a.start == b.start && (a.is_empty() || b.is_empty()))
            || (a.is_empty() && b.contains(a.start))
            || (b.is_empty() && a.contains(b.start))
    }
    let mut chosen: Vec<Edit> = Vec::new();
    let mut rules = 0;
    for d in diagnostics {
        let Some(fix) = d
            .fixes
            .iter()
            .find(|f| f.applicability == Applicability::Safe || include_unsafe)
        else {
            continue;
        };
        if fix.edits.is_empty() || fix.edits.iter().all(|e| chosen.contains(e)) {
            continue;
        }
        if fix.edits.iter().any(|e| chosen.iter().any(|c| touches(c.span, e.span))) {
            continue;
        }
        chosen.extend(fix.edits.iter().cloned());
        rules += 1;
    }
    chosen.sort_by_key(|e| (e.span.start, e.span.end));
    (chosen, rules)
}
