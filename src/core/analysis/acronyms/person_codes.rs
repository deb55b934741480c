//! Initials that stand for a person, not for a body: "Rob Boyd    RB" in a column of names and
//! initials, "E. Ballard (EB)", "K Draper (Chair KD)", "Proposed (AH)", a code alone in an action
//! column, or the initials of someone in the attendance list used as their name ("SW opened the
//! meeting"). Such codes are not acronyms: the document names the person, or the reader can see
//! who is meant.

use crate::core::model::Minutes;

/// A person's initials: the first letters of the given names (or the initials as written), and
/// the surname.
#[derive(Clone, Debug)]
pub struct NameInitials {
    pub givens: Vec<u8>,
    pub surname: String,
}

/// Whether a code of two to four letters fits a name. `strict` (a code met away from the name)
/// asks for the initials exactly, all of them or the first and the surname's, or the first given
/// initial and the surname's first two letters ("MCa", "BMc", "JRO"); otherwise (a code written
/// beside the name) the code only has to start with the first given initial and end with the
/// surname's ("LMC" beside "L. Cooney": a middle name not written out).
pub fn code_fits(code: &str, name: &NameInitials, strict: bool) -> bool {
    // A word before the name may have been read as a given name ("Present Tom Hartley"): the
    // code may start at any of the given initials.
    (0..name.givens.len()).any(|k| fits_from(code, &name.givens[k..], &name.surname, strict))
}

fn fits_from(code: &str, givens: &[u8], surname: &str, strict: bool) -> bool {
    let bytes = code.as_bytes();
    let Some(&first_given) = givens.first() else {
        return false;
    };
    if !(2..=4).contains(&bytes.len())
        || !bytes.iter().all(u8::is_ascii_alphabetic)
        || bytes[0] != first_given
        || !bytes[1].is_ascii_uppercase()
    {
        return false;
    }
    let rest: Vec<u8> = bytes[1..].iter().map(u8::to_ascii_uppercase).collect();
    let parts: Vec<u8> = surname
        .split(['-', ' '])
        .filter_map(|p| p.bytes().find(u8::is_ascii_alphabetic))
        .map(|b| b.to_ascii_uppercase())
        .collect();
    let surname_letters: Vec<u8> = surname
        .bytes()
        .filter(u8::is_ascii_alphabetic)
        .map(|b| b.to_ascii_uppercase())
        .collect();
    if parts.is_empty() {
        return false;
    }
    let mut all = givens[1..].to_vec();
    all.extend_from_slice(&parts);
    if rest == all || rest == parts || (rest.len() >= 2 && surname_letters.starts_with(&rest)) {
        return true;
    }
    !strict && rest.len() <= 3 && rest.last() == parts.last()
}

/// Whether a word is a name's title, with or without a full stop.
fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    [
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Dr",
        "Cllr",
        "Clr",
        "Councillor",
        "Rev",
        "Revd",
        "Prof",
        "Sir",
        "Dame",
    ]
    .iter()
    .any(|t| t.eq_ignore_ascii_case(w))
}

