//! Open documents: a ropey rope per document, updated incrementally, plus the last analysis.

use crate::core::text::ColumnUnit;
use crate::server::analysis::Analysis;
use ropey::Rope;
use std::sync::Arc;
use tower_lsp::lsp_types::{Position, Range, TextDocumentContentChangeEvent, Url};

/// One open document.
#[derive(Debug)]
pub struct Document {
    pub uri: Url,
    pub language_id: String,
    pub version: i32,
    pub rope: Rope,
    /// The last analysis, for whichever version it was made; requests check its version.
    pub analysis: Option<Arc<Analysis>>,
    /// The analysis whose diagnostics were last published.
    pub published: Option<Arc<Analysis>>,
    /// A lint task is running for this document.
    pub linting: bool,
    /// An edit or config change arrived while it ran: lint again when it finishes.
    pub relint: bool,
}

/// What applying a change had to repair.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ChangeReport {
    /// A position in the change was outside the document or inside a character.
    pub clamped: bool,
    /// The range's end was before its start (the two were swapped).
    pub reversed: bool,
}

impl Document {
    pub fn new(uri: Url, language_id: String, version: i32, text: &str) -> Self {
        Document {
            uri,
            language_id,
            version,
            rope: Rope::from_str(text),
            analysis: None,
            published: None,
            linting: false,
            relint: false,
        }
    }

    /// Applies one `didChange` content change (incremental or full) to the rope.
    pub fn apply_change(&mut self, change: &TextDocumentContentChangeEvent, unit: ColumnUnit) -> ChangeReport {
        apply_change(&mut self.rope, change.range, &change.text, unit)
    }

    /// The analysis when it is for the current version.
    pub fn current_analysis(&self) -> Option<Arc<Analysis>> {
        self.analysis.as_ref().filter(|a| a.version == self.version).cloned()
    }
}

/// Applies a change to a rope: `range` None replaces everything.
pub fn apply_change(rope: &mut Rope, range: Option<Range>, text: &str, unit: ColumnUnit) -> ChangeReport {
    let mut report = ChangeReport::default();
    let Some(range) = range else {
        *rope = Rope::from_str(text);
        return report;
    };
    let (mut start, c1) = position_to_char(rope, range.start, unit);
    let (mut end, c2) = position_to_char(rope, range.end, unit);
    report.clamped = c1 || c2;
    if end < start {
        std::mem::swap(&mut start, &mut end);
        report.reversed = true;
    }
    if end > start {
        rope.remove(start..end);
    }
    if !text.is_empty() {
        rope.insert(start, text);
    }
    report
}

/// The number of chars of a rope line without its line break (`\n`, `\r\n` or `\r`).
fn line_content_chars(line: ropey::RopeSlice<'_>) -> usize {
    let mut n = line.len_chars();
    if n > 0 && line.char(n - 1) == '\n' {
        n -= 1;
        if n > 0 && line.char(n - 1) == '\r' {
            n -= 1;
        }
    } else if n > 0 && line.char(n - 1) == '\r' {
        n -= 1;
    }
    n
}

/// Converts an LSP position (column in the negotiated unit) to a char index in the rope,
/// clamping as LSP asks: past the last line means the end, past the line's end means the line's
/// end, inside a character (half a surrogate pair, a byte inside a UTF-8 sequence) means its start.
/// The flag says whether clamping happened.
pub fn position_to_char(rope: &Rope, pos: Position, unit: ColumnUnit) -> (usize, bool) {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return (rope.len_chars(), true);
    }
    let start = rope.line_to_char(line);
    let slice = rope.line(line);
    let content = line_content_chars(slice);
    let want = pos.character as usize;
    if unit == ColumnUnit::Char {
        return ((start + want.min(content)), want > content);
    }
    let mut counted = 0usize;
    for (i, ch) in slice.chars().take(content).enumerate() {
        if counted == want {
            return (start + i, false);
        }
        let width = match unit {
            ColumnUnit::Utf8 => ch.len_utf8(),
            ColumnUnit::Utf16 => ch.len_utf16(),
            ColumnUnit::Char => 1,
        };
        if counted + width > want {
            return (start + i, true);
        }
        counted += width;
    }
    (start + content, counted != want)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    fn edit(text: &str, range: (Position, Position), new: &str, unit: ColumnUnit) -> (String, ChangeReport) {
        let mut rope = Rope::from_str(text);
        let report = apply_change(&mut rope, Some(Range::new(range.0, range.1)), new, unit);
        (rope.to_string(), report)
    }

    #[test]
    fn utf16_columns_count_surrogate_pairs() {
        let (out, r) = edit("a😀b\nx", (pos(0, 3), pos(0, 4)), "B", ColumnUnit::Utf16);
        assert_eq!(out, "a😀B\nx");
        assert_eq!(r, ChangeReport::default());
    }

    #[test]
    fn utf8_columns_count_bytes() {
        let (out, _) = edit("é😀b", (pos(0, 6), pos(0, 7)), "B", ColumnUnit::Utf8);
        assert_eq!(out, "é😀B");
    }

    #[test]
    fn mid_surrogate_and_past_end_are_clamped() {
        let (out, r) = edit("😀b\r\nx", (pos(0, 1), pos(0, 1)), "|", ColumnUnit::Utf16);
        assert_eq!(out, "|😀b\r\nx");
        assert!(r.clamped);
        let (out, r) = edit("ab\r\nx", (pos(0, 99), pos(0, 99)), "|", ColumnUnit::Utf16);
        assert_eq!(out, "ab|\r\nx");
        assert!(r.clamped);
        let (out, r) = edit("ab", (pos(7, 0), pos(9, 0)), "!", ColumnUnit::Utf16);
        assert_eq!(out, "ab!");
        assert!(r.clamped);
    }

    #[test]
    fn lone_cr_breaks_lines() {
        let (out, _) = edit("a\rb\rc", (pos(2, 0), pos(2, 1)), "C", ColumnUnit::Utf16);
        assert_eq!(out, "a\rb\rC");
    }

    #[test]
    fn reversed_ranges_are_swapped() {
        let (out, r) = edit("abcdef", (pos(0, 4), pos(0, 1)), "", ColumnUnit::Utf16);
        assert_eq!(out, "aef");
        assert!(r.reversed);
    }
}
