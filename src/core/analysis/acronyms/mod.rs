//! Acronym uses and definitions across a whole document.
//!
//! One pass over the text finds every word shaped like an acronym ("LGA", "DfE", "SENCo", the
//! plural "GPs"), skipping what only looks like one: item numbers and words with digits or
//! slashes, URLs and residue, all-capitals lines and runs of capitals, roman numerals, units after
//! numbers and the capitalised marker words of minutes ("RESOLVED", "NOTED"). At each use it
//! looks at the few characters around it for a definition: "Long Form (ABC)", "ABC (Long Form)",
//! "ABC – Long Form" or "ABC: Long Form", checking that the long form's initials fit the acronym
//! (loosely: small words may be skipped or lend a letter, hyphenated words count twice). A
//! definition that opens a line ("CHC – Continuing Health Care", a Markdown table row) is a
//! glossary entry and counts for the whole document.
//!
//! The work is linear in the text, as it runs on every keystroke in the editor: the scan jumps
//! from one ASCII capital to the next and looks only at the words holding two of them, each line's
//! case is worked out once, definitions are looked for in a bounded window around each use, and
//! acronyms are kept in a hash map. ASCII, nearly all of a draft, is read a byte at a time without
//! decoding, and each chunk's own words are judged before its neighbours (about 1 ms for a 1 MB
//! draft in a release build, and 0.3 ms more for [`find_long_forms`]). The rules
//! `undefined-acronym`, `acronym-defined-late` and `acronym-redefined` read it, and so can the
//! language server's hover, completion and go to definition.
//!
//! The parts: `tokens` reads the text (chunks, lines, the words of a long form), `detection` is
//! the scan deciding which words are acronyms, `definitions` finds where one is spelled out and
//! whether a long form fits, `long_forms` finds phrases spelling an acronym without it, and
//! `fix_edits` serves the fixes (the spelled-out text, whether an edit defines). This file holds
//! the result and its queries. A lint computes the analysis once (`Context::acronyms`) and hands
//! it on in `Linted::analyses`, so the language server's hover and completion reuse it.

mod definitions;
mod detection;
mod english;
mod fix_edits;
mod long_forms;
mod person_codes;
mod tokens;

pub use definitions::{initials_match, long_form_matches, normalise_long_form, Definition, DefinitionKind};
pub use detection::{acronym_base, DEFAULT_KNOWN};
pub use fix_edits::{edit_defines, spell_out_edit, spelled_out};
pub use long_forms::{find_long_forms, LongFormHit};

use crate::core::glossary::GlossaryMeaning;
use crate::core::text::Span;
use std::collections::HashMap;

/// One acronym of the document: its uses, its definitions and what is known about it.
#[derive(Clone, Debug)]
pub struct AcronymInfo {
    /// The acronym without a plural "s" ("GP" for "GPs").
    pub name: String,
    /// Every use, in order of position, each covering the word as written ("GPs").
    pub uses: Vec<Span>,
    /// Every definition in the document, in order of position.
    pub definitions: Vec<Definition>,
    /// In the built-in known list or the config's `known` list: never needs spelling out.
    pub known: bool,
    /// The long form the config's glossary gives, which makes the acronym defined everywhere.
    pub config_long_form: Option<String>,
    /// The built-in glossary's meanings (several when the acronym is ambiguous).
    pub builtin: &'static [GlossaryMeaning],
}

impl AcronymInfo {
    /// The first use (every acronym recorded has at least one).
    pub fn first_use(&self) -> Span {
        self.uses.first().copied().unwrap_or_default()
    }

    /// Needs no definition in the text: known, or in the config's glossary.
    pub fn exempt(&self) -> bool {
        self.known || self.config_long_form.is_some()
    }

    /// Spelled out somewhere: in the text, or by the config's glossary.
    pub fn is_defined(&self) -> bool {
        !self.definitions.is_empty() || self.config_long_form.is_some()
    }

    /// Defined for the whole document: a glossary entry in the text or the config's glossary.
    pub fn defined_everywhere(&self) -> bool {
        self.config_long_form.is_some() || self.definitions.iter().any(|d| d.glossary)
    }

    /// The definition that applies: a glossary entry if there is one, else the first.
    pub fn definition(&self) -> Option<&Definition> {
        self.definitions
            .iter()
            .find(|d| d.glossary)
            .or_else(|| self.definitions.first())
    }

    /// The best long form known: the document's, else the config's, else the built-in glossary's
    /// when it has exactly one meaning.
    pub fn long_form(&self, text: &str) -> Option<String> {
        if let Some(def) = self.definition() {
            // On one line, though a wrapped bracket wrote it across two.
            return Some(def.long_text(text).split_whitespace().collect::<Vec<_>>().join(" "));
        }
        if let Some(long) = &self.config_long_form {
            return Some(long.clone());
        }
        match self.builtin {
            [only] => Some(only.long_form.clone()),
            _ => None,
        }
    }
}

/// Where a long form comes from, for hover text and completion details.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LongFormSource {
    /// Written in the document, at this definition's span.
    Document(Span),
    /// The config's `[acronyms.glossary]`.
    Config,
    /// The built-in glossary (with its category).
    Builtin(&'static str),
}

impl AcronymInfo {
    /// Every long form known for the acronym, without repeats: the document's definitions first,
    /// then the config's glossary, then the built-in glossary's meanings.
    pub fn long_forms(&self, text: &str) -> Vec<(String, LongFormSource)> {
        let mut out: Vec<(String, LongFormSource)> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let mut add = |long: &str, source: LongFormSource| {
            let norm = normalise_long_form(long);
            if !seen.contains(&norm) {
                seen.push(norm);
                out.push((long.to_string(), source));
            }
        };
        for def in &self.definitions {
            add(def.long_text(text), LongFormSource::Document(def.span));
        }
        if let Some(long) = &self.config_long_form {
            add(long, LongFormSource::Config);
        }
        for meaning in self.builtin {
            add(&meaning.long_form, LongFormSource::Builtin(meaning.category.as_str()));
        }
        out
    }
}

/// Every acronym used in the document, where it is first used, and where it is defined.
#[derive(Debug, Default)]
pub struct AcronymAnalysis {
    acronyms: Vec<AcronymInfo>,
    index: HashMap<String, usize>,
    /// Every use, in order: its span and the index of its acronym.
    uses: Vec<(Span, usize)>,
}

impl AcronymAnalysis {
    /// Every acronym, in order of first use.
    pub fn iter(&self) -> impl Iterator<Item = &AcronymInfo> {
        self.acronyms.iter()
    }

    pub fn len(&self) -> usize {
        self.acronyms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.acronyms.is_empty()
    }

    /// The acronym by name ("GP", not "GPs").
    pub fn get(&self, name: &str) -> Option<&AcronymInfo> {
        self.index.get(name).map(|&i| &self.acronyms[i])
    }

    /// Where the acronym used at a byte offset is defined (for go to definition).
    pub fn definition_at(&self, offset: usize) -> Option<&Definition> {
        self.at(offset).and_then(|(info, _)| info.definition())
    }

    /// The acronym used at a byte offset, with the span of that use (for hover and go to
    /// definition).
    pub fn at(&self, offset: usize) -> Option<(&AcronymInfo, Span)> {
        let i = self.uses.partition_point(|(span, _)| span.end <= offset);
        let (span, idx) = *self.uses.get(i)?;
        (span.start <= offset).then(|| (&self.acronyms[idx], span))
    }
}

#[cfg(test)]
mod tests;
