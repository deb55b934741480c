//! People named in a document, grouped by who they are.

use crate::core::model::Minutes;

/// Every person mentioned, with the spellings used.
#[derive(Debug, Default)]
pub struct PeopleAnalysis {}

impl PeopleAnalysis {
    pub fn new(_text: &str, _minutes: &Minutes) -> Self {
        PeopleAnalysis {}
    }
}
