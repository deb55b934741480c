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

mod english;
mod person_codes;

use crate::core::config::Config;
use crate::core::glossary::{Glossary, GlossaryMeaning};
use crate::core::model::{BlockKind, Minutes};
use crate::core::text::{floor_char_boundary, Span};
use person_codes::{attendance_initials, code_fits, is_person_code_here, listed_names};
use regex::Regex;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Acronyms so familiar that they never need spelling out; the config's `known` list adds more.
/// These are the ones no clerk in the UK would spell out: the country and its health service,
/// tax and payroll, members of the parliaments, the police's community officers, the annual
/// meeting, cameras and lorries, banks' machines and a few broadcasters and utilities known by
/// their letters alone.
#[rustfmt::skip]
pub const DEFAULT_KNOWN: &[&str] = &[
    "UK", "US", "USA", "EU", "NHS", "BBC", "ITV", "VAT", "PAYE", "HMRC", "MP", "MPs", "MSP", "MEP",
    "GP", "IT", "PCSO", "AGM", "CCTV", "HGV", "ATM", "HQ", "DVLA", "MOT", "BT", "PIN", "FAQ", "DIY",
    "RSPCA", "RSPB", "RNLI", "YMCA", "TV", "WI", "SOS", "QR", "VE", "VJ", "MoD", "MOD", "BACS", "RC",
    // Companies known by their letters: the letters are the name.
    "RBS", "HSBC", "TSB", "ASDA", "BAE", "SSE", "EDF", "AMEY", "IKEA", "BP", "BDO", "KPMG", "PwC",
    "AON", "AXA", "BUPA", "NATS", "DHL", "UPS",
    // A club's or a charity's form after its name ("Glantraeth FC", "… Trust SCIO").
    "FC", "AFC", "RFC", "SCIO", "CIC",
];

/// Police ranks written before a name ("PC Hartley", "PCSO Jane Lee"): with a name after them
/// they are a title, not an acronym to spell out.
#[rustfmt::skip]
const RANKS: &[&str] = &[
    "PC", "WPC", "PCSO", "PSCO", "CPO", "DC", "DS", "DI", "DCI", "DSI", "DCS", "PS", "SGT", "INSP",
];

/// Words after which capitals are a company's name ("KLT Ltd", "RBW Services").
#[rustfmt::skip]
const COMPANY_WORDS: &[&str] = &[
    "Ltd", "Limited", "LTD", "LLP", "plc", "PLC", "Plc", "Inc", "Services", "Group", "Contractors",
    "Associates", "Construction", "Developments", "Homes", "Builders", "Landscapes", "Electrical",
    "Engineering", "Consultants", "Consulting", "Solutions", "Trading", "Partnership",
];

/// Capitalised words that are not acronyms: the markers and emphasis of minutes, honours after a
/// name, and a few abbreviations nobody spells out.
#[rustfmt::skip]
const NOT_ACRONYMS: &[&str] = &[
    "RESOLVED", "RESOLVE", "AGREED", "NOTED", "NOTE", "NB", "DECISION", "DECISIONS", "ITEM",
    "ITEMS", "RECOMMENDED", "RECOMMENDATION", "RECOMMENDATIONS", "MINUTES", "MINUTE", "PRESENT",
    "APOLOGIES", "ACTION", "ACTIONS", "AGENDA", "APPROVED", "ADOPTED", "ENDORSED", "RECEIVED",
    "DEFERRED", "WITHDRAWN", "REFUSED", "CARRIED", "LOST", "MOVED", "SECONDED", "AGAINST",
    "ABSTAIN", "ABSTENTIONS", "NOT", "AND", "THE", "OF", "FOR", "TO", "IN", "ON", "AT", "BY", "OR",
    "NO", "YES", "ALL", "ANY", "THAT", "THIS", "BE", "IS", "WAS", "WERE", "ARE", "WE", "HE", "SHE",
    "ME", "MY", "URGENT", "EXEMPT", "CONFIDENTIAL", "RESTRICTED", "PART", "APPENDIX", "ANNEX",
    "DRAFT", "FINAL", "UPDATE", "REPORT", "CHAIR", "CHAIRMAN", "WELCOME", "NEW", "NEXT", "DATE",
    "TIME", "VENUE", "OPEN", "CLOSED", "END", "IMPORTANT", "PLEASE", "WARNING", "NOTICE", "PUBLIC",
    "PRIVATE", "ONLY", "MUST", "SHOULD", "WILL", "OK", "ID", "TV", "PS", "AM", "PM", "PhD", "MSc",
    "BSc", "QC", "KC", "JP", "DL", "OBE", "MBE", "CBE", "BEM", "KBE", "DBE", "CB", "FRS", "CEng",
    "RIP", "COVID", "HM", "PDF", "DOC", "DOCX", "XLS", "XLSX", "PPT", "PPTX", "RTF", "ODT", "CSV",
    "TBC", "TBA", "TBD", "ASAP", "RSVP", "FAO", "PTO", "MR", "MRS", "CLLR", "CLR", "PHD", "HRH",
    "NE", "NW", "SE", "SW",
    // Days and months, and their short forms, shouted in a date line ("MONDAY 3rd MARCH").
    "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "MON", "TUE",
    "TUES", "WED", "THU", "THUR", "THURS", "FRI", "SAT", "SUN", "JANUARY", "FEBRUARY", "MARCH",
    "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "JAN",
    "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC",
];

/// Units written after a number ("284 KB", "10 MW", "4.00 PM").
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "KB", "MB", "GB", "TB", "KW", "MW", "GW", "KWH", "MWH", "GWH", "KWh", "MWh", "GWh", "KM", "CM",
    "MM", "KG", "MPH", "AM", "PM", "BST", "GMT", "UTC", "HRS", "MINS", "FTE", "WTE", "PA", "KBPS",
    "MBPS", "GBPS", "Mbps", "Gbps", "HA", "DB", "PPM", "GBP", "USD", "EUR", "MT", "KT", "SQM", "PC",
];

/// Words after which a roman numeral is a number, not an acronym ("Part IV", "Schedule XII").
#[rustfmt::skip]
const ROMAN_LEADS: &[&str] = &[
    "part", "section", "schedule", "appendix", "phase", "chapter", "tier", "annex", "article",
    "volume", "stage", "paragraph", "clause", "book", "level", "table", "figure", "title",
];

/// Titles before a person's name: "Mr AH Porter", "Councillor JA Smith" give initials, not acronyms.
#[rustfmt::skip]
const NAME_TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Councillor", "Councillors", "Cllr", "Cllrs", "Clr", "CLLR",
    "Professor", "Prof", "Sir", "Dame", "Rev", "Revd", "Lord", "Lady", "Alderman",
];

