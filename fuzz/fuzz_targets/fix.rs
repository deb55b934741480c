//! Any input → safe fixes, pass by pass, as `fix_all(include_unsafe = false)` applies them:
//! no panic; the chosen edits are valid and disjoint; applying them changes nothing outside
//! them (checked against a naive reference); a fixed finding is not reported again at the same
//! place or inside the text its fix wrote; no acronym becomes undefined; fixing converges within
//! `MAX_PASSES`; the loop agrees with `fix_all`; and a second `fix_all` changes nothing. Unsafe
//! fixing is run too, for panics and valid spans only (`invariants::check_safe_fixing`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use minutes_lint_fuzz::{decode, invariants};

fuzz_target!(|data: &[u8]| {
    let Some((text, path)) = decode(data) else {
        return;
    };
    if let Err(e) = invariants::check_safe_fixing(&text, path) {
        panic!("{e}");
    }
});
