//! The meeting as it happened: who was in the room for each item, the motions with their movers
//! and seconders, the votes, the declarations of interest, the resolutions to exclude the press
//! and public, and the meeting's opening and closing times.
//!
//! Built once per draft, on first use, from the model and the people analysis, in one pass over
//! the blocks: a block is only read closely when a cheap search finds one of the words these
//! things are written with. What cannot be read is left out, never guessed: a rule built on this
//! stays silent where the text is unclear.
//!
//! The rules `absent-participant`, `self-seconded`, `vote-arithmetic`, `interest-participation`,
//! `meeting-times`, `quorum`, `exclusion-grounds` and `exempt-detail` read it, and so can the
//! language server: [`Proceedings::describe_person`] for hover, [`Proceedings::voting_count_at`]
//! and [`Vote::tally`] for inlay hints, [`Proceedings::motions`] for the outline.

pub mod parties;
mod reading;
pub mod times;

use crate::core::analysis::people::{fold_surname, given_compatible, PeopleAnalysis, TitleClass};
use crate::core::model::{AttendanceKind, Minutes};
use crate::core::text::Span;
pub use parties::{Party, PartyKind};
pub use reading::sentences;
pub use times::ClockTime;

/// A motion or amendment with its mover and seconder as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Motion {
    /// The sentence (or sentences) recording it.
    pub span: Span,
    /// Index into [`Minutes::items`].
    pub item: Option<usize>,
    pub amendment: bool,
    pub mover: Option<Party>,
    pub seconder: Option<Party>,
    /// Index into [`Proceedings::votes`] of a vote recorded in the same sentence.
    pub vote: Option<usize>,
}

/// Which way a vote or a list of voters went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    For,
    Against,
    Abstain,
}

/// What the minutes say a vote decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Carried,
    Lost,
}

/// A number written in the text, with where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Count {
    pub value: u32,
    pub span: Span,
}

/// The names voting one way in a recorded vote ("For: Councillors Ames, Lowe and Kerr (3)").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedList {
    pub side: Side,
    /// The line or cell that names the side.
    pub heading: Span,
    pub names: Vec<Party>,
    /// The number written beside the names, when there is one.
    pub count: Option<Count>,
}

/// A vote as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Vote {
    /// The sentence, or the lines of a recorded vote.
    pub span: Span,
    pub item: Option<usize>,
    pub for_count: Option<Count>,
    pub against: Option<Count>,
    pub abstain: Option<Count>,
    /// "carried by 7 votes to 2": the two numbers in the order written.
    pub by_votes: Option<(Count, Count)>,
    /// "unanimously", "all in favour", "nem con".
    pub unanimous: Option<Span>,
    pub casting: bool,
    pub outcome: Option<(Outcome, Span)>,
    pub recorded: Vec<RecordedList>,
}

impl Vote {
    /// How many voted each way, from the counts or else from the named lists.
    pub fn side_count(&self, side: Side) -> Option<u32> {
        let count = match side {
            Side::For => self.for_count,
            Side::Against => self.against,
            Side::Abstain => self.abstain,
        };
        count.map(|c| c.value).or_else(|| {
            let lists: Vec<&RecordedList> = self.recorded.iter().filter(|l| l.side == side).collect();
            if lists.is_empty() {
                None
            } else {
                Some(
                    lists
                        .iter()
                        .map(|l| l.count.map_or(l.names.len() as u32, |c| c.value))
                        .sum(),
                )
            }
        })
    }

