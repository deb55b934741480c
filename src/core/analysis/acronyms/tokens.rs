//! The text as the acronym analysis reads it: chunks (a word with the punctuation clinging to
//! it), the line a chunk is on and whether it is in capitals, the chunks around one, and the
//! words of a long form read forwards or backwards. Fast paths read ASCII a byte at a time.

use crate::core::text::{floor_char_boundary, Span};

/// The first ASCII capital in `bytes` at or after `from`, found eight bytes at a time: a run of
/// lower-case text costs one test per eight bytes, and the capital's place comes from the mask
/// of those eight bytes without looking at them again.
pub(super) fn next_ascii_capital(bytes: &[u8], from: usize) -> Option<usize> {
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
pub(super) fn capitals_mask(x: u64) -> u64 {
    bytes_between(x, b'A', b'Z')
}

/// Bit 7 of each byte of `x` set when that byte is in `low..=high` (`1 <= low`, `high <= 126`):
/// the bit-twiddling "hasbetween", exact for each byte as no carry crosses bytes (bytes of 128
/// and above never count).
pub(super) fn bytes_between(x: u64, low: u8, high: u8) -> u64 {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES * 128;
    const LOW7: u64 = ONES * 127;
    let seven = x & LOW7;
    (ONES * (127 + u64::from(high) + 1)).wrapping_sub(seven)
        & !x
        & seven.wrapping_add(ONES * (127 - (u64::from(low) - 1)))
        & HIGH
}

/// Characters trimmed from the ends of a word: quotes and Markdown emphasis. A function rather
/// than a slice of characters: trimming with a slice compares each character with every entry.
pub(super) fn is_edge_char(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '*' | '_' | '`' | '#' | '~')
}

/// Characters that end a chunk of text (a word with whatever punctuation clings to it). This
/// runs for nearly every character read around a capital, so ASCII goes through a cheaper test.
pub(super) fn is_chunk_separator(c: char) -> bool {
    if c.is_ascii() {
        is_ascii_chunk_separator(c as u8)
    } else {
        is_any_chunk_separator(c)
    }
}