/// The first ASCII capital in `bytes` at or after `from`, found eight bytes at a time: a run of
/// lower-case text costs one test per eight bytes, and the capital's place comes from the mask
/// of those eight bytes without looking at them again.
fn next_ascii_capital(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut blocks = rest.chunks_exact(8);
    let mut base = from;
    for block in &mut blocks {
        let mask = capitals_mask(u64::from_le_bytes(block.try_into().unwrap_or_default()));
        if mask != 0 {
            return Some(base + (mask.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    blocks
        .remainder()
        .iter()
        .position(u8::is_ascii_uppercase)
        .map(|p| base + p)
}

/// Bit 7 of each byte of `x` set when that byte is in `A..=Z`.
fn capitals_mask(x: u64) -> u64 {
    bytes_between(x, b'A', b'Z')
}

/// Bit 7 of each byte of `x` set when that byte is in `low..=high` (`1 <= low`, `high <= 126`):
/// the bit-twiddling "hasbetween", exact for each byte as no carry crosses bytes (bytes of 128
/// and above never count).
fn bytes_between(x: u64, low: u8, high: u8) -> u64 {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES * 128;
    const LOW7: u64 = ONES * 127;
    let seven = x & LOW7;
    (ONES * (127 + u64::from(high) + 1)).wrapping_sub(seven)
        & !x
        & seven.wrapping_add(ONES * (127 - (u64::from(low) - 1)))
        & HIGH
}

/// A word of up to 15 bytes and its length packed into an integer, for cheap exact comparisons
/// (None when longer).
fn pack_word(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    // The bytes in little-endian order and the length in the top byte, built without a copy.
    let mut packed = (bytes.len() as u128) << 120;
    for (i, &b) in bytes.iter().enumerate() {
        packed |= u128::from(b) << (8 * i);
    }
    Some(packed)
}

/// Whether `word` is in `table`, through a sorted, packed copy built on first use (a binary
/// search over integers instead of comparing against every entry: these run for every
/// acronym-shaped word).
fn in_table(sorted: &'static OnceLock<Vec<u128>>, table: &'static [&'static str], word: &str) -> bool {
    let packed = sorted.get_or_init(|| {
        let mut v: Vec<u128> = table.iter().filter_map(|w| pack_word(w)).collect();
        v.sort_unstable();
        v
    });
    pack_word(word).is_some_and(|w| packed.binary_search(&w).is_ok())
}

fn is_not_acronym(word: &str) -> bool {
    static SORTED: OnceLock<Vec<u128>> = OnceLock::new();
    in_table(&SORTED, NOT_ACRONYMS, word)
}

fn is_unit(word: &str) -> bool {
    static SORTED: OnceLock<Vec<u128>> = OnceLock::new();
    in_table(&SORTED, UNITS, word)
}

fn is_name_title(word: &str) -> bool {
    // Every title starts with a capital; most words before an acronym do not.
    if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    static SORTED: OnceLock<Vec<u128>> = OnceLock::new();
    in_table(&SORTED, NAME_TITLES, word)
}

/// Small words a long form may skip or take a letter from ("Department for Education" = DfE).
const STOP_WORDS: &[&str] = &[
    "and", "of", "for", "the", "to", "in", "&", "on", "at", "with", "a", "an", "by", "as", "or",
];

/// How far around an acronym the long form of a definition may reach, in bytes.
const WINDOW: usize = 240;

/// How a definition is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DefinitionKind {
    /// "Local Government Association (LGA)".
    LongThenShort,
    /// "LGA (Local Government Association)".
    ShortThenLong,
    /// "LGA – Local Government Association", "LGA - …", "LGA: …", "LGA = …".
    Dashed,
}

/// A place in the document that spells an acronym out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    pub kind: DefinitionKind,
    /// An entry of a glossary list (the definition opens its line): it counts for the whole
    /// document, wherever it stands.
    pub glossary: bool,
    /// The acronym as written in the definition.
    pub acronym: Span,
    /// The long form as written ("Continuing Health Care").
    pub long_form: Span,
    /// The whole definition, acronym, long form and brackets.
    pub span: Span,
    /// What to delete to leave only the acronym or only the long form (" (LGA)", " (Local
    /// Government Association)", " – Local Government Association"), when that reads naturally.
    pub removal: Option<Span>,
}

impl Definition {
    /// The long form's text.
    pub fn long_text<'t>(&self, text: &'t str) -> &'t str {
        self.long_form.slice(text)
    }
}

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
            return Some(def.long_text(text).to_string());
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
    pub fn new(text: &str, minutes: &Minutes, config: &Config) -> Self {
        let mut known: HashSet<&str> = DEFAULT_KNOWN.iter().copied().collect();
        known.extend(config.known_acronyms.iter().map(String::as_str));
        let facts = Facts {
            known,
            config,
            glossary: Glossary::builtin(),
        };
        let mut analysis = AcronymAnalysis::default();
        let opaque = minutes.merged_opaque();
        let mut opaque_at = 0usize;
        let mut person_codes: HashSet<String> = HashSet::new();

        let bytes = text.as_bytes();
        let mut line = Line::default();
        let mut parts: Vec<Part> = Vec::new();
        let mut pos = 0usize;
        // Only words with an ASCII capital can be acronyms: jump from capital to capital.
        while let Some(at) = next_ascii_capital(bytes, pos) {
            if let Some(end) = lone_capital_word(bytes, at) {
                // The common case, "Council" between spaces: one capital, not an acronym.
                pos = end;
                continue;
            }
            let (start, end) = chunk_around(text, at);
            pos = end.max(at + 1);
            let raw = &text[start..end];
            if raw.bytes().filter(u8::is_ascii_uppercase).count() < 2 {
                continue;
            }
            line.move_to(text, start);
            if line.all_caps {
                // Headings, titles and markers in capitals: nothing on the line is an acronym.
                continue;
            }
            let (chunk, chunk_start) = trim_chunk(raw, start);
            // The words themselves first ("RESOLVED" is no acronym wherever it stands): the
            // neighbours cost more to look at.
            acronym_parts(chunk, chunk_start, &mut parts);
            if parts.is_empty() {
                continue;
            }
            let Some(preceded) = Preceded::read(text, line.span, (start, end), chunk) else {
                continue;
            };
            for part in &parts {
                if preceded.rules_out(part)
                    || overlaps_opaque(&opaque, &mut opaque_at, part.span)
                    || not_an_acronym_here(&facts, text, line.span, part, &mut person_codes)
                {
                    continue;
                }
                analysis.record(&facts, text, line.span, part);
            }
        }
        analysis.drop_person_codes(text, minutes, &person_codes);
        analysis
    }

    /// Takes out the acronyms that are people's initials and that the document does not spell
    /// out as a body's name: codes seen beside a name or in a proposer's place, and the initials
    /// of people in the attendance lists ("SW" for someone listed as "Sara Wyles").
    fn drop_person_codes(&mut self, text: &str, minutes: &Minutes, person_codes: &HashSet<String>) {
        let candidates = self
            .acronyms
            .iter()
            .any(|info| info.definitions.is_empty() && (2..=4).contains(&info.name.len()));
        if !candidates {
            return;
        }
        let mut attendees = attendance_initials(text, minutes);
        attendees.extend(listed_names(text));
        let is_person = |info: &AcronymInfo| {
            info.definitions.is_empty()
                && (person_codes.contains(&info.name) || attendees.iter().any(|n| code_fits(&info.name, n, true)))
        };
        if !self.acronyms.iter().any(is_person) {
            return;
        }
        let old = std::mem::take(&mut self.acronyms);
        let mut new_index: Vec<Option<usize>> = Vec::with_capacity(old.len());
        self.index.clear();
        for info in old {
            if is_person(&info) {
                new_index.push(None);
            } else {
                new_index.push(Some(self.acronyms.len()));
                self.index.insert(info.name.clone(), self.acronyms.len());
                self.acronyms.push(info);
            }
        }
        self.uses = std::mem::take(&mut self.uses)
            .into_iter()
            .filter_map(|(span, i)| new_index[i].map(|j| (span, j)))
            .collect();
    }

    /// Records a use of an acronym, and the definition made there if any.
    fn record(&mut self, facts: &Facts, text: &str, line: Span, part: &Part) {
        let Part { span, word, ref base } = *part;
        let base: &str = base;
        let idx = match self.index.get(base) {
            Some(&i) => i,
            None => {
                let i = self.acronyms.len();
                self.acronyms.push(AcronymInfo {
                    name: base.to_string(),
                    uses: Vec::new(),
                    definitions: Vec::new(),
                    known: facts.known.contains(base) || facts.known.contains(word),
                    config_long_form: facts
                        .config
                        .glossary
                        .get(base)
                        .or_else(|| facts.config.glossary.get(word))
                        .cloned(),
                    builtin: builtin_meanings(facts.glossary, base),
                });
                self.index.insert(base.to_string(), i);
                i
            }
        };
        if let Some(def) = find_definition(text, line, span, base) {
            self.acronyms[idx].definitions.push(def);
        }
        self.acronyms[idx].uses.push(span);
        self.uses.push((span, idx));
    }

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

/// What recording a new acronym looks up.
struct Facts<'c> {
    known: HashSet<&'c str>,
    config: &'c Config,
    glossary: &'static Glossary,
}

/// A part of a chunk shaped like an acronym ("GPs" in "GPs-led"): where it is, the word without a
/// possessive and the acronym it is (without a plural).
#[derive(Clone)]
struct Part<'t> {
    span: Span,
    word: &'t str,
    /// Borrowed from the text, except for a dotted acronym ("P.C.C." is "PCC").
    base: Cow<'t, str>,
}

/// Whether a part that is shaped like an acronym is something else here, by the words around
/// it: an English word shouted ("CLERK"), a rank before a name ("PC Hartley"), a company's name
/// ("KLT Ltd"), initials before a surname ("D.J. Hartley"), or a person's initials (recorded in
/// `person_codes`, so that the code's other uses go too).
fn not_an_acronym_here(facts: &Facts, text: &str, line: Span, part: &Part, person_codes: &mut HashSet<String>) -> bool {
    let base: &str = &part.base;
    let vouched = |name: &str| {
        facts.known.contains(name)
            || facts.config.glossary.contains_key(name)
            || !facts.glossary.meanings(name).is_empty()
    };
    if (english::is_shouted_word(part.word) || english::is_shouted_word(base)) && !vouched(base) && !vouched(part.word)
    {
        return true;
    }
    let after = text.get(part.span.end..line.end).unwrap_or("");
    let next = after
        .trim_start_matches(['.', ' '])
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')' | '('))
        .next()
        .unwrap_or("");
    let next_bytes = next.as_bytes();
    let title_case = next_bytes.len() >= 2 && next_bytes[0].is_ascii_uppercase() && next_bytes[1].is_ascii_lowercase();
    if title_case && (RANKS.contains(&base) || RANKS.contains(&part.word) || part.word.contains('.')) {
        return true;
    }
    let next_word = next.trim_end_matches('.');
    let next_stem = strip_possessive(next_word);
    if !next_word.is_empty() && (COMPANY_WORDS.contains(&next_word) || COMPANY_WORDS.contains(&next_stem)) {
        return true;
    }
    if part.word.contains('.') {
        return false;
    }
    if person_codes.contains(base) {
        return true;
    }
    // A bounded look either side: a line may be a whole document long.
    let from = floor_char_boundary(text, part.span.start.saturating_sub(160).max(line.start));
    let before = text.get(from..part.span.start).unwrap_or("");
    let after = after.get(..floor_char_boundary(after, 80)).unwrap_or("");
    if is_person_code_here(part.word, before, after) && find_definition(text, line, part.span, base).is_none() {
        person_codes.insert(base.to_string());
        return true;
    }
    false
}

/// Fills `parts` with the parts of a trimmed chunk, split at hyphens, that are shaped like
/// acronyms and are not among the capitalised words that are not ("RESOLVED"); none when the
/// chunk holds anything but letters, hyphens and apostrophes.
fn acronym_parts<'t>(chunk: &'t str, chunk_start: usize, parts: &mut Vec<Part<'t>>) {
    parts.clear();
    if let Some(part) = dotted_part(chunk, chunk_start) {
        parts.push(part);
        return;
    }
    if chunk.bytes().all(|b| b.is_ascii_alphabetic()) {
        // The usual chunk, a word of ASCII letters: one part, without a possessive.
        if let Some(part) = acronym_part(chunk, chunk_start) {
            parts.push(part);
        }
        return;
    }
    if chunk.is_empty()
        || !chunk
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
    {
        return;
    }
    let mut offset = 0usize;
    for part in chunk.split('-') {
        let part_start = chunk_start + offset;
        offset += part.len() + 1;
        if let Some(part) = acronym_part(strip_possessive(part), part_start) {
            parts.push(part);
        }
    }
}

/// A dotted acronym ("P.C.C", its last full stop trimmed off with the chunk's) as a part whose
/// base is its letters ("PCC"): two to eight capitals, each but the last followed by a full stop.
fn dotted_part(chunk: &str, start: usize) -> Option<Part<'_>> {
    let bytes = chunk.as_bytes();
    if bytes.len() < 3 || bytes.len() > 15 || bytes[1] != b'.' {
        return None;
    }
    let shaped = bytes
        .iter()
        .enumerate()
        .all(|(i, b)| if i % 2 == 0 { b.is_ascii_uppercase() } else { *b == b'.' });
    if !shaped || bytes.len() % 2 == 0 {
        return None;
    }
    let base: String = chunk.bytes().step_by(2).map(char::from).collect();
    if is_not_acronym(&base) {
        return None;
    }
    Some(Part {
        span: Span::new(start, start + chunk.len()),
        word: chunk,
        base: Cow::Owned(base),
    })
}

/// A word at `start` as a part, when it is shaped like an acronym and is not among the
/// capitalised words that are not.
fn acronym_part(word: &str, start: usize) -> Option<Part<'_>> {
    let base = acronym_base(word)?;
    // The base is the word or a prefix of it: the same length means the same text.
    if is_not_acronym(word) || (base.len() != word.len() && is_not_acronym(base)) {
        return None;
    }
    let span = Span::new(start, start + word.len());
    Some(Part {
        span,
        word,
        base: Cow::Borrowed(base),
    })
}

/// What comes before a chunk, as far as it rules out some of its parts.
struct Preceded<'t> {
    /// A number: a unit follows ("284 KB").
    number: bool,
    /// The chunk before, trimmed.
    prev: Option<&'t str>,
}