    /// The tally for an inlay hint: "7 for, 2 against, 1 abstention", "unanimous".
    pub fn tally(&self) -> String {
        let mut parts = Vec::new();
        let (for_count, against) = (self.side_count(Side::For), self.side_count(Side::Against));
        if let (None, None, Some((a, b))) = (for_count, against, self.by_votes) {
            parts.push(format!("{} votes to {}", a.value, b.value));
        }
        if let Some(n) = for_count {
            parts.push(format!("{n} for"));
        }
        if let Some(n) = against {
            parts.push(format!("{n} against"));
        }
        if let Some(n) = self.side_count(Side::Abstain) {
            parts.push(format!("{n} {}", if n == 1 { "abstention" } else { "abstentions" }));
        }
        if self.unanimous.is_some() && parts.is_empty() {
            parts.push("unanimous".to_string());
        }
        if self.casting {
            parts.push("casting vote".to_string());
        }
        let mut out = parts.join(", ");
        if let Some((outcome, _)) = self.outcome {
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(match outcome {
                Outcome::Carried => "carried",
                Outcome::Lost => "lost",
            });
        }
        out
    }

    /// Votes cast or recorded as abstaining, when any count is written.
    pub fn total(&self) -> Option<u32> {
        let counts = [Side::For, Side::Against, Side::Abstain].map(|s| self.side_count(s));
        if counts.iter().all(Option::is_none) {
            return self.by_votes.map(|(a, b)| a.value + b.value);
        }
        Some(counts.iter().flatten().sum())
    }
}

/// Arriving, leaving or coming back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MovementKind {
    Arrived,
    Left,
    Returned,
}

/// How long a departure lasts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Until the person is recorded coming back (or for the rest of the meeting).
    Rest,
    /// For the item the sentence is in ("left the room for this item").
    ThisItem,
    /// For the items named ("left the meeting for item 7"): indices into [`Minutes::items`].
    Items(Vec<usize>),
    /// "left the meeting during item 6": gone from the end of that item.
    AfterItem(usize),
}

/// Someone arriving, leaving or returning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Movement {
    pub party: Party,
    pub kind: MovementKind,
    /// The verb ("left", "arrived", "returned").
    pub verb: Span,
    /// The sentence.
    pub span: Span,
    pub item: Option<usize>,
    pub time: Option<(ClockTime, Span)>,
    pub scope: Scope,
}

/// The kind of interest declared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InterestKind {
    /// A disclosable pecuniary interest, or "pecuniary".
    Pecuniary,
    /// "prejudicial" (or "personal and prejudicial").
    Prejudicial,
    /// Personal, non-pecuniary, other registrable, affected.
    Other,
    /// No kind written.
    Unspecified,
}

/// A declaration of interest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declaration {
    pub party: Party,
    pub kind: InterestKind,
    /// The sentence.
    pub span: Span,
    /// The item the sentence is in.
    pub in_item: Option<usize>,
    /// The items it is about, where the text names them and they are in this draft.
    pub items: Vec<usize>,
    /// The references as written ("item 7"), resolved or not.
    pub refs: Vec<Span>,
    /// The sentence (or the next) records them leaving or taking no part.
    pub left: bool,
    pub dispensation: bool,
}

/// A resolution to exclude the press and public (or to go into closed session).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exclusion {
    /// The sentence.
    pub span: Span,
    pub item: Option<usize>,
    /// Paragraph numbers cited anywhere in the resolution or its item, with where.
    pub paragraphs: Vec<Count>,
    /// "Part 1" or "Part 4" of the schedule, when written.
    pub part: Option<u32>,
    /// The resolution or its item names some ground: Schedule 12A, the 1960 Act, or a reason.
    pub grounds: bool,
}

/// Someone speaking in an item ("Councillor Lowe asked whether …").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speech {
    pub party: Party,
    pub verb: Span,
    pub item: Option<usize>,
}

/// What someone did that needs them in the room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Moved,
    Seconded,
    Spoke,
}

/// Where someone was at some point of the minutes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whereabouts {
    InRoom,
    /// Listed as sending apologies (or absent), and not recorded arriving.
    SentApologies,
    /// Recorded leaving at this movement's verb, and not back.
    Left(Span),
    /// Recorded arriving later, at this verb.
    NotYetArrived(Span),
    /// In no attendance list and not recorded arriving.
    NotListed,
    /// The minutes do not say clearly.
    Unknown,
}

