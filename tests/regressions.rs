//! Inputs that once broke the core, found by the property tests and the fuzz targets, kept
//! inline so that they run with every `cargo test`. Each test says what was wrong.

#[path = "support/invariants.rs"]
mod invariants;

use minutes_lint::core::diagnostic::Edit;
use minutes_lint::core::fix::apply_edits;
use minutes_lint::core::text::{ColumnUnit, LineCol, LineIndex};
use minutes_lint::Span;

/// proptest `line_index_round_trips_in_every_unit`, shrunk to "\r\n": the offset between CR and
/// LF became column 1 of line 0 (past the line's end), which maps back to offset 0 flagged as
/// clamped. It is now the end of its line, column 0.
#[test]
fn offset_inside_crlf_is_the_end_of_its_line() {
    let text = "\r\n";
    let index = LineIndex::new(text);
    for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Char] {
        let lc = index.to_line_col(text, 1, unit);
        assert_eq!(lc, LineCol { line: 0, col: 0 });
        assert_eq!(index.to_offset(text, lc, unit), (0, false));
    }
}

/// proptest `apply_edits_survives_bad_edits`: a reversed edit (start 38 > end 3) was applied —
/// the text up to 38, the replacement, then the text from 3 again — duplicating 35 bytes.
#[test]
fn reversed_edit_is_skipped() {
    let text = "\u{feff}\r\ra a   \n𐀀0¡\n\u{feff}\u{feff}\u{feff}\r\néé\u{2028}e\u{301}";
    let out = apply_edits(text, &[Edit::replace(Span::new(38, 3), "")]);
    assert_eq!(out, text);
}

/// proptest `choose_fixes_matches_the_quadratic_reference`, against the first draft of the
/// indexed `choose_fixes` (never committed): one fix that inserts at 24 and replaces 24..25 is
/// valid (`Fix::new` keeps both, `apply_edits` applies both), but the draft rejected it and its
/// index could hold only one span per start.
#[test]
fn one_fix_may_insert_where_it_also_replaces() {
    use minutes_lint::core::diagnostic::{Diagnostic, Fix};
    use minutes_lint::core::fix::choose_fixes;
    let fix = Fix::safe("f", vec![Edit::insert(24, "a"), Edit::delete(Span::new(24, 25))]);
    let diagnostics = vec![
        Diagnostic::new("r", Span::new(0, 0), "m").with_fix(fix),
        Diagnostic::new("r", Span::new(0, 0), "m").with_fix(Fix::safe("g", vec![Edit::insert(24, "b")])),
        Diagnostic::new("r", Span::new(0, 0), "m")
            .with_fix(Fix::safe("h", vec![Edit::replace(Span::new(23, 24), "c")])),
    ];
    let (edits, rules) = choose_fixes(&diagnostics, false);
    let spans: Vec<(usize, usize)> = edits.iter().map(|e| (e.span.start, e.span.end)).collect();
    assert_eq!(spans, [(23, 24), (24, 24), (24, 25)]);
    assert_eq!(rules.len(), 2);
}

/// `fix` fuzz target in CI (and a local search seeded from the corpus): the long form read back
/// from "(CAMHS)" stopped at the apostrophe of "’s" earlier on the line, as reading forwards
/// from the last full stop does, so "Child and Adolescent Mental Health Services (CAMHS)" was
/// no definition. `undefined-acronym` then offered to add "(CAMHS)" after the long form again,
/// pass after pass. Definitions are now read backwards from the bracket.
#[test]
fn a_definition_after_an_apostrophe_on_its_line_is_recognised() {
    use minutes_lint::core::fix::fix_all;
    use minutes_lint::{lint, Config};
    let text = "The Deputy ’s Services advised that Mental Health support was important, including \
        working with Child and Adolescent Mental Health Services (CAMHS).\n\nCAMHS will report.\n";
    let config = Config::default();
    let linted = lint(text, &config, None);
    let acronyms: Vec<&str> = linted
        .diagnostics
        .iter()
        .filter(|d| d.rule.contains("acronym"))
        .map(|d| d.span.slice(text))
        .collect();
    assert!(acronyms.is_empty(), "{acronyms:?}");
    let fixed = fix_all(text, &config, None, false);
    assert!(!fixed.text.contains("(CAMHS) (CAMHS)"), "{}", fixed.text);
}

/// The same search: "(FS)" added after "Financial Strategy" in front of two words in capitals is
/// read as part of a run of capitals, which holds no acronyms, so the safe fix defined nothing
/// and was offered again after every pass. A fix that would not be read as a definition is now
/// unsafe.
#[test]
fn an_acronym_fix_that_would_not_define_it_is_unsafe() {
    use minutes_lint::core::diagnostic::Applicability;
    use minutes_lint::core::fix::fix_all;
    use minutes_lint::{lint, Config};
    let text = "1. Budget\n\nThe Financial Strategy ABC DEF was agreed.\n\nThe FS will be reviewed.\n";
    let config = Config::default();
    let linted = lint(text, &config, None);
    let fs = linted
        .diagnostics
        .iter()
        .find(|d| d.rule == "undefined-acronym" && d.span.slice(text) == "FS")
        .expect("FS is undefined");
    assert_eq!(fs.fixes.len(), 1);
    assert_eq!(fs.fixes[0].applicability, Applicability::Unsafe);
    assert!(!fix_all(text, &config, None, false).text.contains("(FS)"));
}

/// Every seed of the `lint` and `fix` fuzz targets passes their checks. A crash the fuzzer finds
/// is kept by copying its input into `fuzz/seeds/fix/` (or `lint/`), so that it is replayed here
/// on every `cargo test`, not only when the fuzzer runs.
#[test]
fn fuzz_seeds_pass_the_fuzz_targets_checks() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let mut replayed = 0;
    for target in ["lint", "fix"] {
        let mut files: Vec<_> = std::fs::read_dir(seeds.join(target))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).unwrap();
            let Some((text, path)) = invariants::decode_fuzz_input(&data) else {
                continue;
            };
            let checked = if target == "lint" {
                invariants::check_linting(&text, path)
            } else {
                invariants::check_safe_fixing(&text, path)
            };
            if let Err(e) = checked {
                panic!("{}: {e}", file.display());
            }
            replayed += 1;
        }
    }
    assert!(replayed >= 20, "only {replayed} seeds replayed");
}