impl<'t> Preceded<'t> {
    /// Looks at the chunk's neighbours on the line; None when they rule out all of its parts: it
    /// is in a run of words in capitals, or initials after a title ("Mr AH Porter").
    fn read(text: &'t str, line: Span, (start, end): (usize, usize), chunk: &str) -> Option<Self> {
        let has_lower = chunk.chars().any(char::is_lowercase);
        if !has_lower && in_capitals_run(text, line, start, end) {
            return None;
        }
        let prev = previous_chunk(text, line.start, start);
        if prev.is_some_and(is_name_title) {
            return None;
        }
        Some(Preceded {
            number: prev.is_some_and(is_number),
            prev,
        })
    }

    /// Whether a part is no acronym here: a unit after a number, or a roman numeral.
    fn rules_out(&self, part: &Part) -> bool {
        let Part { word, ref base, .. } = *part;
        if self.number && (is_unit(word) || (base.len() != word.len() && is_unit(base))) {
            return true;
        }
        // Whether the chunk before is a word like "Part" is asked only of roman numerals.
        let roman_lead = || {
            self.prev
                .is_some_and(|p| ROMAN_LEADS.iter().any(|l| p.eq_ignore_ascii_case(l)))
        };
        is_roman(word) && (word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) || roman_lead())
    }
}

/// Characters trimmed from the ends of a word: quotes and Markdown emphasis. A function rather
/// than a slice of characters: trimming with a slice compares each character with every entry.
fn is_edge_char(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '*' | '_' | '`' | '#' | '~')
}

/// The built-in glossary's meanings, written as in the glossary or else in another case ("EQIA"
/// finds "EqIA").
fn builtin_meanings(glossary: &'static Glossary, base: &str) -> &'static [GlossaryMeaning] {
    let exact = glossary.meanings(base);
    if !exact.is_empty() {
        return exact;
    }
    static FOLDED: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let folded = FOLDED.get_or_init(|| glossary.iter().map(|(k, _)| (k.to_ascii_uppercase(), k)).collect());
    folded
        .get(&base.to_ascii_uppercase())
        .map_or(&[], |k| glossary.meanings(k))
}

/// Characters that end a chunk of text (a word with whatever punctuation clings to it). This
/// runs for nearly every character read around a capital, so ASCII goes through a cheaper test.
fn is_chunk_separator(c: char) -> bool {
    if c.is_ascii() {
        is_ascii_chunk_separator(c as u8)
    } else {
        is_any_chunk_separator(c)
    }
}

/// The full definition of a chunk separator, for any character.
fn is_any_chunk_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '<'
                | '>'
                | ','
                | ';'
                | '!'
                | '?'
                | '"'
                | '“'
                | '”'
                | '«'
                | '»'
                | '–'
                | '—'
                | '·'
                | '•'
                | '|'
                | '='
                | '+'
        )
}

/// The ASCII characters [`is_any_chunk_separator`] accepts.
fn is_ascii_chunk_separator(b: u8) -> bool {
    // A table lookup: a chain of comparisons costs more, and this runs for every byte of the
    // words around capitals.
    ASCII_SEPARATORS[usize::from(b)]
}

/// Which bytes [`is_ascii_chunk_separator`] accepts (none of 128 and above).
const ASCII_SEPARATORS: [bool; 256] = ascii_table(b"\t\n\x0b\x0c\r ()[]{}<>,;!?\"|=+");

/// A table of bytes, true for those listed.
const fn ascii_table(bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
}

/// When the chunk holding the ASCII capital at `at` is plain ASCII with no other capital (a
/// separator or the text's start before it, and a separator after it), the chunk's end: such a
/// chunk cannot hold an acronym, and this is much cheaper than [`chunk_around`]. None when the
/// chunk needs the full treatment.
fn lone_capital_word(bytes: &[u8], at: usize) -> Option<usize> {
    if at > 0 && !is_ascii_chunk_separator(bytes[at - 1]) {
        return None;
    }
    let mut i = at + 1;
    loop {
        // Eight lower-case letters at a time: only the first other byte needs a look.
        if let Some(eight) = bytes.get(i..i + 8) {
            let lower = bytes_between(u64::from_le_bytes(eight.try_into().unwrap_or_default()), b'a', b'z');
            let others = !lower & (u64::MAX / 255 * 128);
            if others == 0 {
                i += 8;
                continue;
            }
            i += (others.trailing_zeros() / 8) as usize;
        }
        let Some(&b) = bytes.get(i) else {
            return Some(bytes.len());
        };
        if is_ascii_chunk_separator(b) {
            return Some(i);
        }
        if !b.is_ascii() || b.is_ascii_uppercase() {
            return None;
        }
        i += 1;
    }
}

/// The chunk holding the byte at `at` (an ASCII capital, so a character boundary).
fn chunk_around(text: &str, at: usize) -> (usize, usize) {
    let start = rfind_char(&text[..at], usize::MAX, is_chunk_separator).map_or(0, |(i, c)| i + c.len_utf8());
    let end = find_char(&text[at..], usize::MAX, is_chunk_separator).map_or(text.len(), |(i, _)| at + i);
    (start, end)
}

/// The first character of `s` that `pred` accepts, among its first `limit`, with its offset.
/// ASCII is read a byte at a time, without decoding (it is nearly all of what is read around
/// capitals); a byte beyond ASCII hands the whole search to the decoding iterator.
fn find_char(s: &str, limit: usize, pred: impl Fn(char) -> bool) -> Option<(usize, char)> {
    for (i, &b) in s.as_bytes().iter().take(limit).enumerate() {
        if !b.is_ascii() {
            return s.char_indices().take(limit).find(|&(_, c)| pred(c));
        }
        if pred(char::from(b)) {
            return Some((i, char::from(b)));
        }
    }
    None
}

/// The last character of `s` that `pred` accepts, among its last `limit`, with its offset: the
/// mirror of [`find_char`].
fn rfind_char(s: &str, limit: usize, pred: impl Fn(char) -> bool) -> Option<(usize, char)> {
    for (i, &b) in s.as_bytes().iter().enumerate().rev().take(limit) {
        if !b.is_ascii() {
            return s.char_indices().rev().take(limit).find(|&(_, c)| pred(c));
        }
        if pred(char::from(b)) {
            return Some((i, char::from(b)));
        }
    }
    None
}

/// A chunk without quotes, emphasis and trailing full stops or colons, with its new start.
fn trim_chunk(raw: &str, start: usize) -> (&str, usize) {
    if starts_and_ends_alphanumeric(raw) {
        // The usual chunk: nothing to trim.
        return (raw, start);
    }
    let lead = raw.len() - raw.trim_start_matches(is_edge_char).len();
    let chunk = raw.trim_matches(is_edge_char);
    let chunk = chunk.trim_end_matches(['.', ':', '…']);
    (chunk.trim_end_matches(is_edge_char), start + lead)
}

/// Whether a chunk starts and ends with an ASCII letter or digit, so that there is nothing to
/// trim from it.
fn starts_and_ends_alphanumeric(chunk: &str) -> bool {
    let bytes = chunk.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_alphanumeric) && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
}

/// The line holding the current position, and whether it is written all in capitals.
#[derive(Default)]
struct Line {
    span: Span,
    all_caps: bool,
    valid: bool,
}

impl Line {
    fn move_to(&mut self, text: &str, offset: usize) {
        if self.valid && self.span.start <= offset && offset <= self.span.end {
            return;
        }
        let bytes = text.as_bytes();
        let start = memchr::memrchr2(b'\n', b'\r', &bytes[..offset]).map_or(0, |i| i + 1);
        let end = memchr::memchr2(b'\n', b'\r', &bytes[offset..]).map_or(bytes.len(), |i| offset + i);
        self.span = Span::new(start, end);
        // Words with digits ("3rd", "7.30pm") do not count: a date line in capitals is still one.
        self.all_caps = !text[start..end]
            .split_whitespace()
            .any(|w| w.chars().any(char::is_lowercase) && !w.bytes().any(|b| b.is_ascii_digit()));
        self.valid = true;
    }
}

/// How a neighbouring chunk is written, for finding runs of capitals ("THE BOARD AGREED").
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Capitals,
    Neither,
}

fn chunk_case(chunk: &str) -> Case {
    if chunk.is_ascii() {
        // Most chunks: no decoding needed.
        return if chunk.bytes().any(|b| b.is_ascii_lowercase()) {
            Case::Lower
        } else if chunk.bytes().any(|b| b.is_ascii_uppercase()) {
            Case::Capitals
        } else {
            Case::Neither
        };
    }
    if chunk.chars().any(char::is_lowercase) {
        Case::Lower
    } else if chunk.chars().any(char::is_uppercase) {
        Case::Capitals
    } else {
        Case::Neither
    }
}

/// The chunks just before `start` or just after `end` on the line, nearest first (a few only).
fn neighbours(text: &str, line: Span, start: usize, end: usize, forward: bool) -> impl Iterator<Item = &str> {
    let mut cursor = if forward { end } else { start };
    let mut steps = 0;
    std::iter::from_fn(move || {
        steps += 1;
        if steps > 6 {
            return None;
        }
        if forward {
            let rest = text.get(cursor..line.end)?;
            let (skip, _) = find_char(rest, 16, |c| !is_chunk_separator(c))?;
            let from = cursor + skip;
            let len = find_char(&rest[skip..], usize::MAX, is_chunk_separator).map_or(line.end - from, |(i, _)| i);
            cursor = from + len;
            Some(&text[from..cursor])
        } else {
            let before = text.get(line.start..cursor)?;
            let (last, c) = rfind_char(before, 16, |c| !is_chunk_separator(c))?;
            let chunk_end = line.start + last + c.len_utf8();
            let begin = rfind_char(&before[..last + c.len_utf8()], 64, is_chunk_separator)
                .map_or(line.start, |(i, c)| line.start + i + c.len_utf8());
            cursor = begin;
            Some(&text[begin..chunk_end])
        }
    })
}

/// Whether the chunk is one of three or more words in capitals in a row.
fn in_capitals_run(text: &str, line: Span, start: usize, end: usize) -> bool {
    let count = |forward: bool| {
        if nearest_is_lower_case(text, line, start, end, forward) {
            // The usual answer, without reading the neighbour whole.
            return 0;
        }
        neighbours(text, line, start, end, forward)
            .map(chunk_case)
            .filter(|c| *c != Case::Neither)
            .take_while(|c| *c == Case::Capitals)
            .take(2)
            .count()
    };
    count(false) + 1 + count(true) >= 3
}

/// Whether the first neighbour [`neighbours`] would give is in lower case for certain: the
/// letter of it nearest the chunk is an ASCII lower-case letter.
fn nearest_is_lower_case(text: &str, line: Span, start: usize, end: usize, forward: bool) -> bool {
    let not_separator = |c: char| !is_chunk_separator(c);
    let nearest = if forward {
        text.get(end..line.end)
            .and_then(|rest| find_char(rest, 16, not_separator))
    } else {
        text.get(line.start..start)
            .and_then(|before| rfind_char(before, 16, not_separator))
    };
    nearest.is_some_and(|(_, c)| c.is_ascii_lowercase())
}

