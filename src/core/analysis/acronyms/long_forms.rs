//! Long forms written without their acronym: where a capitalised phrase whose initials spell an
//! acronym appears in the text ("Overview and Scrutiny Board" for OSB), in one pass.

use super::definitions::is_stop;
use super::definitions::max_long_form_words;
use super::definitions::WINDOW;
use super::tokens::count_uppercase;
use super::tokens::next_ascii_capital;
use super::tokens::overlaps_opaque;
use super::tokens::Line;
use super::tokens::WordsForward;
use crate::core::model::BlockKind;
use crate::core::model::Minutes;
use crate::core::text::Span;
use std::collections::HashMap;

/// Where a phrase whose initials spell an acronym appears in the text, for fixes that add the
/// acronym after it or spell it out from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LongFormHit {
    pub span: Span,
    /// In prose (a paragraph or a decision), not in a title or heading.
    pub prose: bool,
    /// In an item's title (its own line or the number's line).
    pub item_title: bool,
}

/// Finds, for each of `names`, where a capitalised phrase spelling it appears ("Overview and
/// Scrutiny Board" for OSB), in order. One pass over the text: phrases are grown word by word
/// while their initials are a prefix of one of the names.
pub fn find_long_forms(text: &str, minutes: &Minutes, names: &[&str]) -> HashMap<String, Vec<LongFormHit>> {
    const MAX_HITS: usize = 16;
    let mut keys: Vec<(u64, &str)> = Vec::new();
    let mut prefixes: Vec<u64> = Vec::new();
    let mut first_letters = [false; 26];
    let mut longest = 0usize;
    for name in names {
        let mut key = 0u64;
        for b in name.bytes().take(8) {
            key = pack_letter(key, b.to_ascii_uppercase());
            prefixes.push(key);
        }
        if let Some(first) = name.bytes().next().filter(u8::is_ascii_uppercase) {
            first_letters[usize::from(first - b'A')] = true;
        }
        longest = longest.max(name.len());
        keys.push((key, name));
    }
    // Sorted for binary searches, cheaper than hashing every candidate. Of names with the same
    // key the last is kept, as inserting them into a map would.
    keys.reverse();
    keys.sort_by_key(|&(key, _)| key);
    keys.dedup_by_key(|&mut (key, _)| key);
    prefixes.sort_unstable();
    prefixes.dedup();
    // Keyed by the names borrowed, so that a hit costs no allocation.
    let mut found: HashMap<&str, Vec<LongFormHit>> = HashMap::new();
    if keys.is_empty() {
        return HashMap::new();
    }
    let short_names = names.iter().any(|name| name.len() < 2);
    let opaque = minutes.merged_opaque();
    let mut opaque_at = 0usize;
    let bytes = text.as_bytes();
    let mut line = Line::default();
    let mut ws_buf: Vec<(Span, &str, bool)> = Vec::new();
    let mut stack: Vec<(usize, u64)> = Vec::new();
    let letters: Vec<u8> = (b'A'..=b'Z').filter(|l| first_letters[usize::from(l - b'A')]).collect();
    let mut pos = 0usize;
    while let Some(at) = next_initial(bytes, pos, &letters) {
        pos = at + 1;
        if !first_letters[usize::from(bytes[at] - b'A')] {
            continue;
        }
        if !opens_word(text, at) {
            continue;
        }
        // Only a one-letter name can match a phrase that ends after its first word.
        if !short_names && dead_end_at_second_word(text, at, &prefixes) {
            continue;
        }
        line.move_to(text, at);
        if line.all_caps {
            continue;
        }
        let mut window_end = (at + WINDOW).min(line.span.end);
        while !text.is_char_boundary(window_end) {
            window_end -= 1;
        }
        let segment = &text[at..window_end];
        let mut phrase = Phrase {
            segment,
            at,
            words: WordsForward::new(segment, longest * 2 + 2),
            previous_end: 0,
            ended: false,
            ws: {
                ws_buf.clear();
                std::mem::take(&mut ws_buf)
            },
        };
        if !phrase.get(0).is_some_and(|w| !is_stop(w.1)) {
            ws_buf = phrase.ws;
            continue;
        }
        stack.clear();
        stack.push((0, 0));
        while let Some((k, key)) = stack.pop() {
            let Some((wspan, word, hyphenated)) = phrase.get(k) else {
                continue;
            };
            // In a capitalised phrase, small words are written in lower case ("Overview and
            // Scrutiny Board"); a capitalised "A" or "The" inside one is a word of its own.
            let stop = word == "&" || (is_stop(word) && !word.starts_with(|c: char| c.is_uppercase()));
            if stop && k > 0 {
                stack.push((k + 1, key));
            }
            let Some(initial) = word.chars().next() else {
                continue;
            };
            if !initial.is_ascii_alphabetic() || (!stop && !hyphenated && !initial.is_ascii_uppercase()) {
                continue;
            }
            let grown = pack_letter(key, initial.to_ascii_uppercase() as u8);
            if prefixes.binary_search(&grown).is_err() {
                continue;
            }
            if !stop {
                if let Ok(i) = keys.binary_search_by_key(&grown, |&(key, _)| key) {
                    let name = keys[i].1;
                    // A closing quote is not part of the phrase ("'Financial Strategy'").
                    let end = wspan.start + word.trim_end_matches(['\'', '’']).len();
                    let span = Span::new(phrase.ws[0].0.start, end);
                    // No more words than a definition may have (see `initials_match`).
                    let words = k + 1;
                    if words <= max_long_form_words(name) && !overlaps_opaque(&opaque, &mut opaque_at, span) {
                        let hits = found.entry(name).or_default();
                        if hits.len() < MAX_HITS && !hits.iter().any(|h| h.span == span) {
                            hits.push(LongFormHit {
                                span,
                                prose: block_kind(minutes, span.start)
                                    .is_some_and(|k| matches!(k, BlockKind::Paragraph | BlockKind::DecisionText)),
                                item_title: block_kind(minutes, span.start)
                                    .is_some_and(|k| matches!(k, BlockKind::ItemTitle | BlockKind::ItemHeading)),
                            });
                        }
                    }
                }
            }
            stack.push((k + 1, grown));
        }
        ws_buf = phrase.ws;
    }
    found
        .into_iter()
        .map(|(name, mut hits)| {
            hits.sort_by_key(|h| h.span);
            hits.dedup();
            (name.to_string(), hits)
        })
        .collect()
}

