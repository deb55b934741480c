//! The model of a draft: its header, attendance lists, numbered items and their decisions.
//!
//! Every node carries byte spans into the original text. The parser fills this in and never
//! fails; material it cannot place stays as plain paragraph blocks.

use crate::core::dates::DateMention;
use crate::core::suppress::Suppressions;
use crate::core::text::Span;
use std::ops::Range;

/// Plain text or Markdown; only changes how decoration is stripped and how suppressions work.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    PlainText,
    Markdown,
}

/// Whether the draft covers a whole meeting or a single agenda item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shape {
    /// A header, attendance and numbered items.
    #[default]
    Meeting,
    /// "Agenda item", a title, a summary, "Minutes:", the discussion and a decision.
    SingleItem,
}

/// A parsed draft.
#[derive(Clone, Debug, Default)]
pub struct Minutes {
    pub format: Format,
    pub shape: Shape,
    /// Where the content starts (3 when the text begins with a byte-order mark).
    pub content_start: usize,
    /// `"\r\n"`, `"\r"` or `"\n"`: the line ending used most, for fixes that insert lines.
    pub newline: &'static str,
    /// Every non-blank run of text, in order.
    pub blocks: Vec<Block>,
    pub header: Header,
    pub attendance: Vec<AttendanceSection>,
    pub items: Vec<Item>,
    /// Entries of glossary lists written in the document ("CHC – Continuing Health Care").
    pub glossary: Vec<GlossaryEntry>,
    /// Web-page residue pasted with the text.
    pub residue: Vec<Residue>,
    /// Every date written in the text, with its weekday when one is given.
    pub dates: Vec<DateMention>,
    /// Spans no rule should read as prose: item numbers, URLs, e-mail addresses, comments.
    pub opaque: Vec<Span>,
    pub suppressions: Suppressions,
}

impl Minutes {
    /// The item whose span holds `offset`.
    pub fn item_at(&self, offset: usize) -> Option<&Item> {
        self.items.iter().find(|item| item.span.contains(offset))
    }

    /// The blocks of an item, in order.
    pub fn item_blocks(&self, item: &Item) -> &[Block] {
        self.blocks.get(item.blocks.clone()).unwrap_or(&[])
    }

    /// True when `span` overlaps something that is not prose (an item number, a URL, residue).
    pub fn is_opaque(&self, span: Span) -> bool {
        self.opaque.iter().any(|o| o.overlaps(span)) || self.residue.iter().any(|r| r.span.overlaps(span))
    }

    /// The opaque spans and the residue, sorted and merged into disjoint runs, so that a lookup
    /// can be a binary search or a forward walk.
    pub fn merged_opaque(&self) -> Vec<Span> {
        // The parser keeps both lists sorted, so merging them replaces a sort of a list as long
        // as the draft (which is still done for a model built otherwise).
        let mut spans: Vec<Span> = Vec::with_capacity(self.opaque.len() + self.residue.len());
        let mut opaque = self.opaque.iter().copied().peekable();
        let mut residue = self.residue.iter().map(|r| r.span).peekable();
        while let Some(next) = match (opaque.peek(), residue.peek()) {
            (Some(o), Some(r)) if r < o => residue.next(),
            (Some(_), _) => opaque.next(),
            (None, _) => residue.next(),
        } {
            spans.push(next);
        }
        if !spans.windows(2).all(|pair| pair[0] <= pair[1]) {
            spans.sort_unstable();
        }
        let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
        for span in spans {
            match merged.last_mut() {
                Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        merged
    }

    /// The meeting's year, from the header's date or else the first dated line.
    pub fn meeting_year(&self) -> Option<i32> {
        self.header
            .date
            .as_ref()
            .and_then(|d| d.year)
            .or_else(|| self.dates.iter().find_map(|d| d.year))
    }
}

/// A run of non-blank lines: a paragraph, a list entry, a heading or a structural line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// From the first character of the first line to the end of the last line (no line break).
    pub span: Span,
    /// The same text without Markdown decoration, list markers or surrounding white space.
    pub content: Span,
    pub kind: BlockKind,
    /// Started with a list marker (`-`, `*`, `•`, `·`, `1.` in Markdown).
    pub list: bool,
    /// Markdown heading level (`#` = 1).
    pub heading: Option<u8>,
    /// Index into [`Minutes::items`] of the item holding this block.
    pub item: Option<usize>,
}

/// What a block is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// The document's first line: the body's name ("Children and Young People Scrutiny Committee").
    Title,
    /// A line giving the meeting's date ("Minutes of the meeting held on 12 September 2017").
    MeetingLine,
    /// A header field such as "Venue: Virtual" or "Contact: …".
    Field,
    /// "Agenda item" at the top of a single-item draft.
    AgendaItemLabel,
    /// "Present:", "Apologies:" and the like.
    AttendanceHeading,
    /// A line of an attendance list.
    Attendance,
    /// An item's number, and its title when on the same line.
    ItemHeading,
    /// An item's title on a line of its own after the number.
    ItemTitle,
    /// "Minutes:" separating an item's summary from its discussion.
    MinutesMarker,
    /// A decision marker ("Decision", "RESOLVED –", "The Committee agreed:").
    DecisionMarker,
    /// Text that belongs to a decision block.
    DecisionText,
    /// Ordinary prose.
    Paragraph,
    /// A Markdown comment (`<!-- … -->`).
    Comment,
    /// Web-page residue on a line of its own.
    Residue,
}