/// The trimmed chunk just before `start` on the line ("284" before "KB", "Part" before "IV").
fn previous_chunk(text: &str, line_start: usize, start: usize) -> Option<&str> {
    let line = Span::new(line_start, start);
    let raw = neighbours(text, line, start, start, false).next()?;
    if starts_and_ends_alphanumeric(raw) {
        return Some(raw);
    }
    let trimmed = raw.trim_matches(is_edge_char);
    Some(trimmed.trim_end_matches(['.', ':']).trim_matches(is_edge_char))
}

/// Whether `span` overlaps a merged opaque run; `at` moves forward as spans do.
fn overlaps_opaque(opaque: &[Span], at: &mut usize, span: Span) -> bool {
    while *at < opaque.len() && opaque[*at].end <= span.start {
        *at += 1;
    }
    opaque.get(*at).is_some_and(|o| o.overlaps(span))
}

fn is_number(word: &str) -> bool {
    // "23/24 MPH", "20-30 MPH": a range of numbers is a number too.
    word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/' | '-'))
}

fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stripped) = word.strip_suffix(suffix) {
            return stripped;
        }
    }
    word
}

/// The acronym a word is ("GP" for "GPs"), or None when the word is not shaped like one.
pub fn acronym_base(word: &str) -> Option<&str> {
    let bytes = word.as_bytes();
    if bytes.len() < 2
        || bytes.len() > 9
        || !bytes.iter().all(u8::is_ascii_alphabetic)
        || !bytes[0].is_ascii_uppercase()
    {
        return None;
    }
    let base = match word.strip_suffix('s') {
        Some(stem) if stem.len() >= 2 && stem.bytes().all(|b| b.is_ascii_uppercase()) => stem,
        _ => word,
    };
    let upper = base.bytes().filter(u8::is_ascii_uppercase).count();
    let lower = base.len() - upper;
    (upper >= 2 && lower * 2 <= upper && base.len() <= 8).then_some(base)
}

/// A valid-looking roman numeral (I to MMM…).
fn is_roman(word: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$").expect("valid pattern")
    });
    // Most words hold a letter that is no numeral, and the pattern cannot match them.
    !word.is_empty() && word.bytes().all(|b| b"MDCLXVI".contains(&b)) && re.is_match(word)
}

fn is_stop(word: &str) -> bool {
    // No stop word is longer than four bytes, and most words are: they need no comparisons.
    word.len() <= 4 && STOP_WORDS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// Characters that may sit between the words of a long form.
fn is_soft_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | ',' | '/')
}

/// The words of a long form at the start of `s` (offsets relative to `s`), up to the first
/// character that cannot be inside one (a bracket, a full stop, a dash, a digit).
fn words_forward(s: &str) -> Vec<(usize, usize)> {
    words_forward_at_most(s, 40)
}

fn words_forward_at_most(s: &str, max: usize) -> Vec<(usize, usize)> {
    WordsForward::new(s, max).collect()
}

/// The words of [`words_forward_at_most`], one at a time, so that a caller that needs only the
/// first few does not pay for the rest.
struct WordsForward<'s> {
    s: &'s str,
    /// The next byte to read (always a character boundary).
    pos: usize,
    start: Option<usize>,
    pending: Option<(usize, usize)>,
    count: usize,
    max: usize,
    done: bool,
}

impl<'s> WordsForward<'s> {
    fn new(s: &'s str, max: usize) -> Self {
        WordsForward {
            s,
            pos: 0,
            start: None,
            pending: None,
            count: 0,
            max,
            done: false,
        }
    }
}

impl WordsForward<'_> {
    /// The next character, after running over a word's ASCII letters a byte at a time (they need
    /// no decoding, and they are most of what is read).
    fn next_char(&mut self) -> Option<char> {
        let bytes = self.s.as_bytes();
        if self.start.is_some() {
            while bytes.get(self.pos).is_some_and(u8::is_ascii_alphabetic) {
                self.pos += 1;
            }
        }
        let c = match *bytes.get(self.pos)? {
            b if b.is_ascii() => char::from(b),
            _ => self.s.get(self.pos..)?.chars().next()?,
        };
        self.pos += c.len_utf8();
        Some(c)
    }
}

impl Iterator for WordsForward<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        if let Some(word) = self.pending.take() {
            return Some(word);
        }
        if self.done {
            return None;
        }
        while let Some(c) = self.next_char() {
            let i = self.pos - c.len_utf8();
            if c.is_alphabetic() || ((c == '\'' || c == '’') && self.start.is_some()) {
                if self.start.is_none() {
                    self.start = Some(i);
                }
                continue;
            }
            let mut first = self.start.take().map(|st| (st, i));
            let mut second = None;
            if c == '&' {
                let amp = (i, i + 1);
                if first.is_none() {
                    first = Some(amp);
                } else {
                    second = Some(amp);
                }
            } else if !is_soft_separator(c) {
                self.done = true;
            }
            self.count += usize::from(first.is_some()) + usize::from(second.is_some());
            if self.count >= self.max {
                self.done = true;
            }
            if first.is_some() {
                self.pending = second;
                return first;
            }
            if self.done {
                return None;
            }
        }
        self.done = true;
        self.start.take().map(|st| (st, self.s.len()))
    }
}

/// The words of a long form at the end of `s`: the last of them (at most 40) after the hard
/// stop nearest the end, split as [`words_forward`] splits them. An apostrophe used as an opening
/// quote ("'Child and Adolescent Mental Health Services' (CAMHS)") is such a stop, and the word
/// after it opens the long form (read forwards from the quote, no word would be found at all).
fn words_backward(s: &str) -> Vec<(usize, usize)> {
    const MAX: usize = 40;
    let mut words = Vec::new();
    // The run of letters and apostrophes being read: where it ends, and its first letter.
    let mut run: Option<(usize, Option<usize>)> = None;
    for (i, c) in s.char_indices().rev() {
        let apostrophe = c == '\'' || c == '’';
        if c.is_alphabetic() || apostrophe {
            let (_, first_letter) = run.get_or_insert((i + c.len_utf8(), None));
            if !apostrophe {
                *first_letter = Some(i);
            }
            continue;
        }
        if let Some((end, first_letter)) = run.take() {
            words.extend(first_letter.map(|start| (start, end)));
            // A run that opens with an apostrophe is where reading forwards would stop.
            if first_letter != Some(i + c.len_utf8()) {
                break;
            }
        }
        if words.len() >= MAX {
            break;
        }
        if c == '&' {
            words.push((i, i + 1));
        } else if !is_soft_separator(c) {
            break;
        }
    }
    if let Some((end, Some(start))) = run {
        words.push((start, end));
    }
    words.truncate(MAX);
    words.reverse();
    words
}

/// The texts of words found by [`words_forward`], a word after a hyphen keeping its hyphen
/// ("Anti", "-Social") so that matching may treat it as optional.
fn word_texts<'s>(s: &'s str, words: &[(usize, usize)]) -> Vec<&'s str> {
    words
        .iter()
        .map(|&(a, b)| {
            if a > 0 && s[..a].ends_with('-') {
                &s[a - 1..b]
            } else {
                &s[a..b]
            }
        })
        .collect()
}

/// Whether a long form spells the acronym `acr` (its letters, no plural), checked loosely.
pub fn long_form_matches(acr: &str, long: &str) -> bool {
    let words = words_forward(long.trim());
    let consumed = words.last().map_or(0, |w| w.1);
    consumed == long.trim().len() && initials_match(acr, &word_texts(long.trim(), &words))
}

/// Whether `words` spell the acronym `acr` (its letters, no plural): each word lends its first
/// letter; small words may instead be skipped (not the first or last), and so may the second
/// half of a hyphenated word (written with its hyphen, "-bound"); lower-case letters of the
/// acronym may come from inside the word ("SENCo", "CiCC"), and so may capitals inside a word
/// ("HM Revenue and Customs" = HMRC).
pub fn initials_match(acr: &str, words: &[&str]) -> bool {
    if words.is_empty() || acr.is_empty() || words.len() > max_long_form_words(acr) {
        return false;
    }
    let required = words.iter().filter(|w| !is_optional(w)).count();
    if required > acr.len() {
        return false;
    }
    match_from(acr.as_bytes(), words, true)
}

/// The most words a long form of the acronym `acr` may have, small words included.
fn max_long_form_words(acr: &str) -> usize {
    acr.len() * 3 + 4
}

fn is_optional(word: &str) -> bool {
    word.starts_with('-') || is_stop(word)
}

fn match_from(acr: &[u8], words: &[&str], first: bool) -> bool {
    let Some((word, rest)) = words.split_first() else {
        return acr.is_empty();
    };
    if rest.iter().filter(|w| !is_optional(w)).count() + usize::from(!is_optional(word)) > acr.len() {
        return false;
    }
    let hyphenated = word.starts_with('-');
    let word = word.trim_start_matches('-');
    let skippable = hyphenated || (is_stop(word) && !first && !rest.is_empty());
    if skippable && match_from(acr, rest, false) {
        return true;
    }
    let (Some(&a0), Some(c0)) = (acr.first(), word.chars().next()) else {
        return false;
    };
    if !c0.eq_ignore_ascii_case(&char::from(a0)) {
        return false;
    }
    let mut acr_rest = &acr[1..];
    if match_from(acr_rest, rest, false) {
        return true;
    }
    let mut chars = word.chars().skip(1);
    while let Some(&a) = acr_rest.first() {
        let a = char::from(a);
        let found = chars.any(|c| {
            if a.is_ascii_lowercase() {
                c == a
            } else {
                c == a && c.is_uppercase()
            }
        });
        if !found {
            return false;
        }
        acr_rest = &acr_rest[1..];
        if match_from(acr_rest, rest, false) {
            return true;
        }
    }
    false
}

fn skip_spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches(|c: char| c.is_whitespace()).len()
}

