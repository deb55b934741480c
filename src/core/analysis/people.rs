//! People named in a document, grouped by who they are.
//!
//! Every mention is collected: the names in the attendance lists and the titled names in the
//! prose ("Councillor Hill", "Mrs Kellner"). Mentions with the same surname (ignoring case and
//! the kind of apostrophe) and compatible titles and first names or initials are one person.
//! A mention without first names that fits two different people ("Councillor Taylor" when both
//! "Councillor J Taylor" and "Councillor S Taylor" are named) is kept apart as ambiguous, so
//! that no rule draws conclusions from it.
//!
//! The rules `present-and-apologies`, `name-variant` and `title-style` read this, and so do the
//! language server's hover ("Councillor Taylor: present; sent apologies") and completion
//! (attendees' surnames after "Councillor ").

use crate::core::model::{AttendanceKind, BlockKind, Minutes, Person};
use crate::core::parse::people::scan_people;
use crate::core::text::{floor_char_boundary, Span};
use std::collections::HashMap;

/// How many people with one surname are compared before a new one is simply started; keeps
/// hostile input (thousands of different "X Smith"s) linear.
const BUCKET_LIMIT: usize = 32;

/// Where a mention was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// In an attendance list: `minutes.attendance[section].people[index]`.
    Attendance {
        section: usize,
        index: usize,
        kind: AttendanceKind,
    },
    /// A titled name in the prose.
    Prose,
}

/// One place a person is named.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The name as written: its own title, first names and surname ("Councillor S Newman"); for a
    /// name in a list under a shared title ("Councillors Alijah, Collins") just the name.
    pub span: Span,
    pub surname: Span,
    pub given: Option<Span>,
    /// The title word that applies ("Councillors" for every name of such a list).
    pub title: Option<Span>,
    /// Bit set of [`TitleClass`]es written before the name ("Cllr Mr" gives two).
    pub titles: u16,
    pub source: Source,
    /// Listed under a heading whose text may not mean what the heading says: a name in a
    /// sentence of an apologies item that is about a substitute, or that does not mention
    /// apologies at all. Rules about attendance ignore these.
    pub uncertain: bool,
    pub chair: bool,
    pub vice_chair: bool,
    /// Index into [`PeopleAnalysis::people`].
    pub person: usize,
}

impl Mention {
    pub fn in_attendance(&self) -> bool {
        matches!(self.source, Source::Attendance { .. })
    }

    /// In an attendance list, or one of a run of names under a plural title in the prose
    /// ("Councillors Allen, Aylen and Berry voted against"): written from the register.
    pub fn in_list(&self, text: &str) -> bool {
        self.in_attendance() || self.title.is_some_and(|t| is_list_title(t.slice(text)))
    }

    /// The attendance list this mention is in, if any.
    pub fn kind(&self) -> Option<AttendanceKind> {
        match self.source {
            Source::Attendance { kind, .. } => Some(kind),
            Source::Prose => None,
        }
    }

    /// The parsed person behind an attendance mention.
    pub fn person_in<'m>(&self, minutes: &'m Minutes) -> Option<&'m Person> {
        match self.source {
            Source::Attendance { section, index, .. } => minutes.attendance.get(section)?.people.get(index),
            Source::Prose => None,
        }
    }
}

/// Families of titles: two mentions whose titles share no family are different people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum TitleClass {
    Councillor = 1,
    Mr = 2,
    /// Mrs, Ms, Miss: written inconsistently for the same person often enough.
    Mrs = 4,
    Mx = 8,
    /// Dr, Professor, Prof.
    Doctor = 16,
    /// Reverend, Revd, Rev.
    Reverend = 32,
    Sir = 64,
    Dame = 128,
    Lord = 256,
    /// Lady, Baroness.
    Lady = 512,
    Alderman = 1024,
}

impl TitleClass {
    /// The family of a title word ("Cllrs." → Councillor).
    pub fn of(word: &str) -> Option<TitleClass> {
        Some(match word.trim_end_matches('.') {
            "Councillor" | "Councillors" | "Cllr" | "Cllrs" => TitleClass::Councillor,
            "Mr" => TitleClass::Mr,
            "Mrs" | "Ms" | "Miss" => TitleClass::Mrs,
            "Mx" => TitleClass::Mx,
            "Dr" | "Professor" | "Prof" => TitleClass::Doctor,
            "Reverend" | "Revd" | "Rev" => TitleClass::Reverend,
            "Sir" => TitleClass::Sir,
            "Dame" => TitleClass::Dame,
            "Lord" => TitleClass::Lord,
            "Lady" | "Baroness" => TitleClass::Lady,
            "Alderman" => TitleClass::Alderman,
            _ => return None,
        })
    }
}