/// Everything read about the meeting as it happened.
#[derive(Debug, Default)]
pub struct Proceedings {
    pub opened: Option<(ClockTime, Span)>,
    pub closed: Option<(ClockTime, Span)>,
    pub motions: Vec<Motion>,
    pub votes: Vec<Vote>,
    pub movements: Vec<Movement>,
    pub declarations: Vec<Declaration>,
    pub exclusions: Vec<Exclusion>,
    pub speeches: Vec<Speech>,
    /// Items taken in private, with the offset from which (an exclusion resolution, or the item's
    /// start when its title marks it exempt or confidential).
    pub private_items: Vec<(usize, usize)>,
    /// People listed as present voting members (people-analysis indices), in listing order.
    pub voting_members: Vec<usize>,
    /// People listed as sending apologies or absent.
    pub apologies: Vec<usize>,
    /// People listed as also present, in attendance, or officers.
    pub others: Vec<usize>,
    /// A "Present" list holds names the reader could not read ("Councillors: Abbas, Bright, …"):
    /// who could vote is then not known.
    pub present_unread: bool,
    /// A meeting of the electors (an annual parish or town meeting): those who vote are not the
    /// members listed.
    pub electors_meeting: bool,
    /// The meeting was adjourned to, or resumed on, another day: its clock times are of two days.
    pub adjourned_to_another_day: bool,
    absences: Vec<Absence>,
    /// First arrival of each person recorded arriving inside an item: (person, offset, verb).
    arrivals: Vec<(usize, usize, Span)>,
}

/// A stretch of the text during which someone was out of the room.
#[derive(Clone, Copy, Debug)]
struct Absence {
    person: usize,
    from: usize,
    to: usize,
    verb: Span,
}

/// Role words that make a name in a "Present" list someone who does not vote.
const NON_VOTING_ROLES: &[&str] = &[
    "clerk",
    "officer",
    "rfo",
    "minute",
    "solicitor",
    "assistant",
    "county councillor",
    "district councillor",
    "borough councillor",
    "ward member",
    "ward councillor",
    "pcso",
    "police",
    "press",
    "observer",
    "advisor",
    "adviser",
    "secretary to",
    "manager",
    "director",
    "head of",
    "lawyer",
    "democratic",
];

impl Proceedings {
    pub fn new(text: &str, minutes: &Minutes, people: &PeopleAnalysis) -> Self {
        let mut proceedings = Proceedings::default();
        proceedings.read_attendance(text, minutes, people);
        reading::read(text, minutes, people, &mut proceedings);
        proceedings.resolve_parties(text, minutes, people);
        proceedings.place_movements(minutes);
        proceedings
    }

    fn read_attendance(&mut self, text: &str, minutes: &Minutes, people: &PeopleAnalysis) {
        for mention in &people.mentions {
            let Some(kind) = mention.kind() else { continue };
            if mention.uncertain || people.people.get(mention.person).map_or(true, |p| p.ambiguous) {
                continue;
            }
            let person = mention.person;
            match kind {
                AttendanceKind::Present => {
                    let role = mention
                        .person_in(minutes)
                        .and_then(|p| p.role)
                        .map(|r| r.slice(text).to_lowercase())
                        .unwrap_or_default();
                    if NON_VOTING_ROLES.iter().any(|w| role.contains(w)) {
                        push_once(&mut self.others, person);
                    } else {
                        push_once(&mut self.voting_members, person);
                    }
                }
                AttendanceKind::Apologies | AttendanceKind::Absent => push_once(&mut self.apologies, person),
                _ => push_once(&mut self.others, person),
            }
        }
        // Listed as present and as an officer: present, not voting.
        let others = self.others.clone();
        self.voting_members.retain(|p| !others.contains(p));
        let head = text
            .get(..minutes.items.first().map_or(text.len().min(2000), |i| i.span.start))
            .unwrap_or("")
            .to_ascii_lowercase();
        self.electors_meeting = [
            "parish meeting",
            "town meeting",
            "meeting of electors",
            "meeting of the electors",
        ]
        .iter()
        .any(|w| head.contains(w));
        self.present_unread = minutes
            .attendance
            .iter()
            .filter(|s| s.kind == AttendanceKind::Present)
            .any(|s| has_unread_name(text, s));
    }