/// The definition made at this use of an acronym, if any.
fn find_definition(text: &str, line: Span, span: Span, base: &str) -> Option<Definition> {
    let window_start = floor_char_boundary(text, span.start.saturating_sub(WINDOW).max(line.start));
    let mut window_end = (span.end + WINDOW).min(line.end);
    while !text.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let before = text.get(window_start..span.start)?;
    let after_start = span.end;
    let raw_after = text.get(after_start..window_end.max(after_start))?;
    // "GPs" → the plural is part of the use; "LGA's" → the possessive is not part of a definition.
    let emph = raw_after.len() - raw_after.trim_start_matches(['*', '_', '`']).len();
    let after = &raw_after[emph..];
    let before_trim = before.trim_end_matches(['*', '_', '`', '\'', '’', '‘', '"', '“']);
    // Worked out only when a definition's punctuation is there: most uses define nothing.
    let line_initial = || {
        window_start == line.start
            && before_trim.chars().all(|c| {
                c.is_whitespace()
                    || matches!(c, '-' | '*' | '•' | '·' | '#' | '>' | '.' | ')' | '|')
                    || c.is_ascii_digit()
            })
    };

    // "Long Form (ABC)"
    if let Some(pre) = before_trim.strip_suffix('(') {
        let close = after.trim_start_matches(['\'', '’', '"', '”']);
        if close.starts_with(')') {
            let close_end = after_start + emph + (after.len() - close.len()) + 1;
            // "'Long Form' (ABC)": the closing quote is not part of the long form.
            let mut pre_trimmed = pre.trim_end().trim_end_matches(['\'', '’']);
            let mut window_start = window_start;
            let mut cross_line = false;
            if pre_trimmed.trim().is_empty() && window_start == line.start && line.start > 0 {
                // "(ABC)" opening a line, its long form ending the line before (hard-wrapped text).
                let prev_end = if text[..line.start].ends_with("\r\n") {
                    line.start - 2
                } else {
                    line.start - 1
                };
                let prev_start = floor_char_boundary(text, prev_end.saturating_sub(WINDOW));
                let prev_start = memchr::memrchr2(b'\n', b'\r', &text.as_bytes()[prev_start..prev_end])
                    .map_or(prev_start, |i| prev_start + i + 1);
                window_start = prev_start;
                pre_trimmed = text[prev_start..prev_end].trim_end();
                cross_line = true;
            }
            let words = words_backward(pre_trimmed);
            // A word's text does not depend on the others chosen: worked out once for all.
            let texts = word_texts(pre_trimmed, &words);
            for k in 1..=words.len().min(max_long_form_words(base)) {
                let chosen = &words[words.len() - k..];
                if initials_match(base, &texts[texts.len() - k..]) {
                    let long_start = window_start + chosen[0].0;
                    let long_end = window_start + chosen[k - 1].1;
                    return Some(Definition {
                        kind: DefinitionKind::LongThenShort,
                        glossary: false,
                        acronym: span,
                        long_form: Span::new(long_start, long_end),
                        span: Span::new(long_start, close_end),
                        // Taking "(ABC)" off its own line would join two lines: left to a person.
                        removal: (!cross_line).then(|| Span::new(long_end, close_end)),
                    });
                }
            }
            return None;
        }
    }

    // "ABC (Long Form…)", "ABC – Long Form", "ABC: Long Form"
    let gap = skip_spaces(after);
    let rest = &after[gap..];
    let (kind, sep_len) = if rest.starts_with('(') {
        (DefinitionKind::ShortThenLong, 1)
    } else if rest.starts_with('–') || rest.starts_with('—') {
        (DefinitionKind::Dashed, rest.chars().next().map_or(1, char::len_utf8))
    } else if (rest.starts_with('-') && gap > 0)
        || (rest.starts_with(':') && gap == 0)
        || (rest.starts_with('|') && line_initial())
        || (rest.starts_with('=') && gap > 0)
    {
        (DefinitionKind::Dashed, 1)
    } else {
        return None;
    };
    let line_initial = line_initial();
    let body_rel = gap + sep_len;
    let body_raw = &after[body_rel..];
    let spaces = skip_spaces(body_raw);
    let body_lead =
        spaces + (body_raw[spaces..].len() - body_raw[spaces..].trim_start_matches(['‘', '\'', '"', '“']).len());
    let body = &body_raw[body_lead..];
    let body_abs = after_start + emph + body_rel + body_lead;
    let all_words = words_forward(body);
    // "LGA (the Local Government Association)": a leading article is not part of the long form.
    let article = all_words
        .first()
        .is_some_and(|&(a, b)| ["the", "a", "an"].iter().any(|w| body[a..b].eq_ignore_ascii_case(w)));
    let words = &all_words[usize::from(article)..];
    let texts = word_texts(body, words);
    for k in 1..=words.len().min(max_long_form_words(base)) {
        let chosen = &words[..k];
        if !initials_match(base, &texts[..k]) {
            continue;
        }
        let long_end_rel = chosen[k - 1].1;
        let long_form = Span::new(body_abs + chosen[0].0, body_abs + long_end_rel);
        let tail = &body[long_end_rel..];
        let (span_end, removal) = match kind {
            DefinitionKind::ShortThenLong => {
                let t = skip_spaces(tail);
                if tail[t..].starts_with(')') {
                    let end = long_form.end + t + 1;
                    (end, Some(Span::new(span.end, end)))
                } else {
                    (long_form.end, None)
                }
            }
            _ => {
                let t = tail.trim_start_matches([' ', '\t']);
                let clean = t.is_empty() || t.starts_with(['.', ',', ';', ')', ':']);
                (
                    long_form.end,
                    (clean && !line_initial).then(|| Span::new(span.end, long_form.end)),
                )
            }
        };
        return Some(Definition {
            kind,
            glossary: line_initial,
            acronym: span,
            long_form,
            span: Span::new(span.start, span_end),
            removal,
        });
    }
    None
}

/// Whether replacing `span` of `text` with `new_text` writes a definition of the acronym `name`
/// that this analysis would recognise, and undoes none that it recognises now ("Clinical
/// Commissioning Group (CG) (CCG)" would define CG and undo CCG): a fix may call itself safe only
/// when it does, or fixing would never converge. Judged on an excerpt of the edited line that
/// holds everything the analysis reads around the edit (see [`excerpt_start`]); a line too long
/// to cut that way gets the answer no.
pub fn edit_defines(text: &str, span: Span, new_text: &str, name: &str, config: &Config) -> bool {
    if text.get(span.start..span.end).is_none() {
        return false;
    }
    let reach = 2 * WINDOW + new_text.len();
    let (Some(from), Some(to)) = (
        excerpt_start(text, span.start, reach),
        excerpt_end(text, span.end, reach),
    ) else {
        return false;
    };
    let edited = format!("{}{new_text}{}", &text[from..span.start], &text[span.end..to]);
    let inserted = Span::new(span.start - from, span.start - from + new_text.len());
    let now = AcronymAnalysis::new(&edited, &Minutes::default(), config);
    let defines = now
        .get(name)
        .is_some_and(|info| info.definitions.iter().any(|d| inserted.covers(d.acronym)));
    defines
        && AcronymAnalysis::new(&text[from..to], &Minutes::default(), config)
            .iter()
            .filter(|was| !was.definitions.is_empty())
            .all(|was| now.get(&was.name).is_some_and(|info| !info.definitions.is_empty()))
}

/// The furthest [`edit_defines`] looks from an edit; a line that cannot be cut within it is not
/// judged.
const EXCERPT_LIMIT: usize = 4096;

/// How many chunks an excerpt keeps on each side of an edit: more than [`neighbours`] reads.
const EXCERPT_CHUNKS: usize = 7;

/// Where an excerpt of the line before `at` starts: at the line's start, or at the start of a
/// chunk at least `reach` bytes and [`EXCERPT_CHUNKS`] chunks before `at`, so that every chunk the
/// analysis reads near the edit is whole. None when that is more than [`EXCERPT_LIMIT`] away.
fn excerpt_start(text: &str, at: usize, reach: usize) -> Option<usize> {
    let floor = floor_char_boundary(text, at.saturating_sub(EXCERPT_LIMIT));
    let steps = text[floor..at]
        .char_indices()
        .rev()
        .map(|(i, c)| (floor + i + c.len_utf8(), c));
    excerpt_edge(steps, at, reach, (floor == 0).then_some(0))
}

/// Where an excerpt of the line after `at` ends: the mirror of [`excerpt_start`].
fn excerpt_end(text: &str, at: usize, reach: usize) -> Option<usize> {
    let mut ceiling = (at + EXCERPT_LIMIT).min(text.len());
    while !text.is_char_boundary(ceiling) {
        ceiling += 1;
    }
    let steps = text[at..ceiling].char_indices().map(|(i, c)| (at + i, c));
    excerpt_edge(steps, at, reach, (ceiling == text.len()).then_some(text.len()))
}

/// The edge of an excerpt, walking away from `at` over `steps` (each character with its
/// boundary on the side nearer `at`): the first line break, or the first chunk boundary far
/// enough away; else `text_end` when the walk reached the end of the text.
fn excerpt_edge(
    steps: impl Iterator<Item = (usize, char)>,
    at: usize,
    reach: usize,
    text_end: Option<usize>,
) -> Option<usize> {
    let mut chunks = 0;
    let mut in_chunk = false;
    for (near, c) in steps {
        if c == '\n' || c == '\r' {
            return Some(near);
        }
        if !is_chunk_separator(c) {
            in_chunk = true;
            continue;
        }
        chunks += usize::from(std::mem::take(&mut in_chunk));
        if chunks >= EXCERPT_CHUNKS && near.abs_diff(at) >= reach {
            return Some(near);
        }
    }
    text_end
}

/// Where a phrase whose initials spell an acronym appears in the text, for fixes that add the
/// acronym after it or spell it out from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LongFormHit {
    pub span: Span,
    /// In prose (a paragraph or a decision), not in a title or heading.
    pub prose: bool,
    /// In an item's title (its own line or the number's line).
    pub item_title: bool,
}

