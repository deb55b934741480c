//! Any input → parse + lint with the default config: no panic; the model's spans nest and fall
//! on character boundaries; every diagnostic, related and fix-edit span lies on character
//! boundaries inside the text; the edits of one fix are sorted and do not overlap
//! (`invariants::check_linting`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use minutes_lint_fuzz::{decode, invariants};

fuzz_target!(|data: &[u8]| {
    let Some((text, path)) = decode(data) else {
        return;
    };
    if let Err(e) = invariants::check_linting(&text, path) {
        panic!("{e}");
    }
});