    /// Initials and bare names resolved to the one listed person they fit.
    fn resolve_parties(&mut self, text: &str, minutes: &Minutes, people: &PeopleAnalysis) {
        let listed: Vec<usize> = self
            .voting_members
            .iter()
            .chain(&self.apologies)
            .chain(&self.others)
            .copied()
            .collect();
        let resolve = |party: &mut Party| {
            if party.person.is_some() {
                return;
            }
            let written = party.key.slice(text);
            let fits: Vec<usize> = listed
                .iter()
                .copied()
                .filter(|&p| match party.kind {
                    PartyKind::Code => code_fits_person(text, minutes, people, p, written),
                    PartyKind::Bare => bare_fits_person(people, p, written),
                    PartyKind::Titled => list_name_fits(people, p, party.span.slice(text)),
                    _ => false,
                })
                .collect();
            let mut unique = fits.clone();
            unique.dedup();
            if unique.len() == 1 {
                party.person = Some(unique[0]);
            }
        };
        for motion in &mut self.motions {
            if let Some(p) = motion.mover.as_mut() {
                resolve(p);
            }
            if let Some(p) = motion.seconder.as_mut() {
                resolve(p);
            }
        }
        for vote in &mut self.votes {
            for list in &mut vote.recorded {
                for name in &mut list.names {
                    resolve(name);
                }
            }
        }
        for m in &mut self.movements {
            resolve(&mut m.party);
        }
        for d in &mut self.declarations {
            resolve(&mut d.party);
        }
    }

    /// Turns arrivals and departures into stretches of absence, against the items.
    fn place_movements(&mut self, minutes: &Minutes) {
        let end = usize::MAX;
        let mut open: Vec<Absence> = Vec::new();
        let mut movements: Vec<&Movement> = self.movements.iter().collect();
        movements.sort_by_key(|m| m.verb.start);
        for m in movements {
            let Some(person) = m.party.person else { continue };
            match m.kind {
                MovementKind::Arrived => {
                    if let Some(item) = m.item.and_then(|i| minutes.items.get(i)) {
                        if !self.arrivals.iter().any(|a| a.0 == person) {
                            self.arrivals.push((person, item.span.start, m.verb));
                        }
                    }
                }
                MovementKind::Left => match &m.scope {
                    Scope::Rest => open.push(Absence {
                        person,
                        from: m.verb.start,
                        to: end,
                        verb: m.verb,
                    }),
                    Scope::ThisItem => {
                        if let Some(item) = m.item.and_then(|i| minutes.items.get(i)) {
                            open.push(Absence {
                                person,
                                from: m.span.start,
                                to: item.span.end,
                                verb: m.verb,
                            });
                        }
                    }
                    Scope::Items(items) => {
                        for item in items.iter().filter_map(|&i| minutes.items.get(i)) {
                            self.absences.push(Absence {
                                person,
                                from: item.span.start.max(m.span.start.min(item.span.start)),
                                to: item.span.end,
                                verb: m.verb,
                            });
                        }
                    }
                    Scope::AfterItem(i) => {
                        if let Some(item) = minutes.items.get(*i) {
                            open.push(Absence {
                                person,
                                from: item.span.end,
                                to: end,
                                verb: m.verb,
                            });
                        }
                    }
                },
                MovementKind::Returned => {
                    for a in open.iter_mut().filter(|a| a.person == person && a.to > m.verb.start) {
                        a.to = m.verb.start.max(a.from);
                    }
                }
            }
        }
        self.absences.extend(open);
    }