/// Finds, for each of `names`, where a capitalised phrase spelling it appears ("Overview and
/// Scrutiny Board" for OSB), in order. One pass over the text: phrases are grown word by word
/// while their initials are a prefix of one of the names.
pub fn find_long_forms(text: &str, minutes: &Minutes, names: &[&str]) -> HashMap<String, Vec<LongFormHit>> {
    const MAX_HITS: usize = 16;
    let mut keys: Vec<(u64, &str)> = Vec::new();
    let mut prefixes: Vec<u64> = Vec::new();
    let mut first_letters = [false; 26];
    let mut longest = 0usize;
    for name in names {
        let mut key = 0u64;
        for b in name.bytes().take(8) {
            key = pack_letter(key, b.to_ascii_uppercase());
            prefixes.push(key);
        }
        if let Some(first) = name.bytes().next().filter(u8::is_ascii_uppercase) {
            first_letters[usize::from(first - b'A')] = true;
        }
        longest = longest.max(name.len());
        keys.push((key, name));
    }
    // Sorted for binary searches, cheaper than hashing every candidate. Of names with the same
    // key the last is kept, as inserting them into a map would.
    keys.reverse();
    keys.sort_by_key(|&(key, _)| key);
    keys.dedup_by_key(|&mut (key, _)| key);
    prefixes.sort_unstable();
    prefixes.dedup();
    // Keyed by the names borrowed, so that a hit costs no allocation.
    let mut found: HashMap<&str, Vec<LongFormHit>> = HashMap::new();
    if keys.is_empty() {
        return HashMap::new();
    }
    let short_names = names.iter().any(|name| name.len() < 2);
    let opaque = minutes.merged_opaque();
    let mut opaque_at = 0usize;
    let bytes = text.as_bytes();
    let mut line = Line::default();
    let mut ws_buf: Vec<(Span, &str, bool)> = Vec::new();
    let mut stack: Vec<(usize, u64)> = Vec::new();
    let letters: Vec<u8> = (b'A'..=b'Z').filter(|l| first_letters[usize::from(l - b'A')]).collect();
    let mut pos = 0usize;
    while let Some(at) = next_initial(bytes, pos, &letters) {
        pos = at + 1;
        if !first_letters[usize::from(bytes[at] - b'A')] {
            continue;
        }
        if !opens_word(text, at) {
            continue;
        }
        // Only a one-letter name can match a phrase that ends after its first word.
        if !short_names && dead_end_at_second_word(text, at, &prefixes) {
            continue;
        }
        line.move_to(text, at);
        if line.all_caps {
            continue;
        }
        let mut window_end = (at + WINDOW).min(line.span.end);
        while !text.is_char_boundary(window_end) {
            window_end -= 1;
        }
        let segment = &text[at..window_end];
        let mut phrase = Phrase {
            segment,
            at,
            words: WordsForward::new(segment, longest * 2 + 2),
            previous_end: 0,
            ended: false,
            ws: {
                ws_buf.clear();
                std::mem::take(&mut ws_buf)
            },
        };
        if !phrase.get(0).is_some_and(|w| !is_stop(w.1)) {
            ws_buf = phrase.ws;
            continue;
        }
        stack.clear();
        stack.push((0, 0));
        while let Some((k, key)) = stack.pop() {
            let Some((wspan, word, hyphenated)) = phrase.get(k) else {
                continue;
            };
            // In a capitalised phrase, small words are written in lower case ("Overview and
            // Scrutiny Board"); a capitalised "A" or "The" inside one is a word of its own.
            let stop = word == "&" || (is_stop(word) && !word.starts_with(|c: char| c.is_uppercase()));
            if stop && k > 0 {
                stack.push((k + 1, key));
            }
            let Some(initial) = word.chars().next() else {
                continue;
            };
            if !initial.is_ascii_alphabetic() || (!stop && !hyphenated && !initial.is_ascii_uppercase()) {
                continue;
            }
            let grown = pack_letter(key, initial.to_ascii_uppercase() as u8);
            if prefixes.binary_search(&grown).is_err() {
                continue;
            }
            if !stop {
                if let Ok(i) = keys.binary_search_by_key(&grown, |&(key, _)| key) {
                    let name = keys[i].1;
                    // A closing quote is not part of the phrase ("'Financial Strategy'").
                    let end = wspan.start + word.trim_end_matches(['\'', '’']).len();
                    let span = Span::new(phrase.ws[0].0.start, end);
                    // No more words than a definition may have (see `initials_match`).
                    let words = k + 1;
                    if words <= max_long_form_words(name) && !overlaps_opaque(&opaque, &mut opaque_at, span) {
                        let hits = found.entry(name).or_default();
                        if hits.len() < MAX_HITS && !hits.iter().any(|h| h.span == span) {
                            hits.push(LongFormHit {
                                span,
                                prose: block_kind(minutes, span.start)
                                    .is_some_and(|k| matches!(k, BlockKind::Paragraph | BlockKind::DecisionText)),
                                item_title: block_kind(minutes, span.start)
                                    .is_some_and(|k| matches!(k, BlockKind::ItemTitle | BlockKind::ItemHeading)),
                            });
                        }
                    }
                }
            }
            stack.push((k + 1, grown));
        }
        ws_buf = phrase.ws;
    }
    found
        .into_iter()
        .map(|(name, mut hits)| {
            hits.sort_by_key(|h| h.span);
            hits.dedup();
            (name.to_string(), hits)
        })
        .collect()
}

/// Whether the letter at `at` opens a word: nothing joins it to a word before, as a letter, a
/// digit or an apostrophe inside a word ("O’Brien") would. An apostrophe used as an opening
/// quote ("'Financial Strategy'") does not.
fn opens_word(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    match before.next() {
        Some('\'' | '’') => !before
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’'),
        Some(c) => !c.is_alphanumeric(),
        None => true,
    }
}

/// The first place at or after `from` that may start a phrase: one of the capitals `letters`
/// when there are at most three of them (a vectorised search for those bytes, much faster than
/// stopping at every capital), else any capital.
fn next_initial(bytes: &[u8], from: usize, letters: &[u8]) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let found = match *letters {
        [] => None,
        [a] => memchr::memchr(a, rest),
        [a, b] => memchr::memchr2(a, b, rest),
        [a, b, c] => memchr::memchr3(a, b, c, rest),
        _ => return next_ascii_capital(bytes, from),
    };
    found.map(|i| from + i)
}

/// A key of [`find_long_forms`] grown by one letter.
fn pack_letter(key: u64, letter: u8) -> u64 {
    (key << 8) | u64::from(letter)
}

/// Whether the phrase starting at the capital `at` certainly ends after its first word, judged
/// by a plain second word (most phrases are): one in lower case that is not a small word
/// ("Council was"), or a capitalised one whose initial no name has in second place ("Councillor
/// Taylor" when no name starts "CT").
fn dead_end_at_second_word(text: &str, at: usize, prefixes: &[u64]) -> bool {
    let Some(second) = second_word(text, at) else {
        return false;
    };
    match (text.as_bytes().get(at), second.as_bytes().first()) {
        (Some(_), Some(initial)) if initial.is_ascii_lowercase() => !is_stop(second),
        (Some(&first), Some(&initial)) => prefixes
            .binary_search(&pack_letter(pack_letter(0, first), initial))
            .is_err(),
        _ => false,
    }
}

/// The second word of the phrase starting at the capital `at`, when both words are plain: the
/// first ASCII letters and apostrophes followed by one space, the second ASCII letters that end
/// within the window (not running on with an apostrophe or a letter beyond ASCII).
fn second_word(text: &str, at: usize) -> Option<&str> {
    // No further than a phrase may reach, so that a long run of letters is not read again from
    // each of its capitals.
    let rest = text.as_bytes().get(at..)?;
    let rest = &rest[..rest.len().min(WINDOW)];
    let first = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphabetic() || b == b'\''))
        .unwrap_or(rest.len());
    let start = first + 1;
    if rest.get(first) != Some(&b' ') || !rest.get(start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let len = rest[start..]
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(rest.len() - start);
    // Past the end of `rest` is the end of the text only when the window was not cut short.
    let ends = rest.get(start + len).map_or(true, |&b| b.is_ascii() && b != b'\'');
    (ends && start + len < WINDOW)
        .then(|| text.get(at + start..at + start + len))
        .flatten()
}

/// The words of a candidate phrase for [`find_long_forms`], read from the text only as far as
/// the search needs them: up to a comma, without acronyms or lone capitals.
struct Phrase<'t> {
    segment: &'t str,
    at: usize,
    words: WordsForward<'t>,
    previous_end: usize,
    ended: bool,
    /// Each word's span, text and whether it follows a hyphen.
    ws: Vec<(Span, &'t str, bool)>,
}

impl<'t> Phrase<'t> {
    fn get(&mut self, k: usize) -> Option<(Span, &'t str, bool)> {
        while self.ws.len() <= k && !self.ended {
            let Some((a, b)) = self.words.next() else {
                self.ended = true;
                break;
            };
            let segment = self.segment;
            let word = &segment[a..b];
            let upper = count_uppercase(word);
            let stop = is_stop(word) && upper == 0;
            if (a > 0 && segment[self.previous_end..a].contains(',')) || (!stop && upper > 1) || (!stop && b - a == 1) {
                self.ended = true;
                break;
            }
            self.previous_end = b;
            self.ws.push((
                Span::new(self.at + a, self.at + b),
                word,
                a > 0 && segment[..a].ends_with('-'),
            ));
        }
        self.ws.get(k).copied()
    }
}

/// How many capitals a word holds, counted byte by byte when it is ASCII.
fn count_uppercase(word: &str) -> usize {
    if word.is_ascii() {
        word.bytes().filter(u8::is_ascii_uppercase).count()
    } else {
        word.chars().filter(|c| c.is_uppercase()).count()
    }
}

fn block_kind(minutes: &Minutes, offset: usize) -> Option<BlockKind> {
    let i = minutes.blocks.partition_point(|b| b.span.end <= offset);
    minutes.blocks.get(i).filter(|b| b.span.start <= offset).map(|b| b.kind)
}

/// The text that spells an acronym out where it is used: "Local Government Association (LGA)",
/// with a plural long form for a plural use ("GPs") and a capital at the start of a sentence.
pub fn spelled_out(text: &str, use_span: Span, long: &str) -> String {
    let written = use_span.slice(text);
    let mut long = long.trim().to_string();
    let plural =
        written.len() > 1 && written.ends_with('s') && acronym_base(written).is_some_and(|b| b.len() < written.len());
    if plural && !long.ends_with('s') {
        let consonant_y = long.ends_with('y') && !long[..long.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
        if consonant_y {
            long.pop();
            long.push_str("ies");
        } else {
            long.push('s');
        }
    }
    let from = floor_char_boundary(text, use_span.start.saturating_sub(64));
    let before = text.get(from..use_span.start).unwrap_or("");
    let line_before = before.rsplit(['\n', '\r']).next().unwrap_or("");
    let prefix = line_before.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '*' | '_' | '"' | '“' | '‘' | '\'' | '(' | '-' | '•' | '·' | '#')
    });
    let sentence_start = prefix.is_empty() || prefix.ends_with(['.', '!', '?', ':']);
    if sentence_start {
        let mut chars = long.chars();
        if let Some(first) = chars.next() {
            long = first.to_uppercase().chain(chars).collect();
        }
    }
    format!("{long} ({written})")
}

