//! Any input → safe fixes, pass by pass, as `fix_all(include_unsafe = false)` applies them:
//! no panic; the chosen edits are valid and disjoint; applying them changes nothing outside
//! them (checked against a naive reference); a fixed finding is not reported again at the same
//! place; fixing converges within `MAX_PASSES`; the loop agrees with `fix_all`; and a second
//! `fix_all` changes nothing. Unsafe fixing is run too, for panics only.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minutes_lint::core::diagnostic::{Applicability, Edit};
use minutes_lint::core::fix::{apply_edits, choose_fixes, fix_all, MAX_PASSES};
use minutes_lint::{lint, Config};
use minutes_lint_fuzz::{decode, invariants};

/// Where `offset` lands after `edits`; `after_inserts` says whether an insertion exactly at
/// `offset` goes before it. An offset inside a replaced range maps to the replacement's start.
fn map_offset(edits: &[Edit], offset: usize, after_inserts: bool) -> usize {
    let mut delta: isize = 0;
    for e in edits {
        let shift = e.new_text.len() as isize - e.span.len() as isize;
        if e.span.end < offset || (e.span.end == offset && (!e.span.is_empty() || after_inserts)) {
            delta += shift;
        } else if e.span.start < offset && offset < e.span.end {
            return (e.span.start as isize + delta) as usize;
        } else {
            break;
        }
    }
    (offset as isize + delta) as usize
}

fuzz_target!(|data: &[u8]| {
    let Some((text, path)) = decode(data) else {
        return;
    };
    let config = Config::default();
    let mut current = text.clone();
    let mut passes = 0;
    loop {
        let linted = lint(&current, &config, path);
        if let Err(e) = invariants::check_diagnostics(&current, &linted.diagnostics) {
            panic!("pass {passes}: {e}");
        }
        let (edits, _rules) = choose_fixes(&linted.diagnostics, false);
        if edits.is_empty() {
            break;
        }
        passes += 1;
        assert!(
            passes <= MAX_PASSES,
            "safe fixes still apply after {MAX_PASSES} passes: {edits:?}"
        );
        if let Err(e) = invariants::check_edits(&current, &edits, "chosen") {
            panic!("pass {passes}: {e}");
        }
        let fixed = apply_edits(&current, &edits);
        assert_eq!(
            fixed,
            invariants::reference_apply(&current, &edits),
            "pass {passes}: apply_edits changed text outside its edits"
        );
        assert_ne!(
            fixed, current,
            "pass {passes}: safe fixes that change nothing would loop: {edits:?}"
        );

        // The findings whose fix was applied must not come back at the same place.
        let relinted = lint(&fixed, &config, path);
        for d in &linted.diagnostics {
            let Some(fix) = d
                .fixes
                .iter()
                .find(|f| f.applicability == Applicability::Safe)
            else {
                continue;
            };
            if fix.edits.is_empty() || !fix.edits.iter().all(|e| edits.contains(e)) {
                continue;
            }
            let starts = [
                map_offset(&edits, d.span.start, false),
                map_offset(&edits, d.span.start, true),
            ];
            let ends = [
                map_offset(&edits, d.span.end, false),
                map_offset(&edits, d.span.end, true),
            ];
            let again = relinted.diagnostics.iter().find(|n| {
                n.rule == d.rule
                    && n.message == d.message
                    && starts.contains(&n.span.start)
                    && ends.contains(&n.span.end)
            });
            assert!(
                again.is_none(),
                "pass {passes}: {} fixed by {:?} is reported again: {again:?}",
                d.rule,
                fix.title
            );
        }
        current = fixed;
    }

    let outcome = fix_all(&text, &config, path, false);
    assert_eq!(
        outcome.text, current,
        "fix_all disagrees with applying the chosen fixes pass by pass"
    );
    let again = fix_all(&outcome.text, &config, path, false);
    assert_eq!(
        again.total_applied(),
        0,
        "a second fix_all applied {:?}",
        again.applied
    );
    assert_eq!(
        again.text, outcome.text,
        "a second fix_all changed the text"
    );

    // Unsafe fixes need not converge, but must not panic or produce invalid text positions.
    let risky = fix_all(&text, &config, path, true);
    if let Err(e) = invariants::check_diagnostics(&risky.text, &risky.remaining) {
        panic!("after unsafe fixes: {e}");
    }
});