/// One person: every mention that names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonEntry {
    /// The surname folded for comparison (lower case, straight apostrophes).
    pub key: String,
    /// Indices into [`PeopleAnalysis::mentions`], in document order.
    pub mentions: Vec<usize>,
    /// Union of the mentions' [`TitleClass`] bits.
    pub titles: u16,
    /// The fullest first names or initials written.
    pub given: Option<String>,
    /// A mention without first names that fits several people.
    pub ambiguous: bool,
}

/// Every person mentioned, with the spellings used and attendance status.
#[derive(Debug, Default)]
pub struct PeopleAnalysis {
    /// Every mention, in document order.
    pub mentions: Vec<Mention>,
    pub people: Vec<PersonEntry>,
}

impl PeopleAnalysis {
    pub fn new(text: &str, minutes: &Minutes) -> Self {
        let mut mentions = Vec::new();
        let mut names_only = HashMap::new();
        for (s, section) in minutes.attendance.iter().enumerate() {
            let heading = section.heading.slice(text).to_lowercase();
            let late_heading = heading.contains("lateness") || heading.contains("leaving early");
            for (i, person) in section.people.iter().enumerate() {
                let mut mention = mention_from(text, person, false);
                mention.source = Source::Attendance {
                    section: s,
                    index: i,
                    kind: section.kind,
                };
                if section.kind == AttendanceKind::Apologies {
                    mention.uncertain =
                        late_heading || !sentence_records_apology(text, minutes, person, &mut names_only);
                }
                mentions.push(mention);
            }
        }
        let mut listed: Vec<usize> = mentions.iter().map(|m| m.surname.start).collect();
        listed.sort_unstable();
        let opaque = minutes.merged_opaque();
        for block in &minutes.blocks {
            if matches!(
                block.kind,
                BlockKind::Attendance | BlockKind::AttendanceHeading | BlockKind::Comment | BlockKind::Residue
            ) {
                continue;
            }
            for person in scan_people(text, block.content, false) {
                if listed.binary_search(&person.surname.start).is_ok() || overlaps_any(&opaque, person.surname) {
                    continue;
                }
                mentions.push(mention_from(text, &person, true));
            }
        }
        mentions.sort_by_key(|m| (m.span.start, m.surname.start));
        let people = group(text, &mut mentions);
        PeopleAnalysis { mentions, people }
    }

    /// The mention whose name covers `offset`.
    pub fn mention_at(&self, offset: usize) -> Option<&Mention> {
        let after = self.mentions.partition_point(|m| m.span.start <= offset);
        self.mentions[..after]
            .iter()
            .rev()
            .take(8)
            .find(|m| m.span.contains(offset) || m.surname.contains(offset))
    }

    /// The person named at `offset`.
    pub fn person_at(&self, offset: usize) -> Option<&PersonEntry> {
        self.mention_at(offset).and_then(|m| self.people.get(m.person))
    }