/// The meeting's header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// The body's name, usually the first line.
    pub title: Option<Span>,
    /// The line that dates the meeting.
    pub meeting_line: Option<Span>,
    /// The meeting's date, when found.
    pub date: Option<DateMention>,
    pub venue: Option<Span>,
}

/// Which attendance list a section is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AttendanceKind {
    Present,
    Apologies,
    Absent,
    InAttendance,
    AlsoPresent,
    Officers,
}

impl AttendanceKind {
    pub fn label(self) -> &'static str {
        match self {
            AttendanceKind::Present => "present",
            AttendanceKind::Apologies => "sent apologies",
            AttendanceKind::Absent => "absent",
            AttendanceKind::InAttendance => "in attendance",
            AttendanceKind::AlsoPresent => "also present",
            AttendanceKind::Officers => "an officer",
        }
    }
}

/// An attendance list: its heading and the people in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttendanceSection {
    pub kind: AttendanceKind,
    /// The heading line ("Present:"); for apologies recorded in an item, the item's title.
    pub heading: Span,
    /// From the heading to the end of the list.
    pub span: Span,
    pub people: Vec<Person>,
}

/// A person named in the text: "Councillor S Newman", "Mrs B Kellner", "Cllr Mr A H Porter (Chair)".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// The whole mention as written, from title (or first name) to surname.
    pub span: Span,
    /// "Councillor", "Cllr", "Mr", …: the word written, when one applies to this name (a list
    /// like "Councillors Alijah, Collins and Reid" gives each name the list's title).
    pub title: Option<Span>,
    /// First names or initials.
    pub given: Option<Span>,
    pub surname: Span,
    /// "Co-opted Member", "Executive Member for Children's Services", "Solicitor".
    pub role: Option<Span>,
    pub chair: bool,
    pub vice_chair: bool,
    /// The run of names this one was listed in ("Councillors Alijah, Collins and Reid"), which
    /// a fix removing the person rewrites.
    pub group: Span,
}

impl Person {
    /// The name as one person would be written: "Councillor Collins" for a name listed under
    /// "Councillors …", "Mrs B Kellner" otherwise.
    pub fn display_name(&self, text: &str) -> String {
        let title = self
            .title
            .map(|t| t.slice(text).trim_end_matches('.'))
            .map(|t| match t {
                "Councillors" => "Councillor",
                "Cllrs" => "Cllr",
                other => other,
            });
        let name_start = self.given.unwrap_or(self.surname).start;
        let name = text.get(name_start..self.surname.end).unwrap_or("");
        match title {
            Some(title) => format!("{title} {name}"),
            None => name.to_string(),
        }
    }

    /// The span of the name itself, without a title shared with a list.
    pub fn name_span(&self) -> Span {
        Span::new(self.given.unwrap_or(self.surname).start, self.surname.end)
    }
}

