//! Byte spans and the line index that converts byte offsets to lines and columns at the edges.

use std::ops::Range;

/// A half-open range of UTF-8 byte offsets into a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text this span covers, or "" when it does not fit the text.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub fn covers(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn join(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// A sub-span given relative to this span's start.
    pub fn sub(&self, rel: Range<usize>) -> Span {
        Span::new(self.start + rel.start, self.start + rel.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// How columns are counted when a position leaves the core.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnUnit {
    /// UTF-8 bytes (LSP `utf-8`).
    Utf8,
    /// UTF-16 code units (LSP `utf-16`, the protocol's default).
    Utf16,
    /// Unicode scalar values (the CLI's columns).
    Char,
}

/// A zero-based line and column, the column counted in some [`ColumnUnit`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Start offsets of every line, so that byte offsets and line/column pairs convert both ways.
///
/// Lines break at `\n`, `\r\n` and a lone `\r`, as LSP says.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
    /// Counts of UTF-16 units and characters from the text's start at checkpoints every
    /// [`CHECKPOINT`] bytes or so, built on the first conversion far into a long line, so that
    /// converting positions on a line of a million characters does not read the line each time.
    checkpoints: std::sync::OnceLock<Vec<Checkpoint>>,
}

/// How far apart the checkpoints of [`LineIndex`] are, in bytes.
const CHECKPOINT: usize = 4096;

/// A character boundary and the UTF-16 units and characters before it.
#[derive(Clone, Copy, Debug)]
struct Checkpoint {
    offset: usize,
    utf16: usize,
    chars: usize,
}