/// Normalises a long form for comparison: only its letters, in lower case, with "&" read as
/// "and" and a final plural dropped, so that case, hyphens, apostrophes, white space ("health
/// care", "healthcare") and "&" against "and" make no difference.
pub fn normalise_long_form(long: &str) -> String {
    let mut out: String = long
        .to_lowercase()
        .replace("and/or", "and")
        .replace('&', "and")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if out.len() > 1 && out.ends_with('s') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse;

    fn analyse(text: &str) -> AcronymAnalysis {
        AcronymAnalysis::new(text, &parse(text), &Config::default())
    }

    fn names(a: &AcronymAnalysis) -> Vec<&str> {
        a.iter().map(|i| i.name.as_str()).collect()
    }

    #[test]
    fn ascii_chunk_separators_agree() {
        for b in 0..128u8 {
            assert_eq!(
                is_ascii_chunk_separator(b),
                is_any_chunk_separator(char::from(b)),
                "{b}"
            );
            assert_eq!(
                is_chunk_separator(char::from(b)),
                is_any_chunk_separator(char::from(b)),
                "{b}"
            );
        }
    }

    #[test]
    fn finds_lone_capital_words_like_a_byte_scan() {
        let reference = |bytes: &[u8], at: usize| {
            if at > 0 && !is_ascii_chunk_separator(bytes[at - 1]) {
                return None;
            }
            for (i, &b) in bytes.iter().enumerate().skip(at + 1) {
                if is_ascii_chunk_separator(b) {
                    return Some(i);
                }
                if !b.is_ascii() || b.is_ascii_uppercase() {
                    return None;
                }
            }
            Some(bytes.len())
        };
        for text in [
            "Council met",
            "Council",
            "A",
            "Councillorship's work",
            "Councillorshipsandmore.",
            "Councillorshipsandmorey's(x)",
            "The abcdefghijklmnopqrstuvwxyz{` met",
            "Abcdefghijklmnopqrstuvwxyz",
            "Abcdefgh\u{e9}ijk met",
            "AbcdefghijklmnopqrstuvwxyzabcdefghI met",
            "x Meeting@abcdefghij\t",
        ] {
            let bytes = text.as_bytes();
            for at in (0..bytes.len()).filter(|&i| bytes[i].is_ascii_uppercase()) {
                assert_eq!(lone_capital_word(bytes, at), reference(bytes, at), "{text:?} at {at}");
            }
        }
    }

    #[test]
    fn finds_bytes_in_a_range_like_a_comparison() {
        for (low, high) in [(b'A', b'Z'), (b'a', b'z')] {
            for b in 0..=255u8 {
                let mask = bytes_between(u64::from(b) << 16, low, high);
                assert_eq!(mask != 0, (low..=high).contains(&b), "{b}");
                assert_eq!(mask & !(0x80 << 16), 0);
            }
        }
    }

    #[test]
    fn name_titles_start_with_a_capital() {
        // `is_name_title` relies on it to skip other words.
        assert!(NAME_TITLES.iter().all(|t| t.as_bytes()[0].is_ascii_uppercase()));
    }

    #[test]
    fn stop_words_are_short() {
        // `is_stop` relies on it to skip comparing longer words.
        assert!(STOP_WORDS.iter().all(|w| w.len() <= 4));
    }

    #[test]
    fn finds_the_next_ascii_capital_like_a_byte_scan() {
        let all: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
        let mut texts: Vec<&[u8]> = vec![&all];
        for text in [
            "",
            "a",
            "abcdefghijklmnopqrstuvwxyz A",
            "@[`{ AZ",
            "héllo wörld Ä Z",
            "\u{ff}\u{80}zzzzzzzzzzzzzM",
            "AB CD efghijklmnopqrstuvwxyzXYZ",
        ] {
            texts.push(text.as_bytes());
        }
        for bytes in texts {
            let expected = |from: usize| {
                bytes
                    .get(from..)
                    .and_then(|b| b.iter().position(u8::is_ascii_uppercase))
                    .map(|p| from + p)
            };
            for from in 0..=bytes.len() + 9 {
                assert_eq!(next_ascii_capital(bytes, from), expected(from), "{bytes:?} from {from}");
            }
        }
    }

    #[test]
    fn recognises_acronym_shapes() {
        for (word, base) in [
            ("LGA", "LGA"),
            ("DfE", "DfE"),
            ("PfA", "PfA"),
            ("SENCo", "SENCo"),
            ("GPs", "GP"),
            ("LAs", "LA"),
            ("CiCC", "CiCC"),
            ("NHS", "NHS"),
        ] {
            assert_eq!(acronym_base(word), Some(base), "{word}");
        }
        for word in [
            "McDonald",
            "YouTube",
            "Ofsted",
            "A",
            "lga",
            "iPad",
            "Wi",
            "ABCDEFGHIJ",
            "Émile",
        ] {
            assert_eq!(acronym_base(word), None, "{word}");
        }
    }

    #[test]
    fn matches_initials_loosely() {
        let m = long_form_matches;
        assert!(m("DfE", "Department for Education"));
        assert!(m("CiCC", "Children in Care Council"));
        assert!(m("ASB", "anti-social behaviour"));
        assert!(m("SEND", "special educational needs and disabilities"));
        assert!(m("PfA", "Preparation for Adulthood"));
        assert!(m("HMRC", "HM Revenue and Customs"));
        assert!(m("SENCo", "Special Educational Needs Co-ordinator"));
        assert!(m("SENCo", "Special Educational Needs Coordinator"));
        assert!(!m("LGA", "Local Government"));
        assert!(!m("LGA", "Local Government Association Board"));
        assert!(!m("OSB", "and Scrutiny Board"));
        assert!(m("SMART", "specific, measurable, achievable, relevant and time-bound"));
        assert!(!m("LGA", "Local Government Association (x)"));
    }

    #[test]
    fn every_builtin_glossary_entry_spells_its_acronym() {
        let mut bad = Vec::new();
        for (acronym, meanings) in Glossary::builtin().iter() {
            if acronym.contains('&') {
                continue;
            }
            let Some(base) = acronym_base(acronym) else {
                bad.push(format!("{acronym} is not shaped like an acronym"));
                continue;
            };
            for meaning in meanings {
                if !long_form_matches(base, &meaning.long_form) {
                    bad.push(format!("{acronym}: {}", meaning.long_form));
                }
            }
        }
        // Names whose initials do not follow their words; their fixes are offered as unsafe.
        let expected = [
            "BEIS: Department for Business, Energy and Industrial Strategy",
            "NICE: National Institute for Health and Care Excellence",
            "PSHE: personal, social, health and economic education",
        ];
        assert_eq!(bad, expected);
    }

    #[test]
    fn finds_every_kind_of_definition() {
        let text = "The Local Government Association (LGA) came.\nCCG (Clinical Commissioning Group) met.\nPlans for anti-social behaviour (ASB) and an ICS – Integrated Care System.\nDfE: Department for Education\n";
        let a = analyse(text);
        let kinds = |n: &str| {
            a.get(n)
                .unwrap()
                .definitions
                .iter()
                .map(|d| (d.kind, d.glossary, d.long_text(text).to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            kinds("LGA"),
            [(
                DefinitionKind::LongThenShort,
                false,
                "Local Government Association".into()
            )]
        );
        assert_eq!(
            kinds("CCG"),
            [(
                DefinitionKind::ShortThenLong,
                true,
                "Clinical Commissioning Group".into()
            )]
        );
        assert_eq!(
            kinds("ASB"),
            [(DefinitionKind::LongThenShort, false, "anti-social behaviour".into())]
        );
        assert_eq!(
            kinds("ICS"),
            [(DefinitionKind::Dashed, false, "Integrated Care System".into())]
        );
        assert_eq!(
            kinds("DfE"),
            [(DefinitionKind::Dashed, true, "Department for Education".into())]
        );
    }

    #[test]
    fn skips_what_only_looks_like_an_acronym() {
        let text = "APOLOGIES FOR ABSENCE\nCYP/OSG/17/12 Minutes\nThe CB20 file was 284 KB at 4.00 PM, see Part IV and Schedule XII and phase II.\nRESOLVED – That the report be NOTED. See https://example.org/ABC or ABC.DEF@x.org.\nWe NOTE THAT THE BOARD agreed.\n";
        let a = analyse(text);
        assert!(a.is_empty(), "{:?}", names(&a));
    }

    #[test]
    fn records_uses_and_finds_them_by_offset() {
        let text = "The LGA and the GPs met. LGA's view.\n";
        let a = analyse(text);
        assert_eq!(names(&a), ["LGA", "GP"]);
        let lga = a.get("LGA").unwrap();
        assert_eq!(lga.uses.len(), 2);
        assert_eq!(lga.uses[1].slice(text), "LGA");
        let gps = text.find("GPs").unwrap();
        let (info, span) = a.at(gps + 1).unwrap();
        assert_eq!((info.name.as_str(), span.slice(text)), ("GP", "GPs"));
        assert!(info.known);
        assert!(a.at(0).is_none());
        assert!(a.definition_at(gps).is_none());
        let forms = a.get("LGA").unwrap().long_forms(text);
        assert_eq!(
            forms,
            [(
                "Local Government Association".to_string(),
                LongFormSource::Builtin("bodies")
            )]
        );
    }

    #[test]
    fn finds_long_forms_in_capitalised_phrases() {
        let text = "Overview and Scrutiny Board Update\n\nThe Overview and Scrutiny Board met. The Department for Education agreed.\n";
        let m = parse(text);
        let hits = find_long_forms(text, &m, &["OSB", "DfE"]);
        let osb: Vec<&str> = hits["OSB"].iter().map(|h| h.span.slice(text)).collect();
        assert_eq!(osb, ["Overview and Scrutiny Board", "Overview and Scrutiny Board"]);
        assert_eq!(hits["DfE"][0].span.slice(text), "Department for Education");
        let text = "See Appendix A, Part II and Appendix A Part 2 and the Council's PFI and A Plan.\n";
        let hits = find_long_forms(text, &parse(text), &["AP", "CP", "AAP"]);
        assert!(!hits.contains_key("AP") && !hits.contains_key("CP"), "{hits:?}");
    }

    #[test]
    fn long_forms_may_open_with_a_quote_but_not_inside_a_word() {
        let text = "The 'Financial Strategy' and the ’Forward Plan’ and O’Brien Paul Smith.\n";
        let hits = find_long_forms(text, &parse(text), &["FS", "FP", "BPS"]);
        assert_eq!(hits["FS"][0].span.slice(text), "Financial Strategy");
        assert_eq!(hits["FP"][0].span.slice(text), "Forward Plan");
        assert!(!hits.contains_key("BPS"), "{hits:?}");
    }

    #[test]
    fn long_forms_have_no_more_words_than_a_definition_may() {
        // 11 small words: "Financial … Strategy" has 13 words, more than the 10 "FS" may have.
        let long = "Financial of the and of the and of the and of the Strategy";
        let text = format!("The {long} met.\n");
        let hits = find_long_forms(&text, &parse(&text), &["FS", "ABCDEFGH"]);
        assert!(!hits.contains_key("FS"), "{hits:?}");
        let text = "The Financial of the Strategy met.\n";
        let hits = find_long_forms(text, &parse(text), &["FS", "ABCDEFGH"]);
        assert_eq!(hits["FS"][0].span.slice(text), "Financial of the Strategy");
    }

    #[test]
    fn definitions_read_the_long_form_back_from_the_bracket() {
        let defined = |text: &str, name: &str| {
            let a = analyse(text);
            let info = a.get(name).unwrap_or_else(|| panic!("{name} not found in {text:?}"));
            info.definitions.first().map(|d| d.long_text(text).to_string())
        };
        // A quote that opens the long form, in either form of apostrophe.
        let camhs = "Child and Adolescent Mental Health Services";
        for quote in ["'", "’", "‘"] {
            let close = if quote == "‘" { "’" } else { quote };
            let text = format!("Work with {quote}{camhs}{close} (CAMHS) goes on.\n");
            assert_eq!(defined(&text, "CAMHS").as_deref(), Some(camhs), "{text}");
        }
        // More than forty words since the last full stop: the long form is at the end.
        let text = format!("{}Local Government Association (LGA).\n", "and then ".repeat(25));
        assert_eq!(defined(&text, "LGA").as_deref(), Some("Local Government Association"));
        // A hard stop inside the long form ends it.
        assert_eq!(defined("Local 2 Government Association (LGA).\n", "LGA"), None);
        assert_eq!(defined("Local Government 'Association (LGA).\n", "LGA"), None);
    }

    #[test]
    fn words_backward_reads_the_end_as_words_forward_reads_it() {
        // The reference: the longest tail made only of words (a letter, then letters and
        // apostrophes), "&" and soft separators, read forwards.
        let tail = Regex::new(r"(?:\p{Alphabetic}[\p{Alphabetic}'’]*|&|[\s\-,/])*$").unwrap();
        let parts = [
            "Local",
            " ",
            "'",
            "’",
            "&",
            "-",
            ",",
            "/",
            "O’Brien",
            "2",
            ".",
            "é",
            "a",
            "(",
            "‘",
            "x\n",
        ];
        for text in crate::core::testing::random_texts(&parts, 60, 7, 20_000) {
            let cut = tail.find(&text).map_or(text.len(), |m| m.start());
            let mut expected: Vec<(usize, usize)> = words_forward_at_most(&text[cut..], usize::MAX)
                .into_iter()
                .map(|(a, b)| (cut + a, cut + b))
                .collect();
            let keep = expected.len().saturating_sub(40);
            expected.drain(..keep);
            assert_eq!(words_backward(&text), expected, "{text:?}");
        }
    }

    #[test]
    fn edits_are_judged_by_whether_they_define() {
        let config = Config::default();
        let text = "The Financial Strategy was agreed.\n";
        let after = Span::new(22, 22);
        assert!(edit_defines(text, after, " (FS)", "FS", &config));
        assert!(!edit_defines(text, after, " (FP)", "FP", &config));
        // Three words in capitals in a row are no acronyms, so "(FS)" there defines nothing.
        let text = "The Financial Strategy ABC DEF was agreed.\n";
        assert!(!edit_defines(text, after, " (FS)", "FS", &config));
        // Initials that do not follow the words.
        let text = "NICE guidance.\n";
        let long = "National Institute for Health and Care Excellence (NICE)";
        assert!(!edit_defines(text, Span::new(0, 4), long, "NICE", &config));
        let text = "LGA guidance.\n";
        assert!(edit_defines(
            text,
            Span::new(0, 3),
            "Local Government Association (LGA)",
            "LGA",
            &config
        ));
        // A long chunk ("111…X") cut by an excerpt would hide a run of capitals.
        let text = format!("The Financial Strategy {}X AB was agreed.\n", "1".repeat(600));
        assert!(!edit_defines(&text, after, " (FS)", "FS", &config));
        // Defining one acronym must not undo another's definition.
        let text = "The Clinical Commissioning Group (CCG) met.\n";
        assert!(!edit_defines(text, Span::new(32, 32), " (CG)", "CG", &config));
        // A line too long to cut near the edit is not judged; a long line of words is.
        let text = format!("The Financial Strategy {}\n", "x".repeat(10_000));
        assert!(!edit_defines(&text, after, " (FS)", "FS", &config));
        let text = format!("{}The Financial Strategy was agreed.\n", "word ".repeat(2_000));
        let far = Span::new(10_022, 10_022);
        assert_eq!(&text[far.start - 8..far.start], "Strategy");
        assert!(edit_defines(&text, far, " (FS)", "FS", &config));
        // An edit outside the text, reversed, or not on character boundaries defines nothing.
        assert!(!edit_defines("LGA.", Span::new(20, 20), " (LGA)", "LGA", &config));
        assert!(!edit_defines("LGA.", Span::new(2, 1), " (LGA)", "LGA", &config));
        assert!(!edit_defines("é", Span::new(1, 1), " (LGA)", "LGA", &config));
    }

    #[test]
    fn long_forms_are_judged_by_their_second_word_alike() {
        // Phrases the search drops after two words, and phrases like them it must keep.
        let text = "Councillor Taylor met the Council's Children's Services and the Council was told; \
            the Chair welcomed Children and Young People and Council Tax.\n";
        let m = parse(text);
        let spans = |names: &[&str]| {
            let hits = find_long_forms(text, &m, names);
            let mut found: Vec<(String, Vec<&str>)> = hits
                .into_iter()
                .map(|(name, hits)| (name, hits.iter().map(|h| h.span.slice(text)).collect()))
                .collect();
            found.sort();
            found
        };
        assert_eq!(
            spans(&["CT", "CS", "CYP", "CW"]),
            [
                ("CS".to_string(), vec!["Children's Services"]),
                ("CT".to_string(), vec!["Councillor Taylor", "Council Tax"]),
                ("CYP".to_string(), vec!["Children and Young People"]),
            ]
        );
        // A one-letter name matches a first word alone, whatever follows it.
        let one = spans(&["C", "CT"]);
        assert_eq!(one[0].0, "C");
        assert!(one[0].1.contains(&"Council") && one[0].1.contains(&"Chair"), "{one:?}");
    }

    #[test]
    fn normalises_long_forms() {
        assert_eq!(
            normalise_long_form("Anti-Social  Behaviour"),
            normalise_long_form("anti social behaviour")
        );
        assert_eq!(
            normalise_long_form("Children & Young People"),
            normalise_long_form("children and young people")
        );
        assert_eq!(
            normalise_long_form("General Practitioners"),
            normalise_long_form("general practitioner")
        );
        assert_ne!(
            normalise_long_form("Local Area"),
            normalise_long_form("Local Authority")
        );
    }

    #[test]
    fn initials_after_a_title_are_not_acronyms() {
        let text = "Present: Mr AH Porter and Councillor JA Smith with the QRS.\n";
        assert_eq!(names(&analyse(text)), ["QRS"]);
    }

    #[test]
    fn glossary_lookup_falls_back_to_another_case() {
        let a = analyse("The EQIA and the DfE met.\n");
        assert_eq!(
            a.get("EQIA").unwrap().builtin[0].long_form,
            "equality impact assessment"
        );
        assert_eq!(a.get("DfE").unwrap().builtin[0].long_form, "Department for Education");
    }

    #[test]
    fn spells_out_plurals_and_sentence_starts() {
        let text = "LAs met. The GPs and LAs met.\n";
        assert_eq!(
            spelled_out(text, Span::new(0, 3), "local authority"),
            "Local authorities (LAs)"
        );
        assert_eq!(
            spelled_out(text, Span::new(13, 16), "general practitioner"),
            "general practitioners (GPs)"
        );
        assert_eq!(
            spelled_out(text, Span::new(21, 24), "Local Authority"),
            "Local Authorities (LAs)"
        );
    }

    #[test]
    fn glossary_is_large_enough() {
        assert!(Glossary::builtin().len() >= 150);
        assert!(Glossary::builtin().meanings("AP").len() >= 2);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(text in "(\\PC|[ \\r\\n\u{a0}()–:A-Z]|LGA|GPs|DfE){0,80}") {
            let m = parse(&text);
            let a = AcronymAnalysis::new(&text, &m, &Config::default());
            for info in a.iter() {
                for def in &info.definitions {
                    let _ = def.long_text(&text);
                    proptest::prop_assert!(text.is_char_boundary(def.span.start) && text.is_char_boundary(def.span.end));
                }
                for use_ in &info.uses {
                    proptest::prop_assert!(!use_.slice(&text).is_empty());
                    let _ = spelled_out(&text, *use_, "Long Form");
                }
            }
            let names: Vec<&str> = a.iter().map(|i| i.name.as_str()).collect();
            let _ = find_long_forms(&text, &m, &names);
            let _ = crate::core::fix::fix_all(&text, &Config::default(), None, true);
        }
    }

    #[test]
    fn a_million_character_line_stays_linear() {
        let unit = "the Local Government Association (LGA), the LGA, QRS – x, ÉTÉ 😀 e\u{301} ";
        let text = unit.repeat(1_000_000 / unit.len());
        let minutes = Minutes::default();
        let start = std::time::Instant::now();
        let a = AcronymAnalysis::new(&text, &minutes, &Config::default());
        let hits = find_long_forms(&text, &minutes, &["LGA", "QRS"]);
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
        let lga = a.get("LGA").unwrap();
        assert_eq!(lga.definitions.len(), lga.uses.len() / 2);
        assert!(!hits["LGA"].is_empty());
    }

    #[test]
    fn long_runs_of_capitals_and_letters_stay_linear() {
        for unit in ["C", "Ca", "C'", "CC a"] {
            let text = unit.repeat(400_000 / unit.len());
            let minutes = Minutes::default();
            let start = std::time::Instant::now();
            let _ = AcronymAnalysis::new(&text, &minutes, &Config::default());
            let _ = find_long_forms(&text, &minutes, &["CC", "CA"]);
            let _ = find_long_forms(&text, &minutes, &["CC", "AB", "BC", "DE"]);
            assert!(start.elapsed().as_secs() < 20, "{unit:?}: {:?}", start.elapsed());
        }
    }

    #[test]
    fn survives_awkward_input() {
        let long = "É".repeat(300_000) + "LGA (Local Government Association) 😀\u{301}";
        for text in [
            "",
            "\r",
            "A\rB\r\nCD-EF\n",
            "(LGA)",
            "LGA (",
            "LGA –",
            "😀LGA😀 (😀)",
            "x\u{301}LGA\u{301} (Local\u{301} Government Association)",
            long.as_str(),
        ] {
            let a = analyse(text);
            for info in a.iter() {
                for def in &info.definitions {
                    let _ = def.long_text(text);
                }
            }
            let _ = find_long_forms(text, &parse(text), &["LGA", "OSB"]);
        }
    }
}