    /// Where `person` (a people-analysis index) was at `offset`.
    pub fn whereabouts(&self, person: usize, offset: usize) -> Whereabouts {
        if let Some(a) = self
            .absences
            .iter()
            .find(|a| a.person == person && a.from <= offset && offset < a.to)
        {
            return Whereabouts::Left(a.verb);
        }
        if let Some(&(_, from, verb)) = self.arrivals.iter().find(|a| a.0 == person) {
            return if offset < from {
                Whereabouts::NotYetArrived(verb)
            } else {
                Whereabouts::InRoom
            };
        }
        if self.voting_members.contains(&person) || self.others.contains(&person) {
            return Whereabouts::InRoom;
        }
        if self.apologies.contains(&person) {
            // Arrived before the items, or recorded in a way not read: unknown rather than absent.
            if self.movements.iter().any(|m| m.party.person == Some(person)) {
                return Whereabouts::Unknown;
            }
            return Whereabouts::SentApologies;
        }
        if self.movements.iter().any(|m| m.party.person == Some(person)) {
            return Whereabouts::Unknown;
        }
        Whereabouts::NotListed
    }

    /// True when the attendance lists name at least two voting members: enough to count who
    /// could vote.
    pub fn has_present_list(&self) -> bool {
        self.voting_members.len() >= 2 && !self.present_unread && !self.electors_meeting
    }

    /// The voting members in the room at `offset`: those listed present who had not left, and
    /// those recorded arriving before it.
    pub fn voting_members_at(&self, offset: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let candidates = self
            .voting_members
            .iter()
            .copied()
            .chain(self.arrivals.iter().map(|a| a.0).filter(|p| !self.others.contains(p)));
        for p in candidates {
            if !out.contains(&p) && self.whereabouts(p, offset) == Whereabouts::InRoom {
                out.push(p);
            }
        }
        out
    }

    /// How many voting members were in the room at `offset`, when the attendance lists say.
    pub fn voting_count_at(&self, offset: usize) -> Option<usize> {
        self.has_present_list().then(|| self.voting_members_at(offset).len())
    }

    /// The votes recorded in an item, in order.
    pub fn votes_in(&self, item: usize) -> impl Iterator<Item = &Vote> {
        self.votes.iter().filter(move |v| v.item == Some(item))
    }

    /// Every recorded act that needs its actor in the room, in document order: moving, seconding
    /// and speaking.
    pub fn participations(&self) -> Vec<(Role, Party, Option<usize>)> {
        let mut out = Vec::new();
        for m in &self.motions {
            if let Some(p) = m.mover {
                out.push((Role::Moved, p, m.item));
            }
            if let Some(p) = m.seconder {
                out.push((Role::Seconded, p, m.item));
            }
        }
        for s in &self.speeches {
            out.push((Role::Spoke, s.party, s.item));
        }
        out.sort_by_key(|(_, p, _)| p.span.start);
        out
    }

