//! The built-in glossary of UK local-government acronyms, compiled in from `data/glossary.tsv`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One meaning of an acronym.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlossaryMeaning {
    pub long_form: String,
    pub category: String,
}

/// Acronyms and their meanings; an acronym with more than one meaning is ambiguous.
#[derive(Debug, Default)]
pub struct Glossary {
    entries: BTreeMap<String, Vec<GlossaryMeaning>>,
}

impl Glossary {
    /// The glossary shipped in the binary.
    pub fn builtin() -> &'static Glossary {
        static GLOSSARY: OnceLock<Glossary> = OnceLock::new();
        GLOSSARY.get_or_init(|| Glossary::from_tsv(include_str!("../../data/glossary.tsv")))
    }

    /// Reads `ACRONYM<TAB>long form<TAB>category` lines; `#` lines and blank lines are skipped.
    pub fn from_tsv(data: &str) -> Glossary {
        let mut entries: BTreeMap<String, Vec<GlossaryMeaning>> = BTreeMap::new();
        for line in data.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(acronym), Some(long_form)) = (fields.next(), fields.next()) else {
                continue;
            };
            let category = fields.next().unwrap_or("").trim().to_string();
            entries
                .entry(acronym.trim().to_string())
                .or_default()
                .push(GlossaryMeaning {
                    long_form: long_form.trim().to_string(),
                    category,
                });
        }
        Glossary { entries }
    }

    /// The meanings of an acronym, exactly as written ("DfE"), or none.
    pub fn meanings(&self, acronym: &str) -> &[GlossaryMeaning] {
        self.entries.get(acronym).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &[GlossaryMeaning])> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }
}
