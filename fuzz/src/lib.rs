//! Helpers shared by the fuzz targets: the invariants the tests also check, and input decoding.

#[path = "../../tests/support/invariants.rs"]
pub mod invariants;

/// Decodes fuzz input: the first byte chooses how (odd: lossy UTF-8, so invalid input still
/// reaches the parser the way the CLI's lossy paths and editors would deliver it; even: only
/// valid UTF-8, rejecting the rest) and which file name the text is linted under.
pub fn decode(data: &[u8]) -> Option<(String, Option<&'static str>)> {
    let (&flags, rest) = data.split_first()?;
    let text = if flags & 1 == 1 {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        std::str::from_utf8(rest).ok()?.to_string()
    };
    let path = match (flags >> 1) % 3 {
        0 => None,
        1 => Some("draft.minutes"),
        _ => Some("draft.minutes.md"),
    };
    Some((text, path))
}
