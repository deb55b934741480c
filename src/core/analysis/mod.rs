//! Analyses that several rules, and the language server's hover and completion, share.

pub mod acronyms;
pub mod decisions;
pub mod opaque;
pub mod people;
pub mod proceedings;

/// The shared analyses a lint computed (each only if some rule asked for it), kept with its
/// result so that the language server's hover, completion and actions reuse them instead of
/// computing them again.
#[derive(Debug, Default)]
pub struct Analyses {
    pub acronyms: Option<acronyms::AcronymAnalysis>,
    pub people: Option<people::PeopleAnalysis>,
    pub proceedings: Option<proceedings::Proceedings>,
}
