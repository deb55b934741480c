//! The pure core: parse a draft, build its model, run the rules, compute and apply fixes.
//!
//! Nothing here does I/O, and nothing here can fail on user text: every function returns a result
//! for any input. Positions are UTF-8 byte offsets into the text ([`text::Span`]).

pub mod analysis;
pub mod ascii_words;
pub mod config;
pub mod dates;
pub mod diagnostic;
pub mod fix;
pub mod glossary;
pub mod lint;
pub mod model;
pub mod parse;
pub mod rules;
pub mod suppress;
#[cfg(test)]
pub mod testing;
pub mod text;
pub mod vocabulary;
pub mod word;
