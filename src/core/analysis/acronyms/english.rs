//! Ordinary English words written in capitals ("CLERK", "OWNER", "SLOW"): shouted words, not
//! acronyms.
//!
//! The word list (`data/english-words.txt`, trimmed from Debian's SCOWL-based `wbritish`; its
//! header carries the licence) is compiled in and read into a hash set once, on first use, so
//! that each lookup costs one hash. Only words of four letters or more are listed: two- and
//! three-letter capitals ("CAB", "ASB") are far more often real acronyms than shouted words.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The list, one lower-case word a line, `#` lines being its header.
const WORDS: &str = include_str!("../../../../data/english-words.txt");

fn words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| WORDS.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect())
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
    std::str::from_utf8(&lower[..bytes.len()]).is_ok_and(|w| words().contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(words().len() > 40_000);
        assert!(words().iter().all(|w| w.bytes().all(|b| b.is_ascii_lowercase())));
    }
}
