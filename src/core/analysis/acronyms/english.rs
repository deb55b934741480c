//! Ordinary English words written in capitals ("CLERK", "OWNER", "SLOW"): shouted words, not
//! acronyms.
//!
//! The word list (`data/english-words.txt`, trimmed from Debian's SCOWL-based `wbritish`; its
//! header carries the licence) is compiled in and searched where it lies: it is sorted (byte
//! order, one word a line), so a lookup is a binary search over the text, and nothing is built
//! at start-up (a hash set of its 40,000 words cost more than linting a short draft). Only words
//! of four letters or more are listed: two- and three-letter capitals ("CAB", "ASB") are far
//! more often real acronyms than shouted words.

use std::cmp::Ordering;

/// The list, one lower-case word a line, `#` lines being its header.
const WORDS: &str = include_str!("../../../../data/english-words.txt");

/// The list without its header: sorted words, each ending in a newline.
fn body() -> &'static [u8] {
    let bytes = WORDS.as_bytes();
    let mut start = 0;
    while bytes.get(start) == Some(&b'#') {
        start = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i + 1);
    }
    &bytes[start..]
}

/// Whether `word` (lower case) is a line of the sorted list: a binary search over the bytes,
/// each probe widened to the line it falls in.
fn listed(word: &[u8]) -> bool {
    let list = body();
    let (mut low, mut high) = (0, list.len());
    while low < high {
        let middle = low + (high - low) / 2;
        let start = memchr::memrchr(b'\n', &list[low..middle]).map_or(low, |i| low + i + 1);
        let end = memchr::memchr(b'\n', &list[middle..high]).map_or(high, |i| middle + i);
        match list[start..end].cmp(word) {
            Ordering::Equal => return true,
            Ordering::Less => low = end + 1,
            Ordering::Greater => high = start,
        }
    }
    false
}

/// Whether `word`, written all in ASCII capitals, is an ordinary English word of four to nine
/// letters ("OWNER" yes; "NALC", "DfE" and "CAB" no).
pub fn is_shouted_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    if !(4..=9).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_uppercase) {
        return false;
    }
    let mut lower = [0u8; 9];
    for (l, b) in lower.iter_mut().zip(bytes) {
        *l = b.to_ascii_lowercase();
    }
    listed(&lower[..bytes.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> Vec<&'static str> {
        std::str::from_utf8(body()).unwrap().lines().collect()
    }

    #[test]
    fn shouted_words_are_found_and_acronyms_are_not() {
        for word in ["CLERK", "OWNER", "SLOW", "APPROVAL", "OTHER"] {
            assert!(is_shouted_word(word), "{word}");
        }
        for word in ["NALC", "HMRC", "CAB", "ASB", "Clerk", "clerk", "DfE", "ABCDEFGHIJ"] {
            assert!(!is_shouted_word(word), "{word}");
        }
    }

    #[test]
    fn the_list_is_loaded_without_its_header() {
        let words = words();
        assert!(words.len() > 40_000);
        assert!(words
            .iter()
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())));
    }

    /// The binary search rests on the list being sorted in byte order, one word a line.
    #[test]
    fn the_list_is_sorted_and_every_word_is_found() {
        let words = words();
        assert!(
            words.windows(2).all(|pair| pair[0] < pair[1]),
            "sort the list with LC_ALL=C"
        );
        assert!(body().ends_with(b"\n"));
        for word in &words {
            assert!(listed(word.as_bytes()), "{word}");
        }
        // Neighbours of listed words, and words before the first and after the last.
        for word in ["aaaa", "zzzzzzzzz", "clerks", "clerkx", "ownerr", "abac"] {
            assert_eq!(listed(word.as_bytes()), words.contains(&word), "{word}");
        }
    }
}
