//! Definitions: where the text spells an acronym out ("Long Form (ABC)", "ABC (Long Form)",
//! "ABC – Long Form"), whether a long form's initials fit an acronym, and long forms compared
//! regardless of case and spelling.

use super::tokens::line_above_tail;
use super::tokens::skip_spaces;
use super::tokens::word_texts;
use super::tokens::words_backward;
use super::tokens::words_forward;
use crate::core::text::floor_char_boundary;
use crate::core::text::Span;

/// Small words a long form may skip or take a letter from ("Department for Education" = DfE).
pub(super) const STOP_WORDS: &[&str] = &[
    "and", "of", "for", "the", "to", "in", "&", "on", "at", "with", "a", "an", "by", "as", "or",
];

/// How far around an acronym the long form of a definition may reach, in bytes.
pub(super) const WINDOW: usize = 240;

/// How a definition is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DefinitionKind {
    /// "Local Government Association (LGA)".
    LongThenShort,
    /// "LGA (Local Government Association)".
    ShortThenLong,
    /// "LGA – Local Government Association", "LGA - …", "LGA: …", "LGA = …".
    Dashed,
}

/// A place in the document that spells an acronym out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    pub kind: DefinitionKind,
    /// An entry of a glossary list (the definition opens its line): it counts for the whole
    /// document, wherever it stands.
    pub glossary: bool,
    /// The acronym as written in the definition.
    pub acronym: Span,
    /// The long form as written ("Continuing Health Care").
    pub long_form: Span,
    /// The whole definition, acronym, long form and brackets.
    pub span: Span,
    /// What to delete to leave only the acronym or only the long form (" (LGA)", " (Local
    /// Government Association)", " – Local Government Association"), when that reads naturally.
    pub removal: Option<Span>,
}

impl Definition {
    /// The long form's text.
    pub fn long_text<'t>(&self, text: &'t str) -> &'t str {
        self.long_form.slice(text)
    }
}

pub(super) fn is_stop(word: &str) -> bool {
    // No stop word is longer than four bytes, and most words are: they need no comparisons.
    word.len() <= 4 && STOP_WORDS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// Whether a long form spells the acronym `acr` (its letters, no plural), checked loosely.
pub fn long_form_matches(acr: &str, long: &str) -> bool {
    let words = words_forward(long.trim());
    let consumed = words.last().map_or(0, |w| w.1);
    consumed == long.trim().len() && initials_match(acr, &word_texts(long.trim(), &words))
}

/// Whether `words` spell the acronym `acr` (its letters, no plural): each word lends its first
/// letter; small words may instead be skipped (not the first or last), and so may the second
/// half of a hyphenated word (written with its hyphen, "-bound"); lower-case letters of the
/// acronym may come from inside the word ("SENCo", "CiCC"), and so may capitals inside a word
/// ("HM Revenue and Customs" = HMRC).
pub fn initials_match(acr: &str, words: &[&str]) -> bool {
    if words.is_empty() || acr.is_empty() || words.len() > max_long_form_words(acr) {
        return false;
    }
    let required = words.iter().filter(|w| !is_optional(w)).count();
    if required > acr.len() {
        return false;
    }
    match_from(acr.as_bytes(), words, true)
}

/// The most words a long form of the acronym `acr` may have, small words included.
pub(super) fn max_long_form_words(acr: &str) -> usize {
    acr.len() * 3 + 4
}

pub(super) fn is_optional(word: &str) -> bool {
    word.starts_with('-') || is_stop(word)
}

pub(super) fn match_from(acr: &[u8], words: &[&str], first: bool) -> bool {
    let Some((word, rest)) = words.split_first() else {
        return acr.is_empty();
    };
    if rest.iter().filter(|w| !is_optional(w)).count() + usize::from(!is_optional(word)) > acr.len() {
        return false;
    }
    let hyphenated = word.starts_with('-');
    let word = word.trim_start_matches('-');
    let skippable = hyphenated || (is_stop(word) && !first && !rest.is_empty());
    if skippable && match_from(acr, rest, false) {
        return true;
    }
    let (Some(&a0), Some(c0)) = (acr.first(), word.chars().next()) else {
        return false;
    };
    if !c0.eq_ignore_ascii_case(&char::from(a0)) {
        return false;
    }
    let mut acr_rest = &acr[1..];
    if match_from(acr_rest, rest, false) {
        return true;
    }
    let mut chars = word.chars().skip(1);
    while let Some(&a) = acr_rest.first() {
        let a = char::from(a);
        let found = chars.any(|c| {
            if a.is_ascii_lowercase() {
                c == a
            } else {
                c == a && c.is_uppercase()
            }
        });
        if !found {
            return false;
        }
        acr_rest = &acr_rest[1..];
        if match_from(acr_rest, rest, false) {
            return true;
        }
    }
    false
}

/// A definition whose long form is one the acronym is known to have (the built-in glossary or
/// the config): "National Institute for Health and Care Excellence (NICE)", whose initials do not
/// spell the acronym, so [`find_definition`] cannot tell where the long form starts. The long
/// form must stand whole before the bracket, in any case, after a word boundary.
pub fn find_known_long_form<'k>(
    text: &str,
    line: Span,
    span: Span,
    long_forms: impl IntoIterator<Item = &'k str>,
) -> Option<Definition> {
    let before = text.get(line.start..span.start)?.strip_suffix('(')?;
    let close_end = span.end + text.get(span.end..)?.strip_prefix(')').map(|_| 1)?;
    let pre = before.trim_end();
    long_forms.into_iter().find_map(|long| {
        let start = pre.len().checked_sub(long.len())?;
        let written = pre.get(start..)?;
        let boundary = !pre[..start].chars().next_back().is_some_and(char::is_alphanumeric);
        (written.eq_ignore_ascii_case(long) && boundary && !long.is_empty()).then(|| {
            let long_form = Span::new(line.start + start, line.start + pre.len());
            Definition {
                kind: DefinitionKind::LongThenShort,
                glossary: false,
                acronym: span,
                long_form,
                span: Span::new(long_form.start, close_end),
                removal: Some(Span::new(long_form.end, close_end)),
            }
        })
    })
}

