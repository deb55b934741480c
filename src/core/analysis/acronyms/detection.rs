//! Which words are acronyms: the scan over the text that finds every word shaped like one and
//! rules out what only looks like one (marker words, units after numbers, roman numerals, runs
//! of capitals, ranks and initials before names, company names, people's codes), recording each
//! use and the definition made there into an [`AcronymAnalysis`].

use super::definitions::find_definition;
use super::definitions::find_known_long_form;
use super::english;
use super::person_codes::attendance_initials;
use super::person_codes::code_fits;
use super::person_codes::is_person_code_here;
use super::person_codes::listed_names;
use super::tokens::chunk_around;
use super::tokens::chunk_case;
use super::tokens::is_number;
use super::tokens::line_above_tail;
use super::tokens::lone_capital_word;
use super::tokens::nearest_is_lower_case;
use super::tokens::neighbours;
use super::tokens::next_ascii_capital;
use super::tokens::overlaps_opaque;
use super::tokens::previous_chunk;
use super::tokens::strip_possessive;
use super::tokens::trim_chunk;
use super::tokens::Case;
use super::tokens::Line;
use super::AcronymAnalysis;
use super::AcronymInfo;
use crate::core::config::Config;
use crate::core::glossary::Glossary;
use crate::core::glossary::GlossaryMeaning;
use crate::core::model::Minutes;
use crate::core::text::floor_char_boundary;
use crate::core::text::Span;
use regex::Regex;
use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::HashSet;
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
pub(super) const RANKS: &[&str] = &[
    "PC", "WPC", "PCSO", "PSCO", "CPO", "DC", "DS", "DI", "DCI", "DSI", "DCS", "PS", "SGT", "INSP",
];

/// Words after which capitals are a company's name ("KLT Ltd", "RBW Services").
#[rustfmt::skip]
pub(super) const COMPANY_WORDS: &[&str] = &[
    "Ltd", "Limited", "LTD", "LLP", "plc", "PLC", "Plc", "Inc", "Services", "Group", "Contractors",
    "Associates", "Construction", "Developments", "Homes", "Builders", "Landscapes", "Electrical",
    "Engineering", "Consultants", "Consulting", "Solutions", "Trading", "Partnership",
];

/// Capitalised words that are not acronyms: the markers and emphasis of minutes, honours after a
/// name, and a few abbreviations nobody spells out.
#[rustfmt::skip]
pub(super) const NOT_ACRONYMS: &[&str] = &[
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
pub(super) const UNITS: &[&str] = &[
    "KB", "MB", "GB", "TB", "KW", "MW", "GW", "KWH", "MWH", "GWH", "KWh", "MWh", "GWh", "KM", "CM",
    "MM", "KG", "MPH", "AM", "PM", "BST", "GMT", "UTC", "HRS", "MINS", "FTE", "WTE", "PA", "KBPS",
    "MBPS", "GBPS", "Mbps", "Gbps", "HA", "DB", "PPM", "GBP", "USD", "EUR", "MT", "KT", "SQM", "PC",
];

/// Words after which a roman numeral is a number, not an acronym ("Part IV", "Schedule XII").
#[rustfmt::skip]
pub(super) const ROMAN_LEADS: &[&str] = &[
    "part", "section", "schedule", "appendix", "phase", "chapter", "tier", "annex", "article",
    "volume", "stage", "paragraph", "clause", "book", "level", "table", "figure", "title",
];

/// Titles before a person's name: "Mr AH Porter", "Councillor JA Smith" give initials, not acronyms.
#[rustfmt::skip]
pub(super) const NAME_TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Councillor", "Councillors", "Cllr", "Cllrs", "Clr", "CLLR",
    "Professor", "Prof", "Sir", "Dame", "Rev", "Revd", "Lord", "Lady", "Alderman",
];