/// Columns of `before` (a whole number of characters) in a unit.
fn columns(before: &str, unit: ColumnUnit) -> usize {
    match unit {
        ColumnUnit::Utf8 => before.len(),
        ColumnUnit::Utf16 => before.chars().map(char::len_utf16).sum(),
        ColumnUnit::Char => before.chars().count(),
    }
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 40 + 1);
        starts.push(0);
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // A "\r\n" pair breaks once, at its "\n".
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue;
            }
            starts.push(i + 1);
        }
        LineIndex {
            starts,
            len: text.len(),
            checkpoints: std::sync::OnceLock::new(),
        }
    }

    fn checkpoints(&self, text: &str) -> &[Checkpoint] {
        self.checkpoints.get_or_init(|| {
            let mut out = vec![Checkpoint {
                offset: 0,
                utf16: 0,
                chars: 0,
            }];
            let mut last = out[0];
            loop {
                let next = floor_char_boundary(text, last.offset + CHECKPOINT);
                if next <= last.offset {
                    break;
                }
                let piece = &text[last.offset..next];
                last = Checkpoint {
                    offset: next,
                    utf16: last.utf16 + columns(piece, ColumnUnit::Utf16),
                    chars: last.chars + columns(piece, ColumnUnit::Char),
                };
                out.push(last);
            }
            out
        })
    }

    /// Columns from the text's start to `offset` (a character boundary), through the nearest
    /// checkpoint before it.
    fn columns_to(&self, text: &str, offset: usize, unit: ColumnUnit) -> usize {
        let points = self.checkpoints(text);
        let i = points.partition_point(|p| p.offset <= offset).saturating_sub(1);
        let p = points[i];
        let base = match unit {
            ColumnUnit::Utf8 => p.offset,
            ColumnUnit::Utf16 => p.utf16,
            ColumnUnit::Char => p.chars,
        };
        base + columns(&text[p.offset..offset], unit)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where a zero-based line starts (the text's end past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// The zero-based line holding a byte offset (offsets past the end sit on the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The byte span of a line without its line break.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_start(line);
        let mut end = self.line_start(line + 1).min(text.len());
        let bytes = text.as_bytes();
        if end > start && line + 1 < self.starts.len() {
            if bytes[end - 1] == b'\n' {
                end -= 1;
            }
            if end > start && bytes[end - 1] == b'\r' {
                end -= 1;
            }
        }
        Span::new(start, end.max(start))
    }

    /// Converts a byte offset to a line and column; an offset inside a character or past the end
    /// is first moved back to the nearest character boundary, and one between the `\r` and `\n`
    /// of a line break to the end of its line (a column past the line's end names no position).
    pub fn to_line_col(&self, text: &str, offset: usize, unit: ColumnUnit) -> LineCol {
        let mut offset = floor_char_boundary(text, offset.min(text.len()));
        let bytes = text.as_bytes();
        if offset > 0 && bytes[offset - 1] == b'\r' && bytes.get(offset) == Some(&b'\n') {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let col = if offset - start <= 2 * CHECKPOINT || unit == ColumnUnit::Utf8 {
            columns(&text[start..offset], unit)
        } else {
            // Far into a long line: count from checkpoints, not from the line's start.
            self.columns_to(text, offset, unit) - self.columns_to(text, start, unit)
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// Converts a line and column to a byte offset, clamping as LSP asks: a line past the end
    /// means the end of the text, a column past the line's end means the line's end, and a column
    /// inside a character (half a surrogate pair, a byte inside a code point) means its start.
    /// The second value says whether any clamping happened.
    pub fn to_offset(&self, text: &str, pos: LineCol, unit: ColumnUnit) -> (usize, bool) {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return (text.len(), true);
        }
        let span = self.line_span(text, line);
        let want = pos.col as usize;
        let mut from = span.start;
        let mut counted = 0usize;
        if span.len() > 2 * CHECKPOINT && want > CHECKPOINT {
            // A long line: start from the last checkpoint inside it that is not past the column.
            // Every character before it ends before the column, so the scan below would only
            // have counted them.
            let points = self.checkpoints(text);
            let line_base = self.columns_to(text, span.start, unit);
            let first = points.partition_point(|p| p.offset <= span.start);
            let last = points.partition_point(|p| p.offset <= span.end);
            let cols = |p: &Checkpoint| match unit {
                ColumnUnit::Utf8 => p.offset,
                ColumnUnit::Utf16 => p.utf16,
                ColumnUnit::Char => p.chars,
            } - line_base;
            let inside = &points[first..last];
            let k = inside.partition_point(|p| cols(p) <= want);
            if let Some(p) = k.checked_sub(1).map(|k| inside[k]) {
                from = p.offset;
                counted = cols(&p);
            }
        }
        let content = &text[from..span.end];
        for (i, ch) in content.char_indices() {
            if counted == want {
                return (from + i, false);
            }
            let width = match unit {
                ColumnUnit::Utf8 => ch.len_utf8(),
                ColumnUnit::Utf16 => ch.len_utf16(),
                ColumnUnit::Char => 1,
            };
            if counted + width > want {
                return (from + i, true);
            }
            counted += width;
        }
        (span.end, counted != want)
    }
}

/// The largest character boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The conversions read from the line's start, as they did before checkpoints.
    fn naive_col(text: &str, index: &LineIndex, offset: usize, unit: ColumnUnit) -> u32 {
        let mut offset = floor_char_boundary(text, offset.min(text.len()));
        let bytes = text.as_bytes();
        if offset > 0 && bytes[offset - 1] == b'\r' && bytes.get(offset) == Some(&b'\n') {
            offset -= 1;
        }
        let start = index.line_start(index.line_of(offset));
        columns(&text[start..offset], unit) as u32
    }

    #[test]
    fn long_lines_convert_through_checkpoints_as_from_the_line_start() {
        let line: String = "ab😀é\u{a0}x".repeat(3000);
        let text = format!("first\n{line}\r\n{line}\n\r{}", "z".repeat(20_000));
        let index = LineIndex::new(&text);
        for unit in [ColumnUnit::Utf8, ColumnUnit::Utf16, ColumnUnit::Char] {
            for offset in (0..=text.len() + 2).step_by(97).chain([text.len(), 6 + 9000, 6 + 8193]) {
                let lc = index.to_line_col(&text, offset, unit);
                assert_eq!(lc.col, naive_col(&text, &index, offset, unit), "{unit:?} {offset}");
            }
            for line in 0..5u32 {
                for col in (0..40_000u32).step_by(313).chain([8192, 8193, 16_385, 39_999]) {
                    let pos = LineCol { line, col };
                    // Scanning the whole line, as before checkpoints.
                    let span = index.line_span(&text, line as usize);
                    let mut counted = 0usize;
                    let mut expected = (span.end, true);
                    for (i, ch) in span.slice(&text).char_indices() {
                        if counted == col as usize {
                            expected = (span.start + i, false);
                            break;
                        }
                        let width = columns(&ch.to_string(), unit);
                        if counted + width > col as usize {
                            expected = (span.start + i, true);
                            break;
                        }
                        counted += width;
                    }
                    if expected.0 == span.end && counted == col as usize {
                        expected.1 = false;
                    }
                    assert_eq!(index.to_offset(&text, pos, unit), expected, "{unit:?} {line}:{col}");
                }
            }
        }
    }

    #[test]
    fn breaks_lines_at_lf_crlf_and_lone_cr() {
        let text = "a\nb\r\nc\rd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_span(text, 1).slice(text), "b");
        assert_eq!(index.line_span(text, 2).slice(text), "c");
        assert_eq!(index.line_span(text, 3).slice(text), "d");
    }

    #[test]
    fn converts_columns_in_every_unit() {
        let text = "x\n😀é!";
        let index = LineIndex::new(text);
        let bang = text.find('!').unwrap();
        let utf16 = index.to_line_col(text, bang, ColumnUnit::Utf16);
        assert_eq!(utf16, LineCol { line: 1, col: 3 });
        assert_eq!(index.to_line_col(text, bang, ColumnUnit::Char).col, 2);
        assert_eq!(index.to_line_col(text, bang, ColumnUnit::Utf8).col, 6);
        assert_eq!(index.to_offset(text, utf16, ColumnUnit::Utf16), (bang, false));
    }

    #[test]
    fn an_offset_inside_crlf_is_the_end_of_its_line() {
        let text = "ab\r\ncd";
        let index = LineIndex::new(text);
        let lc = index.to_line_col(text, 3, ColumnUnit::Utf16);
        assert_eq!(lc, LineCol { line: 0, col: 2 });
        assert_eq!(index.to_offset(text, lc, ColumnUnit::Utf16), (2, false));
    }

    #[test]
    fn clamps_positions_inside_surrogates_and_past_the_end() {
        let text = "😀a\nb";
        let index = LineIndex::new(text);
        let inside = LineCol { line: 0, col: 1 };
        assert_eq!(index.to_offset(text, inside, ColumnUnit::Utf16), (0, true));
        let past = LineCol { line: 0, col: 99 };
        assert_eq!(index.to_offset(text, past, ColumnUnit::Utf16), (5, true));
        let no_line = LineCol { line: 9, col: 0 };
        assert_eq!(index.to_offset(text, no_line, ColumnUnit::Utf16), (text.len(), true));
    }
}
