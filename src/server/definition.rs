//! Go to definition (an acronym's definition, "item 21/49" → the item) and references.

use crate::core::text::Span;
use crate::server::analysis::Analysis;
use crate::server::words;
use regex::Regex;
use std::sync::OnceLock;

/// Where the thing at `offset` is defined, as byte spans.
pub fn definition(analysis: &Analysis, offset: usize) -> Vec<Span> {
    let text = analysis.text.as_str();
    let minutes = &analysis.linted.minutes;
    if let Some(span) = item_reference_at(analysis, offset) {
        return vec![span];
    }
    let Some(word) = words::word_at(text, offset) else {
        return Vec::new();
    };
    let acronym = word.slice(text);
    if !words::is_acronym(acronym) {
        return Vec::new();
    }
    let defs = words::definitions_in_document(text, minutes, words::singular(acronym));
    // The first definition is the one that counts; a definition on the cursor points to itself.
    defs.first().map(|d| vec![d.span]).unwrap_or_default()
}

/// Every use of the acronym at `offset`.
pub fn references(analysis: &Analysis, offset: usize) -> Vec<Span> {
    let text = analysis.text.as_str();
    let Some(word) = words::word_at(text, offset) else {
        return Vec::new();
    };
    let acronym = word.slice(text);
    if !words::is_acronym(acronym) {
        return Vec::new();
    }
    words::occurrences(text, words::singular(acronym))
}

fn reference_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:item|minute)s?\s+(?:no\.?\s*)?([A-Z0-9][A-Z0-9/.\-]*[A-Z0-9]|[0-9])").unwrap()
    })
}

/// "item 21/49" or "Minute 21/49" around `offset`: the span of the item it names.
fn item_reference_at(analysis: &Analysis, offset: usize) -> Option<Span> {
    let text = analysis.text.as_str();
    let lines = &analysis.linted.lines;
    let line = lines.line_span(text, lines.line_of(offset.min(text.len())));
    let line_text = line.slice(text);
    for caps in reference_pattern().captures_iter(line_text) {
        let whole = caps.get(0)?;
        let number = caps.get(1)?;
        let span = line.sub(whole.range());
        if !(span.start <= offset && offset <= span.end) {
            continue;
        }
        let wanted = number.as_str().trim_end_matches('.');
        let item = analysis.linted.minutes.items.iter().find(|item| {
            item.number
                .as_ref()
                .is_some_and(|n| n.as_str(text).trim_end_matches('.') == wanted)
        })?;
        // Don't jump from an item's own heading to itself.
        if item.number.as_ref().is_some_and(|n| n.span.overlaps(span)) {
            return None;
        }
        return Some(item.number.as_ref().map_or(item.span, |n| n.span));
    }
    None
}