/// The definition made at this use of an acronym, if any.
pub(super) fn find_definition(text: &str, line: Span, span: Span, base: &str) -> Option<Definition> {
    let window_start = floor_char_boundary(text, span.start.saturating_sub(WINDOW).max(line.start));
    let mut window_end = (span.end + WINDOW).min(line.end);
    while !text.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let before = text.get(window_start..span.start)?;
    let after_start = span.end;
    let raw_after = text.get(after_start..window_end.max(after_start))?;
    // "GPs" → the plural is part of the use; "LGA's" → the possessive is not part of a definition.
    let emph = raw_after.len() - raw_after.trim_start_matches(['*', '_', '`']).len();
    let after = &raw_after[emph..];
    let before_trim = before.trim_end_matches(['*', '_', '`', '\'', '’', '‘', '"', '“']);
    // Worked out only when a definition's punctuation is there: most uses define nothing.
    let line_initial = || {
        window_start == line.start
            && before_trim.chars().all(|c| {
                c.is_whitespace()
                    || matches!(c, '-' | '*' | '•' | '·' | '#' | '>' | '.' | ')' | '|')
                    || c.is_ascii_digit()
            })
    };

    // "Long Form (ABC)"
    if let Some(pre) = before_trim.strip_suffix('(') {
        let close = after.trim_start_matches(['\'', '’', '"', '”']);
        if close.starts_with(')') {
            let close_end = after_start + emph + (after.len() - close.len()) + 1;
            // "'Long Form' (ABC)": the closing quote is not part of the long form.
            let mut pre_trimmed = pre.trim_end().trim_end_matches(['\'', '’']);
            let mut window_start = window_start;
            if window_start == line.start && line.start > 0 {
                // Hard-wrapped text: the long form may begin on the line before ("Local
                // Government" / "Association (LGA)"), or end it with "(ABC)" opening this line.
                // Read from the line before; the words nearest the bracket still come first.
                let above = line_above_tail(text, line.start, WINDOW).unwrap_or(Span::empty(line.start));
                let pre_end = window_start + pre_trimmed.len();
                window_start = above.start;
                pre_trimmed = text[above.start..pre_end].trim_end();
            }
            let words = words_backward(pre_trimmed);
            // A word's text does not depend on the others chosen: worked out once for all.
            let texts = word_texts(pre_trimmed, &words);
            for k in 1..=words.len().min(max_long_form_words(base)) {
                let chosen = &words[words.len() - k..];
                if initials_match(base, &texts[texts.len() - k..]) {
                    let long_start = window_start + chosen[0].0;
                    let long_end = window_start + chosen[k - 1].1;
                    return Some(Definition {
                        kind: DefinitionKind::LongThenShort,
                        glossary: false,
                        acronym: span,
                        long_form: Span::new(long_start, long_end),
                        span: Span::new(long_start, close_end),
                        // A long form across two lines is left in place: taking "(ABC)" off its
                        // own line would join them.
                        removal: (long_end >= line.start).then(|| Span::new(long_end, close_end)),
                    });
                }
            }
            return None;
        }
    }

    // "ABC (Long Form…)", "ABC – Long Form", "ABC: Long Form"
    let gap = skip_spaces(after);
    let rest = &after[gap..];
    let (kind, sep_len) = if rest.starts_with('(') {
        (DefinitionKind::ShortThenLong, 1)
    } else if rest.starts_with('–') || rest.starts_with('—') {
        (DefinitionKind::Dashed, rest.chars().next().map_or(1, char::len_utf8))
    } else if (rest.starts_with('-') && gap > 0)
        || (rest.starts_with(':') && gap == 0)
        || (rest.starts_with('|') && line_initial())
        || (rest.starts_with('=') && gap > 0)
    {
        (DefinitionKind::Dashed, 1)
    } else {
        return None;
    };
    let line_initial = line_initial();
    // "TVT (Tern Valley\n Trust)": a bracket hard-wrapped onto the next line is read on
    // to its close there.
    let mut cross_line = false;
    let after = match kind {
        DefinitionKind::ShortThenLong if window_end == line.end && !rest.contains(')') => {
            match wrapped_line_end(text, line.end, span.end + WINDOW) {
                Some(end) => {
                    cross_line = true;
                    &text[after_start + emph..end]
                }
                None => after,
            }
        }
        _ => after,
    };
    let body_rel = gap + sep_len;
    let body_raw = &after[body_rel..];
    let spaces = skip_spaces(body_raw);
    let body_lead =
        spaces + (body_raw[spaces..].len() - body_raw[spaces..].trim_start_matches(['‘', '\'', '"', '“']).len());
    let body = &body_raw[body_lead..];
    let body_abs = after_start + emph + body_rel + body_lead;
    let all_words = words_forward(body);
    // "LGA (the Local Government Association)": a leading article is not part of the long form.
    let article = all_words
        .first()
        .is_some_and(|&(a, b)| ["the", "a", "an"].iter().any(|w| body[a..b].eq_ignore_ascii_case(w)));
    let words = &all_words[usize::from(article)..];
    let texts = word_texts(body, words);
    for k in 1..=words.len().min(max_long_form_words(base)) {
        let chosen = &words[..k];
        if !initials_match(base, &texts[..k]) {
            continue;
        }
        let long_end_rel = chosen[k - 1].1;
        let long_form = Span::new(body_abs + chosen[0].0, body_abs + long_end_rel);
        let tail = &body[long_end_rel..];
        let (span_end, removal) = match kind {
            DefinitionKind::ShortThenLong => {
                let t = skip_spaces(tail);
                if tail[t..].starts_with(')') {
                    let end = long_form.end + t + 1;
                    // Taking a bracket that spans two lines out would join them: left to a person.
                    (end, (!cross_line).then(|| Span::new(span.end, end)))
                } else {
                    (long_form.end, None)
                }
            }
            _ => {
                let t = tail.trim_start_matches([' ', '\t']);
                let clean = t.is_empty() || t.starts_with(['.', ',', ';', ')', ':']);
                (
                    long_form.end,
                    (clean && !line_initial).then(|| Span::new(span.end, long_form.end)),
                )
            }
        };
        return Some(Definition {
            kind,
            glossary: line_initial,
            acronym: span,
            long_form,
            span: Span::new(span.start, span_end),
            removal,
        });
    }
    None
}

/// The end of the line after the one ending at `line_end`, no further than `limit`, when that
/// line holds the bracket's close; `None` at the end of the text.
fn wrapped_line_end(text: &str, line_end: usize, limit: usize) -> Option<usize> {
    let rest = text.get(line_end..)?;
    let next_start = line_end + rest.len()
        - rest
            .strip_prefix("\r\n")
            .or_else(|| rest.strip_prefix(['\n', '\r']))?
            .len();
    let next = &text[next_start..];
    let next_end = next_start + memchr::memchr2(b'\n', b'\r', next.as_bytes()).unwrap_or(next.len());
    let end = floor_char_boundary(text, next_end.min(limit.max(next_start)));
    text[next_start..end].contains(')').then_some(end)
}

/// Normalises a long form for comparison: only its letters, in lower case, with "&" read as
/// "and" and a final plural dropped, so that case, hyphens, apostrophes, white space ("health
/// care", "healthcare") and "&" against "and" make no difference.
pub fn normalise_long_form(long: &str) -> String {
    let mut out: String = long
        .to_lowercase()
        .replace("and/or", "and")
        .replace('&', "and")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if out.len() > 1 && out.ends_with('s') {
        out.pop();
    }
    out
}