/// A numbered item (or the single item of a single-item draft).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// From the number to the end of the item's last block.
    pub span: Span,
    /// None for a single-item draft or an unnumbered Markdown heading.
    pub number: Option<ItemNumber>,
    /// The title as written (without the number, decoration or residue).
    pub title: Span,
    /// "(Item 1)" in "84. Apologies (Item 1)": the agenda number when the minute number differs.
    pub agenda_ref: Option<Span>,
    /// Indices into [`Minutes::blocks`].
    pub blocks: Range<usize>,
    /// "Minutes:" when the item has one.
    pub minutes_marker: Option<Span>,
    pub decisions: Vec<Decision>,
    /// Set when the title says this is a procedural item that needs no decision.
    pub procedural: Option<Procedural>,
    /// Numbered sub-paragraphs of this item ("5.1", "5.2" under item 5): part of the item's
    /// blocks, never items of their own.
    pub sub_items: Vec<SubItem>,
}

impl Item {
    /// Where the minute itself starts on an inline item's title line ("8  Village plan: A
    /// steering group has met and …", "25/084 Footpaths – The Clerk said that …"): after the
    /// first colon or dash on that line followed by a capitalised sentence of at least five
    /// words. `None` when the title's line holds the title alone.
    pub fn inline_minute(&self, text: &str) -> Option<usize> {
        if self.title.is_empty() {
            return None;
        }
        let rest = text.get(self.title.start..)?;
        let line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
        minute_after_separator(line).map(|at| self.title.start + at)
    }
}

/// Where a minute starts on an inline item's title line, as an offset into `line`: the earliest
/// start after a separator (": ", " – ", " — ", " - ") of a capitalised run of five words or
/// more. One pass over the line's colons and dashes, since it runs for every item heading.
fn minute_after_separator(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut best: Option<usize> = None;
    for at in memchr::memchr3_iter(b':', b'-', 0xE2, bytes) {
        // Where the separator starts and ends, if `at` holds one.
        let (start, end) = match bytes[at] {
            b':' => (at, at + 2),
            b'-' => (at.wrapping_sub(1), at + 2),
            _ if line[at..].starts_with(['–', '—']) => (at.wrapping_sub(1), at + 4),
            _ => continue,
        };
        let Some(separator) = line.get(start..end) else {
            continue;
        };
        if !matches!(separator, ": " | " - " | " – " | " — ") {
            continue;
        }
        // A minute starts after its separator: none further on can start earlier.
        if best.is_some_and(|b| start >= b) {
            break;
        }
        let minute = line[end..].trim_start();
        if minute.chars().next().is_some_and(char::is_uppercase) && minute.split_whitespace().nth(4).is_some() {
            let starts = line.len() - minute.len();
            best = Some(best.map_or(starts, |b| b.min(starts)));
        }
    }
    best
}

/// A numbered sub-paragraph of an item ("5.1 Grass cutting", "(a) Footpaths").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubItem {
    pub number: ItemNumber,
    /// The rest of its first line (may be empty).
    pub title: Span,
}

/// An item number split into text and numbers: "CYP/OSG/17/13" is
/// `[Text("CYP/OSG/"), Number(17), Text("/"), Number(13)]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemNumber {
    pub span: Span,
    pub parts: Vec<NumberPart>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberPart {
    Text(String),
    /// A number; `width` counts the digits written, so that "004" keeps its zeros.
    Number {
        value: u64,
        width: usize,
        span: Span,
    },
}

impl ItemNumber {
    /// The number as written.
    pub fn as_str<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }

    /// The numeric parts' values, in order.
    pub fn numbers(&self) -> Vec<u64> {
        self.parts
            .iter()
            .filter_map(|p| match p {
                NumberPart::Number { value, .. } => Some(*value),
                NumberPart::Text(_) => None,
            })
            .collect()
    }

    /// The shape with numbers replaced by `#`: "CYP/OSG/#/#", "#.", "Item #".
    pub fn shape(&self) -> String {
        self.parts
            .iter()
            .map(|p| match p {
                NumberPart::Text(t) => t.as_str(),
                NumberPart::Number { .. } => "#",
            })
            .collect()
    }
}

/// How a decision is recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionKind {
    /// A marker with the decision after it ("Decision" then text, "RESOLVED – That …").
    Marker,
    /// An outcome inside a sentence ("… were submitted and approved as a correct record").
    Outcome,
}