    /// The mentions of a person, in document order.
    pub fn mentions_of<'a>(&'a self, person: &'a PersonEntry) -> impl Iterator<Item = &'a Mention> + 'a {
        person.mentions.iter().filter_map(|&i| self.mentions.get(i))
    }

    /// The attendance lists a person is in, without repeats, in document order; mentions marked
    /// uncertain are left out.
    pub fn statuses(&self, person: &PersonEntry) -> Vec<AttendanceKind> {
        let mut kinds = Vec::new();
        for mention in self.mentions_of(person).filter(|m| !m.uncertain) {
            if let Some(kind) = mention.kind() {
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
        }
        kinds
    }

    /// The surname spellings used for a person, with how often each is written, most used first.
    pub fn spellings<'t>(&self, text: &'t str, person: &PersonEntry) -> Vec<(&'t str, usize)> {
        let mut counts: Vec<(&'t str, usize)> = Vec::new();
        for mention in self.mentions_of(person) {
            let spelling = mention.surname.slice(text);
            match counts.iter_mut().find(|(s, _)| *s == spelling) {
                Some((_, n)) => *n += 1,
                None => counts.push((spelling, 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        counts
    }

    /// How to call a person: "Councillor Taylor", "Mrs B Kellner".
    pub fn display_name(&self, text: &str, person: &PersonEntry) -> String {
        let mut title = None;
        for mention in self.mentions_of(person) {
            if let Some(t) = mention.title {
                let word = t.slice(text).trim_end_matches('.');
                let word = match word {
                    "Councillors" | "Cllrs" | "Cllr" => "Councillor",
                    other => other,
                };
                if title.is_none() || word == "Councillor" {
                    title = Some(word);
                }
            }
        }
        let surname = self.spellings(text, person).first().map_or("", |s| s.0);
        let mut name = String::new();
        for part in [title, person.given.as_deref(), Some(surname)].into_iter().flatten() {
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(part);
        }
        name
    }

    /// A one-line summary for hover: "Councillor Taylor: present; sent apologies",
    /// "Councillor Stone: present (in the chair)", "Councillor Hill: named in the text, not in
    /// the attendance lists".
    pub fn describe(&self, text: &str, person: &PersonEntry) -> String {
        let chair = self.mentions_of(person).any(|m| m.chair && !m.uncertain);
        let mut parts: Vec<String> = self
            .statuses(person)
            .iter()
            .map(|k| {
                if chair && *k == AttendanceKind::Present {
                    format!("{} (in the chair)", k.label())
                } else {
                    k.label().to_string()
                }
            })
            .collect();
        if parts.is_empty() {
            parts.push("named in the text, not in the attendance lists".to_string());
        }
        if person.ambiguous {
            parts.push("more than one listed person could be meant".to_string());
        }
        format!("{}: {}", self.display_name(text, person), parts.join("; "))
    }

    /// What hovering at `offset` shows: the name's span and [`describe`](Self::describe).
    pub fn hover(&self, text: &str, offset: usize) -> Option<(Span, String)> {
        let mention = self.mention_at(offset)?;
        let person = self.people.get(mention.person)?;
        Some((mention.span, self.describe(text, person)))
    }

    /// Surnames of the people in the attendance lists, in order of first listing, without
    /// repeats: what completion offers after "Councillor ".
    pub fn attendee_surnames<'t>(&self, text: &'t str) -> Vec<&'t str> {
        let mut seen = Vec::new();
        for mention in self.mentions.iter().filter(|m| m.in_attendance()) {
            let surname = mention.surname.slice(text);
            if !surname.is_empty() && !seen.contains(&surname) {
                seen.push(surname);
            }
        }
        seen
    }
}

/// Folds a surname for comparison: lower case, curly apostrophes straightened.
pub fn fold_surname(surname: &str) -> String {
    surname
        .chars()
        .map(|c| if matches!(c, '’' | '‘' | '`') { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when two sets of first names or initials can name the same person: "A H" and "Alan",
/// "J." and "John"; not "John" and "Jane", nor "S" and "J". A missing one fits anything.
pub fn given_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    let split = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == '.')
            .filter(|t| !t.is_empty())
            .map(|t| t.to_lowercase())
            .collect()
    };
    let (a, b) = (split(a), split(b));
    a.iter().zip(b.iter()).all(|(x, y)| {
        if x.chars().count() > 1 && y.chars().count() > 1 {
            x == y
        } else {
            x.chars().next() == y.chars().next()
        }
    })
}

/// True when two title sets can name the same person (either unknown, or sharing a family).
pub fn titles_compatible(a: u16, b: u16) -> bool {
    a == 0 || b == 0 || a & b != 0
}

fn mention_from(text: &str, person: &Person, prose: bool) -> Mention {
    let name_start = person.given.map_or(person.surname.start, |g| g.start);
    // A list member's title span sits before the whole list; its own name starts at the given.
    let own_title = person
        .title
        .filter(|t| person.span.start == t.start && !is_list_title(t.slice(text)));
    let mut titles = 0;
    if let Some(title) = person.title {
        // "Cllr Mr A H Porter": a second title sits right after the first; a list's names do not
        // (and reading up to a list's tenth name would make lists quadratic).
        let end = if name_start.saturating_sub(title.end) <= 16 {
            name_start.max(title.end)
        } else {
            title.end
        };
        let words = Span::new(title.start, end).slice(text);
        for word in words.split(|c: char| c.is_whitespace()) {
            if let Some(class) = TitleClass::of(word) {
                titles |= class as u16;
            }
        }
        if titles == 0 {
            titles = TitleClass::of(title.slice(text)).map_or(0, |c| c as u16);
        }
    }
    let span = match own_title {
        Some(t) => Span::new(t.start, person.surname.end),
        None => Span::new(name_start, person.surname.end),
    };
    Mention {
        span,
        surname: person.surname,
        given: person.given,
        title: person.title,
        titles,
        source: Source::Prose,
        uncertain: false,
        chair: person.chair && !prose,
        vice_chair: person.vice_chair && !prose,
        person: 0,
    }
}

fn is_list_title(word: &str) -> bool {
    matches!(word.trim_end_matches('.'), "Councillors" | "Cllrs")
}

/// For a name in an apologies item's prose: true when its sentence records an apology ("Apologies
/// for absence were received from Councillor Brown") and is not about a substitute; a line that
/// is nothing but names counts too.
fn sentence_records_apology(
    text: &str,
    minutes: &Minutes,
    person: &Person,
    names_only: &mut HashMap<usize, bool>,
) -> bool {
    /// How far to look for a sentence's ends: no real sentence is longer, and it keeps huge
    /// blocks linear.
    const WINDOW: usize = 600;
    // The person's own entry (name, chair marker, role) is left out: "Councillor Brown
    // (Councillor Reid substituting)" is Brown's apology.
    let Some(block) = block_at(minutes, person.surname.start) else {
        return true;
    };
    let content = block.content;
    let (from, to) = (
        person.group.start.min(person.span.start),
        person.group.end.max(person.surname.end),
    );
    let lo = floor_char_boundary(text, from.saturating_sub(WINDOW).max(content.start));
    let hi = floor_char_boundary(text, (to + WINDOW).min(content.end));
    let from = floor_char_boundary(text, from.clamp(lo, hi));
    let to = floor_char_boundary(text, to.clamp(from, hi));
    let (Some(before), Some(after)) = (text.get(lo..from), text.get(to..hi)) else {
        return true;
    };
    // The proposer and seconder of accepting the apologies were there: "apologies from
    // Councillor Brown were accepted, proposed by Councillor Green".
    let just_before = before.trim_end().to_lowercase();
    let just_after = after.trim_start().to_lowercase();
    if ["proposed by", "seconded by", "moved by", "proposer", "seconder"]
        .iter()
        .any(|w| just_before.ends_with(w))
        || ["proposed", "seconded", "moved"]
            .iter()
            .any(|w| just_after.starts_with(w))
    {
        return false;
    }
    let start = before.rfind(". ").map_or(0, |i| i + 2);
    let end = after.find(". ").map_or(after.len(), |i| i + 1);
    let sentence = format!("{}{}", &before[start..], &after[..end]).to_lowercase();
    // Substitutes, and apologies for lateness or for leaving early, from someone who was there.
    const NOT_AN_ABSENCE: &[&str] = &[
        "substitut",
        "deputis",
        "in attendance",
        "lateness",
        "late arrival",
        "arriving late",
        "leave early",
        "leaving early",
        "left early",
        "arrived",
        "joined the meeting",
    ];
    if NOT_AN_ABSENCE.iter().any(|w| sentence.contains(w)) {
        return false;
    }
    // Under an "Apologies:" heading above the items, the list says what it is; inside an item
    // (an "Apologies for absence" item's prose), the sentence must say so, or be just names.
    let after_items = minutes.items.partition_point(|i| i.span.start <= person.surname.start);
    let in_item = after_items > 0 && minutes.items[after_items - 1].span.contains(person.surname.start);
    if sentence.contains("apolog") || !in_item {
        return true;
    }
    // Just names: nothing left once the names are taken out (worked out once per block).
    *names_only.entry(content.start).or_insert_with(|| {
        let mut last = content.start;
        let mut rest_is_blank = true;
        let blank = |s: &str| s.chars().all(|c| c.is_whitespace() || c.is_ascii_punctuation());
        for p in scan_people(text, content, true) {
            if p.group.start >= last {
                rest_is_blank &= blank(Span::new(last, p.group.start).slice(text));
                last = p.group.end;
            }
        }
        rest_is_blank && blank(Span::new(last, content.end).slice(text))
    })
}

fn overlaps_any(sorted: &[Span], span: Span) -> bool {
    let i = sorted.partition_point(|s| s.end <= span.start);
    sorted.get(i).is_some_and(|s| s.overlaps(span))
}

/// The block whose span holds `offset`.
pub fn block_at(minutes: &Minutes, offset: usize) -> Option<&crate::core::model::Block> {
    let after = minutes.blocks.partition_point(|b| b.span.start <= offset);
    minutes.blocks[..after].last().filter(|b| offset <= b.span.end)
}

struct Profile {
    titles: u16,
    given: Option<String>,
}

fn group(text: &str, mentions: &mut [Mention]) -> Vec<PersonEntry> {
    let mut people: Vec<PersonEntry> = Vec::new();
    let mut profiles: Vec<Profile> = Vec::new();
    let mut buckets: HashMap<String, Vec<usize>> = HashMap::new();
    // Mentions with first names define the people; attendance before prose.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (mentions[i].given.is_none(), !mentions[i].in_attendance(), i));
    for i in order {
        let key = fold_surname(mentions[i].surname.slice(text));
        let given = mentions[i].given.map(|g| g.slice(text).to_string());
        let titles = mentions[i].titles;
        let bucket = buckets.entry(key.clone()).or_default();
        let fits = |p: &usize| {
            let profile = &profiles[*p];
            titles_compatible(profile.titles, titles) && given_compatible(profile.given.as_deref(), given.as_deref())
        };
        let candidates: Vec<usize> = bucket.iter().take(BUCKET_LIMIT).copied().filter(|p| fits(p)).collect();
        let chosen = if given.is_some() {
            candidates.first().copied()
        } else {
            let clear: Vec<usize> = candidates.iter().copied().filter(|&p| !people[p].ambiguous).collect();
            match clear.len() {
                0 | 1 if candidates.len() <= 1 => candidates.first().copied(),
                1 => clear.first().copied(),
                _ => match candidates.iter().copied().find(|&p| people[p].ambiguous) {
                    Some(p) => Some(p),
                    None => {
                        let p = people.len();
                        people.push(PersonEntry {
                            key: key.clone(),
                            mentions: Vec::new(),
                            titles,
                            given: None,
                            ambiguous: true,
                        });
                        profiles.push(Profile { titles, given: None });
                        bucket.push(p);
                        Some(p)
                    }
                },
            }
        };
        let p = match chosen {
            Some(p) => p,
            None => {
                let p = people.len();
                people.push(PersonEntry {
                    key: key.clone(),
                    mentions: Vec::new(),
                    titles,
                    given: None,
                    ambiguous: false,
                });
                profiles.push(Profile { titles, given: None });
                bucket.push(p);
                p
            }
        };
        let profile = &mut profiles[p];
        profile.titles |= titles;
        if let Some(g) = given {
            let fuller = profile.given.as_ref().map_or(true, |old| g.len() > old.len());
            if fuller {
                profile.given = Some(g);
            }
        }
        people[p].titles = profile.titles;
        people[p].given = profile.given.clone();
        people[p].mentions.push(i);
        mentions[i].person = p;
    }
    for person in &mut people {
        person.mentions.sort_unstable();
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse;

    use crate::core::testing::corpus;

    #[test]
    fn ofsted_taylor_is_present_and_sent_apologies() {
        let text = corpus("manchester-ofsted-subgroup-2017-09-12.txt");
        let minutes = parse(&text);
        let analysis = PeopleAnalysis::new(&text, &minutes);
        let at = text.find("Councillor Taylor").unwrap();
        let taylor = analysis.person_at(at + 12).expect("Taylor");
        assert_eq!(taylor.mentions.len(), 2);
        assert_eq!(
            analysis.statuses(taylor),
            vec![AttendanceKind::Present, AttendanceKind::Apologies]
        );
        assert_eq!(
            analysis.describe(&text, taylor),
            "Councillor Taylor: present; sent apologies"
        );
        let stone = analysis.person_at(text.find("Stone").unwrap()).unwrap();
        assert_eq!(
            analysis.describe(&text, stone),
            "Councillor Stone: present (in the chair)"
        );
        let (span, shown) = analysis.hover(&text, text.find("Kellner").unwrap() + 2).unwrap();
        assert_eq!(span.slice(&text), "Mrs B Kellner");
        assert_eq!(shown, "Mrs B Kellner: present");
        assert_eq!(
            analysis.attendee_surnames(&text),
            ["Stone", "Alijah", "Collins", "Lovecy", "Reid", "Taylor", "Kellner", "Neall", "Newman"]
        );
    }

    #[test]
    fn middlesbrough_councillor_hill_is_a_prose_mention() {
        let text = corpus("middlesbrough-cyp-panel-2022-03-21.txt");
        let minutes = parse(&text);
        let analysis = PeopleAnalysis::new(&text, &minutes);
        assert_eq!(analysis.mentions.len(), 1);
        assert_eq!(analysis.mentions[0].span.slice(&text), "Councillor Hill");
        assert_eq!(analysis.mentions[0].source, Source::Prose);
        let (_, shown) = analysis.hover(&text, analysis.mentions[0].span.start).unwrap();
        assert_eq!(shown, "Councillor Hill: named in the text, not in the attendance lists");
        assert!(analysis.attendee_surnames(&text).is_empty());
    }

    #[test]
    fn prose_mentions_join_the_listed_person() {
        let text = "Present:\n\nCouncillor J Smith (Chair), Councillor B Jones\n\n1. Budget\n\nCouncillor Smith asked about reserves. Cllr Jones agreed. Mr Smith, the Treasurer, replied.\n";
        let minutes = parse(text);
        let a = PeopleAnalysis::new(text, &minutes);
        let smith = a.person_at(text.find("Councillor Smith").unwrap()).unwrap();
        assert_eq!(smith.mentions.len(), 2);
        assert_eq!(smith.given.as_deref(), Some("J"));
        let jones = a.person_at(text.find("Cllr Jones").unwrap()).unwrap();
        assert_eq!(jones.mentions.len(), 2);
        // "Mr Smith" has another title: another person.
        let mr = a.person_at(text.find("Mr Smith").unwrap()).unwrap();
        assert_eq!(mr.mentions.len(), 1);
        assert_eq!(a.spellings(text, smith), vec![("Smith", 2)]);
    }

    #[test]
    fn a_bare_surname_fitting_two_people_is_ambiguous() {
        let text = "Present:\n\nCouncillor J Taylor, Councillor S Taylor\n\nApologies:\n\nCouncillor Taylor\n";
        let minutes = parse(text);
        let a = PeopleAnalysis::new(text, &minutes);
        let bare = a.person_at(text.rfind("Taylor").unwrap()).unwrap();
        assert!(bare.ambiguous);
        assert_eq!(a.people.len(), 3);
    }

    #[test]
    fn initials_and_names_fit_together() {
        assert!(given_compatible(Some("A H"), Some("Alan")));
        assert!(given_compatible(Some("J."), Some("John")));
        assert!(!given_compatible(Some("John"), Some("Jane")));
        assert!(!given_compatible(Some("S"), Some("J")));
        assert!(given_compatible(None, Some("J")));
        assert_eq!(fold_surname("O’Neill"), "o'neill");
    }

    #[test]
    fn substitutes_in_an_apologies_item_are_uncertain() {
        let text = "Present:\n\nCouncillor A Green\n\n1. Apologies for Absence\n\nApologies were received from Councillor C Brown. Councillor A Green attended as a substitute.\n\n2. Budget\n\nRESOLVED – noted.\n";
        let minutes = parse(text);
        let a = PeopleAnalysis::new(text, &minutes);
        let green = a.person_at(text.find("Green").unwrap()).unwrap();
        assert_eq!(a.statuses(green), vec![AttendanceKind::Present]);
        let brown = a.person_at(text.find("Brown").unwrap()).unwrap();
        assert_eq!(a.statuses(brown), vec![AttendanceKind::Apologies]);
    }

    #[test]
    fn apologies_for_lateness_are_not_absences() {
        let text = "Present:\n\nCouncillor A Green (Chair)\n\n1. Apologies for Absence\n\nApologies for lateness were received from Councillor A Green.\n\n2. Budget\n\nRESOLVED – noted.\n";
        let minutes = parse(text);
        let a = PeopleAnalysis::new(text, &minutes);
        let green = a.person_at(text.find("Green").unwrap()).unwrap();
        assert_eq!(a.statuses(green), vec![AttendanceKind::Present]);
    }

    #[test]
    fn apologies_lists_above_the_items_are_taken_as_written() {
        let text = "Present:\n\nCouncillor A Green (Chair), Councillor B Brown\n\nApologies:\n\nCouncillor B Brown – illness\n\n1. Budget\n\nRESOLVED – noted.\n";
        let minutes = parse(text);
        let a = PeopleAnalysis::new(text, &minutes);
        let brown = a.person_at(text.find("Brown").unwrap()).unwrap();
        assert_eq!(
            a.statuses(brown),
            vec![AttendanceKind::Present, AttendanceKind::Apologies]
        );
    }

    #[test]
    fn prose_right_after_a_list_is_not_in_the_list() {
        let text = "Present:\nCouncillor R Venn (Chair), Councillor T Ashby\n\nApologies:\nCouncillor L Moss\nThe Chair thanked Councillor Venn for chairing the working group all year.\n\n1. Budget\n\nRESOLVED – noted.\n";
        let minutes = parse(text);
        let a = PeopleAnalysis::new(text, &minutes);
        let venn = a.person_at(text.find("Venn").unwrap()).unwrap();
        assert_eq!(a.statuses(venn), vec![AttendanceKind::Present]);
        let moss = a.person_at(text.find("Moss").unwrap()).unwrap();
        assert_eq!(a.statuses(moss), vec![AttendanceKind::Apologies]);
    }

    #[test]
    fn proposers_and_late_arrivals_in_an_apologies_item_were_there() {
        let text = "Present:\n\nCouncillor R Venn (Chair), Councillor T Ashby, Councillor L Moss\n\n1. Apologies for Absence\n\nApologies were received from Councillor P Dunn and accepted, proposed by Councillor T Ashby. Councillor L Moss arrived during item two.\n\n2. Budget\n\nRESOLVED – noted.\n";
        let minutes = parse(text);
        let a = PeopleAnalysis::new(text, &minutes);
        for name in ["Ashby", "Moss"] {
            let p = a.person_at(text.find(name).unwrap()).unwrap();
            assert_eq!(a.statuses(p), vec![AttendanceKind::Present], "{name}");
        }
        let dunn = a.person_at(text.find("Dunn").unwrap()).unwrap();
        assert_eq!(a.statuses(dunn), vec![AttendanceKind::Apologies]);
    }

    #[test]
    fn a_label_inside_a_list_keeps_it_open_and_bare_names_are_split() {
        let text = "Present:\n\nCouncillors:\n\nChairman Cllr Okafor\n\nCllr Venn\n\nApologies: Dana Whitlow, Ravi Sethi, Mo Khan\n\n1. Budget\n\nRESOLVED – noted.\n";
        let minutes = parse(text);
        let present = &minutes.attendance[0];
        let names: Vec<&str> = present.people.iter().map(|p| p.surname.slice(text)).collect();
        assert_eq!(names, ["Okafor", "Venn"]);
        assert!(present.people[0].chair);
        let apologies = &minutes.attendance[1];
        let names: Vec<&str> = apologies.people.iter().map(|p| p.surname.slice(text)).collect();
        assert_eq!(names, ["Whitlow", "Sethi", "Khan"]);
        assert!(apologies.people.iter().all(|p| p.role.is_none()));
    }

    fn listed(text: &str) -> Vec<(AttendanceKind, Vec<String>)> {
        parse(text)
            .attendance
            .iter()
            .map(|s| {
                let names = s.people.iter().map(|p| p.surname.slice(text).to_string()).collect();
                (s.kind, names)
            })
            .collect()
    }

    #[test]
    fn attendance_without_a_heading_in_tables_and_in_bold() {
        // Titled names straight under the meeting line, with no "Present" heading.
        let text = "Minutes of the meeting held on 3 March 2025\nCllr Ames\nCllr Lowe\nCllr Kerr\n1. Welcome\n\nThe Chair opened the meeting.\n";
        assert_eq!(
            listed(text),
            vec![(
                AttendanceKind::Present,
                vec!["Ames".into(), "Lowe".into(), "Kerr".into()]
            )]
        );
        // A roll of names further down, after prose, is not an attendance list.
        let text = "Minutes of the meeting held on 3 March 2025\n\nThe Mayor had called this meeting after the resignation of the Leader, which the council noted with regret.\n\nCllrs Ames, Lowe and Kerr\n";
        assert!(listed(text).is_empty());
        // A table: heading, names and a column of initials.
        let text = "PRESENT      Jo Kent        JK      Ravi Sethi      RS\n             Ann Lowe       AL\n\n1 Police Report\n\nNo report.\n";
        assert_eq!(
            listed(text),
            vec![(
                AttendanceKind::Present,
                vec!["Kent".into(), "Sethi".into(), "Lowe".into()]
            )]
        );
        // Bold headings in Markdown.
        let text = "**Present**: Jo Kent, Ravi Sethi, Councillor Ames\n\n**Apologies**: Ann Lowe, Mo Khan\n";
        let found = listed(text);
        assert_eq!(found[0].0, AttendanceKind::Present);
        assert_eq!(found[0].1, vec!["Ames".to_string()]);
        assert_eq!(
            found[1],
            (AttendanceKind::Apologies, vec!["Lowe".into(), "Khan".into()])
        );
    }

    #[test]
    fn an_apologies_heading_without_its_colon() {
        let text = "Present: Councillor Ames (Chair)\n\nApologies Ann Lowe, Cllrs Kerr and Venn\n\n1. Budget\n\nRESOLVED – noted.\n";
        let found = listed(text);
        assert_eq!(found[1].0, AttendanceKind::Apologies);
        assert!(found[1].1.contains(&"Venn".to_string()), "{found:?}");
        // An agenda title in the same place is not a list of names.
        let text = "Present: Councillor Ames (Chair)\n\nApologies To receive any apologies for absence from members of the committee\n";
        assert_eq!(listed(text).len(), 1);
    }

    #[test]
    fn hostile_text_does_not_panic() {
        let long = "Councillor Smith ".repeat(20_000);
        let million = "x".repeat(1_000_000);
        let huge_list = format!(
            "Present:\nCouncillors {}Reid\nApologies:\nCouncillors {}Reid\n",
            "Abc, ".repeat(100_000),
            "Abd, ".repeat(100_000)
        );
        for text in [
            "",
            "Councillor 😀 Smi\u{301}th and Cllr Smi\u{301}th\r\rApologies:\rCouncillor Smi\u{301}th",
            long.as_str(),
            million.as_str(),
            huge_list.as_str(),
            "Present:\r\nCouncillors Ä, Ö and Ü\r\n",
        ] {
            let minutes = parse(text);
            let a = PeopleAnalysis::new(text, &minutes);
            for p in &a.people {
                let _ = a.describe(text, p);
            }
            let _ = a.mention_at(text.len());
            let _ = crate::core::lint::lint(text, &crate::core::config::Config::default(), None);
        }
    }

    #[test]
    fn random_drafts_give_sound_findings_and_converging_fixes() {
        use crate::core::config::{Config, CouncillorStyle};
        use crate::core::fix::{apply_edits, fix_all};
        use crate::core::lint::lint;
        const PARTS: &[&str] = &[
            "Present:",
            "Apologies:",
            "In attendance:",
            "Councillor",
            "Councillors",
            "Cllr",
            "Cllrs.",
            "Mr",
            "Mrs",
            "Dr",
            " ",
            " ",
            ", ",
            " and ",
            " & ",
            "\n",
            "\r\n",
            "\r",
            "\n\n",
            "Taylor",
            "Tayler",
            "Taylr",
            "Re\u{301}id",
            "Reid",
            "Reed",
            "😀",
            "Smi\u{301}th",
            "Smith",
            "(Chair)",
            " – in the Chair",
            "1. Apologies for Absence",
            "2. Budget",
            "RESOLVED – noted.",
            "substitute",
            "Apologies were received from",
            ".",
            "O’Neill",
            "A H",
            "J",
            "John",
            "\u{a0}",
            "ß",
            "İstanbul",
            "Richardson",
            "Richardsen",
            "- ",
            "# ",
            "Kellner, Co-opted Member",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let ours = ["present-and-apologies", "missing-chair", "name-variant", "title-style"];
        let styled = Config {
            councillor_style: Some(CouncillorStyle::Cllr),
            ..Config::default()
        };
        for round in 0..400 {
            let len = next(60);
            let text: String = (0..len).map(|_| PARTS[next(PARTS.len())]).collect();
            let config = if round % 2 == 0 {
                Config::default()
            } else {
                styled.clone()
            };
            let path = if round % 3 == 0 { "draft.md" } else { "draft.txt" };
            let linted = lint(&text, &config, Some(path));
            for d in linted.diagnostics.iter().filter(|d| ours.contains(&d.rule)) {
                let ok = |sp: Span| {
                    text.is_char_boundary(sp.start)
                        && text.is_char_boundary(sp.end)
                        && sp.start <= sp.end
                        && sp.end <= text.len()
                };
                assert!(ok(d.span), "{text:?} {d:?}");
                assert!(d.related.iter().all(|r| ok(r.span)), "{text:?} {d:?}");
                for fix in &d.fixes {
                    assert!(fix.edits.iter().all(|e| ok(e.span)), "{text:?} {d:?}");
                    let _ = apply_edits(&text, &fix.edits);
                }
            }
            let once = fix_all(&text, &config, Some(path), false);
            let twice = fix_all(&once.text, &config, Some(path), false);
            let again: Vec<_> = twice
                .applied
                .iter()
                .filter(|(r, n)| *n > 0 && ours.contains(r))
                .collect();
            assert!(again.is_empty(), "{text:?}: a second pass still fixed {again:?}");
        }
    }
}
