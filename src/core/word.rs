//! What a Word draft says beyond its text: tracked changes, review comments and document
//! properties, as plain data with spans into the text the reader produced.
//!
//! The edge module `crate::docx` reads a `.docx` and fills these in; the core only reads them
//! (the Word-only rules see them through `Context::word`). A plain-text draft has none, and those
//! rules are then silent.

use crate::core::text::Span;

/// Facts about a Word draft that its text alone does not carry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordFacts {
    /// Insertions, deletions and moves recorded by Track Changes and not yet accepted or rejected.
    pub tracked_changes: Vec<TrackedChange>,
    /// Review comments still in the document.
    pub comments: Vec<ReviewComment>,
    /// The document's properties (File > Info in Word).
    pub properties: DocumentProperties,
}

/// What kind of tracked change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    Insertion,
    Deletion,
    MoveFrom,
    MoveTo,
    /// A change to formatting or to a paragraph's properties (only counted, never quoted).
    Formatting,
}

impl ChangeKind {
    /// The words a clerk sees in Word's review pane.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Insertion => "insertion",
            ChangeKind::Deletion => "deletion",
            ChangeKind::MoveFrom => "move (from here)",
            ChangeKind::MoveTo => "move (to here)",
            ChangeKind::Formatting => "formatting change",
        }
    }
}

/// One tracked change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrackedChange {
    pub kind: ChangeKind,
    /// Who made it, as Word recorded it.
    pub author: Option<String>,
    /// Where it is in the text: the inserted text, or an empty span where deleted text was.
    pub span: Span,
    /// The text inserted, deleted or moved.
    pub text: String,
}

/// One review comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewComment {
    pub author: Option<String>,
    /// The comment's own text.
    pub text: String,
    /// The text it is anchored to (empty where the anchor was not found).
    pub span: Span,
}

/// The core document properties (`docProps/core.xml`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentProperties {
    pub title: Option<String>,
    pub subject: Option<String>,
    pub author: Option<String>,
    pub last_modified_by: Option<String>,
}
