//! Helpers shared by the fuzz targets: the invariants the tests also check, and input decoding.

#[path = "../../tests/support/invariants.rs"]
pub mod invariants;

pub use invariants::decode_fuzz_input as decode;
