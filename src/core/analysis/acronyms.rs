//! Acronym uses and definitions across a whole document.

use crate::core::config::Config;
use crate::core::model::Minutes;

/// Every acronym used in the document, where it is first used, and where it is defined.
#[derive(Debug, Default)]
pub struct AcronymAnalysis {}

impl AcronymAnalysis {
    pub fn new(_text: &str, _minutes: &Minutes, _config: &Config) -> Self {
        AcronymAnalysis {}
    }
}