/// The full definition of a chunk separator, for any character.
pub(super) fn is_any_chunk_separator(c: char) -> bool {
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
pub(super) fn is_ascii_chunk_separator(b: u8) -> bool {
    // A table lookup: a chain of comparisons costs more, and this runs for every byte of the
    // words around capitals.
    ASCII_SEPARATORS[usize::from(b)]
}

/// Which bytes [`is_ascii_chunk_separator`] accepts (none of 128 and above).
pub(super) const ASCII_SEPARATORS: [bool; 256] = ascii_table(b"\t\n\x0b\x0c\r ()[]{}<>,;!?\"|=+");

/// A table of bytes, true for those listed.
pub(super) const fn ascii_table(bytes: &[u8]) -> [bool; 256] {
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
pub(super) fn lone_capital_word(bytes: &[u8], at: usize) -> Option<usize> {
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
pub(super) fn chunk_around(text: &str, at: usize) -> (usize, usize) {
    let start = rfind_char(&text[..at], usize::MAX, is_chunk_separator).map_or(0, |(i, c)| i + c.len_utf8());
    let end = find_char(&text[at..], usize::MAX, is_chunk_separator).map_or(text.len(), |(i, _)| at + i);
    (start, end)
}

/// The first character of `s` that `pred` accepts, among its first `limit`, with its offset.
/// ASCII is read a byte at a time, without decoding (it is nearly all of what is read around
/// capitals); a byte beyond ASCII hands the whole search to the decoding iterator.
pub(super) fn find_char(s: &str, limit: usize, pred: impl Fn(char) -> bool) -> Option<(usize, char)> {
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
pub(super) fn rfind_char(s: &str, limit: usize, pred: impl Fn(char) -> bool) -> Option<(usize, char)> {
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
pub(super) fn trim_chunk(raw: &str, start: usize) -> (&str, usize) {
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
pub(super) fn starts_and_ends_alphanumeric(chunk: &str) -> bool {
    let bytes = chunk.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_alphanumeric) && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
}

/// The line holding the current position, and whether it is written all in capitals.
#[derive(Default)]
pub(super) struct Line {
    pub(super) span: Span,
    pub(super) all_caps: bool,
    valid: bool,
}

impl Line {
    pub(super) fn move_to(&mut self, text: &str, offset: usize) {
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
pub(super) enum Case {
    Lower,
    Capitals,
    Neither,
}

pub(super) fn chunk_case(chunk: &str) -> Case {
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
pub(super) fn neighbours(
    text: &str,
    line: Span,
    start: usize,
    end: usize,
    forward: bool,
) -> impl Iterator<Item = &str> {
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

/// Whether the first neighbour [`neighbours`] would give is in lower case for certain: the
/// letter of it nearest the chunk is an ASCII lower-case letter.
pub(super) fn nearest_is_lower_case(text: &str, line: Span, start: usize, end: usize, forward: bool) -> bool {
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
/// The last `reach` bytes (at most) of the line before the one starting at `line_start`, as a
/// span without its line break: where hard-wrapped text carries on a long form or a name.
/// `None` on the first line.
pub(super) fn line_above_tail(text: &str, line_start: usize, reach: usize) -> Option<Span> {
    let before = text.get(..line_start)?;
    let end = before
        .strip_suffix("\r\n")
        .or_else(|| before.strip_suffix(['\n', '\r']))?
        .len();
    let from = floor_char_boundary(text, end.saturating_sub(reach));
    let start = memchr::memrchr2(b'\n', b'\r', &text.as_bytes()[from..end]).map_or(from, |i| from + i + 1);
    Some(Span::new(start, end))
}

pub(super) fn previous_chunk(text: &str, line_start: usize, start: usize) -> Option<&str> {
    let line = Span::new(line_start, start);
    let raw = neighbours(text, line, start, start, false).next()?;
    if starts_and_ends_alphanumeric(raw) {
        return Some(raw);
    }
    let trimmed = raw.trim_matches(is_edge_char);
    Some(trimmed.trim_end_matches(['.', ':']).trim_matches(is_edge_char))
}

/// Whether `span` overlaps a merged opaque run; `at` moves forward as spans do.
pub(super) fn overlaps_opaque(opaque: &[Span], at: &mut usize, span: Span) -> bool {
    while *at < opaque.len() && opaque[*at].end <= span.start {
        *at += 1;
    }
    opaque.get(*at).is_some_and(|o| o.overlaps(span))
}

pub(super) fn is_number(word: &str) -> bool {
    // "23/24 MPH", "20-30 MPH": a range of numbers is a number too.
    word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ':' | '/' | '-'))
}

pub(super) fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stripped) = word.strip_suffix(suffix) {
            return stripped;
        }
    }
    word
}

/// Characters that may sit between the words of a long form.
pub(super) fn is_soft_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | ',' | '/')
}

/// The words of a long form at the start of `s` (offsets relative to `s`), up to the first
/// character that cannot be inside one (a bracket, a full stop, a dash, a digit).
pub(super) fn words_forward(s: &str) -> Vec<(usize, usize)> {
    words_forward_at_most(s, 40)
}

pub(super) fn words_forward_at_most(s: &str, max: usize) -> Vec<(usize, usize)> {
    WordsForward::new(s, max).collect()
}

/// The words of [`words_forward_at_most`], one at a time, so that a caller that needs only the
/// first few does not pay for the rest.
pub(super) struct WordsForward<'s> {
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
    pub(super) fn new(s: &'s str, max: usize) -> Self {
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
pub(super) fn words_backward(s: &str) -> Vec<(usize, usize)> {
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
pub(super) fn word_texts<'s>(s: &'s str, words: &[(usize, usize)]) -> Vec<&'s str> {
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

pub(super) fn skip_spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches(|c: char| c.is_whitespace()).len()
}

/// How many capitals a word holds, counted byte by byte when it is ASCII.
pub(super) fn count_uppercase(word: &str) -> usize {
    if word.is_ascii() {
        word.bytes().filter(u8::is_ascii_uppercase).count()
    } else {
        word.chars().filter(|c| c.is_uppercase()).count()
    }
}
