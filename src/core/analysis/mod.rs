//! Analyses that several rules, and the language server's hover and completion, share.

pub mod acronyms;
pub mod decisions;
pub mod people;