    /// For hover, beside what the attendance lists say: their comings and goings and interests
    /// ("left at 8.15 pm (item 6); returned"), or `None` when the minutes record nothing more.
    pub fn describe_person(&self, text: &str, minutes: &Minutes, person: usize) -> Option<String> {
        let mut parts = Vec::new();
        let number = |item: Option<usize>| {
            item.and_then(|i| minutes.items.get(i))
                .and_then(|it| it.number.as_ref())
                .map(|n| format!("item {}", n.as_str(text).trim_end_matches('.')))
        };
        for m in self.movements.iter().filter(|m| m.party.person == Some(person)) {
            let verb = match m.kind {
                MovementKind::Arrived => "arrived",
                MovementKind::Left => "left",
                MovementKind::Returned => "returned",
            };
            let mut part = verb.to_string();
            if let Some((time, _)) = m.time {
                part.push_str(&format!(" at {}", time.display()));
            }
            let when = match &m.scope {
                Scope::ThisItem => number(m.item).map(|n| format!("for {n}")),
                Scope::Items(items) => {
                    let names: Vec<String> = items.iter().filter_map(|&i| number(Some(i))).collect();
                    (!names.is_empty()).then(|| format!("for {}", names.join(", ")))
                }
                Scope::AfterItem(i) => number(Some(*i)).map(|n| format!("during {n}")),
                Scope::Rest => number(m.item).map(|n| format!("({n})")),
            };
            if let Some(when) = when {
                part.push(' ');
                part.push_str(&when);
            }
            parts.push(part);
        }
        for d in self.declarations.iter().filter(|d| d.party.person == Some(person)) {
            let what = match d.kind {
                InterestKind::Pecuniary => "declared a pecuniary interest",
                InterestKind::Prejudicial => "declared a prejudicial interest",
                _ => "declared an interest",
            };
            let items: Vec<String> = d.items.iter().filter_map(|&i| number(Some(i))).collect();
            if items.is_empty() {
                parts.push(what.to_string());
            } else {
                parts.push(format!("{what} in {}", items.join(", ")));
            }
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

// Names as `[committee]` writes them, for `not-a-member` and `unrecorded-absence`.

/// "Cllr A Brook" → (Some("A"), "Brook"): titles dropped, the last word the surname.
pub fn split_name(written: &str) -> Option<(Option<String>, String)> {
    let words: Vec<&str> = written
        .split_whitespace()
        .filter(|w| TitleClass::of(w).is_none())
        .collect();
    let (surname, given) = words.split_last()?;
    let given = (!given.is_empty()).then(|| given.join(" "));
    Some((given, surname.to_string()))
}

/// True when any mention of `person` fits one of `names`.
pub fn matches_any(text: &str, people: &PeopleAnalysis, person: usize, names: &[(Option<String>, String)]) -> bool {
    let Some(entry) = people.people.get(person) else {
        return true;
    };
    names.iter().any(|(given, surname)| {
        fold_surname(surname) == entry.key
            && (given_compatible(entry.given.as_deref(), given.as_deref())
                || people
                    .mentions_of(entry)
                    .any(|m| given_compatible(m.given.map(|g| g.slice(text)), given.as_deref())))
    })
}

/// Words of a "Present" list that name no one: headings, offices, joining words.
const LIST_WORDS: &[&str] = &[
    "Present",
    "Councillors",
    "Councillor",
    "Cllrs",
    "Cllr",
    "Members",
    "Member",
    "The",
    "Mayor",
    "Deputy",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Vice",
    "Vice-Chair",
    "Vice-Chairman",
    "Convener",
    "Depute",
    "Provost",
    "Leader",
    "In",
    "the",
    "Also",
    "Clerk",
    "Officers",
    "Officer",
    "Committee",
    "Council",
    "District",
    "Borough",
    "County",
    "Town",
    "Parish",
    "City",
    "Community",
    "Voting",
    "Co-opted",
    "Substitute",
    "Substitutes",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Apologies",
    "None",
    "Nil",
    "Sheriff",
    "Lord",
    "Lady",
];

/// True when a "Present" section has a comma- or line-separated piece that looks like a name
/// ("Abbas", "Ellis-Hart") overlapping none of the people read from it.
fn has_unread_name(text: &str, section: &crate::core::model::AttendanceSection) -> bool {
    let from = section.heading.end.min(section.span.end);
    let Some(body) = text.get(from..section.span.end) else {
        return false;
    };
    let mut start = 0;
    let bytes = body.as_bytes();
    let mut pieces = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b',' | b';' | b'\n' | b'|') {
            pieces.push((start, i));
            start = i + 1;
        }
    }
    pieces.push((start, body.len()));
    for (a, b) in pieces {
        let piece = &body[a..b];
        // " and " and " & " join the last two names.
        let mut offset = 0;
        for part in piece.split(" and ").flat_map(|p| p.split(" & ")) {
            let at = piece[offset..].find(part).map_or(offset, |i| offset + i);
            offset = at + part.len();
            let span = Span::new(from + a + at, from + a + at + part.len());
            if section.people.iter().any(|p| p.span.overlaps(span)) {
                continue;
            }
            // Drop bracketed notes ("(Lab)", "(substitute for …)").
            let mut plain = String::new();
            let mut depth = 0usize;
            for c in part.chars() {
                match c {
                    '(' | '[' => depth += 1,
                    ')' | ']' => depth = depth.saturating_sub(1),
                    _ if depth == 0 => plain.push(c),
                    _ => {}
                }
            }
            let words: Vec<&str> = plain
                .split(|c: char| c.is_whitespace() || c == ':')
                .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '*' | '-' | '–')))
                .filter(|w| !w.is_empty())
                .collect();
            if words.is_empty() || words.len() > 4 {
                continue;
            }
            let name_like = |w: &str| {
                let mut chars = w.chars();
                chars.next().is_some_and(char::is_uppercase)
                    && w.chars().count() >= 2
                    && chars.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
                    && w.chars().any(char::is_lowercase)
            };
            let rest: Vec<&str> = words.iter().copied().filter(|w| !LIST_WORDS.contains(w)).collect();
            if !rest.is_empty() && words.iter().all(|w| name_like(w) || LIST_WORDS.contains(w)) {
                return true;
            }
        }
    }
    false
}

