//! Helpers shared by the integration tests (each test file that needs them says `mod support;`).

pub mod invariants;