/// A surname as written: a capital, then letters with at least one in lower case ("Boyd",
/// "McGarry", "Makinson-Sanders", "O'Neill").
fn is_surname(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && word.chars().any(|c| c.is_ascii_lowercase())
        && word.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// The initials a given-name word gives: "Rob" → R, "E." → E, "D.J.E." → D, J, E, "AH" → A, H.
fn given_initials(word: &str) -> Option<Vec<u8>> {
    let letters = word.trim_end_matches('.');
    if letters.is_empty() || !letters.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.') {
        return None;
    }
    let first = letters.as_bytes()[0];
    if !first.is_ascii_uppercase() {
        return None;
    }
    if letters.contains('.') || (letters.len() <= 3 && letters.bytes().all(|b| b.is_ascii_uppercase())) {
        // Initials, dotted or run together.
        let out: Vec<u8> = letters.bytes().filter(u8::is_ascii_uppercase).collect();
        return (letters.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')).then_some(out);
    }
    letters
        .bytes()
        .skip(1)
        .all(|b| b.is_ascii_lowercase())
        .then_some(vec![first])
}

/// The name that ends `before` (the text before a code on its line, with any bracketed notes
/// after the name already taken off): one to three given names or initials, then a surname, as
/// in "Rob Boyd", "Mrs. E. Ballard", "D.J.E. Hall", "AH Gray".
pub fn name_at_end(before: &str) -> Option<NameInitials> {
    let mut words = before.split_whitespace().rev();
    let surname = words.next()?.trim_end_matches(',');
    if !is_surname(surname) {
        return None;
    }
    let mut givens_rev: Vec<Vec<u8>> = Vec::new();
    for word in words.take(3) {
        if is_title(word) {
            break;
        }
        match given_initials(word) {
            Some(initials) => givens_rev.push(initials),
            None => break,
        }
    }
    if givens_rev.is_empty() {
        return None;
    }
    let givens = givens_rev.into_iter().rev().flatten().collect();
    Some(NameInitials {
        givens,
        surname: surname.to_string(),
    })
}

/// The text before a code with what may stand between a name and its code taken off: the
/// opening bracket and a role written inside it ("(Chair KD)", "(Clerk- BM)"), and up to two
/// bracketed notes after the name ("Michael Cook (SBC)   MC", "Nikki Thomson (Secretary) (NT)").
fn strip_to_name(before: &str, bracketed: bool) -> &str {
    let mut s = before.trim_end();
    if bracketed {
        let Some(open) = s.rfind('(') else {
            return "";
        };
        s = s[..open].trim_end();
    }
    for _ in 0..2 {
        if s.ends_with(')') {
            match s.rfind('(') {
                Some(open) => s = s[..open].trim_end(),
                None => break,
            }
        }
    }
    s
}

/// Words after which initials are a proposer or seconder ("Proposed by PW", "Seconded (GL)",
/// "Prop: CR 2nd KA").
const MOVERS: &[&str] = &[
    "proposed", "seconded", "prop", "sec", "2nd", "proposer", "seconder", "motion",
];

/// Verbs after which two initials opening a sentence are a person who spoke or acted.
const REPORTING: &[&str] = &[
    "reported",
    "advised",
    "confirmed",
    "explained",
    "suggested",
    "asked",
    "informed",
    "presented",
    "stated",
    "thanked",
    "welcomed",
    "proposed",
    "seconded",
    "said",
    "had",
    "agreed",
    "noted",
    "offered",
    "volunteered",
];

/// Whether the code written between `before` and `after` (the rest of its line on each side) is a
/// person's initials by where it stands, and not a body's acronym.
pub fn is_person_code_here(code: &str, before: &str, after: &str) -> bool {
    if !(2..=4).contains(&code.len()) {
        return false;
    }
    let after_trim = after.trim_start_matches(['\'', '’', '*', '_']);
    let line_end = after_trim.trim().is_empty();
    // Inside a bracket opened before it on the line and closed after it: "(EB)", "(TP, Chair)",
    // "(Chair KD)".
    let open = before.rfind('(');
    let bracketed = open.is_some_and(|o| !before[o..].contains(')') && before.len() - o <= 16)
        && (after_trim.starts_with(')') || after_trim.starts_with(','));
    // In a column: wide gaps (or a tab) on both sides, or a wide gap before and the line's end.
    let wide = |s: &str| s.starts_with("  ") || s.starts_with('\t');
    let gap_before = before.ends_with("  ") || before.ends_with('\t');
    let column = (gap_before || before.ends_with(") ")) && (line_end || wide(after_trim));
    if bracketed || column {
        let name = strip_to_name(before, bracketed);
        if name_at_end(name).is_some_and(|n| code_fits(code, &n, false)) {
            return true;
        }
    }
    if code.len() > 3 {
        return false;
    }
    // Initials before a surname in a column of names ("AH Dunmore      C Hughes").
    if let Some(rest) = after.strip_prefix(' ') {
        let surname_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let tail = &rest[surname_end..];
        if code.bytes().all(|b| b.is_ascii_uppercase())
            && is_surname(&rest[..surname_end])
            && (wide(tail) || tail.trim_start().starts_with('('))
            && (gap_before || before.trim().is_empty())
        {
            return true;
        }
    }
    // Two initials opening a sentence as the one who acted ("TH reported that …").
    let opens_sentence =
        before.trim_end_matches([' ', '\t', '>', '*', '_', '-']).is_empty() || before.trim_end().ends_with(['.', ';']);
    if code.len() == 2 && opens_sentence {
        let verb = after_trim.split_whitespace().next().unwrap_or("");
        if REPORTING.contains(&verb) {
            return true;
        }
    }
    // A proposer or seconder.
    let mut words = before
        .split(|c: char| c.is_whitespace() || c == '(')
        .filter(|w| !w.is_empty())
        .rev()
        .map(|w| w.trim_end_matches([':', '.', ',']));
    let last = words.next();
    let is_mover = |w: Option<&str>| w.is_some_and(|w| MOVERS.iter().any(|m| m.eq_ignore_ascii_case(w)));
    if is_mover(last) || (last.is_some_and(|w| w.eq_ignore_ascii_case("by")) && is_mover(words.next())) {
        return true;
    }
    // An action column: the code alone at the end of a line after a wide gap, or two letters
    // alone in a cell of their own.
    let action_gap = before.ends_with("    ") || before.ends_with('\t');
    (line_end && action_gap && !before.trim().is_empty()) || (code.len() == 2 && action_gap && wide(after_trim))
}

/// The initials of everyone in the document's attendance lists who is named with a given name or
/// initials.
pub fn attendance_initials(text: &str, minutes: &Minutes) -> Vec<NameInitials> {
    let mut out = Vec::new();
    for section in &minutes.attendance {
        for person in &section.people {
            let Some(given) = person.given else { continue };
            let mut givens = Vec::new();
            for word in given.slice(text).split_whitespace() {
                match given_initials(word) {
                    Some(i) => givens.extend(i),
                    None => break,
                }
            }
            let surname = person.surname.slice(text);
            if !givens.is_empty() && is_surname(surname) {
                out.push(NameInitials {
                    givens,
                    surname: surname.to_string(),
                });
            }
        }
    }
    out
}

/// The names written as list entries of their own, two or more in a row ("* Sara Wyles —
/// *Chair*", "- Tom Hartley (Treasurer)"): an attendance list the structure reader may not have
/// taken as one. A lone entry shaped like a name ("* Glasgow Road Works") is not taken.
pub fn listed_names(text: &str) -> Vec<NameInitials> {
    let mut out = Vec::new();
    let mut run: Vec<NameInitials> = Vec::new();
    let flush = |run: &mut Vec<NameInitials>, out: &mut Vec<NameInitials>| {
        if run.len() >= 2 {
            out.append(run);
        }
        run.clear();
    };
    // Only a line with a wide gap or a tab can hold columns: the gaps are found in one pass over
    // the whole text, and each line asks whether the next one falls inside it.
    let mut gaps = Gaps::new(text.as_bytes());
    let mut start = 0;
    while start < text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
        let line = text[start..end].strip_suffix('\r').unwrap_or(&text[start..end]);
        let has_gap = gaps.any_in(start, start + line.len());
        start = end + 1;
        match list_entry(line) {
            Some(rest) => match entry_name(rest) {
                Some(found) => run.push(found),
                None => flush(&mut run, &mut out),
            },
            None => {
                flush(&mut run, &mut out);
                if has_gap {
                    column_names(line.trim_start(), &mut out);
                }
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// What follows a list marker that opens `line`, or `None` when no marker does. Most lines open
/// with an ASCII letter or digit, and are answered from their first byte.
fn list_entry(line: &str) -> Option<&str> {
    let first = *line.as_bytes().first()?;
    if first.is_ascii_alphanumeric() {
        return None;
    }
    let trimmed = line.trim_start();
    ["* ", "- ", "• ", "· ", "+ "]
        .iter()
        .find_map(|m| trimmed.strip_prefix(m))
}

/// The name a list entry gives, when every word of the entry up to a role or a note is part of
/// it.
fn entry_name(rest: &str) -> Option<NameInitials> {
    let end = rest
        .find(['—', '–', '(', ',', '*', '_', ':'])
        .or_else(|| rest.find(" - "))
        .unwrap_or(rest.len());
    let name = rest[..end].trim();
    let words = name.split_whitespace().count();
    name_at_end(name).filter(|n| (2..=4).contains(&words) && n.givens.len() + 1 >= words)
}

/// The wide gaps (two spaces) and tabs of a text, visited in order.
struct Gaps<'t> {
    spaces: memchr::memmem::FindIter<'t, 'static>,
    tabs: memchr::Memchr<'t>,
    next_space: Option<usize>,
    next_tab: Option<usize>,
}

impl<'t> Gaps<'t> {
    fn new(bytes: &'t [u8]) -> Self {
        let mut spaces = memchr::memmem::find_iter(bytes, b"  ");
        let mut tabs = memchr::memchr_iter(b'\t', bytes);
        let (next_space, next_tab) = (spaces.next(), tabs.next());
        Gaps {
            spaces,
            tabs,
            next_space,
            next_tab,
        }
    }

    /// Whether a gap starts in `start..end`; gaps before `start` are passed for good.
    fn any_in(&mut self, start: usize, end: usize) -> bool {
        while self.next_space.is_some_and(|p| p < start) {
            self.next_space = self.spaces.next();
        }
        while self.next_tab.is_some_and(|p| p < start) {
            self.next_tab = self.tabs.next();
        }
        self.next_space.is_some_and(|p| p < end) || self.next_tab.is_some_and(|p| p < end)
    }
}

/// The names in a line laid out in columns ("Tom Hartley    TH     Ann Lee    AL"), when two or
/// more of its cells are names of their own.
fn column_names(line: &str, out: &mut Vec<NameInitials>) {
    let mut found: Vec<NameInitials> = Vec::new();
    for cell in line.split("  ").flat_map(|c| c.split('\t')) {
        let cell = strip_to_name(cell.trim(), false);
        let words = cell.split_whitespace().count();
        if let Some(name) = name_at_end(cell).filter(|n| (2..=4).contains(&words) && n.givens.len() + 1 >= words) {
            found.push(name);
        }
    }
    if found.len() >= 2 {
        out.append(&mut found);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> NameInitials {
        name_at_end(s).expect("a name")
    }

    #[test]
    fn reads_names_in_their_usual_shapes() {
        assert_eq!(name("Tom Hartley").givens, b"T");
        // A word before the name is read as a given name too; fitting a code allows for it.
        assert_eq!(name("Present   Tom Hartley").givens, b"PT");
        assert_eq!(name("Mrs. P.Q. Lindon").givens, b"PQ");
        assert_eq!(name("AH Dunmore").surname, "Dunmore");
        assert!(name_at_end("the Parish").is_none());
        assert!(name_at_end("was proposed").is_none());
    }

    #[test]
    fn codes_fit_the_names_they_stand_for() {
        assert!(code_fits("TH", &name("Tom Hartley"), true));
        assert!(code_fits("THa", &name("Tom Hartley"), true));
        assert!(code_fits("PQL", &name("P.Q. Lindon"), true));
        assert!(code_fits("BMc", &name("Bea McVey"), true));
        assert!(!code_fits("TLX", &name("Tom Hartley"), true));
        assert!(!code_fits("RMH", &name("R. Hartley"), true));
        assert!(code_fits("RMH", &name("R. Hartley"), false));
        assert!(!code_fits("WDC", &name("Tom Hartley"), false));
    }

    #[test]
    fn names_in_columns() {
        let names =
            listed_names("Present   J Okafor        AH Dunmore      Tom Hartley (Chair)\nThe Clerk     reported\n");
        let surnames: Vec<&str> = names.iter().map(|n| n.surname.as_str()).collect();
        assert_eq!(surnames, ["Okafor", "Dunmore", "Hartley"]);
        assert!(code_fits("TH", &name("Present Tom Hartley"), true));
    }

    #[test]
    fn names_in_bulleted_lists() {
        let names = listed_names(
            "## Present\n\n* Sara Wyles — *Chair*\n* Tom Hartley\n\n* Grass cutting\n\n* Glasgow Road Works\n",
        );
        let surnames: Vec<&str> = names.iter().map(|n| n.surname.as_str()).collect();
        assert_eq!(surnames, ["Wyles", "Hartley"]);
    }

    #[test]
    fn names_are_found_whatever_the_line_breaks_and_indents() {
        let surnames = |text: &str| -> Vec<String> { listed_names(text).into_iter().map(|n| n.surname).collect() };
        // Windows line breaks, tabs between cells, an indented list, a run broken by a blank line.
        let text =
            "Present:\r\nJo Adeyemi\tJA\tKit Marsh\tKM\r\n  - Rhian Pugh\r\n  - Ed Lowry (Clerk)\r\n\r\n- Tom Vale\r\n";
        assert_eq!(surnames(text), ["Adeyemi", "Marsh", "Pugh", "Lowry"]);
        // The last line needs no line break; a lone entry is no list.
        assert_eq!(surnames("* Ann Lee\n* Bo Hart"), ["Lee", "Hart"]);
        assert!(surnames("* Ann Lee\nminutes\n* Bo Hart\n").is_empty());
    }

    #[test]
    fn person_codes_by_where_they_stand() {
        assert!(is_person_code_here(
            "TH",
            "Present   Tom Hartley          ",
            "      Ann Lee   AL"
        ));
        assert!(is_person_code_here("TH", "Mrs. T. Hartley (", "), J. Oddie (JO)"));
        assert!(is_person_code_here("TH", "Tom Hartley (Chair ", ")"));
        assert!(is_person_code_here("TH", "Tom Hartley (WDC)     ", ""));
        assert!(is_person_code_here("GL", "Motion (AH) & seconded (", ") that"));
        assert!(is_person_code_here("KA", "Prop: CR 2nd ", ""));
        assert!(is_person_code_here("JC", "The hedge is to be cut back.         ", ""));
        assert!(is_person_code_here("TH", "> ", " had written to the school."));
        assert!(!is_person_code_here("WDC", "> ", " had written to the school."));
        assert!(!is_person_code_here("WDC", "Tom Hartley (", ")"));
        assert!(!is_person_code_here(
            "WDC",
            "The matter was referred to the ",
            " for advice."
        ));
        assert!(!is_person_code_here("WDC", "organised by ", " staff"));
    }
}