/// Whether the letter at `at` opens a word: nothing joins it to a word before, as a letter, a
/// digit or an apostrophe inside a word ("O’Brien") would. An apostrophe used as an opening
/// quote ("'Financial Strategy'") does not.
pub(super) fn opens_word(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    match before.next() {
        Some('\'' | '’') => !before
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’'),
        Some(c) => !c.is_alphanumeric(),
        None => true,
    }
}

/// The first place at or after `from` that may start a phrase: one of the capitals `letters`
/// when there are at most three of them (a vectorised search for those bytes, much faster than
/// stopping at every capital), else any capital.
pub(super) fn next_initial(bytes: &[u8], from: usize, letters: &[u8]) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let found = match *letters {
        [] => None,
        [a] => memchr::memchr(a, rest),
        [a, b] => memchr::memchr2(a, b, rest),
        [a, b, c] => memchr::memchr3(a, b, c, rest),
        _ => return next_ascii_capital(bytes, from),
    };
    found.map(|i| from + i)
}

/// A key of [`find_long_forms`] grown by one letter.
pub(super) fn pack_letter(key: u64, letter: u8) -> u64 {
    (key << 8) | u64::from(letter)
}

/// Whether the phrase starting at the capital `at` certainly ends after its first word, judged
/// by a plain second word (most phrases are): one in lower case that is not a small word
/// ("Council was"), or a capitalised one whose initial no name has in second place ("Councillor
/// Taylor" when no name starts "CT").
pub(super) fn dead_end_at_second_word(text: &str, at: usize, prefixes: &[u64]) -> bool {
    let Some(second) = second_word(text, at) else {
        return false;
    };
    match (text.as_bytes().get(at), second.as_bytes().first()) {
        (Some(_), Some(initial)) if initial.is_ascii_lowercase() => !is_stop(second),
        (Some(&first), Some(&initial)) => prefixes
            .binary_search(&pack_letter(pack_letter(0, first), initial))
            .is_err(),
        _ => false,
    }
}

/// The second word of the phrase starting at the capital `at`, when both words are plain: the
/// first ASCII letters and apostrophes followed by one space, the second ASCII letters that end
/// within the window (not running on with an apostrophe or a letter beyond ASCII).
pub(super) fn second_word(text: &str, at: usize) -> Option<&str> {
    // No further than a phrase may reach, so that a long run of letters is not read again from
    // each of its capitals.
    let rest = text.as_bytes().get(at..)?;
    let rest = &rest[..rest.len().min(WINDOW)];
    let first = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphabetic() || b == b'\''))
        .unwrap_or(rest.len());
    let start = first + 1;
    if rest.get(first) != Some(&b' ') || !rest.get(start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let len = rest[start..]
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(rest.len() - start);
    // Past the end of `rest` is the end of the text only when the window was not cut short.
    let ends = rest.get(start + len).map_or(true, |&b| b.is_ascii() && b != b'\'');
    (ends && start + len < WINDOW)
        .then(|| text.get(at + start..at + start + len))
        .flatten()
}

/// The words of a candidate phrase for [`find_long_forms`], read from the text only as far as
/// the search needs them: up to a comma, without acronyms or lone capitals.
pub(super) struct Phrase<'t> {
    segment: &'t str,
    at: usize,
    words: WordsForward<'t>,
    previous_end: usize,
    ended: bool,
    /// Each word's span, text and whether it follows a hyphen.
    ws: Vec<(Span, &'t str, bool)>,
}

impl<'t> Phrase<'t> {
    fn get(&mut self, k: usize) -> Option<(Span, &'t str, bool)> {
        while self.ws.len() <= k && !self.ended {
            let Some((a, b)) = self.words.next() else {
                self.ended = true;
                break;
            };
            let segment = self.segment;
            let word = &segment[a..b];
            let upper = count_uppercase(word);
            let stop = is_stop(word) && upper == 0;
            if (a > 0 && segment[self.previous_end..a].contains(',')) || (!stop && upper > 1) || (!stop && b - a == 1) {
                self.ended = true;
                break;
            }
            self.previous_end = b;
            self.ws.push((
                Span::new(self.at + a, self.at + b),
                word,
                a > 0 && segment[..a].ends_with('-'),
            ));
        }
        self.ws.get(k).copied()
    }
}

pub(super) fn block_kind(minutes: &Minutes, offset: usize) -> Option<BlockKind> {
    let i = minutes.blocks.partition_point(|b| b.span.end <= offset);
    minutes.blocks.get(i).filter(|b| b.span.start <= offset).map(|b| b.kind)
}