fn push_once(list: &mut Vec<usize>, person: usize) {
    if !list.contains(&person) {
        list.push(person);
    }
}

/// The given names of a person as written in the lists, split into words.
fn given_words(people: &PeopleAnalysis, person: usize) -> Vec<String> {
    people
        .people
        .get(person)
        .and_then(|p| p.given.as_deref())
        .map(|g| {
            g.split(|c: char| c.is_whitespace() || c == '.')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// Initials that fit one listed person exactly: the initials of all given names and the
/// surname ("JRO"), of the first given name and the surname ("JO"), or the first given initial
/// and the surname's first two letters ("MCa").
fn code_fits_person(text: &str, _minutes: &Minutes, people: &PeopleAnalysis, person: usize, code: &str) -> bool {
    let Some(entry) = people.people.get(person) else {
        return false;
    };
    let Some(surname) = people.mentions_of(entry).next().map(|m| m.surname.slice(text)) else {
        return false;
    };
    let givens: Vec<char> = given_words(people, person)
        .iter()
        .filter_map(|w| w.chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let Some(&first) = givens.first() else { return false };
    let surname_initials: String = surname
        .split(['-', ' '])
        .filter_map(|p| p.chars().find(|c| c.is_alphabetic()))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let mut all: String = givens.iter().collect();
    all.push_str(&surname_initials);
    let mut short = first.to_string();
    short.push_str(&surname_initials);
    let two: String = surname.chars().filter(|c| c.is_alphabetic()).take(2).collect();
    let mut with_two = first.to_string();
    with_two.push_str(&two);
    let upper = code.to_ascii_uppercase();
    upper == all || upper == short || (code.len() == 3 && code == with_two.as_str())
}

/// A name from a recorded vote's list ("R H Adams", "Mrs L Kaufman", "Dale-Gough") that fits a
/// listed person: the same surname, and initials or first names that fit when written.
fn list_name_fits(people: &PeopleAnalysis, person: usize, written: &str) -> bool {
    let Some(entry) = people.people.get(person) else {
        return false;
    };
    let words: Vec<&str> = written.split_whitespace().collect();
    let Some((surname, before)) = words.split_last() else {
        return false;
    };
    if entry.key != fold_surname(surname) {
        return false;
    }
    let given: Vec<&str> = before
        .iter()
        .copied()
        .filter(|w| crate::core::analysis::people::TitleClass::of(w).is_none())
        .collect();
    given.is_empty() || given_compatible(entry.given.as_deref(), Some(&given.join(" ")))
}

/// A bare name ("Jo Hartley") that fits a listed person: the same surname, given names that fit.
fn bare_fits_person(people: &PeopleAnalysis, person: usize, written: &str) -> bool {
    let Some(entry) = people.people.get(person) else {
        return false;
    };
    let Some((given, surname)) = written.rsplit_once(' ') else {
        return false;
    };
    entry.key == fold_surname(surname) && entry.given.is_some() && given_compatible(entry.given.as_deref(), Some(given))
}

#[cfg(test)]
mod tests;