/// A recorded decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub kind: DecisionKind,
    /// The marker or outcome phrase itself.
    pub marker: Span,
    /// The decision's text after the marker, when there is any.
    pub body: Option<Span>,
}

/// Items that need no decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Procedural {
    Apologies,
    Declarations,
    PreviousMinutes,
    NextMeeting,
    Welcome,
    Urgent,
    Exclusion,
}

/// An entry of a glossary list written in the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GlossaryEntry {
    pub acronym: Span,
    pub long_form: Span,
}

/// Kinds of web-page residue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResidueKind {
    /// "Home > Council and Democracy > Meetings"
    Breadcrumb,
    /// "pdf icon PDF 284 KB"
    FileIcon,
    /// "… view the full minutes text for item 21/49", "View the background to item 5"
    ViewFullText,
    /// A "Supporting documents:" heading with nothing under it (at the end, or before the next
    /// item), or with the web page's list of document links under it (taken into the span).
    SupportingDocuments,
    /// Website controls and notices on a line of their own: "Skip to main content", "Print this
    /// page", "Back to top", a cookie banner.
    PageChrome,
    /// A printed page's furniture carried into the text from a PDF: "Page 3 of 12", a page number
    /// set far to the right on a line of its own, "This page is intentionally left blank".
    PageFurniture,
}

/// Residue found in the text; `span` is what the removal fix deletes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Residue {
    pub kind: ResidueKind,
    /// The residue itself.
    pub span: Span,
    /// What removing it deletes (the residue plus the white space or line around it).
    pub removal: Span,
}

#[cfg(test)]
mod tests {
    use super::minute_after_separator;
    use crate::core::parse::parse;

    /// Each separator on its own, tried from the left: the reading the one-pass scan must give.
    fn separator_by_separator(line: &str) -> Option<usize> {
        let mut best: Option<usize> = None;
        for separator in [": ", " – ", " — ", " - "] {
            let mut from = 0;
            while let Some(found) = line[from..].find(separator) {
                let after = from + found + separator.len();
                let minute = line[after..].trim_start();
                if minute.chars().next().is_some_and(char::is_uppercase) && minute.split_whitespace().nth(4).is_some() {
                    let starts = line.len() - minute.len();
                    best = Some(best.map_or(starts, |b| b.min(starts)));
                    break;
                }
                from = after;
            }
        }
        best
    }

    #[test]
    fn the_minute_starts_after_the_first_separator_before_a_sentence() {
        let lines = [
            "Village plan: A steering group has met twice since May",
            "Footpaths – The Clerk said the stile had been mended",
            "Play area — Repairs: The contractor will return in spring this year",
            "Grants - small: none - The panel met and agreed three awards",
            "Budget 2025-26: to note",
            "Highways: see report",
            "-: A b c d e",
            ": A b c d e f",
            "Trees –",
            "Café – Owner’s letter: The owner wrote about the lease terms again",
        ];
        for line in lines {
            assert_eq!(minute_after_separator(line), separator_by_separator(line), "{line}");
        }
        assert_eq!(minute_after_separator(lines[0]), Some(14));
        assert_eq!(minute_after_separator(lines[4]), None);
    }

    /// Where each item's inline minute starts, as the text from there to the end of its line.
    fn inline_minutes(text: &str) -> Vec<Option<&str>> {
        let minutes = parse(text);
        minutes
            .items
            .iter()
            .map(|item| {
                item.inline_minute(text)
                    .map(|at| text[at..].lines().next().unwrap_or(""))
            })
            .collect()
    }

    #[test]
    fn an_inline_minute_starts_after_the_separator_before_a_sentence() {
        let text = "7. Village plan: The steering group has met twice and agreed its aims.\n\n\
                    8. Footpaths – The Clerk said the stile would be mended soon.\n\n\
                    9. Grass cutting: contract – Members asked about it.\n\n\
                    10. Finance\n\nThe accounts were noted.\n";
        assert_eq!(
            inline_minutes(text),
            [
                Some("The steering group has met twice and agreed its aims."),
                Some("The Clerk said the stile would be mended soon."),
                // The first separator is followed by a lower-case word, the second by fewer than
                // five words: a title alone.
                None,
                None,
            ]
        );
    }
}
