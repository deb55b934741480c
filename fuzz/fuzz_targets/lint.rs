//! Any input → parse + lint with the default config: no panic; the model's spans nest and fall
//! on character boundaries; every diagnostic, related and fix-edit span lies on character
//! boundaries inside the text; the edits of one fix are sorted and do not overlap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use minutes_lint::{lint, Config};
use minutes_lint_fuzz::{decode, invariants};

fuzz_target!(|data: &[u8]| {
    let Some((text, path)) = decode(data) else {
        return;
    };
    let config = Config::default();
    let linted = lint(&text, &config, path);
    if let Err(e) = invariants::check_model(&text, &linted.minutes) {
        panic!("model invariant: {e}");
    }
    if let Err(e) = invariants::check_diagnostics(&text, &linted.diagnostics) {
        panic!("diagnostic invariant: {e}");
    }
});
