//! Finding where ASCII words start, or ASCII capitals, eight bytes at a time, for scans that
//! look at only a few words of a long text (pronouns, title words) and would otherwise classify
//! every character. The bytes of each eight are told apart with bit arithmetic on one `u64`.

/// Calls `visit` with each offset in `bytes` where a run of ASCII letters and digits starts (its
/// byte is an ASCII letter or digit and the previous byte, if any, is not), in order, until it
/// returns true; returns whether it did.
pub fn any_word_start(bytes: &[u8], visit: impl FnMut(usize) -> bool) -> bool {
    let mut carry = 0;
    let starts = |lanes: u64| {
        let in_word = alphanumeric_lanes(lanes);
        let starts = in_word & !((in_word << 8) | carry);
        // The high bit of the last byte when it is in a word, moved to byte 0.
        carry = in_word >> 56;
        starts
    };
    any_lane(bytes, starts, visit)
}

/// Calls `visit` with the offset of each ASCII capital in `bytes`, in order, until it returns
/// true; returns whether it did.
pub fn any_capital(bytes: &[u8], visit: impl FnMut(usize) -> bool) -> bool {
    any_lane(bytes, capital_lanes, visit)
}

/// Loads `bytes` eight at a time as little-endian `u64`s (the last ones padded with zeros, which
/// are neither in a word nor capitals), and calls `visit` with the offset of each byte whose high
/// bit `find` sets, until it returns true.
fn any_lane(bytes: &[u8], mut find: impl FnMut(u64) -> u64, mut visit: impl FnMut(usize) -> bool) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    for (index, chunk) in chunks.by_ref().enumerate() {
        let found = find(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        if any_found(found, index * 8, &mut visit) {
            return true;
        }
    }
    let mut tail = [0u8; 8];
    tail.iter_mut()
        .zip(chunks.remainder())
        .for_each(|(lane, byte)| *lane = *byte);
    let found = find(u64::from_le_bytes(tail));
    any_found(found, bytes.len() - chunks.remainder().len(), &mut visit)
}

/// Calls `visit` with `base` plus the byte index of each high bit set in `found`, in order, until
/// it returns true. Inlined: it runs for every eight bytes.
#[inline(always)]
fn any_found(mut found: u64, base: usize, visit: &mut impl FnMut(usize) -> bool) -> bool {
    while found != 0 {
        if visit(base + (found.trailing_zeros() / 8) as usize) {
            return true;
        }
        found &= found - 1;
    }
    false
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `value` that is at least `lo`, for bytes below 0x80: adding
/// `0x80 - lo` to such a byte never carries into the next, and reaches 0x80 exactly when the
/// byte is at least `lo`.
fn at_least(value: u64, lo: u8) -> u64 {
    (value + LOW_BITS * u64::from(0x80 - lo)) & HIGH_BITS
}

/// The high bit of each byte of `lanes` that is an ASCII letter or digit.
fn alphanumeric_lanes(lanes: u64) -> u64 {
    let ascii = !lanes & HIGH_BITS;
    let low = lanes & !HIGH_BITS;
    let digit = at_least(low, b'0') & !at_least(low, b'9' + 1);
    // Setting 0x20 folds capitals onto small letters (and no other byte into them).
    let folded = low | (LOW_BITS * 0x20);
    let letter = at_least(folded, b'a') & !at_least(folded, b'z' + 1);
    (digit | letter) & ascii
}

/// The high bit of each byte of `lanes` that is an ASCII capital.
fn capital_lanes(lanes: u64) -> u64 {
    let low = lanes & !HIGH_BITS;
    at_least(low, b'A') & !at_least(low, b'Z' + 1) & !lanes & HIGH_BITS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expected(chunk: &[u8], test: fn(&u8) -> bool) -> u64 {
        chunk
            .iter()
            .enumerate()
            .filter(|(_, b)| test(b))
            .fold(0u64, |mask, (i, _)| mask | 0x80 << (8 * i))
    }

    #[test]
    fn lanes_are_the_ascii_letters_and_digits_and_capitals() {
        for chunk in (0..=255u8).collect::<Vec<_>>().chunks(8) {
            let lanes = u64::from_le_bytes(chunk.try_into().unwrap());
            assert_eq!(
                alphanumeric_lanes(lanes),
                expected(chunk, u8::is_ascii_alphanumeric),
                "{chunk:?}"
            );
            assert_eq!(
                capital_lanes(lanes),
                expected(chunk, u8::is_ascii_uppercase),
                "{chunk:?}"
            );
        }
    }

    #[test]
    fn finds_every_word_start() {
        let starts = |bytes: &[u8]| -> Vec<usize> {
            (0..bytes.len())
                .filter(|&i| bytes[i].is_ascii_alphanumeric() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric()))
                .collect()
        };
        let capitals =
            |bytes: &[u8]| -> Vec<usize> { (0..bytes.len()).filter(|&i| bytes[i].is_ascii_uppercase()).collect() };
        let parts = [
            "we",
            "A",
            " ",
            "é",
            "_",
            "(",
            "9",
            "–",
            "Councillor",
            "\u{a0}",
            "x",
            "Mr",
        ];
        for text in crate::core::testing::random_texts(&parts, 16, 0x9e37_79b9_7f4a_7c15, 20_000) {
            let bytes = text.as_bytes();
            let mut found = Vec::new();
            assert!(!any_word_start(bytes, |at| {
                found.push(at);
                false
            }));
            assert_eq!(found, starts(bytes), "{text:?}");
            found.clear();
            assert!(!any_capital(bytes, |at| {
                found.push(at);
                false
            }));
            assert_eq!(found, capitals(bytes), "{text:?}");
            if let Some(&first) = starts(bytes).first() {
                assert!(any_word_start(bytes, |at| at == first));
            }
        }
    }
}