/// A word of up to 15 bytes and its length packed into an integer, for cheap exact comparisons
/// (None when longer).
pub(super) fn pack_word(word: &str) -> Option<u128> {
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
pub(super) fn in_table(sorted: &'static OnceLock<Vec<u128>>, table: &'static [&'static str], word: &str) -> bool {
    let packed = sorted.get_or_init(|| {
        let mut v: Vec<u128> = table.iter().filter_map(|w| pack_word(w)).collect();
        v.sort_unstable();
        v
    });
    pack_word(word).is_some_and(|w| packed.binary_search(&w).is_ok())
}

pub(super) fn is_not_acronym(word: &str) -> bool {
    static SORTED: OnceLock<Vec<u128>> = OnceLock::new();
    in_table(&SORTED, NOT_ACRONYMS, word)
}

pub(super) fn is_unit(word: &str) -> bool {
    static SORTED: OnceLock<Vec<u128>> = OnceLock::new();
    in_table(&SORTED, UNITS, word)
}

pub(super) fn is_name_title(word: &str) -> bool {
    // Every title starts with a capital; most words before an acronym do not.
    if !word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    static SORTED: OnceLock<Vec<u128>> = OnceLock::new();
    in_table(&SORTED, NAME_TITLES, word)
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
        let info = &self.acronyms[idx];
        let known_long_forms = || {
            let builtin = info.builtin.iter().map(|m| m.long_form.as_str());
            info.config_long_form.as_deref().into_iter().chain(builtin)
        };
        let definition = find_definition(text, line, span, base)
            .or_else(|| find_known_long_form(text, line, span, known_long_forms()));
        if let Some(def) = definition {
            self.acronyms[idx].definitions.push(def);
        }
        self.acronyms[idx].uses.push(span);
        self.uses.push((span, idx));
    }
}

/// What recording a new acronym looks up.
pub(super) struct Facts<'c> {
    known: HashSet<&'c str>,
    config: &'c Config,
    glossary: &'static Glossary,
}

/// A part of a chunk shaped like an acronym ("GPs" in "GPs-led"): where it is, the word without a
/// possessive and the acronym it is (without a plural).
#[derive(Clone)]
pub(super) struct Part<'t> {
    span: Span,
    word: &'t str,
    /// Borrowed from the text, except for a dotted acronym ("P.C.C." is "PCC").
    base: Cow<'t, str>,
}

/// Whether a part that is shaped like an acronym is something else here, by the words around
/// it: an English word shouted ("CLERK"), a rank before a name ("PC Hartley"), a company's name
/// ("KLT Ltd"), initials before a surname ("D.J. Hartley"), or a person's initials (recorded in
/// `person_codes`, so that the code's other uses go too).
pub(super) fn not_an_acronym_here(
    facts: &Facts,
    text: &str,
    line: Span,
    part: &Part,
    person_codes: &mut HashSet<String>,
) -> bool {
    let base: &str = &part.base;
    let vouched = |name: &str| {
        facts.known.contains(name)
            || facts.config.glossary.contains_key(name)
            || !facts.glossary.meanings(name).is_empty()
    };
    // The word and its base are the same string unless the word is a plural or possessive: one
    // look-up then.
    let shouted = english::is_shouted_word(part.word) || (base != part.word && english::is_shouted_word(base));
    if shouted && !vouched(base) && !vouched(part.word) {
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
    let here = is_person_code_here(part.word, before, after)
        || wrapped_name_before(text, line, from, before)
            .is_some_and(|joined| is_person_code_here(part.word, &joined, after));
    if here && find_definition(text, line, part.span, base).is_none() {
        person_codes.insert(base.to_string());
        return true;
    }
    false
}

/// In hard-wrapped text a name may break across lines before its bracketed initials ("… Ann" /
/// "Lee (AL) …"): when the line opens with a lone word and a bracket before the code, that word
/// joined to the end of the line above, for the person-code check to read the whole name.
fn wrapped_name_before(text: &str, line: Span, from: usize, before: &str) -> Option<String> {
    let own = before.trim_start();
    let name = own.trim_end().strip_suffix('(')?;
    if from != line.start || line.start == 0 || name.split_whitespace().count() != 1 {
        return None;
    }
    let tail = line_above_tail(text, line.start, 80)?.slice(text).trim();
    (!tail.is_empty()).then(|| format!("{tail} {own}"))
}

/// Fills `parts` with the parts of a trimmed chunk, split at hyphens, that are shaped like
/// acronyms and are not among the capitalised words that are not ("RESOLVED"); none when the
/// chunk holds anything but letters, hyphens and apostrophes.
pub(super) fn acronym_parts<'t>(chunk: &'t str, chunk_start: usize, parts: &mut Vec<Part<'t>>) {
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
pub(super) fn dotted_part(chunk: &str, start: usize) -> Option<Part<'_>> {
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
pub(super) fn acronym_part(word: &str, start: usize) -> Option<Part<'_>> {
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
pub(super) struct Preceded<'t> {
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

/// The built-in glossary's meanings, written as in the glossary or else in another case ("EQIA"
/// finds "EqIA").
pub(super) fn builtin_meanings(glossary: &'static Glossary, base: &str) -> &'static [GlossaryMeaning] {
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

/// Whether the chunk is one of three or more words in capitals in a row.
pub(super) fn in_capitals_run(text: &str, line: Span, start: usize, end: usize) -> bool {
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
pub(super) fn is_roman(word: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$").expect("valid pattern")
    });
    // Most words hold a letter that is no numeral, and the pattern cannot match them.
    !word.is_empty() && word.bytes().all(|b| b"MDCLXVI".contains(&b)) && re.is_match(word)
}
