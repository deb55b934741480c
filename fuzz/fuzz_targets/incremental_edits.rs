//! A sequence of LSP `didChange` content changes (ranges in UTF-16, UTF-8 or char columns,
//! including lines and columns past the end, ranges inside surrogate pairs or UTF-8 sequences,
//! reversed ranges, and whole-document replacements) applied two ways:
//!
//! - to a `String` oracle through the core's `LineIndex::to_offset` clamping, and
//! - to a `ropey::Rope` through char indices, by [`apply_change_to_rope`], which mirrors what the
//!   server's document store must do;
//!
//! and, with the `merged-server` feature (on by default), to a third copy by the server's own
//! `server::store::apply_change` (a shared `String` and its `LineIndex`, as the document store
//! holds them). The results, the clamping flags and the line counts must agree after every change.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use minutes_lint::core::text::{ColumnUnit, LineCol, LineIndex};
use ropey::Rope;

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Coord {
    Small(u8),
    Any(u32),
}

impl Coord {
    fn value(self) -> u32 {
        match self {
            Coord::Small(n) => u32::from(n % 24),
            Coord::Any(n) => n,
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
struct Pos {
    line: Coord,
    character: Coord,
}

impl Pos {
    fn line_col(self) -> LineCol {
        LineCol {
            line: self.line.value(),
            col: self.character.value(),
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Unit {
    Utf16,
    Utf8,
    Char,
}

impl Unit {
    fn column_unit(self) -> ColumnUnit {
        match self {
            Unit::Utf16 => ColumnUnit::Utf16,
            Unit::Utf8 => ColumnUnit::Utf8,
            Unit::Char => ColumnUnit::Char,
        }
    }
}

/// Text built from pieces that stress line breaking and column counting.
#[derive(Arbitrary, Debug, Clone)]
enum Piece {
    Lf,
    CrLf,
    Cr,
    Astral,
    Accented,
    Combining,
    Bom,
    Word,
    Raw(String),
}

fn render(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for p in pieces {
        out.push_str(match p {
            Piece::Lf => "\n",
            Piece::CrLf => "\r\n",
            Piece::Cr => "\r",
            Piece::Astral => "😀",
            Piece::Accented => "é",
            Piece::Combining => "e\u{301}",
            Piece::Bom => "\u{feff}",
            Piece::Word => "RESOLVED ",
            Piece::Raw(s) => s,
        });
    }
    out
}

#[derive(Arbitrary, Debug, Clone)]
struct Change {
    /// None replaces the whole document (a full-sync change).
    range: Option<(Pos, Pos)>,
    text: Vec<Piece>,
    unit: Unit,
}

#[derive(Arbitrary, Debug)]
struct Input {
    initial: Vec<Piece>,
    changes: Vec<Change>,
}

/// The oracle: byte offsets from the core's line index, with its clamping, on a `String`.
/// Returns whether any position was clamped.
fn apply_change_to_string(
    text: &mut String,
    range: Option<(LineCol, LineCol)>,
    new_text: &str,
    unit: ColumnUnit,
) -> bool {
    let Some((a, b)) = range else {
        *text = new_text.to_string();
        return false;
    };
    let index = LineIndex::new(text);
    let (mut start, c1) = index.to_offset(text, a, unit);
    let (mut end, c2) = index.to_offset(text, b, unit);
    if end < start {
        std::mem::swap(&mut start, &mut end);
    }
    text.replace_range(start..end, new_text);
    c1 || c2
}

/// What the server's document store must do with one content change: convert each LSP position
/// to a char index in the rope (lines break at `\n`, `\r\n` and `\r`; a line past the end means
/// the end; a column past the line's end means the line's end, before its break; a column inside
/// a character means its start), put a reversed range in order, then remove and insert.
/// Returns whether any position was clamped.
fn apply_change_to_rope(
    rope: &mut Rope,
    range: Option<(LineCol, LineCol)>,
    new_text: &str,
    unit: ColumnUnit,
) -> bool {
    let Some((a, b)) = range else {
        *rope = Rope::from_str(new_text);
        return false;
    };
    let (mut start, c1) = position_to_char(rope, a, unit);
    let (mut end, c2) = position_to_char(rope, b, unit);
    if end < start {
        std::mem::swap(&mut start, &mut end);
    }
    if end > start {
        rope.remove(start..end);
    }
    if !new_text.is_empty() {
        rope.insert(start, new_text);
    }
    c1 || c2
}

fn position_to_char(rope: &Rope, pos: LineCol, unit: ColumnUnit) -> (usize, bool) {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return (rope.len_chars(), true);
    }
    let start = rope.line_to_char(line);
    let slice = rope.line(line);
    let mut content = slice.len_chars();
    if content > 0 && slice.char(content - 1) == '\n' {
        content -= 1;
    }
    if content > 0 && slice.char(content - 1) == '\r' {
        content -= 1;
    }
    let want = pos.col as usize;
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

#[cfg(feature = "merged-server")]
fn apply_change_with_server(
    text: &mut std::sync::Arc<String>,
    range: Option<(LineCol, LineCol)>,
    new_text: &str,
    unit: ColumnUnit,
) -> bool {
    use tower_lsp::lsp_types::{Position, Range};
    let range =
        range.map(|(a, b)| Range::new(Position::new(a.line, a.col), Position::new(b.line, b.col)));
    let index = LineIndex::new(text);
    minutes_lint::server::store::apply_change(text, &index, range, new_text, unit).clamped
}

fuzz_target!(|input: Input| {
    let mut oracle = render(&input.initial);
    let mut rope = Rope::from_str(&oracle);
    #[cfg(feature = "merged-server")]
    let mut server_text = std::sync::Arc::new(oracle.clone());
    for (n, change) in input.changes.iter().take(64).enumerate() {
        let range = change.range.map(|(a, b)| (a.line_col(), b.line_col()));
        let new_text = render(&change.text);
        let unit = change.unit.column_unit();
        let before = oracle.clone();
        let clamped_string = apply_change_to_string(&mut oracle, range, &new_text, unit);
        let clamped_rope = apply_change_to_rope(&mut rope, range, &new_text, unit);
        let rope_text = rope.to_string();
        assert_eq!(
            rope_text, oracle,
            "change {n} {range:?} {unit:?} {new_text:?} on {before:?}"
        );
        assert_eq!(
            clamped_rope, clamped_string,
            "change {n}: clamping flags differ on {before:?} {range:?} {unit:?}"
        );
        assert_eq!(
            rope.len_lines(),
            LineIndex::new(&oracle).line_count(),
            "change {n}: line counts differ on {oracle:?}"
        );
        #[cfg(feature = "merged-server")]
        {
            let clamped_server = apply_change_with_server(&mut server_text, range, &new_text, unit);
            assert_eq!(
                server_text.as_str(),
                oracle,
                "server: change {n} {range:?} {unit:?} {new_text:?} on {before:?}"
            );
            assert_eq!(
                clamped_server, clamped_string,
                "server: change {n} clamping flag"
            );
        }
    }
});
